#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/loggen/expectedfigures.h"
#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

struct ScenarioLine
{
    std::int64_t t = 0;      // microseconds since the epoch
    std::string text;        // "program[pid]: message" (or a bare message), without the stamp and host
};

struct FigureDelta
{
    Direction direction = Direction::Inbound;
    std::string peer;
    Figures figures;
};

// Everything one piece of traffic (a session and the deliveries it causes)
// writes, with the figures it adds. A scenario is kept or dropped whole, so the
// expected figures always match the lines that were written.
class Scenario final
{
public:
    // Starts a line "program[pid]: " at `t` and returns it for the message.
    // The reference is valid until the next call.
    std::string &line(std::int64_t t, const char *program, std::int64_t pid)
    {
        m_lines.push_back(ScenarioLine{t, std::string()});
        std::string &text = m_lines.back().text;
        text.reserve(160);
        text += program;
        text += '[';
        appendInt(text, pid);
        text += "]: ";
        return text;
    }

    // A program that logs without a pid ("dovecot: ").
    std::string &line(std::int64_t t, const char *program)
    {
        m_lines.push_back(ScenarioLine{t, std::string()});
        std::string &text = m_lines.back().text;
        text.reserve(160);
        text += program;
        text += ": ";
        return text;
    }

    // A line with no program in front: Exim's own main log.
    std::string &bareLine(std::int64_t t)
    {
        m_lines.push_back(ScenarioLine{t, std::string()});
        std::string &text = m_lines.back().text;
        text.reserve(160);
        return text;
    }

    void connection(Direction direction, const std::string &peer, bool encrypted)
    {
        Figures f;
        f.connections = 1;
        f.encryptedConnections = encrypted ? 1 : 0;
        count(direction, peer, f);
    }
    void message(Direction direction, const std::string &peer, std::int64_t bytes, bool encrypted)
    {
        Figures f;
        f.messages = 1;
        f.encryptedMessages = encrypted ? 1 : 0;
        f.bytes = bytes;
        f.encryptedBytes = encrypted ? bytes : 0;
        count(direction, peer, f);
    }
    void tlsFailure(Direction direction, const std::string &peer)
    {
        Figures f;
        f.tlsFailures = 1;
        count(direction, peer, f);
    }

    std::vector<ScenarioLine> &lines() { return m_lines; }
    const std::vector<FigureDelta> &figures() const { return m_figures; }
    std::size_t size() const { return m_lines.size(); }
    void clear()
    {
        m_lines.clear();
        m_figures.clear();
    }

private:
    void count(Direction direction, const std::string &peer, const Figures &f)
    {
        m_figures.push_back(FigureDelta{direction, peer, f});
    }

    std::vector<ScenarioLine> m_lines;
    std::vector<FigureDelta> m_figures;
};

} // namespace mailtls::bench
