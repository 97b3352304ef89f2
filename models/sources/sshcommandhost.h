#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "models/sources/commandhost.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

// How MailTLS runs the system's OpenSSH client, the same for every host.
struct SshSettings
{
    // MailTLS's own known-hosts file: keys the user accepts in MailTLS are
    // written here (ssh writes to the first UserKnownHostsFile); the user's
    // ~/.ssh/known_hosts is read after it. Absolute path; must not be empty.
    QString knownHostsFile;
    // The program ssh runs as SSH_ASKPASS (the mailtls binary). Empty: no
    // askpass, ssh asks on its terminal if it has one and fails otherwise.
    QString askpassProgram;
    // Name of the local socket the askpass helper talks to
    // (MAILTLS_ASKPASS_SOCKET in ssh's environment).
    QString askpassSocket;
    // A private key to offer (an IdentityFile tried before those of ~/.ssh/config).
    QString identityFile;
    // Handed to ssh after MailTLS's own options (which win: ssh takes the first
    // value it sees), e.g. "-F" "/tmp/test/ssh_config" in tests.
    QStringList extraOptions;

    // AppDataLocation/known_hosts.
    static QString defaultKnownHostsFile();
};

// Runs commands on a remote host through the system's `ssh`, so the user's
// ~/.ssh/config, agent, keys and ProxyJump apply. Host keys are always checked:
// an unknown key is put to the user through askpass (StrictHostKeyChecking=ask)
// and, once accepted, kept in MailTLS's known-hosts file; a changed key makes
// ssh refuse, whatever askpass answers.
//
// The command reaches the remote login shell as one string in which every
// argument is single-quoted, so no argument can become shell syntax.
class SshCommandHost final : public CommandHost
{
    Q_DECLARE_TR_FUNCTIONS(SshCommandHost)

public:
    // `spec` gives user, host and port (its path and unit are not used).
    SshCommandHost(const SourceSpec &spec, SshSettings settings);

    // Also creates the known-hosts file's folder, which ssh would not.
    void prepare(QProcess &process, const QStringList &argv) const override;
    QString diagnose(int exitCode, const QByteArray &errorOutput) const override;
    bool needsUser(int exitCode, const QByteArray &errorOutput) const override;
    bool isLocal() const override { return false; }
    QString displayName() const override;
    // "[user@]host[:port]", an IPv6 host in brackets when a port follows: the
    // name displayName() gives and ssh's askpass helper reports as
    // MAILTLS_ASKPASS_TARGET.
    static QString displayNameOf(const SourceSpec &spec);

    // Why ssh cannot be run with these settings (no known-hosts file, or a file
    // path ssh would read as something else); empty when all is well.
    // prepare() of a host with a problem leaves the program empty, so the
    // process fails to start instead of running ssh on a misread path;
    // diagnose() then gives the problem, which needs the user.
    QString problem() const;

    // What prepare() sets: the program, its arguments for `argv`, and the
    // environment on top of `base`.
    static QString program();
    QStringList arguments(const QStringList &argv) const;
    QProcessEnvironment environment(const QProcessEnvironment &base) const;

    // `word` single-quoted for a POSIX shell; also right for csh and fish,
    // which read backslashes inside single quotes differently (a backslash is
    // written outside the quotes). A line break stays inside the quotes: fine
    // for POSIX shells, not for csh.
    static QString quoteForShell(const QString &word);
    // Every element quoted, joined by single spaces: what the remote login
    // shell runs.
    static QString remoteCommand(const QStringList &argv);
    // `path` as one word of an ssh configuration line: double-quoted, with '\'
    // and '"' escaped and '%' doubled (ssh expands %-tokens in file names).
    static QString configWord(const QString &path);

private:
    SourceSpec m_spec;
    SshSettings m_settings;
};

} // namespace mailtls
