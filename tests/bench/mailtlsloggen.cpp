// mailtls_loggen: writes a realistic mail log of a small site, as Postfix,
// Sendmail or Exim writes it, and, with --expect, the per-peer figures
// COUNTING.md gives for exactly that log.

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "tests/bench/loggen/eximtraffic.h"
#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/logwriter.h"
#include "tests/bench/loggen/sendmailtraffic.h"
#include "tests/bench/loggen/trafficgenerator.h"

namespace {

using namespace mailtls::bench;

enum class Mta { Postfix, Sendmail, Exim };

void usage(std::FILE *out)
{
    std::fputs("Usage: mailtls_loggen --lines N --seed S [--format postfix|sendmail|exim]\n"
               "                      [--start 2026-11-01T00:00:00] [--days D]\n"
               "                      [--stamp maillog|syslog|rfc3339] [--host NAME] [--expect]\n"
               "\n"
               "Writes N lines of a mail log to standard output. The same arguments always give the\n"
               "same log, and one seed gives the same site, peers and mix of traffic in every format.\n"
               "Times are UTC.\n"
               "\n"
               "  --lines N     number of lines (exact)\n"
               "  --seed S      random seed (a number)\n"
               "  --format F    postfix:  Postfix's mail.log, with Dovecot and OpenDKIM lines (default)\n"
               "                sendmail: Debian's Sendmail (sm-mta, LogLevel 9) in mail.log, with\n"
               "                          Dovecot and OpenDKIM lines\n"
               "                exim:     Debian's Exim 4.96 main log (/var/log/exim4/mainlog)\n"
               "  --start T     time of the first line (UTC), default 2026-11-01T00:00:00\n"
               "  --days D      days the log spans, default N / 20000 (at least 1)\n"
               "  --stamp F     stamps of a syslog-style log (postfix, sendmail):\n"
               "                maillog: Postfix maillog_file stamps (\"Nov 05 10:00:00\", Postfix's default)\n"
               "                syslog:  classic syslog stamps (\"Nov  5 10:00:00\", Sendmail's default)\n"
               "                rfc3339: \"2026-11-05T10:00:00.123456+00:00\"\n"
               "                (--format maillog|syslog|rfc3339 is the same as --stamp)\n"
               "  --host NAME   host name field of each line, default \"mail\"\n"
               "  --expect      print instead the figures of that log as CSV, per direction and\n"
               "                peer, counted by COUNTING.md without local hops (the columns and row\n"
               "                order of `mailtls report --format csv`)\n",
               out);
}

bool parseStamp(const std::string &name, StampFormat &stamp)
{
    if (name == "maillog")
        stamp = StampFormat::Maillog;
    else if (name == "syslog")
        stamp = StampFormat::Syslog;
    else if (name == "rfc3339")
        stamp = StampFormat::Rfc3339;
    else
        return false;
    return true;
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
    Mta mta = Mta::Postfix;
    StampFormat stamp = StampFormat::Maillog;
    bool stampGiven = false;
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
        } else if (arg == "--format" || arg == "--stamp") {
            const std::string f = value(arg.c_str());
            if (parseStamp(f, stamp)) {
                stampGiven = true;
            } else if (arg == "--format" && f == "postfix") {
                mta = Mta::Postfix;
            } else if (arg == "--format" && f == "sendmail") {
                mta = Mta::Sendmail;
            } else if (arg == "--format" && f == "exim") {
                mta = Mta::Exim;
            } else if (arg == "--format") {
                std::fprintf(stderr, "mailtls_loggen: --format: postfix, sendmail or exim, not \"%s\"\n", f.c_str());
                return 2;
            } else {
                std::fprintf(stderr, "mailtls_loggen: --stamp: maillog, syslog or rfc3339, not \"%s\"\n", f.c_str());
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

    if (mta == Mta::Exim && stampGiven) {
        std::fprintf(stderr, "mailtls_loggen: --stamp: Exim's main log has stamps of its own\n");
        return 2;
    }
    if (mta == Mta::Sendmail && !stampGiven)
        stamp = StampFormat::Syslog;
    if (mta == Mta::Exim)
        stamp = StampFormat::EximMain;

    LogClock clock(stamp, host);
    LogWriter writer(clock, expect ? nullptr : stdout);
    const auto seedValue = static_cast<std::uint64_t>(seed);
    std::unique_ptr<TrafficSource> traffic;
    switch (mta) {
    case Mta::Postfix: traffic = std::make_unique<TrafficGenerator>(seedValue, lines); break;
    case Mta::Sendmail: traffic = std::make_unique<SendmailTraffic>(seedValue, lines); break;
    case Mta::Exim: traffic = std::make_unique<EximTraffic>(seedValue, lines); break;
    }
    traffic->run(writer, start, days);
    if (expect)
        traffic->expected().writeCsv(stdout);
    if (writer.failed() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "mailtls_loggen: cannot write to standard output: %s\n", std::strerror(errno));
        return 1;
    }
    return 0;
}
