#include "models/sources/sshfailure.h"

#include <QRegularExpression>
#include <QStringList>

namespace mailtls {

namespace {

// ssh exits with 255 when it fails itself; any other status is the remote command's.
constexpr int sshFailureStatus = 255;
// ssh's last words end the stream, and its longest (a changed host key) take
// about 1 KiB; before them may be hours of the remote command's complaints.
constexpr qsizetype readTail = 64 * 1024;

struct Patterns
{
    // HostKeyChanged
    QRegularExpression changedBanner {QStringLiteral("^@ +WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! +@$")};
    QRegularExpression changedStrict {
        QStringLiteral("^Host key for .+ has changed and you have requested strict checking\\.$")};
    QRegularExpression fingerprintIntro {
        QStringLiteral("^The fingerprint for the (\\S+) key sent by the remote host is$")};
    QRegularExpression fingerprint {QStringLiteral("^(\\S+:\\S+?)\\.?$")};
    QRegularExpression offending {QStringLiteral("^Offending (?:(\\S+) key|key for IP) in (.+):(\\d+)$")};
    // Configuration
    // "FILE line 2: Bad port 'abc'." or "FILE: line 2: Bad configuration option: x",
    // then "FILE: terminating, 1 bad configuration options"; -o values: "command-line…".
    QRegularExpression badLine {QStringLiteral("^.+ line \\d+: .+$")};
    QRegularExpression badOptionsTotal {QStringLiteral("^.+: terminating, \\d+ bad configuration options?$")};
    QRegularExpression badCommandLine {QStringLiteral("^command-line:? line \\d+: .+$")};
    QRegularExpression badOwner {QStringLiteral("^Bad owner or permissions on .+$")};
    QRegularExpression noConfig {QStringLiteral("^Can't open user config file .+$")};
    // HostKeyNotAccepted
    QRegularExpression verificationFailed {QStringLiteral("^Host key verification failed\\.$")};
    QRegularExpression askpassError {QStringLiteral("^ssh_askpass: (.+)$")};
    // AuthenticationFailed
    QRegularExpression permissionDenied {QStringLiteral("^\\S+: Permission denied \\(([a-z0-9,@.-]+)\\)\\.$")};
    QRegularExpression tooManyFailures {
        QStringLiteral("^(?:Received disconnect from|Disconnected from) .+: (Too many authentication failures)$")};
    QRegularExpression keyTooOpen {QStringLiteral("^Permissions 0?[0-7]{3,4} for '(.+)' are too open\\.$")};
    // HostUnreachable
    QRegularExpression connectFailed {QStringLiteral("^ssh: connect to host .+ port \\d+: (.+)$")};
    QRegularExpression unresolved {QStringLiteral("^ssh: Could not resolve hostname .+: (.+)$")};
    QRegularExpression bannerTimeout {QStringLiteral("^(Connection timed out during banner exchange)$")};
    QRegularExpression connectTimeout {QStringLiteral("^Connection to .+ port \\d+ (timed out)$")};
    // ConnectionLost
    QRegularExpression closedByRemote {QStringLiteral("^Connection to .+ (closed by remote host)\\.$")};
    QRegularExpression closedOrReset {QStringLiteral("^Connection (closed|reset) by .+ port \\d+$")};
    QRegularExpression kexIdentification {QStringLiteral("^kex_exchange_identification: (.+)$")};
    QRegularExpression aliveTimeout {QStringLiteral("^Timeout, server .+ (not responding)\\.$")};
    QRegularExpression writeFailed {
        QStringLiteral("^(?:client_loop: send disconnect|packet_write_wait|ssh_dispatch_run_fatal): (.+)$")};
    QRegularExpression receivedDisconnect {QStringLiteral("^Received disconnect from .+: (.+)$")};
};

const Patterns &patterns()
{
    static const Patterns compiled;
    return compiled;
}

QStringList linesOf(const QByteArray &errorOutput)
{
    QByteArray tail = errorOutput.right(readTail);
    if (tail.size() < errorOutput.size()) {
        // Start at a whole line.
        tail.remove(0, tail.indexOf('\n') + 1);
    }
    QStringList lines = QString::fromUtf8(tail).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

// The first line matching `re`, and its first capture (or the whole line).
bool findLine(const QStringList &lines, const QRegularExpression &re, QString *capture = nullptr)
{
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = re.match(line);
        if (!match.hasMatch())
            continue;
        if (capture)
            *capture = match.lastCapturedIndex() >= 1 ? match.captured(1) : line;
        return true;
    }
    return false;
}

void readChangedKey(const QStringList &lines, SshFailure &failure)
{
    const Patterns &p = patterns();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch intro = p.fingerprintIntro.match(lines.at(i));
        if (intro.hasMatch() && i + 1 < lines.size()) {
            const QRegularExpressionMatch print = p.fingerprint.match(lines.at(i + 1));
            if (print.hasMatch()) {
                failure.keyType = intro.captured(1);
                failure.fingerprint = print.captured(1);
            }
        }
        const QRegularExpressionMatch offending = p.offending.match(lines.at(i));
        if (offending.hasMatch() && failure.offendingFile.isEmpty()) {
            failure.offendingFile = offending.captured(2);
            failure.offendingLine = offending.captured(3).toInt();
        }
    }
}

} // namespace

SshFailure SshFailure::classify(int exitCode, const QByteArray &errorOutput)
{
    SshFailure failure;
    if (exitCode != sshFailureStatus)
        return failure;
    const Patterns &p = patterns();
    const QStringList lines = linesOf(errorOutput);

    // A changed key also ends in "Host key verification failed.": it comes first.
    if (findLine(lines, p.changedBanner) || findLine(lines, p.changedStrict)) {
        failure.kind = Kind::HostKeyChanged;
        readChangedKey(lines, failure);
        return failure;
    }
    if (findLine(lines, p.badOptionsTotal, &failure.detail)) {
        failure.kind = Kind::Configuration;
        findLine(lines, p.badLine, &failure.detail);
        return failure;
    }
    if (findLine(lines, p.badCommandLine, &failure.detail) || findLine(lines, p.badOwner, &failure.detail)
        || findLine(lines, p.noConfig, &failure.detail)) {
        failure.kind = Kind::Configuration;
        return failure;
    }
    if (findLine(lines, p.verificationFailed)) {
        failure.kind = Kind::HostKeyNotAccepted;
        findLine(lines, p.askpassError, &failure.askpassError);
        return failure;
    }
    if (findLine(lines, p.tooManyFailures, &failure.detail) || findLine(lines, p.permissionDenied, &failure.detail)) {
        failure.kind = Kind::AuthenticationFailed;
        findLine(lines, p.keyTooOpen, &failure.unprotectedKeyFile);
        return failure;
    }
    if (findLine(lines, p.connectFailed, &failure.detail) || findLine(lines, p.unresolved, &failure.detail)
        || findLine(lines, p.bannerTimeout, &failure.detail) || findLine(lines, p.connectTimeout, &failure.detail)) {
        failure.kind = Kind::HostUnreachable;
        return failure;
    }
    if (findLine(lines, p.closedByRemote, &failure.detail) || findLine(lines, p.closedOrReset, &failure.detail)
        || findLine(lines, p.kexIdentification, &failure.detail) || findLine(lines, p.aliveTimeout, &failure.detail)
        || findLine(lines, p.writeFailed, &failure.detail) || findLine(lines, p.receivedDisconnect, &failure.detail)) {
        failure.kind = Kind::ConnectionLost;
        return failure;
    }
    return failure;
}

bool SshFailure::needsUser() const
{
    switch (kind) {
    case Kind::Configuration:
    case Kind::HostKeyChanged:
    case Kind::HostKeyNotAccepted:
    case Kind::AuthenticationFailed:
        return true;
    case Kind::None:
    case Kind::HostUnreachable:
    case Kind::ConnectionLost:
        return false;
    }
    return false;
}

QString SshFailure::message(const QString &host, const QString &knownHostsFile) const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Configuration:
        return tr("ssh refused its configuration (%1). Fix that file or option, then start the source again.")
            .arg(detail);
    case Kind::HostKeyChanged: {
        const QString file = offendingFile.isEmpty() ? knownHostsFile : offendingFile;
        const QString where = offendingLine > 0 ? tr("%1, line %2").arg(file).arg(offendingLine) : file;
        const QString print = fingerprint.isEmpty() ? tr("(ssh did not print it)")
            : keyType.isEmpty()                     ? fingerprint
                                                    : tr("%1 %2").arg(keyType, fingerprint);
        return tr("The host key of %1 has CHANGED: the server showed the key %2, not the one on file. "
                  "This may be an attack (someone between you and the server), or the server was "
                  "reinstalled. MailTLS will not connect until you have checked the new fingerprint "
                  "with the server's administrator and removed the old key from %3.")
            .arg(host, print, where);
    }
    case Kind::HostKeyNotAccepted:
        if (!askpassError.isEmpty())
            return tr("The host key of %1 is not known, and MailTLS could not ask you about it (%2). "
                      "MailTLS did not connect.")
                .arg(host, askpassError);
        return tr("The host key of %1 is not known and was not accepted, so MailTLS did not connect. "
                  "Start the source again to see the key's fingerprint, and accept it once the "
                  "server's administrator has confirmed it.")
            .arg(host);
    case Kind::AuthenticationFailed:
        if (!unprotectedKeyFile.isEmpty())
            return tr("%1 refused the login: ssh ignored the key %2 because other users can read it. "
                      "Make it private (chmod 600), then start the source again.")
                .arg(host, unprotectedKeyFile);
        if (detail == QLatin1String("Too many authentication failures"))
            return tr("%1 refused the login after too many attempts: ssh offered more keys than the "
                      "server accepts before the right one. Name the key for this host (IdentityFile "
                      "and IdentitiesOnly yes in ~/.ssh/config), then start the source again.")
                .arg(host);
        return tr("%1 refused the login (it accepts: %2). Check the user name and that your key is "
                  "in that user's authorized_keys on the server. MailTLS does not retry by itself, "
                  "so the server does not lock the account.")
            .arg(host, detail);
    case Kind::HostUnreachable:
        return tr("Cannot reach %1 (%2). Check the host name and port, that the server is running "
                  "and that no firewall is in the way; MailTLS keeps trying.")
            .arg(host, detail);
    case Kind::ConnectionLost:
        return tr("The connection to %1 was lost (%2); MailTLS reconnects.").arg(host, detail);
    }
    return QString();
}

} // namespace mailtls
