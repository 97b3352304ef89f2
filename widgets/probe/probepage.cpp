#include "widgets/probe/probepage.h"

#include <numeric>
#include <utility>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/probehistorymodel.h"
#include "models/itemmodels/probetitles.h"
#include "models/itemmodels/recordtitles.h"
#include "models/probe/probeservice.h"
#include "models/probe/probetargetparser.h"
#include "models/settings/settings.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/pagerefresh.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/probe/findingsview.h"
#include "widgets/probe/peerprobetarget.h"
#include "widgets/probe/probereportview.h"
#include "widgets/probe/probesteplog.h"
#include "widgets/probe/verdictmarkproxymodel.h"

namespace mailtls {

namespace {

constexpr int recentLimit = 100;
const QString settingsView = QStringLiteral("probe");
const QString splitterKey = QStringLiteral("splitter");
const QString rightSplitterKey = QStringLiteral("rightSplitter");
const QString findingsSplitterKey = QStringLiteral("findingsSplitter");

} // namespace

ProbePage::ProbePage(DashboardContext *context, ProbeService *service, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_service(service)
{
    setObjectName(QStringLiteral("probePage"));
    setAccessibleName(tr("Probe"));

    QWidget *bar = buildTargetBar();

    m_report = new ProbeReportView;
    m_report->setObjectName(QStringLiteral("probeReport"));
    m_log = new ProbeStepLog;
    m_log->setMinimumHeight(90);
    m_logCard = new DashboardCard(
        tr("Steps"),
        tr("Each step of the probes as it happens: the DNS look-ups, each connection, the server's greeting, "
           "EHLO, STARTTLS and the TLS handshakes, with the server's own words."),
        this);
    m_logCard->setObjectName(QStringLiteral("probeStepsCard"));
    m_logCard->setContent(m_log);

    m_rightSplitter = new QSplitter(Qt::Vertical);
    m_rightSplitter->setObjectName(QStringLiteral("probeRightSplitter"));
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->addWidget(m_report);
    m_rightSplitter->addWidget(m_logCard);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("probeSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildRecent());
    m_splitter->addWidget(m_rightSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({320, 960});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_target, m_probeButton);
    setTabOrder(m_probeButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_probeAllButton);
    setTabOrder(m_probeAllButton, m_recentView);
    setTabOrder(m_recentView, m_report->hostTable());

    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ProbePage::cancel);

    connect(m_service, &ProbeService::event, this, &ProbePage::probeEvent);
    connect(m_service, &ProbeService::finished, this, &ProbePage::probeFinished);
    connect(m_service, &ProbeService::stored, this, &ProbePage::probeStored);

    m_refresh = new PageRefresh(this, [this] { refresh(); });
    connect(m_context, &DashboardContext::storeChanged, this, [this] {
        m_recentModel->clear();
        m_shownStoredId = 0;
        m_recentCard->setNote(DashboardCards::loadingNote());
        m_refresh->request();
    });
    connect(m_context, &DashboardContext::dataChanged, m_refresh, &PageRefresh::request);
    connect(m_context, &DashboardContext::filterChanged, this, &ProbePage::updateProbeAllToolTip);

    restoreState();
    updateProbeAllToolTip();
    updateButtons();
    m_recentCard->setNote(DashboardCards::loadingNote());
    m_refresh->request();
}

ProbePage::~ProbePage()
{
    saveState();
}

void ProbePage::restoreState()
{
    const Settings settings;
    for (const auto &[splitter, key] :
         {std::pair {m_splitter, splitterKey}, std::pair {m_rightSplitter, rightSplitterKey},
          std::pair {m_report->findingsView()->splitter(), findingsSplitterKey}}) {
        const QByteArray state = settings.viewValue(settingsView, key).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
}

void ProbePage::saveState() const
{
    Settings settings;
    settings.setViewValue(settingsView, splitterKey, m_splitter->saveState());
    settings.setViewValue(settingsView, rightSplitterKey, m_rightSplitter->saveState());
    settings.setViewValue(settingsView, findingsSplitterKey, m_report->findingsView()->splitter()->saveState());
}

QWidget *ProbePage::buildTargetBar()
{
    auto *bar = new QWidget;
    auto *label = new QLabel(tr("&Domain or host:"), bar);
    m_target = new QLineEdit(bar);
    m_target->setObjectName(QStringLiteral("probeTarget"));
    m_target->setPlaceholderText(tr("example.org, mx.example.org:25, 192.0.2.1"));
    m_target->setClearButtonEnabled(true);
    m_target->setAccessibleName(tr("Domain or host to probe"));
    m_target->setToolTip(tr("A mail domain (its MX hosts are probed), or one host or address with an optional "
                            "port (host:port, [IPv6]:port). Press Enter to probe."));
    label->setBuddy(m_target);
    connect(m_target, &QLineEdit::returnPressed, this, &ProbePage::probeEntered);
    connect(m_target, &QLineEdit::textEdited, this, [this] { showTargetError(QString()); });

    m_probeButton = new QPushButton(QIcon::fromTheme(QStringLiteral("system-search")), tr("&Probe"), bar);
    m_probeButton->setObjectName(QStringLiteral("probeButton"));
    m_probeButton->setAccessibleName(tr("Probe"));
    m_probeButton->setToolTip(tr("Ask the target's mail servers what they offer: STARTTLS, TLS versions, cipher, "
                                 "Diffie-Hellman group, certificate, MTA-STS and TLS-RPT (Enter)"));
    connect(m_probeButton, &QPushButton::clicked, this, &ProbePage::probeEntered);

    m_cancelButton = new QPushButton(style()->standardIcon(QStyle::SP_BrowserStop), tr("Cancel"), bar);
    m_cancelButton->setObjectName(QStringLiteral("cancelProbeButton"));
    m_cancelButton->setAccessibleName(tr("Cancel probe"));
    m_cancelButton->setToolTip(tr("Stop the probes running; what was found so far is kept (Esc)"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ProbePage::cancel);

    m_probeAllButton = new QPushButton(tr("Probe all p&laintext peers"), bar);
    m_probeAllButton->setObjectName(QStringLiteral("probeAllButton"));
    m_probeAllButton->setAccessibleName(tr("Probe all plaintext peers"));
    connect(m_probeAllButton, &QPushButton::clicked, this, &ProbePage::probeAllPlaintextPeers);

    m_targetError = new QLabel(bar);
    m_targetError->setObjectName(QStringLiteral("probeTargetError"));
    m_targetError->setWordWrap(true);
    m_targetError->setTextFormat(Qt::PlainText);
    m_targetError->setAccessibleName(tr("Target error"));
    QFont bold = m_targetError->font();
    bold.setBold(true);
    m_targetError->setFont(bold);
    m_targetError->hide();

    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(QStringLiteral("probeState"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setAccessibleName(tr("Probe state"));
    m_batchBar = new QProgressBar(bar);
    m_batchBar->setObjectName(QStringLiteral("batchProgress"));
    m_batchBar->setAccessibleName(tr("Batch progress"));
    m_batchBar->setTextVisible(true);
    m_batchBar->setFormat(tr("%v of %m"));
    m_batchBar->setMaximumWidth(260);
    m_batchBar->hide();
    m_batchLabel = new QLabel(bar);
    m_batchLabel->setObjectName(QStringLiteral("batchState"));
    m_batchLabel->setTextFormat(Qt::PlainText);
    m_batchLabel->setAccessibleName(tr("Batch state"));

    auto *input = new QHBoxLayout;
    input->addWidget(label);
    input->addWidget(m_target, 3);
    input->addWidget(m_probeButton);
    input->addWidget(m_cancelButton);
    input->addSpacing(16);
    input->addWidget(m_probeAllButton);
    input->addStretch(1);
    auto *status = new QHBoxLayout;
    status->addWidget(m_stateLabel, 1);
    status->addWidget(m_batchLabel);
    status->addWidget(m_batchBar);
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(input);
    layout->addWidget(m_targetError);
    layout->addLayout(status);
    return bar;
}

QWidget *ProbePage::buildRecent()
{
    m_recentModel = new ProbeHistoryModel(this);
    m_recentProxy = new VerdictMarkProxyModel(ProbeHistoryModel::VerdictColumn, ProbeHistoryModel::VerdictRole, this);
    m_recentProxy->setSourceModel(m_recentModel);
    m_recentView = new QTableView;
    m_recentView->setObjectName(QStringLiteral("recentProbes"));
    m_recentView->setAccessibleName(tr("Recent probes"));
    m_recentView->setModel(m_recentProxy);
    m_recentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recentView->setAlternatingRowColors(true);
    m_recentView->setWordWrap(false);
    m_recentView->setTabKeyNavigation(false);
    m_recentView->setTextElideMode(Qt::ElideMiddle);
    m_recentView->verticalHeader()->hide();
    m_recentView->horizontalHeader()->setHighlightSections(false);
    m_recentView->horizontalHeader()->setStretchLastSection(true);
    m_recentView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_recentView->setSortingEnabled(true);
    m_recentView->hideColumn(ProbeHistoryModel::FindingsColumn);
    m_recentProxy->setPalette(m_recentView->palette());
    connect(m_recentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ProbePage::recentChosen);
    connect(m_recentView, &QAbstractItemView::activated, this, &ProbePage::recentChosen);

    m_recentCard = new DashboardCard(
        tr("Recent probes"), tr("Every probe kept in the store, newest first. Select one to read its report again."),
        this);
    m_recentCard->setObjectName(QStringLiteral("recentProbesCard"));
    m_recentCard->setContent(m_recentView);
    return m_recentCard;
}

QString ProbePage::stateText() const
{
    return m_stateText;
}

QString ProbePage::batchText() const
{
    return m_batchText;
}

void ProbePage::setState(State state, const QString &text)
{
    const bool changed = state != m_state;
    m_state = state;
    m_stateText = text;
    m_stateLabel->setText(text);
    m_stateLabel->setAccessibleDescription(text);
    updateButtons();
    if (changed)
        emit stateChanged(state);
}

void ProbePage::showTargetError(const QString &error)
{
    m_targetError->setText(error);
    m_targetError->setVisible(!error.isEmpty());
    m_target->setAccessibleDescription(error);
}

bool ProbePage::probeEntered()
{
    QString error;
    const std::optional<ProbeTarget> target = ProbeTargetParser::parse(m_target->text(), 25, &error);
    if (!target) {
        showTargetError(error);
        m_target->setFocus(Qt::OtherFocusReason);
        return false;
    }
    startProbe(*target);
    return true;
}

void ProbePage::probe(const ProbeTarget &target)
{
    m_target->setText(ProbeTitles::target(target));
    startProbe(target);
}

void ProbePage::startProbe(const ProbeTarget &target)
{
    showTargetError(QString());
    if (m_probeId != 0) {
        // The user asked for another target: the old probe's end is not
        // waited for, and is not shown.
        m_service->cancel(m_probeId);
        m_targets.remove(m_probeId);
    }
    const QString name = ProbeTitles::target(target);
    if (!isBatchRunning())
        m_log->clear();
    m_report->clear(tr("Probing %1…").arg(name));
    m_shownStoredId = 0;
    m_recentView->selectionModel()->clearCurrentIndex();
    m_recentView->clearSelection();
    m_probeId = m_service->probe(target);
    m_targets.insert(m_probeId, name);
    setState(State::Probing, tr("Probing %1…").arg(name));
}

void ProbePage::cancel()
{
    if (m_probeId == 0 && !isBatchRunning())
        return;
    if (m_probeId != 0) {
        m_service->cancel(m_probeId);
        setState(State::Cancelling, tr("Cancelling…"));
    }
    if (isBatchRunning() && !m_batchCancelled) {
        m_batchCancelled = true;
        for (int id : std::as_const(m_batch))
            if (m_targets.contains(id))
                m_service->cancel(id);
        m_batchText = tr("Cancelling the batch…");
        m_batchLabel->setText(m_batchText);
    }
    updateButtons();
}

void ProbePage::probeEvent(int id, const ProbeEvent &event)
{
    const auto target = m_targets.constFind(id);
    if (target == m_targets.cend())
        return;
    m_log->append(id, *target, event);
}

void ProbePage::probeFinished(int id, const ProbeReport &report)
{
    const auto target = m_targets.constFind(id);
    if (target == m_targets.cend())
        return;
    // The service keeps finished reports, not cancelled ones.
    if (!report.cancelled && !m_service->storePath().isEmpty())
        m_awaitingStore.insert(id, *target);
    m_targets.erase(target);
    if (id == m_probeId) {
        m_probeId = 0;
        showReport(report);
        const QString name = ProbeTitles::target(report.target);
        if (report.cancelled)
            setState(State::Cancelled, tr("%1: cancelled. What was found until then is shown.").arg(name));
        else
            setState(State::Finished, tr("%1: %2").arg(name, RecordTitles::verdict(report.verdict)));
        return;
    }
    if (m_batch.contains(id)) {
        ++m_batchDone;
        if (!report.cancelled)
            ++m_batchVerdicts[int(report.verdict)];
        updateBatch();
    }
}

void ProbePage::probeStored(int id, bool ok, const QString &error)
{
    const QString name = m_awaitingStore.take(id);
    if (!ok && !name.isEmpty())
        setState(m_state, tr("The report of %1 could not be kept in the store: %2").arg(name, error));
    refresh();
}

void ProbePage::showReport(const ProbeReport &report)
{
    m_shownStoredId = 0;
    m_report->setReport(report);
    selectShownInRecent();
    emit reportShown();
}

void ProbePage::showStoredProbe(qint64 id)
{
    m_shownStoredId = id;
    m_context->runner()->run<std::optional<ProbeReport>>(
        this, QStringLiteral("probeReport"),
        [id](TrafficStore &store, QString *error) { return store.probeReport(id, error); },
        [this, id](const std::optional<ProbeReport> &report, const QString &error) {
            if (id != m_shownStoredId)
                return;
            if (!report) {
                m_report->clear(error.isEmpty() ? tr("This probe is no longer in the store.")
                                                : DashboardCards::unreadableNote(error));
                return;
            }
            m_report->setReport(*report);
            emit reportShown();
        });
}

void ProbePage::refresh()
{
    m_refresh->clear();
    m_context->runner()->run<QList<ProbeSummary>>(
        this, QStringLiteral("probeRecent"),
        [](TrafficStore &store, QString *error) { return store.recentProbes(recentLimit, error); },
        [this](const QList<ProbeSummary> &probes, const QString &error) { applyRecent(probes, error); });
}

void ProbePage::applyRecent(const QList<ProbeSummary> &probes, const QString &error)
{
    if (!error.isEmpty()) {
        m_recentCard->setNote(DashboardCards::unreadableNote(error));
        emit loaded();
        return;
    }
    const bool first = m_recentModel->rowCount() == 0;
    m_recentModel->setProbes(probes);
    if (first && !probes.isEmpty()) {
        m_recentView->resizeColumnToContents(ProbeHistoryModel::TargetColumn);
        m_recentView->resizeColumnToContents(ProbeHistoryModel::VerdictColumn);
    }
    m_recentCard->setNote(probes.isEmpty() ? tr("No probes yet.") : QString());
    selectShownInRecent();
    emit loaded();
}

void ProbePage::selectShownInRecent()
{
    // The report shown came from a probe: once it is in the list, its row is
    // selected (without loading it again).
    if (!m_report->hasReport() || m_shownStoredId != 0)
        return;
    const ProbeReport &shown = m_report->report();
    for (const ProbeSummary &probe : m_recentModel->probes()) {
        if (probe.target == shown.target && probe.finished == shown.finished.toSecsSinceEpoch()) {
            m_shownStoredId = probe.id;
            const QModelIndex index
                = m_recentProxy->mapFromSource(m_recentModel->index(m_recentModel->rowOf(probe.id), 0));
            m_recentView->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
}

void ProbePage::recentChosen()
{
    const QModelIndex current = m_recentView->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(KeyedTableModel::RecordIdRole).toLongLong();
    if (id <= 0 || id == m_shownStoredId)
        return;
    showStoredProbe(id);
}

void ProbePage::probeAllPlaintextPeers()
{
    if (isBatchRunning() || m_readingPeers)
        return;
    m_readingPeers = true;
    m_batchText = tr("Reading the plaintext peers…");
    m_batchLabel->setText(m_batchText);
    updateButtons();
    const ReportFilter filter = m_context->filter();
    m_context->runner()->run<QList<ProbeTarget>>(
        this, QStringLiteral("probePlaintextPeers"),
        [filter](TrafficStore &store, QString *error) {
            return PeerProbeTarget::ofPlaintextPeers(store.peerFigures(filter, error));
        },
        [this](const QList<ProbeTarget> &targets, const QString &error) { startBatch(targets, error); });
}

void ProbePage::startBatch(const QList<ProbeTarget> &targets, const QString &error)
{
    m_readingPeers = false;
    if (!error.isEmpty() || targets.isEmpty()) {
        m_batchText = !error.isEmpty()
            ? DashboardCards::unreadableNote(error)
            : tr("No peer sent or received plaintext mail in this range (%1).").arg(m_context->rangeTitle());
        m_batchLabel->setText(m_batchText);
        updateButtons();
        emit batchFinished();
        return;
    }
    if (m_probeId == 0)
        m_log->clear();
    m_batchDone = 0;
    m_batchCancelled = false;
    m_batchVerdicts.clear();
    m_batch = m_service->probeBatch(targets);
    for (int i = 0; i < m_batch.size() && i < targets.size(); ++i)
        m_targets.insert(m_batch.at(i), ProbeTitles::target(targets.at(i)));
    m_batchBar->setRange(0, int(m_batch.size()));
    m_batchBar->setValue(0);
    m_batchBar->show();
    updateBatch();
}

void ProbePage::updateBatch()
{
    m_batchBar->setValue(m_batchDone);
    if (m_batchDone >= m_batch.size()) {
        endBatch();
        return;
    }
    if (!m_batchCancelled) {
        m_batchText = tr("Probing plaintext peers: %1 of %2 done").arg(m_batchDone).arg(m_batch.size());
        m_batchLabel->setText(m_batchText);
    }
    updateButtons();
}

void ProbePage::endBatch()
{
    QStringList counts;
    for (Verdict verdict : {Verdict::Good, Verdict::Weak, Verdict::NoTls, Verdict::Unreachable}) {
        const int n = m_batchVerdicts.value(int(verdict));
        if (n > 0)
            counts << tr("%1 %2").arg(n).arg(RecordTitles::verdict(verdict));
    }
    const int total = int(m_batch.size());
    const int judged = int(std::accumulate(m_batchVerdicts.cbegin(), m_batchVerdicts.cend(), 0));
    if (m_batchCancelled)
        m_batchText = tr("Batch cancelled: %1 of %2 probed").arg(judged).arg(total);
    else
        m_batchText = tr("Probed %n plaintext peers", nullptr, total);
    if (!counts.isEmpty())
        m_batchText += tr(": %1.").arg(counts.join(QStringLiteral(", ")));
    else
        m_batchText += QLatin1Char('.');
    m_batchLabel->setText(m_batchText);
    m_batch.clear();
    m_batchBar->hide();
    updateButtons();
    emit batchFinished();
}

void ProbePage::updateButtons()
{
    const bool busy = m_probeId != 0 || isBatchRunning();
    m_cancelButton->setEnabled(busy && m_state != State::Cancelling && !(m_probeId == 0 && m_batchCancelled));
    m_probeAllButton->setEnabled(!isBatchRunning() && !m_readingPeers);
}

void ProbePage::updateProbeAllToolTip()
{
    m_probeAllButton->setToolTip(
        tr("Probe the mail servers of every peer that sent or received plaintext mail in the dashboard's range "
           "(%1): each peer's domain once, or its address when it has no name")
            .arg(m_context->rangeTitle()));
}

} // namespace mailtls
