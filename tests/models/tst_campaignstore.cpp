#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::Campaign)

// CampaignStore on a real store file made by TrafficStore::open: what it
// refuses to open, every field of a campaign, peer and letter back exactly,
// the newest-first list and the running window, a new gathering keeping who
// was fixed already, and markFixed keeping the earlier time.
class TestCampaignStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refuses_data();
    void refuses();
    void roundTrip_data();
    void roundTrip();
    void listAndEnforcing();
    void updateMissing();
    void removeTakesPeersAndLetters();
    void replacePeersKeepsFixed();
    void markFixed_data();
    void markFixed();
    void letters();
    void sideBySideWithTrafficStore();

private:
    QString makeStore(const QString &name);
    void runSql(const QString &path, const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

namespace {

Campaign sampleCampaign(qint64 created)
{
    Campaign campaign;
    campaign.name = QStringLiteral("Sommer – Pflicht-TLS");
    campaign.created = created;
    campaign.mta = QStringLiteral("postfix");
    campaign.host = QStringLiteral("ssh://admin@127.0.16.9:2222");
    campaign.configDir = QStringLiteral("/etc/postfix");
    campaign.inbound = true;
    campaign.outbound = false;
    campaign.windowStart = created + 5;
    campaign.windowEnd = created + 5 + 4 * 3600;
    campaign.backupId = QStringLiteral("20260330-120000-postfix");
    campaign.revertJob = QStringLiteral("at:17");
    return campaign;
}

CampaignPeer samplePeer(const QString &name, Direction direction, qint64 first)
{
    CampaignPeer peer;
    peer.peer = name;
    peer.direction = direction;
    peer.problem = direction == Direction::Inbound ? QStringLiteral("refused") : QStringLiteral("not-offered");
    peer.reason = QStringLiteral("TLS is required, but was not offered by host %1").arg(name);
    peer.failures = 3;
    peer.messages = 2;
    peer.firstSeen = first;
    peer.lastSeen = first + 600;
    peer.ourAddresses = {QStringLiteral("anna@example.org"), QStringLiteral("bob@example.org")};
    peer.theirAddresses = {QStringLiteral("info@%1").arg(name)};
    return peer;
}

void compareCampaigns(const Campaign &actual, const Campaign &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.created, expected.created);
    QCOMPARE(actual.mta, expected.mta);
    QCOMPARE(actual.host, expected.host);
    QCOMPARE(actual.configDir, expected.configDir);
    QCOMPARE(actual.inbound, expected.inbound);
    QCOMPARE(actual.outbound, expected.outbound);
    QCOMPARE(actual.windowStart, expected.windowStart);
    QCOMPARE(actual.windowEnd, expected.windowEnd);
    QCOMPARE(actual.endedAt, expected.endedAt);
    QCOMPARE(actual.endedBy, expected.endedBy);
    QCOMPARE(actual.backupId, expected.backupId);
    QCOMPARE(actual.revertJob, expected.revertJob);
    QCOMPARE(actual.gatheredAt, expected.gatheredAt);
}

void comparePeers(const CampaignPeer &actual, const CampaignPeer &expected)
{
    QCOMPARE(actual.campaignId, expected.campaignId);
    QCOMPARE(actual.peer, expected.peer);
    QCOMPARE(actual.direction, expected.direction);
    QCOMPARE(actual.problem, expected.problem);
    QCOMPARE(actual.reason, expected.reason);
    QCOMPARE(actual.failures, expected.failures);
    QCOMPARE(actual.messages, expected.messages);
    QCOMPARE(actual.firstSeen, expected.firstSeen);
    QCOMPARE(actual.lastSeen, expected.lastSeen);
    QCOMPARE(actual.ourAddresses, expected.ourAddresses);
    QCOMPARE(actual.theirAddresses, expected.theirAddresses);
    QCOMPARE(actual.fixedAt, expected.fixedAt);
    QCOMPARE(actual.fixedBy, expected.fixedBy);
}

} // namespace

void TestCampaignStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = makeStore(QStringLiteral("store.sqlite"));
}

void TestCampaignStore::cleanup()
{
    m_dir.reset();
}

QString TestCampaignStore::makeStore(const QString &name)
{
    const QString path = m_dir->filePath(name);
    TrafficStore store(path);
    QString error;
    if (!store.open(&error))
        qFatal("cannot make a store: %s", qPrintable(error));
    return path;
}

void TestCampaignStore::runSql(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
}

void TestCampaignStore::refuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedStart");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("There is no MailTLS store at ");
    QTest::newRow("schema 7") << QStringLiteral("schema7") << QStringLiteral("%1 is at store schema 7; campaigns need "
                                                                            "schema 8. Open it with MailTLS once to "
                                                                            "bring it up to date.");
    QTest::newRow("not ours") << QStringLiteral("foreign") << QStringLiteral("%1");
}

void TestCampaignStore::refuses()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedStart);
    QString path = m_dir->filePath(QStringLiteral("other.sqlite"));
    if (kind == QLatin1String("schema7")) {
        path = makeStore(QStringLiteral("old.sqlite"));
        runSql(path, QStringLiteral("PRAGMA user_version = 7"));
    } else if (kind == QLatin1String("foreign")) {
        runSql(path, QStringLiteral("CREATE TABLE notes (text TEXT)"));
    }
    const QByteArray before = [&path]() {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    CampaignStore store(path);
    QString error;
    QVERIFY(!store.open(&error));
    QVERIFY(!store.isOpen());
    if (kind == QLatin1String("foreign"))
        QVERIFY2(error.contains(QLatin1String("notes")), qPrintable(error));
    else
        QVERIFY2(error.startsWith(expectedStart.arg(path)), qPrintable(error));
    // Refusing changes nothing: a missing file is not created.
    QCOMPARE(QFileInfo::exists(path), kind != QLatin1String("missing"));
    QFile after(path);
    if (after.open(QIODevice::ReadOnly))
        QCOMPARE(after.readAll(), before);
    QVERIFY(!store.load(1, &error));
    QCOMPARE(error, QStringLiteral("The campaigns of %1 are not open.").arg(path));
}

void TestCampaignStore::roundTrip_data()
{
    QTest::addColumn<Campaign>("campaign");
    Campaign enforcing = sampleCampaign(1774872000);
    QTest::newRow("enforcing, local") << [enforcing]() {
        Campaign c = enforcing;
        c.host.clear();
        c.outbound = true;
        return c;
    }();
    Campaign ended = sampleCampaign(1774872000);
    ended.endedAt = 1774872000 + 3 * 3600;
    ended.endedBy = QStringLiteral("job");
    ended.revertJob.clear();
    ended.gatheredAt = 1774872000 + 4 * 3600;
    QTest::newRow("ended by the job, gathered") << ended;
}

void TestCampaignStore::roundTrip()
{
    QFETCH(Campaign, campaign);
    CampaignStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY2(store.create(&campaign, &error), qPrintable(error));
    QCOMPARE(campaign.id, 1);
    QVERIFY(error.isEmpty());

    CampaignStore again(m_store);
    QVERIFY2(again.open(&error), qPrintable(error));
    const std::optional<Campaign> loaded = again.load(campaign.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    compareCampaigns(*loaded, campaign);

    Campaign changed = campaign;
    changed.endedAt = campaign.windowEnd;
    changed.endedBy = QStringLiteral("app");
    changed.revertJob.clear();
    changed.name = QStringLiteral("renamed");
    QVERIFY2(again.update(changed, &error), qPrintable(error));
    compareCampaigns(*store.load(campaign.id, &error), changed);

    QVERIFY(!store.load(2, &error));
    QCOMPARE(error, QStringLiteral("There is no campaign 2 in %1.").arg(m_store));
}

void TestCampaignStore::listAndEnforcing()
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(!store.enforcing(&error));
    QVERIFY(error.isEmpty());
    QVERIFY(store.list(&error).isEmpty());

    Campaign first = sampleCampaign(1000);
    first.endedAt = 2000;
    first.endedBy = QStringLiteral("user");
    Campaign second = sampleCampaign(3000);
    Campaign third = sampleCampaign(2500);
    third.endedAt = 2600;
    third.endedBy = QStringLiteral("app");
    QVERIFY(store.create(&first, &error));
    QVERIFY(store.create(&second, &error));
    QVERIFY(store.create(&third, &error));
    QCOMPARE((QList<qint64>{first.id, second.id, third.id}), (QList<qint64>{1, 2, 3}));

    const QList<Campaign> listed = store.list(&error);
    QVERIFY(error.isEmpty());
    QList<qint64> ids;
    for (const Campaign &c : listed)
        ids.append(c.id);
    QCOMPARE(ids, (QList<qint64>{2, 3, 1}));

    const std::optional<Campaign> running = store.enforcing(&error);
    QVERIFY(running);
    compareCampaigns(*running, second);
    QVERIFY(running->outlived(second.windowEnd + 1));
    QVERIFY(!running->outlived(second.windowEnd));

    second.endedAt = 4000;
    second.endedBy = QStringLiteral("job");
    QVERIFY(store.update(second, &error));
    QVERIFY(!store.enforcing(&error));
    QVERIFY(error.isEmpty());
}

void TestCampaignStore::updateMissing()
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    Campaign ghost = sampleCampaign(1000);
    ghost.id = 42;
    QVERIFY(!store.update(ghost, &error));
    QCOMPARE(error, QStringLiteral("There is no campaign 42 in %1.").arg(m_store));
    QVERIFY(!store.replacePeers(42, {}, 5000, &error));
    QCOMPARE(error, QStringLiteral("There is no campaign 42 in %1.").arg(m_store));
    QVERIFY(!store.remove(42, &error));
    QCOMPARE(error, QStringLiteral("There is no campaign 42 in %1.").arg(m_store));
}

void TestCampaignStore::removeTakesPeersAndLetters()
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    Campaign gone = sampleCampaign(1000);
    Campaign kept = sampleCampaign(2000);
    QVERIFY(store.create(&gone, &error));
    QVERIFY(store.create(&kept, &error));
    const CampaignPeer peer = samplePeer(QStringLiteral("mx.delta.example"), Direction::Inbound, 1200);
    QVERIFY(store.replacePeers(gone.id, {peer}, 3000, &error));
    QVERIFY(store.replacePeers(kept.id, {peer}, 3000, &error));
    CampaignLetter letter;
    letter.campaignId = gone.id;
    letter.peer = peer.peer;
    letter.recipient = QStringLiteral("postmaster@delta.example");
    letter.language = QStringLiteral("en");
    letter.subject = QStringLiteral("TLS");
    letter.message = QByteArray("x");
    letter.delivery = QStringLiteral("eml");
    letter.at = 4000;
    QVERIFY(store.addLetter(&letter, &error));

    QVERIFY2(store.remove(gone.id, &error), qPrintable(error));
    QVERIFY(!store.load(gone.id, &error));
    QVERIFY(store.peers(gone.id, &error).isEmpty());
    QVERIFY(store.letters(gone.id, &error).isEmpty());
    QCOMPARE(store.peers(kept.id, &error).size(), 1);
    QCOMPARE(store.list(&error).size(), 1);
}

void TestCampaignStore::replacePeersKeepsFixed()
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    Campaign campaign = sampleCampaign(1000);
    Campaign other = sampleCampaign(1100);
    QVERIFY(store.create(&campaign, &error));
    QVERIFY(store.create(&other, &error));

    CampaignPeer a = samplePeer(QStringLiteral("mx.alpha.example"), Direction::Outbound, 1200);
    CampaignPeer b = samplePeer(QStringLiteral("mx.beta.example"), Direction::Inbound, 1300);
    CampaignPeer c = samplePeer(QStringLiteral("192.0.2.7"), Direction::Inbound, 1400);
    c.theirAddresses.clear();
    QVERIFY2(store.replacePeers(campaign.id, {a, b, c}, 5000, &error), qPrintable(error));
    QVERIFY(store.replacePeers(other.id, {a}, 5100, &error));
    QCOMPARE(store.load(campaign.id, &error)->gatheredAt, std::optional<qint64>(5000));

    QVERIFY2(store.markFixed(campaign.id, b.peer, Direction::Inbound, 6000, QStringLiteral("log"), &error),
             qPrintable(error));

    // A new gathering: b again with new figures, a gone, d new; b keeps its
    // fix, and the same peer in the other campaign is untouched.
    CampaignPeer b2 = samplePeer(QStringLiteral("mx.beta.example"), Direction::Inbound, 1300);
    b2.failures = 9;
    b2.lastSeen = 7000;
    CampaignPeer d = samplePeer(QStringLiteral("mx.beta.example"), Direction::Outbound, 1500);
    QVERIFY2(store.replacePeers(campaign.id, {d, b2, c}, 8000, &error), qPrintable(error));
    QCOMPARE(store.load(campaign.id, &error)->gatheredAt, std::optional<qint64>(8000));

    const QList<CampaignPeer> peers = store.peers(campaign.id, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(peers.size(), 3);
    CampaignPeer expectedB = b2;
    expectedB.campaignId = campaign.id;
    expectedB.fixedAt = 6000;
    expectedB.fixedBy = QStringLiteral("log");
    CampaignPeer expectedC = c;
    expectedC.campaignId = campaign.id;
    CampaignPeer expectedD = d;
    expectedD.campaignId = campaign.id;
    comparePeers(peers.at(0), expectedC); // inbound, "192…" before "mx…"
    comparePeers(peers.at(1), expectedB);
    comparePeers(peers.at(2), expectedD);

    const QList<CampaignPeer> others = store.peers(other.id, &error);
    QCOMPARE(others.size(), 1);
    CampaignPeer expectedA = a;
    expectedA.campaignId = other.id;
    comparePeers(others.at(0), expectedA);
}

void TestCampaignStore::markFixed_data()
{
    QTest::addColumn<qint64>("secondAt");
    QTest::addColumn<QString>("secondBy");
    QTest::addColumn<qint64>("expectedAt");
    QTest::addColumn<QString>("expectedBy");
    QTest::newRow("later keeps the first") << qint64(7000) << QStringLiteral("probe") << qint64(6000)
                                           << QStringLiteral("log");
    QTest::newRow("earlier replaces it") << qint64(5500) << QStringLiteral("probe") << qint64(5500)
                                         << QStringLiteral("probe");
}

void TestCampaignStore::markFixed()
{
    QFETCH(qint64, secondAt);
    QFETCH(QString, secondBy);
    QFETCH(qint64, expectedAt);
    QFETCH(QString, expectedBy);
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    Campaign campaign = sampleCampaign(1000);
    QVERIFY(store.create(&campaign, &error));
    const CampaignPeer peer = samplePeer(QStringLiteral("mx.gamma.example"), Direction::Outbound, 1200);
    QVERIFY(store.replacePeers(campaign.id, {peer}, 5000, &error));

    QVERIFY(!store.markFixed(campaign.id, peer.peer, Direction::Inbound, 6000, QStringLiteral("log"), &error));
    QCOMPARE(error, QStringLiteral("Campaign 1 has no inbound peer mx.gamma.example."));
    QVERIFY(store.markFixed(campaign.id, peer.peer, Direction::Outbound, 6000, QStringLiteral("log"), &error));
    QVERIFY(error.isEmpty());
    QVERIFY(store.markFixed(campaign.id, peer.peer, Direction::Outbound, secondAt, secondBy, &error));
    const QList<CampaignPeer> peers = store.peers(campaign.id, &error);
    QCOMPARE(peers.size(), 1);
    QCOMPARE(peers.at(0).fixedAt, std::optional<qint64>(expectedAt));
    QCOMPARE(peers.at(0).fixedBy, expectedBy);
}

void TestCampaignStore::letters()
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY(store.open(&error));
    Campaign campaign = sampleCampaign(1000);
    QVERIFY(store.create(&campaign, &error));

    CampaignLetter late;
    late.campaignId = campaign.id;
    late.peer = QStringLiteral("mx.alpha.example");
    late.recipient = QStringLiteral("postmaster@alpha.example");
    late.language = QStringLiteral("de");
    late.subject = QStringLiteral("Verschlüsselung Ihres Mailservers");
    late.message = QByteArray("Subject: =?UTF-8?Q?Verschl=C3=BCsselung?=\r\n\r\nHallo\r\n\0end", 60);
    late.delivery = QStringLiteral("smtp");
    late.at = 9000;
    late.serverReply = QStringLiteral("250 2.0.0 Ok: queued as 4XyZ");
    CampaignLetter early = late;
    early.peer = QStringLiteral("mx.beta.example");
    early.recipient = QStringLiteral("info@beta.example");
    early.language = QStringLiteral("en");
    early.subject = QStringLiteral("Your mail server");
    early.message = QByteArray("Subject: Your mail server\r\n\r\nHello\r\n");
    early.delivery = QStringLiteral("eml");
    early.at = 8000;
    early.serverReply.clear();
    QVERIFY2(store.addLetter(&late, &error), qPrintable(error));
    QVERIFY2(store.addLetter(&early, &error), qPrintable(error));
    QCOMPARE(late.id, 1);
    QCOMPARE(early.id, 2);

    CampaignLetter bad = early;
    bad.delivery = QStringLiteral("pigeon");
    QVERIFY(!store.addLetter(&bad, &error));
    QVERIFY2(error.contains(QLatin1String("CHECK constraint failed")), qPrintable(error));

    const QList<CampaignLetter> letters = store.letters(campaign.id, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(letters.size(), 2);
    const CampaignLetter *expected[] = {&early, &late};
    for (int i = 0; i < 2; ++i) {
        const CampaignLetter &got = letters.at(i);
        QCOMPARE(got.id, expected[i]->id);
        QCOMPARE(got.campaignId, campaign.id);
        QCOMPARE(got.peer, expected[i]->peer);
        QCOMPARE(got.recipient, expected[i]->recipient);
        QCOMPARE(got.language, expected[i]->language);
        QCOMPARE(got.subject, expected[i]->subject);
        QCOMPARE(got.message, expected[i]->message);
        QCOMPARE(got.delivery, expected[i]->delivery);
        QCOMPARE(got.at, expected[i]->at);
        QCOMPARE(got.serverReply, expected[i]->serverReply);
    }
    QVERIFY(store.letters(campaign.id + 1, &error).isEmpty());
}

void TestCampaignStore::sideBySideWithTrafficStore()
{
    TrafficStore traffic(m_store);
    QString error;
    QVERIFY2(traffic.open(&error), qPrintable(error));
    CampaignStore store(m_store);
    QVERIFY2(store.open(&error), qPrintable(error));
    Campaign campaign = sampleCampaign(1000);
    QVERIFY2(store.create(&campaign, &error), qPrintable(error));
    QVERIFY2(traffic.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"), &error) > 0,
             qPrintable(error));
    QCOMPARE(store.list(&error).size(), 1);
}

QTEST_GUILESS_MAIN(TestCampaignStore)
#include "tst_campaignstore.moc"
