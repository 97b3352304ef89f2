#include "widgets/probe/probesteplog.h"

#include <QHeaderView>
#include <QScrollBar>

#include "models/itemmodels/probeeventmodel.h"

namespace mailtls {

ProbeStepLog::ProbeStepLog(QWidget *parent)
    : QTableView(parent)
    , m_model(new ProbeEventModel(this))
{
    setObjectName(QStringLiteral("probeStepLog"));
    setAccessibleName(tr("Probe steps"));
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    // Fixed widths: a stream of rows must not re-measure every column.
    const int character = fontMetrics().averageCharWidth();
    setColumnWidth(ProbeEventModel::TimeColumn, fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    setColumnWidth(ProbeEventModel::TargetColumn, character * 22);
    setColumnWidth(ProbeEventModel::StepColumn, character * 11);
    setColumnWidth(ProbeEventModel::MxColumn, character * 22);
    setColumnWidth(ProbeEventModel::AddressColumn, character * 18);
}

void ProbeStepLog::append(int probeId, const QString &target, const ProbeEvent &event)
{
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    m_model->append(probeId, target, event);
    if (atBottom)
        scrollToBottom();
}

void ProbeStepLog::clear()
{
    m_model->clear();
}

} // namespace mailtls
