#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"

namespace mailtls {

// Who failed during a campaign's window, read from a store file (schema 8)
// on a connection of its own, so that it runs on any thread (the window
// calls it through QtConcurrent).
//
// A failing peer, per direction, is one with in [from, to):
//  - inbound: sessions refused for not using TLS (table refusals), and
//    inbound TLS failures;
//  - outbound: TLS failures (not offered, DH key too small, handshake,
//    certificate, cannot start, …).
// For each: the failures (refusals and failed attempts), the distinct
// messages they name (queue ids of outbound attempts; the envelopes of
// refused inbound messages), first and last seen, the problem and reason of
// the latest, and the correspondents: ours and theirs from the failures'
// envelopes (inbound: their senders, our recipients; outbound: our senders,
// their recipients), and where those name none (a refused Postfix session
// names no address) from the transfers stored with that peer, most recent
// first: inbound, their senders and the recipients our server delivered
// those messages to; outbound, our senders and their recipients.
class FailureGatherer final
{
    Q_DECLARE_TR_FUNCTIONS(FailureGatherer)

public:
    struct Options
    {
        qint64 from = 0; // UTC seconds, inclusive
        qint64 to = 0; // exclusive
        bool inbound = true;
        bool outbound = true;
        // Loopback peers and local hops (COUNTING.md) are left out unless set.
        bool includeLocal = false;
        // At most this many addresses per side and peer.
        int addressLimit = 20;
        // When set: a peer's fixedAt is its first encrypted transfer or
        // connection, in its direction, at or after this time (fixedBy "log").
        std::optional<qint64> fixedAfter;
    };

    // Ordered by direction (inbound first), then peer; campaignId 0.
    // std::nullopt with `error` set when the store cannot be read.
    static std::optional<QList<CampaignPeer>> gather(const QString &storePath, const Options &options, QString *error);
};

} // namespace mailtls
