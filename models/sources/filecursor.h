#pragma once

#include <optional>

#include <QByteArray>
#include <QtGlobal>

#include "models/sources/fileidentity.h"

namespace mailtls {

// Where a FileSource resumes: which file, and the byte offset within it just
// after the last line handed on. Stored by the pipeline as an opaque token:
//   "v1 DEVICE INODE FIRSTLINEHASH OFFSET"
// (decimal numbers, the hash as 16 hex digits or "-" while unknown).
struct FileCursor
{
    FileIdentity identity;
    qint64 offset = 0;

    QByteArray encode() const;
    // std::nullopt for anything that is not a cursor this version wrote.
    static std::optional<FileCursor> decode(const QByteArray &text);
};

} // namespace mailtls
