#pragma once

#include <QHash>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// The key of one row of the `daily` table.
struct AggregateKey
{
    qint64 day = 0;            // UTC days since 1970-01-01
    Direction direction = Direction::Inbound;
    qint64 endpointId = 0;     // the peer's host name and address (`endpoints`)
    bool local = false;

    bool operator==(const AggregateKey &other) const
    {
        return day == other.day && direction == other.direction && local == other.local
            && endpointId == other.endpointId;
    }
};

inline size_t qHash(const AggregateKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.day, int(key.direction), key.endpointId, key.local);
}

} // namespace mailtls
