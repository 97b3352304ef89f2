#include "models/sources/followworker.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/trafficstore.h"

using namespace mailtls;

namespace {

// Runs one statement on a connection of the test's own, as another process
// would.
bool execOn(const QString &path, const QString &statement, QString *error)
{
    const QString name = QStringLiteral("tst_followworker");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        ok = db.open() && query.exec(statement);
        if (!ok)
            *error = query.lastError().text();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QByteArray numberedLines(int from, int count)
{
    QByteArray text;
    for (int n = from; n < from + count; ++n)
        text += "Nov 29 10:00:00 mx dovecot[8]: line " + QByteArray::number(n) + '\n';
    return text;
}

bool append(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(text) == text.size();
}

std::optional<SourceRecord> storedSource(const QString &storePath, const QString &identity)
{
    TrafficStore store(storePath);
    QString error;
    if (!store.open(&error))
        return std::nullopt;
    return store.findSource(identity, &error);
}

std::optional<SourceManager::Status> lastStatus(const QSignalSpy &spy)
{
    if (spy.isEmpty())
        return std::nullopt;
    return spy.constLast().at(0).value<SourceManager::Status>();
}

} // namespace

class TestFollowWorker final : public QObject
{
    Q_OBJECT

private slots:
    void storeFailureStopsAndRetryResumesFromTheStore();
};

// A batch the store refuses (disk full, a lock held too long) stops the
// writer, and every batch queued after it is dropped. The sources then stop
// and say why, even when nothing more is read; Retry writes with a new writer
// from the positions the store holds, so no line is lost or stored twice.
void TestFollowWorker::storeFailureStopsAndRetryResumesFromTheStore()
{
    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("follow.sqlite"));
    const QString logPath = dir.filePath(QStringLiteral("mail.log"));
    QVERIFY(append(logPath, numberedLines(0, 100)));

    FollowWorker worker(storePath, SourceContext());
    QSignalSpy opened(&worker, &FollowWorker::opened);
    QSignalSpy status(&worker, &FollowWorker::statusChanged);
    worker.open();
    QCOMPARE(opened.size(), 1);
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));

    QString error;
    QVERIFY2(execOn(storePath,
                    QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE OF position ON sources "
                                   "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"),
                    &error),
             qPrintable(error));
    worker.add(logPath);
    QVERIFY(lastStatus(status));
    const qint64 id = lastStatus(status)->id;

    // The log is quiet after its first lines: the failure is noticed all the same.
    QTRY_VERIFY_WITH_TIMEOUT(lastStatus(status)->state == LogSource::State::Stopped
                                 && lastStatus(status)->reason.contains(QLatin1String("the disk is full")),
                             5000);
    QCOMPARE(storedSource(storePath, logPath)->position, 0);

    QVERIFY2(execOn(storePath, QStringLiteral("DROP TRIGGER refuse"), &error), qPrintable(error));
    const QByteArray more = numberedLines(100, 50);
    QVERIFY(append(logPath, more));
    worker.retry(id);
    const qint64 size = QFile(logPath).size();
    QTRY_COMPARE_WITH_TIMEOUT(storedSource(storePath, logPath)->position, size, 5000);
    QCOMPARE(lastStatus(status)->state, LogSource::State::Following);
    QVERIFY(lastStatus(status)->reason.isEmpty());
    worker.shutdown();

    const std::optional<SourceRecord> record = storedSource(storePath, logPath);
    QVERIFY(record);
    QCOMPARE(record->linesRead, 150);
    TrafficStore store(storePath);
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.unrecognisedCounts(&error).value(QStringLiteral("dovecot")), 150);
}

QTEST_GUILESS_MAIN(TestFollowWorker)
#include "tst_followworker.moc"
