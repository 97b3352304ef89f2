#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include "models/secrets/askpassserver.h"
#include "models/secrets/secretstore.h"

namespace mailtls {

// Answers what ssh asks through MailTLS's askpass helper for a command-line
// verb (`mailtls fix --host`): an unknown host key only when its fingerprint
// was given beforehand (--accept-host-key; otherwise it is refused with the
// fingerprint and the option to give), a password or passphrase from the
// keychain or on the terminal. Only the SSH login asks: sudo runs with -n and
// never asks for a password.
class TerminalAskpass final : public QObject
{
    Q_OBJECT

public:
    // `verb` names the command in advice ("mailtls fix").
    TerminalAskpass(const QString &verb, const QStringList &acceptedHostKeys, QObject *parent = nullptr);

    // Starts the askpass server; false with a message when it cannot (ssh
    // then asks nothing, and a key that needs a passphrase fails).
    bool listen(QString *error);
    // MAILTLS_ASKPASS_SOCKET for ssh; empty when not listening.
    QString socketName() const;
    AskpassServer *server() { return &m_server; }

private:
    void onHostKey(quint64 id, const HostKeyQuestion &question);
    void onSecret(const AskpassServer::SecretQuestion &question);

    QString m_verb;
    SecretStore m_secrets;
    AskpassServer m_server;
};

} // namespace mailtls
