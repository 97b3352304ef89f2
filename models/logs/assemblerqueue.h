#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <QDataStream>

#include "models/logs/assemblertable.h"
#include "models/logs/assemblertypes.h"

namespace mailtls {

// Queue ids SessionAssembler is following: sizes and senders from qmgr, the
// client= of inbound messages, the per-peer outbound messages. An entry lives
// from its first line to qmgr's "removed", or until it has been silent for
// longer than any queue keeps a message.
class AssemblerQueue final
{
public:
    AssemblerQueue() = default;

    // `hash`: hash() of the queue id when known ahead (AssemblerHints), else 0.
    static std::uint64_t hash(std::string_view queueId);
    assembler::QueueEntry *find(std::string_view queueId);
    // Finds or creates the entry and marks it as seen at `time`.
    assembler::QueueEntry &obtain(std::string_view queueId, std::int64_t time, std::uint64_t hash = 0);
    void remove(std::string_view queueId, std::uint64_t hash = 0);

    // Drops entries silent since before `now` minus their limit.
    void expire(std::int64_t now);

    std::size_t size() const { return m_entries.size(); }
    void clear() { m_entries.clear(); }

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    AssemblerTable<AssemblerText, assembler::QueueEntry> m_entries;
};

} // namespace mailtls
