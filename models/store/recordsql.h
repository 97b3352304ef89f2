#pragma once

#include <cstddef>

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QVariant>

#include "models/logs/records.h"
#include "models/store/aggregatedeltas.h"
#include "models/store/lineoffsetcodec.h"
#include "models/store/sqlitestatement.h"

// The SQL text and the value binding of RecordWriter's statements: the
// statements themselves, apart from the order in which a batch runs them.
namespace mailtls::recordsql {


inline constexpr std::size_t keysPerLookup = 2000;
inline constexpr int maxColumns = 8;

// ":v0", ":v1", …: built once. Binding by name costs Qt one hash lookup;
// binding by position also formats the name first.
inline const QString &placeholder(int index)
{
    static const QStringList names = [] {
        QStringList list;
        for (int i = 0; i < maxColumns; ++i)
            list << QStringLiteral(":v%1").arg(i);
        return list;
    }();
    return names.at(index);
}

inline QString placeholders(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list << placeholder(i);
    return list.join(QStringLiteral(", "));
}

// Binds the values of the per-batch statements, in column order.
class Binder final
{
public:
    explicit Binder(QSqlQuery &query)
        : m_query(query)
    {
    }
    Binder &integer(qint64 value)
    {
        m_query.bindValue(placeholder(m_index++), qlonglong(value));
        return *this;
    }
    Binder &flag(bool value) { return integer(value ? 1 : 0); }
    // Qt binds a null QString as SQL NULL; the columns are NOT NULL.
    Binder &text(const QString &value)
    {
        static const QString empty = QString::fromLatin1("", 0);
        m_query.bindValue(placeholder(m_index++), value.isNull() ? empty : value);
        return *this;
    }
    // check_hash and assembler_state may be NULL.
    Binder &nullableBlob(const QByteArray &value)
    {
        m_query.bindValue(placeholder(m_index++), value);
        return *this;
    }

private:
    QSqlQuery &m_query;
    int m_index = 0;
};

inline bool prepared(QSqlQuery &query, const QSqlDatabase &db, const QString &sql, QString *error)
{
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (query.prepare(sql))
        return true;
    *error = QStringLiteral("cannot prepare \"%1\": %2").arg(sql, query.lastError().text());
    return false;
}

// "INSERT INTO table (source_id, key, columns) VALUES (?, …) ON CONFLICT
// (source_id, key) DO UPDATE SET column = excluded.column, …": a record emitted
// again replaces its stored version.
inline QByteArray upsertSql(const char *table, const char *columns)
{
    const QList<QByteArray> names = QByteArray(columns).split(',');
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (source_id, key, " + columns + ") VALUES (?, ?";
    for (qsizetype i = 0; i < names.size(); ++i)
        sql += ", ?";
    sql += ") ON CONFLICT (source_id, key) DO UPDATE SET ";
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QByteArray name = names.at(i).trimmed();
        if (i > 0)
            sql += ", ";
        sql += name + " = excluded." + name;
    }
    return sql;
}

// Binds values in column order: a record's after its source_id and key, or a
// row of sums after its key.
class Values final
{
public:
    // `first`: the index of the first value bound.
    explicit Values(SqliteStatement &statement, int first = 3)
        : m_statement(statement)
        , m_index(first)
    {
    }
    Values &integer(qint64 value)
    {
        m_statement.bindInteger(m_index++, value);
        return *this;
    }
    Values &flag(bool value) { return integer(value ? 1 : 0); }
    Values &text(QStringView value)
    {
        m_statement.bindText(m_index++, value);
        return *this;
    }
    Values &lines(const LineOffsets &offsets)
    {
        m_statement.bindBlob(m_index++, LineOffsetCodec::encode(offsets));
        return *this;
    }
    Values &sums(const AggregateValues &values)
    {
        return integer(values.messages)
            .integer(values.encryptedMessages)
            .integer(values.bytes)
            .integer(values.encryptedBytes)
            .integer(values.connections)
            .integer(values.encryptedConnections)
            .integer(values.tlsFailures);
    }
    Values &nullable(std::optional<qint64> value)
    {
        if (value)
            return integer(*value);
        m_statement.bindNull(m_index++);
        return *this;
    }
    Values &latest(const AggregateValues &values)
    {
        return nullable(values.lastContact).nullable(values.lastMessage);
    }

private:
    SqliteStatement &m_statement;
    int m_index;
};

inline bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

// The value columns `daily` and its roll-ups share.
inline constexpr const char *sumColumns =
    "messages, encrypted_messages, bytes, encrypted_bytes, connections, encrypted_connections, "
    "tls_failures";

// "INSERT INTO table (keys, values) VALUES (?, …) ON CONFLICT (keys) DO UPDATE
// SET value = value + excluded.value, …": a row of sums added to the stored one,
// or stored where there is none.
inline QByteArray sumSql(const char *table, const char *keys, const char *values)
{
    const qsizetype count = QByteArray(keys).count(',') + QByteArray(values).count(',') + 2;
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (" + keys + ", " + values + ") VALUES (?";
    for (qsizetype i = 1; i < count; ++i)
        sql += ", ?";
    sql += QByteArray(") ON CONFLICT (") + keys + ") DO UPDATE SET ";
    const QList<QByteArray> names = QByteArray(values).split(',');
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QByteArray name = names.at(i).trimmed();
        sql += (i > 0 ? ", " : "") + name + " = " + name + " + excluded." + name;
    }
    return sql;
}

// The same for `daily` and `peer_totals`, which also keep their records'
// latest contact and message: the later of the stored and the added time
// (either may be NULL).
inline QByteArray sumAndLatestSql(const char *table, const char *keys)
{
    const QByteArray values = QByteArray(sumColumns) + ", last_contact, last_message";
    QByteArray sql = sumSql(table, keys, values.constData());
    for (const QByteArray &name : {QByteArray("last_contact"), QByteArray("last_message")}) {
        const QByteArray added = name + " + excluded." + name;
        sql.replace(name + " = " + added,
                    name + " = CASE WHEN " + name + " IS NULL OR excluded." + name + " > " + name
                        + " THEN coalesce(excluded." + name + ", " + name + ") ELSE " + name + " END");
    }
    return sql;
}

// A row's latest contact and message read again from the records (?1 day,
// ?2 direction, ?3 endpoint, ?4 local), and a peer's from its days (?1
// direction, ?2 endpoint, ?3 local).
inline constexpr const char *recheckDailySql =
    "UPDATE daily SET last_contact = (SELECT max(t) FROM ("
    "SELECT max(time) AS t FROM connections WHERE (endpoint_id + 0) = ?3 AND direction = ?2 AND "
    "local = ?4 AND time >= ?1 * 86400 AND time < (?1 + 1) * 86400 UNION ALL "
    "SELECT max(time) FROM tls_failures WHERE (endpoint_id + 0) = ?3 AND direction = ?2 AND "
    "local = ?4 AND time >= ?1 * 86400 AND time < (?1 + 1) * 86400)), "
    "last_message = (SELECT max(time) FROM transfers WHERE time >= ?1 * 86400 AND "
    "time < (?1 + 1) * 86400 AND endpoint_id = ?3 AND direction = ?2 AND local = ?4) "
    "WHERE day = ?1 AND direction = ?2 AND endpoint_id = ?3 AND local = ?4";
inline constexpr const char *recheckPeerSql =
    "UPDATE peer_totals SET last_contact = (SELECT max(last_contact) FROM daily WHERE "
    "(endpoint_id + 0) = ?2 AND direction = ?1 AND local = ?3), last_message = (SELECT "
    "max(last_message) FROM daily WHERE (endpoint_id + 0) = ?2 AND direction = ?1 AND local = ?3) "
    "WHERE direction = ?1 AND endpoint_id = ?2 AND local = ?3";


} // namespace mailtls::recordsql
