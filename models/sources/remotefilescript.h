#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mailtls {

// The POSIX sh program that follows a file on a host (this machine or one
// reached over SSH) and writes what it reads as frames. It is a constant:
// everything the user gave (the path) and everything stored (the position)
// reaches it only as positional arguments, which a remote host quotes one by
// one, so no text of theirs is ever read as a command.
//
// It runs under dash, bash and busybox sh with GNU coreutils or busybox, on
// Linux (it reads the open file through /proc). It keeps the file it reads
// open on descriptor 3, so a file renamed or deleted by rotation is read to its
// end before it moves on to the new file at the path; it looks every 200 ms.
//
// Arguments: PATH, IDENTITY ("dev:inode" of the file to resume, empty for a
// first start), DIGEST (of that file's first bytes, "-" or empty if unknown),
// OFFSET (where to resume in that file).
//
// Frames on standard output, each a header line:
//   F <dev:inode> <digest> <offset>  reading goes on in this file at this offset
//                                    (also sent again when the digest takes in more bytes)
//   D <n> <size> <mtime>            followed by exactly n bytes and a line "<count>": the
//                                    first count of them are the file's next bytes (fewer
//                                    only when the file was cut while being read); size and
//                                    mtime (UTC seconds) are the file's at that moment
//   T                                the file was truncated or rewritten; the next F starts it
//                                    again at offset 0
//   R                                the file at the path was replaced (rotation); the old one
//                                    has been read to its end, the next F is the new one
//   W <code>                         a warning: replaced | truncated (while no run was
//                                    following it, so lines in between could not be found)
//   K                                still running (every 5 s without data, so the program
//                                    notices a closed connection and ends)
//   E <code> [<detail>]              a fatal problem; the program then ends with exit status:
//                                    missing 10, denied <group or -> 11, notfile 12,
//                                    noproc 13, notool <program> 14
//
// Digest: "<length>-<tool><value>" of the file's first <length> (at most 4096)
// bytes, tool c (cksum) or m (md5sum, where there is no cksum: busybox builds).
class RemoteFileScript final
{
public:
    enum ExitStatus {
        Missing = 10,
        Denied = 11,
        NotRegular = 12,
        NoProc = 13,
        NoTool = 14,
    };

    static QString text();
    // The argument vector running the script for `path` from a position.
    static QStringList command(const QString &path, const QByteArray &identity,
                               const QByteArray &digest, qint64 offset);
};

} // namespace mailtls
