#include "widgets/dashboard/encryptedsharedelegate.h"

#include <algorithm>

#include <QPainter>
#include <QWidget>

#include "widgets/dashboard/chartpalette.h"

namespace mailtls {

namespace {
constexpr int BarThickness = 3;
constexpr int Inset = 4;
}

EncryptedShareDelegate::EncryptedShareDelegate(int shareRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shareRole(shareRole)
{
}

void EncryptedShareDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QVariant value = index.data(m_shareRole);
    if (!value.isValid())
        return;
    const double share = std::clamp(value.toDouble(), 0.0, 1.0);
    const QRect bar(option.rect.left() + Inset, option.rect.bottom() - BarThickness - 1,
                    option.rect.width() - 2 * Inset, BarThickness);
    if (bar.width() <= 0)
        return;
    const QPalette &palette = option.widget ? option.widget->palette() : option.palette;
    const int encrypted = int(double(bar.width()) * share + 0.5);
    painter->save();
    painter->fillRect(QRect(bar.left(), bar.top(), encrypted, bar.height()),
                      ChartPalette::brush(ChartPalette::Role::Encrypted, palette));
    painter->fillRect(QRect(bar.left() + encrypted, bar.top(), bar.width() - encrypted, bar.height()),
                      ChartPalette::brush(ChartPalette::Role::Plaintext, palette));
    painter->restore();
}

} // namespace mailtls
