#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/configfinding.h"

namespace mailtls {

struct PostfixInspectionResult;

// Judges an inspected Postfix configuration by today's advice (not 2015's):
//
// - Diffie-Hellman: on Postfix ≥ 3.7 built with OpenSSL 3, leave
//   smtpd_tls_dh1024_param_file empty (OpenSSL picks a published RFC 3526 /
//   RFC 7919 group as strong as the certificate; from 3.8 TLS 1.3 clients also
//   get tls_ffdhe_auto_groups); elsewhere an RFC 7919 group of at least 3072
//   bits, or a freshly generated group of at least 2048 bits. Turning DHE off
//   for ECDHE is as good an answer. Each finding says what internet.nl
//   (ffdhe3072/ffdhe4096 or other groups of 3072 bits and more pass; 2048-bit
//   groups are "phase out") and testssl.sh (flags groups under 2048 bits and
//   well-known shared primes) will say.
// - TLS logging: smtpd_tls_loglevel and smtp_tls_loglevel of 0 leave no line
//   that tells encrypted from plaintext mail.
// - STARTTLS: a server level of none (or empty) or no certificate offers no
//   STARTTLS; a client level of none sends every letter in plaintext.
// - master.cf services that override an inspected parameter, and a Postfix
//   that is not running.
class PostfixAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(PostfixAdvice)

public:
    static QList<ConfigFinding> findings(const PostfixInspectionResult &inspection);

    // The version-aware Diffie-Hellman advice alone (the fix to choose and
    // what the checkers then say).
    static QString dhAdvice(const PostfixInspectionResult &inspection);

private:
    static void dhFindings(const PostfixInspectionResult &inspection, QList<ConfigFinding> &out);
    static void loggingFindings(const PostfixInspectionResult &inspection, QList<ConfigFinding> &out);
    static void startTlsFindings(const PostfixInspectionResult &inspection, QList<ConfigFinding> &out);
};

} // namespace mailtls
