#include <cstdint>
#include <map>

#include <QByteArray>
#include <QTest>

#include "models/logs/sessionassembler.h"
#include "tests/models/sessionassemblerharness.h"

using namespace mailtls;
using namespace mailtls::testing;

namespace {

// Refusals and TLS failures after the store's replace-by-key, one line each.
struct Seen
{
    std::map<std::int64_t, RefusalRecord> refusals;
    std::map<std::int64_t, TlsFailureRecord> failures;
    int connections = 0;

    void apply(const AssemblerOutput &out)
    {
        for (const RefusalRecord &r : out.refusals)
            refusals[r.key] = r;
        for (const TlsFailureRecord &r : out.failures)
            failures[r.key] = r;
        connections += int(out.connections.size());
    }
};

QStringList describe(const ParsedLog &log, const Seen &seen)
{
    QStringList rows;
    for (const auto &[key, r] : seen.refusals) {
        rows << QStringLiteral("refused@%1 %2 %3 %4 t=%5 from=%6 to=%7%8 %9")
                    .arg(lineIndex(log, key), directionName(r.direction), peerText(r.peer, r.peerIp, r.port), r.reason)
                    .arg(r.time - kJun10)
                    .arg(r.sender, r.recipients, r.local ? QStringLiteral(" local") : QString(),
                         lineList(log, r.lines));
    }
    for (const auto &[key, r] : seen.failures) {
        rows << QStringLiteral("fail@%1 %2 %3 %4 id=%5 from=%6 to=%7")
                    .arg(lineIndex(log, key), directionName(r.direction), peerText(r.peer, r.peerIp, r.port),
                         problemName(r.problem), r.queueId, r.sender, r.recipients);
    }
    return rows;
}

const char *const kNotOffered = "status=deferred (TLS is required, but was not offered by host "
                                "mx.plain.example[203.0.113.5])";

} // namespace

class TestPostfixRefusals final : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void splitReads_data() { records_data(); }
    void splitReads();
    void version1Snapshot();
};

void TestPostfixRefusals::records_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plaintext client on an encrypt listener")
        << L({"10:00:00 postfix-enc/smtpd[200]: connect from unknown[192.0.2.7]",
              "10:00:01 postfix-enc/smtpd[200]: disconnect from unknown[192.0.2.7] ehlo=1 mail=0/1 quit=1 "
              "commands=2/3"})
        << L({"refused@1 inbound 192.0.2.7(192.0.2.7) mail=0/1 t=36001 from= to= [0,1]"});

    QTest::newRow("named peer, two refused MAILs")
        << L({"10:00:00 postfix/smtpd[201]: connect from mail.plain.example[198.51.100.4]",
              "10:00:02 postfix/smtpd[201]: disconnect from mail.plain.example[198.51.100.4] ehlo=1 mail=0/2 "
              "rset=1 quit=1 commands=3/5"})
        << L({"refused@1 inbound mail.plain.example(198.51.100.4) mail=0/2 t=36002 from= to= [0,1]"});

    QTest::newRow("loopback peer is a local refusal")
        << L({"10:00:00 postfix/smtpd[202]: connect from unknown[127.0.17.2]",
              "10:00:01 postfix/smtpd[202]: disconnect from unknown[127.0.17.2] ehlo=1 mail=0/1 quit=1 "
              "commands=2/3"})
        << L({"refused@1 inbound 127.0.17.2(127.0.17.2) mail=0/1 t=36001 from= to= local [0,1]"});

    QTest::newRow("STARTTLS client is not refused")
        << L({"10:00:00 postfix/smtpd[203]: connect from mx.tls.example[198.51.100.9]",
              (QByteArray("10:00:01 postfix/smtpd[203]: Anonymous TLS connection established from "
                          "mx.tls.example[198.51.100.9]: ")
               + kTls13)
                  .constData(),
              "10:00:02 postfix/smtpd[203]: disconnect from mx.tls.example[198.51.100.9] ehlo=2 starttls=1 "
              "mail=0/1 quit=1 commands=4/5"})
        << QStringList();

    QTest::newRow("MAIL refused with a reject line")
        << L({"10:00:00 postfix/smtpd[204]: connect from unknown[192.0.2.8]",
              "10:00:01 postfix/smtpd[204]: NOQUEUE: reject: MAIL from unknown[192.0.2.8]: 553 5.7.1 "
              "<x@bad.example>: Sender address rejected: not logged in; from=<x@bad.example> proto=ESMTP "
              "helo=<bad>",
              "10:00:02 postfix/smtpd[204]: disconnect from unknown[192.0.2.8] ehlo=1 mail=0/1 quit=1 "
              "commands=2/3"})
        << QStringList();

    QTest::newRow("MAIL refused for its address syntax")
        << L({"10:00:00 postfix/smtpd[211]: connect from unknown[192.0.2.14]",
              "10:00:01 postfix/smtpd[211]: warning: Illegal address syntax from unknown[192.0.2.14] in MAIL "
              "command: <a b@example.org>",
              "10:00:02 postfix/smtpd[211]: disconnect from unknown[192.0.2.14] ehlo=1 mail=0/1 quit=1 "
              "commands=2/3"})
        << QStringList();

    QTest::newRow("a nested MAIL refused after one accepted")
        << L({"10:00:00 postfix/smtpd[212]: connect from unknown[192.0.2.15]",
              "10:00:02 postfix/smtpd[212]: disconnect from unknown[192.0.2.15] ehlo=1 mail=1/2 rcpt=1 quit=1 "
              "commands=4/5"})
        << QStringList();

    QTest::newRow("MAIL accepted") << L(
        {"10:00:00 postfix/smtpd[205]: connect from unknown[192.0.2.9]",
         "10:00:02 postfix/smtpd[205]: disconnect from unknown[192.0.2.9] ehlo=1 mail=1 rcpt=0/1 quit=1 "
         "commands=3/4"}) << QStringList();

    QTest::newRow("failed STARTTLS is a TLS failure, not a refusal")
        << L({"10:00:00 postfix/smtpd[206]: connect from unknown[192.0.2.10]",
              "10:00:02 postfix/smtpd[206]: disconnect from unknown[192.0.2.10] ehlo=1 starttls=0/1 mail=0/1 "
              "commands=1/3"})
        << L({"fail@1 inbound 192.0.2.10(192.0.2.10) Other id= from= to="});

    QTest::newRow("submission service is not inbound")
        << L({"10:00:00 postfix/submission/smtpd[207]: connect from unknown[192.0.2.11]",
              "10:00:01 postfix/submission/smtpd[207]: disconnect from unknown[192.0.2.11] ehlo=1 mail=0/1 "
              "quit=1 commands=2/3"})
        << QStringList();

    QTest::newRow("no disconnect line") << L({"10:00:00 postfix/smtpd[208]: connect from unknown[192.0.2.12]",
                                              "10:00:05 postfix/smtpd[208]: connect from unknown[192.0.2.13]"})
                                        << QStringList();

    QTest::newRow("deferrals name the message")
        << L({"10:05:00 postfix/qmgr[300]: 8E0F107: from=<alice@our.example>, size=1234, nrcpt=2 "
              "(queue active)",
              (QByteArray("10:05:01 postfix/smtp[301]: 8E0F107: to=<bob@plain.example>, "
                          "relay=mx.plain.example[203.0.113.5]:25, delay=1, delays=0/0/1/0, dsn=4.7.4, ")
               + kNotOffered)
                  .constData(),
              (QByteArray("10:05:01 postfix/smtp[301]: 8E0F107: to=<carol@plain.example>, "
                          "relay=mx.plain.example[203.0.113.5]:25, delay=1, delays=0/0/1/0, dsn=4.7.4, ")
               + kNotOffered)
                  .constData(),
              (QByteArray("10:05:02 postfix/smtp[301]: 8E0F107: to=<bob@plain.example>, "
                          "relay=mx.plain.example[203.0.113.5]:25, delay=2, delays=0/0/1/0, dsn=4.7.4, ")
               + kNotOffered)
                  .constData()})
        << L({"fail@1 outbound mx.plain.example(203.0.113.5):25 NotOffered id=8E0F107 "
              "from=alice@our.example to=bob@plain.example,carol@plain.example"});

    QTest::newRow("sender unknown when qmgr's line is missing")
        << L({(QByteArray("10:05:01 postfix/smtp[302]: 8E0F108: to=<dave@plain.example>, "
                          "relay=mx.plain.example[203.0.113.5]:25, delay=1, delays=0/0/1/0, dsn=4.7.4, ")
               + kNotOffered)
                  .constData()})
        << L({"fail@0 outbound mx.plain.example(203.0.113.5):25 NotOffered id=8E0F108 from= "
              "to=dave@plain.example"});

    QTest::newRow("handshake failure then plaintext delivery names no message")
        << L({"10:06:00 postfix/qmgr[300]: 8E0F109: from=<alice@our.example>, size=99, nrcpt=1 "
              "(queue active)",
              "10:06:01 postfix/smtp[303]: SSL_connect error to mx.weak.example[203.0.113.6]:25: -1",
              "10:06:01 postfix/smtp[303]: warning: TLS library problem: error:0A00018A:SSL routines::dh key "
              "too small:../ssl/statem/statem_clnt.c:2117:",
              "10:06:02 postfix/smtp[303]: 8E0F109: to=<erin@weak.example>, "
              "relay=mx.weak.example[203.0.113.6]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 "
              "2.0.0 Ok)"})
        << L({"fail@1 outbound mx.weak.example(203.0.113.6):25 DhKeyTooSmall id= from= to="});
}

void TestPostfixRefusals::records()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const ParsedLog parsed = parseText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    SessionAssembler a;
    feedRange(a, parsed, 0, parsed.lines.size());
    a.finish();
    Seen seen;
    seen.apply(a.takeOutput());
    QCOMPARE(describe(parsed, seen), expected);
}

void TestPostfixRefusals::splitReads()
{
    // A restart between any two lines ends with the same records.
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const ParsedLog parsed = parseText(logText(log));
    const std::size_t n = parsed.lines.size();
    for (std::size_t k = 0; k <= n; ++k) {
        Seen seen;
        SessionAssembler first;
        feedRange(first, parsed, 0, k);
        seen.apply(first.takeOutput());
        SessionAssembler second;
        QString error;
        QVERIFY2(second.restoreState(first.saveState(), &error), qPrintable(error));
        feedRange(second, parsed, k, n);
        second.finish();
        seen.apply(second.takeOutput());
        QVERIFY2(describe(parsed, seen) == expected, qPrintable(QStringLiteral("split at line %1").arg(k)));
    }
}

void TestPostfixRefusals::version1Snapshot()
{
    // A snapshot of version 1 (before refusals) is read: an open session
    // without the reject flag, an attempt without recipients.
    const ParsedLog parsed = parseText(
        logText(L({"10:00:00 postfix/smtpd[210]: connect from unknown[192.0.2.20]",
                   "10:00:01 postfix/smtpd[210]: disconnect from unknown[192.0.2.20] ehlo=1 mail=0/1 quit=1 "
                   "commands=2/3"})));
    SessionAssembler first;
    feedRange(first, parsed, 0, 1);
    QByteArray state = first.saveState();
    // Version 2 adds one byte (the reject flag) to the open session: the
    // same state as version 1 is this one with the version and without that
    // byte, found by saving once with the flag set.
    QCOMPARE(state.mid(4, 2), QByteArray::fromHex("0002"));
    QByteArray version1 = state;
    version1[5] = char(1);
    SessionAssembler rejected;
    const ParsedLog reject = parseText(
        logText(L({"10:00:00 postfix/smtpd[210]: connect from unknown[192.0.2.20]",
                   "10:00:00 postfix/smtpd[210]: NOQUEUE: reject: RCPT from unknown[192.0.2.20]: 554 5.7.1 no; "
                   "from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>"})));
    feedRange(rejected, reject, 0, 2);
    const QByteArray flagged = rejected.saveState();
    QCOMPARE(flagged.size(), state.size());
    int at = -1;
    for (int i = 0; i < state.size(); ++i) {
        if (state.at(i) != flagged.at(i)) {
            QCOMPARE(at, -1);
            at = i;
        }
    }
    QVERIFY(at > 0);
    version1.remove(at, 1);

    SessionAssembler second;
    QString error;
    QVERIFY2(second.restoreState(version1, &error), qPrintable(error));
    QCOMPARE(second.saveState(), state);
    feedRange(second, parsed, 1, 2);
    second.finish();
    Seen seen;
    seen.apply(second.takeOutput());
    QCOMPARE(describe(parsed, seen), L({"refused@1 inbound 192.0.2.20(192.0.2.20) mail=0/1 t=36001 from= to= [0,1]"}));
}

QTEST_GUILESS_MAIN(TestPostfixRefusals)
#include "tst_postfixrefusals.moc"
