#include "models/sources/sudocommandhost.h"

#include <utility>

#include <QRegularExpression>

namespace mailtls {

namespace {

QList<QByteArray> lines(const QByteArray &output)
{
    QList<QByteArray> result;
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

// The line sudo (or the shell that looked for it) wrote about the refusal.
QString refusalLine(const QByteArray &output)
{
    for (const QByteArray &line : lines(output)) {
        if (line.startsWith("sudo: ") || line.startsWith("Sorry, user ") || line.contains(" is not in the sudoers file")
            || line.contains("sudo: not found") || line.contains("sudo: command not found")
            || line.contains("command not found: sudo") || line.contains("Unknown command: sudo"))
            return QString::fromLocal8Bit(line);
    }
    return QString();
}

// "ssh://root@host:port", the host in brackets when it is an IPv6 address.
QString rootUrl(const SourceSpec &spec)
{
    QString host = spec.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + spec.host + QLatin1Char(']') : spec.host;
    if (spec.port != 0)
        host += QLatin1Char(':') + QString::number(spec.port);
    return QStringLiteral("ssh://root@") + host;
}

} // namespace

SudoCommandHost::SudoCommandHost(std::shared_ptr<const CommandHost> inner, const SourceSpec &spec, Mode mode,
                                 QStringList programs)
    : m_inner(std::move(inner))
    , m_spec(spec)
    , m_mode(mode)
    , m_programs(std::move(programs))
{ }

std::shared_ptr<SudoCommandHost> SudoCommandHost::forLogin(std::shared_ptr<const CommandHost> inner,
                                                           const SourceSpec &spec, const QStringList &programs)
{
    const Mode mode = spec.user == QLatin1String("root") ? Mode::Direct : Mode::Sudo;
    return std::make_shared<SudoCommandHost>(std::move(inner), spec, mode, programs);
}

QStringList SudoCommandHost::command(const QStringList &argv) const
{
    if (m_mode == Mode::Direct)
        return argv;
    // "--": a program name starting with a dash stays a program name.
    return QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")} + argv;
}

void SudoCommandHost::prepare(QProcess &process, const QStringList &argv) const
{
    m_inner->prepare(process, command(argv));
}

SudoCommandHost::Refusal SudoCommandHost::refusal(int exitCode, const QByteArray &output) const
{
    if (m_mode == Mode::Direct || exitCode == 0)
        return Refusal::None;
    static const QRegularExpression notFound(QStringLiteral("^sudo: [^:]+: command not found$"));
    for (const QByteArray &raw : lines(output)) {
        const QString line = QString::fromLocal8Bit(raw);
        if (line.startsWith(QLatin1String("sudo: "))) {
            if (line.contains(QLatin1String("a password is required"))
                || line.contains(QLatin1String("a terminal is required to read the password"))
                || line.contains(QLatin1String("no tty present and no askpass program"))
                || line.contains(QLatin1String("no askpass program specified")))
                return Refusal::PasswordRequired;
            if (line.contains(QLatin1String("must have a tty to run sudo")))
                return Refusal::TtyRequired;
            if (notFound.match(line).hasMatch())
                return Refusal::ProgramNotFound;
            if (line.contains(QLatin1String("account validation failure")))
                return Refusal::NotAllowed;
        }
        if ((line.startsWith(QLatin1String("Sorry, user ")) && line.contains(QLatin1String(" is not allowed to ")))
            || line.contains(QLatin1String(" may not run sudo on "))
            || line.contains(QLatin1String(" is not in the sudoers file")))
            return Refusal::NotAllowed;
    }
    // The login shell's words for a program it cannot find (sh, bash, zsh, fish).
    if (exitCode == 127) {
        const QString all = QString::fromLocal8Bit(output);
        if (all.contains(QLatin1String("sudo: not found")) || all.contains(QLatin1String("sudo: command not found"))
            || all.contains(QLatin1String("command not found: sudo"))
            || all.contains(QLatin1String("Unknown command: sudo")))
            return Refusal::NoSudo;
    }
    return Refusal::None;
}

QString SudoCommandHost::sudoersLine(const QString &login) const
{
    const QString who = !m_spec.user.isEmpty() ? m_spec.user : !login.isEmpty() ? login : QStringLiteral("LOGIN");
    return QStringLiteral("%1 ALL=(root) NOPASSWD: %2").arg(who, m_programs.join(QStringLiteral(", ")));
}

QString SudoCommandHost::explanation(Refusal refusal, const QByteArray &output) const
{
    const QString host = displayName();
    const QString said = refusalLine(output);
    // The user sudo named ("Sorry, user mail is not allowed …") when the spec names none.
    static const QRegularExpression sorryUser(QStringLiteral("^Sorry, user (\\S+) "));
    const QString named = sorryUser.match(said).captured(1);
    const QString line = sudoersLine(named);
    const QString login = !m_spec.user.isEmpty() ? m_spec.user : named;
    const QString who = !login.isEmpty() ? login : tr("the login (LOGIN)");

    QString text;
    switch (refusal) {
    case Refusal::None:
        return QString();
    case Refusal::ProgramNotFound:
        return tr("%1 is not installed on %2 (%3).").arg(said.section(QLatin1Char(':'), 1, 1).trimmed(), host, said);
    case Refusal::NoSudo:
        text = tr("sudo is not installed on %1, and MailTLS does not log in there as root. Install sudo on %1 and "
                  "add the line below, or log in as root instead (%2).")
                   .arg(host, rootUrl(m_spec));
        break;
    case Refusal::PasswordRequired:
    case Refusal::NotAllowed:
    case Refusal::TtyRequired:
        text = tr("sudo on %1 refused to run the command without a password (it said: \"%2\"). MailTLS runs "
                  "the fix's commands through sudo -n and never asks for a sudo password or keeps one.")
                   .arg(host, said);
        break;
    }
    text += QLatin1Char('\n')
        + tr("To let %1 run them as root without a password, add this line on %2 with "
             "\"visudo -f /etc/sudoers.d/mailtls\":")
              .arg(who, host);
    text += QStringLiteral("\n\n    ") + line + QStringLiteral("\n");
    if (refusal == Refusal::TtyRequired)
        text += QStringLiteral("    Defaults:%1 !requiretty\n").arg(!login.isEmpty() ? login : QStringLiteral("LOGIN"));
    text += QLatin1Char('\n')
        + tr("The paths are Debian's and Ubuntu's; \"command -v PROGRAM\" on %1 shows where yours are. These "
             "programs can change any file as root: if that is more than you want to grant, log in as root "
             "instead (%2).")
              .arg(host, rootUrl(m_spec));
    return text;
}

QString SudoCommandHost::diagnose(int exitCode, const QByteArray &errorOutput) const
{
    const Refusal why = refusal(exitCode, errorOutput);
    if (why != Refusal::None)
        return explanation(why, errorOutput);
    return m_inner->diagnose(exitCode, errorOutput);
}

bool SudoCommandHost::needsUser(int exitCode, const QByteArray &errorOutput) const
{
    const Refusal why = refusal(exitCode, errorOutput);
    if (why == Refusal::ProgramNotFound)
        return false;
    if (why != Refusal::None)
        return true;
    return m_inner->needsUser(exitCode, errorOutput);
}

} // namespace mailtls
