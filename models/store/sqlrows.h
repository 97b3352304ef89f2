#pragma once

#include <functional>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace mailtls {

// Runs one read-only statement and hands each row to a callback. The
// dashboard's queries build their statements from integers they format
// themselves (ids, times, directions) and fixed text, never from record
// contents, so they need no bound values.
class SqlRows final
{
public:
    using RowFunction = std::function<void(const QSqlQuery &row)>;

    static bool forEach(const QSqlDatabase &db, const QString &sql, QString *error,
                        const RowFunction &row);
};

} // namespace mailtls
