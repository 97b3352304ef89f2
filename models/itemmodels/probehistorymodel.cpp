#include "models/itemmodels/probehistorymodel.h"

#include <QLocale>

#include "models/itemmodels/probetitles.h"
#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

ProbeHistoryModel::ProbeHistoryModel(QObject *parent)
    : KeyedTableModel(parent)
{ }

void ProbeHistoryModel::setProbes(const QList<ProbeSummary> &probes)
{
    mergeRows(
        m_rows, probes, [](const ProbeSummary &p) { return p.id; },
        [](const ProbeSummary &a, const ProbeSummary &b) { return a == b; });
}

void ProbeHistoryModel::clear()
{
    resetRows(m_rows, {});
}

int ProbeHistoryModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

int ProbeHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ProbeSummary &probe = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return RecordTitles::time(probe.finished);
        case TargetColumn:
            return ProbeTitles::target(probe.target);
        case VerdictColumn:
            return RecordTitles::verdict(probe.verdict);
        case FindingsColumn:
            return QLocale().toString(probe.findings);
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case TimeColumn:
            return probe.finished;
        case TargetColumn:
            return ProbeTitles::target(probe.target);
        case VerdictColumn:
            return int(probe.verdict);
        case FindingsColumn:
            return probe.findings;
        case ColumnCount:
            break;
        }
        break;
    case RecordIdRole:
        return probe.id;
    case VerdictRole:
        return int(probe.verdict);
    case Qt::ToolTipRole:
        if (column == TimeColumn)
            return tr("%1 UTC").arg(DashboardCsv::utc(probe.finished));
        if (column == VerdictColumn)
            return RecordTitles::verdictExplanation(probe.verdict);
        if (column == TargetColumn)
            return probe.target.kind == ProbeTarget::Kind::Domain
                ? tr("The mail servers of the domain %1").arg(probe.target.name)
                : tr("The host %1 alone").arg(ProbeTitles::target(probe.target));
        break;
    case Qt::TextAlignmentRole:
        if (column == FindingsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return QVariant();
}

QVariant ProbeHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("Probed");
        case TargetColumn:
            return tr("Target");
        case VerdictColumn:
            return tr("Verdict");
        case FindingsColumn:
            return tr("Findings");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("When the probe finished (local time)");
        case TargetColumn:
            return tr("The domain or host probed");
        case VerdictColumn:
            return tr("The verdict of the probe: a domain's is that of its worst mail server; a peer's own list "
                      "shows that of the peer's server");
        case FindingsColumn:
            return tr("Findings of low severity or worse: things the server's admin should fix");
        case ColumnCount:
            break;
        }
    }
    return QVariant();
}

} // namespace mailtls
