#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"
#include "tests/bench/loggen/trafficsource.h"

namespace mailtls::bench {

// The traffic as Debian's Exim 4.96 (GnuTLS) writes it to its own main log
// with the default log_selector: no pids, no ports, 16-character message ids;
// `<=` arrivals with H=, P=, X= and CV=, `=>`/`->` deliveries (local_user to
// mail_spool, dnslookup to remote_smtp), `**` bounces and their `<= <>`
// notices, `==` deferrals (greylisting, hosts_require_tls, timeouts), TLS
// failures with the fall-back to clear (`TLS session: …: delivering
// unencrypted`), `TLS error on connection from`, spam bots refused at RCPT or
// before the greeting, password guessers, queue runs. Counts the figures of
// COUNTING.md as it writes (local hops left out).
class EximTraffic final : public TrafficSource
{
public:
    EximTraffic(std::uint64_t seed, std::int64_t lines);

private:
    struct Rcpt
    {
        std::string address;
        int site = -1; // -1: one of our mailboxes
        bool unknownUser = false;
    };
    struct Message
    {
        std::string id;
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
    void arrivals(Scenario &scenario, std::int64_t t, int client, int site, const User *user, bool tls, int messages);
    void rejectedBot(Scenario &scenario, std::int64_t t);
    void droppedBot(Scenario &scenario, std::int64_t t);
    void lostClient(Scenario &scenario, std::int64_t t);
    void passwordGuesser(Scenario &scenario, std::int64_t t);
    void queueRun(Scenario &scenario, std::int64_t t);
    void restart(Scenario &scenario, std::int64_t t);
    void cron(Scenario &scenario, std::int64_t t);
    void webappBurst(Scenario &scenario, std::int64_t t);

    Message localArrival(Scenario &scenario, std::int64_t t, const char *user, const std::string &sender,
                         std::int64_t size);
    // Delivers every recipient; returns the time of the last line.
    std::int64_t deliver(Scenario &scenario, const Message &message, std::int64_t t);

    std::string messageId(std::int64_t t);
    std::int64_t nextPid();
    static void appendClient(std::string &line, const Host &host, const std::string &helo);
    static void appendTls(std::string &line, const std::string &description);
    std::string helo(const Host &host);
    void appendReply(std::string &line, const Host &host, const Message &message);

    Random m_random;
    MailWorld m_world;
    std::int64_t m_pid;
    std::unordered_set<std::string> m_issued;
};

} // namespace mailtls::bench
