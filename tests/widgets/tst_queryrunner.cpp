#include <atomic>

#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
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
        // The worker is held by a query of another key until every run of
        // "same" is posted, so none of them can start before the last one.
        QSemaphore gate;
        runner.run<int>(
            this, QStringLiteral("blocker"),
            [&gate](TrafficStore &, QString *) {
                gate.acquire();
                return 0;
            },
            [](const int &, const QString &) {});
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
        gate.release();
        QVERIFY(runner.waitForIdle());
        QCOMPARE(delivered, QList<int>{4});
        QCOMPARE(other, 42);
        // The superseded runs never started.
        QCOMPARE(executed, QList<int>{4});
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

    // A kept result is delivered again without a query, by key and
    // selection, until the data changes.
    void keepsResultsUntilTheDataChanges()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());
        std::atomic<int> queries {0};
        int value = 0;
        const auto runOnce = [&](const QString &key, const QString &selection, int answer) {
            value = -1;
            runner.runCached<int>(
                this, key, selection,
                [&queries, answer](TrafficStore &, QString *) {
                    ++queries;
                    return answer;
                },
                [&value](const int &result, const QString &) { value = result; });
            // Even a kept result arrives later, never inside the call.
            QCOMPARE(value, -1);
            QVERIFY(runner.waitForIdle());
        };
        runOnce(QStringLiteral("peers"), QStringLiteral("all"), 7);
        QCOMPARE(value, 7);
        QCOMPARE(queries.load(), 1);
        runOnce(QStringLiteral("peers"), QStringLiteral("all"), 8);
        QCOMPARE(value, 7);
        QCOMPARE(queries.load(), 1);
        QVERIFY(runner.isCached(QStringLiteral("peers"), QStringLiteral("all")));
        // Another page's result for the same selection is its own.
        runOnce(QStringLiteral("overview"), QStringLiteral("all"), 9);
        QCOMPARE(value, 9);
        QCOMPARE(queries.load(), 2);
        runner.invalidateCache();
        QVERIFY(!runner.isCached(QStringLiteral("peers"), QStringLiteral("all")));
        runOnce(QStringLiteral("peers"), QStringLiteral("all"), 10);
        QCOMPARE(value, 10);
        QCOMPARE(queries.load(), 3);
        // A store of its own: nothing kept from the other.
        runner.setStorePath(known.path() + QStringLiteral(".other"));
        QVERIFY(!runner.isCached(QStringLiteral("peers"), QStringLiteral("all")));
    }

    // Prefetches run one at a time, only while no run waits, and are kept
    // for the runCached() that asks for them; a result read before the data
    // changed is not kept.
    void prefetchesWhileIdle()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());
        QMutex mutex;
        QStringList order;
        const auto work = [&](const QString &name, int answer) {
            return [&mutex, &order, name, answer](TrafficStore &, QString *) {
                QMutexLocker lock(&mutex);
                order << name;
                return answer;
            };
        };
        int value = 0;
        runner.runCached<int>(this, QStringLiteral("k"), QStringLiteral("a"), work(QStringLiteral("a"), 1),
                              [&value](const int &result, const QString &) { value = result; });
        // Queued behind the user's run; never counted as pending.
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("b"), work(QStringLiteral("b"), 2));
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("c"), work(QStringLiteral("c"), 3));
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("c"), work(QStringLiteral("c again"), 4));
        QCOMPARE(runner.pending(), 1);
        QVERIFY(runner.waitForIdle());
        QCOMPARE(order, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QVERIFY(runner.isCached(QStringLiteral("k"), QStringLiteral("b")));
        runner.runCached<int>(this, QStringLiteral("k"), QStringLiteral("c"), work(QStringLiteral("c asked"), 5),
                              [&value](const int &result, const QString &) { value = result; });
        QVERIFY(runner.waitForIdle());
        QCOMPARE(value, 3);
        QCOMPARE(order.size(), 3);

        // Cleared before it could start: never runs.
        runner.run<int>(this, QStringLiteral("busy"), work(QStringLiteral("busy"), 0), [](const int &, const QString &) {});
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("d"), work(QStringLiteral("d"), 6));
        runner.clearPrefetches();
        QVERIFY(runner.waitForIdle());
        QCOMPARE(order.last(), QStringLiteral("busy"));
        QVERIFY(!runner.isCached(QStringLiteral("k"), QStringLiteral("d")));

        // The data changes while a prefetch reads: its result is not kept.
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("e"), [&runner](TrafficStore &, QString *) {
            QMetaObject::invokeMethod(&runner, &QueryRunner::invalidateCache);
            QThread::msleep(50);
            return 7;
        });
        QVERIFY(runner.waitForIdle());
        QVERIFY(!runner.isCached(QStringLiteral("k"), QStringLiteral("e")));
    }

    // After the data changed, prefetches wait until it has been quiet for a
    // while; a further change starts the wait again. The user's own runs
    // never wait.
    void prefetchesWaitForQuietData()
    {
        KnownStore known;
        QVERIFY(known.make());
        QueryRunner runner;
        runner.setStorePath(known.path());
        runner.setPrefetchQuietMs(400);
        QMutex mutex;
        QStringList order;
        const auto work = [&](const QString &name, int answer) {
            return [&mutex, &order, name, answer](TrafficStore &, QString *) {
                QMutexLocker lock(&mutex);
                order << name;
                return answer;
            };
        };
        const auto ran = [&] {
            QMutexLocker lock(&mutex);
            return order;
        };
        const auto spin = [](int ms) {
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < ms)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        };
        // No change yet: a prefetch starts at once.
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("a"), work(QStringLiteral("a"), 1));
        QVERIFY(runner.waitForIdle());
        QCOMPARE(ran(), QStringList {QStringLiteral("a")});

        runner.noteDataChanged();
        QVERIFY(!runner.isCached(QStringLiteral("k"), QStringLiteral("a")));
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("b"), work(QStringLiteral("b"), 2));
        int value = 0;
        runner.run<int>(this, QStringLiteral("user"), work(QStringLiteral("user"), 3),
                        [&value](const int &result, const QString &) { value = result; });
        spin(150);
        QCOMPARE(value, 3);
        QCOMPARE(ran(), (QStringList {QStringLiteral("a"), QStringLiteral("user")}));
        // Another change before the wait is over: the prefetch (queued
        // again, as a page does on new data) waits anew.
        runner.noteDataChanged();
        runner.prefetch<int>(QStringLiteral("k"), QStringLiteral("b"), work(QStringLiteral("b"), 2));
        spin(300);
        QCOMPARE(ran(), (QStringList {QStringLiteral("a"), QStringLiteral("user")}));
        QVERIFY(runner.waitForIdle());
        QCOMPARE(ran(), (QStringList {QStringLiteral("a"), QStringLiteral("user"), QStringLiteral("b")}));
        QVERIFY(runner.isCached(QStringLiteral("k"), QStringLiteral("b")));
    }
};

QTEST_GUILESS_MAIN(TestQueryRunner)
#include "tst_queryrunner.moc"
