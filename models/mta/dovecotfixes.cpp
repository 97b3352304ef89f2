#include "models/mta/dovecotfixes.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include "models/mta/configfile.h"
#include "models/mta/dhfilepaths.h"
#include "models/mta/dovecotinspection.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

using Role = DovecotInspectionResult::Role;

bool usable(const DovecotInspectionResult &inspection, QString *error)
{
    if (!inspection.ok) {
        *error = inspection.error.isEmpty() ? DovecotFixes::tr("Dovecot has not been inspected") : inspection.error;
        return false;
    }
    return true;
}

// The program the inspection found, else by name on the host's PATH (a
// hand-made inspection on this computer: looked up here).
QString program(const DovecotInspectionResult &r, const QString &found, const QString &name)
{
    if (!found.isEmpty() || r.remote)
        return found.isEmpty() ? name : found;
    const QString local = QStandardPaths::findExecutable(name);
    return local.isEmpty() ? name : local;
}

QString relativePath(const DovecotInspectionResult &r, const QString &path)
{
    const QString prefix = r.configDirectory + QLatin1Char('/');
    return path.startsWith(prefix) ? path.mid(prefix.size()) : path;
}

} // namespace

ChangePlan DovecotFixes::basePlan(const DovecotInspectionResult &r, const QString &title)
{
    ChangePlan plan;
    plan.title = title;
    plan.mta = QStringLiteral("Dovecot");
    plan.configDir = r.configDirectory;
    const QString c = QStringLiteral("-c");
    // -n: the syntax, every setting name, the users; -x: every file a
    // `<path` value names can be read, as Dovecot's own start and reload
    // read them (doveconf -n does not open them).
    plan.validateCommands
        = {{r.doveconfProgram, QStringLiteral("-n"), c, r.configPath},
           {r.doveconfProgram, QStringLiteral("-x"), c, r.configPath, QStringLiteral("-h"), r.settingName(Role::Dh)}};
    plan.statusCommand = {program(r, r.pgrepProgram, QStringLiteral("pgrep")), QStringLiteral("-F"), r.pidFile,
                          QStringLiteral("-x"), QStringLiteral("dovecot")};
    if (!r.doveadmProgram.isEmpty())
        plan.reloadCommand = {r.doveadmProgram, c, r.configPath, QStringLiteral("reload")};
    else
        plan.reloadCommand = {program(r, r.pkillProgram, QStringLiteral("pkill")),
                              QStringLiteral("--signal"),
                              QStringLiteral("HUP"),
                              QStringLiteral("-F"),
                              r.pidFile,
                              QStringLiteral("-x"),
                              QStringLiteral("dovecot")};
    return plan;
}

QString DovecotFixes::autoDhUnavailableReason(const DovecotInspectionResult &r)
{
    const QString version = r.versionOutput.section(QLatin1Char(' '), 0, 0);
    if (r.usesServerSettings())
        return tr("Dovecot %1 has no automatic group: leaving ssl_server_dh_file unset turns DHE off instead. Choose "
                  "an RFC 7919 group such as ffdhe3072.")
            .arg(version);
    return tr("Dovecot %1 has no automatic group: without ssl_dh a client that asks for DHE gets no handshake at "
              "all. Choose an RFC 7919 group such as ffdhe3072.")
        .arg(version.isEmpty() ? QStringLiteral("2.3") : version);
}

QString DovecotFixes::dhFilePath(const DovecotInspectionResult &r, const DhChoice &choice, int bits)
{
    const QString name = choice.kind == DhChoice::Kind::Rfc7919 ? QStringLiteral("dh_%1.pem").arg(choice.group)
                                                                : QStringLiteral("dh_%1.pem").arg(bits);
    return QDir(r.configDirectory).filePath(name);
}

QStringList DovecotFixes::dhFilePaths(const DovecotInspectionResult &r)
{
    return offeredDhFilePaths([&r](const DhChoice &choice, int bits) { return dhFilePath(r, choice, bits); });
}

QString DovecotFixes::checkCommand(const QString &address, quint16 port)
{
    const QString host = address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address) : address;
    return QStringLiteral("openssl s_client -connect %1:%2 -tls1_2 -cipher DHE -brief </dev/null")
        .arg(host.isEmpty() ? QStringLiteral("127.0.0.1") : host)
        .arg(port);
}

std::optional<ChangePlan> DovecotFixes::logjam(const DovecotInspectionResult &r, const DhChoice &choice, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    if (choice.kind == DhChoice::Kind::Auto) {
        *error = autoDhUnavailableReason(r);
        return std::nullopt;
    }
    QByteArray pem;
    if (choice.kind == DhChoice::Kind::Rfc7919) {
        pem = DhParameters::rfc7919Pem(choice.group, error);
        if (pem.isEmpty())
            return std::nullopt;
    } else {
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

    const QString dhName = r.settingName(Role::Dh);
    const QByteArray dhKey = dhName.toUtf8();
    ChangePlan plan = basePlan(r, tr("Give IMAP and POP a strong Diffie-Hellman group (Logjam)"));
    // Probed by a DHE-only handshake on IMAPS once Dovecot has reloaded; with
    // TLS or DHE off it would have nothing to show.
    plan.verification.check = r.sslEnabled() && r.dheOffered ? ChangePlan::Check::DhGroup : ChangePlan::Check::None;
    plan.verification.implicitTls = true;
    plan.verification.expectedPrime = info.prime;
    plan.verification.expectedGroupName = info.group ? info.group->name : tr("the new %1-bit group").arg(info.bits);
    plan.verification.minimumDhBits = info.bits;
    plan.verification.address = r.listenAddress();
    plan.verification.port = 993;
    if (!r.sslEnabled())
        plan.notes.append(tr("TLS is off (ssl = no): Dovecot uses the group once TLS is on."));
    if (!r.dheOffered)
        plan.notes.append(tr("DHE is switched off (ssl_cipher_list): Dovecot uses the group only when DHE is switched "
                             "on again."));
    for (const DovecotConfig::Setting &o : r.dhOverrides) {
        plan.notes.append(tr("\"%1\" sets its own %2 (%3 line %4): this change does not reach it.")
                              .arg(QString::fromUtf8(o.sections.join(" / ")), dhName, relativePath(r, o.path))
                              .arg(o.line));
    }
    plan.notes.append(tr("To check it yourself once Dovecot has reloaded: %1 — its \"Server Temp Key\" line should "
                         "read \"DH, %2 bits\".")
                          .arg(checkCommand(plan.verification.address, plan.verification.port))
                          .arg(info.bits));

    // The file in use already holds the chosen group: nothing to do, whatever
    // its name or PEM layout.
    if (r.dh && r.dh->isValid() && r.dh->prime == info.prime && r.dh->generator == info.generator)
        return plan;

    const QString path = dhFilePath(r, choice, info.bits);
    const ConfigFile::Contents existing = r.file(path);
    if (!existing.error.isEmpty()) {
        *error = existing.error;
        return std::nullopt;
    }
    if (!existing.exists || existing.bytes != pem) {
        FileEdit file;
        file.path = path;
        if (existing.exists)
            file.before = existing.bytes;
        file.after = pem;
        file.summary.append(
            info.group ? tr("DH parameters: %1 (%2, %3 bits)").arg(info.group->name, info.group->source).arg(info.bits)
                       : tr("DH parameters: a group of its own, %1 bits").arg(info.bits));
        file.parameters.append(dhKey);
        // The group file first: the configuration never names a file that is not there.
        plan.edits.append(file);
    }

    DovecotConfig config = r.config;
    const QString raw = r.usesServerSettings() ? path : QLatin1Char('<') + path;
    if (config.set(dhKey, QFile::encodeName(raw)) == DovecotConfig::Edit::Invalid) {
        *error = config.errorString();
        return std::nullopt;
    }
    for (const DovecotConfig::Change &change : config.changes()) {
        FileEdit edit;
        edit.path = change.path;
        edit.before = change.before;
        edit.after = change.after;
        edit.summary.append(QStringLiteral("%1 = %2").arg(dhName, raw));
        edit.parameters.append(dhKey);
        plan.edits.append(edit);
    }
    plan.requiredFiles.append({dhKey, path});
    if (!r.dhFile.isEmpty() && r.dhFile != path && !plan.isEmpty())
        plan.notes.append(tr("%1 stays on disk, no longer used.").arg(r.dhFile));
    return plan;
}

} // namespace mailtls
