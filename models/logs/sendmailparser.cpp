#include "models/logs/sendmailparser.h"

#include <charconv>

#include "models/logs/postfixtlstext.h"
#include "models/logs/sendmailtext.h"

namespace mailtls {

namespace {

using Kind = SendmailEventKind;

bool startsWith(std::string_view text, std::string_view prefix)
{
    return SendmailText::startsWith(text, prefix);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view withoutBrackets(std::string_view address)
{
    if (address.size() >= 2 && address.front() == '<' && address.back() == '>')
        return address.substr(1, address.size() - 2);
    return address;
}

int leadingInt(std::string_view text)
{
    int value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    return result.ec == std::errc() ? value : 0;
}

// "QUEUEID: " at the start of a message: Sendmail's ids are letters and digits
// (8.12+: 14 or more, "qA7LqlqC029841"; older: "MAA01090"), and NOQUEUE. A
// long line that syslog could not take whole is split by Sendmail into
// "QUEUEID[2]: " parts. Returns the length of the prefix, 0 without one.
std::size_t queueIdPrefix(std::string_view message, std::string_view &queueId, bool &continuation)
{
    std::size_t n = 0;
    bool digit = false;
    while (n < message.size() && isAlnum(message[n])) {
        digit = digit || isDigit(message[n]);
        ++n;
    }
    const std::string_view id = message.substr(0, n);
    if (id != "NOQUEUE" && (n < 7 || n > 24 || !digit))
        return 0;
    std::size_t p = n;
    continuation = false;
    if (p < message.size() && message[p] == '[') {
        const std::size_t close = message.find(']', p);
        if (close == std::string_view::npos || close == p + 1)
            return 0;
        for (std::size_t i = p + 1; i < close; ++i) {
            if (!isDigit(message[i]))
                return 0;
        }
        continuation = true;
        p = close + 1;
    }
    if (message.substr(p, 2) != ": ")
        return 0;
    queueId = id == "NOQUEUE" ? std::string_view() : id;
    return p + 2;
}

void setRemote(SendmailEvent &event, std::string_view text)
{
    SendmailText::Remote remote;
    if (SendmailText::parseRemote(text, remote) == 0)
        return;
    event.host = remote.host;
    event.ip = remote.ip;
    event.forged = remote.forged;
}

// Takes a TLS problem's words, and what they say when the event has none yet.
void setProblem(SendmailEvent &event, std::string_view text, TlsProblem fallback)
{
    event.problemText = text;
    const TlsProblem problem = SendmailText::classify(text);
    event.problem = problem != TlsProblem::None ? problem : fallback;
}

// STARTTLS=server, relay=…, version=…, verify=…, cipher=…, bits=A/C and the
// other lines of "STARTTLS=side, …".
void parseStarttlsFields(std::string_view rest, bool server, SendmailEvent &event)
{
    if (startsWith(rest, "error: ")) {
        rest.remove_prefix(7);
        const bool accept = startsWith(rest, "accept failed=");
        const bool connect = startsWith(rest, "connect failed=");
        if ((server && !accept) || (!server && !connect)) {
            // SSL_new failed, cannot read DH parameters, …: Sendmail's own
            // trouble before any peer spoke TLS.
            event.kind = Kind::Ignored;
            return;
        }
        event.kind = server ? Kind::ServerTlsFailure : Kind::ClientTlsFailure;
        std::string_view reason;
        const std::size_t comma = rest.find(", ");
        if (comma != std::string_view::npos) {
            SendmailText::Fields fields(rest.substr(comma + 2));
            std::string_view key;
            std::string_view value;
            while (fields.next(key, value)) {
                if (key == "reason")
                    reason = value;
                else if (key == "relay")
                    setRemote(event, value);
            }
        }
        // OpenSSL's reason string when it had one; the failure as logged otherwise
        // ("connect failed=0, SSL_error=5" from Sendmail before 8.14).
        if (!reason.empty() && reason != "unknown")
            setProblem(event, reason, TlsProblem::Handshake);
        else
            setProblem(event, rest, TlsProblem::Handshake);
        return;
    }

    SendmailText::Fields fields(rest);
    std::string_view key;
    std::string_view value;
    std::string_view relay;
    std::string_view bits;
    bool hasVersion = false;
    while (fields.next(key, value)) {
        if (key == "relay") {
            relay = value;
        } else if (key == "version") {
            event.tls.protocol = value;
            hasVersion = true;
        } else if (key == "verify") {
            event.verify = value;
        } else if (key == "cipher") {
            event.tls.cipher = value;
        } else if (key == "bits") {
            bits = value;
        }
    }
    if (!hasVersion || event.tls.cipher.empty()) {
        event.kind = Kind::Ignored;   // start=ok, init=1, cert-subject=…, field=cn_subject, …
        return;
    }
    event.kind = server ? Kind::ServerTls : Kind::ClientTls;
    setRemote(event, relay);
    if (event.host == "local" && event.ip.empty())
        event.host = std::string_view();   // Sendmail's word for "no host name known"
    event.tls.trust = SendmailText::trustFromVerify(event.verify);
    // bits=ALG/CIPHER: the second is the secret bits in use, Postfix's first number.
    const std::size_t slash = bits.find('/');
    event.tls.cipherBits = leadingInt(slash == std::string_view::npos ? bits : bits.substr(slash + 1));
    event.tls.dhe = PostfixTlsText::isFiniteFieldDhe(event.tls.cipher);
}

void parseStarttls(std::string_view message, SendmailEvent &event)
{
    if (startsWith(message, "STARTTLS: ")) {
        const std::string_view rest = message.substr(10);
        if (startsWith(rest, "read error=") || startsWith(rest, "write error=")) {
            event.kind = Kind::TlsIoError;
            setProblem(event, rest, TlsProblem::Other);
            return;
        }
        // The handshake's info callback: "SSL_connect:failed in SSLv3 read server hello A".
        const bool connect = startsWith(rest, "SSL_connect:");
        const bool accept = startsWith(rest, "SSL_accept:");
        if ((connect || accept)
            && (SendmailText::containsNoCase(rest, ":failed in") || SendmailText::containsNoCase(rest, ":error in"))) {
            event.kind = connect ? Kind::ClientTlsDetail : Kind::ServerTlsDetail;
            setProblem(event, rest, TlsProblem::Handshake);
            return;
        }
        event.kind = Kind::Ignored;   // cert verify depth, alerts, handshake states
        return;
    }
    bool server = false;
    std::string_view rest;
    if (startsWith(message, "STARTTLS=server")) {
        server = true;
        rest = message.substr(15);
    } else if (startsWith(message, "STARTTLS=client")) {
        rest = message.substr(15);
    } else {
        // STARTTLS=read, STARTTLS=write: the TLS layer's I/O diagnostics (8.15+,
        // high LogLevel) that come with a read/write error line.
        if (startsWith(message, "STARTTLS=read, ") || startsWith(message, "STARTTLS=write, "))
            event.kind = Kind::Ignored;
        return;
    }
    if (startsWith(rest, ": ")) {
        // tlslogerr(): "PID:error:14082174:SSL routines:…:dh key too small:s3_clnt.c:3339:".
        event.kind = server ? Kind::ServerTlsDetail : Kind::ClientTlsDetail;
        setProblem(event, rest.substr(2), TlsProblem::Other);
        return;
    }
    if (startsWith(rest, ", ")) {
        parseStarttlsFields(rest.substr(2), server, event);
        return;
    }
}

void parseFrom(std::string_view rest, SendmailEvent &event)
{
    SendmailText::Fields fields(rest);
    std::string_view key;
    std::string_view value;
    std::string_view relay;
    while (fields.next(key, value)) {
        if (key == "from") {
            event.sender = withoutBrackets(value);
        } else if (key == "size") {
            std::int64_t size = 0;
            if (std::from_chars(value.data(), value.data() + value.size(), size).ec == std::errc())
                event.size = size;
        } else if (key == "nrcpts") {
            int count = 0;
            if (std::from_chars(value.data(), value.data() + value.size(), count).ec == std::errc())
                event.recipientCount = count;
        } else if (key == "proto") {
            event.protocol = value;
        } else if (key == "daemon") {
            event.daemon = value;
        } else if (key == "auth") {
            event.authMechanism = value;
        } else if (key == "tls_verify") {
            event.tlsVerify = value;
        } else if (key == "relay") {
            relay = value;
        }
    }
    event.kind = Kind::From;
    if (relay == "[RESPONSE]") {
        event.response = true;
        return;
    }
    setRemote(event, relay);
    const bool smtpProtocol = startsWith(event.protocol, "ESMTP") || startsWith(event.protocol, "SMTP");
    event.smtp = !event.daemon.empty() || (smtpProtocol && !event.ip.empty());
}

void parseTo(std::string_view rest, bool continuation, SendmailEvent &event)
{
    if (continuation) {
        // The tail of a long to= line: its recipients went into the part before.
        std::size_t start = std::string_view::npos;
        for (std::string_view key : {"mailer=", "relay=", "dsn=", "stat="}) {
            std::size_t at = 0;
            while ((at = rest.find(key, at)) != std::string_view::npos) {
                if (at == 0 || (at >= 2 && rest.substr(at - 2, 2) == ", "))
                    break;
                at += key.size();
            }
            if (at != std::string_view::npos && at < start)
                start = at;
        }
        if (start == std::string_view::npos || rest.find("stat=", start) == std::string_view::npos) {
            event.kind = Kind::Ignored;
            return;
        }
        rest.remove_prefix(start);
    }
    SendmailText::Fields fields(rest);
    std::string_view key;
    std::string_view value;
    std::string_view relay;
    bool hasStat = false;
    while (fields.next(key, value)) {
        if (key == "to") {
            event.recipients = value;
        } else if (key == "mailer") {
            event.mailer = value;
        } else if (key == "relay") {
            relay = value;
        } else if (key == "tls_verify") {
            event.tlsVerify = value;
        } else if (key == "stat") {
            event.statText = value;
            hasStat = true;
        }
    }
    if (!hasStat) {
        event.kind = Kind::Ignored;   // the head of a split line, or a to= Sendmail never finished
        return;
    }
    event.kind = Kind::To;
    setRemote(event, relay);
    const std::string_view stat = event.statText;
    if (startsWith(stat, "Sent")) {
        event.stat = SendmailStat::Sent;
    } else if (startsWith(stat, "Deferred")) {
        event.stat = SendmailStat::Deferred;
    } else if (startsWith(stat, "queued") || startsWith(stat, "quarantined")) {
        event.stat = SendmailStat::Other;
    } else {
        // "User unknown", "Service unavailable", "Host unknown (…)", dsn=5.x.x.
        event.stat = stat.empty() ? SendmailStat::Other : SendmailStat::Bounced;
    }
    if (event.stat == SendmailStat::Deferred || event.stat == SendmailStat::Bounced) {
        std::string_view reply = stat;
        if (startsWith(reply, "Deferred: "))
            reply.remove_prefix(10);
        const std::string_view reason = SendmailText::withoutReplyCodes(reply);
        event.connectFailed = SendmailText::isConnectFailure(reply);
        // proto.m4 gives its TLS policy's refusals the reply 403 4.7.0 (503 5.7.0
        // with TLS_PERM_ERR), a code no SMTP server sends.
        const bool policy = startsWith(reply, "403 4.7.0 ") || startsWith(reply, "503 5.7.0 ");
        const TlsProblem problem = policy ? SendmailText::classifyReject(std::string_view(), reason)
                                          : SendmailText::classify(reason);
        if (problem != TlsProblem::None) {
            event.problem = problem;
            event.problemText = reason;
        }
    }
}

void parseRuleset(std::string_view message, SendmailEvent &event)
{
    SendmailText::Fields fields(message);
    std::string_view key;
    std::string_view value;
    std::string_view ruleset;
    std::string_view relay;
    std::string_view reject;
    while (fields.next(key, value)) {
        if (key == "ruleset")
            ruleset = value;
        else if (key == "arg1")
            event.rulesetArg = value;
        else if (key == "relay")
            relay = value;
        else if (key == "reject")
            reject = value;
    }
    if (relay.empty()) {
        event.kind = Kind::Ignored;
        return;
    }
    setRemote(event, relay);
    if (ruleset == "tls_server") {
        // Our TLS_Srv policy refused the server we deliver to (or the handshake broke).
        event.kind = Kind::TlsServerReject;
        event.problemText = SendmailText::withoutReplyCodes(reject);
        event.problem = SendmailText::classifyReject(event.rulesetArg, reject);
        return;
    }
    // The words of proto.m4's TLS_Clt policy, or of a MailTLS window's rules.
    if ((ruleset == "check_rcpt" || ruleset == "check_mail")
        && (reject.find("encryption too weak 0 less than ") != std::string_view::npos
            || reject.find("STARTTLS required for now") != std::string_view::npos)) {
        event.refusedPlaintext = true;
        event.problemText = SendmailText::withoutReplyCodes(reject);
        std::string_view address = event.rulesetArg;
        if (address.size() >= 2 && address.front() == '<' && address.back() == '>')
            address = address.substr(1, address.size() - 2);
        (ruleset == "check_rcpt" ? event.refusedRecipient : event.refusedSender) = address;
    }
    // check_relay refusing a connection with 421 ends it there and then.
    event.kind = (ruleset == "check_relay" && startsWith(reject, "421")) ? Kind::SessionEnd
                                                                         : Kind::SessionLine;
}

// "H [IP] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA",
// "H [IP]: possible SMTP attack: command=AUTH, count=5", "[IP]: EXPN root [rejected]",
// "lost input channel from H [IP] to MTA after rcpt", "rejecting commands from H [IP] due
// to pre-greeting traffic …", "timeout waiting for input from H [IP] during server cmd read".
bool parseClientText(std::string_view rest, SendmailEvent &event)
{
    auto named = [&event](std::string_view text) {
        SendmailText::Remote remote;
        const std::size_t used = SendmailText::parseRemote(text, remote);
        if (used == 0 || remote.ip.empty())
            return std::string_view::npos;
        event.host = remote.host;
        event.ip = remote.ip;
        event.forged = remote.forged;
        return used;
    };
    auto daemonAfter = [&event](std::string_view text, std::string_view marker) {
        const std::size_t at = text.find(marker);
        if (at == std::string_view::npos)
            return;
        std::string_view daemon = text.substr(at + marker.size());
        daemon = daemon.substr(0, daemon.find(' '));
        event.daemon = daemon;
    };

    for (std::string_view lead : {"lost input channel from ", "timeout waiting for input from ",
                                  "rejecting commands from ", "connect from "}) {
        if (!startsWith(rest, lead))
            continue;
        const std::string_view text = rest.substr(lead.size());
        const std::size_t used = named(text);
        if (used == std::string_view::npos) {
            // "timeout waiting for input from mx.example.net. during client greeting":
            // a delivery, with no address.
            event.kind = Kind::Ignored;
            return true;
        }
        const std::string_view after = text.substr(used);
        if (lead == "timeout waiting for input from ")
            event.kind = startsWith(after, " during server") ? Kind::SessionEnd : Kind::Ignored;
        else if (lead == "lost input channel from ")
            event.kind = Kind::SessionEnd;
        else
            event.kind = Kind::SessionLine;
        if (lead == "lost input channel from ")
            daemonAfter(after, " to ");
        return true;
    }
    const std::size_t used = named(rest);
    if (used == std::string_view::npos)
        return false;
    const std::string_view after = rest.substr(used);
    if (startsWith(after, " did not issue ")) {
        event.kind = Kind::SessionEnd;
        daemonAfter(after, "during connection to ");
        return true;
    }
    if (startsWith(after, ": possible SMTP attack")) {
        event.kind = Kind::SessionEnd;
        return true;
    }
    if (startsWith(after, ": ")) {
        event.kind = Kind::SessionLine;   // EXPN/VRFY refused, and the like
        return true;
    }
    event.host = std::string_view();
    event.ip = std::string_view();
    event.forged = false;
    return false;
}

// What a message after "QUEUEID: " says that is known and changes nothing.
bool isKnownQueueLine(std::string_view rest)
{
    for (std::string_view prefix :
         {"<", "Milter", "milter=", "DSN: ", "return to sender: ", "sender notify: ", "postmaster notify: ",
          "clone: ", "done", "discarded", "SYSERR", "collect: ", "Authentication-Warning", "Losing ",
          "savemail", "forward ", "alias ", "maxrcpt", "too many recipients", "setsender: ",
          "headers too large", "message size", "lost connection", "quarantine", "--", "<--", "-->",
          "remote ", "tcpwrappers ", "deferred", "timeout waiting for input", "makeconnection",
          "Message accepted"}) {
        if (startsWith(rest, prefix))
            return true;
    }
    return false;
}

bool isKnownDaemonLine(std::string_view message)
{
    for (std::string_view prefix :
         {"starting daemon", "stopping daemon", "restarting ", "alias database ", "/etc/mail/aliases",
          "/etc/aliases", "accepting connections", "rejecting connections", "runqueue",
          "grew WorkList", "daemon ", "SYSERR", "unable to ", "sendmail starting", "My unqualified",
          "gethostbyaddr", "NOQUEUE", "queue run", "child ", "savemail panic", "sm-msp-queue",
          "AUTH=client, ", "AUTH: ", "AUTH warning", "Authentication-Warning", "tcpwrappers "}) {
        if (startsWith(message, prefix))
            return true;
    }
    return false;
}

} // namespace

bool SendmailParser::isSendmailProgram(std::string_view program)
{
    return program == "sendmail" || program == "sm-mta" || program == "sm-msp-queue"
        || program == "sm-acceptingconnections";
}

bool SendmailParser::isLocalSubmissionProgram(std::string_view program)
{
    return program == "sm-msp-queue";
}

SendmailEvent SendmailParser::parse(std::string_view message)
{
    SendmailEvent event;
    while (!message.empty() && (message.back() == ' ' || message.back() == '\r'))
        message.remove_suffix(1);

    std::string_view queueId;
    bool continuation = false;
    const std::size_t prefix = queueIdPrefix(message, queueId, continuation);
    std::string_view rest = message.substr(prefix);
    event.queueId = queueId;

    if (startsWith(rest, "STARTTLS")) {
        parseStarttls(rest, event);
        return event;
    }
    if (startsWith(rest, "AUTH=server, ")) {
        SendmailText::Fields fields(rest.substr(13));
        std::string_view key;
        std::string_view value;
        while (fields.next(key, value)) {
            if (key == "relay")
                setRemote(event, value);
        }
        event.kind = Kind::Auth;
        return event;
    }
    if (startsWith(rest, "ruleset=")) {
        parseRuleset(rest, event);
        return event;
    }
    if (prefix > 0) {
        if (continuation) {
            parseTo(rest, true, event);
            return event;
        }
        if (startsWith(rest, "from=")) {
            parseFrom(rest, event);
            return event;
        }
        if (startsWith(rest, "to=")) {
            parseTo(rest, false, event);
            return event;
        }
        if (startsWith(rest, "AUTH failure (")) {
            const std::size_t relay = rest.rfind("relay=");
            if (relay != std::string_view::npos)
                setRemote(event, rest.substr(relay + 6));
            event.kind = event.ip.empty() ? Kind::Ignored : Kind::SessionLine;
            return event;
        }
        if (parseClientText(rest, event))
            return event;
        std::string_view other;
        bool otherContinuation = false;
        // "QUEUEID: NOTIFYID: DSN: …", "QUEUEID: NOTIFYID: return to sender: …".
        if (isKnownQueueLine(rest) || queueIdPrefix(rest, other, otherContinuation) > 0) {
            event.kind = Kind::Ignored;
            return event;
        }
        return event;
    }
    if (parseClientText(rest, event))
        return event;
    if (isKnownDaemonLine(rest))
        event.kind = Kind::Ignored;
    return event;
}

} // namespace mailtls
