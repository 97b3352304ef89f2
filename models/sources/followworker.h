#pragma once

#include <map>
#include <memory>
#include <set>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtGlobal>

#include "models/sources/sourcecontext.h"
#include "models/sources/sourcemanager.h"
#include "models/store/sourcerecord.h"

namespace mailtls {

class LogSource;
class SourceFollower;
class StoreWriter;
class TrafficStore;

// SourceManager's other half, on its worker thread: owns the store connection
// for source definitions, the store writer and one SourceFollower per running
// source, and reports each source's status back. Every slot is called through
// a queued connection; nothing here runs on the GUI thread.
class FollowWorker final : public QObject
{
    Q_OBJECT

public:
    FollowWorker(const QString &storePath, const SourceContext &context);
    ~FollowWorker() override;

public slots:
    void open();
    void add(const QString &specText);
    void edit(qint64 id, const QString &specText);
    void setPaused(qint64 id, bool paused);
    void remove(qint64 id);
    void retry(qint64 id);
    void test(const QString &specText, int timeoutMs);
    // Stops every source and writes what was read; the thread may end then.
    void shutdown();

signals:
    void opened(bool ok, const QString &error);
    void statusChanged(const mailtls::SourceManager::Status &status);
    void removed(qint64 id);
    void warning(qint64 id, const QString &message);
    void testFinished(const QString &specText, bool reached, const QString &message);

private:
    struct Running;
    void startFollowing(const SourceRecord &record);
    void stopFollowing(qint64 id);
    // A running writer: a new one after the last one failed.
    bool ensureWriter(QString *error);
    // The writer refused a batch and dropped the ones queued after it.
    void storeFailed(const QString &error);
    void report(qint64 id, bool force = false);
    void refresh();
    SourceManager::Status statusOf(const SourceRecord &record) const;

    QString m_storePath;
    SourceContext m_context;
    std::unique_ptr<TrafficStore> m_store;
    std::unique_ptr<StoreWriter> m_writer;
    std::map<qint64, SourceRecord> m_records;            // every defined source
    std::map<qint64, std::unique_ptr<Running>> m_running; // the followed ones
    // Why the sources in m_stoppedByStore stopped: the store refused a batch.
    QString m_storeError;
    std::set<qint64> m_stoppedByStore;
    quint64 m_writerGeneration = 0;  // which writer a failure is of
    QTimer *m_refresh = nullptr;                          // trailing updates, rates going down
};

} // namespace mailtls
