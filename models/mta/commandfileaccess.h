#pragma once

#include <functional>
#include <memory>

#include "models/mta/fileaccess.h"

namespace mailtls {

// FileAccess on another host, through commands its CommandHost runs there
// (over SSH, as root through SudoCommandHost): argument vectors only, the
// bytes through the commands' standard input and output, never through a
// shell string.
//
//   status   stat -c '%f %u %g %s' -- PATH (then stat -L … for a symbolic
//            link); when stat fails, test -e PATH tells a missing file from
//            one that cannot be looked at
//   read     status, then cat -- PATH
//   write    status (and cat to check the precondition), then
//            install -m MODE [-o UID -g GID] -T -- /dev/stdin DIR/.NAME.mailtls-RANDOM
//            (the new bytes on its standard input), then mv -f -T -- TEMP PATH;
//            the temporary file is removed (rm -f) when the rename fails
//   remove   status (and cat), then rm -f -- PATH
//   existing stat -L -c %n -- PATH…
//
// A symbolic link is read through but never replaced: a write refuses it.
// Paths must be absolute and free of line breaks.
class CommandFileAccess final : public FileAccess
{
    Q_OBJECT

public:
    explicit CommandFileAccess(std::shared_ptr<const CommandHost> host, QObject *parent = nullptr);
    ~CommandFileAccess() override;

    // The programs above, as sudoers names them on Debian and Ubuntu.
    static QStringList programs();

    // Per command; default 60 s.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    void status(const QString &path, ReadDone done) override;
    void read(const QString &path, ReadDone done) override;
    void write(const QString &path, const QByteArray &bytes, std::optional<int> mode, std::optional<uint> owner,
               std::optional<uint> group, const Precondition &precondition, ChangeDone done) override;
    void remove(const QString &path, const Precondition &precondition, ChangeDone done) override;
    void existing(const QStringList &paths, ListDone done) override;
    void cancel() override;
    bool isLocal() const override { return false; }

    // The argument vectors, as they run.
    static QStringList statCommand(const QString &path, bool followLink);
    static QStringList existsCommand(const QString &path);
    static QStringList catCommand(const QString &path);
    static QStringList installCommand(const QString &temporary, int mode, std::optional<uint> owner,
                                      std::optional<uint> group);
    static QStringList moveCommand(const QString &temporary, const QString &path);
    static QStringList removeCommand(const QString &path);
    static QStringList listCommand(const QStringList &paths);
    // DIR/.NAME.mailtls-TOKEN: beside the file, so the rename stays on one
    // file system, and hidden.
    static QString temporaryPath(const QString &path, const QString &token);

private:
    struct Run
    {
        QStringList argv;
        bool ran = false;
        bool timedOut = false;
        bool overflow = false;
        int exitCode = -1;
        QByteArray output;
        QByteArray errorOutput;
        QString startError;
    };
    using RunDone = std::function<void(const Run &run)>;

    void run(const QStringList &argv, const QByteArray &input, qint64 maxOutput, RunDone done);
    void look(const QString &path, bool withBytes, ReadDone done);
    // Why `run` failed, in words: the host's (sudo, ssh), else the command's own.
    QString reason(const Run &run) const;
    bool hostRefused(const Run &run) const;
    static QString pathProblem(const QString &path);
    // Answers `done` on the next event loop turn unless cancelled by then.
    void later(std::function<void()> answer);

    std::shared_ptr<const CommandHost> m_host;
    int m_timeout = 60000;
    quint64 m_generation = 0;
};

} // namespace mailtls
