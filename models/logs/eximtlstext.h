#pragma once

#include <string>
#include <string_view>

#include "models/logs/logevent.h"

namespace mailtls {

// The TLS vocabulary of Exim's log lines: the X= cipher field as Exim writes it
// with OpenSSL and with GnuTLS, CV= as a trust level, and the words of TLS
// failures in both libraries' wordings.
class EximTlsText final
{
public:
    // X=<version>:<cipher>:<bits>, as Exim builds and versions log it:
    //   OpenSSL  "TLS1.3:TLS_AES_256_GCM_SHA384:256", older "TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256"
    //   GnuTLS   "TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256",
    //            "TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256"
    // with "*" after it when the session was resumed (+tls_resumption). The
    // version is given in OpenSSL's spelling, as Postfix logs it ("TLSv1.3",
    // "TLSv1" for 1.0, "SSLv3"), so that rows of both MTAs read alike; the key
    // exchange is what a GnuTLS TLS 1.3 name says ("X25519", "ffdhe3072").
    // False when the text has no version and cipher.
    static bool parseCipher(std::string_view text, TlsInfo &tls, bool *resumed = nullptr);

    // A key exchange group as OpenSSL names it: "X25519", "ffdhe3072", "secp256r1".
    static std::string groupName(std::string_view group);

    // CV=yes|no|dane as the trust level Postfix would have logged: outbound, a
    // verified server is Verified (by a CA or by DANE), an unverified one
    // Untrusted; inbound, a verified client certificate is Trusted, an
    // unverified one Untrusted and a client that sent none (no DN=) Anonymous.
    static Trust trust(std::string_view verified, bool inbound, bool hasPeerDn);

    // What TLS trouble a text names, in OpenSSL's and GnuTLS's wordings ("dh key
    // too small", "The Diffie-Hellman prime sent by the server is not
    // acceptable", …) and Exim's own; None when it names none. Words only,
    // never numeric codes.
    static TlsProblem classify(std::string_view text);

    // A delivery's error text that is about TLS: a TLS session that failed or
    // was required and not had, a STARTTLS the server refused, a DH group too
    // small. Other SMTP errors that merely mention TLS are not.
    static bool isTlsReason(std::string_view text);

    // The words of a TLS error text: "(SSL_connect): error:0A00018A:SSL
    // routines::dh key too small" says "dh key too small"; "(certificate
    // verification failed): certificate invalid" says "certificate invalid";
    // "(certificate verification failed)" alone says that.
    static std::string_view reason(std::string_view text);
};

} // namespace mailtls
