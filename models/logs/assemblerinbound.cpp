#include "models/logs/assemblerinbound.h"

#include <algorithm>
#include <utility>

#include "models/logs/assemblerpeer.h"
#include "models/logs/assemblerqueue.h"
#include "models/logs/assemblerrecords.h"

namespace mailtls {

using assembler::InboundMessage;
using assembler::QueueEntry;
using assembler::Session;

namespace {

// "A session that tried TLS and failed": a failure line or starttls=0/N, and
// neither a TLS line nor a successful STARTTLS to say otherwise.
bool failed(const Session &s)
{
    if (s.tls || s.starttlsOk >= 1)
        return false;
    return s.failureSeen || (s.starttlsTried > 0 && s.starttlsOk == 0);
}

// Encrypted without a TLS line: starttls=1 in the statistics, or a wrapper-mode
// service that did not fail. Before the disconnect, only the wrapper rule can hold.
bool wholeSessionEncrypted(const Session &s)
{
    return !s.tls && (s.starttlsOk >= 1 || (s.wrapper && !failed(s)));
}

// RECIPES.md: an `encrypt` listener answers a plaintext client's MAIL with
// "530 5.7.0 Must issue a STARTTLS command first" and logs no reject line,
// only the refused MAIL in the disconnect statistics (mail=0/1). A MAIL
// refused for a logged reason has its reject: line (or its warning); a
// session with any MAIL accepted (mail=1/2: a nested MAIL refused) was not
// refused for lacking TLS.
bool refusedForPlaintext(const Session &s, const LogEvent &disconnect)
{
    return !s.tls && !s.wrapper && s.starttlsTried <= 0 && !s.failureSeen && !s.rejected
        && disconnect.mailTried > 0 && disconnect.mailOk == 0;
}

Direction directionOf(bool submission)
{
    return submission ? Direction::Submission : Direction::Inbound;
}

} // namespace

AssemblerInbound::AssemblerInbound(AssemblerQueue &queue, AssemblerRecords &records,
                                   AssemblerStrings &strings)
    : m_queue(queue)
    , m_records(records)
    , m_strings(strings)
{
}

void AssemblerInbound::feed(std::uint64_t pid, std::int64_t time, const LogEvent &event,
                            std::int64_t offset, std::int64_t now, const AssemblerHints *hints)
{
    m_hints = hints;
    Session *found = m_sessions.find(pid);
    if (found
        && (event.kind == EventKind::SmtpdConnect
            || found->lastTime < now - assembler::kSilenceLimit)) {
        // The next connect of a pid ends its previous session; so does a long silence
        // (the process is long gone and the pid was reused).
        close(pid, *found, -1);
        m_sessions.erase(pid);
        found = nullptr;
    }
    if (!found) {
        // A log that starts mid-session: the session begins at the first line of
        // the pid that names its client.
        if (event.host.empty() && event.ip.empty())
            return;
        found = &m_sessions.obtain(pid);
        open(*found, time, event, offset);
        if (event.kind == EventKind::SmtpdConnect)
            return;
    }

    Session &s = *found;
    s.lastTime = std::max(s.lastTime, time);
    switch (event.kind) {
    case EventKind::SmtpdTlsEstablished:
        if (!s.tls) {
            s.tls = true;
            s.tlsInfo.assign(event.tls, m_strings, m_hints ? m_hints->tls : nullptr);
            s.tlsOffset = offset;
            assembler::addLine(s.lines, offset);
        }
        break;
    case EventKind::SmtpdTlsFailure:
        if (!s.failureSeen) {
            s.failureSeen = true;
            s.failureKey = offset;
            s.failureTime = time;
            s.problem = event.problem;
            s.reason.assign(assembler::readableReason(event.problemText));
        } else if (assembler::problemScore(event.problem, event.problemText)
                   > assembler::problemScore(s.problem, s.reason)) {
            s.problem = event.problem;
            s.reason.assign(assembler::readableReason(event.problemText));
        }
        assembler::addLine(s.failureLines, offset);
        assembler::addLine(s.lines, offset);
        break;
    case EventKind::SmtpdClient:
        client(pid, s, time, event, offset);
        break;
    case EventKind::SmtpdDisconnect:
        if (event.authenticated)
            s.authenticated = true;
        if (event.starttlsTried >= 0) {
            s.starttlsOk = event.starttlsOk;
            s.starttlsTried = event.starttlsTried;
        }
        assembler::addLine(s.lines, offset);
        if (!s.submission() && refusedForPlaintext(s, event))
            refuse(s, time, event, offset);
        close(pid, s, offset);
        m_sessions.erase(pid);
        break;
    default:
        break;
    }
}

void AssemblerInbound::rejected(std::uint64_t pid)
{
    if (Session *s = m_sessions.find(pid))
        s->rejected = true;
}

void AssemblerInbound::refuse(const Session &s, std::int64_t time, const LogEvent &event,
                              std::int64_t offset)
{
    RefusalRecord &r = m_records.refusal();
    r.key = offset;
    r.direction = Direction::Inbound;
    AssemblerRecords::setText(r.peer, s.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, s.peer.ipQString(m_strings));
    r.port = 0;
    r.time = time;
    r.reason = QStringLiteral("mail=%1/%2").arg(event.mailOk).arg(event.mailTried);
    // Refused at MAIL: the log names neither side's address.
    AssemblerRecords::clearText(r.sender);
    AssemblerRecords::clearText(r.recipients);
    r.local = s.peer.local;
    AssemblerRecords::setLines(r.lines, s.lines);
}

void AssemblerInbound::open(Session &s, std::int64_t time, const LogEvent &event,
                            std::int64_t offset)
{
    s.key = offset;
    s.startTime = time;
    s.lastTime = time;
    assembler::setPeer(s.peer, Daemon::Smtpd, event.host, event.ip, 0, m_strings, m_hints);
    const std::string_view service = event.service;
    s.wrapper = service == "smtps" || service == "submissions";
    s.submissionService = s.wrapper || service == "submission";
    assembler::addLine(s.lines, offset);
}

void AssemblerInbound::client(std::uint64_t pid, Session &s, std::int64_t time,
                              const LogEvent &event, std::int64_t offset)
{
    if (event.authenticated)
        s.authenticated = true;
    assembler::addLine(s.lines, offset);
    if (event.queueId.empty())
        return;
    if (!s.messages.empty() && s.messages.back().queueId == event.queueId)
        return;   // one client= per queue id: a repeated line adds nothing

    InboundMessage &m = s.messages.emplace_back();
    m.queueId.assign(event.queueId);
    m.key = offset;
    m.peer = s.peer;
    m.encryptedAtClient = s.tls;
    if (s.tls) {
        m.tls = s.tlsInfo;
        assembler::addLine(m.lines, s.tlsOffset);
    }
    assembler::addLine(m.lines, s.key);
    assembler::addLine(m.lines, offset);
    m.submission = s.submission();
    m.wholeSession = wholeSessionEncrypted(s);

    QueueEntry &entry = m_queue.obtain(event.queueId, time, m_hints ? m_hints->queueId : 0);
    entry.inSession = true;
    entry.sessionPid = pid;
    entry.sessionKey = s.key;
    entry.hasPending = false;
    if (entry.queued) {
        // qmgr came first (lines of two sources merged out of order).
        queued(event.queueId, entry);
    }
}

void AssemblerInbound::queued(std::string_view queueId, QueueEntry &entry)
{
    auto record = [&entry](InboundMessage &m) {
        m.queued = true;
        m.size = entry.size;
        m.queueTime = entry.queueTime;
        m.sender = entry.sender;
        assembler::addLine(m.lines, entry.queueOffset);
    };

    if (entry.inSession) {
        Session *session = m_sessions.find(entry.sessionPid);
        if (!session || session->key != entry.sessionKey)
            return;
        Session &s = *session;
        for (auto m = s.messages.rbegin(); m != s.messages.rend(); ++m) {
            if (m->queueId != queueId || m->queued)
                continue;
            record(*m);
            m->submission = s.submission();
            m->wholeSession = wholeSessionEncrypted(s);
            emitMessage(*m, &entry);
            break;
        }
        return;
    }
    if (entry.hasPending) {
        record(*entry.pending);
        emitMessage(*entry.pending, &entry);
        entry.hasPending = false;
        entry.pending.reset();
    }
}

void AssemblerInbound::close(std::uint64_t pid, Session &s, std::int64_t disconnect)
{
    const bool submission = s.submission();
    const bool whole = wholeSessionEncrypted(s);

    ConnectionRecord &connection = m_records.connection();
    connection.key = s.key;
    connection.direction = directionOf(submission);
    AssemblerRecords::setText(connection.peer, s.peer.nameQString(m_strings));
    AssemblerRecords::setText(connection.peerIp, s.peer.ipQString(m_strings));
    connection.port = 0;
    connection.time = s.startTime;
    connection.encrypted = s.tls || whole;
    connection.local = s.peer.local;
    if (s.tls)
        s.tlsInfo.toDetails(m_strings, connection.tls);
    else
        AssemblerRecords::clearDetails(connection.tls);
    AssemblerRecords::setLines(connection.lines, s.lines);

    if (failed(s)) {
        TlsFailureRecord &failure = m_records.failure();
        failure.direction = directionOf(submission);
        AssemblerRecords::setText(failure.peer, s.peer.nameQString(m_strings));
        AssemblerRecords::setText(failure.peerIp, s.peer.ipQString(m_strings));
        failure.port = 0;
        failure.local = s.peer.local;
        AssemblerRecords::setLines(failure.lines, s.failureLines);
        if (s.failureSeen) {
            failure.key = s.failureKey;
            failure.time = s.failureTime;
            failure.problem = s.problem == TlsProblem::None ? TlsProblem::Other : s.problem;
            AssemblerRecords::setText(failure.reason, m_strings.get(s.reason));
        } else {
            // Only the statistics say it: starttls=0/N (failed() needs them, so
            // the session ended with its disconnect line).
            failure.key = disconnect;
            failure.time = s.lastTime;
            failure.problem = TlsProblem::Other;
            failure.reason = QStringLiteral("starttls=%1/%2").arg(s.starttlsOk).arg(s.starttlsTried);
        }
        if (disconnect >= 0)
            assembler::addLine(failure.lines, disconnect);
    }

    for (InboundMessage &m : s.messages) {
        const bool wasEncrypted = m.encrypted();
        const bool wasSubmission = m.submission;
        m.submission = submission;
        m.wholeSession = whole;
        m.sessionClosed = true;
        // The disconnect statistics (auth=, starttls=) changed what the message is:
        // that line is part of its provenance.
        if (disconnect >= 0 && (m.encrypted() != wasEncrypted || m.submission != wasSubmission))
            assembler::addLine(m.lines, disconnect);
        QueueEntry *entry = m_queue.find(m.queueId);
        const bool held = entry && entry->inSession && entry->sessionPid == pid
            && entry->sessionKey == s.key;
        if (held)
            entry->inSession = false;
        if (m.queued) {
            if (!m.emitted || m.emittedEncrypted != m.encrypted()
                || m.emittedSubmission != m.submission)
                emitMessage(m, entry);
        } else if (held) {
            // Not in the queue yet: its qmgr line may still come. If the queue id
            // is removed (or forgotten) first, it never was a message.
            entry->hasPending = true;
            entry->pending = std::make_unique<InboundMessage>(std::move(m));
        }
    }
}

void AssemblerInbound::emitMessage(InboundMessage &m, QueueEntry *entry)
{
    TransferRecord &r = m_records.transfer();
    r.key = m.key;
    r.direction = directionOf(m.submission);
    AssemblerRecords::setText(r.peer, m.peer.nameQString(m_strings));
    AssemblerRecords::setText(r.peerIp, m.peer.ipQString(m_strings));
    // The queue entry's strings, shared with the message's other records, when it
    // is still the entry that gave the message its sender.
    if (entry)
        AssemblerRecords::setText(r.queueId, entry->queueIdText(m.queueId));
    else
        AssemblerRecords::setUtf8(r.queueId, m.queueId);
    r.time = m.queueTime;
    r.bytes = m.size;
    r.encrypted = m.encrypted();
    r.local = m.peer.local;
    if (entry && entry->sender == m.sender)
        AssemblerRecords::setText(r.sender, entry->senderQString());
    else
        AssemblerRecords::setUtf8(r.sender, m.sender);
    AssemblerRecords::clearText(r.recipients);
    if (m.encryptedAtClient)
        m.tls.toDetails(m_strings, r.tls);
    else
        AssemblerRecords::clearDetails(r.tls);
    AssemblerRecords::setLines(r.lines, m.lines);
    m.emitted = true;
    m.emittedEncrypted = m.encrypted();
    m.emittedSubmission = m.submission;
}

void AssemblerInbound::closeSorted(std::vector<std::uint64_t> pids)
{
    // Records come out in the order of the sessions' first lines, whatever the
    // hash map's order, so that a restored state ends them exactly as a clean read.
    std::sort(pids.begin(), pids.end(), [this](std::uint64_t a, std::uint64_t b) {
        const std::int64_t ka = m_sessions.find(a)->key;
        const std::int64_t kb = m_sessions.find(b)->key;
        return ka != kb ? ka < kb : a < b;
    });
    for (std::uint64_t pid : pids) {
        close(pid, *m_sessions.find(pid), -1);
        m_sessions.erase(pid);
    }
}

void AssemblerInbound::expire(std::int64_t now)
{
    std::vector<std::uint64_t> stale;
    m_sessions.forEach([&stale, now](std::uint64_t pid, const Session &session) {
        if (session.lastTime < now - assembler::kSilenceLimit)
            stale.push_back(pid);
    });
    if (!stale.empty())
        closeSorted(std::move(stale));
}

void AssemblerInbound::finish()
{
    std::vector<std::uint64_t> all;
    all.reserve(m_sessions.size());
    m_sessions.forEach([&all](std::uint64_t pid, const Session &) { all.push_back(pid); });
    closeSorted(std::move(all));
}

void AssemblerInbound::save(QDataStream &out) const
{
    std::vector<std::uint64_t> pids;
    std::vector<std::pair<std::uint64_t, const Session *>> sessions;
    sessions.reserve(m_sessions.size());
    m_sessions.forEach([&sessions](std::uint64_t pid, const Session &s) { sessions.emplace_back(pid, &s); });
    std::sort(sessions.begin(), sessions.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });

    out << quint32(sessions.size());
    for (const auto &[pid, session] : sessions) {
        const Session &s = *session;
        out << quint64(pid) << qint64(s.key) << qint64(s.startTime) << qint64(s.lastTime);
        assembler::write(out, s.peer);
        out << s.submissionService << s.wrapper << s.authenticated << s.tls;
        assembler::write(out, s.tlsInfo);
        out << qint64(s.tlsOffset) << s.failureSeen << quint8(s.problem);
        assembler::writeString(out, s.reason);
        out << qint64(s.failureKey) << qint64(s.failureTime) << qint32(s.starttlsOk)
            << qint32(s.starttlsTried) << s.rejected;
        assembler::write(out, s.lines);
        assembler::write(out, s.failureLines);
        out << quint32(s.messages.size());
        for (const InboundMessage &m : s.messages)
            assembler::write(out, m);
    }
}

bool AssemblerInbound::load(QDataStream &in, int version)
{
    m_sessions.clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        quint64 pid = 0;
        qint64 key = 0;
        qint64 startTime = 0;
        qint64 lastTime = 0;
        Session s;
        in >> pid >> key >> startTime >> lastTime;
        s.key = key;
        s.startTime = startTime;
        s.lastTime = lastTime;
        if (in.status() != QDataStream::Ok || !assembler::read(in, s.peer))
            return false;
        in >> s.submissionService >> s.wrapper >> s.authenticated >> s.tls;
        if (!assembler::read(in, s.tlsInfo))
            return false;
        qint64 tlsOffset = 0;
        in >> tlsOffset >> s.failureSeen;
        s.tlsOffset = tlsOffset;
        if (!assembler::readProblem(in, s.problem) || !assembler::readString(in, s.reason))
            return false;
        qint64 failureKey = 0;
        qint64 failureTime = 0;
        qint32 starttlsOk = 0;
        qint32 starttlsTried = 0;
        in >> failureKey >> failureTime >> starttlsOk >> starttlsTried;
        s.failureKey = failureKey;
        s.failureTime = failureTime;
        s.starttlsOk = starttlsOk;
        s.starttlsTried = starttlsTried;
        if (version >= 2)
            in >> s.rejected;
        if (in.status() != QDataStream::Ok || !assembler::read(in, s.lines)
            || !assembler::read(in, s.failureLines))
            return false;
        std::uint32_t messages = 0;
        if (!assembler::readCount(in, messages))
            return false;
        for (std::uint32_t j = 0; j < messages; ++j) {
            InboundMessage m;
            if (!assembler::read(in, m))
                return false;
            s.messages.push_back(std::move(m));
        }
        bool inserted = false;
        Session &stored = m_sessions.obtain(pid, &inserted);
        if (!inserted)
            return false;
        stored = std::move(s);
    }
    return true;
}

} // namespace mailtls
