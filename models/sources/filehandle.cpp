#include "models/sources/filehandle.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFile>

namespace mailtls {

FileHandle::~FileHandle()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

FileHandle::FileHandle(FileHandle &&other) noexcept
    : m_fd(other.m_fd)
    , m_path(std::move(other.m_path))
    , m_identity(std::move(other.m_identity))
    , m_firstLine(std::move(other.m_firstLine))
{
    other.m_fd = -1;
}

FileHandle &FileHandle::operator=(FileHandle &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        m_identity = std::move(other.m_identity);
        m_firstLine = std::move(other.m_firstLine);
        other.m_fd = -1;
    }
    return *this;
}

FileHandle FileHandle::open(const QString &path, int *errorCode)
{
    FileHandle file;
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        *errorCode = errno;
        return file;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
        *errorCode = errno;
        ::close(fd);
        return file;
    }
    if (!S_ISREG(st.st_mode)) {
        *errorCode = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        ::close(fd);
        return file;
    }
    file.m_fd = fd;
    file.m_path = path;
    file.m_identity.device = quint64(st.st_dev);
    file.m_identity.inode = quint64(st.st_ino);
    file.checkFirstLine();
    *errorCode = 0;
    return file;
}

bool FileHandle::status(qint64 *size, qint64 *modificationTime, int *errorCode) const
{
    struct stat st{};
    if (::fstat(m_fd, &st) != 0) {
        *errorCode = errno;
        return false;
    }
    *size = qint64(st.st_size);
    *modificationTime = qint64(st.st_mtime);
    return true;
}

qint64 FileHandle::read(qint64 offset, qint64 max, QByteArray *into, int *errorCode) const
{
    const qsizetype start = into->size();
    into->resize(start + qsizetype(max));
    qint64 total = 0;
    while (total < max) {
        const ssize_t n = ::pread(m_fd, into->data() + start + total, size_t(max - total), off_t(offset + total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *errorCode = errno;
            into->truncate(start);
            return -1;
        }
        if (n == 0)
            break;
        total += n;
    }
    into->truncate(start + qsizetype(total));
    return total;
}

FileHandle::Head FileHandle::checkFirstLine()
{
    QByteArray head;
    int errorCode = 0;
    if (read(0, FileIdentity::HeadSize, &head, &errorCode) < 0)
        return Head::Unknown;
    const QByteArray firstLine = FileIdentity::firstLineOf(head);
    if (m_firstLine.isEmpty()) {
        if (firstLine.isEmpty())
            return Head::Unknown;
        m_firstLine = firstLine;
        m_identity.firstLineHash = FileIdentity::hashOf(firstLine);
        return Head::Learned;
    }
    return firstLine == m_firstLine ? Head::Same : Head::Changed;
}

void FileHandle::forgetFirstLine()
{
    m_firstLine.clear();
    m_identity.firstLineHash.clear();
}

} // namespace mailtls
