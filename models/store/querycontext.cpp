#include "models/store/querycontext.h"

namespace mailtls {

QueryContext::QueryContext(const QSqlDatabase &db, const ReportFilter &filter)
    : m_db(db)
    , m_filter(filter)
{
}

bool QueryContext::load(QString *error)
{
    return RangePlan::make(m_db, m_filter, &m_plan, error) && m_peers.load(m_db, m_filter, error)
        && m_tls.load(m_db, error);
}

RecordSelection QueryContext::selection() const
{
    return RecordSelection(m_filter, m_peers.listedLocal());
}

} // namespace mailtls
