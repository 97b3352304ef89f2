#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/loggen/mailservices.h"
#include "tests/bench/loggen/scenario.h"

namespace mailtls::bench {

// Delivers a queued message the way Postfix's delivery agents log it: lmtp and
// local for our own mailboxes, smtp per destination with TLS lines, cached
// plaintext connections (conn_use=), multi-recipient transactions, greylisting,
// bounces with their notifications, and TLS failures with Postfix's plaintext
// fallback on the retry. Counts the outbound figures as COUNTING.md defines them.
//
// To keep the ground truth unambiguous, a retry of a message to the same relay
// never runs on the smtp process whose last delivery line was that message's
// (COUNTING.md rule 2 would join the two), and every smtp job ends with its
// delivery lines.
class OutboundDelivery final
{
public:
    explicit OutboundDelivery(MailServices &services);

    // Writes everything after the message's first qmgr "queue active" line and
    // returns the time of the last line. Delivery starts no earlier than `notBefore`.
    std::int64_t deliver(Scenario &scenario, const QueuedMessage &message, std::int64_t notBefore);

private:
    struct Group
    {
        int host = 0;
        int site = 0;
        std::vector<std::size_t> recipients;
    };
    struct Outcome
    {
        std::int64_t end = 0;
        bool deferred = false;
        bool bounced = false;
        bool sent = false;
        bool encrypted = false;
    };
    struct PeerMessage
    {
        int host = 0;
        bool sent = false;
        bool encrypted = true;
    };

    Outcome runJob(Scenario &scenario, const QueuedMessage &message, const Group &group, int round,
                   std::int64_t start, std::int64_t active);
    std::int64_t deliverLocal(Scenario &scenario, const QueuedMessage &message,
                              const std::vector<std::size_t> &recipients, std::int64_t start);
    std::int64_t notifySender(Scenario &scenario, const QueuedMessage &message, std::int64_t t);

    static void appendRecipient(std::string &line, const Recipient &recipient);
    static void appendDelays(std::string &line, std::int64_t arrival, std::int64_t active, std::int64_t start,
                      std::int64_t connected, std::int64_t done);
    void appendSentReply(std::string &line, const Host &host, const QueuedMessage &message,
                         const std::string &remoteId);

    MailServices &m_services;
};

} // namespace mailtls::bench
