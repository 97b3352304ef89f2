#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/store/querycontext.h"
#include "models/store/tlsloggingevidence.h"

namespace mailtls {

// Finds an MTA that does not log TLS, so that encrypted mail would be counted
// as plaintext or its TLS details would be missing.
//
// The rule, for inbound (smtpd) and outbound (smtp) connections apart, over
// the filter's time range, always without local hops and peers listed as
// local (a content filter on loopback speaks plaintext by design) and
// whatever the filter's directions (submission is never judged: wrapper-mode
// submissions may log no TLS line at all):
//   1. fewer than `minimumConnections` connections: TooFewConnections;
//   2. no connection encrypted: NothingEncrypted. Encryption is counted from
//      TLS lines, disconnect statistics (starttls=1, Postfix >= 3.0) and
//      Postfix 3.11's tls= field, so none at all means the MTA wrote none of
//      them (TLS logging off on an older Postfix, or no TLS at all);
//   3. encrypted connections, but none with a logged protocol:
//      DetailsNotLogged. Postfix >= 3.0 with smtpd_tls_loglevel = 0 (its
//      default) logs starttls=1 but no "TLS connection established" line;
//   4. else Logged.
class TlsLoggingCheck final
{
    Q_DECLARE_TR_FUNCTIONS(TlsLoggingCheck)

public:
    static constexpr qint64 defaultMinimumConnections = 20;

    static TlsLogging judge(qint64 connections, qint64 encryptedConnections,
                            qint64 loggedConnections, qint64 minimumConnections);

    // Evidence for inbound, then outbound.
    static bool run(const QueryContext &context, qint64 minimumConnections,
                    QList<TlsLoggingEvidence> *evidence, QString *error);

    // True when any direction's verdict is NothingEncrypted or DetailsNotLogged.
    static bool tlsNotLogged(const QList<TlsLoggingEvidence> &evidence);
    // What the banner says, and how to fix it; empty when nothing is wrong.
    static QString advice(const TlsLoggingEvidence &evidence);
};

} // namespace mailtls
