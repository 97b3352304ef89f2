#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace mailtls {

// What to add to a remote host's sudoers when sudo -n refused a command
// there: a note and the exact line(s), to copy. Hidden unless the host's
// explanation holds such lines. MailTLS never asks for a sudo password.
class FixSudoersNote final : public QWidget
{
    Q_OBJECT

public:
    explicit FixSudoersNote(QWidget *parent = nullptr);

    // Shows the lines in `error` (a host's explanation, see
    // FixRemoteAccess::sudoersLines) for the host `hostName`; hides the note
    // when there are none.
    void setError(const QString &error, const QString &hostName);
    void clear() { setError(QString(), QString()); }

private:
    QLabel *m_note;
    QPlainTextEdit *m_lines;
};

} // namespace mailtls
