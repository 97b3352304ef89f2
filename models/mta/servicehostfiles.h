#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/tls/dhparameters.h"

namespace mailtls {

class CommandHost;
class FileAccess;

// What an inspection of Exim, Sendmail or Dovecot reads on the service's
// host, kept so that the plans made from it need no file of their own: the
// files through FileAccess::create(host) (ConfigFile on this computer,
// CommandFileAccess over SSH), and the few facts about folders a
// configuration's layout needs (the entries of a folder, modification
// times), through commands the CommandHost runs there.
//
//   list      on another host: find FOLDER -mindepth 1 -maxdepth 1 -printf '%Y %f\0'
//   modified  on another host: stat -L -c '%Y %n' -- PATH…
//
// Every call answers once, never from inside the call itself; a refusal by
// the host (sudo's, ssh's: HostFile::hostProblem, or a command the host's
// needsUser() refuses) is answered as `hostError`, in the host's words, and
// the inspection ends with it.
class ServiceHostFiles final : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString name;
        bool folder = false;
    };
    using ReadDone = std::function<void(const QString &hostError)>;
    using ListDone = std::function<void(const QList<Entry> &entries, const QString &hostError)>;
    using TimesDone = std::function<void(const QHash<QString, QDateTime> &times, const QString &hostError)>;
    using FoundDone = std::function<void(const QStringList &existing, const QString &hostError)>;

    explicit ServiceHostFiles(std::shared_ptr<const CommandHost> host, QObject *parent = nullptr);
    ~ServiceHostFiles() override;

    // The programs list and modified run, as sudoers names them.
    static QStringList programs();

    bool isLocal() const;

    // Reads each of `paths` not read yet (missing ones are kept as missing:
    // exists false) into files().
    void read(const QStringList &paths, ReadDone done);
    // Which of `paths` exist, in the order given.
    void existing(const QStringList &paths, FoundDone done);
    // Looks at each of `paths` not looked at yet (mode, owner, group; never
    // the bytes) into statuses().
    void status(const QStringList &paths, ReadDone done);
    // The entries of `folder` (none when it is missing or cannot be listed).
    void list(const QString &folder, ListDone done);
    // When each of `paths` was last modified; a path that cannot be looked
    // at is left out.
    void modified(const QStringList &paths, TimesDone done);
    // Drops the answers of every call still running.
    void cancel();

    const QHash<QString, ConfigFile::Contents> &files() const { return m_files; }
    const QHash<QString, ConfigFile::Status> &statuses() const { return m_statuses; }

    // The argument vectors, as they run on another host.
    static QStringList listCommand(const QString &folder);
    static QStringList modifiedCommand(const QStringList &paths);

    // find's output (see above) as entries; "." and ".." never come.
    static QList<Entry> parseList(const QByteArray &output);

    // `contents` of a DH parameter file judged as DhParameters::inspectFile
    // judges a file on this computer.
    static DhFileInfo inspectDh(const ConfigFile::Contents &contents);
    // What `files` hold for `path`: an error when it was not read.
    static ConfigFile::Contents fileIn(const QHash<QString, ConfigFile::Contents> &files, const QString &path);

private:
    void readNext(std::shared_ptr<QStringList> pending, ReadDone done);
    void statusNext(std::shared_ptr<QStringList> pending, ReadDone done);
    void run(const QStringList &argv,
             std::function<void(int exitCode, const QByteArray &output, const QByteArray &errors, bool ran)> done);
    void later(std::function<void()> answer);

    std::shared_ptr<const CommandHost> m_host;
    std::unique_ptr<FileAccess> m_access;
    QHash<QString, ConfigFile::Contents> m_files;
    QHash<QString, ConfigFile::Status> m_statuses;
    quint64 m_generation = 0;
    int m_timeout = 60000;
};

} // namespace mailtls
