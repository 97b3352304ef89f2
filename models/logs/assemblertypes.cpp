#include "models/logs/assemblertypes.h"

#include <algorithm>
#include <new>

#include <QByteArray>

#include "models/logs/assemblerrecords.h"

namespace mailtls::assembler {

namespace {

// No real snapshot comes near these; a larger count is a corrupt snapshot.
constexpr std::uint32_t kMaxCount = 1u << 24;
constexpr int kMaxStringBytes = 1 << 20;
constexpr std::size_t kUsualLines = 4;

} // namespace

void addLine(LineOffsets &lines, std::int64_t offset)
{
    if (lines.empty() || offset > lines.back()) {
        // Lines mostly come in log order: append, with room for a session's or a
        // message's usual few lines in one allocation.
        if (lines.size() < kMaxLines) {
            if (lines.capacity() == 0)
                lines.reserve(kUsualLines);
            lines.push_back(offset);
        } else {
            lines.back() = offset;
        }
        return;
    }
    const auto pos = std::lower_bound(lines.begin(), lines.end(), offset);
    if (pos != lines.end() && *pos == offset)
        return;
    if (lines.size() < kMaxLines) {
        lines.insert(pos, offset);
        return;
    }
    if (offset > lines.back()) {
        lines.back() = offset;
        return;
    }
    lines.insert(pos, offset);
    lines.pop_back();
}

void addLine(LineList &lines, std::int64_t offset)
{
    std::int64_t *const first = lines.offsets;
    std::int64_t *const last = first + lines.count;
    if (lines.count == 0 || offset > last[-1]) {
        if (lines.count < kMaxLines)
            first[lines.count++] = offset;
        else
            last[-1] = offset;
        return;
    }
    std::int64_t *const pos = std::lower_bound(first, last, offset);
    if (*pos == offset)
        return;
    if (lines.count < kMaxLines) {
        std::copy_backward(pos, last, last + 1);
        ++lines.count;
    } else {
        std::copy_backward(pos, last - 1, last);
    }
    *pos = offset;
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

const QString &QueueEntry::queueIdText(std::string_view queueId)
{
    if (idText.isNull())
        idText = toQString(queueId);
    return idText;
}

const QString &QueueEntry::senderQString()
{
    if (senderText.isNull())
        senderText = toQString(sender);
    return senderText;
}

void QueueEntry::setSender(std::string_view text)
{
    sender.assign(text);
    senderText = QString();
}

void TlsState::assign(const TlsInfo &info, AssemblerStrings &strings, const std::uint64_t *hashes)
{
    trust = info.trust;
    protocol.assign(info.protocol);
    cipher.assign(info.cipher);
    keyExchange.assign(info.keyExchange);
    protocolRef = strings.ref(protocol, hashes ? hashes[0] : 0);
    cipherRef = strings.ref(cipher, hashes ? hashes[1] : 0);
    keyExchangeRef = strings.ref(keyExchange, hashes ? hashes[2] : 0);
    cipherBits = info.cipherBits;
    keyExchangeBits = info.keyExchangeBits;
    dhe = info.dhe;
}

void TlsState::clear()
{
    trust = Trust::Unknown;
    protocol.clear();
    cipher.clear();
    keyExchange.clear();
    cipherBits = 0;
    keyExchangeBits = 0;
    dhe = false;
    protocolRef = AssemblerStrings::Ref();
    cipherRef = AssemblerStrings::Ref();
    keyExchangeRef = AssemblerStrings::Ref();
}

void TlsState::toDetails(AssemblerStrings &strings, TlsDetails &details) const
{
    details.trust = trust;
    AssemblerRecords::setText(details.protocol, strings.get(protocolRef, protocol));
    AssemblerRecords::setText(details.cipher, strings.get(cipherRef, cipher));
    details.cipherBits = cipherBits;
    AssemblerRecords::setText(details.keyExchange, strings.get(keyExchangeRef, keyExchange));
    details.keyExchangeBits = keyExchangeBits;
    details.dhe = dhe;
}

bool TlsState::operator==(const TlsState &other) const
{
    return trust == other.trust && protocol == other.protocol && cipher == other.cipher
        && keyExchange == other.keyExchange && cipherBits == other.cipherBits
        && keyExchangeBits == other.keyExchangeBits && dhe == other.dhe;
}

namespace {

// Destroys `value` and makes a default one in its place, keeping the buffer of
// the vector member `keep`: one pass of default values over the object, where an
// assignment from a default temporary would write it twice.
template <typename T, typename V>
void renew(T &value, V T::*keep)
{
    V kept = std::move(value.*keep);
    value.~T();
    new (&value) T();
    value.*keep = std::move(kept);
}

} // namespace

void recycle(Session &session)
{
    session.messages.clear();
    renew(session, &Session::messages);
}

void recycle(QueueEntry &entry)
{
    entry.outbound.clear();
    renew(entry, &QueueEntry::outbound);
}

void recycle(SmtpProcess &process)
{
    // The pending TLS entries beyond pendingCount keep their buffers for reuse.
    renew(process, &SmtpProcess::pending);
}

void writeString(QDataStream &out, std::string_view text)
{
    out << QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size()));
}

bool readString(QDataStream &in, std::string &text)
{
    QByteArray bytes;
    in >> bytes;
    if (in.status() != QDataStream::Ok || bytes.size() > kMaxStringBytes)
        return false;
    text.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    return true;
}

bool readString(QDataStream &in, AssemblerText &text)
{
    QByteArray bytes;
    in >> bytes;
    if (in.status() != QDataStream::Ok || bytes.size() > kMaxStringBytes)
        return false;
    text.assign(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return true;
}

bool readCount(QDataStream &in, std::uint32_t &count)
{
    quint32 value = 0;
    in >> value;
    if (in.status() != QDataStream::Ok || value > kMaxCount)
        return false;
    count = value;
    return true;
}

void write(QDataStream &out, const LineList &lines)
{
    out << quint32(lines.size());
    for (std::int64_t offset : lines)
        out << qint64(offset);
}

bool read(QDataStream &in, LineList &lines)
{
    std::uint32_t count = 0;
    if (!readCount(in, count) || count > kMaxLines)
        return false;
    lines.count = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        qint64 offset = 0;
        in >> offset;
        if (in.status() != QDataStream::Ok || (!lines.empty() && offset <= lines.offsets[lines.count - 1]))
            return false;
        lines.offsets[lines.count++] = offset;
    }
    return true;
}

void write(QDataStream &out, const TlsState &tls)
{
    out << quint8(tls.trust);
    writeString(out, tls.protocol);
    writeString(out, tls.cipher);
    writeString(out, tls.keyExchange);
    out << qint32(tls.cipherBits) << qint32(tls.keyExchangeBits) << tls.dhe;
}

bool read(QDataStream &in, TlsState &tls)
{
    quint8 trust = 0;
    in >> trust;
    if (trust > quint8(Trust::Verified))
        return false;
    tls.trust = Trust(trust);
    tls.protocolRef = AssemblerStrings::Ref();
    tls.cipherRef = AssemblerStrings::Ref();
    tls.keyExchangeRef = AssemblerStrings::Ref();
    if (!readString(in, tls.protocol) || !readString(in, tls.cipher)
        || !readString(in, tls.keyExchange))
        return false;
    qint32 cipherBits = 0;
    qint32 keyExchangeBits = 0;
    in >> cipherBits >> keyExchangeBits >> tls.dhe;
    tls.cipherBits = cipherBits;
    tls.keyExchangeBits = keyExchangeBits;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const PeerState &peer)
{
    writeString(out, peer.name);
    writeString(out, peer.ip);
    out << qint32(peer.port) << peer.local;
}

bool read(QDataStream &in, PeerState &peer)
{
    peer.nameRef = AssemblerStrings::Ref();
    peer.ipRef = AssemblerStrings::Ref();
    if (!readString(in, peer.name) || !readString(in, peer.ip))
        return false;
    qint32 port = 0;
    in >> port >> peer.local;
    peer.port = port;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const InboundMessage &m)
{
    writeString(out, m.queueId);
    out << qint64(m.key);
    write(out, m.peer);
    out << m.encryptedAtClient;
    write(out, m.tls);
    write(out, m.lines);
    out << m.submission << m.wholeSession << m.sessionClosed << m.queued << qint64(m.size)
        << qint64(m.queueTime);
    writeString(out, m.sender);
    out << m.emitted << m.emittedEncrypted << m.emittedSubmission;
}

bool read(QDataStream &in, InboundMessage &m)
{
    qint64 key = 0;
    if (!readString(in, m.queueId))
        return false;
    in >> key;
    m.key = key;
    if (!read(in, m.peer))
        return false;
    in >> m.encryptedAtClient;
    if (!read(in, m.tls) || !read(in, m.lines))
        return false;
    qint64 size = 0;
    qint64 queueTime = 0;
    in >> m.submission >> m.wholeSession >> m.sessionClosed >> m.queued >> size >> queueTime;
    m.size = size;
    m.queueTime = queueTime;
    if (!readString(in, m.sender))
        return false;
    in >> m.emitted >> m.emittedEncrypted >> m.emittedSubmission;
    return in.status() == QDataStream::Ok;
}

void write(QDataStream &out, const OutboundMessage &m)
{
    write(out, m.peer);
    out << qint64(m.key) << qint64(m.firstTime) << m.encrypted;
    write(out, m.tls);
    out << quint32(m.recipients.size());
    for (const AssemblerText &recipient : m.recipients)
        writeString(out, recipient.view());
    write(out, m.lines);
    out << qint64(m.emittedBytes) << qint64(m.emittedTime);
}

bool read(QDataStream &in, OutboundMessage &m)
{
    if (!read(in, m.peer))
        return false;
    qint64 key = 0;
    qint64 firstTime = 0;
    in >> key >> firstTime >> m.encrypted;
    m.key = key;
    m.firstTime = firstTime;
    if (!read(in, m.tls))
        return false;
    std::uint32_t count = 0;
    if (!readCount(in, count) || count > kMaxRecipients)
        return false;
    m.recipients.assign(count, AssemblerText());
    for (AssemblerText &recipient : m.recipients) {
        if (!readString(in, recipient))
            return false;
    }
    if (!read(in, m.lines))
        return false;
    qint64 emittedBytes = 0;
    qint64 emittedTime = 0;
    in >> emittedBytes >> emittedTime;
    m.emittedBytes = emittedBytes;
    m.emittedTime = emittedTime;
    return in.status() == QDataStream::Ok;
}

bool readProblem(QDataStream &in, TlsProblem &problem)
{
    quint8 value = 0;
    in >> value;
    if (in.status() != QDataStream::Ok || value > quint8(TlsProblem::Other))
        return false;
    problem = TlsProblem(value);
    return true;
}

bool addRecipient(Attempt &a, std::string_view recipient)
{
    if (recipient.empty())
        return false;
    const std::string_view list = a.recipients.view();
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (list.substr(start, comma - start) == recipient)
            return false;
        start = comma + 1;
    }
    if (list.empty()) {
        a.recipients.assign(recipient);
    } else {
        std::string joined(list);
        joined += ',';
        joined += recipient;
        a.recipients.assign(joined);
    }
    return true;
}

void write(QDataStream &out, const Attempt &a)
{
    out << quint8(a.phase) << qint64(a.key) << qint64(a.time) << a.relayKnown;
    writeString(out, a.relayKey);
    write(out, a.peer);
    writeString(out, a.queueId);
    out << quint8(a.problem);
    writeString(out, a.reason);
    write(out, a.lines);
}

bool read(QDataStream &in, Attempt &a)
{
    quint8 phase = 0;
    qint64 key = 0;
    qint64 time = 0;
    in >> phase >> key >> time >> a.relayKnown;
    if (in.status() != QDataStream::Ok || phase > quint8(Attempt::Phase::Run))
        return false;
    a.phase = Attempt::Phase(phase);
    a.key = key;
    a.time = time;
    return readString(in, a.relayKey) && read(in, a.peer) && readString(in, a.queueId)
        && readProblem(in, a.problem) && readString(in, a.reason) && read(in, a.lines);
}

} // namespace mailtls::assembler
