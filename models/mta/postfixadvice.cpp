#include "models/mta/postfixadvice.h"

#include <QFileInfo>

#include "models/mta/postfixinspection.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

ConfigFinding finding(const char *code, Severity severity, const QString &title, const QString &evidence,
                      const QString &advice, const char *fix)
{
    return ConfigFinding {QString::fromLatin1(code), severity, title, evidence, advice, QString::fromLatin1(fix)};
}

// "name = value", or "name = (empty)".
QString setting(const QString &name, const QString &value)
{
    return value.isEmpty() ? PostfixAdvice::tr("%1 = (empty)").arg(name) : QStringLiteral("%1 = %2").arg(name, value);
}

} // namespace

QString PostfixAdvice::dhAdvice(const PostfixInspectionResult &r)
{
    QString text;
    if (r.autoDhAvailable()) {
        text = tr("On Postfix %1 with OpenSSL 3, leave smtpd_tls_dh1024_param_file empty: OpenSSL then picks a "
                  "published group (RFC 3526 or RFC 7919) as strong as the certificate's key (mailtls fix logjam "
                  "--group auto).")
                   .arg(r.settings.mailVersion);
        if (r.ffdheAutoGroupsAvailable())
            text += QLatin1Char(' ')
                + tr("TLS 1.3 clients also get the RFC 7919 groups listed in tls_ffdhe_auto_groups.");
        text += QLatin1Char(' ')
            + tr("For a rating of \"good\" at internet.nl, use the RFC 7919 group ffdhe3072 instead (mailtls fix "
                 "logjam --group ffdhe3072).");
    } else {
        text = tr("Use the RFC 7919 group ffdhe3072 (mailtls fix logjam --group ffdhe3072), or a freshly generated "
                  "group of at least 2048 bits (mailtls dhparam --bits 3072 --out FILE).");
    }
    text += QLatin1Char(' ')
        + tr("Turning DHE off (smtpd_tls_exclude_ciphers = kDHE) and relying on ECDHE is as good an answer: "
             "current mail servers all speak ECDHE.");
    text += QLatin1Char(' ')
        + tr("Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more (or no "
             "DHE at all) and rates 2048-bit groups \"phase out\"; testssl.sh flags groups under 2048 bits and "
             "well-known shared primes (Logjam).");
    return text;
}

QList<ConfigFinding> PostfixAdvice::findings(const PostfixInspectionResult &r)
{
    QList<ConfigFinding> out;
    out.append(finding(
        "postfix-version", Severity::Info, r.versionText(),
        QStringLiteral("mail_version = %1; %2")
            .arg(r.settings.mailVersion,
                 r.settings.opensslVersion.isEmpty() ? tr("OpenSSL version unknown") : r.settings.opensslVersion),
        r.autoDhAvailable() ? tr("This Postfix lets OpenSSL choose the Diffie-Hellman group when "
                                 "smtpd_tls_dh1024_param_file is empty.")
                            : QString(),
        ""));
    switch (r.running) {
    case PostfixInspectionResult::Running::Yes:
        break;
    case PostfixInspectionResult::Running::No:
        out.append(finding("not-running", Severity::Info, tr("Postfix is not running"), r.statusOutput,
                           tr("A change is checked and written, and takes effect at Postfix's next start."), ""));
        break;
    case PostfixInspectionResult::Running::Unknown:
        out.append(finding("status-unknown", Severity::Low, tr("Whether Postfix is running could not be told"),
                           r.statusOutput,
                           tr("`postfix status` needs root: run MailTLS as root (or with sudo) to reload Postfix "
                              "after a change."),
                           ""));
        break;
    }
    dhFindings(r, out);
    startTlsFindings(r, out);
    loggingFindings(r, out);
    for (const PostfixInspectionResult::ServiceOverride &o : r.overrides) {
        out.append(finding("master-override", Severity::Medium,
                           tr("master.cf sets %1 for the service %2").arg(o.parameter, o.service),
                           QStringLiteral("-o %1=%2").arg(o.parameter, o.value),
                           tr("A change to main.cf does not reach this service: change or remove the -o %1 line of "
                              "%2 in master.cf as well.")
                               .arg(o.parameter, o.service),
                           ""));
    }
    return out;
}

void PostfixAdvice::dhFindings(const PostfixInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString fileSetting = setting(QStringLiteral("smtpd_tls_dh1024_param_file"), r.dhFile);
    if (r.dheExcluded) {
        out.append(finding("dhe-off", Severity::Info, tr("DHE is switched off: Logjam does not apply"),
                           setting(QStringLiteral("smtpd_tls_exclude_ciphers"),
                                   r.effective(QStringLiteral("smtpd_tls_exclude_ciphers"))),
                           tr("ECDHE alone is what internet.nl and testssl.sh like best; the DH parameter file is "
                              "not used."),
                           ""));
        return;
    }
    const QString advice = dhAdvice(r);
    if (r.dh) {
        const DhFileInfo &dh = *r.dh;
        const QString evidence = QStringLiteral("%1: %2").arg(fileSetting, DhParameters::summary(dh));
        const QString groupName = dh.group ? dh.group->name : tr("a group of its own");
        switch (dh.verdict) {
        case DhFileInfo::Verdict::Invalid:
            out.append(finding("dh-file-invalid", Severity::High,
                               tr("smtpd_tls_dh1024_param_file names a file Postfix cannot use"), evidence,
                               tr("Postfix falls back to its built-in group and logs a warning for every TLS "
                                  "session.")
                                   + QLatin1Char(' ') + advice,
                               "logjam"));
            return;
        case DhFileInfo::Verdict::WeakShared:
            out.append(finding("dh-weak-shared", Severity::Critical,
                               tr("Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)").arg(dh.bits),
                               evidence, advice, "logjam"));
            return;
        case DhFileInfo::Verdict::Weak:
            out.append(finding("dh-weak", Severity::High,
                               tr("Diffie-Hellman group of only %1 bits (Logjam)").arg(dh.bits), evidence, advice,
                               "logjam"));
            return;
        case DhFileInfo::Verdict::Published:
        case DhFileInfo::Verdict::Rfc7919:
        case DhFileInfo::Verdict::Unique:
            if (dh.bits < 3072) {
                out.append(finding("dh-2048", Severity::Low,
                                   tr("Diffie-Hellman group of %1 bits (%2): internet.nl rates it \"phase out\"")
                                       .arg(dh.bits)
                                       .arg(groupName),
                                   evidence, advice, "logjam"));
            } else {
                out.append(finding("dh-ok", Severity::Info,
                                   tr("Diffie-Hellman group of %1 bits (%2)").arg(dh.bits).arg(groupName), evidence,
                                   tr("internet.nl and testssl.sh accept it."), ""));
            }
            return;
        }
        return;
    }
    if (r.autoDhAvailable()) {
        out.append(finding(
            "dh-auto", Severity::Info,
            tr("OpenSSL chooses the Diffie-Hellman group (Postfix %1 with OpenSSL 3)").arg(r.settings.mailVersion),
            fileSetting,
            tr("This is today's advice for this Postfix. OpenSSL matches the group to the "
               "certificate's key: 2048 bits (RFC 3526 group 14) for a 2048-bit RSA key, which "
               "testssl.sh accepts and internet.nl rates \"phase out\"; for \"good\" there, use "
               "ffdhe3072 (mailtls fix logjam --group ffdhe3072) or turn DHE off."),
            ""));
        return;
    }
    if (r.versionMajor > 0 && !r.isAtLeast(3, 1)) {
        out.append(finding("dh-builtin-1024", Severity::Critical,
                           tr("Postfix %1's built-in 1024-bit Diffie-Hellman group, the same on every such server "
                              "(Logjam)")
                               .arg(r.settings.mailVersion),
                           fileSetting, advice, "logjam"));
        return;
    }
    out.append(finding("dh-builtin", Severity::Low,
                       tr("Postfix's built-in 2048-bit Diffie-Hellman group, the same on every Postfix server"),
                       fileSetting, advice, "logjam"));
}

void PostfixAdvice::startTlsFindings(const PostfixInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString level = r.securityLevel(QStringLiteral("smtpd"));
    const QString levelSetting
        = setting(QStringLiteral("smtpd_tls_security_level"), r.effective(QStringLiteral("smtpd_tls_security_level")));
    const QString fixAdvice = tr("Set smtpd_tls_security_level = may with a certificate and its key (mailtls fix "
                                 "starttls --cert FILE --key FILE). Not \"encrypt\": on port 25 that refuses every "
                                 "sender without TLS.");
    if (level == QLatin1String("none")) {
        out.append(finding("no-starttls", Severity::High, tr("The SMTP server does not offer STARTTLS"), levelSetting,
                           fixAdvice, "starttls"));
    } else if (!r.hasServerCertificate()) {
        out.append(finding("no-certificate", Severity::High,
                           tr("smtpd_tls_security_level is %1, but no certificate is set: Postfix offers no "
                              "STARTTLS")
                               .arg(level),
                           levelSetting, fixAdvice, "starttls"));
    } else {
        QStringList missing;
        if (r.effective(QStringLiteral("smtpd_tls_chain_files")).isEmpty()) {
            for (const QString &name : {QStringLiteral("smtpd_tls_cert_file"), QStringLiteral("smtpd_tls_key_file")}) {
                const QString path = r.effective(name);
                if (!path.isEmpty() && !QFileInfo::exists(path))
                    missing.append(setting(name, path));
            }
        }
        if (!missing.isEmpty()) {
            out.append(finding("certificate-missing", Severity::High,
                               tr("The certificate or key file Postfix is to use does not exist"),
                               missing.join(QStringLiteral("; ")),
                               tr("Postfix then offers no STARTTLS. Name the files that exist (mailtls fix starttls "
                                  "--cert FILE --key FILE)."),
                               "starttls"));
        } else {
            out.append(finding("starttls-ok", Severity::Info, tr("The SMTP server offers STARTTLS"), levelSetting,
                               QString(), ""));
        }
    }
    if (r.securityLevel(QStringLiteral("smtp")) == QLatin1String("none")) {
        out.append(finding(
            "smtp-no-tls", Severity::Medium, tr("Outgoing mail never uses TLS"),
            setting(QStringLiteral("smtp_tls_security_level"), r.effective(QStringLiteral("smtp_tls_security_level"))),
            tr("Set smtp_tls_security_level = may (mailtls fix starttls): Postfix then encrypts "
               "whenever the receiving server offers STARTTLS."),
            "starttls"));
    }
}

void PostfixAdvice::loggingFindings(const PostfixInspectionResult &r, QList<ConfigFinding> &out)
{
    bool allOn = true;
    const struct
    {
        const char *name;
        const char *code;
    } levels[] = {{"smtpd_tls_loglevel", "tls-log-off"}, {"smtp_tls_loglevel", "smtp-tls-log-off"}};
    for (const auto &level : levels) {
        const QString name = QString::fromLatin1(level.name);
        const QString value = r.effective(name);
        bool ok = false;
        const int number = value.toInt(&ok);
        if (ok && number >= 1)
            continue;
        allOn = false;
        const bool server = name.startsWith(QLatin1String("smtpd"));
        out.append(
            finding(level.code, Severity::Medium,
                    server ? tr("The SMTP server logs no TLS sessions") : tr("The SMTP client logs no TLS sessions"),
                    setting(name, value),
                    tr("Set %1 = 1 (mailtls fix tls-logging): one \"TLS connection established\" line per "
                       "session, without which the dashboard cannot tell encrypted from plaintext mail.")
                        .arg(name),
                    "tls-logging"));
    }
    if (allOn)
        out.append(finding("tls-log-ok", Severity::Info, tr("TLS sessions are logged"),
                           QStringLiteral("smtpd_tls_loglevel = %1; smtp_tls_loglevel = %2")
                               .arg(r.effective(QStringLiteral("smtpd_tls_loglevel")),
                                    r.effective(QStringLiteral("smtp_tls_loglevel"))),
                           QString(), ""));
}

} // namespace mailtls
