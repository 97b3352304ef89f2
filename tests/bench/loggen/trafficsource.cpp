#include "tests/bench/loggen/trafficsource.h"

#include <algorithm>

#include "tests/bench/loggen/timeline.h"

namespace mailtls::bench {

void TrafficSource::run(LogWriter &writer, std::int64_t start, double days)
{
    Random &rng = random();
    Timeline timeline(start, days);
    double progress = 0;
    std::int64_t committed = 0;
    std::int64_t scenarios = 0;
    Scenario scenario;
    const double perLine = 1.0 / static_cast<double>(std::max<std::int64_t>(1, m_lines));
    for (;;) {
        const std::int64_t t = timeline.at(progress);
        scenario.clear();
        build(pickKind(timeline.intensity(t)), scenario, t);
        // The last scenarios that no longer fit are dropped whole; single
        // lines that count for nothing fill up to the exact length.
        if (committed + static_cast<std::int64_t>(scenario.size()) > m_lines)
            break;
        committed += static_cast<std::int64_t>(scenario.size());
        for (const FigureDelta &d : scenario.figures())
            m_expected.add(d.direction, d.peer, d.figures);
        // Random gaps (bursts and lulls), pulled back toward the share of lines
        // written so that the log ends when asked.
        progress += static_cast<double>(scenario.size()) * perLine * rng.exponential(1.0);
        progress += 0.05 * (static_cast<double>(committed) * perLine - progress);
        writer.schedule(scenario);
        writer.flushThrough(t);
        if (++scenarios % 256 == 0)
            prune(t);
    }
    while (committed < m_lines) {
        const std::int64_t t = timeline.at(progress);
        scenario.clear();
        filler(scenario, t);
        committed += static_cast<std::int64_t>(scenario.size());
        progress += perLine * rng.exponential(1.0);
        writer.schedule(scenario);
        writer.flushThrough(t);
    }
    writer.flushAll();
}

TrafficSource::Kind TrafficSource::pickKind(double intensity)
{
    // People's traffic follows the clock; bots, cron and monitoring do not.
    const double flat = 1.0 / std::max(intensity, 0.1);
    struct Weight
    {
        Kind kind;
        double weight;
    };
    const Weight weights[] = {
        {Kind::InboundMail, 44},         {Kind::Submission, 11},
        {Kind::WebappBurst, 3},          {Kind::Imap, 7},
        {Kind::InboundLost, 2},          {Kind::PostscreenDrop, 6 * flat},
        {Kind::InboundReject, 6 * flat}, {Kind::BruteForce, 3 * flat},
        {Kind::Cron, 1.5 * flat},        {Kind::LocalMonitor, 1.5 * flat},
        {Kind::Anvil, 0.8 * flat},       {Kind::Reload, 0.03 * flat},
    };
    double total = 0;
    for (const Weight &w : weights)
        total += w.weight;
    double r = random().real() * total;
    for (const Weight &w : weights) {
        if (r < w.weight)
            return w.kind;
        r -= w.weight;
    }
    return Kind::InboundMail;
}

} // namespace mailtls::bench
