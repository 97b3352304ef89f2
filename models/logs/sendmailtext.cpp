#include "models/logs/sendmailtext.h"

#include "models/logs/postfixscanner.h"
#include "models/logs/postfixtlstext.h"

namespace mailtls {

namespace {

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '-';
}

// Length of "key" when `text` starts with "key=", else 0.
std::size_t keyLength(std::string_view text)
{
    std::size_t n = 0;
    bool letter = false;
    while (n < text.size() && isKeyChar(text[n])) {
        letter = letter || (text[n] >= 'a' && text[n] <= 'z') || (text[n] >= 'A' && text[n] <= 'Z');
        ++n;
    }
    return (n > 0 && letter && n < text.size() && text[n] == '=') ? n : 0;
}

bool isAddressChar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.'
        || c == ':';
}

std::string_view withoutIpv6Tag(std::string_view ip)
{
    if (ip.size() > 5 && SendmailText::equalsNoCase(ip.substr(0, 5), "IPv6:"))
        ip.remove_prefix(5);
    return ip;
}

} // namespace

bool SendmailText::Fields::next(std::string_view &key, std::string_view &value)
{
    const std::size_t keyEnd = keyLength(m_rest);
    if (keyEnd == 0)
        return false;
    key = m_rest.substr(0, keyEnd);
    std::string_view rest = m_rest.substr(keyEnd + 1);
    if (key == "stat") {
        value = rest;
        m_rest = std::string_view();
        return true;
    }
    std::size_t from = 0;
    for (;;) {
        const std::size_t comma = rest.find(", ", from);
        if (comma == std::string_view::npos) {
            value = rest;
            m_rest = std::string_view();
            return true;
        }
        if (keyLength(rest.substr(comma + 2)) != 0) {
            value = rest.substr(0, comma);
            m_rest = rest.substr(comma + 2);
            return true;
        }
        from = comma + 2;
    }
}

std::size_t SendmailText::parseRemote(std::string_view text, Remote &remote)
{
    remote = Remote();
    std::size_t p = 0;
    while (p < text.size() && text[p] == ' ')
        ++p;
    if (p < text.size() && text[p] == '[') {
        // "[IP]", or an address literal host followed by its address: "[IP] [IP]".
        const std::size_t close = text.find(']', p);
        if (close == std::string_view::npos)
            return 0;
        remote.ip = text.substr(p + 1, close - p - 1);
        p = close + 1;
    } else {
        const std::size_t start = p;
        while (p < text.size() && text[p] != ' ' && text[p] != ',')
            ++p;
        remote.host = text.substr(start, p - start);
        if (remote.host.empty())
            return 0;
    }
    if (text.substr(p, 2) == " [") {
        const std::size_t close = text.find(']', p + 2);
        if (close != std::string_view::npos) {
            remote.ip = text.substr(p + 2, close - p - 2);
            p = close + 1;
        }
    } else if (!remote.host.empty() && text.substr(p, 2) == " (") {
        // Sendmail before 8.10: "host (address)".
        const std::size_t close = text.find(')', p + 2);
        const std::string_view inner = close == std::string_view::npos
            ? std::string_view()
            : text.substr(p + 2, close - p - 2);
        bool address = !inner.empty();
        for (char c : inner)
            address = address && isAddressChar(c);
        if (address && inner != "may be forged") {
            remote.ip = inner;
            p = close + 1;
        }
    }
    constexpr std::string_view kForged = " (may be forged)";
    if (text.substr(p, kForged.size()) == kForged) {
        remote.forged = true;
        p += kForged.size();
    }
    remote.ip = withoutIpv6Tag(remote.ip);
    return p;
}

Trust SendmailText::trustFromVerify(std::string_view verify)
{
    if (verify == "OK")
        return Trust::Trusted;
    if (verify == "TRUSTED")
        return Trust::Verified;
    if (verify == "NO" || verify == "NOT")
        return Trust::Anonymous;
    if (verify == "FAIL" || verify == "TEMP" || verify == "PROTOCOL" || verify == "SOFTWARE"
        || startsWith(verify, "DANE_"))
        return Trust::Untrusted;
    return Trust::Unknown;
}

bool SendmailText::verifySaysEncrypted(std::string_view verify)
{
    return verify == "OK" || verify == "NO" || verify == "NOT" || verify == "FAIL" || verify == "TRUSTED"
        || verify == "DANE_FAIL";
}

TlsProblem SendmailText::classify(std::string_view text)
{
    if (containsNoCase(text, "dh key too small") || containsNoCase(text, "dh_key_too_small"))
        return TlsProblem::DhKeyTooSmall;
    const TlsProblem postfix = PostfixTlsText::classify(text);
    if (postfix != TlsProblem::None)
        return postfix;
    if (containsNoCase(text, "does not support STARTTLS"))
        return TlsProblem::NotOffered;
    // proto.m4's own rejections: "TLS handshake." (8.15+), "encryption too weak 56 less than 128".
    if (containsNoCase(text, "TLS handshake"))
        return TlsProblem::Handshake;
    if (containsNoCase(text, "encryption too weak"))
        return TlsProblem::Other;
    return TlsProblem::None;
}

TlsProblem SendmailText::classifyReject(std::string_view arg1, std::string_view text)
{
    // A TLS_Srv policy's "encryption too weak 0 less than 128" for a server
    // without STARTTLS (verify=NONE): no TLS at all, not too little of it.
    if (arg1 == "NONE" && containsNoCase(text, "encryption too weak 0 less than"))
        return TlsProblem::NotOffered;
    const TlsProblem problem = classify(text);
    if (problem != TlsProblem::None)
        return problem;
    if (arg1 == "SOFTWARE")
        return TlsProblem::Handshake;
    if (arg1 == "NONE")
        return TlsProblem::NotOffered;
    // "authentication failed", "not authenticated", "CN … does not match": the
    // certificate did not satisfy the TLS_Srv policy.
    if (arg1 == "FAIL" || arg1 == "NO" || arg1 == "NOT" || startsWith(arg1, "DANE_")
        || containsNoCase(text, "authenticat"))
        return TlsProblem::Certificate;
    return TlsProblem::Other;
}

bool SendmailText::isConnectFailure(std::string_view reason)
{
    // ETIMEDOUT gives "Connection timed out with H" (the " during PHASE" that
    // sm_errstring() appends lands past the string's end), ECONNREFUSED
    // "Connection refused by H", EHOSTDOWN "Host H is down", the others
    // strerror() alone.
    for (std::string_view words :
         {"Connection timed out", "Connection refused by ", "No route to host", "Network is unreachable"}) {
        if (startsWith(reason, words))
            return true;
    }
    return startsWith(reason, "Host ") && reason.find(" is down") != std::string_view::npos;
}

std::string_view SendmailText::withoutReplyCodes(std::string_view text)
{
    auto skipCode = [&text](auto isCode) {
        const std::size_t space = text.find(' ');
        if (space != std::string_view::npos && space > 0 && isCode(text.substr(0, space)))
            text.remove_prefix(space + 1);
    };
    skipCode([](std::string_view word) {
        return word.size() == 3 && word[0] >= '2' && word[0] <= '5' && word[1] >= '0' && word[1] <= '9'
            && word[2] >= '0' && word[2] <= '9';
    });
    skipCode([](std::string_view word) {
        if (word.size() < 5 || word[1] != '.' || word[0] < '2' || word[0] > '5')
            return false;
        for (char c : word) {
            if (!(c == '.' || (c >= '0' && c <= '9')))
                return false;
        }
        return true;
    });
    return text;
}

bool SendmailText::containsNoCase(std::string_view text, std::string_view needle)
{
    return PostfixScanner::findNoCase(text, needle) != std::string_view::npos;
}

bool SendmailText::equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x + ('a' - 'A'));
        if (y >= 'A' && y <= 'Z')
            y = char(y + ('a' - 'A'));
        if (x != y)
            return false;
    }
    return true;
}

} // namespace mailtls
