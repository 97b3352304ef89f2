#include "models/store/storewriter.h"

#include <atomic>
#include <memory>

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "models/store/trafficstore.h"

using namespace mailtls;

namespace {

constexpr qint64 day0 = 19800LL * 86400;

// Batch `n` of a source: two messages from mx.a.example, position (n+1)*100.
IngestBatch batch(qint64 source, int n)
{
    IngestBatch b;
    b.sourceId = source;
    for (int i = 0; i < 2; ++i) {
        TransferRecord t;
        t.key = n * 100 + i;
        t.direction = Direction::Inbound;
        t.peer = QStringLiteral("mx.a.example");
        t.peerIp = QStringLiteral("192.0.2.1");
        t.time = day0 + n * 60 + i;
        t.bytes = 1000;
        t.encrypted = i == 0;
        t.lines = {t.key};
        b.output.transfers.push_back(t);
    }
    b.position = (n + 1) * 100;
    b.linesRead = 10;
    return b;
}

qint64 messagesIn(const QString &path)
{
    TrafficStore reader(path);
    QString error;
    if (!reader.open(&error))
        return -1;
    qint64 messages = 0;
    for (const PeerFigures &row : reader.peerFigures(ReportFilter(), &error))
        messages += row.messages;
    return messages;
}

qint64 positionIn(const QString &path)
{
    TrafficStore reader(path);
    QString error;
    if (!reader.open(&error))
        return -1;
    const std::optional<SourceRecord> source =
        reader.findSource(QStringLiteral("file:/var/log/mail.log"), &error);
    return source ? source->position : -1;
}

// Holds the store's write lock from another connection, as a second
// importer would, until released.
class WriteLock final
{
public:
    explicit WriteLock(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name());
        db.setDatabaseName(path);
        m_held = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriteLock()
    {
        release();
        QSqlDatabase::removeDatabase(name());
    }
    bool isHeld() const { return m_held; }
    void release()
    {
        QSqlDatabase db = QSqlDatabase::database(name(), false);
        if (m_held)
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        m_held = false;
        db.close();
    }

private:
    static QString name() { return QStringLiteral("write-lock"); }
    bool m_held = false;
};

} // namespace

class TestStoreWriter final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void writesBatchesFromAnotherThread();
    void queueIsBounded();
    void failureStopsTheWriter();
    void stopWritesWhatIsQueued();
    void startReportsABadFile();
    void keepsTheLastBatchWrittenWhenAsked();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    qint64 m_source = -1;
};

void TestStoreWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(m_path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    m_source = store.addSource(QStringLiteral("file:/var/log/mail.log"),
                               QStringLiteral("mail.log"), &error);
    QCOMPARE(m_source, qint64(1));
}

void TestStoreWriter::cleanup()
{
    m_dir.reset();
}

void TestStoreWriter::writesBatchesFromAnotherThread()
{
    StoreWriter writer(m_path, 4);
    QSignalSpy written(&writer, &StoreWriter::batchWritten);
    QSignalSpy failed(&writer, &StoreWriter::failed);
    // Delivered to this (the receiver's) thread, through its event loop.
    QList<qint64> positionsHere;
    connect(&writer, &StoreWriter::batchWritten, this, [&](qint64, qint64 position) {
        QCOMPARE(QThread::currentThread(), thread());
        positionsHere << position;
    });
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));

    std::unique_ptr<QThread> producer(QThread::create([&] {
        for (int n = 0; n < 50; ++n)
            writer.enqueue(batch(m_source, n));
    }));
    producer->start();
    QVERIFY(producer->wait(30000));
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(written.size(), 50);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(written.last().at(0).toLongLong(), m_source);
    QCOMPARE(written.last().at(1).toLongLong(), qint64(5000));
    QTRY_COMPARE(positionsHere.size(), 50);
    QCOMPARE(positionsHere.first(), qint64(100));
    QCOMPARE(positionsHere.last(), qint64(5000));

    QCOMPARE(messagesIn(m_path), qint64(100));
    QCOMPARE(positionIn(m_path), qint64(5000));
    writer.stop();
}

void TestStoreWriter::queueIsBounded()
{
    StoreWriter writer(m_path, 2);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    QCOMPARE(writer.maxPending(), 2);

    // While another connection holds the write lock, the writer's first
    // batch waits in its transaction and the queue fills up.
    WriteLock lock(m_path);
    QVERIFY(lock.isHeld());
    std::atomic<int> enqueued{0};
    std::unique_ptr<QThread> producer(QThread::create([&] {
        for (int n = 0; n < 6; ++n) {
            if (writer.enqueue(batch(m_source, n)))
                ++enqueued;
        }
    }));
    producer->start();

    // One batch taken by the writer, two waiting, the producer blocked on
    // the fourth.
    QTRY_COMPARE(enqueued.load(), 3);
    QTRY_COMPARE(writer.pendingCount(), 2);
    QTest::qWait(300);
    QCOMPARE(enqueued.load(), 3);
    QCOMPARE(writer.pendingCount(), 2);
    QVERIFY(!producer->isFinished());
    IngestBatch extra = batch(m_source, 99);
    QVERIFY(!writer.tryEnqueue(extra));
    QCOMPARE(extra.position, qint64(10000)); // left as it was

    lock.release();
    QVERIFY(producer->wait(30000));
    QCOMPARE(enqueued.load(), 6);
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    QCOMPARE(writer.pendingCount(), 0);
    QVERIFY(writer.tryEnqueue(extra));
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    QCOMPARE(messagesIn(m_path), qint64(14));
    QCOMPARE(positionIn(m_path), qint64(10000));
}

void TestStoreWriter::failureStopsTheWriter()
{
    StoreWriter writer(m_path, 8);
    QSignalSpy written(&writer, &StoreWriter::batchWritten);
    QSignalSpy failed(&writer, &StoreWriter::failed);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));

    WriteLock lock(m_path); // so that all three are queued before any is written
    QVERIFY(lock.isHeld());
    QVERIFY(writer.enqueue(batch(m_source, 0)));
    QVERIFY(writer.enqueue(batch(99, 1)));
    QVERIFY(writer.enqueue(batch(m_source, 2)));
    lock.release();

    QVERIFY(!writer.waitUntilWritten(&error));
    QVERIFY2(error.contains(QLatin1String("there is no source with id 99")), qPrintable(error));
    QCOMPARE(writer.errorString(), error);
    QCOMPARE(written.size(), 1);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), error);

    // Nothing after the failed batch is written: its lines would be skipped.
    QVERIFY(!writer.enqueue(batch(m_source, 3)));
    QCOMPARE(writer.pendingCount(), 0);
    writer.stop();
    QCOMPARE(messagesIn(m_path), qint64(2));
    QCOMPARE(positionIn(m_path), qint64(100));
}

void TestStoreWriter::stopWritesWhatIsQueued()
{
    auto writer = std::make_unique<StoreWriter>(m_path, 32);
    QString error;
    QVERIFY2(writer->start(&error), qPrintable(error));
    for (int n = 0; n < 20; ++n)
        QVERIFY(writer->enqueue(batch(m_source, n)));
    writer->stop();
    QVERIFY(!writer->enqueue(batch(m_source, 20)));
    QCOMPARE(messagesIn(m_path), qint64(40));
    QCOMPARE(positionIn(m_path), qint64(2000));

    // The destructor stops too, after writing what is queued.
    writer = std::make_unique<StoreWriter>(m_path, 32);
    QVERIFY2(writer->start(&error), qPrintable(error));
    for (int n = 20; n < 25; ++n)
        QVERIFY(writer->enqueue(batch(m_source, n)));
    writer.reset();
    QCOMPARE(messagesIn(m_path), qint64(50));
    QCOMPARE(positionIn(m_path), qint64(2500));
}

void TestStoreWriter::startReportsABadFile()
{
    const QString path = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a database, just notes\n");
    file.close();

    StoreWriter writer(path);
    QString error;
    QVERIFY(!writer.start(&error));
    QVERIFY2(error.contains(QLatin1String("is not a database")), qPrintable(error));
    QVERIFY(!writer.enqueue(batch(m_source, 0)));
    QString waitError;
    QVERIFY(!writer.waitUntilWritten(&waitError));
    QCOMPARE(waitError, error);
    QCOMPARE(writer.errorString(), error);
}

void TestStoreWriter::keepsTheLastBatchWrittenWhenAsked()
{
    StoreWriter writer(m_path, 4);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    QVERIFY(writer.enqueue(batch(m_source, 0)));
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    // Off: written records are not kept.
    QVERIFY(writer.takeSpent().isEmpty());

    writer.setKeepSpent(true);
    QVERIFY(writer.enqueue(batch(m_source, 1)));
    QVERIFY(writer.enqueue(batch(m_source, 2)));
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    // The last batch's, once: the one before was dropped when this one came.
    const AssemblerOutput spent = writer.takeSpent();
    QCOMPARE(spent.transfers.size(), std::size_t(2));
    QCOMPARE(spent.transfers.at(0).key, qint64(200));
    QCOMPARE(spent.transfers.at(1).key, qint64(201));
    QCOMPARE(spent.transfers.at(1).peer, QStringLiteral("mx.a.example"));
    QVERIFY(writer.takeSpent().isEmpty());

    // A failed batch is not handed back: it was not written.
    QVERIFY(writer.enqueue(batch(99, 3)));
    QVERIFY(!writer.waitUntilWritten(&error));
    QVERIFY(writer.takeSpent().isEmpty());
    writer.stop();
    QCOMPARE(messagesIn(m_path), qint64(6));
}

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
