#pragma once

class QValueAxis;

namespace mailtls {

// The value axes of the dashboard's charts: from 0 to a round number at or
// above the largest value, a tick on every step of 1, 2 or 5 times a power of
// ten, so the grid lines fall where people read them.
class ChartAxis final
{
public:
    struct Range
    {
        double max = 1;
        double step = 1;
        // Steps from 0 to max; one tick more than that.
        int steps() const;
    };

    // The smallest 1-2-5 step that reaches `top` in at most `maxSteps` steps,
    // and its first multiple at or above `top`. Counts (`whole`) never get a
    // fractional step. Nothing to show (top <= 0) is a range of one.
    static Range niceRange(double top, int maxSteps, bool whole);
    // Sets the axis to 0 .. range.max with a tick on every step.
    static void apply(QValueAxis *axis, const Range &range);
    static void setNiceRange(QValueAxis *axis, double top, int maxSteps, bool whole)
    {
        apply(axis, niceRange(top, maxSteps, whole));
    }
};

} // namespace mailtls
