#pragma once

#include <optional>

#include <QWidget>

#include "models/probe/probetypes.h"
#include "widgets/dashboard/chartpalette.h"

namespace mailtls {

// A verdict as a badge: its word ("Good", "Weak", "No TLS", "Unreachable")
// on the dashboard's colour for it, so the colour is never the only sign.
// Good is the encrypted colour; the worse verdicts climb through plaintext
// (weak) to failure (no TLS); unreachable is neutral. The text takes black
// or white, whichever reads better on the colour, in light and dark themes.
class VerdictLabel final : public QWidget
{
    Q_OBJECT

public:
    explicit VerdictLabel(QWidget *parent = nullptr);

    // None: nothing probed yet (the badge is empty).
    void setVerdict(std::optional<Verdict> verdict);
    std::optional<Verdict> verdict() const { return m_verdict; }
    QString text() const;

    static ChartPalette::Role paletteRole(Verdict verdict);
    // The text colour that reads best on `background` (black or white).
    static QColor textColor(const QColor &background);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QFont badgeFont() const;

    std::optional<Verdict> m_verdict;
};

} // namespace mailtls
