#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/campaign/campaign.h"

namespace mailtls {

// The campaigns of a store, newest first, one row each: name, service,
// computer, directions, the window's start and end, and its state as of
// now() (time left, who ended it, or that it outlived its end).
class CampaignListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ServiceColumn,
        ComputerColumn,
        DirectionsColumn,
        StartColumn,
        EndColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        SortRole, // the raw value each column sorts by
        OutlivedRole, // bool: enforcing past its end
    };

    explicit CampaignListModel(QObject *parent = nullptr);

    // Rows keep their place when the same campaigns come back with new
    // values (a live refresh), so the selection stays.
    void setCampaigns(const QList<Campaign> &campaigns);
    const QList<Campaign> &campaigns() const { return m_campaigns; }
    const Campaign *campaign(int row) const;
    int rowOf(qint64 id) const;
    // The time the state column counts from (UTC seconds).
    void setNow(qint64 now);
    qint64 now() const { return m_now; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Campaign> m_campaigns;
    qint64 m_now = 0;
};

} // namespace mailtls
