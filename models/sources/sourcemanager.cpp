#include "models/sources/sourcemanager.h"

#include <QMetaObject>
#include <QThread>

#include "models/secrets/askpassserver.h"
#include "models/secrets/secretstore.h"
#include "models/sources/followworker.h"
#include "models/sources/sourcefactory.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

namespace {

// How long Test waits for a source to reach its log.
constexpr int testTimeoutMs = 20000;

QString targetOf(const QString &specText)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(specText, &error);
    return spec && spec->isRemote() ? SourceFactory::sshTarget(*spec) : QString();
}

} // namespace

SourceManager::SourceManager(const QString &storePath, const SourceContext &context, QObject *parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_context(context)
{
    qRegisterMetaType<mailtls::SourceManager::Status>();
}

SourceManager::~SourceManager()
{
    if (m_worker) {
        // The worker writes what its sources read before the thread ends.
        QMetaObject::invokeMethod(m_worker, &FollowWorker::shutdown, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

bool SourceManager::open(QString *error)
{
    if (m_worker)
        return true;
    auto *secrets = new SecretStore(this);
    m_askpass = std::make_unique<AskpassServer>(secrets);
    QString why;
    if (m_askpass->listen(&why))
        m_context.askpassSocket = m_askpass->name();
    else
        emit warning(-1, tr("Passwords and host keys cannot be asked for (%1): SSH sources work only "
                            "with keys that need no passphrase, and hosts already known.")
                             .arg(why));
    connect(m_askpass.get(), &AskpassServer::secretHandedOut, this, [this](const QString &target) {
        m_targetsAsked.insert(target);
    });

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("mailtls-follow"));
    m_worker = new FollowWorker(m_storePath, m_context);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FollowWorker::opened, this, [this](bool ok, const QString &message) {
        if (!ok)
            emit warning(-1, message);
    });
    connect(m_worker, &FollowWorker::statusChanged, this, &SourceManager::applyStatus);
    connect(m_worker, &FollowWorker::removed, this, [this](qint64 id) {
        for (qsizetype i = 0; i < m_sources.size(); ++i) {
            if (m_sources[i].id == id) {
                m_sources.removeAt(i);
                emit sourcesChanged();
                return;
            }
        }
    });
    connect(m_worker, &FollowWorker::warning, this, &SourceManager::warning);
    connect(m_worker, &FollowWorker::testFinished, this, &SourceManager::testFinished);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &FollowWorker::open, Qt::QueuedConnection);
    if (error)
        error->clear();
    return true;
}

std::optional<SourceManager::Status> SourceManager::source(qint64 id) const
{
    for (const Status &status : m_sources) {
        if (status.id == id)
            return status;
    }
    return std::nullopt;
}

void SourceManager::applyStatus(const Status &status)
{
    // A login that worked makes the secrets ssh was given worth keeping; one
    // that stopped for the user (a refused login) makes them worthless.
    const QString target = targetOf(status.spec);
    if (!target.isEmpty() && m_askpass && m_targetsAsked.contains(target)) {
        if (status.state == LogSource::State::Following || status.state == LogSource::State::Lagging) {
            m_askpass->connectionSucceeded(target);
            m_targetsAsked.remove(target);
        } else if (status.state == LogSource::State::Stopped && status.needsUser) {
            m_askpass->authenticationFailed(target);
            m_targetsAsked.remove(target);
        }
    }
    for (Status &known : m_sources) {
        if (known.id == status.id) {
            known = status;
            emit sourceUpdated(status.id);
            return;
        }
    }
    m_sources.append(status);
    emit sourcesChanged();
}

bool SourceManager::addSource(const QString &specText, QString *error)
{
    if (!SourceSpec::parse(specText, error))
        return false;
    if (!m_worker) {
        *error = tr("The sources are not open.");
        return false;
    }
    QMetaObject::invokeMethod(m_worker, "add", Qt::QueuedConnection, Q_ARG(QString, specText));
    return true;
}

bool SourceManager::editSource(qint64 id, const QString &specText, QString *error)
{
    if (!SourceSpec::parse(specText, error))
        return false;
    if (!m_worker) {
        *error = tr("The sources are not open.");
        return false;
    }
    QMetaObject::invokeMethod(m_worker, "edit", Qt::QueuedConnection, Q_ARG(qint64, id),
                              Q_ARG(QString, specText));
    return true;
}

void SourceManager::setPaused(qint64 id, bool paused)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "setPaused", Qt::QueuedConnection, Q_ARG(qint64, id),
                                  Q_ARG(bool, paused));
}

void SourceManager::removeSource(qint64 id)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "remove", Qt::QueuedConnection, Q_ARG(qint64, id));
}

void SourceManager::retry(qint64 id)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "retry", Qt::QueuedConnection, Q_ARG(qint64, id));
}

void SourceManager::test(const QString &specText)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, "test", Qt::QueuedConnection, Q_ARG(QString, specText),
                                  Q_ARG(int, testTimeoutMs));
    else
        emit testFinished(specText, false, tr("The sources are not open."));
}

AskpassServer *SourceManager::askpass() const
{
    return m_askpass.get();
}

} // namespace mailtls
