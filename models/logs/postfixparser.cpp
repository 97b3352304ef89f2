#include "models/logs/postfixparser.h"

#include <cstddef>
#include <cstring>
#include <initializer_list>

#include "models/logs/postfixscanner.h"
#include "models/logs/postfixtlstext.h"

namespace mailtls {

namespace {

struct DaemonName
{
    std::string_view name;
    Daemon daemon;
};

constexpr DaemonName kDaemons[] = {
    {"smtpd", Daemon::Smtpd},         {"smtp", Daemon::Smtp},
    {"lmtp", Daemon::Lmtp},           {"local", Daemon::Local},
    {"virtual", Daemon::Virtual},     {"pipe", Daemon::Pipe},
    {"discard", Daemon::Discard},     {"error", Daemon::Error},
    {"retry", Daemon::Error},         {"qmgr", Daemon::Qmgr},
    {"oqmgr", Daemon::Oqmgr},         {"cleanup", Daemon::Cleanup},
    {"pickup", Daemon::Pickup},       {"postscreen", Daemon::Postscreen},
    {"tlsproxy", Daemon::Tlsproxy},   {"bounce", Daemon::Bounce},
    {"defer", Daemon::Bounce},        {"trace", Daemon::Bounce},
    {"anvil", Daemon::Anvil},         {"master", Daemon::Master},
    {"scache", Daemon::Scache},       {"trivial-rewrite", Daemon::Trivial},
    {"postdrop", Daemon::Postdrop},   {"sendmail", Daemon::Sendmail},
    {"dnsblog", Daemon::Dnsblog},     {"tlsmgr", Daemon::Tlsmgr},
    {"verify", Daemon::Verify},       {"flush", Daemon::Flush},
    {"showq", Daemon::Showq},         {"proxymap", Daemon::Proxymap},
    {"proxywrite", Daemon::Proxymap}, {"spawn", Daemon::Spawn},
    {"postsuper", Daemon::Postsuper}, {"qmqpd", Daemon::Qmqpd},
};

Daemon daemonFromName(std::string_view name)
{
    // By length and first letter first: this runs for every Postfix line.
    auto is = [name](std::string_view word) {
        return std::memcmp(name.data(), word.data(), word.size()) == 0;
    };
    if (name.empty())
        return Daemon::Other;
    switch (name.size()) {
    case 4:
        if (name[0] == 's' && is("smtp"))
            return Daemon::Smtp;
        if (name[0] == 'q' && is("qmgr"))
            return Daemon::Qmgr;
        if (name[0] == 'l' && is("lmtp"))
            return Daemon::Lmtp;
        if (name[0] == 'p' && is("pipe"))
            return Daemon::Pipe;
        break;
    case 5:
        switch (name[0]) {
        case 's':
            if (is("smtpd"))
                return Daemon::Smtpd;
            if (is("showq"))
                return Daemon::Showq;
            if (is("spawn"))
                return Daemon::Spawn;
            break;
        case 'l':
            if (is("local"))
                return Daemon::Local;
            break;
        case 'e':
            if (is("error"))
                return Daemon::Error;
            break;
        case 'r':
            if (is("retry"))
                return Daemon::Error;
            break;
        case 'o':
            if (is("oqmgr"))
                return Daemon::Oqmgr;
            break;
        case 'd':
            if (is("defer"))
                return Daemon::Bounce;
            break;
        case 't':
            if (is("trace"))
                return Daemon::Bounce;
            break;
        case 'a':
            if (is("anvil"))
                return Daemon::Anvil;
            break;
        case 'f':
            if (is("flush"))
                return Daemon::Flush;
            break;
        case 'q':
            if (is("qmqpd"))
                return Daemon::Qmqpd;
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    for (const DaemonName &d : kDaemons) {
        if (d.name == name)
            return d.daemon;
    }
    return Daemon::Other;
}

// Letters, digits, '-', '_' and '.': what names in a Postfix program name are made of.
struct NameBytes
{
    bool name[256];
    constexpr NameBytes()
        : name()
    {
        for (int c = 0; c < 256; ++c)
            name[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }
};

constexpr NameBytes kNameBytes;

bool isNameChar(char c)
{
    return kNameBytes.name[static_cast<unsigned char>(c)];
}

// Splits "postfix[-x]/[service/]daemon". False when it is not a Postfix name.
bool splitProgram(std::string_view program, std::string_view &service, std::string_view &daemon)
{
    // "postfix" or "postfix-INSTANCE", then '/'.
    const std::size_t size = program.size();
    if (size < 9 || !PostfixScanner::startsWith(program, "postfix"))
        return false;
    std::size_t slash = 7;
    if (program[7] == '-') {
        slash = 8;
        while (slash < size && program[slash] != '/') {
            if (!isNameChar(program[slash]))
                return false;
            ++slash;
        }
        if (slash == 8 || slash == size)
            return false;
    } else if (program[7] != '/') {
        return false;
    }
    // "[service/]daemon": names, at most one more '/', neither part empty.
    const std::size_t tail = slash + 1;
    std::size_t second = 0;
    for (std::size_t i = tail; i < size; ++i) {
        const char c = program[i];
        if (c == '/') {
            if (second != 0)
                return false;
            second = i;
        } else if (!isNameChar(c)) {
            return false;
        }
    }
    if (second == 0) {
        service = {};
        daemon = program.substr(tail);
    } else {
        service = program.substr(tail, second - tail);
        daemon = program.substr(second + 1);
        if (service.empty())
            return false;
    }
    return !daemon.empty();
}

DeliveryStatus statusFromWord(std::string_view word)
{
    if (word == "sent")
        return DeliveryStatus::Sent;
    if (word == "deferred")
        return DeliveryStatus::Deferred;
    if (word == "bounced")
        return DeliveryStatus::Bounced;
    if (word == "expired")
        return DeliveryStatus::Expired;
    return DeliveryStatus::Other;
}

// "Anonymous TLS connection established from|to …", "… reused to …".
// Leaves the scanner after "established "/"reused " and reports which.
bool consumeTlsHead(PostfixScanner &s, Trust &trust, bool &reused)
{
    PostfixScanner probe = s;
    Trust t = Trust::Unknown;
    // Postfix before 2.5 wrote no trust word: "TLS connection established from …".
    if (!probe.consume("TLS connection ")) {
        t = PostfixTlsText::trustFromWord(probe.consumeUntil(' '));
        if (t == Trust::Unknown || !probe.consume(" TLS connection "))
            return false;
    }
    if (probe.consume("established "))
        reused = false;
    else if (probe.consume("reused "))
        reused = true;
    else
        return false;
    trust = t;
    s = probe;
    return true;
}

// Words that a line starts with and that change no count, whatever follows.
bool startsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes)
{
    for (std::string_view p : prefixes) {
        if (PostfixScanner::startsWith(text, p))
            return true;
    }
    return false;
}

// Lines every daemon may write: warnings, fatal errors, verbose logging.
bool isGenericNoise(std::string_view m)
{
    return startsWithAny(m, {"warning: ", "fatal: ", "panic: ", "error: ", "statistics: ",
                             "using backwards-compatible default setting",
                             "table ", "dict_", "name_mask: ", "connect to subsystem"});
}

// "H[IP]: …" / "H[IP]:PORT: …": per-connection detail at higher TLS/debug log levels.
bool isPeerDetail(std::string_view m)
{
    PostfixScanner s(m);
    std::string_view host;
    std::string_view ip;
    int port = 0;
    return s.consumeHostAddress(host, ip, port, true) && s.consume(": ");
}

void parseSmtpd(std::string_view m, LogEvent &e);
void parseClient(std::string_view text, LogEvent &e);
void parseCommandStats(std::string_view text, LogEvent &e);
void parseSmtp(std::string_view m, LogEvent &e);
void parseDeliveryAgent(std::string_view m, LogEvent &e);
void parseDelivery(std::string_view text, LogEvent &e);
bool tlsFieldSaysEncrypted(std::string_view value);
bool isRemoteReply(std::string_view statusText);
void parseQmgr(std::string_view m, LogEvent &e);
void parseOther(std::string_view m, LogEvent &e);
bool isSmtpdAction(std::string_view action);
bool isRejectAction(std::string_view action);
bool isSmtpdNoise(std::string_view m);
bool isSmtpNoise(std::string_view m);
bool isSmtpQueueNoise(std::string_view rest);
bool isAgentQueueNoise(std::string_view rest);

void parseSmtpd(std::string_view m, LogEvent &e)
{
    PostfixScanner s(m);
    if (s.consume("connect from ")) {
        if (s.consumeHostAddress(e.host, e.ip, e.port, true))
            e.kind = EventKind::SmtpdConnect;
        return;
    }
    if (s.consume("disconnect from ")) {
        if (s.consumeHostAddress(e.host, e.ip, e.port, true)) {
            e.kind = EventKind::SmtpdDisconnect;
            parseCommandStats(s.rest(), e);
        }
        return;
    }
    Trust trust = Trust::Unknown;
    bool reused = false;
    if (consumeTlsHead(s, trust, reused)) {
        if (reused || !s.consume("from ") || !s.consumeHostAddress(e.host, e.ip, e.port, true))
            return;
        // With SNI the server adds "to <sni-name>" after the client.
        if (s.consume(" to "))
            s.consumeUntil(':');
        if (!s.consume(": ") || !PostfixTlsText::parseSummary(s.rest(), e.tls))
            return;
        e.tls.trust = trust;
        e.kind = EventKind::SmtpdTlsEstablished;
        return;
    }
    if (s.consume("SSL_accept error from ")) {
        if (s.consumeHostAddress(e.host, e.ip, e.port, true)) {
            e.kind = EventKind::SmtpdTlsFailure;
            s.consume(": ");
            e.problemText = s.rest();
            const TlsProblem p = PostfixTlsText::classify(e.problemText);
            e.problem = p == TlsProblem::None || p == TlsProblem::CannotStart
                ? TlsProblem::Handshake
                : p;
        }
        return;
    }
    if (s.consume("lost connection after STARTTLS from ")) {
        if (s.consumeHostAddress(e.host, e.ip, e.port, true)) {
            e.kind = EventKind::SmtpdTlsFailure;
            e.problem = TlsProblem::LostAfterStarttls;
            e.problemText = m.substr(0, m.find(" from "));
        }
        return;
    }
    if (s.consumeQueueId(e.queueId)) {
        if (s.consume("client=")) {
            parseClient(s.rest(), e);
            return;
        }
        // reject:, milter-reject:, discard:, filter:, hold:, redirect:, warn:, info:,
        // prepend:, replace:, … — policy actions on a transaction, counted nowhere.
        const std::string_view action = s.consumeUntil(':');
        if (!action.empty() && s.consume(": ") && isSmtpdAction(action)) {
            e.kind = EventKind::Ignored;
            e.smtpdReject = isRejectAction(action);
        } else {
            e.queueId = {};
        }
        return;
    }
    if (isSmtpdNoise(m)) {
        e.kind = EventKind::Ignored;
        // A MAIL refused for its address syntax logs this warning, not a reject: line.
        e.smtpdReject = startsWithAny(m, {"NOQUEUE: reject: ", "NOQUEUE: milter-reject: ", "NOQUEUE: proxy-reject: ",
                                          "reject: ", "proxy-reject: ", "warning: Illegal address syntax from "});
    }
}

void parseClient(std::string_view text, LogEvent &e)
{
    PostfixScanner s(text);
    if (!s.consumeHostAddress(e.host, e.ip, e.port, true))
        return;
    e.kind = EventKind::SmtpdClient;
    // ", sasl_method=PLAIN, sasl_username=u[, sasl_sender=…][, orig_queue_id=…, orig_client=…]"
    while (s.consume(", ")) {
        const std::string_view key = s.consumeUntil('=');
        if (!s.consume('='))
            break;
        const std::string_view value = s.consumeUntil(", ");
        if ((key == "sasl_method" || key == "sasl_username") && !value.empty())
            e.authenticated = true;
    }
}

void parseCommandStats(std::string_view text, LogEvent &e)
{
    // " ehlo=2 starttls=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=5/7"
    PostfixScanner s(text);
    while (s.consume(' ')) {
        const std::string_view key = s.consumeUntil('=');
        if (!s.consume('='))
            return;
        int ok = 0;
        if (!s.consumeInt(ok))
            return;
        int tried = ok;
        if (s.consume('/') && !s.consumeInt(tried))
            return;
        e.hasStats = true;
        if (key == "starttls") {
            e.starttlsOk = ok;
            e.starttlsTried = tried;
        } else if (key == "mail") {
            e.mailOk = ok;
            e.mailTried = tried;
        } else if (key == "auth") {
            if (ok > 0)
                e.authenticated = true;
        }
    }
}

void parseSmtp(std::string_view m, LogEvent &e)
{
    PostfixScanner s(m);
    Trust trust = Trust::Unknown;
    bool reused = false;
    if (consumeTlsHead(s, trust, reused)) {
        if (!s.consume("to ") || !s.consumeHostAddress(e.host, e.ip, e.port, true)
            || !s.consume(": ") || !PostfixTlsText::parseSummary(s.rest(), e.tls))
            return;
        e.tls.trust = trust;
        e.kind = reused ? EventKind::SmtpTlsReused : EventKind::SmtpTlsEstablished;
        return;
    }
    if (s.consume("SSL_connect error to ")) {
        if (s.consumeHostAddress(e.host, e.ip, e.port, true)) {
            e.kind = EventKind::SmtpTlsFailure;
            s.consume(": ");
            e.problemText = s.rest();
            const TlsProblem p = PostfixTlsText::classify(e.problemText);
            e.problem = p == TlsProblem::None ? TlsProblem::Handshake : p;
        }
        return;
    }
    {
        // "[server |CA ]certificate verification failed for H[IP]:PORT: reason"
        PostfixScanner c = s;
        c.consume("server ") || c.consume("CA ") || c.consume("client ");
        if (c.consume("certificate verification failed for ")) {
            if (c.consumeHostAddress(e.host, e.ip, e.port, true)) {
                e.kind = EventKind::SmtpTlsFailure;
                e.problem = TlsProblem::Certificate;
                c.consume(": ");
                e.problemText = c.rest();
            }
            return;
        }
    }
    if (s.consume("warning: TLS library problem: ")) {
        e.kind = EventKind::SmtpTlsFailure;
        e.problemText = s.rest();
        const TlsProblem p = PostfixTlsText::classify(e.problemText);
        e.problem = p == TlsProblem::None ? TlsProblem::Other : p;
        return;
    }
    if (s.consumeQueueId(e.queueId)) {
        if (s.startsWith("to=")) {
            parseDelivery(s.rest(), e);
            return;
        }
        if (s.consume("Cannot start TLS: ")) {
            e.kind = EventKind::SmtpTlsFailure;
            e.problemText = s.rest();
            const TlsProblem p = PostfixTlsText::classify(e.problemText);
            e.problem = p == TlsProblem::DhKeyTooSmall ? p : TlsProblem::CannotStart;
            return;
        }
        if (isSmtpQueueNoise(s.rest()))
            e.kind = EventKind::Ignored;
        else
            e.queueId = {};
        return;
    }
    if (isSmtpNoise(m))
        e.kind = EventKind::Ignored;
}

void parseDeliveryAgent(std::string_view m, LogEvent &e)
{
    PostfixScanner s(m);
    if (s.consumeQueueId(e.queueId)) {
        if (s.startsWith("to=")) {
            parseDelivery(s.rest(), e);
            return;
        }
        if (isAgentQueueNoise(s.rest()))
            e.kind = EventKind::Ignored;
        else
            e.queueId = {};
        return;
    }
    if (isGenericNoise(m))
        e.kind = EventKind::Ignored;
}

void parseDelivery(std::string_view text, LogEvent &e)
{
    PostfixScanner s(text);
    if (!s.consume("to=") || !s.consumeAddress(e.recipient))
        return;
    bool haveRelay = false;
    bool haveStatus = false;
    while (s.consume(", ")) {
        const std::string_view key = s.consumeUntil('=');
        if (!s.consume('='))
            return;
        if (key == "orig_to") {
            if (!s.consumeAddress(e.origRecipient))
                return;
        } else if (key == "relay") {
            const std::string_view relay = s.consumeUntil(", ");
            PostfixScanner r(relay);
            if (r.consumeHostAddress(e.host, e.ip, e.port, true) && r.atEnd()) {
                // H[IP]:PORT, H[IP], H[private/dovecot-lmtp]
            } else {
                // none, local, virtual, dovecot (a pipe transport), …
                e.host = relay;
                e.ip = {};
                e.port = 0;
            }
            haveRelay = true;
        } else if (key == "conn_use") {
            int n = 0;
            if (s.consumeInt(n))
                e.connUse = n;
            s.consumeUntil(", ");
        } else if (key == "tls") {
            const std::string_view value = s.consumeUntil(", ");
            e.hasTlsField = true;
            e.tlsFieldEncrypted = tlsFieldSaysEncrypted(value);
        } else if (key == "status") {
            const std::string_view word = s.consumeUntil(' ');
            e.status = statusFromWord(word);
            haveStatus = !word.empty();
            if (s.consume(" (")) {
                std::string_view reason = s.rest();
                if (!reason.empty() && reason.back() == ')')
                    reason.remove_suffix(1);
                e.statusText = reason;
            } else {
                e.statusText = s.rest();
            }
            break;
        } else {
            // delay=, delays=, dsn=, and whatever later versions add.
            s.consumeUntil(", ");
        }
    }
    if (!haveRelay || !haveStatus)
        return;
    e.kind = EventKind::Delivery;
    // A TLS reason on a deferral or bounce. Not on "delivery temporarily
    // suspended: …": that repeats an earlier attempt's reason for a destination
    // Postfix did not even connect to this time.
    if (e.status != DeliveryStatus::Sent
        && !PostfixScanner::startsWith(e.statusText, "delivery temporarily suspended: ")
        && !isRemoteReply(e.statusText)) {
        const TlsProblem p = PostfixTlsText::classify(e.statusText);
        if (p != TlsProblem::None) {
            e.problem = p;
            e.problemText = e.statusText;
        }
    }
}

bool tlsFieldSaysEncrypted(std::string_view value)
{
    // Postfix 3.11 "tls=level[?][:downgrade][/[!]requiretls[?][:downgrade]]".
    // The security level part says whether the connection was encrypted: a
    // level of none, or a downgrade to none, is plaintext.
    const std::string_view level = value.substr(0, value.find('/'));
    if (level.empty() || level == "none" || PostfixScanner::endsWith(level, ":none")
        || PostfixScanner::endsWith(value, ":none"))
        return false;
    return true;
}

bool isRemoteReply(std::string_view statusText)
{
    // "host mx[ip] said: …" is the peer's own text: its words are not Postfix's
    // diagnosis and are not matched for TLS reasons.
    PostfixScanner s(statusText);
    std::string_view host;
    std::string_view ip;
    int port = 0;
    return s.consume("host ") && s.consumeHostAddress(host, ip, port, true)
        && s.consume(" said: ");
}

void parseQmgr(std::string_view m, LogEvent &e)
{
    PostfixScanner s(m);
    if (s.consumeQueueId(e.queueId)) {
        if (s.consume("removed")) {
            if (s.atEnd()) {
                e.kind = EventKind::QmgrRemoved;
                return;
            }
            e.queueId = {};
            return;
        }
        if (s.consume("from=")) {
            if (!s.consumeAddress(e.sender))
                return;
            if (s.consume(", size=")) {
                std::int64_t size = 0;
                if (!s.consumeInt64(size) || !s.consume(", nrcpt="))
                    return;
                int nrcpt = 0;
                if (!s.consumeInt(nrcpt))
                    return;
                e.size = size;
                e.nrcpt = nrcpt;
                e.kind = EventKind::QmgrFrom;
                return;
            }
            if (s.consume(", status="))
                e.kind = EventKind::Ignored; // expired / force-expired, returned to sender
            return;
        }
        if (startsWithAny(s.rest(), {"skipped, still being delivered", "to=", "warning: "})) {
            e.kind = EventKind::Ignored;
            return;
        }
        e.queueId = {};
        return;
    }
    if (isGenericNoise(m))
        e.kind = EventKind::Ignored;
}

void parseOther(std::string_view m, LogEvent &e)
{
    // Daemons whose lines add nothing to any figure: they are recognised (so a
    // line from them is not "unrecognised") as long as they look like Postfix.
    PostfixScanner s(m);
    std::string_view queueId;
    if (s.consumeQueueId(queueId)) {
        e.queueId = queueId;
        e.kind = EventKind::Ignored;
        return;
    }
    switch (e.daemon) {
    case Daemon::Other:
        // postfix-script, postfix/postlog, postmap, …: only generic shapes.
        if (isGenericNoise(m) || startsWithAny(m, {"starting the Postfix mail system",
                                                    "stopping the Postfix mail system",
                                                    "refreshing the Postfix mail system",
                                                    "the Postfix mail system is running",
                                                    "waiting for the Postfix mail system"}))
            e.kind = EventKind::Ignored;
        return;
    default:
        e.kind = EventKind::Ignored;
        return;
    }
}

bool isSmtpdAction(std::string_view action)
{
    static constexpr std::string_view actions[] = {
        "reject",         "reject_warning", "milter-reject", "milter-discard", "milter-hold",
        "discard",        "filter",         "hold",          "redirect",       "warn",
        "info",           "prepend",        "replace",       "bcc",            "proxy-accept",
        "proxy-reject",   "milter-header-redirect",
    };
    for (std::string_view a : actions) {
        if (action == a)
            return true;
    }
    return false;
}

bool isRejectAction(std::string_view action)
{
    return action == "reject" || action == "milter-reject" || action == "proxy-reject";
}

bool isSmtpdNoise(std::string_view m)
{
    if (isGenericNoise(m) || isPeerDetail(m))
        return true;
    return startsWithAny(
        m, {"NOQUEUE: ", "lost connection after ", "timeout after ", "too many errors after ",
            "improper command pipelining after ", "proxy-accept: ", "proxy-reject: ",
            "bare <LF> received", "discarding EHLO keywords", "initializing the server-side TLS",
            "setting up TLS connection from ", "SSL_accept:", "TLS SNI ", "reject: ",
            "abort: ", "sasl_", "xsasl_", "smtp_stream_setup", "watchdog", "< ", "> ",
            "auto_clnt_", "match_", "read from ", "write to ", "end of stream",
            "client certificate verification failed", "SMTPUTF8 ", "non-SMTP command from ",
            "Connection concurrency limit", "Connection rate limit",
            "Message delivery request rate limit", "Recipient address rate limit",
            "New TLS session rate limit", "AUTH command rate limit"});
}

bool isSmtpNoise(std::string_view m)
{
    if (isGenericNoise(m) || isPeerDetail(m))
        return true;
    return startsWithAny(
        m, {"connect to ", "initializing the client-side TLS", "setting up TLS connection to ",
            "SSL_connect:", "< ", "> ", "smtp_stream_setup", "read from ", "write to ",
            "end of stream", "Host offered STARTTLS", "match_", "ctable_", "maps_find",
            "mail_addr_find", "vstream_", "dns_", "smtp_connect", "timeout after"});
}

bool isSmtpQueueNoise(std::string_view rest)
{
    // Per-message lines of the smtp client that are followed by the delivery
    // line that counts: remote replies, lost connections, PIX workarounds, …
    return startsWithAny(
        rest, {"host ", "lost connection with ", "conversation with ", "enabling PIX workarounds",
               "SASL authentication failed", "connect to ", "warning: ", "TLS is required",
               "Server certificate not", "breaking line", "unable to ", "mail for ",
               "local configuration error", "delivery temporarily suspended", "server ",
               "Protocol error", "message size "});
}

bool isAgentQueueNoise(std::string_view rest)
{
    return startsWithAny(rest, {"warning: ", "discard: ", "host ", "lost connection with ",
                                "conversation with ", "connect to ", "unable to "});
}

} // namespace

bool PostfixParser::isPostfixProgram(std::string_view program)
{
    std::string_view service;
    std::string_view daemon;
    return splitProgram(program, service, daemon);
}

LogEvent PostfixParser::parse(const LogLine &line) const
{
    LogEvent e;
    std::string_view service;
    std::string_view daemonName;
    if (!splitProgram(line.program, service, daemonName))
        return e;
    e.daemon = daemonFromName(daemonName);
    e.service = service;
    const std::string_view m = line.message;

    switch (e.daemon) {
    case Daemon::Smtpd:
        parseSmtpd(m, e);
        break;
    case Daemon::Smtp:
    case Daemon::Lmtp:
        parseSmtp(m, e);
        break;
    case Daemon::Local:
    case Daemon::Virtual:
    case Daemon::Pipe:
    case Daemon::Discard:
    case Daemon::Error:
        parseDeliveryAgent(m, e);
        break;
    case Daemon::Qmgr:
    case Daemon::Oqmgr:
        parseQmgr(m, e);
        break;
    default:
        parseOther(m, e);
        break;
    }
    if (e.kind == EventKind::Unrecognised || e.kind == EventKind::Ignored) {
        // A rule that matched half a line leaves nothing behind: an unknown line
        // says only which program wrote it, an ignored one also its queue id.
        const EventKind kind = e.kind;
        const Daemon daemon = e.daemon;
        const std::string_view queueId = kind == EventKind::Ignored ? e.queueId : std::string_view();
        const bool reject = kind == EventKind::Ignored && e.smtpdReject;
        e = LogEvent();
        e.kind = kind;
        e.daemon = daemon;
        e.service = service;
        e.queueId = queueId;
        e.smtpdReject = reject;
    }
    // One object returned on every path: built in place in the caller's.
    return e;
}

} // namespace mailtls
