#include "tests/bench/loggen/trafficgenerator.h"

#include <algorithm>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/dovecotlines.h"
#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

namespace {

// "Nov  5 10:12:16", the ctime() excerpt anvil prints.
void appendCtime(std::string &line, std::int64_t micros)
{
    const std::int64_t s = micros / lines::second;
    int year = 0, month = 0, day = 0;
    LogClock::civilFromDays(s / 86400, year, month, day);
    line += LogClock::monthName(month);
    line += day < 10 ? "  " : " ";
    appendInt(line, day);
    line += ' ';
    appendPadded(line, s % 86400 / 3600, 2);
    line += ':';
    appendPadded(line, s % 3600 / 60, 2);
    line += ':';
    appendPadded(line, s % 60, 2);
}

} // namespace

TrafficGenerator::TrafficGenerator(std::uint64_t seed, std::int64_t lines)
    : TrafficSource(lines)
    , m_random(seed)
    , m_world(m_random, static_cast<int>(std::clamp<std::int64_t>(lines / 400, 40, 3000)))
    , m_services(m_random, m_world, 4000 + static_cast<std::int64_t>(m_random.below(20000)))
    , m_delivery(m_services)
    , m_sessions(m_services, m_delivery)
{
}

void TrafficGenerator::prune(std::int64_t t)
{
    for (ProcessPool *pool : {&m_services.smtpd, &m_services.smtp, &m_services.cleanup, &m_services.lmtp,
                              &m_services.local, &m_services.bounce, &m_services.dovecotLmtp})
        pool->prune(t);
}

void TrafficGenerator::build(Kind kind, Scenario &scenario, std::int64_t t)
{
    switch (kind) {
    case Kind::InboundMail: inboundMail(scenario, t); break;
    case Kind::InboundReject: m_sessions.rejectedBot(scenario, t); break;
    case Kind::PostscreenDrop: m_sessions.postscreenDrop(scenario, t); break;
    case Kind::InboundLost: m_sessions.lostClient(scenario, t); break;
    case Kind::Submission: submission(scenario, t); break;
    case Kind::BruteForce: m_sessions.passwordGuesser(scenario, t); break;
    case Kind::Cron: cron(scenario, t); break;
    case Kind::WebappBurst: webappBurst(scenario, t); break;
    case Kind::Imap: imap(scenario, t); break;
    case Kind::LocalMonitor: m_sessions.localMonitor(scenario, t); break;
    case Kind::Anvil: anvil(scenario, t); break;
    case Kind::Reload: reload(scenario, t); break;
    }
}

void TrafficGenerator::inboundMail(Scenario &scenario, std::int64_t t)
{
    const int siteIndex = m_world.pickSite(m_random);
    const Site &site = m_world.site(siteIndex);
    const int client = site.senders[m_random.below(site.senders.size())];
    const Host &host = m_world.host(client);
    t = m_sessions.postscreenPass(scenario, t, host);
    if (site.inbound == InboundTls::Broken) {
        // The sender gives up on TLS and comes back in plaintext.
        t = m_sessions.failedTls(scenario, t, host);
        t = m_sessions.postscreenPass(scenario, t + lines::millis(m_random, 800, 6000), host);
    }
    SmtpdSessions::Plan plan;
    plan.client = client;
    plan.site = siteIndex;
    plan.tlsLine = site.inbound == InboundTls::Tls;
    plan.starttls = plan.tlsLine;
    plan.encrypted = plan.tlsLine;
    plan.messages = siteIndex < 5 && m_random.chance(0.15) ? m_random.range(2, 3) : 1;
    plan.direction = Direction::Inbound;
    m_sessions.session(scenario, t, plan);
}

void TrafficGenerator::submission(Scenario &scenario, std::int64_t t)
{
    const User &user = m_world.pickUser(m_random);
    SmtpdSessions::Plan plan;
    plan.client = user.devices[m_random.below(user.devices.size())];
    plan.user = &user;
    plan.direction = Direction::Submission;
    plan.encrypted = true;
    plan.messages = m_random.chance(0.1) ? 2 : 1;
    if (m_random.chance(0.3)) {
        // Port 465, wrapper mode, logged at smtpd_tls_loglevel 0: no TLS line,
        // encrypted by the service name alone.
        plan.program = "postfix/submissions/smtpd";
    } else {
        plan.program = "postfix/submission/smtpd";
        plan.tlsLine = true;
        plan.starttls = true;
    }
    m_sessions.session(scenario, t, plan);
}

QueuedMessage TrafficGenerator::pickedUp(Scenario &scenario, std::int64_t t, const char *uid,
                                         const std::string &pickupFrom, const std::string &sender,
                                         std::int64_t size)
{
    QueuedMessage message;
    message.queueId = m_services.queueIds.next(t);
    message.sender = sender;
    message.localSender = true;
    message.size = size;
    std::string &line = scenario.line(t, "postfix/pickup", m_services.pickupPid);
    line += message.queueId;
    line += ": uid=";
    line += uid;
    line += " from=<";
    line += pickupFrom;
    line += ">";
    message.arrival = t + lines::millis(m_random, 2, 30);
    message.messageId = lines::localMessageId(message.arrival, message.queueId);
    lines::cleanupLine(scenario, m_services, message.arrival, message.queueId, message.messageId);
    message.active = message.arrival + lines::millis(m_random, 3, 40);
    return message;
}

void TrafficGenerator::cron(Scenario &scenario, std::int64_t t)
{
    const std::string sender = std::string("root@") + MailWorld::ownName;
    QueuedMessage message = pickedUp(scenario, t, "0", "root", sender, m_random.range(600, 9000));
    Recipient r;
    r.address = sender;
    r.origTo = "root";
    r.transport = Transport::Local;
    message.recipients.push_back(r);
    lines::qmgrLine(scenario, m_services, message, message.active, message.recipients.size());
    m_delivery.deliver(scenario, message, message.active);
}

void TrafficGenerator::webappBurst(Scenario &scenario, std::int64_t t)
{
    // A web application mails several people at one site within seconds: the
    // queue manager reuses a cached plaintext connection (conn_use=) for them.
    const int site = m_random.chance(0.5) ? m_world.pickPlaintextSite(m_random) : m_world.pickSite(m_random);
    const double r = m_random.real();
    const int count = r < 0.35 ? 1 : r < 0.6 ? 2 : r < 0.8 ? 3 : r < 0.92 ? 4 : 5;
    const std::string sender = std::string("noreply@") + MailWorld::ownDomain;
    std::int64_t notBefore = t;
    for (int i = 0; i < count; ++i) {
        t += lines::millis(m_random, 150, 700);
        QueuedMessage message = pickedUp(scenario, t, "33", sender, sender, m_random.range(2500, 14000));
        Recipient rcpt;
        rcpt.site = site;
        rcpt.address = m_world.recipientAddress(m_random, site);
        rcpt.transport = Transport::Smtp;
        rcpt.unknownUser = m_random.chance(0.015);
        message.recipients.push_back(rcpt);
        lines::qmgrLine(scenario, m_services, message, message.active, message.recipients.size());
        const std::int64_t end = m_delivery.deliver(scenario, message, std::max(message.active, notBefore));
        // The next one waits for the connection this one leaves in the cache,
        // unless this one was deferred.
        notBefore = end - message.active < 10 * lines::second ? end + lines::millis(m_random, 20, 300)
                                                              : message.active;
        t = std::max(t, message.active);
    }
}

void TrafficGenerator::imap(Scenario &scenario, std::int64_t t)
{
    dovecot::imapSession(scenario, m_random, m_world, m_services.nextPid, t);
}

void TrafficGenerator::anvil(Scenario &scenario, std::int64_t t)
{
    const Host &client = m_world.host(m_random.chance(0.5) ? m_world.pickBot(m_random)
                                                           : m_world.site(m_world.pickSite(m_random)).senders[0]);
    const std::int64_t when = t - static_cast<std::int64_t>(m_random.range(30, 500)) * lines::second;
    const int rate = m_random.range(1, 4);
    std::string &rateLine = scenario.line(t, "postfix/anvil", m_services.anvilPid);
    rateLine += "statistics: max connection rate ";
    appendInt(rateLine, rate);
    rateLine += "/60s for (smtp:" + client.ip + ") at ";
    appendCtime(rateLine, when);
    std::string &countLine = scenario.line(t, "postfix/anvil", m_services.anvilPid);
    countLine += "statistics: max connection count ";
    appendInt(countLine, std::min(rate, 2));
    countLine += " for (smtp:" + client.ip + ") at ";
    appendCtime(countLine, when);
    std::string &cacheLine = scenario.line(t, "postfix/anvil", m_services.anvilPid);
    cacheLine += "statistics: max cache size ";
    appendInt(cacheLine, m_random.range(1, 6));
    cacheLine += " at ";
    appendCtime(cacheLine, when + 3 * lines::second);
}

void TrafficGenerator::reload(Scenario &scenario, std::int64_t t)
{
    std::string &line = scenario.line(t, "postfix/master", m_services.masterPid);
    line += "reload -- version 3.7.11, configuration /etc/postfix";
    m_services.restartDaemons();
}

void TrafficGenerator::filler(Scenario &scenario, std::int64_t t)
{
    dovecot::imapProbe(scenario, m_random, m_world, t);
}

} // namespace mailtls::bench
