#include "models/logs/eximassemblerstate.h"

#include "models/logs/assemblerpeer.h"
#include "models/logs/assemblertypes.h"
#include "models/logs/eximtlstext.h"

namespace mailtls::exim {

namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + ('a' - 'A'));
    }
    return out;
}

QString text(const std::string &value)
{
    return assembler::toQString(value);
}

bool readDirection(QDataStream &in, Direction &direction)
{
    quint8 value = 0;
    in >> value;
    if (in.status() != QDataStream::Ok || value > quint8(Direction::Submission))
        return false;
    direction = Direction(value);
    return true;
}

bool readTrust(QDataStream &in, Trust &trust)
{
    quint8 value = 0;
    in >> value;
    if (in.status() != QDataStream::Ok || value > quint8(Trust::Verified))
        return false;
    trust = Trust(value);
    return true;
}

bool readInt64(QDataStream &in, std::int64_t &value)
{
    qint64 v = 0;
    in >> v;
    value = v;
    return in.status() == QDataStream::Ok;
}

bool readInt(QDataStream &in, int &value)
{
    qint32 v = 0;
    in >> v;
    value = v;
    return in.status() == QDataStream::Ok;
}

bool readBool(QDataStream &in, bool &value)
{
    in >> value;
    return in.status() == QDataStream::Ok;
}

std::string_view withoutUtf8(std::string_view protocol)
{
    if (protocol.substr(0, 4) == "utf8")
        protocol.remove_prefix(4);
    return protocol;
}

} // namespace

bool encryptedProtocol(std::string_view protocol)
{
    protocol = withoutUtf8(protocol);
    return protocol == "esmtps" || protocol == "esmtpsa" || protocol == "smtps" || protocol == "ssmtp";
}

bool authenticated(const EximEvent &event)
{
    const std::string_view protocol = withoutUtf8(event.protocol);
    return !event.authenticator.empty() || protocol == "esmtpa" || protocol == "esmtpsa";
}

bool encrypted(const EximEvent &event)
{
    return !event.cipher.empty() || encryptedProtocol(event.protocol);
}

Peer Peer::of(const EximHost &host, bool keepPort)
{
    Peer peer;
    std::string_view name = host.name;
    if (!name.empty() && name.back() == '.')
        name.remove_suffix(1);
    peer.ip = lower(host.ip);
    peer.name = name.empty() || name == "unknown" ? peer.ip : lower(name);
    peer.port = keepPort ? host.port : 0;
    peer.local = assembler::isLoopback(peer.ip);
    return peer;
}

Peer Peer::localDelivery()
{
    Peer peer;
    peer.name = "local";
    peer.local = true;
    return peer;
}

std::string Peer::hostKey() const
{
    return name + '|' + ip + '|' + std::to_string(port);
}

Tls Tls::of(const EximEvent &event, bool inbound)
{
    Tls tls;
    TlsInfo info;
    if (event.cipher.empty() || !EximTlsText::parseCipher(event.cipher, info))
        return tls;
    tls.trust = EximTlsText::trust(event.verified, inbound, event.hasDn);
    tls.protocol.assign(info.protocol);
    tls.cipher.assign(info.cipher);
    if (!info.keyExchange.empty())
        tls.keyExchange = EximTlsText::groupName(info.keyExchange);
    tls.cipherBits = info.cipherBits;
    tls.keyExchangeBits = info.keyExchangeBits;
    tls.dhe = info.dhe;
    return tls;
}

TlsDetails Tls::details() const
{
    TlsDetails d;
    d.trust = trust;
    d.protocol = text(protocol);
    d.cipher = text(cipher);
    d.cipherBits = cipherBits;
    d.keyExchange = text(keyExchange);
    d.keyExchangeBits = keyExchangeBits;
    d.dhe = dhe;
    return d;
}

TlsFailureRecord Failure::record() const
{
    TlsFailureRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = text(peer.name);
    r.peerIp = text(peer.ip);
    r.port = peer.port;
    r.time = time;
    r.problem = problem == TlsProblem::None ? TlsProblem::Other : problem;
    r.reason = text(reason);
    r.local = peer.local;
    r.lines = lines;
    r.queueId = text(queueId);
    r.sender = text(sender);
    r.recipients = text(recipients);
    return r;
}

void Failure::addRecipient(std::string_view recipient)
{
    if (recipient.empty())
        return;
    for (std::size_t start = 0; start <= recipients.size();) {
        const std::size_t comma = std::min(recipients.find(',', start), recipients.size());
        if (std::string_view(recipients).substr(start, comma - start) == recipient)
            return;
        start = comma + 1;
    }
    if (!recipients.empty())
        recipients += ',';
    recipients += recipient;
}

ConnectionRecord Connection::record() const
{
    ConnectionRecord r;
    r.key = key;
    r.direction = submission ? Direction::Submission : Direction::Inbound;
    r.peer = text(peer.name);
    r.peerIp = text(peer.ip);
    r.port = 0;
    r.time = time;
    r.encrypted = encrypted;
    r.local = peer.local;
    if (encrypted)
        r.tls = tls.details();
    r.lines = lines;
    return r;
}

void write(QDataStream &out, const LineOffsets &lines)
{
    out << quint32(lines.size());
    for (std::int64_t offset : lines)
        out << qint64(offset);
}

bool read(QDataStream &in, LineOffsets &lines)
{
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count) || count > assembler::kMaxLines)
        return false;
    lines.clear();
    for (std::uint32_t i = 0; i < count; ++i) {
        std::int64_t offset = 0;
        if (!readInt64(in, offset) || (!lines.empty() && offset <= lines.back()))
            return false;
        lines.push_back(offset);
    }
    return true;
}

void write(QDataStream &out, const Peer &peer)
{
    assembler::writeString(out, peer.name);
    assembler::writeString(out, peer.ip);
    out << qint32(peer.port) << peer.local;
}

bool read(QDataStream &in, Peer &peer)
{
    return assembler::readString(in, peer.name) && assembler::readString(in, peer.ip)
        && readInt(in, peer.port) && readBool(in, peer.local);
}

void write(QDataStream &out, const Tls &tls)
{
    out << quint8(tls.trust);
    assembler::writeString(out, tls.protocol);
    assembler::writeString(out, tls.cipher);
    assembler::writeString(out, tls.keyExchange);
    out << qint32(tls.cipherBits) << qint32(tls.keyExchangeBits) << tls.dhe;
}

bool read(QDataStream &in, Tls &tls)
{
    return readTrust(in, tls.trust) && assembler::readString(in, tls.protocol)
        && assembler::readString(in, tls.cipher) && assembler::readString(in, tls.keyExchange)
        && readInt(in, tls.cipherBits) && readInt(in, tls.keyExchangeBits) && readBool(in, tls.dhe);
}

void write(QDataStream &out, const Failure &f)
{
    out << qint64(f.key) << qint64(f.time) << quint8(f.direction);
    write(out, f.peer);
    out << quint8(f.problem);
    assembler::writeString(out, f.reason);
    write(out, f.lines);
    assembler::writeString(out, f.queueId);
    assembler::writeString(out, f.sender);
    assembler::writeString(out, f.recipients);
}

bool read(QDataStream &in, Failure &f, int version)
{
    return readInt64(in, f.key) && readInt64(in, f.time) && readDirection(in, f.direction)
        && read(in, f.peer) && assembler::readProblem(in, f.problem)
        && assembler::readString(in, f.reason) && read(in, f.lines)
        && (version < 2
            || (assembler::readString(in, f.queueId) && assembler::readString(in, f.sender)
                && assembler::readString(in, f.recipients)));
}

void write(QDataStream &out, const Connection &c)
{
    out << qint64(c.key) << qint64(c.time) << qint64(c.lastTime);
    write(out, c.peer);
    out << c.explicitOpen << c.encrypted << c.submission;
    write(out, c.tls);
    write(out, c.lines);
    assembler::writeString(out, c.connectionId);
    assembler::writeString(out, c.address);
    assembler::writeString(out, c.process);
    out << c.unclaimed;
}

bool read(QDataStream &in, Connection &c)
{
    return readInt64(in, c.key) && readInt64(in, c.time) && readInt64(in, c.lastTime)
        && read(in, c.peer) && readBool(in, c.explicitOpen) && readBool(in, c.encrypted)
        && readBool(in, c.submission) && read(in, c.tls) && read(in, c.lines)
        && assembler::readString(in, c.connectionId) && assembler::readString(in, c.address)
        && assembler::readString(in, c.process) && readBool(in, c.unclaimed);
}

static void write(QDataStream &out, const Delivered &d)
{
    write(out, d.peer);
    out << qint64(d.key) << qint64(d.firstTime) << d.encrypted;
    write(out, d.tls);
    out << quint32(d.recipients.size());
    for (const std::string &recipient : d.recipients)
        assembler::writeString(out, recipient);
    write(out, d.lines);
    out << qint64(d.emittedBytes) << qint64(d.emittedTime);
}

static bool read(QDataStream &in, Delivered &d)
{
    if (!read(in, d.peer) || !readInt64(in, d.key) || !readInt64(in, d.firstTime)
        || !readBool(in, d.encrypted) || !read(in, d.tls))
        return false;
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count) || count > kMaxRecipients)
        return false;
    d.recipients.resize(count);
    for (std::string &recipient : d.recipients) {
        if (!assembler::readString(in, recipient))
            return false;
    }
    return read(in, d.lines) && readInt64(in, d.emittedBytes) && readInt64(in, d.emittedTime);
}

void write(QDataStream &out, const Message &m)
{
    out << qint64(m.lastTime) << m.arrived << qint64(m.arrivalTime) << qint64(m.arrivalOffset)
        << qint64(m.size);
    assembler::writeString(out, m.sender);
    out << quint32(m.delivered.size());
    for (const Delivered &d : m.delivered)
        write(out, d);
    out << quint8(m.last);
    assembler::writeString(out, m.lastHost);
    out << qint64(m.lastLineTime) << m.failureOpen;
    if (m.failureOpen)
        write(out, m.failure);
    out << m.pendingOpen;
    if (m.pendingOpen)
        write(out, m.pending);
}

bool read(QDataStream &in, Message &m, int version)
{
    if (!readInt64(in, m.lastTime) || !readBool(in, m.arrived) || !readInt64(in, m.arrivalTime)
        || !readInt64(in, m.arrivalOffset) || !readInt64(in, m.size)
        || !assembler::readString(in, m.sender))
        return false;
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    m.delivered.resize(count);
    for (Delivered &d : m.delivered) {
        if (!read(in, d))
            return false;
    }
    quint8 last = 0;
    in >> last;
    if (in.status() != QDataStream::Ok || last > quint8(Message::Last::HostLine))
        return false;
    m.last = Message::Last(last);
    if (!assembler::readString(in, m.lastHost) || !readInt64(in, m.lastLineTime)
        || !readBool(in, m.failureOpen))
        return false;
    if (m.failureOpen && !read(in, m.failure, version))
        return false;
    if (!readBool(in, m.pendingOpen))
        return false;
    return !m.pendingOpen || read(in, m.pending, version);
}

} // namespace mailtls::exim
