#include "models/logs/assemblerpeer.h"

#include <charconv>
#include <cstring>

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

// The text a peer's name is made of: the host without its trailing dot, or the
// address for "unknown" or none.
std::string_view nameText(std::string_view host, std::string_view ip)
{
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    return host.empty() || host == "unknown" ? ip : host;
}

// Eight bytes at a time, as AssemblerText::lowerAscii() finds them.
bool hasUpper(std::string_view text)
{
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    constexpr std::uint64_t kLows = 0x7f7f7f7f7f7f7f7fULL;
    const char *p = text.data();
    std::size_t n = text.size();
    while (n > 0) {
        const std::size_t k = n < 8 ? n : 8;
        std::uint64_t w = 0;
        std::memcpy(&w, p, k);
        const std::uint64_t low = w & kLows;
        if ((~w & (low + 0x3f3f3f3f3f3f3f3fULL) & ~(low + 0x2525252525252525ULL) & kHighs) != 0)
            return true;
        p += k;
        n -= k;
    }
    return false;
}

void normalisePeerName(std::string_view host, std::string_view ip, AssemblerText &out)
{
    out.assignLower(nameText(host, ip));
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
             AssemblerStrings &strings, const AssemblerHints *hints)
{
    const bool known = hints && hints->peerSet;
    if (known && hints->lowerCase) {
        peer.name.assign(nameText(host, ip));
        peer.ip.assign(ip);
    } else {
        normalisePeerName(host, ip, peer.name);
        peer.ip.assignLower(ip);
    }
    peer.nameRef = strings.ref(peer.name, known ? hints->peerName : 0);
    peer.ipRef = strings.ref(peer.ip, known ? hints->peerIp : 0);
    peer.port = port;
    peer.local = isLocalHop(daemon, host, ip);
}

void peerHints(std::string_view host, std::string_view ip, AssemblerHints &hints)
{
    const std::string_view name = nameText(host, ip);
    hints.lowerCase = !hasUpper(host) && !hasUpper(ip);
    hints.peerName = hints.lowerCase ? AssemblerStrings::hash(name) : AssemblerStrings::hashLower(name);
    hints.peerIp = hints.lowerCase ? AssemblerStrings::hash(ip) : AssemblerStrings::hashLower(ip);
    hints.peerSet = true;
}

std::string_view relayKey(std::string_view host, std::string_view ip, int port, std::string &buffer)
{
    constexpr std::size_t kPortDigits = 12;
    char digits[kPortDigits];
    const std::size_t digitCount = std::size_t(std::to_chars(digits, digits + kPortDigits, port).ptr - digits);
    // "host[ip]:port" as the line has it: the parser found the port right after
    // "]:" (a port above 0 says so), so the bytes up to its digits are there.
    if (port > 0 && !host.empty() && host.back() != '.' && !ip.empty()
        && ip.data() == host.data() + host.size() + 1 && host.data()[host.size()] == '['
        && ip.data()[ip.size()] == ']' && ip.data()[ip.size() + 1] == ':'
        && std::memcmp(ip.data() + ip.size() + 2, digits, digitCount) == 0 && !hasUpper(host) && !hasUpper(ip))
        return std::string_view(host.data(), host.size() + ip.size() + 3 + digitCount);

    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    // Written in place: `buffer` keeps its room from line to line.
    std::string &out = buffer;
    out.resize(host.size() + ip.size() + 3 + kPortDigits);
    char *p = out.data();
    AssemblerText::lowerAscii(p, host.data(), host.size());
    p += host.size();
    *p++ = '[';
    AssemblerText::lowerAscii(p, ip.data(), ip.size());
    p += ip.size();
    *p++ = ']';
    *p++ = ':';
    std::memcpy(p, digits, digitCount);
    p += digitCount;
    out.resize(std::size_t(p - out.data()));
    return out;
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
