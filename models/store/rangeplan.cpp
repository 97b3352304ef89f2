#include "models/store/rangeplan.h"

#include <QSqlQuery>
#include <QVariant>

#include "models/store/sqlrows.h"

namespace mailtls {

qint64 RangePlan::floorDiv(qint64 value, qint64 divisor)
{
    qint64 quotient = value / divisor;
    if (value % divisor < 0)
        --quotient;
    return quotient;
}

qint64 RangePlan::ceilDiv(qint64 value, qint64 divisor)
{
    return -floorDiv(-value, divisor);
}

qint64 RangePlan::dayOf(qint64 utcSeconds)
{
    return floorDiv(utcSeconds, secondsPerDay);
}

bool RangePlan::make(const QSqlDatabase &db, const ReportFilter &filter, RangePlan *plan,
                     QString *error)
{
    *plan = RangePlan();
    if (filter.since && filter.until && *filter.since >= *filter.until) {
        plan->m_empty = true;
        return true;
    }

    // Each min() and max() on its own, so that each is one index look-up.
    QString sql = QStringLiteral("SELECT ");
    const char *const tables[] = {"transfers", "connections", "tls_failures"};
    for (int i = 0; i < 3; ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += QStringLiteral("(SELECT min(time) FROM %1), (SELECT max(time) FROM %1)")
                   .arg(QLatin1String(tables[i]));
    }
    const bool read = SqlRows::forEach(db, sql, error, [plan](const QSqlQuery &row) {
        for (int i = 0; i < 6; ++i) {
            if (row.value(i).isNull())
                continue;
            const qint64 t = row.value(i).toLongLong();
            std::optional<qint64> &bound = i % 2 == 0 ? plan->m_firstTime : plan->m_lastTime;
            if (!bound || (i % 2 == 0 ? t < *bound : t > *bound))
                bound = t;
        }
    });
    if (!read)
        return false;

    const bool fromStart = !filter.since || !plan->m_firstTime || *filter.since <= *plan->m_firstTime;
    const bool toEnd = !filter.until || !plan->m_lastTime || *filter.until > *plan->m_lastTime;
    if (fromStart && toEnd) {
        plan->m_coversAll = true;
        plan->m_hasDays = true;
        return true;
    }

    if (filter.since)
        plan->m_firstDay = ceilDiv(*filter.since, secondsPerDay);
    if (filter.until)
        plan->m_endDay = floorDiv(*filter.until, secondsPerDay);
    if (plan->m_firstDay && plan->m_endDay && *plan->m_firstDay >= *plan->m_endDay) {
        plan->m_firstDay.reset();
        plan->m_endDay.reset();
        plan->m_cuts.append({filter.since, filter.until});
        return true;
    }
    plan->m_hasDays = true;
    if (filter.since && *filter.since < *plan->m_firstDay * secondsPerDay)
        plan->m_cuts.append({filter.since, *plan->m_firstDay * secondsPerDay});
    if (filter.until && *plan->m_endDay * secondsPerDay < *filter.until)
        plan->m_cuts.append({*plan->m_endDay * secondsPerDay, filter.until});
    return true;
}

} // namespace mailtls
