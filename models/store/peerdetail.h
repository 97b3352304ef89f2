#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"
#include "models/store/peerrow.h"
#include "models/store/trendseries.h"

namespace mailtls {

// One connection with a peer, as the peer detail page lists it.
struct PeerConnection
{
    qint64 id = 0;            // connections.id, for provenance
    qint64 sourceId = 0;
    qint64 time = 0;
    Direction direction = Direction::Inbound;
    QString host;
    QString peerIp;
    int port = 0;
    bool encrypted = false;
    TlsDetails tls;
};

// One failed TLS attempt with a peer.
struct PeerFailure
{
    qint64 id = 0;            // tls_failures.id, for provenance
    qint64 sourceId = 0;
    qint64 time = 0;
    Direction direction = Direction::Inbound;
    QString host;
    QString peerIp;
    int port = 0;
    TlsProblem problem = TlsProblem::Other;
    QString reason;
};

// An envelope address that exchanged mail with a peer. The records keep the
// envelope sender of every message and, for outbound mail, its recipients at
// that peer; inbound recipients (the addresses on our side) are not recorded,
// so inbound mail names only their side. The null sender is "<>".
struct Correspondent
{
    enum class Side { Ours, Theirs };

    Direction direction = Direction::Inbound;
    Side side = Side::Theirs;
    QString address;
    qint64 messages = 0;
    qint64 encryptedMessages = 0;
    qint64 lastSeen = 0;

    bool operator==(const Correspondent &other) const
    {
        return direction == other.direction && side == other.side && address == other.address
            && messages == other.messages && encryptedMessages == other.encryptedMessages
            && lastSeen == other.lastSeen;
    }
};

struct PeerDetailOptions
{
    TrendBucket bucket = TrendBucket::Auto;
    int connections = 1000;       // newest first, at most this many
    int failures = 1000;
    int correspondents = 1000;    // most messages first
};

// One peer (a host, or a registrable domain when grouped by domain) over a
// ReportFilter.
struct PeerDetail
{
    QString peer;
    // Its Peers-table rows, one per direction it has.
    QList<PeerRow> rows;
    TrendSeries timeline;
    QList<PeerConnection> connections;
    QList<PeerFailure> failures;
    QList<Correspondent> correspondents;
};

} // namespace mailtls
