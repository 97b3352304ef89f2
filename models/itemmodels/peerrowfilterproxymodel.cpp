#include "models/itemmodels/peerrowfilterproxymodel.h"

#include "models/itemmodels/peerrowmodel.h"

namespace mailtls {

PeerRowFilterProxyModel::PeerRowFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PeerRowModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PeerRowFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateFilter();
}

QList<PeerRow> PeerRowFilterProxyModel::shownRows() const
{
    QList<PeerRow> rows;
    const auto *source = qobject_cast<const PeerRowModel *>(sourceModel());
    if (!source)
        return rows;
    const int count = rowCount();
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append(source->rowAt(mapToSource(index(i, 0)).row()));
    return rows;
}

bool PeerRowFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    const QModelIndex peer = sourceModel()->index(sourceRow, PeerRowModel::PeerColumn, sourceParent);
    return peer.data(PeerRowModel::PeerRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace mailtls
