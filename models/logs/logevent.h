#pragma once

#include <cstdint>
#include <string_view>

namespace mailtls {

// What one Postfix log line says, as far as counting is concerned (see
// COUNTING.md). Produced by PostfixParser, consumed in order by
// SessionAssembler. String views point into the line buffer.
enum class EventKind : std::uint8_t {
    Unrecognised,       // no rule knows this line: counted per program, never guessed at
    Ignored,            // a known line that changes no figure

    // smtpd (inbound / submission), keyed by pid
    SmtpdConnect,       // connect from H[IP]
    SmtpdDisconnect,    // disconnect from H[IP] [stats]
    SmtpdClient,        // QUEUEID: client=H[IP][, sasl_method=…][, sasl_username=…]
    SmtpdTlsEstablished,// <Trust> TLS connection established from H[IP]: …
    SmtpdTlsFailure,    // SSL_accept error from H[IP]: …, lost connection after STARTTLS from H[IP]

    // qmgr
    QmgrFrom,           // QUEUEID: from=<…>, size=N, nrcpt=N (queue active)
    QmgrRemoved,        // QUEUEID: removed

    // delivery agents: smtp, lmtp, local, virtual, pipe, discard, error
    Delivery,           // QUEUEID: to=<…>, [orig_to=<…>,] relay=…, …, status=…

    // smtp (outbound), keyed by pid
    SmtpTlsEstablished, // <Trust> TLS connection established to H[IP]:PORT: …
    SmtpTlsReused,      // <Trust> TLS connection reused to H[IP]:PORT: …
    SmtpTlsFailure,     // SSL_connect error to …, certificate verification failed for …,
                        // warning: TLS library problem: …, QUEUEID: Cannot start TLS: …
};

// The Postfix daemon a line came from (last component of the program name).
enum class Daemon : std::uint8_t {
    Other, Smtpd, Smtp, Lmtp, Local, Virtual, Pipe, Discard, Error, Qmgr, Cleanup,
    Pickup, Postscreen, Tlsproxy, Bounce, Anvil, Master, Scache, Trivial, Postdrop, Sendmail,
    Dnsblog, Tlsmgr, Verify, Flush, Showq, Proxymap, Spawn, Postsuper, Qmqpd, Oqmgr,
};

enum class Trust : std::uint8_t { Unknown, Anonymous, Untrusted, Trusted, Verified };

enum class DeliveryStatus : std::uint8_t { Other, Sent, Deferred, Bounced, Expired };

// What kind of TLS trouble a failure line or a deferral reason names.
enum class TlsProblem : std::uint8_t {
    None,
    NotOffered,         // "TLS is required, but was not offered by host …"
    CannotStart,        // "Cannot start TLS: handshake failure" and friends
    Handshake,          // SSL_connect / SSL_accept error, handshake failure
    DhKeyTooSmall,      // "dh key too small" in any OpenSSL wording
    Certificate,        // certificate verification failed / untrusted issuer / …
    LostAfterStarttls,  // lost connection after STARTTLS
    Other,
};

struct TlsInfo
{
    Trust trust = Trust::Unknown;
    std::string_view protocol;      // "TLSv1.3"
    std::string_view cipher;        // "TLS_AES_256_GCM_SHA384"
    int cipherBits = 0;             // 256 (of "256/256 bits")
    std::string_view keyExchange;   // "X25519", "ffdhe2048", "secp384r1" (TLS 1.3 suffix only)
    int keyExchangeBits = 0;        // 253 for X25519, 2048 for ffdhe2048, when logged
    bool dhe = false;               // cipher suite uses finite-field DH (DHE/EDH/ADH)
};

struct LogEvent
{
    EventKind kind = EventKind::Unrecognised;
    Daemon daemon = Daemon::Other;
    std::string_view service;       // master.cf service / syslog_name middle part:
                                    // "submission" of postfix/submission/smtpd, empty if none
    std::string_view queueId;

    // The remote end named by the line: H[IP] or H[IP]:PORT, or the relay= field.
    std::string_view host;          // as logged ("unknown", "mx1.Example.COM", "none", "local")
    std::string_view ip;            // "192.0.2.1", "2001:db8::1", "private/dovecot-lmtp", or empty
    int port = 0;

    // Delivery lines
    std::string_view recipient;     // to=<…> without brackets
    std::string_view origRecipient; // orig_to=<…>
    std::string_view statusText;    // text in the parentheses after status=…
    DeliveryStatus status = DeliveryStatus::Other;
    int connUse = 0;                // conn_use=N, 0 when absent
    bool hasTlsField = false;       // Postfix 3.11+ "tls=…" present
    bool tlsFieldEncrypted = false; // tls= said the connection was encrypted

    // qmgr from= lines
    std::string_view sender;        // from=<…> without brackets
    std::int64_t size = -1;
    int nrcpt = 0;

    // smtpd client= lines and disconnect statistics
    bool authenticated = false;     // sasl_method=/sasl_username= on client=, or auth=N (N>0) on disconnect
    bool hasStats = false;          // disconnect line carried command statistics
    int starttlsOk = -1;            // N of starttls=N/M, -1 when absent
    int starttlsTried = -1;         // M of starttls=N/M
    int mailOk = -1;                // N of mail=N/M
    int mailTried = -1;
    // An Ignored smtpd line that refused a command of the session: reject:,
    // milter-reject:, proxy-reject: (with a queue id or NOQUEUE), "warning:
    // Illegal address syntax from … in MAIL command". A session
    // with one refused MAIL for that logged reason, not for lacking TLS.
    bool smtpdReject = false;

    // TLS lines
    TlsInfo tls;
    TlsProblem problem = TlsProblem::None;   // failures, and deferrals/bounces for a TLS reason
    std::string_view problemText;   // the words that say what went wrong
};

} // namespace mailtls
