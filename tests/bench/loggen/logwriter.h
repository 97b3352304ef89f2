#pragma once

#include <cstdint>
#include <cstdio>
#include <queue>
#include <string>
#include <vector>

#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/scenario.h"

namespace mailtls::bench {

// Puts the lines of overlapping scenarios into time order, as one syslog
// stream interleaves concurrent processes, and writes them out.
class LogWriter final
{
public:
    // `out` null: lines are ordered and counted but not written.
    LogWriter(LogClock &clock, std::FILE *out);
    ~LogWriter();
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    // Takes the scenario's lines (the scenario is left without them).
    void schedule(Scenario &scenario);
    // Writes every line stamped at or before `t`.
    void flushThrough(std::int64_t t);
    void flushAll();
    std::int64_t written() const { return m_written; }
    bool failed() const { return m_failed; }

private:
    struct Pending
    {
        std::int64_t t;
        std::uint64_t seq;
        std::string text;
        bool operator>(const Pending &other) const
        {
            return t != other.t ? t > other.t : seq > other.seq;
        }
    };

    void emit(const Pending &line);
    void drain();

    LogClock &m_clock;
    std::FILE *m_out;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> m_pending;
    std::uint64_t m_seq = 0;
    std::int64_t m_written = 0;
    std::string m_buffer;
    bool m_failed = false;
};

} // namespace mailtls::bench
