#include "tests/bench/loggen/logclock.h"

#include <cctype>
#include <utility>

#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

namespace {

std::int64_t daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

bool readNumber(const std::string &s, std::size_t &pos, int digits, int &value)
{
    if (pos + static_cast<std::size_t>(digits) > s.size())
        return false;
    value = 0;
    for (int i = 0; i < digits; ++i) {
        const char c = s[pos++];
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

} // namespace

LogClock::LogClock(StampFormat format, std::string host)
    : m_format(format)
    , m_host(std::move(host))
{
}

const char *LogClock::monthName(int month)
{
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return names[(month - 1) % 12];
}

void LogClock::civilFromDays(std::int64_t days, int &year, int &month, int &day)
{
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

bool LogClock::parseIso(const std::string &text, std::int64_t &micros)
{
    std::size_t p = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readNumber(text, p, 4, year) || p >= text.size() || text[p++] != '-'
        || !readNumber(text, p, 2, month) || p >= text.size() || text[p++] != '-'
        || !readNumber(text, p, 2, day))
        return false;
    if (p < text.size()) {
        if (text[p] != 'T' && text[p] != ' ')
            return false;
        ++p;
        if (!readNumber(text, p, 2, hour) || p >= text.size() || text[p++] != ':'
            || !readNumber(text, p, 2, minute))
            return false;
        if (p < text.size() && text[p] == ':') {
            ++p;
            if (!readNumber(text, p, 2, second))
                return false;
        }
        const std::string rest = text.substr(p);
        if (!rest.empty() && rest != "Z" && rest != "+00:00")
            return false;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
        return false;
    micros = ((daysFromCivil(year, month, day) * 86400) + hour * 3600 + minute * 60 + second) * 1000000;
    return true;
}

void LogClock::appendPrefix(std::string &out, std::int64_t micros)
{
    const std::int64_t second = micros / 1000000;
    if (second != m_cachedSecond) {
        m_cachedSecond = second;
        m_cachedStamp.clear();
        int year = 0, month = 0, day = 0;
        civilFromDays(second / 86400, year, month, day);
        const std::int64_t ofDay = second % 86400;
        if (m_format == StampFormat::Rfc3339 || m_format == StampFormat::EximMain) {
            appendPadded(m_cachedStamp, year, 4);
            m_cachedStamp += '-';
            appendPadded(m_cachedStamp, month, 2);
            m_cachedStamp += '-';
            appendPadded(m_cachedStamp, day, 2);
            m_cachedStamp += m_format == StampFormat::Rfc3339 ? 'T' : ' ';
        } else {
            m_cachedStamp += monthName(month);
            m_cachedStamp += ' ';
            if (m_format == StampFormat::Syslog && day < 10)
                m_cachedStamp += ' ';
            appendPadded(m_cachedStamp, day, m_format == StampFormat::Syslog ? 1 : 2);
            m_cachedStamp += ' ';
        }
        appendPadded(m_cachedStamp, ofDay / 3600, 2);
        m_cachedStamp += ':';
        appendPadded(m_cachedStamp, ofDay / 60 % 60, 2);
        m_cachedStamp += ':';
        appendPadded(m_cachedStamp, ofDay % 60, 2);
    }
    out += m_cachedStamp;
    if (m_format == StampFormat::Rfc3339) {
        out += '.';
        appendPadded(out, micros % 1000000, 6);
        out += "+00:00";
    }
    out += ' ';
    if (m_format == StampFormat::EximMain)
        return;
    out += m_host;
    out += ' ';
}

} // namespace mailtls::bench
