#include "models/itemmodels/tlsissuemodel.h"

#include <QLocale>
#include <QPair>

#include "models/itemmodels/recordtitles.h"
#include "models/report/dashboardcsv.h"

namespace mailtls {

TlsIssueModel::TlsIssueModel(Kind kind, QObject *parent)
    : KeyedTableModel(parent)
    , m_kind(kind)
{
}

void TlsIssueModel::setIssues(const QList<PeerTlsIssue> &issues)
{
    mergeRows(
        m_rows, issues, [](const PeerTlsIssue &i) { return qMakePair(int(i.direction), i.peer); },
        [](const PeerTlsIssue &a, const PeerTlsIssue &b) { return a == b; });
}

TlsIssueModel::Column TlsIssueModel::column(int section) const
{
    if (m_kind == Kind::DhePeers && section >= LastTimeColumn)
        return Column(section + 1);
    return Column(section);
}

int TlsIssueModel::section(Column column) const
{
    if (m_kind == Kind::DhePeers) {
        if (column == LastTimeColumn)
            return -1;
        if (column > LastTimeColumn)
            return int(column) - 1;
    }
    return int(column);
}

int TlsIssueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TlsIssueModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::DhePeers ? 4 : 5;
}

QVariant TlsIssueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PeerTlsIssue &issue = m_rows.at(index.row());
    const Column c = column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (c) {
        case DirectionColumn: return RecordTitles::direction(issue.direction);
        case PeerColumn: return issue.peer;
        case CountColumn: return QLocale().toString(issue.count);
        case LastTimeColumn: return issue.lastTime ? RecordTitles::time(*issue.lastTime) : QString();
        case DetailColumn: return issue.detail;
        }
        break;
    case SortRole:
        switch (c) {
        case DirectionColumn: return int(issue.direction);
        case PeerColumn: return issue.peer;
        case CountColumn: return issue.count;
        case LastTimeColumn: return issue.lastTime ? QVariant(*issue.lastTime) : QVariant(qint64(-1));
        case DetailColumn: return issue.detail;
        }
        break;
    case DirectionRole:
        return int(issue.direction);
    case PeerRole:
        return issue.peer;
    case Qt::ToolTipRole:
        if (c == LastTimeColumn && issue.lastTime)
            return tr("%1 UTC").arg(DashboardCsv::utc(*issue.lastTime));
        if (c == DetailColumn || c == PeerColumn)
            return issue.detail.isEmpty() ? QVariant() : QVariant(issue.detail);
        break;
    case Qt::TextAlignmentRole:
        if (c == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return QVariant();
}

QVariant TlsIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QVariant();
    const bool dhe = m_kind == Kind::DhePeers;
    const Column c = column(section);
    if (role == Qt::DisplayRole) {
        switch (c) {
        case DirectionColumn: return tr("Direction");
        case PeerColumn: return tr("Peer");
        case CountColumn: return dhe ? tr("DHE connections") : tr("Failures");
        case LastTimeColumn: return tr("Last failure");
        case DetailColumn: return dhe ? tr("Cipher suites") : tr("Last reason");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (c) {
        case DirectionColumn: return tr("Inbound: the peer sent to us; outbound: we sent to it; submission: a "
                                        "client of ours");
        case PeerColumn: return tr("The peer's host name (or address), or its domain when grouped by domain");
        case CountColumn:
            return dhe ? tr("Encrypted connections with a finite-field Diffie-Hellman (DHE/EDH) cipher suite")
                       : tr("Failed TLS attempts of this kind");
        case LastTimeColumn: return tr("When the last of these failures happened (local time)");
        case DetailColumn:
            return dhe ? tr("The DHE cipher suites used, each with its number of connections")
                       : tr("The mail server's words for the last of these failures");
        }
    }
    return QVariant();
}

} // namespace mailtls
