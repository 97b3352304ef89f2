#include <memory>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/probe/probescheduler.h"
#include "tests/models/schedulertestserver.h"

using namespace mailtls;
using namespace schedulertest;

namespace {

// dnsmasq's own loopback address (port 53: Qt 6.4's QDnsLookup has no port
// setting) and the mail servers' addresses in its records.
const QString DnsAddress = QStringLiteral("127.0.5.53");
const QString MailAddress = QStringLiteral("127.0.5.41");

QStringList resolveMessages(const QList<ProbeEvent> &events)
{
    QStringList messages;
    for (const ProbeEvent &event : events) {
        if (event.step == ProbeStep::Resolve)
            messages.append(event.message);
    }
    return messages;
}

} // namespace

// The scheduler's domain and host-name targets against a real dnsmasq: MX
// hosts with IPv4 and IPv6 addresses, several names on one address, implicit
// MX, a domain that does not exist, and the TLS-RPT record through
// DomainPolicyCheck.
class TestProbeSchedulerDns final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void domainWithSeveralNamesOnOneAddress();
    void hostName();
    void implicitMx();
    void unknownDomain();
    void resolverNotesAreTold();

private:
    ProbeOptions options() const;
    ProbeReport probeOnce(const ProbeTarget &target, QList<ProbeEvent> *events);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QElapsedTimer m_clock;
    ConnectionMeter m_meter;
    QProcess m_dnsmasq;
    // An IPv4 server offering STARTTLS (certificate for mx1.probe.test only)
    // and a plaintext IPv6 one, on the same port.
    std::unique_ptr<TestSmtpServer> m_ipv4;
    std::unique_ptr<TestSmtpServer> m_ipv6;
};

void TestProbeSchedulerDns::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock.start();
    const QString dnsmasq = QStandardPaths::findExecutable(
        QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
    if (dnsmasq.isEmpty())
        QSKIP("dnsmasq is not installed");
    const QString problem
        = makeCertificate(m_dir.path(), QStringLiteral("DNS:mx.probe.test,DNS:mx1.probe.test"), &m_certificate, &m_key);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const QString both = MailAddress + QStringLiteral(",::1");
    m_dnsmasq.setProgram(dnsmasq);
    m_dnsmasq.setArguments({
        QStringLiteral("--conf-file=/dev/null"),
        QStringLiteral("--no-resolv"),
        QStringLiteral("--no-hosts"),
        QStringLiteral("--bind-interfaces"),
        QStringLiteral("--listen-address=") + DnsAddress,
        QStringLiteral("--port=53"),
        QStringLiteral("--keep-in-foreground"),
        QStringLiteral("--log-facility=-"),
        QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("dnsmasq.pid")),
        QStringLiteral("--local=/test/"),
        QStringLiteral("--mx-host=probe.test,mx1.probe.test,10"),
        QStringLiteral("--mx-host=probe.test,mx2.probe.test,20"),
        QStringLiteral("--mx-host=probe.test,mx3.probe.test,30"),
        QStringLiteral("--host-record=mx1.probe.test,") + both,
        QStringLiteral("--host-record=mx2.probe.test,") + both,
        QStringLiteral("--host-record=mx3.probe.test,") + both,
        QStringLiteral("--host-record=implicit.test,") + MailAddress,
        QStringLiteral("--txt-record=_smtp._tls.probe.test,v=TLSRPTv1; rua=mailto:tls-reports@probe.test"),
    });
    // More addresses than a host is probed on; nothing listens there.
    QStringList arguments = m_dnsmasq.arguments();
    for (int i = 0; i < 11; ++i)
        arguments.append(QStringLiteral("--host-record=many.probe.test,127.0.5.%1").arg(100 + i));
    m_dnsmasq.setArguments(arguments);
    m_dnsmasq.setProcessChannelMode(QProcess::MergedChannels);
    m_dnsmasq.start();
    QVERIFY2(m_dnsmasq.waitForStarted(5000), qPrintable(m_dnsmasq.errorString()));
    // It says "started" once its socket is bound.
    QByteArray said;
    QElapsedTimer waited;
    waited.start();
    while (!said.contains("started") && m_dnsmasq.state() == QProcess::Running && waited.elapsed() < 5000) {
        m_dnsmasq.waitForReadyRead(100);
        said += m_dnsmasq.readAll();
    }
    QVERIFY2(said.contains("started") && m_dnsmasq.state() == QProcess::Running, said.constData());
}

void TestProbeSchedulerDns::cleanupTestCase()
{
    if (m_dnsmasq.state() == QProcess::NotRunning)
        return;
    m_dnsmasq.terminate();
    if (!m_dnsmasq.waitForFinished(5000)) {
        m_dnsmasq.kill();
        m_dnsmasq.waitForFinished(2000);
    }
}

void TestProbeSchedulerDns::init()
{
    ServerBehaviour tls;
    tls.advertiseStartTls = true;
    tls.acceptStartTls = true;
    // The IPv6 server takes the IPv4 one's ephemeral port; another test may
    // hold that port on ::1, so try a few.
    for (int attempt = 0; attempt < 20 && !m_ipv6; ++attempt) {
        m_ipv4 = std::make_unique<TestSmtpServer>(tls, &m_meter, &m_clock);
        m_ipv4->setTls(m_certificate, m_key);
        QVERIFY(m_ipv4->listen(QHostAddress(MailAddress), 0));
        m_ipv6 = std::make_unique<TestSmtpServer>(ServerBehaviour(), &m_meter, &m_clock);
        if (!m_ipv6->listen(QHostAddress::LocalHostIPv6, m_ipv4->serverPort()))
            m_ipv6.reset();
    }
    QVERIFY(m_ipv6);
}

void TestProbeSchedulerDns::cleanup()
{
    m_ipv4.reset();
    m_ipv6.reset();
}

ProbeOptions TestProbeSchedulerDns::options() const
{
    ProbeOptions probeOptions;
    probeOptions.dnsServer = QHostAddress(DnsAddress);
    probeOptions.smtpPort = m_ipv4->serverPort();
    probeOptions.connectTimeoutMs = 10000;
    probeOptions.readTimeoutMs = 10000;
    probeOptions.dnsTimeoutMs = 3000;
    probeOptions.hostSpacingMs = 0;
    // Nothing cached: what one probe shares, it shares in flight.
    probeOptions.cacheSeconds = 0;
    return probeOptions;
}

ProbeReport TestProbeSchedulerDns::probeOnce(const ProbeTarget &target, QList<ProbeEvent> *events)
{
    ProbeScheduler scheduler(options());
    Emitted emitted;
    record(scheduler, emitted);
    const int id = scheduler.probe(target);
    if (!QTest::qWaitFor([&] { return emitted.allFinished == 1; }, 30000))
        return ProbeReport();
    *events = emitted.events.value(id);
    return emitted.finished.value(id).size() == 1 ? emitted.finished.value(id).constFirst() : ProbeReport();
}

void TestProbeSchedulerDns::domainWithSeveralNamesOnOneAddress()
{
    ProbeTarget target;
    target.name = QStringLiteral("probe.test");
    QList<ProbeEvent> events;
    const ProbeReport report = probeOnce(target, &events);
    QVERIFY(report.finished.isValid());
    QVERIFY(!report.cancelled);

    QCOMPARE(resolveMessages(events),
             QStringList({QStringLiteral("Looking up the mail servers of probe.test"),
                          QStringLiteral("mx1.probe.test: 127.0.5.41, ::1"),
                          QStringLiteral("mx2.probe.test: 127.0.5.41, ::1"),
                          QStringLiteral("mx3.probe.test: 127.0.5.41, ::1"),
                          QStringLiteral("Checking MTA-STS and TLS-RPT of probe.test")}));
    QCOMPARE(report.mx.hosts.size(), 3);

    // In MX order, each name's IPv4 then IPv6 address.
    const QStringList names
        = {QStringLiteral("mx1.probe.test"), QStringLiteral("mx2.probe.test"), QStringLiteral("mx3.probe.test")};
    QCOMPARE(report.addresses.size(), 6);
    for (qsizetype i = 0; i < report.addresses.size(); ++i) {
        const AddressProbeResult &address = report.addresses.at(i);
        QCOMPARE(address.mxName, names.at(i / 2));
        QCOMPARE(address.address, i % 2 == 0 ? QHostAddress(MailAddress) : QHostAddress::LocalHostIPv6);
        QCOMPARE(address.port, m_ipv4->serverPort());
        QCOMPARE(int(address.sessions.size()), i % 2 == 0 ? int(FullSequence.size()) : 1);
    }
    // The certificate is valid for mx1 alone. The address is probed once,
    // for mx1; its result stands for mx2 and mx3 with the name checked again
    // for each (the chain's trust does not depend on the name). The plaintext
    // IPv6 address is probed once for all three.
    for (const int i : {0, 2, 4}) {
        QVERIFY2(report.addresses.at(i).sessions.constFirst().tls.established,
                 qPrintable(report.addresses.at(i).sessions.constFirst().detail));
        QCOMPARE(report.addresses.at(i).sessions.constFirst().tls.certificateVerified,
                 report.addresses.at(0).sessions.constFirst().tls.certificateVerified);
    }
    QCOMPARE(report.addresses.at(0).sessions.constFirst().tls.nameMatches, true);
    QCOMPARE(report.addresses.at(2).sessions.constFirst().tls.nameMatches, false);
    QCOMPARE(report.addresses.at(4).sessions.constFirst().tls.nameMatches, false);
    QCOMPARE(report.addresses.at(0).fromCache, false);
    QCOMPARE(report.addresses.at(1).fromCache, false);
    for (const int i : {2, 3, 4, 5})
        QCOMPARE(report.addresses.at(i).fromCache, true);
    QCOMPARE(m_ipv4->connections(), int(FullSequence.size()));
    QCOMPARE(m_ipv6->connections(), 1);
    QCOMPARE(report.sessionsUsed, int(FullSequence.size()) + 1);

    QVERIFY(report.tlsRpt.has_value());
    QVERIFY(report.tlsRpt->recordFound);
    QCOMPARE(report.tlsRpt->reportUris, QStringList {QStringLiteral("mailto:tls-reports@probe.test")});
    QVERIFY(report.mtaSts.has_value());
    QVERIFY(!report.mtaSts->recordFound);
}

void TestProbeSchedulerDns::hostName()
{
    ProbeTarget target;
    target.kind = ProbeTarget::Kind::Host;
    target.name = QStringLiteral("mx1.probe.test");
    target.port = m_ipv4->serverPort();
    QList<ProbeEvent> events;
    const ProbeReport report = probeOnce(target, &events);
    QVERIFY(report.finished.isValid());

    QCOMPARE(resolveMessages(events),
             QStringList({QStringLiteral("Looking up the addresses of mx1.probe.test"),
                          QStringLiteral("mx1.probe.test: 127.0.5.41, ::1")}));
    QCOMPARE(report.addresses.size(), 2);
    QCOMPARE(report.addresses.at(0).address, QHostAddress(MailAddress));
    QCOMPARE(report.addresses.at(0).mxName, target.name);
    QCOMPARE(report.addresses.at(1).address, QHostAddress::LocalHostIPv6);
    QCOMPARE(m_ipv4->connections(), int(FullSequence.size()));
    QCOMPARE(m_ipv6->connections(), 1);
    QCOMPARE(report.sessionsUsed, int(FullSequence.size()) + 1);
    // A host is not a mail domain: no MTA-STS, no TLS-RPT.
    QVERIFY(!report.mtaSts.has_value());
    QVERIFY(!report.tlsRpt.has_value());
}

void TestProbeSchedulerDns::implicitMx()
{
    ProbeTarget target;
    target.name = QStringLiteral("implicit.test");
    QList<ProbeEvent> events;
    const ProbeReport report = probeOnce(target, &events);
    QVERIFY(report.finished.isValid());

    QVERIFY(report.mx.implicitMx);
    QCOMPARE(resolveMessages(events),
             QStringList({QStringLiteral("Looking up the mail servers of implicit.test"),
                          QStringLiteral("implicit.test has no MX records: its own addresses take its mail"),
                          QStringLiteral("implicit.test: 127.0.5.41"),
                          QStringLiteral("Checking MTA-STS and TLS-RPT of implicit.test")}));
    QCOMPARE(report.addresses.size(), 1);
    QCOMPARE(report.addresses.constFirst().mxName, QStringLiteral("implicit.test"));
    QCOMPARE(m_ipv4->connections(), int(FullSequence.size()));
    QCOMPARE(m_ipv6->connections(), 0);
    QVERIFY(report.tlsRpt.has_value());
    QVERIFY(!report.tlsRpt->recordFound);
}

void TestProbeSchedulerDns::unknownDomain()
{
    ProbeTarget target;
    target.name = QStringLiteral("nothing.test");
    QList<ProbeEvent> events;
    const ProbeReport report = probeOnce(target, &events);
    QVERIFY(report.finished.isValid());

    QVERIFY(!report.mx.error.isEmpty());
    QCOMPARE(resolveMessages(events),
             QStringList({QStringLiteral("Looking up the mail servers of nothing.test"),
                          QStringLiteral("nothing.test: ") + report.mx.error}));
    QVERIFY(report.addresses.isEmpty());
    QCOMPARE(report.sessionsUsed, 0);
    QVERIFY(!report.mtaSts.has_value());
    QVERIFY(!report.tlsRpt.has_value());
    QCOMPARE(m_ipv4->connections() + m_ipv6->connections(), 0);
}

void TestProbeSchedulerDns::resolverNotesAreTold()
{
    ProbeTarget target;
    target.kind = ProbeTarget::Kind::Host;
    target.name = QStringLiteral("many.probe.test");
    target.port = m_ipv4->serverPort();
    QList<ProbeEvent> events;
    const ProbeReport report = probeOnce(target, &events);
    QVERIFY(report.finished.isValid());

    QCOMPARE(report.mx.notes.size(), 1);
    const QStringList told = resolveMessages(events);
    QCOMPARE(told.size(), 3);
    QCOMPARE(told.at(0), QStringLiteral("Looking up the addresses of many.probe.test"));
    QCOMPARE(told.at(1), report.mx.notes.constFirst());
    QVERIFY(told.at(2).startsWith(QLatin1String("many.probe.test: 127.0.5.100, 127.0.5.101, ")));
    QCOMPARE(report.addresses.size(), 10);
    for (const AddressProbeResult &address : report.addresses)
        QCOMPARE(address.sessions.constFirst().outcome, SessionOutcome::ConnectFailed);
    QCOMPARE(report.sessionsUsed, 10);
}

QTEST_GUILESS_MAIN(TestProbeSchedulerDns)
#include "tst_probeschedulerdns.moc"
