#include "models/store/loglinereader.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include <QCryptographicHash>
#include <QDir>
#include <QMap>

#include "models/ingest/logreader.h"
#include "models/sources/filecursor.h"
#include "models/sources/filehandle.h"
#include "models/sources/sourcespec.h"

namespace mailtls {

namespace {

const QString importedPrefix = QStringLiteral("log:sha256:");

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

LogLineText lineFrom(qint64 offset, const char *data, qint64 size)
{
    LogLineText line;
    line.offset = offset;
    line.truncated = size > LogLineReader::maxLineBytes;
    line.text = QString::fromUtf8(data, qsizetype(std::min(size, LogLineReader::maxLineBytes)));
    return line;
}

// Reads the line at each file offset of a plain file; `base` is the stream
// offset of the file's first byte.
bool readPlain(const FileHandle &file, const QString &path, qint64 base,
               const LineOffsets &offsets, QList<LogLineText> *lines, QString *error)
{
    for (const qint64 offset : offsets) {
        QByteArray bytes;
        int code = 0;
        const qint64 got = file.read(offset - base, LogLineReader::maxLineBytes + 1, &bytes, &code);
        if (got < 0) {
            *error = LogLineReader::tr("cannot read %1: %2").arg(shown(path), systemError(code));
            return false;
        }
        if (got == 0) {
            *error = LogLineReader::tr("%1 is shorter than when it was read: it ends before byte %2")
                         .arg(shown(path))
                         .arg(offset - base);
            return false;
        }
        const qsizetype newline = bytes.indexOf('\n');
        const qint64 size = newline >= 0 ? qint64(newline) : got;
        lines->append(lineFrom(offset, bytes.constData(), size));
    }
    return true;
}

bool readFollowed(const RecordProvenance &p, const SourceSpec &spec, QList<LogLineText> *lines,
                  QString *error)
{
    const std::optional<FileCursor> cursor = FileCursor::decode(p.sourceCursor);
    if (!cursor) {
        *error = LogLineReader::tr("the source %1 has no readable position; its lines cannot be read back")
                     .arg(p.sourceName);
        return false;
    }
    int code = 0;
    FileHandle file = FileHandle::open(spec.path, &code);
    if (!file.isOpen()) {
        *error = LogLineReader::tr("cannot open %1: %2").arg(shown(spec.path), systemError(code));
        return false;
    }
    if (!file.identity().isSameInode(cursor->identity)
        || (cursor->identity.hasFirstLine()
            && file.identity().firstLineHash != cursor->identity.firstLineHash)) {
        *error = LogLineReader::tr("%1 is no longer the file that was read (it was rotated or replaced)")
                     .arg(shown(spec.path));
        return false;
    }
    const qint64 base = p.sourcePosition - cursor->offset;
    for (const qint64 offset : p.offsets) {
        if (offset < base) {
            *error = LogLineReader::tr("the lines of this record are in an earlier file of %1 that was "
                                       "rotated away")
                         .arg(shown(spec.path));
            return false;
        }
    }
    return readPlain(file, spec.path, base, p.offsets, lines, error);
}

bool readImported(const RecordProvenance &p, QList<LogLineText> *lines, QString *error)
{
    const QString path = p.sourceName;
    LogReader reader(path);
    if (path == QLatin1String("-") || path == QLatin1String("<stdin>")) {
        *error = LogLineReader::tr("this log was read from standard input; its lines cannot be read back");
        return false;
    }
    if (!reader.open(error))
        return false;
    // A last line without its newline is a line of the log all the same.
    reader.setIncludeUnterminated(true);
    std::string_view first;
    std::int64_t firstOffset = 0;
    if (!reader.nextLine(first, firstOffset)) {
        *error = reader.error().isEmpty()
            ? LogLineReader::tr("%1 is empty now: it is no longer the log that was imported").arg(shown(path))
            : reader.error();
        return false;
    }
    const QByteArray hash = QCryptographicHash::hash(QByteArrayView(first.data(), qsizetype(first.size())),
                                                     QCryptographicHash::Sha256)
                                .toHex();
    if (importedPrefix + QString::fromLatin1(hash) != p.sourceIdentity) {
        *error = LogLineReader::tr("%1 is no longer the log that was imported (its first line differs)")
                     .arg(shown(path));
        return false;
    }

    if (!reader.isCompressed()) {
        int code = 0;
        FileHandle file = FileHandle::open(path, &code);
        if (!file.isOpen()) {
            *error = LogLineReader::tr("cannot open %1: %2").arg(shown(path), systemError(code));
            return false;
        }
        return readPlain(file, path, 0, p.offsets, lines, error);
    }

    // A gzip stream cannot be entered in the middle: read on to each offset,
    // keeping only the lines wanted.
    QMap<qint64, LogLineText> found;
    LineOffsets wanted = p.offsets;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::size_t next = 0;
    std::string_view line = first;
    std::int64_t offset = firstOffset;
    bool have = true;
    while (have && next < wanted.size()) {
        while (next < wanted.size() && wanted[next] < offset) {
            // An offset inside a line, or between lines: not a line start.
            ++next;
        }
        if (next < wanted.size() && wanted[next] == offset) {
            found.insert(offset, lineFrom(offset, line.data(), qint64(line.size())));
            ++next;
        }
        have = reader.nextLine(line, offset);
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return false;
    }
    for (const qint64 o : p.offsets) {
        const auto it = found.constFind(o);
        if (it == found.constEnd()) {
            *error = LogLineReader::tr("%1 holds no line at byte %2 any more").arg(shown(path)).arg(o);
            return false;
        }
        lines->append(it.value());
    }
    return true;
}

} // namespace

bool LogLineReader::read(const RecordProvenance &provenance, QList<LogLineText> *lines,
                         QString *error)
{
    lines->clear();
    RecordProvenance p = provenance;
    if (p.offsets.size() > std::size_t(maxLines))
        p.offsets.resize(std::size_t(maxLines));

    if (!p.sourceSpec.isEmpty()) {
        QString why;
        const std::optional<SourceSpec> spec = SourceSpec::parse(p.sourceSpec, &why);
        if (!spec || spec->kind != SourceSpec::Kind::File || spec->isRemote()) {
            *error = tr("the lines of %1 cannot be read back: only local log files can be")
                         .arg(p.sourceName);
            return false;
        }
        return readFollowed(p, *spec, lines, error);
    }
    if (p.sourceIdentity.startsWith(importedPrefix))
        return readImported(p, lines, error);
    *error = tr("the lines of %1 cannot be read back: only local log files can be").arg(p.sourceName);
    return false;
}

} // namespace mailtls
