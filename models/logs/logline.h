#pragma once

#include <cstdint>
#include <string_view>

namespace mailtls {

// One syslog-style line split into its prefix fields. Views point into the
// caller's buffer and are valid only as long as that buffer is.
struct LogLine
{
    std::int64_t timeUtc = 0;     // seconds since the epoch, UTC
    std::int32_t fraction = 0;    // microseconds, when the stamp carried them
    std::string_view host;
    std::string_view program;     // "postfix/smtpd", "postfix-out/smtp", "sm-mta", …
    std::int64_t pid = -1;        // -1 when the line had no [pid]
    std::string_view message;     // everything after "program[pid]: "
};

} // namespace mailtls
