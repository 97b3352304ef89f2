#include "models/logs/eximtlstext.h"

#include "models/logs/assemblerpeer.h"
#include "models/logs/postfixscanner.h"
#include "models/logs/postfixtlstext.h"

namespace mailtls {

namespace {

bool has(std::string_view text, std::string_view words)
{
    return PostfixScanner::findNoCase(text, words) != std::string_view::npos;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && PostfixScanner::findNoCase(text.substr(0, prefix.size()), prefix) == 0;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "TLS1.3" → "TLSv1.3": OpenSSL's names, which Postfix logs.
std::string_view protocolName(std::string_view version)
{
    struct Name
    {
        std::string_view exim;
        std::string_view openssl;
    };
    static constexpr Name names[] = {
        {"TLS1.3", "TLSv1.3"}, {"TLS1.2", "TLSv1.2"}, {"TLS1.1", "TLSv1.1"}, {"TLS1.0", "TLSv1"},
        {"TLS1", "TLSv1"},     {"SSL3.0", "SSLv3"},   {"SSL3", "SSLv3"},     {"TLSv1.0", "TLSv1"},
    };
    for (const Name &name : names) {
        if (version == name.exim)
            return name.openssl;
    }
    return version;
}

int readBits(std::string_view text)
{
    if (text.empty() || text.size() > 6)
        return 0;
    int value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return 0;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isGnuTlsFiniteFieldDhe(std::string_view cipher)
{
    // GnuTLS names: DHE_RSA_AES_256_GCM_SHA384, DHE_PSK_…, ANON_DH_…, and for
    // TLS 1.3 DHE_FFDHE3072__RSA_PSS_RSAE_SHA256__AES_256_GCM.
    return PostfixScanner::startsWith(cipher, "DHE_") || PostfixScanner::startsWith(cipher, "ANON_DH_");
}

} // namespace

std::string EximTlsText::groupName(std::string_view group)
{
    std::string name(group);
    // X25519 and X448 keep their capital; the rest are lower-case in OpenSSL.
    if (startsWithNoCase(group, "x25519") || startsWithNoCase(group, "x448")) {
        name[0] = 'X';
        return name;
    }
    for (char &c : name) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + ('a' - 'A'));
    }
    return name;
}

bool EximTlsText::parseCipher(std::string_view text, TlsInfo &tls, bool *resumed)
{
    bool star = false;
    while (!text.empty() && text.back() == '*') {
        star = true;
        text.remove_suffix(1);
    }
    const std::size_t first = text.find(':');
    if (first == std::string_view::npos || first == 0)
        return false;
    const std::string_view version = text.substr(0, first);
    std::string_view cipher = text.substr(first + 1);
    int bits = 0;
    const std::size_t last = cipher.rfind(':');
    if (last != std::string_view::npos) {
        bits = readBits(cipher.substr(last + 1));
        cipher = cipher.substr(0, last);
    }
    if (cipher.empty())
        return false;

    tls.protocol = protocolName(version);
    tls.cipher = cipher;
    tls.cipherBits = bits;
    tls.keyExchange = std::string_view();
    tls.keyExchangeBits = 0;
    tls.dhe = PostfixTlsText::isFiniteFieldDhe(cipher) || isGnuTlsFiniteFieldDhe(cipher);
    // GnuTLS's TLS 1.3 names start with the key exchange and its group:
    // "ECDHE_X25519__…", "DHE_FFDHE3072__…", "ECDHE_SECP384R1__…".
    const std::size_t groupEnd = cipher.find("__");
    if (groupEnd != std::string_view::npos) {
        const std::string_view exchange = cipher.substr(0, groupEnd);
        const std::size_t underscore = exchange.find('_');
        if (underscore != std::string_view::npos && underscore + 1 < exchange.size()) {
            const std::string_view group = exchange.substr(underscore + 1);
            tls.keyExchange = group;
            tls.keyExchangeBits = PostfixTlsText::keyExchangeBits(groupName(group));
        }
    }
    if (resumed)
        *resumed = star;
    return true;
}

Trust EximTlsText::trust(std::string_view verified, bool inbound, bool hasPeerDn)
{
    if (verified == "dane")
        return Trust::Verified;
    if (verified == "yes")
        return inbound ? Trust::Trusted : Trust::Verified;
    if (verified == "no") {
        if (inbound && !hasPeerDn)
            return Trust::Anonymous;
        return Trust::Untrusted;
    }
    return Trust::Unknown;
}

TlsProblem EximTlsText::classify(std::string_view text)
{
    // The most specific wording first: a DH group refused is also a failed
    // handshake, and GnuTLS words it differently from OpenSSL.
    if (has(text, "dh key too small") || has(text, "dh_key_too_small")
        || has(text, "Diffie-Hellman prime sent by the server is not acceptable")
        || has(text, "dh prime") || has(text, "dh_prime"))
        return TlsProblem::DhKeyTooSmall;
    if (has(text, "did not offer TLS support"))
        return TlsProblem::NotOffered;
    if (has(text, "attempt to start TLS failed") || has(text, "after STARTTLS"))
        return TlsProblem::CannotStart;
    const TlsProblem postfix = PostfixTlsText::classify(text);
    if (postfix != TlsProblem::None)
        return postfix;
    if (has(text, "certificate invalid") || has(text, "certificate revoked")
        || has(text, "certificate status") || has(text, "certificate has expired")
        || has(text, "Verification failed") || has(text, "did not send any certificate")
        || has(text, "certificate is bad") || has(text, "certificate expired")
        || has(text, "unknown ca") || has(text, "bad certificate"))
        return TlsProblem::Certificate;
    if (has(text, "gnutls_handshake") || has(text, "SSL_connect") || has(text, "SSL_accept")
        || has(text, "handshake") || has(text, "Could not negotiate a supported cipher")
        || has(text, "fatal alert") || has(text, "unexpected TLS packet")
        || has(text, "non-properly terminated") || has(text, "ALPN") || has(text, "insufficient security")
        || has(text, "inappropriate fallback") || has(text, "protocol version"))
        return TlsProblem::Handshake;
    return TlsProblem::None;
}

bool EximTlsText::isTlsReason(std::string_view text)
{
    return PostfixScanner::contains(text, "TLS session") || PostfixScanner::contains(text, "TLS error")
        || has(text, "a TLS session is required") || PostfixScanner::contains(text, "after STARTTLS")
        || has(text, "dh key too small") || has(text, "Diffie-Hellman prime");
}

std::string_view EximTlsText::reason(std::string_view text)
{
    auto trim = [](std::string_view t) {
        while (!t.empty() && (t.front() == ' ' || t.front() == ':'))
            t.remove_prefix(1);
        while (!t.empty() && t.back() == ' ')
            t.remove_suffix(1);
        return t;
    };
    text = trim(text);
    if (PostfixScanner::startsWith(text, "TLS session:"))
        text = trim(text.substr(12));
    if (!text.empty() && text.front() == '(') {
        // "(function): detail" or "(function) detail": the detail says it;
        // the function's name only when nothing follows it.
        const std::size_t close = text.find(')');
        if (close != std::string_view::npos) {
            const std::string_view inside = text.substr(1, close - 1);
            const std::string_view detail = trim(text.substr(close + 1));
            if (detail.empty())
                return inside;
            text = detail;
        }
    }
    return assembler::readableReason(text);
}

} // namespace mailtls
