#pragma once

#include <cstdint>
#include <string_view>

#include <QTimeZone>

#include "models/logs/logline.h"

namespace mailtls {

// Splits a line of Exim's own main log (log_file_path, no syslog in between)
// into a LogLine:
//
//   2024-03-18 10:00:01 1rmABC-000123-AB <= …
//   2024-03-18 10:00:01.123 +0100 [4711] 1rmABC-000123-AB <= …
//
// A stamp, with milliseconds when log_selector has +millisec, an offset when
// log_timezone is set and the Exim pid in brackets with +pid; the rest is the
// message. The program is "exim", the host empty. A stamp without an offset is
// local time in the zone given to the constructor.
//
// A line whose stamp is followed by a syslog-style "[host] program[pid]: "
// (a collector that put a date in front of a syslog line) is taken only when
// the program is Exim's (EximAssembler::isEximProgram()): host, program and pid
// are then the syslog ones. Lines of other programs are not Exim's: false.
class EximLineParser final
{
public:
    explicit EximLineParser(const QTimeZone &zone = QTimeZone::systemTimeZone());

    QTimeZone zone() const { return m_zone; }

    // False when the line is not an Exim main log line; `out` is then unspecified.
    bool parse(std::string_view line, LogLine &out);

private:
    std::int64_t localToUtc(std::int64_t localSeconds, int year, int month, int day, int hour,
                            int minute, int second);

    QTimeZone m_zone;
    // The offset of the last local time converted and the stretch of local time
    // (kept clear of the zone's transitions, where local times are missing or
    // occur twice) in which it is the only answer.
    std::int64_t m_cachedLocalStart = 0;
    std::int64_t m_cachedLocalEnd = 0;
    std::int64_t m_cachedOffset = 0;
};

} // namespace mailtls
