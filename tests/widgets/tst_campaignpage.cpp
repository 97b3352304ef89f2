// The Campaigns page on a real store: campaigns, failing peers, letters and a
// probe written through CampaignStore and TrafficStore, read back by the page
// on its query thread, shown with the exact rows, states, chart series and
// CSV.

#include <memory>

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaigncsv.h"
#include "widgets/campaign/campaignlistmodel.h"
#include "widgets/campaign/campaignpage.h"
#include "widgets/campaign/campaignpeermodel.h"
#include "widgets/campaign/campaignprogresschart.h"
#include "widgets/campaign/campaignreader.h"
#include "widgets/campaign/campaigntext.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"

using namespace mailtls;

namespace {

qint64 utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

const qint64 Now = utc(20, 12);
const qint64 T0 = utc(2, 8); // the spring window's start
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

CampaignPeer peer(const char *name, Direction direction, const char *problem, const char *reason, int failures,
                  int messages, qint64 first, qint64 last, QStringList ours, QStringList theirs)
{
    CampaignPeer p;
    p.peer = QString::fromLatin1(name);
    p.direction = direction;
    p.problem = QString::fromLatin1(problem);
    p.reason = QString::fromLatin1(reason);
    p.failures = failures;
    p.messages = messages;
    p.firstSeen = first;
    p.lastSeen = last;
    p.ourAddresses = ours;
    p.theirAddresses = theirs;
    return p;
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

QList<QStringList> cells(const QAbstractItemModel *model)
{
    QList<QStringList> rows;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row << model->index(r, c).data().toString();
        rows << row;
    }
    return rows;
}

} // namespace

class TestCampaignPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stateText_data();
    void stateText();
    void duration_data();
    void duration();
    void peerStates_data();
    void peerStates();
    void steps();

    void showsCampaignsAndPeers();
    void chartSeries();
    void csvExport();
    void choosesAnotherCampaign();
    void remembersChosenCampaign();
    void emptyStore();
    void unreadableStore();

private:
    void writeCampaigns(const QString &path);
    struct Harness
    {
        explicit Harness(const QString &path)
        {
            context.setStore(path, false);
            page = std::make_unique<CampaignPage>(&context, nullptr);
            page->setClock([] { return Now; });
            page->resize(1280, 760);
        }
        bool loadedAfter(const std::function<void()> &action)
        {
            QSignalSpy spy(page.get(), &CampaignPage::loaded);
            action();
            return spy.wait(20000);
        }
        bool show()
        {
            return loadedAfter([this] { page->show(); });
        }

        DashboardContext context;
        std::unique_ptr<CampaignPage> page;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    qint64 m_spring = 0;
    qint64 m_relay = 0;
    qint64 m_old = 0;
};

void TestCampaignPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCampaignPage::init()
{
    // Pages remember their state; each test starts from none.
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    TrafficStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
}

void TestCampaignPage::cleanup()
{
    m_dir.reset();
    QSettings().clear();
}

// Three campaigns: one ended by the user with five failing peers in every
// state, one enforcing now with none gathered yet, one that outlived its end.
void TestCampaignPage::writeCampaigns(const QString &path)
{
    CampaignStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    Campaign spring;
    spring.name = QStringLiteral("Spring window");
    spring.created = T0 - Hour;
    spring.mta = QStringLiteral("postfix");
    spring.inbound = spring.outbound = true;
    spring.windowStart = T0;
    spring.windowEnd = T0 + Day;
    spring.endedAt = T0 + 20 * Hour;
    spring.endedBy = QStringLiteral("user");
    spring.backupId = QStringLiteral("20261102-080000");
    QVERIFY2(store.create(&spring, &error), qPrintable(error));
    m_spring = spring.id;

    Campaign old;
    old.name = QStringLiteral("Old window");
    old.created = Now - 3 * Day - Hour;
    old.mta = QStringLiteral("postfix");
    old.inbound = true;
    old.windowStart = Now - 3 * Day;
    old.windowEnd = Now - 2 * Day;
    old.revertJob = QStringLiteral("at:17");
    QVERIFY2(store.create(&old, &error), qPrintable(error));
    m_old = old.id;

    Campaign relay;
    relay.name = QStringLiteral("Exim on the relay");
    relay.created = Now - 2 * Hour;
    relay.mta = QStringLiteral("exim");
    relay.host = QStringLiteral("ssh://admin@relay.test:22");
    relay.outbound = true;
    relay.windowStart = Now - 2 * Hour;
    relay.windowEnd = Now + 3 * Hour + 12 * 60;
    QVERIFY2(store.create(&relay, &error), qPrintable(error));
    m_relay = relay.id;

    const QList<CampaignPeer> peers {
        peer("mail.alpha.example", Direction::Inbound, "refused", "530 5.7.0 Must issue a STARTTLS command first", 3, 2,
             T0 + Hour, T0 + 5 * Hour, strings({"postmaster@our.test"}), strings({"ann@alpha.example"})),
        peer("192.0.2.7", Direction::Inbound, "refused", "530 5.7.0 Must issue a STARTTLS command first", 1, 1,
             T0 + 2 * Hour, T0 + 2 * Hour, strings({"bob@our.test", "eve@our.test"}), strings({"x@seven.example"})),
        peer("mx.beta.example", Direction::Outbound, "not-offered",
             "TLS is required, but was not offered by host mx.beta.example[198.51.100.5]", 4, 2, T0 + 3 * Hour,
             T0 + 19 * Hour, strings({"bob@our.test"}), strings({"carol@beta.example", "dave@beta.example"})),
        peer("mx.gamma.example", Direction::Outbound, "not-offered",
             "TLS is required, but was not offered by host mx.gamma.example[198.51.100.9]", 2, 1, T0 + 4 * Hour,
             T0 + 6 * Hour, strings({"eve@our.test"}), strings({"gus@gamma.example"})),
        peer("mx.delta.example", Direction::Outbound, "handshake", "Cannot start TLS: handshake failure", 1, 1,
             T0 + 7 * Hour, T0 + 7 * Hour, strings({"bob@our.test"}), strings({"dora@delta.example"})),
    };
    QVERIFY2(store.replacePeers(m_spring, peers, T0 + 21 * Hour, &error), qPrintable(error));
    QVERIFY2(store.markFixed(m_spring, QStringLiteral("mail.alpha.example"), Direction::Inbound, T0 + 3 * Day,
                             QStringLiteral("log"), &error),
             qPrintable(error));
    QVERIFY2(store.markFixed(m_spring, QStringLiteral("mx.delta.example"), Direction::Outbound, T0 + 5 * Day,
                             QStringLiteral("probe"), &error),
             qPrintable(error));

    const auto letter = [&](const char *to, const char *peerName, const char *delivery, qint64 at) {
        CampaignLetter l;
        l.campaignId = m_spring;
        l.peer = QString::fromLatin1(peerName);
        l.recipient = QString::fromLatin1(to);
        l.language = QStringLiteral("en");
        l.subject = QStringLiteral("Your mail server and encryption");
        l.message = QByteArrayLiteral("Subject: Your mail server and encryption\r\n\r\nHello\r\n");
        l.delivery = QString::fromLatin1(delivery);
        l.at = at;
        QString e;
        QVERIFY2(store.addLetter(&l, &e), qPrintable(e));
    };
    letter("x@seven.example", "192.0.2.7", "eml", T0 + 2 * Day);
    letter("carol@beta.example", "mx.beta.example", "smtp", T0 + 2 * Day);
    letter("gus@gamma.example", "mx.gamma.example", "smtp", T0 + 2 * Day + Hour);

    // A re-probe after the window still finds no STARTTLS at gamma.
    TrafficStore traffic(path);
    QVERIFY2(traffic.open(&error), qPrintable(error));
    ProbeReport report;
    report.target.kind = ProbeTarget::Kind::Host;
    report.target.name = QStringLiteral("mx.gamma.example");
    report.started = QDateTime::fromSecsSinceEpoch(T0 + 4 * Day, Qt::UTC);
    report.finished = report.started.addSecs(2);
    report.verdict = Verdict::NoTls;
    report.hostVerdicts << HostVerdict {QStringLiteral("mx.gamma.example"),
                                        QHostAddress(QStringLiteral("198.51.100.9")), Verdict::NoTls};
    qint64 id = 0;
    QVERIFY2(traffic.saveProbeReport(report, &id, &error), qPrintable(error));
}

void TestCampaignPage::stateText_data()
{
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("endedAt"); // 0: not ended
    QTest::addColumn<QString>("endedBy");
    QTest::addColumn<QString>("expected");
    QTest::newRow("enforcing") << Now + 3 * Hour + 12 * 60 << qint64(0) << QString()
                               << QStringLiteral("Enforcing, 3 h 12 min left");
    QTest::newRow("last minute") << Now + 30 << qint64(0) << QString()
                                 << QStringLiteral("Enforcing, less than a minute left");
    QTest::newRow("days") << Now + 2 * Day + 5 * Hour << qint64(0) << QString()
                          << QStringLiteral("Enforcing, 2 d 5 h left");
    QTest::newRow("outlived") << Now - 2 * Day << qint64(0) << QString() << QStringLiteral("Outlived its end by 2 d");
    QTest::newRow("user") << Now << Now - Hour << QStringLiteral("user") << QStringLiteral("Ended by you");
    QTest::newRow("app") << Now - Hour << Now - Hour << QStringLiteral("app") << QStringLiteral("Ended by MailTLS");
    QTest::newRow("job") << Now - Hour << Now - Hour << QStringLiteral("job")
                         << QStringLiteral("Ended by the host's job");
    QTest::newRow("ended late by the user")
        << Now - Day << Now - Hour << QStringLiteral("user") << QStringLiteral("Ended by you");
}

void TestCampaignPage::stateText()
{
    QFETCH(qint64, end);
    QFETCH(qint64, endedAt);
    QFETCH(QString, endedBy);
    QFETCH(QString, expected);
    Campaign c;
    c.windowStart = Now - 5 * Day;
    c.windowEnd = end;
    if (endedAt)
        c.endedAt = endedAt;
    c.endedBy = endedBy;
    QCOMPARE(CampaignText::state(c, Now), expected);
}

void TestCampaignPage::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << qint64(0) << QStringLiteral("less than a minute");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("less than a minute");
    QTest::newRow("1 min") << qint64(60) << QStringLiteral("1 min");
    QTest::newRow("1 h") << Hour << QStringLiteral("1 h");
    QTest::newRow("1 h 1 min") << Hour + 60 << QStringLiteral("1 h 1 min");
    QTest::newRow("1 d") << Day << QStringLiteral("1 d");
    QTest::newRow("1 d 23 h 59 min") << 2 * Day - 60 << QStringLiteral("1 d 23 h");
}

void TestCampaignPage::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(CampaignText::duration(seconds), expected);
}

void TestCampaignPage::peerStates_data()
{
    QTest::addColumn<bool>("ended");
    QTest::addColumn<QString>("fixedBy"); // empty: not fixed
    QTest::addColumn<QString>("delivery"); // empty: no letter
    QTest::addColumn<qint64>("letterAt");
    QTest::addColumn<int>("probe"); // -1: none, else a Verdict
    QTest::addColumn<qint64>("probeAt");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("sent");
    QTest::addColumn<int>("exported");

    const int failing = int(CampaignPeerRow::State::Failing);
    const int sentState = int(CampaignPeerRow::State::LetterSent);
    const int still = int(CampaignPeerRow::State::StillPlaintext);
    const int log = int(CampaignPeerRow::State::FixedInLogs);
    const int probe = int(CampaignPeerRow::State::FixedByProbe);
    const int noTls = int(Verdict::NoTls);
    const int good = int(Verdict::Good);
    const qint64 end = T0 + Day;
    QTest::newRow("nothing") << true << QString() << QString() << qint64(0) << -1 << qint64(0) << failing << 0 << 0;
    QTest::newRow("exported only") << true << QString() << QStringLiteral("eml") << end + Hour << -1 << qint64(0)
                                   << failing << 0 << 1;
    QTest::newRow("mbox only") << true << QString() << QStringLiteral("mbox") << end + Hour << -1 << qint64(0)
                               << failing << 0 << 1;
    QTest::newRow("sent") << true << QString() << QStringLiteral("smtp") << end + Hour << -1 << qint64(0) << sentState
                          << 1 << 0;
    QTest::newRow("mail program") << true << QString() << QStringLiteral("mailer") << end + Hour << -1 << qint64(0)
                                  << sentState << 1 << 0;
    QTest::newRow("fixed in logs") << true << QStringLiteral("log") << QStringLiteral("smtp") << end + Hour << noTls
                                   << end + 2 * Hour << log << 1 << 0;
    QTest::newRow("fixed by probe") << true << QStringLiteral("probe") << QString() << qint64(0) << good
                                    << end + 2 * Hour << probe << 0 << 0;
    QTest::newRow("re-probe after the letter")
        << true << QString() << QStringLiteral("smtp") << end + Hour << noTls << end + 2 * Hour << still << 1 << 0;
    QTest::newRow("letter after the re-probe") << true << QString() << QStringLiteral("smtp") << end + 3 * Hour << noTls
                                               << end + 2 * Hour << sentState << 1 << 0;
    QTest::newRow("probe before the window ended")
        << true << QString() << QString() << qint64(0) << noTls << end - 5 * Hour << failing << 0 << 0;
    QTest::newRow("probe while enforcing")
        << false << QString() << QString() << qint64(0) << noTls << end - 5 * Hour << failing << 0 << 0;
    QTest::newRow("weak, not plaintext") << true << QString() << QString() << qint64(0) << int(Verdict::Weak)
                                         << end + Hour << failing << 0 << 0;
}

void TestCampaignPage::peerStates()
{
    QFETCH(bool, ended);
    QFETCH(QString, fixedBy);
    QFETCH(QString, delivery);
    QFETCH(qint64, letterAt);
    QFETCH(int, probe);
    QFETCH(qint64, probeAt);
    QFETCH(int, state);
    QFETCH(int, sent);
    QFETCH(int, exported);

    Campaign c;
    c.id = 1;
    c.windowStart = T0;
    c.windowEnd = T0 + Day;
    if (ended)
        c.endedAt = T0 + 20 * Hour;
    CampaignPeer p = peer("mx.one.example", Direction::Outbound, "not-offered", "", 1, 1, T0, T0, {}, {});
    if (!fixedBy.isEmpty()) {
        p.fixedAt = T0 + 3 * Day;
        p.fixedBy = fixedBy;
    }
    CampaignPeer other = peer("mx.other.example", Direction::Outbound, "not-offered", "", 1, 1, T0, T0, {}, {});
    QList<CampaignLetter> letters;
    // A letter to another peer never counts for this one.
    CampaignLetter elsewhere;
    elsewhere.peer = other.peer;
    elsewhere.delivery = QStringLiteral("smtp");
    elsewhere.at = T0 + Day;
    letters << elsewhere;
    if (!delivery.isEmpty()) {
        CampaignLetter l;
        l.peer = p.peer;
        l.delivery = delivery;
        l.at = letterAt;
        letters << l;
    }
    QHash<QString, PeerProbeVerdict> probes;
    if (probe >= 0)
        probes.insert(p.peer, PeerProbeVerdict {Verdict(probe), probeAt});

    const QList<CampaignPeerRow> rows = CampaignReader::rows(c, {p, other}, letters, probes);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(int(rows.at(0).state), state);
    QCOMPARE(rows.at(0).lettersSent, sent);
    QCOMPARE(rows.at(0).lettersExported, exported);
    QCOMPARE(int(rows.at(1).state), int(CampaignPeerRow::State::LetterSent));
}

void TestCampaignPage::steps()
{
    const qint64 start = T0;
    QCOMPARE(CampaignProgressChart::steps(start, {}, start + 2 * Day), (QList<QPointF> {QPointF(0, 0), QPointF(2, 0)}));
    // Unsorted times, one before the start (drawn at the start).
    QCOMPARE(CampaignProgressChart::steps(start, {start + Day + 12 * Hour, start - Hour}, start + 3 * Day),
             (QList<QPointF> {QPointF(0, 0), QPointF(0, 0), QPointF(0, 1), QPointF(1.5, 1), QPointF(1.5, 2),
                              QPointF(3, 2)}));
}

void TestCampaignPage::showsCampaignsAndPeers()
{
    writeCampaigns(m_store);
    Harness h(m_store);
    QAbstractItemModelTester listTester(h.page->campaignModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester peerTester(h.page->peerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(h.show());
    QVERIFY(!h.page->isEmptyStateShown());

    QCOMPARE(cells(h.page->campaignTable()->model()),
             (QList<QStringList> {
                 strings({"Exim on the relay", "Exim", "ssh://admin@relay.test:22", "Outbound", "2026-11-20 10:00",
                          "2026-11-20 15:12", "Enforcing, 3 h 12 min left"}),
                 strings({"Old window", "Postfix", "This computer", "Inbound", "2026-11-17 12:00", "2026-11-18 12:00",
                          "Outlived its end by 2 d"}),
                 strings({"Spring window", "Postfix", "This computer", "Inbound and outbound", "2026-11-02 08:00",
                          "2026-11-03 04:00", "Ended by you"}),
             }));
    QCOMPARE(h.page->campaignModel()
                 ->index(1, CampaignListModel::StateColumn)
                 .data(CampaignListModel::OutlivedRole)
                 .toBool(),
             true);

    // The newest is shown first: its peers are not gathered yet.
    QCOMPARE(h.page->shownCampaign(), m_relay);
    QCOMPARE(h.page->peerModel()->rowCount(), 0);
    QCOMPARE(h.page->peerCard()->note(), QStringLiteral("The failing peers have not been gathered from the logs yet."));
    QCOMPARE(h.page->chart()->title(), QStringLiteral("0 of 0 fixed"));

    QVERIFY(h.loadedAfter([&] { h.page->showCampaign(m_spring); }));
    QCOMPARE(h.page->campaignTable()->selectionModel()->currentIndex().row(), 2);
    QCOMPARE(cells(h.page->peerTable()->model()),
             (QList<QStringList> {
                 strings({"192.0.2.7", "Inbound", "Failing", "", "Refused: no STARTTLS",
                          "530 5.7.0 Must issue a STARTTLS command first", "1", "1", "2026-11-02 10:00",
                          "2026-11-02 10:00", "bob@our.test, eve@our.test", "x@seven.example", "1 exported"}),
                 strings({"mail.alpha.example", "Inbound", "Fixed (seen encrypted)", "2026-11-05 08:00",
                          "Refused: no STARTTLS", "530 5.7.0 Must issue a STARTTLS command first", "3", "2",
                          "2026-11-02 09:00", "2026-11-02 13:00", "postmaster@our.test", "ann@alpha.example", ""}),
                 strings({"mx.beta.example", "Outbound", "Letter sent", "", "STARTTLS not offered",
                          "TLS is required, but was not offered by host mx.beta.example[198.51.100.5]", "4", "2",
                          "2026-11-02 11:00", "2026-11-03 03:00", "bob@our.test",
                          "carol@beta.example, dave@beta.example", "1 sent"}),
                 strings({"mx.delta.example", "Outbound", "Fixed (re-probe)", "2026-11-07 08:00", "Handshake failed",
                          "Cannot start TLS: handshake failure", "1", "1", "2026-11-02 15:00", "2026-11-02 15:00",
                          "bob@our.test", "dora@delta.example", ""}),
                 strings({"mx.gamma.example", "Outbound", "Still plaintext", "", "STARTTLS not offered",
                          "TLS is required, but was not offered by host mx.gamma.example[198.51.100.9]", "2", "1",
                          "2026-11-02 12:00", "2026-11-02 14:00", "eve@our.test", "gus@gamma.example", "1 sent"}),
             }));
    QCOMPARE(h.page->peerCard()->note(), QStringLiteral("Campaign “Spring window”: 2 of 5 fixed"));
    QCOMPARE(h.page->peerModel()->index(4, CampaignPeerModel::StateColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("A re-probe on 2026-11-06 08:00 UTC, after the window, still found no TLS."));
    QCOMPARE(h.page->campaignModel()->index(2, CampaignListModel::StateColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("You ended the window early, at 2026-11-03 04:00 UTC; the previous settings were put "
                            "back."));

    // Sorting by state puts the failing first and the fixed last.
    h.page->peerTable()->sortByColumn(CampaignPeerModel::StateColumn, Qt::AscendingOrder);
    QStringList order;
    for (int r = 0; r < h.page->peerTable()->model()->rowCount(); ++r)
        order << h.page->peerTable()->model()->index(r, 0).data().toString();
    QCOMPARE(order,
             strings({"192.0.2.7", "mx.beta.example", "mx.gamma.example", "mail.alpha.example", "mx.delta.example"}));

    // Opening a peer names it with its direction.
    QSignalSpy opened(h.page.get(), &CampaignPage::peerActivated);
    emit h.page->peerTable()->activated(h.page->peerTable()->model()->index(0, 0));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("192.0.2.7"));
    QCOMPARE(opened.at(0).at(1).value<Direction>(), Direction::Inbound);
}

void TestCampaignPage::chartSeries()
{
    writeCampaigns(m_store);
    Harness h(m_store);
    QVERIFY(h.show());
    QVERIFY(h.loadedAfter([&] { h.page->showCampaign(m_spring); }));
    CampaignProgressChart *chart = h.page->chart();
    QCOMPARE(chart->title(), QStringLiteral("2 of 5 fixed"));
    QCOMPARE(chart->fixed(), 2);
    QCOMPARE(chart->total(), 5);
    // Days since 2026-11-02 08:00; now is 2026-11-20 12:00, 18.1666… days on.
    const double end = double(Now - T0) / Day;
    QCOMPARE(
        chart->fixedSeries()->points(),
        (QList<QPointF> {QPointF(0, 0), QPointF(3, 0), QPointF(3, 1), QPointF(5, 1), QPointF(5, 2), QPointF(end, 2)}));
    QCOMPARE(chart->totalSeries()->points(), (QList<QPointF> {QPointF(0, 5), QPointF(end, 5)}));
    const double gamma = 2 + 1.0 / 24;
    QCOMPARE(chart->lettersSeries()->points(),
             (QList<QPointF> {QPointF(0, 0), QPointF(2, 0), QPointF(2, 1), QPointF(gamma, 1), QPointF(gamma, 2),
                              QPointF(end, 2)}));
    QCOMPARE(chart->fixedArea()->upperSeries(), chart->fixedSeries());
    QCOMPARE(chart->openArea()->upperSeries(), chart->totalSeries());
    QCOMPARE(chart->openArea()->lowerSeries(), chart->fixedSeries());
    QCOMPARE(chart->timeAxis()->max(), 20.0);
    QCOMPARE(chart->countAxis()->max(), 5.0);
    // The fixed area is filled in the encrypted colour, the rest patterned.
    const QPalette pal = chart->palette();
    QCOMPARE(chart->fixedArea()->brush().color(), ChartPalette::color(ChartPalette::Role::Encrypted, pal));
    QCOMPARE(chart->fixedArea()->brush().style(), Qt::SolidPattern);
    QCOMPARE(chart->openArea()->brush().style(), Qt::TexturePattern);
    QCOMPARE(chart->lettersSeries()->pen().style(), Qt::DashLine);
    QCOMPARE(chart->chartView()->accessibleDescription(),
             QStringLiteral("2 of 5 fixed; 2 letter(s) sent; over 18.2 days since the window started"));
}

void TestCampaignPage::csvExport()
{
    writeCampaigns(m_store);
    Harness h(m_store);
    QVERIFY(h.show());
    QVERIFY(h.loadedAfter([&] { h.page->showCampaign(m_spring); }));
    h.page->peerTable()->sortByColumn(CampaignPeerModel::FailuresColumn, Qt::DescendingOrder);
    const QString expected
        = QStringLiteral(
              "# MailTLS campaign “Spring window” (number %1): failing peers\n"
              "# Exported: 2026-11-20T12:00:00Z\n"
              "# Service: Postfix on This computer; directions: Inbound and outbound\n"
              "# Window: 2026-11-02T08:00:00Z to 2026-11-03T04:00:00Z; Ended by you\n"
              "# Progress: 2 of 5 fixed\n"
              "# Units: failures and messages are counts; times are UTC (ISO 8601); states are failing, letter-sent, "
              "still-plaintext, fixed-log (seen encrypted in the logs) and fixed-probe (confirmed by a re-probe)\n"
              "\n"
              "# Failing peers\n"
              "peer,direction,state,fixed_utc,problem,reason,failures,messages,first_seen_utc,last_seen_utc,"
              "our_addresses,their_addresses,letters_sent,letters_exported\n"
              "mx.beta.example,outbound,letter-sent,,not-offered,\"TLS is required, but was not offered by host "
              "mx.beta.example[198.51.100.5]\",4,2,2026-11-02T11:00:00Z,2026-11-03T03:00:00Z,bob@our.test,"
              "carol@beta.example dave@beta.example,1,0\n"
              "mail.alpha.example,inbound,fixed-log,2026-11-05T08:00:00Z,refused,530 5.7.0 Must issue a STARTTLS "
              "command "
              "first,3,2,2026-11-02T09:00:00Z,2026-11-02T13:00:00Z,postmaster@our.test,ann@alpha.example,0,0\n"
              "mx.gamma.example,outbound,still-plaintext,,not-offered,\"TLS is required, but was not offered by host "
              "mx.gamma.example[198.51.100.9]\",2,1,2026-11-02T12:00:00Z,2026-11-02T14:00:00Z,eve@our.test,"
              "gus@gamma.example,1,0\n"
              "192.0.2.7,inbound,failing,,refused,530 5.7.0 Must issue a STARTTLS command first,1,1,"
              "2026-11-02T10:00:00Z,2026-11-02T10:00:00Z,bob@our.test eve@our.test,x@seven.example,0,1\n"
              "mx.delta.example,outbound,fixed-probe,2026-11-07T08:00:00Z,handshake,Cannot start TLS: handshake "
              "failure,1,1,2026-11-02T15:00:00Z,2026-11-02T15:00:00Z,bob@our.test,dora@delta.example,0,0\n")
              .arg(m_spring);
    QCOMPARE(h.page->peersCsv(), expected);
}

void TestCampaignPage::choosesAnotherCampaign()
{
    writeCampaigns(m_store);
    Harness h(m_store);
    QVERIFY(h.show());
    QCOMPARE(h.page->shownCampaign(), m_relay);
    // Choosing a row in the campaigns table reads that campaign's peers.
    QTableView *table = h.page->campaignTable();
    table->setFocus();
    QVERIFY(h.loadedAfter([&] { QTest::keyClick(table, Qt::Key_Down); }));
    QCOMPARE(h.page->shownCampaign(), m_old);
    QCOMPARE(h.page->peerModel()->rowCount(), 0);
    QCOMPARE(h.page->peerCard()->note(), QStringLiteral("The failing peers have not been gathered from the logs yet."));
    QVERIFY(h.loadedAfter([&] { QTest::keyClick(table, Qt::Key_Down); }));
    QCOMPARE(h.page->shownCampaign(), m_spring);
    QCOMPARE(h.page->peerModel()->rowCount(), 5);
    QVERIFY(h.loadedAfter([&] { QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier); }));
    QCOMPARE(h.page->shownCampaign(), m_relay);
    QCOMPARE(h.page->peerModel()->rowCount(), 0);
    QCOMPARE(h.page->chart()->title(), QStringLiteral("0 of 0 fixed"));
}

void TestCampaignPage::remembersChosenCampaign()
{
    writeCampaigns(m_store);
    {
        Harness h(m_store);
        QVERIFY(h.show());
        QVERIFY(h.loadedAfter([&] { h.page->showCampaign(m_old); }));
    }
    Harness again(m_store);
    QVERIFY(again.show());
    QCOMPARE(again.page->shownCampaign(), m_old);
    QCOMPARE(again.page->campaignTable()->selectionModel()->currentIndex().row(), 1);
}

void TestCampaignPage::emptyStore()
{
    Harness h(m_store);
    QVERIFY(h.show());
    QVERIFY(h.page->isEmptyStateShown());
    QVERIFY(h.page->emptyState()->isVisible());
    QCOMPARE(h.page->campaignModel()->rowCount(), 0);
    QCOMPARE(h.page->peersCsv(), QString());
    // A campaign written meanwhile shows at the next refresh.
    writeCampaigns(m_store);
    QVERIFY(h.loadedAfter([&] { h.context.notifyDataChanged(); }));
    QVERIFY(!h.page->isEmptyStateShown());
    QCOMPARE(h.page->campaignModel()->rowCount(), 3);
}

void TestCampaignPage::unreadableStore()
{
    const QString path = m_dir->filePath(QStringLiteral("not-a-store.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not SQLite");
    file.close();
    Harness h(m_store);
    QVERIFY(h.show());
    QVERIFY(h.loadedAfter([&] { h.context.setStore(path, false); }));
    QVERIFY2(h.page->campaignCard()->note().startsWith(QStringLiteral("The campaigns cannot be read: ")),
             qPrintable(h.page->campaignCard()->note()));
}

QTEST_MAIN(TestCampaignPage)
#include "tst_campaignpage.moc"
