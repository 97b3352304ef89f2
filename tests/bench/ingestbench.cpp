// mailtls_bench: how fast a log is read and turned into records, the way every
// import and report does (LogReader -> LinePrefixParser -> PostfixParser ->
// LogAssembler), without the store: on one thread (LineIngest), or spread
// over the cores as `mailtls import` reads (ParallelIngest), with the records
// handed to another thread as the importer hands them to the store writer.

#include <sys/resource.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <QHash>
#include <QString>
#include <QTimeZone>

#include "models/ingest/lineingest.h"
#include "models/ingest/logreader.h"
#include "models/ingest/parallelingest.h"
#include "models/logs/records.h"
#include "models/logs/logassembler.h"

namespace {

// The importer hands records over in batches of this many lines.
constexpr std::int64_t BatchLines = 65536;

struct RunFigures
{
    std::int64_t lines = 0;
    std::int64_t unrecognised = 0;
    std::int64_t transfers = 0;
    std::int64_t connections = 0;
    std::int64_t failures = 0;
    double seconds = 0;
};

void count(const mailtls::AssemblerOutput &out, RunFigures &figures)
{
    figures.transfers += static_cast<std::int64_t>(out.transfers.size());
    figures.connections += static_cast<std::int64_t>(out.connections.size());
    figures.failures += static_cast<std::int64_t>(out.failures.size());
}

void countUnrecognised(const QHash<QString, qint64> &counts, RunFigures &figures)
{
    for (qint64 n : counts)
        figures.unrecognised += n;
}

// Where the store writer would be: takes the assembler's batches on a thread of
// its own, counts them and hands them back for the assembler to reuse, as the
// writer does once it has stored them. At most two wait, as for the writer.
class RecordSink
{
public:
    explicit RecordSink(RunFigures &figures)
        : m_figures(figures)
        , m_thread(&RecordSink::run, this)
    {
    }
    ~RecordSink() { finish(); }

    void push(mailtls::AssemblerOutput out)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_room.wait(lock, [this] { return m_batches.size() < 2; });
        m_batches.push_back(std::move(out));
        m_work.notify_one();
    }

    // Batches counted since the last call.
    std::vector<mailtls::AssemblerOutput> takeSpent()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return std::exchange(m_spent, {});
    }

    void finish()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_done = true;
        }
        m_work.notify_one();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            m_work.wait(lock, [this] { return m_done || !m_batches.empty(); });
            if (m_batches.empty())
                return;
            mailtls::AssemblerOutput out = std::move(m_batches.front());
            m_batches.pop_front();
            m_room.notify_one();
            lock.unlock();
            count(out, m_figures);
            lock.lock();
            m_spent.push_back(std::move(out));
        }
    }

    RunFigures &m_figures;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_room;
    std::deque<mailtls::AssemblerOutput> m_batches;
    std::vector<mailtls::AssemblerOutput> m_spent;
    bool m_done = false;
    std::thread m_thread;
};

// Everything on the calling thread, records dropped there too.
bool runOneThread(mailtls::LogReader &reader, RunFigures &figures)
{
    mailtls::LogAssembler assembler;
    mailtls::LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(reader.modificationTime());
    std::string_view line;
    std::int64_t offset = 0;
    std::int64_t sinceTake = 0;
    while (reader.nextLine(line, offset)) {
        ingest.ingest(line, offset, assembler);
        if (++sinceTake == BatchLines) {
            count(assembler.takeOutput(), figures);
            sinceTake = 0;
        }
    }
    assembler.finish();
    count(assembler.takeOutput(), figures);
    figures.lines = ingest.takeLines();
    countUnrecognised(ingest.takeUnrecognised(), figures);
    return reader.error().isEmpty();
}

bool runParallel(mailtls::LogReader &reader, int threads, std::int64_t blockKib, RunFigures &figures)
{
    std::string_view line;
    std::int64_t offset = 0;
    if (!reader.nextLine(line, offset))
        return reader.error().isEmpty();
    mailtls::LogAssembler assembler;
    RecordSink sink(figures);
    mailtls::ParallelIngest::Options options;
    options.threads = threads;
    if (blockKib > 0)
        options.blockBytes = blockKib * 1024;
    options.boundaryLines = BatchLines;
    mailtls::ParallelIngest ingest(reader, QTimeZone::utc(), options);
    ingest.setReferenceTime(reader.modificationTime());
    ingest.start(line, offset);
    mailtls::ParallelIngest::Fed fed;
    std::int64_t sinceTake = 0;
    while (ingest.feedNext(assembler, fed)) {
        sinceTake += fed.lines;
        if (sinceTake >= BatchLines) {
            for (mailtls::AssemblerOutput &spent : sink.takeSpent())
                assembler.recycle(std::move(spent));
            sink.push(assembler.takeOutput());
            sinceTake = 0;
        }
    }
    assembler.finish();
    sink.push(assembler.takeOutput());
    sink.finish();
    figures.lines = ingest.takeLines();
    countUnrecognised(ingest.takeUnrecognised(), figures);
    return reader.error().isEmpty();
}

bool runOnce(const QString &path, bool oneThread, int threads, std::int64_t blockKib, RunFigures &figures,
             QString *error)
{
    const auto started = std::chrono::steady_clock::now();
    mailtls::LogReader reader(path);
    if (!reader.open(error))
        return false;
    reader.setIncludeUnterminated(true);
    if (!(oneThread ? runOneThread(reader, figures) : runParallel(reader, threads, blockKib, figures))) {
        *error = reader.error();
        return false;
    }
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    const char *help = "Usage: mailtls_bench [--repeat N] [--one-thread | --threads N] [--block-kib N] FILE\n"
                       "  --one-thread: read, parse and correlate on the calling thread;\n"
                       "  --threads N: parse on N threads beside the reading and the correlating one\n"
                       "  (default: one per core besides the correlating one's, at least one; 0: the\n"
                       "  correlating thread parses too);\n"
                       "  --block-kib N: lines are parsed in blocks of about N KiB (default: as the importer).\n";
    int repeat = 1;
    bool oneThread = false;
    int threads = -1;
    std::int64_t blockKib = 0;
    const char *file = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            threads = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--block-kib") == 0 && i + 1 < argc) {
            blockKib = std::atoll(argv[++i]);
        } else if (std::strcmp(argv[i], "--one-thread") == 0) {
            oneThread = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            std::fputs(help, stderr);
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (!file || repeat < 1 || threads < -1 || blockKib < 0) {
        std::fputs(help, stderr);
        return 2;
    }
    RunFigures best;
    for (int r = 0; r < repeat; ++r) {
        RunFigures figures;
        QString error;
        if (!runOnce(QString::fromLocal8Bit(file), oneThread, threads, blockKib, figures, &error)) {
            std::fprintf(stderr, "mailtls_bench: %s\n", error.toLocal8Bit().constData());
            return 1;
        }
        if (r == 0 || figures.seconds < best.seconds)
            best = figures;
    }
    struct rusage usage;
    std::memset(&usage, 0, sizeof usage);
    getrusage(RUSAGE_SELF, &usage);
    // One line of key=value pairs: tests/bench/run.sh reads it.
    std::printf("mode=%s lines=%lld events=%lld unrecognised=%lld transfers=%lld connections=%lld "
                "failures=%lld seconds=%.3f lines_per_second=%.0f peak_rss_kib=%ld\n",
                oneThread ? "one-thread" : "parallel", static_cast<long long>(best.lines),
                static_cast<long long>(best.lines - best.unrecognised),
                static_cast<long long>(best.unrecognised), static_cast<long long>(best.transfers),
                static_cast<long long>(best.connections), static_cast<long long>(best.failures), best.seconds,
                best.seconds > 0 ? static_cast<double>(best.lines) / best.seconds : 0.0, usage.ru_maxrss);
    return 0;
}
