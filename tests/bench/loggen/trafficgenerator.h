#pragma once

#include <cstdint>
#include <string>

#include "tests/bench/loggen/expectedfigures.h"
#include "tests/bench/loggen/logwriter.h"
#include "tests/bench/loggen/mailservices.h"
#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/outbounddelivery.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"
#include "tests/bench/loggen/smtpdsessions.h"
#include "tests/bench/loggen/trafficsource.h"

namespace mailtls::bench {

// The traffic as Postfix logs it: inbound sessions (postscreen in front),
// submission by our users, mail a web application and cron hand to pickup,
// spam bots, and the Dovecot and OpenDKIM lines a shared mail.log has besides
// Postfix.
class TrafficGenerator final : public TrafficSource
{
public:
    TrafficGenerator(std::uint64_t seed, std::int64_t lines);

private:
    Random &random() override { return m_random; }
    void build(Kind kind, Scenario &scenario, std::int64_t t) override;
    void filler(Scenario &scenario, std::int64_t t) override;
    void prune(std::int64_t t) override;

    void inboundMail(Scenario &scenario, std::int64_t t);
    void submission(Scenario &scenario, std::int64_t t);
    void cron(Scenario &scenario, std::int64_t t);
    void webappBurst(Scenario &scenario, std::int64_t t);
    void imap(Scenario &scenario, std::int64_t t);
    void anvil(Scenario &scenario, std::int64_t t);
    void reload(Scenario &scenario, std::int64_t t);

    // pickup's "uid=N from=<…>" and cleanup's Message-ID of a locally submitted message.
    QueuedMessage pickedUp(Scenario &scenario, std::int64_t t, const char *uid, const std::string &pickupFrom,
                           const std::string &sender, std::int64_t size);

    Random m_random;
    MailWorld m_world;
    MailServices m_services;
    OutboundDelivery m_delivery;
    SmtpdSessions m_sessions;
};

} // namespace mailtls::bench
