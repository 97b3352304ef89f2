#include "models/store/peerdetailquery.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "models/store/peertablequery.h"
#include "models/store/recordcodes.h"
#include "models/store/sqlrows.h"
#include "models/store/trendquery.h"

namespace mailtls {

namespace {

QString newestFirst(int count)
{
    return QStringLiteral(" ORDER BY time DESC, id DESC LIMIT %1").arg(count);
}

} // namespace

bool PeerDetailQuery::run(const QSqlDatabase &db, const ReportFilter &filter, const QString &peer,
                          const PeerDetailOptions &options, PeerDetail *detail, QString *error)
{
    *detail = PeerDetail();
    detail->peer = peer;
    QueryContext context(db, filter);
    if (!context.load(error))
        return false;
    RecordSelection selection = context.selection();
    selection.restrictTo(context.peers().endpointsNamed(peer));
    return PeerTableQuery::run(context, selection, PeerColumns::Everything,
                               &detail->rows, error)
        && TrendQuery::run(context, selection, true, options.bucket, &detail->timeline, error)
        && connections(context, selection, options.connections, &detail->connections, error)
        && failures(context, selection, options.failures, &detail->failures, error)
        && correspondents(context, selection, options.correspondents, &detail->correspondents,
                          error);
}

bool PeerDetailQuery::connections(const QueryContext &context, const RecordSelection &selection,
                                  int count, QList<PeerConnection> *connections, QString *error)
{
    connections->clear();
    if (count <= 0 || context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const ReportFilter &filter = context.filter();
    const QString sql = QStringLiteral("SELECT id, source_id, time, direction, endpoint_id, port, "
                                       "encrypted, tls_id FROM connections")
        + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("time"),
                          filter.since, filter.until)
        + newestFirst(count);
    return SqlRows::forEach(context.db(), sql, error, [&](const QSqlQuery &row) {
        PeerConnection c;
        c.id = row.value(0).toLongLong();
        c.sourceId = row.value(1).toLongLong();
        c.time = row.value(2).toLongLong();
        c.direction = Direction(row.value(3).toInt());
        const qint64 endpoint = row.value(4).toLongLong();
        c.host = context.peers().hostOf(endpoint);
        c.peerIp = context.peers().addressOf(endpoint);
        c.port = row.value(5).toInt();
        c.encrypted = row.value(6).toInt() != 0;
        c.tls = context.tls().details(row.value(7).toLongLong());
        connections->append(c);
    });
}

bool PeerDetailQuery::failures(const QueryContext &context, const RecordSelection &selection,
                               int count, QList<PeerFailure> *failures, QString *error)
{
    failures->clear();
    if (count <= 0 || context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const ReportFilter &filter = context.filter();
    const QString sql = QStringLiteral("SELECT id, source_id, time, direction, endpoint_id, port, "
                                       "problem, reason FROM tls_failures")
        + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("time"),
                          filter.since, filter.until)
        + newestFirst(count);
    return SqlRows::forEach(context.db(), sql, error, [&](const QSqlQuery &row) {
        PeerFailure f;
        f.id = row.value(0).toLongLong();
        f.sourceId = row.value(1).toLongLong();
        f.time = row.value(2).toLongLong();
        f.direction = Direction(row.value(3).toInt());
        const qint64 endpoint = row.value(4).toLongLong();
        f.host = context.peers().hostOf(endpoint);
        f.peerIp = context.peers().addressOf(endpoint);
        f.port = row.value(5).toInt();
        f.problem = RecordCodes::problemFromName(row.value(6).toString()).value_or(TlsProblem::Other);
        f.reason = row.value(7).toString();
        failures->append(f);
    });
}

bool PeerDetailQuery::correspondents(const QueryContext &context, const RecordSelection &selection,
                                     int count, QList<Correspondent> *correspondents,
                                     QString *error)
{
    correspondents->clear();
    if (count <= 0 || context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const ReportFilter &filter = context.filter();
    using Key = std::tuple<int, int, QString>;   // direction, side, address
    std::map<Key, Correspondent> merged;
    auto add = [&](Direction direction, Correspondent::Side side, QString address,
                   qint64 messages, qint64 encrypted, qint64 last) {
        if (address.isEmpty())
            address = QStringLiteral("<>");
        Correspondent &c = merged[Key(int(direction), int(side), address)];
        c.direction = direction;
        c.side = side;
        c.address = address;
        c.messages += messages;
        c.encryptedMessages += encrypted;
        c.lastSeen = qMax(c.lastSeen, last);
    };
    auto addRow = [&](const QSqlQuery &row) {
        const Direction direction = Direction(row.value(0).toInt());
        const qint64 messages = row.value(3).toLongLong();
        const qint64 encrypted = row.value(4).toLongLong();
        const qint64 last = row.value(5).toLongLong();
        // Inbound mail comes from their side to ours; outbound and submitted
        // mail from ours to theirs.
        const bool inbound = direction == Direction::Inbound;
        const auto senderSide = inbound ? Correspondent::Side::Theirs : Correspondent::Side::Ours;
        const auto recipientSide = inbound ? Correspondent::Side::Ours : Correspondent::Side::Theirs;
        add(direction, senderSide, row.value(1).toString(), messages, encrypted, last);
        const QString recipients = row.value(2).toString();
        if (recipients.isEmpty())
            return;
        QStringList seen;
        for (const QString &part : recipients.split(QLatin1Char(','))) {
            const QString address = part.trimmed();
            if (address.isEmpty() || seen.contains(address))
                continue;
            seen << address;
            add(direction, recipientSide, address, messages, encrypted, last);
        }
    };

    // Transfers have no index by endpoint: read only the days on which
    // `daily` says the peer sent or received messages, joined into spans.
    std::optional<qint64> firstDay;
    std::optional<qint64> endDay;
    if (filter.since)
        firstDay = RangePlan::dayOf(*filter.since);
    if (filter.until)
        endDay = RangePlan::dayOf(*filter.until - 1) + 1;
    QList<RangePlan::Span> spans;
    const QString daysSql = QStringLiteral("SELECT DISTINCT day FROM daily")
        + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("day"), firstDay, endDay,
                          {QStringLiteral("messages > 0")})
        + QStringLiteral(" ORDER BY day");
    const bool days = SqlRows::forEach(context.db(), daysSql, error, [&spans](const QSqlQuery &row) {
        const qint64 from = row.value(0).toLongLong() * RangePlan::secondsPerDay;
        if (!spans.isEmpty() && spans.last().to == from)
            spans.last().to = from + RangePlan::secondsPerDay;
        else
            spans.append({from, from + RangePlan::secondsPerDay});
    });
    if (!days)
        return false;
    for (RangePlan::Span span : std::as_const(spans)) {
        if (filter.since && *filter.since > *span.from)
            span.from = filter.since;
        if (filter.until && *filter.until < *span.to)
            span.to = filter.until;
        const QString sql = QStringLiteral("SELECT direction, sender, recipients, count(*), "
                                           "sum(encrypted), max(time) FROM transfers")
            + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("time"), span.from, span.to)
            + QStringLiteral(" GROUP BY direction, sender, recipients");
        if (!SqlRows::forEach(context.db(), sql, error, addRow))
            return false;
    }

    for (const auto &entry : merged)
        correspondents->append(entry.second);
    std::sort(correspondents->begin(), correspondents->end(),
              [](const Correspondent &a, const Correspondent &b) {
                  if (a.messages != b.messages)
                      return a.messages > b.messages;
                  if (a.direction != b.direction)
                      return int(a.direction) < int(b.direction);
                  if (a.side != b.side)
                      return int(a.side) < int(b.side);
                  return a.address < b.address;
              });
    if (correspondents->size() > count)
        correspondents->resize(count);
    return true;
}

} // namespace mailtls
