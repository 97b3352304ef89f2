#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/sources/filehandle.h"
#include "models/sources/fileidentity.h"

namespace mailtls {

// Finds where a log's old lines went after it was rotated: among the files
// beside it whose names continue its own (mail.log.1, mail.log-20240101,
// mail.log.0, …), leaving out compressed ones, which hold nothing a followed
// source has not read yet.
class RotatedFileFinder final
{
public:
    // More rotated files than this are not looked at: a folder of thousands
    // of them must not stall the reading thread.
    static constexpr int MaxCandidates = 64;

    // The sibling paths of `path`, last modified first; not `path` itself.
    static QStringList siblings(const QString &path);

    // Opens the sibling that holds `identity`'s content up to at least
    // `offset` bytes: the same inode with the same first line (renamed), or
    // else a copy with the same first line (copy-truncate), the newest first.
    // A closed handle when there is none, or when `identity` has no first
    // line to recognise it by.
    static FileHandle find(const QString &path, const FileIdentity &identity, qint64 offset);
};

} // namespace mailtls
