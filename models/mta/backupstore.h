#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace mailtls {

struct ChangePlan;

// One file saved before a plan touched it.
struct BackedUpFile
{
    QString path;
    bool existed = false; // false: the plan created it; restoring removes it
    QString copy; // the saved bytes' file name inside the backup folder
    int mode = 0;
    uint owner = 0;
    uint group = 0;
    QString sha256; // of the saved bytes
    QString newSha256; // of what the plan wrote (empty for a removed file)
    bool written = false; // the plan's bytes are in place
};

// What a backup folder's manifest.json says: the files as they were before a
// plan, and how far the plan got. State words: "backed-up", "writing",
// "written", "validated", "reloaded", "done", "rolling-back", "rolled-back",
// "rollback-failed". A state other than done, rolled-back and
// rollback-failed means the apply was interrupted.
struct Backup
{
    QString id; // the folder's name: "20260301T120000Z" (UTC), "-2" … on a clash
    QString folder;
    QDateTime created; // UTC
    QString title;
    QString mta;
    QString configDir;
    // Where the files are: empty for this computer, else the host they were
    // read from and written to ("ssh://mail@mx.example.org:2222"). The
    // backup itself is always kept on this computer.
    QString host;
    QList<QStringList> validateCommands;
    QStringList statusCommand;
    QStringList reloadCommand;
    QString state;
    QList<BackedUpFile> files;
    // "2026-03-01T12:00:01Z write ok: …", one a step, in order.
    QStringList log;

    bool isFinished() const;
};

// The backup folders of the fix plans: ROOT/<id>/manifest.json beside a copy
// of each file. Folders and copies are readable by their owner only: a
// configuration may hold secrets.
class BackupStore final
{
    Q_DECLARE_TR_FUNCTIONS(BackupStore)

public:
    // AppDataLocation/backups (…/MailTLS/mailtls/backups).
    static QString defaultRoot();

    explicit BackupStore(const QString &root = defaultRoot());
    QString root() const { return m_root; }

    // A new, empty backup for `plan` of files on `host` (see Backup::host):
    // its folder and a manifest in state "backed-up" with no files yet.
    std::optional<Backup> create(const ChangePlan &plan, const QDateTime &now, QString *error,
                                 const QString &host = QString()) const;
    // Saves `bytes` as the copy of `file` (file.copy, file.sha256 are set).
    bool saveCopy(Backup &backup, BackedUpFile &file, const QByteArray &bytes, QString *error) const;
    // Rewrites manifest.json atomically.
    bool save(const Backup &backup, QString *error) const;
    // Removes a backup folder made for a plan that wrote nothing.
    void discard(const Backup &backup) const;

    // Newest first; unreadable folders are left out, with a note in *error.
    QList<Backup> list(QString *error = nullptr) const;
    std::optional<Backup> load(const QString &id, QString *error) const;
    // The saved bytes of `file`, checked against its SHA-256.
    std::optional<QByteArray> copyOf(const Backup &backup, const BackedUpFile &file, QString *error) const;

    static bool isValidId(const QString &id);

private:
    QString m_root;
};

} // namespace mailtls
