#pragma once

#include <cstdint>

#include "tests/bench/loggen/mailworld.h"
#include "tests/bench/loggen/random.h"
#include "tests/bench/loggen/scenario.h"

// Dovecot's lines in a shared mail.log, whatever MTA writes beside it.
namespace mailtls::bench::dovecot {

// A user's IMAP login and, later, its logout; `nextPid` gives the imap process's pid.
void imapSession(Scenario &scenario, Random &random, MailWorld &world, std::int64_t &nextPid, std::int64_t t);
// A bot that opens the IMAP port and never logs in: one line.
void imapProbe(Scenario &scenario, Random &random, MailWorld &world, std::int64_t t);

} // namespace mailtls::bench::dovecot
