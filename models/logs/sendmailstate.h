#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <QDataStream>

#include "models/logs/assemblerstrings.h"
#include "models/logs/assemblertext.h"
#include "models/logs/assemblertypes.h"

// The open state of SendmailAssembler, in plain structs written to and read
// from a snapshot field by field. Peers, TLS details, line lists and failure
// attempts are SessionAssembler's own (assemblertypes.h), so that records come
// out in the same shape.
namespace mailtls::sendmail {

// A daemon child serves one client and exits; Sendmail drops a client that
// sends no command for an hour (Timeout.command): a pid silent for longer
// than this has ended its session, whatever it logged last.
inline constexpr std::int64_t kSessionIdle = 2 * 3600;
// A delivery process keeps a connection open for its next message to the same
// host for at most ConnectionCacheTimeout (5 minutes by default).
inline constexpr std::int64_t kConnectionCacheIdle = 300;
// A failed handshake is named by the pid's next lines within seconds; an
// attempt still waiting after this long is settled as it stands.
inline constexpr std::int64_t kAttemptIdle = 3600;
// A delivery process silent this long is gone (its pid may be reused).
inline constexpr std::int64_t kProcessSilence = 86400;
// A message may wait in the queue for Timeout.queuereturn (5 days by default).
inline constexpr std::int64_t kQueueSilence = 7 * 86400;
// Connections one delivery process holds at once (ConnectionCacheSize is 2 by default).
inline constexpr std::size_t kMaxConnections = 8;
// Messages of one session kept for a later change of direction (AUTH after a
// message); beyond this a session is a bulk sender and its messages stand as emitted.
inline constexpr std::size_t kMaxSessionMessages = 64;

// A from= line of an SMTP session: one inbound message.
struct InboundMessage
{
    std::int64_t key = 0;           // offset of the from= line
    AssemblerText queueId;
    assembler::PeerState peer;
    std::int64_t time = 0;
    std::int64_t size = 0;
    AssemblerText sender;
    bool encrypted = false;
    assembler::TlsState tls;        // the session's STARTTLS=server details, when logged
    assembler::LineList lines;
    bool submission = false;        // as last emitted
};

// The lines of one daemon child (COUNTING.md "Sendmail": one pid, one client).
struct Session
{
    std::int64_t key = 0;           // offset of its first line
    std::int64_t startTime = 0;
    std::int64_t lastTime = 0;
    bool hasPeer = false;
    assembler::PeerState peer;
    bool tls = false;               // a STARTTLS=server line
    assembler::TlsState tlsInfo;
    std::int64_t tlsOffset = -1;
    bool tlsByProtocol = false;     // a from= line said proto=ESMTPS/ESMTPSA or tls_verify=…
    bool authenticated = false;     // AUTH=server, proto=ESMTPA/ESMTPSA, auth=MECH
    bool submissionDaemon = false;  // daemon=MSA…/MSP… (Sendmail's and Debian's submission ports)
    bool failed = false;            // STARTTLS=server, error: accept failed
    std::int64_t failureKey = 0;
    std::int64_t failureTime = 0;
    TlsProblem problem = TlsProblem::None;
    AssemblerText reason;
    assembler::LineList failureLines;
    bool ended = false;             // the client is gone: its next line is another client's
    assembler::LineList lines;
    std::vector<InboundMessage> messages;   // those that were not yet submission

    bool submission() const { return authenticated || submissionDaemon; }
    bool encrypted() const { return tls || tlsByProtocol; }
};

// An outbound connection a delivery process made (or is making) to one relay.
struct Connection
{
    AssemblerText relay;            // normalised relay name
    AssemblerText ip;
    bool open = false;
    bool encrypted = false;
    assembler::TlsState tls;
    std::int64_t tlsOffset = -1;
    std::int64_t lastUse = 0;
    // A STARTTLS=client line for this relay since its last to= line: the
    // process's next connection to it is encrypted.
    bool pending = false;
    assembler::TlsState pendingTls;
    std::int64_t pendingOffset = -1;
};

// One delivery process (a queue runner or a background delivery child).
struct Sender
{
    std::int64_t lastTime = 0;
    std::vector<Connection> connections;
    assembler::Attempt attempt;     // relayKey: the normalised relay name
    // The attempt is a handshake that broke (connect failed, arg1=SOFTWARE):
    // the connection it was made on is gone. A tls_server rejection after a
    // handshake that worked leaves that (encrypted) connection as it is.
    bool attemptHandshake = false;
    // The attempt began with the tls_server rejection, before any connect
    // failure line (see SendmailOutbound::clientFailure()).
    bool attemptFromReject = false;
};

// What a queue id's from= line said, and its outbound messages.
struct QueueEntry
{
    std::int64_t lastTime = 0;
    bool known = false;             // its from= line was seen
    std::int64_t size = 0;
    std::int64_t time = 0;
    std::int64_t offset = -1;
    AssemblerText sender;
    // nrcpts= of the from= line, and the recipients that have reached a final
    // status (sent or bounced) since: when they are all there, Sendmail is done
    // with the message and so is the entry.
    int recipientCount = -1;
    int finished = 0;
    std::vector<assembler::OutboundMessage> outbound;
};

// Back to the default state (AssemblerTable recycles erased entries).
void recycle(Session &session);
void recycle(Sender &sender);
void recycle(QueueEntry &entry);

void write(QDataStream &out, const InboundMessage &message);
bool read(QDataStream &in, InboundMessage &message);
void write(QDataStream &out, const Session &session);
bool read(QDataStream &in, Session &session);
void write(QDataStream &out, const Connection &connection);
bool read(QDataStream &in, Connection &connection);
void write(QDataStream &out, const Sender &sender);
bool read(QDataStream &in, Sender &sender);
void write(QDataStream &out, const QueueEntry &entry);
bool read(QDataStream &in, QueueEntry &entry);

// The peer a line names (COUNTING.md "Peer"): the lower-cased host without its
// trailing dot; the address when the host is missing, an address literal,
// "unknown", or "(may be forged)" (Sendmail's wording for the case Postfix
// logs as "unknown"). `local`: a local hop for another reason (the program, a
// local mailer).
void setPeer(assembler::PeerState &peer, std::string_view host, std::string_view ip, bool forged,
             bool local, AssemblerStrings &strings);
// The normalised name alone, into `out`.
void peerName(std::string_view host, std::string_view ip, bool forged, AssemblerText &out);

} // namespace mailtls::sendmail
