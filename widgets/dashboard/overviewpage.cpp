#include "widgets/dashboard/overviewpage.h"

#include <algorithm>

#include <QChartView>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/plaintextpeermodel.h"
#include "models/itemmodels/recentfailuremodel.h"
#include "models/report/dashboardcsv.h"
#include "models/store/tlsloggingcheck.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/peeractivation.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/sharewidget.h"
#include "widgets/dashboard/trendchart.h"
#include "widgets/dashboard/trendpanel.h"
#include "widgets/dashboard/pagerefresh.h"

namespace mailtls {

namespace {

const QString settingsView = QStringLiteral("overview");
const QString measureKey = QStringLiteral("trendMeasure");

} // namespace

OverviewPage::OverviewPage(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("overviewPage"));
    setAccessibleName(tr("Overview"));

    buildBanner();
    buildShares();
    buildTrend();
    buildTopPeers();
    buildFailures();

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->addWidget(m_banner, 0, 0, 1, 2);
    grid->addWidget(m_sharesCard, 1, 0, 1, 2);
    grid->addWidget(m_trendCard, 2, 0, 1, 2);
    grid->addWidget(m_topPeersCard, 3, 0);
    grid->addWidget(m_failuresCard, 3, 1);
    grid->setRowStretch(2, 3);
    grid->setRowStretch(3, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    setTabOrder(m_measureBox, m_topPeersView);
    setTabOrder(m_topPeersView, m_failuresView);

    auto *gate = new PageRefresh(this, [this] { refresh(); });
    connect(m_context, &DashboardContext::storeChanged, this, [this, gate] {
        setNotes(DashboardCards::loadingNote());
        gate->request();
    });
    connect(m_context, &DashboardContext::filterChanged, gate, &PageRefresh::request);
    connect(m_context, &DashboardContext::dataChanged, gate, &PageRefresh::request);

    setNotes(DashboardCards::loadingNote());
    if (!m_context->storePath().isEmpty())
        refresh();
}

void OverviewPage::buildBanner()
{
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("tlsLoggingBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Your mail server does not log TLS"));
    auto *icon = new QLabel(m_banner);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("tlsLoggingText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setForegroundRole(QPalette::ToolTipText);
    auto *layout = new QHBoxLayout(m_banner);
    layout->addWidget(icon);
    layout->addWidget(m_bannerText, 1);
    m_banner->hide();
}

void OverviewPage::buildShares()
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(24);
    for (Direction direction : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        auto *share = new ShareWidget(direction, row);
        share->setObjectName(QStringLiteral("share-") + directionName(direction));
        m_shareWidgets.insert(direction, share);
        layout->addWidget(share, 1);
    }
    m_sharesCard = DashboardCards::make(
        QStringLiteral("sharesCard"), tr("Encrypted share"),
        tr("How much of the mail in this range was encrypted, by messages and by bytes, for each "
           "direction apart. Hover over a direction for what its figures count."),
        row, QStringLiteral("mailtls-overview-shares"),
        [this] { return DashboardCsv::shares(m_figures.shares, m_filter); }, row);
}

void OverviewPage::buildTrend()
{
    auto *panel = new TrendPanel(settingsView, measureKey, tr("&Show:"));
    m_trendChart = panel->chart();
    m_measureBox = panel->measureBox();
    m_measureBox->setObjectName(QStringLiteral("trendMeasure"));
    m_measureBox->setAccessibleName(tr("Trend measure"));
    m_measureBox->setToolTip(tr("Show the trend in messages or in bytes"));
    m_trendCard = DashboardCards::make(
        QStringLiteral("trendCard"), tr("Encrypted and plaintext mail over time"),
        tr("Messages (or bytes) per hour or per day, in UTC: encrypted and plaintext stacked, TLS failures "
           "as a line on the right-hand axis. Ranges of up to 72 hours are shown per hour."),
        panel, QStringLiteral("mailtls-overview-trend"),
        [this] { return DashboardCsv::trend(m_figures.trend, m_filter); }, m_trendChart->chartView());
}

QTableView *OverviewPage::makeView(QSortFilterProxyModel *proxy, const QString &name)
{
    proxy->setSortRole(PlaintextPeerModel::SortRole);
    auto *view = new QTableView;
    view->setModel(proxy);
    view->setAccessibleName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    // The query's order (most plaintext first, newest first) until the user
    // sorts by a column.
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    view->setMinimumHeight(160);
    PeerActivation::onActivated(view, this,
                                [this](const QString &peer, Direction direction) { emit peerActivated(peer, direction); });
    return view;
}

void OverviewPage::buildTopPeers()
{
    m_topPeersModel = new PlaintextPeerModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_topPeersModel);
    m_topPeersView = makeView(proxy, tr("Top plaintext peers"));
    m_topPeersView->setObjectName(QStringLiteral("topPeersView"));
    m_topPeersCard = DashboardCards::make(
        QStringLiteral("topPeersCard"), tr("Top plaintext peers"),
        tr("The peers that exchanged the most messages with you without encryption in this range. Press "
           "Enter or double-click a peer for its details."),
        m_topPeersView, QStringLiteral("mailtls-overview-plaintext-peers"),
        [this] { return DashboardCsv::topPlaintextPeers(m_figures.topPlaintextPeers, m_filter); }, m_topPeersView);
}

void OverviewPage::buildFailures()
{
    m_failuresModel = new RecentFailureModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_failuresModel);
    m_failuresView = makeView(proxy, tr("Recent TLS failures"));
    m_failuresView->setObjectName(QStringLiteral("failuresView"));
    m_failuresCard = DashboardCards::make(
        QStringLiteral("failuresCard"), tr("Recent TLS failures"),
        tr("The latest failed TLS attempts in this range, newest first: a peer that could not start TLS, "
           "rejected a certificate, or offered too small a DH key. Press Enter or double-click a failure "
           "for the peer's details."),
        m_failuresView, QStringLiteral("mailtls-overview-tls-failures"),
        [this] { return DashboardCsv::recentFailures(m_figures.recentFailures, m_filter); }, m_failuresView);
}

void OverviewPage::refresh()
{
    const DashboardContext::Selection selection = m_context->selection();
    const ReportFilter filter = m_context->filterFor(selection);
    const auto figuresOf = [](const ReportFilter &query) {
        return [query](TrafficStore &store, QString *error) { return store.overview(query, OverviewOptions(), error); };
    };
    QueryRunner *runner = m_context->runner();
    runner->clearPrefetches();
    runner->runCached<OverviewFigures>(
        this, QStringLiteral("overview"), m_context->cacheKey(selection), figuresOf(filter),
        [this, filter, selection, figuresOf](const OverviewFigures &figures, const QString &error) {
            apply(figures, filter, error);
            if (!error.isEmpty())
                return;
            // What the user may pick next is read while they look at this:
            // the other directions, ranges and grouping.
            QList<DashboardContext::Selection> next;
            for (std::optional<Direction> direction : {std::optional<Direction>(), std::optional(Direction::Inbound),
                                                       std::optional(Direction::Outbound),
                                                       std::optional(Direction::Submission)}) {
                if (direction != selection.direction)
                    next.append(DashboardContext::Selection {selection.range, direction, selection.groupBy});
            }
            next += DashboardContext::neighbours(selection);
            for (const DashboardContext::Selection &s : std::as_const(next))
                m_context->runner()->prefetch<OverviewFigures>(QStringLiteral("overview"), m_context->cacheKey(s),
                                                               figuresOf(m_context->filterFor(s)));
        });
}

void OverviewPage::apply(const OverviewFigures &figures, const ReportFilter &filter, const QString &error)
{
    if (!error.isEmpty()) {
        setNotes(DashboardCards::unreadableNote(error));
        emit loaded();
        return;
    }
    m_figures = figures;
    m_filter = filter;

    bool anyMail = false;
    for (ShareWidget *widget : std::as_const(m_shareWidgets)) {
        const auto it = std::find_if(figures.shares.cbegin(), figures.shares.cend(),
                                     [widget](const DirectionShare &s) { return s.direction == widget->direction(); });
        widget->setVisible(it != figures.shares.cend());
        DirectionShare share;
        share.direction = widget->direction();
        if (it != figures.shares.cend()) {
            share = *it;
            anyMail = anyMail || share.messages > 0 || share.connections > 0 || share.tlsFailures > 0;
        }
        widget->setShare(share);
    }
    m_trendChart->setTrend(figures.trend);
    m_topPeersModel->setPeers(figures.topPlaintextPeers);
    m_failuresModel->setFailures(figures.recentFailures);
    showBanner(figures.tlsLogging);

    const bool trendEmpty = std::all_of(figures.trend.points.cbegin(), figures.trend.points.cend(), [](const TrendPoint &p) {
        return p.encryptedMessages == 0 && p.plaintextMessages == 0 && p.tlsFailures == 0;
    });
    m_sharesCard->setNote(anyMail ? QString() : tr("No mail in this range."));
    m_trendCard->setNote(trendEmpty ? tr("No mail in this range.") : QString());
    m_topPeersCard->setNote(figures.topPlaintextPeers.isEmpty() ? tr("No plaintext mail in this range.")
                                                                : QString());
    m_failuresCard->setNote(figures.recentFailures.isEmpty() ? tr("No TLS failures in this range.") : QString());
    emit loaded();
}

void OverviewPage::showBanner(const QList<TlsLoggingEvidence> &evidence)
{
    QStringList advice;
    for (const TlsLoggingEvidence &e : evidence) {
        const QString text = TlsLoggingCheck::advice(e);
        if (!text.isEmpty())
            advice << text;
    }
    const bool show = TlsLoggingCheck::tlsNotLogged(evidence) && !advice.isEmpty();
    if (show) {
        const bool nothingEncrypted = std::any_of(evidence.cbegin(), evidence.cend(), [](const TlsLoggingEvidence &e) {
            return e.verdict == TlsLogging::NothingEncrypted;
        });
        const QString headline = nothingEncrypted
            ? tr("Your mail server may not log TLS: encrypted mail would then be counted as plaintext.")
            : tr("Your mail server does not log TLS details: the protocol, cipher and certificate trust of "
                 "encrypted mail are unknown.");
        m_bannerText->setText(headline + QLatin1Char('\n') + advice.join(QLatin1Char('\n')));
    } else {
        m_bannerText->clear();
    }
    m_banner->setAccessibleDescription(m_bannerText->text());
    m_banner->setVisible(show);
}

QString OverviewPage::tlsLoggingText() const
{
    return m_bannerText->text();
}

QString OverviewPage::csv() const
{
    return DashboardCsv::overview(m_figures, m_filter);
}

void OverviewPage::setNotes(const QString &note)
{
    DashboardCards::setNotes({m_sharesCard, m_trendCard, m_topPeersCard, m_failuresCard}, note);
}

} // namespace mailtls
