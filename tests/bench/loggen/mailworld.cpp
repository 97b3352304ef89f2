#include "tests/bench/loggen/mailworld.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "tests/bench/loggen/textappend.h"

namespace mailtls::bench {

namespace {

const char *const kSyllables[] = {
    "al", "ber", "cor", "dan", "el", "fen", "gar", "hal", "ion", "jas", "kel", "lor",
    "mar", "nor", "ost", "pel", "quar", "ros", "sun", "tal", "ul", "val", "wen", "yar",
    "zen", "bri", "cla", "dro", "fro", "gla", "kra", "pla", "tre", "vis", "wol", "mun",
};
const char *const kSuffixes[] = {
    "", "", "", "", "mail", "net", "labs", "group", "media", "works", "tech", "haus", "verlag", "shop", "org",
};
const char *const kSenderParts[] = {
    "newsletter", "noreply", "info", "support", "billing", "team", "hello", "notifications", "j.smith",
    "m.jones", "anna", "peter", "sales", "office", "events", "updates", "karl.weber", "lena", "no-reply",
};
const char *const kRecipientParts[] = {
    "info", "contact", "office", "j.doe", "mike", "sarah", "hr", "accounts", "orders", "admin", "tom", "lisa",
    "support", "m.mueller", "paula", "service",
};
const char *const kUsers[] = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"};
const char *const kMailboxes[] = {
    "alice@example.org", "bob@example.org", "carol@example.org", "dave@example.org", "erin@example.org",
    "frank@example.org", "grace@example.org", "heidi@example.org", "ivan@example.org", "judy@example.org",
    "alice@example.org", "bob@example.org", "carol@example.org", "postmaster@example.org",
};

struct Cipher
{
    const char *name;
    int bits;
};
const Cipher kTls13[] = {
    {"TLS_AES_256_GCM_SHA384", 256}, {"TLS_AES_256_GCM_SHA384", 256}, {"TLS_AES_128_GCM_SHA256", 128},
    {"TLS_CHACHA20_POLY1305_SHA256", 256},
};
const Cipher kTls12[] = {
    {"ECDHE-RSA-AES256-GCM-SHA384", 256}, {"ECDHE-RSA-AES128-GCM-SHA256", 128},
    {"ECDHE-ECDSA-AES256-GCM-SHA384", 256}, {"ECDHE-RSA-CHACHA20-POLY1305", 256},
};
const Cipher kDhe[] = {{"DHE-RSA-AES256-GCM-SHA384", 256}, {"DHE-RSA-AES128-GCM-SHA256", 128}};
const char *const kServerSignatures[] = {
    "RSA-PSS (2048 bits) server-digest SHA256", "RSA-PSS (2048 bits) server-digest SHA256",
    "RSA-PSS (4096 bits) server-digest SHA256", "ECDSA (P-256) server-digest SHA256",
    "ECDSA (P-384) server-digest SHA384",
};

void appendCipher(std::string &out, const char *protocol, const Cipher &cipher)
{
    out += protocol;
    out += " with cipher ";
    out += cipher.name;
    out += " (";
    appendInt(out, cipher.bits);
    out += '/';
    appendInt(out, cipher.bits);
    out += " bits)";
}

std::string lower(std::string s)
{
    for (char &c : s) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

} // namespace

MailWorld::MailWorld(Random &random, int siteCount)
{
    for (const char *net : {"192.0.2.", "198.51.100.", "203.0.113."}) {
        for (int i = 1; i <= 254; ++i) {
            std::string ip = net;
            appendInt(ip, i);
            if (ip != ownIp)
                m_freeV4.push_back(ip);
        }
    }
    for (std::size_t i = m_freeV4.size(); i > 1; --i)
        std::swap(m_freeV4[i - 1], m_freeV4[random.below(i)]);

    // Shared hosting MXes: several sites deliver to the same peer.
    std::vector<int> hosting;
    for (const char *name : {"mx01.mailhost.test", "in1.smtp-cloud.example", "mx.hostedmail.test"}) {
        const int h = addHost(random, name, false);
        describeTls(random, m_hosts[static_cast<std::size_t>(h)], false, false);
        m_hosts[static_cast<std::size_t>(h)].trustTo = "Trusted";
        hosting.push_back(h);
    }

    std::unordered_set<std::string> domains;
    for (int rank = 0; rank < siteCount; ++rank) {
        Site site;
        do {
            std::string name = random.pick(kSyllables);
            name += random.pick(kSyllables);
            if (random.chance(0.3))
                name += random.pick(kSyllables);
            name += random.pick(kSuffixes);
            site.domain = name + (random.chance(0.7) ? ".example" : ".test");
        } while (!domains.insert(site.domain).second);

        // Forced behaviours for the top ranks; the rest drawn at random.
        OutboundTls out = OutboundTls::Tls;
        switch (rank) {
        case 2: out = OutboundTls::Plaintext; break;
        case 4: out = OutboundTls::DhTooSmall; break;
        case 7: out = OutboundTls::NotOffered; break;
        case 9: out = OutboundTls::HandshakeFails; break;
        case 11: out = OutboundTls::CertificateFails; break;
        case 13: out = OutboundTls::Unreachable; break;
        default:
            if (rank > 13) {
                const double r = random.real();
                out = r < 0.80 ? OutboundTls::Tls
                    : r < 0.89 ? OutboundTls::Plaintext
                    : r < 0.92 ? OutboundTls::DhTooSmall
                    : r < 0.94 ? OutboundTls::HandshakeFails
                    : r < 0.955 ? OutboundTls::NotOffered
                    : r < 0.97 ? OutboundTls::CertificateFails
                               : OutboundTls::Unreachable;
            }
        }
        if (rank == 3)
            site.inbound = InboundTls::Plaintext;
        else if (rank == 6)
            site.inbound = InboundTls::Broken;
        else if (rank > 13) {
            const double r = random.real();
            site.inbound = r < 0.85 ? InboundTls::Tls : r < 0.97 ? InboundTls::Plaintext : InboundTls::Broken;
        }
        if (out == OutboundTls::Plaintext && random.chance(0.7))
            site.inbound = InboundTls::Plaintext;
        site.greylists = rank == 5 || (rank > 13 && random.chance(0.1));
        const bool tls12 = random.chance(0.25);

        if (rank == 0) {
            // A large provider: many outbound hosts, two MXes of equal preference.
            static const char *const pools[] = {"mail-ej1-f", "mail-wr1-f", "mail-pj1-f", "mail-oi1-f", "mail-qk1-f"};
            for (const char *pool : pools) {
                std::string name = pool;
                appendInt(name, random.range(41, 99));
                const int h = addHost(random, name + "." + site.domain, false);
                describeTls(random, m_hosts[static_cast<std::size_t>(h)], false, false);
                site.senders.push_back(h);
            }
            for (const char *mx : {"mx1.", "mx2."}) {
                const int h = addHost(random, mx + site.domain, false);
                describeTls(random, m_hosts[static_cast<std::size_t>(h)], false, false);
                m_hosts[static_cast<std::size_t>(h)].trustTo = "Verified";
                site.mxs.push_back(h);
            }
        } else if (out == OutboundTls::Tls && rank > 13 && random.chance(0.2)) {
            // Hosted mail: its own outbound host, a shared MX.
            const int h = addHost(random, std::string(random.chance(0.5) ? "smtp." : "out.") + site.domain,
                                  random.chance(0.06));
            describeTls(random, m_hosts[static_cast<std::size_t>(h)], tls12, false);
            site.senders.push_back(h);
            site.mxs.push_back(hosting[random.below(hosting.size())]);
        } else if (random.chance(0.6) || rank < 14) {
            // One host does both.
            const int h = addHost(random, "mail." + site.domain, false);
            describeTls(random, m_hosts[static_cast<std::size_t>(h)], tls12 || out == OutboundTls::DhTooSmall,
                        out == OutboundTls::DhTooSmall);
            site.senders.push_back(h);
            site.mxs.push_back(h);
        } else {
            const bool unknown = random.chance(0.08);
            const int s = addHost(random, std::string(random.chance(0.5) ? "mta1." : "outbound.") + site.domain, unknown);
            describeTls(random, m_hosts[static_cast<std::size_t>(s)], tls12, false);
            site.senders.push_back(s);
            if (random.chance(0.3)) {
                const int s2 = addHost(random, "mta2." + site.domain, false);
                describeTls(random, m_hosts[static_cast<std::size_t>(s2)], tls12, false);
                site.senders.push_back(s2);
            }
            const int m = addHost(random, "mx." + site.domain, false);
            describeTls(random, m_hosts[static_cast<std::size_t>(m)], tls12, false);
            site.mxs.push_back(m);
        }
        for (int m : site.mxs) {
            Host &mx = m_hosts[static_cast<std::size_t>(m)];
            if (std::find(hosting.begin(), hosting.end(), m) == hosting.end())
                mx.outbound = out;
        }
        if (out == OutboundTls::Plaintext)
            m_plaintextSites.push_back(rank);
        // Some reverse DNS names are upper-case, and some do not resolve back.
        const bool senderIsMx = site.senders[0] == site.mxs[0];
        if (rank > 13 && !senderIsMx && random.chance(0.1)) {
            Host &s = m_hosts[static_cast<std::size_t>(site.senders[0])];
            if (s.name != "unknown") {
                s.dnsName = s.name;
                s.name = "unknown";
                s.peer = s.ip;
            }
        } else if (rank > 13 && !senderIsMx && random.chance(0.06)) {
            Host &s = m_hosts[static_cast<std::size_t>(site.senders[0])];
            if (s.name != "unknown") {
                s.name[0] = static_cast<char>(s.name[0] - 'a' + 'A');
                const std::size_t dot = s.name.find('.');
                if (dot + 1 < s.name.size() && s.name[dot + 1] >= 'a' && s.name[dot + 1] <= 'z')
                    s.name[dot + 1] = static_cast<char>(s.name[dot + 1] - 'a' + 'A');
            }
        }
        m_sites.push_back(std::move(site));
    }

    double total = 0;
    for (int rank = 0; rank < siteCount; ++rank) {
        total += 1.0 / std::pow(rank + 1.0, 1.07);
        m_cdf.push_back(total);
    }
    for (double &c : m_cdf)
        c /= total;

    const int bots = std::max(30, siteCount / 2);
    for (int i = 0; i < bots; ++i) {
        const bool unknown = random.chance(0.65);
        const int h = addHost(random, "", unknown);
        Host &bot = m_hosts[static_cast<std::size_t>(h)];
        if (!unknown) {
            std::string dashed = bot.ip;
            std::replace(dashed.begin(), dashed.end(), '.', '-');
            std::replace(dashed.begin(), dashed.end(), ':', '-');
            bot.name = (random.chance(0.5) ? "static-" : "ip-") + dashed
                + (random.chance(0.5) ? ".isp.test" : ".broadband.example");
            bot.peer = bot.name;
        }
        describeTls(random, bot, random.chance(0.5), false);
        bot.trustFrom = "Anonymous";
        m_bots.push_back(h);
    }

    for (const char *name : kUsers) {
        User user;
        user.address = std::string(name) + "@" + ownDomain;
        const int devices = random.range(1, 2);
        for (int d = 0; d < devices; ++d) {
            const bool unknown = random.chance(0.5);
            const int h = addHost(random, "", unknown);
            Host &device = m_hosts[static_cast<std::size_t>(h)];
            if (!unknown && device.ip.find(':') == std::string::npos) {
                std::string dashed = device.ip;
                std::replace(dashed.begin(), dashed.end(), '.', '-');
                device.name = "dsl-" + dashed + ".dyn.isp.test";
                device.peer = device.name;
            } else {
                device.name = "unknown";
                device.peer = device.ip;
            }
            describeTls(random, device, false, false);
            device.trustFrom = "Anonymous";
            user.devices.push_back(h);
        }
        m_users.push_back(std::move(user));
    }
}

int MailWorld::addHost(Random &random, const std::string &name, bool unknown)
{
    Host host;
    host.ip = nextIp(random, random.chance(0.12));
    host.name = unknown || name.empty() ? std::string("unknown") : name;
    host.peer = host.name == "unknown" ? host.ip : lower(host.name);
    const double r = random.real();
    host.reply = r < 0.45 ? ReplyStyle::Postfix : r < 0.65 ? ReplyStyle::Exim : r < 0.85 ? ReplyStyle::Exchange
                                                                                : ReplyStyle::Generic;
    m_hosts.push_back(std::move(host));
    return static_cast<int>(m_hosts.size()) - 1;
}

std::string MailWorld::nextIp(Random &random, bool preferV6)
{
    if (!preferV6 && !m_freeV4.empty()) {
        std::string ip = std::move(m_freeV4.back());
        m_freeV4.pop_back();
        return ip;
    }
    std::string ip = "2001:db8:";
    appendHex(ip, static_cast<std::uint64_t>(0x100 + m_nextV6++), 1, false);
    ip += "::";
    appendHex(ip, random.below(0xfff) + 1, 1, false);
    return ip;
}

void MailWorld::describeTls(Random &random, Host &host, bool tls12, bool dhe)
{
    host.tlsFrom.clear();
    host.tlsTo.clear();
    if (dhe) {
        appendCipher(host.tlsFrom, "TLSv1.2", random.pick(kDhe));
        host.tlsTo = host.tlsFrom;
    } else if (tls12) {
        appendCipher(host.tlsFrom, "TLSv1.2", random.pick(kTls12));
        host.tlsTo = host.tlsFrom;
    } else {
        appendCipher(host.tlsFrom, "TLSv1.3", random.pick(kTls13));
        host.tlsTo = host.tlsFrom;
        // Older Postfix releases log no key-exchange/signature details.
        if (random.chance(0.85)) {
            const bool clientCertificate = random.chance(0.2);
            host.tlsFrom += " key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256";
            if (clientCertificate)
                host.tlsFrom += " client-signature ECDSA (P-256) client-digest SHA256";
            host.tlsTo += " key-exchange X25519 server-signature ";
            host.tlsTo += random.pick(kServerSignatures);
        }
    }
    const double r = random.real();
    host.trustFrom = r < 0.8 ? "Anonymous" : r < 0.92 ? "Untrusted" : "Trusted";
    const double s = random.real();
    host.trustTo = s < 0.55 ? "Trusted" : s < 0.75 ? "Verified" : "Untrusted";
    if (tls12 && !dhe && random.chance(0.12)) {
        // Anonymous cipher suites exist only up to TLS 1.2.
        host.tlsTo = "TLSv1.2 with cipher AECDH-AES256-SHA (256/256 bits)";
        host.trustTo = "Anonymous";
    }
}

int MailWorld::pickSite(Random &random) const
{
    const double u = random.real();
    const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
    const std::size_t index = static_cast<std::size_t>(it - m_cdf.begin());
    return static_cast<int>(std::min(index, m_cdf.size() - 1));
}

int MailWorld::pickPlaintextSite(Random &random) const
{
    if (m_plaintextSites.empty())
        return pickSite(random);
    // Favour the higher-ranked ones, as pickSite does.
    const std::size_t a = random.below(m_plaintextSites.size());
    const std::size_t b = random.below(m_plaintextSites.size());
    return m_plaintextSites[std::min(a, b)];
}

int MailWorld::pickBot(Random &random) const
{
    return m_bots[random.below(m_bots.size())];
}

const User &MailWorld::pickUser(Random &random) const
{
    // A few users send most of the mail.
    const std::size_t a = random.below(m_users.size());
    const std::size_t b = random.below(m_users.size());
    return m_users[std::min(a, b)];
}

const char *MailWorld::pickLocalMailbox(Random &random) const
{
    return random.pick(kMailboxes);
}

std::string MailWorld::senderAddress(Random &random, int site) const
{
    return std::string(random.pick(kSenderParts)) + "@" + m_sites[static_cast<std::size_t>(site)].domain;
}

std::string MailWorld::recipientAddress(Random &random, int site) const
{
    return std::string(random.pick(kRecipientParts)) + "@" + m_sites[static_cast<std::size_t>(site)].domain;
}

} // namespace mailtls::bench
