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
#include "tests/bench/loggen/timeline.h"

namespace mailtls::bench {

// Generates the traffic of a small site's mail server over days: inbound
// sessions (postscreen in front), submission by our users, mail a web
// application and cron hand to pickup, spam bots, and the Dovecot and OpenDKIM
// lines a shared mail.log has besides Postfix. Every scenario is written whole
// (no session is cut at the end of the log), so the figures counted while
// writing are exact.
class TrafficGenerator final
{
public:
    TrafficGenerator(std::uint64_t seed, std::int64_t lines);

    // Writes exactly `lines` lines from `start` (microseconds, UTC) over about `days` days.
    void run(LogWriter &writer, std::int64_t start, double days);
    const ExpectedFigures &expected() const { return m_expected; }

private:
    enum class Kind {
        InboundMail, InboundReject, PostscreenDrop, InboundLost, Submission, BruteForce, Cron,
        WebappBurst, Imap, LocalMonitor, Anvil, Reload,
    };

    Kind pickKind(double intensity);
    void build(Kind kind, Scenario &scenario, std::int64_t t);

    void inboundMail(Scenario &scenario, std::int64_t t);
    void submission(Scenario &scenario, std::int64_t t);
    void cron(Scenario &scenario, std::int64_t t);
    void webappBurst(Scenario &scenario, std::int64_t t);
    void imap(Scenario &scenario, std::int64_t t);
    void anvil(Scenario &scenario, std::int64_t t);
    void reload(Scenario &scenario, std::int64_t t);
    void filler(Scenario &scenario, std::int64_t t);

    // pickup's "uid=N from=<…>" and cleanup's Message-ID of a locally submitted message.
    QueuedMessage pickedUp(Scenario &scenario, std::int64_t t, const char *uid, const std::string &pickupFrom,
                           const std::string &sender, std::int64_t size);

    std::int64_t m_lines;
    Random m_random;
    MailWorld m_world;
    MailServices m_services;
    OutboundDelivery m_delivery;
    SmtpdSessions m_sessions;
    ExpectedFigures m_expected;
};

} // namespace mailtls::bench
