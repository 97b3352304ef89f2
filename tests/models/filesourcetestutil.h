#pragma once

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "models/sources/filecursor.h"
#include "models/sources/filesource.h"

// What both FileSource test executables share: writing the log as a daemon
// would, a FileSource with everything it says recorded, and a fresh folder
// for each test function.
namespace mailtls::filesourcetest {

inline QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

inline void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            qFatal("write failed: %s", strerror(errno));
        done += n;
    }
}

inline void writeFile(const QString &path, const QByteArray &bytes, int flags)
{
    const int fd = ::open(native(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
    if (fd < 0)
        qFatal("cannot open %s: %s", native(path).constData(), strerror(errno));
    writeAll(fd, bytes);
    ::close(fd);
}

inline void append(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, O_APPEND); }
// A new file, or the same inode emptied first (truncate, then write).
inline void writeNew(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, O_TRUNC); }
// The same inode, rewritten from byte 0 in one write: its size never drops.
inline void overwrite(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, 0); }

inline QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool renameFile(const QString &from, const QString &to)
{
    return ::rename(native(from).constData(), native(to).constData()) == 0;
}

// A FileSource with everything it says recorded.
class Capture
{
public:
    explicit Capture(const QString &path, int pollInterval = 50)
        : source(path)
    {
        source.setPollInterval(pollInterval);
        QObject::connect(&source, &LogSource::chunkRead, &source, [this](const SourceChunk &c) { chunks.append(c); });
        QObject::connect(&source, &LogSource::warning, &source, [this](const QString &w) { warnings.append(w); });
        QObject::connect(&source, &LogSource::stateChanged, &source,
                         [this](LogSource::State s, const QString &) { states.append(s); });
    }

    QByteArray text() const
    {
        QByteArray all;
        for (const SourceChunk &c : chunks)
            all += c.text;
        return all;
    }

    // Empty when the chunks hold whole lines whose offsets run on from `start`.
    QString streamProblem(qint64 start) const
    {
        qint64 next = start;
        for (int i = 0; i < chunks.size(); ++i) {
            const SourceChunk &c = chunks.at(i);
            if (c.offset != next)
                return QStringLiteral("chunk %1 at %2, expected %3").arg(i).arg(c.offset).arg(next);
            if (c.text.isEmpty() || !c.text.endsWith('\n'))
                return QStringLiteral("chunk %1 does not end in a newline").arg(i);
            next += c.text.size();
        }
        return QString();
    }

    FileCursor lastCursor() const
    {
        return chunks.isEmpty() ? FileCursor() : FileCursor::decode(chunks.last().cursor).value_or(FileCursor());
    }

    qint64 end(qint64 start) const { return start + text().size(); }

    FileSource source;
    QList<SourceChunk> chunks;
    QStringList warnings;
    QList<LogSource::State> states;
};

// The log path in a temporary folder of its own; the test class makes it in init().
class FileSourceFixture
{
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    QString sibling(const char *suffix) const { return m_path + QLatin1String(suffix); }
    QString withPath(QString text) const { return text.replace(QLatin1String("PATH"), m_path); }
    QStringList withPath(const QStringList &texts) const
    {
        QStringList out;
        for (const QString &t : texts)
            out.append(withPath(t));
        return out;
    }
};

} // namespace mailtls::filesourcetest
