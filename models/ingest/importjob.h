#pragma once

#include <atomic>
#include <memory>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/ingest/importsummary.h"
#include "models/ingest/logimporter.h"

namespace mailtls {

// One import of several logs into one store: opens the store, starts its writer
// thread, reads each log with a LogImporter and waits until every batch is
// written. `mailtls import`, `mailtls report --log` and the GUI all use it.
class ImportJob final
{
    Q_DECLARE_TR_FUNCTIONS(ImportJob)

public:
    ImportJob(const QString &databasePath, LogImporter::Options options);
    ~ImportJob();

    void setProgress(LogImporter::Progress progress) { m_progress = std::move(progress); }
    // Thread-safe.
    void cancel();

    // Stops at the first log that cannot be read; what was read before stays
    // stored with its position.
    bool run(const QStringList &logs, QString *error);

    const QList<ImportSummary> &summaries() const { return m_summaries; }
    bool wasCancelled() const { return m_cancelled.load(); }

private:
    QString m_databasePath;
    LogImporter::Options m_options;
    LogImporter::Progress m_progress;
    std::atomic<bool> m_cancelled{false};
    std::atomic<LogImporter *> m_current{nullptr};
    QList<ImportSummary> m_summaries;
};

} // namespace mailtls
