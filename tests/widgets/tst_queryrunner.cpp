#include <QMutex>
#include <QSignalSpy>
#include <QTest>

#include "models/store/trafficstore.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/queryrunner.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

class TestQueryRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsOnTheWorkerAndDeliversOnTheCallersThread()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());
        QSignalSpy busy(&runner, &QueryRunner::busyChanged);

        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        qint64 lines = -2;
        QString seenError = QStringLiteral("unset");
        runner.run<qint64>(
            this, QStringLiteral("lines"),
            [&workThread](TrafficStore &store, QString *error) {
                workThread = QThread::currentThread();
                return store.linesRead(error);
            },
            [&](const qint64 &result, const QString &error) {
                doneThread = QThread::currentThread();
                lines = result;
                seenError = error;
            });
        QCOMPARE(runner.pending(), 1);
        QVERIFY(runner.waitForIdle());
        QVERIFY(workThread != nullptr);
        QVERIFY(workThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QCOMPARE(lines, qint64(0));
        QCOMPARE(seenError, QString());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
    }

    void aNewerRunOfAKeySupersedesOlderOnes()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());

        QList<int> delivered;
        QList<int> executed;
        QMutex mutex;
        for (int i = 0; i < 5; ++i) {
            runner.run<int>(
                this, QStringLiteral("same"),
                [i, &executed, &mutex](TrafficStore &, QString *) {
                    QMutexLocker lock(&mutex);
                    executed << i;
                    return i;
                },
                [&delivered](const int &value, const QString &) { delivered << value; });
        }
        int other = -1;
        runner.run<int>(
            this, QStringLiteral("other"), [](TrafficStore &, QString *) { return 42; },
            [&other](const int &value, const QString &) { other = value; });
        QVERIFY(runner.waitForIdle());
        QCOMPARE(delivered, QList<int>{4});
        QCOMPARE(other, 42);
        // The first may have started before the others were posted; the
        // superseded middle ones never run.
        QVERIFY(executed.contains(4));
        QVERIFY(!executed.contains(2));
        QVERIFY(!executed.contains(3));
    }

    void dropsResultsForAReceiverThatIsGone()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());
        bool delivered = false;
        auto *receiver = new QObject;
        runner.run<int>(
            receiver, QStringLiteral("gone"), [](TrafficStore &, QString *) { return 1; },
            [&delivered](const int &, const QString &) { delivered = true; });
        delete receiver;
        QVERIFY(runner.waitForIdle());
        QVERIFY(!delivered);
    }

    void reportsAStoreItCannotOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-store.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not an SQLite database, just some text long enough to be looked at");
        file.close();

        QueryRunner runner;
        runner.setStorePath(path);
        bool ran = false;
        QString seen;
        runner.run<int>(
            this, QStringLiteral("x"),
            [&ran](TrafficStore &, QString *) {
                ran = true;
                return 1;
            },
            [&seen](const int &, const QString &error) { seen = error; });
        QVERIFY(runner.waitForIdle());
        QVERIFY(!ran);
        QVERIFY2(seen.contains(QStringLiteral("not-a-store.sqlite")), qPrintable(seen));

        runner.setStorePath(QString());
        runner.run<int>(
            this, QStringLiteral("x"), [](TrafficStore &, QString *) { return 1; },
            [&seen](const int &, const QString &error) { seen = error; });
        QVERIFY(runner.waitForIdle());
        QCOMPARE(seen, QStringLiteral("No store is open."));
    }
};

QTEST_GUILESS_MAIN(TestQueryRunner)
#include "tst_queryrunner.moc"
