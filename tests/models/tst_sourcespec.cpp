#include "models/sources/sourcespec.h"

#include <QTest>

using namespace mailtls;

class TestSourceSpec final : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
};

void TestSourceSpec::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("display");

    const int file = int(SourceSpec::Kind::File);
    const int journal = int(SourceSpec::Kind::Journal);
    QTest::newRow("absolute path")
        << QStringLiteral("/var/log/mail.log") << file << QString() << QString() << 0
        << QStringLiteral("/var/log/mail.log") << QString() << QStringLiteral("/var/log/mail.log")
        << QStringLiteral("/var/log/mail.log");
    QTest::newRow("relative path made absolute")
        << QStringLiteral("logs/../mail.log") << file << QString() << QString() << 0
        << QStringLiteral("/srv/work/mail.log") << QString()
        << QStringLiteral("/srv/work/mail.log") << QStringLiteral("/srv/work/mail.log");
    QTest::newRow("a path with spaces and quotes")
        << QStringLiteral("/tmp/it's \"my\" log; touch x") << file << QString() << QString() << 0
        << QStringLiteral("/tmp/it's \"my\" log; touch x") << QString()
        << QStringLiteral("/tmp/it's \"my\" log; touch x") << QStringLiteral("/tmp/it's \"my\" log; touch x");
    QTest::newRow("journal") << QStringLiteral("journal") << journal << QString() << QString() << 0
                             << QString() << QString() << QStringLiteral("journal")
                             << QStringLiteral("journal");
    QTest::newRow("journal unit")
        << QStringLiteral("journal:postfix@-.service") << journal << QString() << QString() << 0
        << QString() << QStringLiteral("postfix@-.service")
        << QStringLiteral("journal:postfix@-.service") << QStringLiteral("journal (postfix@-.service)");
    QTest::newRow("ssh file")
        << QStringLiteral("ssh://mx.example.org/var/log/mail.log") << file << QString()
        << QStringLiteral("mx.example.org") << 0 << QStringLiteral("/var/log/mail.log") << QString()
        << QStringLiteral("ssh://mx.example.org/var/log/mail.log")
        << QStringLiteral("mx.example.org: /var/log/mail.log");
    QTest::newRow("ssh user and port")
        << QStringLiteral("ssh://admin@192.0.2.10:2222/var/log/mail.log") << file
        << QStringLiteral("admin") << QStringLiteral("192.0.2.10") << 2222
        << QStringLiteral("/var/log/mail.log") << QString()
        << QStringLiteral("ssh://admin@192.0.2.10:2222/var/log/mail.log")
        << QStringLiteral("admin@192.0.2.10:2222: /var/log/mail.log");
    QTest::newRow("ssh percent-encoded path")
        << QStringLiteral("ssh://mx.example.org/var/log/my%20mail%27s.log") << file << QString()
        << QStringLiteral("mx.example.org") << 0 << QStringLiteral("/var/log/my mail's.log")
        << QString() << QStringLiteral("ssh://mx.example.org/var/log/my%20mail%27s.log")
        << QStringLiteral("mx.example.org: /var/log/my mail's.log");
    QTest::newRow("ssh IPv6")
        << QStringLiteral("ssh://[2001:db8::25]:22/var/log/mail.log") << file << QString()
        << QStringLiteral("2001:db8::25") << 22 << QStringLiteral("/var/log/mail.log") << QString()
        << QStringLiteral("ssh://[2001:db8::25]:22/var/log/mail.log")
        << QStringLiteral("[2001:db8::25]:22: /var/log/mail.log");
    QTest::newRow("ssh journal")
        << QStringLiteral("ssh://root@mx.example.org/journal") << journal << QStringLiteral("root")
        << QStringLiteral("mx.example.org") << 0 << QString() << QString()
        << QStringLiteral("ssh://root@mx.example.org/journal")
        << QStringLiteral("root@mx.example.org: journal");
    QTest::newRow("ssh journal unit")
        << QStringLiteral("ssh://mx.example.org:2200/journal:exim4.service") << journal << QString()
        << QStringLiteral("mx.example.org") << 2200 << QString() << QStringLiteral("exim4.service")
        << QStringLiteral("ssh://mx.example.org:2200/journal:exim4.service")
        << QStringLiteral("mx.example.org:2200: journal (exim4.service)");
}

void TestSourceSpec::parses()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(QString, unit);
    QFETCH(QString, canonical);
    QFETCH(QString, display);

    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(text, &error, QStringLiteral("/srv/work"));
    QVERIFY2(spec, qPrintable(error));
    QCOMPARE(int(spec->kind), kind);
    QCOMPARE(spec->user, user);
    QCOMPARE(spec->host, host);
    QCOMPARE(spec->port, port);
    QCOMPARE(spec->path, path);
    QCOMPARE(spec->unit, unit);
    QCOMPARE(spec->isRemote(), !host.isEmpty());
    QCOMPARE(spec->toString(), canonical);
    QCOMPARE(spec->displayName(), display);

    const std::optional<SourceSpec> again = SourceSpec::parse(spec->toString(), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(*again == *spec);
}

void TestSourceSpec::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QStringLiteral("  ")
                           << QStringLiteral("The source is empty: give a log file, journal[:UNIT], "
                                             "or ssh://host/path.");
    QTest::newRow("other scheme")
        << QStringLiteral("https://example.org/mail.log")
        << QStringLiteral("\"https://example.org/mail.log\" uses a scheme MailTLS cannot follow; it "
                          "follows local files, journal[:UNIT] and ssh://host/path.");
    QTest::newRow("journal without unit")
        << QStringLiteral("journal:")
        << QStringLiteral("\"journal:\" names no unit after \"journal:\": give one "
                          "(journal:postfix.service) or write \"journal\" alone for the mail "
                          "server's usual identifiers.");
    QTest::newRow("unit that is an option")
        << QStringLiteral("journal:--merge")
        << QStringLiteral("\"--merge\" is not a systemd unit name (it has spaces, or starts with a dash).");
    QTest::newRow("ssh without path")
        << QStringLiteral("ssh://mx.example.org")
        << QStringLiteral("\"ssh://mx.example.org\" names no log on the host: add the log's path "
                          "(ssh://host/var/log/mail.log) or /journal.");
    QTest::newRow("host that is an option")
        << QStringLiteral("ssh://-oProxyCommand=touch/var/log/mail.log")
        << QStringLiteral("\"-oProxyCommand=touch\" is not a host name or address.");
    QTest::newRow("user that is an option")
        << QStringLiteral("ssh://-oProxyCommand=x@mx.example.org/var/log/mail.log")
        << QStringLiteral("\"-oProxyCommand=x\" is not a user name ssh can log in as.");
    QTest::newRow("host with a space")
        << QStringLiteral("ssh://mx example/var/log/mail.log")
        << QStringLiteral("\"mx example\" is not a host name or address.");
    QTest::newRow("port out of range")
        << QStringLiteral("ssh://mx.example.org:70000/var/log/mail.log")
        << QStringLiteral("\"70000\" is not a port number (1 to 65535).");
    QTest::newRow("port not a number")
        << QStringLiteral("ssh://mx.example.org:ssh/var/log/mail.log")
        << QStringLiteral("\"ssh\" is not a port number (1 to 65535).");
    QTest::newRow("unclosed IPv6")
        << QStringLiteral("ssh://[2001:db8::1/var/log/mail.log")
        << QStringLiteral("\"ssh://[2001:db8::1/var/log/mail.log\" opens an IPv6 address with \"[\" "
                          "but does not close it.");
    QTest::newRow("path with a line break")
        << QStringLiteral("ssh://mx.example.org/var/log/mail%0Alog")
        << QStringLiteral("The path \"/var/log/mail\nlog\" has a line break or a NUL in it.");
}

void TestSourceSpec::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!SourceSpec::parse(text, &message));
    QCOMPARE(message, error);
}

QTEST_GUILESS_MAIN(TestSourceSpec)
#include "tst_sourcespec.moc"
