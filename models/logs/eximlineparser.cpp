#include "models/logs/eximlineparser.h"

#include <algorithm>

#include <QDate>
#include <QDateTime>
#include <QTime>

#include "models/logs/eximassembler.h"

namespace mailtls {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Exactly `count` digits at `pos`.
bool readNumber(std::string_view s, std::size_t pos, int count, int &value)
{
    if (pos + std::size_t(count) > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + std::size_t(i)];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + doe - 719468;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

// A column "name[digits]:" ending at a blank or the end: a syslog program with its pid.
bool isProgramColumn(std::string_view column, std::string_view &name, std::int64_t &pid)
{
    if (column.size() < 5 || column.back() != ':' || column[column.size() - 2] != ']')
        return false;
    const std::size_t open = column.find('[');
    if (open == 0 || open == std::string_view::npos)
        return false;
    std::int64_t value = 0;
    const std::size_t digitsEnd = column.size() - 2;
    if (digitsEnd == open + 1 || digitsEnd - open - 1 > 18)
        return false;
    for (std::size_t i = open + 1; i < digitsEnd; ++i) {
        if (!isDigit(column[i]))
            return false;
        value = value * 10 + (column[i] - '0');
    }
    name = column.substr(0, open);
    pid = value;
    return true;
}

// A column that can be a syslog host name: no brackets, no '=' (Exim's fields)
// and not ending in ':'.
bool isHostColumn(std::string_view column)
{
    return !column.empty() && column.find_first_of("[]=") == std::string_view::npos
        && column.back() != ':';
}

} // namespace

EximLineParser::EximLineParser(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

std::int64_t EximLineParser::localToUtc(std::int64_t localSeconds, int year, int month, int day,
                                        int hour, int minute, int second)
{
    if (localSeconds >= m_cachedLocalStart && localSeconds < m_cachedLocalEnd)
        return localSeconds - m_cachedOffset;

    const QDateTime exact(QDate(year, month, day), QTime(hour, minute, second), m_zone);
    if (!exact.isValid()) {
        // A local time in a gap (a DST change): read with the offset in force
        // the day before, so that it lands inside the transition whatever line
        // came before.
        const QDateTime dayBefore = QDateTime::fromSecsSinceEpoch(localSeconds - kSecondsPerDay, Qt::UTC);
        return localSeconds - m_zone.offsetFromUtc(dayBefore);
    }
    const std::int64_t utcSeconds = exact.toSecsSinceEpoch();
    const std::int64_t offset = localSeconds - utcSeconds;
    if (offset != exact.offsetFromUtc())
        return utcSeconds;

    // The offset holds between the zone's transitions; the local times near
    // each that are missing or occur twice stay outside the cached stretch.
    constexpr std::int64_t kFar = std::int64_t(1) << 50;
    m_cachedLocalStart = -kFar;
    m_cachedLocalEnd = kFar;
    const QTimeZone::OffsetData before = m_zone.previousTransition(exact.addSecs(1));
    if (before.atUtc.isValid()) {
        const std::int64_t at = before.atUtc.toSecsSinceEpoch();
        const std::int64_t earlier = m_zone.offsetFromUtc(before.atUtc.addSecs(-1));
        m_cachedLocalStart = at + std::max(offset, earlier);
    }
    const QTimeZone::OffsetData after = m_zone.nextTransition(exact);
    if (after.atUtc.isValid()) {
        const std::int64_t at = after.atUtc.toSecsSinceEpoch();
        m_cachedLocalEnd = at + std::min<std::int64_t>(offset, after.offsetFromUtc);
    }
    m_cachedOffset = offset;
    return utcSeconds;
}

bool EximLineParser::parse(std::string_view line, LogLine &out)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.remove_suffix(1);

    // "YYYY-MM-DD HH:MM:SS"
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (line.size() < 20 || line[4] != '-' || line[7] != '-' || line[10] != ' ' || line[13] != ':'
        || line[16] != ':' || !readNumber(line, 0, 4, year) || !readNumber(line, 5, 2, month)
        || !readNumber(line, 8, 2, day) || !readNumber(line, 11, 2, hour)
        || !readNumber(line, 14, 2, minute) || !readNumber(line, 17, 2, second))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23
        || minute > 59 || second > 60)
        return false;
    std::size_t pos = 19;

    // ".123" (log_selector +millisec)
    out.fraction = 0;
    if (pos < line.size() && line[pos] == '.') {
        std::size_t p = pos + 1;
        int digits = 0;
        std::int32_t value = 0;
        while (p < line.size() && isDigit(line[p])) {
            if (digits < 6) {
                value = value * 10 + (line[p] - '0');
                ++digits;
            }
            ++p;
        }
        if (digits == 0)
            return false;
        while (digits < 6) {
            value *= 10;
            ++digits;
        }
        out.fraction = value;
        pos = p;
    }
    if (pos >= line.size() || line[pos] != ' ')
        return false;
    ++pos;

    const std::int64_t localSeconds = daysFromCivil(year, month, day) * kSecondsPerDay
        + hour * 3600 + minute * 60 + second;

    // " +0100" (log_timezone)
    int zoneHours = 0;
    int zoneMinutes = 0;
    if (pos + 5 <= line.size() && (line[pos] == '+' || line[pos] == '-')
        && readNumber(line, pos + 1, 2, zoneHours) && readNumber(line, pos + 3, 2, zoneMinutes)
        && (pos + 5 == line.size() || line[pos + 5] == ' ') && zoneHours <= 23 && zoneMinutes <= 59) {
        const int sign = line[pos] == '-' ? -1 : 1;
        out.timeUtc = localSeconds - sign * (zoneHours * 3600 + zoneMinutes * 60);
        pos = std::min(line.size(), pos + 6);
    } else {
        out.timeUtc = localToUtc(localSeconds, year, month, day, hour, minute, second);
    }

    out.host = std::string_view();
    out.program = std::string_view("exim");
    out.pid = -1;

    // "[4711] " (log_selector +pid)
    if (pos < line.size() && line[pos] == '[') {
        std::size_t p = pos + 1;
        std::int64_t value = 0;
        while (p < line.size() && p - pos <= 18 && isDigit(line[p])) {
            value = value * 10 + (line[p] - '0');
            ++p;
        }
        if (p > pos + 1 && p < line.size() && line[p] == ']' && (p + 1 == line.size() || line[p + 1] == ' ')) {
            out.pid = value;
            pos = std::min(line.size(), p + 2);
        }
    }

    // A syslog line behind a date: "[host] program[pid]: message".
    const std::string_view rest = line.substr(pos);
    const std::size_t firstEnd = std::min(rest.find(' '), rest.size());
    const std::string_view first = rest.substr(0, firstEnd);
    std::string_view name;
    std::int64_t pid = -1;
    std::string_view host;
    std::size_t messageStart = std::string_view::npos;
    if (isProgramColumn(first, name, pid)) {
        messageStart = firstEnd;
    } else if (isHostColumn(first) && firstEnd < rest.size()) {
        const std::string_view after = rest.substr(firstEnd + 1);
        const std::size_t secondEnd = std::min(after.find(' '), after.size());
        if (isProgramColumn(after.substr(0, secondEnd), name, pid)) {
            host = first;
            messageStart = firstEnd + 1 + secondEnd;
        }
    }
    if (messageStart != std::string_view::npos) {
        if (!EximAssembler::isEximProgram(name))
            return false;
        out.host = host;
        out.program = name;
        out.pid = pid;
        if (messageStart < rest.size())
            ++messageStart;
        out.message = rest.substr(messageStart);
        return true;
    }
    out.message = rest;
    return true;
}

} // namespace mailtls
