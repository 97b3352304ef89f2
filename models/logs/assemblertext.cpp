#include "models/logs/assemblertext.h"

namespace mailtls {

void AssemblerText::assignLower(std::string_view text)
{
    assign(text);
    char *out = buffer();
    lowerAscii(out, out, m_size);
}

void AssemblerText::lowerAscii(char *out, const char *text, std::size_t n)
{
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    constexpr std::uint64_t kLows = 0x7f7f7f7f7f7f7f7fULL;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text + i, 8);
        // Per byte: the high bit of `atLeastA` is set from 'A' up, of `pastZ` past
        // 'Z' (computed on the low seven bits, so no carry crosses bytes); bytes
        // with the high bit set are not ASCII and stay as they are.
        const std::uint64_t low = w & kLows;
        const std::uint64_t atLeastA = low + 0x3f3f3f3f3f3f3f3fULL;
        const std::uint64_t pastZ = low + 0x2525252525252525ULL;
        const std::uint64_t upper = ~w & atLeastA & ~pastZ & kHighs;
        w |= upper >> 2;
        std::memcpy(out + i, &w, 8);
    }
    for (; i < n; ++i) {
        const char c = text[i];
        out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
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
