#include "models/sources/sshcommandhost.h"

#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include "models/sources/sshfailure.h"

namespace mailtls {

namespace {

// ssh's own keys the user already trusts keep working; ssh reads this after
// MailTLS's file and never writes to it (new keys go to the first file).
const QString userKnownHosts = QStringLiteral("~/.ssh/known_hosts");

// A path ssh would read as something else: "${NAME}" is expanded from the
// environment with no way to escape it, and a control character breaks the
// configuration line.
QString pathProblem(const QString &path)
{
    if (!QDir::isAbsolutePath(path))
        return SshCommandHost::tr("\"%1\" is not an absolute path.").arg(path);
    if (path.contains(QStringLiteral("${")))
        return SshCommandHost::tr("ssh would read \"${\" in \"%1\" as an environment variable.").arg(path);
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return SshCommandHost::tr("The path \"%1\" has a control character in it.").arg(path);
    }
    return QString();
}

} // namespace

QString SshSettings::defaultKnownHostsFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
}

SshCommandHost::SshCommandHost(const SourceSpec &spec, SshSettings settings)
    : m_spec(spec)
    , m_settings(std::move(settings))
{ }

QString SshCommandHost::program()
{
    return QStringLiteral("ssh");
}

QString SshCommandHost::problem() const
{
    if (m_spec.host.isEmpty() || m_spec.host.startsWith(QLatin1Char('-')))
        return tr("\"%1\" is not a host ssh can connect to.").arg(m_spec.host);
    if (m_settings.knownHostsFile.isEmpty())
        return tr("MailTLS has no file to keep accepted host keys in.");
    const QString knownHosts = pathProblem(m_settings.knownHostsFile);
    if (!knownHosts.isEmpty())
        return tr("MailTLS cannot hand its known-hosts file to ssh: %1").arg(knownHosts);
    if (!m_settings.identityFile.isEmpty()) {
        const QString identity = pathProblem(m_settings.identityFile);
        if (!identity.isEmpty())
            return tr("MailTLS cannot hand the key file to ssh: %1").arg(identity);
    }
    return QString();
}

QStringList SshCommandHost::arguments(const QStringList &argv) const
{
    QStringList args;
    // No terminal: the output is a byte stream, and ssh's escape character is off.
    args << QStringLiteral("-T");
    // Never "no": an unknown key is put to the user, a changed one refused.
    args << QStringLiteral("-o") << QStringLiteral("StrictHostKeyChecking=ask");
    args << QStringLiteral("-o")
         << QStringLiteral("UserKnownHostsFile=") + configWord(m_settings.knownHostsFile) + QLatin1Char(' ')
            + userKnownHosts;
    if (!m_settings.askpassProgram.isEmpty()) {
        // BatchMode in ~/.ssh/config would turn the host-key question into a refusal.
        args << QStringLiteral("-o") << QStringLiteral("BatchMode=no");
    }
    // diagnose() reads ssh's INFO messages ("Connection closed by …"); a
    // LogLevel of QUIET or ERROR in ~/.ssh/config would hide why it failed.
    args << QStringLiteral("-o") << QStringLiteral("LogLevel=INFO");
    // A dead connection is noticed within 45 s, a dead host within 15 s.
    args << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=15");
    args << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3");
    args << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=15");
    // Reading a log needs no agent, display or port forwarded to the server;
    // forwardings from ~/.ssh/config would collide on every reconnect.
    args << QStringLiteral("-o") << QStringLiteral("ForwardAgent=no");
    args << QStringLiteral("-o") << QStringLiteral("ForwardX11=no");
    args << QStringLiteral("-o") << QStringLiteral("ClearAllForwardings=yes");
    if (!m_settings.identityFile.isEmpty()) {
        // As an option rather than -i: -i checks the file before ssh expands '%%'.
        args << QStringLiteral("-o") << QStringLiteral("IdentityFile=") + configWord(m_settings.identityFile);
    }
    args << m_settings.extraOptions;
    if (m_spec.port != 0)
        args << QStringLiteral("-p") << QString::number(m_spec.port);
    if (!m_spec.user.isEmpty())
        args << QStringLiteral("-l") << m_spec.user;
    args << QStringLiteral("--") << m_spec.host << remoteCommand(argv);
    return args;
}

QProcessEnvironment SshCommandHost::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment env = base;
    if (m_settings.askpassProgram.isEmpty())
        return env;
    env.insert(QStringLiteral("SSH_ASKPASS"), m_settings.askpassProgram);
    // Even with a terminal, and without DISPLAY: MailTLS asks in its own window.
    env.insert(QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force"));
    if (!m_settings.askpassSocket.isEmpty())
        env.insert(QStringLiteral("MAILTLS_ASKPASS_SOCKET"), m_settings.askpassSocket);
    env.insert(QStringLiteral("MAILTLS_ASKPASS_TARGET"), displayName());
    return env;
}

void SshCommandHost::prepare(QProcess &process, const QStringList &argv) const
{
    if (!problem().isEmpty()) {
        process.setProgram(QString());
        process.setArguments(QStringList());
        return;
    }
    // ssh creates no folder for a known-hosts file outside ~/.ssh: an accepted
    // key would be lost ("Failed to add the host …") and asked about again.
    QDir().mkpath(QFileInfo(m_settings.knownHostsFile).absolutePath());
    QProcessEnvironment base = process.processEnvironment();
    if (base.isEmpty())
        base = QProcessEnvironment::systemEnvironment();
    process.setProgram(program());
    process.setArguments(arguments(argv));
    process.setProcessEnvironment(environment(base));
}

QString SshCommandHost::diagnose(int exitCode, const QByteArray &errorOutput) const
{
    // prepare() did not let ssh run.
    const QString why = problem();
    if (!why.isEmpty())
        return why;
    return SshFailure::classify(exitCode, errorOutput).message(displayName(), m_settings.knownHostsFile);
}

bool SshCommandHost::needsUser(int exitCode, const QByteArray &errorOutput) const
{
    if (!problem().isEmpty())
        return true;
    return SshFailure::classify(exitCode, errorOutput).needsUser();
}

QString SshCommandHost::displayName() const
{
    return displayNameOf(m_spec);
}

QString SshCommandHost::displayNameOf(const SourceSpec &spec)
{
    QString name;
    if (!spec.user.isEmpty())
        name += spec.user + QLatin1Char('@');
    if (spec.port != 0 && spec.host.contains(QLatin1Char(':')))
        name += QLatin1Char('[') + spec.host + QLatin1Char(']');
    else
        name += spec.host;
    if (spec.port != 0)
        name += QLatin1Char(':') + QString::number(spec.port);
    return name;
}

QString SshCommandHost::quoteForShell(const QString &word)
{
    QString quoted;
    quoted.reserve(word.size() + 2);
    quoted += QLatin1Char('\'');
    for (const QChar c : word) {
        if (c == QLatin1Char('\''))
            quoted += QStringLiteral("'\\''");
        else if (c == QLatin1Char('\\'))
            quoted += QStringLiteral("'\\\\'");
        else
            quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

QString SshCommandHost::remoteCommand(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &word : argv)
        quoted << quoteForShell(word);
    return quoted.join(QLatin1Char(' '));
}

QString SshCommandHost::configWord(const QString &path)
{
    QString word;
    word.reserve(path.size() + 2);
    word += QLatin1Char('"');
    for (const QChar c : path) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            word += QLatin1Char('\\');
        if (c == QLatin1Char('%'))
            word += QLatin1Char('%');
        word += c;
    }
    word += QLatin1Char('"');
    return word;
}

} // namespace mailtls
