#include "models/store/figurequery.h"

#include <algorithm>
#include <optional>

#include <QHash>
#include <QPair>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "models/domains/registrabledomain.h"
#include "models/store/peerdirectory.h"

namespace mailtls {

namespace {

constexpr qint64 secondsPerDay = 86400;

qint64 floorDiv(qint64 value, qint64 divisor)
{
    qint64 quotient = value / divisor;
    if (value % divisor < 0)
        --quotient;
    return quotient;
}

qint64 ceilDiv(qint64 value, qint64 divisor)
{
    return -floorDiv(-value, divisor);
}

// [from, to) in the unit of the column it is compared with; unset = open.
struct Range
{
    std::optional<qint64> from;
    std::optional<qint64> to;
};

class Counter final
{
public:
    Counter(const QSqlDatabase &db, const ReportFilter &filter)
        : m_db(db)
        , m_filter(filter)
    {
    }

    // Names every endpoint, and finds those the user listed as local. Records
    // are then grouped by endpoint id, which is cheaper than by name.
    bool loadEndpoints(QString *error)
    {
        const QStringList listed = PeerDirectory::normalisedLocalPeers(m_filter.localPeers);
        const QSet<QString> local(listed.cbegin(), listed.cend());
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT id, peer, peer_ip FROM endpoints"))) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            const QString peer = query.value(1).toString();
            m_peers.insert(id, peer);
            if (local.contains(peer) || local.contains(query.value(2).toString()))
                m_listedLocal.append(id);
        }
        if (query.lastError().isValid()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    bool fromRecords(const Range &times, QString *error)
    {
        return add(QStringLiteral("SELECT direction, endpoint_id, count(*), sum(encrypted), "
                                  "sum(bytes), sum(CASE WHEN encrypted = 1 THEN bytes "
                                  "ELSE 0 END), 0, 0, 0 FROM transfers"),
                   QStringLiteral("time"), times, error)
            && add(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, count(*), "
                                  "sum(encrypted), 0 FROM connections"),
                   QStringLiteral("time"), times, error)
            && add(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, 0, 0, count(*) "
                                  "FROM tls_failures"),
                   QStringLiteral("time"), times, error);
    }

    bool fromAggregates(const Range &days, QString *error)
    {
        return add(QStringLiteral("SELECT direction, endpoint_id, sum(messages), "
                                  "sum(encrypted_messages), sum(bytes), sum(encrypted_bytes), "
                                  "sum(connections), sum(encrypted_connections), "
                                  "sum(tls_failures) FROM daily"),
                   QStringLiteral("day"), days, error);
    }

    QList<PeerFigures> figures() const
    {
        QHash<QPair<int, QString>, PeerFigures> merged;
        QHash<QString, QString> domains;
        for (const Row &row : m_rows) {
            PeerFigures figures = row.figures;
            figures.peer = m_peers.value(row.endpointId);
            if (m_filter.groupBy == ReportFilter::GroupBy::Domain) {
                auto domain = domains.constFind(figures.peer);
                if (domain == domains.constEnd())
                    domain = domains.insert(figures.peer, RegistrableDomain::of(figures.peer));
                figures.peer = domain.value();
            }
            const QPair<int, QString> key(int(figures.direction), figures.peer);
            auto it = merged.find(key);
            if (it == merged.end()) {
                merged.insert(key, figures);
                continue;
            }
            it->messages += figures.messages;
            it->encryptedMessages += figures.encryptedMessages;
            it->bytes += figures.bytes;
            it->encryptedBytes += figures.encryptedBytes;
            it->connections += figures.connections;
            it->encryptedConnections += figures.encryptedConnections;
            it->tlsFailures += figures.tlsFailures;
        }
        QList<PeerFigures> result;
        result.reserve(merged.size());
        for (PeerFigures figures : std::as_const(merged)) {
            // A row exists for any message, connection or failure in range.
            if (figures.messages == 0 && figures.connections == 0 && figures.tlsFailures == 0)
                continue;
            figures.plaintextMessages = figures.messages - figures.encryptedMessages;
            result.append(figures);
        }
        FigureQuery::sort(result);
        return result;
    }

private:
    struct Row
    {
        qint64 endpointId = 0;
        PeerFigures figures;   // peer not yet named
    };

    bool add(const QString &select, const QString &rangeColumn, const Range &range,
             QString *error)
    {
        QStringList conditions;
        QVariantList values;
        if (range.from) {
            conditions << QStringLiteral("%1 >= ?").arg(rangeColumn);
            values << qlonglong(*range.from);
        }
        if (range.to) {
            conditions << QStringLiteral("%1 < ?").arg(rangeColumn);
            values << qlonglong(*range.to);
        }
        if (!m_filter.directions.isEmpty()) {
            QStringList directions;
            for (Direction direction : m_filter.directions)
                directions << QString::number(int(direction));
            conditions << QStringLiteral("direction IN (%1)")
                              .arg(directions.join(QLatin1Char(',')));
        }
        if (!m_filter.includeLocal) {
            conditions << QStringLiteral("local = 0");
            if (!m_listedLocal.isEmpty()) {
                QStringList ids;
                for (const qint64 id : m_listedLocal)
                    ids << QString::number(id);
                conditions << QStringLiteral("endpoint_id NOT IN (%1)")
                                  .arg(ids.join(QLatin1Char(',')));
            }
        }
        QString sql = select;
        if (!conditions.isEmpty())
            sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
        sql += QStringLiteral(" GROUP BY direction, endpoint_id");

        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            *error = query.lastError().text();
            return false;
        }
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            Row row;
            row.figures.direction = Direction(query.value(0).toInt());
            row.endpointId = query.value(1).toLongLong();
            row.figures.messages = query.value(2).toLongLong();
            row.figures.encryptedMessages = query.value(3).toLongLong();
            row.figures.bytes = query.value(4).toLongLong();
            row.figures.encryptedBytes = query.value(5).toLongLong();
            row.figures.connections = query.value(6).toLongLong();
            row.figures.encryptedConnections = query.value(7).toLongLong();
            row.figures.tlsFailures = query.value(8).toLongLong();
            m_rows.append(row);
        }
        if (query.lastError().isValid()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    }

    QSqlDatabase m_db;
    const ReportFilter &m_filter;
    QHash<qint64, QString> m_peers;
    QList<qint64> m_listedLocal;   // endpoints the user listed as local
    QList<Row> m_rows;
};

} // namespace

void FigureQuery::sort(QList<PeerFigures> &figures)
{
    std::sort(figures.begin(), figures.end(), [](const PeerFigures &a, const PeerFigures &b) {
        if (a.direction != b.direction)
            return int(a.direction) < int(b.direction);
        if (a.messages != b.messages)
            return a.messages > b.messages;
        return a.peer < b.peer;
    });
}

bool FigureQuery::run(const QSqlDatabase &db, const ReportFilter &filter, Plan plan,
                      QList<PeerFigures> *figures, QString *error)
{
    figures->clear();
    if (filter.since && filter.until && *filter.since >= *filter.until)
        return true;

    Counter counter(db, filter);
    if (!counter.loadEndpoints(error))
        return false;
    const Range wanted{filter.since, filter.until};
    if (plan == Plan::RecordsOnly) {
        if (!counter.fromRecords(wanted, error))
            return false;
        *figures = counter.figures();
        return true;
    }

    // The whole days inside [since, until), and the cut days at either end.
    Range days;
    if (filter.since)
        days.from = ceilDiv(*filter.since, secondsPerDay);
    if (filter.until)
        days.to = floorDiv(*filter.until, secondsPerDay);
    if (days.from && days.to && *days.from >= *days.to) {
        if (!counter.fromRecords(wanted, error))
            return false;
    } else {
        if (!counter.fromAggregates(days, error))
            return false;
        if (filter.since && *filter.since < *days.from * secondsPerDay
            && !counter.fromRecords({filter.since, *days.from * secondsPerDay}, error))
            return false;
        if (filter.until && *days.to * secondsPerDay < *filter.until
            && !counter.fromRecords({*days.to * secondsPerDay, filter.until}, error))
            return false;
    }
    *figures = counter.figures();
    return true;
}

} // namespace mailtls
