#include "models/logs/sendmailoutbound.h"

#include <algorithm>
#include <utility>

#include "models/logs/assemblerpeer.h"
#include "models/logs/sendmailtext.h"

namespace mailtls {

using assembler::Attempt;
using assembler::OutboundMessage;
using sendmail::Connection;
using sendmail::QueueEntry;
using sendmail::Sender;

namespace {

bool namesRelay(const SendmailEvent &event)
{
    return !event.host.empty() || !event.ip.empty();
}

bool isTlsDeferral(const SendmailEvent &event)
{
    return (event.stat == SendmailStat::Deferred || event.stat == SendmailStat::Bounced)
        && event.problem != TlsProblem::None;
}

// Delivery without SMTP: a local mailer, a file, a program, or no relay at all
// (COUNTING.md: "Lines without a remote relay (to=/dev/null, local mailers) are local").
bool isLocalDelivery(const SendmailEvent &event)
{
    if (event.ip.empty() && (event.host.empty() || event.host == "local" || event.host == "localhost"))
        return true;
    for (std::string_view mailer : {"local", "prog", "*file*", "*include*", "lmtp", "cyrus", "cyrusv2",
                                    "procmail", "mail11", "usenet", "fax", "discard", "error"}) {
        if (event.mailer == mailer)
            return true;
    }
    const std::string_view to = event.recipients;
    return !to.empty() && (to.front() == '/' || to.front() == '|' || SendmailText::startsWith(to, "\"|"));
}

// "<a@x>,<b@y>" one address at a time, without brackets.
template <typename F>
void forEachRecipient(std::string_view list, F &&f)
{
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view one = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        while (!one.empty() && one.front() == ' ')
            one.remove_prefix(1);
        if (one.size() >= 2 && one.front() == '<' && one.back() == '>')
            one = one.substr(1, one.size() - 2);
        if (!one.empty())
            f(one);
    }
}

// A to= line's recipients into a Run; whether one was new.
bool addRecipients(assembler::Attempt &a, std::string_view list)
{
    bool added = false;
    forEachRecipient(list, [&a, &added](std::string_view one) { added = assembler::addRecipient(a, one) || added; });
    return added;
}

} // namespace

SendmailOutbound::SendmailOutbound(AssemblerRecords &records, AssemblerStrings &strings)
    : m_records(records)
    , m_strings(strings)
{
}

void SendmailOutbound::clear()
{
    m_senders.clear();
    m_queue.clear();
}

Sender &SendmailOutbound::sender(std::uint64_t pid, std::int64_t time)
{
    bool inserted = false;
    Sender &p = m_senders.obtain(pid, &inserted);
    if (!inserted && p.lastTime < time - sendmail::kProcessSilence) {
        // Long silent: the process is gone and its pid was reused.
        conclude(p.attempt);
        p = Sender();
    }
    p.lastTime = std::max(p.lastTime, time);
    return p;
}

Connection &SendmailOutbound::connection(Sender &p, std::string_view relay)
{
    for (Connection &c : p.connections) {
        if (c.relay == relay)
            return c;
    }
    if (p.connections.size() >= sendmail::kMaxConnections) {
        const auto oldest = std::min_element(p.connections.begin(), p.connections.end(),
                                             [](const Connection &a, const Connection &b) {
                                                 return a.lastUse < b.lastUse;
                                             });
        p.connections.erase(oldest);
    }
    Connection &c = p.connections.emplace_back();
    c.relay.assign(relay);
    return c;
}

void SendmailOutbound::forget(Sender &p, std::string_view relay)
{
    p.connections.erase(std::remove_if(p.connections.begin(), p.connections.end(),
                                       [relay](const Connection &c) { return c.relay == relay; }),
                        p.connections.end());
}

void SendmailOutbound::queued(std::int64_t time, const SendmailEvent &event, std::int64_t offset)
{
    if (event.queueId.empty())
        return;
    QueueEntry &entry = m_queue.obtain(event.queueId);
    entry.lastTime = std::max(entry.lastTime, time);
    if (entry.known)
        return;
    entry.known = true;
    entry.size = event.size > 0 ? event.size : 0;
    entry.sender.assign(event.sender);
    entry.time = time;
    entry.offset = offset;
    entry.recipientCount = event.recipientCount;
    // Deliveries logged before the from= line (interactive delivery) get its size.
    for (OutboundMessage &m : entry.outbound) {
        if (m.emittedBytes != entry.size || m.emittedTime != entry.time) {
            assembler::addLine(m.lines, offset);
            emitMessage(event.queueId, entry, m);
        }
    }
    settle(event.queueId, entry);
}

void SendmailOutbound::settle(std::string_view queueId, const QueueEntry &entry)
{
    if (entry.known && entry.recipientCount > 0 && entry.finished >= entry.recipientCount)
        m_queue.erase(queueId);
}

// ---- failure attempts ----

void SendmailOutbound::setRelay(Sender &p, const SendmailEvent &event, bool local)
{
    Attempt &a = p.attempt;
    a.relayKnown = true;
    a.relayKey.assign(m_relay);
    sendmail::setPeer(a.peer, event.host, event.ip, false, local, m_strings);
    if (p.attemptHandshake)
        forget(p, m_relay);
}

void SendmailOutbound::start(Sender &p, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                             bool local)
{
    Attempt &a = p.attempt;
    a = Attempt();
    p.attemptFromReject = false;
    a.phase = Attempt::Phase::Open;
    a.key = offset;
    a.time = time;
    a.problem = event.problem;
    a.reason.assign(assembler::readableReason(event.problemText));
    assembler::addLine(a.lines, offset);
    if (namesRelay(event))
        setRelay(p, event, local);
}

void SendmailOutbound::join(Sender &p, const SendmailEvent &event, std::int64_t offset, bool local)
{
    Attempt &a = p.attempt;
    if (!a.relayKnown && namesRelay(event))
        setRelay(p, event, local);
    const std::string_view reason = assembler::readableReason(event.problemText);
    if (assembler::problemScore(event.problem, reason) > assembler::problemScore(a.problem, a.reason)) {
        a.problem = event.problem;
        a.reason.assign(reason);
    }
    assembler::addLine(a.lines, offset);
}

void SendmailOutbound::conclude(Attempt &a)
{
    if (a.phase == Attempt::Phase::Open)
        emitAttempt(a);
    a = Attempt();
}

void SendmailOutbound::emitAttempt(const Attempt &a)
{
    TlsFailureRecord &r = m_records.failure();
    r.key = a.key;
    r.direction = Direction::Outbound;
    AssemblerRecords::setText(r.peer, a.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, a.peer.ipQString(m_strings));
    r.port = 0;
    r.time = a.time;
    r.problem = a.problem == TlsProblem::None ? TlsProblem::Other : a.problem;
    AssemblerRecords::setText(r.reason, m_strings.get(a.reason));
    r.local = a.peer.local;
    AssemblerRecords::setLines(r.lines, a.lines);
    // The message a deferral names: its queue id, the sender of its from=
    // line (while the queue entry is kept), the recipients deferred.
    const sendmail::QueueEntry *entry = a.queueId.empty() ? nullptr : m_queue.find(a.queueId.view());
    AssemblerRecords::setUtf8(r.queueId, a.queueId.view());
    AssemblerRecords::setUtf8(r.sender, entry && entry->known ? entry->sender.view() : std::string_view());
    AssemblerRecords::setUtf8(r.recipients, a.recipients.view());
}

void SendmailOutbound::clientTls(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                 std::int64_t offset, bool local)
{
    Sender &p = sender(pid, time);
    sendmail::peerName(event.host, event.ip, false, m_relay);
    Attempt &a = p.attempt;
    if (a.phase == Attempt::Phase::Open) {
        // The pid's next line naming a relay names the failed attempt's; and a
        // handshake that worked ends the attempt.
        if (!a.relayKnown)
            setRelay(p, event, local);
        conclude(a);
    } else if (a.phase == Attempt::Phase::Run) {
        a = Attempt();
    }
    // A new connection to this relay: whatever the pid held to it before is closed.
    Connection &c = connection(p, m_relay);
    c.open = false;
    c.pending = true;
    c.pendingTls.assign(event.tls, m_strings);
    c.pendingOffset = offset;
}

void SendmailOutbound::clientFailure(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                     std::int64_t offset, bool local)
{
    Sender &p = sender(pid, time);
    Attempt &a = p.attempt;
    if (a.phase == Attempt::Phase::Open && p.attemptFromReject && a.time == time) {
        // Sendmail logs the connect failure first and then calls tls_server;
        // a log that has them the other way round (the same second, nothing
        // between) still tells of one attempt.
        p.attemptFromReject = false;
        p.attemptHandshake = true;
        join(p, event, offset, local);
        return;
    }
    conclude(a);
    p.attemptHandshake = true;
    start(p, time, event, offset, local);
}

bool SendmailOutbound::detail(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                              std::int64_t offset)
{
    const Sender *found = m_senders.find(pid);
    if (!found || found->attempt.phase != Attempt::Phase::Open)
        return false;
    Sender &p = sender(pid, time);
    join(p, event, offset, false);
    return true;
}

void SendmailOutbound::tlsServerReject(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                       std::int64_t offset, bool local)
{
    Sender &p = sender(pid, time);
    sendmail::peerName(event.host, event.ip, false, m_relay);
    Attempt &a = p.attempt;
    if (a.phase == Attempt::Phase::Open) {
        if (!a.relayKnown || a.relayKey == m_relay.view()) {
            join(p, event, offset, local);
            return;
        }
        conclude(a);
    } else if (a.phase == Attempt::Phase::Run) {
        a = Attempt();
    }
    // A rejection with no failed handshake before it: the policy refused a
    // server that offered no STARTTLS (arg1=NONE) or whose certificate did not
    // do (arg1=FAIL, NO); with arg1=SOFTWARE the handshake broke unlogged.
    p.attemptHandshake = event.rulesetArg == "SOFTWARE";
    start(p, time, event, offset, local);
    p.attemptFromReject = true;
}

void SendmailOutbound::failures(Sender &p, std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                                bool local)
{
    Attempt &a = p.attempt;
    const bool tlsReason = isTlsDeferral(event);
    const bool names = namesRelay(event);
    if (a.phase == Attempt::Phase::Open) {
        if (!a.relayKnown && names)
            setRelay(p, event, local);
        if (a.relayKnown && names && a.relayKey == m_relay.view()) {
            // The rejection named the host alone: the delivery line has its address.
            if (a.peer.ip.empty() && !event.ip.empty())
                sendmail::setPeer(a.peer, event.host, event.ip, false, local, m_strings);
            if (tlsReason) {
                join(p, event, offset, local);
                a.phase = Attempt::Phase::Run;
                a.queueId.assign(event.queueId);
                addRecipients(a, event.recipients);
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
        if (tlsReason && a.queueId == event.queueId && a.relayKey == m_relay.view()) {
            const bool grows = a.lines.size() < assembler::kMaxLines;
            join(p, event, offset, local);
            const bool named = addRecipients(a, event.recipients);
            if (grows || named)
                emitAttempt(a);
            return;
        }
        a = Attempt();
    }
    if (tlsReason) {
        // A TLS deferral with no TLS lines before it is an attempt of its own.
        p.attemptHandshake = event.problem == TlsProblem::Handshake
            || event.problem == TlsProblem::DhKeyTooSmall || event.problem == TlsProblem::CannotStart;
        start(p, time, event, offset, local);
        a.phase = Attempt::Phase::Run;
        a.queueId.assign(event.queueId);
        addRecipients(a, event.recipients);
        emitAttempt(a);
    }
}

// ---- deliveries ----

void SendmailOutbound::delivery(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                std::int64_t offset, bool local)
{
    const bool localDelivery = isLocalDelivery(event);
    const bool noRelay = event.host.empty() && event.ip.empty();
    assembler::PeerState peer;
    sendmail::setPeer(peer, noRelay ? std::string_view("local") : event.host, event.ip, false,
                      local || localDelivery, m_strings);
    sendmail::peerName(event.host, event.ip, false, m_relay);

    Sender &p = sender(pid, time);
    failures(p, time, event, offset, local);
    Use use;
    if (!localDelivery && !event.ip.empty()) {
        // A STARTTLS=client line for the relay says a connection was made after all.
        const bool handshook = std::any_of(p.connections.begin(), p.connections.end(),
                                           [this](const Connection &c) { return c.pending && c.relay == m_relay; });
        if (!event.connectFailed || handshook)
            use = connect(p, time, event, offset, peer);
        else
            forget(p, m_relay);   // none was made, and none is cached to that relay any more
    }

    if (event.queueId.empty())
        return;
    if (event.stat == SendmailStat::Sent)
        countSent(time, event, offset, use, peer);
    QueueEntry *entry = m_queue.find(event.queueId);
    if (!entry)
        return;
    entry->lastTime = std::max(entry->lastTime, time);
    if (event.stat == SendmailStat::Sent || event.stat == SendmailStat::Bounced) {
        forEachRecipient(event.recipients, [entry](std::string_view) { ++entry->finished; });
        settle(event.queueId, *entry);
    }
}

SendmailOutbound::Use SendmailOutbound::connect(Sender &p, std::int64_t time, const SendmailEvent &event,
                                                std::int64_t offset, const assembler::PeerState &peer)
{
    Connection &c = connection(p, m_relay);
    bool fresh = true;
    if (c.pending) {
        c.encrypted = true;
        c.tls = c.pendingTls;
        c.tlsOffset = c.pendingOffset;
        c.pending = false;
    } else if (c.open && SendmailText::equalsNoCase(c.ip.view(), event.ip)
               && time - c.lastUse <= sendmail::kConnectionCacheIdle) {
        fresh = false;   // the cached connection: another message, or another recipient
    } else {
        c.encrypted = false;
        c.tls.clear();
        c.tlsOffset = -1;
    }
    if (!event.tlsVerify.empty()) {
        // Sendmail 8.16's own word on this delivery's connection wins over the
        // inference, as Postfix's tls= does.
        const bool encrypted = SendmailText::verifySaysEncrypted(event.tlsVerify);
        if (encrypted != c.encrypted || (encrypted && c.tls.cipher.empty())) {
            c.encrypted = encrypted;
            c.tls.clear();
            c.tls.trust = encrypted ? SendmailText::trustFromVerify(event.tlsVerify) : Trust::Unknown;
            c.tlsOffset = -1;
        }
    }
    c.open = true;
    c.ip.assignLower(event.ip);
    c.lastUse = time;

    if (fresh) {
        ConnectionRecord &r = m_records.connection();
        r.key = offset;
        r.direction = Direction::Outbound;
        AssemblerRecords::setText(r.peer, peer.nameQString(m_strings));
        AssemblerRecords::setText(r.peerIp, peer.ipQString(m_strings));
        r.port = 0;
        r.time = time;
        r.encrypted = c.encrypted;
        r.local = peer.local;
        if (c.encrypted)
            c.tls.toDetails(m_strings, r.tls);
        else
            AssemblerRecords::clearDetails(r.tls);
        r.lines.clear();
        if (c.encrypted && c.tlsOffset >= 0)
            assembler::addLine(r.lines, c.tlsOffset);
        assembler::addLine(r.lines, offset);
    }

    Use use;
    use.encrypted = c.encrypted;
    use.tls = &c.tls;
    use.tlsOffset = c.encrypted ? c.tlsOffset : -1;
    return use;
}

void SendmailOutbound::countSent(std::int64_t time, const SendmailEvent &event, std::int64_t offset,
                                 const Use &use, const assembler::PeerState &peer)
{
    QueueEntry &entry = m_queue.obtain(event.queueId);
    entry.lastTime = std::max(entry.lastTime, time);
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
        forEachRecipient(event.recipients, [&n](std::string_view recipient) {
            if (n.recipients.size() < assembler::kMaxRecipients)
                n.recipients.emplace_back(recipient);
        });
        if (entry.known && entry.offset >= 0)
            assembler::addLine(n.lines, entry.offset);
        if (use.tlsOffset >= 0)
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
    forEachRecipient(event.recipients, [m, &changed](std::string_view recipient) {
        if (m->recipients.size() < assembler::kMaxRecipients
            && std::find(m->recipients.begin(), m->recipients.end(), recipient) == m->recipients.end()) {
            m->recipients.emplace_back(recipient);
            changed = true;
        }
    });
    if (use.tlsOffset >= 0)
        assembler::addLine(m->lines, use.tlsOffset);
    assembler::addLine(m->lines, offset);
    if (changed)
        emitMessage(event.queueId, entry, *m);
}

void SendmailOutbound::emitMessage(std::string_view queueId, const QueueEntry &entry, OutboundMessage &m)
{
    TransferRecord &r = m_records.transfer();
    r.key = m.key;
    r.direction = Direction::Outbound;
    AssemblerRecords::setText(r.peer, m.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, m.peer.ipQString(m_strings));
    AssemblerRecords::setUtf8(r.queueId, queueId);
    r.time = entry.known ? entry.time : m.firstTime;
    r.bytes = entry.known ? entry.size : 0;
    r.encrypted = m.encrypted;
    r.local = m.peer.local;
    AssemblerRecords::setUtf8(r.sender, entry.sender);
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

// ---- time ----

void SendmailOutbound::endSorted(std::vector<std::uint64_t> pids, bool erase)
{
    // In the order of the attempts' first lines, whatever the hash map's order;
    // each key looked up once, not at every comparison.
    std::vector<std::pair<std::int64_t, std::uint64_t>> order;
    order.reserve(pids.size());
    for (std::uint64_t pid : pids)
        order.emplace_back(m_senders.find(pid)->attempt.key, pid);
    std::sort(order.begin(), order.end());
    for (const auto &[key, pid] : order) {
        conclude(m_senders.find(pid)->attempt);
        if (erase)
            m_senders.erase(pid);
    }
}

void SendmailOutbound::expire(std::int64_t now)
{
    std::vector<std::uint64_t> gone;
    std::vector<std::uint64_t> waiting;
    m_senders.forEach([&gone, &waiting, now](std::uint64_t pid, Sender &p) {
        if (p.lastTime < now - sendmail::kProcessSilence)
            gone.push_back(pid);
        else if (p.attempt.phase == Attempt::Phase::Open && p.lastTime < now - sendmail::kAttemptIdle)
            waiting.push_back(pid);
        else if (p.attempt.phase == Attempt::Phase::Run && p.lastTime < now - sendmail::kAttemptIdle)
            p.attempt = Attempt();
    });
    // Attempts settle in the order of their first lines, whichever list holds them.
    std::vector<std::uint64_t> all = gone;
    all.insert(all.end(), waiting.begin(), waiting.end());
    if (!all.empty())
        endSorted(std::move(all), false);
    for (std::uint64_t pid : gone)
        m_senders.erase(pid);

    m_queue.forEach([this, now](const AssemblerText &id, QueueEntry &entry) {
        if (entry.lastTime < now - sendmail::kQueueSilence)
            m_queue.erase(id);
    });
}

void SendmailOutbound::finish()
{
    std::vector<std::uint64_t> open;
    m_senders.forEach([&open](std::uint64_t pid, const Sender &p) {
        if (p.attempt.phase == Attempt::Phase::Open)
            open.push_back(pid);
    });
    endSorted(std::move(open), false);
}

void SendmailOutbound::save(QDataStream &out) const
{
    std::vector<std::pair<std::uint64_t, const Sender *>> senders;
    senders.reserve(m_senders.size());
    m_senders.forEach([&senders](std::uint64_t pid, const Sender &p) { senders.emplace_back(pid, &p); });
    std::sort(senders.begin(), senders.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    out << quint32(senders.size());
    for (const auto &[pid, p] : senders) {
        out << quint64(pid);
        sendmail::write(out, *p);
    }

    std::vector<std::pair<const AssemblerText *, const QueueEntry *>> entries;
    entries.reserve(m_queue.size());
    m_queue.forEach([&entries](const AssemblerText &id, const QueueEntry &e) { entries.emplace_back(&id, &e); });
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return *a.first < *b.first; });
    out << quint32(entries.size());
    for (const auto &[id, e] : entries) {
        assembler::writeString(out, id->view());
        sendmail::write(out, *e);
    }
}

bool SendmailOutbound::load(QDataStream &in)
{
    clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        quint64 pid = 0;
        in >> pid;
        Sender p;
        if (in.status() != QDataStream::Ok || !sendmail::read(in, p))
            return false;
        bool inserted = false;
        Sender &stored = m_senders.obtain(pid, &inserted);
        if (!inserted)
            return false;
        stored = std::move(p);
    }
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        AssemblerText id;
        QueueEntry entry;
        if (!assembler::readString(in, id) || !sendmail::read(in, entry))
            return false;
        bool inserted = false;
        QueueEntry &stored = m_queue.obtain(id, &inserted);
        if (!inserted)
            return false;
        stored = std::move(entry);
    }
    return true;
}

} // namespace mailtls
