#include "models/logs/assembleroutbound.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "models/logs/assemblerpeer.h"
#include "models/logs/assemblerqueue.h"
#include "models/logs/assemblerrecords.h"

namespace mailtls {

using assembler::Attempt;
using assembler::OutboundMessage;
using assembler::PendingTls;
using assembler::QueueEntry;
using assembler::SmtpProcess;

namespace {

// Processes are filed by the hour of their last line, for expire().
constexpr std::int64_t kSilenceSlot = 3600;

std::int64_t silenceSlot(std::int64_t time)
{
    const std::int64_t q = time / kSilenceSlot;
    return (time % kSilenceSlot != 0 && time < 0) ? q - 1 : q;
}

bool isTlsDeferral(const LogEvent &event)
{
    return (event.status == DeliveryStatus::Deferred || event.status == DeliveryStatus::Bounced)
        && event.problem != TlsProblem::None;
}

bool namesRelay(const LogEvent &event)
{
    return !event.host.empty() || !event.ip.empty();
}

} // namespace

AssemblerOutbound::AssemblerOutbound(AssemblerQueue &queue, AssemblerRecords &records,
                                     AssemblerStrings &strings)
    : m_queue(queue)
    , m_records(records)
    , m_strings(strings)
{
}

SmtpProcess &AssemblerOutbound::process(std::uint64_t pid, std::int64_t now)
{
    bool inserted = false;
    SmtpProcess &p = m_processes.obtain(pid, &inserted);
    if (!inserted && p.lastTime < now - assembler::kSilenceLimit) {
        // Long silent: the process is gone and its pid was reused.
        conclude(p.attempt);
        assembler::recycle(p);
    }
    return p;
}

void AssemblerOutbound::touch(std::uint64_t pid, SmtpProcess &p, std::int64_t time)
{
    p.lastTime = std::max(p.lastTime, time);
    const std::int64_t slot = silenceSlot(p.lastTime);
    if (slot != p.silenceSlot) {
        p.silenceSlot = slot;
        m_silence[slot].push_back(pid);
    }
}

void AssemblerOutbound::tlsLine(std::uint64_t pid, std::int64_t time, const LogEvent &event,
                                std::int64_t offset, std::int64_t now, const AssemblerHints *hints)
{
    m_hints = hints;
    SmtpProcess &p = process(pid, now);
    touch(pid, p, time);
    m_relay = assembler::relayKey(event.host, event.ip, event.port, m_relayBuffer);
    Attempt &a = p.attempt;

    if (event.kind == EventKind::SmtpTlsFailure) {
        if (a.phase == Attempt::Phase::Run)
            a = Attempt();
        if (a.phase == Attempt::Phase::Open) {
            if (namesRelay(event) && a.relayKnown && a.relayKey != m_relay) {
                conclude(a);
                start(a, time, event, offset);
            } else {
                join(a, event, offset);
            }
        } else {
            // A library warning on a connection whose handshake succeeded (an
            // unexpected EOF at its end, say) is not a failed TLS attempt.
            if (!namesRelay(event) && event.queueId.empty() && p.handshakeDone)
                return;
            start(a, time, event, offset);
        }
        p.tlsActivity = true;
        p.handshakeDone = false;
        return;
    }

    const bool reused = event.kind == EventKind::SmtpTlsReused;
    if (a.phase == Attempt::Phase::Open) {
        // The handshake went on (opportunistic TLS after a certificate failure):
        // the attempt is one failure, the connection is encrypted.
        if (!a.relayKnown)
            setRelay(a, event);
        conclude(a);
    } else if (a.phase == Attempt::Phase::Run) {
        a = Attempt();
    }
    if (p.pendingCount == assembler::kMaxPendingTls) {
        std::rotate(p.pending.begin(), p.pending.begin() + 1, p.pending.end());
        --p.pendingCount;
    }
    if (p.pending.size() == p.pendingCount)
        p.pending.emplace_back();
    PendingTls &t = p.pending[p.pendingCount++];
    t.relayKey.assign(m_relay);
    t.reused = reused;
    t.tls.assign(event.tls, m_strings, m_hints ? m_hints->tls : nullptr);
    t.offset = offset;
    p.tlsActivity = true;
    if (!reused)
        p.handshakeDone = true;
}

const assembler::PeerState &AssemblerOutbound::linePeer(const LogEvent &event)
{
    if (!m_linePeerSet) {
        assembler::setPeer(m_linePeer, event.daemon, event.host, event.ip, event.port, m_strings, m_hints);
        m_linePeerSet = true;
    }
    return m_linePeer;
}

void AssemblerOutbound::delivery(std::uint64_t pid, std::int64_t time, const LogEvent &event,
                                 std::int64_t offset, std::int64_t now, const AssemblerHints *hints)
{
    m_hints = hints;
    m_relay = assembler::relayKey(event.host, event.ip, event.port, m_relayBuffer);
    m_linePeerSet = false;
    Use use;
    if (event.daemon == Daemon::Smtp || event.daemon == Daemon::Lmtp) {
        SmtpProcess &p = process(pid, now);
        touch(pid, p, time);
        failures(p, time, event, offset);
        use = connectionOf(p, event);
        p.pendingCount = 0;
        p.tlsActivity = false;
        p.handshakeDone = false;
        if (use.newConnection)
            emitConnection(time, event, offset, use);
    } else {
        // local, virtual, pipe, discard, error: no SMTP connection at all.
        use.encrypted = event.hasTlsField && event.tlsFieldEncrypted;
    }
    if (event.status == DeliveryStatus::Sent && !event.queueId.empty())
        countSent(time, event, offset, use);
}

AssemblerOutbound::Use AssemblerOutbound::connectionOf(SmtpProcess &p, const LogEvent &event)
{
    Use use;
    if (event.ip.empty()) {
        // relay=none and friends: no connection was made.
        p.hasCurrent = false;
        use.encrypted = event.hasTlsField && event.tlsFieldEncrypted;
        return use;
    }

    const PendingTls *established = nullptr;
    const PendingTls *reused = nullptr;
    for (std::size_t i = 0; i < p.pendingCount; ++i) {
        const PendingTls &t = p.pending[i];
        if (t.relayKey == m_relay)
            (t.reused ? reused : established) = &t;
    }
    // Rule 2: another recipient of the same transaction on the same connection.
    const bool sameTransaction = p.hasCurrent && !p.tlsActivity && p.currentRelay == m_relay
        && p.currentQueueId == event.queueId;

    const PendingTls *source = nullptr;
    bool inherit = false;
    if (event.connUse >= 2) {
        // Rule 1: a cached connection is plaintext unless this pid logged its reuse.
        if (reused)
            source = reused;
        else
            inherit = sameTransaction;
    } else if (sameTransaction) {
        inherit = true;
    } else {
        // Rule 3: a new connection, encrypted iff a TLS line for this relay came first.
        use.newConnection = true;
        source = established;
    }

    if (inherit) {
        use.encrypted = p.currentEncrypted;
    } else {
        use.encrypted = source != nullptr;
        if (source) {
            p.currentTls = source->tls;
            use.tlsOffset = source->offset;
        } else {
            p.currentTls.clear();
        }
    }
    if (event.hasTlsField)
        use.encrypted = event.tlsFieldEncrypted;   // the MTA's own word wins
    use.tls = &p.currentTls;
    p.hasCurrent = true;
    p.currentRelay.assign(m_relay);
    p.currentQueueId.assign(event.queueId);
    p.currentEncrypted = use.encrypted;
    return use;
}

void AssemblerOutbound::failures(SmtpProcess &p, std::int64_t time, const LogEvent &event,
                                 std::int64_t offset)
{
    Attempt &a = p.attempt;
    const bool tlsReason = isTlsDeferral(event);
    if (a.phase == Attempt::Phase::Open) {
        if (!a.relayKnown || a.relayKey == m_relay) {
            if (!a.relayKnown)
                setRelay(a, event);
            if (tlsReason) {
                join(a, event, offset);
                a.phase = Attempt::Phase::Run;
                a.queueId.assign(event.queueId);
                assembler::addRecipient(a, event.recipient);
                emitAttempt(a);
            } else {
                // Delivered (in plaintext, after the fallback) or failed otherwise:
                // the attempt ends before this line.
                conclude(a);
            }
            return;
        }
        conclude(a);
    } else if (a.phase == Attempt::Phase::Run) {
        if (tlsReason && a.queueId == event.queueId && a.relayKey == m_relay) {
            const bool grows = a.lines.size() < assembler::kMaxLines;
            join(a, event, offset);
            const bool named = assembler::addRecipient(a, event.recipient);
            if (grows || named)
                emitAttempt(a);
            return;
        }
        a = Attempt();
    }
    if (tlsReason) {
        // A TLS deferral with no TLS lines before it is an attempt of its own.
        start(a, time, event, offset);
        a.phase = Attempt::Phase::Run;
        a.queueId.assign(event.queueId);
        assembler::addRecipient(a, event.recipient);
        emitAttempt(a);
    }
}

void AssemblerOutbound::start(Attempt &a, std::int64_t time, const LogEvent &event,
                              std::int64_t offset)
{
    a = Attempt();
    a.phase = Attempt::Phase::Open;
    a.key = offset;
    a.time = time;
    if (namesRelay(event))
        setRelay(a, event);
    a.problem = event.problem;
    a.reason.assign(assembler::readableReason(event.problemText));
    assembler::addLine(a.lines, offset);
}

void AssemblerOutbound::join(Attempt &a, const LogEvent &event, std::int64_t offset)
{
    if (!a.relayKnown && namesRelay(event))
        setRelay(a, event);
    if (assembler::problemScore(event.problem, event.problemText)
        > assembler::problemScore(a.problem, a.reason)) {
        a.problem = event.problem;
        a.reason.assign(assembler::readableReason(event.problemText));
    }
    assembler::addLine(a.lines, offset);
}

void AssemblerOutbound::setRelay(Attempt &a, const LogEvent &event)
{
    a.relayKnown = true;
    a.relayKey.assign(m_relay);
    assembler::setPeer(a.peer, event.daemon, event.host, event.ip, event.port, m_strings, m_hints);
}

void AssemblerOutbound::conclude(Attempt &a)
{
    if (a.phase == Attempt::Phase::Open)
        emitAttempt(a);
    a = Attempt();
}

void AssemblerOutbound::emitAttempt(const Attempt &a)
{
    TlsFailureRecord &r = m_records.failure();
    r.key = a.key;
    r.direction = Direction::Outbound;
    AssemblerRecords::setText(r.peer, a.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, a.peer.ipQString(m_strings));
    r.port = a.peer.port;
    r.time = a.time;
    r.problem = a.problem == TlsProblem::None ? TlsProblem::Other : a.problem;
    AssemblerRecords::setText(r.reason, m_strings.get(a.reason));
    r.local = a.peer.local;
    AssemblerRecords::setLines(r.lines, a.lines);
    // The message a deferral names: its queue id, the sender of its qmgr
    // from= line (when the queue still holds it), the recipients deferred.
    QueueEntry *entry = a.queueId.empty() ? nullptr : m_queue.find(a.queueId);
    if (a.queueId.empty())
        AssemblerRecords::clearText(r.queueId);
    else if (entry)
        AssemblerRecords::setText(r.queueId, entry->queueIdText(a.queueId));
    else
        AssemblerRecords::setUtf8(r.queueId, a.queueId);
    if (entry && entry->queued)
        AssemblerRecords::setText(r.sender, entry->senderQString());
    else
        AssemblerRecords::clearText(r.sender);
    if (a.recipients.empty())
        AssemblerRecords::clearText(r.recipients);
    else
        AssemblerRecords::setUtf8(r.recipients, a.recipients);
}

void AssemblerOutbound::emitConnection(std::int64_t time, const LogEvent &event,
                                       std::int64_t offset, const Use &use)
{
    const assembler::PeerState &peer = linePeer(event);
    ConnectionRecord &r = m_records.connection();
    r.key = offset;
    r.direction = Direction::Outbound;
    AssemblerRecords::setText(r.peer, peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, peer.ipQString(m_strings));
    r.port = peer.port;
    r.time = time;
    r.encrypted = use.encrypted;
    r.local = peer.local;
    if (use.encrypted && use.tls)
        use.tls->toDetails(m_strings, r.tls);
    else
        AssemblerRecords::clearDetails(r.tls);
    r.lines.clear();
    if (use.encrypted && use.tlsOffset >= 0)
        assembler::addLine(r.lines, use.tlsOffset);
    assembler::addLine(r.lines, offset);
}

void AssemblerOutbound::countSent(std::int64_t time, const LogEvent &event, std::int64_t offset,
                                  const Use &use)
{
    QueueEntry &entry = m_queue.obtain(event.queueId, time, m_hints ? m_hints->queueId : 0);
    const assembler::PeerState &peer = linePeer(event);
    OutboundMessage *m = nullptr;
    for (OutboundMessage &candidate : entry.outbound) {
        if (candidate.peer.name == peer.name) {
            m = &candidate;
            break;
        }
    }

    if (!m) {
        OutboundMessage &n = entry.outbound.emplace_back();
        n.peer = peer;
        n.key = offset;
        n.firstTime = time;
        n.encrypted = use.encrypted;
        if (use.encrypted && use.tls)
            n.tls = *use.tls;
        n.recipients.emplace_back(event.recipient);
        if (entry.queued && entry.queueOffset >= 0)
            assembler::addLine(n.lines, entry.queueOffset);
        if (use.encrypted && use.tlsOffset >= 0)
            assembler::addLine(n.lines, use.tlsOffset);
        assembler::addLine(n.lines, offset);
        emitMessage(event.queueId, entry, n);
        return;
    }

    bool changed = false;
    if (!use.encrypted && m->encrypted) {
        // Every sent line must be encrypted for the message to be.
        m->encrypted = false;
        m->tls.clear();
        changed = true;
    } else if (use.encrypted && m->encrypted && use.tls) {
        m->tls = *use.tls;
    }
    if (m->recipients.size() < assembler::kMaxRecipients
        && std::find(m->recipients.begin(), m->recipients.end(), event.recipient)
            == m->recipients.end()) {
        m->recipients.emplace_back(event.recipient);
        changed = true;
    }
    if (use.encrypted && use.tlsOffset >= 0)
        assembler::addLine(m->lines, use.tlsOffset);
    assembler::addLine(m->lines, offset);
    if (changed)
        emitMessage(event.queueId, entry, *m);
}

void AssemblerOutbound::emitMessage(std::string_view queueId, QueueEntry &entry,
                                    OutboundMessage &m)
{
    TransferRecord &r = m_records.transfer();
    r.key = m.key;
    r.direction = Direction::Outbound;
    AssemblerRecords::setText(r.peer, m.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, m.peer.ipQString(m_strings));
    AssemblerRecords::setText(r.queueId, entry.queueIdText(queueId));
    r.time = entry.queued ? entry.queueTime : m.firstTime;
    r.bytes = entry.queued ? entry.size : 0;
    r.encrypted = m.encrypted;
    r.local = m.peer.local;
    AssemblerRecords::setText(r.sender, entry.senderQString());
    if (m.recipients.empty()) {
        AssemblerRecords::clearText(r.recipients);
    } else {
        AssemblerRecords::setUtf8(r.recipients, m.recipients.front());
        for (auto recipient = m.recipients.begin() + 1; recipient != m.recipients.end(); ++recipient) {
            r.recipients += QLatin1Char(',');
            AssemblerRecords::appendUtf8(r.recipients, *recipient);
        }
    }
    if (m.encrypted)
        m.tls.toDetails(m_strings, r.tls);
    else
        AssemblerRecords::clearDetails(r.tls);
    AssemblerRecords::setLines(r.lines, m.lines);
    m.emittedBytes = r.bytes;
    m.emittedTime = r.time;
}

void AssemblerOutbound::queued(std::string_view queueId, QueueEntry &entry)
{
    for (OutboundMessage &m : entry.outbound) {
        if (m.emittedBytes != entry.size || m.emittedTime != entry.queueTime) {
            assembler::addLine(m.lines, entry.queueOffset);
            emitMessage(queueId, entry, m);
        }
    }
}

void AssemblerOutbound::endSorted(std::vector<std::uint64_t> pids, bool erase)
{
    // In the order of the attempts' first lines, whatever the hash map's order.
    std::sort(pids.begin(), pids.end(), [this](std::uint64_t a, std::uint64_t b) {
        const std::int64_t ka = m_processes.find(a)->attempt.key;
        const std::int64_t kb = m_processes.find(b)->attempt.key;
        return ka != kb ? ka < kb : a < b;
    });
    for (std::uint64_t pid : pids) {
        conclude(m_processes.find(pid)->attempt);
        if (erase)
            m_processes.erase(pid);
    }
}

void AssemblerOutbound::expire(std::int64_t now)
{
    // Only the hours that end before the limit (and the one it falls in) can hold
    // a process silent for longer; the rest of the processes are not looked at.
    const std::int64_t limit = now - assembler::kSilenceLimit;
    std::vector<std::uint64_t> stale;
    for (auto slot = m_silence.begin(); slot != m_silence.end() && slot->first * kSilenceSlot < limit;) {
        std::vector<std::uint64_t> &pids = slot->second;
        std::size_t kept = 0;
        for (std::uint64_t pid : pids) {
            SmtpProcess *p = m_processes.find(pid);
            // Entries of processes that moved on to a later hour, or are gone, are dropped.
            if (!p || p->silenceSlot != slot->first)
                continue;
            if (p->lastTime < limit) {
                p->silenceSlot = assembler::kNoSlot;
                stale.push_back(pid);
            } else {
                pids[kept++] = pid;
            }
        }
        pids.resize(kept);
        slot = pids.empty() ? m_silence.erase(slot) : std::next(slot);
    }
    if (!stale.empty())
        endSorted(std::move(stale), true);
}

void AssemblerOutbound::finish()
{
    std::vector<std::uint64_t> all;
    m_processes.forEach([&all](std::uint64_t pid, const SmtpProcess &p) {
        if (p.attempt.phase != Attempt::Phase::None)
            all.push_back(pid);
    });
    endSorted(std::move(all), false);
}

void AssemblerOutbound::save(QDataStream &out) const
{
    std::vector<std::pair<std::uint64_t, const SmtpProcess *>> processes;
    processes.reserve(m_processes.size());
    m_processes.forEach([&processes](std::uint64_t pid, const SmtpProcess &p) {
        processes.emplace_back(pid, &p);
    });
    std::sort(processes.begin(), processes.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });

    out << quint32(processes.size());
    for (const auto &[pid, process] : processes) {
        const SmtpProcess &p = *process;
        out << quint64(pid) << qint64(p.lastTime) << quint32(p.pendingCount);
        for (std::size_t i = 0; i < p.pendingCount; ++i) {
            const PendingTls &t = p.pending[i];
            assembler::writeString(out, t.relayKey);
            out << t.reused;
            assembler::write(out, t.tls);
            out << qint64(t.offset);
        }
        out << p.tlsActivity << p.handshakeDone << p.hasCurrent;
        assembler::writeString(out, p.currentRelay);
        assembler::writeString(out, p.currentQueueId);
        out << p.currentEncrypted;
        assembler::write(out, p.currentTls);
        assembler::write(out, p.attempt);
        assembler::writeString(out, p.attempt.recipients);
    }
}

bool AssemblerOutbound::load(QDataStream &in, int version)
{
    clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        quint64 pid = 0;
        qint64 lastTime = 0;
        SmtpProcess p;
        in >> pid >> lastTime;
        p.lastTime = lastTime;
        std::uint32_t pending = 0;
        if (!assembler::readCount(in, pending) || pending > assembler::kMaxPendingTls)
            return false;
        p.pending.resize(pending);
        p.pendingCount = pending;
        for (PendingTls &t : p.pending) {
            if (!assembler::readString(in, t.relayKey))
                return false;
            in >> t.reused;
            if (!assembler::read(in, t.tls))
                return false;
            qint64 offset = 0;
            in >> offset;
            t.offset = offset;
        }
        in >> p.tlsActivity >> p.handshakeDone >> p.hasCurrent;
        if (in.status() != QDataStream::Ok || !assembler::readString(in, p.currentRelay)
            || !assembler::readString(in, p.currentQueueId))
            return false;
        in >> p.currentEncrypted;
        if (!assembler::read(in, p.currentTls) || !assembler::read(in, p.attempt)
            || (version >= 2 && !assembler::readString(in, p.attempt.recipients)))
            return false;
        bool inserted = false;
        SmtpProcess &stored = m_processes.obtain(pid, &inserted);
        if (!inserted)
            return false;
        stored = std::move(p);
        stored.silenceSlot = assembler::kNoSlot;
        touch(pid, stored, stored.lastTime);
    }
    return in.status() == QDataStream::Ok;
}

} // namespace mailtls
