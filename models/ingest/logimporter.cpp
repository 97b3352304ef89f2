#include "models/ingest/logimporter.h"

#include <algorithm>
#include <string>

#include <QCryptographicHash>

#include "models/ingest/ingestlogging.h"
#include "models/ingest/logreader.h"
#include "models/ingest/parallelingest.h"
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
    // Batches end on a block's last line: blocks are cut at batch boundaries.
    ParallelIngest::Options parallel;
    parallel.boundaryLines = std::max(1, m_options.batchLines);
    ParallelIngest ingest(reader, m_options.zone, parallel);
    ingest.setReferenceTime(reader.modificationTime());
    qint64 sourceId = -1;

    // Hands what the assembler finished to the writer, with the position the
    // source reached and the assembler's state there, so that both are stored in
    // the transaction that stores the records.
    auto enqueue = [&](bool final, std::int64_t position, const QByteArray &checkHash, bool onlyWithRecords) {
        if (final && m_options.oneShot)
            assembler.finish();
        // Records the writer is done with make room for the next ones.
        assembler.recycle(m_writer.takeSpent());
        IngestBatch batch;
        batch.sourceId = sourceId;
        batch.output = assembler.takeOutput();
        if (onlyWithRecords && batch.output.isEmpty())
            return;
        batch.position = position;
        batch.checkHash = checkHash;
        batch.assemblerState = assembler.saveState();
        batch.linesRead = ingest.takeLines();
        batch.unrecognised = ingest.takeUnrecognised();
        for (auto it = batch.unrecognised.cbegin(); it != batch.unrecognised.cend(); ++it)
            summary.unrecognised[it.key()] += it.value();
        summary.linesRead += batch.linesRead;
        // A writer that failed takes nothing more; the job reports its error.
        if (!m_writer.enqueue(std::move(batch)))
            m_cancelled.store(true);
    };

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
            // Nothing new was read: only the sessions a one-shot read closes are
            // left to store, at the position stored before.
            if (m_options.oneShot)
                enqueue(true, known->position, known->checkHash, true);
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

    ingest.start(line, offset);
    ParallelIngest::Fed fed;
    std::int64_t batchLines = 0;
    while (ingest.feedNext(assembler, fed)) {
        batchLines += fed.lines;
        if (batchLines >= m_options.batchLines || fed.last) {
            // When the read stopped on an error, what was read so far is still
            // stored consistently with its position; the next import resumes there.
            enqueue(fed.last && reader.error().isEmpty(), fed.end, lineHash(fed.lastLine), false);
            batchLines = 0;
            if (m_progress)
                m_progress(fed.rawBytesRead, reader.rawSize());
            if (isCancelled())
                break;
        }
    }
    // The reader is this thread's again.
    ingest.stop();
    summary.unterminatedBytes = reader.unterminatedBytes();
    m_summaries.append(summary);
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    return true;
}

} // namespace mailtls
