#include <QSignalSpy>
#include <QTest>

#include "models/campaign/submissionclient.h"
#include "tests/models/postfixsubmissiontestutil.h"

using namespace mailtls;

namespace {

const QByteArray letter = "From: Anna Schmidt <anna@ours.example>\r\nTo: bob@example.test\r\n"
                          "Subject: Encryption between us\r\nMessage-ID: <postfix-test.1@ours.example>\r\n"
                          "\r\nHello Bob,\r\n.a line with a dot\r\nAnna\r\n";

SubmissionClient::Result run(const SubmissionClient::Server &server)
{
    SubmissionClient client;
    QSignalSpy finished(&client, &SubmissionClient::finished);
    client.send(server, {}, {QStringLiteral("anna@ours.example"), {QStringLiteral("bob@example.test")}, letter});
    if (!finished.wait(30000) || finished.size() != 1)
        qFatal("SubmissionClient did not finish exactly once");
    return finished.at(0).at(0).value<SubmissionClient::Result>();
}

} // namespace

// SubmissionClient against a real Postfix submission server on loopback.
class TestSubmissionPostfix final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startTlsDelivers();
    void implicitTlsDelivers();
    void noStartTlsRefused();
    void untrustedRefused();

private:
    SubmissionClient::Server server(quint16 port) const;

    std::unique_ptr<postfixsubmission::Instance> m_postfix;
    int m_delivered = 0;
};

void TestSubmissionPostfix::initTestCase()
{
    const QString why = postfixsubmission::whyNot();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    m_postfix = std::make_unique<postfixsubmission::Instance>();
    QString error;
    QVERIFY2(m_postfix->start(QStringLiteral("127.0.18.1"), &error), qPrintable(error));
}

void TestSubmissionPostfix::cleanupTestCase()
{
    m_postfix.reset();
}

SubmissionClient::Server TestSubmissionPostfix::server(quint16 port) const
{
    SubmissionClient::Server s;
    s.host = QStringLiteral("127.0.18.1");
    s.port = port;
    s.security = port == 2465 ? SubmissionClient::Security::ImplicitTls : SubmissionClient::Security::StartTls;
    s.pinnedPublicKeySha256 = SubmissionClient::parseFingerprint(m_postfix->fingerprint());
    s.timeoutMs = 20000;
    return s;
}

void TestSubmissionPostfix::startTlsDelivers()
{
    const SubmissionClient::Result r = run(server(2587));
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QVERIFY2(r.serverReply.startsWith(QStringLiteral("250 2.0.0 Ok: queued as ")), qPrintable(r.serverReply));
    ++m_delivered;
    QVERIFY2(m_postfix->waitForLetters(m_delivered), m_postfix->log().constData());
    const QByteArray mailbox = m_postfix->mailbox();
    QVERIFY(mailbox.startsWith("From anna@ours.example "));
    // Postfix's virtual delivery writes LF line ends; the dot is one again.
    QVERIFY(mailbox.contains("Message-ID: <postfix-test.1@ours.example>\n"));
    QVERIFY(mailbox.contains("\n\nHello Bob,\n.a line with a dot\nAnna\n"));
    // It came in over TLS on the submission listener.
    const QByteArray log = m_postfix->log();
    QVERIFY2(log.contains("postfix/submission/smtpd"), log.constData());
    QVERIFY2(log.contains("Anonymous TLS connection established from unknown[127.0.0.1]")
                 || log.contains("TLS connection established from unknown[127.0.0.1]"),
             log.constData());
}

void TestSubmissionPostfix::implicitTlsDelivers()
{
    const SubmissionClient::Result r = run(server(2465));
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QVERIFY2(r.serverReply.startsWith(QStringLiteral("250 2.0.0 Ok: queued as ")), qPrintable(r.serverReply));
    ++m_delivered;
    QVERIFY2(m_postfix->waitForLetters(m_delivered), m_postfix->log().constData());
    QVERIFY(m_postfix->log().contains("postfix/submissions/smtpd"));
}

void TestSubmissionPostfix::noStartTlsRefused()
{
    const QByteArray before = m_postfix->mailbox();
    const SubmissionClient::Result r = run(server(2588));
    QCOMPARE(r.outcome, SubmissionClient::Outcome::NoStartTls);
    QCOMPARE(r.stage, SubmissionClient::Stage::Ehlo);
    QVERIFY2(r.error.startsWith(QStringLiteral("127.0.18.1:2588 does not offer STARTTLS")), qPrintable(r.error));
    QVERIFY(!r.serverReply.contains(QStringLiteral("STARTTLS")));
    // Postfix's disconnect line says what the client did: EHLO, then
    // libcurl hung up (no QUIT): no MAIL, no RCPT, no DATA, no AUTH.
    QByteArray line;
    for (int waited = 0; waited < 10000 && line.isEmpty(); waited += 100) {
        for (const QByteArray &l : m_postfix->log().split('\n')) {
            if (l.contains("postfix/plain/smtpd") && l.contains(" disconnect from "))
                line = l;
        }
        QThread::msleep(100);
    }
    QVERIFY2(line.endsWith(" ehlo=1 commands=1"), line.constData());
    QTest::qWait(500);
    QCOMPARE(m_postfix->mailbox(), before);
}

void TestSubmissionPostfix::untrustedRefused()
{
    // Without the fingerprint, the home server's certificate is nobody's.
    SubmissionClient::Server s = server(2587);
    s.pinnedPublicKeySha256.clear();
    const QByteArray before = m_postfix->mailbox();
    const SubmissionClient::Result r = run(s);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::TlsFailed);
    QVERIFY2(r.error.contains(QStringLiteral("self signed"), Qt::CaseInsensitive)
                 || r.error.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
             qPrintable(r.error));
    QTest::qWait(500);
    QCOMPARE(m_postfix->mailbox(), before);
}

QTEST_GUILESS_MAIN(TestSubmissionPostfix)
#include "tst_submissionpostfix.moc"
