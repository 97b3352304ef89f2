#include "models/mta/sendmailfixes.h"

#include <QDir>
#include <QFileInfo>

#include "models/mta/configfile.h"
#include "models/mta/dhfilepaths.h"
#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailcfbuilder.h"
#include "models/mta/sendmaildhfile.h"
#include "models/mta/sendmailinspectionresult.h"
#include "models/mta/sendmailmc.h"
#include "models/sources/localcommandhost.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

const QByteArray dhMacro = QByteArrayLiteral("confDH_PARAMETERS");
const QByteArray dhOption = QByteArrayLiteral("DHParameters");

// Where the last define (or undefine) of a macro is, following sendmail.mc's
// includes of the configuration folder in the order m4 reads them.
struct LastDefine
{
    bool found = false;
    SendmailMc::Statement statement;
    QString file; // empty: sendmail.mc itself
    int mcLine = 0; // the sendmail.mc line it is on, or the include line it comes through
};

void findLast(const SendmailInspectionResult &r, const QByteArray &text, const QByteArray &macro, int mcLine,
              const QString &file, int depth, LastDefine &last)
{
    SendmailMc document;
    document.setText(text);
    for (const SendmailMc::Statement &s : document.statements()) {
        const int line = file.isEmpty() ? s.line : mcLine;
        if (s.kind != SendmailMc::Statement::Kind::Include) {
            if (s.name == macro) {
                last.found = true;
                last.statement = s;
                last.file = file;
                last.mcLine = file.isEmpty() ? s.endLine : mcLine;
            }
            continue;
        }
        if (!s.literal || depth > 4)
            continue;
        QString path = QFile::decodeName(s.name);
        if (QFileInfo(path).isRelative())
            path = QDir(r.configDirectory).filePath(path);
        path = QDir::cleanPath(path);
        for (const SendmailInspectionResult::IncludedFile &included : r.includes) {
            if (included.path == path) {
                findLast(r, included.bytes, macro, file.isEmpty() ? s.endLine : line, path, depth + 1, last);
                break;
            }
        }
    }
}

bool usable(const SendmailInspectionResult &r, QString *error)
{
    if (!r.ok) {
        *error = r.error.isEmpty() ? SendmailFixes::tr("Sendmail has not been inspected") : r.error;
        return false;
    }
    if (!r.hasStartTls()) {
        *error
            = SendmailFixes::tr("Sendmail %1 was built without STARTTLS: there is no TLS to configure").arg(r.version);
        return false;
    }
    return true;
}

QString oldFileNote(const QString &oldPath)
{
    return SendmailFixes::tr("%1 stays on disk, no longer used: delete it when you like.").arg(oldPath);
}

} // namespace

ChangePlan SendmailFixes::basePlan(const SendmailInspectionResult &r, const QString &title)
{
    ChangePlan plan;
    plan.title = title;
    plan.mta = QStringLiteral("Sendmail");
    plan.configDir = r.configDirectory;
    plan.validateCommands = {r.validateCommand()};
    plan.statusCommand = r.statusCommand();
    plan.reloadCommand = r.reloadCommand();
    return plan;
}

std::optional<QByteArray> SendmailFixes::buildCf(const SendmailInspectionResult &r, const QByteArray &mc,
                                                 QString *buildNote, QString *error)
{
    if (mc == r.mc && r.built)
        return r.builtCf;
    if (r.m4Program.isEmpty()) {
        *error = tr("m4 is not installed, and sendmail.cf is built with it (apt install m4)");
        return std::nullopt;
    }
    const std::shared_ptr<const CommandHost> host = r.host ? r.host : std::make_shared<LocalCommandHost>();
    const SendmailCfBuilder::Build build = SendmailCfBuilder::buildCopy(*host, r.m4Program, r.configDirectory, r.mcPath, mc);
    const QString errors = QString::fromLocal8Bit(build.errors).trimmed();
    if (!build.ok) {
        // m4 already complained about the unchanged file in the same words:
        // Debian's Makefile installs its output all the same.
        const bool asBefore = !build.output.isEmpty() && !errors.isEmpty() && errors == r.buildErrors;
        if (!asBefore) {
            *error = build.error.isEmpty() ? tr("m4 cannot build the changed sendmail.mc") : build.error;
            return std::nullopt;
        }
    }
    if (!errors.isEmpty())
        *buildNote = tr("m4 says, as it did before the change: %1").arg(errors.left(400));
    return SendmailCf::withDebianTrailer(build.output, SendmailCf::debianTrailerHeader(r.cf), mc);
}

bool SendmailFixes::addConfigurationEdits(const SendmailInspectionResult &r, const QList<Setting> &settings,
                                          ChangePlan &plan, QString *error)
{
    if (!r.mcExists) {
        *error = tr("there is no sendmail.mc in %1: MailTLS changes sendmail.mc and builds sendmail.cf from it")
                     .arg(r.configDirectory);
        return false;
    }
    // Nothing to do when Sendmail has every value already and sendmail.mc
    // builds them too (an older sendmail.cf is not rebuilt for other changes).
    bool inForce = true;
    for (const Setting &setting : settings) {
        inForce = inForce && SendmailCf::option(r.cf, setting.option).value_or(QString()) == setting.value
            && (!r.built || r.builtOption(QString::fromLatin1(setting.option)) == setting.value);
    }
    if (inForce)
        return true;
    SendmailMc mc;
    mc.setText(r.mc, r.mcPath);
    QStringList summary;
    QList<QByteArray> macros;
    QList<QByteArray> options;
    for (const Setting &setting : settings) {
        const QByteArray value = QFile::encodeName(setting.value);
        LastDefine last;
        findLast(r, mc.text(), setting.macro, 0, QString(), 0, last);
        const bool definedSo = last.found && last.statement.kind == SendmailMc::Statement::Kind::Define
            && last.statement.literal && last.statement.value == value;
        SendmailMc::Edit edit = SendmailMc::Edit::Unchanged;
        if (!definedSo) {
            if (last.found && !last.file.isEmpty()) {
                // Set in an included file (Debian's starttls.m4, which
                // sendmailconfig writes anew): overridden right after the
                // include, where the later define wins and stays.
                edit = mc.setAfterLine(last.mcLine, setting.macro, value);
                if (edit == SendmailMc::Edit::Changed)
                    plan.notes.append(
                        tr("%1 sets %2 to %3; sendmail.mc now sets it again right after including that file, and "
                           "the later define is the one Sendmail uses (Debian's sendmailconfig rewrites "
                           "/etc/mail/tls/starttls.m4, so it is not edited there).")
                            .arg(last.file, QString::fromLatin1(setting.macro),
                                 last.statement.kind == SendmailMc::Statement::Kind::Define
                                     ? QString::fromUtf8(last.statement.value)
                                     : tr("nothing (undefine)")));
            } else {
                edit = mc.set(setting.macro, value);
            }
        }
        if (edit == SendmailMc::Edit::Invalid) {
            *error = mc.errorString();
            return false;
        }
        if (edit == SendmailMc::Edit::Changed) {
            summary.append(QString::fromUtf8(SendmailMc::defineLine(setting.macro, value)));
            macros.append(setting.macro);
        }
        options.append(setting.option);
    }

    // What m4 makes of the edited sendmail.mc.
    QString buildNote;
    const std::optional<QByteArray> built = buildCf(r, mc.text(), &buildNote, error);
    if (!built)
        return false;
    const QByteArray &output = *built;
    for (const Setting &setting : settings) {
        const QString built = SendmailCf::option(output, setting.option).value_or(QString());
        if (built != setting.value) {
            *error = tr("sendmail.mc was changed to set %1, but m4 builds a sendmail.cf with %2 = %3: another part "
                        "of sendmail.mc decides it (a later define, or an ifdef around this one)")
                         .arg(QString::fromLatin1(setting.macro), QString::fromLatin1(setting.option),
                              built.isEmpty() ? tr("(nothing)") : built);
            return false;
        }
    }

    if (mc.isModified()) {
        FileEdit edit;
        edit.path = r.mcPath;
        edit.before = r.mc;
        edit.after = mc.text();
        edit.summary = summary;
        edit.parameters = macros;
        plan.edits.append(edit);
    }
    if (!SendmailCf::sameBuild(output, r.cf)) {
        FileEdit edit;
        edit.path = r.cfPath;
        edit.before = r.cf;
        edit.after = output;
        edit.summary.append(tr("%1 built again from sendmail.mc (m4)").arg(r.cfPath));
        edit.parameters = options;
        plan.edits.append(edit);
        if (r.cfIsStale())
            plan.notes.append(tr("sendmail.cf was older than sendmail.mc: the new sendmail.cf also puts these earlier "
                                 "changes of sendmail.mc in force: %1")
                                  .arg(SendmailCf::differentOptions(r.cf, r.builtCf).join(QStringLiteral("; "))));
        if (!buildNote.isEmpty())
            plan.notes.append(buildNote);
    }
    return true;
}

QString SendmailFixes::dhFilePath(const SendmailInspectionResult &r, const DhChoice &choice, int bits)
{
    const QString name = choice.kind == DhChoice::Kind::Rfc7919 ? QStringLiteral("dh_%1.pem").arg(choice.group)
                                                                : QStringLiteral("dh_%1.pem").arg(bits);
    // Debian keeps Sendmail's TLS files in /etc/mail/tls.
    const QDir dir(r.configDirectory);
    const QString tls = dir.filePath(QStringLiteral("tls"));
    return r.isFolder(tls) ? QDir(tls).filePath(name) : dir.filePath(name);
}

QStringList SendmailFixes::dhFilePaths(const SendmailInspectionResult &r)
{
    return offeredDhFilePaths([&r](const DhChoice &choice, int bits) { return dhFilePath(r, choice, bits); });
}

std::optional<ChangePlan> SendmailFixes::logjam(const SendmailInspectionResult &r, const DhChoice &choice,
                                                QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    ChangePlan plan = basePlan(r, tr("Replace the weak Diffie-Hellman group (Logjam)"));
    plan.verification.check = ChangePlan::Check::DhGroup;
    plan.verification.address = r.listenAddress();
    plan.verification.port = r.listenPort();

    if (choice.kind == DhChoice::Kind::Auto) {
        if (!r.autoDhAvailable()) {
            *error = tr("--group auto needs Sendmail 8.14.8 or later (DHParameters=2), and this is %1: choose an "
                        "RFC 7919 group such as ffdhe3072")
                         .arg(r.versionText());
            return std::nullopt;
        }
        plan.title = tr("Let Sendmail make a fresh 2048-bit Diffie-Hellman group at each start");
        plan.verification.minimumDhBits = 2048;
        // "2048" says the same as "2": only the first character counts.
        const QString value
            = r.dhSetting == SendmailInspectionResult::DhSetting::Generated2048 ? r.dhParameters : r.autoDhValue();
        if (!addConfigurationEdits(r, {{dhMacro, dhOption, value}}, plan, error))
            return std::nullopt;
        if (r.dh && !plan.isEmpty())
            plan.notes.append(oldFileNote(r.dhParameters));
        return plan;
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
    plan.verification.expectedPrime = info.prime;
    plan.verification.expectedGroupName = info.group ? info.group->name : tr("the new %1-bit group").arg(info.bits);

    // The file in use already holds the chosen group: it stays, whatever its
    // name or PEM layout; sendmail.mc and sendmail.cf only have to agree.
    if (r.dh && r.dh->isValid() && r.dh->prime == info.prime && r.dh->generator == info.generator) {
        if (!addConfigurationEdits(r, {{dhMacro, dhOption, r.dhParameters}}, plan, error))
            return std::nullopt;
        return plan;
    }

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
        file.parameters.append(dhMacro);
        // The group file first: sendmail.cf never names a file that is not there.
        plan.edits.append(file);
    }
    if (!addConfigurationEdits(r, {{dhMacro, dhOption, path}}, plan, error))
        return std::nullopt;
    plan.requiredFiles.append({dhMacro, path});
    if (r.dh && r.dhParameters != path && !plan.isEmpty())
        plan.notes.append(oldFileNote(r.dhParameters));
    return plan;
}

std::optional<ChangePlan> SendmailFixes::starttls(const SendmailInspectionResult &r, const QString &certFile,
                                                  const QString &keyFile, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    if (certFile.isEmpty() != keyFile.isEmpty()) {
        *error = tr("give the certificate and its key together (--cert FILE --key FILE)");
        return std::nullopt;
    }
    for (const QString &path : {certFile, keyFile}) {
        if (!path.isEmpty() && !QFileInfo(path).isAbsolute()) {
            *error = tr("%1 is not an absolute path; Sendmail needs one").arg(path);
            return std::nullopt;
        }
    }
    if (certFile.isEmpty() && !r.hasServerCertificate()) {
        *error = tr("Sendmail has no certificate to offer: give one with --cert FILE --key FILE (for example Let's "
                    "Encrypt's fullchain.pem and privkey.pem)");
        return std::nullopt;
    }
    ChangePlan plan = basePlan(r, tr("Offer STARTTLS"));
    plan.verification.check = ChangePlan::Check::StartTls;
    plan.verification.address = r.listenAddress();
    plan.verification.port = r.listenPort();

    const QString cert = certFile.isEmpty() ? r.serverCert : certFile;
    const QString key = keyFile.isEmpty() ? r.serverKey : keyFile;
    QList<Setting> settings;
    if (!certFile.isEmpty()) {
        settings.append({"confSERVER_CERT", "ServerCertFile", certFile});
        settings.append({"confSERVER_KEY", "ServerKeyFile", keyFile});
        plan.requiredFiles.append({"confSERVER_CERT", certFile});
        plan.requiredFiles.append({"confSERVER_KEY", keyFile});
    }
    // Sendmail's server wants both CA options (an empty value disables
    // STARTTLS); Debian's starttls.m4 sets them like this.
    if (r.caCertPath.isEmpty() || r.builtOption(QStringLiteral("CACertPath")).isEmpty()) {
        const QString certs = QStringLiteral("/etc/ssl/certs");
        settings.append(
            {"confCACERT_PATH", "CACertPath",
             r.caCertPath.isEmpty() ? (r.isFolder(certs) ? certs : QFileInfo(cert).absolutePath()) : r.caCertPath});
    }
    if (r.caCertFile.isEmpty() || r.builtOption(QStringLiteral("CACertFile")).isEmpty()) {
        const QString caFile = r.caCertFile.isEmpty() ? cert : r.caCertFile;
        settings.append({"confCACERT", "CACertFile", caFile});
        plan.requiredFiles.append({"confCACERT", caFile});
    }
    if (!addConfigurationEdits(r, settings, plan, error))
        return std::nullopt;

    // The key as the inspection saw it; one named now is looked at here
    // (on this computer only: another host's is not within reach of a plan).
    std::optional<ConfigFile::Status> info = r.status(key);
    if (!info && !r.remote)
        info = ConfigFile::status(key);
    if (!plan.isEmpty() && info && info->exists) {
        const bool groupReadable = (info->mode & 0040) != 0;
        const bool worldReadable = (info->mode & 0004) != 0;
        const bool groupAllowed = r.option(QStringLiteral("DontBlameSendmail"))
                                      .contains(QLatin1String("GroupReadableKeyFile"), Qt::CaseInsensitive);
        if (worldReadable || (groupReadable && !groupAllowed))
            plan.notes.append(tr("Sendmail refuses a key file others may read (\"file %1 unsafe\"): chmod 600 %1 "
                                 "(or 640 with confDONT_BLAME_SENDMAIL GroupReadableKeyFile, as Debian's "
                                 "starttls.m4 sets it).")
                                  .arg(key));
    }
    return plan;
}

std::optional<ChangePlan> SendmailFixes::tlsLogging(const SendmailInspectionResult &r, QString *error)
{
    if (!usable(r, error))
        return std::nullopt;
    ChangePlan plan = basePlan(r, tr("Log TLS sessions"));
    plan.verification.check = ChangePlan::Check::None;
    // What sendmail.mc asks for (m4 writes LogLevel=9 when it says nothing),
    // and what Sendmail uses now.
    bool builtOk = false;
    const int built = r.builtOption(QStringLiteral("LogLevel")).toInt(&builtOk);
    const int wanted = r.built && builtOk ? built : r.logLevel;
    if (r.logLevel >= 9 && wanted >= 9)
        return plan;
    // A higher level sendmail.mc asks for stays.
    const int level = qMax(9, wanted);
    if (!addConfigurationEdits(r, {{"confLOG_LEVEL", "LogLevel", QString::number(level)}}, plan, error))
        return std::nullopt;
    return plan;
}

} // namespace mailtls
