#include "models/logs/assemblertext.h"

namespace mailtls {

void AssemblerText::assignLower(std::string_view text)
{
    assign(text);
    char *out = buffer();
    for (std::size_t i = 0; i < m_size; ++i) {
        const char c = out[i];
        if (c >= 'A' && c <= 'Z')
            out[i] = static_cast<char>(c + ('a' - 'A'));
    }
}

void AssemblerText::grow(std::string_view text)
{
    // The old buffer goes only after the copy: `text` may point into it.
    char *heap = new char[text.size()];
    std::memcpy(heap, text.data(), text.size());
    release();
    m_heap = heap;
    m_capacity = static_cast<std::uint32_t>(text.size());
    m_size = static_cast<std::uint32_t>(text.size());
}

void AssemblerText::release() noexcept
{
    if (m_capacity != 0) {
        delete[] m_heap;
        m_capacity = 0;
    }
    m_size = 0;
}

void AssemblerText::take(AssemblerText &other) noexcept
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

} // namespace mailtls
