#pragma once

#include <string_view>

#include "models/logs/logevent.h"
#include "models/logs/logline.h"

namespace mailtls {

// Turns one Postfix line (prefix already split off by LinePrefixParser) into a
// LogEvent. Pure: no state, no allocation; the event's views point into the
// line. Lines that no rule recognises come back as EventKind::Unrecognised, and
// so do lines of a program that is not Postfix (isPostfixProgram() false).
class PostfixParser final
{
public:
    // "postfix/smtpd", "postfix/submission/smtpd", "postfix-out/smtp",
    // "postfix/smtp-25/smtpd", … — anything Postfix logs under.
    static bool isPostfixProgram(std::string_view program);

    LogEvent parse(const LogLine &line) const;
};

} // namespace mailtls
