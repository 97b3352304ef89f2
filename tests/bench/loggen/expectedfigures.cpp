#include "tests/bench/loggen/expectedfigures.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace mailtls::bench {

void Figures::add(const Figures &other)
{
    messages += other.messages;
    encryptedMessages += other.encryptedMessages;
    bytes += other.bytes;
    encryptedBytes += other.encryptedBytes;
    connections += other.connections;
    encryptedConnections += other.encryptedConnections;
    tlsFailures += other.tlsFailures;
}

void ExpectedFigures::add(Direction direction, const std::string &peer, const Figures &delta)
{
    m_rows[static_cast<int>(direction)][peer].add(delta);
}

void ExpectedFigures::addAll(const ExpectedFigures &other)
{
    for (int d = 0; d < 3; ++d) {
        for (const auto &row : other.m_rows[d])
            m_rows[d][row.first].add(row.second);
    }
}

void ExpectedFigures::clear()
{
    for (auto &rows : m_rows)
        rows.clear();
}

bool ExpectedFigures::isEmpty() const
{
    return m_rows[0].empty() && m_rows[1].empty() && m_rows[2].empty();
}

void ExpectedFigures::writeCsv(std::FILE *out) const
{
    static const char *const names[] = {"inbound", "outbound", "submission"};
    std::fputs("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,encrypted_bytes,"
               "connections,encrypted_connections,tls_failures\n",
               out);
    for (int d = 0; d < 3; ++d) {
        std::vector<std::pair<std::string, Figures>> rows(m_rows[d].begin(), m_rows[d].end());
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
            if (a.second.messages != b.second.messages)
                return a.second.messages > b.second.messages;
            return a.first < b.first;
        });
        for (const auto &row : rows) {
            const Figures &f = row.second;
            std::fprintf(out, "%s,%s,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld\n", names[d], row.first.c_str(),
                         static_cast<long long>(f.messages), static_cast<long long>(f.encryptedMessages),
                         static_cast<long long>(f.messages - f.encryptedMessages),
                         static_cast<long long>(f.bytes), static_cast<long long>(f.encryptedBytes),
                         static_cast<long long>(f.connections),
                         static_cast<long long>(f.encryptedConnections),
                         static_cast<long long>(f.tlsFailures));
        }
    }
}

} // namespace mailtls::bench
