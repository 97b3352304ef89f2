#pragma once

#include <QByteArray>
#include <QStringView>
#include <QtGlobal>

namespace mailtls {

// Writes values as SQLite literals into UTF-8 statement text.
//
// Why not bound parameters for records: Qt's QSqlResult::bindValue() hashes
// a placeholder name for every value (and, by position, formats that name
// first), which cost more than SQLite's own work on the row and held the
// writer to about half the rate the importer needs. Multi-row statements of
// literals parse for less. Every value goes through these functions: text
// is quoted with '' doubling and, if it holds a NUL (which would end the
// statement), written as a cast UTF-8 blob; nothing else from a record is
// ever pasted into a statement.
class SqlLiteral final
{
public:
    static void appendInteger(QByteArray &sql, qint64 value);
    static void appendText(QByteArray &sql, QStringView text);
    static void appendBlob(QByteArray &sql, const QByteArray &bytes);
};

} // namespace mailtls
