#include "widgets/campaign/campaignlistmodel.h"

#include "widgets/campaign/campaigntext.h"

namespace mailtls {

CampaignListModel::CampaignListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CampaignListModel::setCampaigns(const QList<Campaign> &campaigns)
{
    bool sameRows = campaigns.size() == m_campaigns.size();
    for (int i = 0; sameRows && i < campaigns.size(); ++i)
        sameRows = campaigns.at(i).id == m_campaigns.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_campaigns = campaigns;
        endResetModel();
        return;
    }
    m_campaigns = campaigns;
    if (!m_campaigns.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const Campaign *CampaignListModel::campaign(int row) const
{
    if (row < 0 || row >= m_campaigns.size())
        return nullptr;
    return &m_campaigns.at(row);
}

int CampaignListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_campaigns.size(); ++i)
        if (m_campaigns.at(i).id == id)
            return i;
    return -1;
}

void CampaignListModel::setNow(qint64 now)
{
    if (now == m_now)
        return;
    m_now = now;
    if (!m_campaigns.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_campaigns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case ServiceColumn:
            return CampaignText::service(c);
        case ComputerColumn:
            return CampaignText::computer(c);
        case DirectionsColumn:
            return CampaignText::directions(c);
        case StartColumn:
            return CampaignText::time(c.windowStart);
        case EndColumn:
            return CampaignText::time(c.endedAt.value_or(c.windowEnd));
        case StateColumn:
            return CampaignText::state(c, m_now);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case StartColumn:
            return c.windowStart;
        case EndColumn:
            return c.endedAt.value_or(c.windowEnd);
        case StateColumn:
            return c.isEnforcing() ? 0 : 1;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return CampaignText::stateExplanation(c, m_now);
        if (index.column() == EndColumn)
            return c.endedAt ? tr("Ended at this time; planned to end at %1 UTC").arg(CampaignText::time(c.windowEnd))
                             : tr("The planned end of the window");
        break;
    case IdRole:
        return c.id;
    case OutlivedRole:
        return c.outlived(m_now);
    default:
        break;
    }
    return {};
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Campaign");
    case ServiceColumn:
        return tr("Service");
    case ComputerColumn:
        return tr("Computer");
    case DirectionsColumn:
        return tr("Directions");
    case StartColumn:
        return tr("Window start (UTC)");
    case EndColumn:
        return tr("Window end (UTC)");
    case StateColumn:
        return tr("State");
    }
    return {};
}

} // namespace mailtls
