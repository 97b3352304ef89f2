#pragma once

#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// The figures of one peer (a host, or a registrable domain when grouped by
// domain) in one direction, over the records a ReportFilter selects.
struct PeerFigures
{
    Direction direction = Direction::Inbound;
    QString peer;
    qint64 messages = 0;
    qint64 encryptedMessages = 0;
    qint64 plaintextMessages = 0;
    qint64 bytes = 0;
    qint64 encryptedBytes = 0;
    qint64 connections = 0;
    qint64 encryptedConnections = 0;
    qint64 tlsFailures = 0;

    bool operator==(const PeerFigures &other) const
    {
        return direction == other.direction && peer == other.peer && messages == other.messages
            && encryptedMessages == other.encryptedMessages
            && plaintextMessages == other.plaintextMessages && bytes == other.bytes
            && encryptedBytes == other.encryptedBytes && connections == other.connections
            && encryptedConnections == other.encryptedConnections
            && tlsFailures == other.tlsFailures;
    }
    bool operator!=(const PeerFigures &other) const { return !(*this == other); }
};

} // namespace mailtls
