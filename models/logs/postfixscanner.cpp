#include "models/logs/postfixscanner.h"

#include <algorithm>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <QtAlgorithms>
#include <QtEndian>

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
enum IdBits : unsigned char { IdAlnum = 1, IdHex = 2, IdVowel = 4, IdZ = 8, IdAorE = 16 };

struct ByteTables
{
    unsigned char id[256];
    constexpr ByteTables()
        : id()
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
                if (c == 'z')
                    k |= IdZ;
                if (c == 'A' || c == 'E')
                    k |= IdAorE;
            }
            id[c] = k;
        }
    }
};

constexpr ByteTables kBytes;

unsigned char idByte(char c)
{
    return kBytes.id[static_cast<unsigned char>(c)];
}

// Whether an alphanumeric word of `size` bytes whose id bytes, and-ed and or-ed
// together, are `all` and `any` is a queue id (see PostfixScanner::isQueueId).
bool queueIdShape(std::size_t size, unsigned char all, unsigned char any)
{
    if (size < 5 || size > 32 || (any & IdVowel))
        return false;
    if (all & IdHex)
        return true;
    // Long ids: at least ten long, a 'z', and no A or E (they are not hex then).
    return size >= 10 && (any & IdZ) && !(any & IdAorE);
}

// Index of the first byte at or after `from` that is one of the five, or `size`;
// eight bytes at a time (per byte, a zero after xor with one of them is a match;
// the lowest match found in a word is always a true one).
std::size_t findFirstOf(const char *text, std::size_t from, std::size_t size, char a, char b, char c,
                        char d, char e)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    auto zeroBytes = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    std::size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes at a time where the instructions are there (every x86-64):
    // a host or an address is one or two such steps.
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const __m128i vc = _mm_set1_epi8(c);
    const __m128i vd = _mm_set1_epi8(d);
    const __m128i ve = _mm_set1_epi8(e);
    for (; i + 16 <= size; i += 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text + i));
        const __m128i match = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)),
                         _mm_or_si128(_mm_cmpeq_epi8(w, vc), _mm_cmpeq_epi8(w, vd))),
            _mm_cmpeq_epi8(w, ve));
        const unsigned bits = unsigned(_mm_movemask_epi8(match));
        if (bits != 0)
            return i + static_cast<std::size_t>(qCountTrailingZeroBits(bits));
    }
#endif
    for (; i + 8 <= size; i += 8) {
        const std::uint64_t w = qFromLittleEndian<quint64>(text + i);
        const std::uint64_t found = zeroBytes(w ^ (kOnes * static_cast<unsigned char>(a)))
            | zeroBytes(w ^ (kOnes * static_cast<unsigned char>(b)))
            | zeroBytes(w ^ (kOnes * static_cast<unsigned char>(c)))
            | zeroBytes(w ^ (kOnes * static_cast<unsigned char>(d)))
            | zeroBytes(w ^ (kOnes * static_cast<unsigned char>(e)));
        if (found != 0)
            return i + static_cast<std::size_t>(qCountTrailingZeroBits(found) >> 3);
    }
    for (; i < size; ++i) {
        const char x = text[i];
        if (x == a || x == b || x == c || x == d || x == e)
            return i;
    }
    return size;
}

} // namespace

bool PostfixScanner::isQueueId(std::string_view id)
{
    // Short ids are upper-case hex; long ids (enable_long_queue_ids) use an
    // alphabet without vowels and carry a 'z' between time and inode parts.
    // Either way a word such as "warning" or "statistics" is not an id.
    if (id.size() < 5 || id.size() > 32)
        return false;
    unsigned char all = 0xff;
    unsigned char any = 0;
    for (char c : id) {
        const unsigned char k = idByte(c);
        if (k == 0)
            return false;
        all &= k;
        any |= k;
    }
    return queueIdShape(id.size(), all, any);
}

bool PostfixScanner::consumeQueueId(std::string_view &id)
{
    // An id is alphanumeric and at most 32 long: no need to look further for
    // its colon, nor past a byte that cannot be part of one.
    // The bytes are classified on the way (isQueueId() in the same pass).
    const std::size_t limit = std::min<std::size_t>(m_text.size(), 33);
    std::size_t colon = 0;
    unsigned char all = 0xff;
    unsigned char any = 0;
    for (; colon < limit; ++colon) {
        const unsigned char k = idByte(m_text[colon]);
        if (k == 0)
            break;
        all &= k;
        any |= k;
    }
    if (colon == limit || m_text[colon] != ':' || colon + 1 >= m_text.size()
        || m_text[colon + 1] != ' ' || !queueIdShape(colon, all, any))
        return false;
    const std::string_view candidate = m_text.substr(0, colon);
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
    const std::size_t open = findFirstOf(text, 0, size, '[', ' ', '\t', ',', ']');
    if (open == size || open == 0 || text[open] != '[')
        return false;
    const std::size_t close = findFirstOf(text, open + 1, size, ']', ' ', '[', ' ', ' ');
    if (close == size || text[close] != ']')
        return false;
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
