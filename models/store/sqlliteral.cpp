#include "models/store/sqlliteral.h"

#include <charconv>

#include <QString>

namespace mailtls {

namespace {

void appendHex(QByteArray &sql, const QByteArray &bytes)
{
    static const char digits[] = "0123456789abcdef";
    const qsizetype start = sql.size();
    sql.resize(start + 2 * bytes.size());
    char *out = sql.data() + start;
    for (const char byte : bytes) {
        const auto value = uchar(byte);
        *out++ = digits[value >> 4];
        *out++ = digits[value & 0x0f];
    }
}

} // namespace

void SqlLiteral::appendInteger(QByteArray &sql, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    sql.append(buffer, result.ptr - buffer);
}

void SqlLiteral::appendText(QByteArray &sql, QStringView text)
{
    // Host names, addresses and queue ids are ASCII: copy those directly.
    const qsizetype start = sql.size();
    sql.append('\'');
    bool plain = true;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0 || u >= 0x80) {
            plain = false;
            break;
        }
        if (u == u'\'')
            sql.append('\'');
        sql.append(char(u));
    }
    if (plain) {
        sql.append('\'');
        return;
    }

    sql.truncate(start);
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains('\0')) {
        sql.append("CAST(X'");
        appendHex(sql, utf8);
        sql.append("' AS TEXT)");
        return;
    }
    sql.append('\'');
    for (const char byte : utf8) {
        if (byte == '\'')
            sql.append('\'');
        sql.append(byte);
    }
    sql.append('\'');
}

void SqlLiteral::appendBlob(QByteArray &sql, const QByteArray &bytes)
{
    sql.append("X'");
    appendHex(sql, bytes);
    sql.append('\'');
}

} // namespace mailtls
