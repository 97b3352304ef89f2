#include "models/store/storewriter.h"

#include <utility>

#include <QCoreApplication>
#include <QMutexLocker>
#include <QThread>

#include "models/store/trafficstore.h"

namespace mailtls {

StoreWriter::StoreWriter(const QString &path, int maxPending, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_maxPending(qMax(1, maxPending))
{
}

StoreWriter::~StoreWriter()
{
    stop();
}

bool StoreWriter::start(QString *error)
{
    QMutexLocker locker(&m_mutex);
    if (m_thread) {
        if (error)
            *error = m_running ? QString() : m_error;
        return m_running;
    }
    m_opened = false;
    m_stopping = false;
    m_error.clear();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("mailtls-store-writer"));
    m_thread->start();
    while (!m_opened)
        m_changed.wait(&m_mutex);
    if (!m_running && error)
        *error = m_error;
    return m_running;
}

bool StoreWriter::acceptingLocked() const
{
    return m_running && !m_stopping;
}

bool StoreWriter::enqueue(IngestBatch batch)
{
    QMutexLocker locker(&m_mutex);
    while (acceptingLocked() && int(m_queue.size()) >= m_maxPending)
        m_changed.wait(&m_mutex);
    if (!acceptingLocked())
        return false;
    m_queue.push_back(std::move(batch));
    m_changed.wakeAll();
    return true;
}

bool StoreWriter::tryEnqueue(IngestBatch &batch)
{
    QMutexLocker locker(&m_mutex);
    if (!acceptingLocked() || int(m_queue.size()) >= m_maxPending)
        return false;
    m_queue.push_back(std::move(batch));
    m_changed.wakeAll();
    return true;
}

bool StoreWriter::waitUntilWritten(QString *error)
{
    QMutexLocker locker(&m_mutex);
    while (m_running && (!m_queue.empty() || m_writing))
        m_changed.wait(&m_mutex);
    const QString message = m_opened ? m_error
                                     : QCoreApplication::translate("TrafficStore", "The store writer for %1 was not started.")
                                           .arg(m_path);
    if (error)
        *error = message;
    return message.isEmpty();
}

void StoreWriter::stop()
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_thread)
            return;
        m_stopping = true;
        m_changed.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
}

void StoreWriter::setKeepSpent(bool keep)
{
    QMutexLocker locker(&m_mutex);
    m_keepSpent = keep;
    if (!keep)
        m_spent = AssemblerOutput();
}

AssemblerOutput StoreWriter::takeSpent()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_spent, AssemblerOutput());
}

int StoreWriter::pendingCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_queue.size());
}

QString StoreWriter::errorString() const
{
    QMutexLocker locker(&m_mutex);
    return m_error;
}

void StoreWriter::run()
{
    // The connection belongs to this thread: made, used and closed here.
    TrafficStore store(m_path);
    QString error;
    const bool opened = store.open(&error);
    {
        QMutexLocker locker(&m_mutex);
        m_opened = true;
        m_running = opened;
        m_error = error;
        m_changed.wakeAll();
    }
    if (!opened)
        return;

    for (;;) {
        IngestBatch batch;
        {
            QMutexLocker locker(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_changed.wait(&m_mutex);
            if (m_queue.empty())
                break; // stopping, and everything queued is written
            batch = std::move(m_queue.front());
            m_queue.pop_front();
            m_writing = true;
            m_changed.wakeAll(); // room for a blocked producer
        }

        const bool written = store.writeBatch(batch, &error);
        // Signals go out before the batch counts as done, so that whoever
        // returns from waitUntilWritten() has seen every signal it caused.
        if (written)
            emit batchWritten(batch.sourceId, batch.position);
        else
            emit failed(error);

        // Records not taken since the last batch go here, outside the lock.
        AssemblerOutput dropped;
        QMutexLocker locker(&m_mutex);
        m_writing = false;
        if (written && m_keepSpent)
            dropped = std::exchange(m_spent, std::move(batch.output));
        if (!written) {
            m_error = error;
            m_running = false;
            m_queue.clear();
            m_changed.wakeAll();
            return;
        }
        m_changed.wakeAll();
    }
    QMutexLocker locker(&m_mutex);
    m_running = false;
    m_changed.wakeAll();
}

} // namespace mailtls
