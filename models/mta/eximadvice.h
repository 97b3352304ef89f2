#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/configfinding.h"

namespace mailtls {

struct EximInspectionResult;

// Judges an inspected Exim by today's advice (not 2015's), for the TLS
// library it was built with:
//
// - Diffie-Hellman: what Exim really offers a DHE client (EximServedDh).
//   With GnuTLS 3.6 or later (Debian's exim4) tls_dhparam only chooses a
//   size: GnuTLS offers ffdhe2048 below 3072 bits, ffdhe3072 from 3072,
//   ffdhe8192 from 8192, never the prime of a file; "none" turns DHE off.
//   With OpenSSL the group named is offered as it is, unless it is larger
//   than tls_dh_max_bits (default 2236), when Exim offers no DHE at all;
//   unset, Exim's own 2048-bit group exim.dev.20160529.3. The advice is an
//   RFC 7919 group of at least 3072 bits by Exim's own name (ffdhe3072;
//   with OpenSSL and tls_dh_max_bits raised), or a freshly generated group
//   of at least 2048 bits with OpenSSL; "none" (ECDHE only) is as good. Each
//   finding says what internet.nl and testssl.sh then say.
// - STARTTLS: tls_advertise_hosts empty offers none; without
//   tls_certificate Exim (4.88 and later) makes a self-signed certificate
//   per connection; the key must be readable by Exim's user.
// - TLS logging: log_selector must leave tls_cipher on (the X= of every <=
//   and => line, which tells encrypted from plaintext mail), and MailTLS
//   asks for tls_certificate_verified and tls_peerdn beside it.
// - A Debian configuration changed after update-exim4.conf last ran, and an
//   Exim that is not running.
class EximAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(EximAdvice)

public:
    static QList<ConfigFinding> findings(const EximInspectionResult &inspection);

    // The version- and library-aware Diffie-Hellman advice alone.
    static QString dhAdvice(const EximInspectionResult &inspection);

private:
    static void dhFindings(const EximInspectionResult &inspection, QList<ConfigFinding> &out);
    static void startTlsFindings(const EximInspectionResult &inspection, QList<ConfigFinding> &out);
    static void loggingFindings(const EximInspectionResult &inspection, QList<ConfigFinding> &out);
};

} // namespace mailtls
