#pragma once

#include <optional>

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include "models/store/reportfilter.h"

namespace mailtls {

// How a ReportFilter's time range is read. Whole UTC days come from per-day
// aggregates; the parts of the range that cut a day (a `since` or `until` off
// midnight) from the records themselves. A range that holds every record the
// store has is read from the all-time roll-ups (coversAll()), which cost one
// row per peer instead of one per peer and day.
class RangePlan final
{
public:
    static constexpr qint64 secondsPerDay = 86400;

    // [from, to) in UTC seconds; unset = open.
    struct Span
    {
        std::optional<qint64> from;
        std::optional<qint64> to;
    };

    // Reads the time of the first and last record (index look-ups only).
    static bool make(const QSqlDatabase &db, const ReportFilter &filter, RangePlan *plan,
                     QString *error);

    static qint64 dayOf(qint64 utcSeconds);     // floor
    static qint64 floorDiv(qint64 value, qint64 divisor);
    static qint64 ceilDiv(qint64 value, qint64 divisor);

    // since >= until: nothing can match.
    bool isEmpty() const { return m_empty; }
    // Every record lies inside the range.
    bool coversAll() const { return m_coversAll; }
    // Whole days [firstDay, endDay) read from day aggregates; unset = open.
    // hasDays() is false when the range lies inside one day.
    bool hasDays() const { return m_hasDays; }
    std::optional<qint64> firstDay() const { return m_firstDay; }
    std::optional<qint64> endDay() const { return m_endDay; }
    // Parts of the range read from records.
    const QList<Span> &cuts() const { return m_cuts; }

    // The records' extent: first and last time over transfers, connections and
    // TLS failures; unset in an empty store.
    std::optional<qint64> firstTime() const { return m_firstTime; }
    std::optional<qint64> lastTime() const { return m_lastTime; }

private:
    bool m_empty = false;
    bool m_coversAll = false;
    bool m_hasDays = false;
    std::optional<qint64> m_firstDay;
    std::optional<qint64> m_endDay;
    QList<Span> m_cuts;
    std::optional<qint64> m_firstTime;
    std::optional<qint64> m_lastTime;
};

} // namespace mailtls
