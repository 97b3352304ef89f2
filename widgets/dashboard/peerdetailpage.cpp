#include "widgets/dashboard/peerdetailpage.h"

#include <algorithm>

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "models/domains/registrabledomain.h"
#include "models/itemmodels/correspondentmodel.h"
#include "models/itemmodels/peerconnectionmodel.h"
#include "models/itemmodels/peerfailuremodel.h"
#include "models/itemmodels/probehistorymodel.h"
#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"
#include "models/settings/settings.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/headerstate.h"
#include "widgets/dashboard/peerfigurespanel.h"
#include "widgets/dashboard/provenanceview.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/recordmarkproxymodel.h"
#include "widgets/dashboard/trendchart.h"
#include "widgets/dashboard/trendpanel.h"
#include "widgets/dashboard/pagerefresh.h"
#include "widgets/probe/peerprobetarget.h"
#include "widgets/probe/verdictmarkproxymodel.h"

namespace mailtls {

namespace {

const QString settingsView = QStringLiteral("peerDetail");
const QString measureKey = QStringLiteral("timelineMeasure");
const QString connectionsKey = QStringLiteral("connectionsHeader");
const QString failuresKey = QStringLiteral("failuresHeader");
const QString correspondentsKey = QStringLiteral("correspondentsHeader");
const QString splitterKey = QStringLiteral("splitter");
const QString tablesSplitterKey = QStringLiteral("tablesSplitter");
const QString sideSplitterKey = QStringLiteral("sideSplitter");

} // namespace

PeerDetailPage::PeerDetailPage(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_contextDirection(context->direction())
    , m_groupBy(context->groupBy())
{
    setObjectName(QStringLiteral("peerDetailPage"));
    setAccessibleName(tr("Peer detail"));

    QWidget *header = buildHeader();
    buildFigures();
    buildTimeline();
    buildConnections();
    buildFailures();
    buildCorrespondents();
    buildProbes();

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_figuresCard);
    topLayout->addWidget(m_timelineCard, 1);

    m_sideSplitter = new QSplitter(Qt::Vertical);
    m_sideSplitter->setObjectName(QStringLiteral("peerDetailSideSplitter"));
    m_sideSplitter->addWidget(m_failuresCard);
    m_sideSplitter->addWidget(m_correspondentsCard);
    m_sideSplitter->addWidget(m_probesCard);
    m_tablesSplitter = new QSplitter(Qt::Horizontal);
    m_tablesSplitter->setObjectName(QStringLiteral("peerDetailTablesSplitter"));
    m_tablesSplitter->addWidget(m_connectionsCard);
    m_tablesSplitter->addWidget(m_sideSplitter);
    m_tablesSplitter->setStretchFactor(0, 3);
    m_tablesSplitter->setStretchFactor(1, 2);
    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("peerDetailSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_tablesSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    for (QSplitter *splitter : {m_splitter, m_tablesSplitter, m_sideSplitter})
        splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_backButton, m_allDirections);
    setTabOrder(m_allDirections, m_probeButton);
    setTabOrder(m_probeButton, m_measureBox);
    setTabOrder(m_measureBox, m_connectionsView);
    setTabOrder(m_connectionsView, m_failuresView);
    setTabOrder(m_failuresView, m_correspondentsView);
    setTabOrder(m_correspondentsView, m_probesView);

    restoreState();

    m_refresh = new PageRefresh(this, [this] { refresh(); });
    connect(m_context, &DashboardContext::storeChanged, this, [this] {
        clearShown();
        contextChanged();
    });
    connect(m_context, &DashboardContext::filterChanged, this, [this] {
        // The filter bar picked a direction: it now decides, not the row the
        // page was opened from.
        if (m_context->direction() != m_contextDirection) {
            m_contextDirection = m_context->direction();
            m_direction.reset();
        }
        followGrouping();
        updateHeader();
        contextChanged();
    });
    connect(m_context, &DashboardContext::dataChanged, this, &PeerDetailPage::contextChanged);

    updateHeader();
    updateActions();
}

PeerDetailPage::~PeerDetailPage()
{
    saveState();
}

QWidget *PeerDetailPage::buildHeader()
{
    auto *header = new QWidget;
    m_backAction = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this);
    m_backAction->setObjectName(QStringLiteral("peerDetailBack"));
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Back);
    const QKeySequence altLeft(Qt::ALT | Qt::Key_Left);
    if (!keys.contains(altLeft))
        keys.prepend(altLeft);
    const QKeySequence backspace(Qt::Key_Backspace);
    if (!keys.contains(backspace))
        keys << backspace;
    m_backAction->setShortcuts(keys);
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction->setToolTip(
        tr("Back to the list this peer was opened from (%1)").arg(altLeft.toString(QKeySequence::NativeText)));
    addAction(m_backAction);
    connect(m_backAction, &QAction::triggered, this, &PeerDetailPage::backRequested);

    m_backButton = new QToolButton(header);
    m_backButton->setDefaultAction(m_backAction);
    m_backButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_backButton->setAutoRaise(true);
    m_backButton->setAccessibleName(tr("Back"));

    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("peerDetailTitle"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Peer"));

    m_scope = new QLabel(header);
    m_scope->setObjectName(QStringLiteral("peerDetailScope"));
    m_scope->setForegroundRole(QPalette::PlaceholderText);

    m_allDirections = new QToolButton(header);
    m_allDirections->setText(tr("Show &all directions"));
    m_allDirections->setToolTip(tr("Show this peer's mail in every direction the filter bar selects"));
    m_allDirections->setAutoRaise(true);
    connect(m_allDirections, &QToolButton::clicked, this, &PeerDetailPage::showAllDirections);

    m_probeAction = new QAction(QIcon::fromTheme(QStringLiteral("system-search")), tr("P&robe"), this);
    m_probeAction->setObjectName(QStringLiteral("peerDetailProbe"));
    m_probeAction->setToolTip(tr("Ask this peer's mail servers what they offer: STARTTLS, TLS versions, "
                                 "certificate, Diffie-Hellman group"));
    connect(m_probeAction, &QAction::triggered, this, &PeerDetailPage::probePeer);
    m_probeButton = new QToolButton(header);
    m_probeButton->setObjectName(QStringLiteral("peerDetailProbeButton"));
    m_probeButton->setDefaultAction(m_probeAction);
    m_probeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_probeButton->setAccessibleName(tr("Probe this peer"));

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_backButton);
    layout->addSpacing(12);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    layout->addWidget(m_scope);
    layout->addWidget(m_allDirections);
    layout->addStretch(1);
    layout->addWidget(m_probeButton);
    return header;
}

void PeerDetailPage::buildFigures()
{
    m_figures = new PeerFiguresPanel;
    m_figuresCard = DashboardCards::make(
        QStringLiteral("peerFiguresCard"), tr("Figures"),
        tr("This peer's mail per direction over the range: messages, the share encrypted, bytes, connections "
           "and failed TLS attempts, the TLS versions and certificate trust its encrypted connections had, "
           "and when it was last seen. Hover over a figure for its exact numbers."),
        m_figures, QStringLiteral("mailtls-peer"),
        [this] { return csv(DashboardCsv::PeerPart::Figures); }, m_figures);
}

void PeerDetailPage::buildTimeline()
{
    auto *panel = new TrendPanel(settingsView, measureKey, tr("S&how:"));
    m_timeline = panel->chart();
    m_timeline->setObjectName(QStringLiteral("peerTimeline"));
    m_timeline->setMinimumHeight(180);
    m_measureBox = panel->measureBox();
    m_measureBox->setObjectName(QStringLiteral("peerTimelineMeasure"));
    m_measureBox->setAccessibleName(tr("Timeline measure"));
    m_measureBox->setToolTip(tr("Show the timeline in messages or in bytes"));
    m_timelineCard = DashboardCards::make(
        QStringLiteral("peerTimelineCard"), tr("Encrypted and plaintext mail over time"),
        tr("This peer's messages (or bytes) per hour or per day, in UTC: encrypted and plaintext stacked, TLS "
           "failures as a line on the right-hand axis. Ranges of up to 72 hours are shown per hour."),
        panel, QStringLiteral("mailtls-peer-timeline"),
        [this] { return csv(DashboardCsv::PeerPart::Timeline); }, m_timeline->chartView());
}

QTableView *PeerDetailPage::makeView(QAbstractItemModel *model, RecordMarkProxyModel *proxy, const QString &name,
                                     int sortColumn, Qt::SortOrder order)
{
    proxy->setSourceModel(model);
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(sortColumn, order);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    // Tab moves on to the next control instead of the next cell.
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    proxy->setPalette(view->palette());
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeerDetailPage::updateActions);
    connect(proxy, &QAbstractItemModel::modelReset, this, &PeerDetailPage::updateActions);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &PeerDetailPage::updateActions);
    return view;
}

QAction *PeerDetailPage::makeLogLinesAction(QTableView *view)
{
    auto *action = new QAction(tr("Show &log lines"), view);
    action->setIcon(QIcon::fromTheme(QStringLiteral("text-x-generic")));
    action->setToolTip(tr("Show the log lines this record was read from (Enter)"));
    view->addAction(action);
    connect(action, &QAction::triggered, this, [this, view] { openLogLines(view); });
    connect(view, &QAbstractItemView::activated, this,
            [this, view](const QModelIndex &index) { openLogLinesAt(view, index); });
    return action;
}

QWidget *PeerDetailPage::withLogLinesButton(QTableView *view, QAction *action)
{
    auto *box = new QWidget;
    auto *button = new QToolButton(box);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(action->text().remove(QLatin1Char('&')));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(button);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    return box;
}

void PeerDetailPage::buildConnections()
{
    m_connectionModel = new PeerConnectionModel(this);
    m_connectionProxy = new RecordMarkProxyModel(this);
    m_connectionProxy->setMarkColumn(PeerConnectionModel::EncryptionColumn);
    m_connectionsView = makeView(m_connectionModel, m_connectionProxy, QStringLiteral("peerConnections"),
                                 PeerConnectionModel::TimeColumn, Qt::DescendingOrder);
    m_connectionsView->setAccessibleName(tr("Connections"));
    m_connectionLines = makeLogLinesAction(m_connectionsView);
    m_connectionLines->setObjectName(QStringLiteral("connectionLogLines"));
    m_connectionsCard = DashboardCards::make(
        QStringLiteral("peerConnectionsCard"), tr("Connections"),
        tr("This peer's SMTP connections, newest first: when, which host and address, whether they used TLS "
           "and with which protocol, cipher suite, key exchange and certificate trust. Enter on a row shows "
           "the log lines behind it."),
        withLogLinesButton(m_connectionsView, m_connectionLines), QStringLiteral("mailtls-peer-connections"),
        [this] { return csv(DashboardCsv::PeerPart::Connections); }, m_connectionsView);
}

void PeerDetailPage::buildFailures()
{
    m_failureModel = new PeerFailureModel(this);
    m_failureProxy = new RecordMarkProxyModel(this);
    m_failureProxy->setMarkColumn(PeerFailureModel::ProblemColumn);
    m_failuresView = makeView(m_failureModel, m_failureProxy, QStringLiteral("peerFailures"),
                              PeerFailureModel::TimeColumn, Qt::DescendingOrder);
    m_failuresView->setAccessibleName(tr("TLS failures"));
    m_failureLines = makeLogLinesAction(m_failuresView);
    m_failureLines->setObjectName(QStringLiteral("failureLogLines"));
    m_failuresCard = DashboardCards::make(
        QStringLiteral("peerFailuresCard"), tr("TLS failures"),
        tr("Failed attempts to set up TLS with this peer, newest first, with the mail server's reason. Enter "
           "on a row shows the log lines behind it."),
        withLogLinesButton(m_failuresView, m_failureLines), QStringLiteral("mailtls-peer-tls-failures"),
        [this] { return csv(DashboardCsv::PeerPart::Failures); }, m_failuresView);
}

void PeerDetailPage::buildCorrespondents()
{
    m_correspondentModel = new CorrespondentModel(this);
    m_correspondentProxy = new RecordMarkProxyModel(this);
    m_correspondentsView = makeView(m_correspondentModel, m_correspondentProxy, QStringLiteral("peerCorrespondents"),
                                    CorrespondentModel::MessagesColumn, Qt::DescendingOrder);
    m_correspondentsView->setAccessibleName(tr("Correspondents"));
    m_correspondentsCard = DashboardCards::make(
        QStringLiteral("peerCorrespondentsCard"), tr("Correspondents"),
        tr("The envelope addresses that exchanged mail with this peer, most messages first: ours (senders of "
           "outbound mail) and theirs (its senders, and the recipients of our mail to it). The recipients of "
           "inbound mail are not in the logs' records, so inbound mail names their side only."),
        m_correspondentsView, QStringLiteral("mailtls-peer-correspondents"),
        [this] { return csv(DashboardCsv::PeerPart::Correspondents); }, m_correspondentsView);
}

void PeerDetailPage::buildProbes()
{
    m_probeModel = new ProbeHistoryModel(this);
    m_probeProxy = new VerdictMarkProxyModel(ProbeHistoryModel::VerdictColumn, ProbeHistoryModel::VerdictRole, this);
    m_probeProxy->setSourceModel(m_probeModel);
    m_probesView = new QTableView;
    m_probesView->setObjectName(QStringLiteral("peerProbes"));
    m_probesView->setAccessibleName(tr("Probes"));
    m_probesView->setModel(m_probeProxy);
    m_probesView->setSortingEnabled(true);
    // The store's order, newest first, until the user sorts.
    m_probesView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_probesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_probesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_probesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_probesView->setAlternatingRowColors(true);
    m_probesView->setWordWrap(false);
    m_probesView->setTabKeyNavigation(false);
    m_probesView->verticalHeader()->hide();
    m_probesView->horizontalHeader()->setStretchLastSection(true);
    m_probesView->horizontalHeader()->setHighlightSections(false);
    m_probeProxy->setPalette(m_probesView->palette());
    connect(m_probesView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(KeyedTableModel::RecordIdRole).toLongLong();
        if (id > 0)
            emit probeReportRequested(id);
    });
    m_probesCard = new DashboardCard(
        tr("Probes"),
        tr("This peer's probes kept in the store, newest first: what its mail servers offered when asked. Enter or "
           "a double-click opens one on the Probe page; Probe asks them again."));
    m_probesCard->setObjectName(QStringLiteral("peerProbesCard"));
    m_probesCard->setContent(m_probesView);
}

void PeerDetailPage::refreshProbes()
{
    if (m_peer.isEmpty())
        return;
    const QString peer = m_peer;
    const bool byDomain = m_context->groupBy() == ReportFilter::GroupBy::Domain;
    m_context->runner()->run<QList<ProbeSummary>>(
        this, QStringLiteral("peerProbes"),
        [peer, byDomain](TrafficStore &store, QString *error) { return store.probeHistory(peer, byDomain, 50, error); },
        [this, peer](const QList<ProbeSummary> &probes, const QString &error) {
            if (peer != m_peer)
                return;
            if (!error.isEmpty()) {
                m_probesCard->setNote(DashboardCards::unreadableNote(error));
            } else {
                m_probeModel->setProbes(probes);
                m_probesCard->setNote(probes.isEmpty() ? tr("Never probed. Probe asks its mail servers what they "
                                                            "offer.")
                                                       : QString());
            }
            emit probesLoaded();
        });
}

void PeerDetailPage::probePeer()
{
    if (const std::optional<ProbeTarget> target = PeerProbeTarget::of(m_peer))
        emit probeRequested(*target);
}

void PeerDetailPage::showPeer(const QString &peer, std::optional<Direction> direction)
{
    const bool samePeer = peer == m_peer && direction == m_direction;
    m_peer = peer;
    m_direction = direction;
    m_contextDirection = m_context->direction();
    m_groupBy = m_context->groupBy();
    m_hostBeforeDomain.clear();
    if (!samePeer) {
        clearShown();
        emit peerChanged(m_peer);
    }
    updateHeader();
    refresh();
}

void PeerDetailPage::showAllDirections()
{
    if (!m_direction)
        return;
    m_direction.reset();
    updateHeader();
    setNotes(DashboardCards::loadingNote());
    refresh();
}

void PeerDetailPage::followGrouping()
{
    const ReportFilter::GroupBy groupBy = m_context->groupBy();
    if (groupBy == m_groupBy)
        return;
    m_groupBy = groupBy;
    if (m_peer.isEmpty())
        return;
    QString renamed = m_peer;
    if (groupBy == ReportFilter::GroupBy::Domain) {
        m_hostBeforeDomain = m_peer;
        renamed = RegistrableDomain::of(m_peer);
    } else if (!m_hostBeforeDomain.isEmpty() && RegistrableDomain::of(m_hostBeforeDomain) == m_peer) {
        renamed = m_hostBeforeDomain;
    }
    if (groupBy == ReportFilter::GroupBy::Host)
        m_hostBeforeDomain.clear();
    if (renamed != m_peer) {
        m_peer = renamed;
        clearShown();
        emit peerChanged(m_peer);
    }
}

void PeerDetailPage::contextChanged()
{
    if (m_peer.isEmpty())
        return;
    m_refresh->request();
}

void PeerDetailPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_connectionProxy) {
        m_connectionProxy->setPalette(palette());
        m_failureProxy->setPalette(palette());
        m_probeProxy->setPalette(palette());
    }
}

ReportFilter PeerDetailPage::queryFilter() const
{
    ReportFilter filter = m_context->filter();
    if (m_direction && (filter.directions.isEmpty() || filter.directions.contains(*m_direction)))
        filter.directions = {*m_direction};
    return filter;
}

void PeerDetailPage::refresh()
{
    m_refresh->clear();
    if (m_peer.isEmpty())
        return;
    // First: the queries run in order, so the probes are listed by the time
    // loaded() says the page is read.
    refreshProbes();
    const ReportFilter filter = queryFilter();
    const QString peer = m_peer;
    m_context->runner()->run<PeerDetail>(
        this, QStringLiteral("peerDetail"),
        [filter, peer](TrafficStore &store, QString *error) {
            return store.peerDetail(filter, peer, PeerDetailOptions(), error);
        },
        [this, filter, peer](const PeerDetail &detail, const QString &error) {
            // A result for a peer no longer shown (the grouping renamed it
            // while the query ran) is left out; its successor is on its way.
            if (peer == m_peer)
                apply(detail, filter, error);
        });
}

void PeerDetailPage::apply(const PeerDetail &detail, const ReportFilter &filter, const QString &error)
{
    if (!error.isEmpty()) {
        setNotes(DashboardCards::unreadableNote(error));
        emit loaded();
        return;
    }
    m_detail = detail;
    m_shownFilter = filter;

    m_figures->setRows(detail.rows);
    m_timeline->setTrend(detail.timeline);
    m_connectionModel->setConnections(detail.connections);
    m_failureModel->setFailures(detail.failures);
    m_correspondentModel->setCorrespondents(detail.correspondents);
    if (m_fitColumns) {
        // Once per peer: a live update must not change the widths a user
        // has set meanwhile.
        m_fitColumns = false;
        for (QTableView *view : {m_connectionsView, m_failuresView, m_correspondentsView})
            view->resizeColumnsToContents();
    }

    const PeerDetailOptions limits;
    const bool timelineEmpty =
        std::all_of(detail.timeline.points.cbegin(), detail.timeline.points.cend(), [](const TrendPoint &p) {
            return p.encryptedMessages == 0 && p.plaintextMessages == 0 && p.tlsFailures == 0;
        });
    m_figuresCard->setNote(detail.rows.isEmpty() ? tr("No mail with %1 in this range.").arg(m_peer) : QString());
    m_timelineCard->setNote(timelineEmpty ? tr("No mail in this range.") : QString());
    m_connectionsCard->setNote(detail.connections.isEmpty() ? tr("No connections in this range.")
                               : detail.connections.size() >= limits.connections
                                   ? tr("The newest %1 connections are listed.").arg(limits.connections)
                                   : QString());
    m_failuresCard->setNote(detail.failures.isEmpty() ? tr("No TLS failures in this range.")
                            : detail.failures.size() >= limits.failures
                                ? tr("The newest %1 failures are listed.").arg(limits.failures)
                                : QString());
    m_correspondentsCard->setNote(detail.correspondents.isEmpty()
                                      ? tr("No envelope addresses in this range.")
                                  : detail.correspondents.size() >= limits.correspondents
                                      ? tr("The %1 addresses with the most messages are listed.")
                                            .arg(limits.correspondents)
                                      : QString());
    updateActions();
    emit loaded();
}

void PeerDetailPage::clearShown()
{
    m_detail = PeerDetail();
    m_detail.peer = m_peer;
    m_shownFilter = ReportFilter();
    m_fitColumns = true;
    m_figures->setRows({});
    m_timeline->setTrend(TrendSeries());
    m_connectionModel->clear();
    m_failureModel->clear();
    m_correspondentModel->clear();
    m_probeModel->clear();
    setNotes(DashboardCards::loadingNote());
    updateActions();
}

void PeerDetailPage::setNotes(const QString &note)
{
    DashboardCards::setNotes(
        {m_figuresCard, m_timelineCard, m_connectionsCard, m_failuresCard, m_correspondentsCard, m_probesCard}, note);
}

void PeerDetailPage::updateHeader()
{
    m_title->setText(m_peer);
    QString directions;
    if (m_direction)
        directions = tr("%1 mail only").arg(RecordTitles::direction(*m_direction));
    else if (m_context->direction())
        directions = tr("%1 mail").arg(RecordTitles::direction(*m_context->direction()));
    else
        directions = tr("All directions");
    const QString naming = m_context->groupBy() == ReportFilter::GroupBy::Domain ? tr("hosts of this domain")
                                                                                : tr("this host");
    m_scope->setText(tr("%1 · %2 · %3").arg(m_context->rangeTitle(), directions, naming));
    m_allDirections->setVisible(m_direction.has_value());
    m_probeAction->setEnabled(!m_peer.isEmpty() && PeerProbeTarget::of(m_peer).has_value());
}

void PeerDetailPage::updateActions()
{
    m_connectionLines->setEnabled(m_connectionsView->selectionModel()->hasSelection());
    m_failureLines->setEnabled(m_failuresView->selectionModel()->hasSelection());
}

void PeerDetailPage::openLogLines(QTableView *view)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        openLogLinesAt(view, rows.first());
}

void PeerDetailPage::openLogLinesAt(QTableView *view, const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const auto *proxy = static_cast<const RecordMarkProxyModel *>(view->model());
    const int row = proxy->mapToSource(index).row();
    if (view == m_connectionsView) {
        const PeerConnection &c = m_connectionModel->connections().at(row);
        showLogLines(RecordKind::Connection, c.id,
                     tr("%1 connection with %2 (%3) at %4")
                         .arg(RecordTitles::direction(c.direction), c.host, RecordTitles::address(c.peerIp, c.port),
                              RecordTitles::time(c.time)));
    } else if (view == m_failuresView) {
        const PeerFailure &f = m_failureModel->failures().at(row);
        showLogLines(RecordKind::TlsFailure, f.id,
                     tr("%1 TLS failure with %2 (%3) at %4: %5")
                         .arg(RecordTitles::direction(f.direction), f.host, RecordTitles::address(f.peerIp, f.port),
                              RecordTitles::time(f.time), f.reason));
    }
}

ProvenanceView *PeerDetailPage::showLogLines(RecordKind kind, qint64 recordId, const QString &subject)
{
    auto *view = new ProvenanceView(m_context, kind, recordId, subject, this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

QString PeerDetailPage::csv() const
{
    return DashboardCsv::peerDetail(m_detail, m_shownFilter);
}

QString PeerDetailPage::csv(DashboardCsv::PeerPart part) const
{
    return DashboardCsv::peerDetailPart(m_detail, part, m_shownFilter);
}

void PeerDetailPage::restoreState()
{
    const Settings settings;
    HeaderState::restore(m_connectionsView, settings, settingsView, connectionsKey);
    HeaderState::restore(m_failuresView, settings, settingsView, failuresKey);
    HeaderState::restore(m_correspondentsView, settings, settingsView, correspondentsKey);
    m_splitter->restoreState(settings.viewValue(settingsView, splitterKey).toByteArray());
    m_tablesSplitter->restoreState(settings.viewValue(settingsView, tablesSplitterKey).toByteArray());
    m_sideSplitter->restoreState(settings.viewValue(settingsView, sideSplitterKey).toByteArray());
}

void PeerDetailPage::saveState() const
{
    Settings settings;
    HeaderState::save(m_connectionsView, settings, settingsView, connectionsKey);
    HeaderState::save(m_failuresView, settings, settingsView, failuresKey);
    HeaderState::save(m_correspondentsView, settings, settingsView, correspondentsKey);
    settings.setViewValue(settingsView, splitterKey, m_splitter->saveState());
    settings.setViewValue(settingsView, tablesSplitterKey, m_tablesSplitter->saveState());
    settings.setViewValue(settingsView, sideSplitterKey, m_sideSplitter->saveState());
}

} // namespace mailtls
