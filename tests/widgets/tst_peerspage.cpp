#include <functional>
#include <memory>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include "models/itemmodels/peerrowfilterproxymodel.h"
#include "models/itemmodels/peerrowmodel.h"
#include "models/settings/settings.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/exportmenu.h"
#include "widgets/dashboard/peerbarchart.h"
#include "widgets/dashboard/peerspage.h"
#include "widgets/dashboard/queryrunner.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

// A page on a store, with its own context; shown, as a user sees it.
struct Harness
{
    explicit Harness(const QString &path)
    {
        context.setStore(path, false);
        page = std::make_unique<PeersPage>(&context, nullptr);
        page->resize(1280, 700);
    }

    // Runs `action` and waits for the page's next fresh results.
    bool loadedAfter(const std::function<void()> &action)
    {
        QSignalSpy spy(page.get(), &PeersPage::loaded);
        action();
        return spy.wait(20000);
    }
    bool show()
    {
        return loadedAfter([this] { page->show(); });
    }

    QList<QStringList> table() const
    {
        QList<QStringList> rows;
        const QAbstractItemModel *model = page->table()->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < model->columnCount(); ++c)
                cells << model->index(r, c).data().toString();
            rows << cells;
        }
        return rows;
    }
    QStringList peers() const
    {
        QStringList list;
        const QAbstractItemModel *model = page->table()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            list << model->index(r, PeerRowModel::PeerColumn).data().toString();
        return list;
    }
    int rowOf(const QString &peer) const { return int(peers().indexOf(peer)); }

    QStringList categories() const { return page->chart()->peerAxis()->categories(); }
    static QList<qreal> values(const QBarSet *set)
    {
        QList<qreal> list;
        for (int i = 0; i < set->count(); ++i)
            list << set->at(i);
        return list;
    }
    QList<qreal> encrypted() const { return values(page->chart()->encryptedSet()); }
    QList<qreal> plaintext() const { return values(page->chart()->plaintextSet()); }

    DashboardContext context;
    std::unique_ptr<PeersPage> page;
};

// The known store's Peers table, every column as shown (C locale, UTC).
QList<QStringList> knownTable()
{
    return {
        strings({"mx.alpha.example", "Inbound", "3", "66.7 %", "3.4 KiB", "3", "0", "TLSv1.2, TLSv1.3",
                 "ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_256_GCM_SHA384", "Trusted – Verified",
                 "2024-03-19 09:00:00", ""}),
        strings({"203.0.113.9", "Inbound", "0", "–", "0 bytes", "1", "1", "", "", "", "2024-03-19 03:00:05", ""}),
        strings({"mail.beta.example", "Outbound", "2", "50.0 %", "6.8 KiB", "2", "1", "TLSv1.2",
                 "DHE-RSA-AES256-GCM-SHA384", "Untrusted", "2024-03-20 08:00:00", ""}),
        strings({"filter.relay.example", "Outbound", "1", "0.0 %", "800 bytes", "1", "0", "", "", "",
                 "2024-03-20 10:00:00", ""}),
        strings({"relay.beta.example", "Outbound", "1", "100.0 %", "1.5 KiB", "1", "1", "TLSv1.3",
                 "TLS_AES_128_GCM_SHA256", "Verified", "2024-03-19 15:00:00", ""}),
        strings({"client.gamma.example", "Submission", "1", "100.0 %", "700 bytes", "1", "0", "not logged",
                 "not logged", "not logged", "2024-03-18 13:00:00", ""}),
    };
}

// Four more outbound peers with more messages than any of the known store,
// each message on a connection of its own: peer n's message i at day 2,
// n:0i UTC.
//   n1.many.example  6 messages, all encrypted (TLSv1.3, verified)
//   n2.many.example  5 messages, all plaintext
//   n3.many.example  4 messages, the first encrypted (TLSv1.2, trusted)
//   n4.many.example  4 messages, the first three encrypted (TLSv1.3, trusted)
AssemblerOutput manyPeers()
{
    static const TlsDetails verified13 = tls(Trust::Verified, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256);
    static const TlsDetails trusted12 = tls(Trust::Trusted, "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", 256);
    static const TlsDetails trusted13 = tls(Trust::Trusted, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256);
    struct Peer
    {
        const char *name;
        const char *ip;
        int messages;
        int encrypted;
        const TlsDetails *details;
    };
    const Peer peers[] = {{"n1.many.example", "198.51.100.41", 6, 6, &verified13},
                          {"n2.many.example", "198.51.100.42", 5, 0, nullptr},
                          {"n3.many.example", "198.51.100.43", 4, 1, &trusted12},
                          {"n4.many.example", "198.51.100.44", 4, 3, &trusted13}};
    AssemblerOutput output;
    qint64 key = 50000;
    for (int n = 0; n < 4; ++n) {
        const Peer &p = peers[n];
        for (int i = 0; i < p.messages; ++i) {
            const qint64 time = day0 + 2 * day + (n + 1) * hour + i * 60;
            const bool encrypted = i < p.encrypted;
            output.connections.push_back(connection(key + 1, out, p.name, p.ip, time, encrypted,
                                                    encrypted ? *p.details : TlsDetails()));
            output.transfers.push_back(transfer(key, out, p.name, p.ip, time, 1000, encrypted ? p.details : nullptr,
                                                "alice@ours.example", "zed@many.example"));
            key += 100;
        }
    }
    return output;
}

AssemblerOutput knownAndMany()
{
    AssemblerOutput output = records();
    const AssemblerOutput many = manyPeers();
    output.transfers.insert(output.transfers.end(), many.transfers.begin(), many.transfers.end());
    output.connections.insert(output.connections.end(), many.connections.begin(), many.connections.end());
    return output;
}

const QString csvHeader = QStringLiteral(
    "# MailTLS peers\n"
    "# Time range: all records\n"
    "# Selection: inbound, outbound, submission; peers named by host; local hops left out\n"
    "# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or "
    "bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), "
    "most first\n"
    "\n"
    "# Peers\n"
    "direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,"
    "encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,"
    "worst_trust,last_seen_utc,last_probe,last_probe_utc\n");

} // namespace

class TestPeersPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void showsTheTable();
    void everyColumnAtOnce();
    void chart_data();
    void chart();
    void searchNarrowsTableAndChart_data();
    void searchNarrowsTableAndChart();
    void contextChangesRequery();
    void keptAndPrefetchedResults();
    void tableCsv();
    void chartCsvIsTheBarsShown();
    void liveRefreshKeepsSelectionSortAndScroll();
    void activation();
    void remembersItsState();
    void hiddenPageWaitsUntilShown();
    void notes();

private:
    KnownStore m_known;
    KnownStore m_many;
};

void TestPeersPage::initTestCase()
{
    // Remembered state goes to a test folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MailTLS-tests"));
    QVERIFY(m_known.make());
    QVERIFY(m_many.make(knownAndMany()));
}

void TestPeersPage::init()
{
    QSettings().clear();
}

void TestPeersPage::showsTheTable()
{
    Harness h(m_known.path());
    h.page->show();
    QCOMPARE(h.page->objectName(), QStringLiteral("peersPage"));
    QCOMPARE(h.page->tableCard()->note(), QStringLiteral("Loading…"));
    QCOMPARE(h.page->chartCard()->note(), QStringLiteral("Loading…"));
    QSignalSpy loaded(h.page.get(), &PeersPage::loaded);
    QVERIFY(loaded.wait(20000));

    QCOMPARE(h.table(), knownTable());
    QCOMPARE(h.page->tableCard()->note(), QString());
    QCOMPARE(h.page->chartCard()->note(), QString());
    const QAbstractItemModel *model = h.page->table()->model();
    QCOMPARE(model->index(0, PeerRowModel::CiphersColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256: 1 connections\nTLS_AES_256_GCM_SHA384: 1 connections"));
    QCOMPARE(model->index(0, PeerRowModel::LastSeenColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2024-03-19T09:00:00Z"));
    QCOMPARE(model->headerData(PeerRowModel::EncryptedShareColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Share of those messages that crossed the wire encrypted"));
    QVERIFY(h.page->table()->isSortingEnabled());
    QCOMPARE(h.page->table()->horizontalHeader()->sortIndicatorSection(), -1);
    QCOMPARE(h.page->table()->accessibleName(), QStringLiteral("Peers table"));
    QCOMPARE(h.page->searchBox()->accessibleName(), QStringLiteral("Search peers"));
    QCOMPARE(h.page->topCountBox()->accessibleName(), QStringLiteral("Number of peers in the chart"));
    QCOMPARE(h.page->topCountBox()->minimum(), 5);
    QCOMPARE(h.page->topCountBox()->maximum(), 50);
    QCOMPARE(h.page->topCount(), 15);
    QCOMPARE(loaded.size(), 1);
    // What hovering the top bar shows.
    QCOMPARE(h.page->chart()->barText(0), QStringLiteral("mx.alpha.example (Inbound)\n"
                                                         "Encrypted messages: 2 of 3 (66.7 %)\n"
                                                         "Plaintext messages: 1 of 3 (33.3 %)"));
}

void TestPeersPage::everyColumnAtOnce()
{
    Harness h(m_known.path());
    // The rows arrive with every column: one query, one reset, no second
    // pass filling the TLS columns in.
    QStringList ciphersAtFirst;
    bool detailsAtFirst = true;
    PeerRowModel *model = h.page->model();
    connect(model, &QAbstractItemModel::modelReset, this, [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            ciphersAtFirst << model->index(r, PeerRowModel::CiphersColumn).data().toString();
            detailsAtFirst = detailsAtFirst && model->hasDetails(r);
        }
    });
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QVERIFY(h.show());

    QCOMPARE(reset.size(), 1);
    QCOMPARE(changed.size(), 0);
    QVERIFY(detailsAtFirst);
    QCOMPARE(ciphersAtFirst,
             strings({"ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_256_GCM_SHA384", "", "DHE-RSA-AES256-GCM-SHA384", "",
                      "TLS_AES_128_GCM_SHA256", "not logged"}));
    QCOMPARE(h.table(), knownTable());
}

void TestPeersPage::chart_data()
{
    QTest::addColumn<bool>("many");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("direction");   // -1: all
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QList<qreal>>("encrypted");
    QTest::addColumn<QList<qreal>>("plaintext");

    // Bottom to top, as the axis lists them; ties by name. The peer without
    // messages has no bar.
    QTest::newRow("known store, top 15")
        << false << 15 << -1
        << strings({"relay.beta.example (Outbound)", "filter.relay.example (Outbound)",
                    "client.gamma.example (Submission)", "mail.beta.example (Outbound)",
                    "mx.alpha.example (Inbound)"})
        << QList<qreal>{1, 0, 1, 1, 2} << QList<qreal>{0, 1, 0, 1, 1};
    QTest::newRow("known store, outbound: no direction in the names")
        << false << 15 << int(out)
        << strings({"relay.beta.example", "filter.relay.example", "mail.beta.example"})
        << QList<qreal>{1, 0, 1} << QList<qreal>{0, 1, 1};
    QTest::newRow("more peers, top 5")
        << true << 5 << -1
        << strings({"mx.alpha.example (Inbound)", "n4.many.example (Outbound)", "n3.many.example (Outbound)",
                    "n2.many.example (Outbound)", "n1.many.example (Outbound)"})
        << QList<qreal>{2, 3, 1, 0, 6} << QList<qreal>{1, 1, 3, 5, 0};
    QTest::newRow("more peers, top 7")
        << true << 7 << -1
        << strings({"client.gamma.example (Submission)", "mail.beta.example (Outbound)",
                    "mx.alpha.example (Inbound)", "n4.many.example (Outbound)", "n3.many.example (Outbound)",
                    "n2.many.example (Outbound)", "n1.many.example (Outbound)"})
        << QList<qreal>{1, 1, 2, 3, 1, 0, 6} << QList<qreal>{0, 1, 1, 1, 3, 5, 0};
    QTest::newRow("more peers, outbound, top 5")
        << true << 5 << int(out)
        << strings({"mail.beta.example", "n4.many.example", "n3.many.example", "n2.many.example",
                    "n1.many.example"})
        << QList<qreal>{1, 3, 1, 0, 6} << QList<qreal>{1, 1, 3, 5, 0};
}

void TestPeersPage::chart()
{
    QFETCH(bool, many);
    QFETCH(int, top);
    QFETCH(int, direction);
    QFETCH(QStringList, categories);
    QFETCH(QList<qreal>, encrypted);
    QFETCH(QList<qreal>, plaintext);

    Harness h(many ? m_many.path() : m_known.path());
    if (direction >= 0)
        h.context.setDirection(Direction(direction));
    QVERIFY(h.show());
    h.page->setTopCount(top);

    QCOMPARE(h.categories(), categories);
    QCOMPARE(h.encrypted(), encrypted);
    QCOMPARE(h.plaintext(), plaintext);
    QCOMPARE(h.page->chart()->rows().size(), categories.size());
    PeerBarChart *chart = h.page->chart();
    QCOMPARE(chart->encryptedSet()->label(), QStringLiteral("Encrypted"));
    QCOMPARE(chart->plaintextSet()->label(), QStringLiteral("Plaintext"));
    QCOMPARE(chart->valueAxis()->titleText(), QStringLiteral("Messages (count)"));
    QCOMPARE(chart->peerAxis()->titleText(), QStringLiteral("Peer"));
    qreal highest = 0;
    for (int i = 0; i < encrypted.size(); ++i)
        highest = std::max(highest, encrypted.at(i) + plaintext.at(i));
    QVERIFY(chart->valueAxis()->max() >= highest);
    QCOMPARE(chart->valueAxis()->min(), 0.0);
}

void TestPeersPage::searchNarrowsTableAndChart_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("peers");
    QTest::addColumn<QStringList>("categories");

    QTest::newRow("beta") << QStringLiteral("beta") << strings({"mail.beta.example", "relay.beta.example"})
                          << strings({"relay.beta.example (Outbound)", "mail.beta.example (Outbound)"});
    QTest::newRow("any case") << QStringLiteral("ALPHA") << strings({"mx.alpha.example"})
                              << strings({"mx.alpha.example (Inbound)"});
    QTest::newRow("a peer without messages: a row, no bar")
        << QStringLiteral("203.0") << strings({"203.0.113.9"}) << QStringList();
    QTest::newRow("more than the top N")
        << QStringLiteral("many") << strings({"n1.many.example", "n2.many.example", "n3.many.example",
                                              "n4.many.example"})
        << strings({"n4.many.example (Outbound)", "n3.many.example (Outbound)", "n2.many.example (Outbound)",
                    "n1.many.example (Outbound)"});
}

void TestPeersPage::searchNarrowsTableAndChart()
{
    QFETCH(QString, search);
    QFETCH(QStringList, peers);
    QFETCH(QStringList, categories);

    Harness h(m_many.path());
    QVERIFY(h.show());
    h.page->setTopCount(5);
    QCOMPARE(h.peers().size(), 10);
    QTest::keyClicks(h.page->searchBox(), search);
    QCOMPARE(h.page->searchText(), search);
    QCOMPARE(h.peers(), peers);
    QCOMPARE(h.categories(), categories);

    h.page->searchBox()->clear();
    QCOMPARE(h.peers().size(), 10);
    QCOMPARE(h.categories().size(), 5);
}

void TestPeersPage::contextChangesRequery()
{
    Harness h(m_known.path());
    QVERIFY(h.show());

    QVERIFY(h.loadedAfter([&] { h.context.setDirection(out); }));
    QCOMPARE(h.peers(), strings({"mail.beta.example", "filter.relay.example", "relay.beta.example"}));
    QCOMPARE(h.categories(), strings({"relay.beta.example", "filter.relay.example", "mail.beta.example"}));

    QVERIFY(h.loadedAfter([&] { h.context.setGroupBy(ReportFilter::GroupBy::Domain); }));
    QCOMPARE(h.table(),
             (QList<QStringList>{strings({"beta.example", "Outbound", "3", "66.7 %", "8.3 KiB", "3", "2",
                                          "TLSv1.2, TLSv1.3", "DHE-RSA-AES256-GCM-SHA384, TLS_AES_128_GCM_SHA256",
                                          "Untrusted – Verified", "2024-03-20 08:00:00", ""}),
                                 strings({"relay.example", "Outbound", "1", "0.0 %", "800 bytes", "1", "0", "", "",
                                          "", "2024-03-20 10:00:00", ""})}));
    QCOMPARE(h.categories(), strings({"relay.example", "beta.example"}));
    QVERIFY(h.page->tableCsv().contains(
        QStringLiteral("# Selection: outbound; peers named by registrable domain; local hops left out\n")));

    QVERIFY(h.loadedAfter([&] { h.context.setDirection(std::nullopt); }));
    QCOMPARE(h.peers(),
             strings({"alpha.example", "203.0.113.9", "beta.example", "relay.example", "gamma.example"}));
    // Ties by name: alpha.example above beta.example, gamma.example above
    // relay.example.
    QCOMPARE(h.categories(), strings({"relay.example (Outbound)", "gamma.example (Submission)",
                                      "beta.example (Outbound)", "alpha.example (Inbound)"}));

    QVERIFY(h.loadedAfter([&] {
        h.context.setGroupBy(ReportFilter::GroupBy::Host);
        h.context.setRange(DashboardContext::Range::Custom, day0, day0 + day);
    }));
    QCOMPARE(h.table(),
             (QList<QStringList>{strings({"mx.alpha.example", "Inbound", "2", "100.0 %", "2.9 KiB", "2", "0",
                                          "TLSv1.2, TLSv1.3", "ECDHE-RSA-AES128-GCM-SHA256, TLS_AES_256_GCM_SHA384",
                                          "Trusted – Verified", "2024-03-18 11:00:00", ""}),
                                 strings({"mail.beta.example", "Outbound", "1", "0.0 %", "2.9 KiB", "1", "1", "",
                                          "", "", "2024-03-18 12:00:00", ""}),
                                 knownTable().at(5)}));
}

// Every direction is read and kept at once, the neighbouring selections are
// read ahead while the page is looked at, and what they show equals what a
// page of its own reads afresh; new data drops what was kept.
void TestPeersPage::keptAndPrefetchedResults()
{
    Harness h(m_known.path());
    h.context.setReferenceTime(day0 + 3 * day);
    QVERIFY(h.show());
    QueryRunner *runner = h.context.runner();
    QVERIFY(runner->waitForIdle());
    using Selection = DashboardContext::Selection;
    const auto kept = [&](DashboardContext::Range range, ReportFilter::GroupBy group) {
        return runner->isCached(QStringLiteral("peers"), h.context.cacheKey(Selection {range, std::nullopt, group}));
    };
    for (auto range : {DashboardContext::Range::Day, DashboardContext::Range::Week, DashboardContext::Range::Month,
                       DashboardContext::Range::All})
        QVERIFY(kept(range, ReportFilter::GroupBy::Host));
    QVERIFY(kept(DashboardContext::Range::All, ReportFilter::GroupBy::Domain));
    QVERIFY(!kept(DashboardContext::Range::Day, ReportFilter::GroupBy::Domain));

    QVERIFY(h.loadedAfter([&] {
        h.context.setDirection(out);
        h.context.setRange(DashboardContext::Range::Day);
    }));
    Harness fresh(m_known.path());
    fresh.context.setReferenceTime(day0 + 3 * day);
    fresh.context.setDirection(out);
    fresh.context.setRange(DashboardContext::Range::Day);
    QVERIFY(fresh.show());
    QVERIFY(!fresh.table().isEmpty());
    QCOMPARE(h.table(), fresh.table());

    // New data: the page reads again, and what was kept is gone until the
    // neighbours are read ahead anew.
    QVERIFY(h.loadedAfter([&] { h.context.notifyDataChanged(); }));
    QVERIFY(!kept(DashboardContext::Range::Week, ReportFilter::GroupBy::Host));
    QVERIFY(runner->waitForIdle());
    QVERIFY(kept(DashboardContext::Range::Week, ReportFilter::GroupBy::Host));
}

void TestPeersPage::tableCsv()
{
    Harness h(m_known.path());
    QVERIFY(h.show());
    // The table's rows as shown, in the query's order: what `mailtls export`
    // writes too.
    QCOMPARE(h.page->tableCsv(),
             csvHeader
                 + QStringLiteral(
                     "inbound,mx.alpha.example,3,2,1,66.7,3500,3000,3,2,0,TLSv1.2 (1); TLSv1.3 (1),"
                     "ECDHE-RSA-AES128-GCM-SHA256 (1); TLS_AES_256_GCM_SHA384 (1),verified,trusted,"
                     "2024-03-19T09:00:00Z,,\n"
                     "inbound,203.0.113.9,0,0,0,,0,0,1,0,1,,,,,2024-03-19T03:00:05Z,,\n"
                     "outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),"
                     "DHE-RSA-AES256-GCM-SHA384 (1),untrusted,untrusted,2024-03-20T08:00:00Z,,\n"
                     "outbound,filter.relay.example,1,0,1,0.0,800,0,1,0,0,,,,,2024-03-20T10:00:00Z,,\n"
                     "outbound,relay.beta.example,1,1,0,100.0,1500,1500,1,1,1,TLSv1.3 (1),"
                     "TLS_AES_128_GCM_SHA256 (1),verified,verified,2024-03-19T15:00:00Z,,\n"
                     "submission,client.gamma.example,1,1,0,100.0,700,700,1,1,0,(not logged) (1),"
                     "(not logged) (1),,,2024-03-18T13:00:00Z,,\n"));

    // After a search and a sort: those rows, in that order.
    h.page->setSearchText(QStringLiteral("beta"));
    h.page->table()->sortByColumn(PeerRowModel::BytesColumn, Qt::AscendingOrder);
    const QString beta = csvHeader
        + QStringLiteral("outbound,relay.beta.example,1,1,0,100.0,1500,1500,1,1,1,TLSv1.3 (1),"
                         "TLS_AES_128_GCM_SHA256 (1),verified,verified,2024-03-19T15:00:00Z,,\n"
                         "outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),"
                         "DHE-RSA-AES256-GCM-SHA384 (1),untrusted,untrusted,2024-03-20T08:00:00Z,,\n");
    QCOMPARE(h.page->tableCsv(), beta);

    // The card's Copy puts exactly that on the clipboard.
    ExportMenu *menu = h.page->tableCard()->exportMenu();
    QVERIFY(menu);
    QVERIFY(menu->csvAction()->isVisible());
    QVERIFY(!menu->pngAction()->isVisible());
}

void TestPeersPage::chartCsvIsTheBarsShown()
{
    Harness h(m_many.path());
    QVERIFY(h.show());
    h.page->setTopCount(5);
    const QString expected = csvHeader
        + QStringLiteral(
            "outbound,n1.many.example,6,6,0,100.0,6000,6000,6,6,0,TLSv1.3 (6),TLS_AES_256_GCM_SHA384 (6),verified,"
            "verified,2024-03-20T01:05:00Z,,\n"
            "outbound,n2.many.example,5,0,5,0.0,5000,0,5,0,0,,,,,2024-03-20T02:04:00Z,,\n"
            "outbound,n3.many.example,4,1,3,25.0,4000,1000,4,1,0,TLSv1.2 (1),ECDHE-RSA-AES256-GCM-SHA384 (1),"
            "trusted,trusted,2024-03-20T03:03:00Z,,\n"
            "outbound,n4.many.example,4,3,1,75.0,4000,3000,4,3,0,TLSv1.3 (3),TLS_AES_256_GCM_SHA384 (3),trusted,"
            "trusted,2024-03-20T04:03:00Z,,\n"
            "inbound,mx.alpha.example,3,2,1,66.7,3500,3000,3,2,0,TLSv1.2 (1); TLSv1.3 (1),"
            "ECDHE-RSA-AES128-GCM-SHA256 (1); TLS_AES_256_GCM_SHA384 (1),verified,trusted,2024-03-19T09:00:00Z,,\n");
    QCOMPARE(h.page->chartCsv(), expected);

    ExportMenu *menu = h.page->chartCard()->exportMenu();
    QVERIFY(menu);
    QVERIFY(menu->csvAction()->isVisible());
    QVERIFY(menu->pngAction()->isVisible());
    QVERIFY(menu->svgAction()->isVisible());
    QTemporaryDir dir;
    QString error;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(ExportMenu::writePng(h.page->chart()->chartView(), png, &error), qPrintable(error));
    QVERIFY(QFile(png).size() > 0);

    // A search narrows the bars and the export alike.
    h.page->setSearchText(QStringLiteral("n2."));
    QCOMPARE(h.page->chartCsv(),
             csvHeader + QStringLiteral("outbound,n2.many.example,5,0,5,0.0,5000,0,5,0,0,,,,,2024-03-20T02:04:00Z,,\n"));
}

void TestPeersPage::liveRefreshKeepsSelectionSortAndScroll()
{
    KnownStore store;
    QVERIFY(store.make(knownAndMany()));
    Harness h(store.path());
    h.page->resize(900, 260);
    QVERIFY(h.show());
    QTableView *table = h.page->table();
    table->sortByColumn(PeerRowModel::MessagesColumn, Qt::DescendingOrder);
    table->selectRow(h.rowOf(QStringLiteral("mail.beta.example")));
    QScrollBar *scroll = table->verticalScrollBar();
    // The view lays its rows out later; scroll once it has.
    QTRY_VERIFY(scroll->maximum() > 0);
    QTest::qWait(50);
    scroll->setValue(scroll->maximum());
    QTest::qWait(50);
    const int scrolled = scroll->value();
    QCOMPARE(scrolled, scroll->maximum());
    QSignalSpy reset(h.page->model(), &QAbstractItemModel::modelReset);

    // A new peer, and one more encrypted message for mail.beta.example.
    AssemblerOutput batch;
    static const TlsDetails details = tls(Trust::Verified, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256);
    batch.transfers.push_back(transfer(90000, in, "mx.new.example", "192.0.2.90", day0 + 2 * day + 20 * hour, 100,
                                       nullptr, "x@new.example"));
    batch.connections.push_back(
        connection(90001, in, "mx.new.example", "192.0.2.90", day0 + 2 * day + 20 * hour, false));
    batch.transfers.push_back(transfer(90100, out, "mail.beta.example", "198.51.100.7",
                                       day0 + 2 * day + 21 * hour, 1000, &details, "alice@ours.example",
                                       "carol@beta.example"));
    batch.connections.push_back(connection(90101, out, "mail.beta.example", "198.51.100.7",
                                           day0 + 2 * day + 21 * hour, true, details));
    QVERIFY(store.write(batch));
    QVERIFY(h.loadedAfter([&] { h.context.notifyDataChanged(); }));

    QCOMPARE(reset.size(), 0);
    QCOMPARE(h.peers().size(), 11);
    QVERIFY(h.peers().contains(QStringLiteral("mx.new.example")));
    const QModelIndexList selected = table->selectionModel()->selectedRows(PeerRowModel::PeerColumn);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), QStringLiteral("mail.beta.example"));
    QCOMPARE(table->model()->index(selected.first().row(), PeerRowModel::MessagesColumn).data().toString(),
             QStringLiteral("3"));
    QCOMPARE(table->model()->index(selected.first().row(), PeerRowModel::ProtocolsColumn).data().toString(),
             QStringLiteral("TLSv1.2, TLSv1.3"));
    QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(PeerRowModel::MessagesColumn));
    QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(h.peers().first(), QStringLiteral("n1.many.example"));
    QCOMPARE(scroll->value(), scrolled);
    // The chart follows: mail.beta.example now has 3 messages, 2 encrypted.
    const QStringList categories = h.categories();
    const int bar = int(categories.indexOf(QStringLiteral("mail.beta.example (Outbound)")));
    QVERIFY(bar >= 0);
    QCOMPARE(h.page->chart()->encryptedSet()->at(bar), 2.0);
    QCOMPARE(h.page->chart()->plaintextSet()->at(bar), 1.0);
}

void TestPeersPage::activation()
{
    Harness h(m_known.path());
    QVERIFY(h.show());
    QTableView *table = h.page->table();
    QSignalSpy activated(h.page.get(), &PeersPage::peerActivated);

    table->setFocus();
    table->setCurrentIndex(table->model()->index(h.rowOf(QStringLiteral("mail.beta.example")), 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("mail.beta.example"));
    QCOMPARE(activated.at(0).at(1).value<Direction>(), out);

    const QModelIndex alpha = table->model()->index(h.rowOf(QStringLiteral("mx.alpha.example")),
                                                    PeerRowModel::MessagesColumn);
    // As a mouse sends it: a click, then the double click.
    const QPoint where = table->visualRect(alpha).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, where);
    QCOMPARE(activated.size(), 1);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, where);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("mx.alpha.example"));
    QCOMPARE(activated.at(1).at(1).value<Direction>(), in);

    // Ctrl+F goes to the search box; Tab from there to the table, then to the
    // chart's top N.
    h.page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(h.page.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(h.page->searchBox()->hasFocus());
    QTest::keyClick(h.page->searchBox(), Qt::Key_Tab);
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QTRY_VERIFY(h.page->topCountBox()->hasFocus());
}

void TestPeersPage::remembersItsState()
{
    QByteArray splitter;
    {
        Harness h(m_known.path());
        QVERIFY(h.show());
        h.page->setSearchText(QStringLiteral("beta"));
        h.page->setTopCount(7);
        h.page->table()->sortByColumn(PeerRowModel::BytesColumn, Qt::AscendingOrder);
        h.page->table()->horizontalHeader()->resizeSection(PeerRowModel::PeerColumn, 250);
        // The user drags the splitter's handle 120 pixels to the left.
        QSplitterHandle *handle = h.page->splitter()->handle(1);
        const QPoint grip = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, grip);
        QTest::mouseMove(handle, grip - QPoint(60, 0));
        QTest::mouseMove(handle, grip - QPoint(120, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(120, 0));
        splitter = h.page->splitter()->saveState();
        QVERIFY(Settings().viewValue(QStringLiteral("peers"), QStringLiteral("splitter")).toByteArray() == splitter);
    }
    QCOMPARE(Settings().viewValue(QStringLiteral("peers"), QStringLiteral("search")).toString(),
             QStringLiteral("beta"));
    QCOMPARE(Settings().viewValue(QStringLiteral("peers"), QStringLiteral("top")).toInt(), 7);

    Harness h(m_known.path());
    QCOMPARE(h.page->searchText(), QStringLiteral("beta"));
    QCOMPARE(h.page->topCount(), 7);
    QHeaderView *header = h.page->table()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(PeerRowModel::BytesColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(header->sectionSize(PeerRowModel::PeerColumn), 250);
    QCOMPARE(h.page->splitter()->saveState(), splitter);
    QVERIFY(h.show());
    QCOMPARE(h.peers(), strings({"relay.beta.example", "mail.beta.example"}));
    QCOMPARE(header->sectionSize(PeerRowModel::PeerColumn), 250);
}

void TestPeersPage::hiddenPageWaitsUntilShown()
{
    Harness h(m_known.path());
    QVERIFY(h.show());
    h.page->hide();
    QSignalSpy loaded(h.page.get(), &PeersPage::loaded);
    h.context.setDirection(in);
    QCOMPARE(h.context.runner()->pending(), 0);
    QVERIFY(!loaded.wait(700));
    QCOMPARE(h.peers().size(), 6);

    QVERIFY(h.show());
    QCOMPARE(h.peers(), strings({"mx.alpha.example", "203.0.113.9"}));
    // refresh() asks even when hidden.
    h.page->hide();
    QVERIFY(h.loadedAfter([&] { h.page->refresh(); }));
}

void TestPeersPage::notes()
{
    Harness h(m_known.path());
    QVERIFY(h.show());

    h.page->setSearchText(QStringLiteral("zzz"));
    QCOMPARE(h.page->tableCard()->note(), QStringLiteral("No peer name contains “zzz”."));
    QCOMPARE(h.page->chartCard()->note(), QStringLiteral("No peer name contains “zzz”."));
    QCOMPARE(h.page->chart()->rows().size(), 0);
    QCOMPARE(h.page->tableCsv(), csvHeader);

    h.page->setSearchText(QStringLiteral("203.0"));
    QCOMPARE(h.page->tableCard()->note(), QString());
    QCOMPARE(h.page->chartCard()->note(), QStringLiteral("None of these peers has messages in this range."));
    h.page->setSearchText(QString());

    QVERIFY(h.loadedAfter([&] { h.context.setRange(DashboardContext::Range::Custom, day0 + 5 * day); }));
    QCOMPARE(h.peers().size(), 0);
    QCOMPARE(h.page->tableCard()->note(), QStringLiteral("No mail in this range."));
    QCOMPARE(h.page->chartCard()->note(), QStringLiteral("No mail in this range."));

    // A file that is not a store: said so, and nothing of the other store stays.
    QTemporaryDir dir;
    const QString bogus = dir.filePath(QStringLiteral("bogus.sqlite"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a MailTLS store, not even SQLite\n");
    file.close();
    QVERIFY(h.loadedAfter([&] { h.context.setStore(bogus, false); }));
    QVERIFY2(h.page->tableCard()->note().startsWith(QStringLiteral("The store cannot be read: ")),
             qPrintable(h.page->tableCard()->note()));
    QCOMPARE(h.page->chartCard()->note(), h.page->tableCard()->note());
    QCOMPARE(h.peers().size(), 0);

    QVERIFY(h.loadedAfter([&] {
        h.context.setRange(DashboardContext::Range::All);
        h.context.setStore(m_known.path(), false);
    }));
    QCOMPARE(h.table(), knownTable());
    QCOMPARE(h.page->tableCard()->note(), QString());
}

QTEST_MAIN(TestPeersPage)
#include "tst_peerspage.moc"
