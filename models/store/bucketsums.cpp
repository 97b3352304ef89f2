#include "models/store/bucketsums.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "models/store/sqlrows.h"

namespace mailtls {

namespace {

// floor(column / seconds) in SQL, for negative times as well.
QString bucketOf(const QString &column, qint64 seconds)
{
    return QStringLiteral("((%1 - ((%1 % %2) + %2) % %2) / %2)").arg(column).arg(seconds);
}

QString daySums()
{
    return QStringLiteral("sum(messages), sum(encrypted_messages), sum(bytes), sum(encrypted_bytes), "
                          "sum(connections), sum(encrypted_connections), sum(tls_failures)");
}

// Rows of (bucket, direction, seven sums) added to `sums` with `sign`.
bool collect(const QSqlDatabase &db, const QString &sql, int sign, BucketSums::Map *sums,
             QString *error)
{
    return SqlRows::forEach(db, sql, error, [&](const QSqlQuery &row) {
        BucketSums::add((*sums)[{row.value(0).toLongLong(), row.value(1).toInt()}],
                        BucketSums::valuesOf(row, 2), sign);
    });
}

} // namespace

AggregateValues BucketSums::valuesOf(const QSqlQuery &row, int first)
{
    AggregateValues values;
    values.messages = row.value(first).toLongLong();
    values.encryptedMessages = row.value(first + 1).toLongLong();
    values.bytes = row.value(first + 2).toLongLong();
    values.encryptedBytes = row.value(first + 3).toLongLong();
    values.connections = row.value(first + 4).toLongLong();
    values.encryptedConnections = row.value(first + 5).toLongLong();
    values.tlsFailures = row.value(first + 6).toLongLong();
    return values;
}

void BucketSums::add(AggregateValues &into, const AggregateValues &values, int sign)
{
    into.messages += sign * values.messages;
    into.encryptedMessages += sign * values.encryptedMessages;
    into.bytes += sign * values.bytes;
    into.encryptedBytes += sign * values.encryptedBytes;
    into.connections += sign * values.connections;
    into.encryptedConnections += sign * values.encryptedConnections;
    into.tlsFailures += sign * values.tlsFailures;
}

bool BucketSums::fromRecords(const QSqlDatabase &db, const RecordSelection &selection,
                             const RangePlan::Span &span, qint64 seconds, Map *sums,
                             QString *error)
{
    if (selection.selectsNothing())
        return true;
    const QString bucket = bucketOf(QStringLiteral("time"), seconds);
    const QString where = selection.where(RecordSelection::Columns::WithEndpoint,
                                          QStringLiteral("time"), span.from, span.to);
    const QString group = QStringLiteral(" GROUP BY 1, 2");
    return collect(db,
                   QStringLiteral("SELECT %1, direction, count(*), sum(encrypted), sum(bytes), "
                                  "sum(CASE WHEN encrypted = 1 THEN bytes ELSE 0 END), 0, 0, 0 "
                                  "FROM transfers")
                           .arg(bucket)
                       + where + group,
                   1, sums, error)
        && collect(db,
                   QStringLiteral("SELECT %1, direction, 0, 0, 0, 0, count(*), sum(encrypted), 0 "
                                  "FROM connections")
                           .arg(bucket)
                       + where + group,
                   1, sums, error)
        && collect(db,
                   QStringLiteral("SELECT %1, direction, 0, 0, 0, 0, 0, 0, count(*) FROM tls_failures")
                           .arg(bucket)
                       + where + group,
                   1, sums, error);
}

bool BucketSums::days(const QueryContext &context, const RecordSelection &selection,
                      bool restricted, Map *sums, QString *error)
{
    const RangePlan &plan = context.plan();
    if (plan.isEmpty() || selection.selectsNothing())
        return true;
    if (plan.hasDays()) {
        const QString group = QStringLiteral(" GROUP BY day, direction");
        if (restricted) {
            if (!collect(context.db(),
                         QStringLiteral("SELECT day, direction, %1 FROM daily").arg(daySums())
                             + selection.where(RecordSelection::Columns::WithEndpoint,
                                               QStringLiteral("day"), plan.firstDay(), plan.endDay())
                             + group,
                         1, sums, error))
                return false;
        } else {
            if (!collect(context.db(),
                         QStringLiteral("SELECT day, direction, %1 FROM daily_totals").arg(daySums())
                             + selection.where(RecordSelection::Columns::WithoutEndpoint,
                                               QStringLiteral("day"), plan.firstDay(), plan.endDay())
                             + group,
                         1, sums, error))
                return false;
            // The roll-up holds every peer: take away those listed as local.
            if (!selection.listedLocal().isEmpty()) {
                const RecordSelection local = selection.listedLocalOnly();
                if (!collect(context.db(),
                             QStringLiteral("SELECT day, direction, %1 FROM daily").arg(daySums())
                                 + local.where(RecordSelection::Columns::WithEndpoint,
                                               QStringLiteral("day"), plan.firstDay(),
                                               plan.endDay())
                                 + group,
                             -1, sums, error))
                    return false;
            }
        }
    }
    for (const RangePlan::Span &cut : plan.cuts()) {
        if (!fromRecords(context.db(), selection, cut, RangePlan::secondsPerDay, sums, error))
            return false;
    }
    return true;
}

} // namespace mailtls
