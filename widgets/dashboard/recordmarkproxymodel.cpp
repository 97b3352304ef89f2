#include "widgets/dashboard/recordmarkproxymodel.h"

#include <QPainter>
#include <QPixmap>

#include "models/itemmodels/keyedtablemodel.h"
#include "widgets/dashboard/chartpalette.h"

namespace mailtls {

RecordMarkProxyModel::RecordMarkProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(KeyedTableModel::SortRole);
    setPalette(QPalette());
}

void RecordMarkProxyModel::setMarkColumn(int column)
{
    m_column = column;
}

void RecordMarkProxyModel::setPalette(const QPalette &palette)
{
    using Role = ChartPalette::Role;
    const QColor border = palette.color(QPalette::WindowText);
    m_encrypted = swatch(ChartPalette::brush(Role::Encrypted, palette), border);
    m_plaintext = swatch(ChartPalette::brush(Role::Plaintext, palette), border);
    m_failure = swatch(ChartPalette::brush(Role::Failure, palette), border);
    if (m_column >= 0 && rowCount() > 0)
        emit dataChanged(index(0, m_column), index(rowCount() - 1, m_column), {Qt::DecorationRole});
}

QIcon RecordMarkProxyModel::swatch(const QBrush &brush, const QColor &border)
{
    // Big enough to show the plaintext and failure patterns.
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QPen(border, 1));
    painter.setBrush(brush);
    painter.drawRect(QRectF(0.5, 0.5, 13, 13));
    painter.end();
    return QIcon(pixmap);
}

QVariant RecordMarkProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.isValid() && index.column() == m_column) {
        const QVariant encrypted = QSortFilterProxyModel::data(index, KeyedTableModel::EncryptedRole);
        if (!encrypted.isValid())
            return m_failure;
        return encrypted.toBool() ? m_encrypted : m_plaintext;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace mailtls
