#include "widgets/fix/fixsudoersnote.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "widgets/fix/fixremoteaccess.h"

namespace mailtls {

FixSudoersNote::FixSudoersNote(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_lines(new QPlainTextEdit(this))
{
    m_note->setObjectName(QStringLiteral("sudoersNote"));
    m_note->setWordWrap(true);
    m_lines->setObjectName(QStringLiteral("sudoersLine"));
    m_lines->setAccessibleName(tr("Line to add to sudoers"));
    m_lines->setReadOnly(true);
    m_lines->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lines->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_lines->setMaximumHeight(m_lines->fontMetrics().lineSpacing() * 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_lines);
    hide();
}

void FixSudoersNote::setError(const QString &error, const QString &hostName)
{
    const QStringList lines = FixRemoteAccess::sudoersLines(error);
    setVisible(!lines.isEmpty());
    if (lines.isEmpty()) {
        m_note->clear();
        m_lines->clear();
        return;
    }
    m_note->setText(tr("sudo on %1 runs nothing without a password. Add this on that host (visudo -f "
                       "/etc/sudoers.d/mailtls), then press Retry; MailTLS never asks for a sudo password:")
                        .arg(hostName));
    m_lines->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace mailtls
