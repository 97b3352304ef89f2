#include "models/ingest/logimporter.h"

#include <algorithm>
#include <deque>
#include <mutex>
#include <string>

#include <QCryptographicHash>

#include "models/ingest/importtakeback.h"
#include "models/ingest/ingestlogging.h"
#include "models/ingest/lineingest.h"
#include "models/ingest/linefingerprint.h"
#include "models/ingest/logreader.h"
#include "models/ingest/parallelingest.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/logassembler.h"
#include "models/logs/logline.h"
#include "models/store/ingestbatch.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

// Unstamped lines read ahead, at most, to find the stamp a continuation's
// years start from.
constexpr qint64 maxUnstampedAhead = 100000;

QByteArray lineHash(std::string_view line)
{
    return QCryptographicHash::hash(QByteArrayView(line.data(), qsizetype(line.size())),
                                    QCryptographicHash::Sha256);
}

// The fingerprints of the lines LogReader hands out on ParallelIngest's reading
// thread, taken by the feeding thread batch by batch.
class FingerprintTap final
{
public:
    void add(std::uint32_t fingerprint, std::int64_t end)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_lines.emplace_back(fingerprint, end);
    }
    // Those of the lines that end at or before `end`.
    QByteArray take(std::int64_t end, std::int64_t *count)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        QByteArray out;
        *count = 0;
        while (!m_lines.empty() && m_lines.front().second <= end) {
            LineFingerprint::append(out, m_lines.front().first);
            m_lines.pop_front();
            ++*count;
        }
        return out;
    }

private:
    std::mutex m_mutex;
    std::deque<std::pair<std::uint32_t, std::int64_t>> m_lines;
};

} // namespace

struct LogImporter::Run
{
    Run(TrafficStore &store, StoreWriter &writer)
        : takeBack(store, writer)
    {
    }

    const LogSet::File *file = nullptr;
    ImportSummary summary;
    std::unique_ptr<LogReader> reader;
    std::string firstLine;
    QString identity;

    // Where reading starts: the line, its offset in the source's stream, and
    // what to add to the file's offsets to get the stream's.
    std::string line;
    std::int64_t offset = 0;
    std::int64_t shift = 0;
    qint64 referenceTime = 0;
    // Unstamped lines read before `line` (a continuation), counted with the first batch.
    qint64 extraLines = 0;
    QByteArray extraFingerprints;

    // The source read into.
    qint64 sourceId = -1;
    bool restore = false;
    bool renamed = false;
    std::optional<qint64> firstTime;
    std::optional<qint64> lastTime;
    qint64 lastReference = 0;     // for the year of a batch's last line

    // Logs read before that this file holds whole, taken back once it is read;
    // where to stop reading (the first line of a log read before that it ends in).
    QList<SourceRecord> holds;
    std::int64_t end = -1;

    ImportTakeBack takeBack;
    bool fingerprintsOk = true;
};

LogImporter::LogImporter(TrafficStore &store, StoreWriter &writer, Options options)
    : m_store(store)
    , m_writer(writer)
    , m_options(std::move(options))
{
}

LogImporter::~LogImporter() = default;

void LogImporter::report(const Run &run, std::int64_t lines, std::int64_t rawBytes)
{
    if (!m_progress)
        return;
    Progress p;
    p.lines = lines;
    p.rawBytes = rawBytes;
    p.rawSize = run.reader ? run.reader->rawSize() : -1;
    m_progress(p);
}

void LogImporter::finish(Run &run, ImportSummary::Outcome outcome)
{
    run.summary.outcome = outcome;
    m_summaries.append(run.summary);
}

bool LogImporter::importFile(const LogSet::File &file, QString *error)
{
    m_postponedFor.clear();
    Run run(m_store, m_writer);
    run.file = &file;
    ImportSummary &summary = run.summary;
    summary.name = file.isStdin() ? QStringLiteral("<stdin>") : file.path;
    summary.warning = std::exchange(m_warning, QString());
    summary.firstTime = file.firstTime;
    summary.lastTime = file.lastTime;
    if (!file.skipped.isEmpty()) {
        summary.reason = file.skipped;
        summary.problem = file.duplicateOf.isEmpty();
        finish(run, ImportSummary::Outcome::Skipped);
        return true;
    }

    run.reader = std::make_unique<LogReader>(file.path);
    if (!run.reader->open(error))
        return false;
    run.reader->setIncludeUnterminated(m_options.oneShot);
    run.lastReference = std::max(file.rotatedAt, file.modified);
    std::string_view first;
    std::int64_t firstOffset = 0;
    if (!run.reader->nextLine(first, firstOffset)) {
        if (!run.reader->error().isEmpty()) {
            *error = run.reader->error();
            return false;
        }
        summary.unterminatedBytes = run.reader->unterminatedBytes();
        finish(run, ImportSummary::Outcome::Empty);
        return true;
    }
    run.firstLine.assign(first);
    run.identity = LogSet::identityOf(run.firstLine);

    LogOverlap overlap(m_store, m_options.zone, [this] { return isCancelled(); });
    overlap.setPending(m_pending);
    LogOverlap::Result match;
    const bool matched = overlap.match(*run.reader, run.firstLine, file.referenceTime, file.isStdin(), &match, error,
                                       [&](qint64 lines) { report(run, lines, run.reader->rawBytesRead()); });
    if (!matched)
        return false;
    for (const LogOverlap::Segment &segment : std::as_const(match.segments))
        summary.known.append({segment.sourceName, segment.fromLine + 1, segment.lines});
    summary.linesKnown = match.linesKnown;

    bool settled = false;
    if (!settle(run, overlap, match, error, &settled))
        return false;
    if (!settled && !findHeld(run, overlap, match, error, &settled))
        return false;
    if (settled)
        return true;

    using Kind = LogOverlap::Result::Kind;
    if (match.kind == Kind::Continues ? !prepareContinuation(run, match, error) : !startNew(run, match.reopen, error))
        return false;

    if (run.restore) {
        // A damaged reading state cannot be continued from.
        LogAssembler probe;
        QString why;
        if (!probe.restoreState(run.takeBack.before().assemblerState, &why)) {
            const QString warning = summary.name + QStringLiteral(": ") + why;
            qCInfo(lcIngest).noquote() << warning;
            if (summary.outcome != ImportSummary::Outcome::Resumed) {
                // Only the sessions open at that log's end are lost: the lines after
                // it begin their sessions afresh, as a log that starts mid-session.
                summary.warning = warning;
                run.restore = false;
            } else {
                // The message says the log is read again from its start: what it
                // had added goes, and it is read as a new log.
                if (run.renamed && !m_store.setSourceName(run.sourceId, run.takeBack.before().name, error))
                    return false;
                if (!ImportTakeBack::whole(m_store, m_writer, run.takeBack.before(), error))
                    return false;
                m_warning = warning;
                return importFile(file, error);
            }
        }
    }
    return read(run, error);
}

bool LogImporter::settle(Run &run, LogOverlap &overlap, const LogOverlap::Result &match, QString *error,
                         bool *settled)
{
    using Kind = LogOverlap::Result::Kind;
    using Outcome = ImportSummary::Outcome;
    const LogSet::File &file = *run.file;
    ImportSummary &summary = run.summary;
    *settled = true;
    if (isCancelled()) {
        finish(run, Outcome::Cancelled);
        return true;
    }
    const QString subsetNote = tr("Debian's %1 only repeats lines that are in mail.log")
                                   .arg(file.rotation.family.section(QLatin1Char('/'), -1));

    if (match.kind == Kind::Postpone) {
        m_postponedFor = match.pendingPath;
        return true;
    }
    if (match.kind == Kind::Contained) {
        const LogOverlap::Segment &only = match.segments.constFirst();
        const bool whole = match.segments.size() == 1 && only.fromLine == 0;
        std::optional<SourceRecord> source;
        if (whole) {
            source = m_store.findSource(run.identity, error);
            if (!error->isEmpty())
                return false;
        }
        if (file.rotation.mailLogSubset)
            summary.warning = summary.name + QStringLiteral(": ") + subsetNote;
        if (!source || source->id != only.sourceId || only.lines != source->linesRead) {
            finish(run, Outcome::Contained);
            return true;
        }
        summary.unterminatedBytes = run.reader->unterminatedBytes();
        if (m_options.oneShot && !source->assemblerState.isEmpty()) {
            // A report takes the log as complete: the sessions it left open close.
            LogAssembler assembler;
            QString why;
            if (assembler.restoreState(source->assemblerState, &why)) {
                assembler.finish();
                IngestBatch batch;
                batch.sourceId = source->id;
                batch.output = assembler.takeOutput();
                if (!batch.output.isEmpty()) {
                    batch.position = source->position;
                    batch.checkHash = source->checkHash;
                    batch.assemblerState = assembler.saveState();
                    m_writer.enqueue(std::move(batch));
                }
            }
        }
        finish(run, Outcome::AlreadyComplete);
        return true;
    }

    // Its first line was found, but not the lines after it: those may be in
    // that log further on (Debian's mail.warn), or nowhere (a line two logs share).
    const bool tryAsSubset = match.start && !file.isStdin()
        && (match.kind == Kind::Differs || match.kind == Kind::New);
    if (tryAsSubset) {
        QString foundIn;
        if (!overlap.subset(file.path, *match.start, &foundIn, error))
            return false;
        if (isCancelled()) {
            finish(run, Outcome::Cancelled);
            return true;
        }
        if (!foundIn.isEmpty()) {
            summary.known = {{foundIn, match.start->fromLine + 1, 0}};
            summary.reason = file.rotation.mailLogSubset
                ? tr("%1: not read: every line of it is also in %2, read before (%3)")
                      .arg(summary.name, foundIn, subsetNote)
                : tr("%1: not read: every line of it is also in %2, read before (a part of that log)")
                      .arg(summary.name, foundIn);
            finish(run, Outcome::Subset);
            return true;
        }
    }
    if (match.kind == Kind::Differs) {
        summary.problem = true;
        summary.reason = tr("%1: not read: %2; reading it would count those lines twice (a log that only "
                            "begins like one read before goes into a database of its own)")
                             .arg(summary.name, match.detail);
        finish(run, Outcome::Refused);
        return true;
    }
    if (file.rotation.mailLogSubset) {
        // Read on its own it would count its sessions' lines without the lines
        // of mail.log between them.
        summary.reason = match.kind == Kind::New
            ? tr("%1: not read: %2, and its lines are not in any mail.log read before: import the mail.log "
                 "of the same days instead")
                  .arg(summary.name, subsetNote)
            : tr("%1: not read: %2, and only its first %3 lines are in a mail.log read before: import the "
                 "mail.log of the same days instead")
                  .arg(summary.name, subsetNote)
                  .arg(match.linesKnown);
        finish(run, Outcome::Skipped);
        return true;
    }
    *settled = false;
    return true;
}

bool LogImporter::findHeld(Run &run, LogOverlap &overlap, const LogOverlap::Result &match, QString *error,
                           bool *settled)
{
    // Logs read before that begin inside what is to be read: one it holds whole
    // is taken back once this file is read (its lines count here, once); where
    // the file ends inside one, it is read up to that log's first line.
    const bool continues = match.kind == LogOverlap::Result::Kind::Continues;
    const qint64 readFrom = continues ? match.offset : 0;
    for (const LogSet::File::Embedded &at : run.file->embedded) {
        if (at.offset <= readFrom)
            continue;
        const std::optional<SourceRecord> known = m_store.findSource(at.identity, error);
        if (!error->isEmpty())
            return false;
        if (!known || known->linesRead == 0 || !known->spec.isEmpty() || (continues && known->id == match.source.id))
            continue;
        LogOverlap::Embedded found;
        if (!overlap.embedded(run.file->path, at.offset, *known, &found, error))
            return false;
        if (isCancelled()) {
            *settled = true;
            finish(run, ImportSummary::Outcome::Cancelled);
            return true;
        }
        using Held = LogOverlap::Embedded::Kind;
        if (found.kind == Held::Holds) {
            run.holds.append(*known);
        } else if (found.kind == Held::EndsInside) {
            run.end = at.offset;
            run.summary.known.append({known->name, 1, found.lines});
            run.summary.linesKnown += found.lines;
            break;
        } else if (found.kind == Held::Differs) {
            *settled = true;
            run.summary.problem = true;
            run.summary.reason = tr("%1: not read: %2; reading it would count those lines twice")
                                     .arg(run.summary.name, found.detail);
            finish(run, ImportSummary::Outcome::Refused);
            return true;
        }
    }
    return true;
}

bool LogImporter::reopenAt(Run &run, std::int64_t offset, std::string *line, QString *error)
{
    run.reader = std::make_unique<LogReader>(run.file->path);
    if (!run.reader->open(error))
        return false;
    run.reader->setIncludeUnterminated(m_options.oneShot);
    std::string_view text;
    std::int64_t at = 0;
    do {
        if (!run.reader->nextLine(text, at)) {
            *error = run.reader->error().isEmpty() ? tr("%1: changed while it was read").arg(run.summary.name)
                                                   : run.reader->error();
            return false;
        }
    } while (at < offset);
    line->assign(text);
    return true;
}

bool LogImporter::prepareContinuation(Run &run, const LogOverlap::Result &match, QString *error)
{
    const LogSet::File &file = *run.file;
    ImportSummary &summary = run.summary;
    run.takeBack.begin(match.source, false);
    run.sourceId = match.source.id;
    run.restore = !match.source.assemblerState.isEmpty();
    run.shift = match.shift;
    run.firstTime = match.source.firstTime;
    run.lastTime = match.source.lastTime;
    const bool longer = match.shift == 0 && match.segments.size() == 1 && match.segments.constFirst().fromLine == 0
        && match.source.identity == run.identity;
    summary.outcome = longer ? ImportSummary::Outcome::Resumed : ImportSummary::Outcome::Continued;
    summary.resumedAt = match.source.position;
    summary.continues = match.source.name;
    qCDebug(lcIngest) << summary.name << "continues source" << run.sourceId << "at byte" << match.source.position;
    if (match.reopen) {
        if (!reopenAt(run, match.offset, &run.line, error))
            return false;
    } else {
        run.line = match.line;
    }

    // The years go on from the lines known: the rest's first stamp gives them.
    // Unstamped lines before it are counted here as LineIngest counts a line
    // without a prefix.
    LinePrefixParser years(m_options.zone);
    years.setReferenceTime(file.referenceTime);
    years.setYearState(match.restYears);
    LogLine parsed;
    std::string_view line;
    std::int64_t offset = match.offset;
    bool stamped = false;
    while (!(stamped = years.parse(run.line, parsed))) {
        if (run.extraLines >= maxUnstampedAhead || !run.reader->nextLine(line, offset))
            break;
        ++run.extraLines;
        LineFingerprint::append(run.extraFingerprints, LineFingerprint::of(run.line));
        run.line.assign(line);
    }
    if (!run.reader->error().isEmpty()) {
        *error = run.reader->error();
        return false;
    }
    run.referenceTime = stamped ? parsed.timeUtc : file.referenceTime;
    run.offset = offset + run.shift;
    if (longer && file.path != match.source.name && !file.isStdin()) {
        // Its lines are all in this file now: provenance reads it from here.
        if (!m_store.setSourceName(run.sourceId, file.path, error))
            return false;
        run.renamed = true;
    }
    return true;
}

bool LogImporter::startNew(Run &run, bool reopen, QString *error)
{
    const LogSet::File &file = *run.file;
    if (reopen && !reopenAt(run, 0, &run.line, error))
        return false;
    run.summary.outcome = ImportSummary::Outcome::New;
    run.line = run.firstLine;
    run.offset = 0;
    run.shift = 0;
    run.referenceTime = file.referenceTime;
    run.firstTime = file.firstTime;
    if (!run.firstTime) {
        LinePrefixParser prefix(m_options.zone);
        prefix.setReferenceTime(file.referenceTime);
        LogLine parsed;
        if (prefix.parse(run.firstLine, parsed))
            run.firstTime = parsed.timeUtc;
    }
    run.lastTime = run.firstTime;

    const std::optional<SourceRecord> known = m_store.findSource(run.identity, error);
    if (!error->isEmpty())
        return false;
    if (known) {
        // A log that had nothing stored (no line of it was read).
        run.takeBack.begin(*known, false);
        run.sourceId = known->id;
        return true;
    }
    qCDebug(lcIngest) << run.summary.name << "is a new source" << run.identity;
    run.sourceId = m_store.addSource(run.identity, run.summary.name, error);
    if (run.sourceId < 0)
        return false;
    SourceRecord made;
    made.id = run.sourceId;
    made.identity = run.identity;
    made.name = run.summary.name;
    run.takeBack.begin(made, true);
    return true;
}

bool LogImporter::read(Run &run, QString *error)
{
    const LogSet::File &file = *run.file;
    ImportSummary &summary = run.summary;
    LogReader &reader = *run.reader;

    LogAssembler assembler(m_options.formatHint);
    if (run.restore) {
        QString why;
        if (!assembler.restoreState(run.takeBack.before().assemblerState, &why)) {
            *error = why;
            return false;
        }
    }
    if (run.shift != 0)
        reader.moveOffsets(run.shift);
    if (run.end >= 0)
        reader.setEnd(run.end + run.shift);

    // Batches end on a block's last line: blocks are cut at batch boundaries.
    ParallelIngest::Options parallel;
    parallel.boundaryLines = std::max(1, m_options.batchLines);
    parallel.formatHint = m_options.formatHint;
    ParallelIngest ingest(reader, m_options.zone, parallel);
    ingest.setReferenceTime(run.referenceTime);

    FingerprintTap tap;
    tap.add(LineFingerprint::of(run.line), reader.position());
    reader.setLineTap([&tap](std::string_view line, std::int64_t end) { tap.add(LineFingerprint::of(line), end); });
    LinePrefixParser lastStamp(m_options.zone);

    bool firstBatch = true;
    bool failed = false;
    // Hands what the assembler finished to the writer, with the position the
    // source reached and the assembler's state there, so that both are stored in
    // the transaction that stores the records.
    auto enqueue = [&](bool final, const ParallelIngest::Fed &fed) {
        if (final && m_options.oneShot)
            assembler.finish();
        // Records the writer is done with make room for the next ones.
        assembler.recycle(m_writer.takeSpent());
        IngestBatch batch;
        batch.sourceId = run.sourceId;
        batch.output = assembler.takeOutput();
        batch.position = fed.end;
        batch.checkHash = lineHash(fed.lastLine);
        batch.assemblerState = assembler.saveState();
        batch.linesRead = ingest.takeLines();
        batch.unrecognised = ingest.takeUnrecognised();
        std::int64_t fingerprinted = 0;
        QByteArray fingerprints = tap.take(fed.end, &fingerprinted);
        if (firstBatch && run.extraLines > 0) {
            batch.linesRead += run.extraLines;
            batch.unrecognised[LineIngest::noPrefixName()] += run.extraLines;
            fingerprints.prepend(run.extraFingerprints);
            fingerprinted += run.extraLines;
        }
        firstBatch = false;
        // Fingerprints stay in step with the source's lines, or none are kept.
        if (fingerprinted != batch.linesRead)
            run.fingerprintsOk = false;
        if (run.fingerprintsOk)
            batch.lineFingerprints = std::move(fingerprints);
        lastStamp.setReferenceTime(run.lastReference);
        LogLine parsed;
        if (lastStamp.parse(fed.lastLine, parsed))
            run.lastTime = final && run.end < 0 && file.lastTime ? *file.lastTime : parsed.timeUtc;
        batch.setTimes = true;
        batch.firstTime = run.firstTime;
        batch.lastTime = run.lastTime;
        for (auto it = batch.unrecognised.cbegin(); it != batch.unrecognised.cend(); ++it)
            summary.unrecognised[it.key()] += it.value();
        summary.linesRead += batch.linesRead;
        QString why;
        if (!run.takeBack.keep(batch.output, &why)) {
            *error = why;
            failed = true;
            m_cancelled.store(true);
            return;
        }
        run.takeBack.written(fed.end);
        // A writer that failed takes nothing more; the job reports its error.
        if (!m_writer.enqueue(std::move(batch)))
            m_cancelled.store(true);
    };

    ingest.start(run.line, run.offset);
    ParallelIngest::Fed fed;
    std::int64_t batchLines = 0;
    while (ingest.feedNext(assembler, fed)) {
        batchLines += fed.lines;
        if (batchLines >= m_options.batchLines || fed.last) {
            // When the read stopped on an error, what was read so far is still
            // stored consistently with its position; the next import resumes there.
            enqueue(fed.last && reader.error().isEmpty(), fed);
            batchLines = 0;
            report(run, summary.linesKnown + summary.linesRead, fed.rawBytesRead);
            if (isCancelled())
                break;
        }
    }
    // The reader is this thread's again.
    ingest.stop();
    reader.setLineTap({});
    summary.unterminatedBytes = reader.unterminatedBytes();
    summary.lastTime = run.lastTime;
    // The MTAs whose lines it held (a shared syslog holds several).
    const QString formats = assembler.formatsSeen();
    summary.format = formats.isEmpty() ? tr("no MTA's lines") : formats;
    if (failed)
        return false;

    if (isCancelled()) {
        if (!run.takeBack.run(summary.name, summary.linesRead, summary.unrecognised, run.renamed, error))
            return false;
        finish(run, ImportSummary::Outcome::Cancelled);
        return true;
    }
    if (!reader.error().isEmpty()) {
        m_summaries.append(summary);
        *error = reader.error();
        return false;
    }
    for (const SourceRecord &held : std::as_const(run.holds)) {
        if (!ImportTakeBack::whole(m_store, m_writer, held, error))
            return false;
        summary.replaced << held.name;
    }
    m_summaries.append(summary);
    return true;
}

} // namespace mailtls
