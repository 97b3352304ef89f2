// Follow benchmark: how fast lines written to a log reach the store, and how
// long each waits on the way.
//
//   mailtls_followbench --log FILE [--rate N] [--seconds S]
//
// Runs the app's own pipeline (FileSource -> SourceFollower -> StoreWriter ->
// SQLite in WAL mode) in this process on a temporary file, and a writer thread
// that appends lines of FILE to it, as a syslog daemon would:
//   1. paced: N lines a second (default 10,000) for S seconds (default 20), in
//      writes every 10 ms; the latency of a line is the time from its write to
//      the commit of the batch that stores it (the oldest line of each batch
//      is the one measured, so the figures are worst cases per batch);
//   2. burst: every line of FILE appended at once; the time until the last
//      one is stored gives lines per second from append to stored.
// Prints one "key value" line per figure. Builds nothing, talks to no network.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include "models/sources/filesource.h"
#include "models/sources/sourcefollower.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

using namespace mailtls;

namespace {

struct Write
{
    qint64 endOffset;   // file size after the write
    qint64 atNs;        // when it was written
};

// What the writer thread wrote and when: the store's commits are matched
// against it to find each batch's oldest line.
struct WriteLog
{
    std::mutex mutex;
    std::vector<Write> writes;

    // Time of the write that holds byte `offset`.
    qint64 timeOfByte(qint64 offset)
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = std::upper_bound(writes.begin(), writes.end(), offset,
                                   [](qint64 value, const Write &w) { return value < w.endOffset; });
        return it == writes.end() ? -1 : it->atNs;
    }
};

qint64 nowNs(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

// One run: a fresh store and log, `writer` appending, until `totalBytes` are stored.
struct Run
{
    std::vector<double> latenciesMs;
    double seconds = 0;
    qint64 lines = 0;
};

Run follow(const QList<QByteArray> &lines, int rate, int seconds, bool burst)
{
    Run run;
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("mail.log"));
    const QString dbPath = dir.filePath(QStringLiteral("follow.sqlite"));
    QFile(logPath).open(QIODevice::WriteOnly);

    StoreWriter writer(dbPath);
    QString error;
    if (!writer.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    SourceRecord record;
    {
        TrafficStore store(dbPath);
        store.open(&error);
        record.id = store.defineSource(logPath, logPath, logPath, &error);
        record.name = logPath;
    }
    SourceFollower::Options options;
    options.zone = QTimeZone::utc();
    SourceFollower follower(writer, std::make_unique<FileSource>(logPath), record, options);

    QElapsedTimer clock;
    clock.start();
    WriteLog writes;
    std::atomic<qint64> totalBytes{-1};
    std::atomic<qint64> storedBytes{0};
    qint64 previous = 0;
    QObject::connect(&writer, &StoreWriter::batchWritten, &writer,
                     [&](qint64, qint64 position) {
                         const qint64 at = nowNs(clock);
                         if (position > previous) {
                             const qint64 written = writes.timeOfByte(previous);
                             if (written >= 0)
                                 run.latenciesMs.push_back(double(at - written) / 1e6);
                             previous = position;
                         }
                         storedBytes.store(position);
                     },
                     Qt::DirectConnection);

    const int count = burst ? int(lines.size()) : std::min<int>(int(lines.size()), rate * seconds);
    std::thread appender([&] {
        QFile log(logPath);
        log.open(QIODevice::Append);
        qint64 size = 0;
        const int perTick = burst ? count : std::max(1, rate / 100);
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0, tick = 0; i < count; ++tick) {
            QByteArray chunk;
            for (int n = 0; n < perTick && i < count; ++n, ++i)
                chunk += lines[i];
            log.write(chunk);
            log.flush();
            size += chunk.size();
            {
                std::lock_guard<std::mutex> lock(writes.mutex);
                writes.writes.push_back({size, nowNs(clock)});
            }
            if (!burst)
                std::this_thread::sleep_until(start + std::chrono::milliseconds(10 * (tick + 1)));
        }
        totalBytes.store(size);
    });

    const qint64 begin = nowNs(clock);
    follower.start();
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &check, [&] {
        const qint64 total = totalBytes.load();
        if (total >= 0 && storedBytes.load() >= total)
            QCoreApplication::quit();
    });
    check.start();
    QCoreApplication::exec();
    run.seconds = double(nowNs(clock) - begin) / 1e9;
    run.lines = count;
    appender.join();
    follower.stop();
    writer.waitUntilWritten(&error);
    writer.stop();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString logPath;
    int rate = 10000;
    int seconds = 20;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--log") && i + 1 < args.size())
            logPath = args[++i];
        else if (args[i] == QLatin1String("--rate") && i + 1 < args.size())
            rate = args[++i].toInt();
        else if (args[i] == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args[++i].toInt();
        else {
            std::fprintf(stderr, "usage: mailtls_followbench --log FILE [--rate N] [--seconds S]\n");
            return 2;
        }
    }
    QFile file(logPath);
    if (logPath.isEmpty() || !file.open(QIODevice::ReadOnly) || rate <= 0 || seconds <= 0) {
        std::fprintf(stderr, "usage: mailtls_followbench --log FILE [--rate N] [--seconds S]\n");
        return 2;
    }
    QList<QByteArray> lines;
    while (!file.atEnd())
        lines.append(file.readLine());

    const Run paced = follow(lines, rate, seconds, false);
    std::printf("paced_rate %d\n", rate);
    std::printf("paced_lines %lld\n", static_cast<long long>(paced.lines));
    std::printf("paced_batches %zu\n", paced.latenciesMs.size());
    std::printf("latency_p50_ms %.1f\n", percentile(paced.latenciesMs, 0.50));
    std::printf("latency_p99_ms %.1f\n", percentile(paced.latenciesMs, 0.99));
    std::printf("latency_max_ms %.1f\n", percentile(paced.latenciesMs, 1.0));

    const Run burst = follow(lines, rate, seconds, true);
    std::printf("burst_lines %lld\n", static_cast<long long>(burst.lines));
    std::printf("burst_seconds %.2f\n", burst.seconds);
    std::printf("burst_lines_per_second %.0f\n", double(burst.lines) / burst.seconds);
    return 0;
}
