#include "models/store/aggregatedeltas.h"

namespace mailtls {

namespace {
constexpr qint64 secondsPerDay = 86400;

void addValues(AggregateValues &into, const AggregateValues &values)
{
    values.addTo(into);
    into.shrinks = into.shrinks || values.shrinks;
    AggregateValues::keepLatest(into.lastContact, values.lastContact);
    AggregateValues::keepLatest(into.lastMessage, values.lastMessage);
}
} // namespace

qint64 AggregateDeltas::dayOf(qint64 utcSeconds)
{
    // Floor, not truncation: a time before 1970 belongs to the day before.
    qint64 day = utcSeconds / secondsPerDay;
    if (utcSeconds % secondsPerDay < 0)
        --day;
    return day;
}

AggregateValues &AggregateDeltas::entry(const AggregateKey &key, int sign)
{
    AggregateValues &values = m_entries[key];
    if (sign < 0)
        values.shrinks = true;
    return values;
}

void AggregateDeltas::addTransfer(const AggregateKey &key, qint64 time, qint64 bytes, bool encrypted,
                                  int sign)
{
    AggregateValues &values = entry(key, sign);
    if (sign > 0)
        AggregateValues::keepLatest(values.lastMessage, time);
    values.messages += sign;
    values.bytes += sign * bytes;
    if (encrypted) {
        values.encryptedMessages += sign;
        values.encryptedBytes += sign * bytes;
    }
}

void AggregateDeltas::addConnection(const AggregateKey &key, qint64 time, bool encrypted, int sign)
{
    AggregateValues &values = entry(key, sign);
    if (sign > 0)
        AggregateValues::keepLatest(values.lastContact, time);
    values.connections += sign;
    if (encrypted)
        values.encryptedConnections += sign;
}

void AggregateDeltas::addFailure(const AggregateKey &key, qint64 time, int sign)
{
    AggregateValues &values = entry(key, sign);
    values.tlsFailures += sign;
    if (sign > 0)
        AggregateValues::keepLatest(values.lastContact, time);
}

void AggregateDeltas::addTlsConnection(const AggregateKey &key, qint64 tlsId, int sign)
{
    m_tls[TlsAggregateKey{key, tlsId}] += sign;
}

QHash<AggregateKey, AggregateValues> AggregateDeltas::dayTotals() const
{
    QHash<AggregateKey, AggregateValues> totals;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        AggregateKey key = it.key();
        key.endpointId = 0;
        addValues(totals[key], it.value());
    }
    return totals;
}

QHash<AggregateKey, AggregateValues> AggregateDeltas::peerTotals() const
{
    QHash<AggregateKey, AggregateValues> totals;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        AggregateKey key = it.key();
        key.day = 0;
        addValues(totals[key], it.value());
    }
    return totals;
}

QHash<TlsAggregateKey, qint64> AggregateDeltas::tlsTotals() const
{
    QHash<TlsAggregateKey, qint64> totals;
    for (auto it = m_tls.cbegin(); it != m_tls.cend(); ++it) {
        TlsAggregateKey key = it.key();
        key.key.day = 0;
        totals[key] += it.value();
    }
    return totals;
}

} // namespace mailtls
