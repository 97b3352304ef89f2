#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mailtls {

// What went wrong when the system's OpenSSH client gave up (exit status 255),
// read from the messages it wrote on its standard error. The remote command's
// own error output arrives on the same stream, so only whole lines in the
// shapes ssh itself writes count (checked against OpenSSH 9.2 at LogLevel INFO),
// and only in the last 64 KiB, where ssh's own last words are.
struct SshFailure
{
    Q_DECLARE_TR_FUNCTIONS(SshFailure)

public:
    enum class Kind {
        None, // not ssh's own failure, or none it names
        Configuration, // ssh refused its configuration files or options
        HostKeyChanged, // the host showed another key than the one on file
        HostKeyNotAccepted, // an unknown host key the user did not accept
        AuthenticationFailed, // the host refused the login
        HostUnreachable, // no connection was made
        ConnectionLost, // a connection was made, then closed, reset or timed out
    };

    Kind kind = Kind::None;
    // ssh's own words for the cause: "Connection refused", "publickey,password",
    // "Too many authentication failures", the bad configuration line, …
    QString detail;
    // HostKeyChanged: the key ssh was shown, as ssh printed it ("ED25519",
    // "SHA256:…"), and where the key on file is (file and 1-based line).
    QString keyType;
    QString fingerprint;
    QString offendingFile;
    int offendingLine = 0;
    // HostKeyNotAccepted: why ssh could not ask at all (the askpass helper
    // did not run), empty when the question was asked and answered "no".
    QString askpassError;
    // AuthenticationFailed: a private key ssh ignored because others can read it.
    QString unprotectedKeyFile;

    static SshFailure classify(int exitCode, const QByteArray &errorOutput);

    // True when retrying cannot help and the user must act first: a changed or
    // refused host key, a refused login (retrying would lock the account out on
    // a server that counts failures), a broken configuration.
    bool needsUser() const;

    // Words a user can act on; `host` names the host ("mail@mx.example.org:2222"),
    // `knownHostsFile` is MailTLS's own known-hosts file. Empty for Kind::None.
    QString message(const QString &host, const QString &knownHostsFile) const;
};

} // namespace mailtls
