#include "models/ingest/logoverlap.h"

#include <algorithm>
#include <cstring>

#include <QCryptographicHash>

#include "models/ingest/linefingerprint.h"
#include "models/ingest/logreader.h"
#include "models/ingest/logset.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/logline.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

// A line's stamp may lie this far outside the span of the log it is part of
// (the two files' years were decided apart, each from its own file).
constexpr qint64 graceSeconds = 86400;
constexpr std::size_t maxCandidates = 16;
// Lines two fingerprints must agree on before a place counts.
constexpr qint64 agreeing = 2;

QByteArray sha256(std::string_view line)
{
    return QCryptographicHash::hash(QByteArrayView(line.data(), qsizetype(line.size())),
                                    QCryptographicHash::Sha256);
}

bool isImported(const SourceRecord &s)
{
    return s.identity.startsWith(QLatin1String("log:sha256:")) && s.spec.isEmpty();
}

// Year inference over the lines of a file, cheaply: a line whose first bytes
// equal the last parsed line's holds the same month.
class YearTracker final
{
public:
    YearTracker(const QTimeZone &zone, qint64 referenceTime)
        : m_parser(zone)
    {
        m_parser.setReferenceTime(referenceTime);
    }
    void see(std::string_view line)
    {
        const std::size_t n = std::min<std::size_t>(line.size(), 10);
        if (m_parsedOnce && n == m_head.size() && std::memcmp(line.data(), m_head.data(), n) == 0)
            return;
        m_head.assign(line.data(), n);
        m_parsedOnce = true;
        LogLine parsed;
        m_parser.parse(line, parsed);
    }
    // The line's time, parsed in full (it moves the year state as see() would).
    std::optional<qint64> timeOf(std::string_view line)
    {
        LogLine parsed;
        m_head.assign(line.data(), std::min<std::size_t>(line.size(), 10));
        m_parsedOnce = true;
        if (!m_parser.parse(line, parsed))
            return std::nullopt;
        return parsed.timeUtc;
    }
    LinePrefixParser::YearState state() const { return m_parser.yearState(); }

private:
    LinePrefixParser m_parser;
    std::string m_head;
    bool m_parsedOnce = false;
};

} // namespace

// A log's fingerprints read block by block.
struct LogOverlap::Cursor
{
    qint64 sourceId = -1;
    FingerprintBlock block;
    bool loaded = false;

    // The fingerprint of the log's line `line`; nullopt when none is kept.
    bool at(TrafficStore &store, qint64 line, std::optional<std::uint32_t> *out, QString *error)
    {
        if (!loaded || line < block.firstLine || line >= block.firstLine + block.lines()) {
            loaded = false;
            const bool read = store.forEachFingerprintBlock(sourceId, line, [this](const FingerprintBlock &b) {
                block = b;
                loaded = true;
                return false;
            }, error);
            if (!read)
                return false;
        }
        if (loaded && line >= block.firstLine && line < block.firstLine + block.lines())
            *out = LineFingerprint::at(block.fingerprints, line - block.firstLine);
        else
            *out = std::nullopt;
        return true;
    }
};

struct LogOverlap::Candidate
{
    SourceRecord source;
    qint64 fromLine = 0;      // the log's line the file's run began at
    qint64 line = 0;          // the log's line expected next
    qint64 matched = 0;
    bool exact = false;       // the first line agreed by its SHA-256 (the log's identity)
    bool legacy = false;      // no fingerprints kept: followed by byte position
    Cursor cursor;

    bool counts() const { return exact || matched >= agreeing; }
};

LogOverlap::LogOverlap(TrafficStore &store, const QTimeZone &zone, std::function<bool()> cancelled)
    : m_store(store)
    , m_zone(zone)
    , m_cancelled(std::move(cancelled))
{
}

bool LogOverlap::loadSources(QString *error)
{
    if (m_loaded)
        return true;
    const QList<SourceRecord> all = m_store.sources(error);
    if (!error->isEmpty())
        return false;
    m_sources.clear();
    for (const SourceRecord &s : all) {
        if (isImported(s))
            m_sources.append(s);
    }
    std::stable_sort(m_sources.begin(), m_sources.end(), [](const SourceRecord &a, const SourceRecord &b) {
        return a.firstTime.value_or(0) < b.firstTime.value_or(0);
    });
    m_loaded = true;
    return true;
}

bool LogOverlap::candidates(const std::string &line, std::optional<qint64> time, bool identityOnly,
                            std::vector<Candidate> *out, QString *error)
{
    out->clear();
    if (!loadSources(error))
        return false;
    const QString identity = LogSet::identityOf(line);
    for (const SourceRecord &s : std::as_const(m_sources)) {
        if (s.identity != identity || s.linesRead == 0)
            continue;
        Candidate c;
        c.source = s;
        c.exact = true;
        c.cursor.sourceId = s.id;
        std::optional<std::uint32_t> first;
        if (!c.cursor.at(m_store, 0, &first, error))
            return false;
        c.legacy = !first.has_value();
        out->push_back(std::move(c));
    }
    if (identityOnly)
        return true;

    const std::uint32_t fingerprint = LineFingerprint::of(line);
    for (const SourceRecord &s : std::as_const(m_sources)) {
        if (out->size() >= maxCandidates)
            break;
        if (!s.firstTime || !s.lastTime)
            continue;
        if (time && (*time < *s.firstTime - graceSeconds || *time > *s.lastTime + graceSeconds))
            continue;
        const bool read = m_store.forEachFingerprintBlock(s.id, 0, [&](const FingerprintBlock &block) {
            const qint64 n = block.lines();
            for (qint64 i = 0; i < n && out->size() < maxCandidates; ++i) {
                if (LineFingerprint::at(block.fingerprints, i) != fingerprint)
                    continue;
                const qint64 at = block.firstLine + i;
                const bool known = std::any_of(out->begin(), out->end(), [&](const Candidate &c) {
                    return c.source.id == s.id && c.line == at;
                });
                if (known)
                    continue;
                Candidate c;
                c.source = s;
                c.fromLine = at;
                c.line = at;
                c.cursor.sourceId = s.id;
                out->push_back(std::move(c));
            }
            return out->size() < maxCandidates && !cancelled();
        }, error);
        if (!read)
            return false;
    }
    return true;
}

bool LogOverlap::match(LogReader &reader, std::string firstLine, qint64 referenceTime, bool identityOnly,
                       Result *result, QString *error, const Progress &progress)
{
    *result = Result();
    YearTracker years(m_zone, referenceTime);
    std::vector<Candidate> live;
    std::string current = std::move(firstLine);
    if (!candidates(current, years.timeOf(current), identityOnly, &live, error))
        return false;
    if (live.empty())
        return true; // New: read on from the first line
    result->start = Segment{live.front().source.id, live.front().source.name, live.front().fromLine, 0};

    // Once a run has ended at its log's end: that log, and where the rest begins.
    std::optional<SourceRecord> continued;
    std::int64_t restOffset = 0;
    qint64 linesSinceRest = 0;
    qint64 fileLines = 0;        // of the file, read so far
    std::string previous;

    auto differs = [&](const Candidate &c, const QString &how) {
        result->kind = Result::Kind::Differs;
        result->detail = tr("its lines %1 to %2 are lines %3 to %4 of %5, but %6")
                             .arg(fileLines - c.matched + 1)
                             .arg(fileLines)
                             .arg(c.fromLine + 1)
                             .arg(c.fromLine + c.matched)
                             .arg(c.source.name, how);
    };
    auto finish = [&](Result::Kind kind) {
        result->kind = kind;
        for (const Segment &s : std::as_const(result->segments))
            result->linesKnown += s.lines;
        if (kind == Result::Kind::New) {
            result->reopen = true;
        } else if (kind == Result::Kind::Continues) {
            result->source = *continued;
            result->offset = restOffset;
            result->shift = continued->position - restOffset;
            result->reopen = linesSinceRest > 0;
        }
        return true;
    };

    for (;;) {
        // Every live place expects `current` as its log's next line.
        const std::uint32_t fingerprint = LineFingerprint::of(current);
        std::vector<Candidate> kept;
        for (Candidate &c : live) {
            bool agrees = true;
            if (!c.legacy) {
                std::optional<std::uint32_t> stored;
                if (!c.cursor.at(m_store, c.line, &stored, error))
                    return false;
                agrees = stored == fingerprint;
            }
            if (agrees) {
                ++c.line;
                ++c.matched;
                kept.push_back(std::move(c));
            } else if (c.counts()) {
                differs(c, tr("its line %1 is not the line that follows there").arg(fileLines + 1));
            }
        }
        live = std::move(kept);
        if (live.empty()) {
            if (result->kind == Result::Kind::Differs)
                return true;
            // Only single lines agreed, by chance or as a line two logs share:
            // not an overlap.
            return finish(continued ? Result::Kind::Continues : Result::Kind::New);
        }
        previous.swap(current);
        ++fileLines;

        // A place that reached its log's end: there the line must be the one the
        // log's read position was checked with (for a log without fingerprints,
        // the position must be the same too).
        const Candidate *ended = nullptr;
        std::vector<Candidate> going;
        for (Candidate &c : live) {
            bool atEnd = false;
            bool past = false;
            if (c.legacy) {
                atEnd = reader.position() == c.source.position;
                past = reader.position() > c.source.position;
            } else {
                atEnd = c.line >= c.source.linesRead;
            }
            if (atEnd && c.counts() && sha256(previous) == c.source.checkHash) {
                ended = &c;
                break;
            }
            if (atEnd || past) {
                if (c.counts())
                    differs(c, atEnd ? tr("its line %1 is not the last line read of it").arg(fileLines)
                                     : tr("its lines do not end where %1 was read up to (byte %2)")
                                           .arg(c.source.name)
                                           .arg(c.source.position));
                c.matched = -1;
            }
        }

        std::string_view next;
        std::int64_t nextOffset = 0;
        const bool more = reader.nextLine(next, nextOffset);
        if (!reader.error().isEmpty()) {
            *error = reader.error();
            return false;
        }
        if (ended) {
            result->segments.append(Segment{ended->source.id, ended->source.name, ended->fromLine, ended->matched});
            continued = ended->source;
            live.clear();
            result->kind = Result::Kind::New;
            result->detail.clear();
            if (!more)
                return finish(Result::Kind::Contained);
            current.assign(next);
            restOffset = nextOffset;
            result->line = current;
            result->restYears = years.state();
            linesSinceRest = 0;
            const auto pending = m_pending.constFind(LogSet::identityOf(current));
            if (pending != m_pending.constEnd()) {
                result->pendingPath = pending.value();
                return finish(Result::Kind::Postpone);
            }
            if (!candidates(current, years.timeOf(current), identityOnly, &live, error))
                return false;
            if (live.empty())
                return finish(Result::Kind::Continues);
            continue;
        }
        live.erase(std::remove_if(live.begin(), live.end(), [](const Candidate &c) { return c.matched < 0; }),
                   live.end());
        if (live.empty() && result->kind == Result::Kind::Differs)
            return true;
        if (!more) {
            // The file ended inside a log: contained, when the place counts and
            // the log's lines there are known by fingerprint.
            const auto counting = std::find_if(live.begin(), live.end(), [](const Candidate &c) {
                return c.counts() && !c.legacy;
            });
            if (counting == live.end()) {
                const auto legacy = std::find_if(live.begin(), live.end(), [](const Candidate &c) { return c.legacy; });
                if (legacy != live.end()) {
                    differs(*legacy, tr("it is shorter, and this database keeps no fingerprints of that log's "
                                        "lines (it was imported by an older MailTLS) to tell whether it is a "
                                        "copy of its beginning"));
                    return true;
                }
                return finish(continued ? Result::Kind::Continues : Result::Kind::New);
            }
            result->segments.append(
                Segment{counting->source.id, counting->source.name, counting->fromLine, counting->matched});
            return finish(Result::Kind::Contained);
        }
        current.assign(next);
        years.see(current);
        if (continued)
            ++linesSinceRest;
        if (progress && (fileLines & 0xffff) == 0)
            progress(fileLines);
        if (cancelled())
            return true;
    }
}

bool LogOverlap::embedded(const QString &path, qint64 offset, const SourceRecord &known, Embedded *result,
                          QString *error)
{
    *result = Embedded();
    LogReader reader(path);
    if (!reader.open(error))
        return false;
    std::string_view line;
    std::int64_t at = 0;
    qint64 lineNumber = 0;   // of the file, 0-based
    bool more = reader.nextLine(line, at);
    while (more && at < offset) {
        ++lineNumber;
        more = reader.nextLine(line, at);
    }
    Cursor cursor;
    cursor.sourceId = known.id;
    qint64 matched = 0;
    for (; more; more = reader.nextLine(line, at)) {
        std::optional<std::uint32_t> stored;
        if (!cursor.at(m_store, matched, &stored, error))
            return false;
        if (stored != LineFingerprint::of(line)) {
            if (matched >= agreeing) {
                result->kind = Embedded::Kind::Differs;
                result->detail = tr("its lines %1 to %2 are the first lines of %3, read before, but its line %4 "
                                    "is not the line that follows there")
                                     .arg(lineNumber + 1)
                                     .arg(lineNumber + matched)
                                     .arg(known.name)
                                     .arg(lineNumber + matched + 1);
            }
            result->lines = matched;
            return true;
        }
        ++matched;
        if (matched >= known.linesRead) {
            if (sha256(line) == known.checkHash) {
                result->kind = Embedded::Kind::Holds;
            } else {
                result->kind = Embedded::Kind::Differs;
                result->detail = tr("its lines from %1 on are those of %2, read before, but for that log's last line")
                                     .arg(lineNumber + 1)
                                     .arg(known.name);
            }
            result->lines = matched;
            return true;
        }
        if ((matched & 0xffff) == 0 && cancelled())
            return true;
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    result->lines = matched;
    if (matched > 0)
        result->kind = Embedded::Kind::EndsInside;
    return true;
}

bool LogOverlap::subset(const QString &path, const Segment &start, QString *foundIn, QString *error)
{
    if (!loadSources(error))
        return false;
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).id == start.sourceId)
            index = i;
    }
    if (index < 0)
        return true;
    LogReader reader(path);
    if (!reader.open(error))
        return false;
    Cursor cursor;
    cursor.sourceId = m_sources.at(index).id;
    qint64 line = start.fromLine;
    std::string_view text;
    std::int64_t offset = 0;
    qint64 read = 0;
    while (reader.nextLine(text, offset)) {
        const std::uint32_t fingerprint = LineFingerprint::of(text);
        for (;;) {
            if (line >= m_sources.at(index).linesRead) {
                // On into the log that follows in time.
                if (++index >= m_sources.size())
                    return true;
                cursor = Cursor();
                cursor.sourceId = m_sources.at(index).id;
                line = 0;
                continue;
            }
            std::optional<std::uint32_t> stored;
            if (!cursor.at(m_store, line, &stored, error))
                return false;
            ++line;
            if (stored == fingerprint)
                break;
        }
        if ((++read & 0xffff) == 0 && cancelled())
            return true;
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    *foundIn = m_sources.at(index).name;
    return true;
}

} // namespace mailtls
