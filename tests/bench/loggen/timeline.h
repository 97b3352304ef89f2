#pragma once

#include <cstdint>
#include <vector>

namespace mailtls::bench {

// Maps the generator's progress (0 at the first line, 1 at the last) to a time,
// so that traffic follows office hours and quiet weekends, and the log spans
// the days asked for whatever its length.
class Timeline final
{
public:
    Timeline(std::int64_t startMicros, double days);

    // Progress is expected to grow; past 1 the time runs on evenly.
    std::int64_t at(double progress);
    // How busy the server is at `t` relative to the average (about 0.2 .. 1.7).
    double intensity(std::int64_t t) const;

private:
    double weight(std::int64_t minuteIndex) const;

    std::int64_t m_start;
    std::int64_t m_span;
    std::vector<double> m_cumulative;   // per minute, normalised to end at 1
    double m_mean = 1;
    std::size_t m_cursor = 0;
};

} // namespace mailtls::bench
