#include <memory>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"

using namespace mailtls;

// Only sizes under 1024 bits run to the end here (tenths of a second); the
// cancel tests start 2048 bits and stop at the first progress report.
class TestDhGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void generates_data();
    void generates();
    void cancelStopsPromptly();
    void cancelBeforeAnyProgress();
    void startAgainAfterCancel();
    void refusesBadStarts();
    void destructorCancelsAndWaits();
    void offeredBits();
};

void TestDhGenerator::generates_data()
{
    QTest::addColumn<int>("bits");
    QTest::newRow("512") << 512;
    QTest::newRow("768") << 768;
}

void TestDhGenerator::generates()
{
    QFETCH(int, bits);

    DhGenerator generator;
    QSignalSpy progress(&generator, &DhGenerator::progress);
    QSignalSpy finished(&generator, &DhGenerator::finished);
    QSignalSpy failed(&generator, &DhGenerator::failed);
    QSignalSpy cancelled(&generator, &DhGenerator::cancelled);
    const Qt::HANDLE testThread = QThread::currentThreadId();
    Qt::HANDLE progressThread = nullptr;
    connect(&generator, &DhGenerator::progress, this, [&] { progressThread = QThread::currentThreadId(); });

    QVERIFY(generator.start(bits));
    QVERIFY(generator.isRunning());
    QCOMPARE(generator.bits(), bits);
    QVERIFY(finished.wait(120000));
    QVERIFY(!generator.isRunning());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cancelled.count(), 0);
    QCOMPARE(finished.count(), 1);

    QVERIFY(progress.count() > 0);
    QCOMPARE(progressThread, testThread);
    // The first report comes at the first candidate; counts never go down.
    QCOMPARE(progress.constFirst().at(0).toInt(), 1);
    QCOMPARE(progress.constFirst().at(1).value<DhGenerator::Phase>(), DhGenerator::Phase::Searching);
    int last = 0;
    for (const QList<QVariant> &report : std::as_const(progress)) {
        QVERIFY(report.at(0).toInt() >= last);
        last = report.at(0).toInt();
    }
    // A candidate passed its first safe-prime round before the end: the last
    // report is a confirmation.
    QCOMPARE(progress.constLast().at(1).value<DhGenerator::Phase>(), DhGenerator::Phase::Confirming);
    QCOMPARE(generator.candidatesTried(), last);

    const DhFileInfo info = DhParameters::inspect(finished.constFirst().constFirst().toByteArray());
    QCOMPARE(info.error, QString());
    QCOMPARE(info.bits, bits);
    QCOMPARE(info.generator, QByteArray(1, '\x02'));
    QCOMPARE(info.verdict, DhFileInfo::Verdict::Weak);
}

void TestDhGenerator::cancelStopsPromptly()
{
    DhGenerator generator;
    QSignalSpy progress(&generator, &DhGenerator::progress);
    QSignalSpy finished(&generator, &DhGenerator::finished);
    QSignalSpy failed(&generator, &DhGenerator::failed);
    QSignalSpy cancelled(&generator, &DhGenerator::cancelled);

    QVERIFY(generator.start(2048));
    QVERIFY(progress.wait(10000));
    QElapsedTimer clock;
    clock.start();
    generator.cancel();
    QVERIFY(generator.isRunning()); // until the thread has stopped
    QVERIFY(cancelled.wait(1000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!generator.isRunning());
    // Nothing follows a cancel.
    const int reports = progress.count();
    QTest::qWait(200);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(progress.count(), reports);
}

void TestDhGenerator::cancelBeforeAnyProgress()
{
    DhGenerator generator;
    QSignalSpy progress(&generator, &DhGenerator::progress);
    QSignalSpy finished(&generator, &DhGenerator::finished);
    QSignalSpy cancelled(&generator, &DhGenerator::cancelled);

    QVERIFY(generator.start(2048));
    generator.cancel();
    QVERIFY(cancelled.wait(1000));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    // Reports queued before the cancel are dropped.
    QCOMPARE(progress.count(), 0);
}

void TestDhGenerator::startAgainAfterCancel()
{
    DhGenerator generator;
    QSignalSpy finished(&generator, &DhGenerator::finished);
    QSignalSpy cancelled(&generator, &DhGenerator::cancelled);

    QVERIFY(generator.start(2048));
    generator.cancel();
    QVERIFY(cancelled.wait(1000));
    QVERIFY(generator.start(512));
    QVERIFY(finished.wait(60000));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(DhParameters::inspect(finished.constFirst().constFirst().toByteArray()).bits, 512);
    // A cancel after the end changes nothing.
    generator.cancel();
    QTest::qWait(50);
    QCOMPARE(cancelled.count(), 1);
}

void TestDhGenerator::refusesBadStarts()
{
    DhGenerator generator;
    QSignalSpy cancelled(&generator, &DhGenerator::cancelled);
    QVERIFY(!generator.start(511));
    QVERIFY(!generator.start(8193));
    QVERIFY(!generator.start(0));
    QVERIFY(!generator.isRunning());

    QVERIFY(generator.start(2048));
    QVERIFY(!generator.start(512)); // one at a time
    QCOMPARE(generator.bits(), 2048);
    generator.cancel();
    QVERIFY(cancelled.wait(1000));
}

void TestDhGenerator::destructorCancelsAndWaits()
{
    auto generator = std::make_unique<DhGenerator>();
    QSignalSpy progress(generator.get(), &DhGenerator::progress);
    QVERIFY(generator->start(4096));
    QVERIFY(progress.wait(10000));
    QElapsedTimer clock;
    clock.start();
    generator.reset();
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    // Events the thread queued for the dead object are dropped with it.
    QTest::qWait(50);
}

void TestDhGenerator::offeredBits()
{
    QCOMPARE(DhGenerator::offeredBits(), (QList<int> {2048, 3072, 4096}));
}

QTEST_GUILESS_MAIN(TestDhGenerator)
#include "tst_dhgenerator.moc"
