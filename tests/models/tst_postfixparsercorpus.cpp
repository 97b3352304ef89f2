#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"
#include "models/logs/postfixparser.h"
#include "tests/models/postfixparsertestutil.h"

using namespace mailtls;
using namespace mailtls::testutil;

namespace {

bool corpusPresent()
{
    return QDir(QStringLiteral(MAILTLS_CORPUS_DIR)).exists();
}

// The real log files of the corpus that hold Postfix lines with a syslog prefix.
QStringList corpusPrefixedFiles()
{
    return {
        QStringLiteral("ASO/logparser/random-sample-logs-regex-check"),
        QStringLiteral("fail2ban/fail2ban/tests/files/logs/postfix"),
        QStringLiteral("crowdsec-hub/.tests/postfix-logs/postfix-logs.log"),
        QStringLiteral("crowdsec-hub/.tests/postfix-spam/postfix-spam.log"),
        QStringLiteral("crowdsec-hub/.tests/postfix-helo/postfix-spam.log"),
        QStringLiteral("crowdsec-hub/.tests/postfix-relay/postfix-spam.log"),
        QStringLiteral("crowdsec-hub/.tests/postfix-sasl-bf/postfix-sasl-bf.log"),
        QStringLiteral("crowdsec-hub/.tests/postfix-honeypot-users/postfix-honeypot-users.log"),
        QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent.log"),
        QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent_with_tls.log"),
        QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent_with_tor.log"),
        QStringLiteral("extracted/EFForg-starttls-everywhere_PostfixLogSummary.py.lines.txt"),
        QStringLiteral("extracted/kumina-postfix_exporter_test.go.lines.txt"),
        QStringLiteral("extracted/msimerson-postfix-parser_test_index.js.lines.txt"),
    };
}

QList<QByteArray> readLines(const QString &relative)
{
    QList<QByteArray> lines;
    QFile f(QStringLiteral(MAILTLS_CORPUS_DIR "/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    const QList<QByteArray> all = f.readAll().split('\n');
    for (QByteArray l : all) {
        if (l.endsWith('\r'))
            l.chop(1);
        if (!l.isEmpty() && !l.startsWith('#'))
            lines.append(l);
    }
    return lines;
}

// Message parts of the postfix-grok-patterns test cases, with the daemon their
// pattern is for: (program, message).
QList<QPair<QByteArray, QByteArray>> grokMessages()
{
    QList<QPair<QByteArray, QByteArray>> out;
    const QList<QByteArray> rows =
        readLines(QStringLiteral("extracted/whyscream-postfix-grok-patterns_test_data.tsv"));
    for (const QByteArray &row : rows) {
        const int tab = row.indexOf('\t');
        if (tab < 0 || !row.startsWith("test/"))
            continue;
        QByteArray file = row.mid(5, tab - 5);
        QByteArray daemon = file.left(file.lastIndexOf('_'));
        if (daemon == "command_counter_data" || daemon == "delays" || daemon == "relay"
            || daemon == "tls_features")
            continue;
        if (daemon == "trivial_rewrite")
            daemon = "trivial-rewrite";
        if (daemon == "script")
            daemon = "postfix-script";
        if (daemon == "postmap")
            daemon = "postmap";
        // The TSV keeps YAML escapes; the lines Postfix wrote had the characters.
        QByteArray message = row.mid(tab + 1);
        message.replace("\\\"", "\"");
        out.append({QByteArray("postfix/") + daemon, message});
    }
    return out;
}

bool within(std::string_view part, std::string_view whole)
{
    if (part.empty())
        return true;
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

} // namespace

// The parser against real log lines of the corpus, and fed broken input.
class TestPostfixParserCorpus final : public QObject
{
    Q_OBJECT

private slots:
    void corpusLines_data();
    void corpusLines();
    void corpusHasFewUnrecognised();
    void grokMessagesAreRecognised();
    void robustness();
};

void TestPostfixParserCorpus::corpusLines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<Expect>("expected");

    using K = EventKind;
    using D = Daemon;
    using S = DeliveryStatus;
    using P = TlsProblem;

    const QString eff = QStringLiteral("extracted/EFForg-starttls-everywhere_PostfixLogSummary.py.lines.txt");
    const QString kumina = QStringLiteral("extracted/kumina-postfix_exporter_test.go.lines.txt");
    const QString aso = QStringLiteral("ASO/logparser/random-sample-logs-regex-check");
    const QString f2b = QStringLiteral("fail2ban/fail2ban/tests/files/logs/postfix");
    const QString tlsHelper = QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent_with_tls.log");

    QTest::newRow("EFF lost after STARTTLS") << eff << QByteArray("lost connection after STARTTLS")
        << Expect(K::SmtpdTlsFailure, D::Smtpd).peer("localhost", "127.0.0.1")
               .problem(P::LostAfterStarttls, "lost connection after STARTTLS");
    QTest::newRow("EFF SSL_connect") << eff << QByteArray("SSL_connect error to")
        << Expect(K::SmtpTlsFailure, D::Smtp).peer("valid-example-recipient.com", "192.168.33.7", 25)
               .problem(P::Handshake, "-1");
    QTest::newRow("EFF deferred Cannot start TLS") << eff << QByteArray("status=deferred (Cannot start TLS")
        << Expect(K::Delivery, D::Smtp).queue("AF3B6480475").to("vagrant@valid-example-recipient.com")
               .peer("valid-example-recipient.com", "192.168.33.7", 25)
               .status(S::Deferred, "Cannot start TLS: handshake failure")
               .problem(P::CannotStart, "Cannot start TLS: handshake failure");
    QTest::newRow("EFF qmgr from") << eff << QByteArray("AF3B6480475: from=")
        << Expect(K::QmgrFrom, D::Qmgr).queue("AF3B6480475").from("root@sender.example.com", 576, 1);
    QTest::newRow("kumina sasl client") << kumina << QByteArray("sasl_method=PLAIN")
        << Expect(K::SmtpdClient, D::Smtpd).queue("EB4B2C19E2").peer("xxx", "1.2.3.4").auth();
    QTest::newRow("kumina verified 1.3") << kumina << QByteArray("key-exchange X25519")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("gmail-smtp-in.l.google.com", "108.177.14.26", 25)
               .tls(Trust::Verified, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256, "X25519", 253, false);
    QTest::newRow("kumina virtual") << kumina << QByteArray("postfix/virtual")
        << Expect(K::Delivery, D::Virtual).queue("199041033BE").to("me@domain.fr").peer("virtual", "")
               .status(S::Sent, "delivered to maildir");
    QTest::newRow("ASO Solaris client") << aso << QByteArray("9F2183652: client=")
        << Expect(K::SmtpdClient, D::Smtpd).queue("9F2183652").peer("localhost", "127.0.0.1");
    QTest::newRow("fail2ban smtp-25 disconnect") << f2b << QByteArray("postfix/smtp-25/smtpd[123]: disconnect")
        << Expect(K::SmtpdDisconnect, D::Smtpd).service("smtp-25").peer("unknown", "192.0.2.1")
               .stats(-1, -1, -1, -1);
    QTest::newRow("fail2ban lost after STARTTLS") << f2b << QByteArray("lost connection after STARTTLS")
        << Expect(K::SmtpdTlsFailure, D::Smtpd).peer("spammer.example.com", "192.0.2.42")
               .problem(P::LostAfterStarttls, "lost connection after STARTTLS");
    QTest::newRow("mail-tls-helper ADH") << tlsHelper << QByteArray("Anonymous TLS")
        << Expect(K::SmtpTlsEstablished, D::Smtp).peer("relay.example.org", "31.0.0.0", 25)
               .tls(Trust::Anonymous, "TLSv1", "ADH-AES256-SHA", 256, "", 0, true);
}

void TestPostfixParserCorpus::corpusLines()
{
    if (!corpusPresent())
        QSKIP("corpus not present");
    QFETCH(QString, file);
    QFETCH(QByteArray, needle);
    QFETCH(Expect, expected);
    QByteArray line;
    const QList<QByteArray> lines = readLines(file);
    for (const QByteArray &l : lines) {
        if (l.contains(needle)) {
            line = l;
            break;
        }
    }
    QVERIFY2(!line.isEmpty(), needle.constData());
    LinePrefixParser prefix{QTimeZone::utc()};
    LogLine parsed;
    QVERIFY(prefix.parse(std::string_view(line.constData(), std::size_t(line.size())), parsed));
    const LogEvent e = PostfixParser().parse(parsed);
    QCOMPARE(describe(e), describe(expected.e));
}

void TestPostfixParserCorpus::corpusHasFewUnrecognised()
{
    // Every real Postfix line of the corpus is known, except those that really
    // are not: lines cut short in the source they were copied from.
    if (!corpusPresent())
        QSKIP("corpus not present");
    QStringList unrecognised;
    int postfixLines = 0;
    for (const QString &file : corpusPrefixedFiles()) {
        LinePrefixParser prefix{QTimeZone::utc()};
        const QList<QByteArray> lines = readLines(file);
        for (const QByteArray &l : lines) {
            LogLine parsed;
            if (!prefix.parse(std::string_view(l.constData(), std::size_t(l.size())), parsed))
                continue;
            if (!PostfixParser::isPostfixProgram(parsed.program))
                continue;
            ++postfixLines;
            const LogEvent e = PostfixParser().parse(parsed);
            if (e.kind == EventKind::Unrecognised)
                unrecognised << str(parsed.message);
        }
    }
    QVERIFY(postfixLines > 6000);
    const QStringList expected{QStringLiteral("3mPVKl0Mhjz7sXv: to=<56597@con"),
                               QStringLiteral("3mPVKl0Mhjz7sXv: to=<56597@con")};
    QCOMPARE(unrecognised, expected);
}

void TestPostfixParserCorpus::grokMessagesAreRecognised()
{
    if (!corpusPresent())
        QSKIP("corpus not present");
    const auto messages = grokMessages();
    QVERIFY(messages.size() > 150);
    QStringList unrecognised;
    for (const auto &pm : messages) {
        const LogEvent e = parseMessage(pm.first, pm.second);
        if (e.kind == EventKind::Unrecognised)
            unrecognised << QString::fromUtf8(pm.first + ": " + pm.second);
    }
    QCOMPARE(unrecognised, QStringList());
}

void TestPostfixParserCorpus::robustness()
{
    // Every corpus line, cut at every position and mutated at random (fixed
    // seed), through both parsers: no crash, no hang, and every view the parsers
    // hand out lies inside the line.
    if (!corpusPresent())
        QSKIP("corpus not present");
    std::vector<std::string> lines;
    QDirIterator it(QStringLiteral(MAILTLS_CORPUS_DIR), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.size() > 4 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> all = f.readAll().split('\n');
        for (const QByteArray &l : all)
            lines.emplace_back(l.constData(), std::size_t(l.size()));
    }
    // Message parts alone too, as Postfix lines of every daemon.
    const auto messages = grokMessages();
    for (const auto &pm : messages)
        lines.push_back("Jan  5 10:00:00 mx " + pm.first.toStdString() + "[1]: " + pm.second.toStdString());
    QVERIFY(lines.size() > 5000);

    LinePrefixParser prefix{QTimeZone(QByteArrayLiteral("Europe/Berlin"))};
    const PostfixParser postfix;
    std::mt19937 random(20240105u);
    std::uint64_t events = 0;
    auto check = [&](std::string_view text) {
        LogLine parsed;
        if (prefix.parse(text, parsed)) {
            for (std::string_view v : {parsed.host, parsed.program, parsed.message}) {
                if (!within(v, text))
                    return false;
            }
        } else {
            // The message alone, as the parser may be fed pre-split lines.
            parsed = LogLine();
            parsed.program = std::string_view("postfix/smtp");
            parsed.message = text;
        }
        const LogEvent e = postfix.parse(parsed);
        events += static_cast<std::uint64_t>(e.kind);
        for (std::string_view v : {e.service, e.queueId, e.host, e.ip, e.recipient,
                                   e.origRecipient, e.statusText, e.sender, e.tls.protocol,
                                   e.tls.cipher, e.tls.keyExchange, e.problemText}) {
            if (!within(v, parsed.message) && !within(v, parsed.program))
                return false;
        }
        return e.port >= 0 && e.port <= 65535 && e.size >= -1;
    };
    std::string buffer;
    for (const std::string &line : lines) {
        for (std::size_t n = 0; n <= line.size(); ++n) {
            // A fresh copy of exactly n bytes, so reading past the end is caught
            // by sanitizers.
            buffer.assign(line, 0, n);
            QVERIFY2(check(std::string_view(buffer.data(), n)), line.c_str());
        }
        for (int round = 0; round < 8 && !line.empty(); ++round) {
            buffer = line;
            const int edits = 1 + int(random() % 4);
            for (int i = 0; i < edits; ++i) {
                const std::size_t at = random() % buffer.size();
                switch (random() % 4) {
                case 0: buffer[at] = static_cast<char>(random() % 256); break;
                case 1: buffer.erase(at, 1 + random() % 8); break;
                case 2: buffer.insert(at, 1, "[]<>:, =/"[random() % 9]); break;
                default: buffer.insert(at, buffer.substr(at, random() % 16)); break;
                }
                if (buffer.empty())
                    break;
            }
            QVERIFY2(check(buffer), line.c_str());
        }
    }
    // Long and binary lines.
    std::string huge = "Jan  5 10:00:00 mx postfix/smtp[1]: ABCDEF: to=<" + std::string(1 << 20, 'a');
    QVERIFY(check(huge));
    std::string brackets = "Jan  5 10:00:00 mx postfix/smtpd[1]: connect from " + std::string(1 << 20, '[');
    QVERIFY(check(brackets));
    std::string binary;
    for (int i = 0; i < 1 << 16; ++i)
        binary.push_back(static_cast<char>(random() % 256));
    QVERIFY(check(binary));
    QVERIFY(events > 0);
}

QTEST_GUILESS_MAIN(TestPostfixParserCorpus)
#include "tst_postfixparsercorpus.moc"
