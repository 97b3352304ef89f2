#pragma once

#include <cstdint>
#include <string_view>

namespace mailtls {

// A forward-only cursor over one Postfix message. Every consume* call either
// advances past what it matched and returns true, or leaves the cursor where it
// was and returns false, so rules can try alternatives without copying.
class PostfixScanner final
{
public:
    explicit PostfixScanner(std::string_view text) : m_text(text) {}

    std::string_view rest() const { return m_text; }
    bool atEnd() const { return m_text.empty(); }
    bool startsWith(std::string_view literal) const { return startsWith(m_text, literal); }

    bool consume(std::string_view literal);
    bool consume(char c);
    // "QUEUEID: " (short hex or long ids, not NOQUEUE).
    bool consumeQueueId(std::string_view &id);
    // "host[address]" with an optional ":port" when `withPort`.
    bool consumeHostAddress(std::string_view &host, std::string_view &address, int &port,
                            bool withPort);
    bool consumeInt(int &value);
    bool consumeInt64(std::int64_t &value);
    // Up to (not including) `stop`, or everything when it is absent.
    std::string_view consumeUntil(char stop);
    std::string_view consumeUntil(std::string_view stop);
    // "<address>" or a bare address up to ", ".
    bool consumeAddress(std::string_view &address);

    static bool startsWith(std::string_view text, std::string_view literal)
    {
        return text.size() >= literal.size() && text.compare(0, literal.size(), literal) == 0;
    }
    static bool endsWith(std::string_view text, std::string_view literal)
    {
        return text.size() >= literal.size()
            && text.compare(text.size() - literal.size(), literal.size(), literal) == 0;
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
