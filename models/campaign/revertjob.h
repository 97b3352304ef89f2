#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/campaign/revertscript.h"

class QProcess;
class QTimer;

namespace mailtls {

class CommandHost;
class FileAccess;

// The job on the mail host that ends a campaign's window when MailTLS does
// not: RevertScript's script, written beside main.cf and scheduled with
// `systemd-run --on-active=… --unit=mailtls-campaign-N` where the host runs
// systemd (/run/systemd/system exists), else with `at` (its spool keeps a
// copy of the script). Jobs are named "systemd:mailtls-campaign-N" or
// "at:17" (Campaign::revertJob). Everything runs through the host's
// CommandHost and FileAccess, so it works on this computer and over SSH
// (as root through sudo: programs() are the programs sudoers must allow).
//
// Every call answers once through its callback, never from inside the call.
class RevertJob final : public QObject
{
    Q_OBJECT

public:
    using Scheduled = std::function<void(const QString &job, const QString &error)>;
    using Done = std::function<void(const QString &error)>;
    // present: nothing when it could not be told (error says why).
    using Presence = std::function<void(std::optional<bool> present, const QString &error)>;
    // status: nothing when the job has not left one (or only half of one).
    using StatusRead = std::function<void(const std::optional<RevertStatus> &status, const QString &error)>;

    explicit RevertJob(std::shared_ptr<const CommandHost> host, QObject *parent = nullptr);
    ~RevertJob() override;

    static QStringList programs();

    // For tests: the folder whose presence means systemd runs the host.
    void setSystemdMarker(const QString &path) { m_systemdMarker = path; }
    void setCommandTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Writes `script` to `scriptPath` (mode 0700) and schedules it to run
    // `seconds` from now (at: the first minute boundary at least that far).
    // On failure nothing stays scheduled and the script file is removed.
    void schedule(qint64 campaignId, const QString &scriptPath, const QByteArray &script, qint64 seconds,
                  Scheduled done);
    // Removes the job (one that ran already counts as removed) and then
    // `paths` (the script, its status file).
    void remove(const QString &job, const QStringList &paths, Done done);
    // Whether the job is still waiting (or running).
    void isScheduled(const QString &job, Presence done);
    void readStatus(const QString &statusPath, StatusRead done);

    // `at now + N minutes` runs at the start of a minute: the N that runs it
    // `seconds` after `now` at the earliest.
    static int atMinutes(qint64 now, qint64 seconds);
    // The job number `at` printed ("job 17 at Mon Nov 30 08:30:00 2026").
    static std::optional<int> atJobNumber(const QByteArray &output);
    // Whether `atq`'s listing holds job `number`.
    static bool atqLists(const QByteArray &output, int number);

private:
    using CommandDone = std::function<void(int exitCode, bool ran, const QByteArray &output)>;
    void run(const QStringList &argv, CommandDone done);
    QString failure(const QStringList &argv, int exitCode, bool ran, const QByteArray &output) const;
    void scheduleWith(bool systemd, qint64 campaignId, const QString &scriptPath, qint64 seconds, Scheduled done);
    void removeFiles(QStringList paths, QStringList problems, Done done);

    std::shared_ptr<const CommandHost> m_host;
    std::unique_ptr<FileAccess> m_files;
    QString m_systemdMarker = QStringLiteral("/run/systemd/system");
    int m_timeoutMs = 60000;
};

} // namespace mailtls
