#include "models/itemmodels/peerfilterproxymodel.h"

#include "models/itemmodels/peertablemodel.h"

namespace mailtls {

PeerFilterProxyModel::PeerFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PeerTableModel::SortRole);
}

void PeerFilterProxyModel::setDirection(std::optional<Direction> direction)
{
    if (m_direction == direction)
        return;
    m_direction = direction;
    invalidateFilter();
}

void PeerFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_search == trimmed)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool PeerFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex peer = sourceModel()->index(sourceRow, PeerTableModel::PeerColumn, sourceParent);
    if (m_direction && peer.data(PeerTableModel::DirectionRole).toInt() != int(*m_direction))
        return false;
    if (!m_search.isEmpty() && !peer.data(Qt::DisplayRole).toString().contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace mailtls
