#include "models/mta/configfile.h"

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>

namespace mailtls {

namespace {

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

} // namespace

ConfigFile::Status ConfigFile::status(const QString &path)
{
    Status result;
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return result;
    result.exists = true;
    result.regular = S_ISREG(info.st_mode);
    result.mode = int(info.st_mode & 07777);
    result.owner = info.st_uid;
    result.group = info.st_gid;
    return result;
}

ConfigFile::Contents ConfigFile::read(const QString &path)
{
    Contents result;
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        const int code = errno;
        if (code != ENOENT && code != ENOTDIR) {
            result.exists = true;
            result.error = tr("cannot read %1: %2").arg(path, systemError(code));
        }
        return result;
    }
    result.exists = true;
    if (!S_ISREG(info.st_mode)) {
        result.error = tr("%1 is not a regular file").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    result.bytes = file.read(MaxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = tr("cannot read %1: %2").arg(path, file.errorString());
        result.bytes.clear();
    } else if (result.bytes.size() > MaxBytes) {
        result.error = tr("%1 is larger than %2 bytes").arg(path).arg(MaxBytes);
        result.bytes.clear();
    }
    return result;
}

bool ConfigFile::write(const QString &path, const QByteArray &bytes, std::optional<int> mode, std::optional<uint> owner,
                       std::optional<uint> group, QString *error)
{
    const Status existing = status(path);
    if (existing.exists && !existing.regular) {
        *error = tr("%1 is not a regular file").arg(path);
        return false;
    }
    const uint wantOwner = owner.value_or(existing.exists ? existing.owner : uint(::geteuid()));
    const uint wantGroup = group.value_or(existing.exists ? existing.group : uint(::getegid()));
    const int wantMode = mode.value_or(existing.exists ? existing.mode : 0644);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // The temporary file gets its final owner and mode before a byte is
    // written, so the renamed file is never briefly someone else's or more
    // readable than it should be.
    const int fd = file.handle();
    if ((wantOwner != uint(::geteuid()) || wantGroup != uint(::getegid())) && ::fchown(fd, wantOwner, wantGroup) != 0) {
        const int code = errno;
        file.cancelWriting();
        *error = tr("cannot give the new %1 its owner and group (%2:%3): %4")
                     .arg(path, QString::number(wantOwner), QString::number(wantGroup), systemError(code));
        return false;
    }
    if (::fchmod(fd, mode_t(wantMode)) != 0) {
        const int code = errno;
        file.cancelWriting();
        *error = tr("cannot set the mode of the new %1: %2").arg(path, systemError(code));
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool ConfigFile::remove(const QString &path, QString *error)
{
    if (::unlink(QFile::encodeName(path).constData()) == 0)
        return true;
    const int code = errno;
    if (code == ENOENT)
        return true;
    *error = tr("cannot remove %1: %2").arg(path, systemError(code));
    return false;
}

QString ConfigFile::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace mailtls
