#include "widgets/fix/diffhighlighter.h"

#include <QTextCharFormat>

#include "widgets/dashboard/chartpalette.h"

namespace mailtls {

DiffHighlighter::DiffHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
    , m_palette(palette)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    // File headers ("+++ b/main.cf") are not changed lines.
    if (text.startsWith(QLatin1String("+++")) || text.startsWith(QLatin1String("---"))
        || text.startsWith(QLatin1String("diff "))) {
        QTextCharFormat format;
        format.setFontWeight(QFont::Bold);
        setFormat(0, int(text.size()), format);
        return;
    }
    ChartPalette::Role role;
    if (text.startsWith(QLatin1Char('+')))
        role = ChartPalette::Role::Encrypted;
    else if (text.startsWith(QLatin1Char('-')))
        role = ChartPalette::Role::Failure;
    else if (text.startsWith(QLatin1String("@@")))
        role = ChartPalette::Role::Neutral;
    else
        return;
    QTextCharFormat format;
    format.setForeground(ChartPalette::color(role, m_palette));
    setFormat(0, int(text.size()), format);
}

} // namespace mailtls
