#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// How many encrypted connections, and how many peers, used one protocol
// version, cipher suite or key exchange. An empty name stands for encrypted
// connections whose TLS details were not logged. `peers` counts (direction,
// peer) pairs, the rows of the Peers table.
struct TlsShare
{
    QString name;
    qint64 connections = 0;
    qint64 peers = 0;

    bool operator==(const TlsShare &other) const
    {
        return name == other.name && connections == other.connections && peers == other.peers;
    }
};

// A peer with a TLS weakness or trouble: how often, when last (failures
// only), and in words (the ciphers used, or the last failure's reason).
struct PeerTlsIssue
{
    Direction direction = Direction::Inbound;
    QString peer;
    qint64 count = 0;
    std::optional<qint64> lastTime;
    QString detail;

    bool operator==(const PeerTlsIssue &other) const
    {
        return direction == other.direction && peer == other.peer && count == other.count
            && lastTime == other.lastTime && detail == other.detail;
    }
};

// The TLS quality page. Distributions are most connections first, then by
// name; issue lists most occurrences first, then by direction and peer.
struct TlsQuality
{
    qint64 encryptedConnections = 0;
    QList<TlsShare> protocols;
    QList<TlsShare> ciphers;
    QList<TlsShare> keyExchanges;
    // Encrypted connections whose cipher suite uses finite-field Diffie-Hellman
    // (DHE/EDH); detail: those suites with their counts. The group size is not
    // in the logs: a probe tells it.
    QList<PeerTlsIssue> dhePeers;
    // TLS failures with the problem "dh key too small"; detail: last reason.
    QList<PeerTlsIssue> dhKeyTooSmallPeers;
    // TLS failures with a certificate problem; detail: last reason.
    QList<PeerTlsIssue> certificatePeers;
};

} // namespace mailtls
