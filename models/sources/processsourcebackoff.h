#pragma once

#include <functional>

namespace mailtls {

// How long a source waits before it runs its command again after a failure:
// the first delay, doubled after every failure in a row up to a cap, each
// stretched or shrunk by up to a fifth at random so that many sources cut off
// by one outage do not all knock at the same moment when it ends.
class ProcessSourceBackoff final
{
public:
    // `random` returns a number in [0, 1); empty: Qt's global generator.
    explicit ProcessSourceBackoff(int firstMs = 1000, int capMs = 60000,
                                  std::function<double()> random = {});

    // The delay before the next attempt, in milliseconds; counts one failure.
    int nextDelay();
    // A run went well: the next failure waits the first delay again.
    void reset() { m_failures = 0; }

    int failures() const { return m_failures; }
    int firstMs() const { return m_firstMs; }
    int capMs() const { return m_capMs; }

private:
    int m_firstMs;
    int m_capMs;
    std::function<double()> m_random;
    int m_failures = 0;
};

} // namespace mailtls
