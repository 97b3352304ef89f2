#include <QSignalSpy>
#include <QTest>

#include "models/campaign/submissionclient.h"
#include "tests/models/postfixsubmissiontestutil.h"

using namespace mailtls;

namespace {

const QByteArray letter = "From: anna@ours.example\r\nTo: bob@example.test\r\nSubject: Logged in\r\n"
                          "Message-ID: <auth-test.%1@ours.example>\r\n\r\nSent after AUTH.\r\n";

} // namespace

// SubmissionClient's AUTH against a real Postfix whose SASL backend is
// Debian's Dovecot auth (tests/integration/submission_postfix.sh ADDR auth):
// port 2589 takes mail only from a logged-in client, after STARTTLS.
class TestSubmissionDovecotAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void login();
    void wrongPassword();
    void withoutLogin();

private:
    SubmissionClient::Result run(const SubmissionClient::Credentials &credentials, int letterNumber);

    std::unique_ptr<postfixsubmission::Instance> m_postfix;
    int m_delivered = 0;
};

void TestSubmissionDovecotAuth::initTestCase()
{
    const QString why = postfixsubmission::whyNot();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    if (!QFileInfo::exists(postfixsubmission::debsDir() + QStringLiteral("/dovecot/usr/sbin/dovecot")))
        QSKIP("Debian's dovecot-core is not unpacked (ctest -R debian_packages)");
    m_postfix = std::make_unique<postfixsubmission::Instance>();
    QString error;
    QVERIFY2(m_postfix->start(QStringLiteral("127.0.18.3"), &error, true), qPrintable(error));
}

void TestSubmissionDovecotAuth::cleanupTestCase()
{
    m_postfix.reset();
}

SubmissionClient::Result TestSubmissionDovecotAuth::run(const SubmissionClient::Credentials &credentials,
                                                        int letterNumber)
{
    SubmissionClient::Server s;
    s.host = QStringLiteral("127.0.18.3");
    s.port = 2589;
    s.pinnedPublicKeySha256 = SubmissionClient::parseFingerprint(m_postfix->fingerprint());
    s.timeoutMs = 20000;
    SubmissionClient client;
    QSignalSpy finished(&client, &SubmissionClient::finished);
    client.send(s, credentials,
                {QStringLiteral("anna@ours.example"), {QStringLiteral("bob@example.test")},
                 QByteArray(letter).replace("%1", QByteArray::number(letterNumber))});
    if (!finished.wait(30000) || finished.size() != 1)
        qFatal("SubmissionClient did not finish exactly once");
    return finished.at(0).at(0).value<SubmissionClient::Result>();
}

void TestSubmissionDovecotAuth::login()
{
    // Postfix offers PLAIN and LOGIN: the client takes PLAIN (LOGIN is
    // tested against a scripted server in tst_submissionclient).
    const int number = 1;
    const QByteArray mechanism = "PLAIN";
    const SubmissionClient::Result r = run({QStringLiteral("anna"), QStringLiteral("s3cret pass")}, number);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Sent);
    QVERIFY2(r.serverReply.startsWith(QStringLiteral("250 2.0.0 Ok: queued as ")), qPrintable(r.serverReply));
    ++m_delivered;
    QVERIFY2(m_postfix->waitForLetters(m_delivered), m_postfix->log().constData());
    QVERIFY(m_postfix->mailbox().contains("Message-ID: <auth-test." + QByteArray::number(number) + "@ours.example>\n"));
    const QByteArray queueId = r.serverReply.section(QLatin1Char(' '), -1).toLatin1();
    bool logged = false;
    for (int waited = 0; waited < 10000 && !logged; waited += 100) {
        logged = m_postfix->log().contains(queueId + ": client=unknown[127.0.0.1], sasl_method=" + mechanism
                                           + ", sasl_username=anna");
        if (!logged)
            QThread::msleep(100);
    }
    QVERIFY2(logged, m_postfix->log().constData());
}

void TestSubmissionDovecotAuth::wrongPassword()
{
    const QByteArray before = m_postfix->mailbox();
    const SubmissionClient::Result r = run({QStringLiteral("anna"), QStringLiteral("not the password")}, 2);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::AuthFailed);
    QCOMPARE(r.stage, SubmissionClient::Stage::Auth);
    QVERIFY2(r.serverReply.startsWith(QStringLiteral("535 5.7.8 Error: authentication failed")),
             qPrintable(r.serverReply));
    QCOMPARE(r.error, QStringLiteral("127.0.18.3:2589 refused the login of anna: ") + r.serverReply);
    QTest::qWait(500);
    QCOMPARE(m_postfix->mailbox(), before);
}

void TestSubmissionDovecotAuth::withoutLogin()
{
    const QByteArray before = m_postfix->mailbox();
    const SubmissionClient::Result r = run({}, 3);
    QCOMPARE(r.outcome, SubmissionClient::Outcome::Rejected);
    QCOMPARE(r.stage, SubmissionClient::Stage::RcptTo);
    QCOMPARE(r.serverReply, QStringLiteral("554 5.7.1 <bob@example.test>: Recipient address rejected: Access denied"));
    QTest::qWait(500);
    QCOMPARE(m_postfix->mailbox(), before);
}

QTEST_GUILESS_MAIN(TestSubmissionDovecotAuth)
#include "tst_submissiondovecotauth.moc"
