#include "models/logs/eximinbound.h"

#include <algorithm>
#include <utility>

#include "models/logs/assemblertypes.h"
#include "models/logs/eximtlstext.h"

namespace mailtls {

using exim::Connection;
using exim::LineContext;

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

template <typename Map>
void eraseIf(Map &map, const std::string &key, std::int64_t value)
{
    if (key.empty())
        return;
    const auto it = map.find(key);
    if (it != map.end() && it->second == value)
        map.erase(it);
}

} // namespace

EximInbound::EximInbound(AssemblerOutput &out)
    : m_out(out)
{
}

EximInbound::Keys EximInbound::keysOf(const LineContext &line, const EximEvent &event) const
{
    Keys keys;
    keys.ip = lower(event.host.ip);
    keys.connectionId.assign(event.connectionId);
    if (event.host.port > 0)
        keys.address = keys.ip + "]:" + std::to_string(event.host.port);
    if (!line.process.empty())
        keys.process = std::string(line.process) + '/' + keys.ip;
    return keys;
}

Connection *EximInbound::find(const Keys &keys)
{
    auto at = [this](std::int64_t key) -> Connection * {
        const auto it = m_open.find(key);
        return it == m_open.end() ? nullptr : &it->second;
    };
    if (!keys.connectionId.empty()) {
        const auto it = m_byId.find(keys.connectionId);
        if (it != m_byId.end())
            return at(it->second);
    }
    if (!keys.address.empty()) {
        const auto it = m_byAddress.find(keys.address);
        if (it != m_byAddress.end())
            return at(it->second);
    }
    if (!keys.process.empty()) {
        const auto it = m_byProcess.find(keys.process);
        if (it != m_byProcess.end())
            return at(it->second);
    }
    const auto it = m_unclaimed.find(keys.ip);
    if (it == m_unclaimed.end() || it->second.empty())
        return nullptr;
    // The connection this very process opened, else the latest from this IP.
    const std::vector<std::int64_t> &keysOfIp = it->second;
    for (auto key = keysOfIp.rbegin(); key != keysOfIp.rend(); ++key) {
        Connection *c = at(*key);
        if (c && !keys.process.empty() && c->process == keys.process)
            return c;
    }
    return at(keysOfIp.back());
}

Connection &EximInbound::open(const LineContext &line, const EximEvent &event, const Keys &keys,
                              bool explicitOpen)
{
    Connection c;
    c.key = line.offset;
    c.time = line.time;
    c.lastTime = line.time;
    c.peer = exim::Peer::of(event.host, false);
    c.explicitOpen = explicitOpen;
    c.connectionId = keys.connectionId;
    c.address = keys.address;
    c.process = keys.process;
    // A process named on a rule-1 line may be the daemon's, not the one that
    // serves the client: such a connection is found by its IP until a line of
    // its own process claims it.
    c.unclaimed = explicitOpen;
    Connection &stored = m_open[c.key];
    stored = std::move(c);
    index(stored);
    return stored;
}

void EximInbound::apply(Connection &c, const LineContext &line, const EximEvent &event,
                        const Keys &keys)
{
    c.lastTime = std::max(c.lastTime, line.time);
    assembler::addLine(c.lines, line.offset);
    if (exim::encrypted(event)) {
        if (!c.encrypted || c.tls.protocol.empty())
            c.tls = exim::Tls::of(event, true);
        c.encrypted = true;
    }
    if (exim::authenticated(event))
        c.submission = true;
    // A rule-1 line names the client by its address; later lines by the name
    // its address resolved to.
    if (c.peer.name == c.peer.ip && !event.host.name.empty() && event.host.name != "unknown"
        && !event.host.ip.empty())
        c.peer = exim::Peer::of(event.host, false);

    // The line's identities the connection did not have yet find it from now on.
    bool changed = false;
    if (!keys.connectionId.empty() && c.connectionId.empty()) {
        c.connectionId = keys.connectionId;
        changed = true;
    }
    if (!keys.address.empty() && c.address.empty()) {
        c.address = keys.address;
        changed = true;
    }
    if (!keys.process.empty() && (c.unclaimed || c.process.empty())) {
        unindex(c);
        c.process = keys.process;
        c.unclaimed = false;
        index(c);
        return;
    }
    if (changed) {
        unindex(c);
        index(c);
    }
}

std::int64_t EximInbound::findOrOpen(const LineContext &line, const EximEvent &event)
{
    const Keys keys = keysOf(line, event);
    Connection *c = find(keys);
    if (!c)
        c = &open(line, event, keys, false);
    apply(*c, line, event, keys);
    return c->key;
}

void EximInbound::closeIfUnfindable(std::int64_t key)
{
    const auto it = m_open.find(key);
    if (it == m_open.end())
        return;
    const Connection &c = it->second;
    if (!c.explicitOpen && c.connectionId.empty() && c.address.empty() && c.process.empty())
        close(key);
}

void EximInbound::arrival(const LineContext &line, const EximEvent &event)
{
    if (!event.host.present || event.host.ip.empty())
        return;   // a message made or submitted on this host: not inbound
    const std::int64_t key = findOrOpen(line, event);
    const Connection &c = m_open.at(key);

    TransferRecord r;
    r.key = line.offset;
    r.direction = exim::authenticated(event) ? Direction::Submission : Direction::Inbound;
    const exim::Peer peer = exim::Peer::of(event.host, false);
    r.peer = assembler::toQString(peer.name);
    r.peerIp = assembler::toQString(peer.ip);
    r.queueId = assembler::toQString(event.messageId);
    r.time = line.time;
    r.bytes = std::max<std::int64_t>(event.size, 0);
    r.encrypted = exim::encrypted(event);
    r.local = peer.local;
    r.sender = assembler::toQString(event.address);
    if (!event.cipher.empty())
        r.tls = exim::Tls::of(event, true).details();
    if (c.explicitOpen && c.key != line.offset)
        assembler::addLine(r.lines, c.key);
    assembler::addLine(r.lines, line.offset);
    m_out.transfers.push_back(std::move(r));
    closeIfUnfindable(key);
}

void EximInbound::tlsError(const LineContext &line, const EximEvent &event)
{
    // The session may go on in plaintext (a STARTTLS Exim could not set up),
    // so the connection stays open.
    const std::int64_t key = findOrOpen(line, event);
    const Connection &c = m_open.at(key);
    exim::Failure f;
    f.key = line.offset;
    f.time = line.time;
    f.direction = c.submission ? Direction::Submission : Direction::Inbound;
    f.peer = exim::Peer::of(event.host, false);
    f.problem = event.problem;
    f.reason.assign(EximTlsText::reason(event.reason));
    f.lines.push_back(line.offset);
    m_out.failures.push_back(f.record());
    closeIfUnfindable(key);
}

void EximInbound::opened(const LineContext &line, const EximEvent &event)
{
    const Keys keys = keysOf(line, event);
    // A new connection with the identity of an open one: that one is over.
    if (!keys.connectionId.empty()) {
        const auto it = m_byId.find(keys.connectionId);
        if (it != m_byId.end())
            close(it->second);
    }
    if (!keys.address.empty()) {
        const auto it = m_byAddress.find(keys.address);
        if (it != m_byAddress.end())
            close(it->second);
    }
    Connection &c = open(line, event, keys, true);
    assembler::addLine(c.lines, line.offset);
}

void EximInbound::closed(const LineContext &line, const EximEvent &event)
{
    const Keys keys = keysOf(line, event);
    Connection *c = find(keys);
    if (!c)
        return;
    apply(*c, line, event, keys);
    close(c->key);
}

void EximInbound::noMail(const LineContext &line, const EximEvent &event)
{
    close(findOrOpen(line, event));
}

void EximInbound::clientLine(const LineContext &line, const EximEvent &event)
{
    const Keys keys = keysOf(line, event);
    if (Connection *c = find(keys))
        apply(*c, line, event, keys);
}

void EximInbound::close(std::int64_t key)
{
    const auto it = m_open.find(key);
    if (it == m_open.end())
        return;
    m_out.connections.push_back(it->second.record());
    unindex(it->second);
    m_open.erase(it);
}

void EximInbound::index(const Connection &c)
{
    if (!c.connectionId.empty())
        m_byId[c.connectionId] = c.key;
    if (!c.address.empty())
        m_byAddress[c.address] = c.key;
    if (c.unclaimed) {
        std::vector<std::int64_t> &keys = m_unclaimed[c.peer.ip];
        keys.insert(std::upper_bound(keys.begin(), keys.end(), c.key), c.key);
    } else if (!c.process.empty()) {
        m_byProcess[c.process] = c.key;
    }
}

void EximInbound::unindex(const Connection &c)
{
    eraseIf(m_byId, c.connectionId, c.key);
    eraseIf(m_byAddress, c.address, c.key);
    if (c.unclaimed) {
        const auto it = m_unclaimed.find(c.peer.ip);
        if (it != m_unclaimed.end()) {
            std::vector<std::int64_t> &keys = it->second;
            keys.erase(std::remove(keys.begin(), keys.end(), c.key), keys.end());
            if (keys.empty())
                m_unclaimed.erase(it);
        }
    } else {
        eraseIf(m_byProcess, c.process, c.key);
    }
}

void EximInbound::expire(std::int64_t now)
{
    std::vector<std::int64_t> stale;
    for (const auto &[key, c] : m_open) {
        if (c.lastTime < now - exim::kConnectionSilence)
            stale.push_back(key);
    }
    for (std::int64_t key : stale)
        close(key);
}

void EximInbound::finish()
{
    while (!m_open.empty())
        close(m_open.begin()->first);
}

void EximInbound::clear()
{
    m_open.clear();
    m_byId.clear();
    m_byAddress.clear();
    m_byProcess.clear();
    m_unclaimed.clear();
}

void EximInbound::save(QDataStream &out) const
{
    out << quint32(m_open.size());
    for (const auto &[key, c] : m_open)
        exim::write(out, c);
}

bool EximInbound::load(QDataStream &in)
{
    clear();
    std::uint32_t count = 0;
    if (!assembler::readCount(in, count))
        return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        Connection c;
        if (!exim::read(in, c) || m_open.count(c.key) != 0)
            return false;
        Connection &stored = m_open[c.key];
        stored = std::move(c);
        index(stored);
    }
    return true;
}

} // namespace mailtls
