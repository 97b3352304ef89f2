#include "models/logs/assemblerqueue.h"

#include <algorithm>
#include <vector>

namespace mailtls {

using assembler::QueueEntry;

QueueEntry *AssemblerQueue::find(std::string_view queueId)
{
    m_lookup.assign(queueId);
    const auto it = m_entries.find(m_lookup);
    return it == m_entries.end() ? nullptr : &it->second;
}

QueueEntry &AssemblerQueue::obtain(std::string_view queueId, std::int64_t time)
{
    m_lookup.assign(queueId);
    auto it = m_entries.find(m_lookup);
    if (it == m_entries.end())
        it = m_entries.emplace(m_lookup, QueueEntry()).first;
    it->second.lastTime = std::max(it->second.lastTime, time);
    return it->second;
}

void AssemblerQueue::remove(std::string_view queueId)
{
    m_lookup.assign(queueId);
    m_entries.erase(m_lookup);
}

void AssemblerQueue::expire(std::int64_t now)
{
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const QueueEntry &e = it->second;
        // An entry held by an open session goes when that session does. One that
        // reached the queue, or was delivered to a peer, may still be retried for
        // days; a client= that never reached the queue will not.
        const std::int64_t limit = (e.queued || !e.outbound.empty())
            ? assembler::kQueuedSilenceLimit
            : assembler::kSilenceLimit;
        if (!e.inSession && e.lastTime < now - limit)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

void AssemblerQueue::save(QDataStream &out) const
{
    // Sorted, so that one state always gives the same bytes.
    std::vector<const std::pair<const std::string, QueueEntry> *> sorted;
    sorted.reserve(m_entries.size());
    for (const auto &entry : m_entries)
        sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto *a, const auto *b) { return a->first < b->first; });

    out << quint32(sorted.size());
    for (const auto *entry : sorted) {
        const QueueEntry &e = entry->second;
        assembler::writeString(out, entry->first);
        out << qint64(e.lastTime) << e.queued << qint64(e.size) << qint64(e.queueTime)
            << qint64(e.queueOffset);
        assembler::writeString(out, e.sender);
        out << e.inSession << quint64(e.sessionPid) << qint64(e.sessionKey) << e.hasPending;
        if (e.hasPending)
            assembler::write(out, e.pending);
        out << quint32(e.outbound.size());
        for (const assembler::OutboundMessage &m : e.outbound)
            assembler::write(out, m);
    }
}

bool AssemblerQueue::load(QDataStream &in)
{
    m_entries.clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string queueId;
        QueueEntry e;
        qint64 lastTime = 0;
        qint64 size = 0;
        qint64 queueTime = 0;
        qint64 queueOffset = 0;
        if (!assembler::readString(in, queueId))
            return false;
        in >> lastTime >> e.queued >> size >> queueTime >> queueOffset;
        e.lastTime = lastTime;
        e.size = size;
        e.queueTime = queueTime;
        e.queueOffset = queueOffset;
        if (!assembler::readString(in, e.sender))
            return false;
        quint64 sessionPid = 0;
        qint64 sessionKey = 0;
        in >> e.inSession >> sessionPid >> sessionKey >> e.hasPending;
        e.sessionPid = sessionPid;
        e.sessionKey = sessionKey;
        if (in.status() != QDataStream::Ok || (e.hasPending && !assembler::read(in, e.pending)))
            return false;
        std::uint32_t outbound = 0;
        if (!assembler::readCount(in, outbound))
            return false;
        for (std::uint32_t j = 0; j < outbound; ++j) {
            assembler::OutboundMessage m;
            if (!assembler::read(in, m))
                return false;
            e.outbound.push_back(std::move(m));
        }
        if (!m_entries.emplace(std::move(queueId), std::move(e)).second)
            return false;
    }
    return true;
}

} // namespace mailtls
