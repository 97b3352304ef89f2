#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mailtls {

// Reading and replacing the MTA's configuration files (and the files they
// name) for a change plan: whole or not at all, keeping mode, owner and group.
class ConfigFile final
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)

public:
    // Configuration files and DH parameters are kilobytes; a larger file is
    // refused unread.
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024;

    struct Status
    {
        bool exists = false;
        bool regular = false;
        int mode = 0; // permission bits (07777)
        uint owner = 0;
        uint group = 0;
    };

    struct Contents
    {
        bool exists = false;
        QByteArray bytes;
        QString error; // set when the file exists but cannot be read whole
    };

    // Follows a symbolic link, as the MTA does; a missing file is not an error.
    static Contents read(const QString &path);
    static Status status(const QString &path);

    // Writes `bytes` to `path` through a temporary file in the same folder,
    // synced and renamed over the target (QSaveFile; a symbolic link is
    // followed). The file gets `mode`, `owner` and `group` where given; else a
    // replaced file keeps its own and a new file gets 0644 and the process's
    // user and group. Nothing is written when the owner cannot be set.
    static bool write(const QString &path, const QByteArray &bytes, std::optional<int> mode, std::optional<uint> owner,
                      std::optional<uint> group, QString *error);
    // A missing file counts as removed.
    static bool remove(const QString &path, QString *error);

    // SHA-256, lower-case hex.
    static QString sha256(const QByteArray &bytes);
};

} // namespace mailtls
