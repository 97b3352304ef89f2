#include "models/campaign/campaignwindow.h"

#include <algorithm>
#include <limits>

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QTimer>
#include <QtConcurrent>

#include "models/campaign/campaignstore.h"
#include "models/campaign/eximenforcementplan.h"
#include "models/campaign/revertjob.h"
#include "models/campaign/sendmailenforcementplan.h"
#include "models/mta/backupstore.h"
#include "models/mta/eximinspection.h"
#include "models/mta/fileaccess.h"
#include "models/mta/sendmailinspection.h"
#include "models/mta/postfixmaincf.h"
#include "models/sources/localcommandhost.h"
#include "models/store/reportfilter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

constexpr qint64 affectedDays = 30;
constexpr qint64 longestWindow = 30 * 86400;

QString directionsText(const Campaign &campaign)
{
    if (campaign.inbound && campaign.outbound)
        return CampaignWindow::tr("inbound and outbound");
    return campaign.inbound ? CampaignWindow::tr("inbound") : CampaignWindow::tr("outbound");
}

QList<RevertScript::Parameter> windowParameters(const QByteArray &preWindow, bool inbound, bool outbound)
{
    PostfixMainCf before;
    before.setText(preWindow);
    QList<RevertScript::Parameter> parameters;
    for (const auto &[wanted, name] : {std::pair{inbound, EnforcementPlan::InboundParameter},
                                       std::pair{outbound, EnforcementPlan::OutboundParameter}}) {
        if (!wanted)
            continue;
        RevertScript::Parameter parameter;
        parameter.name = QByteArray(name);
        parameter.before = before.value(parameter.name);
        parameter.window = QByteArray(EnforcementPlan::WindowValue);
        parameters.append(parameter);
    }
    return parameters;
}

} // namespace


bool CampaignWindow::Preparation::inspected() const
{
    if (mta == QLatin1String("exim"))
        return exim.ok;
    return mta == QLatin1String("sendmail") ? sendmail.ok : inspection.ok;
}

QString CampaignWindow::Preparation::configDirectory() const
{
    if (mta == QLatin1String("exim"))
        return exim.configDirectory;
    return mta == QLatin1String("sendmail") ? sendmail.configDirectory : inspection.configDirectory;
}

QString CampaignWindow::Preparation::versionText() const
{
    if (mta == QLatin1String("exim"))
        return exim.versionText();
    return mta == QLatin1String("sendmail") ? sendmail.versionText() : inspection.versionText();
}

CampaignWindow::CampaignWindow(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_host(std::make_shared<LocalCommandHost>())
    , m_applier(new PlanApplier(this))
    , m_endTimer(new QTimer(this))
{
    m_endTimer->setSingleShot(true);
}

CampaignWindow::~CampaignWindow() = default;

void CampaignWindow::setHost(std::shared_ptr<const CommandHost> host, const QString &location)
{
    m_host = std::move(host);
    m_location = location;
}

void CampaignWindow::setBackupRoot(const QString &root)
{
    m_applier->setBackupRoot(root);
}

QString CampaignWindow::mtaName(const QString &mta)
{
    if (mta == QLatin1String("exim"))
        return QStringLiteral("Exim");
    return mta == QLatin1String("sendmail") ? QStringLiteral("Sendmail") : QStringLiteral("Postfix");
}

MailService::Kind CampaignWindow::serviceKind(const QString &mta)
{
    if (mta == QLatin1String("exim"))
        return MailService::Kind::Exim;
    return mta == QLatin1String("sendmail") ? MailService::Kind::Sendmail : MailService::Kind::Postfix;
}

QString CampaignWindow::defaultConfigDir(const QString &mta)
{
    if (mta == QLatin1String("exim"))
        return EximInspection::defaultConfigDirectory();
    return mta == QLatin1String("sendmail") ? SendmailInspection::defaultConfigDirectory()
                                            : QStringLiteral("/etc/postfix");
}

QString CampaignWindow::warning(bool inbound, bool outbound, const QString &mta)
{
    const bool exim = mta == QLatin1String("exim");
    QString text = tr("A window of mandatory STARTTLS breaks a rule on purpose, for a short while: RFC 3207 says "
                      "that a publicly referenced SMTP server must not require STARTTLS. While the window runs:");
    const bool sendmail = mta == QLatin1String("sendmail");
    if (inbound && sendmail)
        text += QLatin1Char('\n')
            + tr("- inbound: servers that do not use STARTTLS are asked to try again later (Sendmail answers 454 "
                 "4.7.0 STARTTLS required for now); they keep the mail and try again, usually for some days. Mail "
                 "to postmaster, from this host and from clients that log in is still accepted.");
    else if (inbound && exim)
        text += QLatin1Char('\n')
            + tr("- inbound: servers that do not use STARTTLS are asked to try again later (Exim answers 450 TLS "
                 "required at RCPT); they keep the mail and try again, usually for some days. Mail to postmaster "
                 "and from your own clients is still accepted.");
    else if (inbound)
        text += QLatin1Char('\n')
            + tr("- inbound: mail from servers that do not use STARTTLS is refused (Postfix answers 530 5.7.0 "
                 "Must issue a STARTTLS command first). Most senders keep it and try again later (a 4xx-like "
                 "retry), some return it to their sender at once (5xx): that mail is not delivered to you.");
    if (outbound && sendmail)
        text += QLatin1Char('\n')
            + tr("- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in "
                 "Sendmail's queue and goes out after the window (senders are warned after 4 hours and the mail "
                 "returns after 5 days in Debian's configuration).");
    else if (outbound && exim)
        text += QLatin1Char('\n')
            + tr("- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in Exim's "
                 "queue and goes out when the window has ended (unless its retry rules give up first: 4 days in "
                 "Debian's configuration).");
    else if (outbound)
        text += QLatin1Char('\n')
            + tr("- outbound: mail to servers that do not offer STARTTLS is deferred, not lost: it waits in "
                 "Postfix's queue and goes out when the window has ended (unless it grows older than "
                 "maximal_queue_lifetime, 5 days by default).");
    text += QLatin1Char('\n')
        + tr("The window always ends: a job on the mail host puts the previous settings back at its end even "
             "when MailTLS is not running.");
    return text;
}

QList<AffectedPeer> CampaignWindow::affectedPeers(const QString &storePath, bool inbound, bool outbound, qint64 now,
                                                  QString *error)
{
    QList<AffectedPeer> peers;
    TrafficStore store(storePath);
    if (!store.open(error))
        return peers;
    ReportFilter filter;
    filter.since = now - affectedDays * 86400;
    filter.until = now + 1;
    if (inbound)
        filter.directions.append(Direction::Inbound);
    if (outbound)
        filter.directions.append(Direction::Outbound);
    if (filter.directions.isEmpty())
        return peers;
    error->clear();
    const QList<PeerFigures> figures = store.peerFigures(filter, error);
    for (const PeerFigures &f : figures) {
        if (f.plaintextMessages <= 0)
            continue;
        peers.append(AffectedPeer{f.direction, f.peer, f.messages, f.plaintextMessages});
    }
    std::stable_sort(peers.begin(), peers.end(), [](const AffectedPeer &a, const AffectedPeer &b) {
        if (a.direction != b.direction)
            return a.direction < b.direction;
        if (a.plaintextMessages != b.plaintextMessages)
            return a.plaintextMessages > b.plaintextMessages;
        return a.peer < b.peer;
    });
    return peers;
}

std::optional<qint64> CampaignWindow::parseDuration(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^(?:\\d+[smhd])+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhd])"));
    const QString t = text.trimmed().toLower();
    if (!whole.match(t).hasMatch())
        return std::nullopt;
    qint64 seconds = 0;
    QRegularExpressionMatchIterator it = part.globalMatch(t);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        bool ok = false;
        const qint64 n = m.captured(1).toLongLong(&ok);
        if (!ok || n > longestWindow)
            return std::nullopt;
        const QChar unit = m.captured(2).at(0);
        seconds += n * (unit == QLatin1Char('d') ? 86400 : unit == QLatin1Char('h') ? 3600 : unit == QLatin1Char('m') ? 60 : 1);
    }
    if (seconds <= 0)
        return std::nullopt;
    return seconds;
}

QString CampaignWindow::utcText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString CampaignWindow::storeError(const QString &error) const
{
    return tr("the campaign store %1: %2").arg(QDir::toNativeSeparators(m_storePath), error);
}

std::shared_ptr<const CommandHost> CampaignWindow::hostFor(const Campaign &campaign, QString *error) const
{
    if (campaign.host == m_location)
        return m_host;
    if (m_hostFactory)
        return m_hostFactory(campaign.host, campaign.mta, error);
    *error = campaign.host.isEmpty()
        ? tr("campaign %1's window is on this computer").arg(campaign.id)
        : tr("campaign %1's window is on %2: give --host %2").arg(campaign.id).arg(campaign.host);
    return nullptr;
}

RevertJob *CampaignWindow::jobFor(std::shared_ptr<const CommandHost> host)
{
    auto *job = new RevertJob(std::move(host), this);
    if (!m_systemdMarker.isEmpty())
        job->setSystemdMarker(m_systemdMarker);
    return job;
}

void CampaignWindow::inspect(std::shared_ptr<const CommandHost> host, const QString &configDir,
                             std::function<void(const PostfixInspectionResult &)> done)
{
    auto *inspection = new PostfixInspection(std::move(host), configDir, this);
    connect(inspection, &PostfixInspection::finished, this, [inspection, done] {
        const PostfixInspectionResult result = inspection->result();
        inspection->deleteLater();
        done(result);
    });
    inspection->start();
}

void CampaignWindow::applyPlan(const ChangePlan &plan, std::function<void(const PlanApplier::Result &)> done)
{
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_applier, &PlanApplier::finished, this,
                          [connection, done](const PlanApplier::Result &result) {
                              disconnect(*connection);
                              done(result);
                          });
    if (!m_applier->apply(plan)) {
        disconnect(*connection);
        PlanApplier::Result result;
        result.changedNothing = true;
        result.message = tr("the plan could not be started (another change is being applied)");
        QTimer::singleShot(0, this, [done, result] { done(result); });
    }
}

void CampaignWindow::inspectExim(std::shared_ptr<const CommandHost> host, const QString &configDir,
                                 std::function<void(const EximInspectionResult &, const std::optional<QByteArray> &,
                                                    const QString &)> done)
{
    auto *inspection = new EximInspection(host, configDir, this);
    connect(inspection, &EximInspection::finished, this, [this, host, inspection, done] {
        const EximInspectionResult r = inspection->result();
        inspection->deleteLater();
        if (!r.ok) {
            done(r, std::nullopt, QString());
            return;
        }
        // The window's ACL file: the inspection does not read it.
        const QString path = EximEnforcementPlan::aclPath(r);
        FileAccess *files = FileAccess::create(host).release();
        files->setParent(this);
        files->read(path, [files, r, path, done](const HostFile &file) {
            files->deleteLater();
            if (!file.error.isEmpty()) {
                done(r, std::nullopt, tr("cannot read %1: %2").arg(path, file.error));
                return;
            }
            done(r, file.exists ? std::optional<QByteArray>(file.bytes) : std::nullopt, QString());
        });
    });
    inspection->start();
}

void CampaignWindow::prepareExim(std::shared_ptr<const CommandHost> host, const QString &configDir, bool inbound,
                                 bool outbound, Prepared done)
{
    inspectExim(host, configDir, [inbound, outbound, done](const EximInspectionResult &r,
                                                          const std::optional<QByteArray> &acl, const QString &why) {
        Preparation p;
        p.mta = QStringLiteral("exim");
        p.inbound = inbound;
        p.outbound = outbound;
        p.exim = r;
        if (!r.ok)
            p.error = r.error;
        else if (!why.isEmpty())
            p.error = why;
        else
            p.plan = EximEnforcementPlan::make(r, acl, inbound, outbound, &p.error);
        done(p);
    });
}

void CampaignWindow::inspectSendmail(std::shared_ptr<const CommandHost> host, const QString &configDir,
                                     std::function<void(const SendmailInspectionResult &)> done)
{
    auto *inspection = new SendmailInspection(std::move(host), configDir, this);
    connect(inspection, &SendmailInspection::finished, this, [inspection, done] {
        const SendmailInspectionResult result = inspection->result();
        inspection->deleteLater();
        done(result);
    });
    inspection->start();
}

void CampaignWindow::prepareSendmail(std::shared_ptr<const CommandHost> host, const QString &configDir,
                                     bool inbound, bool outbound, Prepared done)
{
    inspectSendmail(host, configDir, [this, inbound, outbound, done](const SendmailInspectionResult &r) {
        Preparation p;
        p.mta = QStringLiteral("sendmail");
        p.inbound = inbound;
        p.outbound = outbound;
        p.sendmail = r;
        if (!r.ok) {
            p.error = r.error;
            done(p);
            return;
        }
        // The plan runs m4 (through the host): off the GUI thread.
        auto *watcher = new QFutureWatcher<Preparation>(this);
        connect(watcher, &QFutureWatcher<Preparation>::finished, this, [watcher, done] {
            const Preparation made = watcher->result();
            watcher->deleteLater();
            done(made);
        });
        watcher->setFuture(QtConcurrent::run([p]() mutable {
            p.plan = SendmailEnforcementPlan::make(p.sendmail, p.inbound, p.outbound, &p.error);
            return p;
        }));
    });
}

void CampaignWindow::prepare(const QString &mta, const QString &configDir, bool inbound, bool outbound, Prepared done)
{
    std::shared_ptr<const CommandHost> host = m_host;
    if (mta == QLatin1String("exim")) {
        prepareExim(host, configDir, inbound, outbound, std::move(done));
        return;
    }
    if (mta == QLatin1String("sendmail")) {
        prepareSendmail(host, configDir, inbound, outbound, std::move(done));
        return;
    }
    inspect(host, configDir, [this, host, inbound, outbound, done](const PostfixInspectionResult &r) {
        Preparation p;
        p.inbound = inbound;
        p.outbound = outbound;
        p.inspection = r;
        if (!r.ok) {
            p.error = r.error;
            done(p);
            return;
        }
        p.masterCfPath = QDir(r.configDirectory).filePath(QStringLiteral("master.cf"));
        FileAccess *files = FileAccess::create(host).release();
        files->setParent(this);
        files->read(p.masterCfPath, [files, p, done](const HostFile &file) mutable {
            files->deleteLater();
            if (!file.error.isEmpty() || !file.exists) {
                p.error = file.exists ? tr("cannot read %1: %2").arg(p.masterCfPath, file.error)
                                      : tr("there is no %1").arg(p.masterCfPath);
                done(p);
                return;
            }
            p.overrides = EnforcementPlan::masterCfOverrides(file.bytes, p.inbound, p.outbound);
            p.plan = EnforcementPlan::make(p.inspection, file.bytes, p.masterCfPath, p.inbound, p.outbound, &p.error);
            done(p);
        });
    });
}

void CampaignWindow::start(const Preparation &preparation, qint64 duration, const QString &name, Done done)
{
    Outcome outcome;
    auto fail = [this, &outcome, done](const QString &error) {
        outcome.error = error;
        QTimer::singleShot(0, this, [done, outcome] { done(outcome); });
    };
    if (!preparation.plan || preparation.plan->isEmpty() || preparation.plan->edits.isEmpty()) {
        fail(preparation.error.isEmpty() ? tr("there is no plan to start a window with") : preparation.error);
        return;
    }
    if (duration < 60 || duration > longestWindow) {
        fail(tr("a window lasts from one minute to 30 days"));
        return;
    }
    CampaignStore store(m_storePath);
    QString error;
    if (!store.open(&error)) {
        fail(storeError(error));
        return;
    }
    if (const std::optional<Campaign> running = store.enforcing(&error)) {
        fail(tr("campaign %1's window runs until %2: end it first (mailtls campaign end)")
                 .arg(running->id)
                 .arg(utcText(running->windowEnd)));
        return;
    }
    const ChangePlan plan = *preparation.plan;
    const bool exim = preparation.mta == QLatin1String("exim");
    const bool sendmail = preparation.mta == QLatin1String("sendmail");
    const QString configDir = preparation.configDirectory();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    Campaign campaign;
    campaign.name = name.isEmpty()
        ? tr("Campaign %1").arg(QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")))
        : name;
    campaign.created = now;
    campaign.mta = preparation.mta;
    campaign.host = m_location;
    campaign.configDir = configDir;
    campaign.inbound = preparation.inbound;
    campaign.outbound = preparation.outbound;
    campaign.windowStart = now;
    campaign.windowEnd = now + duration;
    if (!store.create(&campaign, &error)) {
        fail(storeError(error));
        return;
    }

    RevertScript::Input input;
    input.campaignId = campaign.id;
    input.windowEnd = campaign.windowEnd;
    input.mta = mtaName(campaign.mta);
    input.configDir = configDir;
    input.statusPath = RevertScript::statusPath(configDir, campaign.id);
    input.validateCommands = plan.validateCommands;
    input.statusCommand = plan.statusCommand;
    input.reloadCommand = plan.reloadCommand;
    for (const FileEdit &edit : plan.edits) {
        RevertScript::File file{edit.path, edit.before.value_or(QByteArray()), edit.after.value_or(QByteArray())};
        file.existed = edit.before.has_value();
        input.files.append(file);
    }
    if (exim) {
        input.blocks.append(EximEnforcementPlan::localBlock(preparation.exim));
    } else if (sendmail) {
        input.blocks = SendmailEnforcementPlan::blocks(preparation.sendmail);
    } else {
        input.postconfProgram = preparation.inspection.postconfProgram;
        input.parameters = windowParameters(preparation.inspection.mainCf, campaign.inbound, campaign.outbound);
    }
    const QString scriptPath = RevertScript::scriptPath(configDir, campaign.id);
    const QStringList jobFiles{scriptPath, input.statusPath};

    m_applier->setCommandHost(m_host, m_location);
    RevertJob *job = jobFor(m_host);
    job->schedule(campaign.id, scriptPath, RevertScript::script(input), duration,
                  [this, job, campaign, plan, jobFiles, done](const QString &jobName, const QString &why) mutable {
        Outcome outcome;
        CampaignStore store(m_storePath);
        QString error;
        const bool opened = store.open(&error);
        if (jobName.isEmpty()) {
            if (opened)
                store.remove(campaign.id, &error);
            job->deleteLater();
            outcome.error = tr("%1. The window was not started: nothing was changed.").arg(why);
            done(outcome);
            return;
        }
        campaign.revertJob = jobName;
        if (!opened || !store.update(campaign, &error)) {
            job->remove(jobName, jobFiles, [this, job, done, error](const QString &) {
                job->deleteLater();
                Outcome failed;
                failed.error = tr("%1. The window was not started: nothing was changed.").arg(storeError(error));
                done(failed);
            });
            return;
        }
        applyPlan(plan, [this, job, campaign, jobFiles, done](const PlanApplier::Result &result) mutable {
            Outcome outcome;
            outcome.apply = result;
            outcome.applied = true;
            CampaignStore store(m_storePath);
            QString error;
            store.open(&error);
            if (result.succeeded) {
                campaign.backupId = result.backupId;
                campaign.windowStart = QDateTime::currentSecsSinceEpoch();
                if (!store.update(campaign, &error))
                    outcome.warnings.append(storeError(error));
                job->deleteLater();
                outcome.ok = true;
                outcome.campaign = campaign;
                done(outcome);
                return;
            }
            const QString step = result.failedStep ? PlanApplier::stepName(*result.failedStep) : QString();
            if (result.rollbackFailed) {
                // The files may hold the window's bytes: the job stays to put them back.
                campaign.backupId = result.backupId;
                store.update(campaign, &error);
                job->deleteLater();
                outcome.campaign = campaign;
                outcome.error = tr("the %1 step failed and not everything could be put back (backup %2): %3. The "
                                   "revert job %4 stays scheduled and puts the previous configuration back at %5.")
                                    .arg(step, result.backupId, result.message, campaign.revertJob,
                                         utcText(campaign.windowEnd));
                done(outcome);
                return;
            }
            job->remove(campaign.revertJob, jobFiles, [this, job, campaign, result, step, done](const QString &why) {
                job->deleteLater();
                CampaignStore store(m_storePath);
                QString error;
                if (store.open(&error))
                    store.remove(campaign.id, &error);
                Outcome outcome;
                outcome.apply = result;
                outcome.applied = true;
                outcome.error = tr("the %1 step failed: %2. The window was not started; the previous configuration "
                                   "is in place.")
                                    .arg(step, result.message);
                if (!why.isEmpty())
                    outcome.warnings.append(tr("the revert job %1 could not be removed: %2. When it runs it finds "
                                               "the configuration as it was and leaves it alone.")
                                                .arg(campaign.revertJob, why));
                done(outcome);
            });
        });
    });
}

void CampaignWindow::checkOnStart(Checked done)
{
    auto finish = [this, done](const QList<WindowReport> &reports) {
        QTimer::singleShot(0, this, [done, reports] { done(reports); });
    };
    CampaignStore store(m_storePath);
    QString error;
    if (!store.open(&error)) {
        finish({});
        return;
    }
    const std::optional<Campaign> running = store.enforcing(&error);
    if (!running) {
        finish({});
        return;
    }
    const Campaign campaign = *running;
    WindowReport report;
    report.campaign = campaign;
    const std::shared_ptr<const CommandHost> host = hostFor(campaign, &error);
    if (!host) {
        report.state = WindowReport::State::Problem;
        report.message = tr("Campaign %1's window (%2) cannot be checked: %3").arg(campaign.id).arg(
            directionsText(campaign), error);
        finish({report});
        return;
    }
    RevertJob *job = jobFor(host);
    job->readStatus(
        RevertScript::statusPath(campaign.configDir, campaign.id),
        [this, job, host, campaign, report, done](const std::optional<RevertStatus> &status,
                                                 const QString &readError) mutable {
            if (status && status->windowEnded()) {
                job->deleteLater();
                finishByJob(campaign, *status, host, [report, status, done](const Outcome &outcome) mutable {
                    report.campaign = outcome.campaign;
                    report.state = WindowReport::State::EndedByJob;
                    report.message = tr("Campaign %1's window was ended by the host's job at %2.")
                                         .arg(outcome.campaign.id)
                                         .arg(utcText(status->ended));
                    for (const QString &w : outcome.warnings)
                        report.message += QLatin1Char(' ') + w;
                    done({report});
                });
                return;
            }
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            if (campaign.outlived(now)) {
                job->deleteLater();
                end(campaign.id, QStringLiteral("app"), [report, campaign, done](const Outcome &outcome) mutable {
                    report.campaign = outcome.ok ? outcome.campaign : campaign;
                    const QString head = tr("Campaign %1's window outlived its end at %2: the host's job has not "
                                            "ended it.")
                                             .arg(campaign.id)
                                             .arg(utcText(campaign.windowEnd));
                    if (outcome.ok) {
                        report.state = WindowReport::State::EndedNow;
                        report.message = head + QLatin1Char(' ') + tr("MailTLS ended it now.");
                    } else {
                        report.state = WindowReport::State::Problem;
                        report.message = head + QLatin1Char(' ')
                            + tr("MailTLS could not end it: %1. %2 may still require TLS.")
                                  .arg(outcome.error, mtaName(campaign.mta));
                    }
                    for (const QString &w : outcome.warnings)
                        report.message += QLatin1Char(' ') + w;
                    done({report});
                });
                return;
            }
            report.state = WindowReport::State::Enforcing;
            report.message = tr("Campaign %1 requires TLS (%2) until %3.")
                                 .arg(campaign.id)
                                 .arg(directionsText(campaign), utcText(campaign.windowEnd));
            if (!readError.isEmpty())
                report.message += QLatin1Char(' ') + readError;
            job->isScheduled(campaign.revertJob, [job, campaign, report, done](std::optional<bool> present,
                                                                               const QString &why) mutable {
                job->deleteLater();
                if (present == true) {
                    report.message += QLatin1Char(' ')
                        + tr("The host's job %1 ends it then if MailTLS does not.").arg(campaign.revertJob);
                } else if (present == false) {
                    report.state = WindowReport::State::Problem;
                    report.message += QLatin1Char(' ')
                        + tr("Its revert job %1 is no longer scheduled on the host: end the window yourself "
                             "(mailtls campaign end) or keep MailTLS running until then.")
                              .arg(campaign.revertJob.isEmpty() ? tr("(none)") : campaign.revertJob);
                } else {
                    report.message += QLatin1Char(' ')
                        + tr("Whether its revert job %1 is still scheduled cannot be told: %2")
                              .arg(campaign.revertJob, why);
                }
                done({report});
            });
        });
}

void CampaignWindow::endAtItsTime(const Campaign &campaign, Done done)
{
    m_endTimer->disconnect();
    const qint64 wait = qMax<qint64>(campaign.windowEnd - QDateTime::currentSecsSinceEpoch(), 0);
    const qint64 id = campaign.id;
    connect(m_endTimer, &QTimer::timeout, this, [this, id, done] { end(id, QStringLiteral("app"), done); });
    // QTimer takes an int of milliseconds: a window of up to 30 days fits.
    m_endTimer->start(int(qMin<qint64>(wait * 1000, std::numeric_limits<int>::max())));
}

} // namespace mailtls
