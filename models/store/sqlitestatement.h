#pragma once

#include <vector>

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>
#include <QtGlobal>

struct sqlite3;
struct sqlite3_stmt;

namespace mailtls {

// A statement prepared once on the SQLite connection under a Qt (QSQLITE)
// connection, then bound and run once per row.
//
// Why not QSqlQuery: its bindValue() hashes a placeholder name for every
// value (by position, it formats the name first), and its exec() turns each
// QVariant back into a SQLite value; for the writer's records that cost more
// than SQLite's own work on the row. Statements of literals instead (see
// SqlLiteral) spend most of their time in SQLite's parser, which allocates a
// node per value. Here a row costs its bindings and one step.
//
// Texts are bound as UTF-8 from buffers the statement keeps per parameter (a
// host name is usually ASCII: copied byte by byte, no conversion or
// allocation once the buffer has grown); a null QString is bound as '' (the
// columns are NOT NULL), as is an empty one.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The SQLite connection of `db`, an open QSQLITE connection; nullptr for
    // any other.
    static sqlite3 *connectionOf(const QSqlDatabase &db);

    bool prepare(sqlite3 *db, const QByteArray &sql, QString *error);
    bool isPrepared() const { return m_statement != nullptr; }

    // Parameters count from 1, in the order of the statement's "?"s.
    void bindInteger(int index, qint64 value);
    void bindNull(int index);
    void bindText(int index, QStringView text);
    // A zero-length blob for empty bytes, never NULL.
    void bindBlob(int index, const QByteArray &bytes);

    // Runs the statement to its end (rows it returns are not read) and makes
    // it ready for the next row's bindings.
    bool run(QString *error);

private:
    QByteArray &buffer(int index);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::vector<QByteArray> m_buffers;   // what parameter i + 1 is bound to, until its next binding
};

} // namespace mailtls
