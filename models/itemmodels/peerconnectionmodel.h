#pragma once

#include <QList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/peerdetail.h"

namespace mailtls {

// A peer's connections, as the peer detail page lists them: one row per
// connection, newest first as the store gives them, with what its TLS was.
// Display text is formatted; SortRole gives raw values, RecordIdRole the
// connection's row id (for its log lines), EncryptedRole whether it was
// encrypted.
class PeerConnectionModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        HostColumn,
        AddressColumn,
        EncryptionColumn,
        ProtocolColumn,
        CipherColumn,
        KeyExchangeColumn,
        TrustColumn,
        ColumnCount
    };

    explicit PeerConnectionModel(QObject *parent = nullptr);

    // Merged in by row id (see KeyedTableModel).
    void setConnections(const QList<PeerConnection> &connections);
    void clear();
    const QList<PeerConnection> &connections() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "X25519 (253 bits)", "DHE (size not logged)", "" when nothing was logged.
    static QString keyExchangeText(const TlsDetails &tls);

private:
    QVariant display(const PeerConnection &c, int column) const;
    QVariant sortValue(const PeerConnection &c, int column) const;
    QVariant toolTip(const PeerConnection &c, int column) const;

    QList<PeerConnection> m_rows;
};

} // namespace mailtls
