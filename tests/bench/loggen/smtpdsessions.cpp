#include "tests/bench/loggen/smtpdsessions.h"

#include <algorithm>
#include <vector>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

namespace {

void appendStat(std::string &line, const char *name, int ok, int tried, int &okSum, int &triedSum)
{
    if (tried <= 0)
        return;
    line += ' ';
    line += name;
    line += '=';
    appendInt(line, ok);
    if (ok != tried) {
        line += '/';
        appendInt(line, tried);
    }
    okSum += ok;
    triedSum += tried;
}

} // namespace

SmtpdSessions::SmtpdSessions(MailServices &services, OutboundDelivery &delivery)
    : m_services(services)
    , m_random(services.random)
    , m_world(services.world)
    , m_delivery(delivery)
{
}

std::int64_t SmtpdSessions::session(Scenario &scenario, std::int64_t t, const Plan &plan)
{
    const Host &client = m_world.host(plan.client);
    const std::int64_t pid = m_services.smtpd.acquire(t);
    if (!client.dnsName.empty()) {
        std::string &line = scenario.line(t, plan.program, pid);
        line += "warning: hostname ";
        line += client.dnsName;
        line += " does not resolve to address ";
        line += client.ip;
        if (m_random.chance(0.6))
            line += ": Name or service not known";
        t += 300;
    }
    {
        std::string &line = scenario.line(t, plan.program, pid);
        line += "connect from ";
        lines::appendClient(line, client);
    }
    if (plan.tlsLine) {
        t += lines::millis(m_random, 60, 300);
        std::string &line = scenario.line(t, plan.program, pid);
        line += client.trustFrom;
        line += " TLS connection established from ";
        lines::appendClient(line, client);
        line += ": ";
        line += client.tlsFrom;
    }
    Stats stats;
    stats.ehlo = plan.starttls ? 2 : 1;
    stats.starttls = stats.starttlsTried = plan.starttls ? 1 : 0;
    stats.auth = stats.authTried = plan.user ? 1 : 0;
    stats.quit = m_random.chance(0.93) ? 1 : 0;

    std::vector<QueuedMessage> queued;
    for (int m = 0; m < plan.messages; ++m) {
        t += lines::millis(m_random, 150, 1400);
        QueuedMessage message;
        message.queueId = m_services.queueIds.next(t);
        {
            std::string &line = scenario.line(t, plan.program, pid);
            line += message.queueId;
            line += ": client=";
            lines::appendClient(line, client);
            if (plan.user) {
                line += m_random.chance(0.75) ? ", sasl_method=PLAIN" : ", sasl_method=LOGIN";
                line += ", sasl_username=";
                line += plan.user->address;
            }
        }
        if (plan.direction == Direction::Inbound)
            describeInbound(message, plan);
        else
            describeSubmitted(message, plan);
        const int rcpts = static_cast<int>(message.recipients.size());
        stats.mail += 1;
        stats.mailTried += 1;
        stats.rcpt += rcpts;
        stats.rcptTried += rcpts;
        stats.data += 1;
        stats.dataTried += 1;

        t += lines::millis(m_random, 80, 400) + message.size / 2;   // DATA at ~2 MB/s
        message.arrival = t;
        lines::cleanupLine(scenario, m_services, t, message.queueId, message.messageId);
        if (plan.direction == Direction::Inbound) {
            // OpenDKIM logs a verdict when the message carries a signature.
            if (m_random.chance(0.75)) {
                std::string &verdict = scenario.line(t + 9000, "opendkim", m_services.opendkimPid);
                verdict += message.queueId;
                verdict += m_random.chance(0.97) ? ": DKIM verification successful" : ": bad signature data";
            }
        } else {
            std::string &signed_ = scenario.line(t + 8000, "opendkim", m_services.opendkimPid);
            signed_ += message.queueId;
            signed_ += ": DKIM-Signature field added (s=mail, d=example.org)";
        }
        message.active = t + lines::millis(m_random, 12, 90);
        lines::qmgrLine(scenario, m_services, message, message.active, message.recipients.size());
        scenario.message(plan.direction, client.peer, message.size, plan.encrypted);
        queued.push_back(std::move(message));
        t = queued.back().active;
    }
    if (plan.messages > 1 && m_random.chance(0.3))
        stats.rset = 1;
    t += lines::millis(m_random, 5, 200);
    {
        std::string &line = scenario.line(t, plan.program, pid);
        line += "disconnect from ";
        lines::appendClient(line, client);
        appendStats(line, stats);
    }
    m_services.smtpd.release(pid, t);
    scenario.connection(plan.direction, client.peer, plan.encrypted);

    std::int64_t last = t;
    for (const QueuedMessage &message : queued)
        last = std::max(last, m_delivery.deliver(scenario, message, message.active));
    return last;
}

void SmtpdSessions::describeInbound(QueuedMessage &message, const Plan &plan)
{
    message.sender = m_random.chance(0.03) ? std::string() : m_world.senderAddress(m_random, plan.site);
    message.messageId = lines::randomMessageId(m_random, m_world.site(plan.site).domain);
    message.size = std::clamp<std::int64_t>(static_cast<std::int64_t>(m_random.logNormal(7000, 1.1)), 700,
                                            30000000);
    const int count = m_random.chance(0.8) ? 1 : m_random.range(2, 4);
    for (int i = 0; i < count; ++i) {
        Recipient r;
        if (i == 0 && m_random.chance(0.04)) {
            // info@ is forwarded to its owner's mailbox elsewhere.
            r.address = "owner.example.org@" + m_world.site(0).domain;
            r.origTo = std::string("info@") + MailWorld::ownDomain;
            r.transport = Transport::Smtp;
            r.site = 0;
        } else {
            r.address = m_world.pickLocalMailbox(m_random);
            r.transport = Transport::Lmtp;
        }
        const bool duplicate = std::any_of(message.recipients.begin(), message.recipients.end(),
                                           [&](const Recipient &o) { return o.address == r.address; });
        if (!duplicate)
            message.recipients.push_back(r);
    }
}

void SmtpdSessions::describeSubmitted(QueuedMessage &message, const Plan &plan)
{
    message.sender = plan.user->address;
    message.localSender = true;
    // A mail client's UUID-style Message-ID.
    message.messageId = "<";
    for (int part : {8, 4, 4, 4, 12})
        message.messageId += lines::randomToken(m_random, part, lines::hex, 16) + (part == 12 ? "@" : "-");
    message.messageId += MailWorld::ownDomain;
    message.messageId += ">";
    message.size = std::clamp<std::int64_t>(static_cast<std::int64_t>(m_random.logNormal(18000, 1.3)), 900,
                                            40000000);
    const double r = m_random.real();
    const int count = r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4;
    int lastSite = -1;
    for (int i = 0; i < count; ++i) {
        Recipient rcpt;
        if (m_random.chance(0.8)) {
            rcpt.site = lastSite >= 0 && m_random.chance(0.35) ? lastSite : m_world.pickSite(m_random);
            rcpt.address = m_world.recipientAddress(m_random, rcpt.site);
            rcpt.transport = Transport::Smtp;
            rcpt.unknownUser = m_random.chance(0.015);
            lastSite = rcpt.site;
        } else {
            rcpt.address = m_world.pickLocalMailbox(m_random);
            rcpt.transport = Transport::Lmtp;
        }
        const bool duplicate = std::any_of(message.recipients.begin(), message.recipients.end(),
                                           [&](const Recipient &o) { return o.address == rcpt.address; });
        if (!duplicate)
            message.recipients.push_back(rcpt);
    }
}

std::int64_t SmtpdSessions::postscreenPass(Scenario &scenario, std::int64_t t, const Host &client)
{
    const int port = m_random.range(32768, 60999);
    const bool v6 = lines::isIpv6(client.ip);
    {
        std::string &line = scenario.line(t, "postfix/postscreen", m_services.postscreenPid);
        line += "CONNECT from [";
        line += client.ip;
        line += "]:";
        appendInt(line, port);
        line += " to [";
        line += v6 ? lines::ownIpv6 : MailWorld::ownIp;
        line += "]:25";
    }
    t += lines::millis(m_random, 1, 40);
    {
        std::string &line = scenario.line(t, "postfix/postscreen", m_services.postscreenPid);
        line += m_random.chance(0.85) ? "PASS OLD [" : "PASS NEW [";
        line += client.ip;
        line += "]:";
        appendInt(line, port);
    }
    return t + lines::millis(m_random, 1, 25);
}

std::int64_t SmtpdSessions::failedTls(Scenario &scenario, std::int64_t t, const Host &client)
{
    const std::int64_t pid = m_services.smtpd.acquire(t);
    std::string &connect = scenario.line(t, "postfix/smtpd", pid);
    connect += "connect from ";
    lines::appendClient(connect, client);
    t += lines::millis(m_random, 40, 250);
    std::string &error = scenario.line(t, "postfix/smtpd", pid);
    error += "SSL_accept error from ";
    lines::appendClient(error, client);
    error += ": -1";
    std::string &warning = scenario.line(t + 200, "postfix/smtpd", pid);
    warning += "warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:"
               "../ssl/statem/statem_srvr.c:1715:";
    std::string &lost = scenario.line(t + 400, "postfix/smtpd", pid);
    lost += "lost connection after STARTTLS from ";
    lines::appendClient(lost, client);
    t += 600;
    std::string &disconnect = scenario.line(t, "postfix/smtpd", pid);
    disconnect += "disconnect from ";
    lines::appendClient(disconnect, client);
    disconnect += " ehlo=1 starttls=0/1 commands=1/2";
    m_services.smtpd.release(pid, t);
    scenario.connection(Direction::Inbound, client.peer, false);
    scenario.tlsFailure(Direction::Inbound, client.peer);
    return t;
}

void SmtpdSessions::rejectedBot(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    t = postscreenPass(scenario, t, bot);
    const std::int64_t pid = m_services.smtpd.acquire(t);
    {
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "connect from ";
        lines::appendClient(line, bot);
    }
    const bool tls = m_random.chance(0.35);
    if (tls) {
        t += lines::millis(m_random, 80, 400);
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "Anonymous TLS connection established from ";
        lines::appendClient(line, bot);
        line += ": ";
        line += bot.tlsFrom;
    }
    Stats stats;
    stats.ehlo = tls ? 2 : 1;
    stats.starttls = stats.starttlsTried = tls ? 1 : 0;
    stats.mail = stats.mailTried = 1;
    stats.rcptTried = m_random.chance(0.75) ? 1 : m_random.range(2, 4);
    const std::string sender = botSender();
    const std::string heloName = helo(bot);
    const double kind = m_random.real();
    for (int i = 0; i < stats.rcptTried; ++i) {
        t += lines::millis(m_random, 100, 900);
        std::string rcpt;
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "NOQUEUE: reject: RCPT from ";
        lines::appendClient(line, bot);
        line += ": ";
        if (kind < 0.3 && bot.name == "unknown") {
            rcpt = std::string(m_world.pickLocalMailbox(m_random));
            line += "450 4.7.25 Client host rejected: cannot find your hostname, [";
            line += bot.ip;
            line += "]";
        } else if (kind < 0.55) {
            rcpt = m_world.recipientAddress(m_random, m_world.pickSite(m_random));
            line += "554 5.7.1 <" + rcpt + ">: Relay access denied";
        } else if (kind < 0.8) {
            rcpt = lines::randomToken(m_random, 6, lines::alnum + 26, 26) + "@" + MailWorld::ownDomain;
            line += "550 5.1.1 <" + rcpt + ">: Recipient address rejected: User unknown in virtual mailbox table";
        } else {
            rcpt = std::string(m_world.pickLocalMailbox(m_random));
            line += "554 5.7.1 Service unavailable; Client host [";
            line += bot.ip;
            line += "] blocked using dnsbl.example; https://dnsbl.example/query/ip/";
            line += bot.ip;
        }
        line += "; from=<" + sender + "> to=<" + rcpt + "> proto=ESMTP helo=<" + heloName + ">";
    }
    stats.rset = m_random.chance(0.4) ? 1 : 0;
    stats.quit = m_random.chance(0.7) ? 1 : 0;
    t += lines::millis(m_random, 50, 500);
    if (!stats.quit) {
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "lost connection after RCPT from ";
        lines::appendClient(line, bot);
        t += 200;
    }
    std::string &line = scenario.line(t, "postfix/smtpd", pid);
    line += "disconnect from ";
    lines::appendClient(line, bot);
    appendStats(line, stats);
    m_services.smtpd.release(pid, t);
    scenario.connection(Direction::Inbound, bot.peer, tls);
}

void SmtpdSessions::postscreenDrop(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const int port = m_random.range(1024, 65000);
    const std::int64_t pid = m_services.postscreenPid;
    std::string client = "[" + bot.ip + "]:";
    appendInt(client, port);
    {
        std::string &line = scenario.line(t, "postfix/postscreen", pid);
        line += "CONNECT from " + client + " to [";
        line += lines::isIpv6(bot.ip) ? lines::ownIpv6 : MailWorld::ownIp;
        line += "]:25";
    }
    const double kind = m_random.real();
    t += lines::millis(m_random, 30, 900);
    if (kind < 0.35) {
        static const char *const greetings[] = {"EHLO User", "EHLO ylmf-pc", "HELO localhost", "EHLO [127.0.0.1]"};
        const std::string greeting = m_random.pick(greetings);
        std::string &line = scenario.line(t, "postfix/postscreen", pid);
        line += "PREGREET ";
        appendInt(line, static_cast<std::int64_t>(greeting.size()) + 2);
        line += " after 0.";
        appendPadded(line, m_random.range(1, 99), 2);
        line += " from " + client + ": " + greeting + "\\r\\n";
    } else if (kind < 0.7) {
        std::string &rank = scenario.line(t, "postfix/postscreen", pid);
        rank += "DNSBL rank ";
        appendInt(rank, m_random.range(2, 6));
        rank += " for " + client;
        t += lines::millis(m_random, 500, 3000);
        const std::string rcpt = m_world.pickLocalMailbox(m_random);
        std::string &line = scenario.line(t, "postfix/postscreen", pid);
        line += "NOQUEUE: reject: RCPT from " + client + ": 550 5.7.1 Service unavailable; client [" + bot.ip
            + "] blocked using dnsbl.example; from=<" + botSender() + ">, to=<" + rcpt + ">, proto=ESMTP, helo=<"
            + helo(bot) + ">";
    } else {
        std::string &line = scenario.line(t, "postfix/postscreen", pid);
        line += "HANGUP after ";
        appendInt(line, m_random.range(0, 9));
        line += '.';
        appendInt(line, m_random.range(1, 9));
        line += " from " + client + " in tests before SMTP handshake";
    }
    t += lines::millis(m_random, 1, 30);
    std::string &line = scenario.line(t, "postfix/postscreen", pid);
    line += "DISCONNECT " + client;
}

void SmtpdSessions::lostClient(Scenario &scenario, std::int64_t t)
{
    const double kind = m_random.real();
    if (kind < 0.5) {
        // A bot that goes away before saying anything useful.
        const Host &bot = m_world.host(m_world.pickBot(m_random));
        t = postscreenPass(scenario, t, bot);
        const std::int64_t pid = m_services.smtpd.acquire(t);
        std::string &connect = scenario.line(t, "postfix/smtpd", pid);
        connect += "connect from ";
        lines::appendClient(connect, bot);
        const bool afterEhlo = m_random.chance(0.5);
        t += lines::millis(m_random, 200, 5000);
        std::string &lost = scenario.line(t, "postfix/smtpd", pid);
        lost += afterEhlo ? "lost connection after EHLO from " : "lost connection after CONNECT from ";
        lines::appendClient(lost, bot);
        t += 300;
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "disconnect from ";
        lines::appendClient(line, bot);
        line += afterEhlo ? " ehlo=1 commands=1" : " commands=0/0";
        m_services.smtpd.release(pid, t);
        scenario.connection(Direction::Inbound, bot.peer, false);
        return;
    }
    // A real sender whose message never reaches the queue.
    const int siteIndex = m_world.pickSite(m_random);
    const Site &site = m_world.site(siteIndex);
    const Host &client = m_world.host(site.senders[m_random.below(site.senders.size())]);
    const bool tls = site.inbound == InboundTls::Tls;
    t = postscreenPass(scenario, t, client);
    const std::int64_t pid = m_services.smtpd.acquire(t);
    std::string &connect = scenario.line(t, "postfix/smtpd", pid);
    connect += "connect from ";
    lines::appendClient(connect, client);
    if (tls) {
        t += lines::millis(m_random, 60, 300);
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += client.trustFrom;
        line += " TLS connection established from ";
        lines::appendClient(line, client);
        line += ": ";
        line += client.tlsFrom;
    }
    t += lines::millis(m_random, 150, 900);
    const std::string queueId = m_services.queueIds.next(t);
    std::string &clientLine = scenario.line(t, "postfix/smtpd", pid);
    clientLine += queueId + ": client=";
    lines::appendClient(clientLine, client);
    Stats stats;
    stats.ehlo = tls ? 2 : 1;
    stats.starttls = stats.starttlsTried = tls ? 1 : 0;
    stats.mail = stats.mailTried = 1;
    stats.rcpt = stats.rcptTried = 1;
    stats.dataTried = 1;
    t += lines::millis(m_random, 300, 20000);
    if (kind < 0.8) {
        std::string &line = scenario.line(t, "postfix/smtpd", pid);
        line += "lost connection after DATA (";
        appendInt(line, m_random.chance(0.5) ? 0 : m_random.range(100, 90000));
        line += " bytes) from ";
        lines::appendClient(line, client);
    } else {
        lines::cleanupLine(scenario, m_services, t, queueId, lines::randomMessageId(m_random, site.domain));
        const std::int64_t cleanupPid = m_services.cleanup.acquire(t + 50000);
        std::string &line = scenario.line(t + 50000, "postfix/cleanup", cleanupPid);
        m_services.cleanup.release(cleanupPid, t + 50000);
        line += queueId + ": milter-reject: END-OF-MESSAGE from ";
        lines::appendClient(line, client);
        line += ": 5.7.1 Spam message rejected; from=<" + m_world.senderAddress(m_random, siteIndex) + "> to=<"
            + m_world.pickLocalMailbox(m_random) + "> proto=ESMTP helo=<" + helo(client) + ">";
        stats.quit = 1;
        t += 60000;
    }
    t += lines::millis(m_random, 1, 50);
    std::string &line = scenario.line(t, "postfix/smtpd", pid);
    line += "disconnect from ";
    lines::appendClient(line, client);
    appendStats(line, stats);
    m_services.smtpd.release(pid, t);
    scenario.connection(Direction::Inbound, client.peer, tls);
}

void SmtpdSessions::passwordGuesser(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const char *program = "postfix/submission/smtpd";
    const std::int64_t pid = m_services.smtpd.acquire(t);
    std::string &connect = scenario.line(t, program, pid);
    connect += "connect from ";
    lines::appendClient(connect, bot);
    t += lines::millis(m_random, 60, 400);
    std::string &tls = scenario.line(t, program, pid);
    tls += "Anonymous TLS connection established from ";
    lines::appendClient(tls, bot);
    tls += ": ";
    tls += bot.tlsFrom;
    const int tries = m_random.range(1, 3);
    const bool login = m_random.chance(0.7);
    for (int i = 0; i < tries; ++i) {
        t += lines::millis(m_random, 1500, 4000);
        std::string &line = scenario.line(t, program, pid);
        line += "warning: ";
        lines::appendClient(line, bot);
        line += login ? ": SASL LOGIN authentication failed: UGFzc3dvcmQ6" : ": SASL PLAIN authentication failed: ";
    }
    t += lines::millis(m_random, 50, 2000);
    std::string &lost = scenario.line(t, program, pid);
    lost += "lost connection after AUTH from ";
    lines::appendClient(lost, bot);
    t += 200;
    Stats stats;
    stats.ehlo = 2;
    stats.starttls = stats.starttlsTried = 1;
    stats.authTried = tries;
    std::string &line = scenario.line(t, program, pid);
    line += "disconnect from ";
    lines::appendClient(line, bot);
    appendStats(line, stats);
    m_services.smtpd.release(pid, t);
    scenario.connection(Direction::Submission, bot.peer, true);
}

void SmtpdSessions::localMonitor(Scenario &scenario, std::int64_t t)
{
    const std::int64_t pid = m_services.smtpd.acquire(t);
    std::string &connect = scenario.line(t, "postfix/smtpd", pid);
    connect += "connect from localhost[127.0.0.1]";
    t += lines::millis(m_random, 2, 40);
    std::string &line = scenario.line(t, "postfix/smtpd", pid);
    line += "disconnect from localhost[127.0.0.1] ehlo=1 quit=1 commands=2";
    m_services.smtpd.release(pid, t);
}

std::string SmtpdSessions::helo(const Host &client)
{
    if (client.name != "unknown")
        return client.name;
    if (!client.dnsName.empty())
        return client.dnsName;
    const double r = m_random.real();
    if (r < 0.4)
        return "WIN-" + lines::randomToken(m_random, 11, lines::alnum, 36);
    if (r < 0.6)
        return "User";
    return "[" + client.ip + "]";
}

std::string SmtpdSessions::botSender()
{
    const double r = m_random.real();
    if (r < 0.3)
        return std::string();
    if (r < 0.6)
        return lines::randomToken(m_random, 7, lines::alnum + 26, 26) + "@" + m_world.site(m_world.pickSite(m_random)).domain;
    return lines::randomToken(m_random, 9, lines::alnum + 26, 26) + "@mailer" + std::to_string(m_random.range(1, 40)) + ".test";
}

void SmtpdSessions::appendStats(std::string &line, const Stats &stats)
{
    int ok = 0;
    int tried = 0;
    appendStat(line, "ehlo", stats.ehlo, stats.ehlo, ok, tried);
    appendStat(line, "starttls", stats.starttls, stats.starttlsTried, ok, tried);
    appendStat(line, "auth", stats.auth, stats.authTried, ok, tried);
    appendStat(line, "mail", stats.mail, stats.mailTried, ok, tried);
    appendStat(line, "rcpt", stats.rcpt, stats.rcptTried, ok, tried);
    appendStat(line, "data", stats.data, stats.dataTried, ok, tried);
    appendStat(line, "rset", stats.rset, stats.rset, ok, tried);
    appendStat(line, "quit", stats.quit, stats.quit, ok, tried);
    line += " commands=";
    appendInt(line, ok);
    if (ok != tried || tried == 0) {
        line += '/';
        appendInt(line, tried);
    }
}

} // namespace mailtls::bench
