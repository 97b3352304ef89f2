#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

namespace mailtls {

// The QStrings SessionAssembler puts into records, shared through implicit
// sharing: a peer, its address or a cipher name recurs in thousands of records,
// and one shared copy costs neither an allocation nor a UTF-8 conversion per
// record. Bounded: when the table fills, it starts over (records keep their
// strings alive themselves).
//
// A Ref remembers where a string sits in the table, so that open state (a
// session's peer, a connection's cipher) finds its record string again without
// hashing it, and copies as cheaply as two integers; it is void once the table
// starts over.
class AssemblerStrings final
{
public:
    struct Ref
    {
        std::uint32_t slot = 0;
        std::uint32_t generation = 0;   // 0: refers to nothing
    };

    AssemblerStrings();

    // The hash lookups of `text` use, and of `text` with its ASCII upper-case
    // letters made lower-case: worked out ahead by whoever has the time
    // (AssemblerHints) and handed to ref().
    static std::uint64_t hash(std::string_view text);
    static std::uint64_t hashLower(std::string_view text);

    // `text` (UTF-8) as a QString equal to QString::fromUtf8(text).
    const QString &get(std::string_view text);
    // The same, through `ref` when it still refers to `text`'s string; `ref` is
    // updated otherwise. `ref` must have come from this table with this text, or be void.
    const QString &get(Ref &ref, std::string_view text);
    Ref ref(std::string_view text);
    // The same for a `text` whose hash() is `hash` (0: not known).
    Ref ref(std::string_view text, std::uint64_t hash);
    void clear();

private:
    std::size_t slotOf(std::string_view text, std::uint64_t hash);

    struct Slot
    {
        std::uint64_t hash = 0;
        bool used = false;
        std::string key;
        QString value;
    };

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
    std::uint32_t m_generation = 1;
    QString m_empty;
};

} // namespace mailtls
