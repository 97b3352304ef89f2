#pragma once

#include <optional>

#include <QList>
#include <QStringList>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// Which records a figure counts, and how peers are named. Every view, export
// and `mailtls report` builds one of these; TrafficStore answers it.
struct ReportFilter
{
    // UTC seconds; `since` inclusive, `until` exclusive. Compared with a
    // message's arrival time, a connection's time, a failure's time.
    std::optional<qint64> since;
    std::optional<qint64> until;
    QList<Direction> directions;      // empty = all
    bool includeLocal = false;
    // Peers (host names or IP addresses) the user declared local: left out
    // like local hops unless includeLocal.
    QStringList localPeers;
    enum class GroupBy { Host, Domain };
    GroupBy groupBy = GroupBy::Host;
};

} // namespace mailtls
