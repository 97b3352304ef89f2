#pragma once

#include <QList>
#include <QString>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/peerfigures.h"

namespace mailtls {

// The Overview's top plaintext peers: one row per (direction, peer), in the
// order the query gives (most plaintext messages first). A live update merges
// the new list in, so a selected peer stays selected.
class PlaintextPeerModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        DirectionColumn,
        PeerColumn,
        PlaintextMessagesColumn,
        MessagesColumn,
        EncryptedShareColumn,
        PlaintextBytesColumn,
        ColumnCount
    };
    explicit PlaintextPeerModel(QObject *parent = nullptr);

    void setPeers(const QList<PeerFigures> &peers);
    const QList<PeerFigures> &peers() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PeerFigures> m_rows;
};

} // namespace mailtls
