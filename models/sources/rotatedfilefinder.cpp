#include "models/sources/rotatedfilefinder.h"

#include <cerrno>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mailtls {

namespace {

bool isCompressedName(const QString &name)
{
    static const char *const suffixes[] = {".gz", ".bz2", ".xz", ".zst", ".lz4", ".lzma", ".lz", ".Z", ".zip", ".7z"};
    for (const char *suffix : suffixes) {
        if (name.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

} // namespace

QStringList RotatedFileFinder::siblings(const QString &path)
{
    const QFileInfo info(path);
    const QString base = info.fileName();
    QDir dir = info.absoluteDir();
    dir.setFilter(QDir::Files | QDir::Hidden | QDir::System);
    // The file rotated away last was written to last: newest first, so a
    // folder of years of dated files still yields it within the cap.
    dir.setSorting(QDir::Time);
    QStringList out;
    const QStringList names = dir.entryList();
    for (const QString &name : names) {
        if (name.size() <= base.size() + 1 || !name.startsWith(base))
            continue;
        const QChar separator = name.at(base.size());
        if (separator != QLatin1Char('.') && separator != QLatin1Char('-') && separator != QLatin1Char('_'))
            continue;
        if (isCompressedName(name))
            continue;
        out.append(dir.filePath(name));
        if (out.size() == MaxCandidates)
            break;
    }
    return out;
}

FileHandle RotatedFileFinder::find(const QString &path, const FileIdentity &identity, qint64 offset)
{
    if (!identity.hasFirstLine())
        return FileHandle();
    FileHandle copy;
    qint64 copyTime = 0;
    const QStringList candidates = siblings(path);
    for (const QString &candidate : candidates) {
        int errorCode = 0;
        FileHandle file = FileHandle::open(candidate, &errorCode);
        if (!file.isOpen() || file.identity().firstLineHash != identity.firstLineHash)
            continue;
        qint64 size = 0;
        qint64 modified = 0;
        if (!file.status(&size, &modified, &errorCode) || size < offset)
            continue;
        if (file.identity().isSameInode(identity))
            return file;
        if (!copy.isOpen() || modified > copyTime) {
            copy = std::move(file);
            copyTime = modified;
        }
    }
    return copy;
}

} // namespace mailtls
