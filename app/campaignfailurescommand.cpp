#include "app/campaignfailurescommand.h"

#include <optional>

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QTimeZone>

#include "app/commandline.h"
#include "models/campaign/campaignstore.h"
#include "models/campaign/failuregatherer.h"
#include "models/campaign/failurereport.h"
#include "models/report/csvfile.h"
#include "models/report/timeargument.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

bool readTime(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 now, qint64 *out)
{
    QString error;
    std::int64_t seconds = 0;
    if (!TimeArgument::parse(parser.value(option), QTimeZone::systemTimeZone(), now, &seconds, &error)) {
        CommandLine::printError(QStringLiteral("--%1: %2").arg(option.names().constFirst(), error));
        return false;
    }
    *out = seconds;
    return true;
}

} // namespace

int CampaignFailuresCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the peers that failed for lack of TLS: sessions refused where TLS was required, and TLS "
           "failures, per peer and direction, with the addresses on both sides."));
    parser.addHelpOption();
    const QCommandLineOption campaignOption(QStringLiteral("campaign"),
                                            tr("The campaign (default: the newest, when no range is given); "
                                               "its failing peers are replaced by this gathering."),
                                            tr("ID"));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("From T (default: the campaign's window)."),
                                        tr("T"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("Before T (default: now, or the window's end)."),
                                      tr("T"));
    const QCommandLineOption inboundOption(QStringLiteral("inbound"),
                                           tr("Inbound failures only (with --outbound: both)."));
    const QCommandLineOption outboundOption(QStringLiteral("outbound"),
                                            tr("Outbound failures only (with --inbound: both)."));
    const QCommandLineOption localOption(QStringLiteral("include-local"),
                                         tr("Include local hops (loopback peers and local transports)."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         tr("At most N addresses per side and peer (default 20)."), tr("N"),
                                         QStringLiteral("20"));
    const QCommandLineOption csvOption(QStringLiteral("csv"), tr("Also write CSV here (- for standard output)."),
                                       tr("FILE"));
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("The database (default: the one the window uses)."),
                                      tr("PATH"));
    parser.addOptions({campaignOption, fromOption, toOption, inboundOption, outboundOption, localOption, limitOption,
                       csvOption, dbOption});
    QStringList args = arguments;
    args.removeAt(1); // "campaign"
    args.removeAt(1); // "failures"
    if (!parser.parse(args)) {
        CommandLine::printError(parser.errorText());
        return CommandLine::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        CommandLine::printOut(CommandLine::helpText(parser, QStringLiteral("campaign failures")));
        return CommandLine::Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        CommandLine::printError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
        return CommandLine::Usage;
    }
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < 1) {
        CommandLine::printError(tr("--limit: \"%1\" is not a positive number").arg(parser.value(limitOption)));
        return CommandLine::Usage;
    }
    std::optional<qint64> campaignId;
    if (parser.isSet(campaignOption)) {
        bool ok = false;
        campaignId = parser.value(campaignOption).toLongLong(&ok);
        if (!ok || *campaignId < 1) {
            CommandLine::printError(tr("--campaign: \"%1\" is not a campaign id").arg(parser.value(campaignOption)));
            return CommandLine::Usage;
        }
    }
    if (parser.isSet(toOption) && !parser.isSet(fromOption)) {
        CommandLine::printError(tr("--to needs --from"));
        return CommandLine::Usage;
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    FailureGatherer::Options options;
    options.includeLocal = parser.isSet(localOption);
    options.addressLimit = limit;
    const bool ranged = parser.isSet(fromOption);
    if (ranged) {
        options.to = now;
        if (!readTime(parser, fromOption, now, &options.from)
            || (parser.isSet(toOption) && !readTime(parser, toOption, now, &options.to)))
            return CommandLine::Usage;
        if (options.from >= options.to) {
            CommandLine::printError(tr("--from must be before --to"));
            return CommandLine::Usage;
        }
    }

    const QString storePath = parser.isSet(dbOption)
        ? parser.value(dbOption)
        : TrafficStore::defaultPath();
    QString error;
    std::optional<Campaign> campaign;
    CampaignStore store(storePath);
    if (campaignId || !ranged) {
        if (!store.open(&error)) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        if (campaignId) {
            campaign = store.load(*campaignId, &error);
        } else {
            const QList<Campaign> all = store.list(&error);
            if (error.isEmpty() && all.isEmpty())
                error
                    = tr("there are no campaigns in %1; give --from and --to").arg(QDir::toNativeSeparators(storePath));
            if (!all.isEmpty())
                campaign = all.constFirst();
        }
        if (!campaign) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        if (!ranged) {
            options.from = campaign->windowStart;
            options.to = campaign->endedAt.value_or(now);
        }
        options.inbound = campaign->inbound;
        options.outbound = campaign->outbound;
        if (campaign->endedAt)
            options.fixedAfter = *campaign->endedAt;
    }
    if (parser.isSet(inboundOption) || parser.isSet(outboundOption)) {
        options.inbound = parser.isSet(inboundOption);
        options.outbound = parser.isSet(outboundOption);
    }

    std::optional<QList<CampaignPeer>> peers = FailureGatherer::gather(storePath, options, &error);
    if (!peers) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    if (campaign) {
        auto gathered = [&options](const CampaignPeer &peer) {
            return peer.direction == Direction::Inbound ? options.inbound : options.outbound;
        };
        // A gathering of one direction replaces that direction's peers only.
        const QList<CampaignPeer> before = store.peers(campaign->id, &error);
        if (!error.isEmpty()) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        QList<CampaignPeer> replacing = *peers;
        for (const CampaignPeer &peer : before) {
            if (!gathered(peer))
                replacing << peer;
        }
        for (CampaignPeer &peer : replacing)
            peer.campaignId = campaign->id;
        if (!store.replacePeers(campaign->id, replacing, now, &error)) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        // What the campaign now holds: peers fixed before keep that.
        const QList<CampaignPeer> saved = store.peers(campaign->id, &error);
        if (!error.isEmpty()) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
        peers->clear();
        for (const CampaignPeer &peer : saved) {
            if (gathered(peer))
                *peers << peer;
        }
    }

    const std::optional<qint64> shownId = campaign ? std::optional<qint64>(campaign->id) : std::nullopt;
    const QString csvPath = parser.value(csvOption);
    const bool csvOut = csvPath == QLatin1String("-");
    if (!csvOut)
        CommandLine::printOut(FailureReport::table(*peers, options.from, options.to, shownId));
    if (parser.isSet(csvOption)) {
        const QString csv = FailureReport::csv(*peers, options.from, options.to, shownId);
        if (csvOut) {
            CommandLine::printOut(csv);
        } else if (!CsvFile::write(csvPath, csv, &error)) {
            CommandLine::printError(error);
            return CommandLine::Failed;
        }
    }
    return CommandLine::Ok;
}

} // namespace mailtls
