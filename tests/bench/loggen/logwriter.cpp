#include "tests/bench/loggen/logwriter.h"

#include <utility>

namespace mailtls::bench {

namespace {
constexpr std::size_t kBufferSize = 1 << 20;
}

LogWriter::LogWriter(LogClock &clock, std::FILE *out)
    : m_clock(clock)
    , m_out(out)
{
    m_buffer.reserve(kBufferSize + 4096);
}

LogWriter::~LogWriter()
{
    drain();
}

void LogWriter::schedule(Scenario &scenario)
{
    for (ScenarioLine &line : scenario.lines())
        m_pending.push(Pending{line.t, m_seq++, std::move(line.text)});
    scenario.clear();
}

void LogWriter::flushThrough(std::int64_t t)
{
    while (!m_pending.empty() && m_pending.top().t <= t) {
        emit(m_pending.top());
        m_pending.pop();
    }
}

void LogWriter::flushAll()
{
    while (!m_pending.empty()) {
        emit(m_pending.top());
        m_pending.pop();
    }
    drain();
}

void LogWriter::emit(const Pending &line)
{
    ++m_written;
    if (!m_out)
        return;
    m_clock.appendPrefix(m_buffer, line.t);
    m_buffer += line.text;
    m_buffer += '\n';
    if (m_buffer.size() >= kBufferSize)
        drain();
}

void LogWriter::drain()
{
    if (m_out && !m_buffer.empty()) {
        if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_out) != m_buffer.size())
            m_failed = true;
    }
    m_buffer.clear();
}

} // namespace mailtls::bench
