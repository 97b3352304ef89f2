#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/logs/logevent.h"
#include "models/store/peerfigures.h"
#include "models/store/probehistory.h"

namespace mailtls {

// How many encrypted connections used one TLS protocol version, cipher suite
// or key exchange. An empty name counts encrypted connections whose TLS
// details the MTA did not log (encrypted by its disconnect statistics alone).
struct TlsCount
{
    QString name;
    qint64 connections = 0;

    bool operator==(const TlsCount &other) const
    {
        return name == other.name && connections == other.connections;
    }
};

// Which columns of the Peers table to read. Figures alone cost one pass over
// the aggregates; everything adds the TLS roll-ups and the last-seen times,
// so a view can show the figures first and fill the rest in after.
enum class PeerColumns { Figures, Everything };

// One row of the Peers table: a peer (host, or registrable domain) in one
// direction. `figures` are exactly TrafficStore::peerFigures()'s.
struct PeerRow
{
    PeerFigures figures;
    // Left empty with PeerColumns::Figures.
    // Over the peer's encrypted connections, most frequent first (ties by name).
    QList<TlsCount> protocols;
    QList<TlsCount> ciphers;
    // Over its encrypted connections whose trust was logged; Unknown when none.
    Trust bestTrust = Trust::Unknown;
    Trust worstTrust = Trust::Unknown;
    // When it was last on the wire in the range: the start of its last
    // connection or its last TLS failure; for a peer with neither in the range
    // (its mail rode connections opened before it, or a local transport), its
    // last message.
    std::optional<qint64> lastSeen;
    // The verdict of the last probe that reached this peer, when there was one.
    std::optional<PeerProbeVerdict> lastProbe;
};

} // namespace mailtls
