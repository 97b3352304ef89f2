#include "models/mta/planapplier.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSet>

#include "models/mta/backupstore.h"
#include "models/mta/configfile.h"
#include "models/mta/fileaccess.h"
#include "models/sources/localcommandhost.h"

// PlanApplier's restores: the backups kept, and the plan that puts one back.
namespace mailtls {

QList<Backup> PlanApplier::listBackups(QString *error) const
{
    return BackupStore(m_backupRoot).list(error);
}

std::optional<ChangePlan> PlanApplier::restorePlan(const QString &backupId, QString *error) const
{
    const BackupStore store(m_backupRoot);
    const std::optional<Backup> backup = store.load(backupId, error);
    if (!backup)
        return std::nullopt;
    if (!backup->host.isEmpty()) {
        *error = tr("backup %1 holds files of %2: they are read there (mailtls fix --restore %1 --yes)")
                     .arg(backup->id, backup->host);
        return std::nullopt;
    }
    // This applier writes another host's files: this computer's backup is not its to restore.
    if (!m_location.isEmpty()) {
        *error = tr("backup %1 holds files of this computer, not of %2").arg(backup->id, m_location);
        return std::nullopt;
    }
    ChangePlan plan;
    plan.title = tr("Put back the configuration saved before \"%1\" (backup %2)").arg(backup->title, backup->id);
    plan.mta = backup->mta;
    plan.configDir = backup->configDir;
    plan.validateCommands = backup->validateCommands;
    plan.statusCommand = backup->statusCommand;
    plan.reloadCommand = backup->reloadCommand;
    for (const BackedUpFile &file : backup->files) {
        const ConfigFile::Contents current = ConfigFile::read(file.path);
        if (!current.error.isEmpty()) {
            *error = current.error;
            return std::nullopt;
        }
        FileEdit edit;
        edit.path = file.path;
        if (current.exists)
            edit.before = current.bytes;
        if (file.existed) {
            const std::optional<QByteArray> saved = store.copyOf(*backup, file, error);
            if (!saved)
                return std::nullopt;
            edit.after = *saved;
            edit.mode = file.mode;
            edit.owner = file.owner;
            edit.group = file.group;
            edit.summary.append(tr("%1 as it was before").arg(file.path));
        } else {
            edit.summary.append(tr("remove %1 (it did not exist before)").arg(file.path));
        }
        if (edit.changesFile())
            plan.edits.append(edit);
    }
    return plan;
}

void PlanApplier::makeRestorePlan(const QString &backupId, RestorePlanDone done)
{
    const auto answer = [this, done](const std::optional<ChangePlan> &plan, const QString &error) {
        QMetaObject::invokeMethod(
            this, [done, plan, error] { done(plan, error); }, Qt::QueuedConnection);
    };
    QString error;
    const BackupStore store(m_backupRoot);
    const std::optional<Backup> loaded = store.load(backupId, &error);
    if (!loaded) {
        answer(std::nullopt, error);
        return;
    }
    const Backup backup = *loaded;
    if (backup.host != m_location) {
        answer(std::nullopt,
               tr("backup %1 holds files of %2, not of %3")
                   .arg(backup.id, backup.host.isEmpty() ? tr("this computer") : backup.host,
                        m_location.isEmpty() ? tr("this computer") : m_location));
        return;
    }
    auto plan = std::make_shared<ChangePlan>();
    plan->title = tr("Put back the configuration saved before \"%1\" (backup %2)").arg(backup.title, backup.id);
    plan->mta = backup.mta;
    plan->configDir = backup.configDir;
    plan->validateCommands = backup.validateCommands;
    plan->statusCommand = backup.statusCommand;
    plan->reloadCommand = backup.reloadCommand;
    // One file after the other, each compared with its saved copy. Each read
    // in flight keeps the chain alive; it ends with the last answer.
    auto step = std::make_shared<std::function<void(int)>>();
    const std::weak_ptr<std::function<void(int)>> weakStep = step;
    const std::shared_ptr<FileAccess> files = m_files;
    const QPointer<PlanApplier> self(this);
    const quint64 generation = m_restoreGeneration;
    const auto dropped = [self, generation] { return !self || self->m_restoreGeneration != generation; };
    *step = [this, files, backup, plan, done, weakStep, dropped](int index) {
        if (dropped())
            return;
        if (index >= backup.files.size()) {
            done(*plan, QString());
            return;
        }
        const BackedUpFile file = backup.files.at(index);
        files->read(
            file.path, [this, backup, plan, done, step = weakStep.lock(), file, index, dropped](const HostFile &current) {
                if (dropped())
                    return;
                if (!current.error.isEmpty()) {
                    done(std::nullopt, current.error);
                    return;
                }
                QString error;
                FileEdit edit;
                edit.path = file.path;
                if (current.exists)
                    edit.before = current.bytes;
                if (file.existed) {
                    const std::optional<QByteArray> saved = BackupStore(m_backupRoot).copyOf(backup, file, &error);
                    if (!saved) {
                        done(std::nullopt, error);
                        return;
                    }
                    edit.after = *saved;
                    edit.mode = file.mode;
                    edit.owner = file.owner;
                    edit.group = file.group;
                    edit.summary.append(tr("%1 as it was before").arg(file.path));
                } else {
                    edit.summary.append(tr("remove %1 (it did not exist before)").arg(file.path));
                }
                if (edit.changesFile())
                    plan->edits.append(edit);
                (*step)(index + 1);
            });
    };
    QMetaObject::invokeMethod(
        this, [step] { (*step)(0); }, Qt::QueuedConnection);
}

bool PlanApplier::restore(const QString &backupId, QString *error)
{
    if (m_running) {
        *error = tr("a change is being applied; wait until it has finished");
        return false;
    }
    const std::optional<ChangePlan> plan = restorePlan(backupId, error);
    if (!plan)
        return false;
    if (plan->isEmpty()) {
        *error = tr("the files are already as backup %1 saved them: nothing to restore").arg(backupId);
        return false;
    }
    return apply(*plan);
}

} // namespace mailtls
