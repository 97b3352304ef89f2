#include "tests/bench/loggen/processpool.h"

#include <limits>

namespace mailtls::bench {

ProcessPool::ProcessPool(Random &random, std::int64_t &nextPid, std::int64_t maxIdleMicros, int maxUse)
    : m_random(random)
    , m_nextPid(nextPid)
    , m_maxIdle(maxIdleMicros)
    , m_maxUse(maxUse)
{
}

std::int64_t ProcessPool::acquire(std::int64_t t, std::uint64_t avoid)
{
    // The most recently idle process gets the job, as with Postfix's master.
    Process *best = nullptr;
    for (Process &p : m_processes) {
        // Busy, exited after max_idle, or worn out after max_use.
        if (p.busyUntil >= t || t - p.busyUntil >= m_maxIdle || p.uses >= m_maxUse
            || (avoid != 0 && p.lastKey == avoid))
            continue;
        if (!best || p.busyUntil > best->busyUntil)
            best = &p;
    }
    if (!best) {
        m_nextPid += m_random.range(1, 37);
        if (m_nextPid > 4194000)
            m_nextPid = 1200 + m_random.range(0, 500);
        m_processes.push_back(Process{m_nextPid, 0, 0, 0});
        best = &m_processes.back();
    }
    best->busyUntil = std::numeric_limits<std::int64_t>::max();
    ++best->uses;
    return best->pid;
}

void ProcessPool::prune(std::int64_t now)
{
    // No job is ever asked for before `now` again: processes idle too long by
    // then have exited for good.
    for (std::size_t i = 0; i < m_processes.size();) {
        const Process &p = m_processes[i];
        if (p.busyUntil < now && (now - p.busyUntil >= m_maxIdle || p.uses >= m_maxUse)) {
            m_processes[i] = m_processes.back();
            m_processes.pop_back();
        } else {
            ++i;
        }
    }
}

void ProcessPool::release(std::int64_t pid, std::int64_t until, std::uint64_t key)
{
    for (Process &p : m_processes) {
        if (p.pid == pid) {
            p.busyUntil = until;
            p.lastKey = key;
            return;
        }
    }
}

} // namespace mailtls::bench
