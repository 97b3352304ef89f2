#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace mailtls {

// A forward-only cursor over one Postfix message. Every consume* call either
// advances past what it matched and returns true, or leaves the cursor where it
// was and returns false, so rules can try alternatives without copying.
//
// The small calls are inline: rules call them with literals, and a compare
// of a known length compiles to a few instructions instead of a library call.
class PostfixScanner final
{
public:
    explicit PostfixScanner(std::string_view text) : m_text(text) {}

    std::string_view rest() const { return m_text; }
    bool atEnd() const { return m_text.empty(); }
    bool startsWith(std::string_view literal) const { return startsWith(m_text, literal); }

    bool consume(std::string_view literal)
    {
        if (!startsWith(m_text, literal))
            return false;
        m_text.remove_prefix(literal.size());
        return true;
    }
    bool consume(char c)
    {
        if (m_text.empty() || m_text.front() != c)
            return false;
        m_text.remove_prefix(1);
        return true;
    }
    // "QUEUEID: " (short hex or long ids, not NOQUEUE).
    bool consumeQueueId(std::string_view &id);
    // "host[address]" with an optional ":port" when `withPort`.
    bool consumeHostAddress(std::string_view &host, std::string_view &address, int &port,
                            bool withPort);
    bool consumeInt(int &value);
    bool consumeInt64(std::int64_t &value);
    // Up to (not including) `stop`, or everything when it is absent.
    std::string_view consumeUntil(char stop)
    {
        const void *at = m_text.empty() ? nullptr : std::memchr(m_text.data(), stop, m_text.size());
        const std::size_t n = at ? std::size_t(static_cast<const char *>(at) - m_text.data())
                                 : m_text.size();
        const std::string_view taken = m_text.substr(0, n);
        m_text.remove_prefix(n);
        return taken;
    }
    std::string_view consumeUntil(std::string_view stop);
    // "<address>" or a bare address up to ", ".
    bool consumeAddress(std::string_view &address);

    static bool startsWith(std::string_view text, std::string_view literal)
    {
        return text.size() >= literal.size()
            && std::memcmp(text.data(), literal.data(), literal.size()) == 0;
    }
    static bool endsWith(std::string_view text, std::string_view literal)
    {
        return text.size() >= literal.size()
            && std::memcmp(text.data() + text.size() - literal.size(), literal.data(),
                           literal.size()) == 0;
    }
    static bool contains(std::string_view text, std::string_view needle)
    {
        return text.find(needle) != std::string_view::npos;
    }
    // ASCII case-insensitive search; position or npos.
    static std::size_t findNoCase(std::string_view text, std::string_view needle);
    static bool isQueueId(std::string_view id);

private:
    std::string_view m_text;
};

} // namespace mailtls
