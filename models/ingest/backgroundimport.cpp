#include "models/ingest/backgroundimport.h"

#include <QtConcurrent/QtConcurrentRun>

#include "models/ingest/importjob.h"

namespace mailtls {

BackgroundImport::BackgroundImport(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mailtls::ImportProgress>();
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
    QPointer<BackgroundImport> self(this);
    job->setProgress([self](const ImportProgress &progress) {
        QMetaObject::invokeMethod(self, [self, progress] {
            if (self)
                self->report(progress);
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

void BackgroundImport::report(const ImportProgress &figures)
{
    emit progressed(figures);
    if (figures.phase != ImportProgress::Phase::Reading)
        return;
    const int permille = figures.permille();
    if (permille <= m_permille)
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
