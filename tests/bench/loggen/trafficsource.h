#pragma once

#include <cstdint>

#include "tests/bench/loggen/expectedfigures.h"
#include "tests/bench/loggen/logwriter.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"

namespace mailtls::bench {

// The traffic of a small site's mail server over days, whatever MTA logs it:
// every MTA's generator draws the same kinds of traffic with the same weights
// from the same world, so logs of one seed in different formats carry the same
// mix. Every scenario is written whole (no session is cut at the end of the
// log), so the figures counted while writing are exact.
class TrafficSource
{
public:
    enum class Kind {
        InboundMail, InboundReject, PostscreenDrop, InboundLost, Submission, BruteForce, Cron,
        WebappBurst, Imap, LocalMonitor, Anvil, Reload,
    };

    virtual ~TrafficSource() = default;
    TrafficSource(const TrafficSource &) = delete;
    TrafficSource &operator=(const TrafficSource &) = delete;

    // Writes exactly `lines` lines from `start` (microseconds, UTC) over about `days` days.
    void run(LogWriter &writer, std::int64_t start, double days);
    const ExpectedFigures &expected() const { return m_expected; }

protected:
    explicit TrafficSource(std::int64_t lines)
        : m_lines(lines)
    {
    }

    virtual Random &random() = 0;
    // One scenario of that kind, starting at `t`. PostscreenDrop, Anvil and the
    // like are named after Postfix's lines; another MTA writes its own
    // counterpart (a connection dropped before SMTP, a rate limit).
    virtual void build(Kind kind, Scenario &scenario, std::int64_t t) = 0;
    // One line that counts for nothing, to fill up to the exact length.
    virtual void filler(Scenario &scenario, std::int64_t t) = 0;
    // Forget processes that have exited by `t`.
    virtual void prune(std::int64_t t) = 0;

private:
    Kind pickKind(double intensity);

    std::int64_t m_lines;
    ExpectedFigures m_expected;
};

} // namespace mailtls::bench
