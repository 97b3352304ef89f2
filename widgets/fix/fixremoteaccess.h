#pragma once

#include <functional>
#include <memory>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include "models/mta/mailservice.h"
#include "models/sources/sourcespec.h"

class QDialog;
class QWidget;

namespace mailtls {

class AskpassServer;
class CommandHost;
struct HostKeyQuestion;
class SecretStore;

// How the fix wizard reaches a remote host named "ssh://[user@]host[:port]":
// ServiceHost with MailTLS's SSH settings (its known-hosts file, the askpass
// helper). An unknown host key is put to the user as the Sources dialog puts
// it, a password or passphrase for the login is asked in a dialog; the
// service's commands run as root through sudo -n, which never asks for a
// password. The Inspect page (the host a fix is made on) and the Restore
// page (the host a backup's files are on) share one of these, so there is
// one askpass server and one set of open questions per wizard.
class FixRemoteAccess final : public QObject
{
    Q_OBJECT

public:
    // How a remote host is reached for `kind` (for tests; default:
    // ServiceHost::create with MailTLS's own SSH settings and this object's
    // askpass server).
    using HostMaker = std::function<std::shared_ptr<const CommandHost>(const SourceSpec &spec, MailService::Kind kind)>;

    struct Target
    {
        std::shared_ptr<const CommandHost> host; // null when it cannot be reached
        QString location; // "ssh://user@host:port", as a backup names it (Backup::host)
        QString askpassTarget; // "user@host:port", as ssh's askpass helper names it
    };

    // Questions are asked in dialogs over `dialogParent`.
    explicit FixRemoteAccess(QWidget *dialogParent);
    ~FixRemoteAccess() override;

    void setHostMaker(HostMaker maker) { m_hostMaker = std::move(maker); }

    // The host `text` names, for `kind`; a null host with *error (translated)
    // when the text is no SSH host or `kind` cannot be fixed remotely yet.
    Target reach(const QString &text, MailService::Kind kind, QString *error);
    // The login on the host ssh's askpass helper names `askpassTarget`
    // (Target::askpassTarget) worked: what was asked for it may be remembered.
    void succeeded(const QString &askpassTarget);
    // Why passwords and host keys cannot be asked for (empty while they can).
    QString askpassProblem() const { return m_askpassProblem; }

    // The sudoers lines in a host's explanation of a sudo -n refusal
    // (SudoCommandHost's words hold them indented); empty for any other error.
    static QStringList sudoersLines(const QString &error);

private:
    AskpassServer *askpass();
    void askHostKey(quint64 id, const HostKeyQuestion &question);

    QWidget *m_dialogParent;
    HostMaker m_hostMaker;
    SecretStore *m_secrets = nullptr;
    AskpassServer *m_askpass = nullptr;
    QString m_askpassProblem;
    QHash<quint64, QPointer<QDialog>> m_questions;
};

} // namespace mailtls
