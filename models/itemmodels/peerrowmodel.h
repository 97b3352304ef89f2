#pragma once

#include <utility>

#include <QList>
#include <QString>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/peerrow.h"

namespace mailtls {

// The dashboard's Peers table: one row per (direction, peer), as
// PeerTableQuery reads them. DisplayRole is text for people (QLocale); SortRole
// is the raw value, so number columns sort as numbers. Each new result is
// merged in by (direction, peer), so a view keeps its selection, sort order
// and scroll position while a live source adds records: changed rows in one
// dataChanged, new rows in one insertion, the query's new order in one layout
// change (thousands of peers re-sorted once, not moved one by one); only a
// result that drops many scattered rows resets the model.
//
// The query comes in two steps (PeerColumns): the figures first, the TLS
// columns, trust and last seen after. Cells of a row whose second step has
// not arrived yet are empty.
class PeerRowModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        PeerColumn,
        DirectionColumn,
        MessagesColumn,
        EncryptedShareColumn,
        BytesColumn,
        ConnectionsColumn,
        TlsFailuresColumn,
        ProtocolsColumn,
        CiphersColumn,
        TrustColumn,
        LastSeenColumn,
        LastProbeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    // Past KeyedTableModel's roles.
    enum PeerRowRole {
        // Encrypted messages / messages, 0..1; null when there are no messages.
        EncryptedShareRole = DirectionRole + 1,
    };

    explicit PeerRowModel(QObject *parent = nullptr);

    // Shows `rows`, read with `columns`. With PeerColumns::Figures and
    // keepDetails, a (direction, peer) shown already keeps its TLS columns,
    // trust and last seen until the Everything step brings the new ones: a live
    // refresh of the same view then does not blank them for a moment.
    void setRows(const QList<PeerRow> &rows, PeerColumns columns, bool keepDetails = false);
    void clear();

    QList<PeerRow> rows() const;
    const PeerRow &rowAt(int row) const { return m_rows.at(row).row; }
    // Whether a row's TLS columns, trust and last seen have been read.
    bool hasDetails(int row) const { return m_rows.at(row).detailed; }
    // The row of (direction, peer), or -1.
    int find(Direction direction, const QString &peer) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "TLSv1.3, TLSv1.2": names, most frequent first; "not logged" for
    // encrypted connections without details.
    static QString countNames(const QList<TlsCount> &counts);
    // One line per name with its number of connections, for tooltips.
    static QString countLines(const QList<TlsCount> &counts);
    // "Verified", "Untrusted – Verified" (worst – best); empty when unknown.
    static QString trustRange(Trust worst, Trust best);

private:
    struct Entry
    {
        PeerRow row;
        bool detailed = false;
    };
    using Key = std::pair<int, QString>;
    static Key keyOf(const Entry &entry);
    static bool same(const Entry &a, const Entry &b);

    QVariant display(const Entry &entry, int column) const;
    QVariant sortValue(const Entry &entry, int column) const;
    QVariant toolTip(const Entry &entry, int column) const;

    QList<Entry> m_rows;
};

} // namespace mailtls
