#include <cstdint>
#include <map>

#include <QTest>

#include "models/logs/sendmailassembler.h"
#include "tests/models/tst_sendmailassemblerharness.h"

using namespace mailtls;
using namespace mailtls::testing;

namespace {

QStringList refusals(const ParsedLog &log, std::size_t split)
{
    std::map<std::int64_t, RefusalRecord> seen;
    SendmailAssembler first;
    feedRange(first, log, 0, split);
    for (const RefusalRecord &r : first.takeOutput().refusals)
        seen[r.key] = r;
    SendmailAssembler second;
    if (!second.restoreState(first.saveState(), nullptr))
        return {QStringLiteral("state not restored")};
    feedRange(second, log, split, log.lines.size());
    second.finish();
    for (const RefusalRecord &r : second.takeOutput().refusals)
        seen[r.key] = r;
    QStringList rows;
    for (const auto &[key, r] : seen) {
        rows << QStringLiteral("refused@%1 %2 %3 \"%4\" t=%5 from=%6 to=%7 %8")
                    .arg(lineIndex(log, key), directionName(r.direction), peerText(r.peer, r.peerIp, r.port), r.reason)
                    .arg(r.time - kJun10)
                    .arg(r.sender, r.recipients, lineList(log, r.lines));
    }
    return rows;
}

} // namespace

class TestSendmailRefusals final : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
};

void TestSendmailRefusals::records_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");

    // As Sendmail 8.17 logs its TLS_Clt policy's refusal: with Debian's
    // delay_checks at RCPT (the recipient in arg1), without it at MAIL (the
    // sender).
    QTest::newRow("TLS_Clt policy refuses a plaintext RCPT (delay_checks)")
        << L({"10:00:00 sm-mta[200]: 4A1B2C3D000200: ruleset=check_rcpt, arg1=<root@mx.example.org>, "
              "relay=plain.example.net [198.51.100.7], reject=403 4.7.0 encryption too weak 0 less than 128",
              "10:00:01 sm-mta[200]: 4A1B2C3D000200: lost input channel from plain.example.net [198.51.100.7] to "
              "MTA after rcpt"})
        << L({"refused@0 inbound plain.example.net(198.51.100.7) \"encryption too weak 0 less than 128\" t=36000 "
              "from= to=root@mx.example.org [0]"});
    QTest::newRow("TLS_Clt policy refuses a plaintext MAIL")
        << L({"10:00:00 sm-mta[203]: 4A1B2C3D000203: ruleset=check_mail, arg1=<a@plain.example.net>, "
              "relay=plain.example.net [198.51.100.7], reject=403 4.7.0 encryption too weak 0 less than 128"})
        << L({"refused@0 inbound plain.example.net(198.51.100.7) \"encryption too weak 0 less than 128\" t=36000 "
              "from=a@plain.example.net to= [0]"});

    QTest::newRow("a MailTLS window's rules refuse a plaintext RCPT")
        << L({"10:00:00 sm-mta[204]: 4A1B2C3D000204: ruleset=check_rcpt, arg1=<root@mx.example.org>, "
              "relay=outside.example.net [198.51.100.9], reject=454 4.7.0 STARTTLS required for now, try again "
              "with STARTTLS"})
        << L({"refused@0 inbound outside.example.net(198.51.100.9) \"STARTTLS required for now, try again with "
              "STARTTLS\" t=36000 from= to=root@mx.example.org [0]"});

    QTest::newRow("too few bits over TLS is no refusal for lack of TLS")
        << L({"10:00:00 sm-mta[201]: STARTTLS=server, relay=weak.example.net [198.51.100.8], version=TLSv1.2, "
              "verify=NO, cipher=DES-CBC3-SHA, bits=56/168",
              "10:00:01 sm-mta[201]: 4A1B2C3D000201: ruleset=check_rcpt, arg1=<root@mx.example.org>, "
              "relay=weak.example.net [198.51.100.8], reject=403 4.7.0 encryption too weak 56 less than 128"})
        << QStringList();

    QTest::newRow("other rulesets are no refusal")
        << L({"10:00:01 sm-mta[202]: 4A1B2C3D000202: ruleset=check_rcpt, arg1=<x@example.com>, relay=bot.example.net "
              "[203.0.113.99], reject=550 5.7.1 <x@example.com>... Relaying denied"})
        << QStringList();
}

void TestSendmailRefusals::records()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const ParsedLog parsed = parseSendmailText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    for (std::size_t split = 0; split <= parsed.lines.size(); ++split)
        QCOMPARE(refusals(parsed, split), expected);
}

QTEST_GUILESS_MAIN(TestSendmailRefusals)
#include "tst_sendmailrefusals.moc"
