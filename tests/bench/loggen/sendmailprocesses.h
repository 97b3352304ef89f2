#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/random.h"

namespace mailtls::bench {

// The processes and queue ids of a simulated Sendmail, and the way its lines
// name hosts and durations.
class SendmailProcesses final
{
public:
    SendmailProcesses(Random &random, std::int64_t firstPid);

    // Every session and every delivery is a process of its own.
    std::int64_t nextPid();
    std::int64_t lastPid() const { return m_pid; }
    // A queue id as sendmail 8.17 makes one: the time in base 60, a sequence, the pid.
    std::string queueId(std::int64_t t, std::int64_t pid);

    // "name [ip]", "[IPv6:ip]", "name [ip] (may be forged)": a client.
    static void appendClient(std::string &line, const Host &host);
    // "name. [ip]": a server we deliver to.
    static void appendServer(std::string &line, const Host &host);
    // "STARTTLS=server, relay=…, version=…, verify=…, cipher=…, bits=…/…"
    static void serverTls(std::string &line, const Host &client);
    // "delay=00:00:01": hours past a day as "1+02:03:04".
    static void appendDuration(std::string &line, std::int64_t micros);

private:
    Random &m_random;
    std::int64_t m_pid;
    int m_sequence = 0;
    std::unordered_set<std::string> m_issued;
};

} // namespace mailtls::bench
