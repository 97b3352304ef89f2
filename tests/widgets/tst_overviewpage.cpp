#include <memory>

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFrame>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "models/itemmodels/plaintextpeermodel.h"
#include "models/itemmodels/recentfailuremodel.h"
#include "models/settings/settings.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/exportmenu.h"
#include "widgets/dashboard/overviewpage.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/sharebar.h"
#include "widgets/dashboard/sharewidget.h"
#include "widgets/dashboard/trendchart.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;
using Range = DashboardContext::Range;

// A page on a store, with a context of its own.
struct Harness
{
    explicit Harness(const QString &path)
    {
        context.setStore(path, false);
        page = std::make_unique<OverviewPage>(&context, nullptr);
        // Shown: a hidden page leaves the store alone until it is shown.
        page->show();
    }

    bool waitLoaded()
    {
        QSignalSpy spy(page.get(), &OverviewPage::loaded);
        return spy.wait(20000);
    }

    DashboardContext context;
    std::unique_ptr<OverviewPage> page;
};

// Each direction's share as shown, in one line; hidden directions left out.
QStringList shareTexts(const OverviewPage &page)
{
    QStringList texts;
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        const ShareWidget *w = page.shareWidget(d);
        if (w->isHidden())
            continue;
        texts << QStringList{directionName(d), w->messagePercentLabel()->text(), w->messageCountLabel()->text(),
                             w->bytePercentLabel()->text(), w->byteCountLabel()->text(),
                             w->connectionLabel()->text()}
                     .join(QStringLiteral(" | "));
    }
    return texts;
}

// The rows a view shows, cells joined by " | ".
QStringList rows(const QTableView *view)
{
    QStringList out;
    const QAbstractItemModel *model = view->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c)
            cells << model->index(r, c).data().toString();
        out << cells.join(QStringLiteral(" | "));
    }
    return out;
}

QList<qreal> values(const QBarSet *set)
{
    QList<qreal> out;
    for (int i = 0; i < set->count(); ++i)
        out.append(set->at(i));
    return out;
}

QList<qreal> ys(const QLineSeries *series)
{
    QList<qreal> out;
    for (const QPointF &p : series->points())
        out.append(p.y());
    return out;
}

// `size` zeros with the given values at the given indexes.
QList<qreal> sparse(int size, const QList<QPair<int, qreal>> &set)
{
    QList<qreal> out(size, 0.0);
    for (const auto &[index, value] : set)
        out[index] = value;
    return out;
}

QString csvOf(DashboardCard *card)
{
    QApplication::clipboard()->clear();
    card->exportMenu()->copyAction()->trigger();
    return QApplication::clipboard()->text();
}

const QString units = QStringLiteral("# Units: messages, connections and failures are counts; bytes are bytes; "
                                     "percentages are of messages or bytes; times are UTC (ISO 8601)\n");
const QString allDirections =
    QStringLiteral("# Selection: inbound, outbound, submission; peers named by host; local hops left out\n");

const QString allInbound = QStringLiteral("inbound | 66.7 % | 2 of 3 messages | 85.7 % | 2.9 KiB of 3.4 KiB | "
                                          "Connections: 2 of 4 encrypted; TLS failures: 1");
const QString allOutbound = QStringLiteral("outbound | 50.0 % | 2 of 4 messages | 59.1 % | 5.4 KiB of 9.1 KiB | "
                                           "Connections: 2 of 4 encrypted; TLS failures: 2");
const QString allSubmission = QStringLiteral("submission | 100.0 % | 1 of 1 messages | 100.0 % | 700 bytes of "
                                             "700 bytes | Connections: 1 of 1 encrypted; TLS failures: 0");
const QString alphaRow = QStringLiteral("Inbound | mx.alpha.example | 1 | 3 | 66.7 % | 500 bytes");
const QString betaRow = QStringLiteral("Outbound | mail.beta.example | 1 | 2 | 50.0 % | 2.9 KiB");
const QString relayRow = QStringLiteral("Outbound | filter.relay.example | 1 | 1 | 0.0 % | 800 bytes");
const QString certificateRow = QStringLiteral("2024-03-19 14:59:00 | Outbound | relay.beta.example | Certificate "
                                              "not accepted | certificate verification failed: untrusted issuer");
const QString lostRow = QStringLiteral("2024-03-19 03:00:05 | Inbound | 203.0.113.9 | Lost after STARTTLS | "
                                       "lost connection after STARTTLS");
const QString dhRow = QStringLiteral("2024-03-18 11:59:50 | Outbound | mail.beta.example | DH key too small | "
                                     "dh key too small");

// 24 inbound sessions, as a server that logs no TLS line records them.
AssemblerOutput untoldTls(bool encrypted)
{
    AssemblerOutput output;
    for (int i = 0; i < 24; ++i) {
        output.connections.push_back(connection(100 * (i + 1), in, "mx.alpha.example", "192.0.2.1",
                                                day0 + i * 2 * hour, encrypted));
    }
    return output;
}

} // namespace

class TestOverviewPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_known.make());
    }

    void init()
    {
        Settings().setViewValue(QStringLiteral("overview"), QStringLiteral("trendMeasure"),
                                int(TrendChart::Measure::Messages));
    }

    void showsTheKnownFigures()
    {
        Harness h(m_known.path());
        OverviewPage &page = *h.page;
        QCOMPARE(page.objectName(), QStringLiteral("overviewPage"));
        // Until the first answer, every card says it is loading.
        for (DashboardCard *card : {page.sharesCard(), page.trendCard(), page.topPeersCard(), page.failuresCard()})
            QCOMPARE(card->note(), QStringLiteral("Loading…"));
        QVERIFY(h.waitLoaded());
        for (DashboardCard *card : {page.sharesCard(), page.trendCard(), page.topPeersCard(), page.failuresCard()})
            QCOMPARE(card->note(), QString());

        QCOMPARE(shareTexts(page), (QStringList{allInbound, allOutbound, allSubmission}));
        const ShareWidget *inbound = page.shareWidget(in);
        QCOMPARE(inbound->messageBar()->encrypted(), 2);
        QCOMPARE(inbound->messageBar()->whole(), 3);
        QCOMPARE(inbound->byteBar()->encrypted(), 3000);
        QCOMPARE(inbound->byteBar()->whole(), 3500);
        QCOMPARE(inbound->accessibleName(), QStringLiteral("Inbound: encrypted share"));
        QCOMPARE(inbound->accessibleDescription(),
                 QStringLiteral("66.7 % of messages encrypted (2 of 3); 85.7 % of bytes encrypted "
                                "(2.9 KiB of 3.4 KiB)"));
        QCOMPARE(inbound->toolTip(), ShareWidget::explanation(in));
        QVERIFY(inbound->toolTip().contains(QStringLiteral("successful STARTTLS")));

        // All records span 49 hours: one bar per hour.
        const TrendChart *chart = page.trendChart();
        QCOMPARE(chart->timeAxis()->categories().size(), 49);
        QCOMPARE(chart->timeAxis()->categories().first(), QStringLiteral("18 Mar 10:00"));
        QCOMPARE(chart->labelAxis()->titleText(), QStringLiteral("Hour (UTC)"));
        QCOMPARE(values(chart->encryptedSet()), sparse(49, {{0, 1}, {1, 1}, {3, 1}, {29, 1}, {46, 1}}));
        QCOMPARE(values(chart->plaintextSet()), sparse(49, {{2, 1}, {23, 1}, {48, 1}}));
        QCOMPARE(ys(chart->failureSeries()), sparse(49, {{1, 1}, {17, 1}, {28, 1}}));

        QCOMPARE(rows(page.topPeersView()), (QStringList{alphaRow, betaRow, relayRow}));
        QCOMPARE(rows(page.failuresView()), (QStringList{certificateRow, lostRow, dhRow}));
        QCOMPARE(page.topPeersView()->accessibleName(), QStringLiteral("Top plaintext peers"));
        QCOMPARE(page.failuresView()->accessibleName(), QStringLiteral("Recent TLS failures"));

        // Too few connections to judge: no banner.
        QVERIFY(page.tlsLoggingBanner()->isHidden());
        QCOMPARE(page.tlsLoggingText(), QString());
    }

    void filters_data()
    {
        QTest::addColumn<int>("range");
        QTest::addColumn<qint64>("since");
        QTest::addColumn<qint64>("until");
        QTest::addColumn<int>("direction");   // -1: all
        QTest::addColumn<QStringList>("shares");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QList<qreal>>("encrypted");
        QTest::addColumn<QList<qreal>>("plaintext");
        QTest::addColumn<QList<qreal>>("failures");
        QTest::addColumn<QStringList>("peers");
        QTest::addColumn<QStringList>("failureRows");

        const QStringList fourDays{QStringLiteral("18 Mar"), QStringLiteral("19 Mar"), QStringLiteral("20 Mar"),
                                   QStringLiteral("21 Mar")};
        QTest::newRow("past 72 hours: days")
            << int(Range::Custom) << day0 << day0 + 3 * day + 1 << -1
            << QStringList{allInbound, allOutbound, allSubmission} << fourDays << QList<qreal>{3, 1, 1, 0}
            << QList<qreal>{1, 1, 1, 0} << QList<qreal>{1, 2, 0, 0} << QStringList{alphaRow, betaRow, relayRow}
            << QStringList{certificateRow, lostRow, dhRow};
        QTest::newRow("outbound, days")
            << int(Range::Custom) << day0 << day0 + 3 * day + 1 << int(out) << QStringList{allOutbound} << fourDays
            << QList<qreal>{0, 1, 1, 0} << QList<qreal>{1, 0, 1, 0} << QList<qreal>{1, 1, 0, 0}
            << QStringList{betaRow, relayRow} << QStringList{certificateRow, dhRow};
        QTest::newRow("inbound, day 0 by hours")
            << int(Range::Custom) << day0 + 9 * hour << day0 + 12 * hour << int(in)
            << QStringList{QStringLiteral("inbound | 100.0 % | 2 of 2 messages | 100.0 % | 2.9 KiB of 2.9 KiB | "
                                          "Connections: 2 of 2 encrypted; TLS failures: 0")}
            << QStringList{QStringLiteral("18 Mar 09:00"), QStringLiteral("18 Mar 10:00"),
                           QStringLiteral("18 Mar 11:00")}
            << QList<qreal>{0, 1, 1} << QList<qreal>{0, 0, 0} << QList<qreal>{0, 0, 0} << QStringList{}
            << QStringList{};
        // Relative to a fixed now: day 2 alone, by hours up to its last record.
        QTest::newRow("last 24 hours")
            << int(Range::Day) << qint64(0) << qint64(0) << -1
            << QStringList{QStringLiteral("inbound | – | 0 of 0 messages | – | 0 bytes of 0 bytes | "
                                          "Connections: 0 of 0 encrypted; TLS failures: 0"),
                           QStringLiteral("outbound | 50.0 % | 1 of 2 messages | 83.3 % | 3.9 KiB of 4.7 KiB | "
                                          "Connections: 1 of 2 encrypted; TLS failures: 0"),
                           QStringLiteral("submission | – | 0 of 0 messages | – | 0 bytes of 0 bytes | "
                                          "Connections: 0 of 0 encrypted; TLS failures: 0")}
            << QStringList{} << sparse(11, {{8, 1}}) << sparse(11, {{10, 1}}) << sparse(11, {}) << QStringList{relayRow}
            << QStringList{};
    }

    void filters()
    {
        QFETCH(int, range);
        QFETCH(qint64, since);
        QFETCH(qint64, until);
        QFETCH(int, direction);
        QFETCH(QStringList, categories);

        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        QCOMPARE(shareTexts(page), (QStringList{allInbound, allOutbound, allSubmission}));

        QSignalSpy loaded(&page, &OverviewPage::loaded);
        h.context.setReferenceTime(day0 + 3 * day);
        h.context.setRange(Range(range), since, until);
        if (direction >= 0)
            h.context.setDirection(Direction(direction));
        // Each change asks again; the newest answer wins.
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && h.context.runner()->pending() == 0, 20000);

        QTEST(shareTexts(page), "shares");
        const TrendChart *chart = page.trendChart();
        if (!categories.isEmpty())
            QCOMPARE(chart->timeAxis()->categories(), categories);
        QTEST(values(chart->encryptedSet()), "encrypted");
        QTEST(values(chart->plaintextSet()), "plaintext");
        QTEST(ys(chart->failureSeries()), "failures");
        QTEST(rows(page.topPeersView()), "peers");
        QTEST(rows(page.failuresView()), "failureRows");
        QCOMPARE(page.topPeersCard()->note(),
                 page.topPeersModel()->rowCount() ? QString() : QStringLiteral("No plaintext mail in this range."));
        QCOMPARE(page.failuresCard()->note(),
                 page.failuresModel()->rowCount() ? QString() : QStringLiteral("No TLS failures in this range."));
    }

    void anEmptyRangeSaysSo()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        h.context.setRange(Range::Custom, day0 + 5 * day, day0 + 6 * day);
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        QCOMPARE(page.sharesCard()->note(), QStringLiteral("No mail in this range."));
        QCOMPARE(page.trendCard()->note(), QStringLiteral("No mail in this range."));
        QCOMPARE(page.topPeersCard()->note(), QStringLiteral("No plaintext mail in this range."));
        QCOMPARE(page.failuresCard()->note(), QStringLiteral("No TLS failures in this range."));
        QCOMPARE(page.trendChart()->encryptedSet()->count(), 24);
        QCOMPARE(page.shareWidget(in)->messagePercentLabel()->text(), QStringLiteral("–"));
    }

    void groupedByDomain()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        h.context.setGroupBy(ReportFilter::GroupBy::Domain);
        QVERIFY(h.waitLoaded());
        QCOMPARE(rows(h.page->topPeersView()),
                 (QStringList{QStringLiteral("Inbound | alpha.example | 1 | 3 | 66.7 % | 500 bytes"),
                              QStringLiteral("Outbound | beta.example | 1 | 3 | 66.7 % | 2.9 KiB"),
                              QStringLiteral("Outbound | relay.example | 1 | 1 | 0.0 % | 800 bytes")}));
        QCOMPARE(h.page->failuresView()->model()->index(0, RecentFailureModel::PeerColumn).data().toString(),
                 QStringLiteral("beta.example"));
    }

    void measureSwitchesAndIsRemembered()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        h.context.setRange(Range::Custom, day0, day0 + 3 * day + 1);
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        QCOMPARE(page.trendChart()->measure(), TrendChart::Measure::Messages);
        page.measureBox()->setCurrentIndex(page.measureBox()->findData(int(TrendChart::Measure::Bytes)));
        QCOMPARE(page.trendChart()->measure(), TrendChart::Measure::Bytes);
        QCOMPARE(page.trendChart()->byteUnit(), QStringLiteral("KiB"));
        QCOMPARE(values(page.trendChart()->encryptedSet()),
                 (QList<qreal>{3700.0 / 1024, 1500.0 / 1024, 4000.0 / 1024, 0}));
        QCOMPARE(values(page.trendChart()->plaintextSet()), (QList<qreal>{3000.0 / 1024, 500.0 / 1024, 800.0 / 1024, 0}));

        Harness again(m_known.path());
        QCOMPARE(again.page->trendChart()->measure(), TrendChart::Measure::Bytes);
        QCOMPARE(again.page->measureBox()->currentData().toInt(), int(TrendChart::Measure::Bytes));
        QVERIFY(again.waitLoaded());
    }

    // Records landing while a row is selected: the figures change, the
    // selection stays on the same peer although it moves up.
    void liveDataKeepsTheSelection()
    {
        KnownStore store;
        QVERIFY(store.make());
        Harness h(store.path());
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        QTableView *view = page.topPeersView();
        view->selectionModel()->setCurrentIndex(view->model()->index(1, PlaintextPeerModel::PeerColumn),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("mail.beta.example"));
        QBarSet *encrypted = page.trendChart()->encryptedSet();

        AssemblerOutput more;
        more.transfers = {transfer(20000, out, "mail.beta.example", "198.51.100.7", day0 + 12 * hour + 600, 100,
                                   nullptr, "alice@ours.example", "x@beta.example"),
                          transfer(21000, out, "mail.beta.example", "198.51.100.7", day0 + 12 * hour + 1200, 100,
                                   nullptr, "alice@ours.example", "y@beta.example")};
        QVERIFY(store.write(more));
        h.context.notifyDataChanged();
        QVERIFY(h.waitLoaded());

        QCOMPARE(rows(view).first(), QStringLiteral("Outbound | mail.beta.example | 3 | 4 | 25.0 % | 3.1 KiB"));
        QCOMPARE(view->currentIndex().row(), 0);
        QCOMPARE(view->currentIndex().data().toString(), QStringLiteral("mail.beta.example"));
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), 0);
        QCOMPARE(page.shareWidget(out)->messageCountLabel()->text(), QStringLiteral("2 of 6 messages"));
        QCOMPARE(page.trendChart()->encryptedSet(), encrypted);
        QCOMPARE(page.trendChart()->plaintextSet()->at(2), 3.0);
    }

    void enterAndDoubleClickOpenThePeer()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy opened(&page, &OverviewPage::peerActivated);

        QTableView *peers = page.topPeersView();
        peers->setFocus();
        peers->setCurrentIndex(peers->model()->index(1, 0));
        QTest::keyClick(peers, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("mail.beta.example"));
        QCOMPARE(opened.at(0).at(1).value<Direction>(), out);

        QTableView *failures = page.failuresView();
        const QRect cell = failures->visualRect(failures->model()->index(1, RecentFailureModel::ReasonColumn));
        // A double click is a click, then a second press that is the double click.
        QTest::mouseClick(failures->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(failures->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(opened.count(), 2);
        QCOMPARE(opened.at(1).at(0).toString(), QStringLiteral("203.0.113.9"));
        QCOMPARE(opened.at(1).at(1).value<Direction>(), in);
    }

    void tlsLoggingBanner_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing encrypted")
            << false
            << QStringLiteral("Your mail server may not log TLS: encrypted mail would then be counted as plaintext.\n"
                              "None of the 24 inbound connection(s) was encrypted. Either your server does not "
                              "offer STARTTLS, or it does not log TLS, so that encrypted mail looks like plaintext. "
                              "In Postfix, set smtpd_tls_security_level = may and smtpd_tls_loglevel = 1 in main.cf, "
                              "then run \"postfix reload\".");
        QTest::newRow("starttls=1 only")
            << true
            << QStringLiteral("Your mail server does not log TLS details: the protocol, cipher and certificate "
                              "trust of encrypted mail are unknown.\n"
                              "Your server does not log the TLS details of inbound mail: 24 encrypted "
                              "connection(s) are known only from their disconnect statistics, without protocol, "
                              "cipher or certificate trust. In Postfix, set smtpd_tls_loglevel = 1 in main.cf, "
                              "then run \"postfix reload\".");
    }

    void tlsLoggingBanner()
    {
        QFETCH(bool, encrypted);
        KnownStore store;
        QVERIFY(store.make(untoldTls(encrypted)));
        Harness h(store.path());
        QVERIFY(h.waitLoaded());
        QVERIFY(!h.page->tlsLoggingBanner()->isHidden());
        QTEST(h.page->tlsLoggingText(), "text");
        QCOMPARE(h.page->tlsLoggingBanner()->accessibleDescription(), h.page->tlsLoggingText());
        QCOMPARE(h.page->figures().tlsLogging.size(), 2);

        // The same store seen through a range without those connections:
        // too little to judge, and the banner goes.
        h.context.setRange(Range::Custom, day0 + 10 * day, day0 + 11 * day);
        QVERIFY(h.waitLoaded());
        QVERIFY(h.page->tlsLoggingBanner()->isHidden());
    }

    void csvOfEachCard()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;

        QCOMPARE(csvOf(page.sharesCard()),
                 QStringLiteral("# MailTLS encrypted share per direction\n"
                                "# Time range: all records\n")
                     + allDirections + units
                     + QStringLiteral("\n# Encrypted share per direction\n"
                                      "direction,messages,encrypted_messages,encrypted_messages_percent,bytes,"
                                      "encrypted_bytes,encrypted_bytes_percent,connections,encrypted_connections,"
                                      "tls_failures\n"
                                      "inbound,3,2,66.7,3500,3000,85.7,4,2,1\n"
                                      "outbound,4,2,50.0,9300,5500,59.1,4,2,2\n"
                                      "submission,1,1,100.0,700,700,100.0,1,1,0\n"));
        QCOMPARE(csvOf(page.topPeersCard()),
                 QStringLiteral("# MailTLS top plaintext peers\n"
                                "# Time range: all records\n")
                     + allDirections + units
                     + QStringLiteral("\n# Peers with the most plaintext messages\n"
                                      "direction,peer,plaintext_messages,messages,encrypted_messages_percent,"
                                      "plaintext_bytes,bytes\n"
                                      "inbound,mx.alpha.example,1,3,66.7,500,3500\n"
                                      "outbound,mail.beta.example,1,2,50.0,3000,7000\n"
                                      "outbound,filter.relay.example,1,1,0.0,800,800\n"));
        QCOMPARE(csvOf(page.failuresCard()),
                 QStringLiteral("# MailTLS recent TLS failures\n"
                                "# Time range: all records\n")
                     + allDirections + units
                     + QStringLiteral("\n# Recent TLS failures, newest first\n"
                                      "time_utc,direction,peer,host,peer_ip,port,problem,reason\n"
                                      "2024-03-19T14:59:00Z,outbound,relay.beta.example,relay.beta.example,"
                                      "198.51.100.8,25,certificate,certificate verification failed: untrusted issuer\n"
                                      "2024-03-19T03:00:05Z,inbound,203.0.113.9,203.0.113.9,203.0.113.9,25,"
                                      "lost-after-starttls,lost connection after STARTTLS\n"
                                      "2024-03-18T11:59:50Z,outbound,mail.beta.example,mail.beta.example,"
                                      "198.51.100.7,25,dh-key-too-small,dh key too small\n"));

        // The trend of a short range, and of exactly what the chart shows.
        h.context.setRange(Range::Custom, day0 + 11 * hour + 30 * 60, day0 + 13 * hour + 30 * 60);
        QVERIFY(h.waitLoaded());
        QCOMPARE(values(page.trendChart()->plaintextSet()), (QList<qreal>{0, 1, 0}));
        QCOMPARE(csvOf(page.trendCard()),
                 QStringLiteral("# MailTLS trend of encrypted and plaintext mail\n"
                                "# Time range: 2024-03-18T11:30:00Z to 2024-03-18T13:30:00Z (UTC; the start "
                                "included, the end not)\n")
                     + allDirections + units
                     + QStringLiteral("\n# Encrypted and plaintext mail per hour (UTC hours)\n"
                                      "start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,"
                                      "plaintext_bytes,tls_failures\n"
                                      "2024-03-18T11:00:00Z,0,0,0,0,1\n"
                                      "2024-03-18T12:00:00Z,0,1,0,3000,0\n"
                                      "2024-03-18T13:00:00Z,1,0,700,0,0\n"));
        QVERIFY(page.csv().startsWith(QStringLiteral("# MailTLS overview\n")));
    }

    void picturesOfEachCard()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        OverviewPage &page = *h.page;
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTemporaryDir dir;
        QWidget *pictures[] = {page.trendChart()->chartView(), page.topPeersView(), page.failuresView(),
                               page.shareWidget(in)->parentWidget()};
        for (DashboardCard *card : {page.sharesCard(), page.trendCard(), page.topPeersCard(), page.failuresCard()}) {
            QVERIFY(card->exportMenu());
            QVERIFY(card->exportMenu()->pngAction()->isVisible());
            QVERIFY(card->exportMenu()->svgAction()->isVisible());
        }
        int n = 0;
        for (QWidget *picture : pictures) {
            QVERIFY(picture->width() > 50 && picture->height() > 20);
            const QString png = dir.filePath(QStringLiteral("card%1.png").arg(n));
            const QString svg = dir.filePath(QStringLiteral("card%1.svg").arg(n));
            ++n;
            QString error;
            QVERIFY2(ExportMenu::writePng(picture, png, &error), qPrintable(error));
            QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), picture->size() * picture->devicePixelRatio());
            QVERIFY2(ExportMenu::writeSvg(picture, QStringLiteral("mailtls-overview"), svg, &error), qPrintable(error));
            QFile file(svg);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY(text.startsWith("<?xml"));
            QVERIFY(text.contains("<svg"));
        }
    }

    // A store that cannot be read: the cards say why and keep what they showed.
    void unreadableStoreSaysSo()
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("not-a-store.sqlite"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not an SQLite file, just text that is long enough to look like a header......\n");
        file.close();
        h.context.setStore(bogus, false);
        QCOMPARE(h.page->sharesCard()->note(), QStringLiteral("Loading…"));
        QVERIFY(h.waitLoaded());
        const QString note = h.page->sharesCard()->note();
        QVERIFY2(note.startsWith(QStringLiteral("Cannot read the figures: ")), qPrintable(note));
        QVERIFY2(note.contains(bogus), qPrintable(note));
        QCOMPARE(h.page->trendCard()->note(), note);
        QCOMPARE(shareTexts(*h.page), (QStringList{allInbound, allOutbound, allSubmission}));
    }

private:
    KnownStore m_known;
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
