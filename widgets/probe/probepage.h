#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include "models/probe/probetypes.h"
#include "models/store/probehistory.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;

namespace mailtls {

class DashboardCard;
class DashboardContext;
class PageRefresh;
class ProbeHistoryModel;
class ProbeReportView;
class ProbeService;
class ProbeStepLog;
class VerdictMarkProxyModel;

// The Probe page: type a domain or host[:port] and press Enter, watch each
// step of the probe as it happens, then read the verdict, the mail servers'
// TLS and the findings with their evidence and advice. "Probe all plaintext
// peers" probes every peer that sent or received plaintext mail in the
// dashboard's range, as one batch with progress and Cancel (Esc). Every probe
// is kept in the store; "Recent probes" lists them and opens any of them.
//
// Probes run in the window's ProbeService; the store is read through the
// context's QueryRunner. Nothing here blocks the GUI thread.
class ProbePage final : public QWidget
{
    Q_OBJECT

public:
    // The state of the page's single probe (a batch has its own progress).
    enum class State { Idle, Probing, Cancelling, Finished, Cancelled };
    Q_ENUM(State)

    ProbePage(DashboardContext *context, ProbeService *service, QWidget *parent = nullptr);
    ~ProbePage() override;

    // Probes the target box's text; false (and the reason under the box)
    // when it names no target.
    bool probeEntered();
    // Puts the target in the box and probes it (a probe running is cancelled).
    void probe(const ProbeTarget &target);
    // Cancels the page's probe and batch (Esc).
    void cancel();
    // Reads the plaintext peers of the dashboard's filter and probes them.
    void probeAllPlaintextPeers();
    // Shows a finished report (a probe's, or any built elsewhere).
    void showReport(const ProbeReport &report);
    // Loads a stored probe and shows it.
    void showStoredProbe(qint64 id);

    State state() const { return m_state; }
    QString stateText() const;
    bool isBatchRunning() const { return !m_batch.isEmpty(); }
    QString batchText() const;

    QLineEdit *targetEdit() const { return m_target; }
    QLabel *targetError() const { return m_targetError; }
    QPushButton *probeButton() const { return m_probeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *probeAllButton() const { return m_probeAllButton; }
    QProgressBar *batchProgress() const { return m_batchBar; }
    QTableView *recentView() const { return m_recentView; }
    ProbeHistoryModel *recentModel() const { return m_recentModel; }
    DashboardCard *recentCard() const { return m_recentCard; }
    ProbeReportView *reportView() const { return m_report; }
    ProbeStepLog *stepLog() const { return m_log; }

public slots:
    // Reads the recent probes again now.
    void refresh();

signals:
    // The recent probes (or the error that kept them from coming) are shown.
    void loaded();
    // A report is on screen: a probe's end, or one loaded from the store.
    void reportShown();
    void stateChanged(mailtls::ProbePage::State state);
    // A batch has ended (done, or cancelled).
    void batchFinished();

private:
    QWidget *buildTargetBar();
    QWidget *buildRecent();
    void startProbe(const ProbeTarget &target);
    void setState(State state, const QString &text);
    void showTargetError(const QString &error);
    void probeEvent(int id, const ProbeEvent &event);
    void probeFinished(int id, const ProbeReport &report);
    void probeStored(int id, bool ok, const QString &error);
    void startBatch(const QList<ProbeTarget> &targets, const QString &error);
    void updateBatch();
    void endBatch();
    void applyRecent(const QList<ProbeSummary> &probes, const QString &error);
    void recentChosen();
    void selectShownInRecent();
    void updateButtons();
    void updateProbeAllToolTip();
    void restoreState();
    void saveState() const;

    DashboardContext *m_context = nullptr;
    ProbeService *m_service = nullptr;
    PageRefresh *m_refresh = nullptr;

    QLineEdit *m_target = nullptr;
    QLabel *m_targetError = nullptr;
    QPushButton *m_probeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_probeAllButton = nullptr;
    QLabel *m_stateLabel = nullptr;
    QProgressBar *m_batchBar = nullptr;
    QLabel *m_batchLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    ProbeHistoryModel *m_recentModel = nullptr;
    VerdictMarkProxyModel *m_recentProxy = nullptr;
    QTableView *m_recentView = nullptr;
    DashboardCard *m_recentCard = nullptr;
    DashboardCard *m_logCard = nullptr;
    ProbeReportView *m_report = nullptr;
    ProbeStepLog *m_log = nullptr;

    State m_state = State::Idle;
    QString m_stateText;
    int m_probeId = 0; // the single probe running, 0 for none
    QHash<int, QString> m_targets; // every probe of this page still running, as typed
    QHash<int, QString> m_awaitingStore; // finished, not yet stored
    QList<int> m_batch; // the batch's probes, all of them until it ends
    int m_batchDone = 0;
    bool m_batchCancelled = false;
    bool m_readingPeers = false;
    QHash<int, int> m_batchVerdicts; // Verdict → probes
    QString m_batchText;
    qint64 m_shownStoredId = 0; // the stored probe shown, 0 when not known
};

} // namespace mailtls
