#include "widgets/dashboard/tlsqualitypage.h"

#include <algorithm>

#include <QAction>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "models/itemmodels/tlsissuemodel.h"
#include "models/itemmodels/tlssharemodel.h"
#include "models/report/dashboardcsv.h"
#include "models/settings/settings.h"
#include "models/store/trafficstore.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcards.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/distributionchart.h"
#include "widgets/dashboard/headerstate.h"
#include "widgets/dashboard/peeractivation.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/pagerefresh.h"
#include "widgets/probe/peerprobetarget.h"

namespace mailtls {

namespace {

// Index of a list card among the lists.
size_t listIndex(TlsQualityPage::Card card)
{
    return size_t(card) - size_t(TlsQualityPage::Card::DhePeers);
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

TlsQualityPage::TlsQualityPage(DashboardContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("tlsQualityPage"));
    setAccessibleName(tr("TLS quality"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    m_summary = noteLabel(QString(), content);
    m_summary->setObjectName(QStringLiteral("tlsQualitySummary"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    auto *fix = new QToolButton(content);
    fix->setObjectName(QStringLiteral("fixServerButton"));
    fix->setText(tr("Fix My Server…"));
    fix->setAccessibleName(tr("Fix my server"));
    fix->setToolTip(tr("Replace a weak Diffie-Hellman group, turn STARTTLS or TLS logging on in the own Postfix"));
    connect(fix, &QToolButton::clicked, this, &TlsQualityPage::fixServerRequested);
    header->addWidget(fix, 0, Qt::AlignTop);
    layout->addLayout(header);

    auto *grid = new QGridLayout;
    grid->addWidget(
        makeDistributionCard(Card::Protocols, tr("Protocol versions"),
                             tr("Which TLS versions the encrypted connections used. TLS 1.0 and 1.1 are outdated "
                                "(RFC 8996) and SSL is broken: peers still using them need a newer mail server.")),
        0, 0);
    grid->addWidget(
        makeDistributionCard(Card::KeyExchanges, tr("Key exchanges"),
                             tr("How the encrypted connections agreed on their keys, where the mail server logged "
                                "it. Elliptic curves (X25519, P-256 …) are current.")),
        0, 1);
    grid->addWidget(
        makeDistributionCard(Card::Ciphers, tr("Cipher suites"),
                             tr("Which cipher suites the encrypted connections used. Forward-secret suites with "
                                "authenticated encryption are current; RC4, DES, 3DES, NULL, export-grade and MD5 "
                                "suites protect little.")),
        1, 0, 1, 2);
    grid->addWidget(
        makeListCard(Card::DhePeers, tr("Peers using DHE cipher suites"),
                     tr("Peers whose encrypted connections used finite-field Diffie-Hellman (DHE/EDH). A small or "
                        "widely shared group makes them weak (Logjam).")),
        2, 0, 1, 2);
    grid->addWidget(
        makeListCard(Card::DhKeyTooSmallPeers, tr("Peers failing with \"dh key too small\""),
                     tr("TLS handshakes that failed because one side's Diffie-Hellman key was too small for the "
                        "other; the mail may then have gone in plaintext, or not at all.")),
        3, 0);
    grid->addWidget(
        makeListCard(Card::CertificatePeers, tr("Peers with certificate failures"),
                     tr("TLS handshakes that failed because a certificate did not pass the checks the mail "
                        "server's policy asks for (expired, self-signed, another name …).")),
        3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *gate = new PageRefresh(this, [this] { refresh(); });
    connect(m_context, &DashboardContext::storeChanged, this, [this, gate] {
        // What is shown is another store's until the new figures arrive.
        setNotes(DashboardCards::loadingNote());
        gate->request();
    });
    connect(m_context, &DashboardContext::filterChanged, gate, &PageRefresh::request);
    connect(m_context, &DashboardContext::dataChanged, gate, &PageRefresh::request);
    refresh();
}

TlsQualityPage::~TlsQualityPage()
{
    Settings settings;
    for (Card card : {Card::DhePeers, Card::DhKeyTooSmallPeers, Card::CertificatePeers})
        HeaderState::save(table(card), settings, objectName(), listName(card) + QStringLiteral("Header"));
}

DashboardCard *TlsQualityPage::makeDistributionCard(Card card, const QString &title, const QString &explanation)
{
    static const TlsShareModel::Parameter parameters[] = {TlsShareModel::Parameter::Protocol,
                                                          TlsShareModel::Parameter::Cipher,
                                                          TlsShareModel::Parameter::KeyExchange};
    auto *model = new TlsShareModel(parameters[size_t(card)], this);
    auto *chart = new DistributionChart(model, this);
    auto *frame = DashboardCards::make(QString(), title, explanation, chart, exportName(card),
                                       [this, card] { return csv(card); }, chart->chartView(), this);
    m_cards[size_t(card)] = frame;
    m_shareModels[size_t(card)] = model;
    m_charts[size_t(card)] = chart;
    return frame;
}

DashboardCard *TlsQualityPage::makeListCard(Card card, const QString &title, const QString &explanation)
{
    const size_t i = listIndex(card);
    auto *model = new TlsIssueModel(card == Card::DhePeers ? TlsIssueModel::Kind::DhePeers
                                                           : TlsIssueModel::Kind::Failures,
                                    this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(TlsIssueModel::SortRole);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *view = new QTableView(content);
    view->setObjectName(listName(card) + QStringLiteral("Table"));
    view->setAccessibleName(title);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    view->sortByColumn(model->section(TlsIssueModel::CountColumn), Qt::DescendingOrder);
    fitHeight(view);
    if (!HeaderState::restore(view, Settings(), objectName(), listName(card) + QStringLiteral("Header"))) {
        QHeaderView *header = view->horizontalHeader();
        for (TlsIssueModel::Column c : {TlsIssueModel::DirectionColumn, TlsIssueModel::CountColumn,
                                        TlsIssueModel::LastTimeColumn}) {
            if (model->section(c) >= 0)
                header->setSectionResizeMode(model->section(c), QHeaderView::ResizeToContents);
        }
        view->setColumnWidth(model->section(TlsIssueModel::PeerColumn), view->fontMetrics().averageCharWidth() * 28);
    }
    layout->addWidget(view);
    if (card == Card::DhePeers)
        layout->addWidget(makeProbeRow(view, content));

    PeerActivation::onActivated(view, this,
                                [this](const QString &peer, Direction direction) { emit peerActivated(peer, direction); });

    auto *frame = DashboardCards::make(QString(), title, explanation, content, exportName(card),
                                       [this, card] { return csv(card); }, nullptr, this);
    m_cards[size_t(card)] = frame;
    m_issueModels[i] = model;
    m_proxies[i] = proxy;
    m_tables[i] = view;
    return frame;
}

QWidget *TlsQualityPage::makeProbeRow(QTableView *view, QWidget *parent)
{
    auto *row = new QWidget(parent);
    QLabel *note = noteLabel(tr("The DH group size is not in the logs; a probe can measure it."), row);
    note->setObjectName(QStringLiteral("dheNote"));
    m_probeAction = new QAction(QIcon::fromTheme(QStringLiteral("system-search")), tr("P&robe"), this);
    m_probeAction->setObjectName(QStringLiteral("probeDhePeerAction"));
    m_probeAction->setToolTip(tr("Probe the selected peer's mail servers: the size and name of their "
                                 "Diffie-Hellman group, and the rest of their TLS"));
    m_probeAction->setStatusTip(m_probeAction->toolTip());
    m_probeAction->setEnabled(false);
    connect(m_probeAction, &QAction::triggered, this, &TlsQualityPage::probeSelected);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_probeAction);
    const auto update = [this, view] { m_probeAction->setEnabled(view->selectionModel()->hasSelection()); };
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, update);
    connect(view->model(), &QAbstractItemModel::modelReset, this, update);
    connect(view->model(), &QAbstractItemModel::rowsRemoved, this, update);
    auto *button = new QToolButton(row);
    button->setObjectName(QStringLiteral("probeDhePeerButton"));
    button->setDefaultAction(m_probeAction);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAccessibleName(tr("Probe the selected DHE peer"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note, 1);
    layout->addWidget(button);
    return row;
}

void TlsQualityPage::probeSelected()
{
    const QModelIndexList rows = table(Card::DhePeers)->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    if (const std::optional<ProbeTarget> target =
            PeerProbeTarget::of(rows.first().data(TlsIssueModel::PeerRole).toString()))
        emit probeRequested(*target);
}

void TlsQualityPage::fitHeight(QTableView *view)
{
    // As tall as its rows, from two (room for the empty note's sake) to
    // eight; longer lists scroll inside, so the page stays short.
    const int rows = std::clamp(view->model()->rowCount(), 2, 8);
    view->setFixedHeight(view->horizontalHeader()->sizeHint().height()
                         + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth());
}

QString TlsQualityPage::exportName(Card card)
{
    static const char *const baseNames[] = {"mailtls-tls-protocols",    "mailtls-tls-cipher-suites",
                                            "mailtls-tls-key-exchanges", "mailtls-tls-dhe-peers",
                                            "mailtls-tls-dh-key-too-small", "mailtls-tls-certificate-failures"};
    return QString::fromLatin1(baseNames[size_t(card)]);
}

QString TlsQualityPage::listName(Card card)
{
    switch (card) {
    case Card::DhePeers: return QStringLiteral("dhePeers");
    case Card::DhKeyTooSmallPeers: return QStringLiteral("dhKeyTooSmall");
    case Card::CertificatePeers: return QStringLiteral("certificateFailures");
    default: break;
    }
    return QString();
}

DistributionChart *TlsQualityPage::chart(Card card) const
{
    return isDistribution(card) ? m_charts.at(size_t(card)) : nullptr;
}

QTableView *TlsQualityPage::table(Card card) const
{
    return isDistribution(card) ? nullptr : m_tables.at(listIndex(card));
}

TlsShareModel *TlsQualityPage::shareModel(Card card) const
{
    return isDistribution(card) ? m_shareModels.at(size_t(card)) : nullptr;
}

TlsIssueModel *TlsQualityPage::issueModel(Card card) const
{
    return isDistribution(card) ? nullptr : m_issueModels.at(listIndex(card));
}

QString TlsQualityPage::summary() const
{
    return m_summary->text();
}

QString TlsQualityPage::csv(Card card) const
{
    return DashboardCsv::tlsQualityPart(m_quality, DashboardCsv::TlsPart(int(card)), m_shownFilter);
}

QString TlsQualityPage::pageCsv() const
{
    return DashboardCsv::tlsQuality(m_quality, m_shownFilter);
}

void TlsQualityPage::refresh()
{
    if (!m_hasFigures)
        setNotes(DashboardCards::loadingNote());
    const ReportFilter filter = m_context->filter();
    m_context->runner()->run<TlsQuality>(
        this, QStringLiteral("tlsQuality"),
        [filter](TrafficStore &store, QString *error) { return store.tlsQuality(filter, error); },
        [this, filter](const TlsQuality &quality, const QString &error) { apply(quality, filter, error); });
}

void TlsQualityPage::apply(const TlsQuality &quality, const ReportFilter &filter, const QString &error)
{
    if (!error.isEmpty()) {
        // The figures shown before stay: they are still true of their range.
        setNotes(DashboardCards::unreadableNote(error));
        emit loaded();
        return;
    }
    m_quality = quality;
    m_shownFilter = filter;
    m_hasFigures = true;

    shareModel(Card::Protocols)->setShares(quality.protocols, quality.encryptedConnections);
    shareModel(Card::Ciphers)->setShares(quality.ciphers, quality.encryptedConnections);
    shareModel(Card::KeyExchanges)->setShares(quality.keyExchanges, quality.encryptedConnections);
    issueModel(Card::DhePeers)->setIssues(quality.dhePeers);
    issueModel(Card::DhKeyTooSmallPeers)->setIssues(quality.dhKeyTooSmallPeers);
    issueModel(Card::CertificatePeers)->setIssues(quality.certificatePeers);
    for (QTableView *view : m_tables)
        fitHeight(view);
    for (Card card : {Card::Protocols, Card::Ciphers, Card::KeyExchanges, Card::DhePeers, Card::DhKeyTooSmallPeers,
                      Card::CertificatePeers})
        m_cards.at(size_t(card))->setNote(emptyNote(card));

    m_summary->setText(tr("%1 encrypted connections · %2")
                           .arg(QLocale().toString(quality.encryptedConnections), m_context->rangeTitle()));
    emit loaded();
}

QString TlsQualityPage::emptyNote(Card card) const
{
    switch (card) {
    case Card::Protocols:
    case Card::Ciphers:
    case Card::KeyExchanges:
        return m_quality.encryptedConnections == 0 ? tr("No encrypted connections in this range.") : QString();
    case Card::DhePeers:
        return m_quality.dhePeers.isEmpty() ? tr("No peer used a DHE cipher suite in this range.") : QString();
    case Card::DhKeyTooSmallPeers:
        return m_quality.dhKeyTooSmallPeers.isEmpty() ? tr("No peer failed with \"dh key too small\" in this range.")
                                                      : QString();
    case Card::CertificatePeers:
        return m_quality.certificatePeers.isEmpty() ? tr("No peer failed a certificate check in this range.")
                                                    : QString();
    }
    return QString();
}

void TlsQualityPage::setNotes(const QString &note)
{
    DashboardCards::setNotes(QList<DashboardCard *>(m_cards.cbegin(), m_cards.cend()), note);
}

} // namespace mailtls
