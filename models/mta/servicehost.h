#pragma once

#include <memory>
#include <optional>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "models/mta/mailservice.h"
#include "models/sources/sourcespec.h"
#include "models/sources/sshcommandhost.h"

namespace mailtls {

class SudoCommandHost;

// A mail service on another host, reached over SSH: what `mailtls fix --host`
// and the wizard's Inspect page make from "ssh://[user@]host[:port]". Its
// commands run through the system's ssh with the same SshSettings as a
// followed log (MailTLS's known-hosts file, the askpass helper for the SSH
// login), as root through `sudo -n` unless the login is root (SudoCommandHost);
// its files are read and written through CommandFileAccess.
class ServiceHost final
{
    Q_DECLARE_TR_FUNCTIONS(ServiceHost)

public:
    // "ssh://[user@]host[:port]" (nothing after the host), as
    // SourceSpec::parse reads the same part of a source.
    static std::optional<SourceSpec> parse(const QString &text, QString *error);
    // The canonical "ssh://user@host:port" of `spec` (an IPv6 address in
    // brackets): what a backup manifest names the host by.
    static QString location(const SourceSpec &spec);

    // Whether the inspection and plans of `kind` read and write their files
    // through FileAccess, so that they work on another host. A service joins
    // when its inspection reads every file through FileAccess::create(host)
    // (ServiceHostFiles) and keeps the bytes in its result, the files a plan
    // may create included, so that its plans read nothing of their own; a
    // read whose HostFile::hostProblem is set (or a command the host's
    // needsUser() refuses) ends the inspection with the host's words; and its
    // programs are in sudoPrograms(). Postfix, Exim, Sendmail and Dovecot do.
    static bool supportsRemote(MailService::Kind kind);
    // Why `kind` cannot be fixed on another host (translated; empty when it can).
    static QString remoteRefusal(MailService::Kind kind);
    // The programs the inspection and plans of `kind` run as root, as
    // sudoers names them: the service's own, then CommandFileAccess's.
    static QStringList sudoPrograms(MailService::Kind kind);

    // The host for `kind` on `spec`.
    static std::shared_ptr<SudoCommandHost> create(const SourceSpec &spec, const SshSettings &settings,
                                                   MailService::Kind kind);
};

} // namespace mailtls
