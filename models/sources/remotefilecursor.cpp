#include "models/sources/remotefilecursor.h"

#include <QList>
#include <QRegularExpression>

namespace mailtls {

namespace {

const QByteArray version = QByteArrayLiteral("rf1");
const QByteArray noDigest = QByteArrayLiteral("-");

bool isIdentity(const QByteArray &word)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{1,20}:[0-9]{1,20}$"));
    return shape.match(QString::fromLatin1(word)).hasMatch();
}

bool isDigest(const QByteArray &word)
{
    static const QRegularExpression shape(QStringLiteral("^[1-9][0-9]{0,4}-[cm][0-9a-f]{1,64}$"));
    return shape.match(QString::fromLatin1(word)).hasMatch();
}

} // namespace

QByteArray RemoteFileCursor::toBytes() const
{
    if (identity.isEmpty())
        return QByteArray();
    return version + ' ' + identity + ' ' + (digest.isEmpty() ? noDigest : digest) + ' '
        + QByteArray::number(offset);
}

std::optional<RemoteFileCursor> RemoteFileCursor::parse(const QByteArray &text)
{
    if (text.isEmpty())
        return RemoteFileCursor();
    const QList<QByteArray> words = text.split(' ');
    if (words.size() != 4 || words.at(0) != version || !isIdentity(words.at(1))
        || (words.at(2) != noDigest && !isDigest(words.at(2))))
        return std::nullopt;
    bool ok = false;
    const qint64 offset = words.at(3).toLongLong(&ok);
    if (!ok || offset < 0 || words.at(3).startsWith('+'))
        return std::nullopt;
    RemoteFileCursor cursor;
    cursor.identity = words.at(1);
    cursor.digest = words.at(2) == noDigest ? QByteArray() : words.at(2);
    cursor.offset = offset;
    return cursor;
}

} // namespace mailtls
