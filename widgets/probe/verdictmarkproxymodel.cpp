#include "widgets/probe/verdictmarkproxymodel.h"

#include <QPainter>
#include <QPixmap>

#include "models/itemmodels/keyedtablemodel.h"
#include "models/probe/probetypes.h"
#include "widgets/dashboard/chartpalette.h"
#include "widgets/probe/verdictlabel.h"

namespace mailtls {

VerdictMarkProxyModel::VerdictMarkProxyModel(int markColumn, int verdictRole, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_column(markColumn)
    , m_verdictRole(verdictRole)
{
    setSortRole(KeyedTableModel::SortRole);
    setPalette(QPalette());
}

void VerdictMarkProxyModel::setPalette(const QPalette &palette)
{
    const QColor border = palette.color(QPalette::WindowText);
    m_marks.clear();
    for (Verdict verdict : {Verdict::Good, Verdict::Weak, Verdict::NoTls, Verdict::Unreachable}) {
        QPixmap pixmap(14, 14);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setPen(QPen(border, 1));
        painter.setBrush(ChartPalette::brush(VerdictLabel::paletteRole(verdict), palette));
        painter.drawRect(QRectF(0.5, 0.5, 13, 13));
        painter.end();
        m_marks << QIcon(pixmap);
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, m_column), index(rowCount() - 1, m_column), {Qt::DecorationRole});
}

QVariant VerdictMarkProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.isValid() && index.column() == m_column) {
        const QVariant verdict = QSortFilterProxyModel::data(index, m_verdictRole);
        if (verdict.isValid() && verdict.toInt() >= 0 && verdict.toInt() < m_marks.size())
            return m_marks.at(verdict.toInt());
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace mailtls
