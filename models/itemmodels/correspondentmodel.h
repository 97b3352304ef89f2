#pragma once

#include <QList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/peerdetail.h"

namespace mailtls {

// The envelope addresses that exchanged mail with a peer: one row per
// (direction, side, address), most messages first as the store gives them.
// Inbound mail names only the sender's side (see Correspondent). SortRole
// gives raw values.
class CorrespondentModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column {
        DirectionColumn,
        SideColumn,
        AddressColumn,
        MessagesColumn,
        EncryptedMessagesColumn,
        EncryptedShareColumn,
        LastSeenColumn,
        ColumnCount
    };

    explicit CorrespondentModel(QObject *parent = nullptr);

    // Merged in by (direction, side, address) (see KeyedTableModel).
    void setCorrespondents(const QList<Correspondent> &correspondents);
    void clear();
    const QList<Correspondent> &correspondents() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString sideTitle(Correspondent::Side side);

private:
    QVariant display(const Correspondent &c, int column) const;
    QVariant sortValue(const Correspondent &c, int column) const;

    QList<Correspondent> m_rows;
};

} // namespace mailtls
