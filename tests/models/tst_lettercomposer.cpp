#include <QTest>

#include "models/campaign/lettercomposer.h"
#include "tests/models/lettertestutil.h"

using namespace mailtls;
using namespace mailtls::lettertest;

namespace {

LetterTemplate builtIn(const QString &language)
{
    QString note;
    const std::optional<LetterTemplate> t = LetterTemplate::load(language, QString(), &note);
    if (!t)
        qFatal("no built-in template %s: %s", qPrintable(language), qPrintable(note));
    return *t;
}

Finding finding(const QString &code, Severity severity, const QString &evidence = QString())
{
    Finding f;
    f.code = code;
    f.severity = severity;
    f.evidence = evidence;
    return f;
}

} // namespace

class TestLetterComposer final : public QObject
{
    Q_OBJECT

private slots:
    void englishLetter();
    void germanLetter();
    void advice_data();
    void advice();
    void findings();
    void correspondents();
    void sharedProbeOnce();
    void ownTemplate();
};

void TestLetterComposer::englishLetter()
{
    const ComposedLetter letter = LetterComposer::compose(builtIn(QStringLiteral("en")), notOfferedInput());
    QCOMPARE(letter.subject,
             QStringLiteral("Please switch on encryption for mail between example.test and ours.example"));
    QCOMPARE(letter.advice, QStringList{QStringLiteral("no-starttls")});
    QVERIFY(sameAsFile(letter.body.toUtf8(), QStringLiteral("letter-not-offered-en.txt")));
}

void TestLetterComposer::germanLetter()
{
    const ComposedLetter letter = LetterComposer::compose(builtIn(QStringLiteral("de")), beispielInput());
    QCOMPARE(letter.subject, QStringLiteral("Bitte Verschlüsselung für E-Mail zwischen beispiel.test und "
                                            "ours.example einschalten"));
    QCOMPARE(letter.advice, (QStringList{QStringLiteral("no-tls-client"), QStringLiteral("weak-dh")}));
    QVERIFY(sameAsFile(letter.body.toUtf8(), QStringLiteral("letter-beispiel-de.txt")));
}

void TestLetterComposer::advice_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("probed");
    QTest::addColumn<QList<Finding>>("findings");
    QTest::addColumn<QStringList>("advice");

    const QList<Finding> none;
    QTest::newRow("refused sender, not probed") << QStringLiteral("refused") << false << none
                                                << QStringList{QStringLiteral("no-tls-client")};
    QTest::newRow("not offered, not probed") << QStringLiteral("not-offered") << false << none
                                             << QStringList{QStringLiteral("no-starttls")};
    QTest::newRow("dh key too small, not probed") << QStringLiteral("dh-key-too-small") << false << none
                                                  << QStringList{QStringLiteral("weak-dh")};
    QTest::newRow("certificate, not probed") << QStringLiteral("certificate") << false << none
                                             << QStringList{QStringLiteral("certificate")};
    QTest::newRow("handshake, not probed") << QStringLiteral("handshake") << false << none
                                           << QStringList{QStringLiteral("unknown")};
    QTest::newRow("lost after STARTTLS, not probed") << QStringLiteral("lost-after-starttls") << false << none
                                                     << QStringList{QStringLiteral("unknown")};
    QTest::newRow("handshake, probed, nothing found") << QStringLiteral("handshake") << true << none
                                                      << QStringList{QStringLiteral("handshake")};
    QTest::newRow("handshake, probe finds a weak group and old TLS")
        << QStringLiteral("handshake") << true
        << QList<Finding>{finding(QStringLiteral("old-protocols"), Severity::Medium),
                          finding(QStringLiteral("dh-weak"), Severity::High)}
        << QStringList{QStringLiteral("weak-dh"), QStringLiteral("old-tls")};
    QTest::newRow("probe: STARTTLS stripped") << QStringLiteral("other") << true
                                              << QList<Finding>{finding(QStringLiteral("starttls-stripped"),
                                                                        Severity::High)}
                                              << QStringList{QStringLiteral("no-starttls")};
    QTest::newRow("probe: handshake refused for its DH group")
        << QStringLiteral("handshake") << true
        << QList<Finding>{finding(QStringLiteral("starttls-failed"), Severity::High,
                                  QStringLiteral("error:0A00018A:SSL routines::dh key too small"))}
        << QStringList{QStringLiteral("weak-dh")};
    QTest::newRow("probe: handshake fails otherwise")
        << QStringLiteral("cannot-start") << true
        << QList<Finding>{finding(QStringLiteral("starttls-failed"), Severity::High,
                                  QStringLiteral("unexpected eof while reading"))}
        << QStringList{QStringLiteral("handshake")};
    QTest::newRow("probe: no TLS 1.2") << QStringLiteral("handshake") << true
                                       << QList<Finding>{finding(QStringLiteral("no-tls12"), Severity::High)}
                                       << QStringList{QStringLiteral("old-tls")};
    QTest::newRow("probe: a self-signed certificate alone says nothing")
        << QStringLiteral("handshake") << true
        << QList<Finding>{finding(QStringLiteral("certificate-self-signed"), Severity::Low),
                          finding(QStringLiteral("mta-sts-absent"), Severity::Info)}
        << QStringList{QStringLiteral("handshake")};
    QTest::newRow("probe: an expired certificate under MTA-STS")
        << QStringLiteral("certificate") << true
        << QList<Finding>{finding(QStringLiteral("certificate-expired"), Severity::High)}
        << QStringList{QStringLiteral("certificate")};
    QTest::newRow("refused sender whose server offers no STARTTLS either")
        << QStringLiteral("refused") << true
        << QList<Finding>{finding(QStringLiteral("no-starttls"), Severity::High)}
        << QStringList{QStringLiteral("no-starttls"), QStringLiteral("no-tls-client")};
}

void TestLetterComposer::advice()
{
    QFETCH(QString, problem);
    QFETCH(bool, probed);
    QFETCH(QList<Finding>, findings);
    QFETCH(QStringList, advice);
    CampaignPeer peer = notOfferedPeer();
    peer.problem = problem;
    ProbeReport report;
    report.findings = findings;
    QCOMPARE(LetterComposer::adviceFor(peer, probed ? &report : nullptr), advice);
}

void TestLetterComposer::findings()
{
    QCOMPARE(LetterComposer::findingsText(notOfferedProbe()), QStringLiteral(R"(verdict: no-tls
- mx1.example.test (192.0.2.1) no-starttls:
    250-mx1.example.test
    250-PIPELINING
    250-SIZE 10240000
    250 8BITMIME)"));

    ProbeReport r;
    r.verdict = Verdict::Weak;
    r.findings = {finding(QStringLiteral("dh-weak"), Severity::High,
                          QStringLiteral("1024 bits, a group of its own; TLSv1.2 with DHE-RSA-AES256-GCM-SHA384")),
                  finding(QStringLiteral("mta-sts-error"), Severity::Medium),
                  finding(QStringLiteral("tls-rpt-absent"), Severity::Info, QStringLiteral("left out"))};
    r.findings[0].mxName = QStringLiteral("mx.example.test");
    QCOMPARE(LetterComposer::findingsText(r), QStringLiteral(R"(verdict: weak
- mx.example.test dh-weak: 1024 bits, a group of its own; TLSv1.2 with DHE-RSA-AES256-GCM-SHA384
- mta-sts-error)"));
}

void TestLetterComposer::correspondents()
{
    QList<CampaignPeer> peers = beispielPeers();
    peers.append(notOfferedPeer());
    peers[2].theirAddresses.append(QStringLiteral(" Juergen@Beispiel.test "));
    const QList<LetterInput> inputs = LetterComposer::correspondents(peers);
    QCOMPARE(inputs.size(), 3);
    QCOMPARE(inputs.at(0).recipientAddress, QStringLiteral("bob@example.test"));
    QCOMPARE(inputs.at(0).peers.size(), 1);
    QCOMPARE(inputs.at(0).peers.at(0).peer, QStringLiteral("mx1.example.test"));
    QCOMPARE(inputs.at(1).recipientAddress, QStringLiteral("buero@beispiel.test"));
    QCOMPARE(inputs.at(1).peers.size(), 1);
    QCOMPARE(inputs.at(1).peers.at(0).peer, QStringLiteral("mail.beispiel.test"));
    QCOMPARE(inputs.at(2).recipientAddress, QStringLiteral("juergen@beispiel.test"));
    QCOMPARE(inputs.at(2).peers.size(), 3);
    QCOMPARE(inputs.at(2).peers.at(0).peer, QStringLiteral("mx.beispiel.test"));
    QCOMPARE(inputs.at(2).peers.at(1).peer, QStringLiteral("mail.beispiel.test"));
    QCOMPARE(inputs.at(2).peers.at(2).peer, QStringLiteral("mx1.example.test"));
}

void TestLetterComposer::sharedProbeOnce()
{
    LetterInput input = notOfferedInput();
    CampaignPeer second = notOfferedPeer();
    second.peer = QStringLiteral("mx2.example.test");
    input.peers.append(second);
    input.probes.insert(second.peer, notOfferedProbe());
    const ComposedLetter letter = LetterComposer::compose(builtIn(QStringLiteral("en")), input);
    QCOMPARE(letter.body.count(QStringLiteral("Our check of example.test on 2024-03-18 11:00:00 UTC found:")), 1);
    QCOMPARE(letter.body.count(QStringLiteral("Server:          mx")), 2);
    QCOMPARE(letter.body.count(QStringLiteral("Mail servers of example.test: mx1.example.test\n")), 1);
}

void TestLetterComposer::ownTemplate()
{
    QString text;
    for (const QString &section : LetterTemplate::sectionNames())
        text += QStringLiteral("[%1]\n<%1>\n").arg(section);
    text.replace(QStringLiteral("<subject>"), QStringLiteral("To {{recipient_name}} at {{their_domain}}"));
    text.replace(QStringLiteral("<body>"),
                 QStringLiteral("{{failures}}\n--\n{{advice}}\n--\n{{probe}}\n{{signoff}} <{{our_address}}>"));
    text.replace(QStringLiteral("<failure>"),
                 QStringLiteral("{{peer}} {{direction}} {{count}}/{{messages}} {{first_seen}} {{reason}}"));
    text.replace(QStringLiteral("<advice:weak-dh>"), QStringLiteral("DH at {{their_mx}}"));
    QStringList problems;
    const std::optional<LetterTemplate> t = LetterTemplate::parse(text, &problems);
    QVERIFY2(t, qPrintable(problems.join(QLatin1Char('\n'))));

    LetterInput input = beispielInput();
    input.signoff.clear();
    const ComposedLetter letter = LetterComposer::compose(*t, input);
    QCOMPARE(letter.subject, QStringLiteral("To Jürgen Groß at beispiel.test"));
    QCOMPARE(letter.body, QStringLiteral(
        "mail.beispiel.test <direction:inbound> 2/0 2026-11-28 10:30:00 UTC disconnect from "
        "mail.beispiel.test[192.0.2.3] ehlo=1 mail=0/1 rcpt=0/1 quit=1 commands=2/4\n\n"
        "mx.beispiel.test <direction:outbound> 1/1 2026-11-28 16:00:05 UTC SSL_connect error to "
        "mx.beispiel.test[192.0.2.2]:25: error:0A00018A:SSL routines::dh key too small\n"
        "--\n<advice:no-tls-client>\n\nDH at mx.beispiel.test\n--\n<probe-none>\n"
        "anna@ours.example <anna@ours.example>\n"));
}

QTEST_GUILESS_MAIN(TestLetterComposer)
#include "tst_lettercomposer.moc"
