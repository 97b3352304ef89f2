#include "tests/bench/loggen/eximtraffic.h"

#include <algorithm>

#include "tests/bench/loggen/commonlines.h"
#include "tests/bench/loggen/textappend.h"
#include "tests/bench/loggen/tlsparts.h"

namespace mailtls::bench {

namespace {

constexpr int kMaxRounds = 3; // as the Postfix generator: the first attempt and two retries
const char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

using lines::millis;
using lines::second;

void appendBase62(std::string &out, std::uint64_t value, int width)
{
    char buffer[16];
    int n = 0;
    for (; n < width; ++n) {
        buffer[n] = kBase62[value % 62];
        value /= 62;
    }
    while (n > 0)
        out += buffer[--n];
}

// GnuTLS's name of an OpenSSL cipher suite, as Debian's Exim logs it in X=.
std::string gnutlsCipher(const std::string &protocol, const std::string &openssl)
{
    if (protocol == "TLSv1.3") {
        std::string rest = openssl.substr(4); // after "TLS_"
        const std::size_t hash = rest.rfind('_');
        if (rest.compare(0, 8, "CHACHA20") != 0)
            rest = rest.substr(0, hash);
        else
            rest = "CHACHA20_POLY1305";
        return "ECDHE_X25519__RSA_PSS_RSAE_SHA256__" + rest;
    }
    if (openssl == "AECDH-AES256-SHA")
        return "ECDH_ANON_AES_256_CBC_SHA1";
    std::string name;
    for (std::size_t i = 0; i < openssl.size(); ++i) {
        const char c = openssl[i];
        name += c == '-' ? '_' : c;
        if ((c == 'S') && i >= 2 && openssl.compare(i - 2, 3, "AES") == 0 && i + 1 < openssl.size()
            && openssl[i + 1] >= '0' && openssl[i + 1] <= '9')
            name += '_';
    }
    return name;
}

} // namespace

EximTraffic::EximTraffic(std::uint64_t seed, std::int64_t lines)
    : TrafficSource(lines)
    , m_random(seed)
    , m_world(m_random, static_cast<int>(std::clamp<std::int64_t>(lines / 400, 40, 3000)))
    , m_pid(4000 + static_cast<std::int64_t>(m_random.below(20000)))
{ }

std::int64_t EximTraffic::nextPid()
{
    m_pid += m_random.range(1, 6);
    if (m_pid > 4194000)
        m_pid = 300 + static_cast<std::int64_t>(m_random.below(100));
    return m_pid;
}

std::string EximTraffic::messageId(std::int64_t t)
{
    // Exim 4.96: the time in base 62, the pid, and the 1/2000 s.
    std::string id;
    do {
        id.clear();
        appendBase62(id, static_cast<std::uint64_t>(t / second), 6);
        id += '-';
        appendBase62(id, static_cast<std::uint64_t>(nextPid()), 6);
        id += '-';
        appendBase62(id, static_cast<std::uint64_t>(t % second / 500), 2);
    } while (!m_issued.insert(id).second);
    return id;
}

std::string EximTraffic::helo(const Host &host)
{
    if (!host.dnsName.empty())
        return host.dnsName;
    if (host.name != "unknown")
        return host.name;
    return "[" + host.ip + "]";
}

void EximTraffic::appendClient(std::string &line, const Host &host, const std::string &heloName)
{
    line += "H=";
    if (host.name != "unknown") {
        line += host.name;
        if (heloName != host.name) {
            line += " (";
            line += heloName;
            line += ')';
        }
    } else {
        line += '(';
        line += heloName;
        line += ')';
    }
    line += " [";
    line += host.ip;
    line += ']';
}

void EximTraffic::appendTls(std::string &line, const std::string &description)
{
    const TlsParts tls = TlsParts::of(description);
    line += " X=TLS";
    line += tls.protocol.substr(4); // "TLSv1.3" -> "1.3"
    line += ':';
    line += gnutlsCipher(tls.protocol, tls.cipher);
    line += ':';
    line += tls.bits;
}

void EximTraffic::appendReply(std::string &line, const Host &host, const Message &message)
{
    switch (host.reply) {
    case ReplyStyle::Postfix:
        line += " C=\"250 2.0.0 Ok: queued as ";
        appendHex(line, m_random.below(0xFFFFFFFFFULL), 9, true);
        line += '"';
        break;
    case ReplyStyle::Exim:
        line += " C=\"250 OK id=";
        appendBase62(line, static_cast<std::uint64_t>(message.arrival / second + 3), 6);
        line += '-';
        appendBase62(line, m_random.below(56800235584ULL), 6);
        line += '-';
        appendBase62(line, m_random.below(3844), 2);
        line += '"';
        break;
    case ReplyStyle::Exchange:
        line += " C=\"250 2.6.0 <" + lines::randomToken(m_random, 20, lines::alnum, 62) + "@" + host.name
            + "> Queued mail for delivery\"";
        break;
    case ReplyStyle::Generic:
        line += " C=\"250 2.0.0 Message accepted for delivery\"";
        break;
    }
}

void EximTraffic::build(Kind kind, Scenario &scenario, std::int64_t t)
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
    // Exim's main log has no IMAP lines, and a monitor's clean QUIT logs nothing.
    case Kind::Imap:
        break;
    case Kind::LocalMonitor:
        break;
    case Kind::Anvil:
        queueRun(scenario, t);
        break;
    case Kind::Reload:
        restart(scenario, t);
        break;
    }
}

void EximTraffic::filler(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    std::string &line = scenario.bareLine(t);
    line += "no host name found for IP address ";
    line += bot.ip;
}

void EximTraffic::inboundMail(Scenario &scenario, std::int64_t t)
{
    const int siteIndex = m_world.pickSite(m_random);
    const Site &site = m_world.site(siteIndex);
    const int client = site.senders[m_random.below(site.senders.size())];
    if (site.inbound == InboundTls::Broken) {
        // The sender gives up on TLS and comes back in plaintext.
        const Host &host = m_world.host(client);
        t += millis(m_random, 40, 250);
        std::string &line = scenario.bareLine(t);
        line += "TLS error on connection from ";
        appendClient(line, host, helo(host));
        line.erase(line.find("H="), 2);
        line += " (gnutls_handshake): Could not negotiate a supported cipher suite.";
        scenario.connection(Direction::Inbound, host.peer, false);
        scenario.tlsFailure(Direction::Inbound, host.peer);
        t += millis(m_random, 800, 6000);
    }
    const int messages = siteIndex < 5 && m_random.chance(0.15) ? m_random.range(2, 3) : 1;
    arrivals(scenario, t, client, siteIndex, nullptr, site.inbound == InboundTls::Tls, messages);
}

void EximTraffic::submission(Scenario &scenario, std::int64_t t)
{
    const User &user = m_world.pickUser(m_random);
    const int device = user.devices[m_random.below(user.devices.size())];
    arrivals(scenario, t, device, -1, &user, true, m_random.chance(0.1) ? 2 : 1);
}

void EximTraffic::arrivals(Scenario &scenario, std::int64_t t, int clientIndex, int site, const User *user, bool tls,
                           int messages)
{
    const Host &client = m_world.host(clientIndex);
    const Direction direction = user ? Direction::Submission : Direction::Inbound;
    const std::string heloName = user ? std::string(m_random.chance(0.5) ? "laptop" : "[192.168.1.20]") : helo(client);
    std::vector<Message> queued;
    for (int m = 0; m < messages; ++m) {
        t += millis(m_random, 150, 1400);
        Message message;
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
                    rcpt.address = "owner.example.org@" + m_world.site(0).domain;
                    rcpt.site = 0;
                } else {
                    rcpt.address = m_world.pickLocalMailbox(m_random);
                }
                message.rcpts.push_back(rcpt);
            }
        }
        std::vector<Rcpt> unique;
        for (const Rcpt &r : message.rcpts) {
            if (std::none_of(unique.begin(), unique.end(), [&](const Rcpt &o) { return o.address == r.address; }))
                unique.push_back(r);
        }
        message.rcpts = std::move(unique);
        t += millis(m_random, 80, 400) + message.size / 2;
        message.arrival = t;
        message.id = messageId(t);
        std::string &line = scenario.bareLine(t);
        line += message.id;
        line += " <= ";
        line += message.sender.empty() ? std::string("<>") : message.sender;
        line += ' ';
        appendClient(line, client, heloName);
        line += user ? " P=esmtpsa" : tls ? " P=esmtps" : " P=esmtp";
        if (tls) {
            appendTls(line, client.tlsFrom);
            line += std::string(client.trustFrom) == "Trusted" ? " CV=yes" : " CV=no";
        }
        if (user)
            line += " A=dovecot_plain:" + user->address.substr(0, user->address.find('@'));
        line += " S=";
        appendInt(line, message.size);
        line += " id=";
        const std::string msgid
            = lines::randomMessageId(m_random, user ? MailWorld::ownDomain : m_world.site(site).domain);
        line += msgid.substr(1, msgid.size() - 2);
        // Debian's default logging has no pid, port or connection id: every
        // arrival is a connection of its own.
        scenario.message(direction, client.peer, message.size, tls);
        scenario.connection(direction, client.peer, tls);
        queued.push_back(std::move(message));
    }
    for (const Message &message : queued)
        deliver(scenario, message, message.arrival + millis(m_random, 5, 300));
}

std::int64_t EximTraffic::deliver(Scenario &scenario, const Message &message, std::int64_t t)
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
    std::vector<Group> groups;
    for (const Rcpt &r : message.rcpts) {
        if (r.site < 0) {
            t += millis(m_random, 2, 40);
            std::string &line = scenario.bareLine(t);
            line += message.id + " => " + r.address.substr(0, r.address.find('@')) + " <" + r.address
                + "> R=local_user T=mail_spool";
            continue;
        }
        // One transaction per host: domains that share an MX share it (multi_domain).
        auto same = std::find_if(groups.begin(), groups.end(), [&](const Group &g) { return g.site == r.site; });
        const Site &site = m_world.site(r.site);
        const int mx = same != groups.end() ? same->host : site.mxs[m_random.below(site.mxs.size())];
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group &g) { return g.host == mx; });
        if (it == groups.end()) {
            groups.push_back(Group {r.site, mx, {}});
            it = groups.end() - 1;
        }
        it->rcpts.push_back(&r);
    }

    std::vector<PeerMessage> sent;
    std::vector<const Rcpt *> bounced;
    std::vector<Group> pending = groups;
    std::int64_t roundStart = t;
    for (int round = 0; !pending.empty() && round < kMaxRounds; ++round) {
        if (round > 0) {
            roundStart += (round == 1 ? m_random.range(300, 700) : m_random.range(1200, 2400)) * second;
            t = roundStart;
        }
        std::vector<Group> next;
        for (const Group &g : pending) {
            const Host &host = m_world.host(g.host);
            const Site &site = m_world.site(g.site);
            const std::string &peer = host.peer;
            t += millis(m_random, 30, 250);
            std::string hostField = "H=" + host.name + " [" + host.ip + "]";
            auto deferAll = [&](const char *code, const std::string &reason) {
                for (const Rcpt *r : g.rcpts) {
                    std::string &line = scenario.bareLine(t);
                    line += message.id + " == " + r->address + " R=dnslookup T=remote_smtp defer (" + code + ") "
                        + hostField + ": " + reason;
                }
                next.push_back(g);
            };
            bool encrypted = false;
            switch (host.outbound) {
            case OutboundTls::Unreachable: {
                t += 30 * second;
                for (const Rcpt *r : g.rcpts) {
                    std::string &line = scenario.bareLine(t);
                    line += message.id + " == " + r->address
                        + " R=dnslookup T=remote_smtp defer (110): "
                          "Connection timed out";
                }
                next.push_back(g);
                continue; // no host was reached: nothing to count
            }
            case OutboundTls::NotOffered:
                // hosts_require_tls for this domain; the server offers no STARTTLS.
                t += millis(m_random, 20, 120);
                deferAll("-38", "a TLS session is required, but the server did not offer TLS support");
                scenario.connection(Direction::Outbound, peer, false);
                scenario.tlsFailure(Direction::Outbound, peer);
                continue;
            case OutboundTls::DhTooSmall:
            case OutboundTls::HandshakeFails: {
                t += millis(m_random, 10, 80);
                std::string &line = scenario.bareLine(t);
                line += message.id;
                line += host.outbound == OutboundTls::DhTooSmall
                    ? " TLS session: (gnutls_handshake): The Diffie-Hellman prime sent by the server is not "
                      "acceptable (not long enough).: delivering unencrypted to "
                    : " TLS session: (gnutls_handshake): A TLS fatal alert has been received.: delivering "
                      "unencrypted to ";
                line += hostField + " (not in hosts_require_tls)";
                scenario.tlsFailure(Direction::Outbound, peer);
                t += millis(m_random, 30, 200);
                break;
            }
            case OutboundTls::Tls:
            case OutboundTls::CertificateFails:
                encrypted = true;
                break;
            case OutboundTls::Plaintext:
                break;
            }
            t += millis(m_random, 60, 500) + message.size / 4;
            if (site.greylists && round == 0 && m_random.chance(0.6)) {
                std::string reason = "SMTP error from remote mail server after RCPT TO:<" + g.rcpts.front()->address
                    + ">: 451 4.7.1 Greylisting in action, please come back later";
                deferAll("-44", reason);
                // A deferral line carries no X=: the log shows a plaintext connection.
                scenario.connection(Direction::Outbound, peer, false);
                continue;
            }
            std::string tlsFields;
            if (encrypted) {
                appendTls(tlsFields, host.tlsTo);
                const std::string trust = host.trustTo;
                tlsFields += host.outbound == OutboundTls::Tls && (trust == "Trusted" || trust == "Verified")
                    ? " CV=yes"
                    : " CV=no";
            }
            bool first = true;
            for (const Rcpt *r : g.rcpts) {
                if (r->unknownUser)
                    continue;
                std::string &line = scenario.bareLine(t);
                line += message.id + (first ? " => " : " -> ") + r->address + " R=dnslookup T=remote_smtp " + hostField
                    + tlsFields;
                appendReply(line, host, message);
                if (first) {
                    scenario.connection(Direction::Outbound, peer, encrypted);
                    auto it
                        = std::find_if(sent.begin(), sent.end(), [&](const PeerMessage &p) { return p.peer == peer; });
                    if (it == sent.end()) {
                        sent.push_back(PeerMessage {peer, true});
                        it = sent.end() - 1;
                    }
                    it->encrypted = it->encrypted && encrypted;
                }
                first = false;
            }
            for (const Rcpt *r : g.rcpts) {
                if (!r->unknownUser)
                    continue;
                std::string &line = scenario.bareLine(t);
                line += message.id + " ** " + r->address + " R=dnslookup T=remote_smtp " + hostField
                    + ": SMTP error from remote mail server after RCPT TO:<" + r->address + ">: 550 5.1.1 <"
                    + r->address + ">: Recipient address rejected: User unknown";
                if (first)
                    scenario.connection(Direction::Outbound, peer, false);
                first = false;
                bounced.push_back(r);
            }
        }
        pending = std::move(next);
    }
    for (const PeerMessage &p : sent)
        scenario.message(Direction::Outbound, p.peer, message.size, p.encrypted);
    if (!bounced.empty() && message.localSender && !message.sender.empty()) {
        t += millis(m_random, 1, 30);
        const std::string notice = messageId(t);
        std::string &arrival = scenario.bareLine(t);
        arrival += notice + " <= <> R=" + message.id + " U=Debian-exim P=local S=";
        appendInt(arrival, 2800 + message.size / 20);
        std::string &line = scenario.bareLine(t);
        line += notice + " => " + message.sender.substr(0, message.sender.find('@')) + " <" + message.sender
            + "> R=local_user T=mail_spool";
        std::string &done = scenario.bareLine(t);
        done += notice + " Completed";
    }
    if (pending.empty()) {
        std::string &done = scenario.bareLine(t);
        done += message.id + " Completed";
    }
    return t;
}

EximTraffic::Message EximTraffic::localArrival(Scenario &scenario, std::int64_t t, const char *user,
                                               const std::string &sender, std::int64_t size)
{
    Message message;
    message.arrival = t;
    message.id = messageId(t);
    message.sender = sender;
    message.size = size;
    message.localSender = true;
    std::string &line = scenario.bareLine(t);
    line += message.id + " <= " + sender + " U=" + user + " P=local S=";
    appendInt(line, size);
    return message;
}

void EximTraffic::cron(Scenario &scenario, std::int64_t t)
{
    const std::string root = std::string("root@") + MailWorld::ownName;
    Message message = localArrival(scenario, t, "root", root, m_random.range(600, 9000));
    Rcpt r;
    r.address = root;
    message.rcpts.push_back(r);
    deliver(scenario, message, t + millis(m_random, 5, 200));
}

void EximTraffic::webappBurst(Scenario &scenario, std::int64_t t)
{
    const int site = m_random.chance(0.5) ? m_world.pickPlaintextSite(m_random) : m_world.pickSite(m_random);
    const double r = m_random.real();
    const int count = r < 0.35 ? 1 : r < 0.6 ? 2 : r < 0.8 ? 3 : r < 0.92 ? 4 : 5;
    const std::string sender = std::string("noreply@") + MailWorld::ownDomain;
    for (int i = 0; i < count; ++i) {
        t += millis(m_random, 150, 700);
        Message message = localArrival(scenario, t, "www-data", sender, m_random.range(2500, 14000));
        Rcpt rcpt;
        rcpt.site = site;
        rcpt.address = m_world.recipientAddress(m_random, site);
        rcpt.unknownUser = m_random.chance(0.015);
        message.rcpts.push_back(rcpt);
        // Its bounces go to the application's address, not to a mailbox here.
        message.localSender = false;
        deliver(scenario, message, t + millis(m_random, 5, 200));
    }
}

void EximTraffic::rejectedBot(Scenario &scenario, std::int64_t t)
{
    // Refused at RCPT: Exim's default logging shows the refusal only, with no
    // arrival: no connection to count.
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const int tries = m_random.chance(0.75) ? 1 : m_random.range(2, 4);
    const std::string sender = lines::randomToken(m_random, 7, lines::alnum + 26, 26) + "@mailer"
        + std::to_string(m_random.range(1, 40)) + ".test";
    const std::string heloName = m_random.chance(0.5) ? helo(bot) : "User";
    for (int i = 0; i < tries; ++i) {
        t += millis(m_random, 100, 900);
        std::string &line = scenario.bareLine(t);
        appendClient(line, bot, heloName);
        const std::string rcpt = m_world.recipientAddress(m_random, m_world.pickSite(m_random));
        line += " F=<" + sender + "> rejected RCPT <" + rcpt + ">: relay not permitted";
    }
}

void EximTraffic::droppedBot(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    std::string &line = scenario.bareLine(t + millis(m_random, 30, 900));
    if (m_random.chance(0.5)) {
        line += "SMTP protocol synchronization error (input sent without waiting for greeting): rejected connection "
                "from H=["
            + bot.ip + "] input=\"EHLO User\\r\\n\"";
    } else {
        appendClient(line, bot, helo(bot));
        line += " rejected connection in \"connect\" ACL: Rejected: " + bot.ip + " listed at dnsbl.example";
    }
}

void EximTraffic::lostClient(Scenario &scenario, std::int64_t t)
{
    std::string &line = scenario.bareLine(t + millis(m_random, 200, 20000));
    if (m_random.chance(0.5)) {
        const Host &bot = m_world.host(m_world.pickBot(m_random));
        line += "SMTP connection from ";
        appendClient(line, bot, helo(bot));
        line.erase(line.find("H="), 2);
        line += " lost";
        return;
    }
    const Site &site = m_world.site(m_world.pickSite(m_random));
    const Host &client = m_world.host(site.senders[m_random.below(site.senders.size())]);
    line += "SMTP connection from ";
    appendClient(line, client, helo(client));
    line.erase(line.find("H="), 2);
    line += " lost while reading message data";
}

void EximTraffic::passwordGuesser(Scenario &scenario, std::int64_t t)
{
    const Host &bot = m_world.host(m_world.pickBot(m_random));
    const int tries = m_random.range(1, 3);
    const bool login = m_random.chance(0.7);
    static const char *const users[] = {"admin", "info", "test", "office", "alice"};
    for (int i = 0; i < tries; ++i) {
        t += millis(m_random, 1500, 4000);
        std::string &line = scenario.bareLine(t);
        line += login ? "dovecot_login authenticator failed for " : "dovecot_plain authenticator failed for ";
        appendClient(line, bot, "User");
        line.erase(line.find("H="), 2);
        line += ": 535 Incorrect authentication data (set_id=";
        line += m_random.pick(users);
        line += ')';
    }
}

void EximTraffic::queueRun(Scenario &scenario, std::int64_t t)
{
    const std::int64_t pid = nextPid();
    std::string &start = scenario.bareLine(t);
    start += "Start queue run: pid=";
    appendInt(start, pid);
    std::string &end = scenario.bareLine(t + millis(m_random, 5, 900));
    end += "End queue run: pid=";
    appendInt(end, pid);
}

void EximTraffic::restart(Scenario &scenario, std::int64_t t)
{
    std::string &line = scenario.bareLine(t);
    line += "exim 4.96 daemon started: pid=";
    appendInt(line, nextPid());
    line += ", -q30m, listening for SMTP on [192.0.2.10]:25 [192.0.2.10]:587 [2001:db8:10::25]:25";
}

} // namespace mailtls::bench
