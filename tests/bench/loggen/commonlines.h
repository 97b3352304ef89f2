#pragma once

#include <cstdint>
#include <string>

#include "tests/bench/loggen/mailservices.h"
#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"

// Small pieces several kinds of traffic write the same way.
namespace mailtls::bench::lines {

inline constexpr const char *ownIpv6 = "2001:db8:10::25";
inline constexpr const char hex[] = "0123456789abcdef";
inline constexpr const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
inline constexpr const char base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
inline constexpr std::int64_t second = 1000000;

inline std::int64_t millis(Random &random, int lo, int hi)
{
    return static_cast<std::int64_t>(random.range(lo, hi)) * 1000;
}

inline bool isIpv6(const std::string &ip)
{
    return ip.find(':') != std::string::npos;
}

// Our address on the family of `peerIp`.
inline const char *ownAddressFor(const std::string &peerIp)
{
    return isIpv6(peerIp) ? ownIpv6 : MailWorld::ownIp;
}

// "name[ip]"
void appendClient(std::string &line, const Host &host);
std::string randomToken(Random &random, int length, const char *alphabet, int alphabetSize);
// "<random@domain>"
std::string randomMessageId(Random &random, const std::string &domain);
// "<20261105100001.QUEUEID@mail.example.org>", as Postfix makes one up.
std::string localMessageId(std::int64_t t, const std::string &queueId);
// "QUEUEID: message-id=<…>" of a cleanup process.
void cleanupLine(Scenario &scenario, MailServices &services, std::int64_t t, const std::string &queueId,
                 const std::string &messageId);
// "QUEUEID: from=<…>, size=N, nrcpt=N (queue active)" at message.active.
void qmgrLine(Scenario &scenario, MailServices &services, const QueuedMessage &message, std::int64_t time,
              std::size_t recipients);

} // namespace mailtls::bench::lines
