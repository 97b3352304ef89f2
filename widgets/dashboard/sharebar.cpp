#include "widgets/dashboard/sharebar.h"

#include <algorithm>

#include <QPainter>

#include "widgets/dashboard/chartpalette.h"

namespace mailtls {

ShareBar::ShareBar(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ShareBar::setParts(qint64 encrypted, qint64 whole)
{
    encrypted = std::clamp<qint64>(encrypted, 0, std::max<qint64>(whole, 0));
    if (encrypted == m_encrypted && whole == m_whole)
        return;
    m_encrypted = encrypted;
    m_whole = whole;
    update();
}

QSize ShareBar::sizeHint() const
{
    return QSize(160, fontMetrics().height() / 2 + 4);
}

QSize ShareBar::minimumSizeHint() const
{
    return QSize(40, fontMetrics().height() / 2 + 4);
}

void ShareBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QPalette pal = palette();
    if (m_whole > 0) {
        const qreal split = frame.width() * qreal(m_encrypted) / qreal(m_whole);
        QRectF encrypted = frame;
        encrypted.setWidth(split);
        QRectF plaintext = frame;
        plaintext.setLeft(frame.left() + split);
        painter.fillRect(encrypted, ChartPalette::brush(ChartPalette::Role::Encrypted, pal));
        painter.fillRect(plaintext, ChartPalette::brush(ChartPalette::Role::Plaintext, pal));
    }
    painter.setPen(ChartPalette::color(ChartPalette::Role::Neutral, pal));
    painter.drawRect(frame);
}

} // namespace mailtls
