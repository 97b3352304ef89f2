#include "models/campaign/campaignwindow.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent>

#include "models/campaign/campaignstore.h"
#include "models/campaign/eximenforcementplan.h"
#include "models/campaign/revertjob.h"
#include "models/campaign/sendmailenforcementplan.h"
#include "models/mta/backupstore.h"

// How a window ends: from its backup, or (files changed during the window)
// by taking only its settings out, for each MTA; and how the end is recorded.

namespace mailtls {

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

struct CampaignWindow::EndContext
{
    Campaign campaign;
    QString by;
    std::shared_ptr<const CommandHost> host;
    Done done;
    Outcome outcome;
    PostfixInspectionResult inspection;
    QString configName; // the file(s) the window changed, for messages
};

void CampaignWindow::end(qint64 campaignId, const QString &by, Done done)
{
    auto context = std::make_shared<EndContext>();
    context->by = by;
    context->done = std::move(done);
    auto fail = [this, context](const QString &error) {
        context->outcome.error = error;
        QTimer::singleShot(0, this, [context] { context->done(context->outcome); });
    };
    CampaignStore store(m_storePath);
    QString error;
    if (!store.open(&error)) {
        fail(storeError(error));
        return;
    }
    const std::optional<Campaign> campaign = store.load(campaignId, &error);
    if (!campaign) {
        fail(error);
        return;
    }
    context->campaign = *campaign;
    context->outcome.campaign = *campaign;
    if (!campaign->isEnforcing()) {
        fail(tr("campaign %1's window ended already, at %2").arg(campaign->id).arg(utcText(*campaign->endedAt)));
        return;
    }
    context->host = hostFor(*campaign, &error);
    if (!context->host) {
        fail(error);
        return;
    }
    RevertJob *job = jobFor(context->host);
    job->readStatus(RevertScript::statusPath(campaign->configDir, campaign->id),
                    [this, job, context](const std::optional<RevertStatus> &status, const QString &) {
                        job->deleteLater();
                        if (status && status->windowEnded()) {
                            finishByJob(context->campaign, *status, context->host, context->done);
                            return;
                        }
                        if (status)
                            context->outcome.warnings.append(
                                tr("The host's job ran at %1 but did not end the window: %2")
                                    .arg(utcText(status->ended), status->describe()));
                        endWith(context);
                    });
}

void CampaignWindow::endWith(std::shared_ptr<EndContext> context)
{
    if (context->campaign.mta == QLatin1String("exim")) {
        endWithExim(context);
        return;
    }
    if (context->campaign.mta == QLatin1String("sendmail")) {
        endWithSendmail(context);
        return;
    }
    inspect(context->host, context->campaign.configDir, [this, context](const PostfixInspectionResult &r) {
        auto fail = [context](const QString &error) {
            context->outcome.error = error;
            context->done(context->outcome);
        };
        if (!r.ok) {
            fail(tr("cannot inspect Postfix: %1").arg(r.error));
            return;
        }
        context->inspection = r;
        context->configName = r.mainCfPath;
        const Campaign &campaign = context->campaign;
        if (endWithoutBackup(context, (campaign.inbound && r.securityLevel(QStringLiteral("smtpd")) == QLatin1String("encrypt"))
                                          || (campaign.outbound
                                              && r.securityLevel(QStringLiteral("smtp")) == QLatin1String("encrypt"))))
            return;
        const std::optional<Backup> backup = windowBackup(context);
        if (!backup)
            return;
        QString error;
        const BackupStore backups(m_applier->backupRoot());
        const auto file = std::find_if(backup->files.cbegin(), backup->files.cend(),
                                       [&r](const BackedUpFile &f) { return f.path == r.mainCfPath; });
        if (file == backup->files.cend()) {
            fail(tr("the window's backup %1 holds no copy of %2").arg(campaign.backupId, r.mainCfPath));
            return;
        }
        const std::optional<QByteArray> saved = backups.copyOf(*backup, *file, &error);
        if (!saved) {
            fail(tr("the window's backup %1: %2").arg(campaign.backupId, error));
            return;
        }
        bool atWindow = true;
        bool atBefore = true;
        compareWithBackup(*backup, [&r](const QString &) -> std::optional<QByteArray> { return r.mainCf; }, &atWindow,
                          &atBefore);
        if (atBefore) {
            endRecord(context, tr("%1 holds its settings from before the window already.").arg(r.mainCfPath));
            return;
        }
        if (atWindow) {
            endByRestore(context);
            return;
        }
        m_applier->setCommandHost(context->host, campaign.host);
        const std::optional<ChangePlan> plan =
            EnforcementPlan::parameterRevert(r, *saved, campaign.inbound, campaign.outbound, &error);
        if (!plan) {
            fail(error);
            return;
        }
        context->outcome.warnings.append(tr("%1 was changed during the window: it is not overwritten; only the "
                                            "window's settings are put back.")
                                             .arg(r.mainCfPath));
        endApply(context, *plan);
    });
}

void CampaignWindow::endWithExim(std::shared_ptr<EndContext> context)
{
    inspectExim(context->host, context->campaign.configDir, [this, context](const EximInspectionResult &r,
                                                                            const std::optional<QByteArray> &acl,
                                                                            const QString &why) {
        auto fail = [context](const QString &error) {
            context->outcome.error = error;
            context->done(context->outcome);
        };
        if (!r.ok || !why.isEmpty()) {
            fail(tr("cannot inspect Exim: %1").arg(r.ok ? why : r.error));
            return;
        }
        const Campaign &campaign = context->campaign;
        const EximSources::File &local = r.sources.value(r.localFile);
        context->configName = local.path;
        if (endWithoutBackup(context,
                             EximEnforcementPlan::hasBlock(local.bytes) || acl == EximEnforcementPlan::aclText()))
            return;
        const std::optional<Backup> backup = windowBackup(context);
        if (!backup)
            return;
        // Each file the window wrote, as it is now: the local macros file
        // and the window's ACL are the only ones a window plan writes.
        const auto current = [&](const QString &path) -> std::optional<QByteArray> {
            if (path == local.path)
                return local.exists ? std::optional<QByteArray>(local.bytes) : std::nullopt;
            return acl;
        };
        bool atWindow = true;
        bool atBefore = true;
        compareWithBackup(*backup, current, &atWindow, &atBefore);
        if (atBefore) {
            endRecord(context, tr("%1 holds its settings from before the window already.").arg(local.path));
            return;
        }
        if (atWindow) {
            endByRestore(context);
            return;
        }
        m_applier->setCommandHost(context->host, campaign.host);
        QString error;
        const std::optional<ChangePlan> plan = EximEnforcementPlan::blockRevert(r, acl, &error);
        if (!plan) {
            fail(error);
            return;
        }
        context->outcome.warnings.append(tr("%1 was changed during the window: it is not overwritten; only the "
                                            "window's lines are taken out.")
                                             .arg(local.path));
        endApply(context, *plan);
    });
}

bool CampaignWindow::endWithoutBackup(std::shared_ptr<EndContext> context, bool enforcing)
{
    const Campaign &campaign = context->campaign;
    if (!campaign.backupId.isEmpty())
        return false;
    // MailTLS stopped while starting the window: either nothing was written,
    // or the backup's name was never recorded. Only the former may be called
    // ended here; the job knows the bytes.
    if (enforcing) {
        context->outcome.error =
            tr("MailTLS stopped while it started this window, before it recorded the window's backup, and %1 holds "
               "the window's settings now. The revert job %2 takes them out at %3; to end it sooner, put the newest "
               "backup back with mailtls fix --restore")
                .arg(context->configName, campaign.revertJob.isEmpty() ? tr("(none)") : campaign.revertJob)
                .arg(utcText(campaign.windowEnd));
        context->done(context->outcome);
        return true;
    }
    endRecord(context, tr("Nothing had been written for this window."));
    return true;
}

std::optional<Backup> CampaignWindow::windowBackup(std::shared_ptr<EndContext> context) const
{
    QString error;
    std::optional<Backup> backup = BackupStore(m_applier->backupRoot()).load(context->campaign.backupId, &error);
    if (!backup) {
        context->outcome.error = tr("the window's backup %1: %2").arg(context->campaign.backupId, error);
        context->done(context->outcome);
    }
    return backup;
}

void CampaignWindow::endByRestore(std::shared_ptr<EndContext> context)
{
    m_applier->setCommandHost(context->host, context->campaign.host);
    m_applier->makeRestorePlan(context->campaign.backupId, [this, context](const std::optional<ChangePlan> &plan,
                                                                           const QString &why) {
        if (!plan) {
            context->outcome.error = tr("cannot put backup %1 back: %2").arg(context->campaign.backupId, why);
            context->done(context->outcome);
            return;
        }
        endApply(context, *plan);
    });
}

void CampaignWindow::compareWithBackup(const Backup &backup,
                                       const std::function<std::optional<QByteArray>(const QString &path)> &current,
                                       bool *atWindow, bool *atBefore)
{
    *atWindow = true;
    *atBefore = true;
    for (const BackedUpFile &file : backup.files) {
        const std::optional<QByteArray> now = current(file.path);
        const QString sum = now ? sha256Hex(*now) : QString();
        *atWindow = *atWindow && (file.newSha256.isEmpty() ? !now : now && sum == file.newSha256);
        *atBefore = *atBefore && (file.existed ? now && sum == file.sha256 : !now);
    }
}

void CampaignWindow::endWithSendmail(std::shared_ptr<EndContext> context)
{
    inspectSendmail(context->host, context->campaign.configDir, [this, context](const SendmailInspectionResult &r) {
        auto fail = [context](const QString &error) {
            context->outcome.error = error;
            context->done(context->outcome);
        };
        if (!r.ok) {
            fail(tr("cannot inspect Sendmail: %1").arg(r.error));
            return;
        }
        const Campaign &campaign = context->campaign;
        context->configName = r.mcPath;
        const QList<RevertScript::Block> blocks = SendmailEnforcementPlan::blocks(r);
        if (endWithoutBackup(context, blocks.at(0).isIn(r.mc) || blocks.at(1).isIn(r.cf)))
            return;
        const std::optional<Backup> backup = windowBackup(context);
        if (!backup)
            return;
        bool atWindow = true;
        bool atBefore = true;
        compareWithBackup(*backup,
                          [&r](const QString &path) -> std::optional<QByteArray> {
                              if (path == r.mcPath)
                                  return r.mcExists ? std::optional<QByteArray>(r.mc) : std::nullopt;
                              return r.cf;
                          },
                          &atWindow, &atBefore);
        if (atBefore) {
            endRecord(context, tr("%1 holds its settings from before the window already.").arg(r.mcPath));
            return;
        }
        if (atWindow) {
            endByRestore(context);
            return;
        }
        m_applier->setCommandHost(context->host, campaign.host);
        context->outcome.warnings.append(tr("%1 was changed during the window: it is not overwritten; only the "
                                            "window's lines are taken out.")
                                             .arg(r.mcPath));
        // The plan runs m4: off the GUI thread.
        struct Made
        {
            std::optional<ChangePlan> plan;
            QString error;
        };
        auto *watcher = new QFutureWatcher<Made>(this);
        connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, context] {
            const Made made = watcher->result();
            watcher->deleteLater();
            if (!made.plan) {
                context->outcome.error = made.error;
                context->done(context->outcome);
                return;
            }
            endApply(context, *made.plan);
        });
        watcher->setFuture(QtConcurrent::run([r] {
            Made made;
            made.plan = SendmailEnforcementPlan::blockRevert(r, &made.error);
            return made;
        }));
    });
}

void CampaignWindow::endApply(std::shared_ptr<EndContext> context, const ChangePlan &plan)
{
    if (plan.isEmpty()) {
        endRecord(context, tr("The window's settings are no longer in %1.").arg(context->configName));
        return;
    }
    applyPlan(plan, [this, context](const PlanApplier::Result &result) {
        context->outcome.apply = result;
        context->outcome.applied = true;
        if (!result.succeeded) {
            const QString step = result.failedStep ? PlanApplier::stepName(*result.failedStep) : QString();
            context->outcome.error =
                tr("the %1 step failed: %2. The window still runs; the revert job %3 ends it at %4.")
                    .arg(step, result.message, context->campaign.revertJob, utcText(context->campaign.windowEnd));
            context->done(context->outcome);
            return;
        }
        endRecord(context, QString());
    });
}

void CampaignWindow::endRecord(std::shared_ptr<EndContext> context, const QString &how)
{
    if (!how.isEmpty())
        context->outcome.warnings.append(how);
    const Campaign &campaign = context->campaign;
    RevertJob *job = jobFor(context->host);
    job->remove(campaign.revertJob,
                {RevertScript::scriptPath(campaign.configDir, campaign.id),
                 RevertScript::statusPath(campaign.configDir, campaign.id)},
                [this, job, context](const QString &why) {
                    job->deleteLater();
                    Campaign &c = context->campaign;
                    if (!why.isEmpty()) {
                        context->outcome.warnings.append(
                            tr("the revert job %1 could not be removed: %2. When it runs it finds the configuration "
                               "as it was before the window and only reloads %3.")
                                .arg(c.revertJob, why, mtaName(c.mta)));
                    } else {
                        c.revertJob.clear();
                    }
                    c.endedAt = QDateTime::currentSecsSinceEpoch();
                    c.endedBy = context->by;
                    CampaignStore store(m_storePath);
                    QString error;
                    if (!store.open(&error) || !store.update(c, &error))
                        context->outcome.warnings.append(storeError(error));
                    context->outcome.ok = true;
                    context->outcome.campaign = c;
                    context->done(context->outcome);
                });
}

void CampaignWindow::finishByJob(Campaign campaign, const RevertStatus &status,
                                 std::shared_ptr<const CommandHost> host, Done done)
{
    RevertJob *job = jobFor(std::move(host));
    // The job's script ran: its files are left to clear away, and the job
    // too when the script ran some other way (by hand) and the job still
    // waits: its copy of the script would otherwise run later, against a
    // window started since.
    job->remove(campaign.revertJob,
                {RevertScript::scriptPath(campaign.configDir, campaign.id),
                 RevertScript::statusPath(campaign.configDir, campaign.id)},
                [this, job, campaign, status, done](const QString &why) mutable {
                    job->deleteLater();
                    Outcome outcome;
                    campaign.endedAt = status.ended;
                    campaign.endedBy = QStringLiteral("job");
                    campaign.revertJob.clear();
                    CampaignStore store(m_storePath);
                    QString error;
                    if (!store.open(&error) || !store.update(campaign, &error))
                        outcome.warnings.append(storeError(error));
                    if (!why.isEmpty())
                        outcome.warnings.append(why);
                    outcome.warnings.append(status.describe());
                    outcome.ok = true;
                    outcome.campaign = campaign;
                    done(outcome);
                });
}

} // namespace mailtls
