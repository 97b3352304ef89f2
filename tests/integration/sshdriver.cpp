// Test-only driver: runs the system's ssh exactly as SshCommandHost prepares
// it, so integration scripts prove what MailTLS itself would do against a real
// sshd. Not installed, and no verb of `mailtls`.
//
//   mailtls_ssh_driver [--print] [--report FILE] --known-hosts FILE
//                      [--askpass PROGRAM] [--askpass-socket NAME]
//                      [--identity FILE] [--option ARG]...
//                      ssh://[user@]host[:port]/path -- ARGV...
//
// --print writes the program and its arguments, each followed by a NUL byte,
// and runs nothing. Otherwise ssh runs with this driver's standard input and
// output; its standard error is passed on once it has ended, and --report
// writes what SshCommandHost makes of the run: "exit=", "kind=",
// "needsUser=yes|no" and "message=" lines.

#include <cstdio>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStringList>

#include "models/sources/sourcespec.h"
#include "models/sources/sshcommandhost.h"
#include "models/sources/sshfailure.h"

using namespace mailtls;

namespace {

int usage(const QString &problem)
{
    std::fprintf(stderr, "mailtls_ssh_driver: %s\n", qPrintable(problem));
    return 2;
}

const char *kindName(SshFailure::Kind kind)
{
    switch (kind) {
    case SshFailure::Kind::None:
        return "None";
    case SshFailure::Kind::Configuration:
        return "Configuration";
    case SshFailure::Kind::HostKeyChanged:
        return "HostKeyChanged";
    case SshFailure::Kind::HostKeyNotAccepted:
        return "HostKeyNotAccepted";
    case SshFailure::Kind::AuthenticationFailed:
        return "AuthenticationFailed";
    case SshFailure::Kind::HostUnreachable:
        return "HostUnreachable";
    case SshFailure::Kind::ConnectionLost:
        return "ConnectionLost";
    }
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);

    SshSettings settings;
    bool print = false;
    QString reportFile;
    QString source;
    QStringList remote;
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        if (arg == QLatin1String("--")) {
            remote = args;
            break;
        }
        if (arg == QLatin1String("--print")) {
            print = true;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            if (!source.isEmpty())
                return usage(QStringLiteral("give one source, then -- and the remote command"));
            source = arg;
            continue;
        }
        if (args.isEmpty())
            return usage(QStringLiteral("%1 needs a value").arg(arg));
        const QString value = args.takeFirst();
        if (arg == QLatin1String("--report"))
            reportFile = value;
        else if (arg == QLatin1String("--known-hosts"))
            settings.knownHostsFile = value;
        else if (arg == QLatin1String("--askpass"))
            settings.askpassProgram = value;
        else if (arg == QLatin1String("--askpass-socket"))
            settings.askpassSocket = value;
        else if (arg == QLatin1String("--identity"))
            settings.identityFile = value;
        else if (arg == QLatin1String("--option"))
            settings.extraOptions << value;
        else
            return usage(QStringLiteral("unknown option %1").arg(arg));
    }
    if (remote.isEmpty())
        return usage(QStringLiteral("no remote command after --"));
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(source, &error);
    if (!spec || !spec->isRemote())
        return usage(spec ? QStringLiteral("%1 is not on a remote host").arg(source) : error);

    const SshCommandHost host(*spec, settings);
    if (!host.problem().isEmpty())
        return usage(host.problem());
    QProcess ssh;
    host.prepare(ssh, remote);
    if (print) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly))
            return usage(QStringLiteral("cannot write to standard output"));
        for (const QString &word : QStringList {ssh.program()} + ssh.arguments()) {
            out.write(word.toUtf8());
            out.write("", 1);
        }
        return 0;
    }

    ssh.setInputChannelMode(QProcess::ForwardedInputChannel);
    ssh.setProcessChannelMode(QProcess::ForwardedOutputChannel);
    ssh.start();
    if (!ssh.waitForStarted(-1))
        return usage(QStringLiteral("ssh did not start: %1").arg(ssh.errorString()));
    ssh.waitForFinished(-1);
    const QByteArray errorOutput = ssh.readAllStandardError();
    std::fwrite(errorOutput.constData(), 1, size_t(errorOutput.size()), stderr);
    const int exitCode = ssh.exitStatus() == QProcess::NormalExit ? ssh.exitCode() : 255;

    if (!reportFile.isEmpty()) {
        QFile report(reportFile);
        if (!report.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return usage(QStringLiteral("cannot write %1").arg(reportFile));
        const SshFailure failure = SshFailure::classify(exitCode, errorOutput);
        report.write("exit=" + QByteArray::number(exitCode) + '\n');
        report.write(QByteArray("kind=") + kindName(failure.kind) + '\n');
        report.write(QByteArray("needsUser=") + (host.needsUser(exitCode, errorOutput) ? "yes" : "no") + '\n');
        report.write("message=" + host.diagnose(exitCode, errorOutput).toUtf8() + '\n');
    }
    return exitCode;
}
