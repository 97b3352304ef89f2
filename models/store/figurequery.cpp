#include "models/store/figurequery.h"

#include <algorithm>
#include <optional>

#include <QHash>
#include <QHostAddress>
#include <QPair>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "models/domains/registrabledomain.h"

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

// Host names as the records hold them (lower case, no trailing dot), and IP
// addresses in both the user's spelling and Qt's canonical one.
QStringList normalisedLocalPeers(const QStringList &peers)
{
    QSet<QString> seen;
    QStringList result;
    auto add = [&](const QString &peer) {
        if (!peer.isEmpty() && !seen.contains(peer)) {
            seen.insert(peer);
            result.append(peer);
        }
    };
    for (const QString &entry : peers) {
        QString peer = entry.trimmed().toLower();
        if (peer.startsWith(QLatin1Char('[')) && peer.endsWith(QLatin1Char(']')))
            peer = peer.mid(1, peer.size() - 2);
        while (peer.endsWith(QLatin1Char('.')))
            peer.chop(1);
        add(peer);
        QHostAddress address;
        if (address.setAddress(peer))
            add(address.toString());
    }
    return result;
}

class Counter final
{
public:
    Counter(const QSqlDatabase &db, const ReportFilter &filter)
        : m_db(db)
        , m_filter(filter)
        , m_localPeers(normalisedLocalPeers(filter.localPeers))
    {
    }

    bool fromRecords(const Range &times, QString *error)
    {
        return add(QStringLiteral("SELECT r.direction, e.peer, count(*), sum(r.encrypted), "
                                  "sum(r.bytes), sum(CASE WHEN r.encrypted = 1 THEN r.bytes "
                                  "ELSE 0 END), 0, 0, 0 FROM transfers r"),
                   QStringLiteral("time"), times, error)
            && add(QStringLiteral("SELECT r.direction, e.peer, 0, 0, 0, 0, count(*), "
                                  "sum(r.encrypted), 0 FROM connections r"),
                   QStringLiteral("time"), times, error)
            && add(QStringLiteral("SELECT r.direction, e.peer, 0, 0, 0, 0, 0, 0, count(*) "
                                  "FROM tls_failures r"),
                   QStringLiteral("time"), times, error);
    }

    bool fromAggregates(const Range &days, QString *error)
    {
        return add(QStringLiteral("SELECT r.direction, e.peer, sum(r.messages), "
                                  "sum(r.encrypted_messages), sum(r.bytes), "
                                  "sum(r.encrypted_bytes), sum(r.connections), "
                                  "sum(r.encrypted_connections), sum(r.tls_failures) "
                                  "FROM daily r"),
                   QStringLiteral("day"), days, error);
    }

    QList<PeerFigures> figures() const
    {
        QHash<QPair<int, QString>, PeerFigures> merged;
        for (const PeerFigures &row : m_rows) {
            PeerFigures figures = row;
            if (m_filter.groupBy == ReportFilter::GroupBy::Domain)
                figures.peer = RegistrableDomain::of(row.peer);
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
    // `select` reads table `r`, whose endpoint `e` is joined here.
    bool add(const QString &select, const QString &rangeColumn, const Range &range,
             QString *error)
    {
        QStringList conditions;
        QVariantList values;
        if (range.from) {
            conditions << QStringLiteral("r.%1 >= ?").arg(rangeColumn);
            values << qlonglong(*range.from);
        }
        if (range.to) {
            conditions << QStringLiteral("r.%1 < ?").arg(rangeColumn);
            values << qlonglong(*range.to);
        }
        if (!m_filter.directions.isEmpty()) {
            QStringList directions;
            for (Direction direction : m_filter.directions)
                directions << QString::number(int(direction));
            conditions << QStringLiteral("r.direction IN (%1)")
                              .arg(directions.join(QLatin1Char(',')));
        }
        if (!m_filter.includeLocal) {
            conditions << QStringLiteral("r.local = 0");
            if (!m_localPeers.isEmpty()) {
                QStringList marks;
                for (const QString &peer : m_localPeers) {
                    marks << QStringLiteral("?");
                    values << peer;
                }
                const QString list = marks.join(QLatin1Char(','));
                conditions << QStringLiteral("e.peer NOT IN (%1) AND e.peer_ip NOT IN (%1)")
                                  .arg(list);
                values << values.mid(values.size() - m_localPeers.size());
            }
        }
        QString sql = select + QStringLiteral(" JOIN endpoints e ON e.id = r.endpoint_id");
        if (!conditions.isEmpty())
            sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
        sql += QStringLiteral(" GROUP BY r.direction, e.peer");

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
            PeerFigures row;
            row.direction = Direction(query.value(0).toInt());
            row.peer = query.value(1).toString();
            row.messages = query.value(2).toLongLong();
            row.encryptedMessages = query.value(3).toLongLong();
            row.bytes = query.value(4).toLongLong();
            row.encryptedBytes = query.value(5).toLongLong();
            row.connections = query.value(6).toLongLong();
            row.encryptedConnections = query.value(7).toLongLong();
            row.tlsFailures = query.value(8).toLongLong();
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
    QStringList m_localPeers;
    QList<PeerFigures> m_rows;
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
