#include "models/logs/postfixscanner.h"

#include <cstddef>

namespace mailtls {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

} // namespace

bool PostfixScanner::consume(std::string_view literal)
{
    if (!startsWith(m_text, literal))
        return false;
    m_text.remove_prefix(literal.size());
    return true;
}

bool PostfixScanner::consume(char c)
{
    if (m_text.empty() || m_text.front() != c)
        return false;
    m_text.remove_prefix(1);
    return true;
}

bool PostfixScanner::isQueueId(std::string_view id)
{
    // Short ids are upper-case hex; long ids (enable_long_queue_ids) use an
    // alphabet without vowels and carry a 'z' between time and inode parts.
    // Either way a word such as "warning" or "statistics" is not an id.
    if (id.size() < 5 || id.size() > 32)
        return false;
    bool hex = true;
    bool hasZ = false;
    for (char c : id) {
        if (!isAlnum(c))
            return false;
        if (!(isDigit(c) || (c >= 'A' && c <= 'F')))
            hex = false;
        switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u':
        case 'A': case 'E': case 'I': case 'O': case 'U':
            if (!(c >= 'A' && c <= 'F'))
                return false;
            break;
        case 'z':
            hasZ = true;
            break;
        default:
            break;
        }
    }
    if (hex)
        return true;
    if (!hasZ || id.size() < 10)
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
    const std::size_t colon = m_text.find(':');
    if (colon == std::string_view::npos || colon + 1 >= m_text.size() || m_text[colon + 1] != ' ')
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
    const std::size_t open = m_text.find('[');
    if (open == std::string_view::npos || open == 0)
        return false;
    for (std::size_t i = 0; i < open; ++i) {
        const char c = m_text[i];
        if (c == ' ' || c == ',' || c == ']' || c == '\t')
            return false;
    }
    const std::size_t close = m_text.find(']', open + 1);
    if (close == std::string_view::npos)
        return false;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (m_text[i] == ' ' || m_text[i] == '[')
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

std::string_view PostfixScanner::consumeUntil(char stop)
{
    const std::size_t at = m_text.find(stop);
    const std::size_t n = at == std::string_view::npos ? m_text.size() : at;
    const std::string_view taken = m_text.substr(0, n);
    m_text.remove_prefix(n);
    return taken;
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
