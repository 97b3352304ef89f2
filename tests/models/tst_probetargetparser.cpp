#include <QTest>

#include "models/probe/probetargetparser.h"

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::ProbeTarget::Kind)

class TestProbeTargetParser final : public QObject
{
    Q_OBJECT

private slots:
    void targets_data();
    void targets();
    void refuses_data();
    void refuses();
};

void TestProbeTargetParser::targets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("defaultPort");
    QTest::addColumn<ProbeTarget::Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("port");

    const auto domain = ProbeTarget::Kind::Domain;
    const auto host = ProbeTarget::Kind::Host;
    QTest::newRow("domain") << "example.test" << 25 << domain << "example.test" << 25;
    QTest::newRow("domain takes the default port") << "example.test" << 2525 << domain << "example.test" << 2525;
    QTest::newRow("trailing dot, upper case") << "Example.TEST." << 25 << domain << "example.test" << 25;
    QTest::newRow("blanks around") << "  example.test\t" << 25 << domain << "example.test" << 25;
    QTest::newRow("one label") << "localdomain" << 25 << domain << "localdomain" << 25;
    QTest::newRow("host with port") << "mx1.example.test:2525" << 25 << host << "mx1.example.test" << 2525;
    QTest::newRow("host with port 25") << "MX1.example.test.:25" << 587 << host << "mx1.example.test" << 25;
    QTest::newRow("IPv4") << "192.0.2.1" << 25 << host << "192.0.2.1" << 25;
    QTest::newRow("IPv4 with port") << "192.0.2.1:2525" << 25 << host << "192.0.2.1" << 2525;
    QTest::newRow("IPv4 in brackets") << "[192.0.2.1]:26" << 25 << host << "192.0.2.1" << 26;
    QTest::newRow("IPv6") << "2001:db8::1" << 25 << host << "2001:db8::1" << 25;
    QTest::newRow("IPv6 upper case, long form") << "2001:DB8:0:0:0:0:0:1" << 25 << host << "2001:db8::1" << 25;
    QTest::newRow("IPv6 in brackets with port") << "[2001:db8::1]:25" << 2525 << host << "2001:db8::1" << 25;
    QTest::newRow("IPv6 in brackets") << "[::1]" << 2525 << host << "::1" << 2525;
    QTest::newRow("highest port") << "mx.example.test:65535" << 25 << host << "mx.example.test" << 65535;
    QTest::newRow("IDN") << QStringLiteral("B\u00fccher.example") << 25 << domain << "xn--bcher-kva.example" << 25;
    QTest::newRow("IDN upper case") << QStringLiteral("\u00c4\u00d6\u00dc.TEST") << 25 << domain
                                    << "xn--4ca0bs.test" << 25;
    QTest::newRow("ACE kept") << "xn--bcher-kva.example" << 25 << domain << "xn--bcher-kva.example" << 25;
    QTest::newRow("digits inside names") << "123.example.test" << 25 << domain << "123.example.test" << 25;
    const QString longest = QString(QStringLiteral("a").repeated(63) + QLatin1Char('.')).repeated(3)
                            + QStringLiteral("b").repeated(61);
    QTest::newRow("253 characters") << longest << 25 << domain << longest << 25;
}

void TestProbeTargetParser::targets()
{
    QFETCH(QString, text);
    QFETCH(int, defaultPort);
    QFETCH(ProbeTarget::Kind, kind);
    QFETCH(QString, name);
    QFETCH(int, port);

    QString error = QStringLiteral("untouched");
    const std::optional<ProbeTarget> target = ProbeTargetParser::parse(text, quint16(defaultPort), &error);
    QVERIFY2(target.has_value(), qPrintable(error));
    QCOMPARE(target->kind, kind);
    QCOMPARE(target->name, name);
    QCOMPARE(int(target->port), port);
}

void TestProbeTargetParser::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << "" << "no target given: name a domain (example.org) or a host[:port]";
    QTest::newRow("blank") << "   " << "no target given: name a domain (example.org) or a host[:port]";
    QTest::newRow("space inside") << "example .test"
                                  << "\"example .test\" contains a space: name one domain or host[:port] per argument";
    QTest::newRow("URL") << "http://x"
                         << "\"http://x\" is a URL or a path, not a mail domain: name a domain (example.org) or a "
                            "host[:port]";
    QTest::newRow("mail address") << "postmaster@example.test"
                                  << "\"postmaster@example.test\" is a mail address: name its domain, the part after @";
    QTest::newRow("port 0") << "mx.example.test:0"
                            << "\"mx.example.test:0\": the port \"0\" is not a number from 1 to 65535";
    QTest::newRow("port 70000") << "mx.example.test:70000"
                                << "\"mx.example.test:70000\": the port \"70000\" is not a number from 1 to 65535";
    QTest::newRow("port with sign") << "mx.example.test:+25"
                                    << "\"mx.example.test:+25\": the port \"+25\" is not a number from 1 to 65535";
    QTest::newRow("empty port") << "mx.example.test:"
                                << "\"mx.example.test:\": the port \"\" is not a number from 1 to 65535";
    QTest::newRow("no host") << ":25" << "\":25\" names no host before the port";
    QTest::newRow("empty label") << "a..b"
                                 << "\"a..b\" is not a domain name: it has an empty label (two dots in a row, or a "
                                    "dot at the start)";
    QTest::newRow("leading dot") << ".example.test"
                                 << "\".example.test\" is not a domain name: it has an empty label (two dots in a "
                                    "row, or a dot at the start)";
    QTest::newRow("two trailing dots") << "example.test.."
                                       << "\"example.test..\" is not a domain name: it has an empty label (two dots "
                                          "in a row, or a dot at the start)";
    const QString tooLong = QString(QStringLiteral("a").repeated(63) + QLatin1Char('.')).repeated(3)
                            + QStringLiteral("b").repeated(62);
    QTest::newRow("254 characters") << tooLong
                                    << QStringLiteral("\"%1\" is not a domain name: it is longer than 253 characters")
                                           .arg(tooLong);
    const QString longLabel = QStringLiteral("a").repeated(64);
    QTest::newRow("64-character label")
        << longLabel + QStringLiteral(".test")
        << QStringLiteral("\"%1.test\" is not a domain name: the label \"%1\" is longer than 63 characters").arg(longLabel);
    QTest::newRow("underscore") << "a_b.example.test"
                                << "\"a_b.example.test\" is not a domain name: \"_\" may not appear in a host name";
    QTest::newRow("leading hyphen") << "-mx.example.test"
                                    << "\"-mx.example.test\" is not a domain name: the label \"-mx\" starts or ends "
                                       "with a hyphen";
    QTest::newRow("short IPv4") << "127.1"
                                << "\"127.1\" is not an IPv4 address (write four numbers from 0 to 255, as in "
                                   "192.0.2.1)";
    QTest::newRow("IPv4 out of range") << "256.0.0.1"
                                       << "\"256.0.0.1\" is not an IPv4 address (write four numbers from 0 to 255, "
                                          "as in 192.0.2.1)";
    QTest::newRow("IPv4 with leading zero") << "010.0.0.1:25"
                                            << "\"010.0.0.1\" is not an IPv4 address (write four numbers from 0 to "
                                               "255, as in 192.0.2.1)";
    QTest::newRow("numeric top label") << "example.123"
                                       << "\"example.123\" is neither an IPv4 address nor a domain name (its last "
                                          "label is a number)";
    QTest::newRow("bad IPv6") << "2001:db8::g" << "\"2001:db8::g\" is not an IPv6 address";
    QTest::newRow("unclosed bracket") << "[2001:db8::1" << "\"[2001:db8::1\" opens [ but does not close it";
    QTest::newRow("junk after bracket") << "[2001:db8::1]25"
                                        << "\"[2001:db8::1]25\": only :PORT may follow the ] of an address";
    QTest::newRow("name in brackets") << "[mx.example.test]"
                                      << "\"mx.example.test\" is not an IP address: only addresses go in brackets";
}

void TestProbeTargetParser::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString message;
    const std::optional<ProbeTarget> target = ProbeTargetParser::parse(text, 25, &message);
    QVERIFY(!target.has_value());
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestProbeTargetParser)
#include "tst_probetargetparser.moc"
