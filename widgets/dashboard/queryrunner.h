#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

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

    // Runs still queued or running.
    int pending() const { return m_pending; }
    // Blocks until every run posted so far has delivered or been dropped
    // (tests, and closing the window).
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

    class Worker;
    QString m_path;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QHash<QString, std::shared_ptr<std::atomic<quint64>>> m_generations;
    int m_pending = 0;
};

} // namespace mailtls
