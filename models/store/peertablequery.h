#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "models/store/peerrow.h"
#include "models/store/querycontext.h"
#include "models/store/recordselection.h"
#include "models/store/reportfilter.h"

namespace mailtls {

// The Peers table: one PeerRow per (direction, peer) that has a message,
// connection or TLS failure in the range, sorted as FigureQuery::sort() sorts
// figures (direction, messages descending, peer).
//
// Figures: all-time roll-ups (peer_totals) when the range holds every record,
// else whole days from `daily` and cut days from the records, as
// FigureQuery reads them. TLS columns: encrypted connections per TLS parameter
// set from tls_totals / tls_daily (cut days from the records). Last seen: one
// index look-up per peer, table and direction.
class PeerTableQuery final
{
public:
    static bool run(const QSqlDatabase &db, const ReportFilter &filter, PeerColumns columns,
                    QList<PeerRow> *rows, QString *error);
    static bool run(const QueryContext &context, const RecordSelection &selection,
                    PeerColumns columns, QList<PeerRow> *rows, QString *error);

    // Most frequent first, then by name.
    static void sortCounts(QList<TlsCount> &counts);
};

} // namespace mailtls
