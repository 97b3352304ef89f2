#include "models/ingest/backgroundimport.h"

#include <QtConcurrent/QtConcurrentRun>

#include "models/ingest/importjob.h"

namespace mailtls {

BackgroundImport::BackgroundImport(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const Result result = m_watcher.result();
        m_job.reset();
        emit finished(result);
    });
}

BackgroundImport::~BackgroundImport()
{
    cancel();
    m_watcher.waitForFinished();
}

bool BackgroundImport::start(const QString &databasePath, const QStringList &logs,
                             const LogImporter::Options &options)
{
    if (isRunning())
        return false;
    m_permille = -1;
    auto job = std::make_shared<ImportJob>(databasePath, options);
    // Progress comes per log; the logs count equally, each by its own bytes.
    // A log is done when the next one reports from its start.
    struct Position
    {
        int index = 0;
        qint64 lastDone = 0;
        qint64 lastTotal = -1;
    };
    auto position = std::make_shared<Position>();
    const int count = int(logs.size());
    QPointer<BackgroundImport> self(this);
    job->setProgress([self, position, count](std::int64_t done, std::int64_t total) {
        if (position->lastTotal >= 0 && (total != position->lastTotal || done < position->lastDone)
            && position->index + 1 < count)
            ++position->index;
        position->lastDone = done;
        position->lastTotal = total;
        const int index = position->index;
        QMetaObject::invokeMethod(self, [self, done, total, index, count] {
            if (self)
                self->report(done, total, index, count);
        });
    });
    m_job = job;
    m_watcher.setFuture(QtConcurrent::run([job, logs] {
        Result result;
        result.ok = job->run(logs, &result.error);
        result.cancelled = job->wasCancelled();
        result.summaries = job->summaries();
        return result;
    }));
    return true;
}

void BackgroundImport::report(qint64 done, qint64 total, int index, int count)
{
    const double share = total > 0 ? double(qMin(done, total)) / double(total) : 1.0;
    const int permille = qBound(0, int((index + share) * 1000.0 / qMax(1, count)), 1000);
    if (permille == m_permille)
        return;
    m_permille = permille;
    emit progress(permille);
}

void BackgroundImport::cancel()
{
    if (m_job)
        m_job->cancel();
}

bool BackgroundImport::isRunning() const
{
    return m_watcher.isRunning();
}

void BackgroundImport::wait()
{
    m_watcher.waitForFinished();
}

} // namespace mailtls
