#include "models/itemmodels/probefindingmodel.h"

#include "models/itemmodels/probetitles.h"

namespace mailtls {

ProbeFindingModel::ProbeFindingModel(QObject *parent)
    : KeyedTableModel(parent)
{ }

void ProbeFindingModel::setFindings(const QList<Finding> &findings)
{
    resetRows(m_rows, findings);
}

void ProbeFindingModel::clear()
{
    resetRows(m_rows, {});
}

QString ProbeFindingModel::host(const Finding &finding)
{
    if (finding.mxName.isEmpty())
        return finding.address.isNull() ? QString() : finding.address.toString();
    if (finding.address.isNull())
        return finding.mxName;
    const QString address = finding.address.toString();
    if (address == finding.mxName)
        return address;
    return tr("%1 (%2)").arg(finding.mxName, address);
}

QString ProbeFindingModel::detailText(const Finding &finding)
{
    QStringList parts;
    parts << finding.title;
    const QString where = host(finding);
    parts << (where.isEmpty() ? tr("Severity: %1 · the whole domain").arg(ProbeTitles::severity(finding.severity))
                              : tr("Severity: %1 · %2").arg(ProbeTitles::severity(finding.severity), where));
    if (!finding.evidence.isEmpty())
        parts << QString() << tr("Evidence:") << finding.evidence;
    if (!finding.advice.isEmpty())
        parts << QString() << tr("What to do:") << finding.advice;
    parts << QString() << tr("Finding: %1").arg(finding.code);
    return parts.join(QLatin1Char('\n'));
}

int ProbeFindingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeFindingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeFindingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Finding &finding = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SeverityColumn:
            return ProbeTitles::severity(finding.severity);
        case TitleColumn:
            return finding.title;
        case HostColumn: {
            const QString where = host(finding);
            return where.isEmpty() ? tr("Domain") : where;
        }
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case SeverityColumn:
            return int(finding.severity);
        case TitleColumn:
            return finding.title;
        case HostColumn:
            return host(finding);
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (column == TitleColumn)
            return finding.evidence.isEmpty() ? QVariant() : QVariant(finding.evidence);
        if (column == HostColumn && finding.mxName.isEmpty())
            return tr("About the domain as a whole (DNS, MTA-STS, TLS-RPT), not one server");
        break;
    case CodeRole:
        return finding.code;
    case SeverityRole:
        return int(finding.severity);
    case EvidenceRole:
        return finding.evidence;
    case AdviceRole:
        return finding.advice;
    default:
        break;
    }
    return QVariant();
}

QVariant ProbeFindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case SeverityColumn:
            return tr("Severity");
        case TitleColumn:
            return tr("Finding");
        case HostColumn:
            return tr("Server");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case SeverityColumn:
            return tr("How much it matters: from Info (nothing to do) to Critical (mail is exposed now)");
        case TitleColumn:
            return tr("What the probe found; select it for the evidence and what to do");
        case HostColumn:
            return tr("The mail server (and address) it is about, or the domain as a whole");
        case ColumnCount:
            break;
        }
    }
    return QVariant();
}

} // namespace mailtls
