#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/configfinding.h"

namespace mailtls {

struct DovecotInspectionResult;

// Judges an inspected Dovecot configuration (IMAP and POP) by today's advice:
//
// - Diffie-Hellman: Dovecot 2.3 hands TLS 1.2 clients that ask for DHE the
//   group in ssl_dh and has no automatic choice: without ssl_dh such a client
//   gets no handshake at all ("no DH parameters provided"); its default
//   cipher list does offer DHE suites, though clients choose (by default
//   ssl_prefer_server_ciphers = no) and nearly all choose ECDHE. With OpenSSL
//   3 at Debian's security level 2 a group under 2048 bits cannot even be
//   loaded: every TLS connection fails ("dh key too small"). The advice: an
//   RFC 7919 group of at least 3072 bits, or a freshly generated group of at
//   least 2048; or DHE switched off in ssl_cipher_list (ECDHE only).
//   Dovecot 2.4 renamed the setting ssl_server_dh_file (a path, without
//   '<'); unset, it offers no DHE. Each finding says what the checkers make
//   of it: internet.nl does not test IMAP or POP at all (its mail test is SMTP
//   on port 25); testssl.sh does (HOST:993, or --starttls imap HOST:143).
// - TLS switched off (ssl = no) or without a certificate, versions older than
//   TLS 1.2 accepted, the DH setting overridden inside filters, a
//   configuration doveconf refuses, and a Dovecot that is not running.
class DovecotAdvice final
{
    Q_DECLARE_TR_FUNCTIONS(DovecotAdvice)

public:
    static QList<ConfigFinding> findings(const DovecotInspectionResult &inspection);

    // The version-aware Diffie-Hellman advice alone (the fix to choose and
    // what the checkers then say).
    static QString dhAdvice(const DovecotInspectionResult &inspection);

private:
    static void dhFindings(const DovecotInspectionResult &inspection, QList<ConfigFinding> &out);
};

} // namespace mailtls
