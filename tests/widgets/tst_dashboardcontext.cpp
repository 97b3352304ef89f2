#include <QSignalSpy>
#include <QTest>

#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/queryrunner.h"

using namespace mailtls;

class TestDashboardContext : public QObject
{
    Q_OBJECT

private slots:
    void relativeRangesEndAtTheReferenceTime_data()
    {
        QTest::addColumn<DashboardContext::Range>("range");
        QTest::addColumn<std::optional<qint64>>("since");
        QTest::addColumn<QString>("title");
        const qint64 now = 1700000000;
        QTest::newRow("day") << DashboardContext::Range::Day << std::optional<qint64>(now - 86400)
                             << QStringLiteral("Last 24 hours");
        QTest::newRow("week") << DashboardContext::Range::Week << std::optional<qint64>(now - 7 * 86400)
                              << QStringLiteral("Last 7 days");
        QTest::newRow("month") << DashboardContext::Range::Month << std::optional<qint64>(now - 30 * 86400)
                               << QStringLiteral("Last 30 days");
        QTest::newRow("all") << DashboardContext::Range::All << std::optional<qint64>()
                             << QStringLiteral("All time");
    }

    void relativeRangesEndAtTheReferenceTime()
    {
        QFETCH(DashboardContext::Range, range);
        QFETCH(std::optional<qint64>, since);
        QFETCH(QString, title);
        DashboardContext context;
        context.setReferenceTime(1700000000);
        context.setRange(range);
        const ReportFilter filter = context.filter();
        QCOMPARE(filter.since, since);
        QCOMPARE(filter.until, std::optional<qint64>());
        QCOMPARE(context.rangeTitle(), title);
    }

    void customRangesKeepTheirBounds()
    {
        DashboardContext context;
        QSignalSpy changed(&context, &DashboardContext::filterChanged);
        context.setRange(DashboardContext::Range::Custom, 1709251200, 1711929600);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(context.filter().since, std::optional<qint64>(1709251200));
        QCOMPARE(context.filter().until, std::optional<qint64>(1711929600));
        // The last day shown is the one before `until`.
        QCOMPARE(context.rangeTitle(), QStringLiteral("1 Mar 2024 – 31 Mar 2024"));
        context.setRange(DashboardContext::Range::Custom, 1709251200, 1711929600);
        QCOMPARE(changed.count(), 1);
        context.setRange(DashboardContext::Range::Week, 1, 2);
        QCOMPARE(changed.count(), 2);
        QVERIFY(context.filter().since.has_value());
        QCOMPARE(context.filter().until, std::optional<qint64>());
    }

    void directionAndGroupingShapeTheFilter()
    {
        DashboardContext context;
        QSignalSpy changed(&context, &DashboardContext::filterChanged);
        QCOMPARE(context.filter().directions, QList<Direction>());
        context.setDirection(Direction::Outbound);
        QCOMPARE(context.filter().directions, QList<Direction>{Direction::Outbound});
        context.setDirection(Direction::Outbound);
        context.setGroupBy(ReportFilter::GroupBy::Domain);
        QCOMPARE(context.filter().groupBy, ReportFilter::GroupBy::Domain);
        QCOMPARE(changed.count(), 2);
        context.setDirection(std::nullopt);
        QCOMPARE(context.filter().directions, QList<Direction>());
        QCOMPARE(changed.count(), 3);
    }

    void dataChangesArriveBatched()
    {
        DashboardContext context;
        QSignalSpy data(&context, &DashboardContext::dataChanged);
        for (int i = 0; i < 100; ++i)
            context.notifyDataChanged();
        QCOMPARE(data.count(), 0);
        QVERIFY(data.wait(2000));
        QTest::qWait(700);
        QCOMPARE(data.count(), 1);
    }

    void theStoreGoesToTheRunner()
    {
        DashboardContext context;
        QSignalSpy store(&context, &DashboardContext::storeChanged);
        context.setStore(QStringLiteral("/tmp/x.sqlite"), true);
        QCOMPARE(store.count(), 1);
        QCOMPARE(context.runner()->storePath(), QStringLiteral("/tmp/x.sqlite"));
        QVERIFY(context.isDemo());
    }
};

QTEST_GUILESS_MAIN(TestDashboardContext)
#include "tst_dashboardcontext.moc"
