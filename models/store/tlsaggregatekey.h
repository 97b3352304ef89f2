#pragma once

#include <QHash>
#include <QtGlobal>

#include "models/store/aggregatekey.h"

namespace mailtls {

// The key of one row of `tls_daily` (and, with day 0, of `tls_totals`): the
// encrypted connections of one peer, direction and local flag per TLS parameters.
struct TlsAggregateKey
{
    AggregateKey key;
    qint64 tlsId = 0;          // `tls_parameters`

    bool operator==(const TlsAggregateKey &other) const
    {
        return tlsId == other.tlsId && key == other.key;
    }
};

inline size_t qHash(const TlsAggregateKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.key, key.tlsId);
}

} // namespace mailtls
