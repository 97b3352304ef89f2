#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "models/report/reportformatter.h"

using namespace mailtls;

namespace {

PeerFigures row(Direction d, const QString &peer, qint64 messages, qint64 encrypted, qint64 bytes, qint64 encBytes,
                qint64 connections, qint64 encConnections, qint64 failures)
{
    PeerFigures f;
    f.direction = d;
    f.peer = peer;
    f.messages = messages;
    f.encryptedMessages = encrypted;
    f.plaintextMessages = messages - encrypted;
    f.bytes = bytes;
    f.encryptedBytes = encBytes;
    f.connections = connections;
    f.encryptedConnections = encConnections;
    f.tlsFailures = failures;
    return f;
}

const QList<PeerFigures> sample = {
    row(Direction::Inbound, QStringLiteral("mx.example.org"), 3, 2, 3000, 2500, 4, 3, 1),
    row(Direction::Inbound, QStringLiteral("192.0.2.7"), 1, 0, 512, 0, 1, 0, 0),
    row(Direction::Outbound, QStringLiteral("mail.example.net"), 2, 2, 2048, 2048, 1, 1, 0),
};

} // namespace

class TestReportFormatter : public QObject
{
    Q_OBJECT

private slots:
    void csvIsExact()
    {
        QCOMPARE(ReportFormatter::csv(sample),
                 QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,encrypted_bytes,"
                                "connections,encrypted_connections,tls_failures\n"
                                "inbound,mx.example.org,3,2,1,3000,2500,4,3,1\n"
                                "inbound,192.0.2.7,1,0,1,512,0,1,0,0\n"
                                "outbound,mail.example.net,2,2,0,2048,2048,1,1,0\n"));
    }

    void csvEmptyIsHeaderOnly()
    {
        QCOMPARE(ReportFormatter::csv({}), ReportFormatter::csvHeader() + QLatin1Char('\n'));
    }

    void csvQuotesHostileNames()
    {
        const QList<PeerFigures> rows = {row(Direction::Inbound, QStringLiteral("a,\"b\""), 1, 1, 1, 1, 1, 1, 0)};
        QCOMPARE(ReportFormatter::csv(rows).split(QLatin1Char('\n')).at(1),
                 QStringLiteral("inbound,\"a,\"\"b\"\"\",1,1,0,1,1,1,1,0"));
    }

    void jsonHasTheSameKeys()
    {
        const QJsonArray array = QJsonDocument::fromJson(ReportFormatter::json(sample).toUtf8()).array();
        QCOMPARE(array.size(), 3);
        const QJsonObject first = array.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("bytes"), QStringLiteral("connections"),
                                            QStringLiteral("direction"), QStringLiteral("encrypted_bytes"),
                                            QStringLiteral("encrypted_connections"),
                                            QStringLiteral("encrypted_messages"), QStringLiteral("messages"),
                                            QStringLiteral("peer"), QStringLiteral("plaintext_messages"),
                                            QStringLiteral("tls_failures")}));
        QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
        QCOMPARE(first.value(QStringLiteral("peer")).toString(), QStringLiteral("mx.example.org"));
        QCOMPARE(first.value(QStringLiteral("messages")).toInteger(), 3);
        QCOMPARE(first.value(QStringLiteral("encrypted_bytes")).toInteger(), 2500);
        QCOMPARE(first.value(QStringLiteral("tls_failures")).toInteger(), 1);
        QCOMPARE(array.at(2).toObject().value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
        QCOMPARE(ReportFormatter::json({}).trimmed(), QStringLiteral("[\n]"));
    }

    void tableIsAlignedWithTotals()
    {
        const QString expected = QStringLiteral(
            "Direction  Peer              Messages  Encrypted  Plaintext   Enc. %    Bytes  Enc. bytes %  Connections  Enc. conn. %  TLS failures\n"
            "------------------------------------------------------------------------------------------------------------------------------------\n"
            "inbound    mx.example.org           3          2          1   66.7 %  2.9 KiB        83.3 %            4        75.0 %             1\n"
            "inbound    192.0.2.7                1          0          1    0.0 %    512 B         0.0 %            1         0.0 %             0\n"
            "------------------------------------------------------------------------------------------------------------------------------------\n"
            "inbound    total (2 peers)          4          2          2   50.0 %  3.4 KiB        71.2 %            5        60.0 %             1\n"
            "\n"
            "outbound   mail.example.net         2          2          0  100.0 %  2.0 KiB       100.0 %            1       100.0 %             0\n"
            "------------------------------------------------------------------------------------------------------------------------------------\n"
            "outbound   total (1 peer)           2          2          0  100.0 %  2.0 KiB       100.0 %            1       100.0 %             0\n");
        QCOMPARE(ReportFormatter::table(sample), expected);
    }

    void tableWithoutRows()
    {
        QCOMPARE(ReportFormatter::table({}), QStringLiteral("No traffic matches.\n"));
    }

    void percentAndBytes_data()
    {
        QTest::addColumn<qint64>("part");
        QTest::addColumn<qint64>("whole");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << qint64(0) << qint64(0) << QStringLiteral("–");
        QTest::newRow("all") << qint64(7) << qint64(7) << QStringLiteral("100.0 %");
        QTest::newRow("third") << qint64(1) << qint64(3) << QStringLiteral("33.3 %");
    }
    void percentAndBytes()
    {
        QFETCH(qint64, part);
        QFETCH(qint64, whole);
        QFETCH(QString, expected);
        QCOMPARE(ReportFormatter::percent(part, whole), expected);
        QCOMPARE(ReportFormatter::humanBytes(0), QStringLiteral("0 B"));
        QCOMPARE(ReportFormatter::humanBytes(1023), QStringLiteral("1023 B"));
        QCOMPARE(ReportFormatter::humanBytes(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(ReportFormatter::humanBytes(5LL * 1024 * 1024 * 1024), QStringLiteral("5.0 GiB"));
    }

    void formatNames()
    {
        ReportFormatter::Format f;
        QVERIFY(ReportFormatter::formatFromName(QStringLiteral("csv"), &f));
        QCOMPARE(f, ReportFormatter::Format::Csv);
        QVERIFY(ReportFormatter::formatFromName(QStringLiteral("json"), &f));
        QCOMPARE(f, ReportFormatter::Format::Json);
        QVERIFY(ReportFormatter::formatFromName(QStringLiteral("table"), &f));
        QCOMPARE(f, ReportFormatter::Format::Table);
        QVERIFY(!ReportFormatter::formatFromName(QStringLiteral("xml"), &f));
    }
};

QTEST_GUILESS_MAIN(TestReportFormatter)
#include "tst_reportformatter.moc"
