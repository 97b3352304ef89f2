#include "models/logs/sendmailstate.h"

#include "models/logs/assemblerpeer.h"

namespace mailtls::sendmail {

using assembler::read;
using assembler::readCount;
using assembler::readProblem;
using assembler::readString;
using assembler::write;
using assembler::writeString;

void write(QDataStream &out, const InboundMessage &m)
{
    out << qint64(m.key);
    writeString(out, m.queueId);
    write(out, m.peer);
    out << qint64(m.time) << qint64(m.size);
    writeString(out, m.sender);
    out << m.encrypted;
    write(out, m.tls);
    write(out, m.lines);
    out << m.submission;
}

bool read(QDataStream &in, InboundMessage &m)
{
    qint64 key = 0;
    in >> key;
    m.key = key;
    if (!readString(in, m.queueId) || !read(in, m.peer))
        return false;
    qint64 time = 0;
    qint64 size = 0;
    in >> time >> size;
    m.time = time;
    m.size = size;
    if (!readString(in, m.sender))
        return false;
    in >> m.encrypted;
    if (!read(in, m.tls) || !read(in, m.lines))
        return false;
    in >> m.submission;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const Session &s)
{
    out << qint64(s.key) << qint64(s.startTime) << qint64(s.lastTime) << s.hasPeer;
    write(out, s.peer);
    out << s.tls;
    write(out, s.tlsInfo);
    out << qint64(s.tlsOffset) << s.tlsByProtocol << s.authenticated << s.submissionDaemon << s.failed
        << qint64(s.failureKey) << qint64(s.failureTime) << quint8(s.problem);
    writeString(out, s.reason);
    write(out, s.failureLines);
    out << s.ended;
    write(out, s.lines);
    out << quint32(s.messages.size());
    for (const InboundMessage &m : s.messages)
        write(out, m);
}

bool read(QDataStream &in, Session &s)
{
    qint64 key = 0;
    qint64 startTime = 0;
    qint64 lastTime = 0;
    in >> key >> startTime >> lastTime >> s.hasPeer;
    s.key = key;
    s.startTime = startTime;
    s.lastTime = lastTime;
    if (in.status() != QDataStream::Ok || !read(in, s.peer))
        return false;
    in >> s.tls;
    if (!read(in, s.tlsInfo))
        return false;
    qint64 tlsOffset = 0;
    qint64 failureKey = 0;
    qint64 failureTime = 0;
    in >> tlsOffset >> s.tlsByProtocol >> s.authenticated >> s.submissionDaemon >> s.failed >> failureKey
        >> failureTime;
    s.tlsOffset = tlsOffset;
    s.failureKey = failureKey;
    s.failureTime = failureTime;
    if (in.status() != QDataStream::Ok || !readProblem(in, s.problem) || !readString(in, s.reason)
        || !read(in, s.failureLines))
        return false;
    in >> s.ended;
    if (!read(in, s.lines))
        return false;
    std::uint32_t count = 0;
    if (!readCount(in, count) || count > kMaxSessionMessages)
        return false;
    s.messages.assign(count, InboundMessage());
    for (InboundMessage &m : s.messages) {
        if (!read(in, m))
            return false;
    }
    return true;
}

void write(QDataStream &out, const Connection &c)
{
    writeString(out, c.relay);
    writeString(out, c.ip);
    out << c.open << c.encrypted;
    write(out, c.tls);
    out << qint64(c.tlsOffset) << qint64(c.lastUse) << c.pending;
    write(out, c.pendingTls);
    out << qint64(c.pendingOffset);
}

bool read(QDataStream &in, Connection &c)
{
    if (!readString(in, c.relay) || !readString(in, c.ip))
        return false;
    in >> c.open >> c.encrypted;
    if (!read(in, c.tls))
        return false;
    qint64 tlsOffset = 0;
    qint64 lastUse = 0;
    in >> tlsOffset >> lastUse >> c.pending;
    c.tlsOffset = tlsOffset;
    c.lastUse = lastUse;
    if (!read(in, c.pendingTls))
        return false;
    qint64 pendingOffset = 0;
    in >> pendingOffset;
    c.pendingOffset = pendingOffset;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const Sender &s)
{
    out << qint64(s.lastTime) << quint32(s.connections.size());
    for (const Connection &c : s.connections)
        write(out, c);
    write(out, s.attempt);
    writeString(out, s.attempt.recipients);
    out << s.attemptHandshake << s.attemptFromReject;
}

bool read(QDataStream &in, Sender &s)
{
    qint64 lastTime = 0;
    in >> lastTime;
    s.lastTime = lastTime;
    std::uint32_t count = 0;
    if (!readCount(in, count) || count > kMaxConnections)
        return false;
    s.connections.assign(count, Connection());
    for (Connection &c : s.connections) {
        if (!read(in, c))
            return false;
    }
    if (!read(in, s.attempt) || !readString(in, s.attempt.recipients))
        return false;
    in >> s.attemptHandshake >> s.attemptFromReject;
    return in.status() == QDataStream::Ok;
}

void recycle(Session &session)
{
    session = Session();
}

void recycle(Sender &sender)
{
    sender = Sender();
}

void recycle(QueueEntry &entry)
{
    entry = QueueEntry();
}

void write(QDataStream &out, const QueueEntry &e)
{
    out << qint64(e.lastTime) << e.known << qint64(e.size) << qint64(e.time) << qint64(e.offset);
    writeString(out, e.sender);
    out << qint32(e.recipientCount) << qint32(e.finished);
    out << quint32(e.outbound.size());
    for (const assembler::OutboundMessage &m : e.outbound)
        write(out, m);
}

bool read(QDataStream &in, QueueEntry &e)
{
    qint64 lastTime = 0;
    qint64 size = 0;
    qint64 time = 0;
    qint64 offset = 0;
    in >> lastTime >> e.known >> size >> time >> offset;
    e.lastTime = lastTime;
    e.size = size;
    e.time = time;
    e.offset = offset;
    if (in.status() != QDataStream::Ok || !readString(in, e.sender))
        return false;
    qint32 recipientCount = 0;
    qint32 finished = 0;
    in >> recipientCount >> finished;
    e.recipientCount = recipientCount;
    e.finished = finished;
    std::uint32_t count = 0;
    if (!readCount(in, count))
        return false;
    e.outbound.assign(count, assembler::OutboundMessage());
    for (assembler::OutboundMessage &m : e.outbound) {
        if (!read(in, m))
            return false;
    }
    return true;
}

void peerName(std::string_view host, std::string_view ip, bool forged, AssemblerText &out)
{
    if (forged && !ip.empty())
        host = std::string_view();
    if (!host.empty() && host.front() == '[')
        host = std::string_view();
    assembler::normalisePeerName(host, ip, out);
}

void setPeer(assembler::PeerState &peer, std::string_view host, std::string_view ip, bool forged,
             bool local, AssemblerStrings &strings)
{
    peerName(host, ip, forged, peer.name);
    peer.ip.assignLower(ip);
    peer.nameRef = strings.ref(peer.name);
    peer.ipRef = strings.ref(peer.ip);
    peer.port = 0;
    // "relay=local", "relay=localhost", "relay=root@localhost": no address, no network.
    const bool noNetwork = ip.empty()
        && (host == "local" || host == "localhost" || host.find('@') != std::string_view::npos);
    peer.local = local || noNetwork || assembler::isLoopback(ip);
}

} // namespace mailtls::sendmail
