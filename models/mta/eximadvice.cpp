#include "models/mta/eximadvice.h"

#include <grp.h>
#include <pwd.h>

#include <optional>

#include <QFileInfo>

#include "models/mta/eximinspectionresult.h"

namespace mailtls {

namespace {

ConfigFinding finding(const char *code, Severity severity, const QString &title, const QString &evidence,
                      const QString &advice, const char *fix)
{
    return ConfigFinding {QString::fromLatin1(code), severity, title, evidence, advice, QString::fromLatin1(fix)};
}

QString setting(const QString &name, const QString &value)
{
    return value.isEmpty() ? EximAdvice::tr("%1 = (unset)").arg(name) : QStringLiteral("%1 = %2").arg(name, value);
}

QString checkers()
{
    return EximAdvice::tr("Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more "
                          "(or no DHE at all) and rates 2048-bit groups \"phase out\"; testssl.sh flags groups under "
                          "2048 bits and well-known shared primes (Logjam).");
}

// Whether Exim's user can read `path` (Exim reads the key after it has
// given up root); nothing when that cannot be told here (on another host its
// users are not known here: only a file everyone may read tells).
std::optional<bool> readableByExim(const EximInspectionResult &r, const QString &path, const QString &user,
                                   const QString &group)
{
    if (path.isEmpty() || path.contains(QLatin1Char('$')) || !path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    const std::optional<ConfigFile::Status> info = r.status(path);
    if (!info || !info->exists || user.isEmpty())
        return std::nullopt;
    if (info->mode & 0004)
        return true;
    if (r.remote)
        return std::nullopt;
    const passwd *pw = ::getpwnam(user.toLocal8Bit().constData());
    if (pw == nullptr)
        return std::nullopt;
    const uid_t uid = pw->pw_uid;
    gid_t gid = pw->pw_gid;
    if (!group.isEmpty()) {
        if (const struct group *gr = ::getgrnam(group.toLocal8Bit().constData()))
            gid = gr->gr_gid;
    }
    if (uid == 0)
        return true;
    if (info->group == gid && (info->mode & 0040))
        return true;
    return info->owner == uid && (info->mode & 0400);
}

} // namespace

QString EximAdvice::dhAdvice(const EximInspectionResult &r)
{
    QString text;
    if (r.gnutlsPicksGroup()) {
        text = tr("Set tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072). With GnuTLS a group file of "
                  "your own brings nothing: GnuTLS offers ffdhe3072 for any group of 3072 to 8191 bits, ffdhe2048 "
                  "below, ffdhe8192 from 8192 bits. Unset, tls_dhparam gives ffdhe2048 (--group auto).");
    } else if (r.tlsLibrary == EximInspectionResult::TlsLibrary::OpenSsl) {
        text = r.namedGroupsAvailable()
            ? tr("Set tls_dhparam = ffdhe3072 and tls_dh_max_bits = 3072 (mailtls fix logjam --group ffdhe3072): "
                 "below tls_dh_max_bits Exim would skip the group and offer no DHE. A freshly generated group of "
                 "at least 2048 bits, which Exim's maintainers recommend, serves as well (mailtls dhparam --bits "
                 "3072 --out FILE).")
            : tr("Name an RFC 7919 group of at least 3072 bits in a file (mailtls fix logjam --group ffdhe3072) "
                 "and raise tls_dh_max_bits to its size, or use a freshly generated group of at least 2048 bits.");
    } else {
        text = tr("Set tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072).");
    }
    text += QLatin1Char(' ')
        + tr("tls_dhparam = none, which turns DHE off and leaves ECDHE, is as good an answer: current mail servers "
             "all speak ECDHE.");
    text += QLatin1Char(' ') + checkers();
    return text;
}

QList<ConfigFinding> EximAdvice::findings(const EximInspectionResult &r)
{
    QList<ConfigFinding> out;
    QString libraryNote;
    if (r.gnutlsPicksGroup())
        libraryNote = tr("This Exim's GnuTLS offers RFC 7919 groups only: tls_dhparam chooses their size, never a "
                         "prime of its own.");
    else if (r.tlsLibrary == EximInspectionResult::TlsLibrary::OpenSsl)
        libraryNote = tr("This Exim hands OpenSSL the group tls_dhparam names, up to tls_dh_max_bits = %1 bits.")
                          .arg(r.dhMaxBits());
    out.append(finding("exim-version", Severity::Info, r.versionText(), tr("Exim reads %1").arg(r.layoutText()),
                       libraryNote, ""));
    switch (r.running) {
    case EximInspectionResult::Running::Yes:
        break;
    case EximInspectionResult::Running::No:
        out.append(finding("not-running", Severity::Info, tr("Exim is not running"), r.statusOutput,
                           tr("A change is checked and written, and takes effect at Exim's next start."), ""));
        break;
    case EximInspectionResult::Running::Unknown:
        out.append(finding("status-unknown", Severity::Low, tr("Whether Exim is running could not be told"),
                           r.statusOutput, tr("Reload Exim yourself after a change (SIGHUP to its daemon)."), ""));
        break;
    }
    if (r.configTrusted == false) {
        out.append(finding("config-not-trusted", Severity::Medium,
                           tr("Exim gives up root when it reloads %1").arg(r.configFile),
                           tr("%1 does not list %2").arg(r.trustedConfigList, r.configFile),
                           tr("A daemon started with -C re-reads its file on a reload (SIGHUP) as root only when %1 "
                              "lists it; otherwise it can no longer listen on port %2. Add the line %3 to %1 (owned "
                              "by root, writable by nobody else).")
                               .arg(r.trustedConfigList)
                               .arg(r.listenPort())
                               .arg(r.configFile),
                           ""));
    }
    if (!r.staleSource.isEmpty()) {
        out.append(finding("generated-stale", Severity::Medium,
                           tr("%1 changed after update-exim4.conf last ran").arg(r.staleSource),
                           tr("%1 is older than %2").arg(r.configFile, r.staleSource),
                           tr("Exim still reads the older %1. Run update-exim4.conf and reload Exim (systemctl "
                              "reload exim4); a change MailTLS applies does both.")
                               .arg(r.configFile),
                           ""));
    }
    if (!r.hasTls()) {
        out.append(finding("no-tls-support", Severity::High, tr("This Exim was built without TLS"), r.versionText(),
                           tr("It can neither offer nor use STARTTLS. Install a build with TLS (Debian: "
                              "exim4-daemon-light or exim4-daemon-heavy)."),
                           ""));
        loggingFindings(r, out);
        return out;
    }
    dhFindings(r, out);
    startTlsFindings(r, out);
    loggingFindings(r, out);
    return out;
}

void EximAdvice::dhFindings(const EximInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString evidence = setting(QStringLiteral("tls_dhparam"), r.dhParam);
    const EximServedDh served = r.servedDh();
    const QString advice = dhAdvice(r);
    const QString full = evidence + QStringLiteral("; ") + served.why;

    if (served.kind == EximServedDh::Kind::Broken) {
        out.append(finding("dh-broken", Severity::High, tr("tls_dhparam names nothing Exim can load"), full,
                           tr("Exim then fails every TLS session.") + QLatin1Char(' ') + advice, "logjam"));
        return;
    }
    if (served.kind == EximServedDh::Kind::None) {
        if (r.dhParam.trimmed() == QLatin1String("none")) {
            out.append(finding("dhe-off", Severity::Info, tr("DHE is switched off: Logjam does not apply"), full,
                               tr("ECDHE alone is what internet.nl and testssl.sh like best."), ""));
        } else {
            out.append(finding("dh-skipped", Severity::Low, tr("Exim skips its Diffie-Hellman group and offers no DHE"),
                               full + QStringLiteral("; ")
                                   + setting(QStringLiteral("tls_dh_max_bits"), QString::number(r.dhMaxBits())),
                               tr("Raise tls_dh_max_bits to the group's size to offer DHE (mailtls fix logjam "
                                  "--group ffdhe3072 sets both), or set tls_dhparam = none to say so.")
                                   + QLatin1Char(' ') + checkers(),
                               "logjam"));
        }
        return;
    }

    // A weak group in the configuration that GnuTLS never offers.
    if (r.gnutlsPicksGroup() && r.dh && r.dh->isValid() && r.dh->bits < 2048) {
        out.append(finding("dh-file-unused", Severity::Info,
                           tr("tls_dhparam names a %1-bit group, which this Exim never offers").arg(r.dh->bits),
                           evidence + QStringLiteral(": ") + DhParameters::summary(*r.dh),
                           tr("GnuTLS keeps only the group's size and offers %1 instead; the file misleads whoever "
                              "reads the configuration, and an Exim built with OpenSSL would offer it.")
                               .arg(served.name),
                           "logjam"));
    }
    const std::optional<KnownDhGroup> known
        = served.prime.isEmpty() ? std::nullopt : KnownDhGroups::identify(served.prime);
    const bool shared = known && known->widelyShared;
    if (served.bits <= 1024 && (shared || served.prime.isEmpty())) {
        out.append(finding("dh-weak-shared", Severity::Critical,
                           tr("Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)").arg(served.bits),
                           full, advice, "logjam"));
    } else if (served.bits < 2048) {
        out.append(finding("dh-weak", Severity::High,
                           tr("Diffie-Hellman group of only %1 bits (Logjam)").arg(served.bits), full, advice,
                           "logjam"));
    } else if (served.bits < 3072) {
        out.append(finding("dh-2048", Severity::Low,
                           tr("Diffie-Hellman group of %1 bits (%2): internet.nl rates it \"phase out\"")
                               .arg(served.bits)
                               .arg(served.name),
                           full, advice, "logjam"));
    } else {
        out.append(finding("dh-ok", Severity::Info,
                           tr("Diffie-Hellman group of %1 bits (%2)").arg(served.bits).arg(served.name), full,
                           tr("internet.nl and testssl.sh accept it."), ""));
    }
}

void EximAdvice::startTlsFindings(const EximInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString advertise = r.option(QStringLiteral("tls_advertise_hosts"));
    const QString certificate = r.option(QStringLiteral("tls_certificate"));
    const QString key = r.option(QStringLiteral("tls_privatekey"));
    const QString howDebian = r.isDebianLayout()
        ? tr("On Debian that sets MAIN_TLS_ENABLE, MAIN_TLS_CERTIFICATE and MAIN_TLS_PRIVATEKEY in %1, as "
             "README.Debian recommends.")
              .arg(r.sources.value(r.localFile).path)
        : QString();
    const QString fixAdvice = (tr("Give Exim a certificate and its key (mailtls fix starttls --cert FILE --key FILE).")
                               + QLatin1Char(' ') + howDebian)
                                  .trimmed();
    if (advertise.isEmpty()) {
        out.append(finding("no-starttls", Severity::High, tr("The SMTP server does not offer STARTTLS"),
                           setting(QStringLiteral("tls_advertise_hosts"), advertise),
                           tr("Set tls_advertise_hosts = * (mailtls fix starttls).") + QLatin1Char(' ') + fixAdvice,
                           "starttls"));
        return;
    }
    if (certificate.isEmpty()) {
        if (r.isAtLeast(4, 88)) {
            out.append(
                finding("selfsigned-certificate", Severity::Medium,
                        tr("Exim offers STARTTLS with a self-signed certificate it makes up itself"),
                        setting(QStringLiteral("tls_certificate"), certificate),
                        tr("Senders that check certificates (DANE, MTA-STS) refuse it.") + QLatin1Char(' ') + fixAdvice,
                        "starttls"));
        } else {
            out.append(finding("no-certificate", Severity::High,
                               tr("tls_certificate is not set: STARTTLS fails in every session"),
                               setting(QStringLiteral("tls_certificate"), certificate), fixAdvice, "starttls"));
        }
        return;
    }
    QStringList missing;
    for (const QString &path : {certificate, key}) {
        if (!path.isEmpty() && path.startsWith(QLatin1Char('/')) && !path.contains(QLatin1Char('$')) && r.status(path)
            && !r.status(path)->exists)
            missing.append(path);
    }
    if (!missing.isEmpty()) {
        out.append(finding("certificate-missing", Severity::High,
                           tr("The certificate or key file Exim is to use does not exist"),
                           missing.join(QStringLiteral("; ")),
                           tr("Exim then fails every STARTTLS session. Name the files that exist (mailtls fix "
                              "starttls --cert FILE --key FILE).")
                               + QLatin1Char(' ') + howDebian,
                           "starttls"));
        return;
    }
    const QString keyFile = key.isEmpty() ? certificate : key;
    const QString user = r.option(QStringLiteral("exim_user"));
    if (readableByExim(r, keyFile, user, r.option(QStringLiteral("exim_group"))) == false) {
        out.append(finding(
            "key-unreadable", Severity::High, tr("Exim's user %1 cannot read the key %2").arg(user, keyFile),
            setting(QStringLiteral("tls_privatekey"), keyFile),
            tr("Exim reads the key after it has given up root, and then fails every STARTTLS session. "
               "Give the key to group %1 with mode 0640 (Debian: root:Debian-exim).")
                .arg(r.option(QStringLiteral("exim_group")).isEmpty() ? user : r.option(QStringLiteral("exim_group"))),
            ""));
        return;
    }
    out.append(finding("starttls-ok", Severity::Info, tr("The SMTP server offers STARTTLS"),
                       setting(QStringLiteral("tls_advertise_hosts"), advertise) + QStringLiteral("; ")
                           + setting(QStringLiteral("tls_certificate"), certificate),
                       QString(), ""));
}

void EximAdvice::loggingFindings(const EximInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString evidence = setting(QStringLiteral("log_selector"), r.option(QStringLiteral("log_selector")));
    const QStringList missing = r.missingTlsLogItems();
    QStringList plus;
    for (const QString &item : missing)
        plus.append(QLatin1Char('+') + item);
    if (missing.contains(QLatin1String("tls_cipher"))) {
        out.append(finding("tls-log-off", Severity::Medium, tr("Exim logs no TLS cipher on its message lines"),
                           evidence,
                           tr("Add %1 to log_selector (mailtls fix tls-logging): the X= field of every <= and => "
                              "line is what tells encrypted from plaintext mail.")
                               .arg(plus.join(QLatin1Char(' '))),
                           "tls-logging"));
    } else if (!missing.isEmpty()) {
        out.append(finding("tls-log-partial", Severity::Low,
                           tr("Exim logs the TLS cipher, but not the peer's certificate"), evidence,
                           tr("Add %1 to log_selector (mailtls fix tls-logging): the DN= and CV= fields say who "
                              "the peer was and whether its certificate checked out.")
                               .arg(plus.join(QLatin1Char(' '))),
                           "tls-logging"));
    } else {
        out.append(finding("tls-log-ok", Severity::Info, tr("TLS sessions are logged"), evidence, QString(), ""));
    }
}

} // namespace mailtls
