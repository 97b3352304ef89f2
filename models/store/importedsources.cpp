#include "models/store/importedsources.h"

#include <algorithm>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "models/store/lineoffsetcodec.h"
#include "models/store/recordcodes.h"
#include "models/store/sqlliteral.h"

namespace mailtls {

namespace {

constexpr std::size_t keysPerQuery = 2000;

bool failed(const QSqlQuery &query, QString *error)
{
    *error = query.lastError().text();
    return false;
}

// "… WHERE source_id = S AND key IN (k, …)" for keys[start, start + keysPerQuery).
QByteArray keysWhere(qint64 sourceId, const std::vector<qint64> &keys, std::size_t start)
{
    QByteArray where = " WHERE source_id = ";
    SqlLiteral::appendInteger(where, sourceId);
    where += " AND key IN (";
    const std::size_t end = std::min(keys.size(), start + keysPerQuery);
    for (std::size_t i = start; i < end; ++i) {
        if (i > start)
            where += ',';
        SqlLiteral::appendInteger(where, keys[i]);
    }
    where += ')';
    return where;
}

// Reads rows of `view` with `columns` for every key, handing each row to `take`.
template <typename Take>
bool readRows(const QSqlDatabase &db, const char *view, const char *columns, qint64 sourceId,
              const std::vector<qint64> &keys, QString *error, Take &&take)
{
    for (std::size_t start = 0; start < keys.size(); start += keysPerQuery) {
        const QByteArray sql = QByteArray("SELECT ") + columns + " FROM " + view + keysWhere(sourceId, keys, start);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QString::fromLatin1(sql)))
            return failed(query, error);
        while (query.next()) {
            if (!take(query, error))
                return false;
        }
        if (query.lastError().isValid())
            return failed(query, error);
    }
    return true;
}

// The TLS columns trust … dhe from `first` on.
bool tlsFrom(const QSqlQuery &row, int first, TlsDetails *tls, QString *error)
{
    const std::optional<Trust> trust = RecordCodes::trustFromName(row.value(first).toString());
    if (!trust) {
        *error = QStringLiteral("unknown trust \"%1\"").arg(row.value(first).toString());
        return false;
    }
    tls->trust = *trust;
    tls->protocol = row.value(first + 1).toString();
    tls->cipher = row.value(first + 2).toString();
    tls->cipherBits = row.value(first + 3).toInt();
    tls->keyExchange = row.value(first + 4).toString();
    tls->keyExchangeBits = row.value(first + 5).toInt();
    tls->dhe = row.value(first + 6).toInt() != 0;
    return true;
}

bool linesFrom(const QSqlQuery &row, int column, LineOffsets *lines, QString *error)
{
    const std::optional<LineOffsets> offsets = LineOffsetCodec::decode(row.value(column).toByteArray());
    if (!offsets) {
        *error = QStringLiteral("the line offsets of record %1 are damaged").arg(row.value(0).toLongLong());
        return false;
    }
    *lines = *offsets;
    return true;
}

} // namespace

bool ImportedSources::forEachBlock(const QSqlDatabase &db, qint64 sourceId, qint64 fromLine,
                                   const std::function<bool(const FingerprintBlock &)> &visit, QString *error)
{
    // From the block holding fromLine (the last one starting at or before it),
    // or the first block when fromLine lies before every block.
    auto single = [&](const QString &sql, qint64 value, QVariant *out) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(sql);
        query.addBindValue(sourceId);
        query.addBindValue(value);
        if (!query.exec() || !query.next())
            return failed(query, error);
        *out = query.value(0);
        return true;
    };
    QVariant start;
    if (!single(QStringLiteral("SELECT max(first_line) FROM source_lines WHERE source_id = ? AND first_line <= ?"),
                fromLine, &start))
        return false;
    if (start.isNull()
        && !single(QStringLiteral("SELECT min(first_line) FROM source_lines WHERE source_id = ? AND first_line > ?"),
                   fromLine, &start))
        return false;
    if (start.isNull())
        return true;

    // One query per block, so that only one is held.
    qint64 next = start.toLongLong();
    for (;;) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT first_line, fingerprints FROM source_lines WHERE source_id = ? "
                                     "AND first_line >= ? ORDER BY first_line LIMIT 1"));
        query.addBindValue(sourceId);
        query.addBindValue(next);
        if (!query.exec())
            return failed(query, error);
        if (!query.next())
            return query.lastError().isValid() ? failed(query, error) : true;
        FingerprintBlock block;
        block.firstLine = query.value(0).toLongLong();
        block.fingerprints = query.value(1).toByteArray();
        query.finish();
        next = block.firstLine + 1;
        if (!visit(block))
            return true;
    }
}

bool ImportedSources::storedRecords(const QSqlDatabase &db, qint64 sourceId, const RecordKeys &keys,
                                    AssemblerOutput *out, QString *error)
{
    const bool transfers = readRows(
        db, "transfer_rows",
        "key, direction, peer, peer_ip, queue_id, time, bytes, encrypted, local, sender, recipients, "
        "trust, protocol, cipher, cipher_bits, key_exchange, key_exchange_bits, dhe, lines",
        sourceId, keys.transfers, error, [out](const QSqlQuery &row, QString *why) {
            TransferRecord r;
            r.key = row.value(0).toLongLong();
            r.direction = Direction(row.value(1).toInt());
            r.peer = row.value(2).toString();
            r.peerIp = row.value(3).toString();
            r.queueId = row.value(4).toString();
            r.time = row.value(5).toLongLong();
            r.bytes = row.value(6).toLongLong();
            r.encrypted = row.value(7).toInt() != 0;
            r.local = row.value(8).toInt() != 0;
            r.sender = row.value(9).toString();
            r.recipients = row.value(10).toString();
            if (!tlsFrom(row, 11, &r.tls, why) || !linesFrom(row, 18, &r.lines, why))
                return false;
            out->transfers.push_back(std::move(r));
            return true;
        });
    if (!transfers)
        return false;
    const bool connections = readRows(
        db, "connection_rows",
        "key, direction, peer, peer_ip, port, time, encrypted, local, trust, protocol, cipher, "
        "cipher_bits, key_exchange, key_exchange_bits, dhe, lines",
        sourceId, keys.connections, error, [out](const QSqlQuery &row, QString *why) {
            ConnectionRecord r;
            r.key = row.value(0).toLongLong();
            r.direction = Direction(row.value(1).toInt());
            r.peer = row.value(2).toString();
            r.peerIp = row.value(3).toString();
            r.port = row.value(4).toInt();
            r.time = row.value(5).toLongLong();
            r.encrypted = row.value(6).toInt() != 0;
            r.local = row.value(7).toInt() != 0;
            if (!tlsFrom(row, 8, &r.tls, why) || !linesFrom(row, 15, &r.lines, why))
                return false;
            out->connections.push_back(std::move(r));
            return true;
        });
    if (!connections)
        return false;
    // From the table itself: the view predates the envelope columns.
    return readRows(db, "tls_failures r JOIN endpoints e ON e.id = r.endpoint_id",
                    "r.key, r.direction, e.peer, e.peer_ip, r.port, r.time, r.problem, r.reason, r.local, r.lines, "
                    "r.queue_id, r.sender, r.recipients",
                    sourceId, keys.failures, error, [out](const QSqlQuery &row, QString *why) {
                        TlsFailureRecord r;
                        r.key = row.value(0).toLongLong();
                        r.direction = Direction(row.value(1).toInt());
                        r.peer = row.value(2).toString();
                        r.peerIp = row.value(3).toString();
                        r.port = row.value(4).toInt();
                        r.time = row.value(5).toLongLong();
                        const std::optional<TlsProblem> problem
                            = RecordCodes::problemFromName(row.value(6).toString());
                        if (!problem) {
                            *why = QStringLiteral("unknown TLS problem \"%1\"").arg(row.value(6).toString());
                            return false;
                        }
                        r.problem = *problem;
                        r.reason = row.value(7).toString();
                        r.local = row.value(8).toInt() != 0;
                        if (!linesFrom(row, 9, &r.lines, why))
                            return false;
                        r.queueId = row.value(10).toString();
                        r.sender = row.value(11).toString();
                        r.recipients = row.value(12).toString();
                        out->failures.push_back(std::move(r));
                        return true;
                    });
}

bool ImportedSources::removeSource(QSqlDatabase &db, qint64 sourceId, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(query, error);
    auto rollBack = [&](const QString &why) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        *error = why;
        return false;
    };
    for (const char *table : {"transfers", "connections", "tls_failures", "refusals"}) {
        QSqlQuery count(db);
        count.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE source_id = ? LIMIT 1").arg(QLatin1String(table)));
        count.addBindValue(sourceId);
        if (!count.exec())
            return rollBack(count.lastError().text());
        if (count.next())
            return rollBack(QStringLiteral("source %1 still has records in %2").arg(sourceId).arg(QLatin1String(table)));
    }
    for (const char *sql : {"DELETE FROM source_lines WHERE source_id = ?", "DELETE FROM unrecognised WHERE source_id = ?",
                            "DELETE FROM sources WHERE id = ?"}) {
        QSqlQuery remove(db);
        remove.prepare(QString::fromLatin1(sql));
        remove.addBindValue(sourceId);
        if (!remove.exec())
            return rollBack(remove.lastError().text());
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return rollBack(query.lastError().text());
    return true;
}

} // namespace mailtls
