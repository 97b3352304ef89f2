#include "tests/bench/loggen/trafficgenerator.h"

#include <algorithm>

#include "tests/bench/loggen/commonlines.h"
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
    : m_lines(lines)
    , m_random(seed)
    , m_world(m_random, static_cast<int>(std::clamp<std::int64_t>(lines / 400, 40, 3000)))
    , m_services(m_random, m_world, 4000 + static_cast<std::int64_t>(m_random.below(20000)))
    , m_delivery(m_services)
    , m_sessions(m_services, m_delivery)
{
}

void TrafficGenerator::run(LogWriter &writer, std::int64_t start, double days)
{
    Timeline timeline(start, days);
    double progress = 0;
    std::int64_t committed = 0;
    std::int64_t scenarios = 0;
    Scenario scenario;
    const double perLine = 1.0 / static_cast<double>(std::max<std::int64_t>(1, m_lines));
    for (;;) {
        const std::int64_t t = timeline.at(progress);
        scenario.clear();
        build(pickKind(timeline.intensity(t)), scenario, t);
        // The last scenarios that no longer fit are dropped whole; single
        // lines that count for nothing fill up to the exact length.
        if (committed + static_cast<std::int64_t>(scenario.size()) > m_lines)
            break;
        committed += static_cast<std::int64_t>(scenario.size());
        for (const FigureDelta &d : scenario.figures())
            m_expected.add(d.direction, d.peer, d.figures);
        // Random gaps (bursts and lulls), pulled back toward the share of lines
        // written so that the log ends when asked.
        progress += static_cast<double>(scenario.size()) * perLine * m_random.exponential(1.0);
        progress += 0.05 * (static_cast<double>(committed) * perLine - progress);
        writer.schedule(scenario);
        writer.flushThrough(t);
        if (++scenarios % 256 == 0) {
            for (ProcessPool *pool : {&m_services.smtpd, &m_services.smtp, &m_services.cleanup, &m_services.lmtp,
                                      &m_services.local, &m_services.bounce, &m_services.dovecotLmtp})
                pool->prune(t);
        }
    }
    while (committed < m_lines) {
        const std::int64_t t = timeline.at(progress);
        scenario.clear();
        filler(scenario, t);
        committed += static_cast<std::int64_t>(scenario.size());
        progress += perLine * m_random.exponential(1.0);
        writer.schedule(scenario);
        writer.flushThrough(t);
    }
    writer.flushAll();
}

TrafficGenerator::Kind TrafficGenerator::pickKind(double intensity)
{
    // People's traffic follows the clock; bots, cron and monitoring do not.
    const double flat = 1.0 / std::max(intensity, 0.1);
    struct Weight
    {
        Kind kind;
        double weight;
    };
    const Weight weights[] = {
        {Kind::InboundMail, 44}, {Kind::Submission, 11}, {Kind::WebappBurst, 3}, {Kind::Imap, 7},
        {Kind::InboundLost, 2}, {Kind::PostscreenDrop, 6 * flat}, {Kind::InboundReject, 6 * flat},
        {Kind::BruteForce, 3 * flat}, {Kind::Cron, 1.5 * flat}, {Kind::LocalMonitor, 1.5 * flat},
        {Kind::Anvil, 0.8 * flat}, {Kind::Reload, 0.03 * flat},
    };
    double total = 0;
    for (const Weight &w : weights)
        total += w.weight;
    double r = m_random.real() * total;
    for (const Weight &w : weights) {
        if (r < w.weight)
            return w.kind;
        r -= w.weight;
    }
    return Kind::InboundMail;
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
    const User &user = m_world.pickUser(m_random);
    const Host &device = m_world.host(user.devices[m_random.below(user.devices.size())]);
    const std::string session = lines::randomToken(m_random, 16, lines::base64, 64);
    m_services.nextPid += m_random.range(1, 20);
    const std::int64_t pid = m_services.nextPid;
    std::string &login = scenario.line(t, "dovecot");
    login += "imap-login: Login: user=<" + user.address + ">, method=PLAIN, rip=" + device.ip + ", lip=";
    login += lines::isIpv6(device.ip) ? lines::ownIpv6 : MailWorld::ownIp;
    login += ", mpid=";
    appendInt(login, pid);
    login += ", TLS, session=<" + session + ">";
    t += static_cast<std::int64_t>(m_random.range(20, 5400)) * lines::second;
    std::string &out = scenario.line(t, "dovecot");
    out += "imap(" + user.address + ")<";
    appendInt(out, pid);
    out += "><" + session + ">: Logged out in=";
    appendInt(out, m_random.range(80, 4000));
    out += " out=";
    appendInt(out, m_random.range(500, 900000));
    out += " deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 body_bytes=0";
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
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    std::string &line = scenario.line(t, "dovecot");
    line += "imap-login: Disconnected (no auth attempts in ";
    appendInt(line, m_random.range(0, 9));
    line += " secs): user=<>, rip=" + bot.ip + ", lip=";
    line += lines::isIpv6(bot.ip) ? lines::ownIpv6 : MailWorld::ownIp;
    line += ", TLS, session=<" + lines::randomToken(m_random, 16, lines::base64, 64) + ">";
}

} // namespace mailtls::bench
