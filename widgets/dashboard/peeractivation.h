#pragma once

#include <functional>

#include <QString>

#include "models/logs/records.h"

class QAbstractItemView;
class QObject;

namespace mailtls {

// Opening a peer from a table: Enter or a double-click on a row whose model
// names a peer (KeyedTableModel::PeerRole and DirectionRole, read through any
// proxy) calls `open` with that peer and direction.
class PeerActivation final
{
public:
    static void onActivated(QAbstractItemView *view, QObject *receiver,
                            std::function<void(const QString &peer, Direction direction)> open);
};

} // namespace mailtls
