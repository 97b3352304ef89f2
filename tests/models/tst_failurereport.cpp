#include <QTest>

#include "models/campaign/failurereport.h"

using namespace mailtls;

namespace {

constexpr qint64 day0 = 19800LL * 86400; // 2024-03-18 00:00:00 UTC

QList<CampaignPeer> peers()
{
    CampaignPeer refused;
    refused.peer = QStringLiteral("192.0.2.7");
    refused.direction = Direction::Inbound;
    refused.problem = QStringLiteral("refused");
    refused.reason = QStringLiteral("mail=0/1");
    refused.failures = 2;
    refused.firstSeen = day0 + 100;
    refused.lastSeen = day0 + 200;
    refused.ourAddresses = {QStringLiteral("bob@our.example"), QStringLiteral("dan@our.example")};
    refused.theirAddresses = {QStringLiteral("cid@seven.example")};
    CampaignPeer deferred;
    deferred.peer = QStringLiteral("mx.plain.example");
    deferred.direction = Direction::Outbound;
    deferred.problem = QStringLiteral("not-offered");
    deferred.reason = QStringLiteral("TLS is required, but was not offered by host mx.plain.example[203.0.113.5]");
    deferred.failures = 1;
    deferred.messages = 1;
    deferred.firstSeen = day0 + 300;
    deferred.lastSeen = day0 + 300;
    deferred.ourAddresses = {QStringLiteral("alice@our.example")};
    deferred.fixedAt = day0 + 4000;
    deferred.fixedBy = QStringLiteral("log");
    return {refused, deferred};
}

} // namespace

class TestFailureReport final : public QObject
{
    Q_OBJECT

private slots:
    void table();
    void emptyTable();
    void csv();
};

void TestFailureReport::table()
{
    QCOMPARE(
        FailureReport::table(peers(), day0, day0 + 3600, 3),
        QStringLiteral("Failing peers of campaign 3, from 2024-03-18T00:00:00Z to 2024-03-18T01:00:00Z (UTC)\n"
                       "DIRECTION  PEER              PROBLEM      FAILURES  MESSAGES  FIRST SEEN            LAST SEEN  "
                       "           FIXED\n"
                       "inbound    192.0.2.7         refused      2         0         2024-03-18T00:01:40Z  "
                       "2024-03-18T00:03:20Z  no\n"
                       "    reason: mail=0/1\n"
                       "    ours: bob@our.example, dan@our.example\n"
                       "    theirs: cid@seven.example\n"
                       "outbound   mx.plain.example  not-offered  1         1         2024-03-18T00:05:00Z  "
                       "2024-03-18T00:05:00Z  2024-03-18T01:06:40Z (log)\n"
                       "    reason: TLS is required, but was not offered by host mx.plain.example[203.0.113.5]\n"
                       "    ours: alice@our.example\n"
                       "    theirs: (none known)\n"));
}

void TestFailureReport::emptyTable()
{
    QCOMPARE(FailureReport::table({}, day0, day0 + 60, std::nullopt),
             QStringLiteral("Failing peers from 2024-03-18T00:00:00Z to 2024-03-18T00:01:00Z (UTC)\n"
                            "No peer failed in this range.\n"));
}

void TestFailureReport::csv()
{
    QCOMPARE(FailureReport::csv(peers(), day0, day0 + 3600, std::nullopt),
             QStringLiteral(
                 "# Failing peers from 2024-03-18T00:00:00Z to 2024-03-18T01:00:00Z (UTC)\n"
                 "# One row per peer and direction; addresses are space-separated, most recent first.\n"
                 "direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,"
                 "their_addresses,fixed_at,fixed_by\n"
                 "inbound,192.0.2.7,refused,mail=0/1,2,0,2024-03-18T00:01:40Z,2024-03-18T00:03:20Z,"
                 "bob@our.example dan@our.example,cid@seven.example,,\n"
                 "outbound,mx.plain.example,not-offered,\"TLS is required, but was not offered by host "
                 "mx.plain.example[203.0.113.5]\",1,1,2024-03-18T00:05:00Z,2024-03-18T00:05:00Z,alice@our.example,,"
                 "2024-03-18T01:06:40Z,log\n"));
}

QTEST_GUILESS_MAIN(TestFailureReport)
#include "tst_failurereport.moc"
