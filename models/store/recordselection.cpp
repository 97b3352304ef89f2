#include "models/store/recordselection.h"

namespace mailtls {

RecordSelection::RecordSelection(const ReportFilter &filter, const QList<qint64> &listedLocal)
    : m_includeLocal(filter.includeLocal)
    , m_listedLocal(filter.includeLocal ? QList<qint64>() : listedLocal)
{
    for (Direction direction : filter.directions) {
        if (!m_directions.contains(qint64(direction)))
            m_directions.append(qint64(direction));
    }
}

void RecordSelection::restrictTo(const QList<qint64> &endpoints)
{
    m_restricted = true;
    m_endpoints.clear();
    for (qint64 id : endpoints) {
        if (!m_listedLocal.contains(id))
            m_endpoints.append(id);
    }
}

RecordSelection RecordSelection::listedLocalOnly() const
{
    RecordSelection selection = *this;
    selection.m_listedLocal.clear();
    selection.m_restricted = true;
    selection.m_endpoints = m_listedLocal;
    return selection;
}

QString RecordSelection::list(const QList<qint64> &values)
{
    QString text = QStringLiteral("(");
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QString::number(values.at(i));
    }
    return text + QLatin1Char(')');
}

QString RecordSelection::where(Columns columns, const QString &column, std::optional<qint64> from,
                               std::optional<qint64> to, const QStringList &extra) const
{
    QStringList conditions;
    if (!column.isEmpty() && from)
        conditions << QStringLiteral("%1 >= %2").arg(column).arg(*from);
    if (!column.isEmpty() && to)
        conditions << QStringLiteral("%1 < %2").arg(column).arg(*to);
    if (!m_directions.isEmpty())
        conditions << QStringLiteral("direction IN ") + list(m_directions);
    if (!m_includeLocal)
        conditions << QStringLiteral("local = 0");
    if (columns == Columns::WithEndpoint) {
        if (m_restricted)
            conditions << QStringLiteral("(endpoint_id + 0) IN ") + list(m_endpoints);
        else if (!m_listedLocal.isEmpty())
            conditions << QStringLiteral("endpoint_id NOT IN ") + list(m_listedLocal);
    }
    conditions << extra;
    if (conditions.isEmpty())
        return QString();
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

} // namespace mailtls
