#pragma once

#include <string_view>

#include "models/logs/sendmailevent.h"

namespace mailtls {

// Reads one Sendmail log message (the part after "sm-mta[pid]: ") into a
// SendmailEvent: the STARTTLS=server/client lines and their failures, from=
// and to= lines, AUTH=server, the ruleset rejections and the lines that name
// an SMTP client. Stateless: the lines of one pid are put together by
// SendmailAssembler.
class SendmailParser final
{
public:
    // The syslog tags Sendmail logs under: sendmail (the MTA on most systems,
    // the submission program on Debian), sm-mta (Debian's MTA daemon),
    // sm-msp-queue (Debian's queue runner for locally submitted mail) and
    // sm-acceptingconnections (the daemon's process title, which some syslog
    // daemons take for the tag).
    static bool isSendmailProgram(std::string_view program);
    // Local submission (COUNTING.md: not interconnect, a local hop).
    static bool isLocalSubmissionProgram(std::string_view program);

    static SendmailEvent parse(std::string_view message);
};

} // namespace mailtls
