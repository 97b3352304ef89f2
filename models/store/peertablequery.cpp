#include "models/store/peertablequery.h"

#include <algorithm>
#include <utility>

#include <QHash>
#include <QMap>
#include <QPair>
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

const QString &figureSums()
{
    static const QString sums = QStringLiteral(
        "sum(messages), sum(encrypted_messages), sum(bytes), sum(encrypted_bytes), "
        "sum(connections), sum(encrypted_connections), sum(tls_failures), max(last_contact), "
        "max(last_message)");
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
                                           "END), 0, 0, 0, NULL, max(time) FROM transfers")
                                + range + group,
                            error)
                || !addFigures(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, count(*), "
                                              "sum(encrypted), 0, max(time), NULL FROM connections")
                                   + range + group,
                               error)
                || !addFigures(QStringLiteral("SELECT direction, endpoint_id, 0, 0, 0, 0, 0, 0, "
                                              "count(*), max(time), NULL FROM tls_failures")
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

    // Rows named and merged under the filter's grouping.
    QList<PeerRow> rows(bool withTls) const
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
            if (withTls) {
                // An endpoint with neither a connection nor a failure in the
                // range (its mail rode connections opened before it, or a local
                // transport) was last seen at its last message.
                const AggregateValues &values = it.value();
                AggregateValues::keepLatest(row->lastSeen,
                                            values.lastContact ? values.lastContact : values.lastMessage);
            }
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
            if (f.messages == 0 && f.connections == 0 && f.tlsFailures == 0)
                continue;
            f.plaintextMessages = f.messages - f.encryptedMessages;
            if (withTls)
                describeTls(tlsByRow.value(it.key()), &row);
            result.append(row);
        }
        return result;
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
            AggregateValues &values = m_figures[EndpointKey(row.value(0).toInt(), row.value(1).toLongLong())];
            BucketSums::add(values, BucketSums::valuesOf(row, 2));
            for (int column : {9, 10}) {
                const QVariant time = row.value(column);
                if (!time.isNull())
                    AggregateValues::keepLatest(column == 9 ? values.lastContact : values.lastMessage,
                                                time.toLongLong());
            }
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

    const QueryContext &m_context;
    const RecordSelection &m_selection;
    QHash<EndpointKey, AggregateValues> m_figures;
    TlsConnectionCounts::Counts m_tls;
};

bool addProbeVerdicts(const QueryContext &context, QList<PeerRow> *rows, QString *error)
{
    QStringList peers;
    peers.reserve(rows->size());
    for (const PeerRow &row : std::as_const(*rows))
        peers << row.figures.peer;
    const bool byDomain = context.filter().groupBy == ReportFilter::GroupBy::Domain;
    QHash<QString, PeerProbeVerdict> verdicts;
    if (!ProbeHistory::lastVerdicts(context.db(), peers, byDomain, &verdicts, error))
        return false;
    if (verdicts.isEmpty())
        return true;
    for (PeerRow &row : *rows) {
        const auto found = verdicts.constFind(byDomain ? row.figures.peer : row.figures.peer.toLower());
        if (found != verdicts.constEnd())
            row.lastProbe = *found;
    }
    return true;
}

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
    QList<PeerRow> result = collector.rows(everything);
    if (everything && !addProbeVerdicts(context, &result, error))
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
