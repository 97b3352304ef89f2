#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/letterbatch.h"
#include "tests/models/lettertestutil.h"

using namespace mailtls;
using namespace mailtls::lettertest;

namespace {

// The part of a message after its Message-ID header, and the part before.
QByteArray withoutMessageId(const QByteArray &message)
{
    const qsizetype start = message.indexOf("Message-ID: ");
    const qsizetype end = message.indexOf("\r\n", start);
    return message.left(start) + message.mid(end + 2);
}

} // namespace

class TestLetterBatch final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void letters();
    void records();
    void only();
    void userTemplate();
    void failures_data();
    void failures();
    void fileName_data();
    void fileName();

private:
    LetterBatch::Options options() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    qint64 m_campaign = 0;
};

void TestLetterBatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    QString error;
    QVERIFY2(makeCampaignStore(m_store, &m_campaign, &error), qPrintable(error));
}

LetterBatch::Options TestLetterBatch::options() const
{
    LetterBatch::Options o;
    o.language = QStringLiteral("en");
    o.templateFile = m_dir->filePath(QStringLiteral("no-such-template.txt"));
    o.from = {QStringLiteral("Anna Schmidt"), QStringLiteral("anna@ours.example")};
    o.date = QDateTime(QDate(2026, 11, 30), QTime(8, 0, 0), Qt::UTC);
    return o;
}

void TestLetterBatch::letters()
{
    const LetterBatch::Result r = LetterBatch::prepare(m_store, 0, options());
    QCOMPARE(r.error, QString());
    QVERIFY(r.campaign);
    QCOMPARE(r.campaign->id, m_campaign);
    QCOMPARE(r.notes, QStringList{QStringLiteral("no correspondent's address is known for 1 failing server(s), so "
                                                 "no letter is written to them: unknown.example.test")});
    QCOMPARE(r.letters.size(), 3);
    QCOMPARE(r.letters.at(0).letter.recipient, QStringLiteral("bob@example.test"));
    QCOMPARE(r.letters.at(1).letter.recipient, QStringLiteral("buero@beispiel.test"));
    QCOMPARE(r.letters.at(2).letter.recipient, QStringLiteral("juergen@beispiel.test"));

    // The stored probe of mx1.example.test is in bob's letter: it is the
    // expected .eml but for its Message-ID, a fresh one.
    const PreparedLetter &bob = r.letters.at(0);
    QCOMPARE(bob.letter.campaignId, m_campaign);
    QCOMPARE(bob.letter.peer, QStringLiteral("mx1.example.test"));
    QCOMPARE(bob.letter.language, QStringLiteral("en"));
    QCOMPARE(bob.letter.subject,
             QStringLiteral("Please switch on encryption for mail between example.test and ours.example"));
    QVERIFY(bob.input.probes.contains(QStringLiteral("mx1.example.test")));
    QCOMPARE(withoutMessageId(bob.letter.message), withoutMessageId(readData(QStringLiteral("letter-not-offered-en.eml"))));
    QVERIFY(bob.letter.message.contains("\r\nMessage-ID: <"));
    QVERIFY(bob.letter.message.contains("@ours.example>\r\n"));

    const PreparedLetter &juergen = r.letters.at(2);
    QCOMPARE(juergen.input.peers.size(), 2);
    QVERIFY(juergen.input.probes.isEmpty());
    QCOMPARE(juergen.composed.advice, (QStringList{QStringLiteral("no-tls-client"), QStringLiteral("weak-dh")}));
    QVERIFY(juergen.letter.message.contains("\r\nTo: juergen@beispiel.test\r\n"));

    // By number, the other campaign: it has no peers.
    const LetterBatch::Result older = LetterBatch::prepare(m_store, m_campaign - 1, options());
    QCOMPARE(older.error, QString());
    QCOMPARE(older.campaign->name, QStringLiteral("older"));
    QVERIFY(older.letters.isEmpty());
}

void TestLetterBatch::records()
{
    const LetterBatch::Result r = LetterBatch::prepare(m_store, m_campaign, options());
    const PreparedLetter &juergen = r.letters.at(2);
    const QList<CampaignLetter> records = juergen.records(QStringLiteral("smtp"), 1795000000,
                                                          QStringLiteral("250 2.0.0 Ok: queued as 1A"));
    QCOMPARE(records.size(), 2);
    // In the store's order: inbound first.
    QCOMPARE(records.at(0).peer, QStringLiteral("mail.beispiel.test"));
    QCOMPARE(records.at(1).peer, QStringLiteral("mx.beispiel.test"));
    for (const CampaignLetter &l : records) {
        QCOMPARE(l.recipient, QStringLiteral("juergen@beispiel.test"));
        QCOMPARE(l.delivery, QStringLiteral("smtp"));
        QCOMPARE(l.at, qint64(1795000000));
        QCOMPARE(l.serverReply, QStringLiteral("250 2.0.0 Ok: queued as 1A"));
        QCOMPARE(l.message, juergen.letter.message);
    }
}

void TestLetterBatch::only()
{
    LetterBatch::Options o = options();
    o.only = {QStringLiteral(" Juergen@Beispiel.TEST"), QStringLiteral("carol@fixed.test"),
              QStringLiteral("nobody@example.test")};
    const LetterBatch::Result r = LetterBatch::prepare(m_store, 0, o);
    QCOMPARE(r.letters.size(), 1);
    QCOMPARE(r.letters.at(0).letter.recipient, QStringLiteral("juergen@beispiel.test"));
    QCOMPARE(r.notes,
             (QStringList{QStringLiteral("carol@fixed.test is not a correspondent of a failing server of campaign %1")
                              .arg(m_campaign),
                          QStringLiteral("nobody@example.test is not a correspondent of a failing server of "
                                         "campaign %1")
                              .arg(m_campaign)}));
}

void TestLetterBatch::userTemplate()
{
    const QString path = m_dir->filePath(QStringLiteral("de.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[subject]\nHallo {{who}}\n");
    file.close();
    LetterBatch::Options o = options();
    o.language = QStringLiteral("de");
    o.templateFile = path;
    const LetterBatch::Result r = LetterBatch::prepare(m_store, 0, o);
    QCOMPARE(r.error, QString());
    QVERIFY2(r.notes.at(0).startsWith(path + QStringLiteral(" is not used, the built-in template is: line 2: "
                                                            "unknown placeholder {{who}} in [subject]; section "
                                                            "[body] is missing")),
             qPrintable(r.notes.at(0)));
    QCOMPARE(r.letters.at(2).letter.language, QStringLiteral("de"));
    QVERIFY(r.letters.at(2).letter.message.contains("Subject: Bitte =?UTF-8?Q?Verschl=C3=BCsselung_f=C3=BCr?="));
}

void TestLetterBatch::failures_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("from");
    QTest::addColumn<qint64>("campaign");
    QTest::addColumn<QString>("error");
    QTest::newRow("no template") << QStringLiteral("fr") << QStringLiteral("anna@ours.example") << qint64(0)
                                 << QStringLiteral("there is no letter template for the language \"fr\"");
    QTest::newRow("bad sender") << QStringLiteral("en") << QStringLiteral("anna") << qint64(0)
                                << QStringLiteral("the sender's address \"anna\" is not a plain address "
                                                  "(local@domain, ASCII)");
}

void TestLetterBatch::failures()
{
    QFETCH(QString, language);
    QFETCH(QString, from);
    QFETCH(qint64, campaign);
    QFETCH(QString, error);
    LetterBatch::Options o = options();
    o.language = language;
    o.from.address = from;
    const LetterBatch::Result r = LetterBatch::prepare(m_store, campaign, o);
    QCOMPARE(r.error, error);
    QVERIFY(r.letters.isEmpty());

    // No such campaign: the store's own words.
    const LetterBatch::Result missing = LetterBatch::prepare(m_store, m_campaign + 40, options());
    QVERIFY(!missing.error.isEmpty());
    QVERIFY(missing.letters.isEmpty());
}

void TestLetterBatch::fileName_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("bob+tag@example.test") << QStringLiteral("bob+tag@example.test.eml");
    QTest::newRow("slashes") << QStringLiteral("../../etc/passwd@x") << QStringLiteral("_._.._etc_passwd@x.eml");
    QTest::newRow("odd characters") << QStringLiteral("a b*c@x.test") << QStringLiteral("a_b_c@x.test.eml");
}

void TestLetterBatch::fileName()
{
    QFETCH(QString, address);
    QFETCH(QString, name);
    QCOMPARE(LetterBatch::fileName(address), name);
}

QTEST_GUILESS_MAIN(TestLetterBatch)
#include "tst_letterbatch.moc"
