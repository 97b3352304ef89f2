#include "models/mta/dovecotadvice.h"

#include "models/mta/dovecotinspection.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

using Role = DovecotInspectionResult::Role;

ConfigFinding finding(const char *code, Severity severity, const QString &title, const QString &evidence,
                      const QString &advice, const char *fix)
{
    return ConfigFinding {QString::fromLatin1(code), severity, title, evidence, advice, QString::fromLatin1(fix)};
}

// "ssl_dh = </x.pem (conf.d/10-ssl.conf line 55)", "ssl_dh = (empty) (Dovecot's default)".
QString setting(const DovecotInspectionResult &r, Role role)
{
    const QString value = r.effective(role);
    const QString name = r.settingName(role);
    const QString assignment
        = value.isEmpty() ? DovecotAdvice::tr("%1 = (empty)").arg(name) : QStringLiteral("%1 = %2").arg(name, value);
    return QStringLiteral("%1 (%2)").arg(assignment, r.origin(role));
}

} // namespace

QString DovecotAdvice::dhAdvice(const DovecotInspectionResult &r)
{
    QString text;
    if (r.usesServerSettings()) {
        text = tr("Point ssl_server_dh_file at the RFC 7919 group ffdhe3072 (mailtls fix logjam --mta dovecot --group "
                  "ffdhe3072) or at a freshly generated group of at least 2048 bits (--bits 3072), or leave it unset: "
                  "Dovecot 2.4 then offers ECDHE only.");
    } else {
        text = tr("Dovecot %1 has no automatic choice of group: point ssl_dh at the RFC 7919 group ffdhe3072 "
                  "(mailtls fix logjam --mta dovecot --group ffdhe3072) or at a freshly generated group of at least "
                  "2048 bits (mailtls fix logjam --mta dovecot --bits 3072).")
                   .arg(r.versionOutput.section(QLatin1Char(' '), 0, 0));
    }
    text += QLatin1Char(' ')
        + tr("Turning DHE off is as good an answer: add !DH to ssl_cipher_list (the commented-out line in Debian's "
             "10-ssl.conf shows how); every current mail client speaks ECDHE.");
    text += QLatin1Char(' ')
        + tr("Checkers: internet.nl does not test IMAP or POP (its mail test is SMTP on port 25). testssl.sh does "
             "(testssl.sh HOST:993, or --starttls imap HOST:143): it flags groups under 2048 bits and well-known "
             "shared primes (Logjam); ffdhe3072, ffdhe4096 and fresh groups of 3072 bits pass.");
    return text;
}

QList<ConfigFinding> DovecotAdvice::findings(const DovecotInspectionResult &r)
{
    QList<ConfigFinding> out;
    const QString dhName = r.settingName(Role::Dh);
    out.append(finding("dovecot-version", Severity::Info, r.versionText(),
                       QStringLiteral("dovecot --version: %1; %2")
                           .arg(r.versionOutput.isEmpty() ? tr("unknown") : r.versionOutput,
                                r.opensslVersion.isEmpty() ? tr("OpenSSL version unknown") : r.opensslVersion),
                       r.usesServerSettings()
                           ? tr("Dovecot 2.4 reads the Diffie-Hellman group from ssl_server_dh_file (a path, without "
                                "'<'); unset, it offers no DHE.")
                           : tr("Dovecot 2.3 gives TLS 1.2 clients that ask for DHE the group in ssl_dh, and has no "
                                "automatic choice."),
                       ""));
    switch (r.running) {
    case DovecotInspectionResult::Running::Yes:
        break;
    case DovecotInspectionResult::Running::No:
        out.append(finding("not-running", Severity::Info, tr("Dovecot is not running"), r.statusOutput,
                           tr("A change is checked and written, and takes effect at Dovecot's next start."), ""));
        break;
    case DovecotInspectionResult::Running::Unknown:
        out.append(finding("status-unknown", Severity::Low, tr("Whether Dovecot is running could not be told"),
                           r.statusOutput, tr("Run MailTLS as root (or with sudo) to reload Dovecot after a change."),
                           ""));
        break;
    }
    if (!r.configValid) {
        out.append(finding("config-invalid", Severity::High, tr("doveconf refuses the configuration"),
                           r.configCheckOutput,
                           tr("Dovecot does not start or reload with it. Correct it first: every change is checked "
                              "with doveconf -n, which fails until then."),
                           ""));
    }
    if (!r.sslEnabled()) {
        out.append(finding("ssl-off", Severity::High, tr("Dovecot offers no TLS for IMAP and POP"),
                           setting(r, Role::Ssl),
                           tr("Passwords and mail cross the network in plaintext. Set ssl = yes (or required) with "
                              "%1 and %2 in conf.d/10-ssl.conf; the Diffie-Hellman group matters only then.")
                               .arg(r.settingName(Role::Cert), r.settingName(Role::Key)),
                           ""));
        return out;
    }
    if (!r.hasServerCertificate()) {
        out.append(finding("no-certificate", Severity::High, tr("TLS is on, but Dovecot has no certificate"),
                           setting(r, Role::Cert),
                           tr("Without %1 and %2 Dovecot fails every TLS connection. Name a certificate and its key "
                              "(for example Let's Encrypt's fullchain.pem and privkey.pem).")
                               .arg(r.settingName(Role::Cert), r.settingName(Role::Key)),
                           ""));
    }
    dhFindings(r, out);
    for (const DovecotConfig::Setting &o : r.dhOverrides) {
        QString path = o.path;
        const QString prefix = r.configDirectory + QLatin1Char('/');
        if (path.startsWith(prefix))
            path = path.mid(prefix.size());
        const QString section = QString::fromUtf8(o.sections.join(" / "));
        out.append(finding("dh-filter-override", Severity::Medium, tr("%1 sets its own %2").arg(section, dhName),
                           tr("%1 = %2 (%3 line %4)").arg(dhName, QString::fromUtf8(o.rawValue()), path).arg(o.line),
                           tr("A change to the global %1 does not reach \"%2\": change it there as well, or remove it "
                              "there.")
                               .arg(dhName, section),
                           ""));
    }
    const QString minimum = r.effective(Role::MinProtocol).trimmed();
    if (minimum == QLatin1String("SSLv3") || minimum == QLatin1String("TLSv1") || minimum == QLatin1String("TLSv1.1")
        || minimum == QLatin1String("ANY")) {
        out.append(finding("old-protocols", Severity::Medium, tr("Dovecot accepts TLS versions older than 1.2"),
                           setting(r, Role::MinProtocol),
                           tr("Set ssl_min_protocol = TLSv1.2: testssl.sh flags TLS 1.0 and 1.1, which every current "
                              "mail client has left behind."),
                           ""));
    }
    return out;
}

void DovecotAdvice::dhFindings(const DovecotInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString dhName = r.settingName(Role::Dh);
    const QString dhSetting = setting(r, Role::Dh);
    if (!r.dheOffered) {
        out.append(finding("dhe-off", Severity::Info, tr("DHE is switched off: Logjam does not apply"),
                           setting(r, Role::CipherList),
                           tr("ECDHE alone is what testssl.sh likes best; the Diffie-Hellman group is not used."), ""));
        return;
    }
    const QString advice = dhAdvice(r);
    // OpenSSL 3 at security level 2 (Debian's) refuses to load a group under
    // 2048 bits into the server: TLS fails before Logjam could matter.
    const bool refusedBySecurityLevel = r.opensslMajor >= 3;
    const QString tooSmall = tr("With OpenSSL 3 at Debian's security level Dovecot cannot even load a group under 2048 "
                                "bits: every TLS connection fails (\"dh key too small\").");
    if (r.dh) {
        const DhFileInfo &dh = *r.dh;
        const QString evidence = QStringLiteral("%1: %2").arg(dhSetting, DhParameters::summary(dh));
        const QString groupName = dh.group ? dh.group->name : tr("a group of its own");
        switch (dh.verdict) {
        case DhFileInfo::Verdict::Invalid:
            out.append(finding("dh-file-invalid", Severity::High, tr("%1 names a file Dovecot cannot use").arg(dhName),
                               evidence,
                               tr("A missing file stops Dovecot from starting or reloading; one without DH parameters "
                                  "makes every TLS connection fail (\"Couldn't parse DH parameters\").")
                                   + QLatin1Char(' ') + advice,
                               "logjam"));
            return;
        case DhFileInfo::Verdict::WeakShared:
            out.append(finding("dh-weak-shared", Severity::Critical,
                               tr("Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)").arg(dh.bits),
                               evidence, refusedBySecurityLevel ? tooSmall + QLatin1Char(' ') + advice : advice,
                               "logjam"));
            return;
        case DhFileInfo::Verdict::Weak:
            out.append(finding("dh-weak", Severity::High,
                               tr("Diffie-Hellman group of only %1 bits (Logjam)").arg(dh.bits), evidence,
                               refusedBySecurityLevel ? tooSmall + QLatin1Char(' ') + advice : advice, "logjam"));
            return;
        case DhFileInfo::Verdict::Published:
        case DhFileInfo::Verdict::Rfc7919:
        case DhFileInfo::Verdict::Unique:
            if (dh.bits < 3072) {
                out.append(finding("dh-2048", Severity::Low,
                                   tr("Diffie-Hellman group of %1 bits (%2): enough today, 3072 bits are advised")
                                       .arg(dh.bits)
                                       .arg(groupName),
                                   evidence, advice, "logjam"));
            } else {
                out.append(finding("dh-ok", Severity::Info,
                                   tr("Diffie-Hellman group of %1 bits (%2)").arg(dh.bits).arg(groupName), evidence,
                                   tr("testssl.sh accepts it."), ""));
            }
            return;
        }
        return;
    }
    if (r.usesServerSettings()) {
        out.append(finding("dh-unset", Severity::Info, tr("%1 is not set: Dovecot offers ECDHE only").arg(dhName),
                           dhSetting, tr("Logjam does not apply. Debian's Dovecot 2.4 configuration leaves it unset."),
                           ""));
        return;
    }
    out.append(finding("dh-unset", Severity::Medium,
                       tr("%1 is not set: clients that ask for DHE get no TLS at all").arg(dhName), dhSetting,
                       tr("Dovecot 2.3 then logs \"Diffie-Hellman key exchange requested, but no DH parameters "
                          "provided\" and the handshake fails; clients that offer ECDHE (nearly all) do not notice.")
                           + QLatin1Char(' ') + advice,
                       "logjam"));
}

} // namespace mailtls
