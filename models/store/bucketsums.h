#pragma once

#include <utility>

#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QtGlobal>

#include "models/store/aggregatevalues.h"
#include "models/store/querycontext.h"
#include "models/store/rangeplan.h"
#include "models/store/recordselection.h"

namespace mailtls {

// Sums of messages, bytes, connections and failures per time bucket and
// direction: what the trend chart and the per-direction shares are made of.
class BucketSums final
{
public:
    // (bucket index = floor(time / bucket seconds), direction)
    using Key = std::pair<qint64, int>;
    using Map = QMap<Key, AggregateValues>;

    // Records inside `span`, in buckets of `seconds`.
    static bool fromRecords(const QSqlDatabase &db, const RecordSelection &selection,
                            const RangePlan::Span &span, qint64 seconds, Map *sums,
                            QString *error);

    // Per UTC day over the context's range: whole days from the day
    // aggregates, cut days from the records. `selection` restricted to some
    // endpoints (one peer) reads `daily`; otherwise the all-peer roll-up
    // `daily_totals`, less the peers the selection leaves out as listed local.
    static bool days(const QueryContext &context, const RecordSelection &selection,
                     bool restricted, Map *sums, QString *error);

    static void add(AggregateValues &into, const AggregateValues &values, int sign = 1);

    // The seven sums of a row, in the order of sumColumns(), from column `first` on.
    static AggregateValues valuesOf(const QSqlQuery &row, int first);
};

} // namespace mailtls
