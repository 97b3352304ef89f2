#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include "models/logs/records.h"
#include "models/probe/probetypes.h"
#include "models/settings/settings.h"
#include "models/store/peerrow.h"
#include "models/store/reportfilter.h"

class QAction;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTableView;

namespace mailtls {

class PageRefresh;

class DashboardCard;
class DashboardContext;
class PeerBarChart;
class PeerRowFilterProxyModel;
class PeerRowModel;

// The dashboard's Peers page: every peer of the context's range, direction and
// grouping in a sortable table, a search box that narrows it by peer name,
// and beside it the encrypted and plaintext messages of the top N peers of
// what the table lists. Each refresh reads the figures first and the TLS
// columns after (two queries), and merges both into the rows shown, so a live
// source never resets the selection, sort order or scroll position.
//
// The page re-queries on the context's signals while it is visible; a hidden
// page re-queries when it is shown. Its search text, top N, header and
// splitter are remembered (Settings view "peers").
class PeersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PeersPage(DashboardContext *context, QWidget *parent = nullptr);

    // Re-queries now, visible or not.
    void refresh();

    QString searchText() const;
    void setSearchText(const QString &text);
    // How many peers the chart shows (5–50).
    int topCount() const;
    void setTopCount(int count);

    // The filter the rows shown were read with.
    ReportFilter shownFilter() const { return m_shownFilter; }
    // What the cards export: the rows the table shows (after the search, in its
    // order), and the chart's bars (top first).
    QString tableCsv() const;
    QString chartCsv() const;

    QTableView *table() const { return m_table; }
    PeerRowModel *model() const { return m_model; }
    PeerRowFilterProxyModel *proxy() const { return m_proxy; }
    PeerBarChart *chart() const { return m_chart; }
    DashboardCard *tableCard() const { return m_tableCard; }
    DashboardCard *chartCard() const { return m_chartCard; }
    QLineEdit *searchBox() const { return m_search; }
    QSpinBox *topCountBox() const { return m_top; }
    QSplitter *splitter() const { return m_splitter; }
    // "Probe" for the selected peer (button beside the search box, context
    // menu of the table).
    QAction *probeAction() const { return m_probeAction; }

signals:
    // Fresh results are on screen: after each refresh's second step (or its
    // error).
    void loaded();
    // Enter or a double-click on a row.
    void peerActivated(const QString &peer, mailtls::Direction direction);
    // Probe asked for the selected peer: its address, or its domain's mail
    // servers (PeerProbeTarget).
    void probeRequested(const mailtls::ProbeTarget &target);

protected:

private:
    QWidget *buildTable();
    QWidget *buildChart();
    void restoreState();
    void contextChanged();
    void storeChanged();
    void apply(quint64 generation, const ReportFilter &filter, const QList<PeerRow> &rows, const QString &error);
    void updateChart();
    void updateNotes();
    void probeSelected();
    void updateProbeAction();

    DashboardContext *m_context;
    Settings m_settings;
    PeerRowModel *m_model = nullptr;
    PeerRowFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QSpinBox *m_top = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    PeerBarChart *m_chart = nullptr;
    DashboardCard *m_tableCard = nullptr;
    DashboardCard *m_chartCard = nullptr;
    QAction *m_probeAction = nullptr;

    quint64 m_generation = 0;
    ReportFilter m_shownFilter;
    QString m_error;
    bool m_loadedOnce = false;
    PageRefresh *m_refresh = nullptr;
    bool m_headerRestored = false;
};

} // namespace mailtls
