#pragma once

#include <optional>

#include <QSortFilterProxyModel>

#include "models/logs/records.h"

namespace mailtls {

// Sorts the peer table by raw values and filters it by direction and by a
// search text matched against the peer name.
class PeerFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PeerFilterProxyModel(QObject *parent = nullptr);

    void setDirection(std::optional<Direction> direction);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<Direction> m_direction;
    QString m_search;
};

} // namespace mailtls
