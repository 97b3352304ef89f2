#pragma once

#include <QList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/overviewfigures.h"

namespace mailtls {

// The Overview's recent TLS failures, newest first: one row per failure,
// known by its store id, so a live update keeps the selected one selected.
class RecentFailureModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, DirectionColumn, PeerColumn, ProblemColumn, ReasonColumn, ColumnCount };
    explicit RecentFailureModel(QObject *parent = nullptr);

    void setFailures(const QList<RecentFailure> &failures);
    const QList<RecentFailure> &failures() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RecentFailure> m_rows;
};

} // namespace mailtls
