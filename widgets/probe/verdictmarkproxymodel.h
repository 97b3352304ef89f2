#pragma once

#include <QIcon>
#include <QPalette>
#include <QSortFilterProxyModel>

namespace mailtls {

// Sorts a probe table by its raw values (KeyedTableModel::SortRole) and
// marks one column of each row with the colour of the row's verdict (read
// from `verdictRole` as int), the same colours as VerdictLabel's badges. The
// verdict's word stays in the cell: the mark is never the only sign.
class VerdictMarkProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit VerdictMarkProxyModel(int markColumn, int verdictRole, QObject *parent = nullptr);

    // The palette of the view, so the marks follow light and dark themes.
    void setPalette(const QPalette &palette);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int m_column;
    int m_verdictRole;
    QList<QIcon> m_marks; // by Verdict
};

} // namespace mailtls
