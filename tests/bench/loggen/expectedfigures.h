#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace mailtls::bench {

enum class Direction { Inbound = 0, Outbound = 1, Submission = 2 };

struct Figures
{
    std::int64_t messages = 0;
    std::int64_t encryptedMessages = 0;
    std::int64_t bytes = 0;
    std::int64_t encryptedBytes = 0;
    std::int64_t connections = 0;
    std::int64_t encryptedConnections = 0;
    std::int64_t tlsFailures = 0;

    void add(const Figures &other);
};

// What the generator wrote, per direction and peer, counted by COUNTING.md
// (local hops left out): the ground truth a parser run is compared with.
class ExpectedFigures final
{
public:
    void add(Direction direction, const std::string &peer, const Figures &delta);
    void addAll(const ExpectedFigures &other);
    void clear();
    bool isEmpty() const;

    // Same header and row order as `mailtls report --format csv`: direction
    // (inbound, outbound, submission), messages descending, peer ascending.
    void writeCsv(std::FILE *out) const;

private:
    std::unordered_map<std::string, Figures> m_rows[3];
};

} // namespace mailtls::bench
