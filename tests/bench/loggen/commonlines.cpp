#include "tests/bench/loggen/commonlines.h"

#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench::lines {

void appendClient(std::string &line, const Host &host)
{
    line += host.name;
    line += '[';
    line += host.ip;
    line += ']';
}

std::string randomToken(Random &random, int length, const char *alphabet, int alphabetSize)
{
    std::string token;
    token.reserve(static_cast<std::size_t>(length));
    for (int i = 0; i < length; ++i)
        token += alphabet[random.below(static_cast<std::uint64_t>(alphabetSize))];
    return token;
}

std::string randomMessageId(Random &random, const std::string &domain)
{
    return "<" + randomToken(random, random.range(12, 28), alnum, 62) + "@" + domain + ">";
}

std::string localMessageId(std::int64_t t, const std::string &queueId)
{
    int year = 0, month = 0, day = 0;
    LogClock::civilFromDays(t / second / 86400, year, month, day);
    const std::int64_t ofDay = t / second % 86400;
    std::string id = "<";
    appendPadded(id, year, 4);
    appendPadded(id, month, 2);
    appendPadded(id, day, 2);
    appendPadded(id, ofDay / 3600, 2);
    appendPadded(id, ofDay / 60 % 60, 2);
    appendPadded(id, ofDay % 60, 2);
    id += "." + queueId + "@" + MailWorld::ownName + ">";
    return id;
}

void cleanupLine(Scenario &scenario, MailServices &services, std::int64_t t, const std::string &queueId,
                 const std::string &messageId)
{
    const std::int64_t pid = services.cleanup.acquire(t);
    std::string &line = scenario.line(t, "postfix/cleanup", pid);
    line += queueId;
    line += ": message-id=";
    line += messageId;
    services.cleanup.release(pid, t + 1000);
}

void qmgrLine(Scenario &scenario, MailServices &services, const QueuedMessage &message, std::int64_t time,
              std::size_t recipients)
{
    std::string &line = scenario.line(time, "postfix/qmgr", services.qmgrPid);
    line += message.queueId;
    line += ": from=<";
    line += message.sender;
    line += ">, size=";
    appendInt(line, message.size);
    line += ", nrcpt=";
    appendInt(line, static_cast<std::int64_t>(recipients));
    line += " (queue active)";
}

} // namespace mailtls::bench::lines
