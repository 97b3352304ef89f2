#include "models/logs/assemblerpeer.h"

#include <charconv>

namespace mailtls::assembler {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(text[i]) != prefix[i])
            return false;
    }
    return true;
}

} // namespace

void normalisePeerName(std::string_view host, std::string_view ip, AssemblerText &out)
{
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    out.assignLower(host.empty() || host == "unknown" ? ip : host);
}

bool isLoopback(std::string_view ip)
{
    if (startsWithNoCase(ip, "ipv6:"))
        ip.remove_prefix(5);
    if (startsWithNoCase(ip, "::ffff:"))
        ip.remove_prefix(7);
    return startsWith(ip, "127.") || ip == "::1" || ip == "0:0:0:0:0:0:0:1";
}

bool isLocalHop(Daemon daemon, std::string_view host, std::string_view ip)
{
    switch (daemon) {
    case Daemon::Lmtp:
    case Daemon::Local:
    case Daemon::Virtual:
    case Daemon::Pipe:
    case Daemon::Discard:
    case Daemon::Error:
        return true;
    default:
        break;
    }
    if (ip.empty() && (host == "none" || host == "local"))
        return true;
    for (std::string_view where : {ip, host}) {
        if (startsWith(where, "private/") || startsWith(where, "public/"))
            return true;
    }
    return isLoopback(ip);
}

void setPeer(PeerState &peer, Daemon daemon, std::string_view host, std::string_view ip, int port,
             AssemblerStrings &strings)
{
    normalisePeerName(host, ip, peer.name);
    peer.ip.assignLower(ip);
    peer.nameRef = strings.ref(peer.name);
    peer.ipRef = strings.ref(peer.ip);
    peer.port = port;
    peer.local = isLocalHop(daemon, host, ip);
}

void makeRelayKey(std::string_view host, std::string_view ip, int port, std::string &out)
{
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    // Written in place: `out` keeps its buffer from line to line.
    constexpr std::size_t kPortDigits = 12;
    out.resize(host.size() + ip.size() + 3 + kPortDigits);
    char *p = out.data();
    AssemblerText::lowerAscii(p, host.data(), host.size());
    p += host.size();
    *p++ = '[';
    AssemblerText::lowerAscii(p, ip.data(), ip.size());
    p += ip.size();
    *p++ = ']';
    *p++ = ':';
    p = std::to_chars(p, p + kPortDigits, port).ptr;
    out.resize(std::size_t(p - out.data()));
}

namespace {

int problemRank(TlsProblem problem)
{
    switch (problem) {
    case TlsProblem::DhKeyTooSmall: return 7;
    case TlsProblem::Certificate: return 6;
    case TlsProblem::NotOffered: return 5;
    case TlsProblem::Handshake: return 4;      // OpenSSL's reason: "no shared cipher", …
    case TlsProblem::CannotStart: return 3;    // Postfix's summary: "handshake failure"
    case TlsProblem::LostAfterStarttls: return 2;
    case TlsProblem::Other: return 1;
    case TlsProblem::None: return 0;
    }
    return 0;
}

} // namespace

int problemScore(TlsProblem problem, std::string_view text)
{
    bool words = false;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            words = true;
            break;
        }
    }
    return (words ? 16 : 0) + problemRank(problem);
}

std::string_view readableReason(std::string_view text)
{
    // [pid:]error:code:library:function:reason:file:line:data (OpenSSL 1.0 to 3.x)
    std::string_view rest = text;
    const std::size_t error = rest.find("error:");
    if (error == std::string_view::npos)
        return text;
    for (char c : rest.substr(0, error)) {
        if (!(c >= '0' && c <= '9') && c != ':')
            return text;
    }
    rest.remove_prefix(error);
    for (int field = 0; field < 4; ++field) {
        const std::size_t colon = rest.find(':');
        if (colon == std::string_view::npos)
            return text;
        rest.remove_prefix(colon + 1);
    }
    const std::string_view reason = rest.substr(0, rest.find(':'));
    return reason.empty() ? text : reason;
}

} // namespace mailtls::assembler
