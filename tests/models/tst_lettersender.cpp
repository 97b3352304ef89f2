#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "models/campaign/lettersender.h"
#include "tests/models/submissiontestserver.h"

using namespace mailtls;
using namespace submissiontest;

namespace {

SubmissionClient::Server serverFor(const Server &server)
{
    SubmissionClient::Server s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = server.port();
    s.verifyName = QStringLiteral("mx1.example.test");
    s.caCertificates = {tlstest::TestPki::instance().caCertificate()};
    s.timeoutMs = 10000;
    return s;
}

QList<CampaignLetter> letters(int count)
{
    QList<CampaignLetter> out;
    for (int i = 0; i < count; ++i) {
        CampaignLetter l;
        l.campaignId = 7;
        l.peer = QStringLiteral("mx1.example.test");
        l.recipient = QStringLiteral("user%1@example.test").arg(i);
        l.language = QStringLiteral("en");
        l.subject = QStringLiteral("Letter %1").arg(i);
        l.message = "Subject: Letter " + QByteArray::number(i) + "\r\n\r\nText " + QByteArray::number(i) + "\r\n";
        out.append(l);
    }
    return out;
}

struct Recorded
{
    QList<CampaignLetter> letters;
    bool fail = false;
};

LetterSender::Recorder recorderInto(Recorded *recorded)
{
    return [recorded](CampaignLetter *letter, QString *error) {
        if (recorded->fail) {
            *error = QStringLiteral("the store is read-only");
            return false;
        }
        letter->id = recorded->letters.size() + 100;
        recorded->letters.append(*letter);
        return true;
    };
}

} // namespace

class TestLetterSender final : public QObject
{
    Q_OBJECT

private slots:
    void sendsAndRecords();
    void rateLimit();
    void refusedLetterGoesOn();
    void noStartTlsStops();
    void recordFailure();
    void cancel();
    void nothingWithoutStart();
};

void TestLetterSender::sendsAndRecords()
{
    Server server({});
    Recorded recorded;
    LetterSender sender;
    sender.setServer(serverFor(server));
    sender.setRecorder(recorderInto(&recorded));
    sender.setClock([] { return qint64(1795000000); });
    QSignalSpy sent(&sender, &LetterSender::letterSent);
    QSignalSpy finished(&sender, &LetterSender::finished);
    sender.start(letters(2), QStringLiteral("anna@ours.example"));
    QVERIFY(sender.isBusy());
    QCOMPARE(server.connections(), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0), (QList<QVariant>{2, 0, 0}));
    QVERIFY(!sender.isBusy());
    QCOMPARE(sent.size(), 2);
    QCOMPARE(recorded.letters.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const CampaignLetter &l = recorded.letters.at(i);
        QCOMPARE(l.recipient, QStringLiteral("user%1@example.test").arg(i));
        QCOMPARE(l.delivery, QStringLiteral("smtp"));
        QCOMPARE(l.at, qint64(1795000000));
        QCOMPARE(l.serverReply, QStringLiteral("250 2.0.0 Ok: queued as 4F2B1C"));
        QCOMPARE(l.campaignId, qint64(7));
        QCOMPARE(sent.at(i).at(0).toInt(), i);
        QCOMPARE(sent.at(i).at(1).value<CampaignLetter>().id, qint64(100 + i));
        QCOMPARE(sent.at(i).at(2).toString(), QString());
    }
    QCOMPARE(server.connections(), 2);
    QCOMPARE(server.data(), QByteArray("Subject: Letter 0\r\n\r\nText 0\r\nSubject: Letter 1\r\n\r\nText 1\r\n"));
    QVERIFY(server.inTls().contains("MAIL FROM:<anna@ours.example>\r\nRCPT TO:<user1@example.test>\r\n"));
}

void TestLetterSender::rateLimit()
{
    Server server({});
    LetterSender sender;
    sender.setServer(serverFor(server));
    sender.setRate(2, 1500);
    QSignalSpy started(&sender, &LetterSender::letterStarted);
    QSignalSpy finished(&sender, &LetterSender::finished);
    QElapsedTimer clock;
    clock.start();
    QList<qint64> times;
    connect(&sender, &LetterSender::letterStarted, this, [&] { times.append(clock.elapsed()); });
    sender.start(letters(5), QStringLiteral("anna@ours.example"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0), (QList<QVariant>{5, 0, 0}));
    QCOMPARE(times.size(), 5);
    // Never three within 1.5 s. The times here are read a moment after the
    // sender's own (a busy machine may run another process in between), so a
    // start can be seen up to Late ms after it was counted, never before.
    const qint64 Late = 25;
    for (int i = 2; i < 5; ++i) {
        const qint64 gap = times.at(i) - times.at(i - 2);
        QVERIFY2(gap >= 1500 - Late, qPrintable(QString::number(gap)));
    }
    // And the third did not wait for more than the window.
    QVERIFY2(times.at(2) - times.at(0) < 2500, qPrintable(QString::number(times.at(2) - times.at(0))));
    // The first two did not wait.
    QVERIFY2(times.at(1) < 1000, qPrintable(QString::number(times.at(1))));
}

void TestLetterSender::refusedLetterGoesOn()
{
    Script script;
    script.rejectRecipient = true;
    Server server(script);
    Recorded recorded;
    LetterSender sender;
    sender.setServer(serverFor(server));
    sender.setRecorder(recorderInto(&recorded));
    QSignalSpy failed(&sender, &LetterSender::letterFailed);
    QSignalSpy finished(&sender, &LetterSender::finished);
    sender.start(letters(3), QStringLiteral("anna@ours.example"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0), (QList<QVariant>{0, 3, 0}));
    QCOMPARE(failed.size(), 3);
    QCOMPARE(failed.at(2).at(1).value<SubmissionClient::Result>().stage, SubmissionClient::Stage::RcptTo);
    QCOMPARE(recorded.letters.size(), 0);
    QCOMPARE(server.connections(), 3);
}

void TestLetterSender::noStartTlsStops()
{
    Script script;
    script.offerStartTls = false;
    Server server(script);
    Recorded recorded;
    LetterSender sender;
    sender.setServer(serverFor(server));
    sender.setCredentials({QStringLiteral("anna"), QStringLiteral("s3cret pass")});
    sender.setRecorder(recorderInto(&recorded));
    QSignalSpy failed(&sender, &LetterSender::letterFailed);
    QSignalSpy finished(&sender, &LetterSender::finished);
    sender.start(letters(3), QStringLiteral("anna@ours.example"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0), (QList<QVariant>{0, 1, 2}));
    QCOMPARE(failed.at(0).at(1).value<SubmissionClient::Result>().outcome, SubmissionClient::Outcome::NoStartTls);
    QCOMPARE(recorded.letters.size(), 0);
    QCOMPARE(server.connections(), 1);
    QCOMPARE(server.data(), QByteArray());
    QCOMPARE(server.authMechanism(), QByteArray());
}

void TestLetterSender::recordFailure()
{
    Server server({});
    Recorded recorded;
    recorded.fail = true;
    LetterSender sender;
    sender.setServer(serverFor(server));
    sender.setRecorder(recorderInto(&recorded));
    QSignalSpy sent(&sender, &LetterSender::letterSent);
    QSignalSpy finished(&sender, &LetterSender::finished);
    sender.start(letters(1), QStringLiteral("anna@ours.example"));
    QVERIFY(finished.wait(20000));
    // Sent is sent: the batch says so, and why it is not in the store.
    QCOMPARE(finished.at(0), (QList<QVariant>{1, 0, 0}));
    QCOMPARE(sent.at(0).at(2).toString(), QStringLiteral("the store is read-only"));
}

void TestLetterSender::cancel()
{
    Script script;
    script.silentAfter = "DATA";
    Server server(script);
    LetterSender sender;
    sender.setServer(serverFor(server));
    QSignalSpy failed(&sender, &LetterSender::letterFailed);
    QSignalSpy finished(&sender, &LetterSender::finished);
    connect(&sender, &LetterSender::letterStarted, this, [&sender](int) {
        QTimer::singleShot(300, &sender, [&sender] { sender.cancel(); });
    });
    sender.start(letters(3), QStringLiteral("anna@ours.example"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0), (QList<QVariant>{0, 1, 2}));
    QCOMPARE(failed.at(0).at(1).value<SubmissionClient::Result>().outcome, SubmissionClient::Outcome::Cancelled);
    QCOMPARE(server.connections(), 1);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestLetterSender::nothingWithoutStart()
{
    Server server({});
    {
        LetterSender sender;
        sender.setServer(serverFor(server));
        sender.setRate(100);
        QTest::qWait(200);
        sender.cancel();
    }
    QCOMPARE(server.connections(), 0);
}

QTEST_GUILESS_MAIN(TestLetterSender)
#include "tst_lettersender.moc"
