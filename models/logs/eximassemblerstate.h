#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <QDataStream>

#include "models/logs/eximevent.h"
#include "models/logs/records.h"

// The open state of EximAssembler in plain structs, written to and read back
// from a snapshot field by field.
namespace mailtls::exim {

// An inbound connection no line has named for this long (log time) is over:
// Exim drops a client silent for smtp_receive_timeout (5 minutes by default),
// and only a message being received keeps a live one longer without a line.
inline constexpr std::int64_t kConnectionSilence = 900;
// Lines of one delivery attempt of a message (the per-host errors, the
// deferral of each recipient) are written together; a retry comes minutes
// later at the earliest (retry rules count in minutes).
inline constexpr std::int64_t kTransactionWindow = 60;
// A message in the queue: Exim's default retry rule gives up after 4 days.
inline constexpr std::int64_t kMessageSilence = 7 * 86400;
inline constexpr std::size_t kMaxRecipients = 16;

// What a part of the assembler is told of the line an event came from.
struct LineContext
{
    std::int64_t time = 0;
    std::int64_t offset = 0;
    std::string_view process;       // host and pid that wrote it, when logged; else empty
};

// P=smtps, esmtps, esmtpsa (utf8esmtps…): received over TLS.
bool encryptedProtocol(std::string_view protocol);
// A= on the line, or P=esmtpa/esmtpsa: the client authenticated (submission).
bool authenticated(const EximEvent &event);
// The line says the session was encrypted: X=, or an encrypted protocol.
bool encrypted(const EximEvent &event);

// The remote end of a record (COUNTING.md "Peer", "Local hop").
struct Peer
{
    std::string name;       // lower-case, no trailing dot; the IP when no name was logged
    std::string ip;
    int port = 0;
    bool local = false;

    // The verified name (never the HELO name) or the address. `keepPort`:
    // outbound, where the port is the server's.
    static Peer of(const EximHost &host, bool keepPort);
    // A delivery without a remote host (appendfile, pipe, LMTP on a socket).
    static Peer localDelivery();
    // "name|ip|port": the same host tried again.
    std::string hostKey() const;
};

// The TLS details of one line (X=, CV=, DN=).
struct Tls
{
    Trust trust = Trust::Unknown;
    std::string protocol;
    std::string cipher;
    std::string keyExchange;
    int cipherBits = 0;
    int keyExchangeBits = 0;
    bool dhe = false;

    static Tls of(const EximEvent &event, bool inbound);
    TlsDetails details() const;
};

// One TLS failure (an inbound TLS error, a host's TLS error, a fallback to
// plaintext, a deferral for a TLS reason), with the lines that joined it.
struct Failure
{
    std::int64_t key = 0;
    std::int64_t time = 0;
    Direction direction = Direction::Outbound;
    Peer peer;
    TlsProblem problem = TlsProblem::Other;
    std::string reason;
    LineOffsets lines;
    // The message an outbound failure's lines name: its id, its arrival's
    // sender, the recipients of its deferral lines (comma-separated).
    std::string queueId;
    std::string sender;
    std::string recipients;

    TlsFailureRecord record() const;
    // Adds a recipient once.
    void addRecipient(std::string_view recipient);
};

// One inbound SMTP connection (see EximInbound for what opens and ends one).
struct Connection
{
    std::int64_t key = 0;           // the line that opened it
    std::int64_t time = 0;
    std::int64_t lastTime = 0;
    Peer peer;
    bool explicitOpen = false;      // "SMTP connection from … (TCP/IP connection count = N)"
    bool encrypted = false;
    bool submission = false;
    Tls tls;
    LineOffsets lines;
    // The identities lines find it by (empty when unknown): Ci=, "ip]:port",
    // "process/ip"; and whether it waits in the list of opened connections of
    // its IP that no process has named yet.
    std::string connectionId;
    std::string address;
    std::string process;
    bool unclaimed = false;

    ConnectionRecord record() const;
};

// One (message id, peer) with a successful delivery (COUNTING.md "Outbound message").
struct Delivered
{
    Peer peer;
    std::int64_t key = 0;           // the first successful delivery line to this peer
    std::int64_t firstTime = 0;
    bool encrypted = true;
    Tls tls;
    std::vector<std::string> recipients;
    LineOffsets lines;
    std::int64_t emittedBytes = -1;
    std::int64_t emittedTime = -1;
};

// A message id: its arrival, its deliveries per peer, and the attempt its
// latest delivery lines belong to.
struct Message
{
    std::int64_t lastTime = 0;
    bool arrived = false;
    std::int64_t arrivalTime = 0;
    std::int64_t arrivalOffset = -1;
    std::int64_t size = 0;
    std::string sender;
    std::vector<Delivered> delivered;

    // The latest delivery-result or per-host line: a delivery (=>, ->, >>),
    // a failure or deferral (**, ==), a host's error or fallback line.
    enum class Last : std::uint8_t { None, Delivered, NotDelivered, HostLine };
    Last last = Last::None;
    std::string lastHost;           // Peer::hostKey() of that line's host
    std::int64_t lastLineTime = 0;
    bool failureOpen = false;       // that line was a TLS failure, `failure`
    Failure failure;
    // A "TLS session: … delivering unencrypted" line that named no host: the
    // next line of the message that names one says which.
    bool pendingOpen = false;
    Failure pending;
};

void write(QDataStream &out, const LineOffsets &lines);
bool read(QDataStream &in, LineOffsets &lines);
void write(QDataStream &out, const Peer &peer);
bool read(QDataStream &in, Peer &peer);
void write(QDataStream &out, const Tls &tls);
bool read(QDataStream &in, Tls &tls);
void write(QDataStream &out, const Failure &failure);
// `version`: of the snapshot; 1 kept no envelope.
bool read(QDataStream &in, Failure &failure, int version);
void write(QDataStream &out, const Connection &connection);
bool read(QDataStream &in, Connection &connection);
void write(QDataStream &out, const Message &message);
bool read(QDataStream &in, Message &message, int version);

} // namespace mailtls::exim
