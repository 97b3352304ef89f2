#include "models/sources/filesource.h"

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include "models/ingest/ingestlogging.h"
#include "models/sources/rotatedfilefinder.h"

namespace mailtls {

namespace {

// A turn reads at least this much, even when an unfinished long line already
// fills most of the slice.
constexpr qint64 MinRead = 64 * 1024;

QString systemError(int errorCode)
{
    return QString::fromLocal8Bit(std::strerror(errorCode));
}

QString groupName(gid_t gid)
{
    long size = ::sysconf(_SC_GETGR_R_SIZE_MAX);
    std::vector<char> buffer(size_t(size > 0 ? size : 16384));
    struct group entry{};
    struct group *found = nullptr;
    while (::getgrgid_r(gid, &entry, buffer.data(), buffer.size(), &found) == ERANGE && buffer.size() < (1u << 20))
        buffer.resize(buffer.size() * 2);
    return found ? QString::fromLocal8Bit(found->gr_name) : QString();
}

} // namespace

FileSource::FileSource(const QString &path, QObject *parent)
    : LogSource(parent)
    , m_path(path)
    , m_pollTimer(this)  // children, so moveToThread() takes them along
    , m_turnTimer(this)
{
    m_turnTimer.setSingleShot(true);
    m_turnTimer.setInterval(0);
    connect(&m_turnTimer, &QTimer::timeout, this, &FileSource::turn);
    connect(&m_pollTimer, &QTimer::timeout, this, &FileSource::scheduleTurn);
}

FileSource::~FileSource() = default;

void FileSource::setPollInterval(int msec)
{
    m_pollInterval = msec;
    if (m_pollTimer.isActive())
        m_pollTimer.start(m_pollInterval);
}

void FileSource::start(const QByteArray &cursor, qint64 streamOffset)
{
    reset();
    m_stream = streamOffset;
    m_running = true;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FileSource::scheduleTurn);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileSource::scheduleTurn);
    m_pollTimer.start(m_pollInterval);
    scheduleTurn();
    if (!cursor.isEmpty()) {
        m_pendingCursor = FileCursor::decode(cursor);
        if (!m_pendingCursor) {
            emit warning(tr("The saved position in %1 is not one this version of MailTLS can read; "
                            "the log is read from its beginning.")
                             .arg(m_path));
            if (!m_running)
                return;
        }
    }
    setState(State::Connecting);
}

void FileSource::stop()
{
    reset();
    setState(State::Stopped);
}

void FileSource::reset()
{
    m_running = false;
    m_pollTimer.stop();
    m_turnTimer.stop();
    if (m_watcher) {
        // Not deleted at once: stop() may run inside a slot of its signal.
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_file = FileHandle();
    m_consumed = 0;
    m_readPos = 0;
    m_buffer.clear();
    m_size = 0;
    m_modified = 0;
    m_inLongLine = false;
    m_switchPending = false;
    m_searchedWhileMissing = false;
    m_pendingCursor.reset();
    m_watchedDevice = 0;
    m_watchedInode = 0;
    m_fileWatchFailed = false;
    m_folderWatchFailed = false;
}

void FileSource::scheduleTurn()
{
    if (m_running && !m_turnTimer.isActive())
        m_turnTimer.start();
}

void FileSource::turn()
{
    if (!m_running)
        return;
    if (!m_file.isOpen() && !openPath())
        return;
    if (!m_running)
        return;

    const qsizetype kept = m_buffer.size();
    const qint64 want = qMax(SliceSize - qint64(kept), MinRead);
    int errorCode = 0;
    const qint64 got = m_file.read(m_readPos, want, &m_buffer, &errorCode);
    if (got < 0) {
        setState(State::Connecting, tr("Cannot read %1: %2").arg(m_file.path(), systemError(errorCode)));
        return;
    }
    // Looked at after the read, so that bytes of a truncated and regrown file
    // are never taken for the rest of the old content.
    if (contentReplaced(m_readPos + got)) {
        m_buffer.truncate(kept);
        restartAfterTruncation();
        scheduleTurn();
        return;
    }
    if (got > 0) {
        m_readPos += got;
        cutLines();
        if (!m_running)
            return;
        if (m_size - m_readPos > SliceSize)
            setState(State::Lagging);
        scheduleTurn();
        return;
    }
    // The read above came after the new file was seen to have lines, so a
    // single writer has finished with the old one.
    if (m_switchPending) {
        switchToPath();
        return;
    }
    followPath();
}

bool FileSource::openPath()
{
    int errorCode = 0;
    FileHandle file = FileHandle::open(m_path, &errorCode);
    if (!file.isOpen()) {
        // Rotated while MailTLS was closed, and the new file not created yet.
        if (m_pendingCursor && !m_searchedWhileMissing) {
            m_searchedWhileMissing = true;
            FileHandle old = RotatedFileFinder::find(m_path, m_pendingCursor->identity, m_pendingCursor->offset);
            if (old.isOpen()) {
                const qint64 offset = m_pendingCursor->offset;
                m_pendingCursor.reset();
                qCInfo(lcIngest) << "resuming" << m_path << "in its rotated file" << old.path();
                adopt(std::move(old), offset);
                watchFolder();
                return true;
            }
        }
        setState(State::Connecting, openProblem(m_path, errorCode));
        watchFolder();
        return false;
    }
    watchFile(file.identity().device, file.identity().inode);
    m_folderWatchFailed = false;  // what is readable may have changed
    watchFolder();
    if (m_pendingCursor) {
        const FileCursor cursor = *m_pendingCursor;
        m_pendingCursor.reset();
        resume(std::move(file), cursor);
    } else {
        adopt(std::move(file), 0);
    }
    return true;
}

void FileSource::resume(FileHandle file, const FileCursor &cursor)
{
    qint64 size = 0;
    qint64 modified = 0;
    int errorCode = 0;
    if (!file.status(&size, &modified, &errorCode))
        size = 0;
    const FileIdentity &now = file.identity();
    const bool sameInode = now.isSameInode(cursor.identity);
    const bool sameFirstLine = cursor.identity.hasFirstLine() && now.firstLineHash == cursor.identity.firstLineHash;
    const bool sameFile = sameInode && (sameFirstLine || !cursor.identity.hasFirstLine());
    // The same content under another inode is the log copied or restored.
    if ((sameFile || sameFirstLine) && size >= cursor.offset) {
        adopt(std::move(file), cursor.offset);
        return;
    }
    FileHandle old = RotatedFileFinder::find(m_path, cursor.identity, cursor.offset);
    if (old.isOpen()) {
        qCInfo(lcIngest) << "resuming" << m_path << "in its rotated file" << old.path();
        adopt(std::move(old), cursor.offset);
        return;
    }
    // Emptied below its first line, the file cannot show it was replaced.
    if ((sameFile || (sameInode && !now.hasFirstLine())) && size < cursor.offset) {
        emit warning(tr("The log %1 was truncated while MailTLS was closed; lines written to it after "
                        "position %2 could not be read.")
                         .arg(m_path)
                         .arg(cursor.offset));
    } else {
        emit warning(tr("The log %1 was replaced while MailTLS was closed; lines written to the old file "
                        "after position %2 could not be read.")
                         .arg(m_path)
                         .arg(cursor.offset));
    }
    if (m_running)
        adopt(std::move(file), 0);
}

void FileSource::adopt(FileHandle file, qint64 offset)
{
    m_file = std::move(file);
    m_consumed = offset;
    m_readPos = offset;
    m_buffer.clear();
    m_switchPending = false;
}

bool FileSource::contentReplaced(qint64 readEnd)
{
    int errorCode = 0;
    if (!m_file.status(&m_size, &m_modified, &errorCode))
        return false;
    if (m_size < readEnd)
        return true;
    return m_file.checkFirstLine() == FileHandle::Head::Changed;
}

void FileSource::restartAfterTruncation()
{
    // logrotate's copytruncate copies the file beside it before truncating:
    // what was written after our last read is in the copy.
    FileHandle copy = RotatedFileFinder::find(m_path, m_file.identity(), m_readPos);
    if (copy.isOpen()) {
        qCInfo(lcIngest) << m_path << "was truncated; reading its rest from the copy" << copy.path();
        const qint64 offset = m_consumed;
        const bool inLongLine = m_inLongLine;
        adopt(std::move(copy), offset);
        m_inLongLine = inLongLine;
        return;
    }
    qCInfo(lcIngest) << m_path << "was truncated at" << m_readPos << "; reading it again from its start";
    flushUnterminated();
    if (!m_running)
        return;
    m_file.forgetFirstLine();
    m_file.checkFirstLine();
    m_consumed = 0;
    m_readPos = 0;
    m_inLongLine = false;
}

void FileSource::cutLines()
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    QByteArray text;
    qsizetype pos = 0;         // start of the line looked at
    qsizetype copiedUpTo = 0;  // bytes before this are in `text` (only once a line was cut)
    qint64 longLineAt = -1;
    for (;;) {
        // A newline right after MaxLineLength bytes still ends the line whole.
        const qsizetype window = qMin<qsizetype>(size - pos, qsizetype(MaxLineLength) + 1);
        const void *newline = window > 0 ? std::memchr(data + pos, '\n', size_t(window)) : nullptr;
        if (newline) {
            pos = static_cast<const char *>(newline) - data + 1;
            m_inLongLine = false;
            continue;
        }
        if (size - pos <= MaxLineLength)
            break;
        if (!m_inLongLine && longLineAt < 0)
            longLineAt = m_consumed + pos;
        m_inLongLine = true;
        pos += qsizetype(MaxLineLength);
        text.append(data + copiedUpTo, pos - copiedUpTo);
        text.append('\n');
        copiedUpTo = pos;
    }
    if (pos == 0)
        return;
    if (copiedUpTo == 0)
        text = m_buffer.first(pos);
    else
        text.append(data + copiedUpTo, pos - copiedUpTo);
    m_buffer.remove(0, pos);
    emitChunk(text, m_consumed + pos);
    if (m_running && longLineAt >= 0) {
        emit warning(tr("%1 has a line longer than 1 MiB without a line break at position %2; it was cut "
                        "into pieces of 1 MiB, each read as a line of its own.")
                         .arg(m_path)
                         .arg(longLineAt));
    }
}

void FileSource::flushUnterminated()
{
    if (m_buffer.isEmpty())
        return;
    // The file is done with, so its last line will never be finished: hand it
    // on as a line rather than glue it to the next file's first one.
    qCInfo(lcIngest) << m_file.path() << "ends in a line without a newline at" << m_consumed;
    QByteArray text = m_buffer;
    text.append('\n');
    m_buffer.clear();
    emitChunk(text, m_readPos);
}

void FileSource::emitChunk(const QByteArray &text, qint64 fileOffsetAfter)
{
    SourceChunk chunk;
    chunk.text = text;
    chunk.offset = m_stream;
    chunk.cursor = FileCursor{m_file.identity(), fileOffsetAfter}.encode();
    chunk.referenceTime = m_modified;
    m_stream += text.size();
    m_consumed = fileOffsetAfter;
    emit chunkRead(chunk);
}

void FileSource::followPath()
{
    struct stat st{};
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0) {
        const int errorCode = errno;
        setState(State::Connecting, errorCode == ENOENT ? tr("waiting for %1 to be created again").arg(m_path)
                                                        : openProblem(m_path, errorCode));
        watchFolder();
        return;
    }
    watchFile(quint64(st.st_dev), quint64(st.st_ino));
    watchFolder();
    const FileIdentity &current = m_file.identity();
    if (quint64(st.st_dev) == current.device && quint64(st.st_ino) == current.inode) {
        setState(State::Following);
        return;
    }
    // Rotated: another file is at the path. Until something is written to it
    // the writer may still be finishing the old one, which stays ours.
    if (st.st_size > 0 || !S_ISREG(st.st_mode)) {
        m_switchPending = true;
        scheduleTurn();
    }
    setState(State::Following);
}

void FileSource::switchToPath()
{
    m_switchPending = false;
    flushUnterminated();
    if (!m_running)
        return;
    qCInfo(lcIngest) << "done with" << m_file.path() << "at" << m_readPos << "; moving on to the new" << m_path;
    m_file = FileHandle();
    m_consumed = 0;
    m_readPos = 0;
    m_buffer.clear();
    m_inLongLine = false;
    scheduleTurn();
}

void FileSource::watchFile(quint64 device, quint64 inode)
{
    if (!m_watcher)
        return;
    // A watch follows an inode, and Qt drops it when that file is renamed: it
    // is put on whichever file is at the path now, so the new file's first
    // line after a rotation wakes the source too. A file that cannot be
    // watched is not tried again on every poll; polling covers it.
    const bool sameFile = device == m_watchedDevice && inode == m_watchedInode;
    const bool watched = m_watcher->files().contains(m_path);
    if (sameFile && (watched || m_fileWatchFailed))
        return;
    if (watched)
        m_watcher->removePath(m_path);
    m_fileWatchFailed = !m_watcher->addPath(m_path);
    m_watchedDevice = device;
    m_watchedInode = inode;
}

void FileSource::watchFolder()
{
    if (!m_watcher || m_folderWatchFailed || !m_watcher->directories().isEmpty())
        return;
    const QFileInfo folder(QFileInfo(m_path).absolutePath());
    // Qt logs a critical message for a folder it may not watch: not asked.
    if (folder.isDir() && folder.isReadable())
        m_folderWatchFailed = !m_watcher->addPath(folder.filePath());
}

QString FileSource::openProblem(const QString &path, int errorCode)
{
    switch (errorCode) {
    case ENOENT:
        return tr("%1 does not exist yet").arg(path);
    case EACCES:
    case EPERM: {
        struct stat st{};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
            return tr("Permission denied reading %1: a folder on its path is closed to your user; open it, or run "
                      "as root")
                .arg(path);
        }
        const QString group = st.st_gid != 0 ? groupName(st.st_gid) : QString();
        if ((st.st_mode & S_IRGRP) && !group.isEmpty())
            return tr("Permission denied reading %1: add your user to the %2 group, or run as root").arg(path, group);
        return tr("Permission denied reading %1: make it readable for your user, or run as root").arg(path);
    }
    case EISDIR:
        return tr("%1 is a directory, not a log file").arg(path);
    case EINVAL:
        return tr("%1 is not a regular file").arg(path);
    case ENOTDIR:
        return tr("%1 cannot exist: a part of its path is a file, not a folder").arg(path);
    default:
        return tr("Cannot read %1: %2").arg(path, systemError(errorCode));
    }
}

} // namespace mailtls
