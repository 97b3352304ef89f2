#pragma once

#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// One thing an inspection of the own MTA's configuration found, in words its
// admin can act on.
struct ConfigFinding
{
    QString code; // stable: "dh-weak-shared", "tls-log-off", "no-starttls", …
    Severity severity = Severity::Info;
    QString title; // one line
    QString evidence; // the setting and value, or the file, as read
    QString advice; // what to do, and what the common checkers then say
    // The `mailtls fix` verb that changes it ("logjam", "starttls",
    // "tls-logging"); empty when there is nothing to fix or no fix for it.
    QString fix;
};

} // namespace mailtls
