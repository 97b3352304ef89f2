#pragma once

#include <QList>
#include <QtGlobal>

namespace mailtls {

// How long one point of a trend chart is. Auto: an hour when the range spans
// at most 72 hours, a day otherwise (TrendQuery::resolve).
enum class TrendBucket { Auto, Hour, Day };

// One bucket of a trend chart: what arrived in [start, start + bucket length).
struct TrendPoint
{
    qint64 start = 0;                 // UTC seconds
    qint64 encryptedMessages = 0;
    qint64 plaintextMessages = 0;
    qint64 encryptedBytes = 0;
    qint64 plaintextBytes = 0;
    qint64 tlsFailures = 0;

    bool operator==(const TrendPoint &other) const
    {
        return start == other.start && encryptedMessages == other.encryptedMessages
            && plaintextMessages == other.plaintextMessages && encryptedBytes == other.encryptedBytes
            && plaintextBytes == other.plaintextBytes && tlsFailures == other.tlsFailures;
    }
    bool operator!=(const TrendPoint &other) const { return !(*this == other); }
};

// Encrypted versus plaintext over time: one point per bucket from `from` to
// `to`, buckets without mail included as zeros, so a chart has no gaps.
// Buckets are aligned to UTC hours or days; the first and last may be cut by
// the range and then hold only what lies inside it.
struct TrendSeries
{
    TrendBucket bucket = TrendBucket::Day;   // Hour or Day, never Auto
    qint64 from = 0;                         // start of the first bucket
    qint64 to = 0;                           // end of the last bucket
    QList<TrendPoint> points;

    qint64 bucketSeconds() const { return bucket == TrendBucket::Hour ? 3600 : 86400; }
};

} // namespace mailtls
