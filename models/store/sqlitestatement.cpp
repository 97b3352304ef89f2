#include "models/store/sqlitestatement.h"

#include <cstring>

#include <sqlite3.h>

#include <QSqlDriver>
#include <QVariant>

namespace mailtls {

SqliteStatement::~SqliteStatement()
{
    // Before the connection closes: an unfinalised statement keeps it open.
    if (m_statement)
        sqlite3_finalize(m_statement);
}

sqlite3 *SqliteStatement::connectionOf(const QSqlDatabase &db)
{
    // The QSQLITE driver's handle is a sqlite3* (QSqlDriver::handle()).
    const QVariant handle = db.isOpen() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::prepare(sqlite3 *db, const QByteArray &sql, QString *error)
{
    if (m_statement) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
    m_db = db;
    if (!db) {
        *error = QStringLiteral("not an SQLite connection");
        return false;
    }
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_statement, nullptr)
        != SQLITE_OK) {
        *error = QStringLiteral("cannot prepare \"%1\": %2")
                     .arg(QString::fromUtf8(sql), QString::fromUtf8(sqlite3_errmsg(db)));
        m_statement = nullptr;
        return false;
    }
    m_buffers.assign(std::size_t(sqlite3_bind_parameter_count(m_statement)), QByteArray());
    return true;
}

QByteArray &SqliteStatement::buffer(int index)
{
    return m_buffers[std::size_t(index - 1)];
}

void SqliteStatement::bindInteger(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bindText(int index, QStringView text)
{
    QByteArray &bytes = buffer(index);
    const qsizetype n = text.size();
    bytes.resize(n);
    char *out = bytes.data();
    const char16_t *in = text.utf16();
    bool ascii = true;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = in[i];
        if (c >= 0x80) {
            ascii = false;
            break;
        }
        out[i] = char(c);
    }
    if (!ascii)
        bytes = text.toUtf8();
    sqlite3_bind_text(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        sqlite3_bind_zeroblob(m_statement, index, 0);
        return;
    }
    // Shared, not copied: kept until the next binding of this parameter.
    buffer(index) = bytes;
    sqlite3_bind_blob(m_statement, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

bool SqliteStatement::run(QString *error)
{
    int rc = sqlite3_step(m_statement);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_statement);
        return true;
    }
    *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return false;
}

} // namespace mailtls
