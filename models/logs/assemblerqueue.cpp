#include "models/logs/assemblerqueue.h"

#include <algorithm>
#include <vector>

namespace mailtls {

using assembler::QueueEntry;

std::uint64_t AssemblerQueue::hash(std::string_view queueId)
{
    return AssemblerTable<AssemblerText, QueueEntry>::hash(queueId);
}

QueueEntry *AssemblerQueue::find(std::string_view queueId)
{
    return m_entries.find(queueId);
}

QueueEntry &AssemblerQueue::obtain(std::string_view queueId, std::int64_t time, std::uint64_t hash)
{
    QueueEntry &e = m_entries.obtain(queueId, nullptr, hash);
    e.lastTime = std::max(e.lastTime, time);
    return e;
}

void AssemblerQueue::remove(std::string_view queueId, std::uint64_t hash)
{
    m_entries.erase(queueId, hash);
}

void AssemblerQueue::expire(std::int64_t now)
{
    m_entries.forEach([this, now](const AssemblerText &queueId, const QueueEntry &e) {
        // An entry held by an open session goes when that session does. One that
        // reached the queue, or was delivered to a peer, may still be retried for
        // days; a client= that never reached the queue will not.
        const std::int64_t limit = (e.queued || !e.outbound.empty())
            ? assembler::kQueuedSilenceLimit
            : assembler::kSilenceLimit;
        if (!e.inSession && e.lastTime < now - limit)
            m_entries.erase(queueId);
    });
}

void AssemblerQueue::save(QDataStream &out) const
{
    // Sorted, so that one state always gives the same bytes.
    std::vector<std::pair<const AssemblerText *, const QueueEntry *>> sorted;
    sorted.reserve(m_entries.size());
    m_entries.forEach([&sorted](const AssemblerText &queueId, const QueueEntry &e) {
        sorted.emplace_back(&queueId, &e);
    });
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first->view() < b.first->view(); });

    out << quint32(sorted.size());
    for (const auto &entry : sorted) {
        const QueueEntry &e = *entry.second;
        assembler::writeString(out, entry.first->view());
        out << qint64(e.lastTime) << e.queued << qint64(e.size) << qint64(e.queueTime)
            << qint64(e.queueOffset);
        assembler::writeString(out, e.sender);
        out << e.inSession << quint64(e.sessionPid) << qint64(e.sessionKey) << e.hasPending;
        if (e.hasPending)
            assembler::write(out, *e.pending);
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
        if (in.status() != QDataStream::Ok)
            return false;
        if (e.hasPending) {
            e.pending = std::make_unique<assembler::InboundMessage>();
            if (!assembler::read(in, *e.pending))
                return false;
        }
        std::uint32_t outbound = 0;
        if (!assembler::readCount(in, outbound))
            return false;
        for (std::uint32_t j = 0; j < outbound; ++j) {
            assembler::OutboundMessage m;
            if (!assembler::read(in, m))
                return false;
            e.outbound.push_back(std::move(m));
        }
        bool inserted = false;
        QueueEntry &stored = m_entries.obtain(queueId, &inserted);
        if (!inserted)
            return false;
        stored = std::move(e);
    }
    return true;
}

} // namespace mailtls
