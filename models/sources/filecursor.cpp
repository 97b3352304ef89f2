#include "models/sources/filecursor.h"

#include <QList>

namespace mailtls {

namespace {

const QByteArray Version("v1");
const QByteArray UnknownHash("-");

bool isHash(const QByteArray &text)
{
    if (text.size() != 16)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// Digits only: toULongLong() would also take signs, spaces and "0x".
bool isNumber(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QByteArray FileCursor::encode() const
{
    QByteArray out = Version;
    out += ' ';
    out += QByteArray::number(identity.device);
    out += ' ';
    out += QByteArray::number(identity.inode);
    out += ' ';
    out += identity.hasFirstLine() ? identity.firstLineHash : UnknownHash;
    out += ' ';
    out += QByteArray::number(offset);
    return out;
}

std::optional<FileCursor> FileCursor::decode(const QByteArray &text)
{
    const QList<QByteArray> fields = text.split(' ');
    if (fields.size() != 5 || fields.at(0) != Version)
        return std::nullopt;
    if (!isNumber(fields.at(1)) || !isNumber(fields.at(2)) || !isNumber(fields.at(4)))
        return std::nullopt;
    if (fields.at(3) != UnknownHash && !isHash(fields.at(3)))
        return std::nullopt;
    bool deviceOk = false;
    bool inodeOk = false;
    bool offsetOk = false;
    FileCursor cursor;
    cursor.identity.device = fields.at(1).toULongLong(&deviceOk);
    cursor.identity.inode = fields.at(2).toULongLong(&inodeOk);
    cursor.offset = fields.at(4).toLongLong(&offsetOk);
    if (!deviceOk || !inodeOk || !offsetOk || cursor.offset < 0)
        return std::nullopt;
    if (fields.at(3) != UnknownHash)
        cursor.identity.firstLineHash = fields.at(3);
    return cursor;
}

} // namespace mailtls
