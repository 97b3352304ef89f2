#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/store/peerfigures.h"

namespace mailtls {

// Per-peer figures as a table: one row per (direction, peer), as `mailtls report`
// prints them. Display text is formatted; SortRole gives the raw values.
class PeerTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        DirectionColumn,
        PeerColumn,
        MessagesColumn,
        EncryptedMessagesColumn,
        PlaintextMessagesColumn,
        EncryptedShareColumn,
        BytesColumn,
        ConnectionsColumn,
        EncryptedConnectionsColumn,
        TlsFailuresColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, DirectionRole };

    explicit PeerTableModel(QObject *parent = nullptr);

    void setFigures(const QList<PeerFigures> &figures);
    const QList<PeerFigures> &figures() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString directionTitle(Direction direction);

private:
    QList<PeerFigures> m_rows;
};

} // namespace mailtls
