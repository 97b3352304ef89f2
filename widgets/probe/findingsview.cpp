#include "widgets/probe/findingsview.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/probefindingmodel.h"

namespace mailtls {

FindingsView::FindingsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProbeFindingModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(KeyedTableModel::SortRole);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("probeFindings"));
    m_table->setAccessibleName(tr("Findings"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(ProbeFindingModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProbeFindingModel::TitleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ProbeFindingModel::HostColumn, QHeaderView::ResizeToContents);
    m_table->setSortingEnabled(true);
    // Worst first; equal severities keep the analyser's order (a stable sort).
    m_table->sortByColumn(ProbeFindingModel::SeverityColumn, Qt::DescendingOrder);

    m_details = new QPlainTextEdit;
    m_details->setObjectName(QStringLiteral("probeFindingDetails"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Finding details"));
    m_details->setToolTip(tr("The selected finding: the evidence the probe saw and what the server's admin can do"));
    m_details->setPlaceholderText(tr("Select a finding for its evidence and advice."));
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_copy = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"));
    m_copy->setObjectName(QStringLiteral("copyFinding"));
    m_copy->setAccessibleName(tr("Copy finding"));
    m_copy->setToolTip(tr("Copy this finding, its evidence and advice, e.g. to write to the server's admin"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &FindingsView::copyCurrent);

    m_fix = new QPushButton(tr("&Fix on This Computer…"));
    m_fix->setObjectName(QStringLiteral("fixFinding"));
    m_fix->setToolTip(tr("This server is this computer: open Fix My Server with the change that fixes this finding"));
    m_fix->hide();
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (const Finding *finding = currentFinding())
            if (const std::optional<MailService::Fix> fix = fixFor(*finding))
                emit fixRequested(*fix);
    });

    auto *detailBox = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_details, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_fix);
    buttons->addWidget(m_copy);
    detailLayout->addLayout(buttons);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("probeFindingsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detailBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    setTabOrder(m_table, m_details);
    setTabOrder(m_details, m_fix);
    setTabOrder(m_fix, m_copy);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FindingsView::showCurrent);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FindingsView::showCurrent);
}

void FindingsView::setFindings(const QList<Finding> &findings)
{
    m_model->setFindings(findings);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, ProbeFindingModel::TitleColumn));
    showCurrent();
}

void FindingsView::clear()
{
    m_model->clear();
    showCurrent();
}

const Finding *FindingsView::currentFinding() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const int row = m_proxy->mapToSource(current).row();
    if (row < 0 || row >= m_model->findings().size())
        return nullptr;
    return &m_model->findings().at(row);
}

void FindingsView::selectFinding(int modelRow)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(modelRow, ProbeFindingModel::TitleColumn));
    if (index.isValid())
        m_table->setCurrentIndex(index);
}

QString FindingsView::detailText() const
{
    return m_details->toPlainText();
}

void FindingsView::copyCurrent()
{
    if (const Finding *finding = currentFinding())
        QApplication::clipboard()->setText(ProbeFindingModel::detailText(*finding));
}

void FindingsView::showCurrent()
{
    const Finding *finding = currentFinding();
    m_details->setPlainText(finding ? ProbeFindingModel::detailText(*finding) : QString());
    m_copy->setEnabled(finding != nullptr);
    m_fix->setVisible(finding != nullptr && fixFor(*finding).has_value());
}

std::optional<MailService::Fix> FindingsView::fixFor(const Finding &finding)
{
    const std::optional<MailService::Fix> fix = MailService::fixForProbeFinding(finding.code);
    if (!fix || finding.address.isNull())
        return std::nullopt;
    if (finding.address.isLoopback() || QNetworkInterface::allAddresses().contains(finding.address))
        return fix;
    return std::nullopt;
}

} // namespace mailtls
