#pragma once

#include <cstdint>
#include <vector>

#include "tests/bench/loggen/random.h"

namespace mailtls::bench {

// The pids of one kind of Postfix process (smtpd, smtp, cleanup, …) over time.
// A process serves one job at a time, lives on while it keeps getting work
// (max_idle), and is replaced after max_use jobs, so pids repeat the way they
// do on a real server and a pid's lines never overlap two jobs.
class ProcessPool final
{
public:
    // `nextPid` is shared by all pools: new processes get rising pids.
    ProcessPool(Random &random, std::int64_t &nextPid, std::int64_t maxIdleMicros = 100000000, int maxUse = 100);

    // A process idle at `t`, or a new one. A process whose last job carried the
    // key `avoid` (non-zero) is not chosen: see OutboundDelivery.
    std::int64_t acquire(std::int64_t t, std::uint64_t avoid = 0);
    // The job of `pid` ends at `until`; `key` identifies it for acquire(avoid).
    void release(std::int64_t pid, std::int64_t until, std::uint64_t key = 0);
    // Forgets processes that have exited by `now`, the earliest time asked for from now on.
    void prune(std::int64_t now);

private:
    struct Process
    {
        std::int64_t pid = 0;
        std::int64_t busyUntil = 0;
        std::uint64_t lastKey = 0;
        int uses = 0;
    };

    Random &m_random;
    std::int64_t &m_nextPid;
    std::int64_t m_maxIdle;
    int m_maxUse;
    std::vector<Process> m_processes;
};

} // namespace mailtls::bench
