#pragma once

#include <optional>

#include <QtGlobal>

namespace mailtls {

// What records add to (or, when replaced, take from) one `daily` row.
struct AggregateValues
{
    qint64 messages = 0;
    qint64 encryptedMessages = 0;
    qint64 bytes = 0;
    qint64 encryptedBytes = 0;
    qint64 connections = 0;
    qint64 encryptedConnections = 0;
    qint64 tlsFailures = 0;
    bool shrinks = false;      // something was taken away: the row may now be empty
    // The latest connection or TLS failure, and the latest message, among the
    // records added: `daily` and `peer_totals` keep the maximum, so the Peers
    // table's "last seen" needs no look-up in the records.
    std::optional<qint64> lastContact;
    std::optional<qint64> lastMessage;

    static void keepLatest(std::optional<qint64> &into, std::optional<qint64> time)
    {
        if (time && (!into || *time > *into))
            into = time;
    }

    bool isZero() const
    {
        return messages == 0 && encryptedMessages == 0 && bytes == 0 && encryptedBytes == 0
            && connections == 0 && encryptedConnections == 0 && tlsFailures == 0;
    }

    // Adds these sums to figures with the same seven fields (PeerFigures,
    // a direction's share, …).
    template <typename Figures>
    void addTo(Figures &into) const
    {
        into.messages += messages;
        into.encryptedMessages += encryptedMessages;
        into.bytes += bytes;
        into.encryptedBytes += encryptedBytes;
        into.connections += connections;
        into.encryptedConnections += encryptedConnections;
        into.tlsFailures += tlsFailures;
    }
};

} // namespace mailtls
