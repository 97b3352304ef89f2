#include "widgets/dashboard/chartaxis.h"

#include <QTest>
#include <QValueAxis>

using namespace mailtls;

class TestChartAxis final : public QObject
{
    Q_OBJECT

private slots:
    void niceRange_data();
    void niceRange();
    void apply();
};

void TestChartAxis::niceRange_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<int>("maxSteps");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("steps");

    QTest::newRow("nothing") << 0.0 << 4 << true << 1.0 << 1.0 << 1;
    QTest::newRow("below nothing") << -3.0 << 4 << true << 1.0 << 1.0 << 1;
    QTest::newRow("not a number") << qQNaN() << 4 << true << 1.0 << 1.0 << 1;
    QTest::newRow("three messages") << 3.0 << 4 << true << 3.0 << 1.0 << 3;
    QTest::newRow("four, on a step") << 4.0 << 4 << true << 4.0 << 1.0 << 4;
    QTest::newRow("seven: steps of two") << 7.0 << 4 << true << 8.0 << 2.0 << 4;
    QTest::newRow("twelve: steps of five") << 12.0 << 4 << true << 15.0 << 5.0 << 3;
    QTest::newRow("twenty-five: steps of ten") << 25.0 << 4 << true << 30.0 << 10.0 << 3;
    QTest::newRow("a hundred, on a step") << 100.0 << 4 << true << 100.0 << 50.0 << 2;
    QTest::newRow("just past a step") << 101.0 << 4 << true << 150.0 << 50.0 << 3;
    QTest::newRow("thousands") << 4321.0 << 4 << true << 6000.0 << 2000.0 << 3;
    // Counts below one step of one still get whole steps.
    QTest::newRow("half a message, whole") << 0.5 << 4 << true << 1.0 << 1.0 << 1;
    // Bytes in KiB or MiB may step by a fraction.
    QTest::newRow("0.3 MiB") << 0.3 << 4 << false << 0.3 << 0.1 << 3;
    QTest::newRow("2.5 KiB") << 2.5 << 4 << false << 3.0 << 1.0 << 3;
    QTest::newRow("0.7 KiB") << 0.7 << 4 << false << 0.8 << 0.2 << 4;
    // More steps allowed, finer steps.
    QTest::newRow("eleven in six steps") << 11.0 << 6 << true << 12.0 << 2.0 << 6;
    QTest::newRow("twelve in six steps") << 12.0 << 6 << true << 12.0 << 2.0 << 6;
    QTest::newRow("twenty-five in six steps") << 25.0 << 6 << true << 25.0 << 5.0 << 5;
    QTest::newRow("a hundred in six steps") << 100.0 << 6 << true << 100.0 << 20.0 << 5;
}

void TestChartAxis::niceRange()
{
    QFETCH(double, top);
    QFETCH(int, maxSteps);
    QFETCH(bool, whole);
    QFETCH(double, max);
    QFETCH(double, step);
    QFETCH(int, steps);

    const ChartAxis::Range range = ChartAxis::niceRange(top, maxSteps, whole);
    QCOMPARE(range.max, max);
    QCOMPARE(range.step, step);
    QCOMPARE(range.steps(), steps);
    QVERIFY(range.steps() <= maxSteps);
    QVERIFY(!(top > range.max));
}

void TestChartAxis::apply()
{
    // A tick on every step, the last on the top of the axis.
    QValueAxis axis;
    axis.setRange(-5, 5);
    ChartAxis::setNiceRange(&axis, 0.7, 4, false);
    QCOMPARE(axis.min(), 0.0);
    QCOMPARE(axis.max(), 0.8);
    QCOMPARE(axis.tickCount(), 5);
    QCOMPARE(axis.tickType(), QValueAxis::TicksFixed);

    ChartAxis::setNiceRange(&axis, 12, 4, true);
    QCOMPARE(axis.max(), 15.0);
    QCOMPARE(axis.tickCount(), 4);
}

QTEST_MAIN(TestChartAxis)
#include "tst_chartaxis.moc"
