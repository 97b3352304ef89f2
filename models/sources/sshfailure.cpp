#include "models/sources/sshfailure.h"

#include <vector>

#include <QRegularExpression>
#include <QStringList>

namespace mailtls {

namespace {

// ssh exits with 255 when it fails itself; any other status is the remote command's.
constexpr int sshFailureStatus = 255;
// ssh's last words end the stream, and its longest (a changed host key) take
// about 1 KiB; before them may be hours of the remote command's complaints.
constexpr qsizetype readTail = 64 * 1024;

// The lines that name what went wrong, in the order they are looked for: the
// first kind with a matching line wins, and that line's first capture (or the
// whole line) is the detail.
struct Rule
{
    SshFailure::Kind kind;
    QRegularExpression line;
    // The detail is the bad configuration line this total comes after.
    bool detailFromBadLine = false;
};

const std::vector<Rule> &rules()
{
    using Kind = SshFailure::Kind;
    static const std::vector<Rule> compiled = [] {
        struct Row
        {
            Kind kind;
            const char *pattern;
            bool detailFromBadLine = false;
        };
        const Row table[] = {
            // A changed key also ends in "Host key verification failed.": it comes first.
            {Kind::HostKeyChanged, "^@ +WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! +@$"},
            {Kind::HostKeyChanged, "^Host key for .+ has changed and you have requested strict checking\\.$"},
            // "FILE line 2: Bad port 'abc'." or "FILE: line 2: Bad configuration option: x",
            // then "FILE: terminating, 1 bad configuration options"; -o values: "command-line…".
            {Kind::Configuration, "^.+: terminating, \\d+ bad configuration options?$", true},
            {Kind::Configuration, "^command-line:? line \\d+: .+$"},
            {Kind::Configuration, "^Bad owner or permissions on .+$"},
            {Kind::Configuration, "^Can't open user config file .+$"},
            {Kind::HostKeyNotAccepted, "^Host key verification failed\\.$"},
            {Kind::AuthenticationFailed,
             "^(?:Received disconnect from|Disconnected from) .+: (Too many authentication failures)$"},
            {Kind::AuthenticationFailed, "^\\S+: Permission denied \\(([a-z0-9,@.-]+)\\)\\.$"},
            {Kind::HostUnreachable, "^ssh: connect to host .+ port \\d+: (.+)$"},
            {Kind::HostUnreachable, "^ssh: Could not resolve hostname .+: (.+)$"},
            {Kind::HostUnreachable, "^(Connection timed out during banner exchange)$"},
            {Kind::HostUnreachable, "^Connection to .+ port \\d+ (timed out)$"},
            {Kind::ConnectionLost, "^Connection to .+ (closed by remote host)\\.$"},
            {Kind::ConnectionLost, "^Connection (closed|reset) by .+ port \\d+$"},
            {Kind::ConnectionLost, "^kex_exchange_identification: (.+)$"},
            {Kind::ConnectionLost, "^Timeout, server .+ (not responding)\\.$"},
            {Kind::ConnectionLost,
             "^(?:client_loop: send disconnect|packet_write_wait|ssh_dispatch_run_fatal): (.+)$"},
            {Kind::ConnectionLost, "^Received disconnect from .+: (.+)$"},
        };
        std::vector<Rule> out;
        for (const Row &row : table)
            out.push_back(Rule{row.kind, QRegularExpression(QString::fromLatin1(row.pattern)), row.detailFromBadLine});
        return out;
    }();
    return compiled;
}

// What some kinds say besides: the key shown and the one on file for a changed
// key, the bad configuration line, why askpass did not run, a key file ssh ignored.
struct DetailPatterns
{
    QRegularExpression fingerprintIntro {
        QStringLiteral("^The fingerprint for the (\\S+) key sent by the remote host is$")};
    QRegularExpression fingerprint {QStringLiteral("^(\\S+:\\S+?)\\.?$")};
    QRegularExpression offending {QStringLiteral("^Offending (?:(\\S+) key|key for IP) in (.+):(\\d+)$")};
    QRegularExpression badLine {QStringLiteral("^.+ line \\d+: .+$")};
    QRegularExpression askpassError {QStringLiteral("^ssh_askpass: (.+)$")};
    QRegularExpression keyTooOpen {QStringLiteral("^Permissions 0?[0-7]{3,4} for '(.+)' are too open\\.$")};
};

const DetailPatterns &details()
{
    static const DetailPatterns compiled;
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
    const DetailPatterns &p = details();
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
    const QStringList lines = linesOf(errorOutput);
    const Rule *matched = nullptr;
    for (const Rule &rule : rules()) {
        if (findLine(lines, rule.line, &failure.detail)) {
            matched = &rule;
            break;
        }
    }
    if (!matched)
        return failure;
    failure.kind = matched->kind;
    const DetailPatterns &p = details();
    switch (failure.kind) {
    case Kind::HostKeyChanged:
        failure.detail.clear();
        readChangedKey(lines, failure);
        break;
    case Kind::Configuration:
        if (matched->detailFromBadLine)
            findLine(lines, p.badLine, &failure.detail);
        break;
    case Kind::HostKeyNotAccepted:
        failure.detail.clear();
        findLine(lines, p.askpassError, &failure.askpassError);
        break;
    case Kind::AuthenticationFailed:
        findLine(lines, p.keyTooOpen, &failure.unprotectedKeyFile);
        break;
    case Kind::None:
    case Kind::HostUnreachable:
    case Kind::ConnectionLost:
        break;
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
