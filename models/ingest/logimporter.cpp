#include "models/ingest/logimporter.h"

#include <string>
#include <unordered_map>

#include <QCryptographicHash>

#include "models/ingest/ingestlogging.h"
#include "models/ingest/logreader.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/postfixparser.h"
#include "models/logs/sessionassembler.h"
#include "models/store/ingestbatch.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

QByteArray lineHash(std::string_view line)
{
    return QCryptographicHash::hash(QByteArrayView(line.data(), qsizetype(line.size())),
                                    QCryptographicHash::Sha256);
}

// A log is known by its first line: a longer version of the same log (it grew,
// or was rotated and compressed) starts with the same line.
QString identityOf(std::string_view firstLine)
{
    return QStringLiteral("log:sha256:") + QString::fromLatin1(lineHash(firstLine).toHex());
}

constexpr std::string_view NoPrefix = "(no prefix)";

} // namespace

LogImporter::LogImporter(TrafficStore &store, StoreWriter &writer, Options options)
    : m_store(store)
    , m_writer(writer)
    , m_options(std::move(options))
{
}

bool LogImporter::importLog(const QString &path, QString *error)
{
    LogReader reader(path);
    if (!reader.open(error))
        return false;
    reader.setIncludeUnterminated(m_options.oneShot);

    ImportSummary summary;
    summary.name = reader.displayName();

    std::string_view line;
    std::int64_t offset = 0;
    if (!reader.nextLine(line, offset)) {
        if (!reader.error().isEmpty()) {
            *error = reader.error();
            return false;
        }
        summary.outcome = ImportSummary::Outcome::Empty;
        summary.unterminatedBytes = reader.unterminatedBytes();
        m_summaries.append(summary);
        qCDebug(lcIngest) << summary.name << "is empty";
        return true;
    }

    const QString identity = identityOf(line);
    QString storeError;
    const std::optional<SourceRecord> known = m_store.findSource(identity, &storeError);
    if (!storeError.isEmpty()) {
        *error = storeError;
        return false;
    }

    SessionAssembler assembler;
    qint64 sourceId = -1;
    // A damaged reading state cannot be resumed from; reading the log again
    // from its start is safe, because records are keyed by where their lines
    // are, so what is read again replaces what was stored, never adds to it.
    bool resume = known.has_value();
    if (known && !known->assemblerState.isEmpty()
        && !assembler.restoreState(known->assemblerState, &storeError)) {
        // The assembler's message says what was wrong and that the log is read again.
        summary.warning = summary.name + QStringLiteral(": ") + storeError;
        qCInfo(lcIngest).noquote() << summary.warning;
        resume = false;
    }
    if (known)
        sourceId = known->id;
    if (resume) {
        // Skip what was read before, checking that the line before the stored
        // position is the one that was there: otherwise this is another log that
        // merely starts the same way, and continuing would miscount.
        // Only the last skipped line is hashed: a copy of it is cheaper than a
        // hash of every line on the way.
        std::string skipped(line);
        while (reader.position() < known->position && reader.nextLine(line, offset))
            skipped.assign(line);
        const QByteArray lastHash = lineHash(skipped);
        if (!reader.error().isEmpty()) {
            *error = reader.error();
            return false;
        }
        if (known->position > 0 && (reader.position() != known->position || lastHash != known->checkHash)) {
            *error = tr("%1: begins like the log imported before as \"%2\" but differs "
                        "from it before byte %3; it is not a longer version of that log, "
                        "so it was not imported (import it into a new database)")
                         .arg(summary.name, known->name)
                         .arg(known->position);
            return false;
        }
        summary.outcome = ImportSummary::Outcome::Resumed;
        summary.resumedAt = known->position;
        qCDebug(lcIngest) << summary.name << "continues source" << sourceId << "at byte" << known->position;
        if (!reader.nextLine(line, offset)) {
            if (!reader.error().isEmpty()) {
                *error = reader.error();
                return false;
            }
            summary.outcome = ImportSummary::Outcome::AlreadyComplete;
            summary.unterminatedBytes = reader.unterminatedBytes();
            if (m_options.oneShot) {
                assembler.finish();
                IngestBatch batch;
                batch.sourceId = sourceId;
                batch.output = assembler.takeOutput();
                batch.position = known->position;
                batch.checkHash = known->checkHash;
                batch.assemblerState = assembler.saveState();
                if (!batch.output.isEmpty())
                    m_writer.enqueue(std::move(batch));   // a failed writer reports itself to the job
            }
            m_summaries.append(summary);
            return true;
        }
    } else if (!known) {
        qCDebug(lcIngest) << summary.name << "is a new source" << identity;
        sourceId = m_store.addSource(identity, summary.name, &storeError);
        if (sourceId < 0) {
            *error = storeError;
            return false;
        }
    }

    LinePrefixParser prefix(m_options.zone);
    prefix.setReferenceTime(reader.modificationTime());
    const PostfixParser parser;

    std::unordered_map<std::string, std::int64_t> unrecognised;
    std::int64_t batchLines = 0;
    // The last line read, kept so its hash can mark the batch's end position
    // (the reader's buffer moves on once the next line is read).
    std::string lastLine;
    lastLine.reserve(4096);
    std::int64_t lastEnd = 0;

    auto flush = [&](bool final) {
        IngestBatch batch;
        batch.sourceId = sourceId;
        if (final && m_options.oneShot)
            assembler.finish();
        batch.output = assembler.takeOutput();
        batch.position = lastEnd;
        batch.checkHash = lineHash(lastLine);
        batch.assemblerState = assembler.saveState();
        batch.linesRead = batchLines;
        for (const auto &[program, count] : unrecognised) {
            const QString name = QString::fromUtf8(program.data(), qsizetype(program.size()));
            batch.unrecognised.insert(name, count);
            summary.unrecognised[name] += count;
        }
        unrecognised.clear();
        summary.linesRead += batchLines;
        batchLines = 0;
        // A writer that failed takes nothing more; the job reports its error.
        if (!m_writer.enqueue(std::move(batch)))
            m_cancelled.store(true);
        if (m_progress)
            m_progress(reader.rawBytesRead(), reader.rawSize());
    };

    bool more = true;
    while (more) {
        LogLine parsed;
        if (!prefix.parse(line, parsed)) {
            ++unrecognised[std::string(NoPrefix)];
        } else if (!PostfixParser::isPostfixProgram(parsed.program)) {
            ++unrecognised[std::string(parsed.program)];
        } else {
            const LogEvent event = parser.parse(parsed);
            if (event.kind == EventKind::Unrecognised)
                ++unrecognised[std::string(parsed.program)];
            else
                assembler.feed(parsed, event, offset);
        }
        lastLine.assign(line);
        lastEnd = reader.position();
        ++batchLines;
        more = reader.nextLine(line, offset);
        if (batchLines >= m_options.batchLines || !more) {
            // When the read stopped on an error, what was read so far is still
            // stored consistently with its position; the next import resumes there.
            flush(!more && reader.error().isEmpty());
            if (isCancelled())
                break;
        }
    }
    summary.unterminatedBytes = reader.unterminatedBytes();
    m_summaries.append(summary);
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    return true;
}

} // namespace mailtls
