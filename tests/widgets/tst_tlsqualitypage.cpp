#include <memory>

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QHeaderView>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

#include "models/itemmodels/tlsissuemodel.h"
#include "models/itemmodels/tlssharemodel.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/distributionchart.h"
#include "widgets/dashboard/exportmenu.h"
#include "widgets/dashboard/tlsqualitypage.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

using Card = TlsQualityPage::Card;
using Strength = TlsShareModel::Strength;

// A page on a store, with a context of its own.
struct Harness
{
    explicit Harness(const QString &path)
    {
        context.setStore(path, false);
        page = std::make_unique<TlsQualityPage>(&context, nullptr);
        // Shown: a hidden page leaves the store alone until it is shown.
        page->show();
        loads = std::make_unique<QSignalSpy>(page.get(), &TlsQualityPage::loaded);
    }

    // The next load not waited for yet (it may have come while the window
    // was being shown).
    bool waitLoaded()
    {
        if (loads->count() <= seen && !loads->wait(20000))
            return false;
        seen = int(loads->count());
        return true;
    }

    DashboardContext context;
    std::unique_ptr<TlsQualityPage> page;
    std::unique_ptr<QSignalSpy> loads;
    int seen = 0;
};

// A chart as drawn, top to bottom: "name: value (strength)".
QStringList bars(const DistributionChart *chart)
{
    const QStringList categories = chart->categoryAxis()->categories();
    QStringList out;
    for (qsizetype i = categories.size() - 1; i >= 0; --i) {
        QStringList parts;
        for (const QBarSet *set : chart->sets()) {
            if (set->at(int(i)) != 0)
                parts << QStringLiteral("%1 (%2)").arg(set->at(int(i))).arg(set->label());
        }
        out << QStringLiteral("%1: %2").arg(categories.at(i), parts.join(QStringLiteral(" + ")));
    }
    return out;
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

QStringList notes(const TlsQualityPage &page)
{
    QStringList out;
    for (Card card : {Card::Protocols, Card::Ciphers, Card::KeyExchanges, Card::DhePeers, Card::DhKeyTooSmallPeers,
                      Card::CertificatePeers})
        out << page.card(card)->note();
    return out;
}

QString csvHeader(const QString &title, const QString &selection)
{
    return QStringLiteral("# MailTLS TLS quality: %1\n"
                          "# Time range: all records\n"
                          "# Selection: %2; peers named by host; local hops left out\n"
                          "# Units: connections are encrypted connections; peers count peers per direction; "
                          "failures are counts; times are UTC (ISO 8601)\n"
                          "\n")
        .arg(title, selection);
}

const QString everyDirection = QStringLiteral("inbound, outbound, submission");

} // namespace

class TestTlsQualityPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsTheFixture();
    void chartsColourByStrength();
    void tooltipsGiveExactFigures();
    void exportsWhatEachCardShows();
    void filterChangesRequery();
    void groupedByDomain();
    void activatingARowNamesItsPeer();
    void liveUpdatesKeepTheSelection();
    void unreadableStoreSaysSo();
    void listsRememberTheirColumns();

private:
    KnownStore m_known;
};

void TestTlsQualityPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_known.make());
}

void TestTlsQualityPage::init()
{
    // Each test starts with the lists as they come, whatever the last run left.
    QSettings().clear();
}

void TestTlsQualityPage::showsTheFixture()
{
    Harness h(m_known.path());
    TlsQualityPage &page = *h.page;
    QCOMPARE(page.objectName(), QStringLiteral("tlsQualityPage"));
    // Until the first figures arrive.
    QCOMPARE(notes(page), QStringList(6, QStringLiteral("Loading…")));
    QVERIFY(h.waitLoaded());
    QVERIFY(page.hasFigures());
    QCOMPARE(notes(page), QStringList(6, QString()));
    QCOMPARE(page.summary(), QStringLiteral("5 encrypted connections · All time"));

    QCOMPARE(bars(page.chart(Card::Protocols)),
             (QStringList{QStringLiteral("TLSv1.2: 2 (Current (TLS 1.2, 1.3))"),
                          QStringLiteral("TLSv1.3: 2 (Current (TLS 1.2, 1.3))"),
                          QStringLiteral("(not logged): 1 (Other or not logged)")}));
    QCOMPARE(bars(page.chart(Card::Ciphers)),
             (QStringList{QStringLiteral("(not logged): 1 (Other or not logged)"),
                          QStringLiteral("DHE-RSA-AES256-GCM-SHA384: 1 (Other or not logged)"),
                          QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256: 1 (Forward secret, authenticated encryption)"),
                          QStringLiteral("TLS_AES_128_GCM_SHA256: 1 (Forward secret, authenticated encryption)"),
                          QStringLiteral("TLS_AES_256_GCM_SHA384: 1 (Forward secret, authenticated encryption)")}));
    QCOMPARE(bars(page.chart(Card::KeyExchanges)),
             (QStringList{QStringLiteral("(not logged): 3 (Other or not logged)"),
                          QStringLiteral("X25519: 2 (Elliptic curve or large group)")}));
    // Bottom to top, so the most used entry is on top.
    QCOMPARE(page.chart(Card::KeyExchanges)->categoryAxis()->categories(),
             (QStringList{QStringLiteral("X25519"), QStringLiteral("(not logged)")}));
    QCOMPARE(page.chart(Card::KeyExchanges)->valueAxis()->max(), 3.0);
    QCOMPARE(page.chart(Card::KeyExchanges)->valueAxis()->tickCount(), 4);
    QCOMPARE(page.chart(Card::KeyExchanges)->valueAxis()->titleText(), QStringLiteral("Encrypted connections"));
    QCOMPARE(page.chart(Card::KeyExchanges)->categoryAxis()->titleText(), QStringLiteral("Key exchange"));
    QVERIFY(page.chart(Card::KeyExchanges)->valueAxis()->isTitleVisible());
    QVERIFY(page.chart(Card::Protocols)->chart()->legend()->isVisible());

    QCOMPARE(rows(page.table(Card::DhePeers)),
             QStringList{QStringLiteral("Outbound | mail.beta.example | 1 | DHE-RSA-AES256-GCM-SHA384 (1)")});
    QCOMPARE(rows(page.table(Card::DhKeyTooSmallPeers)),
             QStringList{QStringLiteral("Outbound | mail.beta.example | 1 | 2024-03-18 11:59:50 | dh key too small")});
    QCOMPARE(rows(page.table(Card::CertificatePeers)),
             QStringList{QStringLiteral("Outbound | relay.beta.example | 1 | 2024-03-19 14:59:00 | certificate "
                                        "verification failed: untrusted issuer")});
    auto *dheNote = page.card(Card::DhePeers)->findChild<QLabel *>(QStringLiteral("dheNote"));
    QVERIFY(dheNote);
    QCOMPARE(dheNote->text(), QStringLiteral("The DH group size is not in the logs; a probe can measure it."));
    QCOMPARE(page.table(Card::CertificatePeers)->accessibleName(), QStringLiteral("Peers with certificate failures"));
    QCOMPARE(page.chart(Card::Protocols)->chartView()->accessibleDescription(),
             QStringLiteral("TLSv1.2: 2 of 5 encrypted connections (40.0 %); peers: 2; "
                            "TLSv1.3: 2 of 5 encrypted connections (40.0 %); peers: 2; "
                            "(not logged): 1 of 5 encrypted connections (20.0 %); peers: 1"));
    QCOMPARE(page.chart(Card::DhePeers), nullptr);
    QCOMPARE(page.table(Card::Ciphers), nullptr);
}

void TestTlsQualityPage::chartsColourByStrength()
{
    Harness h(m_known.path());
    QVERIFY(h.waitLoaded());
    DistributionChart *chart = h.page->chart(Card::Protocols);
    const auto check = [chart](const QPalette &palette) {
        const QList<QBarSet *> sets = chart->sets();
        if (sets.size() != 2)
            return false;
        return DistributionChart::strengthOf(sets.at(0)) == Strength::Current
            && sets.at(0)->brush().color() == ChartPalette::color(ChartPalette::Role::Encrypted, palette)
            && DistributionChart::strengthOf(sets.at(1)) == Strength::Other
            && sets.at(1)->brush().color() == ChartPalette::color(ChartPalette::Role::Neutral, palette)
            && chart->chart()->backgroundBrush().color() == palette.color(QPalette::Base);
    };
    QVERIFY(check(h.page->palette()));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    QVERIFY(ChartPalette::isDark(dark));
    h.page->setPalette(dark);
    QVERIFY(check(chart->palette()));
    QCOMPARE(chart->sets().at(0)->brush().color(), QColor(0x56, 0xb4, 0xe9));

    // An outdated protocol is drawn as a failure, with its pattern.
    TlsShareModel *model = h.page->shareModel(Card::Protocols);
    model->setShares({{QStringLiteral("TLSv1.2"), 3, 2}, {QStringLiteral("TLSv1"), 1, 1}}, 4);
    QCOMPARE(chart->sets().size(), 2);
    QCOMPARE(DistributionChart::strengthOf(chart->sets().at(1)), Strength::Weak);
    QCOMPARE(chart->sets().at(1)->label(), QStringLiteral("Outdated (TLS 1.0, 1.1, SSL)"));
    QCOMPARE(chart->sets().at(1)->brush().textureImage(),
             ChartPalette::brush(ChartPalette::Role::Failure, chart->palette()).textureImage());
    QCOMPARE(bars(chart), (QStringList{QStringLiteral("TLSv1.2: 3 (Current (TLS 1.2, 1.3))"),
                                       QStringLiteral("TLSv1: 1 (Outdated (TLS 1.0, 1.1, SSL))")}));
}

void TestTlsQualityPage::tooltipsGiveExactFigures()
{
    Harness h(m_known.path());
    h.page->resize(1100, 900);
    h.page->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.page.get()));
    QVERIFY(h.waitLoaded());
    DistributionChart *chart = h.page->chart(Card::Ciphers);
    // Hovering the top bar (the last category).
    emit chart->series()->hovered(true, 4, chart->sets().at(1));
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("(not logged): 1 of 5 encrypted connections (20.0 %); peers: 1"));
    emit chart->series()->hovered(true, 0, chart->sets().at(0));
    QTRY_COMPARE(QToolTip::text(),
                 QStringLiteral("TLS_AES_256_GCM_SHA384: 1 of 5 encrypted connections (20.0 %); peers: 1"));
    emit chart->series()->hovered(false, 0, chart->sets().at(0));
    QTRY_VERIFY(!QToolTip::isVisible());
    QCOMPARE(h.page->chart(Card::Protocols)->categoryText(2),
             QStringLiteral("TLSv1.2: 2 of 5 encrypted connections (40.0 %); peers: 2"));
    QCOMPARE(h.page->chart(Card::Protocols)->categoryText(3), QString());
}

void TestTlsQualityPage::exportsWhatEachCardShows()
{
    Harness h(m_known.path());
    QVERIFY(h.waitLoaded());
    const TlsQualityPage &page = *h.page;

    const QString protocols = csvHeader(QStringLiteral("Protocol versions"), everyDirection)
        + QStringLiteral("# Protocol versions\n"
                         "protocol,connections,peers\n"
                         "TLSv1.2,2,2\n"
                         "TLSv1.3,2,2\n"
                         "(not logged),1,1\n");
    QCOMPARE(page.csv(Card::Protocols), protocols);
    // What the card's menu copies is the same text.
    QApplication::clipboard()->clear();
    page.card(Card::Protocols)->exportMenu()->copyAction()->trigger();
    QCOMPARE(QApplication::clipboard()->mimeData()->data(QStringLiteral("text/csv")), protocols.toUtf8());

    QCOMPARE(page.csv(Card::Ciphers), csvHeader(QStringLiteral("Cipher suites"), everyDirection)
                                          + QStringLiteral("# Cipher suites\n"
                                                           "cipher_suite,connections,peers\n"
                                                           "(not logged),1,1\n"
                                                           "DHE-RSA-AES256-GCM-SHA384,1,1\n"
                                                           "ECDHE-RSA-AES128-GCM-SHA256,1,1\n"
                                                           "TLS_AES_128_GCM_SHA256,1,1\n"
                                                           "TLS_AES_256_GCM_SHA384,1,1\n"));
    QCOMPARE(page.csv(Card::KeyExchanges), csvHeader(QStringLiteral("Key exchanges"), everyDirection)
                                               + QStringLiteral("# Key exchanges\n"
                                                                "key_exchange,connections,peers\n"
                                                                "(not logged),3,3\n"
                                                                "X25519,2,2\n"));
    QCOMPARE(page.csv(Card::DhePeers),
             csvHeader(QStringLiteral("Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites"),
                       everyDirection)
                 + QStringLiteral("# Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites\n"
                                  "direction,peer,dhe_connections,cipher_suites\n"
                                  "outbound,mail.beta.example,1,DHE-RSA-AES256-GCM-SHA384 (1)\n"));
    QCOMPARE(page.csv(Card::DhKeyTooSmallPeers),
             csvHeader(QStringLiteral("Peers failing with \"dh key too small\""), everyDirection)
                 + QStringLiteral("# Peers failing with \"dh key too small\"\n"
                                  "direction,peer,failures,last_failure_utc,last_reason\n"
                                  "outbound,mail.beta.example,1,2024-03-18T11:59:50Z,dh key too small\n"));
    const QString certificates =
        csvHeader(QStringLiteral("Peers with certificate failures"), everyDirection)
        + QStringLiteral("# Peers with certificate failures\n"
                         "direction,peer,failures,last_failure_utc,last_reason\n"
                         "outbound,relay.beta.example,1,2024-03-19T14:59:00Z,certificate verification failed: "
                         "untrusted issuer\n");
    QCOMPARE(page.csv(Card::CertificatePeers), certificates);
    QApplication::clipboard()->clear();
    page.card(Card::CertificatePeers)->exportMenu()->copyAction()->trigger();
    QCOMPARE(QApplication::clipboard()->mimeData()->data(QStringLiteral("text/csv")), certificates.toUtf8());
    QVERIFY(page.pageCsv().startsWith(QStringLiteral("# MailTLS TLS quality\n")));
    QCOMPARE(page.pageCsv().count(QStringLiteral("\n\n# ")), 6);

    // Charts export their picture too; lists their data only.
    ExportMenu *chartMenu = page.card(Card::Ciphers)->exportMenu();
    QVERIFY(chartMenu->pngAction()->isVisible());
    QVERIFY(chartMenu->svgAction()->isVisible());
    QVERIFY(!page.card(Card::DhePeers)->exportMenu()->pngAction()->isVisible());
    QVERIFY(page.card(Card::DhePeers)->exportMenu()->csvAction()->isVisible());
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("ciphers.png"));
    QString error;
    QChartView *view = page.chart(Card::Ciphers)->chartView();
    view->resize(600, 400);
    QVERIFY2(ExportMenu::writePng(view, png, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(600, 400) * view->devicePixelRatio());
}

void TestTlsQualityPage::filterChangesRequery()
{
    Harness h(m_known.path());
    QVERIFY(h.waitLoaded());
    TlsQualityPage &page = *h.page;

    h.context.setDirection(Direction::Inbound);
    QVERIFY(h.waitLoaded());
    QCOMPARE(page.summary(), QStringLiteral("2 encrypted connections · All time"));
    QCOMPARE(bars(page.chart(Card::Protocols)),
             (QStringList{QStringLiteral("TLSv1.2: 1 (Current (TLS 1.2, 1.3))"),
                          QStringLiteral("TLSv1.3: 1 (Current (TLS 1.2, 1.3))")}));
    QCOMPARE(page.chart(Card::Protocols)->sets().size(), 1);
    QCOMPARE(rows(page.table(Card::DhePeers)), QStringList());
    QCOMPARE(notes(page), (QStringList{QString(), QString(), QString(),
                                       QStringLiteral("No peer used a DHE cipher suite in this range."),
                                       QStringLiteral("No peer failed with \"dh key too small\" in this range."),
                                       QStringLiteral("No peer failed a certificate check in this range.")}));
    QCOMPARE(page.csv(Card::Protocols), csvHeader(QStringLiteral("Protocol versions"), QStringLiteral("inbound"))
                                            + QStringLiteral("# Protocol versions\n"
                                                             "protocol,connections,peers\n"
                                                             "TLSv1.2,1,1\n"
                                                             "TLSv1.3,1,1\n"));

    // Day 0 only: 2024-03-18.
    h.context.setDirection(std::nullopt);
    h.context.setRange(DashboardContext::Range::Custom, day0, day0 + day);
    QVERIFY(h.waitLoaded());
    QCOMPARE(page.summary(), QStringLiteral("3 encrypted connections · ") + h.context.rangeTitle());
    QCOMPARE(bars(page.chart(Card::KeyExchanges)),
             (QStringList{QStringLiteral("(not logged): 2 (Other or not logged)"),
                          QStringLiteral("X25519: 1 (Elliptic curve or large group)")}));
    QCOMPARE(rows(page.table(Card::DhKeyTooSmallPeers)),
             QStringList{QStringLiteral("Outbound | mail.beta.example | 1 | 2024-03-18 11:59:50 | dh key too small")});
    QCOMPARE(rows(page.table(Card::CertificatePeers)), QStringList());

    // Nothing in range.
    h.context.setRange(DashboardContext::Range::Custom, day0 + 9 * day, std::nullopt);
    QVERIFY(h.waitLoaded());
    QCOMPARE(page.summary(), QStringLiteral("0 encrypted connections · ") + h.context.rangeTitle());
    QCOMPARE(page.card(Card::Ciphers)->note(), QStringLiteral("No encrypted connections in this range."));
    QCOMPARE(page.chart(Card::Ciphers)->sets().size(), 0);
    QCOMPARE(page.chart(Card::Ciphers)->categoryAxis()->categories(), QStringList());
}

void TestTlsQualityPage::groupedByDomain()
{
    Harness h(m_known.path());
    QVERIFY(h.waitLoaded());
    QSignalSpy activated(h.page.get(), &TlsQualityPage::peerActivated);
    h.context.setGroupBy(ReportFilter::GroupBy::Domain);
    QVERIFY(h.waitLoaded());
    QTableView *table = h.page->table(Card::CertificatePeers);
    QCOMPARE(rows(table), QStringList{QStringLiteral("Outbound | beta.example | 1 | 2024-03-19 14:59:00 | certificate "
                                                     "verification failed: untrusted issuer")});
    emit table->activated(table->model()->index(0, 1));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("beta.example"));
}

void TestTlsQualityPage::activatingARowNamesItsPeer()
{
    Harness h(m_known.path());
    h.page->resize(1100, 900);
    h.page->show();
    QVERIFY(QTest::qWaitForWindowExposed(h.page.get()));
    QVERIFY(h.waitLoaded());
    QSignalSpy activated(h.page.get(), &TlsQualityPage::peerActivated);

    // Enter on the current row.
    QTableView *certificates = h.page->table(Card::CertificatePeers);
    certificates->setFocus();
    certificates->setCurrentIndex(certificates->model()->index(0, 0));
    QTest::keyClick(certificates, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("relay.beta.example"));
    QCOMPARE(activated.at(0).at(1).value<Direction>(), Direction::Outbound);

    // A double click.
    QTableView *dhe = h.page->table(Card::DhePeers);
    dhe->scrollTo(dhe->model()->index(0, 2));
    const QPoint centre = dhe->visualRect(dhe->model()->index(0, 2)).center();
    QTest::mouseClick(dhe->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(dhe->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), QStringLiteral("mail.beta.example"));
    QCOMPARE(activated.at(1).at(1).value<Direction>(), Direction::Outbound);
}

void TestTlsQualityPage::liveUpdatesKeepTheSelection()
{
    KnownStore store;
    QVERIFY(store.make());
    Harness h(store.path());
    QVERIFY(h.waitLoaded());
    QTableView *table = h.page->table(Card::CertificatePeers);
    table->selectRow(0);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

    // Two more certificate failures of another peer land: it sorts first.
    AssemblerOutput more;
    more.failures = {failure(20000, Direction::Inbound, "mx.gamma.example", "203.0.113.20", day0 + 2 * day,
                             TlsProblem::Certificate, "certificate verification failed: certificate has expired"),
                     failure(20010, Direction::Inbound, "mx.gamma.example", "203.0.113.20", day0 + 2 * day + hour,
                             TlsProblem::Certificate, "certificate verification failed: certificate has expired")};
    QVERIFY(store.write(more));
    h.context.notifyDataChanged();
    QVERIFY(h.waitLoaded());
    QCOMPARE(rows(table),
             (QStringList{QStringLiteral("Inbound | mx.gamma.example | 2 | 2024-03-20 01:00:00 | certificate "
                                         "verification failed: certificate has expired"),
                          QStringLiteral("Outbound | relay.beta.example | 1 | 2024-03-19 14:59:00 | certificate "
                                         "verification failed: untrusted issuer")}));
    const QModelIndexList selected = table->selectionModel()->selectedRows(1);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), QStringLiteral("relay.beta.example"));
}

void TestTlsQualityPage::unreadableStoreSaysSo()
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
    QCOMPARE(notes(*h.page), QStringList(6, QStringLiteral("Loading…")));
    QVERIFY(h.waitLoaded());
    const QStringList shown = notes(*h.page);
    QVERIFY2(shown.first().startsWith(QStringLiteral("Cannot read the figures: ")), qPrintable(shown.first()));
    QVERIFY2(shown.first().contains(bogus), qPrintable(shown.first()));
    QCOMPARE(shown, QStringList(6, shown.first()));
    // The figures read before stay on screen.
    QCOMPARE(h.page->quality().encryptedConnections, 5);
    QCOMPARE(rows(h.page->table(Card::DhePeers)).size(), 1);
}

void TestTlsQualityPage::listsRememberTheirColumns()
{
    {
        Harness h(m_known.path());
        QVERIFY(h.waitLoaded());
        QHeaderView *header = h.page->table(Card::DhKeyTooSmallPeers)->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), 2);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        h.page->table(Card::DhKeyTooSmallPeers)->sortByColumn(1, Qt::AscendingOrder);
        header->resizeSection(1, 321);
    }
    Harness h(m_known.path());
    QHeaderView *header = h.page->table(Card::DhKeyTooSmallPeers)->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), 1);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(header->sectionSize(1), 321);
    // Each list keeps its own.
    QCOMPARE(h.page->table(Card::CertificatePeers)->horizontalHeader()->sortIndicatorSection(), 2);
}

QTEST_MAIN(TestTlsQualityPage)
#include "tst_tlsqualitypage.moc"
