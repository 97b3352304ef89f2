#include "models/sources/fileidentity.h"

#include <QCryptographicHash>

namespace mailtls {

QByteArray FileIdentity::firstLineOf(const QByteArray &head)
{
    const qsizetype newline = head.indexOf('\n');
    if (newline >= 0 && newline < HeadSize)
        return head.first(newline + 1);
    if (head.size() >= HeadSize)
        return head.first(HeadSize);
    return QByteArray();
}

QByteArray FileIdentity::hashOf(const QByteArray &firstLine)
{
    if (firstLine.isEmpty())
        return QByteArray();
    // Eight bytes tell first lines apart; the cursor stays short.
    return QCryptographicHash::hash(firstLine, QCryptographicHash::Sha256).first(8).toHex();
}

} // namespace mailtls
