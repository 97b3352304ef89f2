#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <QHash>
#include <QString>
#include <QTimeZone>

#include "models/logs/eximlineparser.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/logassembler.h"
#include "models/logs/logevent.h"
#include "models/logs/logformat.h"
#include "models/logs/logline.h"
#include "models/logs/postfixparser.h"
#include "models/logs/sessionassembler.h"

namespace mailtls {

// Turns text of whole log lines into events for a LogAssembler: Postfix's
// lines parsed into events, Sendmail's and Exim's handed on as lines (an Exim
// main log line, which has no syslog prefix, through EximLineParser). It counts
// what it cannot read: a line without a prefix as "(no prefix)", a line of
// another program, or a line no rule knows, under its program. With a format
// hint, the other MTAs' lines count as unrecognised too.
//
// One instance per source, blocks in stream order: year inference for classic
// stamps (COUNTING.md, "Time") carries from one block to the next.
class LineIngest final
{
public:
    explicit LineIngest(const QTimeZone &zone);

    // The source's modification time (UTC seconds), for year inference.
    void setReferenceTime(std::int64_t utcSeconds);
    void setFormatHint(std::optional<LogFormat> hint) { m_hint = hint; }

    // Parses `wholeLines` ('\n'-terminated lines; a last line without one is taken
    // as it is) and feeds each Postfix event to `assembler`. `baseOffset` is the
    // stream offset of wholeLines[0]; each line's offset counts from it. The
    // events' views point into `wholeLines`, so it must outlive this call only.
    void ingest(std::string_view wholeLines, std::int64_t baseOffset, LogAssembler &assembler);

    // The events of a block kept rather than fed, for a parser on another thread
    // (ParallelIngest): the same lines, offsets and counts as ingest(), with what
    // the assembler reads of each line and works out from it ahead
    // (SessionAssembler::feed(time, process, …, hints), prepare()).
    // Ignored lines that SessionAssembler::canPass() are left out, the latest
    // time of them kept as `passed` on the next event (or on an Ignored event of
    // that time at the end): feed each event after passTime(passed), when set.
    struct Parsed
    {
        static constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

        // The event is built where it is kept: a block holds thousands.
        Parsed(const LogLine &line, const PostfixParser &parser, std::int64_t lineOffset)
            : event(parser.parse(line))
            , time(line.timeUtc)
            , process(SessionAssembler::processOf(line))
            , offset(lineOffset)
        {
            SessionAssembler::prepare(event, hints);
        }
        // An Ignored event at `ignoredAt`: the lines left out at the end of a block.
        explicit Parsed(std::int64_t ignoredAt)
            : time(ignoredAt)
        {
            event.kind = EventKind::Ignored;
        }
        // A Sendmail or Exim line, for LogAssembler::feedOther.
        Parsed(const LogLine &otherLine, LogFormat format, std::int64_t lineOffset)
            : time(otherLine.timeUtc)
            , offset(lineOffset)
            , line(otherLine)
            , other(format)
        {
            event.kind = EventKind::Ignored;
        }
        LogEvent event;
        AssemblerHints hints;
        std::int64_t time = 0;
        std::uint64_t process = 0;
        std::int64_t offset = 0;
        std::int64_t passed = kNoTime;
        LogLine line; // other MTAs' lines only
        std::optional<LogFormat> other;
    };
    void parse(std::string_view wholeLines, std::int64_t baseOffset, std::vector<Parsed> &out);

    // Year inference state at the current position (see LinePrefixParser).
    LinePrefixParser::YearState yearState() const { return m_prefix.yearState(); }
    void setYearState(LinePrefixParser::YearState state) { m_prefix.setYearState(state); }

    // Lines not fed to the assembler since the last call, per program.
    QHash<QString, qint64> takeUnrecognised();
    using Counts = std::vector<std::pair<std::string, std::int64_t>>;
    Counts takeUnrecognisedCounts();
    static QHash<QString, qint64> toHash(const Counts &counts);

    // Lines read since construction, and since the last takeLines().
    std::int64_t linesSeen() const { return m_linesSeen; }
    std::int64_t takeLines();

    // The name unrecognised lines without a prefix are counted under.
    static QString noPrefixName();

private:
    // Splits and prefix-parses the lines; `take(line, offset)` parses a Postfix
    // line's event and says whether a rule recognised it.
    template <typename Take>
    void run(std::string_view wholeLines, std::int64_t baseOffset, Take &&take);
    void countUnrecognised(std::string_view program);

    // Postfix's lines are read (not left to the hint).
    bool readsPostfix() const { return !m_hint || *m_hint == LogFormat::Postfix; }

    LinePrefixParser m_prefix;
    EximLineParser m_exim;
    PostfixParser m_parser;
    std::optional<LogFormat> m_hint;
    std::unordered_map<std::string, std::int64_t> m_unrecognised;
    // Most unrecognised lines come from the same program as the one before.
    std::string m_lastProgram;
    std::int64_t *m_lastCount = nullptr;
    std::int64_t m_linesSeen = 0;
    std::int64_t m_linesTaken = 0;
};

} // namespace mailtls
