#include "widgets/dashboard/peerspage.h"

#include <QAction>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "models/itemmodels/peerrowfilterproxymodel.h"
#include "models/itemmodels/peerrowmodel.h"
#include "models/report/dashboardcsv.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/encryptedsharedelegate.h"
#include "widgets/dashboard/headerstate.h"
#include "widgets/dashboard/peeractivation.h"
#include "widgets/dashboard/peerbarchart.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/pagerefresh.h"
#include "widgets/probe/peerprobetarget.h"

namespace mailtls {

namespace {
const QString View = QStringLiteral("peers");
const QString SearchKey = QStringLiteral("search");
const QString HeaderKey = QStringLiteral("header");
const QString SplitterKey = QStringLiteral("splitter");
const QString TopKey = QStringLiteral("top");
constexpr int DefaultTop = 15;
constexpr int MinimumTop = 5;
constexpr int MaximumTop = 50;
}

PeersPage::PeersPage(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new PeerRowModel(this))
    , m_proxy(new PeerRowFilterProxyModel(this))
{
    setObjectName(QStringLiteral("peersPage"));
    setAccessibleName(tr("Peers"));
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("peersSearch"));
    m_search->setPlaceholderText(tr("Search peers"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search peers"));
    m_search->setToolTip(tr("Lists only the peers whose name contains this text (Ctrl+F)"));
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_probeAction = new QAction(QIcon::fromTheme(QStringLiteral("system-search")), tr("P&robe"), this);
    m_probeAction->setObjectName(QStringLiteral("probePeerAction"));
    m_probeAction->setToolTip(tr("Ask the selected peer's mail servers what they offer: STARTTLS, TLS versions, "
                                 "certificate, Diffie-Hellman group"));
    m_probeAction->setStatusTip(m_probeAction->toolTip());
    connect(m_probeAction, &QAction::triggered, this, &PeersPage::probeSelected);
    auto *probeButton = new QToolButton(this);
    probeButton->setObjectName(QStringLiteral("probePeerButton"));
    probeButton->setDefaultAction(m_probeAction);
    probeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    probeButton->setAccessibleName(tr("Probe the selected peer"));
    // Like a toolbar's: Tab goes from the search box to the table; the
    // table's context menu (Menu key) has Probe for the keyboard.
    probeButton->setFocusPolicy(Qt::NoFocus);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("peersSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildTable());
    m_splitter->addWidget(buildChart());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(probeButton);
    searchRow->addStretch(2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_top);

    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_probeAction);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeersPage::updateProbeAction);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PeersPage::updateProbeAction);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PeersPage::updateProbeAction);
    updateProbeAction();

    restoreState();

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_settings.setViewValue(View, SearchKey, text);
        m_proxy->setSearchText(text);
        updateChart();
        updateNotes();
    });
    connect(m_top, &QSpinBox::valueChanged, this, [this](int value) {
        m_settings.setViewValue(View, TopKey, value);
        updateChart();
        updateNotes();
    });
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_settings.setViewValue(View, SplitterKey, m_splitter->saveState()); });
    QHeaderView *header = m_table->horizontalHeader();
    const auto saveHeader = [this] { HeaderState::save(m_table, m_settings, View, HeaderKey); };
    connect(header, &QHeaderView::sectionResized, this, saveHeader);
    connect(header, &QHeaderView::sectionMoved, this, saveHeader);
    connect(header, &QHeaderView::sortIndicatorChanged, this, saveHeader);

    // Stale from the start: the first show reads.
    m_refresh = new PageRefresh(this, [this] { refresh(); });
    m_refresh->request();
    connect(m_context, &DashboardContext::storeChanged, this, &PeersPage::storeChanged);
    connect(m_context, &DashboardContext::filterChanged, this, &PeersPage::contextChanged);
    connect(m_context, &DashboardContext::dataChanged, this, &PeersPage::contextChanged);

    updateChart();
    updateNotes();
}

QWidget *PeersPage::buildTable()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("peersTable"));
    m_table->setAccessibleName(tr("Peers table"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(PeerRowModel::EncryptedShareColumn,
                                      new EncryptedShareDelegate(PeerRowModel::EncryptedShareRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    // Unsorted until the user picks a column: the query's own order
    // (direction, most messages first), the order `mailtls export` writes.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    PeerActivation::onActivated(m_table, this,
                                [this](const QString &peer, Direction direction) { emit peerActivated(peer, direction); });

    m_tableCard = DashboardCards::make(
        QStringLiteral("peersTableCard"), tr("Peers"),
        tr("Every peer in the chosen time range and directions, one row per direction. Click a column "
           "header to sort by it; type in the search box to narrow the list; Enter or a double-click "
           "opens a peer."),
        m_table, QStringLiteral("mailtls-peers"), [this] { return tableCsv(); }, nullptr, this);
    return m_tableCard;
}

QWidget *PeersPage::buildChart()
{
    auto *content = new QWidget;
    m_top = new QSpinBox(content);
    m_top->setObjectName(QStringLiteral("peersTopCount"));
    m_top->setRange(MinimumTop, MaximumTop);
    m_top->setValue(DefaultTop);
    m_top->setAccessibleName(tr("Number of peers in the chart"));
    m_top->setToolTip(tr("How many of the listed peers the chart shows, those with the most messages first"));
    auto *topLabel = new QLabel(tr("&Peers shown:"), content);
    topLabel->setBuddy(m_top);

    m_chart = new PeerBarChart;
    m_chart->setObjectName(QStringLiteral("peersChart"));
    auto *scroll = new QScrollArea(content);
    scroll->setWidget(m_chart);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    auto *controls = new QHBoxLayout;
    controls->addWidget(topLabel);
    controls->addWidget(m_top);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(scroll, 1);

    m_chartCard = DashboardCards::make(
        QStringLiteral("peersChartCard"), tr("Encrypted and plaintext, top peers"),
        tr("The peers with the most messages among those the table lists, each bar split into the "
           "messages that crossed the wire encrypted and those that did not."),
        content, QStringLiteral("mailtls-peers-chart"), [this] { return chartCsv(); }, m_chart->chartView(), this);
    return m_chartCard;
}

void PeersPage::restoreState()
{
    m_top->setValue(m_settings.viewValue(View, TopKey, DefaultTop).toInt());
    const QString search = m_settings.viewValue(View, SearchKey).toString();
    m_search->setText(search);
    m_proxy->setSearchText(search);
    const QByteArray splitter = m_settings.viewValue(View, SplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_headerRestored = HeaderState::restore(m_table, m_settings, View, HeaderKey);
}

QString PeersPage::searchText() const
{
    return m_search->text();
}

void PeersPage::setSearchText(const QString &text)
{
    m_search->setText(text);
}

int PeersPage::topCount() const
{
    return m_top->value();
}

void PeersPage::setTopCount(int count)
{
    m_top->setValue(count);
}

QString PeersPage::tableCsv() const
{
    return DashboardCsv::peers(m_proxy->shownRows(), m_shownFilter);
}

QString PeersPage::chartCsv() const
{
    return DashboardCsv::peers(m_chart->rows(), m_shownFilter);
}

void PeersPage::contextChanged()
{
    m_refresh->request();
}

void PeersPage::storeChanged()
{
    // Another store's rows say nothing about this one.
    m_model->clear();
    m_shownFilter = ReportFilter();
    m_error.clear();
    m_loadedOnce = false;
    updateChart();
    contextChanged();
    updateNotes();
}

void PeersPage::refresh()
{
    m_refresh->clear();
    const DashboardContext::Selection selection = m_context->selection();
    const ReportFilter filter = m_context->filterFor(selection);
    const quint64 generation = ++m_generation;
    QueryRunner *runner = m_context->runner();
    runner->clearPrefetches();
    // Rows are per peer and direction: every direction is read and kept, and
    // the chosen one picked here, so a change of direction needs no query.
    DashboardContext::Selection everyDirection = selection;
    everyDirection.direction.reset();
    // Every column in one query: since the store keeps each peer's last-seen
    // time with its figures, the TLS columns add a third to the figures' time,
    // less than a second query and a second merge into the table would.
    const auto rowsOf = [](const ReportFilter &query) {
        return [query](TrafficStore &store, QString *error) {
            return store.peerRows(query, PeerColumns::Everything, error);
        };
    };
    runner->runCached<QList<PeerRow>>(
        this, QStringLiteral("peers"), m_context->cacheKey(everyDirection),
        rowsOf(m_context->filterFor(everyDirection)),
        [this, generation, filter, everyDirection, rowsOf](const QList<PeerRow> &rows, const QString &error) {
            if (filter.directions.isEmpty()) {
                apply(generation, filter, rows, error);
            } else {
                QList<PeerRow> chosen;
                for (const PeerRow &row : rows)
                    if (filter.directions.contains(row.figures.direction))
                        chosen.append(row);
                apply(generation, filter, chosen, error);
            }
            if (generation != m_generation || !error.isEmpty())
                return;
            // What the user may pick next is read while they look at this.
            for (const DashboardContext::Selection &next : DashboardContext::neighbours(everyDirection))
                m_context->runner()->prefetch<QList<PeerRow>>(QStringLiteral("peers"), m_context->cacheKey(next),
                                                              rowsOf(m_context->filterFor(next)));
        });
    updateNotes();
}

void PeersPage::apply(quint64 generation, const ReportFilter &filter, const QList<PeerRow> &rows,
                      const QString &error)
{
    // A newer refresh is on its way; its results replace these.
    if (generation != m_generation)
        return;
    if (!error.isEmpty()) {
        // The figures shown stay: they are older, not wrong.
        m_error = error;
    } else {
        m_error.clear();
        m_model->setRows(rows, PeerColumns::Everything);
        m_shownFilter = filter;
        if (!m_headerRestored && m_model->rowCount() > 0) {
            m_headerRestored = true;
            m_table->resizeColumnsToContents();
        }
        updateChart();
    }
    m_loadedOnce = true;
    updateNotes();
    emit loaded();
}

void PeersPage::updateChart()
{
    m_chart->setRows(PeerBarChart::topRows(m_proxy->shownRows(), m_top->value()),
                     m_shownFilter.directions.size() != 1);
}

void PeersPage::updateProbeAction()
{
    m_probeAction->setEnabled(m_table->selectionModel()->hasSelection());
}

void PeersPage::probeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (const std::optional<ProbeTarget> target =
            PeerProbeTarget::of(rows.first().data(KeyedTableModel::PeerRole).toString()))
        emit probeRequested(*target);
}

void PeersPage::updateNotes()
{
    QString table;
    QString chart;
    if (!m_error.isEmpty()) {
        table = chart = tr("The store cannot be read: %1").arg(m_error);
    } else if (!m_loadedOnce && m_model->rowCount() == 0) {
        table = chart = DashboardCards::loadingNote();
    } else if (m_model->rowCount() == 0) {
        table = chart = tr("No mail in this range.");
    } else if (m_proxy->rowCount() == 0) {
        table = chart = tr("No peer name contains “%1”.").arg(m_proxy->searchText());
    } else if (m_chart->rows().isEmpty()) {
        chart = tr("None of these peers has messages in this range.");
    }
    m_tableCard->setNote(table);
    m_chartCard->setNote(chart);
}

} // namespace mailtls
