#include <QtTest>

#include "models/probe/policytxtrecords.h"

using namespace mailtls;

class TestPolicyTxtRecords : public QObject
{
    Q_OBJECT

private slots:
    void mtaSts_data();
    void mtaSts();
    void tlsRpt_data();
    void tlsRpt();
};

void TestPolicyTxtRecords::mtaSts_data()
{
    QTest::addColumn<QStringList>("txt");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("error");

    // RFC 8461 3.1's example.
    QTest::newRow("RFC 8461 example") << QStringList{QStringLiteral("v=STSv1; id=20160831085700Z;")} << true
                                      << QStringLiteral("v=STSv1; id=20160831085700Z;")
                                      << QStringLiteral("20160831085700Z") << QString();
    QTest::newRow("no trailing semicolon, no spaces")
        << QStringList{QStringLiteral("v=STSv1;id=1")} << true << QStringLiteral("v=STSv1;id=1")
        << QStringLiteral("1") << QString();
    QTest::newRow("other TXT records are skipped")
        << QStringList{QStringLiteral("google-site-verification=abc"), QStringLiteral("v=STSv1; id=abc123"),
                       QStringLiteral("v=spf1 -all")}
        << true << QStringLiteral("v=STSv1; id=abc123") << QStringLiteral("abc123") << QString();
    QTest::newRow("extension fields are allowed")
        << QStringList{QStringLiteral("v=STSv1; id=7; ext_1=some-value")} << true
        << QStringLiteral("v=STSv1; id=7; ext_1=some-value") << QStringLiteral("7") << QString();
    QTest::newRow("no record") << QStringList() << false << QString() << QString() << QString();
    QTest::newRow("only other records") << QStringList{QStringLiteral("v=spf1 -all")} << false << QString()
                                        << QString() << QString();
    QTest::newRow("another version is not this record")
        << QStringList{QStringLiteral("v=STSv10; id=1")} << false << QString() << QString() << QString();
    QTest::newRow("two records")
        << QStringList{QStringLiteral("v=STSv1; id=1"), QStringLiteral("v=STSv1; id=2")} << true
        << QStringLiteral("v=STSv1; id=1\nv=STSv1; id=2") << QString()
        << QStringLiteral("2 TXT records begin with v=STSv1; RFC 8461 allows exactly one, so senders ignore "
                          "MTA-STS");
    QTest::newRow("no id") << QStringList{QStringLiteral("v=STSv1;")} << true << QStringLiteral("v=STSv1;")
                           << QString() << QStringLiteral("the record has no id= field");
    QTest::newRow("bare version") << QStringList{QStringLiteral("v=STSv1")} << true << QStringLiteral("v=STSv1")
                                  << QString() << QStringLiteral("the record has no id= field");
    QTest::newRow("missing semicolon")
        << QStringList{QStringLiteral("v=STSv1 id=1")} << true << QStringLiteral("v=STSv1 id=1") << QString()
        << QStringLiteral("v=STSv1 must be followed by \";\"; the record has no id= field");
    QTest::newRow("id with a dash")
        << QStringList{QStringLiteral("v=STSv1; id=2024-01-01")} << true << QStringLiteral("v=STSv1; id=2024-01-01")
        << QString() << QStringLiteral("id \"2024-01-01\" is not 1 to 32 letters and digits");
    QTest::newRow("id of 33 characters")
        << QStringList{QStringLiteral("v=STSv1; id=123456789012345678901234567890123")} << true
        << QStringLiteral("v=STSv1; id=123456789012345678901234567890123") << QString()
        << QStringLiteral("id \"123456789012345678901234567890123\" is not 1 to 32 letters and digits");
    QTest::newRow("two ids") << QStringList{QStringLiteral("v=STSv1; id=1; id=2")} << true
                             << QStringLiteral("v=STSv1; id=1; id=2") << QStringLiteral("1")
                             << QStringLiteral("a second id= field");
    QTest::newRow("a field without =")
        << QStringList{QStringLiteral("v=STSv1; id=1; enforce")} << true
        << QStringLiteral("v=STSv1; id=1; enforce") << QStringLiteral("1")
        << QStringLiteral("\"enforce\" is not a name=value field");
    QTest::newRow("an extension value with a space")
        << QStringList{QStringLiteral("v=STSv1; id=1; x=a b")} << true << QStringLiteral("v=STSv1; id=1; x=a b")
        << QStringLiteral("1") << QStringLiteral("field x has a malformed value \"a b\"");
}

void TestPolicyTxtRecords::mtaSts()
{
    QFETCH(QStringList, txt);
    QFETCH(bool, found);
    QFETCH(QString, record);
    QFETCH(QString, id);
    QFETCH(QString, error);

    MtaStsResult result;
    // Whatever was there before is replaced.
    result.id = QStringLiteral("stale");
    result.recordError = QStringLiteral("stale");
    PolicyTxtRecords::readMtaSts(txt, result);
    QCOMPARE(result.recordFound, found);
    QCOMPARE(result.record, record);
    QCOMPARE(result.id, id);
    QCOMPARE(result.recordError, error);
}

void TestPolicyTxtRecords::tlsRpt_data()
{
    QTest::addColumn<QStringList>("txt");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QStringList>("uris");
    QTest::addColumn<QString>("error");

    // RFC 8460 3's examples.
    QTest::newRow("RFC 8460 mailto") << QStringList{QStringLiteral("v=TLSRPTv1; rua=mailto:reports@example.com")}
                                     << true << QStringLiteral("v=TLSRPTv1; rua=mailto:reports@example.com")
                                     << QStringList{QStringLiteral("mailto:reports@example.com")} << QString();
    QTest::newRow("RFC 8460 https")
        << QStringList{QStringLiteral("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt")} << true
        << QStringLiteral("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt")
        << QStringList{QStringLiteral("https://reporting.example.com/v1/tlsrpt")} << QString();
    QTest::newRow("two URIs, white space around the comma")
        << QStringList{QStringLiteral("v=TLSRPTv1;rua=mailto:tls@example.test , https://r.example.test/x?a=b;")}
        << true << QStringLiteral("v=TLSRPTv1;rua=mailto:tls@example.test , https://r.example.test/x?a=b;")
        << QStringList{QStringLiteral("mailto:tls@example.test"), QStringLiteral("https://r.example.test/x?a=b")}
        << QString();
    QTest::newRow("among other records")
        << QStringList{QStringLiteral("v=spf1 -all"), QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test")}
        << true << QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test")
        << QStringList{QStringLiteral("mailto:a@example.test")} << QString();
    QTest::newRow("no record") << QStringList() << false << QString() << QStringList() << QString();
    QTest::newRow("two records")
        << QStringList{QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test"),
                       QStringLiteral("v=TLSRPTv1; rua=mailto:b@example.test")}
        << true << QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test\nv=TLSRPTv1; rua=mailto:b@example.test")
        << QStringList()
        << QStringLiteral("2 TXT records begin with v=TLSRPTv1; RFC 8460 allows exactly one, so senders send no "
                          "reports");
    QTest::newRow("no rua") << QStringList{QStringLiteral("v=TLSRPTv1;")} << true << QStringLiteral("v=TLSRPTv1;")
                            << QStringList()
                            << QStringLiteral("the record has no rua= field, so reports have nowhere to go");
    QTest::newRow("http is not allowed")
        << QStringList{QStringLiteral("v=TLSRPTv1; rua=http://r.example.test/, mailto:tls@example.test")} << true
        << QStringLiteral("v=TLSRPTv1; rua=http://r.example.test/, mailto:tls@example.test")
        << QStringList{QStringLiteral("http://r.example.test/"), QStringLiteral("mailto:tls@example.test")}
        << QStringLiteral("report address \"http://r.example.test/\" is neither a mailto: nor an https: URI");
    QTest::newRow("a bare address")
        << QStringList{QStringLiteral("v=TLSRPTv1; rua=tls@example.test")} << true
        << QStringLiteral("v=TLSRPTv1; rua=tls@example.test") << QStringList{QStringLiteral("tls@example.test")}
        << QStringLiteral("report address \"tls@example.test\" is neither a mailto: nor an https: URI");
    QTest::newRow("an empty entry")
        << QStringList{QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test,")} << true
        << QStringLiteral("v=TLSRPTv1; rua=mailto:a@example.test,")
        << QStringList{QStringLiteral("mailto:a@example.test")} << QStringLiteral("rua= has an empty entry");
    QTest::newRow("missing semicolon")
        << QStringList{QStringLiteral("v=TLSRPTv1 rua=mailto:a@example.test")} << true
        << QStringLiteral("v=TLSRPTv1 rua=mailto:a@example.test") << QStringList()
        << QStringLiteral("v=TLSRPTv1 must be followed by \";\"; the record has no rua= field, so reports have "
                          "nowhere to go");
}

void TestPolicyTxtRecords::tlsRpt()
{
    QFETCH(QStringList, txt);
    QFETCH(bool, found);
    QFETCH(QString, record);
    QFETCH(QStringList, uris);
    QFETCH(QString, error);

    TlsRptResult result;
    result.reportUris = {QStringLiteral("stale")};
    PolicyTxtRecords::readTlsRpt(txt, result);
    QCOMPARE(result.recordFound, found);
    QCOMPARE(result.record, record);
    QCOMPARE(result.reportUris, uris);
    QCOMPARE(result.error, error);
}

QTEST_GUILESS_MAIN(TestPolicyTxtRecords)
#include "tst_policytxtrecords.moc"
