#include "models/probe/smtpsession.h"

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>

#include "tests/models/smtptestserver.h"
#include "tests/models/tlstestserver.h"

using namespace mailtls;
using smtptest::Script;
using smtptest::ScriptedSmtpServer;
using tlstest::DhGroup;
using tlstest::TlsServerConfig;

Q_DECLARE_METATYPE(smtptest::Script)
Q_DECLARE_METATYPE(tlstest::TlsServerConfig)
Q_DECLARE_METATYPE(mailtls::SessionOutcome)
Q_DECLARE_METATYPE(mailtls::ProbeStep)
Q_DECLARE_METATYPE(mailtls::TlsProfile)

namespace {

constexpr int timeoutMs = 1000;
const QString mxName = QStringLiteral("mx1.example.test");

ProbeOptions testOptions()
{
    ProbeOptions options;
    options.dnsServer = QHostAddress(QStringLiteral("127.0.0.2"));
    options.connectTimeoutMs = timeoutMs;
    options.readTimeoutMs = timeoutMs;
    options.extraCaCertificates = {tlstest::TestPki::instance().caCertificate()};
    return options;
}

struct Run
{
    QList<SmtpSessionResult> results; // finished() as often as it came
    QList<ProbeEvent> events;
    bool finishedInsideStart = false;
    qint64 wallMs = 0;

    const SmtpSessionResult &result() const { return results.constFirst(); }
};

Run runSession(quint16 port, const QString &serverName = mxName, TlsProfile profile = TlsProfile::Default,
               bool tls = true, const ProbeOptions &options = testOptions())
{
    Run run;
    SmtpSession session(options);
    QObject::connect(&session, &SmtpSession::event, [&run](const ProbeEvent &event) { run.events.append(event); });
    QObject::connect(&session, &SmtpSession::finished,
                     [&run](const SmtpSessionResult &result) { run.results.append(result); });
    QElapsedTimer clock;
    clock.start();
    session.start(QHostAddress(QHostAddress::LocalHost), port, serverName, profile, tls);
    run.finishedInsideStart = !run.results.isEmpty();
    // An event loop of its own, not QTest::qWaitFor: that one sleeps 10 ms
    // between rounds, which would add up to every exchange's time.
    QEventLoop loop;
    QObject::connect(&session, &SmtpSession::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer::singleShot(10 * timeoutMs, &loop, &QEventLoop::quit);
    if (run.results.isEmpty())
        loop.exec();
    run.wallMs = clock.elapsed();
    // A second finished() would come right after the first.
    QTest::qWait(20);
    return run;
}

// A port on 127.0.0.1 nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress(QHostAddress::LocalHost), 0);
    return server.serverPort();
}

Script greeting(const QByteArray &text, Script::Greeting mode = Script::Greeting::Send)
{
    Script script;
    script.greeting = text;
    script.greetingMode = mode;
    return script;
}

Script ehlo(const QByteArray &reply, Script::Ehlo mode = Script::Ehlo::Send)
{
    Script script;
    script.ehloReply = reply;
    script.ehloMode = mode;
    return script;
}

Script startTls(const QByteArray &reply, Script::AfterStartTls after = Script::AfterStartTls::Tls)
{
    Script script;
    script.startTlsReply = reply;
    script.afterStartTls = after;
    return script;
}

TlsServerConfig server(int minVersion, int maxVersion, const QByteArray &ciphers = "ALL:@SECLEVEL=0",
                       DhGroup dh = DhGroup::None, const QByteArray &groups = QByteArray())
{
    TlsServerConfig config;
    config.minVersion = minVersion;
    config.maxVersion = maxVersion;
    config.cipherList = ciphers;
    config.dh = dh;
    config.groups = groups;
    return config;
}

const QByteArray ehloAndQuit = "EHLO mailtls.invalid\r\nQUIT\r\n";
const QByteArray upToStartTls = "EHLO mailtls.invalid\r\nSTARTTLS\r\n";

} // namespace

class TestSmtpSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hostileServer_data();
    void hostileServer();
    void dribblingGreetingTimesOut();
    void connectionRefused();
    void connectTimesOut();
    void plaintextWithoutStartTls();
    void strippedStartTls();
    void plaintextSessionLeavesStartTlsAlone();
    void plaintextAfterStartTlsIsIgnored();
    void handshakes_data();
    void handshakes();
    void certificates_data();
    void certificates();
    void cancelEndsOnceOutsideCancel();
};

void TestSmtpSession::initTestCase()
{
    // Made once, before any session's clock runs.
    QVERIFY(tlstest::TestPki::instance().server);
}

void TestSmtpSession::hostileServer_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<SessionOutcome>("outcome");
    QTest::addColumn<ProbeStep>("stoppedAt");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QByteArray>("serverReceived");
    QTest::addColumn<bool>("tlsAttempted");
    QTest::addColumn<QString>("tlsError");

    const QString noTls;
    QTest::newRow("endless banner")
        << greeting(QByteArray(), Script::Greeting::EndlessLines) << SessionOutcome::ProtocolError
        << ProbeStep::Banner << QStringLiteral("the reply exceeds 65536 bytes") << QByteArray() << false << noTls;
    QTest::newRow("banner line never ends")
        << greeting(QByteArray(), Script::Greeting::EndlessLine) << SessionOutcome::ProtocolError
        << ProbeStep::Banner << QStringLiteral("a reply line exceeds 4096 bytes") << QByteArray() << false << noTls;
    QTest::newRow("banner stops mid-line")
        << greeting("220 mx1.example.test ESMTP") << SessionOutcome::TimedOut << ProbeStep::Banner
        << QStringLiteral("no complete reply within 1000 ms (received: 220 mx1.example.test ESMTP)") << QByteArray()
        << false << noTls;
    QTest::newRow("multi-line banner never finished")
        << greeting("220-mx1.example.test ESMTP\r\n220-more to come\r\n") << SessionOutcome::TimedOut
        << ProbeStep::Banner
        << QStringLiteral("no complete reply within 1000 ms (received: 220-mx1.example.test ESMTP\\x0a220-more to come)")
        << QByteArray() << false << noTls;
    QTest::newRow("silent server") << greeting(QByteArray(), Script::Greeting::Silent) << SessionOutcome::TimedOut
                                   << ProbeStep::Banner << QStringLiteral("no reply within 1000 ms") << QByteArray()
                                   << false << noTls;
    QTest::newRow("421 greeting")
        << greeting("421 4.3.2 Try again later\r\n", Script::Greeting::SendAndClose) << SessionOutcome::RateLimited
        << ProbeStep::Banner << QStringLiteral("421 4.3.2 Try again later") << QByteArray() << false << noTls;
    QTest::newRow("450 greeting, server stays")
        << greeting("450 4.7.1 Busy, come back later\r\n") << SessionOutcome::RateLimited << ProbeStep::Banner
        << QStringLiteral("450 4.7.1 Busy, come back later") << QByteArray("QUIT\r\n") << false << noTls;
    QTest::newRow("554 multi-line greeting")
        << greeting("554-mx1.example.test no service\r\n554 5.7.1 Your address is listed\r\n")
        << SessionOutcome::Rejected << ProbeStep::Banner
        << QStringLiteral("554-mx1.example.test no service\n554 5.7.1 Your address is listed")
        << QByteArray("QUIT\r\n") << false << noTls;
    QTest::newRow("ssh banner") << greeting("SSH-2.0-OpenSSH_9.2p1\r\n") << SessionOutcome::ProtocolError
                                << ProbeStep::Banner << QStringLiteral("not an SMTP reply: SSH-2.0-OpenSSH_9.2p1")
                                << QByteArray() << false << noTls;
    QTest::newRow("binary greeting")
        << greeting(QByteArray("\x16\x03\x01\x00\x05", 5)) << SessionOutcome::ProtocolError << ProbeStep::Banner
        << QStringLiteral("not an SMTP reply: \\x16\\x03\\x01\\x00\\x05") << QByteArray() << false << noTls;
    QTest::newRow("greeting with a code that is no greeting")
        << greeting("250 mx1.example.test\r\n") << SessionOutcome::ProtocolError << ProbeStep::Banner
        << QStringLiteral("unexpected reply: 250 mx1.example.test") << QByteArray() << false << noTls;
    QTest::newRow("closes without a greeting")
        << greeting(QByteArray(), Script::Greeting::Close) << SessionOutcome::ConnectFailed << ProbeStep::Banner
        << QStringLiteral("the server closed the connection without a greeting") << QByteArray() << false << noTls;

    QTest::newRow("EHLO refused") << ehlo("550 5.7.1 EHLO refused\r\n") << SessionOutcome::Rejected
                                  << ProbeStep::Ehlo << QStringLiteral("550 5.7.1 EHLO refused") << ehloAndQuit
                                  << false << noTls;
    QTest::newRow("EHLO 421") << ehlo("421 4.7.0 Too many connections\r\n", Script::Ehlo::SendAndClose)
                              << SessionOutcome::RateLimited << ProbeStep::Ehlo
                              << QStringLiteral("421 4.7.0 Too many connections") << QByteArray() << false << noTls;
    QTest::newRow("EHLO reply of megabytes")
        << ehlo(QByteArray(), Script::Ehlo::Flood) << SessionOutcome::ProtocolError << ProbeStep::Ehlo
        << QStringLiteral("the reply exceeds 65536 bytes") << QByteArray() << false << noTls;
    QTest::newRow("EHLO line of a megabyte")
        << ehlo(QByteArray(), Script::Ehlo::FloodOneLine) << SessionOutcome::ProtocolError << ProbeStep::Ehlo
        << QStringLiteral("a reply line exceeds 4096 bytes") << QByteArray() << false << noTls;
    QTest::newRow("EHLO unanswered") << ehlo(QByteArray(), Script::Ehlo::Silent) << SessionOutcome::TimedOut
                                     << ProbeStep::Ehlo << QStringLiteral("no reply within 1000 ms")
                                     << QByteArray("EHLO mailtls.invalid\r\n") << false << noTls;
    QTest::newRow("closes during the EHLO reply")
        << ehlo("250-mx1.example.test\r\n", Script::Ehlo::SendAndClose) << SessionOutcome::ProtocolError
        << ProbeStep::Ehlo
        << QStringLiteral("the server closed the connection before its reply was complete (received: "
                          "250-mx1.example.test)")
        << QByteArray() << false << noTls;

    QTest::newRow("STARTTLS 454") << startTls("454 4.7.0 TLS not available due to local problem\r\n")
                                  << SessionOutcome::RateLimited << ProbeStep::StartTls
                                  << QStringLiteral("454 4.7.0 TLS not available due to local problem")
                                  << QByteArray(upToStartTls + "QUIT\r\n") << false << noTls;
    QTest::newRow("STARTTLS 502") << startTls("502 5.5.1 Not implemented\r\n") << SessionOutcome::Rejected
                                  << ProbeStep::StartTls << QStringLiteral("502 5.5.1 Not implemented")
                                  << QByteArray(upToStartTls + "QUIT\r\n") << false << noTls;
    const QString stalled = QStringLiteral("the TLS handshake did not finish within 1000 ms");
    QTest::newRow("stalls after STARTTLS")
        << startTls("220 2.0.0 Ready to start TLS\r\n", Script::AfterStartTls::Stall) << SessionOutcome::TimedOut
        << ProbeStep::Handshake << stalled << upToStartTls << true << stalled;
    // The handshake failing is what the session found out, not a failure to
    // find out: Completed, with the reason in tls.error (see SessionOutcome).
    const QString wrongVersion = QStringLiteral("error:0A00010B:SSL routines::wrong version number");
    QTest::newRow("garbage instead of TLS")
        << startTls("220 2.0.0 Ready to start TLS\r\n", Script::AfterStartTls::Garbage) << SessionOutcome::Completed
        << ProbeStep::Handshake << wrongVersion << upToStartTls << true << wrongVersion;
    const QString eof = QStringLiteral("error:0A000126:SSL routines::unexpected eof while reading");
    QTest::newRow("closes at the ClientHello")
        << startTls("220 2.0.0 Ready to start TLS\r\n", Script::AfterStartTls::Close) << SessionOutcome::Completed
        << ProbeStep::Handshake << eof << upToStartTls << true << eof;
    const QString endless = QStringLiteral("the server sent more than 262144 bytes during the TLS handshake");
    QTest::newRow("handshake that never ends")
        << startTls("220 2.0.0 Ready to start TLS\r\n", Script::AfterStartTls::HelloRequests)
        << SessionOutcome::Completed << ProbeStep::Handshake << endless << upToStartTls << true << endless;
}

void TestSmtpSession::hostileServer()
{
    QFETCH(Script, script);
    QFETCH(SessionOutcome, outcome);
    QFETCH(ProbeStep, stoppedAt);
    QFETCH(QString, detail);
    QFETCH(QByteArray, serverReceived);
    QFETCH(bool, tlsAttempted);
    QFETCH(QString, tlsError);

    ScriptedSmtpServer server(script);
    QVERIFY(server.listening());
    const Run run = runSession(server.port());

    QVERIFY(!run.finishedInsideStart);
    QCOMPARE(run.results.size(), 1);
    const SmtpSessionResult &result = run.result();
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.stoppedAt, stoppedAt);
    QCOMPARE(result.detail, detail);
    QCOMPARE(result.tlsAttempted, tlsAttempted);
    QCOMPARE(result.tls.established, false);
    QCOMPARE(result.tls.error, tlsError);
    if (!serverReceived.isNull()) {
        QTRY_VERIFY_WITH_TIMEOUT(server.received().endsWith(serverReceived), 2000);
        QCOMPARE(server.received(), serverReceived);
    }
    // Within its one timeout: no step outlasts it, no step restarts it.
    QVERIFY2(result.elapsedMs < timeoutMs + 300, qPrintable(QString::number(result.elapsedMs)));
    QVERIFY2(run.wallMs < timeoutMs + 500, qPrintable(QString::number(run.wallMs)));
    if (outcome == SessionOutcome::TimedOut)
        QVERIFY2(result.elapsedMs >= timeoutMs - 50, qPrintable(QString::number(result.elapsedMs)));
    // A flood is cut off early: far less read than the server would send.
    QVERIFY(server.bytesSent() < 2 * 1024 * 1024);
    QCOMPARE(run.events.constLast().step, stoppedAt);
    QCOMPARE(server.connections(), 1);
}

void TestSmtpSession::dribblingGreetingTimesOut()
{
    // One byte every 100 ms: progress all the time, never a reply in time.
    ScriptedSmtpServer server(greeting("220 slow.example.test ESMTP at one byte a tick\r\n", Script::Greeting::Dribble));
    const Run run = runSession(server.port());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::TimedOut);
    QCOMPARE(run.result().stoppedAt, ProbeStep::Banner);
    QVERIFY2(run.result().detail.startsWith(QStringLiteral("no complete reply within 1000 ms (received: 220 slow")),
             qPrintable(run.result().detail));
    QVERIFY(run.result().elapsedMs >= timeoutMs - 50);
    QVERIFY(run.wallMs < timeoutMs + 500);
}

void TestSmtpSession::connectionRefused()
{
    const Run run = runSession(closedPort());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::ConnectFailed);
    QCOMPARE(run.result().stoppedAt, ProbeStep::Connect);
    QCOMPARE(run.result().detail, QStringLiteral("Connection refused"));
    QVERIFY(run.wallMs < timeoutMs);
}

void TestSmtpSession::connectTimesOut()
{
    // A listener whose accept queue is full drops further SYNs: the connect
    // neither succeeds nor fails until the session's timer ends it.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(listener, 0), 0);
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length), 0);
    const quint16 port = ntohs(address.sin_port);
    QTcpSocket filler;
    filler.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QTRY_COMPARE(filler.state(), QAbstractSocket::ConnectedState);

    const Run run = runSession(port);
    ::close(listener);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::TimedOut);
    QCOMPARE(run.result().stoppedAt, ProbeStep::Connect);
    QCOMPARE(run.result().detail, QStringLiteral("no connection within 1000 ms"));
    QVERIFY(run.wallMs < timeoutMs + 500);
}

void TestSmtpSession::plaintextWithoutStartTls()
{
    ScriptedSmtpServer server(ehlo("250-mx1.example.test Hello\r\n250-PIPELINING\r\n250 8BITMIME\r\n"));
    const Run run = runSession(server.port());
    QCOMPARE(run.results.size(), 1);
    const SmtpSessionResult &result = run.result();
    QCOMPARE(result.outcome, SessionOutcome::Completed);
    QCOMPARE(result.stoppedAt, ProbeStep::Quit);
    QCOMPARE(result.detail, QString());
    QCOMPARE(result.banner, QStringList{QStringLiteral("mx1.example.test ESMTP")});
    QCOMPARE(result.ehlo, (QStringList{QStringLiteral("mx1.example.test Hello"), QStringLiteral("PIPELINING"),
                                       QStringLiteral("8BITMIME")}));
    QCOMPARE(result.startTlsAdvertised, false);
    QCOMPARE(result.ehloLooksStripped, false);
    QCOMPARE(result.tlsAttempted, false);
    QCOMPARE(server.received(), ehloAndQuit);
    QTRY_VERIFY(server.clientGone());

    QList<ProbeStep> steps;
    for (const ProbeEvent &event : run.events) {
        steps.append(event.step);
        QCOMPARE(event.mxName, mxName);
        QCOMPARE(event.address, QHostAddress(QHostAddress::LocalHost));
        QVERIFY(!event.message.isEmpty());
        QVERIFY(!event.message.contains(QLatin1Char('\n')));
    }
    QCOMPARE(steps, (QList<ProbeStep>{ProbeStep::Connect, ProbeStep::Banner, ProbeStep::Ehlo, ProbeStep::Ehlo,
                                      ProbeStep::Quit, ProbeStep::Quit}));
}

void TestSmtpSession::strippedStartTls()
{
    ScriptedSmtpServer server(ehlo("250-mx1.example.test\r\n250-PIPELINING\r\n250-XXXXXXXA\r\n250 8BITMIME\r\n"));
    const Run run = runSession(server.port());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::Completed);
    QCOMPARE(run.result().startTlsAdvertised, false);
    QCOMPARE(run.result().ehloLooksStripped, true);
    QCOMPARE(server.received(), ehloAndQuit);

    // Masked keywords beside a STARTTLS that is there are no stripping.
    ScriptedSmtpServer both(ehlo("250-mx1.example.test\r\n250-XXXXXXXB\r\n250 starttls\r\n"));
    const Run second = runSession(both.port(), mxName, TlsProfile::Default, false);
    QCOMPARE(second.result().startTlsAdvertised, true);
    QCOMPARE(second.result().ehloLooksStripped, false);
}

void TestSmtpSession::plaintextSessionLeavesStartTlsAlone()
{
    ScriptedSmtpServer server((Script()));
    const Run run = runSession(server.port(), mxName, TlsProfile::Default, false);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::Completed);
    QCOMPARE(run.result().stoppedAt, ProbeStep::Quit);
    QCOMPARE(run.result().startTlsAdvertised, true);
    QCOMPARE(run.result().tlsAttempted, false);
    QCOMPARE(server.received(), ehloAndQuit);
}

void TestSmtpSession::plaintextAfterStartTlsIsIgnored()
{
    // Bytes behind the 220 came before the ClientHello: dropped, never read
    // as a reply or fed to TLS.
    ScriptedSmtpServer server(startTls("220 2.0.0 Ready to start TLS\r\n250-injected\r\n250 more\r\n"));
    const Run run = runSession(server.port());
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.result().outcome, SessionOutcome::Completed);
    QCOMPARE(run.result().startTlsReply, QStringLiteral("220 2.0.0 Ready to start TLS"));
    QCOMPARE(run.result().tls.established, true);
    QCOMPARE(run.result().tls.error, QString());
}

void TestSmtpSession::handshakes_data()
{
    QTest::addColumn<TlsServerConfig>("config");
    QTest::addColumn<TlsProfile>("profile");
    QTest::addColumn<bool>("established");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("cipher");
    QTest::addColumn<QString>("keyExchange");
    QTest::addColumn<QString>("group");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QByteArray>("prime");
    QTest::addColumn<QString>("error");

    const QByteArray none;
    const QString ok;
    const QString v13 = QStringLiteral("TLSv1.3");
    const QString v12 = QStringLiteral("TLSv1.2");
    const QString ecdhe = QStringLiteral("ECDHE");
    const QString dhe = QStringLiteral("DHE");
    const QString x25519 = QStringLiteral("X25519");
    const QString dheGcm = QStringLiteral("DHE-RSA-AES256-GCM-SHA384");
    const QString protocolVersion = QStringLiteral("error:0A00042E:SSL routines::tlsv1 alert protocol version");

    QTest::newRow("default, TLS 1.3 server")
        << server(TLS1_2_VERSION, TLS1_3_VERSION) << TlsProfile::Default << true << v13
        << QStringLiteral("TLS_AES_256_GCM_SHA384") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("default, TLS 1.2 server")
        << server(TLS1_2_VERSION, TLS1_2_VERSION) << TlsProfile::Default << true << v12
        << QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("default, TLS 1.3 server with P-256 only")
        << server(TLS1_2_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", DhGroup::None, "P-256") << TlsProfile::Default
        << true << v13 << QStringLiteral("TLS_AES_256_GCM_SHA384") << ecdhe << QStringLiteral("secp256r1") << 256
        << none << ok;
    QTest::newRow("default, TLS 1.3 server with ffdhe2048 only")
        << server(TLS1_2_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", DhGroup::None, "ffdhe2048")
        << TlsProfile::Default << true << v13 << QStringLiteral("TLS_AES_256_GCM_SHA384") << dhe
        << QStringLiteral("ffdhe2048") << 2048 << tlstest::dhPrime(DhGroup::Ffdhe2048) << ok;
    QTest::newRow("DHE only, 1024-bit group")
        << server(TLS1_2_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", DhGroup::Oakley1024) << TlsProfile::DheOnly
        << true << v12 << dheGcm << dhe << QString() << 1024 << tlstest::dhPrime(DhGroup::Oakley1024) << ok;
    QTest::newRow("DHE only, 768-bit group")
        << server(TLS1_2_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", DhGroup::Oakley768) << TlsProfile::DheOnly
        << true << v12 << dheGcm << dhe << QString() << 768 << tlstest::dhPrime(DhGroup::Oakley768) << ok;
    QTest::newRow("DHE only, ffdhe2048")
        << server(TLS1_2_VERSION, TLS1_3_VERSION, "ALL:@SECLEVEL=0", DhGroup::Ffdhe2048) << TlsProfile::DheOnly
        << true << v12 << dheGcm << dhe << QStringLiteral("ffdhe2048") << 2048
        << tlstest::dhPrime(DhGroup::Ffdhe2048) << ok;
    QTest::newRow("DHE only, server without DHE")
        << server(TLS1_2_VERSION, TLS1_3_VERSION) << TlsProfile::DheOnly << false << QString() << QString()
        << QString() << QString() << 0 << none
        << QStringLiteral("error:0A000410:SSL routines::sslv3 alert handshake failure");
    QTest::newRow("default client, 1024-bit DHE-only server")
        << server(TLS1_2_VERSION, TLS1_2_VERSION, "DHE:!aNULL:@SECLEVEL=0", DhGroup::Oakley1024)
        << TlsProfile::Default << false << v12 << dheGcm << dhe << QString() << 1024
        << tlstest::dhPrime(DhGroup::Oakley1024) << QStringLiteral("error:0A00018A:SSL routines::dh key too small");
    // The version profiles ask about the version alone: a weak group is
    // measured, not refused.
    QTest::newRow("TLS 1.2 only, 1024-bit DHE-only server")
        << server(TLS1_2_VERSION, TLS1_2_VERSION, "DHE:!aNULL:@SECLEVEL=0", DhGroup::Oakley1024)
        << TlsProfile::OnlyTls12 << true << v12 << dheGcm << dhe << QString() << 1024
        << tlstest::dhPrime(DhGroup::Oakley1024) << ok;
    QTest::newRow("TLS 1.0 only, 768-bit DHE-only server")
        << server(TLS1_VERSION, TLS1_VERSION, "DHE:!aNULL:@SECLEVEL=0", DhGroup::Oakley768)
        << TlsProfile::OnlyTls10 << true << QStringLiteral("TLSv1") << QStringLiteral("DHE-RSA-AES256-SHA") << dhe
        << QString() << 768 << tlstest::dhPrime(DhGroup::Oakley768) << ok;
    QTest::newRow("TLS 1.0 only, server allows 1.0")
        << server(TLS1_VERSION, TLS1_3_VERSION) << TlsProfile::OnlyTls10 << true << QStringLiteral("TLSv1")
        << QStringLiteral("ECDHE-RSA-AES256-SHA") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("TLS 1.1 only, server allows 1.0")
        << server(TLS1_VERSION, TLS1_3_VERSION) << TlsProfile::OnlyTls11 << true << QStringLiteral("TLSv1.1")
        << QStringLiteral("ECDHE-RSA-AES256-SHA") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("TLS 1.0 only, modern server")
        << server(TLS1_2_VERSION, TLS1_3_VERSION) << TlsProfile::OnlyTls10 << false << QString() << QString()
        << QString() << QString() << 0 << none << protocolVersion;
    QTest::newRow("TLS 1.2 only, TLS 1.3 server")
        << server(TLS1_2_VERSION, TLS1_3_VERSION) << TlsProfile::OnlyTls12 << true << v12
        << QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("TLS 1.3 only, TLS 1.3 server")
        << server(TLS1_2_VERSION, TLS1_3_VERSION) << TlsProfile::OnlyTls13 << true << v13
        << QStringLiteral("TLS_AES_256_GCM_SHA384") << ecdhe << x25519 << 253 << none << ok;
    QTest::newRow("TLS 1.3 only, TLS 1.2 server")
        << server(TLS1_2_VERSION, TLS1_2_VERSION) << TlsProfile::OnlyTls13 << false << QString() << QString()
        << QString() << QString() << 0 << none << protocolVersion;
}

void TestSmtpSession::handshakes()
{
    QFETCH(TlsServerConfig, config);
    QFETCH(TlsProfile, profile);
    QFETCH(bool, established);
    QFETCH(QString, protocol);
    QFETCH(QString, cipher);
    QFETCH(QString, keyExchange);
    QFETCH(QString, group);
    QFETCH(int, bits);
    QFETCH(QByteArray, prime);
    QFETCH(QString, error);

    Script script;
    script.tls = config;
    ScriptedSmtpServer server(script);
    const Run run = runSession(server.port(), mxName, profile);
    QCOMPARE(run.results.size(), 1);
    const SmtpSessionResult &result = run.result();
    QCOMPARE(result.profile, profile);
    QCOMPARE(result.outcome, SessionOutcome::Completed);
    QCOMPARE(result.stoppedAt, established ? ProbeStep::Quit : ProbeStep::Handshake);
    QCOMPARE(result.detail, error);
    QCOMPARE(result.startTlsAdvertised, true);
    QCOMPARE(result.startTlsReply, QStringLiteral("220 2.0.0 Ready to start TLS"));
    QCOMPARE(result.tlsAttempted, true);
    const TlsHandshakeResult &tls = result.tls;
    QCOMPARE(tls.established, established);
    QCOMPARE(tls.error, error);
    QCOMPARE(tls.protocol, protocol);
    QCOMPARE(tls.cipher, cipher);
    QCOMPARE(tls.keyExchange, keyExchange);
    QCOMPARE(tls.group, group);
    QCOMPARE(tls.keyExchangeBits, bits);
    QCOMPARE(tls.dhPrime.toHex(), prime.toHex());
    if (!prime.isEmpty())
        QCOMPARE(tls.dhPrime.size(), bits / 8);
    if (established) {
        QCOMPARE(tls.chain.size(), 2);
        QVERIFY(tls.certificateVerified);
        QTRY_COMPARE(server.receivedInTls(), QByteArray("QUIT\r\n"));
    }
    QCOMPARE(server.received(), upToStartTls);
    QVERIFY(run.wallMs < timeoutMs);
}

void TestSmtpSession::certificates_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("trustTestCa");
    QTest::addColumn<bool>("verified");
    QTest::addColumn<QString>("verifyError");
    QTest::addColumn<bool>("nameMatches");

    QTest::newRow("trusted, name matches") << mxName << true << true << QString() << true;
    // The chain's trust and the name are told apart: a trusted chain for
    // another name is verified, and its name does not match.
    QTest::newRow("trusted, other name") << QStringLiteral("mx2.example.test") << true << true << QString() << false;
    QTest::newRow("unknown CA, name matches")
        << mxName << false << false << QStringLiteral("self-signed certificate in certificate chain") << true;
    QTest::newRow("IP literal in the certificate") << QStringLiteral("127.0.0.1") << true << true << QString()
                                                   << true;
    QTest::newRow("IP literal not in the certificate") << QStringLiteral("127.0.0.9") << true << true << QString()
                                                       << false;
}

void TestSmtpSession::certificates()
{
    QFETCH(QString, serverName);
    QFETCH(bool, trustTestCa);
    QFETCH(bool, verified);
    QFETCH(QString, verifyError);
    QFETCH(bool, nameMatches);

    ProbeOptions options = testOptions();
    if (!trustTestCa)
        options.extraCaCertificates.clear();
    ScriptedSmtpServer server((Script()));
    const Run run = runSession(server.port(), serverName, TlsProfile::Default, true, options);
    QCOMPARE(run.results.size(), 1);
    const TlsHandshakeResult &tls = run.result().tls;
    QVERIFY(tls.established);
    QCOMPARE(tls.certificateVerified, verified);
    QCOMPARE(tls.verifyError, verifyError);
    QCOMPARE(tls.nameMatches, nameMatches);

    const tlstest::TestPki &pki = tlstest::TestPki::instance();
    QCOMPARE(tls.chain.size(), 2);
    const CertificateInfo &leaf = tls.chain.at(0);
    QCOMPARE(leaf.subject, QStringLiteral("CN=mx1.example.test,O=MailTLS tests"));
    QCOMPARE(leaf.issuer, QStringLiteral("CN=MailTLS Test CA,O=MailTLS tests"));
    QCOMPARE(leaf.subjectAltNames, QStringList{mxName});
    QCOMPARE(leaf.der, pki.serverDer());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(qAbs(leaf.notBefore.secsTo(now) - 3600) < 60);
    QVERIFY(qAbs(now.secsTo(leaf.notAfter) - 30 * 24 * 3600) < 60);
    QCOMPARE(leaf.notAfter.timeSpec(), Qt::UTC);
    QCOMPARE(tls.chain.at(1).subject, QStringLiteral("CN=MailTLS Test CA,O=MailTLS tests"));
    QCOMPARE(tls.chain.at(1).subjectAltNames, QStringList());
}

void TestSmtpSession::cancelEndsOnceOutsideCancel()
{
    ScriptedSmtpServer server(greeting(QByteArray(), Script::Greeting::Silent));
    SmtpSession session(testOptions());
    QList<SmtpSessionResult> results;
    connect(&session, &SmtpSession::finished, this,
            [&results](const SmtpSessionResult &result) { results.append(result); });
    session.start(QHostAddress(QHostAddress::LocalHost), server.port(), mxName, TlsProfile::Default);
    QTRY_COMPARE(server.connections(), 1);
    QTest::qWait(50);
    session.cancel();
    QVERIFY(results.isEmpty());
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.at(0).outcome, SessionOutcome::Cancelled);
    QCOMPARE(results.at(0).stoppedAt, ProbeStep::Banner);
    session.cancel();
    QTest::qWait(timeoutMs + 100);
    QCOMPARE(results.size(), 1);
    QTRY_VERIFY(server.clientGone());

    // The session starts again: one more connection, one more result.
    session.start(QHostAddress(QHostAddress::LocalHost), closedPort(), mxName, TlsProfile::Default);
    QTRY_COMPARE(results.size(), 2);
    QCOMPARE(results.at(1).outcome, SessionOutcome::ConnectFailed);
}

QTEST_GUILESS_MAIN(TestSmtpSession)
#include "tst_smtpsession.moc"
