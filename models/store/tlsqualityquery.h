#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/store/querycontext.h"
#include "models/store/reportfilter.h"
#include "models/store/tlsquality.h"

namespace mailtls {

// The TLS quality page's figures for a ReportFilter: distributions from the
// TLS roll-ups (encrypted connections per parameter set), failure lists from
// the TLS failure records.
class TlsQualityQuery final
{
public:
    static bool run(const QSqlDatabase &db, const ReportFilter &filter, TlsQuality *quality,
                    QString *error);

    // Peers with failures of one problem, their count, last time and reason.
    static bool failingPeers(const QueryContext &context, TlsProblem problem,
                             QList<PeerTlsIssue> *peers, QString *error);
};

} // namespace mailtls
