#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace mailtls {

class CommandHost;

// A file on the mail service's host, as FileAccess found it.
struct HostFile
{
    bool exists = false;
    bool regular = false;
    int mode = 0; // permission bits (07777)
    uint owner = 0;
    uint group = 0;
    QByteArray bytes; // read() only
    // The path is a symbolic link (the other fields describe its target).
    // Set by CommandFileAccess only, whose writes refuse to replace a link.
    bool symbolicLink = false;
    // Set when the file could not be looked at or read whole (it may exist):
    // permission, a non-regular or too large file, the host refusing the
    // command (its CommandHost::diagnose() words), a time-out.
    QString error;
    // The error is the host's own (sudo refused, the SSH login failed), not
    // the file's: nothing else on that host will work either.
    bool hostProblem = false;
};

// What a file must hold for a write or removal to go ahead: the bytes a plan
// was made from. Anything else, and nothing is changed.
struct Precondition
{
    bool checked = false; // false: whatever the file holds
    std::optional<QByteArray> before; // nothing: the file must not exist

    static Precondition any() { return {}; }
    static Precondition holds(const std::optional<QByteArray> &before) { return {true, before}; }
};

// The outcome of a write or removal.
struct FileChange
{
    bool ok = false;
    // The file did not meet the precondition: nothing was changed, and
    // `error` says so.
    bool changed = false;
    QString error; // set when !ok
};

// Reads and replaces the mail service's files on its host without blocking
// the thread: on this computer through ConfigFile (LocalFileAccess), on
// another host through commands run by its CommandHost (CommandFileAccess).
// Change plans are made from, backed up from and written through one of
// these, so the same plan works on either.
//
// Every call answers once, through its callback, and never from inside the
// call itself; calls may overlap. cancel() (or destroying the object) drops
// the callbacks of the operations still running.
//
// Adopting it (an inspection that reads files today): read through
// FileAccess::create(host) instead of ConfigFile::read and keep the bytes in
// the inspection's result (PostfixInspectionResult::files is the model), so
// that a plan made from the result needs no file of its own; a plan's
// commands already run through the CommandHost.
class FileAccess : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(const HostFile &file)>;
    using ChangeDone = std::function<void(const FileChange &change)>;
    using ListDone = std::function<void(const QStringList &existing, const QString &error)>;

    ~FileAccess() override;

    // LocalFileAccess for a host that is this computer, CommandFileAccess
    // through `host` for any other.
    static std::unique_ptr<FileAccess> create(const std::shared_ptr<const CommandHost> &host);

    // Mode, owner and group of `path` (following a symbolic link); bytes stay empty.
    virtual void status(const QString &path, ReadDone done) = 0;
    // status() and the bytes, at most ConfigFile::MaxBytes.
    virtual void read(const QString &path, ReadDone done) = 0;
    // Replaces `path` atomically with `bytes` (a temporary file beside it,
    // renamed over it) when `precondition` holds. The file gets `mode`,
    // `owner` and `group` where given; else a replaced file keeps its own and
    // a new file gets 0644 and the user the commands run as.
    virtual void write(const QString &path, const QByteArray &bytes, std::optional<int> mode, std::optional<uint> owner,
                       std::optional<uint> group, const Precondition &precondition, ChangeDone done)
        = 0;
    // Removes `path` when `precondition` holds; a missing file counts as removed.
    virtual void remove(const QString &path, const Precondition &precondition, ChangeDone done) = 0;
    // Which of `paths` exist (in the order given), in one look where the host
    // allows it.
    virtual void existing(const QStringList &paths, ListDone done) = 0;

    virtual void cancel() = 0;
    virtual bool isLocal() const = 0;

protected:
    explicit FileAccess(QObject *parent = nullptr);
};

} // namespace mailtls
