#include <QTest>

#include "models/report/timeargument.h"

using namespace mailtls;

class TestTimeArgument : public QObject
{
    Q_OBJECT

private slots:
    void valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<qint64>("expected");
        const qint64 now = 1796000000;   // 2026-11-30T00:13:20Z
        Q_UNUSED(now);
        QTest::newRow("date UTC") << QStringLiteral("2026-11-02") << QByteArray("UTC") << qint64(1793577600);
        QTest::newRow("date Berlin") << QStringLiteral("2026-11-02") << QByteArray("Europe/Berlin")
                                     << qint64(1793577600 - 3600);
        QTest::newRow("date time") << QStringLiteral("2026-11-02 14:30") << QByteArray("UTC")
                                   << qint64(1793577600 + 14 * 3600 + 30 * 60);
        QTest::newRow("T and seconds") << QStringLiteral("2026-11-02T14:30:05") << QByteArray("UTC")
                                       << qint64(1793577600 + 14 * 3600 + 30 * 60 + 5);
        QTest::newRow("Z wins over zone") << QStringLiteral("2026-11-02T00:00:00Z") << QByteArray("Europe/Berlin")
                                          << qint64(1793577600);
        QTest::newRow("offset") << QStringLiteral("2026-11-02T01:00+01:00") << QByteArray("UTC")
                                << qint64(1793577600);
        QTest::newRow("offset no colon") << QStringLiteral("2026-11-01T19:00-0500") << QByteArray("UTC")
                                         << qint64(1793577600);
        QTest::newRow("summer time") << QStringLiteral("2026-07-01") << QByteArray("Europe/Berlin")
                                     << qint64(1782864000 - 7200);
        QTest::newRow("24h") << QStringLiteral("24h") << QByteArray("UTC") << qint64(1796000000 - 86400);
        QTest::newRow("7d") << QStringLiteral("7d") << QByteArray("UTC") << qint64(1796000000 - 7 * 86400);
        QTest::newRow("2w") << QStringLiteral("2w") << QByteArray("UTC") << qint64(1796000000 - 14 * 86400);
        QTest::newRow("epoch") << QStringLiteral("@1700000000") << QByteArray("UTC") << qint64(1700000000);
    }
    void valid()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, zone);
        QFETCH(qint64, expected);
        std::int64_t t = 0;
        QString error;
        QVERIFY2(TimeArgument::parse(text, QTimeZone(zone), 1796000000, &t, &error), qPrintable(error));
        QCOMPARE(qint64(t), expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("words") << QStringLiteral("yesterday")
                               << QStringLiteral("\"yesterday\" is not a time: use a date such as 2026-11-02, a date "
                                                 "and time such as \"2026-11-02 14:30\" (optionally with Z or "
                                                 "+01:00), a span back from now such as 24h, 7d or 2w, or @ and "
                                                 "UNIX seconds");
        QTest::newRow("month 13") << QStringLiteral("2026-13-01")
                                  << QStringLiteral("\"2026-13-01\" is not a valid date or time of day");
        QTest::newRow("hour 25") << QStringLiteral("2026-01-01 25:00")
                                 << QStringLiteral("\"2026-01-01 25:00\" is not a valid date or time of day");
        QTest::newRow("offset") << QStringLiteral("2026-01-01T00:00+19:00")
                                << QStringLiteral("\"2026-01-01T00:00+19:00\" has an impossible UTC offset");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\" is not a time: use a date such as 2026-11-02, a "
                                                             "date and time such as \"2026-11-02 14:30\" (optionally "
                                                             "with Z or +01:00), a span back from now such as 24h, "
                                                             "7d or 2w, or @ and UNIX seconds");
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        std::int64_t t = 0;
        QString message;
        QVERIFY(!TimeArgument::parse(text, QTimeZone("UTC"), 1796000000, &t, &message));
        QCOMPARE(message, error);
    }
};

QTEST_GUILESS_MAIN(TestTimeArgument)
#include "tst_timeargument.moc"
