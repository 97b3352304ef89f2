#pragma once

#include <any>
#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>

class QTimer;

namespace mailtls {

class TrafficStore;

// Runs the dashboard's store queries off the GUI thread, on one worker thread
// that holds its own connection to the store (SQLite connections belong to
// the thread that opened them; the file is in WAL mode, so this reader sees
// the last batch a live source committed).
//
// Each query has a key ("overview", "peers", …). A newer run of a key
// supersedes an older one: the older one is skipped if it has not started,
// and its result is dropped if it has. Results reach `done` on the receiver's
// thread, never after the receiver is gone.
//
// A page may keep results by a cache key of its own (the selection that made
// them: range, grouping, direction) with runCached(), and ask for the results
// of neighbouring selections ahead of time with prefetch(): those run one at a
// time, only while no other run is waiting, so a user's own change waits for
// one prefetch at most. Kept results are dropped when the store's data changes
// (invalidateCache()) and are not used after MaxCacheAgeMs, so a relative
// range ("the last 24 hours") is never far behind the clock.
class QueryRunner final : public QObject
{
    Q_OBJECT

public:
    explicit QueryRunner(QObject *parent = nullptr);
    ~QueryRunner() override;

    // The store the following runs read; "" reads nothing (every run then
    // reports an error). Opening happens on the worker thread at the next run.
    void setStorePath(const QString &path);
    QString storePath() const { return m_path; }

    template<class T>
    using Work = std::function<T(TrafficStore &store, QString *error)>;
    template<class T>
    using Done = std::function<void(const T &result, const QString &error)>;

    template<class T>
    void run(QObject *receiver, const QString &key, Work<T> work, Done<T> done)
    {
        auto result = std::make_shared<T>();
        auto error = std::make_shared<QString>();
        post(receiver, key,
             [work = std::move(work), result, error](TrafficStore *store, const QString &openError) {
                 if (store)
                     *result = work(*store, error.get());
                 else
                     *error = openError;
             },
             [done = std::move(done), result, error] { done(*result, *error); });
    }

    // As run(), but a result kept under `cacheKey` is delivered at once (on
    // the next turn of the event loop) without a query, and a fresh result is
    // kept under it.
    template<class T>
    void runCached(QObject *receiver, const QString &key, const QString &selection, Work<T> work, Done<T> done)
    {
        const QString cacheKey = key + QLatin1Char('|') + selection;
        if (const std::any *hit = cachedValue(cacheKey)) {
            auto value = std::make_shared<T>(std::any_cast<const T &>(*hit));
            deliverLater(receiver, key, [done = std::move(done), value] { done(*value, QString()); });
            return;
        }
        const quint64 dataGeneration = m_dataGeneration;
        auto result = std::make_shared<T>();
        auto error = std::make_shared<QString>();
        post(receiver, key,
             [work = std::move(work), result, error](TrafficStore *store, const QString &openError) {
                 if (store)
                     *result = work(*store, error.get());
                 else
                     *error = openError;
             },
             [this, done = std::move(done), result, error, cacheKey, dataGeneration] {
                 if (error->isEmpty())
                     keep(cacheKey, std::any(*result), dataGeneration);
                 done(*result, *error);
             });
    }

    // Queues a run whose result is only kept, for a later runCached() of the
    // same key and selection (nothing when one is kept already or queued).
    template<class T>
    void prefetch(const QString &key, const QString &selection, Work<T> work)
    {
        const QString cacheKey = key + QLatin1Char('|') + selection;
        if (cachedValue(cacheKey) || m_prefetchKeys.contains(cacheKey))
            return;
        m_prefetchKeys.append(cacheKey);
        m_prefetches.append([work = std::move(work)](TrafficStore &store, QString *error) {
            return std::any(work(store, error));
        });
        startPrefetch();
    }
    // Forgets the queued prefetches (not the one running).
    void clearPrefetches();
    // Nothing kept is used again (another store, or a reason of the caller's).
    void invalidateCache();
    // The store's data changed (a live source wrote): nothing kept is used
    // again, and prefetches wait until the data has been quiet for
    // prefetchQuietMs(), so a source writing every second does not keep the
    // worker reading ahead results that are dropped a second later.
    void noteDataChanged();
    void setPrefetchQuietMs(int ms) { m_prefetchQuietMs = ms; }
    int prefetchQuietMs() const { return m_prefetchQuietMs; }
    bool isCached(const QString &key, const QString &selection) const
    {
        return cachedValue(key + QLatin1Char('|') + selection) != nullptr;
    }

    static constexpr qint64 MaxCacheAgeMs = 60000;
    static constexpr int MaxCacheEntries = 16;
    static constexpr int DefaultPrefetchQuietMs = 3000;

    // Runs still queued or running (prefetches not counted).
    int pending() const { return m_pending; }
    // Blocks until every run posted so far, prefetches included (also those
    // waiting for the data to be quiet), has
    // delivered or been dropped (tests, and closing the window).
    bool waitForIdle(int timeoutMs = 30000);

signals:
    // True while any run is queued or running.
    void busyChanged(bool busy);

private:
    // The store is null when it could not be opened; the string says why.
    using Job = std::function<void(TrafficStore *, const QString &)>;
    void post(QObject *receiver, const QString &key, Job work, std::function<void()> deliver);
    void finished(const QString &key, quint64 generation, QPointer<QObject> receiver,
                  const std::function<void()> &deliver);
    void deliverLater(QObject *receiver, const QString &key, std::function<void()> deliver);
    const std::any *cachedValue(const QString &cacheKey) const;
    void keep(const QString &cacheKey, std::any value, quint64 dataGeneration);
    void startPrefetch();

    struct CacheEntry
    {
        std::any value;
        qint64 keptAtMs = 0;
    };
    using PrefetchWork = std::function<std::any(TrafficStore &, QString *)>;

    class Worker;
    QString m_path;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QHash<QString, std::shared_ptr<std::atomic<quint64>>> m_generations;
    int m_pending = 0;
    QHash<QString, CacheEntry> m_cache;
    QElapsedTimer m_clock;
    quint64 m_dataGeneration = 0;
    QList<PrefetchWork> m_prefetches;
    QStringList m_prefetchKeys;
    bool m_prefetching = false;
    int m_prefetchQuietMs = DefaultPrefetchQuietMs;
    // m_clock's time of the last data change; none yet: far in the past.
    qint64 m_dataChangedAtMs = std::numeric_limits<qint64>::min() / 2;
    QTimer *m_quietTimer = nullptr;
};

} // namespace mailtls
