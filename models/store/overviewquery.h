#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "models/store/overviewfigures.h"
#include "models/store/querycontext.h"
#include "models/store/reportfilter.h"

namespace mailtls {

// The Overview page's figures (see OverviewFigures), each also on its own.
class OverviewQuery final
{
public:
    static bool run(const QSqlDatabase &db, const ReportFilter &filter,
                    const OverviewOptions &options, OverviewFigures *figures, QString *error);

    static bool shares(const QueryContext &context, QList<DirectionShare> *shares, QString *error);
    static bool topPlaintextPeers(const QueryContext &context, int count,
                                  QList<PeerFigures> *peers, QString *error);
    static bool recentFailures(const QueryContext &context, int count,
                               QList<RecentFailure> *failures, QString *error);
};

} // namespace mailtls
