// mailtls_bench: how fast one thread reads a log and turns it into records,
// the way every import and report does (LogReader -> LinePrefixParser ->
// PostfixParser -> SessionAssembler), without the store.

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <QByteArray>
#include <QString>
#include <QTimeZone>

#include "models/ingest/logreader.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/logevent.h"
#include "models/logs/logline.h"
#include "models/logs/postfixparser.h"
#include "models/logs/records.h"
#include "models/logs/sessionassembler.h"

namespace {

struct RunFigures
{
    std::int64_t lines = 0;
    std::int64_t fed = 0;
    std::int64_t unrecognised = 0;
    std::int64_t transfers = 0;
    std::int64_t connections = 0;
    std::int64_t failures = 0;
    double seconds = 0;
};

void take(mailtls::SessionAssembler &assembler, RunFigures &figures)
{
    const mailtls::AssemblerOutput out = assembler.takeOutput();
    figures.transfers += static_cast<std::int64_t>(out.transfers.size());
    figures.connections += static_cast<std::int64_t>(out.connections.size());
    figures.failures += static_cast<std::int64_t>(out.failures.size());
}

bool runOnce(const QString &path, RunFigures &figures, QString *error)
{
    const auto started = std::chrono::steady_clock::now();
    mailtls::LogReader reader(path);
    if (!reader.open(error))
        return false;
    reader.setIncludeUnterminated(true);
    mailtls::LinePrefixParser prefix(QTimeZone::utc());
    prefix.setReferenceTime(reader.modificationTime());
    const mailtls::PostfixParser parser;
    mailtls::SessionAssembler assembler;

    std::string_view line;
    std::int64_t offset = 0;
    std::int64_t sinceTake = 0;
    while (reader.nextLine(line, offset)) {
        ++figures.lines;
        mailtls::LogLine parsed;
        if (!prefix.parse(line, parsed) || !mailtls::PostfixParser::isPostfixProgram(parsed.program)) {
            ++figures.unrecognised;
        } else {
            const mailtls::LogEvent event = parser.parse(parsed);
            if (event.kind == mailtls::EventKind::Unrecognised) {
                ++figures.unrecognised;
            } else {
                assembler.feed(parsed, event, offset);
                ++figures.fed;
            }
        }
        // The importer hands records over in batches of this many lines.
        if (++sinceTake == 65536) {
            take(assembler, figures);
            sinceTake = 0;
        }
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    assembler.finish();
    take(assembler, figures);
    figures.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    int repeat = 1;
    const char *file = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            std::fprintf(stderr, "Usage: mailtls_bench [--repeat N] FILE\n");
            return 2;
        } else {
            file = argv[i];
        }
    }
    if (!file || repeat < 1) {
        std::fprintf(stderr, "Usage: mailtls_bench [--repeat N] FILE\n");
        return 2;
    }
    RunFigures best;
    for (int r = 0; r < repeat; ++r) {
        RunFigures figures;
        QString error;
        if (!runOnce(QString::fromLocal8Bit(file), figures, &error)) {
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
    std::printf("lines=%lld events=%lld unrecognised=%lld transfers=%lld connections=%lld failures=%lld "
                "seconds=%.3f lines_per_second=%.0f peak_rss_kib=%ld\n",
                static_cast<long long>(best.lines), static_cast<long long>(best.fed),
                static_cast<long long>(best.unrecognised), static_cast<long long>(best.transfers),
                static_cast<long long>(best.connections), static_cast<long long>(best.failures), best.seconds,
                best.seconds > 0 ? static_cast<double>(best.lines) / best.seconds : 0.0, usage.ru_maxrss);
    return 0;
}
