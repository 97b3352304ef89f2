#include "models/itemmodels/recentfailuremodel.h"

#include "models/itemmodels/recordtitles.h"

namespace mailtls {

RecentFailureModel::RecentFailureModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

void RecentFailureModel::setFailures(const QList<RecentFailure> &failures)
{
    mergeRows(
        m_rows, failures, [](const RecentFailure &f) { return f.id; },
        [](const RecentFailure &a, const RecentFailure &b) { return a == b; });
}

int RecentFailureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecentFailureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentFailureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const RecentFailure &f = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return RecordTitles::time(f.time);
        case DirectionColumn: return RecordTitles::direction(f.direction);
        case PeerColumn: return f.peer;
        case ProblemColumn: return RecordTitles::problem(f.problem);
        case ReasonColumn: return f.reason;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case TimeColumn: return f.time;
        case DirectionColumn: return int(f.direction);
        case PeerColumn: return f.peer;
        case ProblemColumn: return RecordTitles::problem(f.problem);
        case ReasonColumn: return f.reason;
        }
        break;
    case Qt::ToolTipRole:
        // The host and address the server logged, which the grouped peer name may hide.
        return tr("%1 with %2 (%3)\n%4\nPress Enter or double-click for the peer's details.")
            .arg(RecordTitles::direction(f.direction), f.host, RecordTitles::address(f.peerIp, f.port), f.reason);
    case RecordIdRole:
        return f.id;
    case PeerRole:
        return f.peer;
    case DirectionRole:
        return int(f.direction);
    }
    return QVariant();
}

QVariant RecentFailureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case TimeColumn: return tr("Time");
        case DirectionColumn: return tr("Direction");
        case PeerColumn: return tr("Peer");
        case ProblemColumn: return tr("Problem");
        case ReasonColumn: return tr("Reason");
        case ColumnCount: break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case TimeColumn: return tr("When the failed TLS attempt began, in the time zone the log is written in");
        case DirectionColumn: return tr("Inbound: the peer tried to deliver to you; outbound: you tried to "
                                        "deliver to it");
        case PeerColumn: return tr("The peer's host name (or IP address), or its registrable domain when "
                                   "grouped by domain");
        case ProblemColumn: return tr("The kind of failure, from the words the server logged");
        case ReasonColumn: return tr("The server's own words for the failure");
        case ColumnCount: break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace mailtls
