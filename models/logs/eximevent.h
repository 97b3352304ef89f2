#pragma once

#include <cstdint>
#include <string_view>

#include "models/logs/logevent.h"

namespace mailtls {

// What one Exim main log message says, as far as counting is concerned
// (COUNTING.md, "Exim"). Produced by EximMessageParser, consumed in order by
// EximAssembler. String views point into the line.
enum class EximLineKind : std::uint8_t {
    Unrecognised,       // no rule knows this line
    Ignored,            // an Exim line that changes no figure
    Arrival,            // ID <= sender … (and "(=", a fakereject that was accepted)
    Delivery,           // ID => / -> / >> / *> / ** / == address …
    HostFailure,        // ID H=host [ip]: reason (a host tried before the last one),
                        // ID DANE attempt failed; TLS connection to host [ip]: reason,
                        // ID H=host [ip] TLS error on connection (…): reason
    TlsFallback,        // ID TLS session: (…): … delivering unencrypted to H=host [ip] …
    Completed,          // ID Completed
    InboundTlsError,    // TLS error on connection from host [ip] (…): reason
    ConnectionOpen,     // SMTP connection from host [ip] (TCP/IP connection count = N)
    ConnectionClose,    // SMTP connection from host … closed by QUIT / lost, unexpected
                        // disconnection …, SMTP command timeout …, SMTP call from … dropped
    NoMail,             // no MAIL in SMTP connection from host … D=… [X=…] [A=…]
    InboundEvent,       // other lines about an SMTP client (H=host [ip] rejected RCPT …)
};

// The two-character flag of an arrival or delivery line.
enum class EximFlag : std::uint8_t {
    None,
    Arrival,        // <=
    FakeReject,     // (=
    Delivered,      // =>
    Additional,     // ->  another recipient of the same delivery
    Cutthrough,     // >>  delivered while the message was being received
    Suppressed,     // *>  delivery suppressed by -N
    Failed,         // **
    Deferred,       // ==
};

// "H=name (helo) [ip]:port*" or "from name (helo) [ip]:port".
struct EximHost
{
    bool present = false;
    std::string_view name;      // the verified name (inbound) or the host tried (outbound)
    std::string_view helo;      // the HELO/EHLO name in parentheses, without them
    std::string_view ip;        // inside the brackets; empty when none was logged
    int port = 0;               // 0 when none was logged (or not a number)
    bool reused = false;        // "*" after the address: a connection used before
};

struct EximEvent
{
    EximLineKind kind = EximLineKind::Unrecognised;
    EximFlag flag = EximFlag::None;
    std::string_view messageId;     // 16 (old) or 23 (Exim 4.97+) characters; empty when none
    std::int64_t innerPid = -1;     // "[pid]" inside a syslog message (+pid), -1 when none

    std::string_view address;       // <=: the sender ("" for "<>"); deliveries: the recipient
    EximHost host;

    // Fields (empty when absent)
    std::string_view protocol;      // P= on arrivals
    std::string_view cipher;        // X= as logged: "TLS1.3:TLS_AES_256_GCM_SHA384:256"
    std::string_view verified;      // CV= "yes", "no", "dane"
    std::string_view peerDn;        // DN=
    std::string_view authenticator; // A=
    std::string_view user;          // U=
    std::string_view transport;     // T= on deliveries
    std::string_view connectionId;  // Ci=
    std::int64_t size = -1;         // S=
    bool hasDn = false;

    // Failure and deferral text, and what TLS trouble it names (None: not a TLS reason).
    std::string_view reason;
    TlsProblem problem = TlsProblem::None;
};

} // namespace mailtls
