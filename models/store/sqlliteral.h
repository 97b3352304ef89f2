#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace mailtls {

// Writes integers as SQLite literals into UTF-8 statement text: the writer's
// lists of a batch's record keys ("key IN (…)"), one statement for thousands
// of keys rather than a binding each. Records themselves are bound
// (SqliteStatement); nothing else from a record is ever pasted into a statement.
class SqlLiteral final
{
public:
    static void appendInteger(QByteArray &sql, qint64 value);
};

} // namespace mailtls
