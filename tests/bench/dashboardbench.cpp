// Dashboard query benchmark: how long each page's figures take on a big store.
//
//   mailtls_dashboardbench [--db FILE] [--messages N] [--peers N] [--days N]
//                          [--seed N] [--repeat N]
//
// Without --db, or with a --db that does not exist yet, fills a store with
// synthetic records of a busy small site (SyntheticStore; default one year,
// 2,000,000 messages, 5,000 peers) straight through TrafficStore::writeBatch,
// and reports how long that took. Then opens the store as the window would and
// times each query of the Overview, Peers, Peer detail and TLS quality pages
// for the usual ranges (all, 30 d, 7 d, 24 h before the last record) and for
// filter changes (one direction, grouping by domain). Each figure is the best
// of --repeat runs (default 3), in milliseconds. Builds nothing, talks to no
// network.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include "models/store/trafficstore.h"
#include "tests/bench/syntheticstore.h"

using namespace mailtls;

namespace {

int repeat = 3;

// Best of `repeat` runs, in milliseconds.
double best(const std::function<void()> &work)
{
    double fastest = std::numeric_limits<double>::max();
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        fastest = std::min(fastest, double(timer.nsecsElapsed()) / 1e6);
    }
    return fastest;
}

void print(const char *what, const QString &range, double ms, qint64 items = -1)
{
    if (items >= 0)
        std::printf("%-34s %-10s %9.1f ms  (%lld)\n", what, qPrintable(range), ms, items);
    else
        std::printf("%-34s %-10s %9.1f ms\n", what, qPrintable(range), ms);
    std::fflush(stdout);
}

void fail(const QString &error)
{
    std::fprintf(stderr, "mailtls_dashboardbench: %s\n", qPrintable(error));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Store to use (filled when missing)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"), QStringLiteral("Messages to generate."),
                                            QStringLiteral("N"), QStringLiteral("2000000"));
    const QCommandLineOption peersOption(QStringLiteral("peers"), QStringLiteral("Peers to generate."),
                                         QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption daysOption(QStringLiteral("days"), QStringLiteral("Days to spread them over."),
                                        QStringLiteral("N"), QStringLiteral("365"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Generator seed."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs per figure (best counts)."),
                                          QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({dbOption, messagesOption, peersOption, daysOption, seedOption, repeatOption});
    parser.process(app);
    repeat = std::max(1, parser.value(repeatOption).toInt());

    QTemporaryDir scratch;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                                                 : scratch.filePath(QStringLiteral("dashboard.sqlite"));
    QString error;
    if (!QFileInfo::exists(path)) {
        SyntheticStore::Options options;
        options.messages = parser.value(messagesOption).toLongLong();
        options.peers = parser.value(peersOption).toInt();
        options.days = parser.value(daysOption).toInt();
        options.seed = parser.value(seedOption).toUInt();
        options.start = 20000LL * 86400; // 2024-10-04
        TrafficStore writer(path);
        if (!writer.open(&error))
            fail(error);
        QElapsedTimer timer;
        timer.start();
        SyntheticStore::Written written;
        if (!SyntheticStore::fill(writer, options, &written, &error))
            fail(error);
        std::printf("filled %s: %lld transfers, %lld connections, %lld TLS failures in %.1f s\n",
                    qPrintable(path), written.transfers, written.connections, written.failures,
                    double(timer.elapsed()) / 1000.0);
    }

    // Opening as the window does: a new connection, schema checked.
    TrafficStore store(path);
    print("open store", QStringLiteral("-"), best([&] {
              TrafficStore other(path);
              if (!other.open(&error))
                  fail(error);
          }));
    if (!store.open(&error))
        fail(error);

    ReportFilter all;
    const QList<PeerRow> everyone = store.peerRows(all, PeerColumns::Everything, &error);
    if (!error.isEmpty())
        fail(error);
    qint64 last = 0;
    for (const PeerRow &row : everyone)
        last = std::max(last, row.lastSeen.value_or(0));

    struct Range
    {
        QString name;
        ReportFilter filter;
    };
    QList<Range> ranges;
    ranges.append({QStringLiteral("all"), all});
    for (const auto &[name, seconds] : {std::pair(QStringLiteral("30d"), 30 * 86400LL),
                                        std::pair(QStringLiteral("7d"), 7 * 86400LL),
                                        std::pair(QStringLiteral("24h"), 86400LL)}) {
        ReportFilter filter;
        filter.since = last + 1 - seconds;
        ranges.append({name, filter});
    }
    {
        ReportFilter inbound = all;
        inbound.directions = {Direction::Inbound};
        ranges.append({QStringLiteral("all/in"), inbound});
        ReportFilter domains = all;
        domains.groupBy = ReportFilter::GroupBy::Domain;
        ranges.append({QStringLiteral("all/domain"), domains});
        ReportFilter month = ranges.at(1).filter;
        month.directions = {Direction::Outbound};
        ranges.append({QStringLiteral("30d/out"), month});
    }

    for (const Range &range : std::as_const(ranges)) {
        qint64 items = 0;
        const double overview = best([&] {
            const OverviewFigures figures = store.overview(range.filter, OverviewOptions(), &error);
            items = figures.trend.points.size();
        });
        if (!error.isEmpty())
            fail(error);
        print("overview (trend points)", range.name, overview, items);
        const double figuresOnly = best([&] {
            items = store.peerRows(range.filter, PeerColumns::Figures, &error).size();
        });
        if (!error.isEmpty())
            fail(error);
        print("peer table, figures (rows)", range.name, figuresOnly, items);
        const double rows = best([&] {
            items = store.peerRows(range.filter, PeerColumns::Everything, &error).size();
        });
        if (!error.isEmpty())
            fail(error);
        print("peer table, all columns (rows)", range.name, rows, items);
        const double figures = best([&] { items = store.peerFigures(range.filter, &error).size(); });
        print("  peerFigures(), for comparison", range.name, figures, items);
        const double quality = best([&] { items = store.tlsQuality(range.filter, &error).ciphers.size(); });
        if (!error.isEmpty())
            fail(error);
        print("TLS quality (ciphers)", range.name, quality, items);
        print("first paint: all three", range.name, overview + rows + quality);
    }

    // Peer detail: the busiest peer, and one from the long tail.
    QList<PeerRow> inbound;
    for (const PeerRow &row : everyone)
        if (row.figures.direction == Direction::Inbound)
            inbound.append(row);
    if (!inbound.isEmpty()) {
        for (const PeerRow &row : {inbound.first(), inbound.at(inbound.size() / 2)}) {
            for (const Range &range : {ranges.at(0), ranges.at(1)}) {
                PeerDetail detail;
                const double ms = best([&] {
                    detail = store.peerDetail(range.filter, row.figures.peer, PeerDetailOptions(), &error);
                });
                if (!error.isEmpty())
                    fail(error);
                print(qPrintable(QStringLiteral("peer detail %1 msgs").arg(row.figures.messages)), range.name, ms,
                      detail.connections.size());
                if (!detail.connections.isEmpty()) {
                    const double lookup = best([&] {
                        store.provenance(RecordKind::Connection, detail.connections.first().id, &error);
                    });
                    print("  provenance of a connection", range.name, lookup);
                }
            }
        }
    }
    return 0;
}
