#include "models/store/overviewquery.h"

#include <algorithm>

#include <QSqlQuery>
#include <QVariant>

#include "models/store/bucketsums.h"
#include "models/store/peertablequery.h"
#include "models/store/recordcodes.h"
#include "models/store/sqlrows.h"
#include "models/store/tlsloggingcheck.h"
#include "models/store/trendquery.h"

namespace mailtls {

bool OverviewQuery::run(const QSqlDatabase &db, const ReportFilter &filter,
                        const OverviewOptions &options, OverviewFigures *figures, QString *error)
{
    *figures = OverviewFigures();
    QueryContext context(db, filter);
    return context.load(error) && shares(context, &figures->shares, error)
        && TrendQuery::run(context, context.selection(), false, options.bucket, &figures->trend, error)
        && topPlaintextPeers(context, options.topPeers, &figures->topPlaintextPeers, error)
        && recentFailures(context, options.recentFailures, &figures->recentFailures, error)
        && TlsLoggingCheck::run(context, options.tlsLoggingMinimum, &figures->tlsLogging, error);
}

bool OverviewQuery::shares(const QueryContext &context, QList<DirectionShare> *shares,
                           QString *error)
{
    shares->clear();
    BucketSums::Map days;
    if (!BucketSums::days(context, context.selection(), false, &days, error))
        return false;
    for (Direction direction : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        if (!context.filter().directions.isEmpty() && !context.filter().directions.contains(direction))
            continue;
        DirectionShare share;
        share.direction = direction;
        for (auto it = days.cbegin(); it != days.cend(); ++it) {
            if (it.key().second != int(direction))
                continue;
            it.value().addTo(share);
        }
        shares->append(share);
    }
    return true;
}

bool OverviewQuery::topPlaintextPeers(const QueryContext &context, int count,
                                      QList<PeerFigures> *peers, QString *error)
{
    peers->clear();
    QList<PeerRow> rows;
    if (!PeerTableQuery::run(context, context.selection(), PeerColumns::Figures, &rows,
                             error))
        return false;
    for (const PeerRow &row : std::as_const(rows)) {
        if (row.figures.plaintextMessages > 0)
            peers->append(row.figures);
    }
    std::sort(peers->begin(), peers->end(), [](const PeerFigures &a, const PeerFigures &b) {
        if (a.plaintextMessages != b.plaintextMessages)
            return a.plaintextMessages > b.plaintextMessages;
        if (a.messages != b.messages)
            return a.messages > b.messages;
        if (a.direction != b.direction)
            return int(a.direction) < int(b.direction);
        return a.peer < b.peer;
    });
    if (peers->size() > count)
        peers->resize(qMax(0, count));
    return true;
}

bool OverviewQuery::recentFailures(const QueryContext &context, int count,
                                   QList<RecentFailure> *failures, QString *error)
{
    failures->clear();
    const RecordSelection selection = context.selection();
    if (count <= 0 || context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const PeerDirectory &peers = context.peers();
    // The time index, read backwards: as many rows as asked for.
    const QString sql = QStringLiteral("SELECT id, time, direction, endpoint_id, port, problem, reason "
                                       "FROM tls_failures")
        + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("time"),
                          context.filter().since, context.filter().until)
        + QStringLiteral(" ORDER BY time DESC, id DESC LIMIT %1").arg(count);
    return SqlRows::forEach(context.db(), sql, error, [&](const QSqlQuery &row) {
        RecentFailure failure;
        failure.id = row.value(0).toLongLong();
        failure.time = row.value(1).toLongLong();
        failure.direction = Direction(row.value(2).toInt());
        const qint64 endpoint = row.value(3).toLongLong();
        failure.peer = peers.nameOf(endpoint);
        failure.host = peers.hostOf(endpoint);
        failure.peerIp = peers.addressOf(endpoint);
        failure.port = row.value(4).toInt();
        failure.problem = RecordCodes::problemFromName(row.value(5).toString()).value_or(TlsProblem::Other);
        failure.reason = row.value(6).toString();
        failures->append(failure);
    });
}

} // namespace mailtls
