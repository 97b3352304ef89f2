#pragma once

#include <string_view>

#include "models/logs/logevent.h"

namespace mailtls {

// The TLS vocabulary of Postfix lines: the one-line TLS summary that
// tls_log_summary() writes, and the words that name a TLS failure in
// OpenSSL's and Postfix's many wordings.
class PostfixTlsText final
{
public:
    // "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 …"
    // — the part after "H[IP]: ". False when it is not that shape.
    static bool parseSummary(std::string_view text, TlsInfo &tls);

    // "Anonymous", "Untrusted", "Trusted", "Verified"; Unknown otherwise.
    static Trust trustFromWord(std::string_view word);

    // Group size of a TLS 1.3 key exchange name: 253 for X25519, 2048 for
    // ffdhe2048, 384 for secp384r1/P-384, …; 0 when not derivable.
    static int keyExchangeBits(std::string_view name);

    // The cipher suite uses finite-field Diffie-Hellman (DHE-, EDH-, ADH-,
    // TLS_DHE_), not elliptic-curve DH.
    static bool isFiniteFieldDhe(std::string_view cipher);

    // What TLS trouble a text names (a failure line's detail or a deferral
    // reason). Matches words, never OpenSSL's numeric codes.
    static TlsProblem classify(std::string_view text);
};

} // namespace mailtls
