#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <QDataStream>
#include <QString>

#include "models/logs/assemblerstrings.h"
#include "models/logs/assemblertext.h"
#include "models/logs/logevent.h"
#include "models/logs/records.h"

// The open state of SessionAssembler, in plain structs so that it can be
// written to and read back from a snapshot field by field. Strings are
// AssemblerText (bytes as logged, no allocation for the usual short ones, no
// QString per line on the hot path); conversion happens when a record is built.
namespace mailtls::assembler {

// Provenance and recipient lists stay small whatever the log does.
inline constexpr std::size_t kMaxLines = 16;
inline constexpr std::size_t kMaxRecipients = 16;
// Pending TLS lines of one smtp pid between two delivery lines.
inline constexpr std::size_t kMaxPendingTls = 8;
// A pid or unqueued queue id silent this long (log time) is given up on.
inline constexpr std::int64_t kSilenceLimit = 86400;
// A queued message may sit in the deferred queue for maximal_queue_lifetime (5 days).
inline constexpr std::int64_t kQueuedSilenceLimit = 7 * 86400;

// The provenance lines of an open session, message or attempt, kept inside it:
// a session runs without an allocation for them.
struct LineList
{
    std::uint32_t count = 0;
    std::int64_t offsets[kMaxLines] = {};

    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
    const std::int64_t *begin() const { return offsets; }
    const std::int64_t *end() const { return offsets + count; }
};

// Adds `offset` in log order, without duplicates; when full, the newest line
// replaces the last kept one, so the list holds the first lines and the latest.
void addLine(LineOffsets &lines, std::int64_t offset);
void addLine(LineList &lines, std::int64_t offset);

QString toQString(std::string_view text);

struct TlsState
{
    Trust trust = Trust::Unknown;
    AssemblerText protocol;
    AssemblerText cipher;
    AssemblerText keyExchange;
    int cipherBits = 0;
    int keyExchangeBits = 0;
    bool dhe = false;
    // Where the three names sit in AssemblerStrings (not part of a snapshot).
    mutable AssemblerStrings::Ref protocolRef;
    mutable AssemblerStrings::Ref cipherRef;
    mutable AssemblerStrings::Ref keyExchangeRef;

    // `hashes`: AssemblerStrings::hash() of protocol, cipher and key exchange, when known.
    void assign(const TlsInfo &info, AssemblerStrings &strings, const std::uint64_t *hashes = nullptr);
    void clear();
    void toDetails(AssemblerStrings &strings, TlsDetails &details) const;
    bool operator==(const TlsState &other) const;
    bool operator!=(const TlsState &other) const { return !(*this == other); }
};

// The remote end of a record, already normalised (COUNTING.md "Peer", "Local hop").
struct PeerState
{
    AssemblerText name;
    AssemblerText ip;
    int port = 0;
    bool local = false;
    // Where name and ip sit in AssemblerStrings (not part of a snapshot).
    mutable AssemblerStrings::Ref nameRef;
    mutable AssemblerStrings::Ref ipRef;

    const QString &nameQString(AssemblerStrings &strings) const { return strings.get(nameRef, name); }
    const QString &ipQString(AssemblerStrings &strings) const { return strings.get(ipRef, ip); }
};

// A client= of an smtpd session: a message once its queue id reaches the queue.
struct InboundMessage
{
    AssemblerText queueId;
    std::int64_t key = 0;             // offset of the client= line
    PeerState peer;
    bool encryptedAtClient = false;   // a TLS line came before client=
    TlsState tls;
    LineList lines;
    // Session facts as far as known; final once sessionClosed.
    bool submission = false;
    bool wholeSession = false;        // encrypted by the whole-session rules
    bool sessionClosed = false;
    // From the first qmgr from= line.
    bool queued = false;
    std::int64_t size = 0;
    std::int64_t queueTime = 0;
    AssemblerText sender;
    // What was last emitted, to re-emit only on a change.
    bool emitted = false;
    bool emittedEncrypted = false;
    bool emittedSubmission = false;

    bool encrypted() const { return encryptedAtClient || wholeSession; }
};

// One smtpd session (COUNTING.md "Postfix, inbound").
struct Session
{
    std::int64_t key = 0;             // connect line, or the first line seen mid-log
    std::int64_t startTime = 0;
    std::int64_t lastTime = 0;
    PeerState peer;
    bool submissionService = false;   // service submission, submissions or smtps
    bool wrapper = false;             // service submissions or smtps
    bool authenticated = false;
    bool tls = false;                 // a "TLS connection established from" line
    TlsState tlsInfo;
    std::int64_t tlsOffset = -1;
    bool failureSeen = false;         // SSL_accept error / lost connection after STARTTLS
    TlsProblem problem = TlsProblem::None;
    AssemblerText reason;
    std::int64_t failureKey = 0;
    std::int64_t failureTime = 0;
    int starttlsOk = -1;
    int starttlsTried = -1;
    bool rejected = false;            // a reject: line of its own (see LogEvent::smtpdReject)
    LineList lines;
    LineList failureLines;
    std::vector<InboundMessage> messages;

    bool submission() const { return submissionService || authenticated; }
};

// One (queue id, peer) with a status=sent line (COUNTING.md "One outbound message").
struct OutboundMessage
{
    PeerState peer;
    std::int64_t key = 0;             // first status=sent line to this peer
    std::int64_t firstTime = 0;
    bool encrypted = true;
    TlsState tls;
    std::vector<AssemblerText> recipients;
    LineList lines;
    std::int64_t emittedBytes = 0;
    std::int64_t emittedTime = 0;
};

struct QueueEntry
{
    std::int64_t lastTime = 0;
    bool queued = false;              // its first qmgr from= line was seen
    std::int64_t size = 0;
    std::int64_t queueTime = 0;
    std::int64_t queueOffset = -1;
    AssemblerText sender;
    // The smtpd session that holds its client= while that session is open.
    bool inSession = false;
    std::uint64_t sessionPid = 0;
    std::int64_t sessionKey = 0;
    // A client= whose session ended before the message reached the queue (rare:
    // kept apart, so that every other queue entry stays small).
    bool hasPending = false;
    std::unique_ptr<InboundMessage> pending;
    std::vector<OutboundMessage> outbound;
    // Its queue id and sender as record strings, made once and shared by all its
    // records (inbound, local delivery, relays). Not part of a snapshot.
    QString idText;
    QString senderText;

    const QString &queueIdText(std::string_view queueId);
    const QString &senderQString();
    void setSender(std::string_view text);
};

// A TLS line of an smtp pid since its previous delivery line.
struct PendingTls
{
    AssemblerText relayKey;             // "host[ip]:port", host lower-cased
    bool reused = false;
    TlsState tls;
    std::int64_t offset = 0;
};

// One failed TLS attempt (COUNTING.md, end of "Postfix, outbound").
struct Attempt
{
    enum class Phase : std::uint8_t {
        None,
        Open,   // collecting lines until the pid's next delivery or TLS line
        Run,    // ended by a TLS deferral: more deferrals of that transaction join it
    };
    Phase phase = Phase::None;
    std::int64_t key = 0;
    std::int64_t time = 0;
    bool relayKnown = false;
    AssemblerText relayKey;
    PeerState peer;
    AssemblerText queueId;              // the transaction of a Run
    TlsProblem problem = TlsProblem::None;
    AssemblerText reason;
    LineList lines;
    // Of a Run's deferral lines, comma-separated (kept in each assembler's
    // own snapshot, not by write()/read()).
    AssemblerText recipients;
};

// Adds `recipient` to a Run's recipients once; whether it was new.
bool addRecipient(Attempt &a, std::string_view recipient);

// One smtp (or lmtp) process: what it logged since its previous delivery line,
// the connection it holds, and its TLS failure attempt.
inline constexpr std::int64_t kNoSlot = std::numeric_limits<std::int64_t>::min();

struct SmtpProcess
{
    std::int64_t lastTime = 0;
    std::int64_t silenceSlot = kNoSlot;   // hour under which AssemblerOutbound files it
    // The first pendingCount entries are live; the rest keep their buffers for reuse.
    std::vector<PendingTls> pending;
    std::size_t pendingCount = 0;
    bool tlsActivity = false;         // any TLS line since the previous delivery line
    bool handshakeDone = false;       // an established line not followed by a failure line
    bool hasCurrent = false;
    AssemblerText currentRelay;
    AssemblerText currentQueueId;
    bool currentEncrypted = false;
    TlsState currentTls;
    Attempt attempt;
};

// Back to the default state, keeping the buffers grown so far (AssemblerTable
// recycles erased entries).
void recycle(Session &session);
void recycle(QueueEntry &entry);
void recycle(SmtpProcess &process);

// Snapshot reading and writing of the structs above. Readers check the stream
// status and reject counts and enum values that cannot be.
void writeString(QDataStream &out, std::string_view text);
bool readString(QDataStream &in, std::string &text);
bool readString(QDataStream &in, AssemblerText &text);
bool readCount(QDataStream &in, std::uint32_t &count);

void write(QDataStream &out, const LineList &lines);
bool read(QDataStream &in, LineList &lines);
void write(QDataStream &out, const TlsState &tls);
bool read(QDataStream &in, TlsState &tls);
void write(QDataStream &out, const PeerState &peer);
bool read(QDataStream &in, PeerState &peer);
void write(QDataStream &out, const InboundMessage &message);
bool read(QDataStream &in, InboundMessage &message);
void write(QDataStream &out, const OutboundMessage &message);
bool read(QDataStream &in, OutboundMessage &message);
void write(QDataStream &out, const Attempt &attempt);
bool read(QDataStream &in, Attempt &attempt);
bool readProblem(QDataStream &in, TlsProblem &problem);

} // namespace mailtls::assembler
