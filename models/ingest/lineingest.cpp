#include "models/ingest/lineingest.h"

#include <algorithm>
#include <cstring>

#include "models/logs/logevent.h"
#include "models/logs/logline.h"
#include "models/logs/sessionassembler.h"

namespace mailtls {

namespace {

constexpr std::string_view NoPrefix = "(no prefix)";

} // namespace

LineIngest::LineIngest(const QTimeZone &zone)
    : m_prefix(zone)
    , m_exim(zone)
{
}

void LineIngest::setReferenceTime(std::int64_t utcSeconds)
{
    m_prefix.setReferenceTime(utcSeconds);
}

QString LineIngest::noPrefixName()
{
    return QString::fromLatin1(NoPrefix.data(), qsizetype(NoPrefix.size()));
}

void LineIngest::countUnrecognised(std::string_view program)
{
    if (m_lastCount && program == m_lastProgram) {
        ++*m_lastCount;
        return;
    }
    m_lastProgram.assign(program);
    m_lastCount = &m_unrecognised[m_lastProgram];
    ++*m_lastCount;
}

template <typename Take>
void LineIngest::run(std::string_view wholeLines, std::int64_t baseOffset, Take &&take)
{
    const char *const text = wholeLines.data();
    const std::size_t size = wholeLines.size();
    std::size_t start = 0;
    while (start < size) {
        // The line runs to its newline, or to the end of the text.
        const void *nl = std::memchr(text + start, '\n', size - start);
        const std::size_t next = nl ? std::size_t(static_cast<const char *>(nl) - text) + 1 : size;
        std::string_view line(text + start, next - start);
        // As LogReader hands out lines: the newline and a CR before it are not part of the line.
        if (text[next - 1] == '\n') {
            line.remove_suffix(1);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
        }
        const std::int64_t offset = baseOffset + std::int64_t(start);
        start = next;
        ++m_linesSeen;

        // Lines of other programs are the parser's Unrecognised too: it says so as
        // soon as the program name is not Postfix's.
        // Exim's own log lines begin with a date, as an RFC 3339 syslog stamp
        // does: the Exim reader takes only its own (it refuses other programs'
        // lines behind a date).
        LogLine parsed;
        const bool dated = !line.empty() && line.front() >= '0' && line.front() <= '9';
        if (!(dated && m_exim.parse(line, parsed)) && !m_prefix.parse(line, parsed))
            countUnrecognised(NoPrefix);
        else if (!take(parsed, offset))
            countUnrecognised(parsed.program);
    }
}

void LineIngest::ingest(std::string_view wholeLines, std::int64_t baseOffset, LogAssembler &assembler)
{
    run(wholeLines, baseOffset, [this, &assembler](const LogLine &line, std::int64_t offset) {
        if (const std::optional<LogFormat> other = otherLogFormatOf(line.program))
            return assembler.feedOther(*other, line, offset);
        if (!readsPostfix())
            return false;
        const LogEvent event = m_parser.parse(line);
        if (event.kind == EventKind::Unrecognised)
            return false;
        assembler.feed(line, event, offset);
        return true;
    });
}

void LineIngest::parse(std::string_view wholeLines, std::int64_t baseOffset, std::vector<Parsed> &out)
{
    // A third of a mail log is Ignored lines: kept, they would cost the feeding
    // thread a pass over each (and the memory between the threads) for nothing
    // but the clock.
    std::int64_t latest = Parsed::kNoTime;   // of the lines kept or passed so far
    std::int64_t passed = Parsed::kNoTime;   // of the Ignored lines left out since the last kept
    run(wholeLines, baseOffset, [&](const LogLine &line, std::int64_t offset) {
        // Whether another MTA's assembler knows the line is told when it is
        // fed (it counts as unrecognised then, when not).
        if (const std::optional<LogFormat> other = otherLogFormatOf(line.program)) {
            if (m_hint && *m_hint != *other)
                return false;
            Parsed &kept = out.emplace_back(line, *other, offset);
            kept.passed = passed;
            passed = Parsed::kNoTime;
            latest = latest == Parsed::kNoTime ? line.timeUtc : std::max(latest, line.timeUtc);
            return true;
        }
        if (!readsPostfix())
            return false;
        Parsed &parsed = out.emplace_back(line, m_parser, offset);
        const EventKind kind = parsed.event.kind;
        if (kind == EventKind::Unrecognised) {
            out.pop_back();
            return false;
        }
        if (kind == EventKind::Ignored && latest != Parsed::kNoTime
            && SessionAssembler::canPass(line.timeUtc, latest)) {
            out.pop_back();
            passed = std::max(passed, line.timeUtc);
            latest = std::max(latest, line.timeUtc);
            return true;
        }
        parsed.passed = passed;
        passed = Parsed::kNoTime;
        latest = latest == Parsed::kNoTime ? line.timeUtc : std::max(latest, line.timeUtc);
        return true;
    });
    // The last lines were left out: an Ignored event of their latest time moves
    // the clock as they would have.
    if (passed != Parsed::kNoTime)
        out.emplace_back(passed);
}

LineIngest::Counts LineIngest::takeUnrecognisedCounts()
{
    Counts taken(m_unrecognised.begin(), m_unrecognised.end());
    m_unrecognised.clear();
    m_lastCount = nullptr;
    m_lastProgram.clear();
    return taken;
}

QHash<QString, qint64> LineIngest::toHash(const Counts &counts)
{
    QHash<QString, qint64> hash;
    for (const auto &[program, count] : counts)
        hash[QString::fromUtf8(program.data(), qsizetype(program.size()))] += count;
    return hash;
}

QHash<QString, qint64> LineIngest::takeUnrecognised()
{
    return toHash(takeUnrecognisedCounts());
}

std::int64_t LineIngest::takeLines()
{
    const std::int64_t taken = m_linesSeen - m_linesTaken;
    m_linesTaken = m_linesSeen;
    return taken;
}

} // namespace mailtls
