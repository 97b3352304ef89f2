#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <QTimeZone>

#include "models/logs/logline.h"

namespace mailtls {

// Splits a log line into time stamp, host, program, pid and message. Knows the
// stamp shapes MTAs' logs come in: classic syslog ("Jan  5 10:00:00"), Postfix
// maillog_file ("Jan 05 10:00:00"), RFC 3339 ("2024-01-05T10:00:00.123456+01:00"),
// journalctl short-iso / short-iso-precise ("2024-01-05T10:00:00+0100"), the
// Solaris "[ID n facility.level]" tag and a level column some containers add.
//
// Classic stamps carry no year and no zone: they are read in zone() and the year
// follows COUNTING.md ("Time"): the reference time's year (a file's modification
// time), stepping so that a month running backwards across New Year is handled.
// The parser is stateful for that reason; use one per source, lines in order.
class LinePrefixParser final
{
public:
    explicit LinePrefixParser(const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Reference for year inference: the source's modification time (UTC seconds).
    void setReferenceTime(std::int64_t utcSeconds);
    QTimeZone zone() const { return m_zone; }

    // False when the line has no recognisable prefix; `out` is then unspecified.
    bool parse(std::string_view line, LogLine &out);

    // Forget year-inference state (a new source).
    void reset();

    // What year inference carries from one classic stamp to the next: the year
    // of the last one (0 before the first) and the month it holds as the latest.
    // With it, lines can be parsed in blocks on several threads with exactly the
    // results of one parser reading them in order, as long as each block is
    // parsed from the state the block before it ended with (ParallelIngest).
    struct YearState
    {
        int year = 0;
        int lastMonth = 0;
        bool operator==(const YearState &other) const
        {
            return year == other.year && lastMonth == other.lastMonth;
        }
        bool operator!=(const YearState &other) const { return !(*this == other); }
    };
    YearState yearState() const { return {m_year, m_lastMonth}; }
    void setYearState(YearState state);

private:
    // The columns after the stamp, which ends at `pos`.
    bool parseAfterStamp(std::string_view line, std::size_t pos, LogLine &out);
    // The message after the program column, which ends at `pos`.
    bool parseMessage(std::string_view line, std::size_t pos, LogLine &out);
    int inferYear(int month);
    std::int64_t localToUtc(int year, int month, int day, int hour, int minute, int second);
    bool isLevelColumnCached(std::string_view column);

    QTimeZone m_zone;
    std::int64_t m_referenceTime = 0;
    int m_referenceYear = 1970;
    int m_referenceMonth = 1;
    int m_year = 0;        // year of the previous classic stamp, 0 before the first
    int m_lastMonth = 0;
    // Offset cache: a zone's offset holds between two transitions, so remember the
    // stretch of local time (kept a day clear of either transition, where local
    // times are ambiguous or missing) in which the last offset is the only answer.
    std::int64_t m_cachedLocalStart = 0;
    std::int64_t m_cachedLocalEnd = 0;
    std::int64_t m_cachedOffset = 0;
    // The date localToUtc() saw last, and its day number.
    int m_dayYear = 0;
    int m_dayMonth = 0;
    int m_dayDay = 0;
    std::int64_t m_dayNumber = 0;
    // The last column isLevelColumnCached() looked at, and its answer.
    std::string m_lastColumn;
    bool m_lastColumnIsLevel = false;
    // The host of the last line whose columns were its host (no level) and its
    // program: most logs name the same host in every line (parseAfterStamp()).
    std::string m_host;
    // The stamp read last (from its start to its end, fraction included) and
    // what it gave. Most lines carry the stamp of the line before them (a
    // session logs several a second): the time is taken again, and year
    // inference, given a month it holds already, would change nothing.
    // Forgotten whenever the year state is set from outside.
    static constexpr std::size_t kMaxStamp = 48;
    char m_stamp[kMaxStamp] = {};
    std::size_t m_stampLength = 0;      // 0: none
    std::int64_t m_stampTime = 0;
    std::int32_t m_stampFraction = 0;
};

} // namespace mailtls
