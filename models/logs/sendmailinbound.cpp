#include "models/logs/sendmailinbound.h"

#include <algorithm>
#include <utility>

#include "models/logs/assemblerpeer.h"
#include "models/logs/sendmailtext.h"

namespace mailtls {

using sendmail::InboundMessage;
using sendmail::Session;

namespace {

Direction directionOf(bool submission)
{
    return submission ? Direction::Submission : Direction::Inbound;
}

bool namesClient(const SendmailEvent &event)
{
    return !event.host.empty() || !event.ip.empty();
}

// Sendmail's submission daemons: "MSA" (cf/README's DAEMON_OPTIONS example on
// port 587) and Debian's "MSP-v4"/"MSP-v6".
bool isSubmissionDaemon(std::string_view daemon)
{
    return daemon.size() >= 3
        && (SendmailText::equalsNoCase(daemon.substr(0, 3), "MSA")
            || SendmailText::equalsNoCase(daemon.substr(0, 3), "MSP"));
}

bool otherClient(const Session &s, const SendmailEvent &event)
{
    if (!s.hasPeer || event.ip.empty() || s.peer.ip.empty())
        return false;
    return !SendmailText::equalsNoCase(s.peer.ip.view(), event.ip);
}

} // namespace

SendmailInbound::SendmailInbound(AssemblerRecords &records, AssemblerStrings &strings)
    : m_records(records)
    , m_strings(strings)
{
}

Session *SendmailInbound::sessionFor(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                                     std::int64_t offset)
{
    Session *found = m_sessions.find(pid);
    if (found) {
        const bool stale = found->lastTime < time - sendmail::kSessionIdle;
        if (stale || (namesClient(event) && (found->ended || otherClient(*found, event)))) {
            close(*found);
            m_sessions.erase(pid);
            found = nullptr;
        }
    }
    if (!found) {
        // A log that starts mid-session: the session begins at the first line of
        // the pid that names its client. An accept failure of a Sendmail too old
        // to name the client still makes one.
        if (!namesClient(event) && event.kind != SendmailEventKind::ServerTlsFailure)
            return nullptr;
        Session &s = m_sessions.obtain(pid);
        open(s, time, event, offset);
        return &s;
    }
    Session &s = *found;
    s.lastTime = std::max(s.lastTime, time);
    if (!s.hasPeer && namesClient(event)) {
        s.hasPeer = true;
        sendmail::setPeer(s.peer, event.host, event.ip, event.forged, false, m_strings);
    }
    return &s;
}

void SendmailInbound::open(Session &s, std::int64_t time, const SendmailEvent &event, std::int64_t offset)
{
    s = Session();
    s.key = offset;
    s.startTime = time;
    s.lastTime = time;
    s.hasPeer = namesClient(event);
    if (s.hasPeer)
        sendmail::setPeer(s.peer, event.host, event.ip, event.forged, false, m_strings);
    assembler::addLine(s.lines, offset);
}

void SendmailInbound::feed(std::uint64_t pid, std::int64_t time, const SendmailEvent &event,
                           std::int64_t offset)
{
    Session *found = sessionFor(pid, time, event, offset);
    if (!found)
        return;
    Session &s = *found;
    switch (event.kind) {
    case SendmailEventKind::ServerTls:
        if (!s.tls) {
            s.tls = true;
            s.tlsInfo.assign(event.tls, m_strings);
            s.tlsOffset = offset;
        }
        assembler::addLine(s.lines, offset);
        break;
    case SendmailEventKind::ServerTlsFailure: {
        const std::string_view reason = assembler::readableReason(event.problemText);
        if (!s.failed) {
            s.failed = true;
            s.failureKey = offset;
            s.failureTime = time;
            s.problem = event.problem;
            s.reason.assign(reason);
        } else if (assembler::problemScore(event.problem, reason) > assembler::problemScore(s.problem, s.reason)) {
            s.problem = event.problem;
            s.reason.assign(reason);
        }
        assembler::addLine(s.failureLines, offset);
        assembler::addLine(s.lines, offset);
        // The session goes on: one Sendmail process serves one connection, and
        // a real Sendmail logs the same client's "did not issue MAIL" (or its
        // plaintext mail) on the same pid after a failed handshake.
        emitFailure(s);
        break;
    }
    case SendmailEventKind::Auth:
        s.authenticated = true;
        assembler::addLine(s.lines, offset);
        break;
    case SendmailEventKind::From:
        message(s, time, event, offset);
        break;
    case SendmailEventKind::SessionEnd: {
        if (isSubmissionDaemon(event.daemon))
            s.submissionDaemon = true;
        assembler::addLine(s.lines, offset);
        close(s);
        m_sessions.erase(pid);
        break;
    }
    case SendmailEventKind::SessionLine:
        if (event.refusedPlaintext && !s.tls && !s.submission())
            emitRefusal(s, time, event, offset);
        break;
    default:
        break;
    }
}

void SendmailInbound::emitRefusal(const Session &s, std::int64_t time, const SendmailEvent &event,
                                  std::int64_t offset)
{
    RefusalRecord &r = m_records.refusal();
    r.key = offset;
    r.direction = Direction::Inbound;
    AssemblerRecords::setText(r.peer, s.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, s.peer.ipQString(m_strings));
    r.port = 0;
    r.time = time;
    AssemblerRecords::setUtf8(r.reason, event.problemText);
    // The line names the recipient it refused (check_rcpt) or the sender
    // (check_mail), never both.
    AssemblerRecords::setUtf8(r.sender, event.refusedSender);
    AssemblerRecords::setUtf8(r.recipients, event.refusedRecipient);
    r.local = s.peer.local;
    r.lines = {offset};
}

bool SendmailInbound::detail(std::uint64_t pid, const SendmailEvent &event, std::int64_t offset)
{
    Session *found = m_sessions.find(pid);
    if (!found || !found->failed)
        return false;
    Session &s = *found;
    const std::string_view reason = assembler::readableReason(event.problemText);
    if (assembler::problemScore(event.problem, reason) > assembler::problemScore(s.problem, s.reason)) {
        s.problem = event.problem;
        s.reason.assign(reason);
    }
    assembler::addLine(s.failureLines, offset);
    assembler::addLine(s.lines, offset);
    emitFailure(s);
    return true;
}

void SendmailInbound::message(Session &s, std::int64_t time, const SendmailEvent &event, std::int64_t offset)
{
    if (isSubmissionDaemon(event.daemon))
        s.submissionDaemon = true;
    // Sendmail's own word on the session (RFC 3848 protocol names, set at EHLO
    // and at AUTH; 8.16's tls_verify= and auth=): it holds when STARTTLS and AUTH
    // lines are not logged (LogLevel below 9).
    if (SendmailText::startsWith(event.protocol, "ESMTP")) {
        const std::string_view suffix = event.protocol.substr(5);
        if (suffix.find('S') != std::string_view::npos)
            s.tlsByProtocol = true;
        if (suffix.find('A') != std::string_view::npos)
            s.authenticated = true;
    }
    if (!event.authMechanism.empty() && event.authMechanism != "NONE")
        s.authenticated = true;
    if (SendmailText::verifySaysEncrypted(event.tlsVerify))
        s.tlsByProtocol = true;

    // A from= line with nrcpts=0 is a transaction whose every recipient was
    // refused (relaying denied, unknown users): nothing was queued for
    // delivery, so it is no message, as a Postfix queue id that never reaches
    // the queue is none. The session is still a connection.
    if (event.recipientCount == 0) {
        assembler::addLine(s.lines, offset);
        return;
    }

    InboundMessage m;
    m.key = offset;
    m.queueId.assign(event.queueId);
    if (!event.ip.empty())
        sendmail::setPeer(m.peer, event.host, event.ip, event.forged, false, m_strings);
    else
        m.peer = s.peer;
    m.time = time;
    m.size = event.size > 0 ? event.size : 0;
    m.sender.assign(event.sender);
    m.encrypted = s.encrypted();
    if (s.tls) {
        m.tls = s.tlsInfo;
        assembler::addLine(m.lines, s.tlsOffset);
    }
    assembler::addLine(m.lines, s.key);
    assembler::addLine(m.lines, offset);
    m.submission = s.submission();
    emitMessage(m);
    assembler::addLine(s.lines, offset);
    if (!m.submission && s.messages.size() < sendmail::kMaxSessionMessages)
        s.messages.push_back(std::move(m));
}

void SendmailInbound::close(Session &s)
{
    const bool submission = s.submission();
    ConnectionRecord &c = m_records.connection();
    c.key = s.key;
    c.direction = directionOf(submission);
    AssemblerRecords::setText(c.peer, s.peer.nameQString(m_strings));
    AssemblerRecords::setText(c.peerIp, s.peer.ipQString(m_strings));
    c.port = 0;
    c.time = s.startTime;
    c.encrypted = s.encrypted();
    c.local = s.peer.local;
    if (s.tls)
        s.tlsInfo.toDetails(m_strings, c.tls);
    else
        AssemblerRecords::clearDetails(c.tls);
    AssemblerRecords::setLines(c.lines, s.lines);

    // An AUTH after a message makes the whole session submission, as Postfix's
    // auth= in the disconnect statistics does.
    for (InboundMessage &m : s.messages) {
        if (m.submission != submission) {
            m.submission = submission;
            emitMessage(m);
        }
    }
}

void SendmailInbound::emitMessage(const InboundMessage &m)
{
    TransferRecord &r = m_records.transfer();
    r.key = m.key;
    r.direction = directionOf(m.submission);
    AssemblerRecords::setText(r.peer, m.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, m.peer.ipQString(m_strings));
    AssemblerRecords::setUtf8(r.queueId, m.queueId);
    r.time = m.time;
    r.bytes = m.size;
    r.encrypted = m.encrypted;
    r.local = m.peer.local;
    AssemblerRecords::setUtf8(r.sender, m.sender);
    AssemblerRecords::clearText(r.recipients);
    if (m.encrypted && !m.tls.cipher.empty())
        m.tls.toDetails(m_strings, r.tls);
    else
        AssemblerRecords::clearDetails(r.tls);
    AssemblerRecords::setLines(r.lines, m.lines);
}

void SendmailInbound::emitFailure(const Session &s)
{
    TlsFailureRecord &r = m_records.failure();
    r.key = s.failureKey;
    r.direction = directionOf(s.submission());
    AssemblerRecords::setText(r.peer, s.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, s.peer.ipQString(m_strings));
    r.port = 0;
    r.time = s.failureTime;
    r.problem = s.problem == TlsProblem::None ? TlsProblem::Other : s.problem;
    AssemblerRecords::setText(r.reason, m_strings.get(s.reason));
    r.local = s.peer.local;
    AssemblerRecords::setLines(r.lines, s.failureLines);
}

void SendmailInbound::closeSorted(std::vector<std::uint64_t> pids)
{
    // In the order of the sessions' first lines, whatever the hash map's order,
    // so that a restored state ends them exactly as a clean read.
    std::sort(pids.begin(), pids.end(), [this](std::uint64_t a, std::uint64_t b) {
        const std::int64_t ka = m_sessions.find(a)->key;
        const std::int64_t kb = m_sessions.find(b)->key;
        return ka != kb ? ka < kb : a < b;
    });
    for (std::uint64_t pid : pids) {
        close(*m_sessions.find(pid));
        m_sessions.erase(pid);
    }
}

void SendmailInbound::expire(std::int64_t now)
{
    std::vector<std::uint64_t> stale;
    m_sessions.forEach([&stale, now](std::uint64_t pid, const Session &s) {
        if (s.lastTime < now - sendmail::kSessionIdle)
            stale.push_back(pid);
    });
    if (!stale.empty())
        closeSorted(std::move(stale));
}

void SendmailInbound::finish()
{
    std::vector<std::uint64_t> all;
    all.reserve(m_sessions.size());
    m_sessions.forEach([&all](std::uint64_t pid, const Session &) { all.push_back(pid); });
    closeSorted(std::move(all));
}

void SendmailInbound::save(QDataStream &out) const
{
    std::vector<std::pair<std::uint64_t, const Session *>> sessions;
    sessions.reserve(m_sessions.size());
    m_sessions.forEach([&sessions](std::uint64_t pid, const Session &s) { sessions.emplace_back(pid, &s); });
    std::sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    out << quint32(sessions.size());
    for (const auto &[pid, session] : sessions) {
        out << quint64(pid);
        sendmail::write(out, *session);
    }
}

bool SendmailInbound::load(QDataStream &in)
{
    m_sessions.clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        quint64 pid = 0;
        in >> pid;
        Session s;
        if (in.status() != QDataStream::Ok || !sendmail::read(in, s))
            return false;
        bool inserted = false;
        Session &stored = m_sessions.obtain(pid, &inserted);
        if (!inserted)
            return false;
        stored = std::move(s);
    }
    return true;
}

} // namespace mailtls
