#include "tests/bench/loggen/sendmailtraffic.h"

#include <algorithm>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/dovecotlines.h"
#include "tests/bench/loggen/logclock.h"
#include "tests/bench/loggen/sendmailprocesses.h"
#include "tests/bench/loggen/textappend.h"
#include "tests/bench/loggen/tlsparts.h"

namespace mailtls::bench {

namespace {

constexpr const char *kMta = "sm-mta";
constexpr std::int64_t kOpendkimPid = 812;
constexpr int kMaxRounds = 3; // as the Postfix generator: the first attempt and two retries

using lines::millis;
using lines::second;

const char *serverVerify(const Host &host)
{
    const std::string trust = host.trustTo;
    if (trust == "Anonymous")
        return "NONE";
    return trust == "Untrusted" ? "FAIL" : "OK";
}

} // namespace

SendmailTraffic::SendmailTraffic(std::uint64_t seed, std::int64_t lines)
    : TrafficSource(lines)
    , m_random(seed)
    , m_world(m_random, static_cast<int>(std::clamp<std::int64_t>(lines / 400, 40, 3000)))
    , m_processes(m_random, 4000 + static_cast<std::int64_t>(m_random.below(20000)))
    , m_daemonPid(m_processes.lastPid() - 300)
    , m_dovecotPid(m_processes.lastPid() - 120)
{ }

void SendmailTraffic::appendToLine(std::string &line, const std::string &id, const std::vector<const Rcpt *> &rcpts,
                                   std::int64_t arrival, std::int64_t t, std::int64_t size, const char *mailer,
                                   std::int64_t xdelay)
{
    line += id;
    line += ": to=";
    for (std::size_t i = 0; i < rcpts.size(); ++i) {
        if (i > 0)
            line += ',';
        line += '<';
        line += rcpts[i]->address;
        line += '>';
    }
    line += ", delay=";
    SendmailProcesses::appendDuration(line, t - arrival);
    line += ", xdelay=";
    SendmailProcesses::appendDuration(line, std::min(t - arrival, xdelay >= 0 ? xdelay : millis(m_random, 0, 1900)));
    line += ", mailer=";
    line += mailer;
    line += ", pri=";
    appendInt(line, (std::string(mailer) == "local" ? 30000 : 120000) + size);
}

void SendmailTraffic::appendSentReply(std::string &line, const Host &host)
{
    switch (host.reply) {
    case ReplyStyle::Postfix:
        line += "Sent (Ok: queued as ";
        appendHex(line, m_random.below(0xFFFFFFFFFULL), 9, true);
        line += ')';
        break;
    case ReplyStyle::Exim:
        line += "Sent (OK id=1t" + lines::randomToken(m_random, 4, lines::alnum, 62) + "-000"
            + lines::randomToken(m_random, 3, lines::alnum, 62) + "-"
            + lines::randomToken(m_random, 2, lines::alnum, 62) + ")";
        break;
    case ReplyStyle::Exchange:
        line += "Sent (<" + lines::randomToken(m_random, 20, lines::alnum, 62) + "@" + host.name + "> [InternalId=";
        appendInt(line, 10000000000000LL + static_cast<std::int64_t>(m_random.below(89999999999999ULL)));
        line += "] Queued mail for delivery)";
        break;
    case ReplyStyle::Generic:
        line += "Sent (Message accepted for delivery)";
        break;
    }
}

void SendmailTraffic::build(Kind kind, Scenario &scenario, std::int64_t t)
{
    switch (kind) {
    case Kind::InboundMail:
        inboundMail(scenario, t);
        break;
    case Kind::InboundReject:
        rejectedBot(scenario, t);
        break;
    case Kind::PostscreenDrop:
        droppedBot(scenario, t);
        break;
    case Kind::InboundLost:
        lostClient(scenario, t);
        break;
    case Kind::Submission:
        submission(scenario, t);
        break;
    case Kind::BruteForce:
        passwordGuesser(scenario, t);
        break;
    case Kind::Cron:
        cron(scenario, t);
        break;
    case Kind::WebappBurst:
        webappBurst(scenario, t);
        break;
    case Kind::Imap:
        dovecot::imapSession(scenario, m_random, m_world, m_dovecotPid, t);
        break;
    case Kind::LocalMonitor:
        localMonitor(scenario, t);
        break;
    case Kind::Anvil:
        rateLimited(scenario, t);
        break;
    case Kind::Reload:
        restart(scenario, t);
        break;
    }
}

void SendmailTraffic::filler(Scenario &scenario, std::int64_t t)
{
    dovecot::imapProbe(scenario, m_random, m_world, t);
}

void SendmailTraffic::inboundMail(Scenario &scenario, std::int64_t t)
{
    const int siteIndex = m_world.pickSite(m_random);
    const Site &site = m_world.site(siteIndex);
    const int client = site.senders[m_random.below(site.senders.size())];
    if (site.inbound == InboundTls::Broken) {
        // The sender gives up on TLS and comes back in plaintext.
        t = failedHandshake(scenario, t, m_world.host(client));
        t += millis(m_random, 800, 6000);
    }
    const int messages = siteIndex < 5 && m_random.chance(0.15) ? m_random.range(2, 3) : 1;
    session(scenario, t, client, siteIndex, nullptr, site.inbound == InboundTls::Tls, messages);
}

void SendmailTraffic::submission(Scenario &scenario, std::int64_t t)
{
    const User &user = m_world.pickUser(m_random);
    const int device = user.devices[m_random.below(user.devices.size())];
    session(scenario, t, device, -1, &user, true, m_random.chance(0.1) ? 2 : 1);
}

std::int64_t SendmailTraffic::session(Scenario &scenario, std::int64_t t, int clientIndex, int site, const User *user,
                                      bool tls, int messages)
{
    const Host &client = m_world.host(clientIndex);
    const Direction direction = user ? Direction::Submission : Direction::Inbound;
    const std::int64_t pid = m_processes.nextPid();
    if (tls) {
        t += millis(m_random, 60, 300);
        SendmailProcesses::serverTls(scenario.line(t, kMta, pid), client);
    }
    if (user) {
        t += millis(m_random, 20, 200);
        std::string &line = scenario.line(t, kMta, pid);
        line += "AUTH=server, relay=";
        SendmailProcesses::appendClient(line, client);
        line += ", authid=" + user->address + ", mech=";
        line += m_random.chance(0.75) ? "PLAIN" : "LOGIN";
        line += ", bits=0";
    }
    std::vector<Message> queued;
    for (int m = 0; m < messages; ++m) {
        t += millis(m_random, 150, 1400);
        Message message;
        message.queueId = m_processes.queueId(t, pid);
        if (user) {
            message.sender = user->address;
            message.localSender = true;
            message.size
                = std::clamp<std::int64_t>(static_cast<std::int64_t>(m_random.logNormal(18000, 1.3)), 900, 40000000);
            const double r = m_random.real();
            const int count = r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4;
            int lastSite = -1;
            for (int i = 0; i < count; ++i) {
                Rcpt rcpt;
                if (m_random.chance(0.8)) {
                    rcpt.site = lastSite >= 0 && m_random.chance(0.35) ? lastSite : m_world.pickSite(m_random);
                    rcpt.address = m_world.recipientAddress(m_random, rcpt.site);
                    rcpt.unknownUser = m_random.chance(0.015);
                    lastSite = rcpt.site;
                } else {
                    rcpt.address = m_world.pickLocalMailbox(m_random);
                }
                message.rcpts.push_back(rcpt);
            }
        } else {
            message.sender = m_random.chance(0.03) ? std::string() : m_world.senderAddress(m_random, site);
            message.size
                = std::clamp<std::int64_t>(static_cast<std::int64_t>(m_random.logNormal(7000, 1.1)), 700, 30000000);
            const int count = m_random.chance(0.8) ? 1 : m_random.range(2, 4);
            for (int i = 0; i < count; ++i) {
                Rcpt rcpt;
                if (i == 0 && m_random.chance(0.04)) {
                    // info@ is forwarded to its owner's mailbox elsewhere.
                    rcpt.address = "owner.example.org@" + m_world.site(0).domain;
                    rcpt.site = 0;
                } else {
                    rcpt.address = m_world.pickLocalMailbox(m_random);
                }
                message.rcpts.push_back(rcpt);
            }
        }
        // sendmail removes duplicate recipients before it counts them.
        std::vector<Rcpt> unique;
        for (const Rcpt &r : message.rcpts) {
            if (std::none_of(unique.begin(), unique.end(), [&](const Rcpt &o) { return o.address == r.address; }))
                unique.push_back(r);
        }
        message.rcpts = std::move(unique);
        t += millis(m_random, 80, 400) + message.size / 2; // DATA at ~2 MB/s
        message.arrival = t;
        std::string &line = scenario.line(t, kMta, pid);
        line += message.queueId + ": from=<" + message.sender + ">, size=";
        appendInt(line, message.size);
        line += ", class=0, nrcpts=";
        appendInt(line, static_cast<std::int64_t>(message.rcpts.size()));
        line += ", msgid=" + lines::randomMessageId(m_random, user ? MailWorld::ownDomain : m_world.site(site).domain);
        line += ", bodytype=8BITMIME, proto=ESMTP";
        if (tls)
            line += 'S';
        if (user)
            line += 'A';
        line += user ? ", daemon=MSA-v4, relay=" : ", daemon=MTA-v4, relay=";
        SendmailProcesses::appendClient(line, client);
        if (!user && m_random.chance(0.75)) {
            std::string &verdict = scenario.line(t + 9000, "opendkim", kOpendkimPid);
            verdict += message.queueId;
            verdict += m_random.chance(0.97) ? ": DKIM verification successful" : ": bad signature data";
        } else if (user) {
            std::string &signed_ = scenario.line(t + 8000, "opendkim", kOpendkimPid);
            signed_ += message.queueId;
            signed_ += ": DKIM-Signature field added (s=mail, d=example.org)";
        }
        scenario.message(direction, client.peer, message.size, tls);
        queued.push_back(std::move(message));
    }
    scenario.connection(direction, client.peer, tls);
    std::int64_t last = t;
    for (const Message &message : queued)
        last = std::max(last, deliver(scenario, message, message.arrival + millis(m_random, 20, 400)));
    return last;
}

std::int64_t SendmailTraffic::failedHandshake(Scenario &scenario, std::int64_t t, const Host &client)
{
    const std::int64_t pid = m_processes.nextPid();
    t += millis(m_random, 40, 250);
    std::string &error = scenario.line(t, kMta, pid);
    error += "STARTTLS=server, error: accept failed=-1, reason=unsupported protocol, SSL_error=1, errno=0, "
             "retry=-1, relay=";
    SendmailProcesses::appendClient(error, client);
    std::string &detail = scenario.line(t, kMta, pid);
    detail += "STARTTLS=server: ";
    appendInt(detail, pid);
    detail += ":error:0A000102:SSL routines::unsupported protocol:ssl/statem/statem_srvr.c:1715:";
    scenario.connection(Direction::Inbound, client.peer, false);
    scenario.tlsFailure(Direction::Inbound, client.peer);
    return t;
}

std::int64_t SendmailTraffic::deliver(Scenario &scenario, const Message &message, std::int64_t t)
{
    struct Group
    {
        int site = 0;
        int host = 0;
        std::vector<const Rcpt *> rcpts;
    };
    struct PeerMessage
    {
        std::string peer;
        bool encrypted = true;
    };
    std::int64_t pid = m_processes.nextPid();
    std::vector<const Rcpt *> local;
    std::vector<Group> groups;
    for (const Rcpt &r : message.rcpts) {
        if (r.site < 0) {
            local.push_back(&r);
            continue;
        }
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group &g) { return g.site == r.site; });
        if (it == groups.end()) {
            const Site &site = m_world.site(r.site);
            groups.push_back(Group {r.site, site.mxs[m_random.below(site.mxs.size())], {}});
            it = groups.end() - 1;
        }
        it->rcpts.push_back(&r);
    }
    if (!local.empty()) {
        t += millis(m_random, 10, 300);
        std::string &line = scenario.line(t, kMta, pid);
        appendToLine(line, message.queueId, local, message.arrival, t, message.size, "local");
        line += ", dsn=2.0.0, stat=Sent";
    }

    std::vector<PeerMessage> sent;
    bool bounced = false;
    std::vector<int> connected; // hosts this process holds a connection to
    std::vector<Group> pending = groups;
    std::int64_t roundStart = t;
    for (int round = 0; !pending.empty() && round < kMaxRounds; ++round) {
        if (round > 0) {
            // A queue run retries it, in a process of its own.
            roundStart += (round == 1 ? m_random.range(300, 700) : m_random.range(1200, 2400)) * second;
            pid = m_processes.nextPid();
            connected.clear();
            t = roundStart;
        }
        std::vector<Group> next;
        for (const Group &g : pending) {
            Host &host = m_world.host(g.host);
            const Site &site = m_world.site(g.site);
            const std::string &peer = host.peer;
            t += millis(m_random, 30, 250);
            const bool reused = std::find(connected.begin(), connected.end(), g.host) != connected.end();
            bool encrypted = false;
            bool deliverable = true;
            std::string deferral;
            switch (host.outbound) {
            case OutboundTls::Unreachable: {
                t += 30 * second;
                std::string &line = scenario.line(t, kMta, pid);
                appendToLine(line, message.queueId, g.rcpts, message.arrival, t, message.size, "esmtp", 30 * second);
                line += ", relay=";
                SendmailProcesses::appendServer(line, host);
                line += ", dsn=4.0.0, stat=Deferred: Connection timed out with " + host.name + ".";
                deliverable = false;
                next.push_back(g);
                break;
            }
            case OutboundTls::NotOffered: {
                // TLS_Srv:<domain> ENCR:112 in the access map; the server offers no STARTTLS.
                t += millis(m_random, 20, 120);
                const std::string reject = "403 4.7.0 encryption too weak 0 less than 112";
                std::string &rule = scenario.line(t, kMta, pid);
                rule += "ruleset=tls_server, arg1=NONE, relay=" + host.name + ", reject=" + reject;
                std::string &line = scenario.line(t, kMta, pid);
                appendToLine(line, message.queueId, g.rcpts, message.arrival, t, message.size, "esmtp");
                line += ", relay=";
                SendmailProcesses::appendServer(line, host);
                line += ", dsn=4.7.0, stat=Deferred: " + reject;
                scenario.connection(Direction::Outbound, peer, false);
                scenario.tlsFailure(Direction::Outbound, peer);
                connected.push_back(g.host);
                deliverable = false;
                next.push_back(g);
                break;
            }
            case OutboundTls::DhTooSmall:
            case OutboundTls::HandshakeFails: {
                // TLSFallbacktoClear: the handshake fails, the same process
                // connects again and delivers in clear.
                const bool dh = host.outbound == OutboundTls::DhTooSmall;
                t += millis(m_random, 10, 80);
                std::string &error = scenario.line(t, kMta, pid);
                error += dh ? "STARTTLS=client, error: connect failed=-1, reason=dh key too small, SSL_error=1, "
                              "errno=0, retry=-1"
                            : "STARTTLS=client, error: connect failed=-1, reason=sslv3 alert handshake failure, "
                              "SSL_error=1, errno=0, retry=-1";
                std::string &detail = scenario.line(t, kMta, pid);
                detail += "STARTTLS=client: ";
                appendInt(detail, pid);
                detail += dh ? ":error:0A00018A:SSL routines::dh key too small:ssl/statem/statem_clnt.c:2156:"
                             : ":error:0A000410:SSL routines::sslv3 alert handshake failure:"
                               "ssl/record/rec_layer_s3.c:1584:SSL alert number 40";
                std::string &rule = scenario.line(t, kMta, pid);
                rule += "ruleset=tls_server, arg1=SOFTWARE, relay=" + host.name
                    + ", reject=454 4.7.0 TLS handshake failed.";
                scenario.tlsFailure(Direction::Outbound, peer);
                scenario.connection(Direction::Outbound, peer, false);
                connected.push_back(g.host);
                t += millis(m_random, 30, 200);
                break;
            }
            case OutboundTls::Tls:
            case OutboundTls::CertificateFails:
                encrypted = true;
                if (!reused) {
                    t += millis(m_random, 20, 90);
                    const TlsParts tls = TlsParts::of(host.tlsTo);
                    std::string &line = scenario.line(t, kMta, pid);
                    line += "STARTTLS=client, relay=" + host.name + "., version=" + tls.protocol + ", verify=";
                    line += host.outbound == OutboundTls::CertificateFails ? "FAIL" : serverVerify(host);
                    line += ", cipher=" + tls.cipher + ", bits=" + tls.bits + "/" + tls.bits;
                    scenario.connection(Direction::Outbound, peer, true);
                    connected.push_back(g.host);
                }
                break;
            case OutboundTls::Plaintext:
                if (!reused) {
                    scenario.connection(Direction::Outbound, peer, false);
                    connected.push_back(g.host);
                }
                break;
            }
            if (!deliverable)
                continue;
            t += millis(m_random, 60, 500) + message.size / 4;
            if (site.greylists && round == 0 && m_random.chance(0.6)) {
                std::string &line = scenario.line(t, kMta, pid);
                appendToLine(line, message.queueId, g.rcpts, message.arrival, t, message.size, "esmtp");
                line += ", relay=";
                SendmailProcesses::appendServer(line, host);
                line += ", dsn=4.7.1, stat=Deferred: 451 4.7.1 Greylisting in action, please come back later";
                next.push_back(g);
                continue;
            }
            std::vector<const Rcpt *> accepted;
            for (const Rcpt *r : g.rcpts) {
                if (!r->unknownUser) {
                    accepted.push_back(r);
                    continue;
                }
                std::string &line = scenario.line(t, kMta, pid);
                appendToLine(line, message.queueId, {r}, message.arrival, t, message.size, "esmtp");
                line += ", relay=";
                SendmailProcesses::appendServer(line, host);
                line += ", dsn=5.1.1, stat=User unknown";
                bounced = true;
            }
            if (accepted.empty())
                continue;
            std::string &line = scenario.line(t, kMta, pid);
            appendToLine(line, message.queueId, accepted, message.arrival, t, message.size, "esmtp");
            line += ", relay=";
            SendmailProcesses::appendServer(line, host);
            line += ", dsn=2.0.0, stat=";
            appendSentReply(line, host);
            auto it = std::find_if(sent.begin(), sent.end(), [&](const PeerMessage &p) { return p.peer == peer; });
            if (it == sent.end()) {
                sent.push_back(PeerMessage {peer, true});
                it = sent.end() - 1;
            }
            it->encrypted = it->encrypted && encrypted;
        }
        pending = std::move(next);
    }
    for (const PeerMessage &p : sent)
        scenario.message(Direction::Outbound, p.peer, message.size, p.encrypted);
    if (bounced && message.localSender && !message.sender.empty()) {
        // The DSN goes back to our user's mailbox.
        t += millis(m_random, 1, 30);
        const std::string dsnId = m_processes.queueId(t, pid);
        std::string &dsn = scenario.line(t, kMta, pid);
        dsn += message.queueId + ": " + dsnId + ": DSN: User unknown";
        t += millis(m_random, 5, 60);
        Rcpt sender;
        sender.address = message.sender;
        std::string &line = scenario.line(t, kMta, pid);
        appendToLine(line, dsnId, {&sender}, t, t, 3000 + message.size / 20, "local");
        line += ", dsn=2.0.0, stat=Sent";
    }
    return t;
}

SendmailTraffic::Message SendmailTraffic::submitLocally(Scenario &scenario, std::int64_t t, const char *user, int uid,
                                                        const std::string &sender, std::int64_t size)
{
    const std::int64_t program = m_processes.nextPid();
    const std::string programId = m_processes.queueId(t, program);
    int year = 0, month = 0, day = 0;
    LogClock::civilFromDays(t / second / 86400, year, month, day);
    std::string msgid = "<";
    appendPadded(msgid, year, 4);
    appendPadded(msgid, month, 2);
    appendPadded(msgid, day, 2);
    appendPadded(msgid, t / second % 86400 / 3600, 2);
    appendPadded(msgid, t / second % 3600 / 60, 2);
    msgid += "." + programId + "@" + MailWorld::ownName + ">";
    {
        std::string &line = scenario.line(t, "sendmail", program);
        line += programId + ": from=" + sender + ", size=";
        appendInt(line, size);
        line += ", class=0, nrcpts=1, msgid=" + msgid + ", relay=" + user + "@localhost";
    }
    Message message;
    const std::int64_t server = m_processes.nextPid();
    message.arrival = t + millis(m_random, 5, 60);
    message.queueId = m_processes.queueId(message.arrival, server);
    message.sender = sender.find('@') == std::string::npos ? sender + "@" + MailWorld::ownName : sender;
    message.size = size + m_random.range(240, 420);
    message.localSender = true;
    {
        std::string &line = scenario.line(message.arrival, kMta, server);
        line += message.queueId + ": from=<" + message.sender + ">, size=";
        appendInt(line, message.size);
        line += ", class=0, nrcpts=1, msgid=" + msgid + ", proto=ESMTP, daemon=MTA-v4, relay=localhost [127.0.0.1]";
    }
    {
        const std::int64_t done = message.arrival + millis(m_random, 1, 20);
        std::string &line = scenario.line(done, "sendmail", program);
        line += programId + ": to=" + (sender.find('@') == std::string::npos ? sender : "<" + sender + ">");
        line += ", ctladdr=";
        line += user;
        line += " (";
        appendInt(line, uid);
        line += '/';
        appendInt(line, uid);
        line += "), delay=";
        SendmailProcesses::appendDuration(line, done - t);
        line += ", xdelay=";
        SendmailProcesses::appendDuration(line, done - t);
        line += ", mailer=relay, pri=";
        appendInt(line, 30000 + size);
        line += ", relay=[127.0.0.1] [127.0.0.1], dsn=2.0.0, stat=Sent (" + message.queueId
            + " Message accepted for delivery)";
    }
    return message;
}

void SendmailTraffic::cron(Scenario &scenario, std::int64_t t)
{
    Message message = submitLocally(scenario, t, "root", 0, "root", m_random.range(600, 9000));
    Rcpt r;
    r.address = std::string("root@") + MailWorld::ownName;
    message.rcpts.push_back(r);
    deliver(scenario, message, message.arrival + millis(m_random, 20, 400));
}

void SendmailTraffic::webappBurst(Scenario &scenario, std::int64_t t)
{
    // A web application mails several people at one site within seconds; each
    // message is delivered by a process of its own.
    const int site = m_random.chance(0.5) ? m_world.pickPlaintextSite(m_random) : m_world.pickSite(m_random);
    const double r = m_random.real();
    const int count = r < 0.35 ? 1 : r < 0.6 ? 2 : r < 0.8 ? 3 : r < 0.92 ? 4 : 5;
    const std::string sender = std::string("noreply@") + MailWorld::ownDomain;
    for (int i = 0; i < count; ++i) {
        t += millis(m_random, 150, 700);
        Message message = submitLocally(scenario, t, "www-data", 33, sender, m_random.range(2500, 14000));
        Rcpt rcpt;
        rcpt.site = site;
        rcpt.address = m_world.recipientAddress(m_random, site);
        rcpt.unknownUser = m_random.chance(0.015);
        message.rcpts.push_back(rcpt);
        // The bounce of a web application's mail goes to its own address: no mailbox here.
        message.localSender = false;
        deliver(scenario, message, message.arrival + millis(m_random, 20, 400));
    }
}

void SendmailTraffic::rejectedBot(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const std::int64_t pid = m_processes.nextPid();
    const bool tls = m_random.chance(0.35);
    if (tls) {
        t += millis(m_random, 80, 400);
        std::string &line = scenario.line(t, kMta, pid);
        SendmailProcesses::serverTls(line, bot);
    }
    const std::string id = m_processes.queueId(t, pid);
    const int tries = m_random.chance(0.75) ? 1 : m_random.range(2, 4);
    const double kind = m_random.real();
    for (int i = 0; i < tries; ++i) {
        t += millis(m_random, 100, 900);
        std::string &line = scenario.line(t, kMta, pid);
        std::string rcpt;
        if (kind < 0.55) {
            rcpt = m_world.recipientAddress(m_random, m_world.pickSite(m_random));
            line += id + ": ruleset=check_rcpt, arg1=<" + rcpt + ">, relay=";
            SendmailProcesses::appendClient(line, bot);
            line += ", reject=550 5.7.1 <" + rcpt + ">... Relaying denied";
        } else {
            rcpt = lines::randomToken(m_random, 6, lines::alnum + 26, 26) + "@" + MailWorld::ownDomain;
            line += id + ": <" + rcpt + ">... User unknown";
        }
    }
    t += millis(m_random, 50, 500);
    std::string &from = scenario.line(t, kMta, pid);
    from += id + ": from=<" + lines::randomToken(m_random, 7, lines::alnum + 26, 26) + "@mailer";
    appendInt(from, m_random.range(1, 40));
    from += tls ? ".test>, size=0, class=0, nrcpts=0, proto=ESMTPS, daemon=MTA-v4, relay="
                : ".test>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA-v4, relay=";
    SendmailProcesses::appendClient(from, bot);
    if (m_random.chance(0.3)) {
        std::string &lost = scenario.line(t + 200, kMta, pid);
        lost += id + ": lost input channel from ";
        SendmailProcesses::appendClient(lost, bot);
        lost += " to MTA-v4 after rcpt";
    }
    scenario.connection(Direction::Inbound, bot.peer, tls);
}

void SendmailTraffic::droppedBot(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const std::int64_t pid = m_processes.nextPid();
    const double kind = m_random.real();
    t += millis(m_random, 30, 900);
    if (kind < 0.35) {
        // greet_pause: the bot spoke before the greeting.
        std::string &line = scenario.line(t, kMta, pid);
        line += "rejecting commands from ";
        SendmailProcesses::appendClient(line, bot);
        line += " due to pre-greeting traffic after 0 seconds";
    } else {
        const std::string id = m_processes.queueId(t, pid);
        if (kind < 0.7) {
            std::string &line = scenario.line(t, kMta, pid);
            line += id + ": ruleset=check_relay, arg1=";
            line += bot.name == "unknown" ? "[" + bot.ip + "]" : bot.name;
            line += ", arg2=" + bot.ip + ", relay=";
            SendmailProcesses::appendClient(line, bot);
            line += ", reject=550 5.7.1 Rejected: " + bot.ip + " listed at dnsbl.example";
            t += millis(m_random, 500, 3000);
        }
        std::string &line = scenario.line(t, kMta, pid);
        line += id + ": ";
        SendmailProcesses::appendClient(line, bot);
        line += " did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA-v4";
    }
    scenario.connection(Direction::Inbound, bot.peer, false);
}

void SendmailTraffic::lostClient(Scenario &scenario, std::int64_t t)
{
    const std::int64_t pid = m_processes.nextPid();
    if (m_random.chance(0.5)) {
        // A bot that goes away before saying anything useful.
        const Host &bot = m_world.host(m_world.pickBot(m_random));
        t += millis(m_random, 200, 5000);
        std::string &line = scenario.line(t, kMta, pid);
        line += m_processes.queueId(t, pid) + ": ";
        SendmailProcesses::appendClient(line, bot);
        line += " did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA-v4";
        scenario.connection(Direction::Inbound, bot.peer, false);
        return;
    }
    // A real sender whose message never reaches the queue.
    const Site &site = m_world.site(m_world.pickSite(m_random));
    const Host &client = m_world.host(site.senders[m_random.below(site.senders.size())]);
    const bool tls = site.inbound == InboundTls::Tls;
    if (tls) {
        t += millis(m_random, 60, 300);
        SendmailProcesses::serverTls(scenario.line(t, kMta, pid), client);
    }
    t += millis(m_random, 300, 20000);
    const std::string id = m_processes.queueId(t, pid);
    std::string &eom = scenario.line(t, kMta, pid);
    eom += id + ": collect: premature EOM: Connection reset by peer";
    std::string &lost = scenario.line(t, kMta, pid);
    lost += id + ": lost input channel from ";
    SendmailProcesses::appendClient(lost, client);
    lost += " to MTA-v4 after data";
    scenario.connection(Direction::Inbound, client.peer, tls);
}

void SendmailTraffic::passwordGuesser(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const std::int64_t pid = m_processes.nextPid();
    t += millis(m_random, 60, 400);
    SendmailProcesses::serverTls(scenario.line(t, kMta, pid), bot);
    const int tries = m_random.range(1, 3);
    const bool login = m_random.chance(0.7);
    static const char *const users[] = {"admin", "info", "test", "office", "alice"};
    const std::string id = m_processes.queueId(t, pid);
    for (int i = 0; i < tries; ++i) {
        t += millis(m_random, 1500, 4000);
        std::string &line = scenario.line(t, kMta, pid);
        line += id;
        line += login ? ": AUTH failure (LOGIN): " : ": AUTH failure (PLAIN): ";
        line += "authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=";
        line += m_random.pick(users);
        line += ", relay=";
        SendmailProcesses::appendClient(line, bot);
    }
    t += millis(m_random, 50, 2000);
    std::string &line = scenario.line(t, kMta, pid);
    line += id + ": ";
    SendmailProcesses::appendClient(line, bot);
    line += " did not issue MAIL/EXPN/VRFY/ETRN during connection to MSA-v4";
    scenario.connection(Direction::Submission, bot.peer, true);
}

void SendmailTraffic::localMonitor(Scenario &scenario, std::int64_t t)
{
    const std::int64_t pid = m_processes.nextPid();
    t += millis(m_random, 2, 40);
    std::string &line = scenario.line(t, kMta, pid);
    line += m_processes.queueId(t, pid)
        + ": localhost [127.0.0.1] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA-v4";
}

void SendmailTraffic::rateLimited(Scenario &scenario, std::int64_t t)
{
    // ConnectionRateThrottle / FEATURE(ratecontrol): refused at connect.
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const std::int64_t pid = m_processes.nextPid();
    std::string &line = scenario.line(t, kMta, pid);
    line += "ruleset=check_relay, arg1=";
    line += bot.name == "unknown" ? "[" + bot.ip + "]" : bot.name;
    line += ", arg2=" + bot.ip + ", relay=";
    SendmailProcesses::appendClient(line, bot);
    line += ", reject=421 4.3.2 Connection rate limit exceeded.";
    scenario.connection(Direction::Inbound, bot.peer, false);
}

void SendmailTraffic::restart(Scenario &scenario, std::int64_t t)
{
    std::string &stop = scenario.line(t, kMta, m_daemonPid);
    stop += "restarting /usr/sbin/sendmail-mta due to signal";
    m_daemonPid = m_processes.nextPid();
    std::string &start = scenario.line(t + millis(m_random, 200, 900), kMta, m_daemonPid);
    start += "starting daemon (8.17.1.9): SMTP+queueing@00:10:00";
}

} // namespace mailtls::bench
