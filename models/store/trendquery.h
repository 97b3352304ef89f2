#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include "models/store/querycontext.h"
#include "models/store/recordselection.h"
#include "models/store/trendseries.h"

namespace mailtls {

// The trend series of a ReportFilter (all its peers, or one peer's endpoints).
// Day buckets come from the day aggregates (cut days from records); hour
// buckets from the records.
class TrendQuery final
{
    Q_DECLARE_TR_FUNCTIONS(TrendQuery)

public:
    // Ranges of at most this long get hourly points when the bucket is Auto.
    static constexpr qint64 hourlyUpTo = 72 * 3600;
    // A longer series is refused: a chart cannot show it, and memory is finite.
    static constexpr qint64 maxPoints = 100000;

    // Auto -> Hour for a span of at most 72 hours, else Day.
    static TrendBucket resolve(TrendBucket requested, qint64 from, qint64 to);

    // The range is the filter's; an open end is the first or last record.
    // An empty store with an open range gives no points.
    static bool run(const QueryContext &context, const RecordSelection &selection,
                    bool restricted, TrendBucket bucket, TrendSeries *series, QString *error);
};

} // namespace mailtls
