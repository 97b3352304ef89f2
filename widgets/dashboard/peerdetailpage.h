#pragma once

#include <optional>

#include <QString>
#include <QWidget>

#include "models/logs/records.h"
#include "models/probe/probetypes.h"
#include "models/report/dashboardcsv.h"
#include "models/store/peerdetail.h"
#include "models/store/recordprovenance.h"
#include "models/store/reportfilter.h"

class QAbstractItemModel;
class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QSplitter;
class QTableView;
class QToolButton;

namespace mailtls {

class PageRefresh;

class CorrespondentModel;
class DashboardCard;
class DashboardContext;
class PeerConnectionModel;
class PeerFailureModel;
class PeerFiguresPanel;
class ProbeHistoryModel;
class ProvenanceView;
class RecordMarkProxyModel;
class TrendChart;
class VerdictMarkProxyModel;

// Everything about one peer over the dashboard's range: its figures per
// direction, its timeline (encrypted versus plaintext), its connections with
// their TLS, its TLS failures with reasons and its correspondents; and for
// any connection or failure, the log lines behind it (ProvenanceView), so a
// figure can be checked against the log.
//
// Read with TrafficStore::peerDetail() on the query thread. Live updates
// merge into the tables (selection, sort order and scroll survive) and keep
// the previous figures visible until fresh ones arrive. While hidden the page
// only notes that it is stale and re-queries when shown.
class PeerDetailPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PeerDetailPage(DashboardContext *context, QWidget *parent = nullptr);
    ~PeerDetailPage() override;

    // Shows `peer`, named as the context's grouping names peers (a host, or a
    // registrable domain). With a direction (the row it was opened from),
    // only that direction's records are shown, until the filter bar picks a
    // direction itself. Queries at once, shown or not.
    void showPeer(const QString &peer, std::optional<Direction> direction = std::nullopt);
    QString peer() const { return m_peer; }
    std::optional<Direction> direction() const { return m_direction; }
    // Drops the narrowing to one direction: the context's directions apply.
    void showAllDirections();

    // Re-queries now, shown or not.
    void refresh();

    // What is shown and the filter it was read with.
    const PeerDetail &detail() const { return m_detail; }
    ReportFilter shownFilter() const { return m_shownFilter; }
    // The page as CSV (DashboardCsv::peerDetail), and one card alone
    // (DashboardCsv::peerDetailPart): what that card exports.
    QString csv() const;
    QString csv(DashboardCsv::PeerPart part) const;

    QLabel *titleLabel() const { return m_title; }
    QLabel *scopeLabel() const { return m_scope; }
    QToolButton *backButton() const { return m_backButton; }
    QAction *backAction() const { return m_backAction; }
    DashboardCard *figuresCard() const { return m_figuresCard; }
    DashboardCard *timelineCard() const { return m_timelineCard; }
    DashboardCard *connectionsCard() const { return m_connectionsCard; }
    DashboardCard *failuresCard() const { return m_failuresCard; }
    DashboardCard *correspondentsCard() const { return m_correspondentsCard; }
    PeerFiguresPanel *figuresPanel() const { return m_figures; }
    TrendChart *timeline() const { return m_timeline; }
    QComboBox *measureBox() const { return m_measureBox; }
    QTableView *connectionsView() const { return m_connectionsView; }
    QTableView *failuresView() const { return m_failuresView; }
    QTableView *correspondentsView() const { return m_correspondentsView; }
    PeerConnectionModel *connectionModel() const { return m_connectionModel; }
    PeerFailureModel *failureModel() const { return m_failureModel; }
    CorrespondentModel *correspondentModel() const { return m_correspondentModel; }
    // The peer's probes, newest first (Enter opens one on the Probe page),
    // and "Probe" for the peer.
    DashboardCard *probesCard() const { return m_probesCard; }
    QTableView *probesView() const { return m_probesView; }
    ProbeHistoryModel *probeModel() const { return m_probeModel; }
    QAction *probeAction() const { return m_probeAction; }
    // "Show log lines" for the current row of each list (button, context
    // menu; Enter and double-click on a row do the same).
    QAction *connectionLogLinesAction() const { return m_connectionLines; }
    QAction *failureLogLinesAction() const { return m_failureLines; }

    // Opens the log lines behind one record, over this page.
    ProvenanceView *showLogLines(RecordKind kind, qint64 recordId, const QString &subject);

signals:
    // Fresh results (or the error that kept them from coming) are shown.
    void loaded();
    // The Back button, Alt+Left or Backspace.
    void backRequested();
    // The peer shown changed (showPeer(), or the grouping renamed it).
    void peerChanged(const QString &peer);
    // "Probe": the peer's address, or its domain's mail servers.
    void probeRequested(const mailtls::ProbeTarget &target);
    // A stored probe of the peer was opened.
    void probeReportRequested(qint64 id);
    // The peer's probes are listed (after each refresh).
    void probesLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    void buildFigures();
    void buildTimeline();
    void buildConnections();
    void buildFailures();
    void buildCorrespondents();
    void buildProbes();
    void refreshProbes();
    void probePeer();
    QTableView *makeView(QAbstractItemModel *model, RecordMarkProxyModel *proxy, const QString &name,
                         int sortColumn, Qt::SortOrder order);
    QWidget *withLogLinesButton(QTableView *view, QAction *action);
    QAction *makeLogLinesAction(QTableView *view);
    void openLogLines(QTableView *view);
    void openLogLinesAt(QTableView *view, const QModelIndex &index);
    void updateActions();
    void contextChanged();
    void followGrouping();
    ReportFilter queryFilter() const;
    void apply(const PeerDetail &detail, const ReportFilter &filter, const QString &error);
    void clearShown();
    void setNotes(const QString &note);
    void updateHeader();
    void restoreState();
    void saveState() const;

    DashboardContext *m_context = nullptr;
    QString m_peer;
    // The host the page showed before the grouping named its domain, to
    // return to when the grouping goes back to hosts.
    QString m_hostBeforeDomain;
    std::optional<Direction> m_direction;
    std::optional<Direction> m_contextDirection;
    ReportFilter::GroupBy m_groupBy = ReportFilter::GroupBy::Host;
    PageRefresh *m_refresh = nullptr;
    // The tables' columns fit their contents at a peer's first result.
    bool m_fitColumns = true;

    PeerDetail m_detail;
    ReportFilter m_shownFilter;

    QLabel *m_title = nullptr;
    QLabel *m_scope = nullptr;
    QToolButton *m_backButton = nullptr;
    QToolButton *m_allDirections = nullptr;
    QAction *m_backAction = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_tablesSplitter = nullptr;
    QSplitter *m_sideSplitter = nullptr;
    DashboardCard *m_figuresCard = nullptr;
    DashboardCard *m_timelineCard = nullptr;
    DashboardCard *m_connectionsCard = nullptr;
    DashboardCard *m_failuresCard = nullptr;
    DashboardCard *m_correspondentsCard = nullptr;
    PeerFiguresPanel *m_figures = nullptr;
    TrendChart *m_timeline = nullptr;
    QComboBox *m_measureBox = nullptr;
    PeerConnectionModel *m_connectionModel = nullptr;
    PeerFailureModel *m_failureModel = nullptr;
    CorrespondentModel *m_correspondentModel = nullptr;
    RecordMarkProxyModel *m_connectionProxy = nullptr;
    RecordMarkProxyModel *m_failureProxy = nullptr;
    RecordMarkProxyModel *m_correspondentProxy = nullptr;
    QTableView *m_connectionsView = nullptr;
    QTableView *m_failuresView = nullptr;
    QTableView *m_correspondentsView = nullptr;
    QAction *m_connectionLines = nullptr;
    QAction *m_failureLines = nullptr;
    DashboardCard *m_probesCard = nullptr;
    ProbeHistoryModel *m_probeModel = nullptr;
    VerdictMarkProxyModel *m_probeProxy = nullptr;
    QTableView *m_probesView = nullptr;
    QAction *m_probeAction = nullptr;
    QToolButton *m_probeButton = nullptr;
};

} // namespace mailtls
