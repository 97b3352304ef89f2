#pragma once

#include <QString>

namespace mailtls {

class CommandHost;

// The host and configuration folder an inspection of Exim, Sendmail or
// Dovecot starts from.
struct InspectedFolder
{
    bool remote = false;
    QString hostAddress; // see hostAddressOf()
    // Cleaned and absolute; empty when a remote inspection was given a
    // relative path, which names no folder on another host.
    QString directory;

    static InspectedFolder resolve(const CommandHost &host, const QString &given);

    // The address of the host a remote inspection runs on, when it is an IP
    // literal (SudoCommandHost knows the host's spec; a name is never looked up).
    static QString hostAddressOf(const CommandHost &host);
};

} // namespace mailtls
