#include "models/store/tlsconnectioncounts.h"

#include <QSqlQuery>
#include <QVariant>

#include "models/store/sqlrows.h"

namespace mailtls {

bool TlsConnectionCounts::read(const QueryContext &context, const RecordSelection &selection,
                               Counts *counts, QString *error)
{
    counts->clear();
    const RangePlan &plan = context.plan();
    if (plan.isEmpty() || selection.selectsNothing())
        return true;
    const QString group = QStringLiteral(" GROUP BY direction, endpoint_id, tls_id");
    auto where = [&](const QString &column, std::optional<qint64> from, std::optional<qint64> to,
                     const QStringList &extra) {
        return selection.where(RecordSelection::Columns::WithEndpoint, column, from, to, extra);
    };
    auto add = [&](const QString &sql) {
        return SqlRows::forEach(context.db(), sql + group, error, [counts](const QSqlQuery &row) {
            const qint64 connections = row.value(3).toLongLong();
            if (connections != 0)
                (*counts)[EndpointKey(row.value(0).toInt(), row.value(1).toLongLong())]
                         [row.value(2).toLongLong()] += connections;
        });
    };
    if (plan.coversAll()) {
        return add(QStringLiteral("SELECT direction, endpoint_id, tls_id, sum(connections) FROM tls_totals")
                   + where(QString(), {}, {}, {}));
    }
    if (plan.hasDays()
        && !add(QStringLiteral("SELECT direction, endpoint_id, tls_id, sum(connections) FROM tls_daily")
                + where(QStringLiteral("day"), plan.firstDay(), plan.endDay(), {})))
        return false;
    for (const RangePlan::Span &cut : plan.cuts()) {
        if (!add(QStringLiteral("SELECT direction, endpoint_id, tls_id, count(*) FROM connections")
                 + where(QStringLiteral("time"), cut.from, cut.to, {QStringLiteral("encrypted = 1")})))
            return false;
    }
    return true;
}

} // namespace mailtls
