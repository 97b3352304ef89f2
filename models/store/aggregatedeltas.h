#pragma once

#include <QHash>
#include <QSet>
#include <QtGlobal>

#include "models/store/aggregatekey.h"
#include "models/store/aggregatevalues.h"
#include "models/store/tlsaggregatekey.h"

namespace mailtls {

// The change one batch makes to the per-day aggregates and their roll-ups,
// summed in memory so that each touched row is written once per batch.
class AggregateDeltas final
{
public:
    static qint64 dayOf(qint64 utcSeconds);

    // sign: +1 for a record being stored, -1 for the version it replaces.
    // `time`: the record's; a record being stored moves its row's latest
    // message (transfers) or contact (connections, failures) forward.
    void addTransfer(const AggregateKey &key, qint64 time, qint64 bytes, bool encrypted, int sign);
    void addConnection(const AggregateKey &key, qint64 time, bool encrypted, int sign);
    void addFailure(const AggregateKey &key, qint64 time, int sign);
    // A stored record under `key` was replaced by a version at another time or
    // under another key: that row's latest times must be read again from the
    // records (a maximum cannot be taken back).
    void recheckLatest(const AggregateKey &key) { m_recheck.insert(key); }
    const QSet<AggregateKey> &rechecks() const { return m_recheck; }
    // An encrypted connection with the TLS parameters `tlsId` (tls_daily, tls_totals).
    void addTlsConnection(const AggregateKey &key, qint64 tlsId, int sign);

    // Per `daily` row.
    const QHash<AggregateKey, AggregateValues> &entries() const { return m_entries; }
    // Per `tls_daily` row.
    const QHash<TlsAggregateKey, qint64> &tlsEntries() const { return m_tls; }

    // The same changes summed as the roll-ups keep them: `daily_totals` (per
    // day, direction and local flag: endpoint 0), `peer_totals` (per
    // direction, endpoint and local flag: day 0) and `tls_totals` (day 0).
    QHash<AggregateKey, AggregateValues> dayTotals() const;
    QHash<AggregateKey, AggregateValues> peerTotals() const;
    QHash<TlsAggregateKey, qint64> tlsTotals() const;

    void clear()
    {
        m_entries.clear();
        m_tls.clear();
        m_recheck.clear();
    }

private:
    AggregateValues &entry(const AggregateKey &key, int sign);

    QHash<AggregateKey, AggregateValues> m_entries;
    QHash<TlsAggregateKey, qint64> m_tls;
    QSet<AggregateKey> m_recheck;
};

} // namespace mailtls
