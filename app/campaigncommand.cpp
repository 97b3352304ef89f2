#include "app/campaigncommand.h"

#include <memory>

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#include "app/campaignfailurescommand.h"
#include "app/campaignletterscommand.h"
#include "app/commandline.h"
#include "app/stopsignals.h"
#include "app/terminalaskpass.h"
#include "models/campaign/campaignstore.h"
#include "models/campaign/campaignwindow.h"
#include "models/campaign/revertjob.h"
#include "models/mta/backupstore.h"
#include "models/mta/mailservice.h"
#include "models/mta/planapplier.h"
#include "models/mta/servicehost.h"
#include "models/sources/localcommandhost.h"
#include "models/sources/sshcommandhost.h"
#include "models/sources/sudocommandhost.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

QString timeText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString directionsText(bool inbound, bool outbound)
{
    if (inbound && outbound)
        return CampaignCommand::tr("inbound and outbound");
    return inbound ? CampaignCommand::tr("inbound") : CampaignCommand::tr("outbound");
}

QString endedByText(const QString &by)
{
    if (by == QLatin1String("job"))
        return CampaignCommand::tr("the host's job");
    if (by == QLatin1String("app"))
        return CampaignCommand::tr("MailTLS at its end time");
    if (by == QLatin1String("user"))
        return CampaignCommand::tr("you, early");
    return by;
}

// The options every window verb shares: the store, the host and its SSH
// login, the backups.
struct CommonOptions
{
    QCommandLineOption db{QStringLiteral("db"),
                          CampaignCommand::tr("The MailTLS store (default: %1).")
                              .arg(QDir::toNativeSeparators(CampaignCommand::defaultStorePath())),
                          CampaignCommand::tr("PATH")};
    QCommandLineOption host{QStringLiteral("host"),
                            CampaignCommand::tr("The mail server is another host, reached over SSH: its commands run "
                                                "there as root through sudo -n unless the login is root."),
                            QStringLiteral("ssh://[user@]host[:port]")};
    QCommandLineOption sshConfig{QStringLiteral("ssh-config"),
                                 CampaignCommand::tr("For --host: use this ssh configuration file."),
                                 CampaignCommand::tr("FILE")};
    QCommandLineOption identity{QStringLiteral("identity"),
                                CampaignCommand::tr("For --host: offer this private key first."),
                                CampaignCommand::tr("FILE")};
    QCommandLineOption hostKey{QStringLiteral("accept-host-key"),
                               CampaignCommand::tr("For --host: accept this SSH host key fingerprint (SHA256:…) for a "
                                                   "host not known yet. Repeatable."),
                               CampaignCommand::tr("FINGERPRINT")};
    QCommandLineOption backupDir{QStringLiteral("backup-dir"),
                                 CampaignCommand::tr("Keep the window's backups in this folder (default: %1).")
                                     .arg(QDir::toNativeSeparators(BackupStore::defaultRoot())),
                                 CampaignCommand::tr("DIR")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({db, host, sshConfig, identity, hostKey, backupDir});
    }
};

// Opens `store`, printing why not.
bool openCampaigns(CampaignStore &store)
{
    QString error;
    if (!store.open(&error)) {
        CommandLine::printError(error);
        return false;
    }
    return true;
}

// The store, the hosts and the askpass helper of one run.
class Session
{
public:
    Session(const QCommandLineParser &parser, const CommonOptions &options)
        : m_askpass(QStringLiteral("mailtls campaign"), parser.values(options.hostKey))
    {
        m_storePath = parser.isSet(options.db) ? QFileInfo(parser.value(options.db)).absoluteFilePath()
                                               : CampaignCommand::defaultStorePath();
        m_backupRoot = parser.isSet(options.backupDir) ? QFileInfo(parser.value(options.backupDir)).absoluteFilePath()
                                                       : BackupStore::defaultRoot();
        m_ssh.knownHostsFile = SshSettings::defaultKnownHostsFile();
        m_ssh.askpassProgram = QCoreApplication::applicationFilePath();
        if (parser.isSet(options.identity))
            m_ssh.identityFile = QFileInfo(parser.value(options.identity)).absoluteFilePath();
        if (parser.isSet(options.sshConfig))
            m_ssh.extraOptions << QStringLiteral("-F") << QFileInfo(parser.value(options.sshConfig)).absoluteFilePath();
        m_hostText = parser.value(options.host);
    }

    QString storePath() const { return m_storePath; }
    QString backupRoot() const { return m_backupRoot; }

    // Makes sure the store exists at schema 8 (TrafficStore brings it there).
    bool openStore()
    {
        TrafficStore store(m_storePath);
        QString error;
        if (!store.open(&error)) {
            CommandLine::printError(error);
            return false;
        }
        return true;
    }

    // The MTA of the window that runs ("postfix" when none does): what the
    // host must let run through sudo to end or check it.
    QString runningMta() const
    {
        CampaignStore store(m_storePath);
        QString error;
        if (!store.open(&error))
            return QStringLiteral("postfix");
        const std::optional<Campaign> running = store.enforcing(&error);
        return running ? running->mta : QStringLiteral("postfix");
    }

    // --host as a command host for `mta`'s commands; false after printing a
    // usage error.
    bool parseHost(const QString &mta, std::shared_ptr<const CommandHost> *host, QString *location)
    {
        if (m_hostText.isEmpty()) {
            *host = std::make_shared<LocalCommandHost>();
            location->clear();
            return true;
        }
        QString error;
        *host = hostAt(m_hostText, mta, location, &error);
        if (!*host) {
            CommandLine::printError(CampaignCommand::tr("--host: %1").arg(error));
            return false;
        }
        return true;
    }

    std::shared_ptr<const CommandHost> hostAt(const QString &text, const QString &mta, QString *location,
                                              QString *error)
    {
        const std::optional<SourceSpec> spec = ServiceHost::parse(text, error);
        if (!spec)
            return nullptr;
        if (!m_askpassStarted) {
            m_askpassStarted = true;
            QString why;
            if (m_askpass.listen(&why))
                m_ssh.askpassSocket = m_askpass.socketName();
            else
                CommandLine::printError(CampaignCommand::tr("passwords and host keys cannot be asked for: %1").arg(why));
        }
        *location = ServiceHost::location(*spec);
        QStringList programs = ServiceHost::sudoPrograms(CampaignWindow::serviceKind(mta));
        for (const QString &program : RevertJob::programs()) {
            if (!programs.contains(program))
                programs.append(program);
        }
        return SudoCommandHost::forLogin(std::make_shared<SshCommandHost>(*spec, m_ssh), *spec, programs);
    }

    void setUp(CampaignWindow &window, const std::shared_ptr<const CommandHost> &host, const QString &location)
    {
        window.setHost(host, location);
        window.setBackupRoot(m_backupRoot);
        window.setHostFactory([this](const QString &where, const QString &mta,
                                     QString *error) -> std::shared_ptr<const CommandHost> {
            if (where.isEmpty())
                return std::make_shared<LocalCommandHost>();
            QString location;
            return hostAt(where, mta, &location, error);
        });
    }

private:
    QString m_storePath;
    QString m_backupRoot;
    QString m_hostText;
    SshSettings m_ssh;
    TerminalAskpass m_askpass;
    bool m_askpassStarted = false;
};

QString column(const QString &first, int width, const QString &text)
{
    return first.leftJustified(width - 1) + QLatin1Char(' ') + text + QLatin1Char('\n');
}

// Prints each step of the applier as `mailtls fix` does, and lets Ctrl+C
// cancel it (anything written is put back).
class StepPrinter
{
public:
    explicit StepPrinter(CampaignWindow &window)
        : m_stop(StopSignals::Second::Stops)
    {
        PlanApplier *applier = &window.applier();
        QObject::connect(applier, &PlanApplier::stepFinished, &m_context,
                         [](const PlanApplier::StepResult &r) { CommandLine::printOut(CommandLine::stepText(r)); });
        QObject::connect(&m_stop, &StopSignals::stopRequested, &m_context, [applier] {
            CommandLine::printError(CampaignCommand::tr("cancelling: anything written is put back…"));
            applier->cancel();
        });
    }

private:
    StopSignals m_stop;
    QObject m_context;
};

void printPlan(const ChangePlan &plan)
{
    QString text = CampaignCommand::tr("Plan: %1").arg(plan.title) + QLatin1Char('\n');
    for (const FileEdit &edit : plan.edits) {
        text += QStringLiteral("  ") + edit.path + QLatin1Char('\n');
        for (const QString &line : edit.summary)
            text += QStringLiteral("      ") + line + QLatin1Char('\n');
    }
    QStringList checks;
    for (const QStringList &argv : plan.validateCommands)
        checks.append(PlanApplier::commandText(argv));
    text += CampaignCommand::tr("  Then: check with %1").arg(checks.join(QStringLiteral(" and "))) + QLatin1Char('\n');
    text += CampaignCommand::tr("  reload with %1 when %2 runs").arg(PlanApplier::commandText(plan.reloadCommand), plan.mta)
        + QLatin1Char('\n');
    for (const QString &note : plan.notes)
        text += CampaignCommand::tr("  Note: %1").arg(note) + QLatin1Char('\n');
    text += CampaignCommand::tr("  Any failure puts every file back as it was.") + QLatin1Char('\n');
    QString error;
    const QByteArray diff = plan.diff(&error);
    if (!error.isEmpty())
        text += error + QLatin1Char('\n');
    CommandLine::printOut(text + QLatin1Char('\n') + QString::fromLocal8Bit(diff) + QLatin1Char('\n'));
}

void printOutcomeWarnings(const CampaignWindow::Outcome &outcome)
{
    for (const QString &warning : outcome.warnings)
        CommandLine::printOut(CampaignCommand::tr("Note: %1").arg(warning) + QLatin1Char('\n'));
}

void printCampaign(const Campaign &c)
{
    QString text = CampaignCommand::tr("Campaign %1: %2").arg(c.id).arg(c.name) + QLatin1Char('\n');
    text += column(QStringLiteral("  ") + CampaignCommand::tr("window"), 14,
                   CampaignCommand::tr("TLS required %1, %2 until %3")
                       .arg(directionsText(c.inbound, c.outbound), timeText(c.windowStart), timeText(c.windowEnd)));
    text += column(QStringLiteral("  ") + CampaignCommand::tr("state"), 14,
                   c.isEnforcing() ? CampaignCommand::tr("enforcing")
                                   : CampaignCommand::tr("ended at %1 by %2")
                                         .arg(timeText(*c.endedAt), endedByText(c.endedBy)));
    text += column(QStringLiteral("  ") + CampaignCommand::tr("server"), 14,
                   CampaignCommand::tr("%1, %2 on %3")
                       .arg(CampaignWindow::mtaName(c.mta), c.configDir,
                            c.host.isEmpty() ? CampaignCommand::tr("this computer") : c.host));
    if (!c.backupId.isEmpty())
        text += column(QStringLiteral("  ") + CampaignCommand::tr("backup"), 14, c.backupId);
    if (!c.revertJob.isEmpty())
        text += column(QStringLiteral("  ") + CampaignCommand::tr("revert job"), 14, c.revertJob);
    CommandLine::printOut(text);
}

} // namespace

QString CampaignCommand::defaultStorePath()
{
    return TrafficStore::defaultPath();
}

std::optional<int> CampaignCommand::parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    QStringList args = arguments;
    args.removeAt(1); // "campaign"; CommandLine removes the verb
    return CommandLine::parseArguments(parser, args, QStringLiteral("campaign ") + args.value(1));
}

int CampaignCommand::run(const QStringList &arguments)
{
    const QString verb = arguments.value(2);
    if (verb == QLatin1String("start"))
        return start(arguments);
    if (verb == QLatin1String("status"))
        return status(arguments);
    if (verb == QLatin1String("end"))
        return end(arguments);
    if (verb == QLatin1String("failures"))
        return CampaignFailuresCommand::run(arguments);
    if (verb == QLatin1String("letters"))
        return CampaignLettersCommand::letters(arguments);
    if (verb == QLatin1String("send"))
        return CampaignLettersCommand::send(arguments);
    if (verb.isEmpty() || verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        CommandLine::printOut(tr("Usage: mailtls campaign VERB [options]\n\n"
                                 "A campaign requires TLS on your mail server for a while (a window), gathers who "
                                 "failed, and writes to them.\n\n"
                                 "  start    start a window of mandatory STARTTLS (mailtls campaign start --help)\n"
                                 "  status   the window's state; records a window the host's job ended\n"
                                 "  end      end the running window now\n"
                                 "  failures the peers that failed for lack of TLS, with their correspondents "
                                 "(mailtls campaign failures --help)\n"
                                 "  letters  the letters to them as .eml files or an mbox; nothing is sent "
                                 "(mailtls campaign letters --help)\n"
                                 "  send     send the letters through your submission server, after you confirm "
                                 "(mailtls campaign send --help)\n"));
        return verb.isEmpty() ? CommandLine::Usage : CommandLine::Ok;
    }
    CommandLine::printError(tr("unknown campaign command \"%1\"; see mailtls campaign --help").arg(verb));
    return CommandLine::Usage;
}

int CampaignCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Start a window of mandatory STARTTLS on your Postfix, Exim or Sendmail: inbound, outbound or both "
           "(neither option: both). A job on the mail host ends it at its end even when MailTLS is not running."));
    parser.addHelpOption();
    CommonOptions common;
    const QCommandLineOption inboundOption(QStringLiteral("inbound"), tr("Require TLS of servers sending to you."));
    const QCommandLineOption outboundOption(QStringLiteral("outbound"), tr("Require TLS of servers you send to."));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            tr("How long the window lasts: 30m, 4h, 2d, 1h30m (1 minute to 30 days)."),
                                            tr("D"));
    const QCommandLineOption mtaOption(QStringLiteral("mta"),
                                       tr("The mail server: postfix (the default), exim (Debian's configuration) or "
                                          "sendmail (sendmail.mc)."),
                                       tr("SERVICE"), QStringLiteral("postfix"));
    const QCommandLineOption dirOption(QStringLiteral("config-dir"),
                                       tr("The mail server's configuration folder (default: its own, /etc/postfix, "
                                          "/etc/exim4 or /etc/mail)."),
                                       tr("DIR"));
    const QCommandLineOption nameOption(QStringLiteral("name"), tr("The campaign's name."), tr("TEXT"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"), tr("Show the warning, the peers and the plan; "
                                                                        "change nothing."));
    const QCommandLineOption yesOption(QStringLiteral("yes"), tr("Start the window."));
    common.addTo(parser);
    parser.addOptions({inboundOption, outboundOption, durationOption, mtaOption, dirOption, nameOption, dryRunOption,
                       yesOption});
    if (const std::optional<int> done = parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("campaign start takes no arguments besides its options"));
        return CommandLine::Usage;
    }
    const QString mta = parser.value(mtaOption).toLower();
    if (!CampaignWindow::mtas().contains(mta)) {
        CommandLine::printError(tr("--mta %1: a campaign window needs a mail server: postfix, exim or sendmail")
                                    .arg(parser.value(mtaOption)));
        return CommandLine::Usage;
    }
    if (parser.isSet(dryRunOption) && parser.isSet(yesOption)) {
        CommandLine::printError(tr("--dry-run and --yes exclude each other"));
        return CommandLine::Usage;
    }
    if (!parser.isSet(durationOption)) {
        CommandLine::printError(tr("campaign start needs --duration D (30m, 4h, 2d): the window always ends"));
        return CommandLine::Usage;
    }
    const std::optional<qint64> duration = CampaignWindow::parseDuration(parser.value(durationOption));
    if (!duration || *duration < 60 || *duration > 30 * 86400) {
        CommandLine::printError(
            tr("--duration: \"%1\" is not a time from 1 minute to 30 days (30m, 4h, 2d, 1h30m)").arg(parser.value(durationOption)));
        return CommandLine::Usage;
    }
    bool inbound = parser.isSet(inboundOption);
    bool outbound = parser.isSet(outboundOption);
    if (!inbound && !outbound)
        inbound = outbound = true;

    Session session(parser, common);
    std::shared_ptr<const CommandHost> host;
    QString location;
    if (!session.parseHost(mta, &host, &location))
        return CommandLine::Usage;
    QString configDir = parser.value(dirOption);
    if (parser.isSet(dirOption)) {
        if (!location.isEmpty() ? !configDir.startsWith(QLatin1Char('/')) : !QFileInfo(configDir).isDir()) {
            CommandLine::printError(tr("--config-dir: there is no folder %1").arg(configDir));
            return CommandLine::Usage;
        }
        configDir = location.isEmpty() ? QFileInfo(configDir).absoluteFilePath() : QDir::cleanPath(configDir);
    }
    if (!session.openStore())
        return CommandLine::Failed;
    {
        CampaignStore store(session.storePath());
        if (!openCampaigns(store))
            return CommandLine::Failed;
        QString error;
        if (const std::optional<Campaign> running = store.enforcing(&error)) {
            CommandLine::printError(tr("campaign %1's window runs until %2: one window at a time (mailtls campaign "
                                       "status; mailtls campaign end --yes)")
                                        .arg(running->id)
                                        .arg(timeText(running->windowEnd)));
            return CommandLine::Failed;
        }
    }

    CampaignWindow window(session.storePath());
    session.setUp(window, host, location);
    CampaignWindow::Preparation preparation;
    {
        QEventLoop loop;
        window.prepare(mta, configDir, inbound, outbound, [&](const CampaignWindow::Preparation &p) {
            preparation = p;
            loop.quit();
        });
        loop.exec();
    }
    if (preparation.inspected()) {
        const QString version = preparation.versionText();
        const QString dir = preparation.configDirectory();
        CommandLine::printOut(location.isEmpty()
                                  ? tr("%1, configuration in %2").arg(version, dir) + QStringLiteral("\n\n")
                                  : tr("%1, configuration in %2 on %3").arg(version, dir, host->displayName())
                                      + QStringLiteral("\n\n"));
    }
    if (!preparation.plan) {
        CommandLine::printError(preparation.error);
        return CommandLine::Failed;
    }

    CommandLine::printOut(tr("Warning:") + QLatin1Char('\n') + CampaignWindow::warning(inbound, outbound, mta)
                          + QStringLiteral("\n\n"));
    QString error;
    const QList<AffectedPeer> peers = CampaignWindow::affectedPeers(session.storePath(), inbound, outbound,
                                                                    QDateTime::currentSecsSinceEpoch(), &error);
    QString affected = tr("Peers that used plaintext in the last 30 days (the store's figures), affected by the window:")
        + QLatin1Char('\n');
    if (!error.isEmpty())
        affected += QStringLiteral("  ") + error + QLatin1Char('\n');
    else if (peers.isEmpty())
        affected += QStringLiteral("  ") + tr("none known") + QLatin1Char('\n');
    for (const AffectedPeer &p : peers) {
        affected += QStringLiteral("  %1  %2  %3\n")
                        .arg(directionName(p.direction).leftJustified(8), p.peer,
                             p.direction == Direction::Inbound
                                 ? tr("%1 of %2 message(s) in plaintext: refused during the window")
                                       .arg(p.plaintextMessages)
                                       .arg(p.messages)
                                 : tr("%1 of %2 message(s) in plaintext: deferred until the window ends")
                                       .arg(p.plaintextMessages)
                                       .arg(p.messages));
    }
    CommandLine::printOut(affected + QLatin1Char('\n'));
    const qint64 plannedEnd = QDateTime::currentSecsSinceEpoch() + *duration;
    CommandLine::printOut(tr("Window: TLS required %1 until about %2.").arg(directionsText(inbound, outbound),
                                                                             timeText(plannedEnd))
                          + QStringLiteral("\n"));
    printPlan(*preparation.plan);
    if (parser.isSet(dryRunOption))
        return CommandLine::Ok;
    if (!parser.isSet(yesOption)) {
        CommandLine::printOut(tr("Nothing was changed. Run again with --yes to start the window.") + QLatin1Char('\n'));
        return CommandLine::Ok;
    }

    CommandLine::printOut(tr("Starting:") + QLatin1Char('\n'));
    StepPrinter steps(window);
    CampaignWindow::Outcome outcome;
    {
        QEventLoop loop;
        window.start(preparation, *duration, parser.value(nameOption), [&](const CampaignWindow::Outcome &o) {
            outcome = o;
            loop.quit();
        });
        loop.exec();
    }
    printOutcomeWarnings(outcome);
    if (!outcome.ok) {
        if (outcome.apply.failedStep && !outcome.apply.output.trimmed().isEmpty())
            CommandLine::printOut(tr("Output of the failed step:") + QLatin1Char('\n') + outcome.apply.output.trimmed()
                                  + QLatin1Char('\n'));
        CommandLine::printError(outcome.error);
        return CommandLine::Failed;
    }
    const Campaign &c = outcome.campaign;
    QString text = tr("Campaign %1 started: TLS is required %2 until %3.")
                       .arg(c.id)
                       .arg(directionsText(c.inbound, c.outbound), timeText(c.windowEnd))
        + QLatin1Char('\n');
    text += tr("The revert job %1 on %2 puts the previous settings back then, even when MailTLS is not running.")
                .arg(c.revertJob, host->displayName())
        + QLatin1Char('\n');
    if (!outcome.apply.mtaRunning)
        text += tr("%1 is not running: the window takes effect at its next start.").arg(CampaignWindow::mtaName(c.mta))
            + QLatin1Char('\n');
    text += tr("End it early with: mailtls campaign end --yes") + QLatin1Char('\n');
    CommandLine::printOut(text);
    return CommandLine::Ok;
}

int CampaignCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The state of a campaign's window (default: the newest campaign). A window "
                                        "the host's job ended is recorded as such; one that outlived its end is "
                                        "ended now."));
    parser.addHelpOption();
    CommonOptions common;
    const QCommandLineOption campaignOption(QStringLiteral("campaign"), tr("The campaign (default: the newest)."),
                                            tr("ID"));
    common.addTo(parser);
    parser.addOption(campaignOption);
    if (const std::optional<int> done = parseArguments(parser, arguments))
        return *done;
    Session session(parser, common);
    if (!session.openStore())
        return CommandLine::Failed;
    std::shared_ptr<const CommandHost> host;
    QString location;
    if (!session.parseHost(session.runningMta(), &host, &location))
        return CommandLine::Usage;

    CampaignWindow window(session.storePath());
    session.setUp(window, host, location);
    StepPrinter steps(window);
    QList<WindowReport> reports;
    {
        QEventLoop loop;
        window.checkOnStart([&](const QList<WindowReport> &r) {
            reports = r;
            loop.quit();
        });
        loop.exec();
    }
    bool problem = false;
    for (const WindowReport &report : reports) {
        CommandLine::printOut(report.message + QStringLiteral("\n\n"));
        problem = problem || report.state == WindowReport::State::Problem;
    }

    CampaignStore store(session.storePath());
    if (!openCampaigns(store))
        return CommandLine::Failed;
    QString error;
    std::optional<Campaign> campaign;
    if (parser.isSet(campaignOption)) {
        bool ok = false;
        const qint64 id = parser.value(campaignOption).toLongLong(&ok);
        if (!ok) {
            CommandLine::printError(tr("--campaign: \"%1\" is not a campaign number").arg(parser.value(campaignOption)));
            return CommandLine::Usage;
        }
        campaign = store.load(id, &error);
    } else {
        const QList<Campaign> all = store.list(&error);
        if (!all.isEmpty())
            campaign = all.constFirst();
        else if (error.isEmpty())
            error = tr("there are no campaigns in %1 yet").arg(QDir::toNativeSeparators(session.storePath()));
    }
    if (!campaign) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    printCampaign(*campaign);
    return problem ? CommandLine::Failed : CommandLine::Ok;
}

int CampaignCommand::end(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("End the running window now: the settings from before it are put back "
                                        "from its backup, checked and reloaded, and the host's job is removed."));
    parser.addHelpOption();
    CommonOptions common;
    const QCommandLineOption yesOption(QStringLiteral("yes"), tr("End it (without: say what would be done)."));
    common.addTo(parser);
    parser.addOption(yesOption);
    if (const std::optional<int> done = parseArguments(parser, arguments))
        return *done;
    Session session(parser, common);
    if (!session.openStore())
        return CommandLine::Failed;
    std::shared_ptr<const CommandHost> host;
    QString location;
    if (!session.parseHost(session.runningMta(), &host, &location))
        return CommandLine::Usage;
    CampaignStore store(session.storePath());
    if (!openCampaigns(store))
        return CommandLine::Failed;
    QString error;
    const std::optional<Campaign> running = store.enforcing(&error);
    if (!running) {
        CommandLine::printError(error.isEmpty() ? tr("no campaign window is running") : error);
        return CommandLine::Failed;
    }
    printCampaign(*running);
    if (!parser.isSet(yesOption)) {
        CommandLine::printOut(
            tr("Nothing was changed. Run again with --yes to end the window now: main.cf gets its settings from "
               "before the window back (backup %1), and the revert job %2 is removed.")
                .arg(running->backupId, running->revertJob)
            + QLatin1Char('\n'));
        return CommandLine::Ok;
    }
    CampaignWindow window(session.storePath());
    session.setUp(window, host, location);
    CommandLine::printOut(tr("Ending:") + QLatin1Char('\n'));
    StepPrinter steps(window);
    CampaignWindow::Outcome outcome;
    {
        QEventLoop loop;
        window.end(running->id, QStringLiteral("user"), [&](const CampaignWindow::Outcome &o) {
            outcome = o;
            loop.quit();
        });
        loop.exec();
    }
    printOutcomeWarnings(outcome);
    if (!outcome.ok) {
        CommandLine::printError(outcome.error);
        return CommandLine::Failed;
    }
    CommandLine::printOut(tr("Campaign %1's window ended at %2: TLS is optional again.")
                              .arg(outcome.campaign.id)
                              .arg(timeText(outcome.campaign.endedAt.value_or(0)))
                          + QLatin1Char('\n'));
    return CommandLine::Ok;
}

} // namespace mailtls
