#include "models/ingest/importjob.h"

#include <algorithm>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>

#include "models/ingest/linefingerprint.h"
#include "models/ingest/logset.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

ImportJob::ImportJob(const QString &databasePath, LogImporter::Options options)
    : m_databasePath(databasePath)
    , m_options(std::move(options))
{
}

ImportJob::~ImportJob() = default;

void ImportJob::cancel()
{
    m_cancelled.store(true);
    if (LogImporter *importer = m_current.load())
        importer->cancel();
}

bool ImportJob::hadProblems() const
{
    return std::any_of(m_summaries.cbegin(), m_summaries.cend(), [](const ImportSummary &s) { return s.problem; });
}

void ImportJob::emitProgress(ImportProgress progress, bool force)
{
    if (!m_progress)
        return;
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.elapsed();
    if (!force && m_lastEmit >= 0 && now - m_lastEmit < m_intervalMs)
        return;
    m_lastEmit = now;
    m_progress(progress);
}

bool ImportJob::run(const QStringList &logs, QString *error)
{
    TrafficStore store(m_databasePath);
    if (!store.open(error))
        return false;
    // Two batches in flight keep the writer busy; more would only hold memory
    // (the reader is faster than the disk).
    StoreWriter writer(m_databasePath, 2);
    // The importers reuse the records the writer is done with.
    writer.setKeepSpent(true);
    if (!writer.start(error))
        return false;

    // Looking at the files first: their order and the years of their stamps.
    QElapsedTimer phase;
    phase.start();
    LogSet set(m_options.zone);
    qint64 looked = 0;        // bytes of the files looked at before the current one
    qint64 lookTotal = 0;
    for (const QString &log : logs) {
        const QFileInfo info(log);
        if (log != QLatin1String("-") && info.isFile())
            lookTotal += info.size();
    }
    // The first lines of the logs read before, to find them inside new files.
    LogSet::FirstLines knownFirstLines;
    for (const SourceRecord &source : store.sources(error)) {
        if (!source.identity.startsWith(QLatin1String("log:sha256:")) || !source.spec.isEmpty()
            || source.linesRead == 0)
            continue;
        const bool read = store.forEachFingerprintBlock(source.id, 0, [&](const FingerprintBlock &block) {
            if (block.firstLine == 0 && block.lines() > 0)
                knownFirstLines.insert(LineFingerprint::at(block.fingerprints, 0), source.identity);
            return false;
        }, error);
        if (!read) {
            writer.stop();
            return false;
        }
    }
    if (!error->isEmpty()) {
        writer.stop();
        return false;
    }
    int lookingAt = -1;
    qint64 lookingDone = 0;
    const bool scanned = set.scan(
        logs,
        [&store](const QString &identity) -> std::optional<qint64> {
            QString ignored;
            const std::optional<SourceRecord> known = store.findSource(identity, &ignored);
            return known ? known->firstTime : std::nullopt;
        },
        error, [this] { return isCancelled(); },
        [&](int index, qint64 done) {
            if (index != lookingAt) {
                if (lookingAt >= 0)
                    looked += lookingDone;
                lookingAt = index;
            }
            lookingDone = done;
            ImportProgress p;
            p.phase = ImportProgress::Phase::Looking;
            p.file = logs.at(index);
            p.fileNumber = index + 1;
            p.fileCount = int(logs.size());
            p.rawBytes = looked + done;
            p.rawTotal = lookTotal;
            p.seconds = phase.elapsed() / 1000.0;
            emitProgress(p, false);
        },
        knownFirstLines);
    if (!scanned) {
        writer.stop();
        return false;
    }
    if (set.cancelled() || isCancelled()) {
        m_cancelled.store(true);
        writer.stop();
        return true;
    }

    // Reading, in order.
    phase.restart();
    ImportProgress progress;
    progress.phase = ImportProgress::Phase::Reading;
    progress.fileCount = int(set.files().size());
    progress.rawTotal = set.rawTotal();
    std::int64_t linesBefore = 0;   // of the files read before the current one
    std::int64_t bytesBefore = 0;
    bool ok = true;
    QHash<QString, int> postponed;
    for (int i = 0; i < set.files().size(); ++i) {
        if (isCancelled()) {
            m_cancelled.store(true);
            break;
        }
        const LogSet::File &file = set.files().at(i);
        QHash<QString, QString> pending;
        QHash<QString, int> pendingIndex;
        for (int j = i + 1; j < set.files().size(); ++j) {
            const LogSet::File &later = set.files().at(j);
            // Only where a log was rotated: a copy's lines that run on into another
            // copy are read on as one log.
            if (later.skipped.isEmpty() && !later.identity.isEmpty() && later.identity != file.identity
                && set.beginsAtRotation(j)) {
                pending.insert(later.identity, later.path);
                pendingIndex.insert(later.identity, j);
            }
        }
        // A file that holds the first line of a rotated file not read yet is read
        // after it: then what of it comes before that rotation is read as a log
        // of its own, and what comes after is known as that file's.
        int before = -1;
        for (const LogSet::File::Embedded &at : file.embedded)
            before = std::max(before, pendingIndex.value(at.identity, -1));
        if (before > i && postponed.value(file.path) < set.files().size()) {
            ++postponed[file.path];
            set.moveAfter(i, before);
            --i;
            continue;
        }
        LogImporter importer(store, writer, m_options);
        importer.setPending(pending);
        progress.file = file.isStdin() ? QStringLiteral("<stdin>") : file.path;
        progress.fileNumber = int(m_summaries.size()) + 1;
        progress.lines = linesBefore;
        progress.rawBytes = bytesBefore;
        progress.seconds = phase.elapsed() / 1000.0;
        emitProgress(progress, true);
        importer.setProgress([&](const LogImporter::Progress &p) {
            progress.lines = linesBefore + p.lines;
            progress.rawBytes = bytesBefore + p.rawBytes;
            progress.seconds = phase.elapsed() / 1000.0;
            emitProgress(progress, false);
        });
        m_current.store(&importer);
        if (m_cancelled.load())
            importer.cancel();
        QString importError;
        const bool imported = importer.importFile(file, &importError);
        m_current.store(nullptr);
        // Batches of this log must be stored before the next log looks up its
        // source, and before an error is reported.
        QString writeError;
        if (!writer.waitUntilWritten(&writeError)) {
            *error = writeError;
            ok = false;
            break;
        }
        if (!imported) {
            *error = importError;
            ok = false;
            break;
        }
        if (!importer.postponedFor().isEmpty() && postponed.value(file.path) < set.files().size()) {
            // It runs into the first line of a file not read yet: that one first.
            int after = -1;
            for (int j = i + 1; j < set.files().size(); ++j) {
                if (set.files().at(j).path == importer.postponedFor())
                    after = j;
            }
            if (after > i) {
                ++postponed[file.path];
                set.moveAfter(i, after);
                --i;
                continue;
            }
        }
        for (ImportSummary summary : importer.summaries()) {
            summary.order = int(m_summaries.size()) + 1;
            if (summary.outcome == ImportSummary::Outcome::Cancelled)
                m_cancelled.store(true);
            m_summaries.append(summary);
            linesBefore += summary.linesRead + summary.linesKnown;
        }
        bytesBefore += std::max<qint64>(file.rawSize, 0);
    }
    progress.lines = linesBefore;
    progress.rawBytes = bytesBefore;
    progress.seconds = phase.elapsed() / 1000.0;
    progress.finished = true;
    if (ok && !m_cancelled.load())
        emitProgress(progress, true);
    writer.stop();
    return ok;
}

} // namespace mailtls
