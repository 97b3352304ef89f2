#include "models/store/recordwriter.h"

#include <algorithm>

#include <QDateTime>
#include <QSqlError>
#include <QStringList>
#include <QVariant>

#include "models/store/lineoffsetcodec.h"
#include "models/store/recordcodes.h"
#include "models/store/recordsql.h"
#include "models/store/sqlliteral.h"

namespace mailtls {

using namespace recordsql;

RecordWriter::RecordWriter(const QSqlDatabase &db)
    : m_db(db)
    , m_lookups(db)
{
}

bool RecordWriter::prepare(QString *error)
{
    auto maxKey = [](const char *table) {
        return QStringLiteral("SELECT max(key) FROM %1 WHERE source_id = %2")
            .arg(QLatin1String(table), placeholder(0));
    };
    sqlite3 *connection = SqliteStatement::connectionOf(m_db);
    return m_lookups.prepare(error)
        && m_upsertTransfer.prepare(connection,
                                    upsertSql("transfers",
                                              "direction, endpoint_id, queue_id, time, bytes, encrypted, "
                                              "local, sender, recipients, tls_id, lines"),
                                    error)
        && m_upsertConnection.prepare(connection,
                                      upsertSql("connections",
                                                "direction, endpoint_id, port, time, encrypted, local, "
                                                "tls_id, lines"),
                                      error)
        && m_upsertFailure.prepare(connection,
                                   upsertSql("tls_failures",
                                             "direction, endpoint_id, port, time, problem, reason, local, "
                                             "lines, queue_id, sender, recipients"),
                                   error)
        && m_upsertRefusal.prepare(connection,
                                   upsertSql("refusals",
                                             "direction, endpoint_id, port, time, reason, sender, recipients, "
                                             "local, lines"),
                                   error)
        && m_addDaily.prepare(connection, sumAndLatestSql("daily", "day, direction, endpoint_id, local"), error)
        && m_addDayTotals.prepare(connection, sumSql("daily_totals", "day, direction, local", sumColumns), error)
        && m_addPeerTotals.prepare(connection, sumAndLatestSql("peer_totals", "direction, endpoint_id, local"),
                                   error)
        && m_recheckDaily.prepare(connection, recheckDailySql, error)
        && m_recheckPeer.prepare(connection, recheckPeerSql, error)
        && m_addTlsDaily.prepare(connection,
                                 sumSql("tls_daily", "day, direction, endpoint_id, local, tls_id", "connections"),
                                 error)
        && m_addTlsTotals.prepare(connection,
                                  sumSql("tls_totals", "direction, endpoint_id, local, tls_id", "connections"),
                                  error)
        && prepared(m_sourceExists, m_db,
                    QStringLiteral("SELECT 1 FROM sources WHERE id = %1").arg(placeholder(0)),
                    error)
        && prepared(m_maxTransferKey, m_db, maxKey("transfers"), error)
        && prepared(m_maxConnectionKey, m_db, maxKey("connections"), error)
        && prepared(m_maxFailureKey, m_db, maxKey("tls_failures"), error)
        && prepared(m_maxRefusalKey, m_db, maxKey("refusals"), error)
        && prepared(m_deleteEmptyDaily, m_db,
                    QStringLiteral("DELETE FROM daily WHERE day = %1 AND direction = %2 AND "
                                   "endpoint_id = %3 AND local = %4 AND messages = 0 "
                                   "AND connections = 0 AND tls_failures = 0")
                        .arg(placeholder(0), placeholder(1), placeholder(2), placeholder(3)),
                    error)
        && prepared(m_upsertUnrecognised, m_db,
                    QStringLiteral("INSERT INTO unrecognised (source_id, program, count) "
                                   "VALUES (%1) ON CONFLICT (source_id, program) "
                                   "DO UPDATE SET count = count + excluded.count")
                        .arg(placeholders(3)),
                    error)
        && prepared(m_updateSource, m_db,
                    QStringLiteral("UPDATE sources SET position = %1, check_hash = %2, "
                                   "assembler_state = %3, lines_read = lines_read + %4, "
                                   "updated_at = %5, cursor = %6 WHERE id = %7")
                        .arg(placeholder(0), placeholder(1), placeholder(2), placeholder(3),
                             placeholder(4), placeholder(5), placeholder(6)),
                    error)
        // A batch's fingerprints start at the line the source has read up to.
        && prepared(m_appendFingerprints, m_db,
                    QStringLiteral("INSERT INTO source_lines (source_id, first_line, fingerprints) "
                                   "SELECT id, lines_read, %1 FROM sources WHERE id = %2")
                        .arg(placeholder(0), placeholder(1)),
                    error)
        && prepared(m_dropFingerprints, m_db,
                    QStringLiteral("DELETE FROM source_lines WHERE source_id = %1 AND first_line >= %2")
                        .arg(placeholder(0), placeholder(1)),
                    error)
        && prepared(m_setTimes, m_db,
                    QStringLiteral("UPDATE sources SET first_time = %1, last_time = %2 WHERE id = %3")
                        .arg(placeholder(0), placeholder(1), placeholder(2)),
                    error)
        && prepared(m_dropEmptyUnrecognised, m_db,
                    QStringLiteral("DELETE FROM unrecognised WHERE source_id = %1 AND count <= 0")
                        .arg(placeholder(0)),
                    error);
}

void RecordWriter::rolledBack()
{
    m_lookups.forget();
    m_deltas.clear();
}

bool RecordWriter::findStored(const Kind &kind, qint64 sourceId, const std::vector<qint64> &keys,
                              QHash<qint64, Contribution> *stored, QString *error)
{
    // Keys are log offsets: most records of a batch lie past everything the
    // source stored before, and need no lookup.
    Binder(*kind.maxKey).integer(sourceId);
    if (!exec(*kind.maxKey, error))
        return false;
    const bool any = kind.maxKey->next() && !kind.maxKey->value(0).isNull();
    const qint64 maxKey = any ? kind.maxKey->value(0).toLongLong() : 0;
    kind.maxKey->finish();
    if (!any)
        return true;

    std::vector<qint64> candidates;
    std::copy_if(keys.begin(), keys.end(), std::back_inserter(candidates),
                 [maxKey](qint64 key) { return key <= maxKey; });
    // A few statements for all candidates; the keys are integers, written as
    // literals rather than bound one by one.
    for (std::size_t start = 0; start < candidates.size(); start += keysPerLookup) {
        QByteArray sql = "SELECT key, direction, endpoint_id, time, local, ";
        sql += kind.contribution;
        sql += " FROM ";
        sql += kind.table;
        sql += " WHERE source_id = ";
        SqlLiteral::appendInteger(sql, sourceId);
        sql += " AND key IN (";
        const std::size_t end = std::min(candidates.size(), start + keysPerLookup);
        for (std::size_t i = start; i < end; ++i) {
            if (i > start)
                sql += ',';
            SqlLiteral::appendInteger(sql, candidates[i]);
        }
        sql += ')';

        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(QString::fromLatin1(sql))) {
            *error = query.lastError().text();
            return false;
        }
        while (query.next()) {
            Contribution version;
            version.key.direction = Direction(query.value(1).toInt());
            version.key.endpointId = query.value(2).toLongLong();
            version.time = query.value(3).toLongLong();
            version.key.day = AggregateDeltas::dayOf(version.time);
            version.key.local = query.value(4).toInt() != 0;
            version.encrypted = query.value(5).toInt() != 0;
            version.bytes = query.value(6).toLongLong();
            version.tlsId = query.value(7).toLongLong();
            stored->insert(query.value(0).toLongLong(), version);
        }
        if (query.lastError().isValid()) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

bool RecordWriter::upsertRecords(const Kind &kind, qint64 sourceId, QString *error)
{
    if (kind.count == 0)
        return true;

    // The assembler may emit a record again in the same batch: only its last
    // version is stored and counted.
    QHash<qint64, qsizetype> last;
    last.reserve(kind.count);
    std::vector<qint64> keys;
    keys.reserve(std::size_t(kind.count));
    for (qsizetype i = 0; i < kind.count; ++i) {
        const qint64 key = kind.keyOf(i);
        auto it = last.find(key);
        if (it == last.end()) {
            last.insert(key, i);
            keys.push_back(key);
        } else {
            it.value() = i;
        }
    }

    QHash<qint64, Contribution> stored;
    if (!findStored(kind, sourceId, keys, &stored, error))
        return false;

    SqliteStatement &upsert = *kind.upsert;
    for (const qint64 key : keys) {
        upsert.bindInteger(1, sourceId);
        upsert.bindInteger(2, key);
        Contribution contribution;
        if (!kind.bind(last.value(key), upsert, &contribution, error) || !upsert.run(error)) {
            *error = QStringLiteral("%1: %2").arg(key).arg(*error);
            return false;
        }
        const auto found = stored.constFind(key);
        if (!kind.aggregated)
            continue;
        if (found != stored.constEnd()) {
            kind.countContribution(found.value(), -1);
            if (found->time != contribution.time || !(found->key == contribution.key))
                m_deltas.recheckLatest(found->key);
        }
        kind.countContribution(contribution, +1);
    }
    return true;
}

bool RecordWriter::subtractStored(const Kind &kind, const QString &sql, QString *error)
{
    // Row by row: a range may hold a whole log's records; only their sums per
    // aggregate row are kept.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        Contribution version;
        version.key.direction = Direction(query.value(0).toInt());
        version.key.endpointId = query.value(1).toLongLong();
        version.time = query.value(2).toLongLong();
        version.key.day = AggregateDeltas::dayOf(version.time);
        version.key.local = query.value(3).toInt() != 0;
        version.encrypted = query.value(4).toInt() != 0;
        version.bytes = query.value(5).toLongLong();
        version.tlsId = query.value(6).toLongLong();
        if (!kind.aggregated)
            continue;
        kind.countContribution(version, -1);
        // The row's latest contact or message may be one of those going.
        m_deltas.recheckLatest(version.key);
    }
    if (query.lastError().isValid()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool RecordWriter::removeRecords(const Kind &kind, qint64 sourceId, const RecordRemoval &removal,
                                 const std::vector<qint64> &keys, QString *error)
{
    auto run = [&](const QByteArray &where) {
        QByteArray select = "SELECT direction, endpoint_id, time, local, ";
        select += kind.contribution;
        select += " FROM ";
        select += kind.table;
        select += where;
        if (!subtractStored(kind, QString::fromLatin1(select), error))
            return false;
        QSqlQuery remove(m_db);
        if (!remove.exec(QString::fromLatin1(QByteArray("DELETE FROM ") + kind.table + where))) {
            *error = remove.lastError().text();
            return false;
        }
        return true;
    };
    QByteArray source = " WHERE source_id = ";
    SqlLiteral::appendInteger(source, sourceId);
    if (removal.keysFrom >= 0) {
        QByteArray where = source + " AND key >= ";
        SqlLiteral::appendInteger(where, removal.keysFrom);
        if (removal.keysUntil >= 0) {
            where += " AND key < ";
            SqlLiteral::appendInteger(where, removal.keysUntil);
        }
        if (!run(where))
            return false;
    }
    for (std::size_t start = 0; start < keys.size(); start += keysPerLookup) {
        QByteArray where = source + " AND key IN (";
        const std::size_t end = std::min(keys.size(), start + keysPerLookup);
        for (std::size_t i = start; i < end; ++i) {
            if (i > start)
                where += ',';
            SqlLiteral::appendInteger(where, keys[i]);
        }
        where += ')';
        if (!run(where))
            return false;
    }
    return true;
}

bool RecordWriter::writeFingerprints(const IngestBatch &batch, QString *error)
{
    if (batch.removal.fingerprintsFrom >= 0) {
        Binder(m_dropFingerprints).integer(batch.sourceId).integer(batch.removal.fingerprintsFrom);
        if (!exec(m_dropFingerprints, error))
            return false;
    }
    if (!batch.lineFingerprints.isEmpty()) {
        Binder(m_appendFingerprints).nullableBlob(batch.lineFingerprints).integer(batch.sourceId);
        if (!exec(m_appendFingerprints, error))
            return false;
    }
    if (batch.setTimes) {
        // An unknown time is NULL.
        auto time = [](const std::optional<qint64> &t) {
            return t ? QVariant(qlonglong(*t)) : QVariant(QMetaType(QMetaType::LongLong));
        };
        m_setTimes.bindValue(placeholder(0), time(batch.firstTime));
        m_setTimes.bindValue(placeholder(1), time(batch.lastTime));
        m_setTimes.bindValue(placeholder(2), qlonglong(batch.sourceId));
        if (!exec(m_setTimes, error))
            return false;
    }
    return true;
}

bool RecordWriter::writeAggregates(QString *error)
{
    bool shrinks = false;
    for (auto it = m_deltas.entries().cbegin(); it != m_deltas.entries().cend(); ++it) {
        const AggregateKey &key = it.key();
        const AggregateValues &delta = it.value();
        shrinks = shrinks || delta.shrinks;
        if (delta.isZero())
            continue; // a record stored again unchanged
        Values(m_addDaily, 1)
            .integer(key.day)
            .integer(int(key.direction))
            .integer(key.endpointId)
            .flag(key.local)
            .sums(delta)
            .latest(delta);
        if (!m_addDaily.run(error))
            return false;
    }
    if (!recheckLatest(error))
        return false;

    // A row whose records all moved elsewhere must not linger at zero.
    if (!shrinks)
        return true;
    for (auto it = m_deltas.entries().cbegin(); it != m_deltas.entries().cend(); ++it) {
        if (!it.value().shrinks)
            continue;
        Binder(m_deleteEmptyDaily)
            .integer(it.key().day)
            .integer(int(it.key().direction))
            .integer(it.key().endpointId)
            .flag(it.key().local);
        if (!exec(m_deleteEmptyDaily, error))
            return false;
    }
    return true;
}

bool RecordWriter::recheckLatest(QString *error)
{
    for (const AggregateKey &key : m_deltas.rechecks()) {
        Values(m_recheckDaily, 1).integer(key.day).integer(int(key.direction)).integer(key.endpointId).flag(key.local);
        if (!m_recheckDaily.run(error))
            return false;
    }
    return true;
}

bool RecordWriter::writeRollUps(QString *error)
{
    // The roll-ups keep rows their records left at zero, as `daily` does not:
    // they are summed over, never listed by themselves.
    const QHash<AggregateKey, AggregateValues> days = m_deltas.dayTotals();
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        if (it.value().isZero())
            continue;
        Values(m_addDayTotals, 1)
            .integer(it.key().day)
            .integer(int(it.key().direction))
            .flag(it.key().local)
            .sums(it.value());
        if (!m_addDayTotals.run(error))
            return false;
    }
    const QHash<AggregateKey, AggregateValues> peers = m_deltas.peerTotals();
    for (auto it = peers.cbegin(); it != peers.cend(); ++it) {
        if (it.value().isZero())
            continue;
        Values(m_addPeerTotals, 1)
            .integer(int(it.key().direction))
            .integer(it.key().endpointId)
            .flag(it.key().local)
            .sums(it.value())
            .latest(it.value());
        if (!m_addPeerTotals.run(error))
            return false;
    }
    QSet<AggregateKey> peersToRecheck;
    for (AggregateKey key : m_deltas.rechecks()) {
        key.day = 0;
        peersToRecheck.insert(key);
    }
    for (const AggregateKey &key : std::as_const(peersToRecheck)) {
        Values(m_recheckPeer, 1).integer(int(key.direction)).integer(key.endpointId).flag(key.local);
        if (!m_recheckPeer.run(error))
            return false;
    }
    for (auto it = m_deltas.tlsEntries().cbegin(); it != m_deltas.tlsEntries().cend(); ++it) {
        if (it.value() == 0)
            continue;
        const AggregateKey &key = it.key().key;
        Values(m_addTlsDaily, 1)
            .integer(key.day)
            .integer(int(key.direction))
            .integer(key.endpointId)
            .flag(key.local)
            .integer(it.key().tlsId)
            .integer(it.value());
        if (!m_addTlsDaily.run(error))
            return false;
    }
    const QHash<TlsAggregateKey, qint64> tls = m_deltas.tlsTotals();
    for (auto it = tls.cbegin(); it != tls.cend(); ++it) {
        if (it.value() == 0)
            continue;
        const AggregateKey &key = it.key().key;
        Values(m_addTlsTotals, 1)
            .integer(int(key.direction))
            .integer(key.endpointId)
            .flag(key.local)
            .integer(it.key().tlsId)
            .integer(it.value());
        if (!m_addTlsTotals.run(error))
            return false;
    }
    return true;
}

bool RecordWriter::writeUnrecognised(const IngestBatch &batch, QString *error)
{
    for (auto it = batch.unrecognised.cbegin(); it != batch.unrecognised.cend(); ++it) {
        if (it.value() == 0)
            continue;
        Binder(m_upsertUnrecognised).integer(batch.sourceId).text(it.key()).integer(it.value());
        if (!exec(m_upsertUnrecognised, error)) {
            *error = QStringLiteral("unrecognised lines of %1: %2").arg(it.key(), *error);
            return false;
        }
    }
    // A taken-back import leaves no program counted at zero.
    const bool takenBack = std::any_of(batch.unrecognised.cbegin(), batch.unrecognised.cend(),
                                       [](qint64 count) { return count < 0; });
    if (takenBack) {
        Binder(m_dropEmptyUnrecognised).integer(batch.sourceId);
        if (!exec(m_dropEmptyUnrecognised, error))
            return false;
    }
    return true;
}

bool RecordWriter::moveSource(const IngestBatch &batch, QString *error)
{
    Binder(m_updateSource)
        .integer(batch.position)
        .nullableBlob(batch.checkHash)
        .nullableBlob(batch.assemblerState)
        .integer(batch.linesRead)
        .integer(QDateTime::currentSecsSinceEpoch())
        .nullableBlob(batch.cursor)
        .integer(batch.sourceId);
    if (!exec(m_updateSource, error)) {
        *error = QStringLiteral("source position: %1").arg(*error);
        return false;
    }
    return true;
}

bool RecordWriter::write(const IngestBatch &batch, QString *error)
{
    Binder(m_sourceExists).integer(batch.sourceId);
    if (!exec(m_sourceExists, error))
        return false;
    const bool known = m_sourceExists.next();
    m_sourceExists.finish();
    if (!known) {
        *error = QStringLiteral("there is no source with id %1").arg(batch.sourceId);
        return false;
    }

    const AssemblerOutput &output = batch.output;
    const qint64 sourceId = batch.sourceId;
    // Resolves the ids a record refers to and starts its contribution.
    auto common = [this](Contribution *c, qint64 time, Direction direction, const QString &peer,
                         const QString &peerIp, bool local, QString *why) {
        c->time = time;
        c->key.day = AggregateDeltas::dayOf(time);
        c->key.direction = direction;
        c->key.local = local;
        return m_lookups.endpointId(peer, peerIp, &c->key.endpointId, why);
    };

    const Kind transfers{
        "transfers",
        &m_maxTransferKey,
        &m_upsertTransfer,
        "encrypted, bytes, 0",
        qsizetype(output.transfers.size()),
        [&](qsizetype i) { return qint64(output.transfers[std::size_t(i)].key); },
        [&](qsizetype i, SqliteStatement &upsert, Contribution *c, QString *why) {
            const TransferRecord &r = output.transfers[std::size_t(i)];
            qint64 tlsId = 0;
            if (!common(c, r.time, r.direction, r.peer, r.peerIp, r.local, why)
                || !m_lookups.tlsId(r.tls, &tlsId, why))
                return false;
            c->bytes = r.bytes;
            c->encrypted = r.encrypted;
            Values(upsert)
                .integer(int(r.direction))
                .integer(c->key.endpointId)
                .text(r.queueId)
                .integer(r.time)
                .integer(r.bytes)
                .flag(r.encrypted)
                .flag(r.local)
                .text(r.sender)
                .text(r.recipients)
                .integer(tlsId)
                .lines(r.lines);
            return true;
        },
        [this](const Contribution &c, int sign) {
            m_deltas.addTransfer(c.key, c.time, c.bytes, c.encrypted, sign);
        },
    };
    const Kind connections{
        "connections",
        &m_maxConnectionKey,
        &m_upsertConnection,
        "encrypted, 0, tls_id",
        qsizetype(output.connections.size()),
        [&](qsizetype i) { return qint64(output.connections[std::size_t(i)].key); },
        [&](qsizetype i, SqliteStatement &upsert, Contribution *c, QString *why) {
            const ConnectionRecord &r = output.connections[std::size_t(i)];
            qint64 tlsId = 0;
            if (!common(c, r.time, r.direction, r.peer, r.peerIp, r.local, why)
                || !m_lookups.tlsId(r.tls, &tlsId, why))
                return false;
            c->encrypted = r.encrypted;
            c->tlsId = tlsId;
            Values(upsert)
                .integer(int(r.direction))
                .integer(c->key.endpointId)
                .integer(r.port)
                .integer(r.time)
                .flag(r.encrypted)
                .flag(r.local)
                .integer(tlsId)
                .lines(r.lines);
            return true;
        },
        [this](const Contribution &c, int sign) {
            m_deltas.addConnection(c.key, c.time, c.encrypted, sign);
            if (c.encrypted)
                m_deltas.addTlsConnection(c.key, c.tlsId, sign);
        },
    };
    const Kind failures{
        "tls_failures",
        &m_maxFailureKey,
        &m_upsertFailure,
        "0, 0, 0",
        qsizetype(output.failures.size()),
        [&](qsizetype i) { return qint64(output.failures[std::size_t(i)].key); },
        [&](qsizetype i, SqliteStatement &upsert, Contribution *c, QString *why) {
            const TlsFailureRecord &r = output.failures[std::size_t(i)];
            if (!common(c, r.time, r.direction, r.peer, r.peerIp, r.local, why))
                return false;
            Values(upsert)
                .integer(int(r.direction))
                .integer(c->key.endpointId)
                .integer(r.port)
                .integer(r.time)
                .text(RecordCodes::problemName(r.problem))
                .text(r.reason)
                .flag(r.local)
                .lines(r.lines)
                .text(r.queueId)
                .text(r.sender)
                .text(r.recipients);
            return true;
        },
        [this](const Contribution &c, int sign) { m_deltas.addFailure(c.key, c.time, sign); },
    };
    const Kind refusals{
        "refusals",
        &m_maxRefusalKey,
        &m_upsertRefusal,
        "0, 0, 0",
        qsizetype(output.refusals.size()),
        [&](qsizetype i) { return qint64(output.refusals[std::size_t(i)].key); },
        [&](qsizetype i, SqliteStatement &upsert, Contribution *c, QString *why) {
            const RefusalRecord &r = output.refusals[std::size_t(i)];
            if (!common(c, r.time, r.direction, r.peer, r.peerIp, r.local, why))
                return false;
            Values(upsert)
                .integer(int(r.direction))
                .integer(c->key.endpointId)
                .integer(r.port)
                .integer(r.time)
                .text(r.reason)
                .text(r.sender)
                .text(r.recipients)
                .flag(r.local)
                .lines(r.lines);
            return true;
        },
        [](const Contribution &, int) {},
        false,
    };

    m_deltas.clear();
    bool written = true;
    const RecordRemoval &removal = batch.removal;
    if (!removeRecords(transfers, sourceId, removal, removal.transferKeys, error)) {
        *error = QStringLiteral("taking back transfers: %1").arg(*error);
        written = false;
    } else if (!removeRecords(connections, sourceId, removal, removal.connectionKeys, error)) {
        *error = QStringLiteral("taking back connections: %1").arg(*error);
        written = false;
    } else if (!removeRecords(failures, sourceId, removal, removal.failureKeys, error)) {
        *error = QStringLiteral("taking back TLS failures: %1").arg(*error);
        written = false;
    } else if (!removeRecords(refusals, sourceId, removal, {}, error)) {
        // A refusal is emitted once, at the line that shows it, by the batch
        // that read that line: the key range takes it back.
        *error = QStringLiteral("taking back refusals: %1").arg(*error);
        written = false;
    } else if (!upsertRecords(transfers, sourceId, error)) {
        *error = QStringLiteral("transfer %1").arg(*error);
        written = false;
    } else if (!upsertRecords(connections, sourceId, error)) {
        *error = QStringLiteral("connection %1").arg(*error);
        written = false;
    } else if (!upsertRecords(failures, sourceId, error)) {
        *error = QStringLiteral("TLS failure %1").arg(*error);
        written = false;
    } else if (!upsertRecords(refusals, sourceId, error)) {
        *error = QStringLiteral("refusal %1").arg(*error);
        written = false;
    } else if (!writeAggregates(error)) {
        *error = QStringLiteral("daily figures: %1").arg(*error);
        written = false;
    } else if (!writeRollUps(error)) {
        *error = QStringLiteral("roll-ups: %1").arg(*error);
        written = false;
    }
    // Fingerprints go first: a batch's start at the line count before this batch.
    written = written && writeUnrecognised(batch, error) && writeFingerprints(batch, error)
        && moveSource(batch, error);
    m_deltas.clear();
    return written;
}

} // namespace mailtls
