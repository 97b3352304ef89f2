#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include "models/logs/assemblerhints.h"
#include "models/logs/assemblerpeer.h"
#include "models/logs/postfixscanner.h"
#include "models/logs/sessionassembler.h"
#include "tests/models/sessionassemblercases.h"
#include "tests/models/sessionassemblerharness.h"

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

QString loopbackLogPath()
{
    return QStringLiteral(MAILTLS_TEST_DATA_DIR "/postfix-loopback/postfix.log");
}

QString corpusPath(const QString &file)
{
    return QStringLiteral(MAILTLS_CORPUS_DIR "/") + file;
}

// Every case at once, interleaved: sessions and attempts of many pids open at
// the same time.
QByteArray interleavedCases()
{
    QByteArray mixed;
    std::vector<QByteArray> logs;
    for (const Case &c : countingCases())
        logs.push_back(logText(c.log));
    std::mt19937 random(42);
    std::vector<int> positions(logs.size(), 0);
    std::vector<QList<QByteArray>> split;
    for (const QByteArray &text : logs)
        split.push_back(text.split('\n'));
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

} // namespace

class TestSessionAssembler : public QObject
{
    Q_OBJECT

private slots:
    void counting_data();
    void counting();
    void reemission();
    void times();
    void tlsDetails();
    void senderAndRecipients();
    void recipientListIsBounded();
    void expiry();
    void silentSessionsAreDropped();
    void snapshotSplit_data();
    void snapshotSplit();
    void restoreGarbage_data();
    void restoreGarbage();
    void saveStateIsStable();
    void loopbackLog();
    void corpusLogs_data();
    void corpusLogs();
    void corpusSnapshots_data();
    void corpusSnapshots();
    void recycledRecords_data();
    void recycledRecords();
    void hintsChangeNothing_data();
    void hintsChangeNothing();
    void relayKeys_data();
    void relayKeys();
};

void TestSessionAssembler::counting_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");
    for (const Case &c : countingCases())
        QTest::newRow(c.name) << c.log << c.expected;
}

void TestSessionAssembler::counting()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const ParsedLog parsed = parseText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(describe(parsed, cleanRead(parsed)), expected);
}

void TestSessionAssembler::reemission()
{
    // Each emission, in order: what the store sees before replacing by key.
    const ParsedLog log = parseText(logText(
        {QStringLiteral("10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]"),
         QStringLiteral("10:00:01 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]"),
         QStringLiteral("10:00:02 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=3000, nrcpt=2 (queue active)"),
         QStringLiteral("10:00:03 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8"),
         QStringLiteral("10:00:04 postfix/smtp[200]: Trusted TLS connection established to mx1.example.org[198.51.100.20]:25: ") + QString::fromUtf8(kTls13),
         QStringLiteral("10:00:04 postfix/smtp[200]: 4104E3D: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)"),
         QStringLiteral("10:00:05 postfix/smtp[201]: 4104E3D: to=<c@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)"),
         QStringLiteral("10:00:06 postfix/smtp[202]: 9C9C9C9: to=<d@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)"),
         QStringLiteral("10:00:07 postfix/qmgr[102]: 9C9C9C9: from=<e@example.net>, size=77, nrcpt=1 (queue active)")}));
    QVERIFY(log.error.isEmpty());

    SessionAssembler a;
    QStringList seen;
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        a.feed(log.lines[i], log.events[i], log.offsets[i]);
        const AssemblerOutput out = a.takeOutput();
        for (const TransferRecord &r : out.transfers)
            seen << QStringLiteral("%1: ").arg(i) + describe(log, r);
        for (const ConnectionRecord &r : out.connections)
            seen << QStringLiteral("%1: ").arg(i) + describe(log, r);
    }
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());

    const QStringList expected = L({
        // At the queue: inbound, plaintext as far as known.
        "2: msg@1 inbound mail.example.net(192.0.2.10) 4104E3D plain 3000 [0,1,2]",
        // The disconnect makes it submission and encrypted: same key again.
        "3: msg@1 submission mail.example.net(192.0.2.10) 4104E3D enc 3000 [0,1,2,3]",
        "3: conn@0 submission mail.example.net(192.0.2.10) enc [0,1,3]",
        "5: msg@5 outbound mx1.example.org(198.51.100.20) 4104E3D enc 3000 to=b@example.org [2,4,5]",
        "5: conn@5 outbound mx1.example.org(198.51.100.20):25 enc [4,5]",
        // A plaintext sent line to the same peer: same key, now plaintext.
        "6: msg@5 outbound mx1.example.org(198.51.100.20) 4104E3D plain 3000 to=b@example.org,c@example.org [2,4,5,6]",
        "6: conn@6 outbound mx1.example.org(198.51.100.20):25 plain [6]",
        "7: msg@7 outbound mx1.example.org(198.51.100.20) 9C9C9C9 plain 0 to=d@example.org [7]",
        "7: conn@7 outbound mx1.example.org(198.51.100.20):25 plain [7]",
        // The size arrives after the message was counted.
        "8: msg@7 outbound mx1.example.org(198.51.100.20) 9C9C9C9 plain 77 to=d@example.org [7,8]",
    });
    QCOMPARE(seen, expected);
}

void TestSessionAssembler::times()
{
    const ParsedLog log = parseText(logText(L({
        "10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
        "10:00:10 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
        "10:00:20 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=1, nrcpt=1 (queue active)",
        "10:00:30 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=1 starttls=0/1 commands=1/2",
        "10:00:40 postfix/smtp[200]: 4104E3D: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
        "10:00:50 postfix/smtp[201]: 5E5E5E5: to=<b@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
        "10:01:00 postfix/smtp[202]: SSL_connect error to mx.gone.example[192.0.2.37]:25: -1",
        "10:01:10 postfix/smtp[202]: 6F6F6F6: to=<b@gone.example>, relay=mx.gone.example[192.0.2.37]:25, delay=1, delays=0/0/1/0, dsn=4.7.5, status=deferred (Cannot start TLS: handshake failure)",
    })));
    QVERIFY(log.error.isEmpty());
    const Final f = cleanRead(log);
    const std::int64_t t0 = kJun10 + 10 * 3600;
    QCOMPARE(f.transfers.at(log.offsets[1]).time, t0 + 20);   // inbound: the qmgr line
    QCOMPARE(f.transfers.at(log.offsets[4]).time, t0 + 20);   // outbound: the qmgr line
    QCOMPARE(f.transfers.at(log.offsets[5]).time, t0 + 50);   // no qmgr line: the sent line
    QCOMPARE(f.connections.at(log.offsets[0]).time, t0);      // the connect line
    QCOMPARE(f.connections.at(log.offsets[7]).time, t0 + 70); // the delivery line
    QCOMPARE(f.failures.at(log.offsets[3]).time, t0 + 30);    // inbound: starttls=0/1
    QCOMPARE(f.failures.at(log.offsets[6]).time, t0 + 60);    // outbound: the first line
    QCOMPARE(f.failures.at(log.offsets[6]).port, 25);
}

void TestSessionAssembler::tlsDetails()
{
    const ParsedLog log = parseText(logText(L({
        "10:00:00 postfix/smtpd[100]: connect from mail.example.net[192.0.2.10]",
        "10:00:01 postfix/smtpd[100]: Trusted TLS connection established from mail.example.net[192.0.2.10]: TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256",
        "10:00:02 postfix/smtpd[100]: 4104E3D: client=mail.example.net[192.0.2.10]",
        "10:00:03 postfix/qmgr[102]: 4104E3D: from=<a@example.net>, size=1, nrcpt=1 (queue active)",
        "10:00:04 postfix/smtpd[100]: disconnect from mail.example.net[192.0.2.10] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7",
        "10:00:05 postfix/smtp[200]: Untrusted TLS connection established to mx.old.example[192.0.2.33]:25: TLSv1.2 with cipher DHE-RSA-AES256-GCM-SHA384 (256/256 bits)",
        "10:00:06 postfix/smtp[200]: 4104E3D: to=<b@old.example>, relay=mx.old.example[192.0.2.33]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
    })));
    QVERIFY(log.error.isEmpty());
    const Final f = cleanRead(log);

    const TlsDetails in = f.connections.at(log.offsets[0]).tls;
    QCOMPARE(in.trust, Trust::Trusted);
    QCOMPARE(in.protocol, QStringLiteral("TLSv1.3"));
    QCOMPARE(in.cipher, QStringLiteral("TLS_AES_128_GCM_SHA256"));
    QCOMPARE(in.cipherBits, 128);
    QCOMPARE(in.keyExchange, QStringLiteral("X25519"));
    QCOMPARE(in.keyExchangeBits, 253);
    QCOMPARE(in.dhe, false);
    QCOMPARE(tlsText(f.transfers.at(log.offsets[2]).tls), tlsText(in));

    const TlsDetails out = f.connections.at(log.offsets[6]).tls;
    QCOMPARE(out.trust, Trust::Untrusted);
    QCOMPARE(out.protocol, QStringLiteral("TLSv1.2"));
    QCOMPARE(out.cipher, QStringLiteral("DHE-RSA-AES256-GCM-SHA384"));
    QCOMPARE(out.cipherBits, 256);
    QCOMPARE(out.keyExchange, QString());
    QCOMPARE(out.dhe, true);
    QCOMPARE(tlsText(f.transfers.at(log.offsets[6]).tls), tlsText(out));
}

void TestSessionAssembler::senderAndRecipients()
{
    const ParsedLog log = parseText(logText(L({
        "10:00:00 postfix/qmgr[102]: 4104E3D: from=<list-bounces@example.com>, size=1, nrcpt=2 (queue active)",
        "10:00:01 postfix/smtp[200]: 4104E3D: to=<b@example.org>, orig_to=<alias@example.com>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
        "10:00:01 postfix/smtp[200]: 4104E3D: to=<b@example.org>, orig_to=<other@example.com>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)",
    })));
    QVERIFY(log.error.isEmpty());
    const Final f = cleanRead(log);
    QCOMPARE(f.transfers.size(), std::size_t(1));
    const TransferRecord &r = f.transfers.begin()->second;
    QCOMPARE(r.sender, QStringLiteral("list-bounces@example.com"));
    QCOMPARE(r.recipients, QStringLiteral("b@example.org"));
    QCOMPARE(r.queueId, QStringLiteral("4104E3D"));
}

void TestSessionAssembler::recipientListIsBounded()
{
    // A message to many recipients at one peer: one message, bounded lists,
    // and no new emission once they are full.
    QStringList rows{QStringLiteral("10:00:00 postfix/qmgr[102]: 4104E3D: from=<a@example.com>, size=1, nrcpt=40 (queue active)")};
    for (int i = 0; i < 40; ++i)
        rows << QStringLiteral("10:00:01 postfix/smtp[200]: 4104E3D: to=<r%1@example.org>, relay=mx1.example.org[198.51.100.20]:25, delay=1, delays=0/0/1/0, dsn=2.0.0, status=sent (250 Ok)").arg(i);
    const ParsedLog log = parseText(logText(rows));
    QVERIFY(log.error.isEmpty());
    SessionAssembler a;
    feedRange(a, log, 0, log.lines.size());
    a.finish();
    const AssemblerOutput out = a.takeOutput();
    QCOMPARE(out.transfers.size(), std::size_t(16));   // first emission, then one per new recipient up to 16
    QCOMPARE(out.connections.size(), std::size_t(1));
    const TransferRecord &last = out.transfers.back();
    QCOMPARE(last.recipients.count(QLatin1Char(',')), 15);
    QCOMPARE(last.recipients.section(QLatin1Char(','), 15), QStringLiteral("r15@example.org"));
    QCOMPARE(last.lines.size(), std::size_t(16));
    QCOMPARE(last.lines.front(), log.offsets[0]);
}

void TestSessionAssembler::expiry()
{
    const ParsedLog log = parseText(logText(expiryLog()));
    QVERIFY(log.error.isEmpty());
    SessionAssembler a;
    feedRange(a, log, 0, 4);
    QVERIFY(a.takeOutput().isEmpty());   // a day has not passed yet
    feedRange(a, log, 4, 5);
    const AssemblerOutput early = a.takeOutput();
    QCOMPARE(early.connections.size(), std::size_t(1));
    QCOMPARE(early.connections.front().key, log.offsets[0]);
    QCOMPARE(early.failures.size(), std::size_t(1));
    QCOMPARE(early.failures.front().key, log.offsets[2]);
    feedRange(a, log, 5, log.lines.size());
    a.finish();
    Final f;
    f.apply(early);
    f.apply(a.takeOutput());
    QCOMPARE(describe(log, f),
             L({"conn@0 inbound a.example.net(192.0.2.50) plain [0,1]",
                "conn@5 inbound a.example.net(192.0.2.50) plain [5]",
                "fail@2 outbound mx.stale.example(192.0.2.60):25 Handshake \"-1\" [2]"}));
}

void TestSessionAssembler::silentSessionsAreDropped()
{
    // One session an hour, none of them ever disconnects: after a day each is
    // ended by log time alone, so the open state stays about a day's worth.
    QStringList rows;
    for (int i = 0; i < 72; ++i) {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(kJun10 + 3600 * i, QTimeZone::utc());
        const QString stamp = t.toString(QStringLiteral("MMM dd HH:mm:ss"));
        const QString stamp1 = t.addSecs(1).toString(QStringLiteral("MMM dd HH:mm:ss"));
        rows << QStringLiteral("%1 mx postfix/smtpd[%2]: connect from c%2.example.net[192.0.2.1]").arg(stamp).arg(1000 + i)
             << QStringLiteral("%1 mx postfix/smtpd[%2]: Q%2: client=c%2.example.net[192.0.2.1]").arg(stamp1).arg(1000 + i);
    }
    const ParsedLog log = parseText(logText(rows));
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    SessionAssembler a;
    feedRange(a, log, 0, log.lines.size());
    // Session j (client= at t_j + 1 s) ends at the sweep of the first hour
    // after t_j + 1 s + 1 day: by the last connect (t_71), sessions 0..46.
    const AssemblerOutput before = a.takeOutput();
    QCOMPARE(before.connections.size(), std::size_t(47));
    QCOMPARE(before.transfers.size(), std::size_t(0));
    const QByteArray state = a.saveState();
    a.finish();
    QCOMPARE(a.takeOutput().connections.size(), std::size_t(25));

    // The state held 25 sessions, not 72: compare with a state of 72 open sessions.
    SessionAssembler all;
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        LogLine line = log.lines[i];
        line.timeUtc = kJun10;   // all at once: nothing expires
        all.feed(line, log.events[i], log.offsets[i]);
    }
    QVERIFY(state.size() * 2 < all.saveState().size());
}

void TestSessionAssembler::snapshotSplit_data()
{
    QTest::addColumn<QByteArray>("text");
    for (const Case &c : countingCases())
        QTest::newRow(c.name) << logText(c.log);
    QTest::newRow("expiry") << logText(expiryLog());
    const QByteArray loopback = readFile(loopbackLogPath());
    if (!loopback.isEmpty())
        QTest::newRow("postfix-loopback") << loopback;

    QTest::newRow("all cases interleaved") << interleavedCases();
}

void TestSessionAssembler::snapshotSplit()
{
    QFETCH(QByteArray, text);
    const ParsedLog log = parseText(text);
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    const std::size_t n = log.lines.size();
    const QStringList clean = describeFully(cleanRead(log));
    QVERIFY(!clean.isEmpty() || n < 8);

    for (std::size_t k = 0; k <= n; ++k) {
        Final f;
        SessionAssembler first;
        feedRange(first, log, 0, k);
        f.apply(first.takeOutput());
        const QByteArray state = first.saveState();

        SessionAssembler second;
        QString error;
        QVERIFY2(second.restoreState(state, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        feedRange(second, log, k, n);
        second.finish();
        f.apply(second.takeOutput());
        QVERIFY2(describeFully(f) == clean, qPrintable(QStringLiteral("split at line %1").arg(k)));
    }

    // A restart after every single line.
    Final f;
    QByteArray state = SessionAssembler().saveState();
    for (std::size_t i = 0; i < n; ++i) {
        SessionAssembler a;
        QString error;
        QVERIFY2(a.restoreState(state, &error), qPrintable(error));
        a.feed(log.lines[i], log.events[i], log.offsets[i]);
        f.apply(a.takeOutput());
        state = a.saveState();
    }
    SessionAssembler last;
    QVERIFY(last.restoreState(state, nullptr));
    last.finish();
    f.apply(last.takeOutput());
    QCOMPARE(describeFully(f), clean);
}

void TestSessionAssembler::restoreGarbage_data()
{
    QTest::addColumn<QByteArray>("state");
    QTest::addColumn<QString>("error");

    const ParsedLog log = parseText(logText(countingCases().front().log));
    SessionAssembler a;
    feedRange(a, log, 0, 3);
    const QByteArray valid = a.saveState();

    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral("Not a session assembler snapshot (0 bytes, unknown header); the log will be read from its start.");
    QTest::newRow("text") << QByteArray("hello, world")
                          << QStringLiteral("Not a session assembler snapshot (12 bytes, unknown header); the log will be read from its start.");
    QByteArray version = valid;
    version[5] = char(9);
    QTest::newRow("future version") << version
                                    << QStringLiteral("Session assembler snapshot version 9 is not supported (this build reads version 2); the log will be read from its start.");
    QTest::newRow("truncated") << valid.left(valid.size() - 9)
                               << QStringLiteral("Session assembler snapshot is corrupt (at byte %1 of %1); the log will be read from its start.").arg(valid.size() - 9);
    QTest::newRow("trailing bytes") << valid + QByteArray("x")
                                    << QStringLiteral("Session assembler snapshot is truncated or has trailing bytes (%1 bytes); the log will be read from its start.").arg(valid.size() + 1);
    QByteArray huge = valid.left(23);   // header, then the queue's entry count
    huge += QByteArray::fromHex("7fffffff");
    huge += QByteArray(64, '\xff');
    QTest::newRow("absurd count") << huge
                                  << QStringLiteral("Session assembler snapshot is corrupt (at byte 27 of 91); the log will be read from its start.");
}

void TestSessionAssembler::restoreGarbage()
{
    QFETCH(QByteArray, state);
    QFETCH(QString, error);

    // Something in the state first, to see that a failed restore empties it.
    const ParsedLog log = parseText(logText(countingCases().front().log));
    SessionAssembler a;
    feedRange(a, log, 0, 2);
    a.takeOutput();

    QString message;
    QVERIFY(!a.restoreState(state, &message));
    QCOMPARE(message, error);
    QCOMPARE(a.saveState(), SessionAssembler().saveState());
    a.finish();
    QVERIFY(a.takeOutput().isEmpty());
}

void TestSessionAssembler::saveStateIsStable()
{
    // Same state, same bytes; a restored state saves to the same bytes.
    QByteArray mixed;
    for (const Case &c : countingCases())
        mixed += logText(c.log);
    const ParsedLog log = parseText(mixed);
    QVERIFY(log.error.isEmpty());
    for (std::size_t k : {std::size_t(0), log.lines.size() / 3, log.lines.size() / 2, log.lines.size()}) {
        SessionAssembler a;
        feedRange(a, log, 0, k);
        const QByteArray state = a.saveState();
        QCOMPARE(a.saveState(), state);
        SessionAssembler b;
        QVERIFY(b.restoreState(state, nullptr));
        QCOMPARE(b.saveState(), state);
    }
}

void TestSessionAssembler::loopbackLog()
{
    const QByteArray text = readFile(loopbackLogPath());
    QVERIFY2(!text.isEmpty(), qPrintable(loopbackLogPath()));
    const ParsedLog log = parseText(text);
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    const Final f = cleanRead(log);

    // The figures of tests/data/postfix-loopback/README.md, from the records.
    struct Row
    {
        int messages = 0, encMessages = 0, connections = 0, encConnections = 0, failures = 0;
        std::int64_t bytes = 0, encBytes = 0;
        bool local = true;
    };
    std::map<QString, Row> rows;
    auto row = [&rows](Direction d, const QString &peer) -> Row & {
        return rows[directionName(d) + QLatin1Char(',') + peer];
    };
    for (const auto &[key, r] : f.transfers) {
        Row &x = row(r.direction, r.peer);
        ++x.messages;
        x.encMessages += r.encrypted ? 1 : 0;
        x.bytes += r.bytes;
        x.encBytes += r.encrypted ? r.bytes : 0;
        x.local = x.local && r.local;
    }
    for (const auto &[key, r] : f.connections) {
        Row &x = row(r.direction, r.peer);
        ++x.connections;
        x.encConnections += r.encrypted ? 1 : 0;
        x.local = x.local && r.local;
    }
    for (const auto &[key, r] : f.failures) {
        Row &x = row(r.direction, r.peer);
        ++x.failures;
        x.local = x.local && r.local;
    }
    QStringList csv;
    for (const auto &[name, x] : rows) {
        QVERIFY(x.local);   // every peer of this log is on loopback
        csv << QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9")
                   .arg(name)
                   .arg(x.messages)
                   .arg(x.encMessages)
                   .arg(x.messages - x.encMessages)
                   .arg(x.bytes)
                   .arg(x.encBytes)
                   .arg(x.connections)
                   .arg(x.encConnections)
                   .arg(x.failures);
    }
    QCOMPARE(csv, L({"inbound,127.0.0.5,3,0,3,1257,0,3,0,0",
                     "inbound,127.0.0.6,2,2,0,835,835,2,2,0",
                     "inbound,127.0.0.7,0,0,0,0,0,1,0,0",
                     "inbound,127.0.0.8,1,1,0,420,420,1,1,0",
                     "outbound,127.0.0.21,5,5,0,2090,2090,5,5,0",
                     "outbound,127.0.0.22,2,0,2,834,0,2,0,0",
                     "outbound,127.0.0.23,1,0,1,420,0,2,0,2",
                     "submission,127.0.0.9,1,1,0,416,416,1,1,0"}));

    // The gamma failures, line by line: the deferred attempt, and the retry's
    // failed handshake before the plaintext fallback.
    QStringList gamma;
    for (const auto &[key, r] : f.failures)
        gamma << describe(log, r);
    QCOMPARE(gamma,
             L({"fail@52 outbound 127.0.0.23(127.0.0.23):2526 DhKeyTooSmall \"dh key too small\" local [52,53,54]",
                "fail@66 outbound 127.0.0.23(127.0.0.23):2526 DhKeyTooSmall \"dh key too small\" local [66,67,68]"}));
}

void TestSessionAssembler::corpusLogs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    // Checked by hand against each file (comment lines are skipped, so line 0 is
    // the first log line). mail-tls-helper: one sent line and one deferred line
    // (a remote 450, not a TLS reason) of two smtp pids; no qmgr lines, so 0 bytes.
    QTest::newRow("mail-tls-helper postfix_count_sent")
        << QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent.log")
        << L({"msg@0 outbound relay.example.org(31.0.0.0) F1F0A200CB plain 0 to=admin@dest.example.org [0]",
              "conn@0 outbound relay.example.org(31.0.0.0):25 plain [0]",
              "conn@1 outbound relay.example.org(31.0.0.0):25 plain [1]"});
    QTest::newRow("mail-tls-helper postfix_count_sent_with_tls")
        << QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent_with_tls.log")
        << L({"msg@1 outbound relay.example.org(31.0.0.0) F1F0A200CB enc 0 to=admin@dest.example.org [0,1]",
              "conn@1 outbound relay.example.org(31.0.0.0):25 enc [0,1]"});
    QTest::newRow("mail-tls-helper postfix_count_sent_with_tor")
        << QStringLiteral("mail-tls-helper/tests/assets/postfix_count_sent_with_tor.log")
        << L({"msg@0 outbound relay.example.onion(31.0.0.0) F1F0A200CB plain 0 to=admin@dest.example.org [0]",
              "conn@0 outbound relay.example.onion(31.0.0.0):25 plain [0]",
              "conn@1 outbound relay.example.onion(31.0.0.0):25 plain [1]"});
    // starttls-everywhere: a local client lost after STARTTLS; a handshake that
    // OpenSSL refused ("no protocols available") ending in a TLS deferral; a
    // "TLS is required" deferral with no lines before it.
    QTest::newRow("starttls-everywhere PostfixLogSummary")
        << QStringLiteral("extracted/EFForg-starttls-everywhere_PostfixLogSummary.py.lines.txt")
        << L({"conn@0 inbound localhost(127.0.0.1) plain local [0,1,2]",
              "conn@9 outbound valid-example-recipient.com(192.168.33.7):25 plain [9]",
              "conn@10 outbound valid-example-recipient.com(192.168.33.7):25 plain [10]",
              "fail@1 inbound localhost(127.0.0.1) LostAfterStarttls \"lost connection after STARTTLS\" local [1,2]",
              "fail@7 outbound valid-example-recipient.com(192.168.33.7):25 Handshake \"no protocols available\" [7,8,9]",
              "fail@10 outbound valid-example-recipient.com(192.168.33.7):25 NotOffered \"TLS is required, but was not offered by host valid-example-recipient.com[192.168.33.7]\" [10]"});
}

void TestSessionAssembler::corpusLogs()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QString path = corpusPath(file);
    if (!QFile::exists(path))
        QSKIP("the shared corpus is not beside this checkout");
    const ParsedLog log = parseText(readFile(path));
    QVERIFY2(log.error.isEmpty(), qPrintable(log.error));
    const Final f = cleanRead(log);
    QCOMPARE(describe(log, f), expected);
    if (file.endsWith(QStringLiteral("with_tls.log"))) {
        const TlsDetails tls = f.connections.begin()->second.tls;
        QCOMPARE(tls.trust, Trust::Anonymous);
        QCOMPARE(tls.protocol, QStringLiteral("TLSv1"));
        QCOMPARE(tls.cipher, QStringLiteral("ADH-AES256-SHA"));
        QCOMPARE(tls.cipherBits, 256);
        QCOMPARE(tls.dhe, true);
    }
}

void TestSessionAssembler::corpusSnapshots_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("minimumRecords");
    // Real logs of other shapes (Solaris prefixes, Postfix 2.x, fail2ban's
    // collection): a read through restarts gives the records of a clean read.
    QTest::newRow("ASO") << QStringLiteral("ASO/logparser/random-sample-logs-regex-check") << 1500;
    QTest::newRow("fail2ban") << QStringLiteral("fail2ban/fail2ban/tests/files/logs/postfix") << 5;
    QTest::newRow("postfix_exporter") << QStringLiteral("extracted/kumina-postfix_exporter_test.go.lines.txt") << 5;
    QTest::newRow("postfix-parser") << QStringLiteral("extracted/msimerson-postfix-parser_test_index.js.lines.txt") << 4;
}

void TestSessionAssembler::corpusSnapshots()
{
    QFETCH(QString, file);
    QFETCH(int, minimumRecords);
    const QString path = corpusPath(file);
    if (!QFile::exists(path))
        QSKIP("the shared corpus is not beside this checkout");
    const ParsedLog log = parseText(readFile(path), SkipUnparsed);
    const std::size_t n = log.lines.size();
    const Final clean = cleanRead(log);
    const QStringList cleanText = describeFully(clean);
    QVERIFY2(cleanText.size() >= minimumRecords, qPrintable(QString::number(cleanText.size())));

    for (std::size_t part = 1; part < 40; ++part) {
        const std::size_t k = n * part / 40;
        Final f;
        SessionAssembler first;
        feedRange(first, log, 0, k);
        f.apply(first.takeOutput());
        SessionAssembler second;
        QVERIFY(second.restoreState(first.saveState(), nullptr));
        feedRange(second, log, k, n);
        second.finish();
        f.apply(second.takeOutput());
        QVERIFY2(describeFully(f) == cleanText, qPrintable(QStringLiteral("split at line %1").arg(k)));
    }
}

void TestSessionAssembler::recycledRecords_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("all cases interleaved") << interleavedCases();
    const QByteArray loopback = readFile(loopbackLogPath());
    if (!loopback.isEmpty())
        QTest::newRow("postfix-loopback") << loopback;
    const QByteArray aso = readFile(corpusPath(QStringLiteral("ASO/logparser/random-sample-logs-regex-check")));
    if (!aso.isEmpty())
        QTest::newRow("ASO") << aso;
}

void TestSessionAssembler::recycledRecords()
{
    // Outputs handed back are overwritten by later records: every output taken
    // holds exactly what it holds without recycling, record by record, in
    // order, whichever records the recycled ones held before.
    QFETCH(QByteArray, text);
    const ParsedLog log = parseText(text, SkipUnparsed);
    const std::size_t n = log.lines.size();
    QVERIFY(n > 20);
    for (const std::size_t step : {std::size_t(1), std::size_t(3), std::size_t(17), std::size_t(64)}) {
        std::vector<QStringList> plain;
        {
            SessionAssembler a;
            for (std::size_t from = 0; from < n; from += step) {
                feedRange(a, log, from, std::min(n, from + step));
                plain.push_back(describeFully(a.takeOutput()));
            }
            a.finish();
            plain.push_back(describeFully(a.takeOutput()));
        }
        std::vector<QStringList> recycled;
        {
            SessionAssembler a;
            std::vector<AssemblerOutput> taken;
            auto take = [&] {
                taken.push_back(a.takeOutput());
                recycled.push_back(describeFully(taken.back()));
                // Handed back two takes later: by then other records have been made.
                if (taken.size() >= 3) {
                    a.recycle(std::move(taken[taken.size() - 3]));
                    taken[taken.size() - 3] = AssemblerOutput();
                }
            };
            for (std::size_t from = 0; from < n; from += step) {
                feedRange(a, log, from, std::min(n, from + step));
                take();
            }
            a.finish();
            take();
        }
        QCOMPARE(recycled.size(), plain.size());
        int records = 0;
        for (std::size_t i = 0; i < plain.size(); ++i) {
            QVERIFY2(recycled[i] == plain[i], qPrintable(QStringLiteral("step %1, output %2").arg(step).arg(i)));
            records += int(plain[i].size());
        }
        QVERIFY(records > 10);
    }
}

void TestSessionAssembler::hintsChangeNothing_data()
{
    recycledRecords_data();
    // Peers written in upper case, with a trailing dot, unknown, IPv6 in upper
    // case: the hints of such lines must name them as the assembler would.
    QTest::newRow("peer spellings") << logText(L({
        "10:00:00 postfix/smtpd[1]: connect from MX.Example.COM.[192.0.2.1]",
        "10:00:01 postfix/smtpd[1]: 4A01B2C: client=MX.Example.COM.[192.0.2.1]",
        "10:00:02 postfix/qmgr[9]: 4A01B2C: from=<a@b.example>, size=100, nrcpt=1 (queue active)",
        "10:00:03 postfix/smtpd[1]: disconnect from MX.Example.COM.[192.0.2.1] ehlo=1 mail=1 quit=1 commands=3",
        "10:00:04 postfix/smtpd[2]: connect from unknown[2001:DB8::A]",
        "10:00:05 postfix/smtpd[2]: 4A02B3C: client=unknown[2001:DB8::A]",
        "10:00:06 postfix/qmgr[9]: 4A02B3C: from=<c@d.example>, size=200, nrcpt=1 (queue active)",
        "10:00:07 postfix/smtpd[2]: disconnect from unknown[2001:DB8::A] ehlo=1 mail=1 quit=1 commands=3",
        "10:00:08 postfix/smtp[3]: Trusted TLS connection established to Relay.Example.NET[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
        "10:00:09 postfix/smtp[3]: 4A01B2C: to=<x@y.example>, relay=Relay.Example.NET[198.51.100.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
        "10:00:10 postfix/smtp[3]: Trusted TLS connection established to relay.example.net[198.51.100.7]:025: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
        "10:00:11 postfix/smtp[3]: 4A02B3C: to=<z@y.example>, relay=relay.example.net[198.51.100.7]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
        "10:00:12 postfix/qmgr[9]: 4A01B2C: removed",
        "10:00:13 postfix/qmgr[9]: 4A02B3C: removed",
    }));
}

void TestSessionAssembler::hintsChangeNothing()
{
    // ParallelIngest feeds events with what prepare() worked out on a parser
    // thread; the records must be those of a feed without.
    QFETCH(QByteArray, text);
    const ParsedLog log = parseText(text, SkipUnparsed);
    SessionAssembler plain;
    SessionAssembler hinted;
    for (std::size_t i = 0; i < log.lines.size(); ++i) {
        const LogLine &line = log.lines[i];
        plain.feed(line.timeUtc, SessionAssembler::processOf(line), log.events[i], log.offsets[i]);
        AssemblerHints hints;
        SessionAssembler::prepare(log.events[i], hints);
        hinted.feed(line.timeUtc, SessionAssembler::processOf(line), log.events[i], log.offsets[i], hints);
    }
    plain.finish();
    hinted.finish();
    const QStringList expected = describeFully(plain.takeOutput());
    QVERIFY2(expected.size() > 3, qPrintable(expected.join(QLatin1Char(10))));
    QCOMPARE(describeFully(hinted.takeOutput()), expected);
}

void TestSessionAssembler::relayKeys_data()
{
    QTest::addColumn<QByteArray>("text");     // host[ip]:port as a line has it
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("as the line has it") << QByteArray("mx.example.net[192.0.2.1]:25, x") << QByteArray("mx.example.net[192.0.2.1]:25");
    QTest::newRow("upper case") << QByteArray("MX.Example.net[192.0.2.1]:25, x") << QByteArray("mx.example.net[192.0.2.1]:25");
    QTest::newRow("upper-case IPv6") << QByteArray("mx[2001:DB8::1]:25: x") << QByteArray("mx[2001:db8::1]:25");
    QTest::newRow("trailing dot") << QByteArray("mx.example.net.[192.0.2.1]:25, x") << QByteArray("mx.example.net[192.0.2.1]:25");
    QTest::newRow("port with a leading zero") << QByteArray("mx[192.0.2.1]:025, x") << QByteArray("mx[192.0.2.1]:25");
    QTest::newRow("no port") << QByteArray("mx[192.0.2.1], x") << QByteArray("mx[192.0.2.1]:0");
    QTest::newRow("five digits") << QByteArray("mx[192.0.2.1]:65535, x") << QByteArray("mx[192.0.2.1]:65535");
    QTest::newRow("longer digits") << QByteArray("mx[192.0.2.1]:255555, x") << QByteArray("mx[192.0.2.1]:25555");
}

void TestSessionAssembler::relayKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, key);
    const std::string line(text.constData(), std::size_t(text.size()));
    PostfixScanner scanner(line);
    std::string_view host;
    std::string_view ip;
    int port = 0;
    QVERIFY(scanner.consumeHostAddress(host, ip, port, true));
    std::string buffer;
    const std::string_view made = assembler::relayKey(host, ip, port, buffer);
    QCOMPARE(QByteArray(made.data(), qsizetype(made.size())), key);
    // Views of the line where it says the key itself; the buffer otherwise.
    const bool ownText = made.data() >= line.data() && made.data() < line.data() + line.size();
    QCOMPARE(ownText, line.compare(0, std::size_t(key.size()), key.constData()) == 0);
}

QTEST_GUILESS_MAIN(TestSessionAssembler)
#include "tst_sessionassembler.moc"
