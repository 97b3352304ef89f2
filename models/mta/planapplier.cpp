#include "models/mta/planapplier.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTimer>

#include "models/mta/configfile.h"
#include "models/mta/fileaccess.h"
#include "models/mta/implicittlscheck.h"
#include "models/mta/planverifier.h"
#include "models/probe/probescheduler.h"
#include "models/sources/localcommandhost.h"

namespace mailtls {

namespace {

// Deleted later: the last owner may be a callback the access itself runs.
std::shared_ptr<FileAccess> sharedFiles(const std::shared_ptr<const CommandHost> &host)
{
    return std::shared_ptr<FileAccess>(FileAccess::create(host).release(), [](FileAccess *files) {
        files->deleteLater();
    });
}

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString outcomeWord(PlanApplier::Outcome outcome)
{
    switch (outcome) {
    case PlanApplier::Outcome::Ok:
        return QStringLiteral("ok");
    case PlanApplier::Outcome::Skipped:
        return QStringLiteral("skipped");
    case PlanApplier::Outcome::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

QString stepWord(PlanApplier::Step step)
{
    switch (step) {
    case PlanApplier::Step::Backup:
        return QStringLiteral("backup");
    case PlanApplier::Step::Write:
        return QStringLiteral("write");
    case PlanApplier::Step::Validate:
        return QStringLiteral("validate");
    case PlanApplier::Step::Reload:
        return QStringLiteral("reload");
    case PlanApplier::Step::Verify:
        return QStringLiteral("verify");
    case PlanApplier::Step::Rollback:
        return QStringLiteral("rollback");
    }
    return QString();
}

} // namespace

PlanApplier::PlanApplier(QObject *parent)
    : QObject(parent)
    , m_backupRoot(BackupStore::defaultRoot())
    , m_host(std::make_shared<LocalCommandHost>())
    , m_files(sharedFiles(m_host))
    , m_commandTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_commandTimer->setSingleShot(true);
    connect(m_commandTimer, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_commandTimedOut = true;
        m_process->kill();
    });
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &PlanApplier::verifyAttempt);
}

PlanApplier::~PlanApplier()
{
    // An apply cut short here leaves its manifest in the state it reached:
    // listBackups() shows it as interrupted and restore() puts it back.
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void PlanApplier::setBackupRoot(const QString &root)
{
    m_backupRoot = root;
}

void PlanApplier::setCommandHost(std::shared_ptr<const CommandHost> host, const QString &location)
{
    if (!host || m_running)
        return;
    m_host = std::move(host);
    m_files = sharedFiles(m_host);
    m_location = m_host->isLocal() ? QString() : location;
}

void PlanApplier::setProbeOptions(const ProbeOptions &options)
{
    m_probeOptions = options;
}

void PlanApplier::setVerifyAttempts(int attempts, int pauseMs)
{
    m_verifyAttempts = qMax(1, attempts);
    m_verifyPauseMs = qMax(0, pauseMs);
}

QString PlanApplier::commandText(const QStringList &argv)
{
    QStringList words;
    for (const QString &arg : argv) {
        const bool plain = !arg.isEmpty() && !arg.contains(QLatin1Char(' ')) && !arg.contains(QLatin1Char('\''))
            && !arg.contains(QLatin1Char('"'));
        words.append(plain ? arg
                           : QLatin1Char('\'') + QString(arg).replace(QLatin1String("'"), QLatin1String("'\\''"))
                             + QLatin1Char('\''));
    }
    return words.join(QLatin1Char(' '));
}

QString PlanApplier::stepName(Step step)
{
    switch (step) {
    case Step::Backup:
        return tr("backup");
    case Step::Write:
        return tr("write");
    case Step::Validate:
        return tr("validate");
    case Step::Reload:
        return tr("reload");
    case Step::Verify:
        return tr("verify");
    case Step::Rollback:
        return tr("rollback");
    }
    return QString();
}

bool PlanApplier::apply(const ChangePlan &plan)
{
    if (m_running || plan.isEmpty())
        return false;
    m_plan = plan;
    // Edits that change nothing are not part of the apply.
    m_plan.edits.clear();
    for (const FileEdit &edit : plan.edits)
        if (edit.changesFile())
            m_plan.edits.append(edit);
    m_backup = Backup();
    m_saved.clear();
    m_result = Result();
    m_running = true;
    m_cancelled = false;
    m_rollingBack = false;
    m_backupMade = false;
    m_wroteAny = false;
    m_reloadTried = false;
    m_attempt = 0;
    next(Step::Backup, &PlanApplier::runBackup);
    return true;
}

void PlanApplier::cancel()
{
    if (!m_running || m_rollingBack || m_cancelled)
        return;
    m_cancelled = true;
    m_result.cancelled = true;
    if (m_process) {
        m_process->kill();
    } else if (m_scheduler != nullptr && m_probeId > 0) {
        m_scheduler->cancel(m_probeId);
    } else if (m_tlsCheck != nullptr && m_tlsCheck->isRunning()) {
        m_tlsCheck->cancel();
    } else if (m_retryTimer->isActive()) {
        m_retryTimer->stop();
        fail(Step::Verify, tr("cancelled"), QString());
    }
    // Otherwise the next step, already queued, sees the cancel.
}

void PlanApplier::next(Step step, void (PlanApplier::*run)())
{
    QMetaObject::invokeMethod(
        this,
        [this, step, run] {
            if (m_cancelled && !m_rollingBack)
                fail(step, tr("cancelled"), QString());
            else
                (this->*run)();
        },
        Qt::QueuedConnection);
}

void PlanApplier::begin(Step step, const QString &description)
{
    m_current = step;
    emit stepStarted(step, description);
}

void PlanApplier::record(Step step, Outcome outcome, const QString &message, const QString &output)
{
    StepResult result {step, outcome, message, output};
    m_result.steps.append(result);
    if (m_backupMade) {
        m_backup.log.append(
            QStringLiteral("%1 %2 %3: %4").arg(utcNow(), stepWord(step), outcomeWord(outcome), message));
        QString ignored;
        BackupStore(m_backupRoot).save(m_backup, &ignored);
    }
    emit stepFinished(result);
}

void PlanApplier::setState(const QString &state)
{
    if (!m_backupMade)
        return;
    m_backup.state = state;
    QString ignored;
    BackupStore(m_backupRoot).save(m_backup, &ignored);
}

void PlanApplier::runBackup()
{
    begin(Step::Backup, tr("Saving a copy of each file before it changes"));
    QStringList seen;
    for (const FileEdit &edit : std::as_const(m_plan.edits)) {
        if (seen.contains(edit.path)) {
            fail(Step::Backup, tr("the plan changes %1 twice; nothing was changed").arg(edit.path), QString());
            return;
        }
        seen.append(edit.path);
    }
    // Every file is checked before anything is saved or written: a plan made
    // from other bytes than the ones there now would undo someone's edit.
    m_currentFiles.clear();
    readForBackup(0);
}

void PlanApplier::readForBackup(int index)
{
    if (index >= m_plan.edits.size()) {
        makeBackup();
        return;
    }
    const FileEdit edit = m_plan.edits.at(index);
    m_files->read(edit.path, [this, edit, index](const HostFile &file) {
        if (m_cancelled) {
            fail(Step::Backup, tr("cancelled"), QString());
            return;
        }
        if (!file.error.isEmpty()) {
            fail(Step::Backup, file.error + QLatin1Char('\n') + tr("Nothing was changed."), QString());
            return;
        }
        QString changed;
        if (file.exists && !edit.before)
            changed = tr("%1 was created after the plan was made").arg(edit.path);
        else if (!file.exists && edit.before)
            changed = tr("%1 was removed after the plan was made").arg(edit.path);
        else if (file.exists && file.bytes != *edit.before)
            changed = tr("%1 changed after the plan was made").arg(edit.path);
        if (!changed.isEmpty()) {
            fail(Step::Backup,
                 changed + QLatin1Char('\n') + tr("Nothing was changed: inspect again and review the new plan."),
                 QString());
            return;
        }
        m_currentFiles.append(file);
        readForBackup(index + 1);
    });
}

void PlanApplier::makeBackup()
{
    const BackupStore store(m_backupRoot);
    QString error;
    std::optional<Backup> backup = store.create(m_plan, QDateTime::currentDateTimeUtc(), &error, m_location);
    if (!backup) {
        fail(Step::Backup, error + QLatin1Char('\n') + tr("Nothing was changed."), QString());
        return;
    }
    m_backup = *backup;
    m_backupMade = true;
    for (qsizetype i = 0; i < m_plan.edits.size(); ++i) {
        const FileEdit &edit = m_plan.edits.at(i);
        const HostFile &current = m_currentFiles.at(i);
        BackedUpFile file;
        file.path = edit.path;
        file.existed = current.exists;
        if (file.existed) {
            file.mode = current.mode;
            file.owner = current.owner;
            file.group = current.group;
            if (!store.saveCopy(m_backup, file, current.bytes, &error)) {
                store.discard(m_backup);
                m_backupMade = false;
                fail(Step::Backup, error + QLatin1Char('\n') + tr("Nothing was changed."), QString());
                return;
            }
        }
        if (edit.after)
            file.newSha256 = ConfigFile::sha256(*edit.after);
        m_backup.files.append(file);
        m_saved.append(current.bytes);
    }
    if (!store.save(m_backup, &error)) {
        store.discard(m_backup);
        m_backupMade = false;
        fail(Step::Backup, error + QLatin1Char('\n') + tr("Nothing was changed."), QString());
        return;
    }
    m_result.backupId = m_backup.id;
    record(Step::Backup, Outcome::Ok, tr("saved in %1").arg(QDir::toNativeSeparators(m_backup.folder)));
    next(Step::Write, &PlanApplier::runWrite);
}

void PlanApplier::runWrite()
{
    begin(Step::Write, tr("Writing the changed files"));
    setState(QStringLiteral("writing"));
    writeFile(0, QStringList());
}

void PlanApplier::writeFile(int index, QStringList written)
{
    if (index >= m_plan.edits.size()) {
        setState(QStringLiteral("written"));
        record(Step::Write, Outcome::Ok, written.join(QLatin1Char('\n')));
        next(Step::Validate, &PlanApplier::runValidate);
        return;
    }
    if (m_cancelled) {
        fail(Step::Write, tr("cancelled"), QString());
        return;
    }
    const FileEdit &edit = m_plan.edits.at(index);
    // Checked again right at the write: the backup step was a while ago.
    const Precondition precondition = Precondition::holds(edit.before);
    const QString path = edit.path;
    const bool removes = !edit.after;
    auto onWritten = [this, index, path, removes, written](const FileChange &change) mutable {
        if (!change.ok) {
            fail(Step::Write,
                 change.changed ? tr("%1 changed while the plan was being applied").arg(path) : change.error,
                 QString());
            return;
        }
        m_wroteAny = true;
        m_backup.files[index].written = true;
        setState(QStringLiteral("writing"));
        written.append(removes ? tr("removed %1").arg(path) : tr("wrote %1").arg(path));
        writeFile(index + 1, written);
    };
    if (edit.after)
        m_files->write(path, *edit.after, edit.mode, edit.owner, edit.group, precondition, onWritten);
    else
        m_files->remove(path, precondition, onWritten);
}


void PlanApplier::runReload()
{
    begin(Step::Reload, tr("Reloading %1").arg(m_plan.mta));
    if (m_plan.statusCommand.isEmpty() || m_plan.reloadCommand.isEmpty()) {
        record(
            Step::Reload, Outcome::Skipped,
            tr("%1 cannot be reloaded from here: the change takes effect at its next start or reload").arg(m_plan.mta));
        next(Step::Verify, &PlanApplier::runVerify);
        return;
    }
    runCommand(m_plan.statusCommand, [this](int exitCode, bool ran, const QByteArray &statusOutput) {
        if (m_cancelled) {
            fail(Step::Reload, tr("cancelled"), QString::fromLocal8Bit(statusOutput));
            return;
        }
        // The host refused to ask (sudo, ssh): that says nothing about the MTA.
        const QString refused = ran ? m_host->diagnose(exitCode, statusOutput) : QString();
        if (!refused.isEmpty()) {
            fail(Step::Reload, tr("%1 could not be run: %2").arg(commandText(m_plan.statusCommand), refused),
                 QString::fromLocal8Bit(statusOutput));
            return;
        }
        if (!ran || exitCode != 0) {
            m_result.mtaRunning = false;
            record(Step::Reload, Outcome::Skipped,
                   tr("%1 is not running: the change takes effect at its next start").arg(m_plan.mta),
                   QString::fromLocal8Bit(statusOutput));
            next(Step::Verify, &PlanApplier::runVerify);
            return;
        }
        m_result.mtaRunning = true;
        m_reloadTried = true;
        runCommand(m_plan.reloadCommand, [this](int code, bool reloadRan, const QByteArray &output) {
            const QString text = QString::fromLocal8Bit(output);
            if (m_cancelled) {
                fail(Step::Reload, tr("cancelled"), text);
                return;
            }
            if (!reloadRan || code != 0) {
                fail(Step::Reload,
                     commandFailure(
                         code, reloadRan, output,
                         reloadRan
                             ? tr("%1 failed (exit status %2)").arg(commandText(m_plan.reloadCommand)).arg(code)
                             : tr("%1 could not be run: %2").arg(commandText(m_plan.reloadCommand), text.trimmed())),
                     text);
                return;
            }
            m_result.reloaded = true;
            setState(QStringLiteral("reloaded"));
            record(Step::Reload, Outcome::Ok, tr("%1 reloaded its configuration").arg(m_plan.mta), text);
            next(Step::Verify, &PlanApplier::runVerify);
        });
    });
}

void PlanApplier::runVerify()
{
    const ChangePlan::Verification &v = m_plan.verification;
    begin(Step::Verify, tr("Probing the own mail server"));
    if (v.check == ChangePlan::Check::None) {
        record(Step::Verify, Outcome::Skipped, tr("nothing to probe for this change: the validation covers it"));
        succeed();
        return;
    }
    if (!m_result.reloaded) {
        record(Step::Verify, Outcome::Skipped, tr("not probed: %1 has not loaded the change yet").arg(m_plan.mta));
        succeed();
        return;
    }
    if (v.address.isEmpty()) {
        record(Step::Verify, Outcome::Skipped, tr("not probed: no address of the own mail server was given"));
        succeed();
        return;
    }
    if (v.implicitTls && m_tlsCheck == nullptr) {
        m_tlsCheck = new ImplicitTlsCheck(this);
        m_tlsCheck->setTimeout(m_probeOptions.connectTimeoutMs + m_probeOptions.readTimeoutMs);
        connect(m_tlsCheck, &ImplicitTlsCheck::finished, this, [this] { onProbeFinished(m_tlsCheck->report()); });
    }
    if (!v.implicitTls && m_scheduler == nullptr) {
        ProbeOptions options = m_probeOptions;
        options.cacheSeconds = 0;
        m_scheduler = new ProbeScheduler(options, this);
        connect(m_scheduler, &ProbeScheduler::finished, this, [this](int id, const ProbeReport &report) {
            if (id == m_probeId) {
                m_probeId = 0;
                onProbeFinished(report);
            }
        });
    }
    m_attempt = 0;
    verifyAttempt();
}

void PlanApplier::verifyAttempt()
{
    ++m_attempt;
    if (m_plan.verification.implicitTls) {
        m_tlsCheck->start(m_plan.verification.address, m_plan.verification.port);
        return;
    }
    m_scheduler->clearCache();
    ProbeTarget target;
    target.kind = ProbeTarget::Kind::Host;
    target.name = m_plan.verification.address;
    target.port = m_plan.verification.port;
    m_probeId = m_scheduler->probe(target);
}

void PlanApplier::onProbeFinished(const ProbeReport &report)
{
    if (m_cancelled) {
        fail(Step::Verify, tr("cancelled"), QString());
        return;
    }
    // A service that may offer TLS on that port or not (IMAPS is often off,
    // with STARTTLS on 143 only): nothing listening there says nothing about
    // the change.
    if (m_plan.verification.implicitTls && !report.addresses.isEmpty()) {
        bool refused = true;
        for (const AddressProbeResult &address : report.addresses)
            for (const SmtpSessionResult &session : address.sessions)
                refused = refused && session.outcome == SessionOutcome::ConnectFailed;
        if (refused) {
            record(Step::Verify, Outcome::Skipped,
                   tr("not probed: nothing accepts connections on %1 port %2")
                       .arg(m_plan.verification.address)
                       .arg(m_plan.verification.port));
            succeed();
            return;
        }
    }
    const PlanVerifier::Judgement judgement = PlanVerifier::judge(report, m_plan.verification);
    if (judgement.passed) {
        setState(QStringLiteral("verified"));
        record(Step::Verify, Outcome::Ok, judgement.message);
        succeed();
        return;
    }
    if (m_attempt < m_verifyAttempts) {
        m_retryTimer->start(m_verifyPauseMs);
        return;
    }
    fail(Step::Verify, judgement.message,
         tr("probed %n time(s), %1 ms apart", nullptr, m_attempt).arg(m_verifyPauseMs));
}

void PlanApplier::succeed()
{
    setState(QStringLiteral("done"));
    m_result.succeeded = true;
    end();
}

void PlanApplier::fail(Step step, const QString &message, const QString &output)
{
    record(step, Outcome::Failed, message, output);
    m_result.failedStep = step;
    m_result.message = message;
    m_result.output = output;
    if (!m_wroteAny) {
        m_result.changedNothing = true;
        // Nothing was written: the backup would only restore what is there.
        if (m_backupMade) {
            BackupStore(m_backupRoot).discard(m_backup);
            m_backupMade = false;
            m_result.backupId.clear();
        }
        end();
        return;
    }
    rollBack();
}

void PlanApplier::rollBack()
{
    m_rollingBack = true;
    begin(Step::Rollback, tr("Putting the saved files back"));
    setState(QStringLiteral("rolling-back"));
    m_restoreProblems.clear();
    m_restored = 0;
    restoreFile(0);
}

void PlanApplier::restoreFile(int index)
{
    while (index < m_plan.edits.size() && !m_backup.files.at(index).written)
        ++index;
    if (index >= m_plan.edits.size()) {
        afterRestore();
        return;
    }
    const BackedUpFile file = m_backup.files.at(index);
    const QByteArray saved = m_saved.at(index);
    // Read back: the promise is byte for byte.
    auto readBack = [this, file, saved, index](const FileChange &change) {
        m_files->read(file.path, [this, file, saved, index, change](const HostFile &now) {
            const bool same
                = now.error.isEmpty() && now.exists == file.existed && (!file.existed || now.bytes == saved);
            if (!change.ok || !same)
                m_restoreProblems.append(change.ok ? tr("%1 does not read back as saved").arg(file.path)
                                                   : change.error);
            else {
                m_backup.files[index].written = false;
                ++m_restored;
            }
            restoreFile(index + 1);
        });
    };
    if (file.existed)
        m_files->write(file.path, saved, file.mode, file.owner, file.group, Precondition::any(), readBack);
    else
        m_files->remove(file.path, Precondition::any(), readBack);
}

void PlanApplier::afterRestore()
{
    const bool filesOk = m_restoreProblems.isEmpty();
    m_rollbackMessage = filesOk
        ? tr("restored %n file(s) from %1", nullptr, m_restored).arg(QDir::toNativeSeparators(m_backup.folder))
        : tr("could not restore every file; the copies are in %1:\n%2")
              .arg(QDir::toNativeSeparators(m_backup.folder), m_restoreProblems.join(QLatin1Char('\n')));
    m_result.rolledBack = filesOk;
    m_result.rollbackFailed = !filesOk;
    if (m_reloadTried && m_result.mtaRunning) {
        runCommand(m_plan.reloadCommand, [this](int exitCode, bool ran, const QByteArray &output) {
            afterRollbackReload(ran && exitCode == 0, QString::fromLocal8Bit(output));
        });
        return;
    }
    afterRollbackReload(true, QString());
}

void PlanApplier::afterRollbackReload(bool ok, const QString &output)
{
    QString message = m_rollbackMessage;
    if (m_reloadTried && m_result.mtaRunning) {
        if (ok) {
            message += QLatin1Char('\n') + tr("%1 reloaded the restored configuration").arg(m_plan.mta);
        } else {
            message += QLatin1Char('\n')
                + tr("reloading %1 failed: run %2 yourself").arg(m_plan.mta, commandText(m_plan.reloadCommand));
            m_result.rollbackFailed = true;
        }
    }
    const bool failed = m_result.rollbackFailed;
    setState(failed ? QStringLiteral("rollback-failed") : QStringLiteral("rolled-back"));
    record(Step::Rollback, failed ? Outcome::Failed : Outcome::Ok, message, output);
    end();
}

void PlanApplier::end()
{
    m_running = false;
    m_rollingBack = false;
    const Result result = m_result;
    emit finished(result);
}

QString PlanApplier::commandFailure(int exitCode, bool ran, const QByteArray &output, const QString &fallback) const
{
    const QString host = m_host->diagnose(ran ? exitCode : -1, output);
    return host.isEmpty() ? fallback : host;
}

void PlanApplier::runCommand(const QStringList &argv, CommandDone done)
{
    m_commandDone = std::move(done);
    m_commandOutput.clear();
    m_commandOverflow = false;
    m_commandTimedOut = false;
    m_process = std::make_unique<QProcess>();
    m_host->prepare(*m_process, argv);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyRead, this, [this, process] {
        const QByteArray chunk = process->readAll();
        const qsizetype room = MaxOutputBytes - m_commandOutput.size();
        if (chunk.size() > room)
            m_commandOverflow = true;
        m_commandOutput += chunk.left(qMax<qsizetype>(room, 0));
    });
    connect(process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onCommandEnded(status == QProcess::NormalExit ? exitCode : -1, true);
    });
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onCommandEnded(-1, false);
    });
    m_commandTimer->start(m_commandTimeoutMs);
    m_process->start();
    m_process->closeWriteChannel();
}

void PlanApplier::onCommandEnded(int exitCode, bool ran)
{
    if (!m_process)
        return;
    m_commandTimer->stop();
    const qsizetype room = MaxOutputBytes - m_commandOutput.size();
    m_commandOutput += m_process->readAll().left(qMax<qsizetype>(room, 0));
    QByteArray output = m_commandOutput;
    if (!ran)
        output += m_process->errorString().toLocal8Bit() + '\n';
    if (m_commandOverflow)
        output += tr("[output cut after %1 bytes]").arg(MaxOutputBytes).toLocal8Bit() + '\n';
    if (m_commandTimedOut)
        output
            += tr("[stopped: no answer within %n second(s)]", nullptr, (m_commandTimeoutMs + 999) / 1000).toLocal8Bit()
            + '\n';
    // Deleted later: this runs inside one of its signals.
    m_process->disconnect(this);
    m_process.release()->deleteLater();
    CommandDone done = std::move(m_commandDone);
    m_commandDone = nullptr;
    done(m_commandTimedOut ? -1 : exitCode, ran, output);
}

} // namespace mailtls
