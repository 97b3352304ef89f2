#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "models/logs/eximevent.h"
#include "models/logs/records.h"

namespace mailtls {

// An Exim reject line for a MAIL or RCPT refused because the client did not
// use TLS: what an ACL such as
//
//     deny    message = STARTTLS required
//             !encrypted = *
//
// logs ("H=host [ip] F=<sender> rejected RCPT <recipient>: STARTTLS required";
// `defer` instead of `deny` logs "temporarily rejected RCPT …"). Exim writes
// the ACL's message (or its log_message) after the address, so the line is a
// refusal for lacking TLS when the connection was not encrypted (no X=) and
// that text speaks of TLS or encryption. An ACL without a message logs the
// bare "rejected RCPT <recipient>" (the client reads Exim's default,
// "administrative prohibition"): that names no reason, and is not counted.
class EximRefusal final
{
public:
    // `message`: the line's message part; `event`: EximMessageParser's reading
    // of it (an InboundEvent).
    static std::optional<RefusalRecord> parse(std::string_view message, const EximEvent &event, std::int64_t time,
                                              std::int64_t offset);

    // The reason text names TLS or encryption (case-insensitive).
    static bool namesTls(std::string_view reason);
};

} // namespace mailtls
