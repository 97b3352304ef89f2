#include <QtTest>

#include <QDnsLookup>
#include <QNetworkDatagram>
#include <QUdpSocket>

#include "models/probe/mxresolver.h"
#include "tests/models/dnsmasqtestutil.h"

using namespace mailtls;

namespace {

// Loopback addresses of this test alone (tests may run in parallel).
const char *const TrapAddress = "127.0.3.54";
const QString ServerAddress = QStringLiteral("127.0.3.53");
// Takes queries and never answers.
const QString SilentAddress = QStringLiteral("127.0.3.57");
// Nothing listens here.
const QString DeadAddress = QStringLiteral("127.0.3.58");

// A resolution as lines, so that a difference shows where it is.
QStringList describe(const MxResolution &resolution)
{
    QStringList lines = {QStringLiteral("domain ") + resolution.domain};
    if (!resolution.error.isEmpty())
        lines.append(QStringLiteral("error ") + resolution.error);
    if (resolution.nullMx)
        lines.append(QStringLiteral("null MX"));
    if (resolution.implicitMx)
        lines.append(QStringLiteral("implicit MX"));
    for (const MxHost &host : resolution.hosts) {
        QStringList addresses;
        for (const QHostAddress &address : host.addresses)
            addresses.append(address.toString());
        QString line = QStringLiteral("host %1 %2 [%3]").arg(host.name).arg(host.preference).arg(addresses.join(u' '));
        if (!host.error.isEmpty())
            line += QStringLiteral(" error ") + host.error;
        lines.append(line);
    }
    for (const QString &note : resolution.notes)
        lines.append(QStringLiteral("note ") + note);
    return lines;
}

QStringList records()
{
    QStringList options = {QStringLiteral("--local=/test/"),
                           // Sorted by preference, then name; names lower case.
                           QStringLiteral("--mx-host=order.test,mx-b.order.test,20"),
                           QStringLiteral("--mx-host=order.test,mx-c.order.test,10"),
                           QStringLiteral("--mx-host=order.test,mx-a.order.test,20"),
                           QStringLiteral("--mx-host=order.test,MX-Up.Order.Test,5"),
                           QStringLiteral("--host-record=mx-a.order.test,192.0.2.10"),
                           QStringLiteral("--host-record=mx-b.order.test,192.0.2.12"),
                           QStringLiteral("--host-record=mx-b.order.test,192.0.2.11"),
                           QStringLiteral("--host-record=mx-c.order.test,192.0.2.20,2001:db8::20"),
                           QStringLiteral("--mx-host=nullmx.test,.,0"),
                           QStringLiteral("--mx-host=mixednull.test,.,0"),
                           QStringLiteral("--mx-host=mixednull.test,mx.mixednull.test,10"),
                           QStringLiteral("--host-record=mx.mixednull.test,192.0.2.40"),
                           QStringLiteral("--host-record=implicit.test,192.0.2.30,2001:db8::30"),
                           QStringLiteral("--host-record=v6only.test,2001:db8::60"),
                           QStringLiteral("--txt-record=nodata.test,\"no mail here\""),
                           QStringLiteral("--mx-host=dangling.test,gone.dangling.test,10"),
                           QStringLiteral("--cname=alias.test,mx-c.order.test"),
                           QStringLiteral("--mx-host=manyaddr.test,big.manyaddr.test,10")};
    for (int i = 12; i >= 1; --i)
        options.append(QStringLiteral("--mx-host=many.test,mx%1.many.test,10").arg(i, 2, 10, QLatin1Char('0')));
    for (int i = 1; i <= 12; ++i)
        options.append(QStringLiteral("--host-record=big.manyaddr.test,192.0.2.%1").arg(100 + i));
    for (int i = 1; i <= 3; ++i)
        options.append(QStringLiteral("--host-record=big.manyaddr.test,2001:db8::1:%1").arg(i));
    return options;
}

} // namespace

class TestMxResolver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void resolve_data();
    void resolve();
    void queriesGoToTheServer();
    void finishedOncePerCallNeverInside();
    void cancel();

private:
    ProbeOptions options(const QString &server, int timeoutMs = 3000) const;

    dnstest::Dnsmasq m_server;
    dnstest::Dnsmasq m_trap;
    QUdpSocket m_silent;
};

ProbeOptions TestMxResolver::options(const QString &server, int timeoutMs) const
{
    ProbeOptions options;
    options.dnsServer = QHostAddress(server);
    options.dnsTimeoutMs = timeoutMs;
    return options;
}

void TestMxResolver::initTestCase()
{
    if (!dnstest::isolationProblem().isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot keep look-ups off the system resolver: ")
                         + dnstest::isolationProblem()));
    if (!dnstest::Dnsmasq::available())
        QSKIP("needs dnsmasq (Debian package dnsmasq-base)");
    QString error;
    QVERIFY2(m_trap.start(QString::fromLatin1(TrapAddress), {}, &error), qPrintable(error));
    QVERIFY2(m_server.start(ServerAddress, records(), &error), qPrintable(error));
    QVERIFY(m_silent.bind(QHostAddress(SilentAddress), 53));
    connect(&m_silent, &QUdpSocket::readyRead, this, [this] {
        while (m_silent.hasPendingDatagrams())
            m_silent.receiveDatagram();
    });

    // The trap works: a look-up without a server set reaches it (and only it).
    QDnsLookup system(QDnsLookup::TXT, QStringLiteral("trap-check.mailtls.invalid"));
    QSignalSpy done(&system, &QDnsLookup::finished);
    system.lookup();
    QVERIFY(done.wait(5000));
    QCOMPARE(system.error(), QDnsLookup::ServerRefusedError);
}

void TestMxResolver::cleanupTestCase()
{
    if (!dnstest::isolationProblem().isEmpty() || !dnstest::Dnsmasq::available())
        return;
    m_server.stop();
    m_trap.stop();
    // Nothing but initTestCase's own check reached the system resolver.
    QCOMPARE(m_trap.queries(), QStringList{QStringLiteral("query[TXT] trap-check.mailtls.invalid from 127.0.0.1")});
}

void TestMxResolver::resolve_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("server");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QStringList>("expected");

    const QStringList order = {
        QStringLiteral("domain order.test"),
        QStringLiteral("host mx-up.order.test 5 [] error mx-up.order.test does not exist (NXDOMAIN)"),
        QStringLiteral("host mx-c.order.test 10 [192.0.2.20 2001:db8::20]"),
        QStringLiteral("host mx-a.order.test 20 [192.0.2.10]"),
        QStringLiteral("host mx-b.order.test 20 [192.0.2.11 192.0.2.12]")};
    const QString domain = QStringLiteral("domain");
    const QString host = QStringLiteral("host");

    QTest::newRow("MX order, a host with v4 and v6, a host without addresses")
        << domain << QStringLiteral("order.test") << ServerAddress << 3000 << order;
    QTest::newRow("upper case and a trailing dot")
        << domain << QStringLiteral("Order.TEST.") << ServerAddress << 3000 << order;
    QTest::newRow("null MX") << domain << QStringLiteral("nullmx.test") << ServerAddress << 3000
                             << QStringList{QStringLiteral("domain nullmx.test"), QStringLiteral("null MX")};
    QTest::newRow("null MX beside another")
        << domain << QStringLiteral("mixednull.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain mixednull.test"),
                       QStringLiteral("host mx.mixednull.test 10 [192.0.2.40]"),
                       QStringLiteral("note mixednull.test publishes a null MX beside other MX records, which "
                                      "RFC 7505 forbids; the null MX is ignored")};
    QTest::newRow("implicit MX") << domain << QStringLiteral("implicit.test") << ServerAddress << 3000
                                 << QStringList{QStringLiteral("domain implicit.test"), QStringLiteral("implicit MX"),
                                                QStringLiteral("host implicit.test 0 [192.0.2.30 2001:db8::30]")};
    QTest::newRow("implicit MX, IPv6 only")
        << domain << QStringLiteral("v6only.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain v6only.test"), QStringLiteral("implicit MX"),
                       QStringLiteral("host v6only.test 0 [2001:db8::60]")};
    QTest::newRow("NXDOMAIN") << domain << QStringLiteral("nx.test") << ServerAddress << 3000
                              << QStringList{QStringLiteral("domain nx.test"),
                                             QStringLiteral("error nx.test does not exist (NXDOMAIN)")};
    QTest::newRow("a name without MX, A or AAAA records")
        << domain << QStringLiteral("nodata.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain nodata.test"),
                       QStringLiteral("error nodata.test has no MX, A or AAAA records")};
    QTest::newRow("an MX naming a host that does not exist")
        << domain << QStringLiteral("dangling.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain dangling.test"),
                       QStringLiteral("host gone.dangling.test 10 [] error gone.dangling.test does not exist "
                                      "(NXDOMAIN)")};
    QTest::newRow("the server refuses")
        << domain << QStringLiteral("outside.example") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain outside.example"),
                       QStringLiteral("error DNS server 127.0.3.53 refused to answer for outside.example (MX)")};
    QStringList many = {QStringLiteral("domain many.test")};
    for (int i = 1; i <= 10; ++i) {
        const QString name = QStringLiteral("mx%1.many.test").arg(i, 2, 10, QLatin1Char('0'));
        many.append(QStringLiteral("host %1 10 [] error %1 does not exist (NXDOMAIN)").arg(name));
    }
    many.append(QStringLiteral("note many.test has 12 MX hosts; only the first 10 by preference are probed"));
    QTest::newRow("more than 10 MX hosts") << domain << QStringLiteral("many.test") << ServerAddress << 3000 << many;
    QTest::newRow("more than 10 addresses")
        << domain << QStringLiteral("manyaddr.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain manyaddr.test"),
                       QStringLiteral("host big.manyaddr.test 10 [192.0.2.101 192.0.2.102 192.0.2.103 192.0.2.104 "
                                      "192.0.2.105 192.0.2.106 192.0.2.107 2001:db8::1:1 2001:db8::1:2 "
                                      "2001:db8::1:3]"),
                       QStringLiteral("note big.manyaddr.test has 15 addresses; only 10 are probed (7 IPv4, 3 IPv6)")};
    QTest::newRow("a server that never answers")
        << domain << QStringLiteral("order.test") << SilentAddress << 300
        << QStringList{QStringLiteral("domain order.test"),
                       QStringLiteral("error no answer from DNS server 127.0.3.57 within 0.3 s")};
    QTest::newRow("no server at all")
        << domain << QStringLiteral("order.test") << DeadAddress << 3000
        << QStringList{QStringLiteral("domain order.test"),
                       QStringLiteral("error no usable answer from DNS server 127.0.3.58 for order.test")};
    QTest::newRow("an address is no domain")
        << domain << QStringLiteral("192.0.2.1") << DeadAddress << 3000
        << QStringList{QStringLiteral("domain 192.0.2.1"),
                       QStringLiteral("error 192.0.2.1 is an address, not a mail domain")};
    QTest::newRow("no domain") << domain << QStringLiteral(" ") << DeadAddress << 3000
                               << QStringList{QStringLiteral("domain "), QStringLiteral("error no domain given")};

    // A dead server: an address literal needs no DNS.
    QTest::newRow("host: IPv4 literal")
        << host << QStringLiteral("192.0.2.7") << DeadAddress << 3000
        << QStringList{QStringLiteral("domain 192.0.2.7"), QStringLiteral("host 192.0.2.7 0 [192.0.2.7]")};
    QTest::newRow("host: IPv6 literal in brackets")
        << host << QStringLiteral("[2001:DB8::7]") << DeadAddress << 3000
        << QStringList{QStringLiteral("domain 2001:db8::7"), QStringLiteral("host 2001:db8::7 0 [2001:db8::7]")};
    QTest::newRow("host: a name with v4 and v6")
        << host << QStringLiteral("MX-C.order.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain mx-c.order.test"),
                       QStringLiteral("host mx-c.order.test 0 [192.0.2.20 2001:db8::20]")};
    QTest::newRow("host: through a CNAME")
        << host << QStringLiteral("alias.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain alias.test"),
                       QStringLiteral("host alias.test 0 [192.0.2.20 2001:db8::20]")};
    QTest::newRow("host: NXDOMAIN")
        << host << QStringLiteral("nx.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain nx.test"),
                       QStringLiteral("host nx.test 0 [] error nx.test does not exist (NXDOMAIN)")};
    QTest::newRow("host: no addresses")
        << host << QStringLiteral("nodata.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain nodata.test"),
                       QStringLiteral("host nodata.test 0 [] error nodata.test has no A or AAAA records")};
    QTest::newRow("host: a server that never answers")
        << host << QStringLiteral("mx-c.order.test") << SilentAddress << 300
        << QStringList{QStringLiteral("domain mx-c.order.test"),
                       QStringLiteral("host mx-c.order.test 0 [] error no answer from DNS server 127.0.3.57 "
                                      "within 0.3 s")};
    QTest::newRow("addresses of a policy host")
        << QStringLiteral("addresses") << QStringLiteral("mx-b.order.test") << ServerAddress << 3000
        << QStringList{QStringLiteral("domain mx-b.order.test"),
                       QStringLiteral("host mx-b.order.test 0 [192.0.2.11 192.0.2.12]")};
}

void TestMxResolver::resolve()
{
    QFETCH(QString, call);
    QFETCH(QString, name);
    QFETCH(QString, server);
    QFETCH(int, timeoutMs);
    QFETCH(QStringList, expected);

    MxResolver resolver(options(server, timeoutMs));
    QList<MxResolution> results;
    connect(&resolver, &MxResolver::finished, this, [&](const MxResolution &r) { results.append(r); });
    QElapsedTimer clock;
    clock.start();
    if (call == QLatin1String("domain"))
        resolver.resolveDomain(name);
    else if (call == QLatin1String("host"))
        resolver.resolveHost(name);
    else
        resolver.resolveAddresses(name);
    QVERIFY(results.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    QCOMPARE(describe(results.first()), expected);
    // Each look-up has its own timeout, and they run side by side.
    QVERIFY2(clock.elapsed() < 3 * timeoutMs + 1000, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(50);
    QCOMPARE(results.size(), 1);
}

void TestMxResolver::queriesGoToTheServer()
{
    const qsizetype before = m_server.queries().size();
    MxResolver resolver(options(ServerAddress));
    QSignalSpy spy(&resolver, &MxResolver::finished);
    resolver.resolveDomain(QStringLiteral("implicit.test"));
    QVERIFY(spy.wait(5000));
    // dnsmasq writes its log a moment after it answers.
    QTRY_COMPARE_WITH_TIMEOUT(m_server.queries().size(), before + 3, 5000);
    QStringList seen = m_server.queries().mid(before);
    seen.sort();
    QCOMPARE(seen, (QStringList{QStringLiteral("query[AAAA] implicit.test from 127.0.0.1"),
                                QStringLiteral("query[A] implicit.test from 127.0.0.1"),
                                QStringLiteral("query[MX] implicit.test from 127.0.0.1")}));
}

void TestMxResolver::finishedOncePerCallNeverInside()
{
    MxResolver resolver(options(ServerAddress));
    QList<MxResolution> results;
    connect(&resolver, &MxResolver::finished, this, [&](const MxResolution &r) { results.append(r); });
    resolver.resolveDomain(QStringLiteral("implicit.test"));
    resolver.resolveHost(QStringLiteral("192.0.2.9"));
    resolver.resolveHost(QStringLiteral("mx-a.order.test"));
    resolver.resolveDomain(QString());
    QCOMPARE(results.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, 5000);
    QTest::qWait(200);
    QCOMPARE(results.size(), 4);
    QStringList domains;
    for (const MxResolution &result : std::as_const(results))
        domains.append(result.domain);
    domains.sort();
    QCOMPARE(domains, (QStringList{QString(), QStringLiteral("192.0.2.9"), QStringLiteral("implicit.test"),
                                   QStringLiteral("mx-a.order.test")}));
}

void TestMxResolver::cancel()
{
    MxResolver resolver(options(SilentAddress, 2000));
    QList<MxResolution> results;
    connect(&resolver, &MxResolver::finished, this, [&](const MxResolution &r) { results.append(r); });
    resolver.resolveDomain(QStringLiteral("order.test"));
    resolver.resolveHost(QStringLiteral("mx-a.order.test"));
    QTest::qWait(50);
    QElapsedTimer clock;
    clock.start();
    resolver.cancel();
    QCOMPARE(results.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 1000);
    QVERIFY(clock.elapsed() < 500);
    for (const MxResolution &result : std::as_const(results)) {
        QCOMPARE(result.error, QStringLiteral("the look-up was cancelled"));
        QVERIFY(result.hosts.isEmpty());
    }
    // Nothing more comes, not even the timeout of the look-ups it stopped.
    QTest::qWait(2300);
    QCOMPARE(results.size(), 2);
}

DNSTEST_MAIN(TestMxResolver, TrapAddress)
#include "tst_mxresolver.moc"
