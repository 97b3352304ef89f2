#include "app/commandline.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTimeZone>

#include "app/campaigncommand.h"
#include "app/dhparamcommand.h"
#include "app/exportcommand.h"
#include "app/fixcommand.h"
#include "app/followcommand.h"
#include "app/importcommand.h"
#include "app/probecommand.h"
#include "models/ingest/importjob.h"
#include "models/report/reportformatter.h"
#include "models/report/timeargument.h"
#include "models/store/reportfilter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

bool CommandLine::parseAddressAndPort(const QString &text, QHostAddress *address, quint16 *port)
{
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    }
    QHostAddress parsed;
    if (!parsed.setAddress(host))
        return false;
    if (!portText.isNull()) {
        bool ok = false;
        const int number = portText.toInt(&ok);
        if (!ok || number < 1 || number > 65535)
            return false;
        *port = quint16(number);
    }
    *address = parsed;
    return true;
}

void CommandLine::printError(const QString &message)
{
    writeTo(stderr, QStringLiteral("mailtls: ") + message + QLatin1Char('\n'));
}

void CommandLine::printOut(const QString &text)
{
    writeTo(stdout, text);
}

bool CommandLine::isVerb(const QString &word)
{
    return word == QLatin1String("report") || word == QLatin1String("import")
           || word == QLatin1String("follow") || word == QLatin1String("export")
           || word == QLatin1String("probe") || word == QLatin1String("dhparam")
           || word == QLatin1String("fix") || word == QLatin1String("campaign");
}

int CommandLine::run(const QStringList &arguments)
{
    const QString verb = arguments.value(1);
    if (verb == QLatin1String("report"))
        return report(arguments);
    if (verb == QLatin1String("import"))
        return ImportCommand::run(arguments);
    if (verb == QLatin1String("follow"))
        return FollowCommand::run(arguments);
    if (verb == QLatin1String("export"))
        return ExportCommand::run(arguments);
    if (verb == QLatin1String("probe"))
        return ProbeCommand::run(arguments);
    if (verb == QLatin1String("dhparam"))
        return DhParamCommand::run(arguments);
    if (verb == QLatin1String("fix"))
        return FixCommand::run(arguments);
    if (verb == QLatin1String("campaign"))
        return CampaignCommand::run(arguments);
    printError(tr("unknown command \"%1\"; see mailtls --help").arg(verb));
    return Usage;
}

QString CommandLine::stepText(const PlanApplier::StepResult &result)
{
    const QString outcome = result.outcome == PlanApplier::Outcome::Ok ? tr("ok")
        : result.outcome == PlanApplier::Outcome::Skipped              ? tr("skipped")
                                                                       : tr("FAILED");
    const QStringList lines = result.message.split(QLatin1Char('\n'));
    QString text = (QStringLiteral("  ") + PlanApplier::stepName(result.step)).leftJustified(11) + QLatin1Char(' ')
        + outcome.leftJustified(8) + QLatin1Char(' ') + lines.constFirst() + QLatin1Char('\n');
    for (qsizetype i = 1; i < lines.size(); ++i)
        text += QString(21, QLatin1Char(' ')) + lines.at(i) + QLatin1Char('\n');
    return text;
}

QString CommandLine::helpText(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    const QString program = arguments.isEmpty() ? QString() : arguments.constFirst();
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'));
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, program.size(),
                     command.isEmpty() ? QStringLiteral("mailtls") : QStringLiteral("mailtls ") + command);
    return text;
}

std::optional<int> CommandLine::parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                               const QString &command)
{
    QStringList args = arguments;
    const QString verb = args.value(1);
    args.removeAt(1); // the verb
    if (!parser.parse(args)) {
        printError(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser, command.isEmpty() ? verb : command));
        return Ok;
    }
    return std::nullopt;
}

int CommandLine::report(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print per-peer figures of encrypted and plaintext mail, from logs and/or a database."));
    parser.addHelpOption();
    const QCommandLineOption logOption(QStringLiteral("log"),
                                       tr("Read this log (plain or gzip; - for standard input). Repeatable."),
                                       tr("FILE"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      tr("Use this database: logs given with --log are added to it first."),
                                      tr("PATH"));
    const QCommandLineOption sinceOption(QStringLiteral("since"), tr("Only mail that arrived at or after T."),
                                         tr("T"));
    const QCommandLineOption untilOption(QStringLiteral("until"), tr("Only mail that arrived before T."), tr("T"));
    const QCommandLineOption directionOption(QStringLiteral("direction"),
                                             tr("inbound, outbound, submission or all (default)."),
                                             tr("DIRECTION"), QStringLiteral("all"));
    const QCommandLineOption groupOption(QStringLiteral("group-by"),
                                         tr("Name peers by host (default) or by registrable domain."),
                                         tr("host|domain"), QStringLiteral("host"));
    const QCommandLineOption localOption(QStringLiteral("include-local"),
                                         tr("Include local hops (loopback, local transports, listed local peers)."));
    const QCommandLineOption localPeerOption(QStringLiteral("local-peer"),
                                             tr("Treat this peer (host name or IP) as a local hop. Repeatable."),
                                             tr("PEER"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("table (default), csv or json."),
                                          tr("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           tr("Say on standard error what was read from each log."));
    const QCommandLineOption hintOption = ImportCommand::formatHintOption();
    parser.addOptions({logOption, dbOption, sinceOption, untilOption, directionOption, groupOption, localOption,
                       localPeerOption, formatOption, verboseOption, hintOption});
    if (const std::optional<int> done = parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("unexpected argument \"%1\" (logs are given with --log FILE)")
                       .arg(parser.positionalArguments().constFirst()));
        return Usage;
    }

    ReportFilter filter;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString error;
    if (parser.isSet(sinceOption)) {
        std::int64_t t = 0;
        if (!TimeArgument::parse(parser.value(sinceOption), zone, now, &t, &error)) {
            printError(QStringLiteral("--since: ") + error);
            return Usage;
        }
        filter.since = t;
    }
    if (parser.isSet(untilOption)) {
        std::int64_t t = 0;
        if (!TimeArgument::parse(parser.value(untilOption), zone, now, &t, &error)) {
            printError(QStringLiteral("--until: ") + error);
            return Usage;
        }
        filter.until = t;
    }
    const QString direction = parser.value(directionOption);
    if (direction != QLatin1String("all")) {
        Direction d;
        if (!directionFromName(direction, &d)) {
            printError(tr("--direction: \"%1\" is not one of inbound, outbound, submission, all").arg(direction));
            return Usage;
        }
        filter.directions = {d};
    }
    const QString groupBy = parser.value(groupOption);
    if (groupBy == QLatin1String("domain")) {
        filter.groupBy = ReportFilter::GroupBy::Domain;
    } else if (groupBy != QLatin1String("host")) {
        printError(tr("--group-by: \"%1\" is not one of host, domain").arg(groupBy));
        return Usage;
    }
    filter.includeLocal = parser.isSet(localOption);
    filter.localPeers = parser.values(localPeerOption);
    ReportFormatter::Format format;
    if (!ReportFormatter::formatFromName(parser.value(formatOption), &format)) {
        printError(tr("--format: \"%1\" is not one of table, csv, json").arg(parser.value(formatOption)));
        return Usage;
    }
    const QStringList logs = parser.values(logOption);
    if (logs.isEmpty() && !parser.isSet(dbOption)) {
        printError(tr("nothing to report: give at least one --log FILE or a --db PATH"));
        return Usage;
    }
    if (logs.count(QStringLiteral("-")) > 1) {
        printError(tr("--log -: standard input can be read only once"));
        return Usage;
    }

    // Without --db the figures come from a private database that lives as long
    // as the report: the same import and query code, so the numbers agree.
    QTemporaryDir scratch;
    QString dbPath = parser.value(dbOption);
    const bool oneShot = dbPath.isEmpty();
    if (oneShot) {
        if (!scratch.isValid()) {
            printError(tr("cannot create a temporary folder: %1").arg(scratch.errorString()));
            return Failed;
        }
        dbPath = scratch.filePath(QStringLiteral("report.sqlite"));
    }

    if (!logs.isEmpty()) {
        LogImporter::Options options;
        options.oneShot = oneShot;
        if (!ImportCommand::parseFormatHint(parser, hintOption, &options.formatHint))
            return Usage;
        ImportJob job(dbPath, options);
        const bool ok = ImportCommand::runJob(job, logs, false, &error);
        // A report prints figures only; what was read is said when asked, and
        // a log left out always.
        if (parser.isSet(verboseOption)) {
            ImportCommand::printSummaries(job.summaries(), true);
        } else {
            for (const ImportSummary &s : job.summaries()) {
                if (!s.warning.isEmpty())
                    printError(s.warning);
                if (s.problem)
                    printError(s.reason);
            }
        }
        if (!ok) {
            printError(error);
            return Failed;
        }
        if (job.wasCancelled()) {
            printError(tr("cancelled"));
            return Failed;
        }
        if (job.hadProblems())
            return Failed;
    }

    TrafficStore store(dbPath);
    if (!store.open(&error)) {
        printError(error);
        return Failed;
    }
    const QList<PeerFigures> rows = store.peerFigures(filter, &error);
    if (!error.isEmpty()) {
        printError(error);
        return Failed;
    }
    printOut(ReportFormatter::format(rows, format));
    return Ok;
}

} // namespace mailtls
