#pragma once

#include <memory>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/sources/commandhost.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

// Runs commands as root on another host (a mail server reached over SSH):
// every argument vector becomes `sudo -n -- ARGV` on the host that
// `inner` reaches, unless the login is root already (Mode::Direct).
//
// `-n` makes sudo refuse instead of asking for a password: MailTLS never asks
// for a sudo password and never keeps one. diagnose() recognises sudo's
// refusals and says which sudoers line lets the login run the needed
// programs (programs(), absolute paths as sudo matches them) without one;
// anything else is the inner host's to explain (ssh's host keys, logins).
class SudoCommandHost final : public CommandHost
{
    Q_DECLARE_TR_FUNCTIONS(SudoCommandHost)

public:
    enum class Mode {
        Sudo, // `sudo -n -- ARGV`
        Direct, // the login is root: ARGV as it is
    };

    // What sudo said when it ran nothing.
    enum class Refusal {
        None,
        PasswordRequired, // no NOPASSWD rule for the command (sudo -n)
        NotAllowed, // the login may not run it at all, or is not in sudoers
        TtyRequired, // "Defaults requiretty"
        NoSudo, // sudo is not installed on the host
        ProgramNotFound, // sudo found no such program on its secure_path
    };

    // `spec` names the host and the login (spec.user; empty: ssh's own
    // choice); its path is not used. `programs`: every program the commands
    // run, as sudoers must name them ("/usr/sbin/postfix").
    SudoCommandHost(std::shared_ptr<const CommandHost> inner, const SourceSpec &spec, Mode mode, QStringList programs);

    // Mode::Direct when the spec logs in as root, else Mode::Sudo.
    static std::shared_ptr<SudoCommandHost> forLogin(std::shared_ptr<const CommandHost> inner, const SourceSpec &spec,
                                                     const QStringList &programs);

    void prepare(QProcess &process, const QStringList &argv) const override;
    QString diagnose(int exitCode, const QByteArray &errorOutput) const override;
    bool needsUser(int exitCode, const QByteArray &errorOutput) const override;
    bool isLocal() const override { return m_inner->isLocal(); }
    QString displayName() const override { return m_inner->displayName(); }

    // What runs on the host for `argv`.
    QStringList command(const QStringList &argv) const;

    Mode mode() const { return m_mode; }
    const SourceSpec &spec() const { return m_spec; }
    const QStringList &programs() const { return m_programs; }
    const std::shared_ptr<const CommandHost> &inner() const { return m_inner; }

    // sudo's refusal in a run's output (sudo's own lines only: "sudo: …",
    // "Sorry, user …"); Refusal::None when sudo ran the command or was not
    // asked to.
    Refusal refusal(int exitCode, const QByteArray &output) const;
    // "mail ALL=(root) NOPASSWD: /usr/sbin/postconf, …": the line that lets
    // `login` (the spec's user, else the one sudo named, else "LOGIN") run
    // programs() as root without a password.
    QString sudoersLine(const QString &login = QString()) const;
    // What to do about `refusal`, in full: what sudo said, the sudoers line
    // and where it goes, and that MailTLS never asks for a sudo password.
    QString explanation(Refusal refusal, const QByteArray &output) const;

private:
    std::shared_ptr<const CommandHost> m_inner;
    SourceSpec m_spec;
    Mode m_mode;
    QStringList m_programs;
};

} // namespace mailtls
