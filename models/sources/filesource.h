#pragma once

#include <optional>

#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtGlobal>

#include "models/sources/filecursor.h"
#include "models/sources/filehandle.h"
#include "models/sources/logsource.h"

class QFileSystemWatcher;

namespace mailtls {

// Follows a log file on this machine as it grows, through rotation.
//
// File-system notifications on the file and its folder wake it at once; a
// poll timer covers notifications that never come (network file systems, a
// renamed file no longer watched). It reads in bounded slices, one per turn
// of the event loop, so a backlog of gigabytes never stalls its thread.
//
// Rotation: a file renamed or deleted is read to its end through the open
// descriptor, and the new file at the path is taken up once something is
// written to it (then the writer has moved on). A file truncated in place
// (copy-truncate) is finished from its copy beside it when that is there, and
// read again from its start. The stream offsets run on across files.
//
// The cursor (FileCursor) names the file by inode and first line, so start()
// notices a log replaced while MailTLS was closed and looks for the old file
// among the rotated ones beside it.
class FileSource final : public LogSource
{
    Q_OBJECT

public:
    // Bytes read per turn of the event loop, and the backlog above which the
    // source says it is lagging.
    static constexpr qint64 SliceSize = 1 << 20;
    // A line longer than this without a newline is cut, so memory stays bounded.
    static constexpr qint64 MaxLineLength = 1 << 20;
    static constexpr int DefaultPollInterval = 250;

    explicit FileSource(const QString &path, QObject *parent = nullptr);
    ~FileSource() override;

    void start(const QByteArray &cursor, qint64 streamOffset) override;
    void stop() override;

    QString path() const { return m_path; }
    // How often the file is looked at without a notification (milliseconds).
    void setPollInterval(int msec);

    // Words a user can act on when `path` cannot be opened with `errorCode`
    // (an errno value; EINVAL: not a regular file).
    static QString openProblem(const QString &path, int errorCode);

private:
    void scheduleTurn();
    void turn();
    bool openPath();
    void resume(FileHandle file, const FileCursor &cursor);
    void adopt(FileHandle file, qint64 offset);
    bool contentReplaced(qint64 readEnd);
    void restartAfterTruncation();
    void cutLines();
    void flushUnterminated();
    void emitChunk(const QByteArray &text, qint64 fileOffsetAfter);
    void followPath();
    void switchToPath();
    void watchFile(quint64 device, quint64 inode);
    void watchFolder();
    void reset();

    QString m_path;
    int m_pollInterval = DefaultPollInterval;
    bool m_running = false;
    QTimer m_pollTimer;
    QTimer m_turnTimer;
    QPointer<QFileSystemWatcher> m_watcher;
    quint64 m_watchedDevice = 0;  // the file the watch on m_path is on
    quint64 m_watchedInode = 0;
    bool m_fileWatchFailed = false;
    bool m_folderWatchFailed = false;

    // The file being read; after a rotation, no longer the one at m_path.
    FileHandle m_file;
    qint64 m_consumed = 0;   // file offset just after the last line handed on
    qint64 m_readPos = 0;    // file offset up to which bytes were read
    QByteArray m_buffer;     // bytes [m_consumed, m_readPos): an unfinished line
    qint64 m_stream = 0;     // stream offset of m_consumed
    qint64 m_size = 0;       // m_file's size and mtime when last looked at
    qint64 m_modified = 0;
    bool m_inLongLine = false;     // the line being read was cut already
    bool m_switchPending = false;  // a new file is at the path: finish the old one, then move
    bool m_searchedWhileMissing = false;
    std::optional<FileCursor> m_pendingCursor;  // from start(), until the path's file is compared with it
};

} // namespace mailtls
