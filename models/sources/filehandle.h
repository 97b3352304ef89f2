#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include "models/sources/fileidentity.h"

namespace mailtls {

// One open log file, read by offset. Holding the descriptor is what lets a
// source finish a file after it was renamed or deleted.
class FileHandle final
{
public:
    enum class Head {
        Unknown,  // still no complete first line
        Same,     // the first line is the one seen before
        Learned,  // the first line just became complete
        Changed,  // the content was replaced (truncated, rewritten)
    };

    FileHandle() = default;
    ~FileHandle();
    FileHandle(FileHandle &&other) noexcept;
    FileHandle &operator=(FileHandle &&other) noexcept;
    FileHandle(const FileHandle &) = delete;
    FileHandle &operator=(const FileHandle &) = delete;

    // Opens a regular file for reading without ever blocking (a FIFO would).
    // On failure the handle is closed and *errorCode is an errno value:
    // EISDIR for a directory, EINVAL for any other file that is not regular.
    static FileHandle open(const QString &path, int *errorCode);

    bool isOpen() const { return m_fd >= 0; }
    // The name it was opened under (it may have been renamed since).
    QString path() const { return m_path; }
    const FileIdentity &identity() const { return m_identity; }

    // Current size and modification time (UTC seconds); false on error.
    bool status(qint64 *size, qint64 *modificationTime, int *errorCode) const;
    // Appends up to `max` bytes from `offset` to `into`; -1 on error.
    qint64 read(qint64 offset, qint64 max, QByteArray *into, int *errorCode) const;

    // Reads the head again and compares its first line with the one known.
    Head checkFirstLine();
    // The content starts over (truncated): learn the first line again.
    void forgetFirstLine();

private:
    int m_fd = -1;
    QString m_path;
    FileIdentity m_identity;
    QByteArray m_firstLine;
};

} // namespace mailtls
