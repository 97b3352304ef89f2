#include <QBarSet>
#include <QSignalSpy>
#include <QTest>

#include "widgets/dashboard/chartstyle.h"

using namespace mailtls;

class TestChartStyle : public QObject
{
    Q_OBJECT

private slots:
    // A live batch changes a bar or two: written in place, so only those
    // bars are redrawn.
    void fewChangesAreWrittenInPlace()
    {
        QBarSet set(QStringLiteral("Encrypted"));
        QList<qreal> values;
        for (int i = 0; i < 365; ++i)
            values << i;
        set.append(values);
        QSignalSpy changed(&set, &QBarSet::valueChanged);
        QSignalSpy added(&set, &QBarSet::valuesAdded);
        values[364] = 1000;
        values[10] = 7;
        ChartStyle::writeValues(&set, values);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(added.count(), 0);
        QCOMPARE(set.at(364), 1000.0);
        QCOMPARE(set.at(10), 7.0);
    }

    // A new filter changes every bar: one replacement, not a layout of the
    // whole series per bar.
    void manyChangesReplaceTheValuesWhole()
    {
        QBarSet set(QStringLiteral("Encrypted"));
        QList<qreal> values;
        for (int i = 0; i < 365; ++i)
            values << i;
        set.append(values);
        QSignalSpy changed(&set, &QBarSet::valueChanged);
        QSignalSpy added(&set, &QBarSet::valuesAdded);
        QSignalSpy removed(&set, &QBarSet::valuesRemoved);
        for (qreal &v : values)
            v *= 2;
        ChartStyle::writeValues(&set, values);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(added.count(), 1);
        QCOMPARE(set.count(), 365);
        QCOMPARE(set.at(200), 400.0);
    }

    void anotherCountReplacesTheValues()
    {
        QBarSet set(QStringLiteral("Plaintext"));
        set.append(QList<qreal>{1, 2, 3});
        ChartStyle::writeValues(&set, {4, 5});
        QCOMPARE(set.count(), 2);
        QCOMPARE(set.at(0), 4.0);
        QCOMPARE(set.at(1), 5.0);
    }
};

QTEST_MAIN(TestChartStyle)
#include "tst_chartstyle.moc"
