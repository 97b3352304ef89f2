#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

#include "models/logs/records.h"
#include "models/store/overviewfigures.h"
#include "models/store/reportfilter.h"

class QComboBox;
class QFrame;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace mailtls {

class DashboardCard;
class DashboardContext;
class PlaintextPeerModel;
class RecentFailureModel;
class ShareWidget;
class TrendChart;

// The page users open every morning: how much mail is encrypted per
// direction, how that changes over time, who sends or receives plaintext,
// which TLS attempts failed lately, and a banner when the mail server does
// not log TLS (then encrypted mail looks like plaintext). Every card exports
// exactly what it shows. Figures come from TrafficStore::overview() on the
// query thread; until fresh ones arrive the previous ones stay visible.
class OverviewPage final : public QWidget
{
    Q_OBJECT

public:
    OverviewPage(DashboardContext *context, QWidget *parent = nullptr);

    // Queries again now (the context's signals do this by themselves).
    void refresh();

    // The figures shown and the filter they were read with.
    const OverviewFigures &figures() const { return m_figures; }
    const ReportFilter &figuresFilter() const { return m_filter; }
    // The whole page as CSV (DashboardCsv::overview), for an export of the page.
    QString csv() const;

    DashboardCard *sharesCard() const { return m_sharesCard; }
    DashboardCard *trendCard() const { return m_trendCard; }
    DashboardCard *topPeersCard() const { return m_topPeersCard; }
    DashboardCard *failuresCard() const { return m_failuresCard; }
    ShareWidget *shareWidget(Direction direction) const { return m_shareWidgets.value(direction); }
    TrendChart *trendChart() const { return m_trendChart; }
    QComboBox *measureBox() const { return m_measureBox; }
    QTableView *topPeersView() const { return m_topPeersView; }
    QTableView *failuresView() const { return m_failuresView; }
    PlaintextPeerModel *topPeersModel() const { return m_topPeersModel; }
    RecentFailureModel *failuresModel() const { return m_failuresModel; }
    QFrame *tlsLoggingBanner() const { return m_banner; }
    QString tlsLoggingText() const;

signals:
    // Fresh figures (or the error that kept them from coming) are shown.
    void loaded();
    // The user opened a peer from a list (Enter or double-click).
    void peerActivated(const QString &peer, Direction direction);

private:
    void buildShares();
    void buildTrend();
    void buildTopPeers();
    void buildFailures();
    void buildBanner();
    QTableView *makeView(QSortFilterProxyModel *proxy, const QString &name);
    void apply(const OverviewFigures &figures, const ReportFilter &filter, const QString &error);
    void showBanner(const QList<TlsLoggingEvidence> &evidence);
    void setNotes(const QString &note);

    DashboardContext *m_context = nullptr;
    OverviewFigures m_figures;
    ReportFilter m_filter;
    DashboardCard *m_sharesCard = nullptr;
    DashboardCard *m_trendCard = nullptr;
    DashboardCard *m_topPeersCard = nullptr;
    DashboardCard *m_failuresCard = nullptr;
    QHash<Direction, ShareWidget *> m_shareWidgets;
    TrendChart *m_trendChart = nullptr;
    QComboBox *m_measureBox = nullptr;
    PlaintextPeerModel *m_topPeersModel = nullptr;
    RecentFailureModel *m_failuresModel = nullptr;
    QTableView *m_topPeersView = nullptr;
    QTableView *m_failuresView = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
};

} // namespace mailtls
