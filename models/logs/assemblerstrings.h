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
class AssemblerStrings final
{
public:
    AssemblerStrings();

    // `text` (UTF-8) as a QString equal to QString::fromUtf8(text).
    const QString &get(std::string_view text);
    void clear();

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        bool used = false;
        std::string key;
        QString value;
    };

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
    QString m_empty;
};

} // namespace mailtls
