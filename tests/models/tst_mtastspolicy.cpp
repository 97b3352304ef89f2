#include <QtTest>

#include "models/probe/mtastspolicy.h"

using namespace mailtls;

class TestMtaStsPolicy : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void manyProblemsAreSummedUp();
    void mxMatches_data();
    void mxMatches();
    void uncoveredMx();
};

void TestMtaStsPolicy::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("mx");
    QTest::addColumn<qint64>("maxAge");
    QTest::addColumn<QStringList>("errors");

    const QString v1 = QStringLiteral("STSv1");
    const QString enforce = QStringLiteral("enforce");
    const QStringList rfcMx = {QStringLiteral("mail.example.com"), QStringLiteral("*.example.net"),
                               QStringLiteral("backupmx.example.com")};

    // RFC 8461 3.2's example, CRLF lines as the RFC has them.
    QTest::newRow("RFC 8461 example, CRLF")
        << QByteArray("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\n"
                      "mx: backupmx.example.com\r\nmax_age: 604800\r\n")
        << v1 << enforce << rfcMx << qint64(604800) << QStringList();
    QTest::newRow("LF lines, no final newline")
        << QByteArray("version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\n"
                      "mx: backupmx.example.com\nmax_age: 604800")
        << v1 << enforce << rfcMx << qint64(604800) << QStringList();
    QTest::newRow("mixed line ends, blank lines, white space around values")
        << QByteArray("version:STSv1\r\n\nmode:\tenforce  \nmx:   mail.example.com\r\nmax_age: 86400\t\r\n\r\n")
        << v1 << enforce << QStringList{QStringLiteral("mail.example.com")} << qint64(86400) << QStringList();
    QTest::newRow("unknown keys are ignored")
        << QByteArray("version: STSv1\nx-comment: hello there\nmode: testing\nfoo.bar_1: ;;;\n"
                      "mx: mx.example.test\nmax_age: 0\n")
        << v1 << QStringLiteral("testing") << QStringList{QStringLiteral("mx.example.test")} << qint64(0)
        << QStringList();
    QTest::newRow("mode none needs no mx")
        << QByteArray("version: STSv1\nmode: none\nmax_age: 31557600\n") << v1 << QStringLiteral("none")
        << QStringList() << qint64(31557600) << QStringList();
    QTest::newRow("missing mode")
        << QByteArray("version: STSv1\nmx: mx.example.test\nmax_age: 604800\n") << v1 << QString()
        << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("the policy has no mode field")};
    QTest::newRow("bad version")
        << QByteArray("version: STSv2\nmode: enforce\nmx: mx.example.test\nmax_age: 604800\n")
        << QStringLiteral("STSv2") << enforce << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("line 1: version \"STSv2\" is not STSv1, the only version defined")};
    QTest::newRow("bad mode")
        << QByteArray("version: STSv1\nmode: enforcing\nmx: mx.example.test\nmax_age: 604800\n") << v1
        << QString() << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("line 2: mode \"enforcing\" is not one of enforce, testing, none")};
    QTest::newRow("testing without mx")
        << QByteArray("version: STSv1\nmode: testing\nmax_age: 604800\n") << v1 << QStringLiteral("testing")
        << QStringList() << qint64(604800) << QStringList{QStringLiteral("the policy has no mx field")};
    QTest::newRow("max_age over a year")
        << QByteArray("version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 31557601\n") << v1 << enforce
        << QStringList{QStringLiteral("mx.example.test")} << qint64(31557601)
        << QStringList{
               QStringLiteral("line 4: max_age 31557601 is more than the maximum of 31557600 seconds (a year)")};
    QTest::newRow("max_age not a number")
        << QByteArray("version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 1w\n") << v1 << enforce
        << QStringList{QStringLiteral("mx.example.test")} << qint64(-1)
        << QStringList{QStringLiteral("line 4: max_age \"1w\" is not a number of seconds (1 to 10 digits)")};
    QTest::newRow("max_age of eleven digits")
        << QByteArray("version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 00000086400\n") << v1
        << enforce << QStringList{QStringLiteral("mx.example.test")} << qint64(-1)
        << QStringList{
               QStringLiteral("line 4: max_age \"00000086400\" is not a number of seconds (1 to 10 digits)")};
    QTest::newRow("field names are case-sensitive")
        << QByteArray("version: STSv1\nMode: enforce\nmx: mx.example.test\nmax_age: 604800\n") << v1 << QString()
        << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{
               QStringLiteral("line 2: field names are case-sensitive: \"Mode\" must be written \"mode\""),
               QStringLiteral("the policy has no mode field")};
    QTest::newRow("a line that is no field")
        << QByteArray("version: STSv1\nmode enforce\nmx: mx.example.test\nmax_age: 604800\n") << v1 << QString()
        << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("line 2: \"mode enforce\" is not a \"key: value\" field"),
                       QStringLiteral("the policy has no mode field")};
    QTest::newRow("a field name with a space")
        << QByteArray("version: STSv1\nmode: enforce\nmx: mx.example.test\nmax age: 604800\n") << v1 << enforce
        << QStringList{QStringLiteral("mx.example.test")} << qint64(-1)
        << QStringList{QStringLiteral("line 4: \"max age\" is not a valid field name"),
                       QStringLiteral("the policy has no max_age field")};
    QTest::newRow("a repeated field: the first counts")
        << QByteArray("version: STSv1\nmode: testing\nmode: enforce\nmx: mx.example.test\nmax_age: 604800\n")
        << v1 << QStringLiteral("testing") << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("line 3: a second mode field; the first one counts")};
    QTest::newRow("bad mx patterns")
        << QByteArray("version: STSv1\nmode: enforce\nmx: *.*.example.test\nmx: mail_1.example.test\nmx: *\n"
                      "mx: -mx.example.test\nmx: mx.example.test\nmax_age: 604800\n")
        << v1 << enforce
        << QStringList{QStringLiteral("*.*.example.test"), QStringLiteral("mail_1.example.test"),
                       QStringLiteral("*"), QStringLiteral("-mx.example.test"), QStringLiteral("mx.example.test")}
        << qint64(604800)
        << QStringList{
               QStringLiteral("line 3: mx \"*.*.example.test\" is neither a host name nor a \"*.\" pattern"),
               QStringLiteral("line 4: mx \"mail_1.example.test\" is neither a host name nor a \"*.\" pattern"),
               QStringLiteral("line 5: mx \"*\" is neither a host name nor a \"*.\" pattern"),
               QStringLiteral("line 6: mx \"-mx.example.test\" is neither a host name nor a \"*.\" pattern")};
    QTest::newRow("empty body")
        << QByteArray() << QString() << QString() << QStringList() << qint64(-1)
        << QStringList{QStringLiteral("the policy has no version field"),
                       QStringLiteral("the policy has no mode field"),
                       QStringLiteral("the policy has no max_age field"),
                       QStringLiteral("the policy has no mx field")};
    QTest::newRow("an HTML page instead of a policy")
        << QByteArray("<html>\n<body>Not here</body>\n</html>\n") << QString() << QString() << QStringList()
        << qint64(-1)
        << QStringList{QStringLiteral("line 1: \"<html>\" is not a \"key: value\" field"),
                       QStringLiteral("line 2: \"<body>Not here</body>\" is not a \"key: value\" field"),
                       QStringLiteral("line 3: \"</html>\" is not a \"key: value\" field"),
                       QStringLiteral("the policy has no version field"),
                       QStringLiteral("the policy has no mode field"),
                       QStringLiteral("the policy has no max_age field"),
                       QStringLiteral("the policy has no mx field")};
    QTest::newRow("control bytes are shown as ?")
        << QByteArray("version: STSv1\nmode: en\x01" "force\nmx: mx.example.test\nmax_age: 604800\n") << v1
        << QString() << QStringList{QStringLiteral("mx.example.test")} << qint64(604800)
        << QStringList{QStringLiteral("line 2: mode \"en?force\" is not one of enforce, testing, none")};
}

void TestMtaStsPolicy::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, version);
    QFETCH(QString, mode);
    QFETCH(QStringList, mx);
    QFETCH(qint64, maxAge);
    QFETCH(QStringList, errors);

    const MtaStsPolicy policy = MtaStsPolicy::parse(text);
    QCOMPARE(policy.errors, errors);
    QCOMPARE(policy.isValid(), errors.isEmpty());
    QCOMPARE(policy.version, version);
    QCOMPARE(policy.mode, mode);
    QCOMPARE(policy.mxPatterns, mx);
    QCOMPARE(policy.maxAge, maxAge);
}

void TestMtaStsPolicy::manyProblemsAreSummedUp()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += "junk line\n";
    const MtaStsPolicy policy = MtaStsPolicy::parse(text);
    QCOMPARE(policy.errors.size(), 11);
    QCOMPARE(policy.errors.first(), QStringLiteral("line 1: \"junk line\" is not a \"key: value\" field"));
    QCOMPARE(policy.errors.at(9), QStringLiteral("line 10: \"junk line\" is not a \"key: value\" field"));
    // 4990 more junk lines and the four missing fields.
    QCOMPARE(policy.errors.last(), QStringLiteral("and 4994 more problem(s)"));
}

void TestMtaStsPolicy::mxMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");

    QTest::newRow("equal") << QStringLiteral("mx1.example.test") << QStringLiteral("mx1.example.test") << true;
    QTest::newRow("case and trailing dot") << QStringLiteral("MX1.Example.TEST")
                                           << QStringLiteral("mx1.example.test.") << true;
    QTest::newRow("pattern with a trailing dot") << QStringLiteral("mx1.example.test.")
                                                 << QStringLiteral("MX1.EXAMPLE.TEST") << true;
    QTest::newRow("other host") << QStringLiteral("mail.example.test") << QStringLiteral("mx.example.test")
                                << false;
    QTest::newRow("a plain pattern does not match subdomains")
        << QStringLiteral("example.test") << QStringLiteral("mx.example.test") << false;
    QTest::newRow("wildcard: one label") << QStringLiteral("*.example.test") << QStringLiteral("mx1.example.test")
                                         << true;
    QTest::newRow("wildcard: upper case name") << QStringLiteral("*.example.test")
                                               << QStringLiteral("MX1.EXAMPLE.TEST") << true;
    QTest::newRow("wildcard: not two labels") << QStringLiteral("*.example.test")
                                              << QStringLiteral("a.b.example.test") << false;
    QTest::newRow("wildcard: not zero labels") << QStringLiteral("*.example.test")
                                               << QStringLiteral("example.test") << false;
    QTest::newRow("wildcard: label boundary") << QStringLiteral("*.example.test")
                                              << QStringLiteral("mxexample.test") << false;
    QTest::newRow("wildcard: empty first label") << QStringLiteral("*.example.test")
                                                 << QStringLiteral(".example.test") << false;
    QTest::newRow("wildcard deeper down") << QStringLiteral("*.mx.example.test")
                                          << QStringLiteral("a.mx.example.test") << true;
    QTest::newRow("a wildcard is not a suffix of another domain")
        << QStringLiteral("*.example.test") << QStringLiteral("mx1.example.test.evil") << false;
    QTest::newRow("empty name") << QStringLiteral("*.example.test") << QString() << false;
    QTest::newRow("empty pattern") << QString() << QStringLiteral("mx.example.test") << false;
}

void TestMtaStsPolicy::mxMatches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(bool, matches);
    QCOMPARE(MtaStsPolicy::mxMatches(pattern, name), matches);
}

void TestMtaStsPolicy::uncoveredMx()
{
    const MtaStsPolicy policy = MtaStsPolicy::parse(
        "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmx: *.backup.example.test\r\n"
        "max_age: 86400\r\n");
    QVERIFY(policy.isValid());
    const QStringList names = {QStringLiteral("MX1.example.test."), QStringLiteral("b1.backup.example.test"),
                               QStringLiteral("mx2.example.test"), QStringLiteral("a.b.backup.example.test"),
                               QStringLiteral("mx2.example.test."), QStringLiteral("backup.example.test")};
    QCOMPARE(policy.uncoveredMx(names),
             (QStringList{QStringLiteral("mx2.example.test"), QStringLiteral("a.b.backup.example.test"),
                          QStringLiteral("backup.example.test")}));
    QCOMPARE(policy.uncoveredMx({QStringLiteral("mx1.example.test")}), QStringList());
    QCOMPARE(MtaStsPolicy().uncoveredMx({QStringLiteral("mx1.example.test")}),
             QStringList{QStringLiteral("mx1.example.test")});
}

QTEST_GUILESS_MAIN(TestMtaStsPolicy)
#include "tst_mtastspolicy.moc"
