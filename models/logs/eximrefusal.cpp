#include "models/logs/eximrefusal.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "models/logs/assemblertypes.h"
#include "models/logs/eximassemblerstate.h"

namespace mailtls {

namespace {

// The address in "<…>" at the start of `text` (without the brackets), and
// what follows it.
bool takeAddress(std::string_view text, std::string_view *address, std::string_view *rest)
{
    if (text.empty() || text.front() != '<')
        return false;
    const std::size_t close = text.find('>');
    if (close == std::string_view::npos)
        return false;
    *address = text.substr(1, close - 1);
    *rest = text.substr(close + 1);
    return true;
}

// The F=<sender> field before `end`, when the line has one.
std::string_view senderField(std::string_view text)
{
    std::size_t from = 0;
    while (true) {
        const std::size_t at = text.find("F=<", from);
        if (at == std::string_view::npos)
            return {};
        if (at == 0 || text[at - 1] == ' ') {
            std::string_view address;
            std::string_view rest;
            if (takeAddress(text.substr(at + 2), &address, &rest))
                return address;
            return {};
        }
        from = at + 3;
    }
}

std::string unquoted(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = text.substr(1, text.size() - 2);
    return std::string(text);
}

} // namespace

bool EximRefusal::namesTls(std::string_view reason)
{
    std::string lower(reason);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return lower.find("tls") != std::string::npos || lower.find("encrypt") != std::string::npos;
}

std::optional<RefusalRecord> EximRefusal::parse(std::string_view message, const EximEvent &event, std::int64_t time,
                                                std::int64_t offset)
{
    if (event.kind != EximLineKind::InboundEvent || exim::encrypted(event) || event.host.ip.empty())
        return std::nullopt;
    std::string_view verb;
    std::size_t at = std::string_view::npos;
    for (std::string_view v : {std::string_view(" rejected RCPT "), std::string_view(" rejected MAIL ")}) {
        at = message.find(v);
        if (at != std::string_view::npos) {
            verb = v;
            break;
        }
    }
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view address;
    std::string_view rest;
    if (!takeAddress(message.substr(at + verb.size()), &address, &rest) || rest.size() < 2 || rest.substr(0, 2) != ": ")
        return std::nullopt;
    const std::string reason = unquoted(rest.substr(2));
    if (!namesTls(reason))
        return std::nullopt;

    const bool rcpt = verb == " rejected RCPT ";
    const exim::Peer peer = exim::Peer::of(event.host, false);
    RefusalRecord r;
    r.key = offset;
    r.direction = exim::authenticated(event) ? Direction::Submission : Direction::Inbound;
    r.peer = assembler::toQString(peer.name);
    r.peerIp = assembler::toQString(peer.ip);
    r.port = 0;
    r.time = time;
    r.reason = assembler::toQString(reason);
    r.sender = assembler::toQString(rcpt ? senderField(message.substr(0, at)) : address);
    r.recipients = rcpt ? assembler::toQString(address) : QString();
    r.local = peer.local;
    r.lines = {offset};
    return r;
}

} // namespace mailtls
