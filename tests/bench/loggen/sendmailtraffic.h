#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"
#include "tests/bench/loggen/sendmailprocesses.h"
#include "tests/bench/loggen/trafficsource.h"

namespace mailtls::bench {

// The traffic as Debian's Sendmail 8.17 logs it at LogLevel 9 into a shared
// mail.log: sm-mta sessions (STARTTLS=server, AUTH=server, from= lines of
// daemon MTA-v4 and MSA-v4), deliveries by a process of their own (mailer=local,
// mailer=esmtp with STARTTLS=client, TLS failures with TLSFallbacktoClear, a
// TLS_Srv policy refusing a server without STARTTLS, greylisting, timeouts,
// unknown users and their DSNs), local submission through the sendmail program
// to localhost, spam bots refused by check_rcpt, check_relay and greet_pause,
// password guessers on the MSA, and the Dovecot and OpenDKIM lines beside them.
// Counts the figures of COUNTING.md as it writes (local hops left out).
class SendmailTraffic final : public TrafficSource
{
public:
    SendmailTraffic(std::uint64_t seed, std::int64_t lines);

private:
    struct Rcpt
    {
        std::string address;
        int site = -1; // -1: one of our mailboxes
        bool unknownUser = false;
    };
    struct Message
    {
        std::string queueId;
        std::string sender;
        std::int64_t size = 0;
        std::int64_t arrival = 0;
        bool localSender = false;
        std::vector<Rcpt> rcpts;
    };

    Random &random() override { return m_random; }
    void build(Kind kind, Scenario &scenario, std::int64_t t) override;
    void filler(Scenario &scenario, std::int64_t t) override;
    void prune(std::int64_t) override { }

    void inboundMail(Scenario &scenario, std::int64_t t);
    void submission(Scenario &scenario, std::int64_t t);
    std::int64_t session(Scenario &scenario, std::int64_t t, int client, int site, const User *user, bool tls,
                         int messages);
    std::int64_t failedHandshake(Scenario &scenario, std::int64_t t, const Host &client);
    void rejectedBot(Scenario &scenario, std::int64_t t);
    void droppedBot(Scenario &scenario, std::int64_t t);
    void lostClient(Scenario &scenario, std::int64_t t);
    void passwordGuesser(Scenario &scenario, std::int64_t t);
    void localMonitor(Scenario &scenario, std::int64_t t);
    void rateLimited(Scenario &scenario, std::int64_t t);
    void restart(Scenario &scenario, std::int64_t t);
    void cron(Scenario &scenario, std::int64_t t);
    void webappBurst(Scenario &scenario, std::int64_t t);

    // The sendmail program's submission to sm-mta on localhost: returns the
    // message as sm-mta queued it.
    Message submitLocally(Scenario &scenario, std::int64_t t, const char *user, int uid, const std::string &sender,
                          std::int64_t size);
    // Delivers every recipient of a queued message; returns the time of the last line.
    std::int64_t deliver(Scenario &scenario, const Message &message, std::int64_t t);

    void appendToLine(std::string &line, const std::string &queueId, const std::vector<const Rcpt *> &rcpts,
                      std::int64_t arrival, std::int64_t t, std::int64_t size, const char *mailer,
                      std::int64_t xdelay = -1);
    void appendSentReply(std::string &line, const Host &host);

    Random m_random;
    MailWorld m_world;
    SendmailProcesses m_processes;
    std::int64_t m_daemonPid;
    std::int64_t m_dovecotPid;
};

} // namespace mailtls::bench
