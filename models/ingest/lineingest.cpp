#include "models/ingest/lineingest.h"

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
        const void *nl = std::memchr(text + start, '\n', size - start);
        const std::size_t end = nl ? std::size_t(static_cast<const char *>(nl) - text) : size;
        std::string_view line(text + start, end - start);
        // As LogReader hands out lines: a CR before the newline is not part of the line.
        if (nl && !line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const std::int64_t offset = baseOffset + std::int64_t(start);
        start = end + 1;
        ++m_linesSeen;

        LogLine parsed;
        if (!m_prefix.parse(line, parsed)) {
            countUnrecognised(NoPrefix);
        } else if (!PostfixParser::isPostfixProgram(parsed.program)) {
            countUnrecognised(parsed.program);
        } else {
            const LogEvent event = m_parser.parse(parsed);
            if (event.kind == EventKind::Unrecognised)
                countUnrecognised(parsed.program);
            else
                take(parsed, event, offset);
        }
    }
}

void LineIngest::ingest(std::string_view wholeLines, std::int64_t baseOffset, SessionAssembler &assembler)
{
    run(wholeLines, baseOffset, [&assembler](const LogLine &line, const LogEvent &event, std::int64_t offset) {
        assembler.feed(line, event, offset);
    });
}

void LineIngest::parse(std::string_view wholeLines, std::int64_t baseOffset, std::vector<Parsed> &out)
{
    run(wholeLines, baseOffset, [&out](const LogLine &line, const LogEvent &event, std::int64_t offset) {
        out.push_back(Parsed{line, event, offset});
    });
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
