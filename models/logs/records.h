#pragma once

#include <cstdint>
#include <vector>

#include <QString>
#include <QStringView>

#include "models/logs/logevent.h"

namespace mailtls {

enum class Direction : std::uint8_t { Inbound = 0, Outbound = 1, Submission = 2 };

// The words reports and CSV use for a direction (not translated: a data format).
inline QString directionName(Direction direction)
{
    switch (direction) {
    case Direction::Inbound: return QStringLiteral("inbound");
    case Direction::Outbound: return QStringLiteral("outbound");
    case Direction::Submission: return QStringLiteral("submission");
    }
    return QString();
}

inline bool directionFromName(QStringView name, Direction *direction)
{
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        if (name == directionName(d)) {
            *direction = d;
            return true;
        }
    }
    return false;
}

// Where a record came from: byte offsets (within its source) of each line that
// made it, in log order. The source id is attached by the store.
using LineOffsets = std::vector<std::int64_t>;

// TLS details of one connection, as the MTA logged them.
struct TlsDetails
{
    Trust trust = Trust::Unknown;
    QString protocol;
    QString cipher;
    int cipherBits = 0;
    QString keyExchange;
    int keyExchangeBits = 0;
    bool dhe = false;
};

// One message crossing the wire, per COUNTING.md. Identified within its source
// by `key` (the offset of the line that first made it countable). The assembler
// may emit the same key again when later lines change it (direction, encryption,
// bytes); the store then replaces the earlier version.
struct TransferRecord
{
    std::int64_t key = 0;
    Direction direction = Direction::Inbound;
    QString peer;                 // normalised: lower-case host, no trailing dot; the IP for "unknown"
    QString peerIp;
    QString queueId;
    std::int64_t time = 0;        // arrival (UTC seconds): the qmgr line, else the first line seen
    std::int64_t bytes = 0;
    bool encrypted = false;
    bool local = false;           // a local hop (loopback peer, local transport, relay=none/local/private)
    QString sender;               // envelope sender (from=)
    QString recipients;           // recipients (to=) delivered to this peer, comma-separated; inbound: empty
    TlsDetails tls;               // the connection the message used (the last one, outbound)
    LineOffsets lines;
};

// One SMTP connection (an smtpd session, or a new outbound smtp connection).
struct ConnectionRecord
{
    std::int64_t key = 0;         // offset of the line that opened it
    Direction direction = Direction::Inbound;
    QString peer;
    QString peerIp;
    int port = 0;
    std::int64_t time = 0;
    bool encrypted = false;
    bool local = false;
    TlsDetails tls;
    LineOffsets lines;
};

// One failed TLS attempt, however many lines it took.
struct TlsFailureRecord
{
    std::int64_t key = 0;         // offset of the attempt's first line
    Direction direction = Direction::Inbound;
    QString peer;
    QString peerIp;
    int port = 0;
    std::int64_t time = 0;
    TlsProblem problem = TlsProblem::Other;
    QString reason;               // the MTA's words, e.g. "dh key too small"
    bool local = false;
    LineOffsets lines;
    // The message an outbound attempt was for, when its lines name it (a
    // deferral: `TLS is required, but was not offered by host`); else empty.
    QString queueId;
    QString sender;               // its envelope sender
    QString recipients;           // the recipients its lines name, comma-separated
};

// A session or message the own MTA refused because the peer did not use TLS
// where it was required (a Postfix `encrypt` listener refusing MAIL from a
// plaintext client; an Exim ACL denying an unencrypted MAIL or RCPT). Not a
// TLS failure: the peer attempted no TLS (COUNTING.md's figures leave it out).
struct RefusalRecord
{
    std::int64_t key = 0;         // offset of the line that showed the refusal
    Direction direction = Direction::Inbound;
    QString peer;
    QString peerIp;
    int port = 0;
    std::int64_t time = 0;
    QString reason;               // the MTA's words ("mail=0/1", Exim's reject text)
    QString sender;               // envelope sender, when the log names it
    QString recipients;           // comma-separated, when the log names them
    bool local = false;
    LineOffsets lines;
};

// Everything the assembler finished since it was last asked.
struct AssemblerOutput
{
    std::vector<TransferRecord> transfers;
    std::vector<ConnectionRecord> connections;
    std::vector<TlsFailureRecord> failures;
    std::vector<RefusalRecord> refusals;

    bool isEmpty() const
    {
        return transfers.empty() && connections.empty() && failures.empty() && refusals.empty();
    }
};

} // namespace mailtls
