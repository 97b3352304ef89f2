#pragma once

#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// Whether the MTA logs TLS in one direction, judged from what the store holds
// (TlsLoggingCheck gives the rule).
enum class TlsLogging {
    TooFewConnections,  // too little traffic to judge
    Logged,             // some encrypted connection has its TLS details
    DetailsNotLogged,   // encrypted connections, none with TLS details
    NothingEncrypted,   // not one encrypted connection
};

struct TlsLoggingEvidence
{
    Direction direction = Direction::Inbound;
    qint64 connections = 0;
    qint64 encryptedConnections = 0;
    qint64 loggedConnections = 0;   // encrypted, with a logged protocol
    TlsLogging verdict = TlsLogging::TooFewConnections;

    bool operator==(const TlsLoggingEvidence &other) const
    {
        return direction == other.direction && connections == other.connections
            && encryptedConnections == other.encryptedConnections
            && loggedConnections == other.loggedConnections && verdict == other.verdict;
    }
};

} // namespace mailtls
