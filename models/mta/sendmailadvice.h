#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/configfinding.h"

namespace mailtls {

struct SendmailInspectionResult;

// Judges an inspected Sendmail by today's advice (not 2015's):
//
// - Diffie-Hellman: Sendmail 8.17 (Debian 12) has no automatic choice of a
//   published group; DHParameters is a file, or one of its own choices: unset
//   or "i" (since 8.15.2: one built-in 2048-bit group, the same on every
//   Sendmail), "2" (a fresh 2048-bit group made at each start, 8.14.8 and
//   later), "1" and "5" (1024 and 512 bits), "none" (no DHE). Advised: the RFC
//   7919 group ffdhe3072 in a file, or a freshly generated group of at least
//   2048 bits; "2" where a file is not wanted; turning DHE off for ECDHE is as
//   good. Each finding says what internet.nl (ffdhe3072/ffdhe4096 or other
//   groups of 3072 bits and more pass; 2048-bit groups are "phase out") and
//   testssl.sh (flags groups under 2048 bits and well-known shared primes)
//   will say. With OpenSSL 3 at its default security level Sendmail cannot
//   use a group under 2048 bits at all and offers no DHE.
// - STARTTLS: the server offers it with ServerCertFile, ServerKeyFile and
//   both CA options set (CACertPath, CACertFile); a daemon whose modifiers
//   hold "S" never offers it.
// - TLS logging: the STARTTLS= lines come at LogLevel 9 and above.
// - sendmail.cf older than sendmail.mc, m4's complaints, a Sendmail that is
//   not running.
class SendmailAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailAdvice)

public:
    static QList<ConfigFinding> findings(const SendmailInspectionResult &inspection);

    // The version-aware Diffie-Hellman advice alone.
    static QString dhAdvice(const SendmailInspectionResult &inspection);

private:
    static void dhFindings(const SendmailInspectionResult &inspection, QList<ConfigFinding> &out);
    static void startTlsFindings(const SendmailInspectionResult &inspection, QList<ConfigFinding> &out);
    static void loggingFindings(const SendmailInspectionResult &inspection, QList<ConfigFinding> &out);
};

} // namespace mailtls
