#include <cstdint>
#include <random>
#include <vector>

#include <QByteArray>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QTest>

#include "models/logs/sendmailassembler.h"
#include "models/logs/sessionassembler.h"
#include "tests/models/tst_sendmailassemblercases.h"
#include "tests/models/tst_sendmailassemblerharness.h"

using namespace mailtls;
using namespace mailtls::testing;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QString dataPath(const QString &file)
{
    return QStringLiteral(MAILTLS_TEST_DATA_DIR "/sendmail/") + file;
}

bool corpusPresent()
{
    return QDir(QStringLiteral(MAILTLS_CORPUS_DIR)).exists();
}

QStringList corpusFiles()
{
    return {QStringLiteral("extracted/augieschwer-grok-patterns_test-sendmail.rb.lines.txt"),
            QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-auth"),
            QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-reject")};
}

// Every case at once, interleaved: sessions, connections and attempts of many
// pids open at the same time (the cases' pids are distinct).
QByteArray interleavedCases()
{
    std::vector<QList<QByteArray>> split;
    for (const SendmailCase &c : sendmailCases())
        split.push_back(logText(c.log).split('\n'));
    std::mt19937 random(7);
    std::vector<int> positions(split.size(), 0);
    QByteArray mixed;
    for (bool more = true; more;) {
        more = false;
        for (std::size_t i = 0; i < split.size(); ++i) {
            const int take = int(random() % 3);
            for (int k = 0; k < take && positions[i] < split[i].size(); ++k) {
                const QByteArray &row = split[i][positions[i]++];
                if (!row.isEmpty())
                    mixed += row + '\n';
            }
            if (positions[i] < split[i].size())
                more = true;
        }
    }
    return mixed;
}

// The expected file of a fixture: its records, a blank line, its per-peer figures.
void readExpected(const QString &path, QStringList &records, QStringList &figures)
{
    const QList<QByteArray> rows = readFile(path).split('\n');
    QStringList *into = &records;
    for (const QByteArray &row : rows) {
        if (row.startsWith('#'))
            continue;
        if (row.isEmpty()) {
            if (!records.isEmpty())
                into = &figures;
            continue;
        }
        *into << QString::fromUtf8(row);
    }
}

} // namespace

class TestSendmailAssembler : public QObject
{
    Q_OBJECT

private slots:
    void counting_data();
    void counting();
    void interleaved();
    void emissions();
    void fields();
    void tlsDetails();
    void deferralNamesItsMessage();
    void programs();
    void expiry();
    void snapshotSplit_data();
    void snapshotSplit();
    void saveStateIsStable();
    void restoreGarbage_data();
    void restoreGarbage();
    void fixtures_data();
    void fixtures();
    void recycledOutputs_data() { fixtures_data(); }
    void recycledOutputs();
    void corpus();
};

void TestSendmailAssembler::counting_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");
    for (const SendmailCase &c : sendmailCases())
        QTest::newRow(c.name) << c.log << c.expected;
}

void TestSendmailAssembler::counting()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const ParsedLog parsed = parseSendmailText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const QStringList actual = describe(parsed, sendmailRead(parsed));
    if (actual != expected)
        qInfo().noquote() << actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, expected);
}

void TestSendmailAssembler::interleaved()
{
    // Each case on its own and all of them interleaved give the same records.
    QStringList separately;
    for (const SendmailCase &c : sendmailCases()) {
        const ParsedLog parsed = parseSendmailText(logText(c.log));
        for (const QString &line : describeFully(sendmailRead(parsed)))
            separately << line.section(QLatin1Char(' '), 2);   // without record type and key: offsets differ
    }
    const ParsedLog mixed = parseSendmailText(interleavedCases());
    QVERIFY(mixed.error.isEmpty());
    QStringList together;
    for (const QString &line : describeFully(sendmailRead(mixed)))
        together << line.section(QLatin1Char(' '), 2);
    // Line offsets differ between the two reads; everything before them must not.
    auto withoutLines = [](QStringList lines) {
        for (QString &line : lines)
            line = line.section(QLatin1Char(' '), 0, -2);
        lines.sort();
        return lines;
    };
    QCOMPARE(withoutLines(together), withoutLines(separately));
}

void TestSendmailAssembler::emissions()
{
    // Each emission, in order: what the store sees before it replaces by key.
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[100]: 4A1B2C3D000100: from=<c@example.com>, size=1, class=0, nrcpts=1, msgid=<1@example.com>, proto=ESMTP, daemon=MTA, relay=client.example.com [203.0.113.52]",
        "10:00:01 sm-mta[100]: AUTH=server, relay=client.example.com [203.0.113.52], authid=carol, mech=LOGIN, bits=0",
        "10:00:02 sm-mta[101]: 4A1B2C3D000100: to=<d@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)",
        "10:00:03 sm-mta[102]: STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
        "10:00:03 sm-mta[102]: 4A1B2C3E000100: to=<x@weakdh.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.weakdh.example. [192.0.2.37], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.",
        "10:00:04 sm-mta[102]: 4A1B2C3E000100: to=<y@weakdh.example>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.weakdh.example. [192.0.2.37], dsn=4.0.0, stat=Deferred: 403 4.7.0 TLS handshake failed.",
        "10:00:05 sm-mta[103]: 4A1B2C3E000100: from=<e@example.com>, size=77, class=0, nrcpts=1, msgid=<2@example.com>, proto=ESMTP, daemon=MTA, relay=other.example.com [203.0.113.53]",
    })));
    QVERIFY(log.error.isEmpty());

    SendmailAssembler a;
    QStringList seen;
    auto take = [&](const QString &when) {
        const AssemblerOutput out = a.takeOutput();
        for (const TransferRecord &r : out.transfers)
            seen << when + describe(log, r);
        for (const ConnectionRecord &r : out.connections)
            seen << when + describe(log, r);
        for (const TlsFailureRecord &r : out.failures)
            seen << when + describe(log, r);
    };
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        QVERIFY(a.feed(log.lines[i], log.offsets[i]));
        take(QStringLiteral("%1: ").arg(i));
    }
    a.finish();
    take(QStringLiteral("end: "));

    const QStringList expected = L({
        "0: msg@0 inbound client.example.com(203.0.113.52) 4A1B2C3D000100 plain 1 [0]",
        "2: msg@2 outbound mx.example.org(198.51.100.25) 4A1B2C3D000100 plain 1 to=d@example.org [0,2]",
        "2: conn@2 outbound mx.example.org(198.51.100.25) plain [2]",
        "4: conn@4 outbound mx.weakdh.example(192.0.2.37) plain [4]",
        "4: fail@3 outbound mx.weakdh.example(192.0.2.37) DhKeyTooSmall \"dh key too small\" [3,4]",
        // Another deferral of the same transaction joins the attempt.
        "5: fail@3 outbound mx.weakdh.example(192.0.2.37) DhKeyTooSmall \"dh key too small\" [3,4,5]",
        "6: msg@6 inbound other.example.com(203.0.113.53) 4A1B2C3E000100 plain 77 [6]",
        // The session's AUTH came after its message: at its end the message is submission.
        "end: msg@0 submission client.example.com(203.0.113.52) 4A1B2C3D000100 plain 1 [0]",
        "end: conn@0 submission client.example.com(203.0.113.52) plain [0,1]",
        "end: conn@6 inbound other.example.com(203.0.113.53) plain [6]",
    });
    if (seen != expected)
        qInfo().noquote() << seen.join(QLatin1Char('\n'));
    QCOMPARE(seen, expected);
}

void TestSendmailAssembler::fields()
{
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[100]: STARTTLS=server, relay=mail.example.net [192.0.2.10], version=TLSv1.2, verify=NO, cipher=ECDHE-RSA-AES128-GCM-SHA256, bits=128/128",
        "10:00:10 sm-mta[100]: 4A1B2C3D000100: from=<a@example.net>, size=2048, class=0, nrcpts=2, msgid=<1@example.net>, proto=ESMTPS, daemon=MTA, relay=mail.example.net [192.0.2.10]",
        "10:00:20 sm-mta[101]: 4A1B2C3D000100: to=<b@example.org>,<c@example.org>, delay=00:00:10, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)",
        "10:00:30 sm-mta[102]: 4A1B2C3E000100: to=<d@example.org>, delay=00:00:10, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)",
        "10:00:40 sm-mta[103]: STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, errno=0, retry=-1",
    })));
    QVERIFY(log.error.isEmpty());
    const Final f = sendmailRead(log);
    const std::int64_t t0 = kJun10 + 10 * 3600;

    const TransferRecord &in = f.transfers.at(log.offsets[1]);
    QCOMPARE(in.time, t0 + 10);
    QCOMPARE(in.bytes, std::int64_t(2048));
    QCOMPARE(in.sender, QStringLiteral("a@example.net"));
    QCOMPARE(in.recipients, QString());
    QCOMPARE(in.queueId, QStringLiteral("4A1B2C3D000100"));

    const TransferRecord &out = f.transfers.at(log.offsets[2]);
    QCOMPARE(out.time, t0 + 10);   // the from= line: the message's arrival
    QCOMPARE(out.bytes, std::int64_t(2048));
    QCOMPARE(out.sender, QStringLiteral("a@example.net"));
    QCOMPARE(out.recipients, QStringLiteral("b@example.org,c@example.org"));
    QCOMPARE(out.local, false);

    const TransferRecord &noFrom = f.transfers.at(log.offsets[3]);
    QCOMPARE(noFrom.time, t0 + 30);   // no from= line: the first sent line
    QCOMPARE(noFrom.bytes, std::int64_t(0));
    QCOMPARE(noFrom.sender, QString());

    const ConnectionRecord &session = f.connections.at(log.offsets[0]);
    QCOMPARE(session.time, t0);
    QCOMPARE(session.port, 0);
    const ConnectionRecord &outConn = f.connections.at(log.offsets[2]);
    QCOMPARE(outConn.time, t0 + 20);
    QCOMPARE(outConn.port, 0);

    const TlsFailureRecord &failure = f.failures.at(log.offsets[4]);
    QCOMPARE(failure.time, t0 + 40);
    QCOMPARE(failure.problem, TlsProblem::DhKeyTooSmall);
    QCOMPARE(failure.reason, QStringLiteral("dh key too small"));
    QCOMPARE(failure.direction, Direction::Outbound);
}

void TestSendmailAssembler::tlsDetails()
{
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[100]: STARTTLS=server, relay=mail.example.net [192.0.2.10], version=TLSv1/SSLv3, verify=NO, cipher=DHE-RSA-AES256-SHA, bits=256/256",
        "10:00:01 sm-mta[100]: 4A1B2C3D000100: from=<a@example.net>, size=1, class=0, nrcpts=1, msgid=<1@example.net>, proto=ESMTPS, daemon=MTA, relay=mail.example.net [192.0.2.10]",
        "10:00:02 sm-mta[101]: STARTTLS=client, relay=mx.example.org., version=TLSv1.3, verify=OK, cipher=TLS_AES_128_GCM_SHA256, bits=128/128",
        "10:00:03 sm-mta[101]: 4A1B2C3D000100: to=<b@example.org>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)",
        "10:00:04 sm-mta[102]: STARTTLS=client, relay=mx.dane.example., version=TLSv1.3, verify=TRUSTED, cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
        "10:00:05 sm-mta[102]: 4A1B2C3D000100: to=<c@dane.example>, delay=00:00:04, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.dane.example. [203.0.113.80], dsn=2.0.0, stat=Sent (ok)",
        "10:00:06 sm-mta[103]: STARTTLS=client, relay=mx.self.example., version=TLSv1.2, verify=FAIL, cipher=ECDHE-RSA-AES256-GCM-SHA384, bits=256/256",
        "10:00:07 sm-mta[103]: 4A1B2C3D000100: to=<d@self.example>, delay=00:00:06, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.self.example. [203.0.113.81], dsn=2.0.0, stat=Sent (ok)",
    })));
    QVERIFY(log.error.isEmpty());
    const Final f = sendmailRead(log);
    // Trust/protocol/cipher/bits/key exchange/its bits/DHE
    QCOMPARE(tlsText(f.transfers.at(log.offsets[1]).tls), QStringLiteral("1/TLSv1/SSLv3/DHE-RSA-AES256-SHA/256//0/1"));
    QCOMPARE(tlsText(f.connections.at(log.offsets[0]).tls), QStringLiteral("1/TLSv1/SSLv3/DHE-RSA-AES256-SHA/256//0/1"));
    QCOMPARE(tlsText(f.transfers.at(log.offsets[3]).tls), QStringLiteral("3/TLSv1.3/TLS_AES_128_GCM_SHA256/128//0/0"));
    QCOMPARE(tlsText(f.connections.at(log.offsets[3]).tls), QStringLiteral("3/TLSv1.3/TLS_AES_128_GCM_SHA256/128//0/0"));
    QCOMPARE(tlsText(f.transfers.at(log.offsets[5]).tls), QStringLiteral("4/TLSv1.3/TLS_AES_256_GCM_SHA384/256//0/0"));
    QCOMPARE(tlsText(f.transfers.at(log.offsets[7]).tls), QStringLiteral("2/TLSv1.2/ECDHE-RSA-AES256-GCM-SHA384/256//0/0"));
}

// A delivery a TLS_Srv policy (here a MailTLS window's rules) deferred: the
// failure names the message, its sender and the recipients deferred, read
// in one go or across any snapshot.
void TestSendmailAssembler::deferralNamesItsMessage()
{
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[300]: 4A1B2C3D000300: from=<cid@six.example>, size=300, class=0, nrcpts=3, msgid=<3@six.example>, proto=ESMTPS, daemon=MTA, relay=six.example [192.0.2.6]",
        "10:00:01 sm-mta[301]: ruleset=tls_server, arg1=NONE, relay=[198.51.100.21], reject=454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)",
        "10:00:01 sm-mta[301]: 4A1B2C3D000300: to=<frank@plain.example>,<erin@plain.example>, delay=00:00:01, xdelay=00:00:00, mailer=esmtp, pri=30260, relay=[198.51.100.21] [198.51.100.21], dsn=4.7.0, stat=Deferred: 454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)",
        "10:00:02 sm-mta[301]: 4A1B2C3D000300: to=<gus@plain.example>, delay=00:00:02, xdelay=00:00:00, mailer=esmtp, pri=30260, relay=[198.51.100.21] [198.51.100.21], dsn=4.7.0, stat=Deferred: 454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)",
    })));
    QVERIFY(log.error.isEmpty());
    for (std::size_t split = 0; split <= log.lines.size(); ++split) {
        QString error;
        const Final f = splitRead(log, split, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(f.failures.size(), std::size_t(1));
        const TlsFailureRecord &failure = f.failures.begin()->second;
        QCOMPARE(failure.direction, Direction::Outbound);
        QCOMPARE(failure.peerIp, QStringLiteral("198.51.100.21"));
        QCOMPARE(failure.problem, TlsProblem::NotOffered);
        QCOMPARE(failure.reason, QStringLiteral("other side does not support STARTTLS (STARTTLS required for now)"));
        QCOMPARE(failure.queueId, QStringLiteral("4A1B2C3D000300"));
        QCOMPARE(failure.sender, QStringLiteral("cid@six.example"));
        QCOMPARE(failure.recipients, QStringLiteral("frank@plain.example,erin@plain.example,gus@plain.example"));
    }
}

void TestSendmailAssembler::programs()
{
    QVERIFY(SendmailAssembler::isSendmailProgram("sm-mta"));
    QVERIFY(SendmailAssembler::isSendmailProgram("sendmail"));
    QVERIFY(SendmailAssembler::isSendmailProgram("sm-msp-queue"));
    QVERIFY(!SendmailAssembler::isSendmailProgram("postfix/smtpd"));

    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
        "10:00:01 sm-mta[101]: qA7LqlqC029841: flux capacitor overheated",
        "10:00:02 sm-mta[101]: starting daemon (8.17.1): SMTP+queueing@00:10:00",
        "10:00:03 sm-mta[101]: qA7LqlqC029841: Milter add: header: X-Spam: no",
        "10:00:04 exim[102]: 2024-06-10 10:00:04 1rABCD-000123-AB <= a@example.net H=mail.example.net [192.0.2.10]",
    })));
    QVERIFY(log.error.isEmpty());
    SendmailAssembler a;
    QList<bool> fed;
    for (std::size_t i = 0; i < log.lines.size(); ++i)
        fed << a.feed(log.lines[i], log.offsets[i]);
    // Other programs' lines and lines no rule knows are not the assembler's to count.
    QCOMPARE(fed, (QList<bool>{false, false, true, true, false}));
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());
}

void TestSendmailAssembler::expiry()
{
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[100]: STARTTLS=server, relay=mail.example.net [192.0.2.10], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
        "10:00:01 sm-mta[101]: STARTTLS=client, error: connect failed=0, SSL_error=5",
        "10:00:02 sm-mta[102]: STARTTLS=client, relay=mx.example.org., version=TLSv1.3, verify=OK, cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
        "10:00:03 sm-mta[102]: 4A1B2C3D000102: to=<b@example.org>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [198.51.100.25], dsn=2.0.0, stat=Sent (ok)",
    })));
    QVERIFY(log.error.isEmpty());
    SendmailAssembler a;
    feedRange(a, log, 0, log.lines.size());
    Final f;
    f.apply(a.takeOutput());
    QCOMPARE(f.connections.size(), std::size_t(1));   // the outbound one
    QCOMPARE(f.failures.size(), std::size_t(0));

    // An hour and more later the failed handshake is settled as it stands.
    const std::int64_t t0 = kJun10 + 10 * 3600;
    a.passTime(t0 + 3600 + 1800);
    f.apply(a.takeOutput());
    QCOMPARE(f.failures.size(), std::size_t(1));
    QCOMPARE(describe(log, f.failures.begin()->second),
             QStringLiteral("fail@1 outbound () Handshake \"connect failed=0, SSL_error=5\" [1]"));
    QCOMPARE(f.connections.size(), std::size_t(1));

    // Two hours after its last line the session is over (Sendmail's own timeout is one).
    a.passTime(t0 + 2 * 3600 + 1800);
    f.apply(a.takeOutput());
    QCOMPARE(describe(log, f.connections.at(log.offsets[0])),
             QStringLiteral("conn@0 inbound mail.example.net(192.0.2.10) enc [0]"));
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());

    // The pid's next line after that long is a new session.
    const ParsedLog later = parseSendmailText(logText(L({
        "10:00:00 sm-mta[100]: STARTTLS=server, relay=mail.example.net [192.0.2.10], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
        "13:00:00 sm-mta[100]: 4A1B2C3D000100: from=<a@example.net>, size=1, class=0, nrcpts=1, msgid=<1@example.net>, proto=ESMTP, daemon=MTA, relay=mail.example.net [192.0.2.10]",
    })));
    QCOMPARE(describe(later, sendmailRead(later)),
             L({"msg@1 inbound mail.example.net(192.0.2.10) 4A1B2C3D000100 plain 1 [1]",
                "conn@0 inbound mail.example.net(192.0.2.10) enc [0]",
                "conn@1 inbound mail.example.net(192.0.2.10) plain [1]"}));
}

void TestSendmailAssembler::snapshotSplit_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("all cases interleaved") << interleavedCases();
    for (const SendmailCase &c : sendmailCases())
        QTest::newRow(c.name) << logText(c.log);
    for (const QString &file : QDir(QStringLiteral(MAILTLS_TEST_DATA_DIR "/sendmail")).entryList({QStringLiteral("*.log")}))
        QTest::newRow(qPrintable(file)) << readFile(dataPath(file));
}

void TestSendmailAssembler::snapshotSplit()
{
    // A read through a restart at any line gives the records of one clean read.
    QFETCH(QByteArray, text);
    const ParsedLog log = parseSendmailText(text);
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    const QStringList clean = describeFully(sendmailRead(log));
    for (std::size_t split = 0; split <= log.lines.size(); ++split) {
        QString error;
        const QStringList restarted = describeFully(splitRead(log, split, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (restarted != clean)
            QFAIL(qPrintable(QStringLiteral("split at line %1 of %2").arg(split).arg(log.lines.size())));
    }
}

void TestSendmailAssembler::saveStateIsStable()
{
    const ParsedLog log = parseSendmailText(interleavedCases());
    QVERIFY(log.error.isEmpty());
    SendmailAssembler a;
    feedRange(a, log, 0, log.lines.size() / 2);
    const QByteArray state = a.saveState();
    SendmailAssembler b;
    QString error;
    QVERIFY2(b.restoreState(state, &error), qPrintable(error));
    QCOMPARE(b.saveState(), state);
    // Something is open half-way through, or the test proves nothing.
    QVERIFY(state.size() > 200);
}

void TestSendmailAssembler::restoreGarbage_data()
{
    QTest::addColumn<QByteArray>("state");
    const ParsedLog log = parseSendmailText(interleavedCases());
    SendmailAssembler a;
    feedRange(a, log, 0, log.lines.size() / 2);
    const QByteArray good = a.saveState();
    SessionAssembler postfix;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("Postfix's snapshot") << postfix.saveState();
    QTest::newRow("truncated") << good.left(good.size() / 2);
    QTest::newRow("trailing bytes") << good + QByteArray("x");
    QByteArray version = good;
    version[5] = char(9);
    QTest::newRow("other version") << version;
    QByteArray count = good;
    // After magic, version, clock, sweep slot and started (4 + 2 + 8 + 8 + 1 bytes): the count of sessions.
    for (int i = 23; i < 27; ++i)
        count[i] = char(0x7f);
    QTest::newRow("absurd count") << count;
}

void TestSendmailAssembler::restoreGarbage()
{
    QFETCH(QByteArray, state);
    SendmailAssembler a;
    QString error;
    QVERIFY(!a.restoreState(state, &error));
    QVERIFY(!error.isEmpty());
    // It starts over cleanly: nothing of the rejected state remains.
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());
    const ParsedLog log = parseSendmailText(logText(L({
        "10:00:00 sm-mta[102]: 4A1B2C3D000102: from=<b@example.net>, size=10, class=0, nrcpts=1, msgid=<2@example.net>, proto=ESMTP, daemon=MTA-v4, relay=mx.example.net [192.0.2.11]"})));
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    Final f;
    f.apply(a.takeOutput());
    QCOMPARE(describe(log, f), L({"msg@0 inbound mx.example.net(192.0.2.11) 4A1B2C3D000102 plain 10 [0]",
                                  "conn@0 inbound mx.example.net(192.0.2.11) plain [0]"}));
}

void TestSendmailAssembler::fixtures_data()
{
    QTest::addColumn<QString>("name");
    const QStringList logs = QDir(QStringLiteral(MAILTLS_TEST_DATA_DIR "/sendmail")).entryList({QStringLiteral("*.log")});
    for (const QString &file : logs)
        QTest::newRow(qPrintable(file)) << file.chopped(4);
}

void TestSendmailAssembler::fixtures()
{
    // Whole logs written from Sendmail's documented formats, with every record
    // and the per-peer figures a report shows written out by hand.
    QFETCH(QString, name);
    const QStringList logs = QDir(QStringLiteral(MAILTLS_TEST_DATA_DIR "/sendmail")).entryList({QStringLiteral("*.log")});
    QVERIFY(logs.size() >= 2);
    const ParsedLog log = parseSendmailText(readFile(dataPath(name + QStringLiteral(".log"))));
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    QStringList records;
    QStringList figures;
    readExpected(dataPath(name + QStringLiteral(".expected")), records, figures);
    const Final f = sendmailRead(log);
    const QStringList actualRecords = describe(log, f);
    const QStringList actualFigures = peerFigures(f);
    if (actualRecords != records || actualFigures != figures)
        qInfo().noquote() << (actualRecords + QStringList{QString()} + actualFigures).join(QLatin1Char('\n'));
    QVERIFY(!records.isEmpty());
    QVERIFY(!figures.isEmpty());
    QCOMPARE(actualRecords, records);
    QCOMPARE(actualFigures, figures);
}

void TestSendmailAssembler::recycledOutputs()
{
    // The importer hands every output back once stored (LogAssembler::recycle):
    // records written over reused ones must be what a fresh read gives.
    QFETCH(QString, name);
    const ParsedLog log = parseSendmailText(readFile(dataPath(name + QStringLiteral(".log"))));
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    const Final fresh = sendmailRead(log);
    SendmailAssembler a;
    Final f;
    int reused = 0;
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        feedRange(a, log, i, i + 1);
        AssemblerOutput out = a.takeOutput();
        f.apply(out);
        reused += out.isEmpty() ? 0 : 1;
        a.recycle(std::move(out));
    }
    a.finish();
    f.apply(a.takeOutput());
    QVERIFY(reused >= 3);
    QCOMPARE(describe(log, f), describe(log, fresh));
    QCOMPARE(peerFigures(f), peerFigures(fresh));
}

void TestSendmailAssembler::corpus()
{
    if (!corpusPresent())
        QSKIP("the shared corpus is not beside this checkout");
    // Every real Sendmail line: known to the assembler, and what it makes of
    // the grok-patterns file (lines of several servers and days, not one log).
    for (const QString &file : corpusFiles()) {
        const ParsedLog log = parseSendmailText(readFile(QStringLiteral(MAILTLS_CORPUS_DIR "/") + file));
        QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
        QVERIFY(log.lines.size() >= 10);
        SendmailAssembler a;
        for (std::size_t i = 0; i < log.lines.size(); ++i) {
            const QByteArray line(log.lines[i].message.data(), qsizetype(log.lines[i].message.size()));
            QVERIFY2(a.feed(log.lines[i], log.offsets[i]), line.constData());
        }
        a.finish();
        const AssemblerOutput out = a.takeOutput();
        QVERIFY(!out.isEmpty());
    }

    const ParsedLog grok = parseSendmailText(readFile(QStringLiteral(MAILTLS_CORPUS_DIR "/") + corpusFiles().first()));
    const QStringList actual = describe(grok, sendmailRead(grok));
    const QStringList expected = L({
        "msg@0 outbound lds.sonic.net(69.12.221.231) qA7LqlqC029841 plain 1391 to=augie@corp.sonic.net [0,5]",
        "msg@1 outbound aspmx.l.google.com(173.194.79.26) qACL1HdZ024655 plain 0 to=augie@corp.sonic.net [1]",
        "msg@4 outbound ign-com.mail.eo.outlook.com(216.32.180.22) qADMh0cd016570 plain 0 to=augie@corp.sonic.net,augie@sonic.net,augie@schwer.us [4]",
        "msg@5 inbound a.mail.sonic.net(64.142.16.245) qA7LqlqC029841 plain 1391 [5]",
        "msg@6 inbound mail.wlbutler.com(208.106.122.5) qACL1Pfa024787 plain 7712 [6]",
        "conn@0 outbound lds.sonic.net(69.12.221.231) plain [0]",
        "conn@1 outbound aspmx.l.google.com(173.194.79.26) plain [1]",
        "conn@4 outbound ign-com.mail.eo.outlook.com(216.32.180.22) plain [4]",
        "conn@5 inbound a.mail.sonic.net(64.142.16.245) plain [5]",
        "conn@6 inbound mail.wlbutler.com(208.106.122.5) plain [6]",
        "conn@12 inbound 173-8-135-25-sfba.hfc.comcastbusiness.net(173.8.135.25) enc [12]",
        "conn@13 inbound 184.21.104.253(184.21.104.253) enc [13]",
        "conn@14 inbound c-76-102-185-118.hsd1.ca.comcast.net(76.102.185.118) plain [14]",
        "conn@15 inbound 184.21.104.253(184.21.104.253) plain [15]",
        "conn@16 submission 127.0.0.1.dsl.dynamic.sonic.net(127.0.0.1) plain local [16]",
        "conn@17 submission 67.59.198.131(67.59.198.131) plain [17]",
        "conn@18 submission 173.228.127.4(173.228.127.4) plain [18]",
        "conn@19 submission c-50-131-108-189.hsd1.ca.comcast.net(50.131.108.189) plain [19]",
        "conn@20 submission 12.133.142.194(12.133.142.194) plain [20]",
        // The rejection before the connect failure (the file's order, not Sendmail's): one attempt.
        "fail@10 outbound goransoncpa-com.mail.eo.outlook.com() Handshake \"TLS handshake failed.\" [10,11]",
    });
    if (actual != expected)
        qInfo().noquote() << actual.join(QLatin1Char('\n'));
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestSendmailAssembler)
#include "tst_sendmailassembler.moc"
