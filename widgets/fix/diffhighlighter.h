#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>

namespace mailtls {

// Colours a unified diff: added lines in ChartPalette's encrypted colour,
// removed lines in its failure colour, hunk headers in the neutral one.
class DiffHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit DiffHighlighter(QTextDocument *document, const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QPalette m_palette;
};

} // namespace mailtls
