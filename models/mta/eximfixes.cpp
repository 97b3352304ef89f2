#include "models/mta/eximfixes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "models/mta/configfile.h"
#include "models/mta/dhfilepaths.h"
#include "models/mta/eximinspectionresult.h"
#include "models/mta/eximsources.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

const QByteArray dhOption = QByteArrayLiteral("tls_dhparam");
const QByteArray maxBitsOption = QByteArrayLiteral("tls_dh_max_bits");

bool usable(const EximInspectionResult &r, QString *error)
{
    if (!r.ok) {
        *error = r.error.isEmpty() ? EximFixes::tr("Exim has not been inspected") : r.error;
        return false;
    }
    return true;
}

EximSources sourcesOf(const EximInspectionResult &r)
{
    return EximSources(r.sources, r.localFile, r.isDebianLayout(), EximFixes::localMacrosHeader(r));
}

// The configuration files' edits, after any file the plan writes first.
void addEdits(const EximSources &sources, ChangePlan &plan)
{
    const QList<FileEdit> edits = sources.edits();
    for (const FileEdit &edit : edits)
        plan.edits.append(edit);
}

bool failed(EximSources::Edit edit, const EximSources &sources, QString *error)
{
    if (edit != EximSources::Edit::Invalid)
        return false;
    *error = sources.errorString();
    return true;
}

} // namespace

QByteArray EximFixes::localMacrosHeader(const EximInspectionResult &r)
{
    switch (r.layout) {
    case EximInspectionResult::Layout::DebianTemplate:
        return QByteArrayLiteral("# Local settings for Debian's Exim configuration: update-exim4.conf reads this\n"
                                 "# file before exim4.conf.template (README.Debian, section 2.1.3).\n");
    case EximInspectionResult::Layout::DebianSplit:
        return QByteArrayLiteral("# Local settings for Debian's Exim configuration: update-exim4.conf reads\n"
                                 "# conf.d/main in name order, this file first (README.Debian, section 2.1.3).\n");
    case EximInspectionResult::Layout::ConfigFile:
        break;
    }
    return QByteArray();
}

ChangePlan EximFixes::basePlan(const EximInspectionResult &r, const QString &title)
{
    ChangePlan plan;
    plan.title = title;
    plan.mta = QStringLiteral("Exim");
    plan.configDir = r.configDirectory;
    plan.validateCommands = r.validateCommands;
    plan.statusCommand = r.statusCommand;
    plan.reloadCommand = r.reloadCommand;
    plan.verification.port = r.listenPort();
    if (r.isDebianLayout()) {
        plan.notes.append(tr("update-exim4.conf --check builds the new configuration into a temporary file and "
                             "checks it; the reload runs update-exim4.conf, which writes %1, and then signals Exim.")
                              .arg(r.configFile));
    }
    if (r.configTrusted == false) {
        plan.notes.append(tr("%1 does not list %2: the reload leaves Exim without root, unable to listen on port %3. "
                             "Add the file to %1 first.")
                              .arg(r.trustedConfigList, r.configFile)
                              .arg(r.listenPort()));
    }
    if (!r.staleSource.isEmpty()) {
        plan.notes.append(tr("%1 changed after update-exim4.conf last ran: the reload makes that change live too.")
                              .arg(r.staleSource));
    }
    return plan;
}

QString EximFixes::currentValue(const EximInspectionResult &r, const EximSources &sources, const QByteArray &option)
{
    // Debian's generated file may be older than the sources: they tell
    // what the next update-exim4.conf makes of them.
    if (r.isDebianLayout()) {
        if (const std::optional<QByteArray> value = sources.resolvedValue(option))
            return QString::fromUtf8(*value).trimmed();
    }
    return r.option(QString::fromLatin1(option));
}

QString EximFixes::dhFilePath(const EximInspectionResult &r, const DhChoice &choice, int bits)
{
    const QString name = choice.kind == DhChoice::Kind::Rfc7919 ? QStringLiteral("dh_%1.pem").arg(choice.group)
                                                                : QStringLiteral("dh_%1.pem").arg(bits);
    return QDir(r.configDirectory).filePath(name);
}

QStringList EximFixes::dhFilePaths(const EximInspectionResult &r)
{
    return offeredDhFilePaths([&r](const DhChoice &choice, int bits) { return dhFilePath(r, choice, bits); });
}

std::optional<ChangePlan> EximFixes::logjam(const EximInspectionResult &r, const DhChoice &choice, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    if (!r.hasTls()) {
        *error = tr("%1 was built without TLS: there is no Diffie-Hellman group to change").arg(r.versionText());
        return std::nullopt;
    }
    EximSources sources = sourcesOf(r);
    if (!sources.isOk()) {
        *error = sources.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Replace the weak Diffie-Hellman group (Logjam)"));
    plan.verification.check = ChangePlan::Check::DhGroup;
    const QString current = currentValue(r, sources, dhOption);
    if (current == QLatin1String("none"))
        plan.notes.append(tr("DHE is switched off (tls_dhparam = none): this change switches it on again."));

    if (choice.kind == DhChoice::Kind::Auto) {
        if (!r.autoDhAvailable()) {
            *error = tr("--group auto needs Exim 4.88 or later (before, Exim's default was RFC 5114's ike23), and "
                        "this is %1: choose an RFC 7919 group such as ffdhe3072")
                         .arg(r.versionText());
            return std::nullopt;
        }
        plan.title = tr("Let Exim choose the Diffie-Hellman group (its default)");
        plan.verification.minimumDhBits = 2048;
        if (r.gnutlsPicksGroup()) {
            plan.verification.expectedPrime = EximInspectionResult::rfc7919Prime(2048);
            plan.verification.expectedGroupName = QStringLiteral("ffdhe2048");
        }
        if (failed(sources.removeOption(dhOption), sources, error))
            return std::nullopt;
        addEdits(sources, plan);
        if (!plan.isEmpty() && r.dh)
            plan.notes.append(tr("%1 stays on disk, no longer used: delete it when you like.").arg(r.dhParam));
        return plan;
    }

    QByteArray pem;
    if (choice.kind == DhChoice::Kind::Rfc7919) {
        pem = DhParameters::rfc7919Pem(choice.group, error);
        if (pem.isEmpty())
            return std::nullopt;
    } else {
        if (r.gnutlsPicksGroup()) {
            *error = tr("%1 never offers a generated group: GnuTLS keeps only its size and offers the RFC 7919 group "
                        "of that strength. Choose an RFC 7919 group such as ffdhe3072")
                         .arg(r.versionText());
            return std::nullopt;
        }
        pem = choice.pem;
    }
    const DhFileInfo info = DhParameters::inspect(pem);
    if (!info.isValid()) {
        *error = tr("the new DH parameters are not usable: %1").arg(info.error);
        return std::nullopt;
    }
    if (info.bits < 2048) {
        *error = tr("the new DH group has only %1 bits; at least 2048 are needed").arg(info.bits);
        return std::nullopt;
    }
    const int served = r.gnutlsPicksGroup() ? EximInspectionResult::gnutlsGroupBits(info.bits) : info.bits;
    plan.verification.expectedPrime = r.gnutlsPicksGroup() ? EximInspectionResult::rfc7919Prime(served) : info.prime;
    plan.verification.expectedGroupName = r.gnutlsPicksGroup() ? QStringLiteral("ffdhe%1").arg(served)
        : info.group                                           ? info.group->name
                                                               : tr("the new %1-bit group").arg(info.bits);
    plan.verification.minimumDhBits = served;
    if (served != info.bits) {
        plan.notes.append(tr("GnuTLS offers ffdhe%1 for %2: it keeps only the group's strength class.")
                              .arg(served)
                              .arg(choice.group));
    }

    // Exim's own name for an RFC 7919 group, or a file.
    QString value;
    if (choice.kind == DhChoice::Kind::Rfc7919 && r.namedGroupsAvailable()) {
        value = choice.group;
    } else if (r.dh && r.dh->isValid() && r.dh->prime == info.prime && r.dh->generator == info.generator) {
        value = r.dhParam; // the file in use already holds the group
    } else {
        value = dhFilePath(r, choice, info.bits);
        const ConfigFile::Contents existing = r.file(value);
        if (!existing.error.isEmpty()) {
            *error = existing.error;
            return std::nullopt;
        }
        if (!existing.exists || existing.bytes != pem) {
            FileEdit file;
            file.path = value;
            if (existing.exists)
                file.before = existing.bytes;
            file.after = pem;
            file.summary.append(
                info.group
                    ? tr("DH parameters: %1 (%2, %3 bits)").arg(info.group->name, info.group->source).arg(info.bits)
                    : tr("DH parameters: a group of its own, %1 bits").arg(info.bits));
            file.parameters.append(dhOption);
            // The group file first: the configuration never names a file that is not there.
            plan.edits.append(file);
        }
        plan.requiredFiles.append({dhOption, value});
    }
    if (current != value && failed(sources.setOption(dhOption, QFile::encodeName(value)), sources, error))
        return std::nullopt;
    if (r.tlsLibrary == EximInspectionResult::TlsLibrary::OpenSsl) {
        bool ok = false;
        int maxBits = currentValue(r, sources, maxBitsOption).toInt(&ok);
        if (!ok)
            maxBits = 2236;
        if (maxBits < info.bits
            && failed(sources.setOption(maxBitsOption, QByteArray::number(info.bits)), sources, error))
            return std::nullopt;
    }
    addEdits(sources, plan);
    if (r.dh && r.dhParam != value && !plan.isEmpty())
        plan.notes.append(tr("%1 stays on disk, no longer used: delete it when you like.").arg(r.dhParam));
    return plan;
}

std::optional<ChangePlan> EximFixes::starttls(const EximInspectionResult &r, const QString &certFile,
                                              const QString &keyFile, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    if (!r.hasTls()) {
        *error = tr("%1 was built without TLS: it cannot offer STARTTLS").arg(r.versionText());
        return std::nullopt;
    }
    if (certFile.isEmpty() != keyFile.isEmpty()) {
        *error = tr("give the certificate and its key together (--cert FILE --key FILE)");
        return std::nullopt;
    }
    for (const QString &path : {certFile, keyFile}) {
        if (!path.isEmpty() && !QFileInfo(path).isAbsolute()) {
            *error = tr("%1 is not an absolute path; Exim needs one").arg(path);
            return std::nullopt;
        }
    }
    EximSources sources = sourcesOf(r);
    if (!sources.isOk()) {
        *error = sources.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Offer STARTTLS with a certificate"));
    plan.verification.check = ChangePlan::Check::StartTls;

    if (!certFile.isEmpty()) {
        // Debian's configuration reads the certificate settings only with MAIN_TLS_ENABLE.
        if (r.isDebianLayout() && failed(sources.defineMacro("MAIN_TLS_ENABLE", "yes"), sources, error))
            return std::nullopt;
        if (currentValue(r, sources, "tls_certificate") != certFile
            && failed(sources.setOption("tls_certificate", QFile::encodeName(certFile)), sources, error))
            return std::nullopt;
        if (currentValue(r, sources, "tls_privatekey") != keyFile
            && failed(sources.setOption("tls_privatekey", QFile::encodeName(keyFile)), sources, error))
            return std::nullopt;
        plan.requiredFiles.append({"tls_certificate", certFile});
        plan.requiredFiles.append({"tls_privatekey", keyFile});
        const QString user = r.option(QStringLiteral("exim_user"));
        plan.notes.append(tr("Exim reads the key as its user%1: give it to that user's group with mode 0640 (Debian: "
                             "root:Debian-exim).")
                              .arg(user.isEmpty() ? QString() : QStringLiteral(" ") + user));
    } else if (!r.hasServerCertificate()) {
        if (!r.option(QStringLiteral("tls_advertise_hosts")).isEmpty() || !r.isAtLeast(4, 88)) {
            *error = tr("Exim has no certificate to offer: give one with --cert FILE --key FILE (for example "
                        "Let's Encrypt's fullchain.pem and privkey.pem)");
            return std::nullopt;
        }
        plan.notes.append(tr("Without a certificate Exim makes a self-signed one for each connection, which senders "
                             "that check certificates refuse: give one with --cert FILE --key FILE."));
    }
    // Exim's default is "*"; Debian's configuration with MAIN_TLS_ENABLE too.
    const bool advertiseSet = r.isDebianLayout() ? sources.resolvedValue("tls_advertise_hosts").has_value()
                                                 : !sources.options("tls_advertise_hosts").isEmpty();
    const QString advertise = advertiseSet ? currentValue(r, sources, "tls_advertise_hosts")
        : r.isDebianLayout()               ? QStringLiteral("*")
                                           : r.option(QStringLiteral("tls_advertise_hosts"));
    if (advertise.isEmpty() && failed(sources.setOption("tls_advertise_hosts", "*"), sources, error))
        return std::nullopt;
    addEdits(sources, plan);
    return plan;
}

std::optional<ChangePlan> EximFixes::tlsLogging(const EximInspectionResult &r, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    EximSources sources = sourcesOf(r);
    if (!sources.isOk()) {
        *error = sources.errorString();
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Log TLS sessions"));
    plan.verification.check = ChangePlan::Check::None;
    const QString current = currentValue(r, sources, "log_selector");
    const QStringList missing = EximInspectionResult::missingTlsLogItems(current);
    if (missing.isEmpty())
        return plan;
    QStringList words = current.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &item : missing)
        words.append(QLatin1Char('+') + item);
    if (failed(sources.setOption("log_selector", words.join(QLatin1Char(' ')).toUtf8()), sources, error))
        return std::nullopt;
    addEdits(sources, plan);
    return plan;
}

} // namespace mailtls
