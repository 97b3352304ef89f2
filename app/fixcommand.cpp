#include "app/fixcommand.h"

#include <algorithm>
#include <memory>
#include <optional>

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>

#include "app/commandline.h"
#include "app/dhparamcommand.h"
#include "app/stopsignals.h"
#include "app/terminalaskpass.h"
#include "models/itemmodels/probetitles.h"
#include "models/mta/backupstore.h"
#include "models/mta/changeplan.h"
#include "models/mta/mailservice.h"
#include "models/mta/mailserviceinspection.h"
#include "models/mta/planapplier.h"
#include "models/mta/servicehost.h"
#include "models/sources/localcommandhost.h"
#include "models/sources/sudocommandhost.h"
#include "models/tls/dhgenerator.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

namespace {

// Where the service is: this computer, or a host reached over SSH.
struct Target
{
    std::shared_ptr<const CommandHost> host = std::make_shared<LocalCommandHost>();
    QString location; // empty, or "ssh://user@host:port" (Backup::host)
    QString askpassTarget; // how ssh's askpass helper names the host
};

Target remoteTarget(const SourceSpec &spec, const SshSettings &settings, MailService::Kind kind)
{
    Target target;
    target.host = ServiceHost::create(spec, settings, kind);
    target.location = ServiceHost::location(spec);
    target.askpassTarget = SshCommandHost::displayNameOf(spec);
    return target;
}

// `text` after a first column of `width` characters; later lines indented
// to that column.
QString column(const QString &first, int width, const QString &text)
{
    const QString indent(width, QLatin1Char(' '));
    QString out = first.leftJustified(width - 1) + QLatin1Char(' ');
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        out += (i == 0 ? QString() : indent) + lines.at(i) + QLatin1Char('\n');
    return out;
}

QString indented(const QString &text, int width)
{
    const QString indent(width, QLatin1Char(' '));
    QString out;
    for (const QString &line : text.trimmed().split(QLatin1Char('\n')))
        out += indent + line + QLatin1Char('\n');
    return out;
}

void printFindings(const MailService &service, const Target &target)
{
    const QString where = target.location.isEmpty()
        ? FixCommand::tr("%1, configuration in %2").arg(service.versionText(), service.configDirectory())
        : FixCommand::tr("%1, configuration in %2 on %3")
              .arg(service.versionText(), service.configDirectory(), target.host->displayName());
    QString text = where + QStringLiteral("\n\n") + FixCommand::tr("Findings:") + QLatin1Char('\n');
    const QList<ConfigFinding> findings = service.findings();
    if (findings.isEmpty())
        text += QStringLiteral("  ") + FixCommand::tr("none") + QLatin1Char('\n');
    for (const ConfigFinding &f : findings) {
        QString body = f.title;
        if (!f.evidence.isEmpty())
            body += QLatin1Char('\n') + f.evidence;
        if (!f.advice.isEmpty())
            body += QLatin1Char('\n') + f.advice;
        text += column(QStringLiteral("  ") + ProbeTitles::severity(f.severity).toLower(), 12, body);
    }
    CommandLine::printOut(text + QLatin1Char('\n'));
}

QString verificationText(const ChangePlan &plan)
{
    const ChangePlan::Verification &v = plan.verification;
    if (v.check == ChangePlan::Check::None)
        return QString();
    if (v.address.isEmpty())
        return FixCommand::tr("no re-probe (no address of the own server; give --verify-address IP[:PORT])");
    const QString where = QStringLiteral("%1:%2").arg(v.address).arg(v.port);
    if (v.check == ChangePlan::Check::StartTls)
        return FixCommand::tr("probe %1: STARTTLS must complete a TLS handshake").arg(where);
    if (!v.expectedGroupName.isEmpty())
        return FixCommand::tr("probe %1: a DHE-only handshake must get %2").arg(where, v.expectedGroupName);
    return FixCommand::tr("probe %1: a DHE-only handshake must get at least %2 bits (or no DHE at all)")
        .arg(where)
        .arg(v.minimumDhBits);
}

// The plan in words, then its diff; false when the diff cannot be made.
bool printPlan(const ChangePlan &plan)
{
    QString text = FixCommand::tr("Plan: %1").arg(plan.title) + QLatin1Char('\n');
    for (const FileEdit &edit : plan.edits) {
        if (!edit.changesFile())
            continue;
        const QString what = edit.createsFile() ? FixCommand::tr("%1 (new file)").arg(edit.path)
            : edit.removesFile()                ? FixCommand::tr("%1 (removed)").arg(edit.path)
                                                : edit.path;
        text += QStringLiteral("  ") + what + QLatin1Char('\n');
        for (const QString &line : edit.summary)
            text += QStringLiteral("      ") + line + QLatin1Char('\n');
    }
    QStringList after;
    for (const QStringList &argv : plan.validateCommands)
        after.append(PlanApplier::commandText(argv));
    text += FixCommand::tr("  Then: check with %1").arg(after.join(QStringLiteral(" and "))) + QLatin1Char('\n');
    if (!plan.reloadCommand.isEmpty())
        text += FixCommand::tr("  reload with %1 when %2 runs").arg(PlanApplier::commandText(plan.reloadCommand), plan.mta)
            + QLatin1Char('\n');
    const QString verify = verificationText(plan);
    if (!verify.isEmpty())
        text += QStringLiteral("  ") + verify + QLatin1Char('\n');
    for (const QString &note : plan.notes)
        text += FixCommand::tr("  Note: %1").arg(note) + QLatin1Char('\n');
    text += FixCommand::tr("  Any failure puts every file back as it was.") + QLatin1Char('\n');
    QString error;
    const QByteArray diff = plan.diff(&error);
    if (diff.isEmpty() && !error.isEmpty()) {
        CommandLine::printOut(text);
        CommandLine::printError(error);
        return false;
    }
    CommandLine::printOut(text + QLatin1Char('\n') + QString::fromLocal8Bit(diff) + QLatin1Char('\n'));
    return true;
}

QString stateText(const Backup &backup)
{
    if (backup.state == QLatin1String("done"))
        return FixCommand::tr("applied");
    if (backup.state == QLatin1String("rolled-back"))
        return FixCommand::tr("rolled back");
    if (backup.state == QLatin1String("rollback-failed"))
        return FixCommand::tr("ROLLBACK FAILED");
    return FixCommand::tr("interrupted (%1)").arg(backup.state);
}

// Runs `plan` through a PlanApplier on `target`, printing each step.
int applyPlan(const ChangePlan &plan, const QString &backupRoot, const Target &target)
{
    PlanApplier applier;
    applier.setBackupRoot(backupRoot);
    applier.setCommandHost(target.host, target.location);
    StopSignals stop(StopSignals::Second::Stops);
    QEventLoop loop;
    PlanApplier::Result result;
    bool rollingBack = false;
    QObject::connect(&applier, &PlanApplier::stepStarted, &loop, [&](PlanApplier::Step step, const QString &) {
        rollingBack = step == PlanApplier::Step::Rollback;
    });
    QObject::connect(&applier, &PlanApplier::stepFinished, &loop,
                     [](const PlanApplier::StepResult &r) { CommandLine::printOut(CommandLine::stepText(r)); });
    QObject::connect(&applier, &PlanApplier::finished, &loop, [&](const PlanApplier::Result &r) {
        result = r;
        loop.quit();
    });
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, [&] {
        CommandLine::printError(rollingBack || result.cancelled
                                    ? FixCommand::tr("putting the saved files back; please wait")
                                    : FixCommand::tr("cancelling: anything written is put back…"));
        result.cancelled = true;
        applier.cancel();
    });
    CommandLine::printOut(FixCommand::tr("Applying:") + QLatin1Char('\n'));
    if (!applier.apply(plan)) {
        CommandLine::printError(FixCommand::tr("the plan could not be started"));
        return CommandLine::Failed;
    }
    loop.exec();

    if (result.succeeded) {
        QString text = FixCommand::tr("Done: %1.").arg(plan.title) + QLatin1Char('\n');
        if (!result.mtaRunning)
            text += FixCommand::tr("%1 is not running: the change takes effect at its next start.").arg(plan.mta)
                + QLatin1Char('\n');
        if (!result.backupId.isEmpty())
            text += FixCommand::tr("The previous files are in backup %1; to put them back: mailtls fix --restore %1 "
                                   "--yes")
                        .arg(result.backupId)
                + QLatin1Char('\n');
        CommandLine::printOut(text);
        return CommandLine::Ok;
    }
    if (!result.output.trimmed().isEmpty())
        CommandLine::printOut(FixCommand::tr("Output of the failed step:") + QLatin1Char('\n')
                              + indented(result.output, 4));
    const QString step = result.failedStep ? PlanApplier::stepName(*result.failedStep) : QString();
    if (result.rollbackFailed) {
        CommandLine::printError(FixCommand::tr("the %1 step failed and not everything could be put back: see the "
                                               "rollback step above; the saved files are in backup %2")
                                    .arg(step, result.backupId));
    } else if (result.changedNothing) {
        // A message of several lines (sudo's explanation) ends the output whole.
        CommandLine::printError(
            result.message.contains(QLatin1Char('\n'))
                ? FixCommand::tr("the %1 step failed, and nothing was changed: %2").arg(step, result.message)
                : FixCommand::tr("the %1 step failed: %2; nothing was changed").arg(step, result.message));
    } else {
        CommandLine::printError(
            result.message.contains(QLatin1Char('\n'))
                ? FixCommand::tr("the %1 step failed, and the previous configuration is back in place: %2")
                      .arg(step, result.message)
                : FixCommand::tr("the %1 step failed: %2; the previous configuration is back in place")
                      .arg(step, result.message));
    }
    return CommandLine::Failed;
}

// The backups in `root`; those of `host` only when it is given.
int listBackups(const QString &root, const std::optional<QString> &host)
{
    QString problems;
    QList<Backup> backups = BackupStore(root).list(&problems);
    if (host)
        backups.erase(std::remove_if(backups.begin(), backups.end(), [&](const Backup &b) { return b.host != *host; }),
                      backups.end());
    if (!problems.isEmpty())
        CommandLine::printError(problems);
    if (backups.isEmpty()) {
        CommandLine::printOut(FixCommand::tr("No backups in %1.").arg(QDir::toNativeSeparators(root))
                              + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    QString text
        = FixCommand::tr("Backups in %1, newest first:").arg(QDir::toNativeSeparators(root)) + QLatin1Char('\n');
    for (const Backup &b : backups) {
        text += QStringLiteral("  %1  %2  %3  %4\n")
                    .arg(b.id, b.created.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")), stateText(b), b.title);
        if (!b.host.isEmpty())
            text += QStringLiteral("      ") + FixCommand::tr("on %1").arg(b.host) + QLatin1Char('\n');
        for (const BackedUpFile &f : b.files)
            text += QStringLiteral("      ") + (f.existed ? f.path : FixCommand::tr("%1 (created)").arg(f.path))
                + QLatin1Char('\n');
    }
    text += FixCommand::tr("Put one back with: mailtls fix --restore BACKUP --yes") + QLatin1Char('\n');
    CommandLine::printOut(text);
    return CommandLine::Ok;
}

// The plan that puts backup `id`'s files back, read where they are.
std::optional<ChangePlan> restorePlanOf(PlanApplier &applier, const QString &id, bool remote, QString *error)
{
    if (!remote)
        return applier.restorePlan(id, error);
    std::optional<ChangePlan> plan;
    QEventLoop loop;
    applier.makeRestorePlan(id, [&](const std::optional<ChangePlan> &made, const QString &why) {
        plan = made;
        *error = why;
        loop.quit();
    });
    loop.exec();
    return plan;
}

int restore(const QString &root, const QString &id, bool apply, const std::optional<QString> &wantedHost,
            const SshSettings &ssh, TerminalAskpass &askpass)
{
    QString error;
    const std::optional<Backup> backup = BackupStore(root).load(id, &error);
    if (!backup) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    if (wantedHost && *wantedHost != backup->host) {
        CommandLine::printError(FixCommand::tr("backup %1 holds files of %2, not of %3")
                                    .arg(id, backup->host.isEmpty() ? FixCommand::tr("this computer") : backup->host,
                                         wantedHost->isEmpty() ? FixCommand::tr("this computer") : *wantedHost));
        return CommandLine::Usage;
    }
    Target target;
    if (!backup->host.isEmpty()) {
        const std::optional<SourceSpec> spec = ServiceHost::parse(backup->host, &error);
        const std::optional<MailService::Kind> kind = MailService::kindFromKey(backup->mta.toLower());
        const QString why = !spec ? error
            : !kind               ? FixCommand::tr("it is of an unknown service, %1").arg(backup->mta)
                                  : ServiceHost::remoteRefusal(*kind);
        if (!why.isEmpty()) {
            CommandLine::printError(FixCommand::tr("backup %1 cannot be restored from here: %2").arg(id, why));
            return CommandLine::Failed;
        }
        target = remoteTarget(*spec, ssh, *kind);
    }
    PlanApplier applier;
    applier.setBackupRoot(root);
    applier.setCommandHost(target.host, target.location);
    const std::optional<ChangePlan> plan = restorePlanOf(applier, id, !target.location.isEmpty(), &error);
    if (!plan) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    if (!target.askpassTarget.isEmpty())
        askpass.server()->connectionSucceeded(target.askpassTarget);
    if (plan->isEmpty()) {
        CommandLine::printOut(FixCommand::tr("Nothing to change: the files are as backup %1 saved them.").arg(id)
                              + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    if (!target.location.isEmpty())
        CommandLine::printOut(FixCommand::tr("On %1:").arg(target.host->displayName()) + QLatin1Char('\n'));
    if (!printPlan(*plan))
        return CommandLine::Failed;
    if (!apply) {
        CommandLine::printOut(FixCommand::tr("Nothing was changed. Run again with --yes to apply this plan.")
                              + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    return applyPlan(*plan, root, target);
}

} // namespace

int FixCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Fix the own mail server's TLS: logjam (a weak Diffie-Hellman group), starttls (offer STARTTLS, use it "
           "for outgoing mail) or tls-logging (log TLS sessions). Prints the findings and the change as a unified "
           "diff; --yes applies it: backup, write, check, reload, re-probe, and everything put back on a failure. "
           "Exit status: 0 when applied, nothing to change or only shown; 1 on failure; 2 on usage errors."));
    parser.addHelpOption();
    const QCommandLineOption mtaOption(
        QStringLiteral("mta"),
        tr("The mail service to fix: postfix (the default), exim, sendmail, or dovecot (IMAP and POP; logjam only)."),
        tr("SERVICE"), QStringLiteral("postfix"));
    const QCommandLineOption dirOption(QStringLiteral("config-dir"),
                                       tr("The service's configuration folder (default: its own: /etc/postfix, "
                                          "/etc/exim4, /etc/mail, /etc/dovecot)."),
                                       tr("DIR"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          tr("Show the findings and the plan; change nothing."));
    const QCommandLineOption yesOption(QStringLiteral("yes"), tr("Apply the plan."));
    const QCommandLineOption groupOption(
        QStringLiteral("group"),
        tr("logjam: the RFC 7919 group to use (ffdhe2048 … ffdhe8192; default ffdhe3072), or auto to let the "
           "service choose (Postfix 3.7 or later with OpenSSL 3)."),
        tr("GROUP"));
    const QCommandLineOption bitsOption(
        QStringLiteral("bits"),
        tr("logjam: generate a group of its own of this size (2048, 3072 or 4096; takes seconds to many minutes) "
           "instead of --group."),
        tr("N"));
    const QCommandLineOption certOption(QStringLiteral("cert"),
                                        tr("starttls: the server's certificate chain (PEM), with --key."), tr("FILE"));
    const QCommandLineOption keyOption(QStringLiteral("key"), tr("starttls: the certificate's private key (PEM)."),
                                       tr("FILE"));
    const QCommandLineOption verifyOption(
        QStringLiteral("verify-address"),
        tr("Re-probe the own server at this address after the reload (default: 127.0.0.1:25 when the MTA listens "
           "on loopback, else the first address it listens on)."),
        tr("IP[:PORT]"));
    const QCommandLineOption backupOption(
        QStringLiteral("backup-dir"),
        tr("Keep backups in this folder (default: %1).").arg(QDir::toNativeSeparators(BackupStore::defaultRoot())),
        tr("DIR"));
    const QCommandLineOption restoreOption(QStringLiteral("restore"),
                                           tr("List the backups, or with BACKUP show (and with --yes apply) the "
                                              "plan that puts its files back (on the host they came from)."));
    const QCommandLineOption hostOption(
        QStringLiteral("host"),
        tr("Fix the service on another host over SSH (Postfix only, for now): its commands run there as root "
           "through sudo -n (never asking for a sudo password) unless the login is root; backups stay on this "
           "computer. With --restore: that host's backups only."),
        tr("ssh://[user@]host[:port]"));
    const QCommandLineOption sshConfigOption(
        QStringLiteral("ssh-config"),
        tr("For a remote host (--host, or restoring its backup): use this ssh configuration file instead of "
           "~/.ssh/config."),
        tr("FILE"));
    const QCommandLineOption identityOption(QStringLiteral("identity"),
                                            tr("For a remote host: offer this private key first."), tr("FILE"));
    const QCommandLineOption hostKeyOption(
        QStringLiteral("accept-host-key"),
        tr("For a remote host: accept this SSH host key fingerprint (SHA256:…) for a host not known yet. Repeatable."),
        tr("FINGERPRINT"));
    parser.addOptions({mtaOption, dirOption, dryRunOption, yesOption, groupOption, bitsOption, certOption, keyOption,
                       verifyOption, backupOption, restoreOption, hostOption, sshConfigOption, identityOption,
                       hostKeyOption});
    parser.addPositionalArgument(QStringLiteral("FIX"),
                                 tr("logjam, starttls or tls-logging (or BACKUP with --restore)."),
                                 QStringLiteral("logjam|starttls|tls-logging"));
    if (const std::optional<int> done = CommandLine::parseArguments(parser, arguments))
        return *done;

    const std::optional<MailService::Kind> kind = MailService::kindFromKey(parser.value(mtaOption).toLower());
    if (!kind) {
        CommandLine::printError(
            tr("--mta %1: unknown mail service; give postfix, exim, sendmail or dovecot").arg(parser.value(mtaOption)));
        return CommandLine::Usage;
    }
    if (parser.isSet(dryRunOption) && parser.isSet(yesOption)) {
        CommandLine::printError(tr("--dry-run and --yes exclude each other"));
        return CommandLine::Usage;
    }
    const QStringList positional = parser.positionalArguments();
    const QString backupRoot = parser.isSet(backupOption) ? QFileInfo(parser.value(backupOption)).absoluteFilePath()
                                                          : BackupStore::defaultRoot();
    if (parser.isSet(backupOption) && parser.value(backupOption).isEmpty()) {
        CommandLine::printError(tr("--backup-dir: the folder name is empty"));
        return CommandLine::Usage;
    }

    // The SSH side, for --host and for restoring a remote backup.
    QString error;
    std::optional<SourceSpec> remote;
    if (parser.isSet(hostOption)) {
        remote = ServiceHost::parse(parser.value(hostOption), &error);
        if (!remote) {
            CommandLine::printError(tr("--host: %1").arg(error));
            return CommandLine::Usage;
        }
    }
    for (const QCommandLineOption &option : {sshConfigOption, identityOption}) {
        if (parser.isSet(option) && parser.value(option).isEmpty()) {
            CommandLine::printError(tr("--%1: the file name is empty").arg(option.names().constFirst()));
            return CommandLine::Usage;
        }
    }
    TerminalAskpass askpass(QStringLiteral("mailtls fix"), parser.values(hostKeyOption));
    SshSettings ssh;
    ssh.knownHostsFile = SshSettings::defaultKnownHostsFile();
    ssh.askpassProgram = QCoreApplication::applicationFilePath();
    if (parser.isSet(identityOption))
        ssh.identityFile = QFileInfo(parser.value(identityOption)).absoluteFilePath();
    if (parser.isSet(sshConfigOption))
        ssh.extraOptions << QStringLiteral("-F") << QFileInfo(parser.value(sshConfigOption)).absoluteFilePath();
    const auto startAskpass = [&] {
        QString why;
        if (askpass.listen(&why))
            ssh.askpassSocket = askpass.socketName();
        else
            CommandLine::printError(tr("passwords and host keys cannot be asked for: %1").arg(why));
    };

    if (parser.isSet(restoreOption)) {
        for (const QCommandLineOption &option :
             {groupOption, bitsOption, certOption, keyOption, verifyOption, dirOption}) {
            if (parser.isSet(option)) {
                CommandLine::printError(tr("--%1 has no meaning with --restore").arg(option.names().constFirst()));
                return CommandLine::Usage;
            }
        }
        if (positional.size() > 1) {
            CommandLine::printError(tr("--restore takes one backup at most"));
            return CommandLine::Usage;
        }
        const std::optional<QString> host
            = remote ? std::optional<QString>(ServiceHost::location(*remote)) : std::nullopt;
        if (positional.isEmpty())
            return listBackups(backupRoot, host);
        startAskpass();
        return restore(backupRoot, positional.constFirst(), parser.isSet(yesOption), host, ssh, askpass);
    }
    if (remote && !ServiceHost::supportsRemote(*kind)) {
        CommandLine::printError(tr("--host: %1").arg(ServiceHost::remoteRefusal(*kind)));
        return CommandLine::Usage;
    }

    if (positional.size() != 1) {
        CommandLine::printError(positional.isEmpty()
                                    ? tr("fix needs one of logjam, starttls, tls-logging (see mailtls fix --help)")
                                    : tr("fix takes one fix at a time"));
        return CommandLine::Usage;
    }
    const std::optional<MailService::Fix> fix = MailService::fixFromKey(positional.constFirst());
    if (!fix) {
        CommandLine::printError(
            tr("unknown fix \"%1\": give logjam, starttls or tls-logging").arg(positional.constFirst()));
        return CommandLine::Usage;
    }
    if ((parser.isSet(groupOption) || parser.isSet(bitsOption)) && *fix != MailService::Fix::Logjam) {
        CommandLine::printError(tr("--group and --bits belong to the logjam fix"));
        return CommandLine::Usage;
    }
    if (parser.isSet(groupOption) && parser.isSet(bitsOption)) {
        CommandLine::printError(tr("--group and --bits exclude each other: a published group or one of its own"));
        return CommandLine::Usage;
    }
    if ((parser.isSet(certOption) || parser.isSet(keyOption)) && *fix != MailService::Fix::StartTls) {
        CommandLine::printError(tr("--cert and --key belong to the starttls fix"));
        return CommandLine::Usage;
    }
    if (parser.isSet(certOption) != parser.isSet(keyOption)) {
        CommandLine::printError(tr("--cert and --key go together"));
        return CommandLine::Usage;
    }
    DhChoice choice;
    int bits = 0;
    if (parser.isSet(bitsOption)) {
        bool ok = false;
        bits = parser.value(bitsOption).toInt(&ok);
        if (!ok || !DhGenerator::offeredBits().contains(bits)) {
            QStringList sizes;
            for (const int size : DhGenerator::offeredBits())
                sizes.append(QString::number(size));
            CommandLine::printError(
                tr("--bits: \"%1\" is not one of %2").arg(parser.value(bitsOption), sizes.join(QStringLiteral(", "))));
            return CommandLine::Usage;
        }
        choice.kind = DhChoice::Kind::Generated;
    }
    if (parser.isSet(groupOption)) {
        const QString group = parser.value(groupOption).toLower();
        if (group == QLatin1String("auto")) {
            choice.kind = DhChoice::Kind::Auto;
        } else if (DhParameters::rfc7919Groups().contains(group)) {
            choice.group = group;
        } else {
            CommandLine::printError(
                tr("--group: \"%1\" is not one of %2, auto")
                    .arg(parser.value(groupOption), DhParameters::rfc7919Groups().join(QStringLiteral(", "))));
            return CommandLine::Usage;
        }
    }
    quint16 verifyPort = 25;
    QHostAddress verifyHost;
    if (parser.isSet(verifyOption)
        && !CommandLine::parseAddressAndPort(parser.value(verifyOption), &verifyHost, &verifyPort)) {
        CommandLine::printError(
            tr("--verify-address: \"%1\" is not an IP address with an optional port (a name is not looked up)")
                .arg(parser.value(verifyOption)));
        return CommandLine::Usage;
    }
    QString configDir = parser.value(dirOption);
    if (parser.isSet(dirOption) && remote) {
        // A folder on the other host: it is not looked up here.
        if (!configDir.startsWith(QLatin1Char('/'))) {
            CommandLine::printError(tr("--config-dir: %1 is not an absolute path on %2")
                                        .arg(configDir, SshCommandHost::displayNameOf(*remote)));
            return CommandLine::Usage;
        }
        configDir = QDir::cleanPath(configDir);
    } else if (parser.isSet(dirOption)) {
        if (!QFileInfo(configDir).isDir()) {
            CommandLine::printError(tr("--config-dir: there is no folder %1").arg(configDir));
            return CommandLine::Usage;
        }
        configDir = QFileInfo(configDir).absoluteFilePath();
    }

    Target target;
    if (remote) {
        for (const QCommandLineOption &option : {certOption, keyOption}) {
            if (parser.isSet(option) && !parser.value(option).startsWith(QLatin1Char('/'))) {
                CommandLine::printError(tr("--%1: %2 is not an absolute path on %3")
                                            .arg(option.names().constFirst(), parser.value(option),
                                                 SshCommandHost::displayNameOf(*remote)));
                return CommandLine::Usage;
            }
        }
        startAskpass();
        target = remoteTarget(*remote, ssh, *kind);
    }
    const std::unique_ptr<MailServiceInspection> inspection
        = MailServiceInspection::create(*kind, target.host, configDir);
    if (!inspection) {
        CommandLine::printError(tr("--mta %1: this build of mailtls cannot inspect %2")
                                    .arg(MailService::kindKey(*kind), MailService::kindTitle(*kind)));
        return CommandLine::Failed;
    }
    inspection->runToEnd();
    const std::shared_ptr<const MailService> service = inspection->service();
    if (!service) {
        CommandLine::printError(
            target.location.isEmpty()
                ? tr("cannot inspect %1: %2").arg(MailService::kindTitle(*kind), inspection->errorString())
                : tr("cannot inspect %1 on %2: %3")
                      .arg(MailService::kindTitle(*kind), target.host->displayName(), inspection->errorString()));
        return CommandLine::Failed;
    }
    if (!target.askpassTarget.isEmpty())
        askpass.server()->connectionSucceeded(target.askpassTarget);
    printFindings(*service, target);
    if (!service->offers(*fix)) {
        QString error;
        service->plan(*fix, choice, QString(), QString(), &error);
        CommandLine::printError(error);
        return CommandLine::Usage;
    }
    if (choice.kind == DhChoice::Kind::Auto && !service->autoDhAvailable()) {
        CommandLine::printError(tr("--group auto: %1").arg(service->autoDhUnavailableReason()));
        return CommandLine::Failed;
    }
    if (choice.kind == DhChoice::Kind::Generated) {
        choice.pem = DhParamCommand::generateWithProgress(bits);
        if (choice.pem.isEmpty())
            return CommandLine::Failed;
    }

    // A path on another host is taken as it is (checked absolute above).
    const auto absolute
        = [&](const QString &path) { return path.isEmpty() || remote ? path : QFileInfo(path).absoluteFilePath(); };
    std::optional<ChangePlan> plan
        = service->plan(*fix, choice, absolute(parser.value(certOption)), absolute(parser.value(keyOption)), &error);
    if (!plan) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    if (plan->isEmpty()) {
        CommandLine::printOut(tr("Nothing to change (%1): already in place.").arg(plan->title) + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    plan->verification.address = parser.isSet(verifyOption) ? verifyHost.toString() : service->listenAddress();
    plan->verification.port = parser.isSet(verifyOption) ? verifyPort : service->probePort();
    if (!printPlan(*plan))
        return CommandLine::Failed;
    if (parser.isSet(dryRunOption))
        return CommandLine::Ok;
    if (!parser.isSet(yesOption)) {
        CommandLine::printOut(tr("Nothing was changed. Run again with --yes to apply this plan.") + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    return applyPlan(*plan, backupRoot, target);
}

} // namespace mailtls
