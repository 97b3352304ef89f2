#include "models/store/storeschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mailtls {

namespace {

// Version 1. Records keep the source id and key the assembler gave them, so a
// record emitted again replaces its earlier version (UNIQUE (source_id, key)).
// The remote end (host name + address) and the TLS parameters repeat on most
// rows, so records refer to them by id: rows stay small and the writer binds
// fewer values per record. The *_rows views show records with them spelled
// out. Enum values other than direction are stored as words (RecordCodes).
// `daily` holds the per-day sums figures are read from; keyed by endpoint (not
// only the host name) so that a peer the user lists as local by address can
// be left out without reading the records. Foreign keys are declared for the
// reader; the writer, the only one to insert, checks the source itself.
SchemaMigration version1()
{
    SchemaMigration step;
    step.version = 1;
    step.statements = {
        QStringLiteral(
            "CREATE TABLE sources ("
            " id INTEGER PRIMARY KEY,"
            " identity TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " position INTEGER NOT NULL DEFAULT 0,"
            " check_hash BLOB,"
            " assembler_state BLOB,"
            " lines_read INTEGER NOT NULL DEFAULT 0,"
            " updated_at INTEGER NOT NULL)"),
        QStringLiteral(
            "CREATE TABLE endpoints ("
            " id INTEGER PRIMARY KEY,"
            " peer TEXT NOT NULL,"
            " peer_ip TEXT NOT NULL,"
            " UNIQUE (peer, peer_ip))"),
        QStringLiteral(
            "CREATE TABLE tls_parameters ("
            " id INTEGER PRIMARY KEY,"
            " trust TEXT NOT NULL,"
            " protocol TEXT NOT NULL,"
            " cipher TEXT NOT NULL,"
            " cipher_bits INTEGER NOT NULL,"
            " key_exchange TEXT NOT NULL,"
            " key_exchange_bits INTEGER NOT NULL,"
            " dhe INTEGER NOT NULL CHECK (dhe IN (0, 1)),"
            " UNIQUE (trust, protocol, cipher, cipher_bits, key_exchange, key_exchange_bits,"
            " dhe))"),
        QStringLiteral(
            "CREATE TABLE transfers ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " queue_id TEXT NOT NULL,"
            " time INTEGER NOT NULL,"
            " bytes INTEGER NOT NULL CHECK (bytes >= 0),"
            " encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " sender TEXT NOT NULL,"
            " recipients TEXT NOT NULL,"
            " tls_id INTEGER NOT NULL REFERENCES tls_parameters (id),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX transfers_time ON transfers (time)"),
        QStringLiteral(
            "CREATE TABLE connections ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " port INTEGER NOT NULL,"
            " time INTEGER NOT NULL,"
            " encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " tls_id INTEGER NOT NULL REFERENCES tls_parameters (id),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX connections_time ON connections (time)"),
        QStringLiteral(
            "CREATE TABLE tls_failures ("
            " id INTEGER PRIMARY KEY,"
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " key INTEGER NOT NULL,"
            " direction INTEGER NOT NULL CHECK (direction IN (0, 1, 2)),"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " port INTEGER NOT NULL,"
            " time INTEGER NOT NULL,"
            " problem TEXT NOT NULL,"
            " reason TEXT NOT NULL,"
            " local INTEGER NOT NULL CHECK (local IN (0, 1)),"
            " lines BLOB NOT NULL,"
            " UNIQUE (source_id, key))"),
        QStringLiteral("CREATE INDEX tls_failures_time ON tls_failures (time)"),
        QStringLiteral(
            "CREATE TABLE unrecognised ("
            " source_id INTEGER NOT NULL REFERENCES sources (id),"
            " program TEXT NOT NULL,"
            " count INTEGER NOT NULL,"
            " PRIMARY KEY (source_id, program)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE daily ("
            " day INTEGER NOT NULL,"          // UTC days since 1970-01-01
            " direction INTEGER NOT NULL,"
            " endpoint_id INTEGER NOT NULL REFERENCES endpoints (id),"
            " local INTEGER NOT NULL,"
            " messages INTEGER NOT NULL,"
            " encrypted_messages INTEGER NOT NULL,"
            " bytes INTEGER NOT NULL,"
            " encrypted_bytes INTEGER NOT NULL,"
            " connections INTEGER NOT NULL,"
            " encrypted_connections INTEGER NOT NULL,"
            " tls_failures INTEGER NOT NULL,"
            " PRIMARY KEY (day, direction, endpoint_id, local)) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE VIEW transfer_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.queue_id, r.time, r.bytes, r.encrypted, r.local, r.sender,"
            " r.recipients, t.trust, t.protocol, t.cipher, t.cipher_bits, t.key_exchange,"
            " t.key_exchange_bits, t.dhe, r.lines"
            " FROM transfers r JOIN endpoints e ON e.id = r.endpoint_id"
            " JOIN tls_parameters t ON t.id = r.tls_id"),
        QStringLiteral(
            "CREATE VIEW connection_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.port, r.time, r.encrypted, r.local, t.trust, t.protocol,"
            " t.cipher, t.cipher_bits, t.key_exchange, t.key_exchange_bits, t.dhe, r.lines"
            " FROM connections r JOIN endpoints e ON e.id = r.endpoint_id"
            " JOIN tls_parameters t ON t.id = r.tls_id"),
        QStringLiteral(
            "CREATE VIEW tls_failure_rows AS SELECT r.id, r.source_id, r.key, r.direction,"
            " e.peer, e.peer_ip, r.port, r.time, r.problem, r.reason, r.local, r.lines"
            " FROM tls_failures r JOIN endpoints e ON e.id = r.endpoint_id"),
    };
    return step;
}

bool run(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

// Version 2: followed sources. A followed source resumes from a cursor of its
// own (which file and where in it, or a journal cursor) kept beside the stream
// position, and is defined by what the user gave (`spec`: a path,
// journal[:UNIT], ssh://…), so the app can start it again; a paused source
// keeps its place without being read.
SchemaMigration version2()
{
    SchemaMigration step;
    step.version = 2;
    step.statements = {
        QStringLiteral("ALTER TABLE sources ADD COLUMN cursor BLOB"),
        QStringLiteral("ALTER TABLE sources ADD COLUMN spec TEXT"),
        QStringLiteral("ALTER TABLE sources ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 "
                       "CHECK (paused IN (0, 1))"),
    };
    return step;
}

} // namespace

const std::vector<SchemaMigration> &StoreSchema::migrations()
{
    static const std::vector<SchemaMigration> steps = {version1(), version2()};
    return steps;
}

int StoreSchema::currentVersion()
{
    return migrations().back().version;
}

QStringList StoreSchema::requiredTables()
{
    return {QStringLiteral("sources"),     QStringLiteral("endpoints"),
            QStringLiteral("tls_parameters"), QStringLiteral("transfers"),
            QStringLiteral("connections"), QStringLiteral("tls_failures"),
            QStringLiteral("unrecognised"), QStringLiteral("daily")};
}

bool StoreSchema::migrate(QSqlDatabase &db, const std::vector<SchemaMigration> &steps,
                          QString *error)
{
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].version != int(i) + 1) {
            *error = QStringLiteral("schema step %1 is numbered %2").arg(i + 1).arg(steps[i].version);
            return false;
        }
    }

    QString why;
    // IMMEDIATE: two processes opening a new file at once must not both
    // create the tables; the second waits, then sees the version the first set.
    if (!run(db, QStringLiteral("BEGIN IMMEDIATE"), &why)) {
        *error = why;
        return false;
    }
    QSqlQuery versionQuery(db);
    if (!versionQuery.exec(QStringLiteral("PRAGMA user_version")) || !versionQuery.next()) {
        *error = versionQuery.lastError().text();
        versionQuery.finish();
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    const int fileVersion = versionQuery.value(0).toInt();
    versionQuery.finish();

    int reached = fileVersion;
    for (const SchemaMigration &step : steps) {
        if (step.version <= fileVersion)
            continue;
        for (const QString &statement : step.statements) {
            if (!run(db, statement, &why)) {
                *error = QStringLiteral("schema step %1: %2").arg(step.version).arg(why);
                run(db, QStringLiteral("ROLLBACK"), &why);
                return false;
            }
        }
        reached = step.version;
    }
    if (reached != fileVersion
        && (!run(db, QStringLiteral("PRAGMA user_version = %1").arg(reached), &why)
            || !run(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId), &why))) {
        *error = why;
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    if (!run(db, QStringLiteral("COMMIT"), &why)) {
        *error = why;
        run(db, QStringLiteral("ROLLBACK"), &why);
        return false;
    }
    return true;
}

} // namespace mailtls
