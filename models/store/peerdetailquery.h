#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/store/peerdetail.h"
#include "models/store/querycontext.h"
#include "models/store/recordselection.h"
#include "models/store/reportfilter.h"

namespace mailtls {

// The peer detail page: everything about one peer over a ReportFilter. The
// peer is named as the filter names peers (a host, or a registrable domain).
// A peer the user listed as local shows nothing unless includeLocal.
class PeerDetailQuery final
{
public:
    static bool run(const QSqlDatabase &db, const ReportFilter &filter, const QString &peer,
                    const PeerDetailOptions &options, PeerDetail *detail, QString *error);

    static bool connections(const QueryContext &context, const RecordSelection &selection,
                            int count, QList<PeerConnection> *connections, QString *error);
    static bool failures(const QueryContext &context, const RecordSelection &selection, int count,
                         QList<PeerFailure> *failures, QString *error);
    static bool correspondents(const QueryContext &context, const RecordSelection &selection,
                               int count, QList<Correspondent> *correspondents, QString *error);
};

} // namespace mailtls
