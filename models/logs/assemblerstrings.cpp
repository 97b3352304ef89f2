#include "models/logs/assemblerstrings.h"

#include <cstring>

namespace mailtls {

namespace {

// Power of two; the table is cleared when half full, so probes stay short.
// Room for the peers of a large site's log (names and addresses of thousands
// of sites): a table that fills up makes its strings again after each clear.
constexpr std::size_t kSlots = 1 << 15;
constexpr std::size_t kMaxUsed = kSlots / 2;

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

// Eight bytes of `p` as a word, ASCII upper-case letters made lower-case when
// `lower` (the same bytes AssemblerText::lowerAscii() writes).
std::uint64_t word(const char *p, std::size_t n, bool lower)
{
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    if (lower) {
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        constexpr std::uint64_t kLows = 0x7f7f7f7f7f7f7f7fULL;
        const std::uint64_t low = w & kLows;
        const std::uint64_t upper = ~w & (low + 0x3f3f3f3f3f3f3f3fULL) & ~(low + 0x2525252525252525ULL) & kHighs;
        w |= upper >> 2;
    }
    return w;
}

std::uint64_t hashOf(std::string_view text, bool lower)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ text.size();
    const char *p = text.data();
    std::size_t n = text.size();
    while (n >= 8) {
        h = (h ^ word(p, 8, lower)) * 0x100000001b3ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0)
        h = (h ^ word(p, n, lower)) * 0x100000001b3ULL;
    // Never 0: that says "not known".
    return mix(h) | 1;
}

} // namespace

std::uint64_t AssemblerStrings::hash(std::string_view text)
{
    return hashOf(text, false);
}

std::uint64_t AssemblerStrings::hashLower(std::string_view text)
{
    return hashOf(text, true);
}

AssemblerStrings::AssemblerStrings()
    : m_slots(kSlots)
    , m_empty(QString::fromUtf8("", 0))
{
}

const QString &AssemblerStrings::get(std::string_view text)
{
    if (text.empty())
        return m_empty;
    return m_slots[slotOf(text, 0)].value;
}

const QString &AssemblerStrings::get(Ref &ref, std::string_view text)
{
    if (ref.generation == m_generation)
        return m_slots[ref.slot].value;
    if (text.empty()) {
        ref = Ref();
        return m_empty;
    }
    const std::size_t slot = slotOf(text, 0);
    ref = Ref{static_cast<std::uint32_t>(slot), m_generation};
    return m_slots[slot].value;
}

AssemblerStrings::Ref AssemblerStrings::ref(std::string_view text)
{
    return ref(text, 0);
}

AssemblerStrings::Ref AssemblerStrings::ref(std::string_view text, std::uint64_t hash)
{
    if (text.empty())
        return Ref();
    const std::size_t slot = slotOf(text, hash);
    return Ref{static_cast<std::uint32_t>(slot), m_generation};
}

std::size_t AssemblerStrings::slotOf(std::string_view text, std::uint64_t known)
{
    const std::uint64_t hash = known != 0 ? known : hashOf(text, false);
    std::size_t i = hash & (kSlots - 1);
    for (;;) {
        Slot &slot = m_slots[i];
        if (!slot.used)
            break;
        if (slot.hash == hash && slot.key == text)
            return i;
        i = (i + 1) & (kSlots - 1);
    }
    if (m_used == kMaxUsed) {
        clear();
        i = hash & (kSlots - 1);
    }
    Slot &slot = m_slots[i];
    slot.used = true;
    slot.hash = hash;
    slot.key.assign(text);
    slot.value = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    ++m_used;
    return i;
}

void AssemblerStrings::clear()
{
    for (Slot &slot : m_slots) {
        slot.used = false;
        slot.value = QString();
    }
    m_used = 0;
    // Every Ref handed out so far is void now. (Wrapping around would take four
    // billion clears, each after thousands of new strings.)
    ++m_generation;
    if (m_generation == 0)
        m_generation = 1;
}

} // namespace mailtls
