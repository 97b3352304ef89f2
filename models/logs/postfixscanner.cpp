#include "models/logs/postfixscanner.h"

#include <algorithm>
#include <cstddef>

namespace mailtls {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

// Queue id bytes: 0 for anything not alphanumeric.
enum IdBits : unsigned char { IdAlnum = 1, IdHex = 2, IdVowel = 4 };

// Bytes that end or spoil "host[address]".
enum HostBits : unsigned char {
    HostStop = 1,       // ' ', '\t', ',' or ']' in the host
    AddressStop = 2,    // ' ' or '[' in the address
    HostOpen = 4 | AddressStop,
    HostClose = 8 | HostStop,
};

struct ByteTables
{
    unsigned char id[256];
    unsigned char host[256];
    constexpr ByteTables()
        : id()
        , host()
    {
        for (int c = 0; c < 256; ++c) {
            const bool digit = c >= '0' && c <= '9';
            const bool upper = c >= 'A' && c <= 'Z';
            const bool lowerCase = c >= 'a' && c <= 'z';
            unsigned char k = 0;
            if (digit || upper || lowerCase) {
                k = IdAlnum;
                if (digit || (c >= 'A' && c <= 'F'))
                    k |= IdHex;
                else if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'I'
                         || c == 'O' || c == 'U')
                    k |= IdVowel;
            }
            id[c] = k;
            unsigned char h = 0;
            if (c == ' ')
                h = HostStop | AddressStop;
            else if (c == ',' || c == '\t')
                h = HostStop;
            else if (c == '[')
                h = HostOpen;
            else if (c == ']')
                h = HostClose;
            host[c] = h;
        }
    }
};

constexpr ByteTables kBytes;

unsigned char idByte(char c)
{
    return kBytes.id[static_cast<unsigned char>(c)];
}

unsigned char hostByte(char c)
{
    return kBytes.host[static_cast<unsigned char>(c)];
}

} // namespace

bool PostfixScanner::isQueueId(std::string_view id)
{
    // Short ids are upper-case hex; long ids (enable_long_queue_ids) use an
    // alphabet without vowels and carry a 'z' between time and inode parts.
    // Either way a word such as "warning" or "statistics" is not an id.
    if (id.size() < 5 || id.size() > 32)
        return false;
    unsigned char all = IdHex;
    for (char c : id) {
        const unsigned char k = idByte(c);
        // Not alphanumeric, or a vowel that is not a hex digit.
        if (k == 0 || (k & IdVowel))
            return false;
        all &= k;
    }
    if (all & IdHex)
        return true;
    if (id.size() < 10 || id.find('z') == std::string_view::npos)
        return false;
    // Long ids have no A or E either (they are not hex then).
    for (char c : id) {
        if (c == 'A' || c == 'E')
            return false;
    }
    return true;
}

bool PostfixScanner::consumeQueueId(std::string_view &id)
{
    // An id is alphanumeric and at most 32 long: no need to look further for
    // its colon, nor past a byte that cannot be part of one.
    const std::size_t limit = std::min<std::size_t>(m_text.size(), 33);
    std::size_t colon = 0;
    while (colon < limit && idByte(m_text[colon]) != 0)
        ++colon;
    if (colon == limit || m_text[colon] != ':' || colon + 1 >= m_text.size()
        || m_text[colon + 1] != ' ')
        return false;
    const std::string_view candidate = m_text.substr(0, colon);
    if (!isQueueId(candidate))
        return false;
    id = candidate;
    m_text.remove_prefix(colon + 2);
    return true;
}

bool PostfixScanner::consumeHostAddress(std::string_view &host, std::string_view &address,
                                        int &port, bool withPort)
{
    // The host runs to the first '[' and holds no blank, ',' or ']'; the address
    // runs to the next ']' and holds no space or '['.
    const char *text = m_text.data();
    const std::size_t size = m_text.size();
    std::size_t open = 0;
    for (;; ++open) {
        if (open == size)
            return false;
        const unsigned char k = hostByte(text[open]);
        if (k == HostOpen)
            break;
        if (k & HostStop)
            return false;
    }
    if (open == 0)
        return false;
    std::size_t close = open + 1;
    for (;; ++close) {
        if (close == size)
            return false;
        const unsigned char k = hostByte(text[close]);
        if (k == HostClose)
            break;
        if (k & AddressStop)
            return false;
    }
    std::size_t end = close + 1;
    int portValue = 0;
    if (withPort && end + 1 < m_text.size() && m_text[end] == ':' && isDigit(m_text[end + 1])) {
        std::size_t p = end + 1;
        int value = 0;
        while (p < m_text.size() && isDigit(m_text[p]) && p - end <= 5) {
            value = value * 10 + (m_text[p] - '0');
            ++p;
        }
        if (value <= 65535) {
            portValue = value;
            end = p;
        }
    }
    host = m_text.substr(0, open);
    address = m_text.substr(open + 1, close - open - 1);
    port = portValue;
    m_text.remove_prefix(end);
    return true;
}

bool PostfixScanner::consumeInt64(std::int64_t &value)
{
    std::size_t p = 0;
    std::int64_t v = 0;
    while (p < m_text.size() && isDigit(m_text[p])) {
        if (p >= 18)
            return false;
        v = v * 10 + (m_text[p] - '0');
        ++p;
    }
    if (p == 0)
        return false;
    value = v;
    m_text.remove_prefix(p);
    return true;
}

bool PostfixScanner::consumeInt(int &value)
{
    std::size_t p = 0;
    int v = 0;
    while (p < m_text.size() && isDigit(m_text[p])) {
        if (p >= 9)
            return false;
        v = v * 10 + (m_text[p] - '0');
        ++p;
    }
    if (p == 0)
        return false;
    value = v;
    m_text.remove_prefix(p);
    return true;
}

std::string_view PostfixScanner::consumeUntil(std::string_view stop)
{
    const std::size_t at = m_text.find(stop);
    const std::size_t n = at == std::string_view::npos ? m_text.size() : at;
    const std::string_view taken = m_text.substr(0, n);
    m_text.remove_prefix(n);
    return taken;
}

bool PostfixScanner::consumeAddress(std::string_view &address)
{
    if (!m_text.empty() && m_text.front() == '<') {
        // Quoted local parts may hold ", " but never ">,": stop at the first '>'
        // that ends the field.
        std::size_t close = m_text.find(">,");
        if (close == std::string_view::npos) {
            if (m_text.back() != '>')
                return false;
            close = m_text.size() - 1;
        }
        address = m_text.substr(1, close - 1);
        m_text.remove_prefix(close + 1);
        return true;
    }
    // Older Postfix and local mail: to=user@host, without brackets.
    address = consumeUntil(',');
    return true;
}

std::size_t PostfixScanner::findNoCase(std::string_view text, std::string_view needle)
{
    if (needle.empty())
        return 0;
    if (text.size() < needle.size())
        return std::string_view::npos;
    const char first = lower(needle.front());
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (lower(text[i]) != first)
            continue;
        std::size_t j = 1;
        while (j < needle.size() && lower(text[i + j]) == lower(needle[j]))
            ++j;
        if (j == needle.size())
            return i;
    }
    return std::string_view::npos;
}

} // namespace mailtls
