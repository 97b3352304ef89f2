#include "tests/bench/loggen/sendmailprocesses.h"

#include <algorithm>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/textappend.h"
#include "tests/bench/loggen/tlsparts.h"

namespace mailtls::bench {

namespace {

// sendmail's queue id digits (QUEUE_ID_CHARS): a date and time in base 60.
const char kBase60[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx";

using lines::second;

const char *clientVerify(const Host &host)
{
    const std::string trust = host.trustFrom;
    return trust == "Trusted" ? "OK" : trust == "Untrusted" ? "FAIL" : "NO";
}

} // namespace

SendmailProcesses::SendmailProcesses(Random &random, std::int64_t firstPid)
    : m_random(random)
    , m_pid(firstPid)
{ }

void SendmailProcesses::appendDuration(std::string &line, std::int64_t micros)
{
    std::int64_t s = std::max<std::int64_t>(0, micros / second);
    if (s >= 86400) {
        appendInt(line, s / 86400);
        line += '+';
        s %= 86400;
    }
    appendPadded(line, s / 3600, 2);
    line += ':';
    appendPadded(line, s / 60 % 60, 2);
    line += ':';
    appendPadded(line, s % 60, 2);
}

std::int64_t SendmailProcesses::nextPid()
{
    // Every session and every delivery is a process of its own; pids wrap as
    // Linux's do (pid_max 4194304), far apart enough that no open session meets its pid again.
    m_pid += m_random.range(1, 6);
    if (m_pid > 4194000)
        m_pid = 300 + static_cast<std::int64_t>(m_random.below(100));
    return m_pid;
}

std::string SendmailProcesses::queueId(std::int64_t t, std::int64_t pid)
{
    const std::int64_t s = t / second;
    int year = 0, month = 0, day = 0;
    LogClock::civilFromDays(s / 86400, year, month, day);
    std::string id;
    do {
        id.clear();
        id += kBase60[(year - 1900) % 60];
        id += kBase60[month - 1];
        id += kBase60[day];
        id += kBase60[s % 86400 / 3600];
        id += kBase60[s % 3600 / 60];
        id += kBase60[s % 60];
        m_sequence = (m_sequence + 1) % (60 * 60);
        id += kBase60[m_sequence / 60];
        id += kBase60[m_sequence % 60];
        appendPadded(id, pid, 6);
    } while (!m_issued.insert(id).second);
    return id;
}

void SendmailProcesses::appendClient(std::string &line, const Host &host)
{
    const bool v6 = lines::isIpv6(host.ip);
    if (!host.dnsName.empty()) {
        line += host.dnsName;
        line += ' ';
    } else if (host.name != "unknown") {
        line += host.name;
        line += ' ';
    }
    line += v6 ? "[IPv6:" : "[";
    line += host.ip;
    line += ']';
    if (!host.dnsName.empty())
        line += " (may be forged)";
}

void SendmailProcesses::appendServer(std::string &line, const Host &host)
{
    line += host.name;
    line += ". ";
    line += lines::isIpv6(host.ip) ? "[IPv6:" : "[";
    line += host.ip;
    line += ']';
}

void SendmailProcesses::serverTls(std::string &line, const Host &client)
{
    const TlsParts tls = TlsParts::of(client.tlsFrom);
    line += "STARTTLS=server, relay=";
    appendClient(line, client);
    line += ", version=" + tls.protocol + ", verify=";
    line += clientVerify(client);
    line += ", cipher=" + tls.cipher + ", bits=" + tls.bits + "/" + tls.bits;
}

} // namespace mailtls::bench
