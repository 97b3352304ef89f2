// "Probe" on the dashboard's pages: the Peers table, the TLS quality page's
// DHE peers and the peer detail page each ask for a probe of the peer chosen
// (its domain, or its address); the peer detail page lists the peer's probes.

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/itemmodels/probehistorymodel.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/peerdetailpage.h"
#include "widgets/dashboard/peerspage.h"
#include "widgets/dashboard/tlsqualitypage.h"

using namespace mailtls;
using dashboardtest::KnownStore;

namespace {

constexpr int waitMs = 20000;

ProbeTarget target(ProbeTarget::Kind kind, const char *name)
{
    ProbeTarget t;
    t.kind = kind;
    t.name = QString::fromLatin1(name);
    return t;
}

// The row of the view whose peer (and direction) this is; -1 when none.
int rowOf(const QTableView *view, const QString &peer, Direction direction)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(KeyedTableModel::PeerRole).toString() == peer
            && index.data(KeyedTableModel::DirectionRole).toInt() == int(direction))
            return row;
    }
    return -1;
}

ProbeTarget requested(const QSignalSpy &spy)
{
    return spy.last().first().value<ProbeTarget>();
}

// beta.example probed: its MX mail.beta.example weak, another without TLS.
ProbeReport betaReport()
{
    ProbeReport r;
    r.target = target(ProbeTarget::Kind::Domain, "beta.example");
    r.started = QDateTime::fromSecsSinceEpoch(dashboardtest::day0 + 3 * dashboardtest::day, Qt::UTC);
    r.finished = r.started.addSecs(2);
    const QHostAddress weak(QStringLiteral("198.51.100.7"));
    const QHostAddress plain(QStringLiteral("198.51.100.9"));
    r.mx.hosts = {MxHost {QStringLiteral("mail.beta.example"), 10, {weak}, QString()},
                  MxHost {QStringLiteral("backup.beta.example"), 20, {plain}, QString()}};
    AddressProbeResult a;
    a.mxName = QStringLiteral("mail.beta.example");
    a.address = weak;
    a.probedAt = r.finished;
    AddressProbeResult b = a;
    b.mxName = QStringLiteral("backup.beta.example");
    b.address = plain;
    r.addresses = {a, b};
    r.hostVerdicts = {HostVerdict {a.mxName, weak, Verdict::Weak}, HostVerdict {b.mxName, plain, Verdict::NoTls}};
    r.verdict = Verdict::NoTls;
    return r;
}

} // namespace

class TestProbeActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void peersPageProbesTheSelectedPeer()
    {
        KnownStore known;
        QVERIFY(known.make());
        DashboardContext context;
        context.setStore(known.path(), false);
        PeersPage page(&context);
        QSignalSpy loaded(&page, &PeersPage::loaded);
        page.show();
        QVERIFY(loaded.wait(waitMs));

        QAction *probe = page.probeAction();
        QVERIFY(!probe->isEnabled());
        QVERIFY(page.table()->actions().contains(probe));
        QCOMPARE(page.table()->contextMenuPolicy(), Qt::ActionsContextMenu);
        auto *button = page.findChild<QToolButton *>(QStringLiteral("probePeerButton"));
        QVERIFY(button);
        QCOMPARE(button->defaultAction(), probe);
        QVERIFY(!button->accessibleName().isEmpty());
        QVERIFY(!probe->toolTip().isEmpty());

        QSignalSpy asked(&page, &PeersPage::probeRequested);
        const int beta = rowOf(page.table(), QStringLiteral("mail.beta.example"), Direction::Outbound);
        QVERIFY(beta >= 0);
        page.table()->selectRow(beta);
        QVERIFY(probe->isEnabled());
        probe->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(requested(asked), target(ProbeTarget::Kind::Domain, "beta.example"));

        // A peer without a host name is its address.
        const int bare = rowOf(page.table(), QStringLiteral("203.0.113.9"), Direction::Inbound);
        QVERIFY(bare >= 0);
        page.table()->selectRow(bare);
        button->click();
        QCOMPARE(asked.count(), 2);
        QCOMPARE(requested(asked), target(ProbeTarget::Kind::Host, "203.0.113.9"));

        page.table()->clearSelection();
        QVERIFY(!probe->isEnabled());
    }

    void tlsQualityPageProbesADhePeer()
    {
        KnownStore known;
        QVERIFY(known.make());
        DashboardContext context;
        context.setStore(known.path(), false);
        TlsQualityPage page(&context);
        QSignalSpy loaded(&page, &TlsQualityPage::loaded);
        page.show();
        QVERIFY(loaded.wait(waitMs));
        QTableView *dhe = page.table(TlsQualityPage::Card::DhePeers);
        QAction *probe = page.probeAction();
        QVERIFY(!probe->isEnabled());
        QVERIFY(dhe->actions().contains(probe));
        auto *button = page.findChild<QToolButton *>(QStringLiteral("probeDhePeerButton"));
        QVERIFY(button);
        QCOMPARE(button->defaultAction(), probe);

        const int beta = rowOf(dhe, QStringLiteral("mail.beta.example"), Direction::Outbound);
        QVERIFY(beta >= 0);
        dhe->selectRow(beta);
        QVERIFY(probe->isEnabled());
        QSignalSpy asked(&page, &TlsQualityPage::probeRequested);
        button->click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(requested(asked), target(ProbeTarget::Kind::Domain, "beta.example"));
    }

    void peerDetailPageProbesAndListsProbes()
    {
        KnownStore known;
        QVERIFY(known.make());
        DashboardContext context;
        context.setStore(known.path(), false);
        PeerDetailPage page(&context);
        page.show();
        QSignalSpy probes(&page, &PeerDetailPage::probesLoaded);
        QSignalSpy loaded(&page, &PeerDetailPage::loaded);
        page.showPeer(QStringLiteral("mail.beta.example"), Direction::Outbound);
        QVERIFY(loaded.wait(waitMs));
        QCOMPARE(probes.count(), 1);
        QCOMPARE(page.probeModel()->rowCount(), 0);
        QCOMPARE(page.probesCard()->note(),
                 QStringLiteral("Never probed. Probe asks its mail servers what they offer."));

        QVERIFY(page.probeAction()->isEnabled());
        QSignalSpy asked(&page, &PeerDetailPage::probeRequested);
        page.probeAction()->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(requested(asked), target(ProbeTarget::Kind::Domain, "beta.example"));

        // A probe kept in the store: the list follows, with the host's own
        // verdict.
        qint64 id = 0;
        QString error;
        QVERIFY2(known.store().saveProbeReport(betaReport(), &id, &error), qPrintable(error));
        context.notifyDataChanged();
        QVERIFY(probes.wait(waitMs));
        QCOMPARE(page.probeModel()->rowCount(), 1);
        QCOMPARE(page.probesCard()->note(), QString());
        const QAbstractItemModel *list = page.probesView()->model();
        QCOMPARE(list->index(0, ProbeHistoryModel::TargetColumn).data().toString(), QStringLiteral("beta.example"));
        QCOMPARE(list->index(0, ProbeHistoryModel::VerdictColumn).data().toString(), QStringLiteral("Weak"));
        QCOMPARE(list->index(0, ProbeHistoryModel::TimeColumn).data().toString(),
                 QStringLiteral("2024-03-21 00:00:02"));
        QSignalSpy opened(&page, &PeerDetailPage::probeReportRequested);
        emit page.probesView()->activated(list->index(0, ProbeHistoryModel::TimeColumn));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toLongLong(), id);

        // Grouped by domain, the peer is the domain: its probes, its verdict.
        context.setGroupBy(ReportFilter::GroupBy::Domain);
        QTRY_COMPARE_WITH_TIMEOUT(page.peer(), QStringLiteral("beta.example"), waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(page.probeModel()->rowCount(), 1, waitMs);
        QTRY_COMPARE_WITH_TIMEOUT(list->index(0, ProbeHistoryModel::VerdictColumn).data().toString(),
                                  QStringLiteral("No TLS"), waitMs);
    }
};

QTEST_MAIN(TestProbeActions)
#include "tst_probeactions.moc"
