#pragma once

#include <deque>
#include <memory>

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <QtGlobal>

#include "models/logs/records.h"
#include "models/store/ingestbatch.h"

class QThread;

namespace mailtls {

// The store's one writer: a TrafficStore on its own thread, writing queued
// batches one transaction each, in the order they were queued.
//
// The queue is bounded: enqueue() blocks while `maxPending` batches wait, so a
// fast reader of a large log cannot fill memory ahead of the disk. After a
// batch fails nothing further is written (later batches carry positions past
// the failed one; writing them would skip its lines): the queue is dropped,
// failed() is emitted, and enqueue() refuses; the caller makes a new writer,
// which resumes from the positions the store holds.
//
// Signals are emitted on the writer thread; connect with the default
// (automatic) connection to receive them on the receiver's own thread. A slot
// run directly on the writer thread must not enqueue(): with the queue full it
// would wait for the thread it blocks.
class StoreWriter final : public QObject
{
    Q_OBJECT

public:
    explicit StoreWriter(const QString &path, int maxPending = 16, QObject *parent = nullptr);
    ~StoreWriter() override;  // stop()

    // Starts the thread and opens the store on it; false (with the store's
    // message) when the file cannot be opened.
    bool start(QString *error);

    // From any thread. Blocks while the queue is full; false when the writer
    // is not running (never started, stopped, or failed).
    bool enqueue(IngestBatch batch);
    // Never blocks: false when the queue is full or the writer is not
    // running, and then `batch` is left as it was.
    bool tryEnqueue(IngestBatch &batch);

    // Blocks until every batch queued so far is written (true) or one failed
    // (false, with its message).
    bool waitUntilWritten(QString *error);

    // Writes what is queued, then ends the thread and closes the store.
    void stop();

    // Off by default. When on, the records of the last batch written are kept
    // for takeSpent(), rather than freed on the writer thread: a producer that
    // reuses them (SessionAssembler::recycle) spares the allocations of its
    // next records and this thread their frees.
    void setKeepSpent(bool keep);
    // The records of the last batch written since the previous call, or none.
    AssemblerOutput takeSpent();

    int pendingCount() const;
    int maxPending() const { return m_maxPending; }
    // The failure that stopped the writer, empty while it runs.
    QString errorString() const;

signals:
    void batchWritten(qint64 sourceId, qint64 position);
    void failed(const QString &error);

private:
    void run();
    bool acceptingLocked() const;

    const QString m_path;
    const int m_maxPending;
    std::unique_ptr<QThread> m_thread;

    mutable QMutex m_mutex;
    QWaitCondition m_changed;         // any change below
    std::deque<IngestBatch> m_queue;
    bool m_opened = false;            // the thread has tried to open the store
    bool m_running = false;           // open, and not failed or stopped
    bool m_writing = false;           // a batch is between the queue and its commit
    bool m_stopping = false;
    bool m_keepSpent = false;
    AssemblerOutput m_spent;
    QString m_error;
};

} // namespace mailtls
