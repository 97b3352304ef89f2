// The Letters dialog of a campaign on a real store: the letters LetterBatch
// writes for the correspondents of its peers not fixed yet, each shown
// exactly as it would go out, the ticked ones exported as .eml files or one
// mbox and recorded as exported (sending is tst_campaignsend's).

#include <memory>

#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaignlettersdialog.h"

using namespace mailtls;

namespace {

constexpr qint64 Hour = 3600;
const qint64 Start = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();

CampaignPeer peer(const char *name, Direction direction, const char *problem, const char *theirs)
{
    CampaignPeer p;
    p.peer = QString::fromLatin1(name);
    p.direction = direction;
    p.problem = QString::fromLatin1(problem);
    p.reason = QStringLiteral("TLS is required, but was not offered by host %1[198.51.100.5]").arg(p.peer);
    p.failures = 2;
    p.messages = 1;
    p.firstSeen = Start + Hour;
    p.lastSeen = Start + 2 * Hour;
    p.ourAddresses = {QStringLiteral("bob@our.test")};
    p.theirAddresses = {QString::fromLatin1(theirs)};
    return p;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCampaignLetters : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesPreviewsAndExports();
    void nothingToWrite();
    void mailtoLink();
    void mailerNeedsALetter();

public slots:
    void openUrl(const QUrl &url) { m_opened.append(url); }

private:
    qint64 writeCampaign(const QList<CampaignPeer> &peers);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    QList<QUrl> m_opened;
};

// RFC 6068: every character of the text that a URL reserves is
// percent-encoded (a '&' or '=' in the text must not end the field), line
// breaks are CRLF, UTF-8 underneath.
void TestCampaignLetters::mailtoLink()
{
    PreparedLetter letter;
    letter.letter.recipient = QStringLiteral("jane.doe@plain.example");
    letter.composed.subject = QStringLiteral("Ä & b");
    letter.composed.body = QStringLiteral("x=1+2?\nnext #3\n");
    QCOMPARE(CampaignLettersDialog::mailtoUrl(letter).toString(QUrl::FullyEncoded),
             QStringLiteral("mailto:jane.doe@plain.example?subject=%C3%84%20%26%20b"
                            "&body=x%3D1%2B2%3F%0D%0Anext%20%233%0D%0A"));
}

// Before any letter is written there is nothing to hand over: the button is
// off, and a click opens nothing and records nothing.
void TestCampaignLetters::mailerNeedsALetter()
{
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), this, "openUrl");
    m_opened.clear();
    const qint64 id = writeCampaign({});
    QVERIFY(id > 0);
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    const std::optional<Campaign> campaign = store.load(id, &error);
    QVERIFY(campaign);
    CampaignLettersDialog dialog(m_store, *campaign);
    // Nothing written yet: nothing to open.
    QVERIFY(!dialog.mailerButton()->isEnabled());
    dialog.mailerButton()->click();
    QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    QVERIFY(m_opened.isEmpty());
    QVERIFY(store.letters(id, &error).isEmpty());
}

void TestCampaignLetters::init()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    TrafficStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
}

void TestCampaignLetters::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

qint64 TestCampaignLetters::writeCampaign(const QList<CampaignPeer> &peers)
{
    CampaignStore store(m_store);
    QString error;
    if (!store.open(&error))
        return 0;
    Campaign c;
    c.name = QStringLiteral("Spring");
    c.created = Start;
    c.mta = QStringLiteral("postfix");
    c.outbound = true;
    c.windowStart = Start;
    c.windowEnd = Start + 24 * Hour;
    c.endedAt = c.windowEnd;
    c.endedBy = QStringLiteral("app");
    if (!store.create(&c, &error) || !store.replacePeers(c.id, peers, Start + 25 * Hour, &error))
        return 0;
    return c.id;
}

void TestCampaignLetters::writesPreviewsAndExports()
{
    const qint64 id
        = writeCampaign({peer("mx.beta.example", Direction::Outbound, "not-offered", "carol@beta.example"),
                         peer("mx.gamma.example", Direction::Outbound, "not-offered", "gus@gamma.example")});
    QVERIFY(id > 0);
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    const std::optional<Campaign> campaign = store.load(id, &error);
    QVERIFY(campaign);

    CampaignLettersDialog dialog(m_store, *campaign);
    const QDateTime date(QDate(2026, 11, 21), QTime(9, 30), Qt::UTC);
    dialog.setDate(date);
    dialog.show();
    QVERIFY(!dialog.writeButton()->isEnabled()); // no sender yet
    QVERIFY(!dialog.emlButton()->isEnabled());
    dialog.fromAddress()->setText(QStringLiteral("postmaster@our.test"));
    dialog.fromName()->setText(QStringLiteral("Jörg Admin"));
    QVERIFY(dialog.writeButton()->isEnabled());
    QSignalSpy written(&dialog, &CampaignLettersDialog::lettersWritten);
    QTest::mouseClick(dialog.writeButton(), Qt::LeftButton);
    QVERIFY(written.wait(20000));

    // The same letters LetterBatch writes, in its order.
    LetterBatch::Options options;
    options.from = MailAddress {QStringLiteral("Jörg Admin"), QStringLiteral("postmaster@our.test")};
    options.date = date;
    const LetterBatch::Result expected = LetterBatch::prepare(m_store, id, options);
    QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));
    QCOMPARE(expected.letters.size(), 2);
    QCOMPARE(dialog.letters().size(), 2);
    QCOMPARE(dialog.list()->count(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(dialog.letters().at(i).letter.recipient, expected.letters.at(i).letter.recipient);
        QCOMPARE(dialog.list()->item(i)->text(),
                 QStringLiteral("%1 — %2").arg(expected.letters.at(i).letter.recipient,
                                               expected.letters.at(i).letter.subject));
        QCOMPARE(dialog.list()->item(i)->checkState(), Qt::Checked);
    }
    QCOMPARE(dialog.status()->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("2 letter(s) written; nothing is sent until you choose Send and confirm."));
    // The preview is the message itself, header and body.
    dialog.list()->setCurrentRow(1);
    QString text = QString::fromUtf8(dialog.letters().at(1).letter.message);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    QCOMPARE(dialog.preview()->toPlainText(), text);
    QVERIFY(text.contains(QStringLiteral("\nTo: ") + dialog.letters().at(1).letter.recipient));
    QVERIFY(text.contains(QStringLiteral("Subject: ")));

    // Only the ticked one is exported, and recorded as exported.
    dialog.list()->item(1)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog.chosen().size(), 1);
    const QString folder = m_dir->filePath(QStringLiteral("letters"));
    QVERIFY(QDir().mkpath(folder));
    QSignalSpy exported(&dialog, &CampaignLettersDialog::exported);
    dialog.exportEml(folder);
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.at(0).at(0).toString(), QString());
    const PreparedLetter &first = dialog.letters().at(0);
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList {LetterBatch::fileName(first.letter.recipient)});
    QCOMPARE(readAll(QDir(folder).filePath(LetterBatch::fileName(first.letter.recipient))), first.letter.message);
    QList<CampaignLetter> records = store.letters(id, &error);
    QCOMPARE(records.size(), first.records(QStringLiteral("eml"), 0, QString()).size());
    QCOMPARE(records.at(0).delivery, QStringLiteral("eml"));
    QCOMPARE(records.at(0).recipient, first.letter.recipient);
    QCOMPARE(records.at(0).message, first.letter.message);

    // Both as one mbox.
    dialog.list()->item(1)->setCheckState(Qt::Checked);
    const QString mbox = m_dir->filePath(QStringLiteral("letters.mbox"));
    dialog.exportMbox(mbox);
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.at(1).at(0).toString(), QString());
    const QByteArray bytes = readAll(mbox);
    QVERIFY(bytes.startsWith("From postmaster@our.test "));
    QCOMPARE(bytes.count("\nFrom postmaster@our.test ") + 1, 2);
    records = store.letters(id, &error);
    int inMbox = 0;
    for (const CampaignLetter &record : records)
        inMbox += record.delivery == QLatin1String("mbox");
    QCOMPARE(inMbox, 2);
    QVERIFY(dialog.status()->text().startsWith(QStringLiteral("2 letter(s) exported to ")));

    // The letter shown goes to the mail program (the test's handler of
    // mailto: links) and is recorded as handed over.
    m_opened.clear();
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), this, "openUrl");
    dialog.list()->setCurrentRow(1);
    QVERIFY(dialog.mailerButton()->isEnabled());
    dialog.mailerButton()->click();
    QVERIFY(exported.wait(20000));
    QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    QCOMPARE(exported.at(2).at(0).toString(), QString());
    QCOMPARE(m_opened, QList<QUrl> {CampaignLettersDialog::mailtoUrl(dialog.letters().at(1))});
    const QUrlQuery query(m_opened.at(0));
    QCOMPARE(m_opened.at(0).path(), dialog.letters().at(1).letter.recipient);
    QCOMPARE(query.queryItemValue(QStringLiteral("subject"), QUrl::FullyDecoded),
             dialog.letters().at(1).composed.subject);
    QString crlfBody = dialog.letters().at(1).composed.body;
    crlfBody.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    QCOMPARE(query.queryItemValue(QStringLiteral("body"), QUrl::FullyDecoded), crlfBody);
    records = store.letters(id, &error);
    QStringList toMailer;
    for (const CampaignLetter &record : records) {
        if (record.delivery == QLatin1String("mailer"))
            toMailer.append(record.recipient);
    }
    QCOMPARE(toMailer, QStringList {dialog.letters().at(1).letter.recipient});
    QCOMPARE(dialog.status()->text(), QStringLiteral("The letter to %1 is open in your mail program; it is sent "
                                                     "when you send it there.")
                                          .arg(dialog.letters().at(1).letter.recipient));

    // The sender and language are remembered.
    CampaignLettersDialog again(m_store, *campaign);
    QCOMPARE(again.fromAddress()->text(), QStringLiteral("postmaster@our.test"));
    QCOMPARE(again.fromName()->text(), QStringLiteral("Jörg Admin"));
    QCOMPARE(again.language()->currentData().toString(), QStringLiteral("en"));
}

void TestCampaignLetters::nothingToWrite()
{
    CampaignPeer fixed = peer("mx.beta.example", Direction::Outbound, "not-offered", "carol@beta.example");
    const qint64 id = writeCampaign({fixed});
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    QVERIFY(store.markFixed(id, fixed.peer, fixed.direction, Start + 48 * Hour, QStringLiteral("log"), &error));
    CampaignLettersDialog dialog(m_store, *store.load(id, &error));
    dialog.fromAddress()->setText(QStringLiteral("postmaster@our.test"));
    QSignalSpy written(&dialog, &CampaignLettersDialog::lettersWritten);
    dialog.writeLetters();
    QVERIFY(written.wait(20000));
    QCOMPARE(dialog.list()->count(), 0);
    QCOMPARE(dialog.status()->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("No letter to write: no peer that is not fixed has a known correspondent."));
    QVERIFY(!dialog.emlButton()->isEnabled());
    QVERIFY(!dialog.mboxButton()->isEnabled());
}

QTEST_MAIN(TestCampaignLetters)
#include "tst_campaignletters.moc"
