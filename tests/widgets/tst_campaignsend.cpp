// Sending a campaign's letters from the Send dialog through a submission
// server on 127.0.19.7 (STARTTLS with the test PKI's certificate, AUTH): the
// confirmation names every recipient, nothing goes out before it, the letter
// arrives as written, is recorded as sent with the server's reply, and the
// password is kept in the keychain when asked.

#include <memory>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "tests/models/fakesecretstore.h"
#include "tests/models/submissiontestserver.h"
#include "widgets/campaign/campaignsenddialog.h"

using namespace mailtls;

namespace {

constexpr qint64 Hour = 3600;
const qint64 Start = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();

QAbstractButton *buttonOf(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *button : box->buttons())
        if (box->buttonRole(button) == role)
            return button;
    return nullptr;
}

} // namespace

class TestCampaignSend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sendsAfterConfirmation();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    qint64 m_campaign = 0;
};

void TestCampaignSend::init()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    QString error;
    {
        TrafficStore store(m_store);
        QVERIFY2(store.open(&error), qPrintable(error));
    }
    CampaignStore store(m_store);
    QVERIFY2(store.open(&error), qPrintable(error));
    Campaign c;
    c.name = QStringLiteral("Spring");
    c.created = Start;
    c.mta = QStringLiteral("postfix");
    c.outbound = true;
    c.windowStart = Start;
    c.windowEnd = Start + 24 * Hour;
    c.endedAt = c.windowEnd;
    c.endedBy = QStringLiteral("app");
    QVERIFY2(store.create(&c, &error), qPrintable(error));
    m_campaign = c.id;
    CampaignPeer p;
    p.peer = QStringLiteral("mx.beta.example");
    p.direction = Direction::Outbound;
    p.problem = QStringLiteral("not-offered");
    p.reason = QStringLiteral("TLS is required, but was not offered by host mx.beta.example[198.51.100.5]");
    p.failures = 2;
    p.messages = 1;
    p.firstSeen = Start + Hour;
    p.lastSeen = Start + 2 * Hour;
    p.ourAddresses = {QStringLiteral("bob@our.test")};
    p.theirAddresses = {QStringLiteral("carol@beta.example")};
    QVERIFY2(store.replacePeers(c.id, {p}, Start + 25 * Hour, &error), qPrintable(error));
}

void TestCampaignSend::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

void TestCampaignSend::sendsAfterConfirmation()
{
    submissiontest::Server server({});
    server.close();
    QVERIFY(server.listen(QHostAddress(QStringLiteral("127.0.19.7")), 0));

    LetterBatch::Options options;
    options.from = MailAddress {QStringLiteral("Bob"), QStringLiteral("bob@our.test")};
    options.date = QDateTime(QDate(2026, 11, 21), QTime(9, 30), Qt::UTC);
    const LetterBatch::Result batch = LetterBatch::prepare(m_store, m_campaign, options);
    QVERIFY2(batch.error.isEmpty(), qPrintable(batch.error));
    QCOMPARE(batch.letters.size(), 1);

    FakeSecretStore secrets;
    CampaignSendDialog dialog(m_store, batch.letters, QStringLiteral("bob@our.test"), &secrets);
    dialog.setTrust({tlstest::TestPki::instance().caCertificate()}, QStringLiteral("mx1.example.test"));
    dialog.show();
    QCOMPARE(dialog.port()->value(), 587);
    dialog.host()->setText(QStringLiteral("127.0.19.7"));
    dialog.port()->setValue(server.port());
    dialog.user()->setText(QStringLiteral("anna"));
    dialog.password()->setText(QStringLiteral("s3cret pass"));
    dialog.remember()->setChecked(true);
    dialog.rate()->setValue(5);

    // Cancelled: nothing goes out.
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    auto *box = qobject_cast<QMessageBox *>(dialog.confirmation());
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Send 1 letter(s) through 127.0.19.7 to: carol@beta.example?"));
    buttonOf(box, QMessageBox::RejectRole)->click();
    QTRY_VERIFY(!dialog.confirmation());
    QTest::qWait(100);
    QCOMPARE(server.connections(), 0);

    QSignalSpy finished(&dialog, &CampaignSendDialog::sendFinished);
    QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
    box = qobject_cast<QMessageBox *>(dialog.confirmation());
    QVERIFY(box);
    buttonOf(box, QMessageBox::AcceptRole)->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 0);
    QCOMPARE(finished.at(0).at(2).toInt(), 0);
    QCOMPARE(dialog.status()->text(), QStringLiteral("1 sent, 0 not sent, 0 not tried."));
    QCOMPARE(dialog.progress()->value(), 1);
    QCOMPARE(server.authUser(), QByteArray("anna"));
    QVERIFY(server.data().contains("To: carol@beta.example"));

    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    const QList<CampaignLetter> records = store.letters(m_campaign, &error);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).delivery, QStringLiteral("smtp"));
    QCOMPARE(records.at(0).peer, QStringLiteral("mx.beta.example"));
    QCOMPARE(records.at(0).recipient, QStringLiteral("carol@beta.example"));
    QCOMPARE(records.at(0).message, batch.letters.at(0).letter.message);
    QVERIFY(!records.at(0).serverReply.isEmpty());

    QTRY_COMPARE(secrets.secrets.value(
                     SecretStore::passwordKey(QStringLiteral("anna"), QStringLiteral("127.0.19.7"), server.port())),
                 QStringLiteral("s3cret pass"));
    // The server and user are remembered; the password comes from the keychain.
    CampaignSendDialog again(m_store, batch.letters, QStringLiteral("bob@our.test"), &secrets);
    QCOMPARE(again.host()->text(), QStringLiteral("127.0.19.7"));
    QCOMPARE(again.port()->value(), int(server.port()));
    QCOMPARE(again.user()->text(), QStringLiteral("anna"));
    QCOMPARE(again.rate()->value(), 5);
    QTRY_COMPARE(again.password()->text(), QStringLiteral("s3cret pass"));
}

QTEST_MAIN(TestCampaignSend)
#include "tst_campaignsend.moc"
