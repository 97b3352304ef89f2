#include "models/store/trendquery.h"

#include "models/store/bucketsums.h"

namespace mailtls {

TrendBucket TrendQuery::resolve(TrendBucket requested, qint64 from, qint64 to)
{
    if (requested != TrendBucket::Auto)
        return requested;
    return to - from <= hourlyUpTo ? TrendBucket::Hour : TrendBucket::Day;
}

bool TrendQuery::run(const QueryContext &context, const RecordSelection &selection,
                     bool restricted, TrendBucket bucket, TrendSeries *series, QString *error)
{
    *series = TrendSeries();
    const ReportFilter &filter = context.filter();
    const RangePlan &plan = context.plan();
    const std::optional<qint64> from = filter.since ? filter.since : plan.firstTime();
    const std::optional<qint64> to = filter.until ? filter.until
        : plan.lastTime()                         ? std::optional<qint64>(*plan.lastTime() + 1)
                                                  : std::nullopt;
    if (!from || !to || plan.isEmpty() || *from >= *to) {
        series->bucket = bucket == TrendBucket::Auto ? TrendBucket::Day : bucket;
        return true;
    }
    series->bucket = resolve(bucket, *from, *to);
    const qint64 seconds = series->bucketSeconds();
    const qint64 first = RangePlan::floorDiv(*from, seconds);
    const qint64 end = RangePlan::ceilDiv(*to, seconds);
    if (end - first > maxPoints) {
        *error = tr("the range holds %1 points of this length, more than %2; choose a shorter "
                    "range or longer points")
                     .arg(end - first)
                     .arg(maxPoints);
        return false;
    }
    series->from = first * seconds;
    series->to = end * seconds;

    BucketSums::Map sums;
    const bool read = series->bucket == TrendBucket::Day
        ? BucketSums::days(context, selection, restricted, &sums, error)
        : BucketSums::fromRecords(context.db(), selection, {filter.since, filter.until}, seconds,
                                  &sums, error);
    if (!read)
        return false;

    series->points.reserve(end - first);
    for (qint64 index = first; index < end; ++index) {
        TrendPoint point;
        point.start = index * seconds;
        series->points.append(point);
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const qint64 index = it.key().first - first;
        if (index < 0 || index >= series->points.size())
            continue;   // only a damaged store has records outside their own extent
        TrendPoint &point = series->points[index];
        const AggregateValues &v = it.value();
        point.encryptedMessages += v.encryptedMessages;
        point.plaintextMessages += v.messages - v.encryptedMessages;
        point.encryptedBytes += v.encryptedBytes;
        point.plaintextBytes += v.bytes - v.encryptedBytes;
        point.tlsFailures += v.tlsFailures;
    }
    return true;
}

} // namespace mailtls
