#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include <QDataStream>

#include "models/logs/eximassemblerstate.h"
#include "models/logs/eximevent.h"
#include "models/logs/records.h"

namespace mailtls {

// EximAssembler's outbound side: deliveries per message id and peer, the
// connections they went over, and TLS failures of delivery attempts
// (COUNTING.md "Exim").
//
// Connections: a "=>" or ">>" line naming H=… [ip] is a new connection unless
// Exim put "*" after the address (a connection that carried an earlier
// message); "->" lines are further recipients on the same one. A "**" or "=="
// line naming H=… [ip] without "*" is a new connection too (the server was
// reached: Exim names no host when it could not connect). Recipients the
// server refused in the same transaction get a "=="/"**" line each, before or
// after the accepted ones: a line to the same host as the message's previous
// result line, within kTransactionWindow, when one of the two was such a
// refusal, is on that line's connection. Encrypted iff the line has X=.
// Per-host lines ("H=… [ip]: reason" of a host tried before the last, "TLS
// session: … delivering unencrypted") are no connections: the connection that
// carried the message has its own line.
//
// TLS failures, one per line: a per-host line with a TLS reason, a "TLS
// session: … delivering unencrypted to H=…" line, a "=="/"**" line with a TLS
// reason. A "=="/"**" line that names the same host as the message's previous
// line, when that was a TLS failure within kTransactionWindow, is the same
// failure: Exim's deferral of the last host tried repeats that host's error,
// and every further recipient of the transaction repeats it again.
class EximOutbound final
{
public:
    explicit EximOutbound(AssemblerOutput &out);

    void arrival(const exim::LineContext &line, const EximEvent &event);
    void delivery(const exim::LineContext &line, const EximEvent &event);
    void hostFailure(const exim::LineContext &line, const EximEvent &event);
    void fallback(const exim::LineContext &line, const EximEvent &event);
    void completed(const exim::LineContext &line, const EximEvent &event);

    void expire(std::int64_t now);
    void finish();
    void clear();
    void save(QDataStream &out) const;
    bool load(QDataStream &in, int version);

private:
    exim::Message &message(std::string_view id, std::int64_t time);
    // The line is of the same delivery attempt as the message's latest result
    // or per-host line, and names the same host.
    static bool sameAttempt(const exim::Message &m, const std::string &hostKey, std::int64_t time);
    void resolvePending(exim::Message &m, const exim::LineContext &line, const EximEvent &event);
    void concludePending(std::string_view id, exim::Message &m);
    void failure(exim::Message &m, const exim::LineContext &line, const EximEvent &event,
                 const exim::Peer &peer, const std::string &hostKey);
    // The message a failure's lines name (COUNTING.md leaves it out; a
    // campaign names its correspondents from it).
    static void nameMessage(exim::Failure &f, std::string_view id, const exim::Message &m);
    void connection(const exim::LineContext &line, const EximEvent &event, const exim::Peer &peer);
    void countSent(std::string_view id, exim::Message &m, const exim::LineContext &line,
                   const EximEvent &event, const exim::Peer &peer);
    void emitDelivered(std::string_view id, const exim::Message &m, exim::Delivered &d);

    AssemblerOutput &m_out;
    std::unordered_map<std::string, exim::Message> m_messages;
    std::set<std::string> m_pending;    // ids with an unresolved fallback line
    std::string m_key;                  // lookup buffer: ids are longer than the inline string
};

} // namespace mailtls
