#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/store/peerdirectory.h"
#include "models/store/rangeplan.h"
#include "models/store/recordselection.h"
#include "models/store/reportfilter.h"
#include "models/store/tlscatalog.h"

namespace mailtls {

// What every dashboard query of one ReportFilter needs first: how its range
// is read, the endpoints' names under its grouping, the TLS parameter sets.
// Loaded once per page, then shared by that page's queries.
class QueryContext final
{
public:
    QueryContext(const QSqlDatabase &db, const ReportFilter &filter);

    bool load(QString *error);

    const QSqlDatabase &db() const { return m_db; }
    const ReportFilter &filter() const { return m_filter; }
    const RangePlan &plan() const { return m_plan; }
    const PeerDirectory &peers() const { return m_peers; }
    const TlsCatalog &tls() const { return m_tls; }
    // The filter's directions, local hops and listed local peers.
    RecordSelection selection() const;

private:
    QSqlDatabase m_db;
    ReportFilter m_filter;
    RangePlan m_plan;
    PeerDirectory m_peers;
    TlsCatalog m_tls;
};

} // namespace mailtls
