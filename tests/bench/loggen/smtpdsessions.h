#pragma once

#include <cstdint>
#include <string>

#include "tests/bench/loggen/mailservices.h"
#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/outbounddelivery.h"
#include "tests/bench/loggen/scenario.h"

namespace mailtls::bench {

// What our smtpd (and postscreen in front of it) logs for one client: a full
// session with its messages, a failed STARTTLS, spam bots rejected at RCPT or
// by postscreen, clients that vanish before their message is queued, password
// guessers on the submission port, a monitoring probe on localhost. Counts the
// inbound and submission figures of COUNTING.md as it writes.
class SmtpdSessions final
{
public:
    struct Plan
    {
        const char *program = "postfix/smtpd";
        int client = 0;             // host index
        int site = -1;              // the sender's site (inbound)
        bool tlsLine = false;       // logs "TLS connection established from"
        bool starttls = false;      // STARTTLS shows in the statistics
        bool encrypted = false;     // as COUNTING.md sees the session
        const User *user = nullptr; // submission: SASL login
        int messages = 1;
        Direction direction = Direction::Inbound;
    };

    SmtpdSessions(MailServices &services, OutboundDelivery &delivery);

    // A session with plan.messages messages, and their deliveries. Returns the
    // time of the last line.
    std::int64_t session(Scenario &scenario, std::int64_t t, const Plan &plan);
    // postscreen's CONNECT and PASS lines before the handoff to smtpd.
    std::int64_t postscreenPass(Scenario &scenario, std::int64_t t, const Host &client);
    // A client that tries STARTTLS and fails the handshake.
    std::int64_t failedTls(Scenario &scenario, std::int64_t t, const Host &client);

    void rejectedBot(Scenario &scenario, std::int64_t t);
    void postscreenDrop(Scenario &scenario, std::int64_t t);
    void lostClient(Scenario &scenario, std::int64_t t);
    void passwordGuesser(Scenario &scenario, std::int64_t t);
    void localMonitor(Scenario &scenario, std::int64_t t);

private:
    struct Stats
    {
        int ehlo = 0;
        int starttls = 0, starttlsTried = 0;
        int auth = 0, authTried = 0;
        int mail = 0, mailTried = 0;
        int rcpt = 0, rcptTried = 0;
        int data = 0, dataTried = 0;
        int rset = 0;
        int quit = 0;
    };

    // Sender, Message-ID, size and recipients of a message.
    void describeInbound(QueuedMessage &message, const Plan &plan);
    void describeSubmitted(QueuedMessage &message, const Plan &plan);
    std::string helo(const Host &client);
    std::string botSender();
    static void appendStats(std::string &line, const Stats &stats);

    MailServices &m_services;
    Random &m_random;
    MailWorld &m_world;
    OutboundDelivery &m_delivery;
};

} // namespace mailtls::bench
