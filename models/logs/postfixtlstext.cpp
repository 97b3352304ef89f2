#include "models/logs/postfixtlstext.h"

#include <cstddef>

#include "models/logs/postfixscanner.h"

namespace mailtls {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int trailingNumber(std::string_view text)
{
    std::size_t p = text.size();
    while (p > 0 && isDigit(text[p - 1]))
        --p;
    if (p == text.size() || text.size() - p > 6)
        return 0;
    int value = 0;
    for (std::size_t i = p; i < text.size(); ++i)
        value = value * 10 + (text[i] - '0');
    return value;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && PostfixScanner::findNoCase(a, b) == 0;
}

bool has(std::string_view text, std::string_view words)
{
    return PostfixScanner::findNoCase(text, words) != std::string_view::npos;
}

} // namespace

Trust PostfixTlsText::trustFromWord(std::string_view word)
{
    if (word == "Anonymous")
        return Trust::Anonymous;
    if (word == "Untrusted")
        return Trust::Untrusted;
    if (word == "Trusted")
        return Trust::Trusted;
    if (word == "Verified")
        return Trust::Verified;
    return Trust::Unknown;
}

int PostfixTlsText::keyExchangeBits(std::string_view name)
{
    if (equalsNoCase(name, "X25519"))
        return 253;
    if (equalsNoCase(name, "X448"))
        return 448;
    if (PostfixScanner::startsWith(name, "ffdhe"))
        return trailingNumber(name);
    if (name == "secp256r1" || name == "prime256v1" || name == "P-256"
        || name == "brainpoolP256r1" || name == "brainpoolP256r1tls13")
        return 256;
    if (name == "secp384r1" || name == "P-384" || name == "brainpoolP384r1"
        || name == "brainpoolP384r1tls13")
        return 384;
    if (name == "secp521r1" || name == "P-521")
        return 521;
    if (name == "brainpoolP512r1" || name == "brainpoolP512r1tls13")
        return 512;
    return 0;
}

bool PostfixTlsText::isFiniteFieldDhe(std::string_view cipher)
{
    // Every finite-field DH suite name below has "DH" in it; most suites do not.
    if (!PostfixScanner::contains(cipher, "DH"))
        return false;
    if (PostfixScanner::contains(cipher, "ECDHE") || PostfixScanner::contains(cipher, "AECDH"))
        return false;
    return PostfixScanner::startsWith(cipher, "DHE-") || PostfixScanner::contains(cipher, "-DHE-")
        || PostfixScanner::startsWith(cipher, "EDH-") || PostfixScanner::contains(cipher, "-EDH-")
        || PostfixScanner::startsWith(cipher, "ADH-") || PostfixScanner::startsWith(cipher, "TLS_DHE_");
}

bool PostfixTlsText::parseSummary(std::string_view text, TlsInfo &tls)
{
    PostfixScanner s(text);
    const std::string_view protocol = s.consumeUntil(' ');
    if (protocol.empty() || !s.consume(" with cipher "))
        return false;
    const std::string_view cipher = s.consumeUntil(' ');
    if (cipher.empty())
        return false;
    int useBits = 0;
    int algBits = 0;
    if (!s.consume(" (") || !s.consumeInt(useBits) || !s.consume('/') || !s.consumeInt(algBits)
        || !s.consume(" bits)"))
        return false;
    tls.protocol = protocol;
    tls.cipher = cipher;
    tls.cipherBits = useBits;
    tls.dhe = isFiniteFieldDhe(cipher);
    tls.keyExchange = {};
    tls.keyExchangeBits = 0;

    // TLS 1.3 details: " key-exchange X25519", " key-exchange DHE (2048 bits)",
    // " key-exchange ECDHE (secp384r1)", then server-/client-signature parts.
    if (s.consume(" key-exchange ")) {
        std::string_view name = s.consumeUntil(' ');
        int bits = 0;
        if (s.consume(" (")) {
            PostfixScanner inner(s.rest());
            int value = 0;
            if (inner.consumeInt(value) && inner.consume(" bits)")) {
                bits = value;
                s = inner;
            } else {
                const std::string_view curve = s.consumeUntil(')');
                if (s.consume(')') && !curve.empty())
                    name = curve;
            }
        }
        tls.keyExchange = name;
        tls.keyExchangeBits = bits > 0 ? bits : keyExchangeBits(name);
    }
    return true;
}

TlsProblem PostfixTlsText::classify(std::string_view text)
{
    // Order matters: the most specific wording wins (a DH failure is also a
    // handshake failure, a handshake failure may also say "Cannot start TLS").
    if (has(text, "dh key too small"))
        return TlsProblem::DhKeyTooSmall;
    if (has(text, "TLS is required, but was not offered"))
        return TlsProblem::NotOffered;
    if (has(text, "certificate verification failed") || has(text, "certificate not verified")
        || has(text, "certificate not trusted") || has(text, "untrusted issuer")
        || has(text, "hostname not verified") || has(text, "name mismatch")
        || has(text, "certificate verify failed"))
        return TlsProblem::Certificate;
    if (has(text, "Cannot start TLS") || has(text, "refused to start TLS"))
        return TlsProblem::CannotStart;
    if (has(text, "lost connection after STARTTLS"))
        return TlsProblem::LostAfterStarttls;
    if (has(text, "handshake failure") || has(text, "SSL_connect error")
        || has(text, "SSL_accept error") || has(text, "TLS handshake failed")
        || has(text, "wrong version number") || has(text, "no shared cipher")
        || has(text, "unsupported protocol") || has(text, "no protocols available")
        || has(text, "sslv3 alert") || has(text, "tlsv1 alert") || has(text, "no suitable")
        || has(text, "unexpected eof") || has(text, "version too low"))
        return TlsProblem::Handshake;
    return TlsProblem::None;
}

} // namespace mailtls
