#pragma once

#include <QList>
#include <QSortFilterProxyModel>
#include <QString>

#include "models/store/peerrow.h"

namespace mailtls {

class PeerRowModel;

// The Peers table as a view shows it: sorted by PeerRowModel::SortRole (raw
// numbers), narrowed to the peers whose name contains the search text. The
// direction and time range are the query's business, not this model's.
class PeerRowFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PeerRowFilterProxyModel(QObject *parent = nullptr);

    // Case-insensitive substring of the peer name; blanks around it ignored.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

    // The rows shown, in the order shown (a PeerRowModel source).
    QList<PeerRow> shownRows() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
};

} // namespace mailtls
