#include "models/store/aggregatedeltas.h"

namespace mailtls {

namespace {
constexpr qint64 secondsPerDay = 86400;
}

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

void AggregateDeltas::addTransfer(const AggregateKey &key, qint64 bytes, bool encrypted, int sign)
{
    AggregateValues &values = entry(key, sign);
    values.messages += sign;
    values.bytes += sign * bytes;
    if (encrypted) {
        values.encryptedMessages += sign;
        values.encryptedBytes += sign * bytes;
    }
}

void AggregateDeltas::addConnection(const AggregateKey &key, bool encrypted, int sign)
{
    AggregateValues &values = entry(key, sign);
    values.connections += sign;
    if (encrypted)
        values.encryptedConnections += sign;
}

void AggregateDeltas::addFailure(const AggregateKey &key, int sign)
{
    entry(key, sign).tlsFailures += sign;
}

} // namespace mailtls
