#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/store/ingestbatch.h"
#include "models/store/trafficstore.h"
#include "tests/app/commandtestutil.h"

using namespace mailtls;

namespace {

constexpr qint64 day0 = 19800LL * 86400; // 2024-03-18 00:00:00 UTC
constexpr qint64 windowEnd = day0 + 3600;

const char *const kHeader = "direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,"
                            "their_addresses,fixed_at,fixed_by\n";
const char *const kRefused = "inbound,192.0.2.7,refused,mail=0/1,1,0,2024-03-18T00:01:40Z,2024-03-18T00:01:40Z,,,,";
const char *const kDeferred = "outbound,mx.plain.example,not-offered,TLS is required but not offered,1,1,"
                              "2024-03-18T00:05:00Z,2024-03-18T00:05:00Z,alice@our.example,bob@plain.example,"
                              "2024-03-18T01:23:20Z,log\n";

} // namespace

class TestCampaignFailuresCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void campaignGathering();
    void keepsWhoWasFixed();
    void rangeWithoutCampaign();
    void usageErrors_data();
    void usageErrors();
    void missingStore();

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_campaign = 0;
};

void TestCampaignFailuresCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("mailtls.sqlite"));
    TrafficStore store(m_path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const qint64 source = store.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"), &error);
    QVERIFY2(source > 0, qPrintable(error));
    IngestBatch batch;
    batch.sourceId = source;
    batch.position = 10000;
    RefusalRecord refused;
    refused.key = 100;
    refused.peer = QStringLiteral("192.0.2.7");
    refused.peerIp = QStringLiteral("192.0.2.7");
    refused.time = day0 + 100;
    refused.reason = QStringLiteral("mail=0/1");
    refused.lines = {100};
    batch.output.refusals.push_back(refused);
    TlsFailureRecord deferred;
    deferred.key = 200;
    deferred.direction = Direction::Outbound;
    deferred.peer = QStringLiteral("mx.plain.example");
    deferred.peerIp = QStringLiteral("203.0.113.5");
    deferred.port = 25;
    deferred.time = day0 + 300;
    deferred.problem = TlsProblem::NotOffered;
    deferred.reason = QStringLiteral("TLS is required but not offered");
    deferred.queueId = QStringLiteral("8E0F107");
    deferred.sender = QStringLiteral("alice@our.example");
    deferred.recipients = QStringLiteral("bob@plain.example");
    deferred.lines = {200};
    batch.output.failures.push_back(deferred);
    ConnectionRecord fixed;
    fixed.key = 300;
    fixed.direction = Direction::Outbound;
    fixed.peer = deferred.peer;
    fixed.peerIp = deferred.peerIp;
    fixed.port = 25;
    fixed.time = day0 + 5000;
    fixed.encrypted = true;
    fixed.lines = {300};
    batch.output.connections.push_back(fixed);
    QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));

    CampaignStore campaigns(m_path);
    QVERIFY2(campaigns.open(&error), qPrintable(error));
    Campaign campaign;
    campaign.name = QStringLiteral("March");
    campaign.created = day0 - 60;
    campaign.mta = QStringLiteral("postfix");
    campaign.inbound = true;
    campaign.outbound = true;
    campaign.windowStart = day0;
    campaign.windowEnd = windowEnd;
    campaign.endedAt = windowEnd;
    campaign.endedBy = QStringLiteral("app");
    campaign.backupId = QStringLiteral("20240318-000000");
    QVERIFY2(campaigns.create(&campaign, &error), qPrintable(error));
    m_campaign = campaign.id;
}

void TestCampaignFailuresCommand::campaignGathering()
{
    // The newest campaign's window, its directions; the peers are saved.
    const commandtest::Run r
        = commandtest::run({QStringLiteral("campaign"), QStringLiteral("failures"), QStringLiteral("--db"), m_path,
                            QStringLiteral("--csv"), QStringLiteral("-")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringLiteral("# Failing peers of campaign %1, from 2024-03-18T00:00:00Z to 2024-03-18T01:00:00Z "
                            "(UTC)\n# One row per peer and direction; addresses are space-separated, most "
                            "recent first.\n")
                     .arg(m_campaign)
                 + QLatin1String(kHeader) + QLatin1String(kRefused) + QStringLiteral("\n") + QLatin1String(kDeferred));

    CampaignStore campaigns(m_path);
    QString error;
    QVERIFY2(campaigns.open(&error), qPrintable(error));
    const QList<CampaignPeer> peers = campaigns.peers(m_campaign, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(peers.size(), 2);
    QCOMPARE(peers.at(0).peer, QStringLiteral("192.0.2.7"));
    QCOMPARE(peers.at(0).campaignId, m_campaign);
    QCOMPARE(peers.at(0).failures, 1);
    QCOMPARE(peers.at(1).peer, QStringLiteral("mx.plain.example"));
    QCOMPARE(peers.at(1).theirAddresses, QStringList({QStringLiteral("bob@plain.example")}));
    QCOMPARE(peers.at(1).fixedAt, std::optional<qint64>(day0 + 5000));
    const std::optional<Campaign> campaign = campaigns.load(m_campaign, &error);
    QVERIFY(campaign && campaign->gatheredAt.has_value());
}

void TestCampaignFailuresCommand::keepsWhoWasFixed()
{
    {
        CampaignStore campaigns(m_path);
        QString error;
        QVERIFY2(campaigns.open(&error), qPrintable(error));
        QVERIFY2(campaigns.markFixed(m_campaign, QStringLiteral("192.0.2.7"), Direction::Inbound, day0 + 7200,
                                     QStringLiteral("probe"), &error),
                 qPrintable(error));
    }
    const commandtest::Run r
        = commandtest::run({QStringLiteral("campaign"), QStringLiteral("failures"), QStringLiteral("--db"), m_path,
                            QStringLiteral("--campaign"), QString::number(m_campaign), QStringLiteral("--inbound"),
                            QStringLiteral("--csv"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QLatin1String(kHeader) + QLatin1String(kRefused).chopped(1)
                            + QStringLiteral("2024-03-18T02:00:00Z,probe\n")),
             qPrintable(r.out));

    // The outbound peer gathered before stays in the campaign.
    CampaignStore campaigns(m_path);
    QString error;
    QVERIFY2(campaigns.open(&error), qPrintable(error));
    const QList<CampaignPeer> peers = campaigns.peers(m_campaign, &error);
    QCOMPARE(peers.size(), 2);
    QCOMPARE(peers.at(1).peer, QStringLiteral("mx.plain.example"));
    QCOMPARE(peers.at(0).fixedBy, QStringLiteral("probe"));
}

void TestCampaignFailuresCommand::rangeWithoutCampaign()
{
    // A range alone reads the store and saves nothing; the table is printed.
    const commandtest::Run r
        = commandtest::run({QStringLiteral("campaign"), QStringLiteral("failures"), QStringLiteral("--db"), m_path,
                            QStringLiteral("--from"), QStringLiteral("2024-03-18T00:04:00Z"), QStringLiteral("--to"),
                            QStringLiteral("2024-03-18T00:06:00Z")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
             QStringLiteral("Failing peers from 2024-03-18T00:04:00Z to 2024-03-18T00:06:00Z (UTC)\n"
                            "DIRECTION  PEER              PROBLEM      FAILURES  MESSAGES  FIRST SEEN            "
                            "LAST SEEN             FIXED\n"
                            "outbound   mx.plain.example  not-offered  1         1         2024-03-18T00:05:00Z  "
                            "2024-03-18T00:05:00Z  no\n"
                            "    reason: TLS is required but not offered\n"
                            "    ours: alice@our.example\n"
                            "    theirs: bob@plain.example\n"));
}

void TestCampaignFailuresCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");
    QTest::newRow("to without from") << QStringList({QStringLiteral("--to"), QStringLiteral("@10")})
                                     << QStringLiteral("mailtls: --to needs --from\n");
    QTest::newRow("from after to") << QStringList(
        {QStringLiteral("--from"), QStringLiteral("@20"), QStringLiteral("--to"), QStringLiteral("@10")})
                                   << QStringLiteral("mailtls: --from must be before --to\n");
    QTest::newRow("limit") << QStringList({QStringLiteral("--limit"), QStringLiteral("0")})
                           << QStringLiteral("mailtls: --limit: \"0\" is not a positive number\n");
    QTest::newRow("campaign") << QStringList({QStringLiteral("--campaign"), QStringLiteral("x")})
                              << QStringLiteral("mailtls: --campaign: \"x\" is not a campaign id\n");
    QTest::newRow("argument") << QStringList({QStringLiteral("extra")})
                              << QStringLiteral("mailtls: unexpected argument \"extra\"\n");
}

void TestCampaignFailuresCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const commandtest::Run r = commandtest::run(
        QStringList({QStringLiteral("campaign"), QStringLiteral("failures"), QStringLiteral("--db"), m_path}) + args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, error);
    QCOMPARE(r.out, QString());
}

void TestCampaignFailuresCommand::missingStore()
{
    const QString missing = m_dir.filePath(QStringLiteral("none.sqlite"));
    const commandtest::Run r = commandtest::run({QStringLiteral("campaign"), QStringLiteral("failures"),
                                                 QStringLiteral("--db"), missing, QStringLiteral("--from"),
                                                 QStringLiteral("@0"), QStringLiteral("--to"), QStringLiteral("@10")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QStringLiteral("mailtls: There is no MailTLS store at %1.\n").arg(missing));
}

QTEST_GUILESS_MAIN(TestCampaignFailuresCommand)
#include "tst_campaignfailurescommand.moc"
