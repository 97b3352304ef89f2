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

void AssemblerText::freeHeap() noexcept
{
    delete[] m_heap;
    m_capacity = 0;
}

} // namespace mailtls
