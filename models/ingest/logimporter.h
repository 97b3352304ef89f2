#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include "models/ingest/importsummary.h"
#include "models/ingest/logoverlap.h"
#include "models/ingest/logset.h"
#include "models/logs/logformat.h"

namespace mailtls {

class LogReader;
class StoreWriter;
class TrafficStore;

// Reads logs into the store: LogReader -> LinePrefixParser -> PostfixParser ->
// LogAssembler -> batches for the StoreWriter, each batch carrying the
// source's read position and the assembler's state, so an import can be
// repeated, or continued on a longer version of the same log, without counting
// a line twice. Runs in the calling thread (a worker thread in the GUI).
//
// Before a file is read, LogOverlap finds the lines of it that were read
// before (the same file, a copy, a longer version, an excerpt, a file that
// begins inside a log read before): those are not read again, and what
// follows them goes on as the continuation of the log they belong to. Every
// line read is kept as a fingerprint for the imports after.
//
// Cancelled, an import takes back everything the file being read had added
// (its records, what they added to the figures, its lines and fingerprints,
// the log's position and reading state, a log it had made), so no file is ever
// left counted in part. Taking back rather than one transaction per file: the
// batches stay small transactions, so memory and the write-ahead log stay
// bounded by a batch however large the file, other writers (followed sources)
// are never locked out for longer than one batch, and readers see the import
// go on. What taking back needs is bounded as well: records are keyed by line
// offsets, so everything at or after the position the import began at is
// taken away by key range (in the batches' ranges, one short transaction
// each); only the records from before it that the import changed (sessions
// and messages open at that point, which the assembler's state holds) are
// kept aside, as they were, to be put back.
class LogImporter final
{
    Q_DECLARE_TR_FUNCTIONS(LogImporter)

public:
    struct Options
    {
        // A report straight from logs: the logs are complete, so an unfinished
        // last line is read and open sessions are closed at the end.
        bool oneShot = false;
        QTimeZone zone = QTimeZone::systemTimeZone();
        int batchLines = 65536;
        // Set by an owner that goes away (a closed window): checked with cancel().
        const std::atomic<bool> *cancelFlag = nullptr;
        // Read only this MTA's lines (--format-hint); nothing: every MTA's.
        std::optional<LogFormat> formatHint;
    };

    // How far the file being read is.
    struct Progress
    {
        std::int64_t lines = 0;       // lines gone through (read, or found read before)
        std::int64_t rawBytes = 0;    // bytes read from the file (compressed bytes for gzip)
        std::int64_t rawSize = -1;    // its size on disk; -1 when unknown
    };
    using ProgressFunction = std::function<void(const Progress &)>;

    // `store` is used for source bookkeeping on the calling thread; batches go
    // through `writer`.
    LogImporter(TrafficStore &store, StoreWriter &writer, Options options);
    ~LogImporter();

    void setProgress(ProgressFunction progress) { m_progress = std::move(progress); }
    // The files of this import not read yet, by identity (LogOverlap::setPending).
    void setPending(QHash<QString, QString> pendingByIdentity) { m_pending = std::move(pendingByIdentity); }

    // Thread-safe: stops the import at the next batch boundary and takes back
    // what the file being read had added.
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const
    {
        return m_cancelled.load() || (m_options.cancelFlag && m_options.cancelFlag->load());
    }

    // Reads one file of a LogSet. Its summary says what became of it; a file to
    // be read after another one of the set (LogOverlap::Result::Kind::Postpone)
    // returns true with postponedFor() set and no summary.
    bool importFile(const LogSet::File &file, QString *error);
    QString postponedFor() const { return m_postponedFor; }

    const QList<ImportSummary> &summaries() const { return m_summaries; }

private:
    struct Run;

    // What the lines found read before leave to do: true with `*settled` when
    // the file is done with (contained, a subset, refused, postponed, skipped).
    bool settle(Run &run, LogOverlap &overlap, const LogOverlap::Result &match, QString *error, bool *settled);
    // Logs read before that begin inside the part to be read.
    bool findHeld(Run &run, LogOverlap &overlap, const LogOverlap::Result &match, QString *error, bool *settled);
    // Where reading starts: on from a log read before, or a new log.
    bool prepareContinuation(Run &run, const LogOverlap::Result &match, QString *error);
    bool startNew(Run &run, bool reopen, QString *error);
    // Opens the file again and reads up to the line at `offset`.
    bool reopenAt(Run &run, std::int64_t offset, std::string *line, QString *error);
    // Reads `run`'s file from its start line to the end into its source.
    bool read(Run &run, QString *error);
    void report(const Run &run, std::int64_t lines, std::int64_t rawBytes);
    void finish(Run &run, ImportSummary::Outcome outcome);

    TrafficStore &m_store;
    StoreWriter &m_writer;
    Options m_options;
    ProgressFunction m_progress;
    QHash<QString, QString> m_pending;
    std::atomic<bool> m_cancelled{false};
    QList<ImportSummary> m_summaries;
    QString m_postponedFor;
    QString m_warning;   // for the next summary
};

} // namespace mailtls
