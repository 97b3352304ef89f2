#include "models/store/sqlliteral.h"

#include <charconv>

namespace mailtls {

void SqlLiteral::appendInteger(QByteArray &sql, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    sql.append(buffer, result.ptr - buffer);
}

} // namespace mailtls
