#pragma once

#include <optional>

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mailtls {

// What a user asked to probe: a mail domain (its MX hosts are probed) or one
// host (a name or an IP literal, probed as it is, no MX look-up).
struct ProbeTarget
{
    enum class Kind { Domain, Host };
    Kind kind = Kind::Domain;
    // Lower case, no trailing dot; an IPv6 literal without brackets.
    QString name;
    quint16 port = 25;

    bool operator==(const ProbeTarget &other) const
    {
        return kind == other.kind && name == other.name && port == other.port;
    }
};

// One mail host of a domain with its addresses, in MX preference order.
struct MxHost
{
    QString name;
    int preference = 0;
    QList<QHostAddress> addresses;
    // Why its addresses could not be had (empty when they could).
    QString error;
};

// What DNS says about a domain's mail hosts.
struct MxResolution
{
    QString domain;
    // RFC 7505: a single MX of "." at preference 0: the domain takes no mail.
    bool nullMx = false;
    // No MX records: the domain's own A/AAAA records act as its MX (RFC 5321 5.1).
    bool implicitMx = false;
    QList<MxHost> hosts;
    // Why the MX look-up failed as a whole (NXDOMAIN, server failure, timeout).
    QString error;
    // What was left out or answered only in part, translated: more than 10 MX
    // hosts or 10 addresses of a host (the first ones are kept), a null MX
    // beside other MX records, one address family's look-up failing.
    QStringList notes;
};

struct CertificateInfo
{
    QString subject;
    QStringList subjectAltNames; // DNS names as in the certificate
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QByteArray der;
};

// The TLS profiles one address is probed with, one SMTP session each.
enum class TlsProfile {
    Default,       // a modern client: OpenSSL's defaults, TLS 1.2 and 1.3
    DheOnly,       // TLS 1.2, only DHE suites, every DH size allowed (the Logjam measurement)
    OnlyTls10,
    OnlyTls11,
    OnlyTls12,
    OnlyTls13,
};

struct TlsHandshakeResult
{
    bool established = false;
    QString protocol;    // "TLSv1.3", "TLSv1.2", …
    QString cipher;      // OpenSSL's name of the suite
    QString keyExchange; // "ECDHE", "DHE", "RSA" (TLS 1.2 and older), or the TLS 1.3 group's kind
    QString group;       // "X25519", "secp256r1", "ffdhe2048", or empty for a custom DH group
    int keyExchangeBits = 0; // DH prime bits, or the curve's bits
    QByteArray dhPrime;  // big-endian, for DHE only: which group it is (KnownDhGroups)
    QList<CertificateInfo> chain; // leaf first
    // The chain leads to a trusted root (the system's, or an extra CA); names
    // aside, which nameMatches says.
    bool certificateVerified = false;
    QString verifyError; // OpenSSL's verify result text when not verified
    bool nameMatches = false; // the leaf is valid for the name the session was for
    QString error;       // OpenSSL's reason when the handshake failed
};

// How one SMTP session ended.
enum class SessionOutcome {
    Completed,      // every step it set out to do was done (the TLS handshake may still have failed: see tls)
    ConnectFailed,  // refused, unreachable
    TimedOut,       // a step outlasted its timeout
    RateLimited,    // a 421 or other 4xx reply: this host says "try later"
    Rejected,       // a 5xx greeting or EHLO reply
    ProtocolError,  // not SMTP: garbage, an unterminated or oversized reply
    Cancelled,
};

enum class ProbeStep { Resolve, Connect, Banner, Ehlo, StartTls, Handshake, Quit };

struct SmtpSessionResult
{
    TlsProfile profile = TlsProfile::Default;
    SessionOutcome outcome = SessionOutcome::Completed;
    // The step the session stopped at when outcome is not Completed.
    ProbeStep stoppedAt = ProbeStep::Connect;
    // The exact reply or the reason behind the outcome (bounded, printable).
    QString detail;
    QStringList banner;  // the greeting's lines, without the code
    QStringList ehlo;    // the EHLO reply's lines, without the code
    bool startTlsAdvertised = false;
    // The EHLO reply has a masked keyword where STARTTLS would be
    // ("250-XXXXXXXA"): a middlebox strips it.
    bool ehloLooksStripped = false;
    QString startTlsReply; // "220 2.0.0 Ready to start TLS"
    bool tlsAttempted = false;
    TlsHandshakeResult tls;
    qint64 elapsedMs = 0;
};

// Everything learnt about one address of one MX host.
struct AddressProbeResult
{
    QString mxName; // the MX host name, or the target host / literal
    QHostAddress address;
    quint16 port = 25;
    QDateTime probedAt; // UTC
    bool fromCache = false;
    QList<SmtpSessionResult> sessions; // in the order they ran
};

struct MtaStsResult
{
    bool recordFound = false; // a "v=STSv1" TXT at _mta-sts.<domain>
    QString record;
    QString id;
    QString recordError;      // several v=STSv1 records, a malformed one, a DNS failure
    bool policyFetched = false;
    QString policyUrl;
    QString policyError;      // HTTPS, certificate, HTTP status, size, syntax
    QString policyText;       // bounded
    QString mode;             // enforce | testing | none
    QStringList mxPatterns;
    qint64 maxAge = -1;
    QStringList mxNotCovered; // real MX names no pattern matches
};

struct TlsRptResult
{
    bool recordFound = false; // a "v=TLSRPTv1" TXT at _smtp._tls.<domain>
    QString record;
    QStringList reportUris;   // rua= values
    QString error;
};

enum class Severity { Info, Low, Medium, High, Critical };
enum class Verdict { Good, Weak, NoTls, Unreachable };

// One thing a probe found, in words the peer's admin can act on.
struct Finding
{
    QString code;      // stable identifier: "no-starttls", "dh-1024-shared", …
    Severity severity = Severity::Info;
    QString mxName;    // empty for a domain-wide finding (MTA-STS, TLS-RPT, DNS)
    QHostAddress address;
    QString title;     // one line
    QString evidence;  // the exact reply or value seen
    QString advice;    // what the peer's admin should do
};

struct HostVerdict
{
    QString mxName;
    QHostAddress address;
    Verdict verdict = Verdict::Unreachable;
};

// A whole probe of one target: the evidence, then the judgement
// (ProbeAnalyzer fills findings, hostVerdicts and verdict).
struct ProbeReport
{
    ProbeTarget target;
    QDateTime started;  // UTC
    QDateTime finished; // UTC
    MxResolution mx;
    QList<AddressProbeResult> addresses;
    std::optional<MtaStsResult> mtaSts; // domains only
    std::optional<TlsRptResult> tlsRpt; // domains only
    int sessionsUsed = 0; // SMTP sessions opened by this probe (cache hits open none)
    bool cancelled = false;

    QList<Finding> findings;
    QList<HostVerdict> hostVerdicts;
    Verdict verdict = Verdict::Unreachable;
};

// One step as it happens, for a live view and the command line's --verbose.
struct ProbeEvent
{
    ProbeStep step = ProbeStep::Resolve;
    QString mxName;
    QHostAddress address;
    TlsProfile profile = TlsProfile::Default;
    QString message; // translated, one line
};

} // namespace mailtls
