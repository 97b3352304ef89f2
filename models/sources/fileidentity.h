#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace mailtls {

// Which file a followed log is: its inode, plus a fingerprint of its first line
// so that an inode number reused for a new file is not taken for the old one.
struct FileIdentity
{
    // Bytes of a file's head that are read to find its first line.
    static constexpr qsizetype HeadSize = 4096;

    quint64 device = 0;
    quint64 inode = 0;
    // 16 lower-case hex digits; empty while the file has no first line yet.
    QByteArray firstLineHash;

    bool hasFirstLine() const { return !firstLineHash.isEmpty(); }
    bool isSameInode(const FileIdentity &other) const
    {
        return device == other.device && inode == other.inode;
    }

    // What fingerprints a file: its first line with its newline, or its first
    // HeadSize bytes when no newline comes that early. Empty while neither is
    // complete, because a fingerprint must not change as the file grows.
    static QByteArray firstLineOf(const QByteArray &head);
    static QByteArray hashOf(const QByteArray &firstLine);
};

} // namespace mailtls
