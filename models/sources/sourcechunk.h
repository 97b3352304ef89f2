#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace mailtls {

// Lines a source read, as one piece of its byte stream. A followed source's
// stream runs on across rotated files and reconnects: its offsets only grow, so
// every line keeps one offset for as long as the source exists (records are
// keyed by it), and `offset + text.size()` is where the next chunk starts.
struct SourceChunk
{
    QByteArray text;          // whole lines, each ending in '\n'
    qint64 offset = 0;        // stream offset of text's first byte
    QByteArray cursor;        // where the source resumes after this chunk (its own format)
    qint64 referenceTime = 0; // UTC seconds, for the year of yearless stamps (the file's mtime, or now)
};

} // namespace mailtls
