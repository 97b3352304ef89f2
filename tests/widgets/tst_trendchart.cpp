#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QTest>
#include <QValueAxis>

#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/trendchart.h"

using namespace mailtls;

namespace {

constexpr qint64 march18 = 1710720000;   // 2024-03-18T00:00:00Z
constexpr qint64 day = 86400;
constexpr qint64 hour = 3600;

TrendPoint point(qint64 start, qint64 encMsgs, qint64 plainMsgs, qint64 encBytes, qint64 plainBytes,
                 qint64 failures)
{
    TrendPoint p;
    p.start = start;
    p.encryptedMessages = encMsgs;
    p.plaintextMessages = plainMsgs;
    p.encryptedBytes = encBytes;
    p.plaintextBytes = plainBytes;
    p.tlsFailures = failures;
    return p;
}

TrendSeries makeTrend(TrendBucket bucket, qint64 from, const QList<TrendPoint> &points)
{
    TrendSeries s;
    s.bucket = bucket;
    s.from = from;
    s.points = points;
    s.to = from + s.bucketSeconds() * points.size();
    return s;
}

// Three days: a busy one, an empty one, one with more plaintext than not.
TrendSeries threeDays()
{
    return makeTrend(TrendBucket::Day, march18,
                  {point(march18, 5, 1, 2000, 300, 2), point(march18 + day, 0, 0, 0, 0, 0),
                   point(march18 + 2 * day, 3, 4, 1024, 4096, 7)});
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(set->at(i));
    return out;
}

QList<qreal> ys(const QLineSeries *series)
{
    QList<qreal> out;
    const QList<QPointF> points = series->points();
    for (int i = 0; i < points.size(); ++i) {
        // Each failure point sits on its bucket's category.
        if (points.at(i).x() != i)
            return {-1};
        out.append(points.at(i).y());
    }
    return out;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::WindowText, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
    p.setColor(QPalette::WindowText, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Text, QColor(0x00, 0x00, 0x00));
    return p;
}

} // namespace

class TestTrendChart final : public QObject
{
    Q_OBJECT

private slots:
    void series_data()
    {
        QTest::addColumn<TrendSeries>("trend");
        QTest::addColumn<TrendChart::Measure>("measure");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QList<qreal>>("encrypted");
        QTest::addColumn<QList<qreal>>("plaintext");
        QTest::addColumn<QList<qreal>>("failures");
        QTest::addColumn<QString>("timeTitle");
        QTest::addColumn<QString>("valueTitle");
        QTest::addColumn<qreal>("valueMax");
        QTest::addColumn<int>("valueTicks");
        QTest::addColumn<qreal>("failureMax");

        const QStringList threeDayLabels{QStringLiteral("18 Mar"), QStringLiteral("19 Mar"),
                                         QStringLiteral("20 Mar")};
        QTest::newRow("days, messages")
            << threeDays() << TrendChart::Measure::Messages << threeDayLabels
            << QList<qreal>{5, 0, 3} << QList<qreal>{1, 0, 4} << QList<qreal>{2, 0, 7}
            << QStringLiteral("Day (UTC)") << QStringLiteral("Messages") << qreal(8) << 5 << qreal(8);
        // 5120 bytes at most in a day: drawn in KiB.
        QTest::newRow("days, bytes in KiB")
            << threeDays() << TrendChart::Measure::Bytes << threeDayLabels
            << QList<qreal>{2000.0 / 1024, 0, 1} << QList<qreal>{300.0 / 1024, 0, 4}
            << QList<qreal>{2, 0, 7} << QStringLiteral("Day (UTC)") << QStringLiteral("Bytes (KiB)")
            << qreal(6) << 4 << qreal(8);
        QTest::newRow("hours, bytes below a KiB")
            << makeTrend(TrendBucket::Hour, march18 + 10 * hour,
                      {point(march18 + 10 * hour, 1, 0, 700, 0, 0),
                       point(march18 + 11 * hour, 0, 2, 0, 300, 1)})
            << TrendChart::Measure::Bytes << QStringList{QStringLiteral("18 Mar 10:00"), QStringLiteral("18 Mar 11:00")}
            << QList<qreal>{700, 0} << QList<qreal>{0, 300} << QList<qreal>{0, 1}
            << QStringLiteral("Hour (UTC)") << QStringLiteral("Bytes (B)") << qreal(800) << 5 << qreal(1);
        QTest::newRow("hours, messages")
            << makeTrend(TrendBucket::Hour, march18 + 23 * hour,
                      {point(march18 + 23 * hour, 12, 30, 1, 1, 0), point(march18 + 24 * hour, 0, 0, 0, 0, 0)})
            << TrendChart::Measure::Messages
            << QStringList{QStringLiteral("18 Mar 23:00"), QStringLiteral("19 Mar 00:00")}
            << QList<qreal>{12, 0} << QList<qreal>{30, 0} << QList<qreal>{0, 0}
            << QStringLiteral("Hour (UTC)") << QStringLiteral("Messages") << qreal(60) << 4 << qreal(1);
        // Over a new year the labels carry the year, so categories stay unique.
        QTest::newRow("days across a year")
            << makeTrend(TrendBucket::Day, 1735603200,
                      {point(1735603200, 1, 1, 3 * 1048576, 1048576, 0),
                       point(1735603200 + day, 2, 0, 512 * 1024, 0, 3)})
            << TrendChart::Measure::Bytes
            << QStringList{QStringLiteral("31 Dec 2024"), QStringLiteral("1 Jan 2025")}
            << QList<qreal>{3, 0.5} << QList<qreal>{1, 0} << QList<qreal>{0, 3}
            << QStringLiteral("Day (UTC)") << QStringLiteral("Bytes (MiB)") << qreal(4) << 5 << qreal(3);
        QTest::newRow("empty")
            << TrendSeries{} << TrendChart::Measure::Messages << QStringList{} << QList<qreal>{}
            << QList<qreal>{} << QList<qreal>{} << QStringLiteral("Day (UTC)") << QStringLiteral("Messages")
            << qreal(1) << 2 << qreal(1);
    }

    void series()
    {
        QFETCH(TrendSeries, trend);
        QFETCH(TrendChart::Measure, measure);
        QFETCH(QStringList, categories);

        TrendChart chart;
        chart.setMeasure(measure);
        chart.setTrend(trend);
        QCOMPARE(chart.trend().points, trend.points);
        QCOMPARE(chart.measure(), measure);
        QCOMPARE(chart.timeAxis()->categories(), categories);
        QTEST(values(chart.encryptedSet()), "encrypted");
        QTEST(values(chart.plaintextSet()), "plaintext");
        QTEST(ys(chart.failureSeries()), "failures");
        QTEST(chart.labelAxis()->titleText(), "timeTitle");
        QTEST(chart.valueAxis()->titleText(), "valueTitle");
        QTEST(chart.valueAxis()->max(), "valueMax");
        QCOMPARE(chart.valueAxis()->min(), qreal(0));
        QTEST(chart.valueAxis()->tickCount(), "valueTicks");
        QTEST(chart.failureAxis()->max(), "failureMax");
        QCOMPARE(chart.failureAxis()->titleText(), QStringLiteral("TLS failures"));
    }

    void setsAreNamedForTheLegend()
    {
        TrendChart chart;
        QCOMPARE(chart.encryptedSet()->label(), QStringLiteral("Encrypted"));
        QCOMPARE(chart.plaintextSet()->label(), QStringLiteral("Plaintext"));
        QCOMPARE(chart.failureSeries()->name(), QStringLiteral("TLS failures"));
        QVERIFY(chart.chart()->legend()->isVisible());
        QCOMPARE(chart.chart()->animationOptions(), QChart::NoAnimation);
        QCOMPARE(chart.barSeries()->barSets(), (QList<QBarSet *>{chart.encryptedSet(), chart.plaintextSet()}));
        QVERIFY(chart.chartView()->renderHints().testFlag(QPainter::Antialiasing));
    }

    void switchingMeasureRedrawsTheSameTrend()
    {
        TrendChart chart;
        chart.setTrend(threeDays());
        QCOMPARE(values(chart.encryptedSet()), (QList<qreal>{5, 0, 3}));
        chart.setMeasure(TrendChart::Measure::Bytes);
        QCOMPARE(values(chart.encryptedSet()), (QList<qreal>{2000.0 / 1024, 0, 1}));
        QCOMPARE(chart.byteUnit(), QStringLiteral("KiB"));
        QCOMPARE(chart.byteUnitPower(), 1);
        chart.setMeasure(TrendChart::Measure::Messages);
        QCOMPARE(values(chart.plaintextSet()), (QList<qreal>{1, 0, 4}));
        QCOMPARE(chart.valueAxis()->titleText(), QStringLiteral("Messages"));
    }

    // A live refresh with the same buckets rewrites only values: the sets,
    // the categories and every unchanged bar stay as they were.
    void liveUpdateWritesInPlace()
    {
        TrendChart chart;
        chart.setTrend(threeDays());
        QBarSet *encrypted = chart.encryptedSet();
        int replaced = 0;
        int added = 0;
        connect(encrypted, &QBarSet::valueChanged, this, [&replaced](int) { ++replaced; });
        connect(encrypted, &QBarSet::valuesAdded, this, [&added](int, int) { ++added; });
        int categoriesChanged = 0;
        connect(chart.timeAxis(), &QBarCategoryAxis::categoriesChanged, this,
                [&categoriesChanged] { ++categoriesChanged; });

        TrendSeries more = threeDays();
        more.points[2].encryptedMessages = 9;
        chart.setTrend(more);
        QCOMPARE(values(chart.encryptedSet()), (QList<qreal>{5, 0, 9}));
        QCOMPARE(chart.encryptedSet(), encrypted);
        QCOMPARE(replaced, 1);
        QCOMPARE(added, 0);
        QCOMPARE(categoriesChanged, 0);
        QCOMPARE(chart.valueAxis()->max(), qreal(15));

        // A new day arrives: the buckets change, the sets stay.
        more.points.append(point(march18 + 3 * day, 1, 1, 1, 1, 0));
        more.to += day;
        chart.setTrend(more);
        QCOMPARE(values(chart.encryptedSet()), (QList<qreal>{5, 0, 9, 1}));
        QCOMPARE(chart.encryptedSet(), encrypted);
        QCOMPARE(categoriesChanged, 1);
        QCOMPARE(chart.timeAxis()->categories().last(), QStringLiteral("21 Mar"));

        chart.setTrend(TrendSeries{});
        QCOMPARE(chart.encryptedSet()->count(), 0);
        QCOMPARE(chart.failureSeries()->count(), 0);
    }

    void bucketText_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("text");
        QTest::newRow("first") << 0
                               << QStringLiteral("2024-03-18 00:00 – 2024-03-19 00:00 UTC\n"
                                                 "Encrypted messages: 5, 2.0 KiB (2,000 bytes)\n"
                                                 "Plaintext messages: 1, 300 bytes\n"
                                                 "TLS failures: 2");
        QTest::newRow("last") << 2
                              << QStringLiteral("2024-03-20 00:00 – 2024-03-21 00:00 UTC\n"
                                                "Encrypted messages: 3, 1.0 KiB (1,024 bytes)\n"
                                                "Plaintext messages: 4, 4.0 KiB (4,096 bytes)\n"
                                                "TLS failures: 7");
        QTest::newRow("outside") << 3 << QString();
        QTest::newRow("negative") << -1 << QString();
    }

    void bucketText()
    {
        QFETCH(int, index);
        TrendChart chart;
        chart.setTrend(threeDays());
        QTEST(chart.bucketText(index), "text");
    }

    // A bucket cut by the range's end says where it really ends.
    void cutBucketEndsAtTheRange()
    {
        TrendSeries trend = threeDays();
        trend.to = march18 + 2 * day + 6 * hour;
        TrendChart chart;
        chart.setTrend(trend);
        QVERIFY(chart.bucketText(2).startsWith(QStringLiteral("2024-03-20 00:00 – 2024-03-20 06:00 UTC\n")));
    }

    void paletteColours_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << lightPalette();
        QTest::newRow("dark") << darkPalette();
    }

    void paletteColours()
    {
        QFETCH(QPalette, palette);
        TrendChart chart;
        chart.setPalette(palette);
        chart.setTrend(threeDays());
        using Role = ChartPalette::Role;
        QCOMPARE(chart.encryptedSet()->brush().color(), ChartPalette::color(Role::Encrypted, palette));
        QCOMPARE(chart.plaintextSet()->brush().textureImage(),
                 ChartPalette::brush(Role::Plaintext, palette).textureImage());
        QCOMPARE(chart.failureSeries()->pen().color(), ChartPalette::color(Role::Failure, palette));
        QCOMPARE(chart.failureSeries()->pen().style(), Qt::DashLine);
        QCOMPARE(chart.chart()->backgroundBrush().color(), palette.color(QPalette::Base));
        QCOMPARE(chart.valueAxis()->labelsBrush().color(), palette.color(QPalette::Text));
        QCOMPARE(chart.chart()->legend()->labelColor(), palette.color(QPalette::Text));
    }

    void labelSpacing_data()
    {
        using Spacing = TrendChart::LabelSpacing;
        QTest::addColumn<TrendBucket>("bucket");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("maxLabels");
        QTest::addColumn<Spacing>("spacing");
        QTest::newRow("few hours") << TrendBucket::Hour << 5 << 8 << Spacing{1, 0};
        QTest::newRow("a day of hours") << TrendBucket::Hour << 24 << 8 << Spacing{3, 0};
        QTest::newRow("49 hours") << TrendBucket::Hour << 49 << 8 << Spacing{12, 0};
        QTest::newRow("72 hours, narrow") << TrendBucket::Hour << 72 << 2 << Spacing{48, 0};
        QTest::newRow("a week of days") << TrendBucket::Day << 7 << 8 << Spacing{1, 0};
        QTest::newRow("a month") << TrendBucket::Day << 30 << 8 << Spacing{7, 0};
        QTest::newRow("two months") << TrendBucket::Day << 61 << 8 << Spacing{14, 0};
        QTest::newRow("a year") << TrendBucket::Day << 365 << 8 << Spacing{1, 3};
        QTest::newRow("a year, wide") << TrendBucket::Day << 365 << 12 << Spacing{1, 1};
        QTest::newRow("ten years") << TrendBucket::Day << 3653 << 8 << Spacing{1, 24};
        QTest::newRow("no room") << TrendBucket::Day << 10 << 0 << Spacing{14, 0};
    }

    void labelSpacing()
    {
        QFETCH(TrendBucket, bucket);
        QFETCH(int, points);
        QFETCH(int, maxLabels);
        QTEST(TrendChart::labelSpacing(bucket, points, maxLabels), "spacing");
    }

    // The axis under the bars labels every few buckets, on whole hours or
    // days, at the buckets' centres; its range is the bars'.
    void timeLabels_data()
    {
        QTest::addColumn<TrendSeries>("trend");
        QTest::addColumn<int>("width");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QList<qreal>>("positions");

        QList<TrendPoint> hours;
        for (int i = 0; i < 49; ++i)
            hours.append(point(march18 + (10 + i) * hour, 0, 0, 0, 0, 0));
        // 700 pixels: room for 6 labels, so one every 12 hours.
        QTest::newRow("49 hours")
            << makeTrend(TrendBucket::Hour, march18 + 10 * hour, hours) << 700
            << QStringList{QStringLiteral("18 Mar 12:00"), QStringLiteral("19 Mar 00:00"),
                           QStringLiteral("19 Mar 12:00"), QStringLiteral("20 Mar 00:00")}
            << QList<qreal>{2, 14, 26, 38};
        // 300 pixels: two labels, two days apart, named by the day alone.
        QTest::newRow("49 hours, narrow")
            << makeTrend(TrendBucket::Hour, march18 + 10 * hour, hours) << 300
            << QStringList{QStringLiteral("20 Mar")} << QList<qreal>{38};
        QTest::newRow("three days") << threeDays() << 600
                                    << QStringList{QStringLiteral("18 Mar"), QStringLiteral("19 Mar"),
                                                   QStringLiteral("20 Mar")}
                                    << QList<qreal>{0, 1, 2};
        QList<TrendPoint> days;
        for (int i = 0; i < 70; ++i)
            days.append(point(march18 + i * day, 0, 0, 0, 0, 0));
        // Ten weeks in 600 pixels: every other Monday (18 March 2024 was one).
        QTest::newRow("weeks") << makeTrend(TrendBucket::Day, march18, days) << 600
                               << QStringList{QStringLiteral("25 Mar"), QStringLiteral("8 Apr"),
                                              QStringLiteral("22 Apr"), QStringLiteral("6 May"),
                                              QStringLiteral("20 May")}
                               << QList<qreal>{7, 21, 35, 49, 63};
        // 400 days over New Year in 700 pixels: the first of every third month.
        QList<TrendPoint> year;
        for (int i = 0; i < 400; ++i)
            year.append(point(march18 + i * day, 0, 0, 0, 0, 0));
        QTest::newRow("quarters") << makeTrend(TrendBucket::Day, march18, year) << 700
                                  << QStringList{QStringLiteral("Apr 2024"), QStringLiteral("Jul 2024"),
                                                 QStringLiteral("Oct 2024"), QStringLiteral("Jan 2025"),
                                                 QStringLiteral("Apr 2025")}
                                  << QList<qreal>{14, 105, 197, 289, 379};
        QTest::newRow("empty") << TrendSeries{} << 600 << QStringList{} << QList<qreal>{};
    }

    void timeLabels()
    {
        QFETCH(TrendSeries, trend);
        QFETCH(int, width);
        QFETCH(QStringList, labels);
        QFETCH(QList<qreal>, positions);

        TrendChart chart;
        chart.resize(width, 300);
        chart.setTrend(trend);
        QCOMPARE(chart.labelAxis()->categoriesLabels(), labels);
        QList<qreal> at;
        for (const QString &label : labels)
            at.append(chart.labelAxis()->endValue(label));
        QCOMPARE(at, positions);
        QCOMPARE(chart.labelAxis()->min(), -0.5);
        QCOMPARE(chart.labelAxis()->max(), std::max<qreal>(1, trend.points.size()) - 0.5);
        QVERIFY(!chart.timeAxis()->isVisible());
        QCOMPARE(chart.failureSeries()->pointsVisible(), trend.points.size() <= 24);
    }

    void accessibleSummary()
    {
        TrendChart chart;
        chart.setTrend(threeDays());
        QCOMPARE(chart.chartView()->accessibleDescription(),
                 QStringLiteral("Buckets: 3; encrypted messages: 8; plaintext messages: 5; TLS failures: 9"));
        chart.setMeasure(TrendChart::Measure::Bytes);
        QCOMPARE(chart.chartView()->accessibleDescription(),
                 QStringLiteral("Buckets: 3; encrypted: 3.0 KiB; plaintext: 4.3 KiB; TLS failures: 9"));
    }
};

QTEST_MAIN(TestTrendChart)
#include "tst_trendchart.moc"
