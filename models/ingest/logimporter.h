#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

#include "models/ingest/importsummary.h"

namespace mailtls {

class StoreWriter;
class TrafficStore;

// Reads logs into the store: LogReader -> LinePrefixParser -> PostfixParser ->
// SessionAssembler -> batches for the StoreWriter, each batch carrying the
// source's read position and the assembler's state, so an import can be
// repeated, or continued on a longer version of the same log, without counting
// a line twice. Runs in the calling thread (a worker thread in the GUI).
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
    };

    // `store` is used for source bookkeeping on the calling thread; batches go
    // through `writer`.
    LogImporter(TrafficStore &store, StoreWriter &writer, Options options);

    // Bytes done and total (compressed bytes for gzip; total -1 when unknown).
    using Progress = std::function<void(std::int64_t done, std::int64_t total)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Thread-safe: stops the import at the next batch boundary; what was
    // written stays consistent (positions are stored with their records).
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const
    {
        return m_cancelled.load() || (m_options.cancelFlag && m_options.cancelFlag->load());
    }

    // Reads one log. False with a message naming the file on error.
    bool importLog(const QString &path, QString *error);

    const QList<ImportSummary> &summaries() const { return m_summaries; }

private:
    TrafficStore &m_store;
    StoreWriter &m_writer;
    Options m_options;
    Progress m_progress;
    std::atomic<bool> m_cancelled{false};
    QList<ImportSummary> m_summaries;
};

} // namespace mailtls
