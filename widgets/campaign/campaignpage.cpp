#include "widgets/campaign/campaignpage.h"

#include <algorithm>

#include <QAction>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "models/store/trafficstore.h"
#include "widgets/campaign/campaigncsv.h"
#include "widgets/campaign/campaignlettersdialog.h"
#include "widgets/campaign/campaignlistmodel.h"
#include "widgets/campaign/campaignpeermodel.h"
#include "widgets/campaign/campaignprogresschart.h"
#include "widgets/campaign/campaignreader.h"
#include "widgets/campaign/campaignreprobe.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/headerstate.h"
#include "widgets/dashboard/pagerefresh.h"
#include "widgets/dashboard/peeractivation.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/probe/peerprobetarget.h"

namespace mailtls {

namespace {
const QString View = QStringLiteral("campaigns");
const QString CampaignKey = QStringLiteral("campaign");
const QString SplitterKey = QStringLiteral("splitter");
const QString TopSplitterKey = QStringLiteral("topSplitter");
const QString CampaignHeaderKey = QStringLiteral("campaignHeader");
const QString PeerHeaderKey = QStringLiteral("peerHeader");
// The state column's "time left" moves on without a query.
constexpr int TickMs = 30000;
constexpr int MaxColumnWidth = 260;

QTableView *makeTable(const QString &name, const QString &accessibleName, QAbstractItemModel *model)
{
    auto *table = new QTableView;
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSortIndicatorClearable(true);
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    table->setSortingEnabled(true);
    return table;
}

} // namespace

CampaignPage::CampaignPage(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
    , m_campaigns(new CampaignListModel(this))
    , m_peers(new CampaignPeerModel(this))
    , m_campaignProxy(new QSortFilterProxyModel(this))
    , m_peerProxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("campaignPage"));
    setAccessibleName(tr("Campaigns"));
    m_campaignProxy->setSourceModel(m_campaigns);
    m_campaignProxy->setSortRole(CampaignListModel::SortRole);
    m_peerProxy->setSourceModel(m_peers);
    m_peerProxy->setSortRole(CampaignPeerModel::SortRole);
    m_campaigns->setNow(now());

    m_stack = new QStackedWidget(this);
    m_empty = buildEmptyState();
    m_content = buildContent();
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    restoreState();

    m_ticker = new QTimer(this);
    m_ticker->setInterval(TickMs);
    connect(m_ticker, &QTimer::timeout, this, &CampaignPage::tick);
    m_ticker->start();

    m_refresh = new PageRefresh(this, [this] { refresh(); });
    m_refresh->request();
    connect(m_context, &DashboardContext::storeChanged, this, [this] {
        // Another store's campaigns say nothing about this one.
        m_campaigns->setCampaigns({});
        m_peers->clear();
        m_letters.clear();
        m_chart->clear();
        m_error.clear();
        m_loadedOnce = false;
        updateNotes();
        m_refresh->request();
    });
    connect(m_context, &DashboardContext::dataChanged, this, [this] { m_refresh->request(); });
    updateNotes();
}

QWidget *CampaignPage::buildEmptyState()
{
    auto *empty = new QWidget;
    empty->setObjectName(QStringLiteral("campaignEmptyState"));
    auto *title = new QLabel(tr("No campaigns yet"), empty);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    title->setFont(bold);
    auto *text = new QLabel(
        tr("A campaign makes your mail server require STARTTLS for a few hours or days, then puts the previous "
           "settings back, and lists every server that could not send or receive your mail without TLS. You "
           "can write to those correspondents and watch here, over the following weeks, who fixed it."),
        empty);
    text->setObjectName(QStringLiteral("campaignExplanation"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    text->setMaximumWidth(640);
    m_emptyStartButton
        = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start a Campaign…"), empty);
    m_emptyStartButton->setObjectName(QStringLiteral("campaignEmptyStartButton"));
    m_emptyStartButton->setToolTip(tr("Choose the directions and the length, read what enforcing means, see the "
                                      "exact change, then start the window"));
    connect(m_emptyStartButton, &QPushButton::clicked, this, [this] { showStart(); });
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addWidget(m_emptyStartButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    empty->setAccessibleName(title->text());
    empty->setAccessibleDescription(text->text());
    return empty;
}

QWidget *CampaignPage::buildContent()
{
    m_campaignTable = makeTable(QStringLiteral("campaignTable"), tr("Campaigns table"), m_campaignProxy);
    m_campaignTable->setToolTip(tr("Choose a campaign to see its failing peers"));
    m_campaignCard = new DashboardCard(
        tr("Campaigns"),
        tr("Each window of mandatory STARTTLS: the service and computer it changed, the directions that "
           "required TLS, when it ran, and whether it is still enforcing or who ended it."),
        this);
    m_campaignCard->setObjectName(QStringLiteral("campaignListCard"));
    m_campaignCard->setContent(m_campaignTable);

    m_peerTable = makeTable(QStringLiteral("campaignPeerTable"), tr("Failing peers table"), m_peerProxy);
    PeerActivation::onActivated(
        m_peerTable, this, [this](const QString &peer, Direction direction) { emit peerActivated(peer, direction); });
    m_probeAction = new QAction(QIcon::fromTheme(QStringLiteral("system-search")), tr("P&robe"), this);
    m_probeAction->setObjectName(QStringLiteral("campaignProbePeerAction"));
    m_probeAction->setToolTip(tr("Ask the selected peer's mail servers what they offer now"));
    m_probeAction->setStatusTip(m_probeAction->toolTip());
    connect(m_probeAction, &QAction::triggered, this, &CampaignPage::probeSelected);
    m_peerTable->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_peerTable->addAction(m_probeAction);
    const auto updateProbe = [this] { m_probeAction->setEnabled(m_peerTable->selectionModel()->hasSelection()); };
    connect(m_peerTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateProbe);
    connect(m_peerProxy, &QAbstractItemModel::modelReset, this, updateProbe);
    updateProbe();
    m_reprobeRow = new QWidget;
    m_reprobeButton
        = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re-&probe Remaining"), m_reprobeRow);
    m_reprobeButton->setObjectName(QStringLiteral("campaignReprobeButton"));
    m_reprobeButton->setToolTip(tr("Probe every peer of this campaign that is not fixed yet: a peer whose servers "
                                   "now offer TLS is marked fixed"));
    connect(m_reprobeButton, &QPushButton::clicked, this, &CampaignPage::reprobeRemaining);
    m_reprobeButton->hide();
    m_lettersButton
        = new QPushButton(QIcon::fromTheme(QStringLiteral("mail-message-new")), tr("&Letters…"), m_reprobeRow);
    m_lettersButton->setObjectName(QStringLiteral("campaignLettersButton"));
    m_lettersButton->setToolTip(tr("Write to the correspondents of the peers not fixed yet: see each letter as it "
                                   "would go out, export them as .eml files or an mbox, or send them through your "
                                   "submission server"));
    connect(m_lettersButton, &QPushButton::clicked, this, &CampaignPage::showLetters);
    m_startButton = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start a Campaign…"),
                                    m_reprobeRow);
    m_startButton->setObjectName(QStringLiteral("campaignStartButton"));
    m_startButton->setToolTip(m_emptyStartButton->toolTip());
    connect(m_startButton, &QPushButton::clicked, this, [this] { showStart(); });
    m_progress = new QProgressBar(m_reprobeRow);
    m_progress->setObjectName(QStringLiteral("campaignReprobeProgress"));
    m_progress->setAccessibleName(tr("Re-probe progress"));
    m_progress->setFormat(tr("%v of %m probed"));
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), m_reprobeRow);
    m_cancelButton->setObjectName(QStringLiteral("campaignReprobeCancel"));
    m_cancelButton->setToolTip(tr("Stop the re-probe; peers found fixed so far stay marked"));
    m_cancelButton->hide();
    auto *reprobeLayout = new QHBoxLayout(m_reprobeRow);
    reprobeLayout->setContentsMargins(0, 0, 0, 0);
    reprobeLayout->addWidget(m_lettersButton);
    reprobeLayout->addWidget(m_reprobeButton);
    reprobeLayout->addWidget(m_progress, 1);
    reprobeLayout->addWidget(m_cancelButton);
    reprobeLayout->addStretch(1);
    reprobeLayout->addWidget(m_startButton);
    m_reprobeRow->hide();
    auto *peerContent = new QWidget;
    auto *peerLayout = new QVBoxLayout(peerContent);
    peerLayout->setContentsMargins(0, 0, 0, 0);
    peerLayout->addWidget(m_reprobeRow);
    peerLayout->addWidget(m_peerTable, 1);
    m_peerCard = DashboardCards::make(
        QStringLiteral("campaignPeersCard"), tr("Failing peers"),
        tr("Every peer that failed during the chosen campaign's window, one row per direction: whether it is "
           "still failing, was written to, was fixed (seen encrypted in the logs since, or confirmed by a "
           "re-probe) or is still plaintext; what failed, when, and who corresponds with it on both sides. "
           "Enter or a double-click opens the peer."),
        peerContent, QStringLiteral("mailtls-campaign-peers"), [this] { return peersCsv(); }, nullptr, this);

    m_chart = new CampaignProgressChart;
    m_chart->setObjectName(QStringLiteral("campaignProgressChart"));
    m_chartCard = DashboardCards::make(
        QStringLiteral("campaignProgressCard"), tr("Progress"),
        tr("How many of the campaign's failing peers were fixed since the window started (solid), how many "
           "are not yet (hatched), and how many letters were sent (dashed)."),
        m_chart, QStringLiteral("mailtls-campaign-progress"), {}, m_chart->chartView(), this);

    // The list and the chart share the top; the peers' many columns get the
    // whole width below.
    m_topSplitter = new QSplitter(Qt::Horizontal);
    m_topSplitter->setObjectName(QStringLiteral("campaignTopSplitter"));
    m_topSplitter->setChildrenCollapsible(false);
    m_topSplitter->addWidget(m_campaignCard);
    m_topSplitter->addWidget(m_chartCard);
    m_topSplitter->setStretchFactor(0, 1);
    m_topSplitter->setStretchFactor(1, 1);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("campaignSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_topSplitter);
    m_splitter->addWidget(m_peerCard);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    setTabOrder(m_campaignTable, m_lettersButton);
    setTabOrder(m_lettersButton, m_reprobeButton);
    setTabOrder(m_reprobeButton, m_peerTable);

    connect(m_campaignTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CampaignPage::campaignChosen);
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_settings.setViewValue(View, SplitterKey, m_splitter->saveState()); });
    connect(m_topSplitter, &QSplitter::splitterMoved, this,
            [this] { m_settings.setViewValue(View, TopSplitterKey, m_topSplitter->saveState()); });
    for (QTableView *table : {m_campaignTable, m_peerTable}) {
        const QString key = table == m_campaignTable ? CampaignHeaderKey : PeerHeaderKey;
        const auto save = [this, table, key] { HeaderState::save(table, m_settings, View, key); };
        QHeaderView *header = table->horizontalHeader();
        connect(header, &QHeaderView::sectionResized, this, save);
        connect(header, &QHeaderView::sectionMoved, this, save);
        connect(header, &QHeaderView::sortIndicatorChanged, this, save);
    }
    return content;
}

void CampaignPage::restoreState()
{
    m_shownId = m_settings.viewValue(View, CampaignKey, 0).toLongLong();
    const QByteArray splitter = m_settings.viewValue(View, SplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray lower = m_settings.viewValue(View, TopSplitterKey).toByteArray();
    if (!lower.isEmpty())
        m_topSplitter->restoreState(lower);
    m_campaignHeaderRestored = HeaderState::restore(m_campaignTable, m_settings, View, CampaignHeaderKey);
    m_peerHeaderRestored = HeaderState::restore(m_peerTable, m_settings, View, PeerHeaderKey);
}

void CampaignPage::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    tick();
}

qint64 CampaignPage::now() const
{
    return m_clock();
}

const Campaign *CampaignPage::campaign() const
{
    return m_campaigns->campaign(m_campaigns->rowOf(m_shownId));
}

QWidget *CampaignPage::emptyState() const
{
    return m_empty;
}

bool CampaignPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

void CampaignPage::showCampaign(qint64 id)
{
    if (id == m_shownId && m_loadedOnce)
        return;
    m_shownId = id;
    m_settings.setViewValue(View, CampaignKey, id);
    if (!m_reprobe || !m_reprobe->isRunning())
        m_reprobeResult.clear();
    refresh();
}

QString CampaignPage::peersCsv() const
{
    const Campaign *shown = campaign();
    if (!shown)
        return QString();
    QList<CampaignPeerRow> rows;
    for (int r = 0; r < m_peerProxy->rowCount(); ++r)
        rows << m_peers->rows().at(m_peerProxy->mapToSource(m_peerProxy->index(r, 0)).row());
    return CampaignCsv::peers(*shown, rows, m_chart->fixed(), m_chart->total(), now());
}

void CampaignPage::refresh()
{
    m_refresh->clear();
    const quint64 generation = ++m_generation;
    const qint64 wanted = m_shownId;
    m_context->runner()->run<CampaignPageData>(
        this, QStringLiteral("campaigns"),
        [wanted](TrafficStore &store, QString *error) { return CampaignReader::read(store, wanted, error); },
        [this, generation](const CampaignPageData &data, const QString &error) { apply(generation, data, error); });
    updateNotes();
}

void CampaignPage::apply(quint64 generation, const CampaignPageData &data, const QString &error)
{
    if (generation != m_generation)
        return;
    m_loadedOnce = true;
    if (!error.isEmpty()) {
        // What is shown stays: older, not wrong.
        m_error = error;
        updateNotes();
        emit loaded();
        return;
    }
    m_error.clear();
    m_applying = true;
    m_campaigns->setNow(now());
    m_campaigns->setCampaigns(data.campaigns);
    m_shownId = data.shownId;
    m_letters = data.letters;
    m_peers->setRows(data.peers);
    // Until the user sizes the columns, they fit what the first rows hold.
    if (!m_campaignHeaderRestored && m_campaigns->rowCount() > 0) {
        m_campaignHeaderRestored = true;
        m_campaignTable->resizeColumnsToContents();
    }
    if (!m_peerHeaderRestored && m_peers->rowCount() > 0) {
        m_peerHeaderRestored = true;
        m_peerTable->resizeColumnsToContents();
        // A long reason or address list is read in its tooltip.
        for (int column = 0; column < CampaignPeerModel::ColumnCount; ++column)
            m_peerTable->setColumnWidth(column, std::min(m_peerTable->columnWidth(column), MaxColumnWidth));
    }
    const int row = m_campaigns->rowOf(m_shownId);
    if (row >= 0) {
        const QModelIndex index = m_campaignProxy->mapFromSource(m_campaigns->index(row, 0));
        m_campaignTable->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_applying = false;
    m_stack->setCurrentWidget(data.campaigns.isEmpty() ? m_empty : m_content);
    updateChart();
    updateReprobe();
    emit loaded();
}

void CampaignPage::campaignChosen()
{
    if (m_applying)
        return;
    const QModelIndex current = m_campaignTable->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(CampaignListModel::IdRole).toLongLong();
    if (id != m_shownId)
        showCampaign(id);
}

void CampaignPage::tick()
{
    m_campaigns->setNow(now());
    updateChart();
}

void CampaignPage::updateChart()
{
    const Campaign *shown = campaign();
    if (!shown) {
        m_chart->clear();
        return;
    }
    QList<qint64> sent;
    for (const CampaignLetter &letter : m_letters)
        if (letter.delivery == QLatin1String("smtp") || letter.delivery == QLatin1String("mailer"))
            sent << letter.at;
    m_chart->setProgress(shown->windowStart, m_peers->rows(), sent, now());
}

void CampaignPage::updateNotes()
{
    QString peers;
    QString list;
    if (!m_error.isEmpty()) {
        list = peers = tr("The campaigns cannot be read: %1").arg(m_error);
    } else if (!m_loadedOnce) {
        list = peers = DashboardCards::loadingNote();
    } else if (const Campaign *shown = campaign()) {
        if (m_peers->rowCount() == 0)
            peers = shown->gatheredAt ? tr("No peer failed during this window.")
                                      : tr("The failing peers have not been gathered from the logs yet.");
        else
            peers = tr("Campaign “%1”: %2").arg(shown->name, CampaignCsv::progress(m_chart->fixed(), m_chart->total()));
        if (!m_reprobeResult.isEmpty())
            peers += QLatin1Char('\n') + m_reprobeResult;
    }
    m_campaignCard->setNote(list);
    m_peerCard->setNote(peers);
    m_chartCard->setNote(m_error.isEmpty() ? QString() : list);
}

void CampaignPage::setProbeService(ProbeService *service)
{
    if (m_reprobe || !service)
        return;
    m_reprobe = new CampaignReprobe(service, this);
    connect(m_cancelButton, &QPushButton::clicked, m_reprobe, &CampaignReprobe::cancel);
    connect(m_reprobe, &CampaignReprobe::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_reprobe, &CampaignReprobe::finished, this,
            [this](int probed, int fixed, int still, bool cancelled, const QString &error) {
                if (!error.isEmpty())
                    m_reprobeResult = tr("A fix found by the re-probe could not be recorded: %1").arg(error);
                else if (cancelled)
                    m_reprobeResult
                        = tr("Re-probe cancelled after %n peer(s): %1 fixed, %2 still without TLS.", nullptr, probed)
                              .arg(fixed)
                              .arg(still);
                else
                    m_reprobeResult = tr("Re-probed %n peer(s): %1 fixed, %2 still without TLS.", nullptr, probed)
                                          .arg(fixed)
                                          .arg(still);
                updateReprobe();
                emit reprobeFinished();
                m_context->notifyDataChanged();
            });
    updateReprobe();
}

void CampaignPage::reprobeRemaining()
{
    const Campaign *shown = campaign();
    if (!m_reprobe || !shown || m_reprobe->isRunning())
        return;
    m_reprobeResult.clear();
    if (!m_reprobe->start(m_context->storePath(), shown->id, m_peers->rows()))
        m_reprobeResult = tr("Every peer of this campaign is fixed: there is nothing to re-probe.");
    updateReprobe();
}

void CampaignPage::showLetters()
{
    const Campaign *shown = campaign();
    if (!shown)
        return;
    if (m_lettersDialog && m_lettersDialog->property("campaign").toLongLong() != shown->id)
        m_lettersDialog->close();
    if (!m_lettersDialog) {
        m_lettersDialog = new CampaignLettersDialog(m_context->storePath(), *shown, this);
        m_lettersDialog->setProperty("campaign", shown->id);
        m_lettersDialog->setAttribute(Qt::WA_DeleteOnClose);
        // Exported letters show in the peers' rows.
        connect(m_lettersDialog, &CampaignLettersDialog::exported, m_context, &DashboardContext::notifyDataChanged);
        connect(m_lettersDialog, &CampaignLettersDialog::sent, m_context, &DashboardContext::notifyDataChanged);
    }
    m_lettersDialog->show();
    m_lettersDialog->raise();
    m_lettersDialog->activateWindow();
}

CampaignStartDialog *CampaignPage::showStart()
{
    if (!m_startDialog) {
        m_startDialog = new CampaignStartDialog(m_context->storePath(), this);
        m_startDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_startDialog, &CampaignStartDialog::started, m_context, &DashboardContext::notifyDataChanged);
    }
    m_startDialog->show();
    m_startDialog->raise();
    m_startDialog->activateWindow();
    return m_startDialog;
}

void CampaignPage::updateReprobe()
{
    const bool running = m_reprobe && m_reprobe->isRunning();
    m_reprobeRow->setVisible(campaign() != nullptr);
    m_reprobeButton->setVisible(m_reprobe != nullptr);
    m_reprobeButton->setEnabled(!running && campaign() && m_peers->rowCount() > 0);
    m_lettersButton->setEnabled(campaign() && m_peers->rowCount() > 0);
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    updateNotes();
}

void CampaignPage::probeSelected()
{
    const QModelIndexList rows = m_peerTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (const std::optional<ProbeTarget> target
        = PeerProbeTarget::of(rows.first().data(CampaignPeerModel::PeerRole).toString()))
        emit probeRequested(*target);
}

} // namespace mailtls
