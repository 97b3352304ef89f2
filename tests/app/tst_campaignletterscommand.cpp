#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "tests/app/commandtestutil.h"
#include "tests/models/lettertestutil.h"
#include "tests/models/postfixsubmissiontestutil.h"

using namespace mailtls;
using namespace mailtls::lettertest;

namespace {

// The message without its Date and Message-ID lines, which are made when
// the letter is.
QByteArray withoutFreshHeaders(const QByteArray &message)
{
    QByteArray out;
    for (const QByteArray &line : message.split('\n')) {
        if (line.startsWith("Date: ") || line.startsWith("Message-ID: "))
            continue;
        out += line + '\n';
    }
    return out;
}

} // namespace

// `mailtls campaign letters` and `mailtls campaign send`, as a user runs them.
class TestCampaignLettersCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void emlFiles();
    void mbox();
    void usage_data();
    void usage();
    void sendThroughPostfix();
    void sendRefusedWithoutStartTls();
    void sendNotConfirmed();
    void passwordWithoutKeychain();

private:
    commandtest::Run run(const QStringList &args, const QByteArray &input = QByteArray()) const;
    QList<CampaignLetter> recorded() const;

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    qint64 m_campaign = 0;
    std::unique_ptr<postfixsubmission::Instance> m_postfix;
    QString m_postfixWhyNot;
};

void TestCampaignLettersCommand::initTestCase()
{
    m_postfixWhyNot = postfixsubmission::whyNot();
    if (m_postfixWhyNot.isEmpty()) {
        m_postfix = std::make_unique<postfixsubmission::Instance>();
        QString error;
        QVERIFY2(m_postfix->start(QStringLiteral("127.0.18.2"), &error), qPrintable(error));
    }
}

void TestCampaignLettersCommand::cleanupTestCase()
{
    m_postfix.reset();
}

void TestCampaignLettersCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    QString error;
    QVERIFY2(makeCampaignStore(m_store, &m_campaign, &error), qPrintable(error));
}

commandtest::Run TestCampaignLettersCommand::run(const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    QProcessEnvironment env = commandtest::environment();
    // No user's template, no keychain: the built-in letters, and a password
    // asked for where there is nobody to ask.
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MAILTLS_BINARY), QStringList{QStringLiteral("campaign")} + args);
    if (!p.waitForStarted())
        qFatal("mailtls did not start");
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        qFatal("mailtls did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QList<CampaignLetter> TestCampaignLettersCommand::recorded() const
{
    CampaignStore store(m_store);
    QString error;
    if (!store.open(&error))
        qFatal("%s", qPrintable(error));
    return store.letters(m_campaign, &error);
}

void TestCampaignLettersCommand::emlFiles()
{
    const QString out = m_dir->filePath(QStringLiteral("letters"));
    const commandtest::Run r = run({QStringLiteral("letters"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--out"), out, QStringLiteral("--from"),
                                    QStringLiteral("anna@ours.example"), QStringLiteral("--name"),
                                    QStringLiteral("Anna Schmidt")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QStringLiteral("mailtls: no correspondent's address is known for 1 failing server(s), so no "
                                   "letter is written to them: unknown.example.test\n"));
    QCOMPARE(r.out, QStringLiteral("bob@example.test: %1/bob@example.test.eml (no-starttls)\n"
                                   "buero@beispiel.test: %1/buero@beispiel.test.eml (no-tls-client)\n"
                                   "juergen@beispiel.test: %1/juergen@beispiel.test.eml (no-tls-client, weak-dh)\n"
                                   "3 letter(s) of campaign %2 written; nothing was sent.\n")
                        .arg(out)
                        .arg(m_campaign));
    QCOMPARE(QDir(out).entryList(QDir::Files),
             (QStringList{QStringLiteral("bob@example.test.eml"), QStringLiteral("buero@beispiel.test.eml"),
                          QStringLiteral("juergen@beispiel.test.eml")}));
    QFile bob(QDir(out).filePath(QStringLiteral("bob@example.test.eml")));
    QVERIFY(bob.open(QIODevice::ReadOnly));
    QCOMPARE(withoutFreshHeaders(bob.readAll()),
             withoutFreshHeaders(readData(QStringLiteral("letter-not-offered-en.eml"))));

    const QList<CampaignLetter> letters = recorded();
    QCOMPARE(letters.size(), 4);
    QStringList rows;
    for (const CampaignLetter &l : letters)
        rows.append(QStringLiteral("%1 %2 %3 %4").arg(l.recipient, l.peer, l.delivery, l.language));
    rows.sort();
    QCOMPARE(rows, (QStringList{QStringLiteral("bob@example.test mx1.example.test eml en"),
                                QStringLiteral("buero@beispiel.test mail.beispiel.test eml en"),
                                QStringLiteral("juergen@beispiel.test mail.beispiel.test eml en"),
                                QStringLiteral("juergen@beispiel.test mx.beispiel.test eml en")}));
}

void TestCampaignLettersCommand::mbox()
{
    const QString file = m_dir->filePath(QStringLiteral("letters.mbox"));
    const commandtest::Run r = run({QStringLiteral("letters"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--mbox"), file, QStringLiteral("--from"),
                                    QStringLiteral("anna@ours.example"), QStringLiteral("--language"),
                                    QStringLiteral("de"), QStringLiteral("--only"),
                                    QStringLiteral("juergen@beispiel.test"), QStringLiteral("--campaign"),
                                    QString::number(m_campaign)});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QStringLiteral("juergen@beispiel.test: in %1 (no-tls-client, weak-dh)\n"
                                   "1 letter(s) of campaign %2 written; nothing was sent.\n")
                        .arg(file)
                        .arg(m_campaign));
    QFile mbox(file);
    QVERIFY(mbox.open(QIODevice::ReadOnly));
    const QByteArray bytes = mbox.readAll();
    QVERIFY(bytes.startsWith("From anna@ours.example "));
    QCOMPARE(bytes.count("\nFrom "), 0);
    QVERIFY(bytes.contains("\nTo: juergen@beispiel.test\nSubject: Bitte "
                           "=?UTF-8?Q?Verschl=C3=BCsselung_f=C3=BCr?= E-Mail zwischen\n"));
    QVERIFY(!bytes.contains('\r'));
    const QList<CampaignLetter> letters = recorded();
    QCOMPARE(letters.size(), 2);
    QCOMPARE(letters.at(0).delivery, QStringLiteral("mbox"));
    QCOMPARE(letters.at(0).language, QStringLiteral("de"));
}

void TestCampaignLettersCommand::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    const QString from = QStringLiteral("--from=anna@ours.example");
    QTest::newRow("letters without --from") << QStringList{QStringLiteral("letters"), QStringLiteral("--out=x")}
                                            << QStringLiteral("mailtls: --from ADDR is needed: your address, the "
                                                              "letters' sender\n");
    QTest::newRow("letters going nowhere") << QStringList{QStringLiteral("letters"), from}
                                           << QStringLiteral("mailtls: say where the letters go: --out DIR (one "
                                                             ".eml each) or --mbox FILE\n");
    QTest::newRow("send without --server") << QStringList{QStringLiteral("send"), from}
                                           << QStringLiteral("mailtls: --server HOST:PORT is needed: your "
                                                             "submission server\n");
    QTest::newRow("send, no port") << QStringList{QStringLiteral("send"), from,
                                                  QStringLiteral("--server=smtp.ours.example")}
                                   << QStringLiteral("mailtls: --server: \"smtp.ours.example\" is not HOST:PORT\n");
    QTest::newRow("send, bad rate") << QStringList{QStringLiteral("send"), from,
                                                   QStringLiteral("--server=127.0.18.2:2587"),
                                                   QStringLiteral("--rate=fast")}
                                    << QStringLiteral("mailtls: --rate: \"fast\" is not a number of letters a minute "
                                                      "(1 to 600)\n");
    QTest::newRow("send, bad fingerprint") << QStringList{QStringLiteral("send"), from,
                                                          QStringLiteral("--server=127.0.18.2:2587"),
                                                          QStringLiteral("--fingerprint=AB:CD")}
                                           << QStringLiteral("mailtls: --fingerprint: \"AB:CD\" is not a SHA-256 "
                                                             "fingerprint (64 hex digits)\n");
    QTest::newRow("bad campaign") << QStringList{QStringLiteral("letters"), from, QStringLiteral("--out=x"),
                                                 QStringLiteral("--campaign=first")}
                                  << QStringLiteral("mailtls: --campaign: \"first\" is not a campaign number\n");
}

void TestCampaignLettersCommand::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const commandtest::Run r = run(args + QStringList{QStringLiteral("--db"), m_store});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, error);
    QCOMPARE(r.out, QString());
    QVERIFY(recorded().isEmpty());
}

void TestCampaignLettersCommand::sendThroughPostfix()
{
    if (!m_postfix)
        QSKIP(qPrintable(m_postfixWhyNot));
    const commandtest::Run r = run({QStringLiteral("send"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--server"), QStringLiteral("127.0.18.2:2587"),
                                    QStringLiteral("--fingerprint"), m_postfix->fingerprint(),
                                    QStringLiteral("--from"), QStringLiteral("anna@ours.example"),
                                    QStringLiteral("--name"), QStringLiteral("Anna Schmidt"),
                                    QStringLiteral("--only"), QStringLiteral("bob@example.test"),
                                    QStringLiteral("--only"), QStringLiteral("juergen@beispiel.test"),
                                    QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 7);
    QCOMPARE(lines.at(0), QStringLiteral("2 letter(s) of campaign %1 to send through 127.0.18.2:2587 (STARTTLS "
                                         "required), 10 a minute at most:")
                              .arg(m_campaign));
    QCOMPARE(lines.at(1), QStringLiteral("  bob@example.test: Please switch on encryption for mail between "
                                         "example.test and ours.example (no-starttls)"));
    QCOMPARE(lines.at(2), QStringLiteral("  juergen@beispiel.test: Please switch on encryption for mail between "
                                         "beispiel.test and ours.example (no-tls-client, weak-dh)"));
    QVERIFY2(lines.at(3).startsWith(QStringLiteral("sent to bob@example.test: 250 2.0.0 Ok: queued as ")),
             qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral("sent to juergen@beispiel.test: 250 2.0.0 Ok: queued as ")),
             qPrintable(lines.at(4)));
    QCOMPARE(lines.at(5), QStringLiteral("2 sent, 0 not sent, 0 not tried."));

    // Delivered: Postfix's mailbox holds both letters as they were made.
    QVERIFY2(m_postfix->waitForLetters(2), m_postfix->log().constData());
    const QByteArray mailbox = m_postfix->mailbox();
    QVERIFY(mailbox.contains("\nTo: bob@example.test\n"));
    QVERIFY(mailbox.contains("\nTo: juergen@beispiel.test\n"));
    QVERIFY(mailbox.contains("Our log says:    TLS is required, but was not offered by host =\n"
                             "mx1.example.test[192.0.2.1]\n"));

    const QList<CampaignLetter> letters = recorded();
    QCOMPARE(letters.size(), 3);
    for (const CampaignLetter &l : letters) {
        QCOMPARE(l.delivery, QStringLiteral("smtp"));
        QVERIFY2(l.serverReply.startsWith(QStringLiteral("250 2.0.0 Ok: queued as ")), qPrintable(l.serverReply));
        QVERIFY(l.at > 0);
        const QByteArray id = l.message.mid(l.message.indexOf("Message-ID: ") + 12).split('\r').at(0);
        QVERIFY2(mailbox.contains("Message-ID: " + id + "\n"), id.constData());
    }
}

void TestCampaignLettersCommand::sendRefusedWithoutStartTls()
{
    if (!m_postfix)
        QSKIP(qPrintable(m_postfixWhyNot));
    const QByteArray before = m_postfix->mailbox();
    const commandtest::Run r = run({QStringLiteral("send"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--server"), QStringLiteral("127.0.18.2:2588"),
                                    QStringLiteral("--from"), QStringLiteral("anna@ours.example"),
                                    QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral(
        "mailtls: no correspondent's address is known for 1 failing server(s), so no letter is written to them: "
        "unknown.example.test\n"
        "mailtls: not sent to bob@example.test: 127.0.18.2:2588 does not offer STARTTLS, so the connection cannot "
        "be encrypted: nothing was sent (no password, no letter). Use the server's port 465 if it takes TLS there, "
        "or switch STARTTLS on in the server.\n"));
    QVERIFY(r.out.endsWith(QStringLiteral("0 sent, 1 not sent, 2 not tried.\n")));
    QTest::qWait(500);
    QCOMPARE(m_postfix->mailbox(), before);
    QVERIFY(recorded().isEmpty());
}

void TestCampaignLettersCommand::sendNotConfirmed()
{
    if (!m_postfix)
        QSKIP(qPrintable(m_postfixWhyNot));
    const QByteArray log = m_postfix->log();
    const commandtest::Run r = run({QStringLiteral("send"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--server"), QStringLiteral("127.0.18.2:2587"),
                                    QStringLiteral("--from"), QStringLiteral("anna@ours.example")},
                                   "no\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.startsWith(QStringLiteral("3 letter(s) of campaign %1 to send through 127.0.18.2:2587").arg(m_campaign)));
    QVERIFY2(r.err.endsWith(QStringLiteral("Send them? Type yes to send: mailtls: nothing was sent\n")),
             qPrintable(r.err));
    QTest::qWait(300);
    // Not even a connection.
    QCOMPARE(m_postfix->log(), log);
    QVERIFY(recorded().isEmpty());
}

void TestCampaignLettersCommand::passwordWithoutKeychain()
{
    const commandtest::Run r = run({QStringLiteral("send"), QStringLiteral("--db"), m_store,
                                    QStringLiteral("--server"), QStringLiteral("127.0.18.2:2587"),
                                    QStringLiteral("--user"), QStringLiteral("anna"), QStringLiteral("--from"),
                                    QStringLiteral("anna@ours.example"), QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("mailtls: the password of anna at 127.0.18.2:2587 cannot be read from the "
                                           "keychain (")),
             qPrintable(r.err));
    QVERIFY2(r.err.endsWith(QStringLiteral("), and there is no terminal to ask on\n")), qPrintable(r.err));
    QVERIFY(recorded().isEmpty());
}

QTEST_GUILESS_MAIN(TestCampaignLettersCommand)
#include "tst_campaignletterscommand.moc"
