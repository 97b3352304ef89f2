#include "models/itemmodels/probeeventmodel.h"

#include <QLocale>

#include "models/itemmodels/probetitles.h"

namespace mailtls {

ProbeEventModel::ProbeEventModel(QObject *parent)
    : KeyedTableModel(parent)
{ }

void ProbeEventModel::append(int probeId, const QString &target, const ProbeEvent &event, const QDateTime &time)
{
    if (m_rows.size() >= MaxRows) {
        // A tenth at a time, so a long batch does not remove row by row.
        const int drop = MaxRows / 10;
        beginRemoveRows(QModelIndex(), 0, drop - 1);
        m_rows.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append(Entry {time.toUTC(), probeId, target, event});
    endInsertRows();
}

void ProbeEventModel::clear()
{
    resetRows(m_rows, {});
}

int ProbeEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &entry = m_rows.at(index.row());
    const ProbeEvent &event = entry.event;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimeColumn:
            return QLocale().toString(entry.time.toLocalTime(), QStringLiteral("HH:mm:ss.zzz"));
        case TargetColumn:
            return entry.target;
        case StepColumn:
            return ProbeTitles::step(event.step);
        case MxColumn:
            return event.mxName;
        case AddressColumn:
            return event.address.isNull() ? QString() : event.address.toString();
        case MessageColumn:
            return event.message;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case TimeColumn:
            return entry.time.toMSecsSinceEpoch();
        case StepColumn:
            return int(event.step);
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (column == MessageColumn)
            return event.message;
        if (column == StepColumn && event.step != ProbeStep::Resolve)
            return tr("Session with the %1").arg(ProbeTitles::profile(event.profile));
        break;
    case StepRole:
        return int(event.step);
    case ProbeIdRole:
        return entry.probeId;
    default:
        break;
    }
    return QVariant();
}

QVariant ProbeEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("Time");
        case TargetColumn:
            return tr("Target");
        case StepColumn:
            return tr("Step");
        case MxColumn:
            return tr("MX host");
        case AddressColumn:
            return tr("Address");
        case MessageColumn:
            return tr("What happened");
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case TimeColumn:
            return tr("When it happened (local time)");
        case TargetColumn:
            return tr("The domain or host being probed");
        case StepColumn:
            return tr("The step of the probe: DNS, connection, greeting, EHLO, STARTTLS, handshake");
        case MxColumn:
            return tr("The mail server asked");
        case AddressColumn:
            return tr("The address connected to");
        case MessageColumn:
            return tr("What the step did or found, with the server's words where it answered");
        case ColumnCount:
            break;
        }
    }
    return QVariant();
}

} // namespace mailtls
