#pragma once

#include <string_view>

#include "models/logs/logevent.h"

namespace mailtls {

// The vocabulary of Sendmail lines: its "key=value, key=value" fields, the
// way it names a remote end, its ${verify} words and the words that name a
// TLS failure.
class SendmailText final
{
public:
    // One "key=value" after another, split at ", " where a new key begins
    // (values may hold ", " themselves: "ctladdr=<a> (8/0)", "stat=Sent (ok, 2 of 2)").
    // stat= is always Sendmail's last field: its value runs to the end.
    class Fields final
    {
    public:
        explicit Fields(std::string_view text) : m_rest(text) {}
        // False at the end, or where the text does not continue with "key=".
        bool next(std::string_view &key, std::string_view &value);
        std::string_view rest() const { return m_rest; }

    private:
        std::string_view m_rest;
    };

    // The remote end of a relay= value or of a line's text: "H [IP]",
    // "H. [IP]", "[IP]", "[IP] [IP]", "H [IPv6:…]", "H (IP)" (old Sendmail),
    // any of them with " (may be forged)"; "H." alone (a client line); "local".
    // `host` is empty for an address literal. Returns the length consumed.
    struct Remote
    {
        std::string_view host;
        std::string_view ip;
        bool forged = false;
    };
    static std::size_t parseRemote(std::string_view text, Remote &remote);

    // Sendmail's ${verify} on a STARTTLS= line, as the project's Trust:
    //   OK                              Trusted: the chain verified against the CAs
    //                                   Sendmail knows; it does not match the name
    //                                   (that is left to rulesets), Postfix's "Trusted".
    //   TRUSTED                         Verified: the certificate matched the peer's
    //                                   DANE TLSA records (Sendmail 8.16+).
    //   FAIL, TEMP, PROTOCOL, SOFTWARE, Untrusted: a certificate was presented but not
    //   DANE_FAIL, other DANE_*         (or not fully) verified; the session is still
    //                                   encrypted. (TEMP, PROTOCOL and SOFTWARE name a
    //                                   STARTTLS that did not complete; on a line that
    //                                   says it did, nothing was verified.)
    //   NO, NOT                         Anonymous: no certificate was presented (NO) or
    //                                   asked for (NOT), Postfix's "Anonymous".
    //   NONE, CLEAR, CONFIG, other      Unknown: no verification result at all.
    static Trust trustFromVerify(std::string_view verify);
    // Whether a ${verify} word (8.16's tls_verify= on from= and to= lines) says
    // that STARTTLS completed: OK, NO, NOT, FAIL, TRUSTED, DANE_FAIL. NONE and
    // CLEAR (no STARTTLS), SOFTWARE (the handshake failed), TEMP and PROTOCOL
    // (the STARTTLS command itself failed) say it did not.
    static bool verifySaysEncrypted(std::string_view verify);

    // What TLS trouble a text names: OpenSSL's and Sendmail's words, "dh key
    // too small" in every wording OpenSSL has used (SSL3_CHECK_CERT_AND_ALGORITHM,
    // tls_process_ske_dhe, OpenSSL 3's "SSL routines::", SSL_R_DH_KEY_TOO_SMALL).
    // Never numeric codes. None when the text names no TLS trouble.
    static TlsProblem classify(std::string_view text);
    // A tls_server rejection: its text first, else what ${verify} (arg1) says.
    static TlsProblem classifyReject(std::string_view arg1, std::string_view text);

    // An SMTP reply without its codes: "403 4.7.0 TLS handshake failed." gives
    // "TLS handshake failed.".
    static std::string_view withoutReplyCodes(std::string_view text);

    // A deferral or bounce reason (after "Deferred: ") that says the connect()
    // itself failed, as Sendmail's sm_errstring() words it: no connection was
    // made. "Connection reset by H" is not one: that connection was open.
    static bool isConnectFailure(std::string_view reason);

    static bool startsWith(std::string_view text, std::string_view prefix)
    {
        return text.substr(0, prefix.size()) == prefix;
    }
    static bool containsNoCase(std::string_view text, std::string_view needle);
    static bool equalsNoCase(std::string_view a, std::string_view b);
};

} // namespace mailtls
