#pragma once

#include <cstdint>
#include <string>

namespace mailtls::bench {

enum class StampFormat {
    Maillog,   // Postfix maillog_file: "Nov 05 10:00:00"
    Syslog,    // classic syslog: "Nov  5 10:00:00"
    Rfc3339,   // rsyslog's high-precision stamp: "2026-11-05T10:00:00.123456+00:00"
    EximMain,  // Exim's own main log: "2026-11-05 10:00:00", no host (the log is the host's)
};

// Writes line prefixes ("<stamp> <host> ", Exim's main log "<stamp> ") for times in microseconds since the
// epoch. Times are UTC: a generated log is read back with TZ=UTC.
class LogClock final
{
public:
    LogClock(StampFormat format, std::string host);

    void appendPrefix(std::string &out, std::int64_t micros);

    // "2026-11-01T00:00:00" (optionally with "Z" or "+00:00") -> microseconds.
    static bool parseIso(const std::string &text, std::int64_t &micros);
    // Days since 1970-01-01 -> civil date.
    static void civilFromDays(std::int64_t days, int &year, int &month, int &day);
    static const char *monthName(int month);

private:
    StampFormat m_format;
    std::string m_host;
    std::int64_t m_cachedSecond = -1;
    std::string m_cachedStamp;   // up to the seconds
};

} // namespace mailtls::bench
