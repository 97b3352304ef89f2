#pragma once

#include <optional>

#include <QByteArray>
#include <QtGlobal>

namespace mailtls {

// Where a followed file resumes: which file (device and inode on its host),
// how it began (a digest of its first bytes, so a file rewritten in place or a
// copy left by copytruncate is told apart), and the offset in it just past the
// last whole line handed on. As stored: "rf1 <dev:inode> <digest|-> <offset>".
struct RemoteFileCursor
{
    QByteArray identity; // "dev:inode"; empty: read the file from its start
    QByteArray digest;   // RemoteFileScript's digest; empty when unknown
    qint64 offset = 0;

    QByteArray toBytes() const;
    // An empty text is the start; std::nullopt for anything not made by toBytes().
    static std::optional<RemoteFileCursor> parse(const QByteArray &text);

    bool operator==(const RemoteFileCursor &other) const
    {
        return identity == other.identity && digest == other.digest && offset == other.offset;
    }
};

} // namespace mailtls
