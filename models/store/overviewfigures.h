#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"
#include "models/store/peerfigures.h"
#include "models/store/tlsloggingevidence.h"
#include "models/store/trendseries.h"

namespace mailtls {

// How much of one direction's traffic was encrypted.
struct DirectionShare
{
    Direction direction = Direction::Inbound;
    qint64 messages = 0;
    qint64 encryptedMessages = 0;
    qint64 bytes = 0;
    qint64 encryptedBytes = 0;
    qint64 connections = 0;
    qint64 encryptedConnections = 0;
    qint64 tlsFailures = 0;

    bool operator==(const DirectionShare &other) const
    {
        return direction == other.direction && messages == other.messages
            && encryptedMessages == other.encryptedMessages && bytes == other.bytes
            && encryptedBytes == other.encryptedBytes && connections == other.connections
            && encryptedConnections == other.encryptedConnections
            && tlsFailures == other.tlsFailures;
    }
};

// One TLS failure as the Overview lists it.
struct RecentFailure
{
    qint64 id = 0;            // tls_failures.id, for provenance
    qint64 time = 0;
    Direction direction = Direction::Inbound;
    QString peer;             // under the filter's grouping
    QString host;             // the host name the MTA logged (or the IP)
    QString peerIp;
    int port = 0;
    TlsProblem problem = TlsProblem::Other;
    QString reason;

    bool operator==(const RecentFailure &other) const
    {
        return id == other.id && time == other.time && direction == other.direction
            && peer == other.peer && host == other.host && peerIp == other.peerIp
            && port == other.port && problem == other.problem && reason == other.reason;
    }
};

struct OverviewOptions
{
    TrendBucket bucket = TrendBucket::Auto;
    int topPeers = 10;
    int recentFailures = 10;
    qint64 tlsLoggingMinimum = 20;   // TlsLoggingCheck's minimum of connections
};

// Everything the Overview page shows for one ReportFilter.
struct OverviewFigures
{
    // One per direction the filter selects, in enum order, zeros included.
    QList<DirectionShare> shares;
    TrendSeries trend;
    // Peers by plaintext messages (most first; then messages, direction,
    // peer), only those with any; at most OverviewOptions::topPeers.
    QList<PeerFigures> topPlaintextPeers;
    // Newest first; at most OverviewOptions::recentFailures.
    QList<RecentFailure> recentFailures;
    // Inbound, then outbound.
    QList<TlsLoggingEvidence> tlsLogging;
};

} // namespace mailtls
