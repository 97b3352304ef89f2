#pragma once

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace mailtls {

// The colours every chart, legend and table of the dashboard uses: the same
// colour always means the same thing. Encrypted, plaintext and failure are
// told apart by lightness and hue that stay distinct for the common kinds of
// colour blindness (blue, orange, vermilion of the Okabe–Ito set, never red
// against green), and plaintext and failure also carry a pattern so they
// differ in print and in greyscale too. Each has a variant for dark palettes.
class ChartPalette final
{
public:
    enum class Role { Encrypted, Plaintext, Failure, Neutral };

    // The colour of `role` on a window with this palette (dark when its
    // window colour is darker than its text).
    static QColor color(Role role, const QPalette &palette);
    // Fill for bars and areas: the colour, with a pattern for Plaintext
    // (diagonal) and Failure (cross).
    static QBrush brush(Role role, const QPalette &palette);
    static bool isDark(const QPalette &palette);
};

} // namespace mailtls
