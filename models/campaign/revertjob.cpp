#include "models/campaign/revertjob.h"

#include <QDateTime>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

#include "models/mta/fileaccess.h"
#include "models/mta/planapplier.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

const QString atProgram = QStringLiteral("/usr/bin/at");
const QString atqProgram = QStringLiteral("/usr/bin/atq");
const QString atrmProgram = QStringLiteral("/usr/bin/atrm");
const QString systemdRunProgram = QStringLiteral("/usr/bin/systemd-run");
const QString systemctlProgram = QStringLiteral("/usr/bin/systemctl");

constexpr qsizetype maxOutput = 64 * 1024;

QString unitName(qint64 campaignId)
{
    return QStringLiteral("mailtls-campaign-%1").arg(campaignId);
}

} // namespace

RevertJob::RevertJob(std::shared_ptr<const CommandHost> host, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_files(FileAccess::create(m_host))
{
}

RevertJob::~RevertJob() = default;

QStringList RevertJob::programs()
{
    return {atProgram, atqProgram, atrmProgram, systemdRunProgram, systemctlProgram};
}

int RevertJob::atMinutes(qint64 now, qint64 seconds)
{
    const qint64 into = ((now % 60) + 60) % 60;
    const qint64 minutes = (into + qMax<qint64>(seconds, 1) + 59) / 60;
    return int(qMax<qint64>(minutes, 1));
}

std::optional<int> RevertJob::atJobNumber(const QByteArray &output)
{
    static const QRegularExpression job(QStringLiteral("(?:^|\\n)job (\\d+) at "));
    const QRegularExpressionMatch match = job.match(QString::fromLocal8Bit(output));
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

bool RevertJob::atqLists(const QByteArray &output, int number)
{
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray first = line.trimmed().split('\t').value(0).split(' ').value(0);
        if (first == QByteArray::number(number))
            return true;
    }
    return false;
}

void RevertJob::run(const QStringList &argv, CommandDone done)
{
    auto *process = new QProcess(this);
    m_host->prepare(*process, argv);
    process->setProcessChannelMode(QProcess::MergedChannels);
    auto output = std::make_shared<QByteArray>();
    auto ended = std::make_shared<bool>(false);
    auto finish = [process, output, ended, done](int exitCode, bool ran) {
        if (*ended)
            return;
        *ended = true;
        *output += process->readAll().left(qMax<qsizetype>(maxOutput - output->size(), 0));
        if (!ran)
            *output += process->errorString().toLocal8Bit() + '\n';
        process->deleteLater();
        done(exitCode, ran, *output);
    };
    connect(process, &QProcess::readyRead, this, [process, output] {
        *output += process->readAll().left(qMax<qsizetype>(maxOutput - output->size(), 0));
    });
    connect(process, &QProcess::finished, this, [finish](int exitCode, QProcess::ExitStatus status) {
        finish(status == QProcess::NormalExit ? exitCode : -1, true);
    });
    connect(process, &QProcess::errorOccurred, this, [finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(-1, false);
    });
    QTimer::singleShot(m_timeoutMs, process, [process] { process->kill(); });
    process->start();
    process->closeWriteChannel();
}

QString RevertJob::failure(const QStringList &argv, int exitCode, bool ran, const QByteArray &output) const
{
    const QString host = m_host->diagnose(ran ? exitCode : -1, output);
    if (!host.isEmpty())
        return host;
    const QString said = QString::fromLocal8Bit(output).trimmed();
    if (!ran)
        return tr("%1 could not be started on %2: %3").arg(argv.value(0), m_host->displayName(), said);
    return said.isEmpty() ? tr("%1 failed (exit status %2)").arg(PlanApplier::commandText(argv)).arg(exitCode)
                          : tr("%1 failed (exit status %2): %3")
                                .arg(PlanApplier::commandText(argv))
                                .arg(exitCode)
                                .arg(said);
}

void RevertJob::schedule(qint64 campaignId, const QString &scriptPath, const QByteArray &script, qint64 seconds,
                         Scheduled done)
{
    QPointer<RevertJob> self(this);
    m_files->write(scriptPath, script, 0700, std::nullopt, std::nullopt, Precondition::any(),
                   [self, campaignId, scriptPath, seconds, done](const FileChange &change) {
                       if (!self)
                           return;
                       if (!change.ok) {
                           done(QString(), tr("cannot write the revert job's script %1: %2")
                                               .arg(scriptPath, change.error));
                           return;
                       }
                       self->m_files->existing(
                           {self->m_systemdMarker},
                           [self, campaignId, scriptPath, seconds, done](const QStringList &found, const QString &) {
                               if (self)
                                   self->scheduleWith(!found.isEmpty(), campaignId, scriptPath, seconds, done);
                           });
                   });
}

void RevertJob::scheduleWith(bool systemd, qint64 campaignId, const QString &scriptPath, qint64 seconds,
                             Scheduled done)
{
    QStringList argv;
    if (systemd) {
        argv = {systemdRunProgram,
                QStringLiteral("--on-active=%1s").arg(qMax<qint64>(seconds, 1)),
                QStringLiteral("--unit=%1").arg(unitName(campaignId)),
                QStringLiteral("--description=MailTLS campaign %1: end the window of mandatory STARTTLS").arg(campaignId),
                QStringLiteral("/bin/sh"),
                scriptPath};
    } else {
        const int minutes = atMinutes(QDateTime::currentSecsSinceEpoch(), seconds);
        argv = {atProgram, QStringLiteral("-M"), QStringLiteral("-f"), scriptPath, QStringLiteral("now"),
                QStringLiteral("+"), QString::number(minutes), QStringLiteral("minutes")};
    }
    QPointer<RevertJob> self(this);
    run(argv, [self, systemd, campaignId, scriptPath, argv, done](int exitCode, bool ran, const QByteArray &output) {
        if (!self)
            return;
        QString job;
        std::optional<int> number;
        if (ran && exitCode == 0) {
            if (systemd) {
                job = QStringLiteral("systemd:%1").arg(unitName(campaignId));
            } else if ((number = atJobNumber(output))) {
                job = QStringLiteral("at:%1").arg(*number);
            }
        }
        // `at` queues a job even when atd does not run, and nothing would
        // ever run it: that is no revert job.
        const bool noDaemon = !systemd && output.contains("No atd running");
        if (!job.isEmpty() && !noDaemon) {
            done(job, QString());
            return;
        }
        QString why = self->failure(argv, exitCode, ran, output);
        if (noDaemon)
            why = tr("atd, which runs at's jobs, is not running on %1 (at: %2)")
                      .arg(self->m_host->displayName(),
                           QString::fromLocal8Bit(output.trimmed().split('\n').constLast()).trimmed());
        else if (ran && exitCode == 0)
            why = tr("%1 printed no job number: %2").arg(argv.constFirst(), QString::fromLocal8Bit(output).trimmed());
        auto removeScript = [self, scriptPath, done, why] {
            if (!self)
                return;
            self->m_files->remove(scriptPath, Precondition::any(), [done, why](const FileChange &) {
                done(QString(), tr("the revert job could not be scheduled: %1").arg(why));
            });
        };
        if (number) {
            self->run({atrmProgram, QString::number(*number)},
                      [removeScript](int, bool, const QByteArray &) { removeScript(); });
            return;
        }
        removeScript();
    });
}

void RevertJob::remove(const QString &job, const QStringList &paths, Done done)
{
    QPointer<RevertJob> self(this);
    auto thenFiles = [self, paths, done](const QString &problem) {
        if (!self)
            return;
        self->removeFiles(paths, problem.isEmpty() ? QStringList() : QStringList{problem}, done);
    };
    if (job.startsWith(QLatin1String("systemd:"))) {
        const QString unit = job.mid(8) + QStringLiteral(".timer");
        const QStringList argv{systemctlProgram, QStringLiteral("stop"), unit};
        run(argv, [self, unit, argv, thenFiles](int exitCode, bool ran, const QByteArray &output) {
            if (!self)
                return;
            // A timer that fired and ended is gone already: stop says it is not loaded.
            const bool gone = ran && output.contains("not loaded");
            thenFiles(ran && (exitCode == 0 || gone) ? QString() : self->failure(argv, exitCode, ran, output));
        });
        return;
    }
    if (job.startsWith(QLatin1String("at:"))) {
        bool ok = false;
        const int number = job.mid(3).toInt(&ok);
        if (!ok) {
            QTimer::singleShot(0, this, [thenFiles, job] { thenFiles(tr("\"%1\" is not an at job").arg(job)); });
            return;
        }
        const QStringList argv{atrmProgram, QString::number(number)};
        run(argv, [self, number, argv, thenFiles](int exitCode, bool ran, const QByteArray &output) {
            if (!self)
                return;
            if (ran && exitCode == 0) {
                thenFiles(QString());
                return;
            }
            // atrm refuses a job that ran already: gone is what was wanted.
            const QString refused = self->failure(argv, exitCode, ran, output);
            self->isScheduled(QStringLiteral("at:%1").arg(number),
                              [thenFiles, refused](std::optional<bool> present, const QString &) {
                                  thenFiles(present == false ? QString() : refused);
                              });
        });
        return;
    }
    QTimer::singleShot(0, this, [thenFiles, job] {
        thenFiles(job.isEmpty() ? QString() : tr("\"%1\" is not a revert job MailTLS knows").arg(job));
    });
}

void RevertJob::removeFiles(QStringList paths, QStringList problems, Done done)
{
    if (paths.isEmpty()) {
        done(problems.join(QLatin1Char('\n')));
        return;
    }
    const QString path = paths.takeFirst();
    QPointer<RevertJob> self(this);
    m_files->remove(path, Precondition::any(), [self, path, paths, problems, done](const FileChange &change) mutable {
        if (!self)
            return;
        if (!change.ok)
            problems.append(tr("cannot remove %1: %2").arg(path, change.error));
        self->removeFiles(paths, problems, done);
    });
}

void RevertJob::isScheduled(const QString &job, Presence done)
{
    QPointer<RevertJob> self(this);
    if (job.startsWith(QLatin1String("systemd:"))) {
        const QStringList argv{systemctlProgram, QStringLiteral("is-active"), job.mid(8) + QStringLiteral(".timer")};
        run(argv, [self, argv, done](int exitCode, bool ran, const QByteArray &output) {
            if (!self)
                return;
            if (!ran || !self->m_host->diagnose(exitCode, output).isEmpty()) {
                done(std::nullopt, self->failure(argv, exitCode, ran, output));
                return;
            }
            done(exitCode == 0, QString());
        });
        return;
    }
    bool ok = false;
    const int number = job.startsWith(QLatin1String("at:")) ? job.mid(3).toInt(&ok) : 0;
    if (!ok) {
        QTimer::singleShot(0, this, [done, job] { done(std::nullopt, tr("\"%1\" is not a revert job MailTLS knows").arg(job)); });
        return;
    }
    const QStringList argv{atqProgram};
    run(argv, [self, argv, number, done](int exitCode, bool ran, const QByteArray &output) {
        if (!self)
            return;
        if (!ran || exitCode != 0) {
            done(std::nullopt, self->failure(argv, exitCode, ran, output));
            return;
        }
        done(atqLists(output, number), QString());
    });
}

void RevertJob::readStatus(const QString &statusPath, StatusRead done)
{
    m_files->read(statusPath, [statusPath, done](const HostFile &file) {
        if (!file.error.isEmpty()) {
            done(std::nullopt, tr("cannot read %1: %2").arg(statusPath, file.error));
            return;
        }
        done(file.exists ? RevertScript::parseStatus(file.bytes) : std::nullopt, QString());
    });
}

} // namespace mailtls
