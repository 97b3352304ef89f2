#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/ingest/importprogress.h"
#include "models/ingest/importsummary.h"
#include "models/ingest/logimporter.h"

namespace mailtls {

// One import of several logs into one store: opens the store, starts its writer
// thread, looks at the logs and puts them in the order they were written
// (LogSet), reads each with a LogImporter and waits until every batch is
// written. `mailtls import`, `mailtls report --log` and the GUI all use it.
class ImportJob final
{
    Q_DECLARE_TR_FUNCTIONS(ImportJob)

public:
    ImportJob(const QString &databasePath, LogImporter::Options options);
    ~ImportJob();

    // Called on the job's thread when a file begins and at most every
    // `intervalMs` in between, and once at the end of each phase.
    using ProgressFunction = std::function<void(const ImportProgress &)>;
    void setProgress(ProgressFunction progress, int intervalMs = 100)
    {
        m_progress = std::move(progress);
        m_intervalMs = intervalMs;
    }
    // Thread-safe. The file being read is taken back (LogImporter).
    void cancel();

    // Stops at the first log that cannot be read or a store that cannot be
    // written; what the logs before it added stays stored with their positions.
    // A log refused or skipped for a reason of its own is in summaries().
    bool run(const QStringList &logs, QString *error);

    // In reading order.
    const QList<ImportSummary> &summaries() const { return m_summaries; }
    bool wasCancelled() const { return m_cancelled.load(); }
    // Whether a log was not read for something the user should see to.
    bool hadProblems() const;

private:
    bool isCancelled() const
    {
        return m_cancelled.load() || (m_options.cancelFlag && m_options.cancelFlag->load());
    }
    void emitProgress(ImportProgress progress, bool force);

    QString m_databasePath;
    LogImporter::Options m_options;
    ProgressFunction m_progress;
    int m_intervalMs = 100;
    QElapsedTimer m_clock;
    qint64 m_lastEmit = -1;
    std::atomic<bool> m_cancelled{false};
    std::atomic<LogImporter *> m_current{nullptr};
    QList<ImportSummary> m_summaries;
};

} // namespace mailtls
