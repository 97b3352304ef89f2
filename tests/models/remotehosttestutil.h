#pragma once

// Shared by the remote-fix tests: a "remote" host that runs its commands on
// this machine the way ssh runs them on another (one string for a POSIX shell,
// every argument single-quoted), and records every argument vector it is
// given; and a stand-in sudo for it.

#include <memory>

#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "models/sources/commandhost.h"
#include "models/sources/sourcespec.h"
#include "models/sources/sshcommandhost.h"
#include "models/sources/sudocommandhost.h"

namespace remotetest {

using mailtls::CommandHost;
using mailtls::SshCommandHost;

class ShellHost final : public CommandHost
{
public:
    // `toolDir` comes first on the PATH (the stand-in sudo lives there).
    explicit ShellHost(QString toolDir)
        : m_toolDir(std::move(toolDir))
    { }

    void prepare(QProcess &process, const QStringList &argv) const override
    {
        commands->append(argv);
        process.setProgram(QStringLiteral("/bin/sh"));
        process.setArguments({QStringLiteral("-c"), SshCommandHost::remoteCommand(argv)});
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), m_toolDir + QStringLiteral(":/usr/sbin:/usr/bin:/sbin:/bin"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process.setProcessEnvironment(environment);
    }
    QString diagnose(int, const QByteArray &) const override { return QString(); }
    bool needsUser(int, const QByteArray &) const override { return false; }
    bool isLocal() const override { return false; }
    QString displayName() const override { return QStringLiteral("mail@127.0.12.7:2222"); }

    // Every argument vector prepare() was given, in order.
    std::shared_ptr<QList<QStringList>> commands = std::make_shared<QList<QStringList>>();

private:
    QString m_toolDir;
};

inline mailtls::SourceSpec spec(const QString &user = QStringLiteral("mail"))
{
    mailtls::SourceSpec spec;
    spec.user = user;
    spec.host = QStringLiteral("127.0.12.7");
    spec.port = 2222;
    return spec;
}

enum class Sudo {
    Runs, // checks "-n --" and runs the rest
    AsksForPassword, // what sudo -n says without a NOPASSWD rule
    RefusesWrites, // runs everything but install, mv and rm
};

// A stand-in `sudo` in `dir` (never the real one: it would look the host
// name up).
inline bool writeSudo(const QString &dir, Sudo behaviour)
{
    QByteArray body = "#!/bin/sh\n"
                      "[ \"$1\" = -n ] && [ \"$2\" = -- ] || { echo \"unexpected sudo arguments: $*\" >&2; exit 99; }\n"
                      "shift 2\n";
    if (behaviour == Sudo::AsksForPassword)
        body += "echo 'sudo: a password is required' >&2\nexit 1\n";
    if (behaviour == Sudo::RefusesWrites)
        body += "case $1 in install|mv|rm) echo 'sudo: a password is required' >&2; exit 1;; esac\n";
    body += "exec \"$@\"\n";
    QFile file(QDir(dir).filePath(QStringLiteral("sudo")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(body) != body.size())
        return false;
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                               | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
}

// A SudoCommandHost over a ShellHost whose tool folder is `toolDir`.
inline std::shared_ptr<mailtls::SudoCommandHost> sudoHost(const QString &toolDir, const QStringList &programs,
                                                          std::shared_ptr<ShellHost> *inner = nullptr,
                                                          const QString &user = QStringLiteral("mail"))
{
    auto shell = std::make_shared<ShellHost>(toolDir);
    if (inner != nullptr)
        *inner = shell;
    return mailtls::SudoCommandHost::forLogin(shell, spec(user), programs);
}

} // namespace remotetest
