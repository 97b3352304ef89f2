#include "models/domains/registrabledomain.h"

#include <QList>
#include <QStringList>
#include <QTest>
#include <QtConcurrent>

using namespace mailtls;

class TestRegistrableDomain final : public QObject
{
    Q_OBJECT

private slots:
    void of_data();
    void of();
    void fromManyThreads();
};

void TestRegistrableDomain::of_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("domain");

    auto row = [](const char *name, const char *host, const char *domain) {
        QTest::newRow(name) << QString::fromUtf8(host) << QString::fromUtf8(domain);
    };
    row("second-level suffix", "mx1.mail.example.co.uk", "example.co.uk");
    row("upper case and trailing dot", "MX.Example.COM.", "example.com");
    row("already registrable", "example.com", "example.com");
    row("deep host", "a.b.c.example.org", "example.org");
    row("unlisted top-level domain", "smtp.other.example", "other.example");
    row("private suffix", "mail.user.github.io", "user.github.io");
    row("wildcard rule", "mx.example.kawasaki.jp", "mx.example.kawasaki.jp");
    row("exception rule", "www.city.kawasaki.jp", "city.kawasaki.jp");
    row("punycode label", "mail.xn--bcher-kva.example", "xn--bcher-kva.example");
    row("public suffix alone", "co.uk", "co.uk");
    row("top-level domain alone", "com", "com");
    row("single label", "localhost", "localhost");
    row("postfix's unknown", "unknown", "unknown");
    row("IPv4", "192.0.2.1", "192.0.2.1");
    row("IPv6", "2001:db8::1", "2001:db8::1");
    row("IPv6 loopback", "::1", "::1");
    row("empty", "", "");
    row("empty label", "mail..example.com", "mail..example.com");
    row("space", "mail server.example.com", "mail server.example.com");
    row("bracketed address", "[192.0.2.1]", "[192.0.2.1]");
    row("label too long",
        "a123456789012345678901234567890123456789012345678901234567890123.example.com",
        "a123456789012345678901234567890123456789012345678901234567890123.example.com");
}

void TestRegistrableDomain::of()
{
    QFETCH(QString, host);
    QFETCH(QString, domain);
    QCOMPARE(RegistrableDomain::of(host), domain);
}

void TestRegistrableDomain::fromManyThreads()
{
    const QStringList hosts = {
        QStringLiteral("mx1.mail.example.co.uk"), QStringLiteral("MX.Example.COM."),
        QStringLiteral("mail.user.github.io"),    QStringLiteral("192.0.2.1"),
        QStringLiteral("co.uk"),                  QStringLiteral("www.city.kawasaki.jp"),
    };
    QStringList many;
    for (int i = 0; i < 4000; ++i)
        many << hosts.at(i % hosts.size());
    const QStringList results = QtConcurrent::blockingMapped(many, [](const QString &host) {
        return RegistrableDomain::of(host);
    });
    QCOMPARE(results.size(), many.size());
    for (int i = 0; i < many.size(); ++i)
        QCOMPARE(results.at(i), RegistrableDomain::of(many.at(i)));
    QCOMPARE(results.at(0), QStringLiteral("example.co.uk"));
    QCOMPARE(results.at(5), QStringLiteral("city.kawasaki.jp"));
}

QTEST_GUILESS_MAIN(TestRegistrableDomain)
#include "tst_registrabledomain.moc"
