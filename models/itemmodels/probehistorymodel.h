#pragma once

#include <QList>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/store/probehistory.h"

namespace mailtls {

// Stored probes as a list shows them (ProbeHistory::recent or ::forPeer):
// when each finished, its target, its verdict and how many findings need
// attention. Rows are known by their id, so a refresh after each new probe
// keeps a view's selection and scroll position.
class ProbeHistoryModel final : public KeyedTableModel
{
    Q_OBJECT

public:
    enum Column { TargetColumn, VerdictColumn, TimeColumn, FindingsColumn, ColumnCount };
    // The row's Verdict as int (any column).
    static constexpr int VerdictRole = Qt::UserRole + 32;

    explicit ProbeHistoryModel(QObject *parent = nullptr);

    void setProbes(const QList<ProbeSummary> &probes);
    void clear();
    const QList<ProbeSummary> &probes() const { return m_rows; }
    // The row of a stored probe; -1 when it is not listed.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ProbeSummary> m_rows;
};

} // namespace mailtls
