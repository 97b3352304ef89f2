#include "models/mta/servicehost.h"

#include "models/mta/commandfileaccess.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/sudocommandhost.h"

namespace mailtls {

namespace {

const QString sshScheme = QStringLiteral("ssh://");

} // namespace

std::optional<SourceSpec> ServiceHost::parse(const QString &text, QString *error)
{
    if (!text.startsWith(sshScheme)) {
        *error = tr("\"%1\" is not an SSH host: write ssh://[user@]host[:port]").arg(text);
        return std::nullopt;
    }
    const QString authority = text.mid(sshScheme.size());
    if (authority.isEmpty() || authority.contains(QLatin1Char('/'))) {
        *error = authority.isEmpty() ? tr("\"%1\" names no host: write ssh://[user@]host[:port]").arg(text)
                                     : tr("\"%1\" has a path after the host: write ssh://[user@]host[:port] "
                                          "(the configuration folder is given with --config-dir)")
                                           .arg(text);
        return std::nullopt;
    }
    // The same host, user and port rules as a followed log's source.
    std::optional<SourceSpec> spec = SourceSpec::parse(text + QStringLiteral("/journal"), error);
    if (!spec)
        return std::nullopt;
    spec->kind = SourceSpec::Kind::File;
    spec->unit.clear();
    spec->path.clear();
    return spec;
}

QString ServiceHost::location(const SourceSpec &spec)
{
    QString text = sshScheme;
    if (!spec.user.isEmpty())
        text += spec.user + QLatin1Char('@');
    text += spec.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + spec.host + QLatin1Char(']') : spec.host;
    if (spec.port != 0)
        text += QLatin1Char(':') + QString::number(spec.port);
    return text;
}

bool ServiceHost::supportsRemote(MailService::Kind kind)
{
    switch (kind) {
    case MailService::Kind::Postfix:
    case MailService::Kind::Sendmail:
    case MailService::Kind::Exim:
    case MailService::Kind::Dovecot:
        return true;
    }
    return false;
}

QString ServiceHost::remoteRefusal(MailService::Kind kind)
{
    if (supportsRemote(kind))
        return QString();
    return tr("%1 can be fixed on this computer only: run mailtls fix on that host itself.")
        .arg(MailService::kindTitle(kind));
}

QStringList ServiceHost::sudoPrograms(MailService::Kind kind)
{
    QStringList programs;
    switch (kind) {
    case MailService::Kind::Postfix:
        // postconf reads the settings, postfix checks, asks and reloads, and
        // openssl (postconf's openssl_path) tells the OpenSSL version.
        programs << QStringLiteral("/usr/sbin/postconf") << QStringLiteral("/usr/sbin/postfix")
                 << QStringLiteral("/usr/bin/openssl");
        break;
    case MailService::Kind::Dovecot:
        // doveconf reads and checks the configuration, dovecot and openssl
        // tell the versions, pgrep whether it runs, doveadm (else pkill)
        // reloads it; find lists the folders its includes name.
        programs << QStringLiteral("/usr/bin/doveconf") << QStringLiteral("/usr/sbin/dovecot")
                 << QStringLiteral("/usr/bin/doveadm") << QStringLiteral("/usr/bin/openssl")
                 << QStringLiteral("/usr/bin/pgrep") << QStringLiteral("/usr/bin/pkill")
                 << ServiceHostFiles::programs();
        break;
    case MailService::Kind::Exim:
        // exim4 tells the version and the options and checks a file of its
        // own; update-exim4.conf checks and builds Debian's; systemctl, the
        // init script or start-stop-daemon ask and reload; find lists
        // conf.d/main.
        programs << QStringLiteral("/usr/sbin/exim4") << QStringLiteral("/usr/sbin/update-exim4.conf")
                 << QStringLiteral("/usr/bin/systemctl") << QStringLiteral("/etc/init.d/exim4")
                 << QStringLiteral("/usr/sbin/start-stop-daemon") << ServiceHostFiles::programs();
        break;
    case MailService::Kind::Sendmail:
        // sendmail-mta tells the version and checks sendmail.cf, m4 builds
        // it from sendmail.mc, start-stop-daemon asks and signals the daemon.
        programs << QStringLiteral("/usr/sbin/sendmail-mta") << QStringLiteral("/usr/bin/m4")
                 << QStringLiteral("/usr/sbin/start-stop-daemon");
        break;
    }
    return programs + CommandFileAccess::programs();
}

std::shared_ptr<SudoCommandHost> ServiceHost::create(const SourceSpec &spec, const SshSettings &settings,
                                                     MailService::Kind kind)
{
    return SudoCommandHost::forLogin(std::make_shared<SshCommandHost>(spec, settings), spec, sudoPrograms(kind));
}

} // namespace mailtls
