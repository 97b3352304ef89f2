#include "widgets/dashboard/chartstyle.h"

#include <QAbstractAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGraphicsLayout>
#include <QLegend>
#include <QPalette>
#include <QPen>
#include <QToolTip>
#include <QVBoxLayout>

namespace mailtls {

QChart *ChartStyle::setUp(QWidget *owner, QChartView *view)
{
    auto *layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    view->setChart(chart);
    view->setRenderHint(QPainter::Antialiasing);
    return chart;
}

void ChartStyle::applyPalette(QChart *chart, const QList<QAbstractAxis *> &axes, const QPalette &palette)
{
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsBrush(palette.brush(QPalette::Text));
        axis->setTitleBrush(palette.brush(QPalette::Text));
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(palette.color(QPalette::Midlight));
    }
}

void ChartStyle::paintBars(QBarSet *set, ChartPalette::Role role, const QPalette &palette)
{
    set->setBrush(ChartPalette::brush(role, palette));
    set->setPen(QPen(ChartPalette::color(role, palette).darker(130), 0.5));
}

void ChartStyle::writeValues(QBarSet *set, const QList<qreal> &values)
{
    // Each replace() lays the whole series out again: in place for the few
    // values a live batch changes, whole for a new filter's many.
    int changed = 0;
    if (set->count() == values.size()) {
        for (int i = 0; i < values.size() && changed <= MaxInPlaceChanges; ++i)
            changed += set->at(i) != values.at(i);
    }
    if (set->count() != values.size() || changed > MaxInPlaceChanges) {
        set->remove(0, set->count());
        set->append(values);
        return;
    }
    for (int i = 0; i < values.size(); ++i) {
        if (set->at(i) != values.at(i))
            set->replace(i, values.at(i));
    }
}

void ChartStyle::showTip(const QString &text, QWidget *view)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, view);
}

} // namespace mailtls
