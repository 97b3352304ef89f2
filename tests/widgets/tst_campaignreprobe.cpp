// "Re-probe Remaining" on the Campaigns page: the peers not fixed yet are
// probed through a real ProbeService against SMTP servers on 127.0.19.x (one
// offering STARTTLS, one without it, one address where nothing listens); the
// one with TLS is marked fixed by probe, the one without shows still
// plaintext from its stored probe, a fixed peer is not probed again.

#include <memory>

#include <QElapsedTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/probe/probeservice.h"
#include "models/store/trafficstore.h"
#include "tests/models/schedulertestserver.h"
#include "widgets/campaign/campaignpage.h"
#include "widgets/campaign/campaignpeermodel.h"
#include "widgets/campaign/campaignreprobe.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"

using namespace mailtls;
using schedulertest::ConnectionMeter;
using schedulertest::ServerBehaviour;
using schedulertest::TestSmtpServer;

namespace {

constexpr qint64 Hour = 3600;
const qint64 Start = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();

CampaignPeer peer(const char *name, Direction direction, const char *problem)
{
    CampaignPeer p;
    p.peer = QString::fromLatin1(name);
    p.direction = direction;
    p.problem = QString::fromLatin1(problem);
    p.failures = 1;
    p.messages = 1;
    p.firstSeen = Start + Hour;
    p.lastSeen = Start + 2 * Hour;
    return p;
}

QStringList column(const QTableView *table, int column)
{
    QStringList values;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        values << table->model()->index(r, column).data().toString();
    return values;
}

} // namespace

class TestCampaignReprobe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fixes_data();
    void fixes();
    void reprobesTheRemaining();
    void cancel();
    void notOfferedWithoutService();

private:
    qint64 writeCampaign(const QList<CampaignPeer> &peers);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QElapsedTimer m_clock;
};

void TestCampaignReprobe::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_clock.start();
    QTemporaryDir certs;
    const QString problem
        = schedulertest::makeCertificate(certs.path(), QStringLiteral("IP:127.0.19.1"), &m_certificate, &m_key);
    if (!problem.isEmpty())
        QSKIP(qPrintable(problem));
}

void TestCampaignReprobe::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    TrafficStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
}

void TestCampaignReprobe::cleanup()
{
    m_dir.reset();
}

qint64 TestCampaignReprobe::writeCampaign(const QList<CampaignPeer> &peers)
{
    CampaignStore store(m_store);
    QString error;
    if (!store.open(&error))
        return 0;
    Campaign c;
    c.name = QStringLiteral("Loopback");
    c.created = Start;
    c.mta = QStringLiteral("postfix");
    c.inbound = c.outbound = true;
    c.windowStart = Start;
    c.windowEnd = Start + 24 * Hour;
    c.endedAt = Start + 24 * Hour;
    c.endedBy = QStringLiteral("app");
    if (!store.create(&c, &error) || !store.replacePeers(c.id, peers, Start + 25 * Hour, &error))
        return 0;
    return c.id;
}

void TestCampaignReprobe::fixes_data()
{
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("expected");
    QTest::newRow("good after refusal") << int(Verdict::Good) << QStringLiteral("refused") << true;
    QTest::newRow("weak after refusal") << int(Verdict::Weak) << QStringLiteral("refused") << true;
    QTest::newRow("weak after not offered") << int(Verdict::Weak) << QStringLiteral("not-offered") << true;
    QTest::newRow("weak after weak DH") << int(Verdict::Weak) << QStringLiteral("dh-key-too-small") << false;
    QTest::newRow("good after weak DH") << int(Verdict::Good) << QStringLiteral("dh-key-too-small") << true;
    QTest::newRow("no TLS") << int(Verdict::NoTls) << QStringLiteral("refused") << false;
    QTest::newRow("unreachable") << int(Verdict::Unreachable) << QStringLiteral("not-offered") << false;
}

void TestCampaignReprobe::fixes()
{
    QFETCH(int, verdict);
    QFETCH(QString, problem);
    QFETCH(bool, expected);
    QCOMPARE(CampaignReprobe::fixes(Verdict(verdict), problem), expected);
}

void TestCampaignReprobe::reprobesTheRemaining()
{
    ConnectionMeter meter;
    ServerBehaviour tls;
    tls.advertiseStartTls = true;
    tls.acceptStartTls = true;
    TestSmtpServer withTls(tls, &meter, &m_clock);
    withTls.setTls(m_certificate, m_key);
    QVERIFY(withTls.listen(QHostAddress(QStringLiteral("127.0.19.1")), 0));
    TestSmtpServer plain(ServerBehaviour {}, &meter, &m_clock);
    QVERIFY(plain.listen(QHostAddress(QStringLiteral("127.0.19.2")), 0));
    // Where nothing listens: a port just given up.
    quint16 closed = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.19.3")), 0));
        closed = probe.serverPort();
    }
    const QHash<QString, quint16> ports {{QStringLiteral("127.0.19.1"), withTls.serverPort()},
                                         {QStringLiteral("127.0.19.2"), plain.serverPort()},
                                         {QStringLiteral("127.0.19.3"), closed},
                                         {QStringLiteral("127.0.19.4"), quint16(1)}};

    const qint64 id = writeCampaign({peer("127.0.19.1", Direction::Inbound, "refused"),
                                     peer("127.0.19.2", Direction::Outbound, "not-offered"),
                                     peer("127.0.19.3", Direction::Outbound, "not-offered"),
                                     peer("127.0.19.4", Direction::Outbound, "not-offered")});
    QVERIFY(id > 0);
    {
        CampaignStore store(m_store);
        QString error;
        QVERIFY(store.open(&error));
        QVERIFY2(store.markFixed(id, QStringLiteral("127.0.19.4"), Direction::Outbound, Start + 48 * Hour,
                                 QStringLiteral("log"), &error),
                 qPrintable(error));
    }

    DashboardContext context;
    context.setStore(m_store, false);
    ProbeOptions options;
    options.connectTimeoutMs = 3000;
    options.readTimeoutMs = 3000;
    options.cacheSeconds = 0;
    ProbeService service(options);
    service.setStorePath(m_store);
    QSignalSpy requested(&service, &ProbeService::finished);
    CampaignPage page(&context);
    page.resize(1280, 760);
    QVERIFY(!page.reprobeButton()->isVisibleTo(&page));
    page.setProbeService(&service);
    page.reprobe()->setTargetOf([ports](const QString &name) -> std::optional<ProbeTarget> {
        ProbeTarget target;
        target.kind = ProbeTarget::Kind::Host;
        target.name = name;
        target.port = ports.value(name);
        return target;
    });
    QSignalSpy loaded(&page, &CampaignPage::loaded);
    page.show();
    QVERIFY(loaded.wait(20000));
    QVERIFY(page.reprobeButton()->isVisibleTo(&page));
    QVERIFY(page.reprobeButton()->isEnabled());

    QSignalSpy finished(&page, &CampaignPage::reprobeFinished);
    QTest::mouseClick(page.reprobeButton(), Qt::LeftButton);
    QVERIFY(!page.reprobeButton()->isEnabled());
    QVERIFY(!page.progressBar()->isHidden());
    QVERIFY(!page.cancelButton()->isHidden());
    QCOMPARE(page.progressBar()->maximum(), 3);
    QVERIFY(finished.wait(60000));
    QCOMPARE(requested.count(), 3);
    QCOMPARE(page.progressBar()->value(), 3);
    QCOMPARE(page.reprobeResult(), QStringLiteral("Re-probed 3 peer(s): 1 fixed, 1 still without TLS."));
    QVERIFY(page.progressBar()->isHidden());
    QVERIFY(page.cancelButton()->isHidden());

    // The page reads again: the fix, and the stored probe without TLS.
    QVERIFY(loaded.wait(20000));
    QCOMPARE(column(page.peerTable(), CampaignPeerModel::PeerColumn),
             (QStringList {QStringLiteral("127.0.19.1"), QStringLiteral("127.0.19.2"), QStringLiteral("127.0.19.3"),
                           QStringLiteral("127.0.19.4")}));
    QCOMPARE(column(page.peerTable(), CampaignPeerModel::StateColumn),
             (QStringList {QStringLiteral("Fixed (re-probe)"), QStringLiteral("Still plaintext"),
                           QStringLiteral("Failing"), QStringLiteral("Fixed (seen encrypted)")}));
    const CampaignPeer fixed = page.peerModel()->rows().at(0).peer;
    QCOMPARE(fixed.fixedBy, QStringLiteral("probe"));
    QVERIFY(fixed.fixedAt.has_value());
    QVERIFY(qAbs(*fixed.fixedAt - QDateTime::currentSecsSinceEpoch()) < 120);
    QCOMPARE(page.peerModel()->rows().at(3).peer.fixedAt, std::optional<qint64>(Start + 48 * Hour));
    QCOMPARE(page.peerCard()->note(),
             QStringLiteral("Campaign “Loopback”: 2 of 4 fixed\nRe-probed 3 peer(s): 1 fixed, 1 still without TLS."));
}

void TestCampaignReprobe::cancel()
{
    ConnectionMeter meter;
    ServerBehaviour silent;
    silent.silent = true;
    TestSmtpServer server(silent, &meter, &m_clock);
    QVERIFY(server.listen(QHostAddress(QStringLiteral("127.0.19.5")), 0));
    const quint16 port = server.serverPort();
    QVERIFY(writeCampaign({peer("127.0.19.5", Direction::Inbound, "refused")}) > 0);

    DashboardContext context;
    context.setStore(m_store, false);
    ProbeOptions options;
    options.connectTimeoutMs = 30000;
    options.readTimeoutMs = 30000;
    ProbeService service(options);
    service.setStorePath(m_store);
    CampaignPage page(&context);
    page.setProbeService(&service);
    page.reprobe()->setTargetOf([port](const QString &name) -> std::optional<ProbeTarget> {
        ProbeTarget target;
        target.kind = ProbeTarget::Kind::Host;
        target.name = name;
        target.port = port;
        return target;
    });
    QSignalSpy loaded(&page, &CampaignPage::loaded);
    page.show();
    QVERIFY(loaded.wait(20000));
    QSignalSpy finished(&page, &CampaignPage::reprobeFinished);
    page.reprobeRemaining();
    QTRY_VERIFY_WITH_TIMEOUT(server.connections() >= 1, 10000);
    QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(page.reprobeResult(), QStringLiteral("Re-probe cancelled after 0 peer(s): 0 fixed, 0 still without TLS."));
    QVERIFY(page.reprobeButton()->isEnabled());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(column(page.peerTable(), CampaignPeerModel::StateColumn), QStringList {QStringLiteral("Failing")});
}

void TestCampaignReprobe::notOfferedWithoutService()
{
    QVERIFY(writeCampaign({peer("127.0.19.6", Direction::Inbound, "refused")}) > 0);
    DashboardContext context;
    context.setStore(m_store, false);
    CampaignPage page(&context);
    QSignalSpy loaded(&page, &CampaignPage::loaded);
    page.show();
    QVERIFY(loaded.wait(20000));
    QVERIFY(!page.reprobeButton()->isVisibleTo(&page));
    QVERIFY(!page.reprobe());
}

QTEST_MAIN(TestCampaignReprobe)
#include "tst_campaignreprobe.moc"
