#pragma once

#include <cstdint>
#include <string_view>

#include "models/logs/logevent.h"

namespace mailtls {

// What one Sendmail log line says, as far as counting is concerned
// (COUNTING.md "Sendmail"). Produced by SendmailParser, consumed in order by
// SendmailAssembler. String views point into the line buffer.
enum class SendmailEventKind : std::uint8_t {
    Unrecognised,       // no rule knows this line: counted per program, never guessed at
    Ignored,            // a known line that changes no figure

    // The SMTP server side (a daemon child: one pid, one client connection)
    ServerTls,          // STARTTLS=server, relay=H [IP], version=…, verify=…, cipher=…, bits=…
    ServerTlsFailure,   // STARTTLS=server, error: accept failed=…[, reason=…][, relay=H [IP]]
    ServerTlsDetail,    // STARTTLS=server: PID:error:…  (OpenSSL's words after an accept failure)
    Auth,               // AUTH=server, relay=H [IP], authid=…, mech=…, bits=…
    From,               // QUEUEID: from=<…>, size=N, …, proto=…, daemon=…, relay=H [IP]
    SessionLine,        // another line naming the client: ruleset=check_*, AUTH failure, EXPN, …
    SessionEnd,         // the client is gone: "did not issue MAIL…", "lost input channel from…",
                        // "timeout waiting for input from … during server …", a 421 at connect

    // The SMTP client side (a delivery process: one pid, connections in turn)
    ClientTls,          // STARTTLS=client, relay=H., version=…, verify=…, cipher=…, bits=…
    ClientTlsFailure,   // STARTTLS=client, error: connect failed=…[, reason=…]
    ClientTlsDetail,    // STARTTLS=client: PID:error:…
    TlsServerReject,    // ruleset=tls_server, arg1=V, relay=H, reject=403 4.7.0 TLS handshake failed.
    To,                 // QUEUEID: to=<…>,<…>, …, mailer=M, …, relay=H. [IP], dsn=…, stat=…

    // Either side
    TlsIoError,         // STARTTLS: read error=… / write error=…, STARTTLS: SSL_connect:failed in …
};

enum class SendmailStat : std::uint8_t { None, Sent, Deferred, Bounced, Other };

struct SendmailEvent
{
    SendmailEventKind kind = SendmailEventKind::Unrecognised;
    std::string_view queueId;       // empty for lines without one (and for NOQUEUE)

    // The remote end the line names (relay=, or "H [IP]" in the text).
    std::string_view host;          // as logged: "mx1.Example.COM.", "localhost", "local"; empty for "[IP]"
    std::string_view ip;            // "192.0.2.1", "2001:db8::1" ("IPv6:" dropped); empty when not logged
    bool forged = false;            // "(may be forged)": the name did not resolve back to the address

    // from= lines
    std::string_view sender;        // from=<…> without brackets
    std::int64_t size = -1;
    int recipientCount = -1;        // nrcpts= (after aliasing and forwarding); -1 when not logged
    std::string_view protocol;      // proto=ESMTPSA
    std::string_view daemon;        // daemon=MTA-v4 (also the daemon a SessionEnd line names)
    std::string_view authMechanism; // auth=PLAIN (Sendmail 8.16+; "NONE" when not authenticated)
    std::string_view tlsVerify;     // tls_verify=OK (Sendmail 8.16+; "NONE" without STARTTLS)
    bool smtp = false;              // received over SMTP (daemon= or an (E)SMTP proto from an address)
    bool response = false;          // relay=[RESPONSE]: a notification Sendmail made itself

    // to= lines
    std::string_view recipients;    // "<a@x>,<b@y>" as logged
    std::string_view mailer;        // mailer=esmtp
    SendmailStat stat = SendmailStat::None;
    std::string_view statText;      // everything after "stat="
    // The delivery never got a connection: Sendmail's words for a failed
    // connect() ("Connection timed out with H.", "Connection refused by H.",
    // "Host H is down", "No route to host", "Network is unreachable").
    bool connectFailed = false;

    // TLS lines
    TlsInfo tls;                    // ServerTls, ClientTls
    std::string_view verify;        // verify=OK as logged
    TlsProblem problem = TlsProblem::None;   // failures, detail lines, TLS rejects and deferrals
    std::string_view problemText;   // the words that say what went wrong
    std::string_view rulesetArg;    // arg1= of a ruleset line
    // A SessionLine of our TLS_Clt policy refusing a client because it did
    // not use STARTTLS (0 bits: no TLS). Its tls_client check runs inside
    // check_mail, or with Debian's delay_checks inside check_rcpt, and is
    // logged under their names: "ruleset=check_rcpt, arg1=<rcpt>, relay=…,
    // reject=403 4.7.0 encryption too weak 0 less than 128" (arg1 the
    // recipient; check_mail: the sender), or a MailTLS window's "454 4.7.0
    // STARTTLS required for now, try again with STARTTLS". problemText holds the reply
    // without its codes; the address goes to refusedSender or
    // refusedRecipient, without its angle brackets.
    bool refusedPlaintext = false;
    std::string_view refusedSender;
    std::string_view refusedRecipient;
};

} // namespace mailtls
