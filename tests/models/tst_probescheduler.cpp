#include <memory>
#include <vector>

#include <QTemporaryDir>
#include <QTest>

#include "models/probe/probescheduler.h"
#include "tests/models/schedulertestserver.h"

using namespace mailtls;
using namespace schedulertest;

class TestProbeScheduler final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sessionsPerAddress_data();
    void sessionsPerAddress();
    void spacingBetweenSessions_data();
    void spacingBetweenSessions();
    void concurrencyLimit_data();
    void concurrencyLimit();
    void cache_data();
    void cache();
    void sharedAddressInFlight_data();
    void sharedAddressInFlight();
    void cancel_data();
    void cancel();
    void sessionEvents();
    void destroyedWhileProbing();

private:
    ProbeOptions options() const;
    std::unique_ptr<TestSmtpServer> startServer(const QString &address, const ServerBehaviour &behaviour);
    static ProbeTarget hostTarget(const TestSmtpServer &server);

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QElapsedTimer m_clock;
    ConnectionMeter m_meter;
};

void TestProbeScheduler::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock.start();
    const QString problem = makeCertificate(m_dir.path(), QStringLiteral("DNS:mx.probe.test"), &m_certificate, &m_key);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

ProbeOptions TestProbeScheduler::options() const
{
    ProbeOptions probeOptions;
    // Nothing here resolves a name; should anything try, it asks a loopback
    // address where nothing answers.
    probeOptions.dnsServer = QHostAddress(QStringLiteral("127.0.5.53"));
    probeOptions.connectTimeoutMs = 10000;
    probeOptions.readTimeoutMs = 10000;
    probeOptions.dnsTimeoutMs = 1000;
    probeOptions.hostSpacingMs = 0;
    probeOptions.concurrency = 4;
    probeOptions.cacheSeconds = 0;
    return probeOptions;
}

std::unique_ptr<TestSmtpServer> TestProbeScheduler::startServer(const QString &address,
                                                                const ServerBehaviour &behaviour)
{
    auto server = std::make_unique<TestSmtpServer>(behaviour, &m_meter, &m_clock);
    server->setTls(m_certificate, m_key);
    if (!server->listen(QHostAddress(address), 0))
        return nullptr;
    return server;
}

ProbeTarget TestProbeScheduler::hostTarget(const TestSmtpServer &server)
{
    ProbeTarget target;
    target.kind = ProbeTarget::Kind::Host;
    target.name = server.serverAddress().toString();
    target.port = server.serverPort();
    return target;
}

void TestProbeScheduler::sessionsPerAddress_data()
{
    QTest::addColumn<ServerBehaviour>("behaviour");
    QTest::addColumn<int>("maxSessions");
    QTest::addColumn<QList<TlsProfile>>("profiles");
    QTest::addColumn<SessionOutcome>("lastOutcome");

    ServerBehaviour plain;
    QTest::newRow("no STARTTLS: one session")
        << plain << 10 << QList<TlsProfile> {TlsProfile::Default} << SessionOutcome::Completed;

    // A 4xx reply to STARTTLS says "not now": it would say so to every
    // further profile too, so the address ends with that one session.
    ServerBehaviour refused;
    refused.advertiseStartTls = true;
    QTest::newRow("STARTTLS answered 454: one session")
        << refused << 10 << QList<TlsProfile> {TlsProfile::Default} << SessionOutcome::RateLimited;

    ServerBehaviour tls;
    tls.advertiseStartTls = true;
    tls.acceptStartTls = true;
    QTest::newRow("STARTTLS and TLS: the full sequence") << tls << 10 << FullSequence << SessionOutcome::Completed;
    QTest::newRow("STARTTLS and TLS, at most 3 sessions")
        << tls << 3 << FullSequence.mid(0, 3) << SessionOutcome::Completed;
    QTest::newRow("STARTTLS and TLS, at most 1 session")
        << tls << 1 << QList<TlsProfile> {TlsProfile::Default} << SessionOutcome::Completed;

    ServerBehaviour busy;
    busy.rateLimitFrom = 1;
    QTest::newRow("421 greeting: one session, no retry")
        << busy << 10 << QList<TlsProfile> {TlsProfile::Default} << SessionOutcome::RateLimited;

    ServerBehaviour busyLater = tls;
    busyLater.rateLimitFrom = 3;
    QTest::newRow("421 greeting on the third session ends the address")
        << busyLater << 10 << FullSequence.mid(0, 3) << SessionOutcome::RateLimited;
}

void TestProbeScheduler::sessionsPerAddress()
{
    QFETCH(ServerBehaviour, behaviour);
    QFETCH(int, maxSessions);
    QFETCH(QList<TlsProfile>, profiles);
    QFETCH(SessionOutcome, lastOutcome);

    const auto server = startServer(QStringLiteral("127.0.5.1"), behaviour);
    QVERIFY(server);
    ProbeOptions probeOptions = options();
    probeOptions.maxSessionsPerAddress = maxSessions;
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const int id = scheduler.probe(hostTarget(*server));
    QVERIFY(id > 0);
    QCOMPARE(scheduler.pendingCount(), 1);
    QCOMPARE(emitted.finished.value(id).size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);

    QCOMPARE(emitted.finished.value(id).size(), 1);
    const ProbeReport report = emitted.finished.value(id).constFirst();
    QCOMPARE(scheduler.pendingCount(), 0);
    QVERIFY(!report.cancelled);
    QCOMPARE(report.target, hostTarget(*server));
    QVERIFY(report.started >= before.addMSecs(-1));
    QVERIFY(report.finished >= report.started);
    QCOMPARE(report.started.timeSpec(), Qt::UTC);
    QCOMPARE(report.finished.timeSpec(), Qt::UTC);
    QVERIFY(!report.mtaSts.has_value());
    QVERIFY(!report.tlsRpt.has_value());
    QCOMPARE(report.addresses.size(), 1);
    const AddressProbeResult &address = report.addresses.constFirst();
    QCOMPARE(address.address, server->serverAddress());
    QCOMPARE(address.port, server->serverPort());
    QCOMPARE(address.mxName, server->serverAddress().toString());
    QVERIFY(!address.fromCache);
    QCOMPARE(profilesOf(address), profiles);
    QCOMPARE(address.sessions.constLast().outcome, lastOutcome);
    QVERIFY(address.sessions.size() <= 10);
    QCOMPARE(report.sessionsUsed, int(profiles.size()));
    QCOMPARE(server->connections(), int(profiles.size()));
    // Whatever the first session found out, it told.
    QCOMPARE(address.sessions.constFirst().startTlsAdvertised,
             behaviour.advertiseStartTls && behaviour.rateLimitFrom != 1);
}

void TestProbeScheduler::spacingBetweenSessions_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("probes");

    QTest::newRow("STARTTLS: two probes of six sessions") << true << 2;
    QTest::newRow("plaintext: four probes of one session") << false << 4;
}

void TestProbeScheduler::spacingBetweenSessions()
{
    QFETCH(bool, tls);
    QFETCH(int, probes);

    ServerBehaviour behaviour;
    behaviour.advertiseStartTls = tls;
    behaviour.acceptStartTls = tls;
    const auto server = startServer(QStringLiteral("127.0.5.2"), behaviour);
    QVERIFY(server);
    ProbeOptions probeOptions = options();
    probeOptions.hostSpacingMs = 120;
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    // Each probe of the address starts as the one before ends: the spacing
    // holds across probes too (nothing is cached here).
    int started = 1;
    scheduler.probe(hostTarget(*server));
    connect(&scheduler, &ProbeScheduler::finished, this, [&] {
        if (started < probes) {
            ++started;
            scheduler.probe(hostTarget(*server));
        }
    });
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);
    QCOMPARE(int(emitted.finished.size()), probes);

    const int sessions = probes * (tls ? int(FullSequence.size()) : 1);
    const QList<qint64> accepts = server->acceptMs();
    const QList<qint64> quits = server->quitMs();
    QCOMPARE(int(accepts.size()), sessions);
    int quitGaps = 0;
    for (qsizetype i = 1; i < accepts.size(); ++i) {
        if (accepts.at(i) - accepts.at(i - 1) < probeOptions.hostSpacingMs)
            QFAIL(qPrintable(QStringLiteral("sessions %1 and %2 began %3 ms apart")
                                 .arg(i)
                                 .arg(i + 1)
                                 .arg(accepts.at(i) - accepts.at(i - 1))));
        // A QUIT came before its session ended: from there to the next
        // session's start is the spacing at least.
        if (quits.at(i - 1) < 0)
            continue;
        ++quitGaps;
        if (accepts.at(i) - quits.at(i - 1) < probeOptions.hostSpacingMs)
            QFAIL(qPrintable(QStringLiteral("session %1 began %2 ms after session %3's QUIT")
                                 .arg(i + 1)
                                 .arg(accepts.at(i) - quits.at(i - 1))
                                 .arg(i)));
    }
    if (!tls)
        QCOMPARE(quitGaps, sessions - 1);
}

void TestProbeScheduler::concurrencyLimit_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("expectedMax");

    // Five addresses whose servers greet after 150 ms: the limit is reached.
    QTest::newRow("1 at once") << 1 << 1;
    QTest::newRow("2 at once") << 2 << 2;
    QTest::newRow("3 at once") << 3 << 3;
    QTest::newRow("more than there are addresses") << 8 << 5;
}

void TestProbeScheduler::concurrencyLimit()
{
    QFETCH(int, concurrency);
    QFETCH(int, expectedMax);

    m_meter = ConnectionMeter();
    ServerBehaviour slow;
    slow.bannerDelayMs = 150;
    std::vector<std::unique_ptr<TestSmtpServer>> servers;
    for (int i = 0; i < 5; ++i) {
        servers.push_back(startServer(QStringLiteral("127.0.5.%1").arg(21 + i), slow));
        QVERIFY(servers.back());
    }
    ProbeOptions probeOptions = options();
    probeOptions.concurrency = concurrency;
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    for (const auto &server : servers)
        scheduler.probe(hostTarget(*server));
    QCOMPARE(scheduler.pendingCount(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);

    QCOMPARE(int(emitted.finished.size()), 5);
    QCOMPARE(m_meter.max, expectedMax);
    QCOMPARE(m_meter.open, 0);
    for (const auto &server : servers)
        QCOMPARE(server->connections(), 1);
    for (const QList<ProbeReport> &reports : std::as_const(emitted.finished)) {
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.constFirst().sessionsUsed, 1);
        QCOMPARE(reports.constFirst().addresses.constFirst().sessions.constFirst().outcome, SessionOutcome::Completed);
    }
}

void TestProbeScheduler::cache_data()
{
    QTest::addColumn<int>("cacheSeconds");
    QTest::addColumn<bool>("reused");

    QTest::newRow("cached for a minute") << 60 << true;
    QTest::newRow("no cache") << 0 << false;
}

void TestProbeScheduler::cache()
{
    QFETCH(int, cacheSeconds);
    QFETCH(bool, reused);

    const auto server = startServer(QStringLiteral("127.0.5.3"), ServerBehaviour());
    QVERIFY(server);
    ProbeOptions probeOptions = options();
    probeOptions.cacheSeconds = cacheSeconds;
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    const int first = scheduler.probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);
    QCOMPARE(server->connections(), 1);
    const ProbeReport firstReport = emitted.finished.value(first).constFirst();
    QCOMPARE(firstReport.sessionsUsed, 1);
    QVERIFY(!firstReport.addresses.constFirst().fromCache);

    const int second = scheduler.probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 2, 30000);
    QCOMPARE(emitted.finished.value(second).size(), 1);
    const ProbeReport secondReport = emitted.finished.value(second).constFirst();
    QCOMPARE(server->connections(), reused ? 1 : 2);
    QCOMPARE(secondReport.sessionsUsed, reused ? 0 : 1);
    QCOMPARE(secondReport.addresses.size(), 1);
    const AddressProbeResult &address = secondReport.addresses.constFirst();
    QCOMPARE(address.fromCache, reused);
    QCOMPARE(address.sessions.size(), 1);
    if (reused)
        QCOMPARE(address.probedAt, firstReport.addresses.constFirst().probedAt);
    else
        QVERIFY(address.probedAt >= secondReport.started);

    // A cleared cache probes again.
    scheduler.clearCache();
    const int third = scheduler.probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 3, 30000);
    QCOMPARE(server->connections(), reused ? 2 : 3);
    QCOMPARE(emitted.finished.value(third).constFirst().sessionsUsed, 1);
    QVERIFY(!emitted.finished.value(third).constFirst().addresses.constFirst().fromCache);
}

void TestProbeScheduler::sharedAddressInFlight_data()
{
    QTest::addColumn<bool>("cancelFirst");

    QTest::newRow("both wait for one address probe") << false;
    QTest::newRow("the first cancelled, the second still served") << true;
}

void TestProbeScheduler::sharedAddressInFlight()
{
    QFETCH(bool, cancelFirst);

    ServerBehaviour slow;
    slow.bannerDelayMs = 200;
    const auto server = startServer(QStringLiteral("127.0.5.4"), slow);
    QVERIFY(server);
    Emitted emitted;
    ProbeScheduler scheduler(options()); // no cache: sharing alone saves the sessions
    record(scheduler, emitted);

    const int first = scheduler.probe(hostTarget(*server));
    const int second = scheduler.probe(hostTarget(*server));
    QVERIFY(first != second);
    if (cancelFirst) {
        QTRY_COMPARE_WITH_TIMEOUT(server->connections(), 1, 5000);
        scheduler.cancel(first);
    }
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);

    QCOMPARE(server->connections(), 1);
    QCOMPARE(server->closedByClient(), 0);
    QCOMPARE(server->quits(), 1);
    QCOMPARE(emitted.finished.value(first).size(), 1);
    QCOMPARE(emitted.finished.value(second).size(), 1);
    const ProbeReport firstReport = emitted.finished.value(first).constFirst();
    const ProbeReport secondReport = emitted.finished.value(second).constFirst();
    QCOMPARE(firstReport.cancelled, cancelFirst);
    QVERIFY(!secondReport.cancelled);
    // The first probe opened the session, so it counts it.
    QCOMPARE(firstReport.sessionsUsed, 1);
    QCOMPARE(secondReport.sessionsUsed, 0);
    QCOMPARE(firstReport.addresses.size(), cancelFirst ? 0 : 1);
    QCOMPARE(secondReport.addresses.size(), 1);
    QCOMPARE(secondReport.addresses.constFirst().fromCache, !cancelFirst);
    QCOMPARE(secondReport.addresses.constFirst().sessions.size(), 1);
    QCOMPARE(secondReport.addresses.constFirst().sessions.constFirst().outcome, SessionOutcome::Completed);
    if (!cancelFirst)
        QVERIFY(!firstReport.addresses.constFirst().fromCache);
}

void TestProbeScheduler::cancel_data()
{
    QTest::addColumn<QString>("when");
    QTest::addColumn<int>("probes");
    QTest::addColumn<int>("connections");

    QTest::newRow("before it starts") << QStringLiteral("queued") << 1 << 0;
    QTest::newRow("while waiting for the banner") << QStringLiteral("connected") << 1 << 1;
    QTest::newRow("cancelAll, two addresses") << QStringLiteral("all") << 2 << 2;
    QTest::newRow("cancelAll before anything starts") << QStringLiteral("all queued") << 2 << 0;
}

void TestProbeScheduler::cancel()
{
    QFETCH(QString, when);
    QFETCH(int, probes);
    QFETCH(int, connections);

    ServerBehaviour silent;
    silent.silent = true;
    std::vector<std::unique_ptr<TestSmtpServer>> servers;
    for (int i = 0; i < probes; ++i) {
        servers.push_back(startServer(QStringLiteral("127.0.5.%1").arg(31 + i), silent));
        QVERIFY(servers.back());
    }
    ProbeOptions probeOptions = options();
    probeOptions.readTimeoutMs = 20000; // the banner never comes: only cancel ends it
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    QList<int> ids;
    for (const auto &server : servers)
        ids.append(scheduler.probe(hostTarget(*server)));
    if (connections > 0) {
        for (const auto &server : servers)
            QTRY_COMPARE_WITH_TIMEOUT(server->connections(), 1, 5000);
    }
    if (when.startsWith(QLatin1String("all")))
        scheduler.cancelAll();
    else
        scheduler.cancel(ids.constFirst());
    // Nothing is emitted from inside cancel().
    QCOMPARE(int(emitted.finished.size()), 0);
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 5000);
    QCOMPARE(scheduler.pendingCount(), 0);

    for (const int id : std::as_const(ids)) {
        QCOMPARE(emitted.finished.value(id).size(), 1);
        const ProbeReport &report = emitted.finished.value(id).constFirst();
        QVERIFY(report.cancelled);
        QCOMPARE(report.sessionsUsed, connections > 0 ? 1 : 0);
        QVERIFY(report.addresses.isEmpty());
        QVERIFY(report.finished >= report.started);
    }
    for (const auto &server : servers) {
        QCOMPARE(server->connections(), connections / probes);
        QTRY_COMPARE_WITH_TIMEOUT(server->closedByClient(), connections / probes, 5000);
    }
    // Cancelling again, or an id that is done, changes nothing.
    scheduler.cancel(ids.constFirst());
    scheduler.cancelAll();
    QTest::qWait(100);
    for (const int id : std::as_const(ids))
        QCOMPARE(emitted.finished.value(id).size(), 1);
    QCOMPARE(emitted.allFinished, 1);
    for (const auto &server : servers)
        QCOMPARE(server->connections(), connections / probes);
}

void TestProbeScheduler::sessionEvents()
{
    ServerBehaviour tls;
    tls.advertiseStartTls = true;
    tls.acceptStartTls = true;
    const auto server = startServer(QStringLiteral("127.0.5.5"), tls);
    QVERIFY(server);
    ProbeOptions probeOptions = options();
    probeOptions.cacheSeconds = 60;
    Emitted emitted;
    ProbeScheduler scheduler(probeOptions);
    record(scheduler, emitted);

    const int id = scheduler.probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 1, 30000);
    const QList<ProbeEvent> events = emitted.events.value(id);
    QCOMPARE(int(emitted.events.size()), 1);
    QVERIFY(!events.isEmpty());
    // Each session's events, in the order the sessions ran, each with the
    // address it is about; an IP literal needs no look-up.
    QList<TlsProfile> connects;
    for (const ProbeEvent &event : events) {
        QVERIFY(event.step != ProbeStep::Resolve);
        QCOMPARE(event.mxName, server->serverAddress().toString());
        QCOMPARE(event.address, server->serverAddress());
        QVERIFY(!event.message.isEmpty());
        if (event.step == ProbeStep::Connect)
            connects.append(event.profile);
    }
    QCOMPARE(connects, FullSequence);

    // A cached address says so, and opens nothing.
    const int again = scheduler.probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(emitted.allFinished, 2, 30000);
    const QList<ProbeEvent> cachedEvents = emitted.events.value(again);
    QCOMPARE(int(cachedEvents.size()), 1);
    QCOMPARE(cachedEvents.constFirst().step, ProbeStep::Connect);
    QCOMPARE(cachedEvents.constFirst().mxName, server->serverAddress().toString());
    QCOMPARE(cachedEvents.constFirst().address, server->serverAddress());
    QVERIFY(cachedEvents.constFirst().message.contains(QLatin1String("reused")));
    QCOMPARE(server->connections(), int(FullSequence.size()));
}

void TestProbeScheduler::destroyedWhileProbing()
{
    ServerBehaviour silent;
    silent.silent = true;
    const auto server = startServer(QStringLiteral("127.0.5.6"), silent);
    QVERIFY(server);
    ProbeOptions probeOptions = options();
    probeOptions.readTimeoutMs = 20000;
    Emitted emitted;
    auto scheduler = std::make_unique<ProbeScheduler>(probeOptions);
    record(*scheduler, emitted);
    scheduler->probe(hostTarget(*server));
    QTRY_COMPARE_WITH_TIMEOUT(server->connections(), 1, 5000);

    // Its sessions close with it; nothing more is said.
    scheduler.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server->closedByClient(), 1, 5000);
    QTest::qWait(50);
    QCOMPARE(int(emitted.finished.size()), 0);
    QCOMPARE(emitted.allFinished, 0);
}

QTEST_GUILESS_MAIN(TestProbeScheduler)
#include "tst_probescheduler.moc"
