#pragma once

#include <cstddef>
#include <string_view>

#include "models/logs/eximevent.h"

namespace mailtls {

// Reads the message part of one Exim main log line (after the stamp, or after
// "exim[pid]: " in syslog) into an EximEvent. Also takes what Exim or a syslog
// daemon may put in front of it: the part marker "[1/3] " of a long line split
// for syslog (the later parts are passed over), Exim's own stamp when
// syslog_timestamp is left on, and "[pid] " (+pid).
//
// Fields are read by name, in any order, so that log_selector settings that
// add or remove some (I=, Ci=, DN=, SNI=, QT=, L, K, TFO, …) change nothing;
// quoted values (C="…", T="…", DN="…") are skipped whole.
class EximMessageParser final
{
public:
    static EximEvent parse(std::string_view message);

    // 1rmABC-000123-AB (before 4.97) or 1rmABC-00000001Ab-Cde0 (4.97 and later):
    // three groups of 6-6-2 or 6-11-4 base-62 characters.
    static bool isMessageId(std::string_view id);

    // "name (helo) [ip]:port*" and its shorter forms at the start of `text`;
    // the number of characters read, 0 when none.
    static std::size_t parseHost(std::string_view text, EximHost &host);
};

} // namespace mailtls
