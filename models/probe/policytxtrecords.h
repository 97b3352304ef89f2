#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "models/probe/probetypes.h"

namespace mailtls {

// Reads the TXT records that announce MTA-STS (RFC 8461 3.1, at
// _mta-sts.<domain>) and TLS-RPT (RFC 8460 3, at _smtp._tls.<domain>), as a
// sending MTA does: records of other kinds at the same name are skipped, and
// anything but exactly one well-formed record of the kind is an error that
// says what is wrong. Each record is the concatenation of its strings.
class PolicyTxtRecords final
{
    Q_DECLARE_TR_FUNCTIONS(PolicyTxtRecords)

public:
    // Fills recordFound, record, id and recordError.
    static void readMtaSts(const QStringList &txtRecords, MtaStsResult &result);
    // Fills recordFound, record, reportUris and error.
    static void readTlsRpt(const QStringList &txtRecords, TlsRptResult &result);
};

} // namespace mailtls
