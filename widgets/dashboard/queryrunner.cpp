#include "widgets/dashboard/queryrunner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

#include "models/store/trafficstore.h"

namespace mailtls {

// Lives on the worker thread; owns that thread's store connection.
class QueryRunner::Worker final : public QObject
{
public:
    void execute(const QString &path, const Job &job)
    {
        // A store that failed to open is tried again at each run: the user may
        // have fixed it meanwhile.
        if (!m_store || m_openPath != path) {
            m_store.reset();
            m_openError.clear();
            m_openPath = path;
            if (!path.isEmpty()) {
                auto store = std::make_unique<TrafficStore>(path);
                if (store->open(&m_openError))
                    m_store = std::move(store);
            }
        }
        job(m_store.get(), path.isEmpty() ? QueryRunner::tr("No store is open.") : m_openError);
    }

    std::unique_ptr<TrafficStore> m_store;
    QString m_openPath;
    QString m_openError;
};

QueryRunner::QueryRunner(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
{
    m_clock.start();
    m_quietTimer = new QTimer(this);
    m_quietTimer->setSingleShot(true);
    connect(m_quietTimer, &QTimer::timeout, this, &QueryRunner::startPrefetch);
    m_thread.setObjectName(QStringLiteral("mailtls-queries"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

QueryRunner::~QueryRunner()
{
    m_thread.quit();
    m_thread.wait();
}

void QueryRunner::setStorePath(const QString &path)
{
    if (path != m_path)
        invalidateCache();
    m_path = path;
}

void QueryRunner::post(QObject *receiver, const QString &key, Job work,
                       std::function<void()> deliver)
{
    std::shared_ptr<std::atomic<quint64>> &latest = m_generations[key];
    if (!latest)
        latest = std::make_shared<std::atomic<quint64>>(0);
    const quint64 generation = ++*latest;
    if (m_pending++ == 0)
        emit busyChanged(true);

    QPointer<QObject> target(receiver);
    const QString path = m_path;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [=, work = std::move(work), deliver = std::move(deliver)] {
        // Superseded before it started: skip the query.
        if (latest->load() == generation)
            worker->execute(path, work);
        QMetaObject::invokeMethod(this, [=] { finished(key, generation, target, deliver); });
    });
}

void QueryRunner::finished(const QString &key, quint64 generation, QPointer<QObject> receiver,
                           const std::function<void()> &deliver)
{
    const bool current = m_generations.value(key)->load() == generation;
    if (current && receiver)
        deliver();
    if (--m_pending == 0) {
        emit busyChanged(false);
        startPrefetch();
    }
}

void QueryRunner::deliverLater(QObject *receiver, const QString &key, std::function<void()> deliver)
{
    std::shared_ptr<std::atomic<quint64>> &latest = m_generations[key];
    if (!latest)
        latest = std::make_shared<std::atomic<quint64>>(0);
    const quint64 generation = ++*latest;
    if (m_pending++ == 0)
        emit busyChanged(true);
    QPointer<QObject> target(receiver);
    QMetaObject::invokeMethod(
        this, [=, deliver = std::move(deliver)] { finished(key, generation, target, deliver); },
        Qt::QueuedConnection);
}

const std::any *QueryRunner::cachedValue(const QString &cacheKey) const
{
    const auto it = m_cache.constFind(cacheKey);
    if (it == m_cache.constEnd() || m_clock.elapsed() - it->keptAtMs > MaxCacheAgeMs)
        return nullptr;
    return &it->value;
}

void QueryRunner::keep(const QString &cacheKey, std::any value, quint64 dataGeneration)
{
    // Read before the data changed: already out of date.
    if (dataGeneration != m_dataGeneration || cacheKey.isEmpty())
        return;
    if (m_cache.size() >= MaxCacheEntries && !m_cache.contains(cacheKey)) {
        auto oldest = m_cache.begin();
        for (auto it = m_cache.begin(); it != m_cache.end(); ++it)
            if (it->keptAtMs < oldest->keptAtMs)
                oldest = it;
        m_cache.erase(oldest);
    }
    m_cache.insert(cacheKey, CacheEntry {std::move(value), m_clock.elapsed()});
}

void QueryRunner::clearPrefetches()
{
    m_prefetches.clear();
    m_prefetchKeys.clear();
}

void QueryRunner::invalidateCache()
{
    ++m_dataGeneration;
    m_cache.clear();
    clearPrefetches();
}

void QueryRunner::noteDataChanged()
{
    invalidateCache();
    m_dataChangedAtMs = m_clock.elapsed();
}

void QueryRunner::startPrefetch()
{
    if (m_prefetching || m_pending > 0 || m_prefetches.isEmpty())
        return;
    const qint64 quietFor = m_clock.elapsed() - m_dataChangedAtMs;
    if (quietFor < m_prefetchQuietMs) {
        m_quietTimer->start(int(m_prefetchQuietMs - quietFor));
        return;
    }
    m_prefetching = true;
    const QString cacheKey = m_prefetchKeys.takeFirst();
    PrefetchWork work = m_prefetches.takeFirst();
    const quint64 dataGeneration = m_dataGeneration;
    const QString path = m_path;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [=, work = std::move(work)] {
        auto value = std::make_shared<std::any>();
        auto error = std::make_shared<QString>();
        worker->execute(path, [&](TrafficStore *store, const QString &) {
            if (store)
                *value = work(*store, error.get());
        });
        const bool ok = value->has_value() && error->isEmpty();
        QMetaObject::invokeMethod(this, [=] {
            m_prefetching = false;
            if (ok && path == m_path)
                keep(cacheKey, std::move(*value), dataGeneration);
            startPrefetch();
        });
    });
}

bool QueryRunner::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_pending > 0 || m_prefetching || (m_quietTimer->isActive() && !m_prefetches.isEmpty())) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace mailtls
