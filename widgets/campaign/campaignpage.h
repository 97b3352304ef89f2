#pragma once

#include <functional>

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "models/logs/records.h"
#include "models/probe/probetypes.h"
#include "models/settings/settings.h"
#include "widgets/campaign/campaignlettersdialog.h"
#include "widgets/campaign/campaignpeerrow.h"
#include "widgets/campaign/campaignstartdialog.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace mailtls {

class CampaignListModel;
class CampaignPeerModel;
class CampaignProgressChart;
class DashboardCard;
class DashboardContext;
class PageRefresh;
class CampaignReprobe;
class ProbeService;

// The Campaigns page: the campaigns of mandatory STARTTLS kept in the shown
// store (name, service, computer, directions, window, state), and for the
// chosen one every failing peer with its state, correspondents and letters,
// a chart of how many were fixed over time, and the peers' CSV. Read through
// CampaignStore on the dashboard's query thread; a store without campaigns
// shows what a campaign is.
//
// Its splitters, headers and the chosen campaign are remembered (Settings
// view "campaigns").
class CampaignPage final : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignPage(DashboardContext *context, QWidget *parent = nullptr);

    // The clock the states count from (UTC seconds); tests set a fixed one.
    void setClock(std::function<qint64()> clock);
    qint64 now() const;

    // The campaign whose peers are shown (0: none).
    qint64 shownCampaign() const { return m_shownId; }
    void showCampaign(qint64 id);
    const Campaign *campaign() const;

    // Offers "Re-probe Remaining" through this service (none: not offered).
    void setProbeService(ProbeService *service);
    CampaignReprobe *reprobe() const { return m_reprobe; }
    QPushButton *reprobeButton() const { return m_reprobeButton; }
    QPushButton *lettersButton() const { return m_lettersButton; }
    // "Start a Campaign…": in the empty state and above the peers.
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *emptyStartButton() const { return m_emptyStartButton; }
    // The Letters dialog while open.
    CampaignLettersDialog *lettersDialog() const { return m_lettersDialog; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *progressBar() const { return m_progress; }
    // What the last re-probe found ("" before one).
    QString reprobeResult() const { return m_reprobeResult; }

    // The peers' CSV: the rows the table shows, in its order.
    QString peersCsv() const;

    QTableView *campaignTable() const { return m_campaignTable; }
    QTableView *peerTable() const { return m_peerTable; }
    CampaignListModel *campaignModel() const { return m_campaigns; }
    CampaignPeerModel *peerModel() const { return m_peers; }
    CampaignProgressChart *chart() const { return m_chart; }
    DashboardCard *campaignCard() const { return m_campaignCard; }
    DashboardCard *peerCard() const { return m_peerCard; }
    DashboardCard *chartCard() const { return m_chartCard; }
    // The explanation shown while the store holds no campaign.
    QWidget *emptyState() const;
    bool isEmptyStateShown() const;

public slots:
    // Re-reads now, visible or not.
    void refresh();
    // Probes the shown campaign's peers that are not fixed yet.
    void reprobeRemaining();
    // Opens the letters of the shown campaign (preview and export).
    void showLetters();
    // Opens the dialog that starts a new window (non-modal).
    CampaignStartDialog *showStart();

signals:
    // Fresh results are on screen (or the error that kept them away).
    void loaded();
    // Enter or a double-click on a failing peer.
    void peerActivated(const QString &peer, mailtls::Direction direction);
    // Probe asked for the selected peer.
    void probeRequested(const mailtls::ProbeTarget &target);
    // A re-probe of the remaining peers ended (or was cancelled).
    void reprobeFinished();

private:
    QWidget *buildEmptyState();
    QWidget *buildContent();
    void restoreState();
    void apply(quint64 generation, const CampaignPageData &data, const QString &error);
    void campaignChosen();
    void tick();
    void updateChart();
    void updateNotes();
    void probeSelected();
    void updateReprobe();

    DashboardContext *m_context;
    Settings m_settings;
    std::function<qint64()> m_clock;
    CampaignListModel *m_campaigns = nullptr;
    CampaignPeerModel *m_peers = nullptr;
    QSortFilterProxyModel *m_campaignProxy = nullptr;
    QSortFilterProxyModel *m_peerProxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_topSplitter = nullptr;
    QTableView *m_campaignTable = nullptr;
    QTableView *m_peerTable = nullptr;
    CampaignProgressChart *m_chart = nullptr;
    DashboardCard *m_campaignCard = nullptr;
    DashboardCard *m_peerCard = nullptr;
    DashboardCard *m_chartCard = nullptr;
    QAction *m_probeAction = nullptr;
    CampaignReprobe *m_reprobe = nullptr;
    QWidget *m_reprobeRow = nullptr;
    QPushButton *m_reprobeButton = nullptr;
    QPushButton *m_lettersButton = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_emptyStartButton = nullptr;
    QPointer<CampaignStartDialog> m_startDialog;
    QPointer<CampaignLettersDialog> m_lettersDialog;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QString m_reprobeResult;
    QTimer *m_ticker = nullptr;
    PageRefresh *m_refresh = nullptr;

    quint64 m_generation = 0;
    qint64 m_shownId = 0;
    QList<CampaignLetter> m_letters;
    QString m_error;
    bool m_loadedOnce = false;
    bool m_applying = false;
    bool m_campaignHeaderRestored = false;
    bool m_peerHeaderRestored = false;
};

} // namespace mailtls
