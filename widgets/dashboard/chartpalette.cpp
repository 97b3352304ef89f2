#include "widgets/dashboard/chartpalette.h"

#include <QImage>
#include <QPainter>
#include <QPen>

namespace mailtls {

bool ChartPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor ChartPalette::color(Role role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Encrypted:
        return dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);
    case Role::Plaintext:
        return QColor(0xe6, 0x9f, 0x00);
    case Role::Failure:
        return dark ? QColor(0xf0, 0x6e, 0x3a) : QColor(0xd5, 0x5e, 0x00);
    case Role::Neutral:
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
    }
    return palette.color(QPalette::WindowText);
}

QBrush ChartPalette::brush(Role role, const QPalette &palette)
{
    const QColor c = color(role, palette);
    if (role == Role::Encrypted || role == Role::Neutral)
        return QBrush(c);
    // A texture rather than a pattern brush: Qt's pattern brushes draw only
    // their lines, and the area must keep its colour under the texture.
    const int size = 8;
    QImage tile(size, size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(c);
    QPainter painter(&tile);
    painter.setPen(QPen(c.darker(isDark(palette) ? 170 : 140), 1.5));
    painter.setRenderHint(QPainter::Antialiasing);
    // Plaintext: one diagonal; failure: crossed diagonals.
    painter.drawLine(QPointF(-1, size + 1), QPointF(size + 1, -1));
    if (role == Role::Failure)
        painter.drawLine(QPointF(-1, -1), QPointF(size + 1, size + 1));
    painter.end();
    return QBrush(tile);
}

} // namespace mailtls
