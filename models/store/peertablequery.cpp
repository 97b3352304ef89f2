#include "models/store/peertablequery.h"

#include <algorithm>
#include <utility>

#include <QHash>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "models/store/aggregatevalues.h"
#include "models/store/bucketsums.h"
#include "models/store/sqlrows.h"
#include "models/store/tlsconnectioncounts.h"

namespace mailtls {

namespace {

using EndpointKey = QPair<int, qint64>;   // direction, endpoint id
using PeerKey = QPair<int, QString>;      // direction, peer name

// (direction, endpoint) pairs per statement when looking up last-seen times.
constexpr qsizetype pairsPerStatement = 500;

const QString &figureSums()
{
    static const QString sums = QStringLiteral(
        "sum(messages), sum(encrypted_messages), sum(bytes), sum(encrypted_bytes), "
        "sum(connections), sum(encrypted_connections), sum(tls_failures)");
    return sums;
}

class Collector final
{
public:
    Collector(const QueryContext &context, const RecordSelection &selection)
        : m_context(context)
        , m_selection(selection)
    {
    }

    bool figures(QString *error)
    {
        const RangePlan &plan = m_context.plan();
        const QString group = QStringLiteral(" GROUP BY direction, endpoint_id");
        if (plan.coversAll()) {
            return addFigures(QStringLiteral("SELECT direction, endpoint_id, %1 FROM peer_totals")
                                      .arg(figureSums())
                                  + where(QString(), {}, {}) + group,
                              error);
        }
        if (plan.hasDays()
            && !addFigures(QStringLiteral("SELECT direction, endpoint_id, %1 FROM daily").arg(figureSums())
                               + where(QStringLiteral("day"), plan.firstDay(), plan.endDay()) + group,
                           error))
            return false;
        for (const RangePlan::Span &cut : plan.cuts()) {
            const QString range = where(QStringLiteral("time"), cut.from, cut.to);
            if (!addFigures(QStringLiteral("SELECT direction, endpoint_id, count(*), sum(encrypted), "
                                           "sum(bytes), sum(CASE WHEN encrypted = 1 THEN bytes ELSE 0 "
                                           "END), 0, 0, 0 FROM transfers")
                                + range + group,
                            error)
                || !addFigures(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, count(*), "
                                              "sum(encrypted), 0 FROM connections")
                                   + range + group,
                               error)
                || !addFigures(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, 0, 0, "
                                              "count(*) FROM tls_failures")
                                   + range + group,
                               error))
                return false;
        }
        return true;
    }

    bool tls(QString *error)
    {
        return TlsConnectionCounts::read(m_context, m_selection, &m_tls, error);
    }

    // Rows named and merged under the filter's grouping; `members` gets the
    // endpoints behind each row.
    QList<PeerRow> rows(bool withTls, QHash<PeerKey, QList<EndpointKey>> *members) const
    {
        const PeerDirectory &peers = m_context.peers();
        QHash<PeerKey, PeerRow> merged;
        QHash<PeerKey, QMap<qint64, qint64>> tlsByRow;   // tls id -> encrypted connections
        for (auto it = m_figures.cbegin(); it != m_figures.cend(); ++it) {
            const PeerKey key(it.key().first, peers.nameOf(it.key().second));
            auto row = merged.find(key);
            if (row == merged.end()) {
                row = merged.insert(key, PeerRow());
                row->figures.direction = Direction(key.first);
                row->figures.peer = key.second;
            }
            it.value().addTo(row->figures);
            (*members)[key].append(it.key());
            if (withTls) {
                const auto tls = m_tls.constFind(it.key());
                if (tls != m_tls.constEnd()) {
                    QMap<qint64, qint64> &counts = tlsByRow[key];
                    for (auto t = tls->cbegin(); t != tls->cend(); ++t)
                        counts[t.key()] += t.value();
                }
            }
        }

        QList<PeerRow> result;
        result.reserve(merged.size());
        for (auto it = merged.begin(); it != merged.end(); ++it) {
            PeerRow &row = it.value();
            PeerFigures &f = row.figures;
            // A row exists for any message, connection or failure in range.
            if (f.messages == 0 && f.connections == 0 && f.tlsFailures == 0) {
                members->remove(it.key());
                continue;
            }
            f.plaintextMessages = f.messages - f.encryptedMessages;
            if (withTls)
                describeTls(tlsByRow.value(it.key()), &row);
            result.append(row);
        }
        return result;
    }

    bool lastSeen(const QHash<PeerKey, QList<EndpointKey>> &members, QList<PeerRow> *rows,
                  QString *error) const
    {
        QList<EndpointKey> pairs;
        for (const QList<EndpointKey> &list : members)
            pairs.append(list);
        // In index order, so that consecutive look-ups share index pages.
        std::sort(pairs.begin(), pairs.end(), [](const EndpointKey &a, const EndpointKey &b) {
            return a.second != b.second ? a.second < b.second : a.first < b.first;
        });
        QHash<EndpointKey, qint64> last;
        for (qsizetype start = 0; start < pairs.size(); start += pairsPerStatement) {
            if (!lastSeenOf(pairs.mid(start, pairsPerStatement), &last, error))
                return false;
        }
        QList<EndpointKey> messagesOnly;
        for (const EndpointKey &pair : std::as_const(pairs)) {
            if (!last.contains(pair))
                messagesOnly.append(pair);
        }
        if (!messagesOnly.isEmpty() && !lastMessages(messagesOnly, &last, error))
            return false;
        for (PeerRow &row : *rows) {
            const PeerKey key(int(row.figures.direction), row.figures.peer);
            for (const EndpointKey &pair : members.value(key)) {
                const auto found = last.constFind(pair);
                if (found != last.constEnd() && (!row.lastSeen || *found > *row.lastSeen))
                    row.lastSeen = *found;
            }
        }
        return true;
    }

private:
    QString where(const QString &column, std::optional<qint64> from, std::optional<qint64> to,
                  const QStringList &extra = {}) const
    {
        return m_selection.where(RecordSelection::Columns::WithEndpoint, column, from, to, extra);
    }

    bool addFigures(const QString &sql, QString *error)
    {
        return SqlRows::forEach(m_context.db(), sql, error, [this](const QSqlQuery &row) {
            BucketSums::add(m_figures[EndpointKey(row.value(0).toInt(), row.value(1).toLongLong())],
                            BucketSums::valuesOf(row, 2));
        });
    }

    void describeTls(const QMap<qint64, qint64> &counts, PeerRow *row) const
    {
        QMap<QString, qint64> protocols;
        QMap<QString, qint64> ciphers;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() <= 0)
                continue;
            const TlsDetails details = m_context.tls().details(it.key());
            protocols[details.protocol] += it.value();
            ciphers[details.cipher] += it.value();
            if (details.trust == Trust::Unknown)
                continue;
            if (row->bestTrust == Trust::Unknown || details.trust > row->bestTrust)
                row->bestTrust = details.trust;
            if (row->worstTrust == Trust::Unknown || details.trust < row->worstTrust)
                row->worstTrust = details.trust;
        }
        for (auto it = protocols.cbegin(); it != protocols.cend(); ++it)
            row->protocols.append({it.key(), it.value()});
        for (auto it = ciphers.cbegin(); it != ciphers.cend(); ++it)
            row->ciphers.append({it.key(), it.value()});
        PeerTableQuery::sortCounts(row->protocols);
        PeerTableQuery::sortCounts(row->ciphers);
    }

    QString timeRange() const
    {
        const ReportFilter &filter = m_context.filter();
        QString range;
        if (filter.since)
            range += QStringLiteral(" AND time >= %1").arg(*filter.since);
        if (filter.until)
            range += QStringLiteral(" AND time < %1").arg(*filter.until);
        return range;
    }

    // The last connection or TLS failure of each pair in the range.
    bool lastSeenOf(const QList<EndpointKey> &pairs, QHash<EndpointKey, qint64> *last,
                    QString *error) const
    {
        const ReportFilter &filter = m_context.filter();
        const QString range = timeRange();
        QStringList values;
        for (const EndpointKey &pair : pairs)
            values << QStringLiteral("(%1,%2)").arg(pair.first).arg(pair.second);
        // Each subquery is one look-up in the table's ((endpoint_id + 0),
        // direction, local, time) index; local hops, when included, take a
        // second one.
        QString sql = QStringLiteral("WITH p(d, e) AS (VALUES %1) SELECT d, e").arg(values.join(QLatin1Char(',')));
        int columns = 0;
        for (const char *table : {"connections", "tls_failures"}) {
            for (int local = 0; local <= (filter.includeLocal ? 1 : 0); ++local) {
                sql += QStringLiteral(", (SELECT max(time) FROM %1 WHERE (endpoint_id + 0) = p.e AND "
                                      "direction = p.d AND local = %2%3)")
                           .arg(QLatin1String(table))
                           .arg(local)
                           .arg(range);
                ++columns;
            }
        }
        sql += QStringLiteral(" FROM p");
        return SqlRows::forEach(m_context.db(), sql, error, [last, columns](const QSqlQuery &row) {
            std::optional<qint64> latest;
            for (int i = 2; i < 2 + columns; ++i) {
                if (!row.value(i).isNull() && (!latest || row.value(i).toLongLong() > *latest))
                    latest = row.value(i).toLongLong();
            }
            if (latest)
                last->insert(EndpointKey(row.value(0).toInt(), row.value(1).toLongLong()), *latest);
        });
    }

    // Pairs with messages but neither a connection nor a failure in the range
    // (their mail rode connections opened before it, or a local transport):
    // their last message. Transfers have no index by endpoint (it would cost
    // every import more than this costs the few such pairs), so the last day
    // with messages of each pair comes from `daily`, and the transfers of
    // those days, and of the range's cut days, are read once per day.
    bool lastMessages(const QList<EndpointKey> &pairs, QHash<EndpointKey, qint64> *last,
                      QString *error) const
    {
        const ReportFilter &filter = m_context.filter();
        const RangePlan &plan = m_context.plan();
        const QString local = filter.includeLocal ? QString() : QStringLiteral(" AND local = 0");
        QMap<qint64, QList<EndpointKey>> byDay;
        if (plan.hasDays()) {
            QString days;
            if (plan.firstDay())
                days += QStringLiteral(" AND day >= %1").arg(*plan.firstDay());
            if (plan.endDay())
                days += QStringLiteral(" AND day < %1").arg(*plan.endDay());
            for (qsizetype start = 0; start < pairs.size(); start += pairsPerStatement) {
                QStringList values;
                for (const EndpointKey &pair : pairs.mid(start, pairsPerStatement))
                    values << QStringLiteral("(%1,%2)").arg(pair.first).arg(pair.second);
                const QString sql =
                    QStringLiteral("WITH p(d, e) AS (VALUES %1) SELECT d, e, (SELECT max(day) FROM daily "
                                   "WHERE (endpoint_id + 0) = p.e AND direction = p.d AND messages > 0%2%3) "
                                   "FROM p")
                        .arg(values.join(QLatin1Char(',')), local, days);
                const bool read = SqlRows::forEach(m_context.db(), sql, error, [&byDay](const QSqlQuery &row) {
                    if (!row.value(2).isNull())
                        byDay[row.value(2).toLongLong()].append(EndpointKey(row.value(0).toInt(), row.value(1).toLongLong()));
                });
                if (!read)
                    return false;
            }
        }
        auto readWindow = [&](const RangePlan::Span &window, const QList<EndpointKey> &wanted) {
            QSet<EndpointKey> wantedSet(wanted.cbegin(), wanted.cend());
            QList<qint64> endpoints;
            for (const EndpointKey &pair : wanted)
                endpoints.append(pair.second);
            QString sql = QStringLiteral("SELECT direction, endpoint_id, max(time) FROM transfers WHERE "
                                         "endpoint_id IN %1%2")
                              .arg(RecordSelection::list(endpoints), local);
            if (window.from)
                sql += QStringLiteral(" AND time >= %1").arg(*window.from);
            if (window.to)
                sql += QStringLiteral(" AND time < %1").arg(*window.to);
            sql += QStringLiteral(" GROUP BY direction, endpoint_id");
            return SqlRows::forEach(m_context.db(), sql, error, [&](const QSqlQuery &row) {
                const EndpointKey pair(row.value(0).toInt(), row.value(1).toLongLong());
                if (!wantedSet.contains(pair))
                    return;
                const qint64 time = row.value(2).toLongLong();
                auto found = last->find(pair);
                if (found == last->end())
                    last->insert(pair, time);
                else if (time > *found)
                    *found = time;
            });
        };
        for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
            const qint64 from = it.key() * RangePlan::secondsPerDay;
            if (!readWindow({from, from + RangePlan::secondsPerDay}, it.value()))
                return false;
        }
        for (const RangePlan::Span &cut : plan.cuts()) {
            if (!readWindow(cut, pairs))
                return false;
        }
        return true;
    }

    const QueryContext &m_context;
    const RecordSelection &m_selection;
    QHash<EndpointKey, AggregateValues> m_figures;
    TlsConnectionCounts::Counts m_tls;
};

} // namespace

void PeerTableQuery::sortCounts(QList<TlsCount> &counts)
{
    std::sort(counts.begin(), counts.end(), [](const TlsCount &a, const TlsCount &b) {
        if (a.connections != b.connections)
            return a.connections > b.connections;
        return a.name < b.name;
    });
}

bool PeerTableQuery::run(const QSqlDatabase &db, const ReportFilter &filter, PeerColumns columns,
                         QList<PeerRow> *rows, QString *error)
{
    rows->clear();
    QueryContext context(db, filter);
    return context.load(error) && run(context, context.selection(), columns, rows, error);
}

bool PeerTableQuery::run(const QueryContext &context, const RecordSelection &selection,
                         PeerColumns columns, QList<PeerRow> *rows, QString *error)
{
    rows->clear();
    if (context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const bool everything = columns == PeerColumns::Everything;
    Collector collector(context, selection);
    if (!collector.figures(error) || (everything && !collector.tls(error)))
        return false;
    QHash<PeerKey, QList<EndpointKey>> members;
    QList<PeerRow> result = collector.rows(everything, &members);
    if (everything && !collector.lastSeen(members, &result, error))
        return false;
    std::sort(result.begin(), result.end(), [](const PeerRow &a, const PeerRow &b) {
        if (a.figures.direction != b.figures.direction)
            return int(a.figures.direction) < int(b.figures.direction);
        if (a.figures.messages != b.figures.messages)
            return a.figures.messages > b.figures.messages;
        return a.figures.peer < b.figures.peer;
    });
    *rows = result;
    return true;
}

} // namespace mailtls
