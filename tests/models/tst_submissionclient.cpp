#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

#include "models/campaign/submissionclient.h"
#include "tests/models/submissiontestserver.h"

using namespace mailtls;
using namespace submissiontest;

namespace {

const QByteArray letter = "From: anna@ours.example\r\nTo: bob@example.test\r\nSubject: Hi\r\n\r\n"
                          "Hello,\r\n.a line with a dot\r\n.\r\nend\r\n";
// As DATA carries it: dots doubled at a line's start.
const QByteArray stuffed = "From: anna@ours.example\r\nTo: bob@example.test\r\nSubject: Hi\r\n\r\n"
                           "Hello,\r\n..a line with a dot\r\n..\r\nend\r\n";

SubmissionClient::Server serverFor(const Server &server, bool implicitTls = false)
{
    SubmissionClient::Server s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.security = implicitTls ? SubmissionClient::Security::ImplicitTls : SubmissionClient::Security::StartTls;
    s.verifyName = QStringLiteral("mx1.example.test");
    s.caCertificates = {tlstest::TestPki::instance().caCertificate()};
    s.timeoutMs = 10000;
    return s;
}

SubmissionClient::Message message()
{
    return {QStringLiteral("anna@ours.example"), {QStringLiteral("bob@example.test")}, letter};
}

// Runs one send() to its end.
SubmissionClient::Result run(const SubmissionClient::Server &server,
                             const SubmissionClient::Credentials &credentials = {},
                             const SubmissionClient::Message &m = message())
{
    SubmissionClient client;
    QSignalSpy finished(&client, &SubmissionClient::finished);
    client.send(server, credentials, m);
    if (!finished.wait(20000) || finished.size() != 1)
        qFatal("SubmissionClient did not finish exactly once");
    // Nothing more comes afterwards.
    QTest::qWait(50);
    if (finished.size() != 1)
        qFatal("SubmissionClient finished twice");
    return finished.at(0).at(0).value<SubmissionClient::Result>();
}

} // namespace

class TestSubmissionClient final : public QObject
{
    Q_OBJECT

private slots:
    void startTls();
    void implicitTls();
    void noStartTls();
    void auth_data();
    void auth();
    void authWithoutMechanism();
    void injectionDiscarded();
    void untrustedCertificate();
    void pinnedCertificate();
    void wrongPin();
    void rejectedRecipient();
    void timeouts_data();
    void timeouts();
    void cancel();
    void connectRefused();
    void invalid_data();
    void invalid();
    void fingerprint_data();
    void fingerprint();
    void passwordKey();
};

void TestSubmissionClient::startTls()
{
    Server server({});
    const SubmissionClient::Result r = run(serverFor(server));
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QCOMPARE(r.error, QString());
    QCOMPARE(r.serverReply, QStringLiteral("250 2.0.0 Ok: queued as 4F2B1C"));
    QVERIFY(!r.maybeSent);
    QCOMPARE(server.plaintext(), QByteArray("EHLO [127.0.0.1]\r\nSTARTTLS\r\n"));
    QCOMPARE(server.inTls(),
             "EHLO [127.0.0.1]\r\nMAIL FROM:<anna@ours.example>\r\nRCPT TO:<bob@example.test>\r\n"
             "DATA\r\n"
                 + stuffed + ".\r\nQUIT\r\n");
    QCOMPARE(server.data(), stuffed);
    QCOMPARE(server.authMechanism(), QByteArray());
}

void TestSubmissionClient::implicitTls()
{
    Script script;
    script.implicitTls = true;
    Server server(script);
    const SubmissionClient::Result r
        = run(serverFor(server, true), {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QCOMPARE(server.plaintext(), QByteArray());
    QVERIFY(server.inTls().startsWith("EHLO [127.0.0.1]\r\nAUTH PLAIN\r\n"));
    QCOMPARE(server.data(), stuffed);
}

void TestSubmissionClient::noStartTls()
{
    Script script;
    script.offerStartTls = false;
    Server server(script);
    const SubmissionClient::Result r = run(serverFor(server), {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::NoStartTls);
    QCOMPARE(r.stage, SubmissionClient::Stage::Ehlo);
    QCOMPARE(r.error,
             QStringLiteral("127.0.0.1:%1 does not offer STARTTLS, so the connection cannot be encrypted: "
                            "nothing was sent (no password, no letter). Use the server's port 465 if it "
                            "takes TLS there, or switch STARTTLS on in the server.")
                 .arg(server.port()));
    QCOMPARE(r.serverReply,
             QStringLiteral("250-submission.example.test\n250-PIPELINING\n250-SIZE 10240000\n"
                            "250-AUTH PLAIN LOGIN\n250 8BITMIME"));
    QVERIFY(!r.maybeSent);
    // The server offered AUTH in plaintext: the client did not take it, and
    // said nothing more (libcurl drops the connection without QUIT).
    QTest::qWait(200);
    QCOMPARE(server.plaintext(), QByteArray("EHLO [127.0.0.1]\r\n"));
    QCOMPARE(server.inTls(), QByteArray());
    QCOMPARE(server.authMechanism(), QByteArray());
}

void TestSubmissionClient::auth_data()
{
    QTest::addColumn<QByteArray>("mechanisms");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QByteArray>("used");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("reply");
    QTest::newRow("PLAIN first") << QByteArray("LOGIN PLAIN") << QStringLiteral("s3cret pass") << QByteArray("PLAIN")
                                 << int(SubmissionClient::Outcome::Sent)
                                 << QStringLiteral("250 2.0.0 Ok: queued as 4F2B1C");
    QTest::newRow("LOGIN") << QByteArray("CRAM-MD5 LOGIN") << QStringLiteral("s3cret pass") << QByteArray("LOGIN")
                           << int(SubmissionClient::Outcome::Sent) << QStringLiteral("250 2.0.0 Ok: queued as 4F2B1C");
    QTest::newRow("wrong password, PLAIN")
        << QByteArray("PLAIN") << QStringLiteral("wrong") << QByteArray("PLAIN")
        << int(SubmissionClient::Outcome::AuthFailed)
        << QStringLiteral("535 5.7.8 Error: authentication failed: authentication failure");
    QTest::newRow("wrong password, LOGIN")
        << QByteArray("LOGIN") << QStringLiteral("wrong") << QByteArray("LOGIN")
        << int(SubmissionClient::Outcome::AuthFailed)
        << QStringLiteral("535 5.7.8 Error: authentication failed: authentication failure");
}

void TestSubmissionClient::auth()
{
    QFETCH(QByteArray, mechanisms);
    QFETCH(QString, password);
    QFETCH(QByteArray, used);
    QFETCH(int, outcome);
    QFETCH(QString, reply);
    Script script;
    script.authMechanisms = mechanisms;
    Server server(script);
    const SubmissionClient::Result r = run(serverFor(server), {QStringLiteral("anna"), password});
    QCOMPARE(int(r.outcome), outcome);
    QCOMPARE(r.serverReply, reply);
    QCOMPARE(server.authMechanism(), used);
    QCOMPARE(server.authUser(), QByteArray("anna"));
    QCOMPARE(server.authPassword(), password.toUtf8());
    // Credentials only inside TLS.
    QCOMPARE(server.plaintext(), QByteArray("EHLO [127.0.0.1]\r\nSTARTTLS\r\n"));
    if (r.outcome == SubmissionClient::Outcome::AuthFailed) {
        QCOMPARE(r.stage, SubmissionClient::Stage::Auth);
        QCOMPARE(r.error, QStringLiteral("127.0.0.1:%1 refused the login of anna: %2").arg(server.port()).arg(reply));
        QCOMPARE(server.data(), QByteArray());
        QVERIFY(!server.inTls().contains("MAIL FROM"));
    } else {
        QCOMPARE(server.data(), stuffed);
    }
}

void TestSubmissionClient::authWithoutMechanism()
{
    Script script;
    script.authMechanisms = "CRAM-MD5 SCRAM-SHA-256";
    Server server(script);
    SubmissionClient::Result r = run(serverFor(server), {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::AuthFailed);
    QCOMPARE(r.error,
             QStringLiteral("127.0.0.1:%1 offers no login MailTLS can use (PLAIN or LOGIN); it offers "
                            "CRAM-MD5 SCRAM-SHA-256")
                 .arg(server.port()));
    QCOMPARE(server.authMechanism(), QByteArray());

    Script none;
    none.authMechanisms.clear();
    Server plain(none);
    r = run(serverFor(plain), {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::AuthFailed);
    QCOMPARE(r.error,
             QStringLiteral("127.0.0.1:%1 offers no login (AUTH) after STARTTLS; send without a user name "
                            "if it takes mail from you without one")
                 .arg(plain.port()));
    QCOMPARE(plain.data(), QByteArray());
}

void TestSubmissionClient::injectionDiscarded()
{
    Script script;
    script.injectAfterStartTls = "250 injected: take this as the EHLO reply";
    Server server(script);
    const SubmissionClient::Result r = run(serverFor(server), {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    // libcurl does not read past the 220: it refuses the connection.
    QCOMPARE(r.outcome, SubmissionClient::Outcome::TlsFailed);
    QCOMPARE(r.stage, SubmissionClient::Stage::Handshake);
    QCOMPARE(r.error,
             QStringLiteral("127.0.0.1:%1 sent more than its reply to STARTTLS before the TLS handshake "
                            "(someone on the way may have injected it): nothing was sent")
                 .arg(server.port()));
    QCOMPARE(server.plaintext(), QByteArray("EHLO [127.0.0.1]\r\nSTARTTLS\r\n"));
    QCOMPARE(server.inTls(), QByteArray());
    QCOMPARE(server.authMechanism(), QByteArray());
    QCOMPARE(server.data(), QByteArray());
}

void TestSubmissionClient::untrustedCertificate()
{
    Server server({});
    SubmissionClient::Server s = serverFor(server);
    s.caCertificates.clear();
    const SubmissionClient::Result r = run(s, {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::TlsFailed);
    QCOMPARE(r.stage, SubmissionClient::Stage::Handshake);
    QCOMPARE(r.error,
             QStringLiteral("the TLS handshake with 127.0.0.1:%1 failed: SSL certificate problem: unable "
                            "to get local issuer certificate")
                 .arg(server.port()));
    QCOMPARE(server.authMechanism(), QByteArray());
    QCOMPARE(server.data(), QByteArray());
    QVERIFY(!server.inTls().contains("AUTH"));

    // A trusted certificate for another name.
    s = serverFor(server);
    s.verifyName = QStringLiteral("submission.other.test");
    Server second({});
    s.port = second.port();
    const SubmissionClient::Result named = run(s);
    QCOMPARE(named.outcome, SubmissionClient::Outcome::TlsFailed);
    QCOMPARE(named.error,
             QStringLiteral("the TLS handshake with 127.0.0.1:%1 failed: SSL: no alternative "
                            "certificate subject name matches target host name 'submission.other.test'")
                 .arg(second.port()));
    QCOMPARE(second.data(), QByteArray());
}

void TestSubmissionClient::pinnedCertificate()
{
    Server server({});
    SubmissionClient::Server s = serverFor(server);
    s.caCertificates.clear();
    s.verifyName = QStringLiteral("home.server.test");
    s.pinnedPublicKeySha256 = SubmissionClient::publicKeySha256(serverCertificate());
    const SubmissionClient::Result r = run(s, {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QCOMPARE(server.data(), stuffed);
}

void TestSubmissionClient::wrongPin()
{
    Server server({});
    SubmissionClient::Server s = serverFor(server); // trusted through the CA, and the name matches
    s.pinnedPublicKeySha256 = QByteArray(32, '\x11');
    const SubmissionClient::Result r = run(s, {QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    QCOMPARE(r.outcome, SubmissionClient::Outcome::TlsFailed);
    QCOMPARE(r.stage, SubmissionClient::Stage::Handshake);
    const QString actual
        = QString::fromLatin1(SubmissionClient::publicKeySha256(serverCertificate()).toHex(':')).toUpper();
    QCOMPARE(r.error,
             QStringLiteral("the certificate of 127.0.0.1:%1 is not the one to trust: the SHA-256 digest "
                            "of its public key is %2, not %3")
                 .arg(server.port())
                 .arg(actual, QString::fromLatin1(QByteArray(32, '\x11').toHex(':')).toUpper()));
    QCOMPARE(server.authMechanism(), QByteArray());
    QCOMPARE(server.data(), QByteArray());
}

void TestSubmissionClient::rejectedRecipient()
{
    Script script;
    script.rejectRecipient = true;
    Server server(script);
    const SubmissionClient::Result r = run(serverFor(server));
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Rejected);
    QCOMPARE(r.stage, SubmissionClient::Stage::RcptTo);
    QCOMPARE(r.serverReply, QStringLiteral("550 5.1.1 <nobody@example.test>: Recipient address rejected"));
    QCOMPARE(r.error,
             QStringLiteral("127.0.0.1:%1 refused the recipient bob@example.test: 550 5.1.1 "
                            "<nobody@example.test>: Recipient address rejected")
                 .arg(server.port()));
    QCOMPARE(server.data(), QByteArray());
    QTRY_VERIFY(server.inTls().endsWith("RCPT TO:<bob@example.test>\r\nQUIT\r\n"));
}

void TestSubmissionClient::timeouts_data()
{
    QTest::addColumn<QByteArray>("silentAfter");
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("maybeSent");
    QTest::addColumn<QString>("error");
    QTest::newRow("EHLO") << QByteArray("EHLO") << int(SubmissionClient::Stage::Ehlo) << false
                          << QStringLiteral("%1 did not answer within 0.3 s during EHLO");
    QTest::newRow("MAIL") << QByteArray("MAIL") << int(SubmissionClient::Stage::MailFrom) << false
                          << QStringLiteral("%1 did not answer within 0.3 s during MAIL FROM");
    QTest::newRow("end of the message") << QByteArray(".") << int(SubmissionClient::Stage::Message) << true
                                        << QStringLiteral("%1 did not confirm the letter within 0.3 s: it may have "
                                                          "been sent");
}

void TestSubmissionClient::timeouts()
{
    QFETCH(QByteArray, silentAfter);
    QFETCH(int, stage);
    QFETCH(bool, maybeSent);
    QFETCH(QString, error);
    Script script;
    script.silentAfter = silentAfter;
    Server server(script);
    SubmissionClient::Server s = serverFor(server);
    s.timeoutMs = 300;
    const SubmissionClient::Result r = run(s);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::TimedOut);
    QCOMPARE(int(r.stage), stage);
    QCOMPARE(r.maybeSent, maybeSent);
    QCOMPARE(r.error, error.arg(QStringLiteral("127.0.0.1:%1").arg(server.port())));
}

void TestSubmissionClient::cancel()
{
    Script script;
    script.silentAfter = "MAIL";
    Server server(script);
    SubmissionClient client;
    QSignalSpy finished(&client, &SubmissionClient::finished);
    QSignalSpy stages(&client, &SubmissionClient::stageChanged);
    client.send(serverFor(server), {}, message());
    QVERIFY(client.isBusy());
    QTRY_VERIFY(!stages.isEmpty()
                && stages.last().at(0).value<SubmissionClient::Stage>() == SubmissionClient::Stage::MailFrom);
    client.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!client.isBusy());
    const auto r = finished.at(0).at(0).value<SubmissionClient::Result>();
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Cancelled);
    QCOMPARE(r.stage, SubmissionClient::Stage::MailFrom);
    QCOMPARE(r.error, QStringLiteral("cancelled during MAIL FROM"));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(server.data(), QByteArray());

    // The client can send again.
    Server next({});
    client.send(serverFor(next), {}, message());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(finished.at(1).at(0).value<SubmissionClient::Result>().outcome, SubmissionClient::Outcome::Sent);
}

void TestSubmissionClient::connectRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
        port = probe.serverPort();
    }
    SubmissionClient::Server s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    const SubmissionClient::Result r = run(s);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::ConnectFailed);
    QCOMPARE(r.stage, SubmissionClient::Stage::Connect);
    QCOMPARE(r.error, QStringLiteral("cannot connect to 127.0.0.1:%1: Connection refused").arg(port));
}

void TestSubmissionClient::invalid_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QString>("error");
    const QString ok = QStringLiteral("anna@ours.example");
    const QStringList to {QStringLiteral("bob@example.test")};
    QTest::newRow("no server") << QString() << ok << to << QByteArray() << QStringLiteral("no submission server given");
    QTest::newRow("sender with a line break")
        << QStringLiteral("127.0.0.1") << QStringLiteral("anna@ours.example>\r\nRCPT TO:<eve@example.test") << to
        << QByteArray()
        << QStringLiteral("the sender \"anna@ours.example>\r\nRCPT TO:<eve@example.test\" is not a plain address");
    QTest::newRow("no recipient") << QStringLiteral("127.0.0.1") << ok << QStringList() << QByteArray()
                                  << QStringLiteral("the letter has no recipient");
    QTest::newRow("bad recipient") << QStringLiteral("127.0.0.1") << ok << QStringList {QStringLiteral("bob")}
                                   << QByteArray() << QStringLiteral("the recipient \"bob\" is not a plain address");
    QTest::newRow("short pin") << QStringLiteral("127.0.0.1") << ok << to << QByteArray(20, 'x')
                               << QStringLiteral("the public key to trust is not given as its SHA-256 digest");
}

void TestSubmissionClient::invalid()
{
    QFETCH(QString, host);
    QFETCH(QString, from);
    QFETCH(QStringList, to);
    QFETCH(QByteArray, pin);
    QFETCH(QString, error);
    SubmissionClient client;
    QSignalSpy finished(&client, &SubmissionClient::finished);
    SubmissionClient::Server s;
    s.host = host;
    s.pinnedPublicKeySha256 = pin;
    client.send(s, {}, {from, to, letter});
    // Never from inside send().
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(1000));
    const auto r = finished.at(0).at(0).value<SubmissionClient::Result>();
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Invalid);
    QCOMPARE(r.error, error);
}

void TestSubmissionClient::fingerprint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("digest");
    const QByteArray digest = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    QTest::newRow("plain hex") << QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
                               << digest;
    QTest::newRow("colons, upper case") << QStringLiteral(
        " 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:"
        "EE:FF ") << digest;
    QTest::newRow("libcurl's pin") << QStringLiteral("sha256//ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=") << digest;
    QTest::newRow("libcurl's pin, short") << QStringLiteral("sha256//ABEiM0RVZneImaq7zN3u/w==") << QByteArray();
    QTest::newRow("too short") << QStringLiteral("0011") << QByteArray();
    QTest::newRow("not hex") << QStringLiteral("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
                             << QByteArray();
}

void TestSubmissionClient::fingerprint()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, digest);
    QCOMPARE(SubmissionClient::parseFingerprint(text), digest);
}

void TestSubmissionClient::passwordKey()
{
    QCOMPARE(SubmissionClient::passwordKey(QStringLiteral("anna"), QStringLiteral("smtp.ours.example"), 587),
             QStringLiteral("submission-password:anna@smtp.ours.example:587"));
}

QTEST_GUILESS_MAIN(TestSubmissionClient)
#include "tst_submissionclient.moc"
