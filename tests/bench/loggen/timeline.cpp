#include "tests/bench/loggen/timeline.h"

#include <algorithm>

namespace mailtls::bench {

namespace {

constexpr std::int64_t kMinute = 60000000;

// Relative mail volume per hour of day (UTC is the server's clock).
const double kHourly[24] = {0.22, 0.18, 0.16, 0.16, 0.18, 0.28, 0.5, 0.85, 1.25, 1.55, 1.6, 1.5,
                            1.3, 1.4, 1.55, 1.5, 1.4, 1.2, 1.0, 0.9, 0.8, 0.65, 0.45, 0.3};

} // namespace

Timeline::Timeline(std::int64_t startMicros, double days)
    : m_start(startMicros)
    , m_span(static_cast<std::int64_t>(std::max(days, 0.01) * 86400.0 * 1000000.0))
{
    const std::int64_t minutes = std::max<std::int64_t>(1, m_span / kMinute);
    m_cumulative.reserve(static_cast<std::size_t>(minutes) + 1);
    m_cumulative.push_back(0);
    double total = 0;
    for (std::int64_t m = 0; m < minutes; ++m) {
        total += weight(m_start / kMinute + m);
        m_cumulative.push_back(total);
    }
    for (double &c : m_cumulative)
        c /= total;
    m_mean = total / static_cast<double>(minutes);
}

double Timeline::weight(std::int64_t minuteIndex) const
{
    const std::int64_t day = minuteIndex / 1440;
    const int hour = static_cast<int>(minuteIndex % 1440 / 60);
    const int weekday = static_cast<int>((day + 4) % 7);   // 1970-01-01 was a Thursday; 0 = Sunday
    const bool weekend = weekday == 0 || weekday == 6;
    return kHourly[hour] * (weekend ? 0.45 : 1.0);
}

std::int64_t Timeline::at(double progress)
{
    if (progress >= 1.0)
        return m_start + m_span + static_cast<std::int64_t>((progress - 1.0) * static_cast<double>(m_span));
    if (progress < 0)
        progress = 0;
    while (m_cursor + 1 < m_cumulative.size() && m_cumulative[m_cursor + 1] <= progress)
        ++m_cursor;
    while (m_cursor > 0 && m_cumulative[m_cursor] > progress)
        --m_cursor;
    const double lo = m_cumulative[m_cursor];
    const double hi = m_cursor + 1 < m_cumulative.size() ? m_cumulative[m_cursor + 1] : 1.0;
    const double within = hi > lo ? (progress - lo) / (hi - lo) : 0.0;
    const std::int64_t t = m_start + static_cast<std::int64_t>(m_cursor) * kMinute
        + static_cast<std::int64_t>(within * static_cast<double>(kMinute));
    return std::min(t, m_start + m_span);
}

double Timeline::intensity(std::int64_t t) const
{
    return weight(t / kMinute) / m_mean;
}

} // namespace mailtls::bench
