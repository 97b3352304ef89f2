#include "models/sources/askpassprompt.h"

#include <QRegularExpression>

namespace mailtls {

namespace {

// Password and passphrase prompts are one line; anything longer than ssh's own
// limits (a 100-character path, an account of user and host) is not one.
constexpr qsizetype maxOneLinePrompt = 1024;

} // namespace

AskpassPrompt::AskpassPrompt(const QString &prompt)
    : m_text(prompt)
{
    m_hostKey = HostKeyQuestion::parse(prompt);
    if (m_hostKey) {
        m_kind = Kind::HostKey;
        return;
    }
    if (prompt.size() > maxOneLinePrompt || prompt.contains(QLatin1Char('\n')))
        return;

    // sshconnect2.c: "%s@%s's password: " (user, host) for password
    // authentication; keyboard-interactive prefixes the server's own prompt
    // with "(user@host) ", and servers without PAM say "Password:".
    static const QRegularExpression password(QStringLiteral("^(\\S+@\\S+)'s password: ?$"));
    static const QRegularExpression interactive(QStringLiteral("^(?:\\((\\S+@\\S+)\\) )?Password: ?$"));
    static const QRegularExpression passphrase(QStringLiteral("^Enter passphrase for key '(.+)': ?$"));

    QRegularExpressionMatch match = password.match(prompt);
    if (!match.hasMatch())
        match = interactive.match(prompt);
    if (match.hasMatch()) {
        m_kind = Kind::Password;
        m_account = match.captured(1);
        return;
    }
    match = passphrase.match(prompt);
    if (match.hasMatch()) {
        m_kind = Kind::Passphrase;
        m_keyFile = match.captured(1);
    }
}

} // namespace mailtls
