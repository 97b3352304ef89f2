#include "app/followcommand.h"

#include <cerrno>
#include <csignal>
#include <optional>
#include <cstdio>
#include <memory>
#include <vector>

#include <termios.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

#include "app/commandline.h"
#include "app/stopsignals.h"
#include "models/secrets/askpassserver.h"
#include "models/secrets/secretstore.h"
#include "models/sources/hostkeyquestion.h"
#include "models/sources/logsource.h"
#include "models/sources/sourcefactory.h"
#include "models/sources/sourcefollower.h"
#include "models/sources/sourcespec.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

enum class TerminalAnswer { Given, NoTerminal, Interrupted };

// Reads a line from the terminal without echoing it.
TerminalAnswer askOnTerminal(const QString &prompt, QString *answer)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        return TerminalAnswer::NoTerminal;
    const int fd = fileno(tty);
    termios saved = {};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const QByteArray text = prompt.toLocal8Bit();
    std::fwrite(text.constData(), 1, std::size_t(text.size()), tty);
    std::fflush(tty);
    // Ctrl+C or SIGTERM at the prompt stops `mailtls follow` as at any other
    // moment: while it waits, their handler interrupts the read (it is
    // resumed otherwise), and the byte it writes ends the event loop.
    struct sigaction interrupting = {};
    interrupting.sa_handler = StopSignals::handler;
    sigemptyset(&interrupting.sa_mask);
    struct sigaction savedInt = {};
    struct sigaction savedTerm = {};
    ::sigaction(SIGINT, &interrupting, &savedInt);
    ::sigaction(SIGTERM, &interrupting, &savedTerm);
    char buffer[1024];
    errno = 0;
    const bool read = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    const bool interrupted = !read && errno == EINTR;
    ::sigaction(SIGINT, &savedInt, nullptr);
    ::sigaction(SIGTERM, &savedTerm, nullptr);
    if (isTerminal)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (!read)
        return interrupted ? TerminalAnswer::Interrupted : TerminalAnswer::NoTerminal;
    *answer = QString::fromLocal8Bit(buffer).chopped(QByteArrayView(buffer).endsWith('\n') ? 1 : 0);
    return TerminalAnswer::Given;
}

struct Followed
{
    SourceSpec spec;
    std::unique_ptr<SourceFollower> follower;
    qint64 reportedLines = -1;
};

} // namespace

int FollowCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Follow logs as they are written and store their figures, until interrupted (Ctrl+C or SIGTERM).\n"
           "SOURCE is a log file, journal[:UNIT], ssh://[user@]host[:port]/path/to/log or "
           "ssh://[user@]host[:port]/journal[:UNIT]. Each source resumes where it stopped."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("The database to store into (required)."),
                                      tr("PATH"));
    const QCommandLineOption hostKeyOption(
        QStringLiteral("accept-host-key"),
        tr("Accept this SSH host key fingerprint (SHA256:…) for a host not known yet. Repeatable."),
        tr("FINGERPRINT"));
    const QCommandLineOption sshConfigOption(QStringLiteral("ssh-config"),
                                             tr("Use this ssh configuration file instead of ~/.ssh/config."),
                                             tr("FILE"));
    const QCommandLineOption journalDirOption(QStringLiteral("journal-directory"),
                                              tr("Read journal files from this folder instead of the system journal."),
                                              tr("DIR"));
    const QCommandLineOption intervalOption(QStringLiteral("progress-interval"),
                                            tr("Seconds between progress lines (default 10; 0: none)."),
                                            tr("SECONDS"), QStringLiteral("10"));
    parser.addOptions({dbOption, hostKeyOption, sshConfigOption, journalDirOption, intervalOption});
    parser.addPositionalArgument(QStringLiteral("SOURCE"), tr("What to follow."), QStringLiteral("SOURCE..."));
    if (const std::optional<int> done = CommandLine::parseArguments(parser, arguments))
        return *done;
    if (!parser.isSet(dbOption)) {
        CommandLine::printError(tr("follow: give the database to store into with --db PATH"));
        return CommandLine::Usage;
    }
    if (parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("follow: give at least one SOURCE (see mailtls follow --help)"));
        return CommandLine::Usage;
    }
    bool intervalOk = false;
    const int interval = parser.value(intervalOption).toInt(&intervalOk);
    if (!intervalOk || interval < 0) {
        CommandLine::printError(tr("--progress-interval: \"%1\" is not a number of seconds")
                                    .arg(parser.value(intervalOption)));
        return CommandLine::Usage;
    }

    QString error;
    std::vector<SourceSpec> specs;
    for (const QString &text : parser.positionalArguments()) {
        const std::optional<SourceSpec> spec = SourceSpec::parse(text, &error);
        if (!spec) {
            CommandLine::printError(error);
            return CommandLine::Usage;
        }
        specs.push_back(*spec);
    }

    const QString dbPath = parser.value(dbOption);
    TrafficStore store(dbPath);
    if (!store.open(&error)) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    StoreWriter writer(dbPath);
    if (!writer.start(&error)) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }

    SourceContext context = SourceContext::defaults();
    context.sshConfigFile = parser.value(sshConfigOption);
    context.journalDirectory = parser.value(journalDirOption);

    SecretStore secrets;
    AskpassServer askpass(&secrets);
    for (const QString &fingerprint : parser.values(hostKeyOption))
        askpass.addAcceptedHostKey(fingerprint);
    if (askpass.listen(&error))
        context.askpassSocket = askpass.name();
    else
        CommandLine::printError(tr("passwords and host keys cannot be asked for: %1").arg(error));
    QObject::connect(&askpass, &AskpassServer::hostKeyQuestion, &askpass,
                     [&askpass](quint64 id, const HostKeyQuestion &question) {
                         CommandLine::printError(
                             tr("%1 (port %2) is a host MailTLS does not know. Its %3 key fingerprint is %4. "
                                "If the server's administrator confirms that fingerprint (ssh-keygen -lf "
                                "/etc/ssh/ssh_host_%5_key.pub on the server), run again with "
                                "--accept-host-key %4")
                                 .arg(question.host)
                                 .arg(question.port)
                                 .arg(question.keyType, question.fingerprint, question.keyType.toLower()));
                         askpass.answerHostKey(id, false);
                     });
    QObject::connect(&askpass, &AskpassServer::secretNeeded, &askpass,
                     [&askpass](const AskpassServer::SecretQuestion &question) {
                         QString answer;
                         const TerminalAnswer asked = askOnTerminal(question.prompt + QLatin1Char(' '), &answer);
                         if (asked == TerminalAnswer::Interrupted) {
                             askpass.refuseSecret(question.id);
                             return;
                         }
                         if (asked == TerminalAnswer::Given) {
                             const bool remember = question.storeError != SecretStore::Error::NoBackend;
                             if (!remember && !question.storeMessage.isEmpty())
                                 CommandLine::printError(question.storeMessage + QLatin1Char(' ')
                                                         + tr("It will be asked for each time."));
                             askpass.answerSecret(question.id, answer, remember);
                             return;
                         }
                         CommandLine::printError(
                             tr("ssh asks \"%1\", and there is no terminal to ask on: use a key without a "
                                "passphrase or an ssh-agent, or run mailtls follow once in a terminal so "
                                "the answer is kept in the keychain")
                                 .arg(question.prompt.trimmed()));
                         askpass.refuseSecret(question.id);
                     });

    std::vector<std::unique_ptr<Followed>> followed;
    for (const SourceSpec &spec : specs) {
        const QString identity = spec.toString();
        if (store.defineSource(identity, spec.displayName(), identity, &error) < 0) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        const std::optional<SourceRecord> record = store.findSource(identity, &error);
        if (!record) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        auto entry = std::make_unique<Followed>();
        entry->spec = spec;
        entry->follower = std::make_unique<SourceFollower>(writer, SourceFactory::create(spec, context), *record,
                                                           SourceFollower::Options());
        followed.push_back(std::move(entry));
    }

    StopSignals stop(StopSignals::Second::Stops);
    if (!stop.isCatching()) {
        CommandLine::printError(tr("cannot catch SIGINT and SIGTERM: %1").arg(QString::fromLocal8Bit(strerror(errno))));
        return CommandLine::Failed;
    }
    int exitCode = CommandLine::Ok;
    QObject::connect(&stop, &StopSignals::stopRequested, qApp, [] { QCoreApplication::quit(); });

    auto allStoppedForUser = [&followed] {
        for (const auto &entry : followed) {
            const LogSource *source = entry->follower->source();
            if (!(source->state() == LogSource::State::Stopped && source->needsUser()))
                return false;
        }
        return true;
    };

    for (const auto &entry : followed) {
        SourceFollower *follower = entry->follower.get();
        const QString name = entry->spec.displayName();
        const QString target = entry->spec.isRemote() ? SourceFactory::sshTarget(entry->spec) : QString();
        QObject::connect(follower, &SourceFollower::stateChanged, qApp,
                         [&, name, target](LogSource::State state, const QString &reason) {
                             QString line = name + QStringLiteral(": ") + LogSource::stateName(state);
                             if (!reason.isEmpty())
                                 line += QStringLiteral(" (") + reason + QLatin1Char(')');
                             CommandLine::printError(line);
                             if (!target.isEmpty()) {
                                 if (state == LogSource::State::Following || state == LogSource::State::Lagging)
                                     askpass.connectionSucceeded(target);
                             }
                             if (state == LogSource::State::Stopped && allStoppedForUser()) {
                                 if (!target.isEmpty())
                                     askpass.authenticationFailed(target);
                                 exitCode = CommandLine::Failed;
                                 QCoreApplication::quit();
                             }
                         });
        QObject::connect(follower, &SourceFollower::warning, qApp,
                         [](const QString &message) { CommandLine::printError(message); });
        QObject::connect(follower, &SourceFollower::failed, qApp, [&exitCode](const QString &message) {
            CommandLine::printError(message);
            exitCode = CommandLine::Failed;
            QCoreApplication::quit();
        });
    }

    QTimer progress;
    if (interval > 0) {
        progress.setInterval(interval * 1000);
        QObject::connect(&progress, &QTimer::timeout, qApp, [&followed] {
            for (const auto &entry : followed) {
                const SourceFollower &follower = *entry->follower;
                if (follower.linesRead() == entry->reportedLines)
                    continue;
                entry->reportedLines = follower.linesRead();
                CommandLine::printError(tr("%1: %2 lines read, %3 lines/s, at byte %4")
                                            .arg(entry->spec.displayName())
                                            .arg(follower.linesRead())
                                            .arg(qRound64(follower.rate()))
                                            .arg(follower.position()));
            }
        });
        progress.start();
    }

    for (const auto &entry : followed)
        entry->follower->start();
    QCoreApplication::exec();

    progress.stop();
    qint64 lines = 0;
    for (const auto &entry : followed) {
        entry->follower->stop();
        lines += entry->follower->linesRead();
    }
    if (!writer.waitUntilWritten(&error)) {
        CommandLine::printError(error);
        exitCode = CommandLine::Failed;
    }
    writer.stop();
    CommandLine::printError(lines == 1 ? tr("stopped; 1 line read and stored")
                                       : tr("stopped; %1 lines read and stored").arg(lines));
    return exitCode;
}

} // namespace mailtls
