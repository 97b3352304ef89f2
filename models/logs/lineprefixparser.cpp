#include "models/logs/lineprefixparser.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QDate>
#include <QDateTime>
#include <QtAlgorithms>
#include <QtEndian>
#include <QTime>

namespace mailtls {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm):
// a few integer operations instead of a QDate per line.
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

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

// Reads exactly `count` digits at `pos`.
bool readDigits(std::string_view s, std::size_t &pos, int count, int &value)
{
    if (pos + static_cast<std::size_t>(count) > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    pos += static_cast<std::size_t>(count);
    return true;
}

bool expect(std::string_view s, std::size_t &pos, char c)
{
    if (pos >= s.size() || s[pos] != c)
        return false;
    ++pos;
    return true;
}

int monthFromName(std::string_view s, std::size_t pos)
{
    if (pos + 3 > s.size())
        return 0;
    // Case-insensitive on the last two letters: some relays upper-case the stamp.
    const char a = static_cast<char>(s[pos] | 0x20);
    const char b = static_cast<char>(s[pos + 1] | 0x20);
    const char c = static_cast<char>(s[pos + 2] | 0x20);
    switch (a) {
    case 'j':
        if (b == 'a' && c == 'n') return 1;
        if (b == 'u' && c == 'n') return 6;
        if (b == 'u' && c == 'l') return 7;
        return 0;
    case 'f': return (b == 'e' && c == 'b') ? 2 : 0;
    case 'm':
        if (b == 'a' && c == 'r') return 3;
        if (b == 'a' && c == 'y') return 5;
        return 0;
    case 'a':
        if (b == 'p' && c == 'r') return 4;
        if (b == 'u' && c == 'g') return 8;
        return 0;
    case 's': return (b == 'e' && c == 'p') ? 9 : 0;
    case 'o': return (b == 'c' && c == 't') ? 10 : 0;
    case 'n': return (b == 'o' && c == 'v') ? 11 : 0;
    case 'd': return (b == 'e' && c == 'c') ? 12 : 0;
    default: return 0;
    }
}

bool validTime(int hour, int minute, int second)
{
    // 60 admits a leap second as some syslog daemons print it.
    return hour <= 23 && minute <= 59 && second <= 60;
}

// "HH:MM:SS", read in place.
bool readClock(std::string_view s, std::size_t &pos, int &hour, int &minute, int &second)
{
    if (pos + 8 > s.size())
        return false;
    const char *c = s.data() + pos;
    if (!isDigit(c[0]) || !isDigit(c[1]) || c[2] != ':' || !isDigit(c[3]) || !isDigit(c[4])
        || c[5] != ':' || !isDigit(c[6]) || !isDigit(c[7]))
        return false;
    hour = (c[0] - '0') * 10 + (c[1] - '0');
    minute = (c[3] - '0') * 10 + (c[4] - '0');
    second = (c[6] - '0') * 10 + (c[7] - '0');
    if (!validTime(hour, minute, second))
        return false;
    pos += 8;
    return true;
}

// ".123456" → microseconds; any number of digits, extra precision dropped.
void readFraction(std::string_view s, std::size_t &pos, std::int32_t &micros)
{
    micros = 0;
    if (pos >= s.size() || (s[pos] != '.' && s[pos] != ','))
        return;
    std::size_t p = pos + 1;
    int digits = 0;
    std::int32_t value = 0;
    while (p < s.size() && isDigit(s[p])) {
        if (digits < 6) {
            value = value * 10 + (s[p] - '0');
            ++digits;
        }
        ++p;
    }
    if (p == pos + 1)
        return;
    while (digits < 6) {
        value *= 10;
        ++digits;
    }
    micros = value;
    pos = p;
}

// "Z", "+01:00", "+0100", "-05"; false when none is there.
bool readOffset(std::string_view s, std::size_t &pos, std::int64_t &offsetSeconds)
{
    if (pos >= s.size())
        return false;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
        offsetSeconds = 0;
        return true;
    }
    if (s[pos] != '+' && s[pos] != '-')
        return false;
    const int sign = s[pos] == '-' ? -1 : 1;
    std::size_t p = pos + 1;
    int hours = 0;
    int minutes = 0;
    if (!readDigits(s, p, 2, hours) || hours > 23)
        return false;
    if (p < s.size() && s[p] == ':') {
        ++p;
        if (!readDigits(s, p, 2, minutes))
            return false;
    } else if (p + 1 < s.size() && isDigit(s[p]) && isDigit(s[p + 1])) {
        readDigits(s, p, 2, minutes);
    }
    if (minutes > 59)
        return false;
    offsetSeconds = sign * (hours * 3600 + minutes * 60);
    pos = p;
    return true;
}

bool isLevelWord(std::string_view w)
{
    static constexpr std::string_view levels[] = {
        "emerg", "alert", "crit", "err", "error", "warning", "warn", "notice", "info", "debug",
        "EMERG", "ALERT", "CRIT", "ERR", "ERROR", "WARNING", "WARN", "NOTICE", "INFO", "DEBUG",
    };
    for (std::string_view l : levels) {
        if (w == l)
            return true;
    }
    return false;
}

bool isFacilityWord(std::string_view w)
{
    static constexpr std::string_view facilities[] = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
        "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
        "local7",
    };
    for (std::string_view f : facilities) {
        if (w == f)
            return true;
    }
    return false;
}

// A column some collectors add: "info", "INFO", "<info>", "mail.info", "<mail.info>".
bool isLevelColumn(std::string_view w)
{
    if (w.size() >= 3 && w.front() == '<' && w.back() == '>')
        w = w.substr(1, w.size() - 2);
    if (isLevelWord(w))
        return true;
    const std::size_t dot = w.find('.');
    if (dot == std::string_view::npos)
        return false;
    return isFacilityWord(w.substr(0, dot)) && isLevelWord(w.substr(dot + 1));
}

// How a byte reads in the columns after the stamp: a column runs to the next
// blank; a program name holds no brackets, control bytes or DEL.
enum ColumnByte : unsigned char { NameByte, BlankByte, OpenBracketByte, OtherByte };

struct ColumnBytes
{
    unsigned char kind[256];
    constexpr ColumnBytes()
        : kind()
    {
        for (int c = 0; c < 256; ++c) {
            if (c == ' ' || c == '\t')
                kind[c] = BlankByte;
            else if (c == '[')
                kind[c] = OpenBracketByte;
            else if (c < ' ' || c == ']' || c == 0x7f)
                kind[c] = OtherByte;
            else
                kind[c] = NameByte;
        }
    }
};

constexpr ColumnBytes kColumnBytes;

unsigned char columnByte(char c)
{
    return kColumnBytes.kind[static_cast<unsigned char>(c)];
}

// One column after the stamp, from `pos` (not a blank) to the next blank.
struct Column
{
    std::size_t end = 0;
    bool bracket = false;     // holds a '['
    bool program = false;     // "prog[123]:" or "prog:"
    std::string_view name;
    std::int64_t pid = -1;    // -1 for "prog:"
};

// Index of the first byte at or after `pos` that cannot be in a program name,
// or `n`. Eight bytes at a time: a byte below 0x21, '[', ']' or DEL ends a name.
std::size_t nameEnd(const char *s, std::size_t pos, std::size_t n)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
#if defined(__SSE2__)
    // Sixteen bytes at a time where the instructions are there (every x86-64):
    // a program name is one or two such steps. A byte is below 0x21 where the
    // smaller of it and 0x20 is itself (unsigned).
    const __m128i blank = _mm_set1_epi8(0x20);
    const __m128i open = _mm_set1_epi8('[');
    const __m128i close = _mm_set1_epi8(']');
    const __m128i del = _mm_set1_epi8(0x7f);
    while (pos + 16 <= n) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + pos));
        const __m128i stop = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(w, blank), w), _mm_cmpeq_epi8(w, open)),
            _mm_or_si128(_mm_cmpeq_epi8(w, close), _mm_cmpeq_epi8(w, del)));
        const unsigned bits = unsigned(_mm_movemask_epi8(stop));
        if (bits != 0)
            return pos + static_cast<std::size_t>(qCountTrailingZeroBits(bits));
        pos += 16;
    }
#endif
    while (pos + 8 <= n) {
        const std::uint64_t w = qFromLittleEndian<quint64>(s + pos);
        const std::uint64_t open = w ^ (kOnes * '[');
        const std::uint64_t close = w ^ (kOnes * ']');
        const std::uint64_t del = w ^ (kOnes * 0x7f);
        // Per byte, the high bit is set where the byte is below 0x21 or equals one
        // of the three; the lowest set bit marks the first such byte.
        const std::uint64_t stop = ((w - kOnes * 0x21) & ~w)
            | ((open - kOnes) & ~open) | ((close - kOnes) & ~close) | ((del - kOnes) & ~del);
        const std::uint64_t found = stop & kHighs;
        if (found != 0)
            return pos + static_cast<std::size_t>(qCountTrailingZeroBits(found) >> 3);
        pos += 8;
    }
    while (pos < n && columnByte(s[pos]) == NameByte)
        ++pos;
    return pos;
}

// One pass over the column. A program is a non-empty name (no blanks, brackets,
// control bytes or DEL), then either the final ':' or '[', 1 to 18 digits and
// "]:" ending the column.
inline Column readColumn(std::string_view s, std::size_t pos)
{
    const std::size_t n = s.size();
    Column c;
    const std::size_t q = nameEnd(s.data(), pos, n);
    if (q == n || columnByte(s[q]) == BlankByte) {
        c.end = q;
        if (s[q - 1] == ':' && q - 1 > pos) {
            c.program = true;
            c.name = s.substr(pos, q - 1 - pos);
        }
        return c;
    }
    if (s[q] == '[' && q > pos) {
        std::size_t r = q + 1;
        std::int64_t value = 0;
        // At most 18 digits: the value fits.
        const std::size_t digitsEnd = std::min(n, q + 19);
        for (; r < digitsEnd; ++r) {
            const unsigned digit = unsigned(static_cast<unsigned char>(s[r])) - unsigned('0');
            if (digit > 9)
                break;
            value = value * 10 + digit;
        }
        if (r != q + 1 && r + 1 < n && s[r] == ']' && s[r + 1] == ':'
            && (r + 2 == n || columnByte(s[r + 2]) == BlankByte)) {
            c.end = r + 2;
            c.bracket = true;
            c.program = true;
            c.name = s.substr(pos, q - pos);
            c.pid = value;
            return c;
        }
    }
    std::size_t end = q;
    while (end < n && columnByte(s[end]) != BlankByte) {
        if (s[end] == '[')
            c.bracket = true;
        ++end;
    }
    c.end = end;
    return c;
}

std::size_t skipSpaces(std::string_view s, std::size_t pos)
{
    while (pos < s.size() && isSpace(s[pos]))
        ++pos;
    return pos;
}

// Drops a trailing CR or LF (a line from a file written on another system may
// still carry its CR) and returns where the stamp starts: after an RFC 3164
// priority ("<22>") when the line came straight off the wire.
std::size_t stampStart(std::string_view &line)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.remove_suffix(1);
    const std::size_t n = line.size();
    if (n > 2 && line[0] == '<') {
        std::size_t p = 1;
        while (p < n && p < 5 && isDigit(line[p]))
            ++p;
        if (p > 1 && p < n && line[p] == '>')
            return p + 1;
    }
    return 0;
}

// A classic stamp's day and clock, up to the end of the seconds.
struct ClassicStamp
{
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::size_t end = 0;
};

// "Jan  5 10:00:00", "Jan 05 10:00:00", "Jan 5 10:00:00" at `pos`, where a month
// name was found.
bool readClassicStamp(std::string_view line, std::size_t pos, ClassicStamp &stamp)
{
    const std::size_t n = line.size();
    std::size_t p = pos + 3;
    if (!expect(line, p, ' '))
        return false;
    if (p < n && line[p] == ' ')
        ++p;
    if (p + 1 < n && isDigit(line[p]) && isDigit(line[p + 1]))
        readDigits(line, p, 2, stamp.day);
    else if (!readDigits(line, p, 1, stamp.day))
        return false;
    if (stamp.day < 1 || stamp.day > 31 || !expect(line, p, ' '))
        return false;
    if (!readClock(line, p, stamp.hour, stamp.minute, stamp.second))
        return false;
    stamp.end = p;
    return true;
}

} // namespace

LinePrefixParser::LinePrefixParser(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
    // Without a file to date the log by, "now" is the best reference there is.
    setReferenceTime(QDateTime::currentSecsSinceEpoch());
}

void LinePrefixParser::setReferenceTime(std::int64_t utcSeconds)
{
    m_referenceTime = utcSeconds;
    const QDateTime local = QDateTime::fromSecsSinceEpoch(utcSeconds, m_zone);
    const QDate date = local.date();
    if (date.isValid()) {
        m_referenceYear = date.year();
        m_referenceMonth = date.month();
    } else {
        m_referenceYear = 1970;
        m_referenceMonth = 1;
    }
    reset();
}

void LinePrefixParser::reset()
{
    m_year = 0;
    m_lastMonth = 0;
    m_stampLength = 0;
}

std::int64_t LinePrefixParser::localToUtc(int year, int month, int day, int hour, int minute,
                                          int second)
{
    // Lines come day after day: the day number of the last date is kept.
    if (year != m_dayYear || month != m_dayMonth || day != m_dayDay) {
        m_dayYear = year;
        m_dayMonth = month;
        m_dayDay = day;
        m_dayNumber = daysFromCivil(year, month, day);
    }
    const std::int64_t localSeconds = m_dayNumber * kSecondsPerDay + hour * 3600 + minute * 60 + second;
    if (localSeconds >= m_cachedLocalStart && localSeconds < m_cachedLocalEnd)
        return localSeconds - m_cachedOffset;

    // Outside the cached stretch: ask Qt, which also settles times in a DST gap
    // or overlap the same way on every read.
    const QDateTime exact(QDate(year, month, day), QTime(hour, minute, second), m_zone);
    if (!exact.isValid()) {
        // A local time in a gap (Qt 6.4 calls it invalid): read it with the offset
        // in force before the gap, so that it lands inside the transition, the
        // same way whatever line came before (blocks of a log may be parsed apart).
        const QDateTime dayBefore = QDateTime::fromSecsSinceEpoch(localSeconds - kSecondsPerDay, Qt::UTC);
        return localSeconds - m_zone.offsetFromUtc(dayBefore);
    }
    const std::int64_t utcSeconds = exact.toSecsSinceEpoch();
    const std::int64_t offset = localSeconds - utcSeconds;
    if (offset != exact.offsetFromUtc())
        return utcSeconds; // a time that does not exist locally: not a basis for the cache

    // The offset holds from the previous transition to the next; near each one the
    // local times that are missing or occur twice (between the two offsets) stay
    // out of the stretch, so inside it this offset is the only answer.
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

bool LinePrefixParser::isLevelColumnCached(std::string_view column)
{
    // Every line of a log names the same host or two: remember the last answer.
    if (column != m_lastColumn) {
        m_lastColumn.assign(column);
        m_lastColumnIsLevel = isLevelColumn(column);
    }
    return m_lastColumnIsLevel;
}

void LinePrefixParser::setYearState(YearState state)
{
    m_year = state.year;
    m_lastMonth = state.lastMonth;
    m_stampLength = 0;
}

int LinePrefixParser::inferYear(int month)
{
    // COUNTING.md, "Time".
    if (m_year == 0) {
        m_year = month > m_referenceMonth ? m_referenceYear - 1 : m_referenceYear;
        m_lastMonth = month;
    } else if (month < m_lastMonth) {
        // One month back is lines slightly out of order at a month's end, not a
        // new year; anything further back is the year turning.
        if (m_lastMonth - month >= 2) {
            ++m_year;
            m_lastMonth = month;
        }
    } else {
        m_lastMonth = month;
    }
    return m_year;
}

bool LinePrefixParser::parse(std::string_view line, LogLine &out)
{
    std::size_t pos = stampStart(line);
    const std::size_t n = line.size();

    // The stamp of the line before, followed by the blank every prefix needs
    // after its stamp: read exactly as it was.
    if (m_stampLength != 0 && n - pos > m_stampLength && isSpace(line[pos + m_stampLength])
        && std::memcmp(line.data() + pos, m_stamp, m_stampLength) == 0) {
        out.timeUtc = m_stampTime;
        out.fraction = m_stampFraction;
        return parseAfterStamp(line, pos + m_stampLength, out);
    }
    m_stampLength = 0;
    const std::size_t stampBegin = pos;

    out.fraction = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;

    const int classicMonth = monthFromName(line, pos);
    if (classicMonth != 0) {
        ClassicStamp stamp;
        if (!readClassicStamp(line, pos, stamp))
            return false;
        std::size_t p = stamp.end;
        readFraction(line, p, out.fraction);
        // An optional year after the clock ("Jan  5 10:00:00 2024 host"), as
        // some relays add, is not taken: it is indistinguishable from a host.
        const int year = inferYear(classicMonth);
        int day = stamp.day;
        if (day > daysInMonth(year, classicMonth)) {
            // Feb 29 in a year inferred wrongly: keep the line, clamp the day.
            day = daysInMonth(year, classicMonth);
        }
        out.timeUtc = localToUtc(year, classicMonth, day, stamp.hour, stamp.minute, stamp.second);
        pos = p;
    } else {
        // "2024-01-05T10:00:00[.frac][Z|+01:00|+0100]" or "2024-01-05 10:00:00[.frac]"
        std::size_t p = pos;
        int year = 0;
        int month = 0;
        int day = 0;
        if (!readDigits(line, p, 4, year) || !expect(line, p, '-') || !readDigits(line, p, 2, month)
            || !expect(line, p, '-') || !readDigits(line, p, 2, day))
            return false;
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
            return false;
        if (p >= n || (line[p] != 'T' && line[p] != ' '))
            return false;
        ++p;
        if (!readClock(line, p, hour, minute, second))
            return false;
        readFraction(line, p, out.fraction);
        std::int64_t offset = 0;
        if (readOffset(line, p, offset)) {
            out.timeUtc = daysFromCivil(year, month, day) * kSecondsPerDay + hour * 3600
                + minute * 60 + second - offset;
        } else {
            out.timeUtc = localToUtc(year, month, day, hour, minute, second);
        }
        pos = p;
    }

    // Year inference has taken this stamp: it may be taken again as it is.
    if (pos - stampBegin <= kMaxStamp) {
        std::memcpy(m_stamp, line.data() + stampBegin, pos - stampBegin);
        m_stampLength = pos - stampBegin;
        m_stampTime = out.timeUtc;
        m_stampFraction = out.fraction;
    }
    return parseAfterStamp(line, pos, out);
}

bool LinePrefixParser::parseAfterStamp(std::string_view line, std::size_t pos, LogLine &out)
{
    const std::size_t n = line.size();
    // The host of an earlier line and a program after it, each after one blank:
    // read as the columns below would read them (the host was a column of its
    // own there, not a level, the one host), without reading the host again.
    const std::size_t hostLength = m_host.size();
    if (hostLength != 0 && n - pos > hostLength + 2 && line[pos] == ' ' && line[pos + 1 + hostLength] == ' '
        && !isSpace(line[pos + 2 + hostLength])
        && std::memcmp(line.data() + pos + 1, m_host.data(), hostLength) == 0) {
        const Column c = readColumn(line, pos + 2 + hostLength);
        if (c.program) {
            out.program = c.name;
            out.pid = c.pid;
            out.host = line.substr(pos + 1, hostLength);
            return parseMessage(line, c.end, out);
        }
    }

    // After the stamp: [level] [host] [level] program[pid]: message
    if (pos >= n || !isSpace(line[pos]))
        return false;
    pos = skipSpaces(line, pos);

    std::string_view host;
    std::string_view candidates[3];
    int candidateCount = 0;
    bool found = false;
    for (int column = 0; column < 4 && pos < n; ++column) {
        const Column c = readColumn(line, pos);
        // A program right after the stamp (no host column) must carry its [pid]:
        // otherwise a host name is expected first.
        if (c.program && (column > 0 || c.pid >= 0)) {
            out.program = c.name;
            out.pid = c.pid;
            pos = c.end;
            found = true;
            break;
        }
        if (candidateCount == 3 || line[c.end - 1] == ':' || c.bracket)
            break;
        candidates[candidateCount++] = line.substr(pos, c.end - pos);
        pos = skipSpaces(line, c.end);
    }
    if (!found)
        return false;

    int hosts = 0;
    for (int i = 0; i < candidateCount; ++i) {
        if (isLevelColumnCached(candidates[i]))
            continue;
        host = candidates[i];
        ++hosts;
    }
    if (hosts > 1)
        return false;
    if (hosts == 0 && candidateCount > 1) {
        // Two level-looking columns: the one that is not first is the host name.
        host = candidates[candidateCount - 1];
    }
    out.host = host;
    if (candidateCount == 1 && hosts == 1)
        m_host.assign(host);
    return parseMessage(line, pos, out);
}

bool LinePrefixParser::parseMessage(std::string_view line, std::size_t pos, LogLine &out)
{
    const std::size_t n = line.size();
    // The message follows ": "; Solaris puts "[ID 197553 mail.info] " before it.
    if (pos < n && line[pos] == ' ')
        ++pos;
    if (n - pos > 5 && line[pos] == '[' && line[pos + 1] == 'I' && line[pos + 2] == 'D'
        && line[pos + 3] == ' ') {
        const std::size_t close = line.find(']', pos);
        if (close != std::string_view::npos && close - pos < 64) {
            pos = close + 1;
            if (pos < n && line[pos] == ' ')
                ++pos;
        }
    }
    out.message = line.substr(pos);
    return true;
}

} // namespace mailtls
