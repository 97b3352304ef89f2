#pragma once

#include <QHash>
#include <QtGlobal>

#include "models/store/aggregatekey.h"
#include "models/store/aggregatevalues.h"

namespace mailtls {

// The change one batch makes to the per-day aggregates, summed in memory so
// that each touched row is written once per batch.
class AggregateDeltas final
{
public:
    static qint64 dayOf(qint64 utcSeconds);

    // sign: +1 for a record being stored, -1 for the version it replaces.
    void addTransfer(const AggregateKey &key, qint64 bytes, bool encrypted, int sign);
    void addConnection(const AggregateKey &key, bool encrypted, int sign);
    void addFailure(const AggregateKey &key, int sign);

    const QHash<AggregateKey, AggregateValues> &entries() const { return m_entries; }
    void clear() { m_entries.clear(); }

private:
    AggregateValues &entry(const AggregateKey &key, int sign);

    QHash<AggregateKey, AggregateValues> m_entries;
};

} // namespace mailtls
