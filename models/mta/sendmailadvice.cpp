#include "models/mta/sendmailadvice.h"

#include <QFileInfo>

#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailinspectionresult.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

using DhSetting = SendmailInspectionResult::DhSetting;

ConfigFinding finding(const char *code, Severity severity, const QString &title, const QString &evidence,
                      const QString &advice, const char *fix)
{
    return ConfigFinding {QString::fromLatin1(code), severity, title, evidence, advice, QString::fromLatin1(fix)};
}

// "Name = value", or "Name = (empty)": as sendmail.cf says it.
QString setting(const QString &name, const QString &value)
{
    return value.isEmpty() ? SendmailAdvice::tr("%1 = (empty)").arg(name) : QStringLiteral("%1 = %2").arg(name, value);
}

QString dhSettingText(const SendmailInspectionResult &r)
{
    if (r.dhParameters.isEmpty())
        return SendmailAdvice::tr("DHParameters not set");
    return QStringLiteral("DHParameters = %1").arg(r.dhParameters);
}

} // namespace

QString SendmailAdvice::dhAdvice(const SendmailInspectionResult &r)
{
    QString text = tr("Use the RFC 7919 group ffdhe3072 (mailtls fix logjam --group ffdhe3072): confDH_PARAMETERS "
                      "then names a file holding it. Sendmail %1 has no automatic choice of a published group.")
                       .arg(r.version.isEmpty() ? QStringLiteral("8.17") : r.version);
    if (r.autoDhAvailable())
        text += QLatin1Char(' ')
            + tr("Its own best choice is DHParameters=2, a fresh 2048-bit group at each start (mailtls fix logjam "
                 "--group auto); the built-in 2048-bit group it uses by default is the same on every Sendmail "
                 "server.");
    else
        text += QLatin1Char(' ') + tr("Sendmail before 8.14.8 cannot make 2048-bit groups itself.");
    text += QLatin1Char(' ')
        + tr("A group of your own of at least 2048 bits is fine too (mailtls fix logjam --bits 3072). Turning DHE "
             "off (confDH_PARAMETERS none) and relying on ECDHE is as good an answer: current mail servers all "
             "speak ECDHE.");
    text += QLatin1Char(' ')
        + tr("Checkers: internet.nl passes ffdhe3072, ffdhe4096 and other groups of 3072 bits or more (or no "
             "DHE at all) and rates 2048-bit groups \"phase out\"; testssl.sh flags groups under 2048 bits and "
             "well-known shared primes (Logjam).");
    return text;
}

QList<ConfigFinding> SendmailAdvice::findings(const SendmailInspectionResult &r)
{
    QList<ConfigFinding> out;
    QStringList said;
    said.append(QStringLiteral("Version %1").arg(r.version));
    said.append(r.hasStartTls() ? tr("compiled with STARTTLS") : tr("compiled without STARTTLS"));
    if (r.opensslCompiled != 0)
        said.append(tr("built with %1, running with %2")
                        .arg(SendmailInspectionResult::opensslVersionText(r.opensslCompiled),
                             SendmailInspectionResult::opensslVersionText(r.opensslLinked)));
    out.append(finding("sendmail-version", Severity::Info, r.versionText(), said.join(QStringLiteral("; ")),
                       r.autoDhAvailable() ? tr("This Sendmail can make a fresh 2048-bit Diffie-Hellman group at "
                                                "each start (DHParameters=2).")
                                           : QString(),
                       ""));
    if (!r.hasStartTls()) {
        out.append(finding("no-starttls-support", Severity::High, tr("This Sendmail was built without STARTTLS"),
                           tr("Compiled with: %1").arg(r.compiledWith.join(QLatin1Char(' '))),
                           tr("It can neither offer nor use TLS. Install a Sendmail built with STARTTLS (Debian's "
                              "sendmail-bin is)."),
                           ""));
        return out;
    }
    switch (r.running) {
    case SendmailInspectionResult::Running::Yes:
        break;
    case SendmailInspectionResult::Running::No:
        out.append(finding("not-running", Severity::Info, tr("Sendmail is not running"), r.statusOutput,
                           tr("A change is checked and written, and takes effect at Sendmail's next start."), ""));
        break;
    case SendmailInspectionResult::Running::Unknown:
        out.append(finding("status-unknown", Severity::Low, tr("Whether Sendmail is running could not be told"),
                           r.statusOutput,
                           tr("Its PID file is for root to read: run MailTLS as root (or with sudo) to reload "
                              "Sendmail after a change."),
                           ""));
        break;
    }
    if (!r.cfComplaints.isEmpty())
        out.append(finding("cf-refused", Severity::High, tr("Sendmail refuses %1").arg(r.cfPath),
                           r.cfComplaints.join(QStringLiteral("; ")),
                           tr("Sendmail cannot start with this file. Correct sendmail.mc and build sendmail.cf "
                              "again (make -C %1).")
                               .arg(r.configDirectory),
                           ""));
    if (r.cfIsStale()) {
        QStringList lines = SendmailCf::differentOptions(r.cf, r.builtCf);
        const qsizetype shown = 6;
        if (lines.size() > shown) {
            const qsizetype more = lines.size() - shown;
            lines = lines.mid(0, shown);
            lines.append(tr("%n more", nullptr, int(more)));
        }
        out.append(finding("cf-stale", Severity::Medium,
                           tr("sendmail.cf is not what sendmail.mc builds: changes to sendmail.mc are not in force"),
                           lines.isEmpty() ? tr("the two differ in other lines than options")
                                           : lines.join(QStringLiteral("; ")),
                           tr("Sendmail reads only sendmail.cf. Build it again (make -C %1, or sendmailconfig) and "
                              "reload Sendmail; a MailTLS fix rebuilds it as part of its plan.")
                               .arg(r.configDirectory),
                           ""));
    }
    if (r.mcExists && !r.buildErrors.isEmpty())
        out.append(finding("mc-build-errors", Severity::Medium, tr("m4 reports problems building sendmail.mc"),
                           r.buildErrors.left(600),
                           tr("Debian's Makefile installs sendmail.cf all the same; correct what m4 names."), ""));
    dhFindings(r, out);
    startTlsFindings(r, out);
    loggingFindings(r, out);
    return out;
}

void SendmailAdvice::dhFindings(const SendmailInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString evidence = dhSettingText(r);
    const QString advice = dhAdvice(r);
    const bool oldDefault = !r.versionNumbers.isEmpty() && !r.isAtLeast({8, 15, 2});
    const bool openssl3 = (r.opensslLinked >> 28) >= 3;
    const QString smallGroupNote = openssl3
        ? tr("With OpenSSL 3 at its default security level Sendmail cannot use a group this small and offers no "
             "DHE at all; where the level is lowered (CipherList @SECLEVEL=1, or openssl.cnf) every DHE client "
             "gets it.")
        : QString();
    const auto withNote = [](const QString &text, const QString &note) {
        return note.isEmpty() ? text : text + QLatin1Char(' ') + note;
    };
    switch (r.dhSetting) {
    case DhSetting::None:
        out.append(finding("dhe-off", Severity::Info, tr("DHE is switched off: Logjam does not apply"), evidence,
                           tr("ECDHE alone is what internet.nl and testssl.sh like best."), ""));
        return;
    case DhSetting::Default:
    case DhSetting::Unknown:
    case DhSetting::BuiltIn2048: {
        QString shown = evidence;
        if (r.dhSetting == DhSetting::Unknown)
            shown += QStringLiteral("; ") + tr("Sendmail logs \"illegal value\" for it and uses its default");
        if (oldDefault && r.dhSetting != DhSetting::BuiltIn2048) {
            out.append(
                finding("dh-weak", Severity::High,
                        tr("Diffie-Hellman group of only 1024 bits (Logjam): Sendmail %1's default").arg(r.version),
                        shown, withNote(advice, smallGroupNote), "logjam"));
            return;
        }
        out.append(finding("dh-builtin", Severity::Low,
                           tr("Sendmail's built-in 2048-bit Diffie-Hellman group, the same on every Sendmail server"),
                           shown, advice, "logjam"));
        return;
    }
    case DhSetting::Generated2048:
        out.append(finding("dh-2048", Severity::Low,
                           tr("A 2048-bit Diffie-Hellman group made afresh at each start: internet.nl rates it "
                              "\"phase out\""),
                           evidence, advice, "logjam"));
        return;
    case DhSetting::Generated1024:
        out.append(finding("dh-weak", Severity::High, tr("Diffie-Hellman group of only 1024 bits (Logjam)"), evidence,
                           withNote(advice, smallGroupNote), "logjam"));
        return;
    case DhSetting::BuiltIn512:
        out.append(finding("dh-weak-shared", Severity::Critical,
                           tr("Diffie-Hellman group of only 512 bits, the same on every Sendmail server (Logjam)"),
                           evidence, withNote(advice, smallGroupNote), "logjam"));
        return;
    case DhSetting::File:
        break;
    }
    if (!r.dh)
        return;
    const DhFileInfo &dh = *r.dh;
    QString fileEvidence = QStringLiteral("%1: %2").arg(evidence, DhParameters::summary(dh));
    if (!r.dhNote.isEmpty())
        fileEvidence += QStringLiteral("; ") + r.dhNote;
    const QString groupName = dh.group ? dh.group->name : tr("a group of its own");
    switch (dh.verdict) {
    case DhFileInfo::Verdict::Invalid:
        out.append(finding("dh-file-invalid", Severity::High, tr("DHParameters names a file Sendmail cannot use"),
                           fileEvidence,
                           tr("Sendmail logs that the file is unsafe or unreadable and uses its built-in 2048-bit "
                              "group instead.")
                               + QLatin1Char(' ') + advice,
                           "logjam"));
        return;
    case DhFileInfo::Verdict::WeakShared:
        out.append(finding("dh-weak-shared", Severity::Critical,
                           tr("Diffie-Hellman group of only %1 bits, shared by many servers (Logjam)").arg(dh.bits),
                           fileEvidence, withNote(advice, smallGroupNote), "logjam"));
        return;
    case DhFileInfo::Verdict::Weak:
        out.append(finding("dh-weak", Severity::High, tr("Diffie-Hellman group of only %1 bits (Logjam)").arg(dh.bits),
                           fileEvidence, withNote(advice, smallGroupNote), "logjam"));
        return;
    case DhFileInfo::Verdict::Published:
    case DhFileInfo::Verdict::Rfc7919:
    case DhFileInfo::Verdict::Unique:
        if (dh.bits < 3072)
            out.append(finding("dh-2048", Severity::Low,
                               tr("Diffie-Hellman group of %1 bits (%2): internet.nl rates it \"phase out\"")
                                   .arg(dh.bits)
                                   .arg(groupName),
                               fileEvidence, advice, "logjam"));
        else
            out.append(finding("dh-ok", Severity::Info,
                               tr("Diffie-Hellman group of %1 bits (%2)").arg(dh.bits).arg(groupName), fileEvidence,
                               tr("internet.nl and testssl.sh accept it."), ""));
        return;
    }
}

void SendmailAdvice::startTlsFindings(const SendmailInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString files = QStringLiteral("%1; %2").arg(setting(QStringLiteral("ServerCertFile"), r.serverCert),
                                                       setting(QStringLiteral("ServerKeyFile"), r.serverKey));
    const QString fixAdvice = tr("Set confSERVER_CERT and confSERVER_KEY to a certificate and its key (mailtls fix "
                                 "starttls --cert FILE --key FILE); Sendmail offers STARTTLS once it has them and "
                                 "its CA settings (confCACERT_PATH, confCACERT).");
    if (!r.hasServerCertificate()) {
        out.append(finding("no-starttls", Severity::High, tr("The SMTP server does not offer STARTTLS"), files,
                           fixAdvice, "starttls"));
    } else {
        QStringList missing;
        for (const auto &[name, path] : {qMakePair(QStringLiteral("ServerCertFile"), r.serverCert),
                                         qMakePair(QStringLiteral("ServerKeyFile"), r.serverKey)}) {
            const std::optional<ConfigFile::Status> seen = r.status(path);
            if (seen && !seen->exists)
                missing.append(setting(name, path));
        }
        if (!missing.isEmpty()) {
            out.append(finding("certificate-missing", Severity::High,
                               tr("The certificate or key file Sendmail is to use does not exist"),
                               missing.join(QStringLiteral("; ")),
                               tr("Sendmail then offers no STARTTLS. Name the files that exist (mailtls fix starttls "
                                  "--cert FILE --key FILE)."),
                               "starttls"));
        } else if (!r.hasCaSettings()) {
            out.append(finding("no-ca-settings", Severity::High,
                               tr("Sendmail offers no STARTTLS: CACertPath or CACertFile is not set"),
                               QStringLiteral("%1; %2").arg(setting(QStringLiteral("CACertPath"), r.caCertPath),
                                                            setting(QStringLiteral("CACertFile"), r.caCertFile)),
                               tr("Sendmail's server wants both (Debian's starttls.m4 sets /etc/ssl/certs and the "
                                  "server certificate): mailtls fix starttls sets those that are missing."),
                               "starttls"));
        } else {
            out.append(
                finding("starttls-ok", Severity::Info, tr("The SMTP server offers STARTTLS"), files, QString(), ""));
        }
    }
    for (const QString &daemon : r.daemonsWithoutStartTls()) {
        out.append(finding("starttls-off-daemon", Severity::Medium,
                           tr("The daemon %1 never offers STARTTLS (its modifiers hold S)").arg(daemon),
                           QStringLiteral("DaemonPortOptions: %1").arg(daemon),
                           tr("Remove S from the M= modifiers of that DAEMON_OPTIONS line in sendmail.mc."), ""));
    }
}

void SendmailAdvice::loggingFindings(const SendmailInspectionResult &r, QList<ConfigFinding> &out)
{
    const QString evidence = QStringLiteral("LogLevel = %1").arg(r.logLevel);
    if (r.logLevel < 9) {
        out.append(finding("tls-log-off", Severity::Medium, tr("Sendmail logs no TLS sessions"), evidence,
                           tr("Set confLOG_LEVEL to 9 (mailtls fix tls-logging): from LogLevel 9 Sendmail logs one "
                              "STARTTLS=server or STARTTLS=client line per session, without which the dashboard "
                              "cannot tell encrypted from plaintext mail."),
                           "tls-logging"));
        return;
    }
    out.append(finding("tls-log-ok", Severity::Info, tr("TLS sessions are logged"), evidence, QString(), ""));
}

} // namespace mailtls
