// mailtls_loggen: writes a realistic Postfix mail.log of a small site, and,
// with --expect, the per-peer figures COUNTING.md gives for exactly that log.

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/logwriter.h"
#include "tests/bench/loggen/trafficgenerator.h"

namespace {

using namespace mailtls::bench;

void usage(std::FILE *out)
{
    std::fputs("Usage: mailtls_loggen --lines N --seed S [--start 2026-11-01T00:00:00] [--days D]\n"
               "                      [--format maillog|syslog|rfc3339] [--host NAME] [--expect]\n"
               "\n"
               "Writes N lines of a Postfix log (with some Dovecot and OpenDKIM lines) to standard\n"
               "output. The same arguments always give the same log. Times are UTC.\n"
               "\n"
               "  --lines N     number of lines (exact)\n"
               "  --seed S      random seed (a number)\n"
               "  --start T     time of the first line (UTC), default 2026-11-01T00:00:00\n"
               "  --days D      days the log spans, default N / 20000 (at least 1)\n"
               "  --format F    maillog: Postfix maillog_file stamps (\"Nov 05 10:00:00\", default)\n"
               "                syslog:  classic syslog stamps (\"Nov  5 10:00:00\")\n"
               "                rfc3339: \"2026-11-05T10:00:00.123456+00:00\"\n"
               "  --host NAME   host name field of each line, default \"mail\"\n"
               "  --expect      print instead the figures of that log as CSV, per direction and\n"
               "                peer, counted by COUNTING.md without local hops (the columns and row\n"
               "                order of `mailtls report --format csv`)\n",
               out);
}

bool parseInteger(const char *text, std::int64_t &value)
{
    errno = 0;
    char *end = nullptr;
    const long long v = std::strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        return false;
    value = v;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t lines = -1;
    std::int64_t seed = -1;
    std::int64_t start = 0;
    double days = -1;
    StampFormat format = StampFormat::Maillog;
    std::string host = "mail";
    bool expect = false;
    LogClock::parseIso("2026-11-01T00:00:00", start);

    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "mailtls_loggen: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--lines") {
            if (!parseInteger(value("--lines"), lines) || lines < 0) {
                std::fprintf(stderr, "mailtls_loggen: --lines: a number of lines (0 or more), please\n");
                return 2;
            }
        } else if (arg == "--seed") {
            if (!parseInteger(value("--seed"), seed) || seed < 0) {
                std::fprintf(stderr, "mailtls_loggen: --seed: a non-negative number, please\n");
                return 2;
            }
        } else if (arg == "--start") {
            const char *text = value("--start");
            if (!LogClock::parseIso(text, start)) {
                std::fprintf(stderr, "mailtls_loggen: --start: expected YYYY-MM-DDTHH:MM:SS (UTC), got \"%s\"\n",
                             text);
                return 2;
            }
        } else if (arg == "--days") {
            const char *text = value("--days");
            char *end = nullptr;
            days = std::strtod(text, &end);
            if (end == text || *end != '\0' || !(days > 0) || days > 3650) {
                std::fprintf(stderr, "mailtls_loggen: --days: a number of days above 0, please\n");
                return 2;
            }
        } else if (arg == "--format") {
            const std::string f = value("--format");
            if (f == "maillog")
                format = StampFormat::Maillog;
            else if (f == "syslog")
                format = StampFormat::Syslog;
            else if (f == "rfc3339")
                format = StampFormat::Rfc3339;
            else {
                std::fprintf(stderr, "mailtls_loggen: --format: maillog, syslog or rfc3339, not \"%s\"\n", f.c_str());
                return 2;
            }
        } else if (arg == "--host") {
            host = value("--host");
            if (host.empty() || host.find_first_of(" \t\n") != std::string::npos) {
                std::fprintf(stderr, "mailtls_loggen: --host: one word, please\n");
                return 2;
            }
        } else if (arg == "--expect") {
            expect = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else {
            std::fprintf(stderr, "mailtls_loggen: unknown argument \"%s\"\n\n", arg.c_str());
            usage(stderr);
            return 2;
        }
    }
    if (lines < 0 || seed < 0) {
        std::fprintf(stderr, "mailtls_loggen: --lines and --seed are required\n\n");
        usage(stderr);
        return 2;
    }
    if (days < 0)
        days = lines / 20000 > 1 ? static_cast<double>(lines / 20000) : 1.0;

    LogClock clock(format, host);
    LogWriter writer(clock, expect ? nullptr : stdout);
    TrafficGenerator generator(static_cast<std::uint64_t>(seed), lines);
    generator.run(writer, start, days);
    if (expect)
        generator.expected().writeCsv(stdout);
    if (writer.failed() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "mailtls_loggen: cannot write to standard output: %s\n", std::strerror(errno));
        return 1;
    }
    return 0;
}
