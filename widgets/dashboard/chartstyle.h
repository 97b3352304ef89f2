#pragma once

#include <QList>

#include "widgets/dashboard/chartpalette.h"

class QAbstractAxis;
class QBarSet;
class QChart;
class QChartView;
class QPalette;
class QString;
class QWidget;

namespace mailtls {

// What every chart of the dashboard shares: how its chart is set up in its
// widget, how the palette colours it (light and dark), how bars of a role are
// painted and how its hover tips show.
class ChartStyle final
{
public:
    // Puts `view` alone into `owner`'s layout and gives it a chart without
    // animations (live redraws), with thin margins, square corners and the
    // legend below, drawn antialiased.
    static QChart *setUp(QWidget *owner, QChartView *view);
    // The chart's background, title and legend and the axes' labels, titles,
    // lines and grid in the palette's colours.
    static void applyPalette(QChart *chart, const QList<QAbstractAxis *> &axes, const QPalette &palette);
    // A bar set filled as `role` is, with a darker outline.
    static void paintBars(QBarSet *set, ChartPalette::Role role, const QPalette &palette);
    // Gives the set these values, written in place where it has as many and
    // at most MaxInPlaceChanges differ, so a live refresh only repaints the
    // bars that changed; else replaced whole (one layout, not one per bar).
    static void writeValues(QBarSet *set, const QList<qreal> &values);
    static constexpr int MaxInPlaceChanges = 16;
    // Shows `text` at the mouse over `view`; an empty text hides the tip.
    static void showTip(const QString &text, QWidget *view);
};

} // namespace mailtls
