#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

#include "models/itemmodels/keyedtablemodel.h"
#include "widgets/campaign/campaignpeerrow.h"

namespace mailtls {

// A campaign's failing peers, one row per peer and direction: the state
// (failing, letter sent, still plaintext, fixed), when it was fixed, what
// failed and the MTA's words, counts, first and last seen, the
// correspondents on both sides and the letters written.
class CampaignPeerModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PeerColumn,
        DirectionColumn,
        StateColumn,
        FixedColumn,
        ProblemColumn,
        ReasonColumn,
        FailuresColumn,
        MessagesColumn,
        FirstSeenColumn,
        LastSeenColumn,
        OurAddressesColumn,
        TheirAddressesColumn,
        LettersColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        StateRole, // int(CampaignPeerRow::State)
        // As every peer table names its peer, so PeerActivation and
        // PeerProbeTarget work on this one too.
        PeerRole = KeyedTableModel::PeerRole, // QString
        DirectionRole = KeyedTableModel::DirectionRole, // int(Direction)
    };

    explicit CampaignPeerModel(QObject *parent = nullptr);

    void setRows(const QList<CampaignPeerRow> &rows);
    const QList<CampaignPeerRow> &rows() const { return m_rows; }
    void clear() { setRows({}); }

    // A cell's text as the table shows it; the CSV writes the same for the
    // columns that are words, the data format's values for the others.
    static QString text(const CampaignPeerRow &row, int column);
    static QString columnTitle(int column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CampaignPeerRow> m_rows;
};

} // namespace mailtls
