#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/store/recordprovenance.h"

namespace mailtls {

// One log line read back for a record.
struct LogLineText
{
    qint64 offset = 0;        // in the source's stream
    QString text;             // without its newline
    bool truncated = false;   // longer than LogLineReader::maxLineBytes

    bool operator==(const LogLineText &other) const
    {
        return offset == other.offset && text == other.text && truncated == other.truncated;
    }
};

// Reads the lines behind a record back from its source, so a user can check a
// figure against the log. Only a local file still present can be read, and
// only while it is the file that was read:
// - an imported log (identity "log:sha256:…"): the file at the path it was
//   imported under (relative paths against the current folder) whose first
//   line still has that hash; plain files are read at the offsets, gzip files
//   decompressed up to the last offset wanted;
// - a followed local file: the file at its path with the inode and first
//   line of the source's cursor; the lines of the current file are those at
//   or after the stream offset where it began (position - cursor offset);
//   earlier lines are in rotated files and are not looked for.
// Journal and remote sources, and standard input, cannot be read back.
// Nothing more than the lines asked for is kept in memory: at most maxLines,
// each cut at maxLineBytes.
class LogLineReader final
{
    Q_DECLARE_TR_FUNCTIONS(LogLineReader)

public:
    static constexpr int maxLines = 256;
    static constexpr qint64 maxLineBytes = 8192;
    // An imported log's first line is read whole to check its hash, up to this.
    static constexpr qint64 maxFirstLineBytes = 1024 * 1024;

    // The record's lines in its order (the first maxLines of them); false with
    // a message saying why they cannot be read.
    static bool read(const RecordProvenance &provenance, QList<LogLineText> *lines,
                     QString *error);
};

} // namespace mailtls
