#include "widgets/probe/verdictlabel.h"

#include <cmath>

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include "models/itemmodels/recordtitles.h"

namespace mailtls {

namespace {

constexpr int paddingX = 12;
constexpr int paddingY = 5;

// WCAG relative luminance of an sRGB colour.
double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

VerdictLabel::VerdictLabel(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Verdict"));
}

void VerdictLabel::setVerdict(std::optional<Verdict> verdict)
{
    m_verdict = verdict;
    setAccessibleName(verdict ? tr("Verdict: %1").arg(RecordTitles::verdict(*verdict)) : tr("Verdict"));
    setAccessibleDescription(verdict ? RecordTitles::verdictExplanation(*verdict) : QString());
    setToolTip(accessibleDescription());
    updateGeometry();
    update();
}

QString VerdictLabel::text() const
{
    return m_verdict ? RecordTitles::verdict(*m_verdict) : QString();
}

ChartPalette::Role VerdictLabel::paletteRole(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good:
        return ChartPalette::Role::Encrypted;
    case Verdict::Weak:
        return ChartPalette::Role::Plaintext;
    case Verdict::NoTls:
        return ChartPalette::Role::Failure;
    case Verdict::Unreachable:
        return ChartPalette::Role::Neutral;
    }
    return ChartPalette::Role::Neutral;
}

QColor VerdictLabel::textColor(const QColor &background)
{
    // The contrast ratio of each against the background; the larger wins.
    const double l = luminance(background);
    const double withBlack = (l + 0.05) / 0.05;
    const double withWhite = 1.05 / (l + 0.05);
    return withBlack >= withWhite ? QColor(Qt::black) : QColor(Qt::white);
}

QFont VerdictLabel::badgeFont() const
{
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    return f;
}

QSize VerdictLabel::sizeHint() const
{
    const QFontMetrics metrics(badgeFont());
    // As wide as the widest word, so the layout does not jump between verdicts.
    int width = 0;
    for (Verdict v : {Verdict::Good, Verdict::Weak, Verdict::NoTls, Verdict::Unreachable})
        width = qMax(width, metrics.horizontalAdvance(RecordTitles::verdict(v)));
    return QSize(width + 2 * paddingX, metrics.height() + 2 * paddingY);
}

QSize VerdictLabel::minimumSizeHint() const
{
    return sizeHint();
}

void VerdictLabel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
}

void VerdictLabel::paintEvent(QPaintEvent *)
{
    if (!m_verdict)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor fill = ChartPalette::color(paletteRole(*m_verdict), palette());
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(box, 5, 5);
    painter.fillPath(path, fill);
    painter.setFont(badgeFont());
    painter.setPen(textColor(fill));
    painter.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace mailtls
