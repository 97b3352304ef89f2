#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tests/bench/loggen/random.h"

namespace mailtls::bench {

// How a remote MTA behaves when it delivers to us.
enum class InboundTls {
    Tls,         // STARTTLS
    Plaintext,   // never tries
    Broken,      // tries, fails the handshake, comes back in plaintext
};

// How a remote MX behaves when we deliver to it.
enum class OutboundTls {
    Tls,
    Plaintext,         // offers no STARTTLS
    DhTooSmall,        // TLS 1.2 with a 1024-bit DH group our OpenSSL refuses
    HandshakeFails,    // the handshake breaks off
    NotOffered,        // our policy requires TLS for it; it offers none
    CertificateFails,  // self-signed: verification fails, opportunistic TLS goes on
    Unreachable,       // connect() times out
};

enum class ReplyStyle { Postfix, Exim, Exchange, Generic };

struct Host
{
    std::string name;      // as Postfix logs it ("unknown" without reverse DNS)
    std::string ip;
    std::string peer;      // the COUNTING.md peer name: lower-case name, or the IP
    std::string dnsName;   // forward-confirm failure: "hostname X does not resolve"
    std::string tlsFrom;   // text of an smtpd TLS line after "H[IP]: "
    std::string tlsTo;     // text of an smtp TLS line after "H[IP]:25: "
    const char *trustFrom = "Anonymous";
    const char *trustTo = "Trusted";
    OutboundTls outbound = OutboundTls::Tls;
    ReplyStyle reply = ReplyStyle::Postfix;

    // The one cached plaintext connection to this host, if any (Postfix caches
    // plaintext connections only, for smtp_connection_cache_time_limit = 2 s).
    std::int64_t cacheFreeAt = -1;
    std::int64_t cacheExpires = -1;
    int cacheUses = 0;
};

struct Site
{
    std::string domain;
    std::vector<int> senders;   // hosts that deliver to us
    std::vector<int> mxs;       // hosts we deliver to
    InboundTls inbound = InboundTls::Tls;
    bool greylists = false;
};

struct User
{
    std::string address;
    std::vector<int> devices;   // submission clients (hosts)
};

// The remote sites, their hosts, the bots and our users. Sites are ranked: a
// Zipf-like draw makes the first few carry most of the traffic. The first ranks
// get every interesting behaviour, so that even a short log shows each one.
class MailWorld final
{
public:
    static constexpr const char *ownName = "mail.example.org";
    static constexpr const char *ownIp = "192.0.2.10";
    static constexpr const char *ownDomain = "example.org";

    MailWorld(Random &random, int siteCount);

    int siteCount() const { return static_cast<int>(m_sites.size()); }
    const Site &site(int index) const { return m_sites[static_cast<std::size_t>(index)]; }
    Host &host(int index) { return m_hosts[static_cast<std::size_t>(index)]; }
    const std::vector<User> &users() const { return m_users; }

    int pickSite(Random &random) const;
    // A site whose MX takes plaintext: bursts to it show cached connections.
    int pickPlaintextSite(Random &random) const;
    int pickBot(Random &random) const;
    const User &pickUser(Random &random) const;
    const char *pickLocalMailbox(Random &random) const;

    std::string senderAddress(Random &random, int site) const;
    std::string recipientAddress(Random &random, int site) const;

private:
    int addHost(Random &random, const std::string &name, bool unknown);
    std::string nextIp(Random &random, bool preferV6);
    void describeTls(Random &random, Host &host, bool tls12, bool dhe);

    std::vector<Host> m_hosts;
    std::vector<Site> m_sites;
    std::vector<double> m_cdf;
    std::vector<int> m_bots;
    std::vector<int> m_plaintextSites;
    std::vector<User> m_users;
    std::vector<std::string> m_freeV4;
    int m_nextV6 = 1;
};

} // namespace mailtls::bench
