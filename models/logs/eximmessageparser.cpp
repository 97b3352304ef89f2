#include "models/logs/eximmessageparser.h"

#include <cstdint>

#include "models/logs/eximtlstext.h"
#include "models/logs/postfixscanner.h"

namespace mailtls {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlnum(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return PostfixScanner::startsWith(text, prefix);
}

std::string_view skipSpaces(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    return text;
}

std::string_view firstToken(std::string_view text)
{
    return text.substr(0, text.find(' '));
}

// An address: to the next blank, a quoted local part ("name with spaces"@domain) whole.
std::string_view addressToken(std::string_view text)
{
    std::size_t p = 0;
    while (p < text.size() && text[p] != ' ') {
        if (text[p] == '"') {
            ++p;
            while (p < text.size() && text[p] != '"')
                p += text[p] == '\\' ? 2 : 1;
        }
        ++p;
    }
    return text.substr(0, std::min(p, text.size()));
}

// "[1/3] " or "[1\3] ": the part marker of a line Exim split for syslog.
// `part` is the part's number; false when the text has no marker.
bool splitMarker(std::string_view text, int &part, std::size_t &length)
{
    if (text.size() < 6 || text.front() != '[')
        return false;
    std::size_t p = 1;
    int value = 0;
    while (p < text.size() && p < 6 && isDigit(text[p]))
        value = value * 10 + (text[p++] - '0');
    if (p == 1 || p >= text.size() || (text[p] != '/' && text[p] != '\\'))
        return false;
    const std::size_t slash = p++;
    while (p < text.size() && p < slash + 6 && isDigit(text[p]))
        ++p;
    if (p == slash + 1 || p + 1 >= text.size() || text[p] != ']' || text[p + 1] != ' ')
        return false;
    part = value;
    length = p + 2;
    return true;
}

// Exim's own "YYYY-MM-DD HH:MM:SS[.mmm][ +zzzz] " inside a syslog message.
std::size_t innerStamp(std::string_view text)
{
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':'
        || text[16] != ':')
        return 0;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!isDigit(text[i]))
            return 0;
    }
    std::size_t p = 19;
    if (p < text.size() && text[p] == '.') {
        ++p;
        while (p < text.size() && isDigit(text[p]))
            ++p;
    }
    if (p >= text.size() || text[p] != ' ')
        return 0;
    ++p;
    if (p + 5 <= text.size() && (text[p] == '+' || text[p] == '-') && isDigit(text[p + 1])
        && isDigit(text[p + 2]) && isDigit(text[p + 3]) && isDigit(text[p + 4])
        && (p + 5 == text.size() || text[p + 5] == ' '))
        p = p + 5 < text.size() ? p + 6 : p + 5;
    return p;
}

// "[4711] " (+pid).
std::size_t innerPid(std::string_view text, std::int64_t &pid)
{
    if (text.size() < 4 || text.front() != '[')
        return 0;
    std::size_t p = 1;
    std::int64_t value = 0;
    while (p < text.size() && p <= 18 && isDigit(text[p]))
        value = value * 10 + (text[p++] - '0');
    if (p == 1 || p + 1 >= text.size() || text[p] != ']' || text[p + 1] != ' ')
        return 0;
    pid = value;
    return p + 2;
}

// A field value: to the next blank, or a quoted string with backslash escapes.
std::size_t valueLength(std::string_view text)
{
    if (!text.empty() && text.front() == '"') {
        std::size_t p = 1;
        while (p < text.size() && text[p] != '"')
            p += text[p] == '\\' ? 2 : 1;
        return p < text.size() ? p + 1 : text.size();
    }
    return std::min(text.find(' '), text.size());
}

std::string_view unquote(std::string_view value)
{
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return value.substr(1, value.size() - 2);
    return value;
}

std::int64_t readSize(std::string_view value)
{
    if (value.empty() || value.size() > 18)
        return -1;
    std::int64_t size = 0;
    for (char c : value) {
        if (!isDigit(c))
            return -1;
        size = size * 10 + (c - '0');
    }
    return size;
}

void takeField(std::string_view name, std::string_view value, EximEvent &e)
{
    switch (name.size()) {
    case 1:
        switch (name.front()) {
        case 'P': e.protocol = value; break;
        case 'X': e.cipher = value; break;
        case 'A': e.authenticator = value; break;
        case 'U': e.user = value; break;
        case 'T': e.transport = value; break;
        case 'S': e.size = readSize(value); break;
        default: break;
        }
        break;
    case 2:
        if (name == "CV")
            e.verified = value;
        else if (name == "DN") {
            e.peerDn = unquote(value);
            e.hasDn = true;
        } else if (name == "Ci")
            e.connectionId = value;
        break;
    default:
        break;
    }
}

// Where reading fields stops: at the end; at the recipients an arrival lists
// after " for " (addresses may hold "S=" or "X="); at the error text.
enum class Stop { Never, AtRecipients, AtWords };

// Reads "NAME=value" fields and H= hosts from `text` up to its end, or (with
// Stop::AtWords) up to the first word that is neither a field, an address in
// angle brackets nor a parent in parentheses: where the error text of a
// failure or deferral starts. A value ending in ':' ("T=remote_smtp:") ends
// the fields too. Returns where reading stopped.
std::size_t readFields(std::string_view text, EximEvent &e, Stop stop)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == ' ') {
            ++pos;
            continue;
        }
        const std::string_view rest = text.substr(pos);
        if (startsWith(rest, "H=")) {
            EximHost host;
            const std::size_t n = EximMessageParser::parseHost(rest.substr(2), host);
            if (n > 0) {
                if (!e.host.present)
                    e.host = host;
                pos += 2 + n;
                if (pos < text.size() && text[pos] == ':')
                    return pos;
                continue;
            }
        }
        std::size_t nameEnd = 0;
        while (nameEnd < rest.size() && (isAlnum(rest[nameEnd]) || rest[nameEnd] == '*'))
            ++nameEnd;
        if (nameEnd > 0 && nameEnd < rest.size() && rest[nameEnd] == '=') {
            const std::string_view valueText = rest.substr(nameEnd + 1);
            const std::size_t length = valueLength(valueText);
            std::string_view value = valueText.substr(0, length);
            const bool ends = stop == Stop::AtWords && !value.empty() && value.back() == ':'
                && value.front() != '"';
            if (ends)
                value.remove_suffix(1);
            takeField(rest.substr(0, nameEnd), value, e);
            pos += nameEnd + 1 + length;
            if (ends)
                return pos;
            continue;
        }
        const std::string_view word = firstToken(rest);
        if (stop == Stop::AtRecipients && word == "for")
            return pos;
        if (stop == Stop::AtWords) {
            const bool aside = word.size() >= 2
                && ((word.front() == '<' && word.back() == '>') || (word.front() == '(' && word.back() == ')'));
            // "<original@address>: reason": the error text starts after it.
            if (word.size() >= 3 && word.front() == '<' && word.substr(word.size() - 2) == ">:")
                return pos + word.size();
            if (!aside)
                return pos;
        }
        pos += word.size();
    }
    return pos;
}

// The position of "H=" at the start of a word in `text`, or npos.
std::size_t findHostField(std::string_view text)
{
    std::size_t from = 0;
    while (true) {
        const std::size_t at = text.find("H=", from);
        if (at == std::string_view::npos || at == 0 || text[at - 1] == ' ')
            return at;
        from = at + 2;
    }
}

// The text after a host: ": reason" or " reason", without the separator.
std::string_view afterHost(std::string_view text)
{
    if (startsWith(text, ":"))
        text.remove_prefix(1);
    return skipSpaces(text);
}

TlsProblem tlsProblem(std::string_view text)
{
    const TlsProblem problem = EximTlsText::classify(text);
    return problem == TlsProblem::None ? TlsProblem::Other : problem;
}

// The error text of a failure or deferral: "defer (-37) H=host [ip]: reason",
// ": reason", "<orig>: reason". Finds the host when the fields had none.
void readError(std::string_view text, EximEvent &e)
{
    text = skipSpaces(text);
    if (startsWith(text, ":"))
        text = skipSpaces(text.substr(1));
    const std::size_t at = findHostField(text);
    if (at != std::string_view::npos) {
        EximHost host;
        const std::size_t n = EximMessageParser::parseHost(text.substr(at + 2), host);
        if (n > 0) {
            if (!e.host.present)
                e.host = host;
            text = afterHost(text.substr(at + 2 + n));
        }
    } else if (startsWith(text, "defer (") || startsWith(text, "fail (")) {
        const std::size_t close = text.find("): ");
        if (close != std::string_view::npos)
            text = text.substr(close + 3);
    }
    e.reason = text;
    if (EximTlsText::isTlsReason(text))
        e.problem = tlsProblem(text);
}

EximFlag flagOf(std::string_view text)
{
    if (text.size() < 3 || text[2] != ' ')
        return EximFlag::None;
    const std::string_view flag = text.substr(0, 2);
    if (flag == "<=")
        return EximFlag::Arrival;
    if (flag == "=>")
        return EximFlag::Delivered;
    if (flag == "->")
        return EximFlag::Additional;
    if (flag == "==")
        return EximFlag::Deferred;
    if (flag == "**")
        return EximFlag::Failed;
    if (flag == ">>")
        return EximFlag::Cutthrough;
    if (flag == "*>")
        return EximFlag::Suppressed;
    if (flag == "(=")
        return EximFlag::FakeReject;
    return EximFlag::None;
}

void parseFlagged(std::string_view text, EximFlag flag, EximEvent &e)
{
    e.flag = flag;
    text = skipSpaces(text.substr(3));
    const std::string_view address = addressToken(text);
    text.remove_prefix(address.size());
    if (flag == EximFlag::Arrival || flag == EximFlag::FakeReject) {
        e.kind = EximLineKind::Arrival;
        e.address = address == "<>" ? std::string_view() : address;
        readFields(text, e, Stop::AtRecipients);
        return;
    }
    e.kind = EximLineKind::Delivery;
    e.address = address;
    if (flag == EximFlag::Deferred || flag == EximFlag::Failed) {
        const std::size_t stop = readFields(text, e, Stop::AtWords);
        readError(text.substr(stop), e);
        return;
    }
    readFields(text, e, Stop::Never);
}

// "TLS session: (…): detail: delivering unencrypted to H=host [ip] (not in
// hosts_require_tls)", and the same for a callout ("callout unencrypted to
// host [ip]").
void parseFallback(std::string_view text, EximEvent &e)
{
    e.kind = EximLineKind::TlsFallback;
    std::string_view detail = text;
    for (std::string_view marker : {std::string_view(": delivering unencrypted to "),
                                    std::string_view(": callout unencrypted to ")}) {
        const std::size_t at = text.find(marker);
        if (at == std::string_view::npos)
            continue;
        detail = text.substr(0, at);
        std::string_view target = text.substr(at + marker.size());
        if (startsWith(target, "H="))
            target.remove_prefix(2);
        EximHost host;
        if (EximMessageParser::parseHost(target, host) > 0 && !host.ip.empty())
            e.host = host;
        break;
    }
    e.reason = detail;
    e.problem = tlsProblem(detail);
}

// A line of a message about one host it tried: "H=host [ip]: reason",
// "H=host [ip] TLS error on connection (…): reason", "DANE attempt failed; TLS
// connection to host [ip]: reason".
void parseHostFailure(std::string_view hostText, EximEvent &e, bool tls)
{
    EximHost host;
    const std::size_t n = EximMessageParser::parseHost(hostText, host);
    if (n == 0 || host.ip.empty()) {
        e.kind = EximLineKind::Ignored;
        return;
    }
    e.host = host;
    std::string_view rest = hostText.substr(n);
    if (startsWith(rest, " TLS error on connection")) {
        tls = true;
        rest = rest.substr(24);
    } else if (!startsWith(rest, ":")) {
        // "H=client [ip]:port I=… F=<…> rejected after DATA: …": a message
        // refused from a client, not a host this one tried.
        e.kind = EximLineKind::InboundEvent;
        readFields(rest, e, Stop::AtWords);
        return;
    }
    e.kind = EximLineKind::HostFailure;
    e.reason = afterHost(rest);
    if (tls || EximTlsText::isTlsReason(e.reason))
        e.problem = tlsProblem(e.reason);
}

void parseWithId(std::string_view text, EximEvent &e)
{
    const EximFlag flag = flagOf(text);
    if (flag != EximFlag::None) {
        parseFlagged(text, flag, e);
        return;
    }
    if (text == "Completed" || startsWith(text, "Completed ")) {
        e.kind = EximLineKind::Completed;
        return;
    }
    if (startsWith(text, "H=")) {
        parseHostFailure(text.substr(2), e, false);
        return;
    }
    if (startsWith(text, "TLS session: ")) {
        parseFallback(text.substr(13), e);
        return;
    }
    if (startsWith(text, "DANE attempt failed; TLS connection to ")) {
        parseHostFailure(text.substr(39), e, true);
        return;
    }
    if (startsWith(text, "SMTP connection from ")) {
        const std::size_t n = EximMessageParser::parseHost(text.substr(21), e.host);
        if (n > 0) {
            e.kind = EximLineKind::ConnectionClose;
            readFields(text.substr(21 + n), e, Stop::Never);
            return;
        }
    }
    // Every other line of a message (routing, retries, frozen, DKIM, spam
    // scores, per-host verification detail) is Exim's and changes no figure.
    e.kind = EximLineKind::Ignored;
}

// "… from host [ip]…": the host after `prefix`, and the fields after it.
bool parseFrom(std::string_view text, std::string_view prefix, EximLineKind kind, EximEvent &e)
{
    if (!startsWith(text, prefix))
        return false;
    const std::string_view hostText = text.substr(prefix.size());
    const std::size_t n = EximMessageParser::parseHost(hostText, e.host);
    if (n == 0)
        return false;
    e.kind = kind;
    readFields(hostText.substr(n), e, Stop::Never);
    return true;
}

// Lines without a message id that are Exim's own and change no figure.
bool isKnownLine(std::string_view text)
{
    static constexpr std::string_view prefixes[] = {
        "Start queue run", "End queue run", "exim ", "Ci=", "SMTP ", "rejected ", "no host name found",
        "no IP address found", "Warning:", "cwd=", "Spool ", "spool ", "daemon", "pid ", "TLS ",
        "DKIM", "SA:", "Connection from", "LOG:", "Failed to ", "failed to ", "unable to ",
        "host name alias", "ETRN", "sender verify", "temporarily rejected", "refused ",
        "Too many", "connection ", "Connection ", "SIGHUP", "Unfrozen", "Message ", "message ",
        "[", "ident ", "unexpected ", "no MAIL", "H=", "F=", "U=", "cannot ", "Cannot ",
        "Frozen", "Ignored ", "exiqgrep", "Tainted", "DNS list", "dnslist", "lost ",
        "error ", "Error ", "malware", "DMARC", "SPF", "ARC", "callout", "Callout",
    };
    for (std::string_view prefix : prefixes) {
        if (startsWith(text, prefix))
            return true;
    }
    static constexpr std::string_view phrases[] = {
        "authenticator failed for ", " rejected ", "SMTP connection", " dropped",
        "verify fail", "timeout", "no host name", "retry time not reached",
    };
    for (std::string_view phrase : phrases) {
        if (text.find(phrase) != std::string_view::npos)
            return true;
    }
    return false;
}

void parseWithoutId(std::string_view text, EximEvent &e)
{
    if (startsWith(text, "TLS error on connection from ")) {
        const std::string_view hostText = text.substr(29);
        const std::size_t n = EximMessageParser::parseHost(hostText, e.host);
        if (n > 0 && !e.host.ip.empty()) {
            e.kind = EximLineKind::InboundTlsError;
            // I=[…]:25 and Ci=… may come between the client and the error.
            const std::string_view rest = hostText.substr(n);
            e.reason = skipSpaces(rest.substr(readFields(rest, e, Stop::AtWords)));
            e.problem = tlsProblem(e.reason);
            return;
        }
    }
    if (startsWith(text, "SMTP connection from ")) {
        const bool opens = text.find("(TCP/IP connection count") != std::string_view::npos;
        if (parseFrom(text, "SMTP connection from ",
                      opens ? EximLineKind::ConnectionOpen : EximLineKind::ConnectionClose, e))
            return;
    }
    if (parseFrom(text, "no MAIL in SMTP connection from ", EximLineKind::NoMail, e)
        || parseFrom(text, "unexpected disconnection while reading SMTP command from ",
                     EximLineKind::ConnectionClose, e)
        || parseFrom(text, "SMTP command timeout on connection from ", EximLineKind::ConnectionClose, e)
        || parseFrom(text, "SMTP command timeout on TLS connection from ", EximLineKind::ConnectionClose, e)
        || parseFrom(text, "SMTP data timeout (message abandoned) on connection from ",
                     EximLineKind::ConnectionClose, e)
        || parseFrom(text, "SMTP call from ", EximLineKind::ConnectionClose, e))
        return;
    if (startsWith(text, "H=")) {
        const std::size_t n = EximMessageParser::parseHost(text.substr(2), e.host);
        if (n > 0 && !e.host.ip.empty()) {
            e.kind = EximLineKind::InboundEvent;
            readFields(text.substr(2 + n), e, Stop::AtWords);
            return;
        }
    }
    e.host = EximHost();
    e.kind = isKnownLine(text) ? EximLineKind::Ignored : EximLineKind::Unrecognised;
}

} // namespace

bool EximMessageParser::isMessageId(std::string_view id)
{
    std::size_t middle = 0;
    std::size_t last = 0;
    if (id.size() == 16) {
        middle = 6;
        last = 2;
    } else if (id.size() == 23) {
        middle = 11;
        last = 4;
    } else {
        return false;
    }
    if (id[6] != '-' || id[7 + middle] != '-')
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (i == 6 || i == 7 + middle)
            continue;
        if (!isAlnum(id[i]))
            return false;
    }
    return last == id.size() - 8 - middle;
}

std::size_t EximMessageParser::parseHost(std::string_view text, EximHost &host)
{
    host = EximHost();
    std::size_t pos = 0;
    if (text.empty() || text.front() == ' ')
        return 0;
    if (text.front() != '[') {
        if (text.front() == '(') {
            // A HELO name may hold blanks: up to the ')' before " [".
            const std::size_t close = text.find(") [");
            const std::size_t end = close != std::string_view::npos ? close : text.find(')');
            if (end == std::string_view::npos)
                return 0;
            host.helo = text.substr(1, end - 1);
            pos = end + 1;
        } else {
            const std::size_t end = std::min(text.find(' '), text.size());
            host.name = text.substr(0, end);
            if (!host.name.empty() && host.name.back() == ':') {
                // "H=host: reason" without an address.
                host.name.remove_suffix(1);
                host.present = !host.name.empty();
                return host.present ? end - 1 : 0;
            }
            pos = end;
            if (pos + 1 < text.size() && text[pos] == ' ' && text[pos + 1] == '(') {
                const std::string_view rest = text.substr(pos + 1);
                const std::size_t close = rest.find(") [");
                if (close != std::string_view::npos) {
                    host.helo = rest.substr(1, close - 1);
                    pos += 1 + close + 1;
                }
            }
        }
        if (pos + 1 < text.size() && text[pos] == ' ' && text[pos + 1] == '[')
            ++pos;
    }
    host.present = true;
    if (pos >= text.size() || text[pos] != '[')
        return pos;
    const std::size_t close = text.find(']', pos);
    if (close == std::string_view::npos)
        return pos;
    host.ip = text.substr(pos + 1, close - pos - 1);
    pos = close + 1;
    // ":port", then "*" for a connection used before; ": " starts a reason.
    if (pos + 1 < text.size() && text[pos] == ':' && text[pos + 1] != ' ') {
        std::size_t end = pos + 1;
        int port = 0;
        bool digits = true;
        while (end < text.size() && text[end] != ' ' && text[end] != ':' && text[end] != '*') {
            if (isDigit(text[end]) && port < 100000)
                port = port * 10 + (text[end] - '0');
            else
                digits = false;
            ++end;
        }
        host.port = digits ? port : 0;
        pos = end;
    }
    if (pos < text.size() && text[pos] == '*') {
        host.reused = true;
        ++pos;
    }
    return pos;
}

EximEvent EximMessageParser::parse(std::string_view message)
{
    EximEvent e;
    std::string_view text = message;
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);

    int part = 0;
    std::size_t length = 0;
    if (splitMarker(text, part, length)) {
        if (part != 1) {
            // The rest of a long line split for syslog: its first part was read.
            e.kind = EximLineKind::Ignored;
            return e;
        }
        text.remove_prefix(length);
    }
    text.remove_prefix(innerStamp(text));
    text.remove_prefix(innerPid(text, e.innerPid));

    const std::string_view id = firstToken(text);
    if (isMessageId(id)) {
        e.messageId = id;
        parseWithId(skipSpaces(text.substr(id.size())), e);
        return e;
    }
    parseWithoutId(text, e);
    return e;
}

} // namespace mailtls
