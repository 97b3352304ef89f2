#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "models/mta/backupstore.h"
#include "models/mta/changeplan.h"
#include "models/mta/fileaccess.h"
#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

class QProcess;
class QTimer;

namespace mailtls {

class CommandHost;
class FileAccess;
class ImplicitTlsCheck;
class ProbeScheduler;

// Carries out a ChangePlan step by step without ever blocking its thread
// (commands run as asynchronous QProcesses, probes through ProbeScheduler,
// files are read and written through a FileAccess: ConfigFile on this
// computer, commands on another host):
//
//  1. Backup: every file the plan touches is read and compared with the bytes
//     the plan was made from; if any differs, nothing is written at all.
//     Each is copied into a new backup folder whose manifest.json names the
//     file, its mode, owner, group and SHA-256.
//  2. Write: each file replaced atomically (a temporary file renamed over
//     it), keeping its mode, owner and group, and only while it still holds
//     the bytes the plan was made from; the manifest records each file
//     written.
//  3. Validate: every file in plan.requiredFiles exists, then each of
//     plan.validateCommands runs and must exit 0; a "fatal:" line in its
//     output, or a "warning:" line that names a changed parameter or a file
//     the plan writes, fails it too. Other warnings were there before the
//     change: they are passed on in the step's output, not counted.
//  4. Reload: only when plan.statusCommand exits 0 (the MTA runs); otherwise
//     the step is skipped and says the change takes effect at the next start.
//  5. Verify: after a reload, the own MTA is probed at
//     plan.verification.address and PlanVerifier judges the report;
//     a result that does not show the change yet is probed again after a
//     pause (processes of the old configuration finish their sessions).
//
// A failure or cancel() after anything was written restores every file from
// the backup byte for byte, with its mode, owner and group (a created file is
// removed), and reloads again when the MTA runs; the result names the step
// that failed and its output. The manifest keeps the state after each step,
// so an interrupted apply shows in listBackups().
//
// On another host (setCommandHost() with a host that is not this computer)
// the same steps run there: files through CommandFileAccess, commands through
// the host (as root through SudoCommandHost); a refusal by the host (sudo's,
// ssh's) fails the step with the host's own explanation. Backups stay on this
// computer, and their manifest names the host (Backup::host).
class PlanApplier final : public QObject
{
    Q_OBJECT

public:
    enum class Step { Backup, Write, Validate, Reload, Verify, Rollback };
    Q_ENUM(Step)
    enum class Outcome { Ok, Skipped, Failed };
    Q_ENUM(Outcome)

    struct StepResult
    {
        Step step = Step::Backup;
        Outcome outcome = Outcome::Ok;
        QString message; // translated, one or a few lines
        QString output; // what the step's commands printed (bounded)
    };

    struct Result
    {
        bool succeeded = false; // every step done or skipped
        bool changedNothing = false; // refused or failed before writing a byte
        bool rolledBack = false; // files were written, then restored
        bool rollbackFailed = false;
        bool cancelled = false;
        std::optional<Step> failedStep;
        QString message; // what failed, translated; empty on success
        QString output; // the failing step's output
        QString backupId;
        bool mtaRunning = false;
        bool reloaded = false;
        QList<StepResult> steps;
    };

    // Output kept per command; the rest is cut with a note.
    static constexpr qsizetype MaxOutputBytes = 64 * 1024;

    explicit PlanApplier(QObject *parent = nullptr);
    ~PlanApplier() override;

    // Where backup folders go (BackupStore::defaultRoot() unless set).
    void setBackupRoot(const QString &root);
    QString backupRoot() const { return m_backupRoot; }
    // Where commands run and files are (this machine unless set), and, for
    // another host, how the backup manifest names it ("ssh://user@host:port",
    // see Backup::host). Not while a plan runs.
    void setCommandHost(std::shared_ptr<const CommandHost> host, const QString &location = QString());
    QString hostLocation() const { return m_location; }
    void setProbeOptions(const ProbeOptions &options);
    void setCommandTimeoutMs(int ms) { m_commandTimeoutMs = ms; }
    // How often verification probes before it fails, and the pause between.
    void setVerifyAttempts(int attempts, int pauseMs);

    // False (and nothing happens) while a plan runs or for an empty plan;
    // otherwise finished() follows, never from inside this call.
    bool apply(const ChangePlan &plan);
    // Applies restorePlan(backupId) (itself backed up, so a restore can be
    // undone too). False with *error when that plan cannot be made or is empty.
    bool restore(const QString &backupId, QString *error);
    // The plan that puts back the files saved in `backupId`, as they are now
    // compared with the saved copies; empty when they already match. Reads
    // this computer's files, for an applier on this computer: a backup of
    // another host's files needs makeRestorePlan().
    std::optional<ChangePlan> restorePlan(const QString &backupId, QString *error) const;
    // The same for a backup of files on any host, read through this
    // applier's host (which must be the backup's: Backup::host; a host set
    // later does not change where this plan's files are read); `done`
    // follows once, never from inside this call, unless
    // dropRestorePlans() comes first or the applier is deleted.
    using RestorePlanDone = std::function<void(const std::optional<ChangePlan> &plan, const QString &error)>;
    void makeRestorePlan(const QString &backupId, RestorePlanDone done);
    // The plans being made stop reading and never answer.
    void dropRestorePlans() { ++m_restoreGeneration; }
    QList<Backup> listBackups(QString *error = nullptr) const;

    // Stops the running step; anything written is rolled back (a rollback in
    // progress is finished, not cancelled).
    void cancel();
    bool isRunning() const { return m_running; }

    // An argument vector as a user would type it, for messages and plans
    // shown: words with spaces or quotes quoted for a POSIX shell.
    static QString commandText(const QStringList &argv);
    // Translated: "backup", "write", "validate", "reload", "verify", "rollback".
    static QString stepName(Step step);
    // The validation rule above, for one command's output: the lines that
    // fail it.
    static QStringList validationProblems(const QByteArray &output, const QList<QByteArray> &parameters,
                                          const QStringList &paths);

signals:
    void stepStarted(mailtls::PlanApplier::Step step, const QString &description);
    void stepFinished(const mailtls::PlanApplier::StepResult &result);
    void finished(const mailtls::PlanApplier::Result &result);

private:
    using CommandDone = std::function<void(int exitCode, bool ran, const QByteArray &output)>;

    void next(Step step, void (PlanApplier::*run)());
    void runBackup();
    void readForBackup(int index);
    void makeBackup();
    void runWrite();
    void writeFile(int index, QStringList written);
    void runValidate();
    void checkRequiredFile(int index);
    void runValidateCommand(int index);
    void runReload();
    void runVerify();
    void verifyAttempt();
    void onProbeFinished(const ProbeReport &report);
    void succeed();
    void fail(Step step, const QString &message, const QString &output);
    void rollBack();
    void restoreFile(int index);
    void afterRestore();
    void afterRollbackReload(bool ok, const QString &output);
    void end();

    void begin(Step step, const QString &description);
    void record(Step step, Outcome outcome, const QString &message, const QString &output = QString());
    void setState(const QString &state);
    void runCommand(const QStringList &argv, CommandDone done);
    void onCommandEnded(int exitCode, bool ran);
    // What went wrong with a command that failed: the host's words (sudo's,
    // ssh's) when it has any, else `fallback`.
    QString commandFailure(int exitCode, bool ran, const QByteArray &output, const QString &fallback) const;

    QString m_backupRoot;
    std::shared_ptr<const CommandHost> m_host;
    // Shared with a makeRestorePlan() chain in flight, which goes on reading
    // from the host it started on when another is set meanwhile.
    std::shared_ptr<FileAccess> m_files;
    quint64 m_restoreGeneration = 0;
    QString m_location;
    ProbeOptions m_probeOptions;
    int m_commandTimeoutMs = 120000;
    int m_verifyAttempts = 4;
    int m_verifyPauseMs = 1000;

    ChangePlan m_plan;
    Backup m_backup;
    QList<QByteArray> m_saved; // per plan edit: the bytes backed up
    QList<HostFile> m_currentFiles; // per plan edit: the file as the backup step read it
    QStringList m_restoreProblems;
    int m_restored = 0;
    Result m_result;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_rollingBack = false;
    bool m_backupMade = false;
    bool m_wroteAny = false;
    bool m_reloadTried = false;
    int m_attempt = 0;
    Step m_current = Step::Backup;

    std::unique_ptr<QProcess> m_process;
    QTimer *m_commandTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QString m_validateOutput;
    QString m_rollbackMessage;
    CommandDone m_commandDone;
    QByteArray m_commandOutput;
    bool m_commandOverflow = false;
    bool m_commandTimedOut = false;
    ProbeScheduler *m_scheduler = nullptr;
    ImplicitTlsCheck *m_tlsCheck = nullptr;
    int m_probeId = 0;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::PlanApplier::StepResult)
Q_DECLARE_METATYPE(mailtls::PlanApplier::Result)
