#include "app/exportcommand.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimeZone>

#include "app/commandline.h"
#include "models/report/csvfile.h"
#include "models/report/dashboardcsv.h"
#include "models/report/reportfilteroptions.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

bool bucketFromName(const QString &name, TrendBucket *bucket)
{
    if (name == QLatin1String("auto"))
        *bucket = TrendBucket::Auto;
    else if (name == QLatin1String("hour"))
        *bucket = TrendBucket::Hour;
    else if (name == QLatin1String("day"))
        *bucket = TrendBucket::Day;
    else
        return false;
    return true;
}

} // namespace

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write what a dashboard page shows as CSV: the overview (encrypted shares, trend, top "
           "plaintext peers, recent TLS failures, whether TLS is logged), the peers table, or TLS "
           "quality."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("The database to read (it must exist)."),
                                      tr("PATH"));
    const QCommandLineOption viewOption(QStringLiteral("view"), tr("overview, peers or tls."), tr("VIEW"));
    const QCommandLineOption csvOption(QStringLiteral("csv"), tr("Write the CSV here (- for standard output)."),
                                       tr("FILE"));
    const QCommandLineOption topOption(QStringLiteral("top"),
                                       tr("Overview: how many plaintext peers and recent failures (default 10)."),
                                       tr("N"), QStringLiteral("10"));
    const QCommandLineOption bucketOption(QStringLiteral("bucket"),
                                          tr("Overview: trend points per hour, per day, or auto (default: hours "
                                             "for ranges of up to 72 hours)."),
                                          tr("auto|hour|day"), QStringLiteral("auto"));
    parser.addOptions({dbOption, viewOption, csvOption, topOption, bucketOption});
    const ReportFilterOptions filterOptions;
    filterOptions.addTo(parser);
    QStringList args = arguments;
    args.removeAt(1);
    if (!parser.parse(args)) {
        CommandLine::printError(parser.errorText());
        return CommandLine::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        CommandLine::printOut(CommandLine::helpText(parser, QStringLiteral("export")));
        return CommandLine::Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
        return CommandLine::Usage;
    }
    for (const QCommandLineOption &required : {dbOption, viewOption, csvOption}) {
        if (!parser.isSet(required)) {
            CommandLine::printError(tr("export needs --%1").arg(required.names().constFirst()));
            return CommandLine::Usage;
        }
    }
    const QString view = parser.value(viewOption);
    if (view != QLatin1String("overview") && view != QLatin1String("peers") && view != QLatin1String("tls")) {
        CommandLine::printError(tr("--view: \"%1\" is not one of overview, peers, tls").arg(view));
        return CommandLine::Usage;
    }
    bool numberOk = false;
    const int top = parser.value(topOption).toInt(&numberOk);
    if (!numberOk || top < 0) {
        CommandLine::printError(tr("--top: \"%1\" is not a number of peers").arg(parser.value(topOption)));
        return CommandLine::Usage;
    }
    TrendBucket bucket = TrendBucket::Auto;
    if (!bucketFromName(parser.value(bucketOption), &bucket)) {
        CommandLine::printError(
            tr("--bucket: \"%1\" is not one of auto, hour, day").arg(parser.value(bucketOption)));
        return CommandLine::Usage;
    }
    ReportFilter filter;
    QString error;
    if (!filterOptions.read(parser, QTimeZone::systemTimeZone(), QDateTime::currentSecsSinceEpoch(), &filter,
                            &error)) {
        CommandLine::printError(error);
        return CommandLine::Usage;
    }

    // Opening a missing path would create an empty store: say so instead.
    const QString dbPath = parser.value(dbOption);
    if (!QFileInfo::exists(dbPath)) {
        CommandLine::printError(tr("there is no database at %1").arg(QDir::toNativeSeparators(dbPath)));
        return CommandLine::Failed;
    }
    TrafficStore store(dbPath);
    if (!store.open(&error)) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }

    QString csv;
    if (view == QLatin1String("overview")) {
        OverviewOptions options;
        options.bucket = bucket;
        options.topPeers = top;
        options.recentFailures = top;
        const OverviewFigures figures = store.overview(filter, options, &error);
        csv = DashboardCsv::overview(figures, filter);
    } else if (view == QLatin1String("peers")) {
        csv = DashboardCsv::peers(store.peerRows(filter, PeerColumns::Everything, &error), filter);
    } else {
        csv = DashboardCsv::tlsQuality(store.tlsQuality(filter, &error), filter);
    }
    if (!error.isEmpty()) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }

    const QString target = parser.value(csvOption);
    if (target == QLatin1String("-")) {
        CommandLine::printOut(csv);
        return CommandLine::Ok;
    }
    if (!CsvFile::write(target, csv, &error)) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    return CommandLine::Ok;
}

} // namespace mailtls
