#include "models/store/sqlrows.h"

#include <QSqlError>

namespace mailtls {

bool SqlRows::forEach(const QSqlDatabase &db, const QString &sql, QString *error,
                      const RowFunction &row)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        row(query);
    if (query.lastError().isValid()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace mailtls
