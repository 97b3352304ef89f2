#include "widgets/dashboard/peeractivation.h"

#include <utility>

#include <QAbstractItemView>

#include "models/itemmodels/keyedtablemodel.h"

namespace mailtls {

void PeerActivation::onActivated(QAbstractItemView *view, QObject *receiver,
                                 std::function<void(const QString &peer, Direction direction)> open)
{
    QObject::connect(view, &QAbstractItemView::activated, receiver,
                     [open = std::move(open)](const QModelIndex &index) {
                         const QString peer = index.data(KeyedTableModel::PeerRole).toString();
                         if (!index.isValid() || peer.isEmpty())
                             return;
                         open(peer, Direction(index.data(KeyedTableModel::DirectionRole).toInt()));
                     });
}

} // namespace mailtls
