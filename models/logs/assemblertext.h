#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace mailtls {

// A string of SessionAssembler's open state: peer names, addresses, cipher
// names, senders, queue ids, relay keys. Up to kInline bytes (nearly every such
// string) live inside the object, so copying a peer or TLS details from a
// session to a message costs no allocation; longer ones go to the heap.
class AssemblerText final
{
public:
    static constexpr std::size_t kInline = 47;

    AssemblerText() noexcept { m_inline[0] = '\0'; }
    explicit AssemblerText(std::string_view text)
    {
        m_inline[0] = '\0';
        assign(text);
    }
    AssemblerText(const AssemblerText &other)
    {
        if (other.m_capacity == 0) {
            // One fixed-size copy: cheaper than a copy of the exact length.
            m_size = other.m_size;
            std::memcpy(m_inline, other.m_inline, sizeof m_inline);
        } else {
            m_inline[0] = '\0';
            assign(other.view());
        }
    }
    AssemblerText(AssemblerText &&other) noexcept { take(other); }
    AssemblerText &operator=(const AssemblerText &other)
    {
        if (this != &other)
            assign(other.view());
        return *this;
    }
    AssemblerText &operator=(AssemblerText &&other) noexcept
    {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~AssemblerText() { release(); }

    void assign(std::string_view text)
    {
        const std::size_t n = text.size();
        if (n <= (m_capacity == 0 ? kInline : m_capacity)) {
            if (n != 0)
                std::memmove(buffer(), text.data(), n);
            m_size = static_cast<std::uint32_t>(n);
            return;
        }
        grow(text);
    }
    // ASCII upper-case letters become lower-case; every other byte is kept.
    void assignLower(std::string_view text);
    // The same, from `text` into `out` (n bytes each); eight bytes at a time.
    static void lowerAscii(char *out, const char *text, std::size_t n);
    void clear() noexcept { m_size = 0; }

    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }
    const char *data() const { return m_capacity == 0 ? m_inline : m_heap; }
    std::string_view view() const { return std::string_view(data(), m_size); }
    operator std::string_view() const { return view(); }

    friend bool operator==(const AssemblerText &a, const AssemblerText &b)
    {
        return a.m_size == b.m_size && std::memcmp(a.data(), b.data(), a.m_size) == 0;
    }
    friend bool operator!=(const AssemblerText &a, const AssemblerText &b) { return !(a == b); }
    friend bool operator==(const AssemblerText &a, std::string_view b)
    {
        return a.m_size == b.size() && (b.empty() || std::memcmp(a.data(), b.data(), b.size()) == 0);
    }
    friend bool operator!=(const AssemblerText &a, std::string_view b) { return !(a == b); }
    friend bool operator==(std::string_view a, const AssemblerText &b) { return b == a; }
    friend bool operator!=(std::string_view a, const AssemblerText &b) { return !(b == a); }
    friend bool operator<(const AssemblerText &a, const AssemblerText &b) { return a.view() < b.view(); }

private:
    char *buffer() { return m_capacity == 0 ? m_inline : m_heap; }
    // Copies `text` into a new heap buffer (too long for the present one).
    void grow(std::string_view text);
    void freeHeap() noexcept;
    void release() noexcept
    {
        if (m_capacity != 0)
            freeHeap();
        m_size = 0;
    }
    void take(AssemblerText &other) noexcept
    {
        m_size = other.m_size;
        m_capacity = other.m_capacity;
        if (other.m_capacity == 0) {
            std::memcpy(m_inline, other.m_inline, sizeof m_inline);
        } else {
            m_heap = other.m_heap;
            other.m_capacity = 0;
        }
        other.m_size = 0;
    }

    std::uint32_t m_size = 0;
    std::uint32_t m_capacity = 0;   // 0: the text is in m_inline
    union {
        char m_inline[kInline + 1];
        char *m_heap;
    };
};

} // namespace mailtls
