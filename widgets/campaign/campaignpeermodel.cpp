#include "widgets/campaign/campaignpeermodel.h"

#include <QLocale>

#include "models/itemmodels/recordtitles.h"
#include "widgets/campaign/campaigntext.h"

namespace mailtls {

namespace {

bool sameKeys(const QList<CampaignPeerRow> &a, const QList<CampaignPeerRow> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (a.at(i).peer.peer != b.at(i).peer.peer || a.at(i).peer.direction != b.at(i).peer.direction)
            return false;
    return true;
}

} // namespace

CampaignPeerModel::CampaignPeerModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CampaignPeerModel::setRows(const QList<CampaignPeerRow> &rows)
{
    // The same peers again (a refresh): changed in place, so the selection
    // and scroll position stay.
    if (sameKeys(rows, m_rows)) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString CampaignPeerModel::text(const CampaignPeerRow &row, int column)
{
    const CampaignPeer &p = row.peer;
    const QLocale locale;
    switch (column) {
    case PeerColumn:
        return p.peer;
    case DirectionColumn:
        return RecordTitles::direction(p.direction);
    case StateColumn:
        return CampaignText::peerState(row.state);
    case FixedColumn:
        return p.fixedAt ? CampaignText::time(*p.fixedAt) : QString();
    case ProblemColumn:
        return CampaignText::problem(p.problem);
    case ReasonColumn:
        return p.reason;
    case FailuresColumn:
        return locale.toString(p.failures);
    case MessagesColumn:
        return locale.toString(p.messages);
    case FirstSeenColumn:
        return CampaignText::time(p.firstSeen);
    case LastSeenColumn:
        return CampaignText::time(p.lastSeen);
    case OurAddressesColumn:
        return p.ourAddresses.join(QStringLiteral(", "));
    case TheirAddressesColumn:
        return p.theirAddresses.join(QStringLiteral(", "));
    case LettersColumn:
        return CampaignText::letters(row);
    }
    return QString();
}

QString CampaignPeerModel::columnTitle(int column)
{
    switch (column) {
    case PeerColumn:
        return tr("Peer");
    case DirectionColumn:
        return tr("Direction");
    case StateColumn:
        return tr("State");
    case FixedColumn:
        return tr("Fixed (UTC)");
    case ProblemColumn:
        return tr("What failed");
    case ReasonColumn:
        return tr("Reason");
    case FailuresColumn:
        return tr("Failures");
    case MessagesColumn:
        return tr("Messages");
    case FirstSeenColumn:
        return tr("First seen (UTC)");
    case LastSeenColumn:
        return tr("Last seen (UTC)");
    case OurAddressesColumn:
        return tr("Our correspondents");
    case TheirAddressesColumn:
        return tr("Their correspondents");
    case LettersColumn:
        return tr("Letters");
    }
    return QString();
}

int CampaignPeerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignPeerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignPeerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignPeerRow &row = m_rows.at(index.row());
    const CampaignPeer &p = row.peer;
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return CampaignText::peerStateExplanation(row);
        if (index.column() == ReasonColumn || index.column() == OurAddressesColumn
            || index.column() == TheirAddressesColumn)
            return text(row, index.column());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == FailuresColumn || index.column() == MessagesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(row.state);
        case FixedColumn:
            return p.fixedAt.value_or(0);
        case FailuresColumn:
            return p.failures;
        case MessagesColumn:
            return p.messages;
        case FirstSeenColumn:
            return p.firstSeen;
        case LastSeenColumn:
            return p.lastSeen;
        case LettersColumn:
            return row.lettersSent * 1000 + row.lettersExported;
        default:
            return text(row, index.column());
        }
    case StateRole:
        return int(row.state);
    case PeerRole:
        return p.peer;
    case DirectionRole:
        return int(p.direction);
    default:
        break;
    }
    return {};
}

QVariant CampaignPeerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return columnTitle(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace mailtls
