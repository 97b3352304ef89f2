#include "models/logs/eximoutbound.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "models/logs/assemblerpeer.h"
#include "models/logs/assemblertypes.h"
#include "models/logs/eximtlstext.h"

namespace mailtls {

using exim::Delivered;
using exim::Failure;
using exim::LineContext;
using exim::Message;
using exim::Peer;

namespace {

bool remote(const EximEvent &event)
{
    return event.host.present && !event.host.ip.empty();
}

Peer peerOf(const EximEvent &event)
{
    return remote(event) ? Peer::of(event.host, true) : Peer::localDelivery();
}

} // namespace

EximOutbound::EximOutbound(AssemblerOutput &out)
    : m_out(out)
{
}

Message &EximOutbound::message(std::string_view id, std::int64_t time)
{
    m_key.assign(id);
    Message &m = m_messages[m_key];
    m.lastTime = std::max(m.lastTime, time);
    return m;
}

bool EximOutbound::sameAttempt(const Message &m, const std::string &hostKey, std::int64_t time)
{
    return m.last != Message::Last::None && m.lastHost == hostKey
        && time - m.lastLineTime <= exim::kTransactionWindow
        && m.lastLineTime - time <= exim::kTransactionWindow;
}

void EximOutbound::arrival(const LineContext &line, const EximEvent &event)
{
    Message &m = message(event.messageId, line.time);
    if (m.arrived)
        return;
    m.arrived = true;
    m.arrivalTime = line.time;
    m.arrivalOffset = line.offset;
    m.size = std::max<std::int64_t>(event.size, 0);
    m.sender.assign(event.address);
    // Delivered while it was being received (cutthrough, ">>" before "<="):
    // the arrival gives those records their time, size and sender.
    for (Delivered &d : m.delivered) {
        if (d.emittedBytes != m.size || d.emittedTime != m.arrivalTime) {
            assembler::addLine(d.lines, m.arrivalOffset);
            emitDelivered(event.messageId, m, d);
        }
    }
}

void EximOutbound::delivery(const LineContext &line, const EximEvent &event)
{
    if (event.flag == EximFlag::Suppressed)
        return;   // -N: nothing was delivered
    const bool isRemote = remote(event);
    if (!isRemote && event.transport.empty())
        return;   // ":blackhole:", "discarded": no transport ran
    Message &m = message(event.messageId, line.time);
    resolvePending(m, line, event);
    const Peer peer = peerOf(event);
    const std::string hostKey = isRemote ? peer.hostKey() : std::string();

    const bool notDelivered = event.flag == EximFlag::Deferred || event.flag == EximFlag::Failed;
    // Recipients of one transaction that the server took or refused: the
    // accepted ones are "=>" then "->", and the refused ones get a "=="/"**"
    // line each, before or after them.
    const bool sameTransaction = sameAttempt(m, hostKey, line.time)
        && (m.last == Message::Last::NotDelivered || (notDelivered && m.last == Message::Last::Delivered));
    if (isRemote && !event.host.reused && event.flag != EximFlag::Additional && !sameTransaction)
        connection(line, event, peer);
    if (notDelivered) {
        if (event.problem != TlsProblem::None)
            failure(m, line, event, isRemote ? peer : Peer(), hostKey);
        else
            m.failureOpen = false;
    } else {
        countSent(event.messageId, m, line, event, peer);
        m.failureOpen = false;
    }
    m.last = notDelivered ? Message::Last::NotDelivered : Message::Last::Delivered;
    m.lastHost = hostKey;
    m.lastLineTime = line.time;
}

void EximOutbound::hostFailure(const LineContext &line, const EximEvent &event)
{
    Message &m = message(event.messageId, line.time);
    resolvePending(m, line, event);
    const Peer peer = peerOf(event);
    const std::string hostKey = peer.hostKey();
    if (event.problem != TlsProblem::None)
        failure(m, line, event, peer, hostKey);
    else
        m.failureOpen = false;
    m.last = Message::Last::HostLine;
    m.lastHost = hostKey;
    m.lastLineTime = line.time;
}

void EximOutbound::fallback(const LineContext &line, const EximEvent &event)
{
    Message &m = message(event.messageId, line.time);
    concludePending(event.messageId, m);
    Failure f;
    f.key = line.offset;
    f.time = line.time;
    f.direction = Direction::Outbound;
    f.problem = event.problem;
    f.reason.assign(EximTlsText::reason(event.reason));
    f.lines.push_back(line.offset);
    nameMessage(f, event.messageId, m);
    m.failureOpen = false;
    m.last = Message::Last::HostLine;
    m.lastLineTime = line.time;
    if (remote(event)) {
        f.peer = Peer::of(event.host, true);
        m.lastHost = f.peer.hostKey();
        m_out.failures.push_back(f.record());
        return;
    }
    m.lastHost.clear();
    m.pending = std::move(f);
    m.pendingOpen = true;
    m_pending.insert(std::string(event.messageId));
}

void EximOutbound::completed(const LineContext &, const EximEvent &event)
{
    m_key.assign(event.messageId);
    const auto it = m_messages.find(m_key);
    if (it == m_messages.end())
        return;
    concludePending(event.messageId, it->second);
    m_messages.erase(it);
}

void EximOutbound::resolvePending(Message &m, const LineContext &line, const EximEvent &event)
{
    if (!m.pendingOpen || !remote(event))
        return;
    if (line.time - m.pending.time > exim::kTransactionWindow) {
        concludePending(event.messageId, m);
        return;
    }
    // The host the fallback line left out is the one this line of the same
    // attempt names.
    m.pending.peer = Peer::of(event.host, true);
    assembler::addLine(m.pending.lines, line.offset);
    m_out.failures.push_back(m.pending.record());
    m.pendingOpen = false;
    m.pending = Failure();
    m_pending.erase(std::string(event.messageId));
}

void EximOutbound::concludePending(std::string_view id, Message &m)
{
    if (!m.pendingOpen)
        return;
    // No line named the host: the failure still happened, to a peer unknown.
    m_out.failures.push_back(m.pending.record());
    m.pendingOpen = false;
    m.pending = Failure();
    m_pending.erase(std::string(id));
}

void EximOutbound::failure(Message &m, const LineContext &line, const EximEvent &event,
                           const Peer &peer, const std::string &hostKey)
{
    const std::string_view reason = EximTlsText::reason(event.reason);
    if (m.failureOpen && sameAttempt(m, hostKey, line.time)) {
        Failure &f = m.failure;
        assembler::addLine(f.lines, line.offset);
        if (assembler::problemScore(event.problem, reason) > assembler::problemScore(f.problem, f.reason)) {
            f.problem = event.problem;
            f.reason.assign(reason);
        }
    } else {
        Failure f;
        f.key = line.offset;
        f.time = line.time;
        f.direction = Direction::Outbound;
        f.peer = peer;
        f.problem = event.problem;
        f.reason.assign(reason);
        f.lines.push_back(line.offset);
        nameMessage(f, event.messageId, m);
        m.failure = std::move(f);
        m.failureOpen = true;
    }
    // A deferral ("==") or failure ("**") line names its recipient.
    if (event.kind == EximLineKind::Delivery)
        m.failure.addRecipient(event.address);
    m_out.failures.push_back(m.failure.record());
}

void EximOutbound::nameMessage(Failure &f, std::string_view id, const Message &m)
{
    f.queueId.assign(id);
    if (m.arrived)
        f.sender = m.sender;
    else
        f.sender.clear();
}

void EximOutbound::connection(const LineContext &line, const EximEvent &event, const Peer &peer)
{
    ConnectionRecord r;
    r.key = line.offset;
    r.direction = Direction::Outbound;
    r.peer = assembler::toQString(peer.name);
    r.peerIp = assembler::toQString(peer.ip);
    r.port = peer.port;
    r.time = line.time;
    r.encrypted = !event.cipher.empty();
    r.local = peer.local;
    if (r.encrypted)
        r.tls = exim::Tls::of(event, false).details();
    r.lines.push_back(line.offset);
    m_out.connections.push_back(std::move(r));
}

void EximOutbound::countSent(std::string_view id, Message &m, const LineContext &line,
                             const EximEvent &event, const Peer &peer)
{
    const bool encrypted = !event.cipher.empty();
    const auto found = std::find_if(m.delivered.begin(), m.delivered.end(),
                                    [&peer](const Delivered &d) { return d.peer.name == peer.name; });
    if (found == m.delivered.end()) {
        Delivered &d = m.delivered.emplace_back();
        d.peer = peer;
        d.key = line.offset;
        d.firstTime = line.time;
        d.encrypted = encrypted;
        if (encrypted)
            d.tls = exim::Tls::of(event, false);
        d.recipients.emplace_back(event.address);
        if (m.arrived)
            assembler::addLine(d.lines, m.arrivalOffset);
        assembler::addLine(d.lines, line.offset);
        emitDelivered(id, m, d);
        return;
    }

    Delivered &d = *found;
    bool changed = false;
    if (!encrypted && d.encrypted) {
        // Every delivery line to the peer must be encrypted for the message to be.
        d.encrypted = false;
        d.tls = exim::Tls();
        changed = true;
    } else if (encrypted && d.encrypted) {
        d.tls = exim::Tls::of(event, false);
    }
    if (d.recipients.size() < exim::kMaxRecipients
        && std::find(d.recipients.begin(), d.recipients.end(), event.address) == d.recipients.end()) {
        d.recipients.emplace_back(event.address);
        changed = true;
    }
    assembler::addLine(d.lines, line.offset);
    if (changed)
        emitDelivered(id, m, d);
}

void EximOutbound::emitDelivered(std::string_view id, const Message &m, Delivered &d)
{
    TransferRecord r;
    r.key = d.key;
    r.direction = Direction::Outbound;
    r.peer = assembler::toQString(d.peer.name);
    r.peerIp = assembler::toQString(d.peer.ip);
    r.queueId = assembler::toQString(id);
    r.time = m.arrived ? m.arrivalTime : d.firstTime;
    r.bytes = m.arrived ? m.size : 0;
    r.encrypted = d.encrypted;
    r.local = d.peer.local;
    if (m.arrived)
        r.sender = assembler::toQString(m.sender);
    for (const std::string &recipient : d.recipients) {
        if (!r.recipients.isEmpty())
            r.recipients += QLatin1Char(',');
        r.recipients += assembler::toQString(recipient);
    }
    if (d.encrypted)
        r.tls = d.tls.details();
    r.lines = d.lines;
    d.emittedBytes = r.bytes;
    d.emittedTime = r.time;
    m_out.transfers.push_back(std::move(r));
}

void EximOutbound::expire(std::int64_t now)
{
    // Fallback lines whose attempt is over without naming the host.
    std::vector<std::pair<std::int64_t, std::string>> due;
    for (const std::string &id : m_pending) {
        const auto it = m_messages.find(id);
        if (it != m_messages.end() && now - it->second.pending.time > exim::kTransactionWindow)
            due.emplace_back(it->second.pending.key, id);
    }
    std::sort(due.begin(), due.end());
    for (const auto &[key, id] : due)
        concludePending(id, m_messages.at(id));

    // Messages long silent: the log lost their "Completed" line.
    std::vector<std::string> stale;
    for (const auto &[id, m] : m_messages) {
        if (m.lastTime < now - exim::kMessageSilence)
            stale.push_back(id);
    }
    std::sort(stale.begin(), stale.end());
    for (const std::string &id : stale) {
        concludePending(id, m_messages.at(id));
        m_messages.erase(id);
    }
}

void EximOutbound::finish()
{
    std::vector<std::pair<std::int64_t, std::string>> due;
    for (const std::string &id : m_pending) {
        const auto it = m_messages.find(id);
        if (it != m_messages.end())
            due.emplace_back(it->second.pending.key, id);
    }
    std::sort(due.begin(), due.end());
    for (const auto &[key, id] : due)
        concludePending(id, m_messages.at(id));
}

void EximOutbound::clear()
{
    m_messages.clear();
    m_pending.clear();
}

void EximOutbound::save(QDataStream &out) const
{
    std::vector<const std::pair<const std::string, Message> *> sorted;
    sorted.reserve(m_messages.size());
    for (const auto &entry : m_messages)
        sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(), [](const auto *a, const auto *b) { return a->first < b->first; });
    out << quint32(sorted.size());
    for (const auto *entry : sorted) {
        assembler::writeString(out, entry->first);
        exim::write(out, entry->second);
    }
}

bool EximOutbound::load(QDataStream &in, int version)
{
    clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string id;
        Message m;
        if (!assembler::readString(in, id) || !exim::read(in, m, version) || m_messages.count(id) != 0)
            return false;
        if (m.pendingOpen)
            m_pending.insert(id);
        m_messages.emplace(std::move(id), std::move(m));
    }
    return true;
}

} // namespace mailtls
