#include <cstdint>
#include <map>

#include <QByteArray>
#include <QTest>

#include "models/logs/eximassembler.h"
#include "models/logs/eximrefusal.h"
#include "tests/models/tst_eximassemblerharness.h"

using namespace mailtls;
using namespace mailtls::eximtesting;

namespace {

// Refusals and the envelopes of TLS failures, after the store's replace-by-key.
QStringList describeEnvelopes(const EximLog &log, const AssemblerOutput &out)
{
    const testing::ParsedLog parsed = indexed(log);
    std::map<std::int64_t, RefusalRecord> refusals;
    std::map<std::int64_t, TlsFailureRecord> failures;
    for (const RefusalRecord &r : out.refusals)
        refusals[r.key] = r;
    for (const TlsFailureRecord &r : out.failures)
        failures[r.key] = r;
    QStringList rows;
    for (const auto &[key, r] : refusals) {
        rows << QStringLiteral("refused@%1 %2 %3 \"%4\" t=%5 from=%6 to=%7%8 %9")
                    .arg(testing::lineIndex(parsed, key), directionName(r.direction),
                         testing::peerText(r.peer, r.peerIp, r.port), r.reason)
                    .arg(r.time - kJun10)
                    .arg(r.sender, r.recipients, r.local ? QStringLiteral(" local") : QString(),
                         testing::lineList(parsed, r.lines));
    }
    for (const auto &[key, r] : failures) {
        rows << QStringLiteral("fail@%1 %2 %3 id=%4 from=%5 to=%6")
                    .arg(testing::lineIndex(parsed, key), testing::peerText(r.peer, r.peerIp, r.port),
                         testing::problemName(r.problem), r.queueId, r.sender, r.recipients);
    }
    return rows;
}

AssemblerOutput collect(const EximLog &log, std::size_t split)
{
    AssemblerOutput all;
    QByteArray state;
    {
        EximAssembler first;
        feedRange(first, log, 0, split);
        all = first.takeOutput();
        state = first.saveState();
    }
    EximAssembler second;
    if (!second.restoreState(state, nullptr))
        return AssemblerOutput();
    feedRange(second, log, split, log.lines.size());
    second.finish();
    AssemblerOutput rest = second.takeOutput();
    for (RefusalRecord &r : rest.refusals)
        all.refusals.push_back(std::move(r));
    for (TlsFailureRecord &r : rest.failures)
        all.failures.push_back(std::move(r));
    return all;
}

} // namespace

class TestEximRefusals final : public QObject
{
    Q_OBJECT

private slots:
    void records_data();
    void records();
    void namesTls_data();
    void namesTls();
};

void TestEximRefusals::records_data()
{
    QTest::addColumn<QStringList>("log");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("RCPT denied for lacking TLS")
        << testing::L(
               {"10:00:00 H=mail.plain.example [198.51.100.4] F=<ann@plain.example> rejected RCPT <bob@our.example>: "
                "STARTTLS required"})
        << testing::L({"refused@0 inbound mail.plain.example(198.51.100.4) \"STARTTLS required\" t=36000 "
                       "from=ann@plain.example to=bob@our.example [0]"});

    QTest::newRow("quoted message, HELO name only")
        << testing::L({"10:00:00 H=(rhu.barb) [192.0.2.7] F=<userx@test.ex> rejected RCPT <userx@test.ex>: \"You must "
                       "encrypt\""})
        << testing::L({"refused@0 inbound 192.0.2.7(192.0.2.7) \"You must encrypt\" t=36000 from=userx@test.ex "
                       "to=userx@test.ex [0]"});

    QTest::newRow("MAIL denied, temporarily")
        << testing::L({"10:00:00 H=mail.plain.example [198.51.100.4] temporarily rejected MAIL <ann@plain.example>: "
                       "Encryption required"})
        << testing::L({"refused@0 inbound mail.plain.example(198.51.100.4) \"Encryption required\" t=36000 "
                       "from=ann@plain.example to= [0]"});

    QTest::newRow("other reasons are no refusal") << testing::L(
        {"10:00:00 H=mail.plain.example [198.51.100.4] F=<ann@plain.example> rejected RCPT <bob@elsewhere>: "
         "relay not permitted"}) << QStringList();

    QTest::newRow("no message: no reason named") << testing::L(
        {"10:00:00 H=mail.plain.example [198.51.100.4] F=<ann@plain.example> rejected RCPT <bob@our.example>"})
                                                 << QStringList();

    QTest::newRow("encrypted connection is no refusal") << testing::L(
        {"10:00:00 H=(test) [127.0.0.1] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 F=<userx@test.ex> rejected RCPT "
         "<userx@test.ex>: certificate not verified: TLS peer unknown"})
                                                        << QStringList();

    QTest::newRow("deferrals name the message")
        << testing::L(
               {"10:00:00 1rmABC-000123-AB <= alice@our.example U=alice P=local S=900",
                "10:00:01 1rmABC-000123-AB H=mx1.strict.example [198.51.100.31]: a TLS session is required, but the "
                "server did not offer TLS support",
                "10:00:02 1rmABC-000123-AB == bob@strict.example R=dnslookup T=remote_smtp defer (-38) "
                "H=mx2.strict.example [198.51.100.32]: a TLS session is required, but the server did not offer TLS "
                "support",
                "10:00:02 1rmABC-000123-AB == carol@strict.example R=dnslookup T=remote_smtp defer (-38) "
                "H=mx2.strict.example [198.51.100.32]: a TLS session is required, but the server did not offer TLS "
                "support"})
        << testing::L(
               {"fail@1 mx1.strict.example(198.51.100.31) NotOffered id=1rmABC-000123-AB from=alice@our.example to=",
                "fail@2 mx2.strict.example(198.51.100.32) NotOffered id=1rmABC-000123-AB from=alice@our.example "
                "to=bob@strict.example,carol@strict.example"});
}

void TestEximRefusals::records()
{
    QFETCH(QStringList, log);
    QFETCH(QStringList, expected);
    const EximLog parsed = parseText(logText(log));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    // A clean read, and a restart after every line: the same records.
    for (std::size_t split = 0; split <= parsed.lines.size(); ++split)
        QCOMPARE(describeEnvelopes(parsed, collect(parsed, split)), expected);
}

void TestEximRefusals::namesTls_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("names");
    QTest::newRow("starttls") << QStringLiteral("Please use STARTTLS") << true;
    QTest::newRow("tls") << QStringLiteral("TLS required") << true;
    QTest::newRow("encryption") << QStringLiteral("encryption is mandatory here") << true;
    QTest::newRow("relay") << QStringLiteral("relay not permitted") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEximRefusals::namesTls()
{
    QFETCH(QString, reason);
    QFETCH(bool, names);
    const QByteArray utf8 = reason.toUtf8();
    QCOMPARE(EximRefusal::namesTls(std::string_view(utf8.constData(), std::size_t(utf8.size()))), names);
}

QTEST_GUILESS_MAIN(TestEximRefusals)
#include "tst_eximrefusals.moc"
