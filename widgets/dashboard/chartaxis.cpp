#include "widgets/dashboard/chartaxis.h"

#include <algorithm>
#include <cmath>

#include <QValueAxis>

namespace mailtls {

int ChartAxis::Range::steps() const
{
    return int(std::lround(max / step));
}

ChartAxis::Range ChartAxis::niceRange(double top, int maxSteps, bool whole)
{
    if (!(top > 0))
        top = 1;
    const double rough = top / std::max(1, maxSteps);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    if (whole)
        step = std::max(1.0, std::round(step));
    // The margin keeps a top that is a multiple of the step from gaining a
    // step through rounding.
    return {std::ceil(top / step - 1e-9) * step, step};
}

void ChartAxis::apply(QValueAxis *axis, const Range &range)
{
    axis->setRange(0, range.max);
    // A fixed count rather than a tick interval: the last tick then sits on
    // max exactly, whatever fractional step added up to it.
    axis->setTickCount(range.steps() + 1);
}

} // namespace mailtls
