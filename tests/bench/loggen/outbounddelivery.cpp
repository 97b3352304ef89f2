#include "tests/bench/loggen/outbounddelivery.h"

#include <algorithm>
#include <functional>

#include "tests/bench/loggen/commonlines.h"

namespace mailtls::bench {

namespace {

constexpr std::int64_t kSecond = 1000000;
constexpr int kMaxRounds = 3;   // the first attempt and two retries fit in a log excerpt

const char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

using lines::millis;

void appendRelay(std::string &line, const Host &host)
{
    line += host.name;
    line += '[';
    line += host.ip;
    line += ']';
}

} // namespace

OutboundDelivery::OutboundDelivery(MailServices &services)
    : m_services(services)
{
}

std::int64_t OutboundDelivery::deliver(Scenario &scenario, const QueuedMessage &message, std::int64_t notBefore)
{
    Random &random = m_services.random;
    MailWorld &world = m_services.world;
    const std::int64_t start = std::max(message.active, notBefore) + millis(random, 3, 60);
    std::int64_t last = start;

    std::vector<std::size_t> lmtp;
    std::vector<std::size_t> local;
    std::vector<Group> groups;
    for (std::size_t i = 0; i < message.recipients.size(); ++i) {
        const Recipient &r = message.recipients[i];
        if (r.transport == Transport::Lmtp) {
            lmtp.push_back(i);
        } else if (r.transport == Transport::Local) {
            local.push_back(i);
        } else {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const Group &g) { return g.site == r.site; });
            if (it == groups.end()) {
                const Site &site = world.site(r.site);
                Group g;
                g.site = r.site;
                g.host = site.mxs[random.below(site.mxs.size())];
                groups.push_back(g);
                it = groups.end() - 1;
            }
            it->recipients.push_back(i);
        }
    }
    if (!lmtp.empty())
        last = std::max(last, deliverLocal(scenario, message, lmtp, start));
    if (!local.empty())
        last = std::max(last, deliverLocal(scenario, message, local, start + millis(random, 1, 20)));

    std::vector<PeerMessage> peers;
    std::vector<Group> pending = groups;
    bool bounced = false;
    std::int64_t roundStart = start;
    std::int64_t active = message.active;
    for (int round = 0; !pending.empty() && round < kMaxRounds; ++round) {
        if (round > 0) {
            // Postfix's backoff: minimal_backoff_time, then doubling.
            roundStart += (round == 1 ? random.range(300, 700) : random.range(1200, 2400)) * kSecond;
            active = roundStart;
            std::size_t remaining = 0;
            for (const Group &g : pending)
                remaining += g.recipients.size();
            lines::qmgrLine(scenario, m_services, message, roundStart, remaining);
            roundStart += millis(random, 2, 40);
        }
        std::vector<Group> next;
        for (const Group &g : pending) {
            const Outcome o = runJob(scenario, message, g, round, roundStart + millis(random, 0, 30), active);
            last = std::max(last, o.end);
            bounced = bounced || o.bounced;
            if (o.deferred)
                next.push_back(g);
            if (o.sent) {
                auto it = std::find_if(peers.begin(), peers.end(), [&](const PeerMessage &p) {
                    return world.host(p.host).peer == world.host(g.host).peer;
                });
                if (it == peers.end()) {
                    peers.push_back(PeerMessage{g.host, false, true});
                    it = peers.end() - 1;
                }
                it->sent = true;
                it->encrypted = it->encrypted && o.encrypted;
            }
        }
        pending = std::move(next);
    }
    for (const PeerMessage &p : peers)
        scenario.message(Direction::Outbound, world.host(p.host).peer, message.size, p.encrypted);

    if (!pending.empty())
        return last;   // still deferred when the excerpt ends
    std::int64_t t = last + millis(random, 1, 30);
    if (bounced && message.localSender && !message.sender.empty())
        t = notifySender(scenario, message, t);
    std::string &removed = scenario.line(t, "postfix/qmgr", m_services.qmgrPid);
    removed += message.queueId;
    removed += ": removed";
    return std::max(t, last);
}

OutboundDelivery::Outcome OutboundDelivery::runJob(Scenario &scenario, const QueuedMessage &message,
                                                   const Group &group, int round, std::int64_t start,
                                                   std::int64_t active)
{
    Random &random = m_services.random;
    MailWorld &world = m_services.world;
    Host &host = world.host(group.host);
    const Site &site = world.site(group.site);
    const std::uint64_t key = (std::hash<std::string>()(message.queueId) ^ (static_cast<std::uint64_t>(group.host) * 0x9E3779B97F4A7C15ULL)) | 1;
    const std::int64_t pid = m_services.smtp.acquire(start, key);

    Outcome outcome;
    std::int64_t t = start + millis(random, 30, 250);   // TCP connect and greeting
    const std::int64_t transfer = millis(random, 60, 500) + message.size / 4;   // ~4 MB/s

    enum class Result { Sent, Deferred, Bounced };
    auto writeRecipients = [&](std::int64_t connected, std::int64_t when, int connUse, bool relayNone,
                               const char *deferDsn, const std::string &deferText, bool mayBounce) {
        const std::string remoteId = m_services.queueIds.remote();
        std::int64_t lineTime = when;
        for (std::size_t n = 0; n < group.recipients.size(); ++n) {
            const Recipient &r = message.recipients[group.recipients[n]];
            if (n > 0)
                lineTime += millis(random, 1, 4);
            Result result = deferText.empty() ? Result::Sent : Result::Deferred;
            if (result == Result::Sent && mayBounce && r.unknownUser)
                result = Result::Bounced;
            std::string &line = scenario.line(lineTime, "postfix/smtp", pid);
            line += message.queueId;
            line += ": ";
            appendRecipient(line, r);
            line += "relay=";
            if (relayNone) {
                line += "none";
            } else {
                appendRelay(line, host);
                line += ":25";
            }
            line += ", ";
            if (connUse >= 2) {
                line += "conn_use=";
                appendInt(line, connUse);
                line += ", ";
            }
            appendDelays(line, message.arrival, active, start, connected, lineTime);
            switch (result) {
            case Result::Sent:
                line += ", dsn=2.0.0, status=sent (";
                appendSentReply(line, host, message, remoteId);
                line += ')';
                outcome.sent = true;
                break;
            case Result::Bounced:
                line += ", dsn=5.1.1, status=bounced (host ";
                appendRelay(line, host);
                line += " said: 550 5.1.1 <";
                line += r.address;
                line += ">: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))";
                outcome.bounced = true;
                break;
            case Result::Deferred:
                line += ", dsn=";
                line += deferDsn;
                line += ", status=deferred (";
                line += deferText;
                line += ')';
                outcome.deferred = true;
                break;
            }
            outcome.end = lineTime;
        }
    };
    auto tlsLine = [&](std::int64_t when, const char *trust) {
        std::string &line = scenario.line(when, "postfix/smtp", pid);
        line += trust;
        line += " TLS connection established to ";
        appendRelay(line, host);
        line += ":25: ";
        line += host.tlsTo;
    };
    auto greylisted = [&]() {
        std::string text = "host ";
        appendRelay(text, host);
        text += " said: 450 4.2.0 <";
        text += message.recipients[group.recipients.front()].address;
        text += ">: Recipient address rejected: Greylisted, see https://greylist.test/help/";
        text += site.domain;
        text += ".html (in reply to RCPT TO command)";
        return text;
    };
    const bool greylist = site.greylists && round == 0 && random.chance(0.6);
    const std::string peer = host.peer;

    switch (host.outbound) {
    case OutboundTls::Unreachable: {
        t = start + 30 * kSecond;   // smtp_connect_timeout
        std::string &line = scenario.line(t, "postfix/smtp", pid);
        line += "connect to ";
        appendRelay(line, host);
        line += ":25: Connection timed out";
        std::string reason = "connect to ";
        appendRelay(reason, host);
        reason += ":25: Connection timed out";
        writeRecipients(t, t + millis(random, 1, 3), 0, true, "4.4.1", reason, false);
        break;   // relay=none: a local hop, no figures
    }
    case OutboundTls::NotOffered: {
        std::string reason = "TLS is required, but was not offered by host ";
        appendRelay(reason, host);
        t += millis(random, 20, 120);
        writeRecipients(t, t, 0, false, "4.7.4", reason, false);
        scenario.connection(Direction::Outbound, peer, false);
        scenario.tlsFailure(Direction::Outbound, peer);
        break;
    }
    case OutboundTls::DhTooSmall:
    case OutboundTls::HandshakeFails: {
        const bool dh = host.outbound == OutboundTls::DhTooSmall;
        t += millis(random, 10, 80);
        std::string &error = scenario.line(t, "postfix/smtp", pid);
        error += "SSL_connect error to ";
        appendRelay(error, host);
        error += dh ? ":25: -1" : ":25: lost connection";
        if (dh) {
            std::string &warning = scenario.line(t + 150, "postfix/smtp", pid);
            warning += "warning: TLS library problem: error:0A00018A:SSL routines::dh key too small:"
                       "../ssl/statem/statem_clnt.c:2092:";
        }
        scenario.tlsFailure(Direction::Outbound, peer);
        scenario.connection(Direction::Outbound, peer, false);
        // A message younger than minimal_backoff_time is deferred; an older one
        // falls back to plaintext at once (smtp_tls_security_level = may).
        const bool fresh = round == 0 && random.chance(0.8);
        if (fresh) {
            writeRecipients(t, t + millis(random, 1, 5), 0, false, "4.7.5", "Cannot start TLS: handshake failure",
                            false);
        } else {
            std::string &info = scenario.line(t + 300, "postfix/smtp", pid);
            info += message.queueId;
            info += ": Cannot start TLS: handshake failure";
            const std::int64_t reconnected = t + millis(random, 30, 200);
            writeRecipients(reconnected, reconnected + transfer, 0, false, "", std::string(), true);
        }
        outcome.encrypted = false;
        break;
    }
    case OutboundTls::CertificateFails: {
        t += millis(random, 20, 90);
        std::string &line = scenario.line(t, "postfix/smtp", pid);
        line += "certificate verification failed for ";
        appendRelay(line, host);
        line += ":25: self-signed certificate";
        tlsLine(t + 200, "Untrusted");
        scenario.tlsFailure(Direction::Outbound, peer);
        scenario.connection(Direction::Outbound, peer, true);
        writeRecipients(t, t + transfer, 0, false, "", greylist ? greylisted() : std::string(), true);
        outcome.encrypted = true;
        break;
    }
    case OutboundTls::Tls: {
        t += millis(random, 20, 90);
        tlsLine(t, host.trustTo);
        scenario.connection(Direction::Outbound, peer, true);
        writeRecipients(t, t + transfer, 0, false, "", greylist ? greylisted() : std::string(), true);
        outcome.encrypted = true;
        break;
    }
    case OutboundTls::Plaintext: {
        int connUse = 0;
        if (host.cacheUses > 0 && host.cacheUses < 5 && start >= host.cacheFreeAt && start <= host.cacheExpires) {
            connUse = ++host.cacheUses;
            t = start;   // no connect: delays shows 0 for connection setup
        } else {
            host.cacheUses = 1;
            scenario.connection(Direction::Outbound, peer, false);
        }
        writeRecipients(t, t + transfer, connUse, false, "", greylist ? greylisted() : std::string(), true);
        host.cacheFreeAt = outcome.end + 1000;
        host.cacheExpires = outcome.end + 2 * kSecond;
        outcome.encrypted = false;
        break;
    }
    }
    m_services.smtp.release(pid, outcome.end, key);
    return outcome;
}

std::int64_t OutboundDelivery::deliverLocal(Scenario &scenario, const QueuedMessage &message,
                                            const std::vector<std::size_t> &recipients, std::int64_t start)
{
    Random &random = m_services.random;
    const bool viaLmtp = message.recipients[recipients.front()].transport == Transport::Lmtp;
    ProcessPool &pool = viaLmtp ? m_services.lmtp : m_services.local;
    const std::int64_t pid = pool.acquire(start);
    const std::int64_t connected = start + millis(random, 0, 20);
    std::int64_t t = connected + millis(random, 10, 120);
    std::int64_t dovecotPid = 0;
    if (viaLmtp)
        dovecotPid = m_services.dovecotLmtp.acquire(start);
    for (std::size_t index : recipients) {
        const Recipient &r = message.recipients[index];
        t += millis(random, 1, 8);
        std::string session;
        if (viaLmtp) {
            for (int i = 0; i < 22; ++i)
                session += lines::base64[random.below(62)];
            std::string &saved = scenario.line(t - 900, "dovecot");
            saved += "lmtp(";
            saved += r.address;
            saved += ")<";
            appendInt(saved, dovecotPid);
            saved += "><";
            saved += session;
            saved += ">: msgid=";
            saved += message.messageId;
            saved += ": saved mail to INBOX";
        }
        std::string &line = scenario.line(t, viaLmtp ? "postfix/lmtp" : "postfix/local", pid);
        line += message.queueId;
        line += ": ";
        appendRecipient(line, r);
        line += viaLmtp ? "relay=mail.example.org[private/dovecot-lmtp], " : "relay=local, ";
        appendDelays(line, message.arrival, message.active, start, connected, t);
        if (viaLmtp) {
            line += ", dsn=2.0.0, status=sent (250 2.0.0 <";
            line += r.address;
            line += "> ";
            line += session;
            line += " Saved)";
        } else {
            line += ", dsn=2.0.0, status=sent (delivered to mailbox)";
        }
    }
    pool.release(pid, t);
    if (viaLmtp)
        m_services.dovecotLmtp.release(dovecotPid, t);
    return t;
}

std::int64_t OutboundDelivery::notifySender(Scenario &scenario, const QueuedMessage &message, std::int64_t t)
{
    Random &random = m_services.random;
    const std::int64_t bouncePid = m_services.bounce.acquire(t);
    QueuedMessage notice;
    notice.queueId = m_services.queueIds.next(t);
    notice.arrival = t;
    notice.size = random.range(2800, 5200) + message.size / 20;
    notice.localSender = false;
    {
        std::string &line = scenario.line(t, "postfix/bounce", bouncePid);
        line += message.queueId;
        line += ": sender non-delivery notification: ";
        line += notice.queueId;
    }
    m_services.bounce.release(bouncePid, t);
    notice.messageId = lines::localMessageId(t, notice.queueId);
    lines::cleanupLine(scenario, m_services, t - 400, notice.queueId, notice.messageId);
    notice.active = t + millis(random, 2, 20);
    lines::qmgrLine(scenario, m_services, notice, notice.active, 1);
    Recipient r;
    r.address = message.sender;
    r.transport = Transport::Lmtp;
    notice.recipients.push_back(r);
    deliver(scenario, notice, notice.active);
    return t + millis(random, 1, 10);
}

void OutboundDelivery::appendRecipient(std::string &line, const Recipient &recipient)
{
    line += "to=<";
    line += recipient.address;
    line += ">, ";
    if (!recipient.origTo.empty()) {
        line += "orig_to=<";
        line += recipient.origTo;
        line += ">, ";
    }
}

void OutboundDelivery::appendDelays(std::string &line, std::int64_t arrival, std::int64_t active,
                                    std::int64_t start, std::int64_t connected, std::int64_t done)
{
    line += "delay=";
    appendDelay(line, done - arrival);
    line += ", delays=";
    appendDelay(line, active - arrival);
    line += '/';
    appendDelay(line, start - active);
    line += '/';
    appendDelay(line, connected - start);
    line += '/';
    appendDelay(line, done - connected);
}

void OutboundDelivery::appendSentReply(std::string &line, const Host &host, const QueuedMessage &message,
                                       const std::string &remoteId)
{
    Random &random = m_services.random;
    switch (host.reply) {
    case ReplyStyle::Postfix:
        line += "250 2.0.0 Ok: queued as ";
        line += remoteId;
        break;
    case ReplyStyle::Exim:
        // Exim message ids: time, pid and fraction in base 62.
        line += "250 OK id=1t";
        for (int i = 0; i < 4; ++i)
            line += kBase62[random.below(62)];
        line += "-000";
        for (int i = 0; i < 3; ++i)
            line += kBase62[random.below(62)];
        line += '-';
        for (int i = 0; i < 2; ++i)
            line += kBase62[random.below(62)];
        break;
    case ReplyStyle::Exchange: {
        line += "250 2.6.0 ";
        line += message.messageId;
        line += " [InternalId=";
        appendInt(line, 10000000000000LL + static_cast<std::int64_t>(random.below(89999999999999ULL)));
        line += ", Hostname=";
        std::string shortName = host.name.substr(0, host.name.find('.'));
        for (char &c : shortName) {
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        }
        line += shortName;
        line += "] Queued mail for delivery";
        break;
    }
    case ReplyStyle::Generic:
        line += "250 2.0.0 Message accepted for delivery";
        break;
    }
}

} // namespace mailtls::bench
