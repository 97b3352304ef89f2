#include "models/mta/commandfileaccess.h"

#include <utility>

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include "models/mta/configfile.h"
#include "models/mta/hostanswers.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qint64 maxErrorOutput = 64 * 1024;
constexpr qint64 maxStatOutput = 64 * 1024;
constexpr uint typeMask = 0170000;
constexpr uint regularType = 0100000;
constexpr uint linkType = 0120000;

struct Stat
{
    bool ok = false;
    uint rawMode = 0;
    uint owner = 0;
    uint group = 0;
    qint64 size = 0;
};

// "81a4 0 0 1234": stat's %f (the raw mode in hex), %u, %g, %s.
Stat parseStat(const QByteArray &output)
{
    Stat stat;
    const QList<QByteArray> words = output.trimmed().split(' ');
    if (words.size() != 4)
        return stat;
    bool ok[4] = {};
    stat.rawMode = words.at(0).toUInt(&ok[0], 16);
    stat.owner = words.at(1).toUInt(&ok[1]);
    stat.group = words.at(2).toUInt(&ok[2]);
    stat.size = words.at(3).toLongLong(&ok[3]);
    stat.ok = ok[0] && ok[1] && ok[2] && ok[3];
    return stat;
}

QString lastLine(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return QString::fromLocal8Bit(lines.constLast().trimmed());
}

} // namespace

CommandFileAccess::CommandFileAccess(std::shared_ptr<const CommandHost> host, QObject *parent)
    : FileAccess(parent)
    , m_host(std::move(host))
{ }

CommandFileAccess::~CommandFileAccess()
{
    cancel();
}

QStringList CommandFileAccess::programs()
{
    return {QStringLiteral("/usr/bin/stat"),    QStringLiteral("/usr/bin/test"), QStringLiteral("/usr/bin/cat"),
            QStringLiteral("/usr/bin/install"), QStringLiteral("/usr/bin/mv"),   QStringLiteral("/usr/bin/rm")};
}

QStringList CommandFileAccess::statCommand(const QString &path, bool followLink)
{
    QStringList argv {QStringLiteral("stat")};
    if (followLink)
        argv << QStringLiteral("-L");
    return argv << QStringLiteral("-c") << QStringLiteral("%f %u %g %s") << QStringLiteral("--") << path;
}

QStringList CommandFileAccess::existsCommand(const QString &path)
{
    // test takes no "--"; an absolute path cannot be taken for an operator.
    return {QStringLiteral("test"), QStringLiteral("-e"), path};
}

QStringList CommandFileAccess::catCommand(const QString &path)
{
    return {QStringLiteral("cat"), QStringLiteral("--"), path};
}

QStringList CommandFileAccess::installCommand(const QString &temporary, int mode, std::optional<uint> owner,
                                              std::optional<uint> group)
{
    QStringList argv {QStringLiteral("install"), QStringLiteral("-m"),
                      QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'))};
    if (owner)
        argv << QStringLiteral("-o") << QString::number(*owner);
    if (group)
        argv << QStringLiteral("-g") << QString::number(*group);
    // -T: the temporary name is the file to create, never a folder to copy into.
    return argv << QStringLiteral("-T") << QStringLiteral("--") << QStringLiteral("/dev/stdin") << temporary;
}

QStringList CommandFileAccess::moveCommand(const QString &temporary, const QString &path)
{
    return {QStringLiteral("mv"), QStringLiteral("-f"), QStringLiteral("-T"), QStringLiteral("--"), temporary, path};
}

QStringList CommandFileAccess::removeCommand(const QString &path)
{
    return {QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("--"), path};
}

QStringList CommandFileAccess::listCommand(const QStringList &paths)
{
    return QStringList {QStringLiteral("stat"), QStringLiteral("-L"), QStringLiteral("-c"), QStringLiteral("%n"),
                        QStringLiteral("--")}
    + paths;
}

QString CommandFileAccess::temporaryPath(const QString &path, const QString &token)
{
    const QFileInfo info(path);
    return info.path() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".mailtls-") + token;
}

QString CommandFileAccess::pathProblem(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')))
        return tr("%1 is not an absolute path").arg(path);
    if (path.contains(QLatin1Char('\n')) || path.contains(QChar(0)))
        return tr("the path %1 has a line break or a NUL in it").arg(path);
    return QString();
}

void CommandFileAccess::later(std::function<void()> answer)
{
    HostAnswers::later(this, &m_generation, std::move(answer));
}

void CommandFileAccess::run(const QStringList &argv, const QByteArray &input, qint64 maxOutput, RunDone done)
{
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    auto result = std::make_shared<Run>();
    result->argv = argv;
    const quint64 generation = m_generation;
    m_host->prepare(*process, argv);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process, result] {
        result->timedOut = true;
        process->kill();
    });
    connect(process, &QProcess::readyReadStandardOutput, this, [process, result, maxOutput] {
        result->output += process->readAllStandardOutput();
        if (result->output.size() > maxOutput) {
            result->overflow = true;
            result->output.truncate(maxOutput);
            process->kill();
        }
    });
    connect(process, &QProcess::readyReadStandardError, this, [process, result] {
        result->errorOutput += process->readAllStandardError();
        if (result->errorOutput.size() > maxErrorOutput)
            result->errorOutput = result->errorOutput.right(maxErrorOutput / 2);
    });
    auto finish = [this, process, timer, result, generation, done, maxOutput](bool ran, int exitCode) {
        timer->stop();
        process->disconnect(this);
        process->deleteLater();
        if (generation != m_generation)
            return;
        if (ran && !result->overflow) {
            result->output += process->readAllStandardOutput();
            if (result->output.size() > maxOutput) {
                result->overflow = true;
                result->output.truncate(maxOutput);
            }
        }
        result->errorOutput += process->readAllStandardError();
        result->ran = ran;
        result->exitCode = exitCode;
        if (!ran)
            result->startError = process->errorString();
        done(*result);
    };
    HostAnswers::onProcessEnd(this, process, finish);
    timer->start(m_timeout);
    process->start();
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
}

bool CommandFileAccess::hostRefused(const Run &run) const
{
    return !m_host->diagnose(run.ran ? run.exitCode : -1, run.errorOutput).isEmpty();
}

QString CommandFileAccess::reason(const Run &run) const
{
    const QString host = m_host->diagnose(run.ran ? run.exitCode : -1, run.errorOutput);
    if (!host.isEmpty())
        return host;
    const QString program = run.argv.value(0);
    if (!run.ran)
        return tr("%1 could not be run on %2: %3").arg(program, m_host->displayName(), run.startError);
    if (run.timedOut)
        return tr("%1 did not finish on %2 within %n second(s)", nullptr, (m_timeout + 999) / 1000)
            .arg(program, m_host->displayName());
    const QString said = lastLine(run.errorOutput);
    if (!said.isEmpty())
        return said;
    return tr("%1 ended with exit status %2 on %3").arg(program).arg(run.exitCode).arg(m_host->displayName());
}

void CommandFileAccess::look(const QString &path, bool withBytes, ReadDone done)
{
    const QString problem = pathProblem(path);
    if (!problem.isEmpty()) {
        HostFile file;
        file.exists = true;
        file.error = ConfigFile::tr("cannot read %1: %2").arg(path, problem);
        later([file, done] { done(file); });
        return;
    }
    auto file = std::make_shared<HostFile>();
    // After stat: the bytes when asked for; a link's target looked at first.
    auto described = std::make_shared<std::function<void(const Stat &)>>();
    *described = [this, path, withBytes, done, file](const Stat &stat) {
        file->exists = true;
        file->regular = (stat.rawMode & typeMask) == regularType;
        file->mode = int(stat.rawMode & 07777);
        file->owner = stat.owner;
        file->group = stat.group;
        if (!withBytes) {
            done(*file);
            return;
        }
        if (!file->regular) {
            file->error = ConfigFile::tr("%1 is not a regular file").arg(path);
            done(*file);
            return;
        }
        if (stat.size > ConfigFile::MaxBytes) {
            file->error = ConfigFile::tr("%1 is larger than %2 bytes").arg(path).arg(ConfigFile::MaxBytes);
            done(*file);
            return;
        }
        run(catCommand(path), QByteArray(), ConfigFile::MaxBytes + 1, [this, path, done, file](const Run &cat) {
            if (!cat.ran || cat.timedOut || cat.exitCode != 0) {
                file->error = ConfigFile::tr("cannot read %1: %2").arg(path, reason(cat));
                file->hostProblem = hostRefused(cat);
            } else if (cat.overflow || cat.output.size() > ConfigFile::MaxBytes) {
                file->error = ConfigFile::tr("%1 is larger than %2 bytes").arg(path).arg(ConfigFile::MaxBytes);
            } else {
                file->bytes = cat.output;
            }
            done(*file);
        });
    };
    // stat failed: missing, or there but out of reach?
    auto failed = [this, path, done, file](const Run &stat) {
        if (!stat.ran || stat.timedOut || hostRefused(stat)) {
            file->exists = true;
            file->error = ConfigFile::tr("cannot read %1: %2").arg(path, reason(stat));
            file->hostProblem = hostRefused(stat);
            done(*file);
            return;
        }
        run(existsCommand(path), QByteArray(), maxStatOutput, [this, path, done, file, stat](const Run &test) {
            if (test.ran && !test.timedOut && test.exitCode == 1) {
                *file = HostFile();
                done(*file);
                return;
            }
            file->exists = true;
            file->error = ConfigFile::tr("cannot read %1: %2").arg(path, reason(test.exitCode == 0 ? stat : test));
            file->hostProblem = hostRefused(test);
            done(*file);
        });
    };
    run(statCommand(path, false), QByteArray(), maxStatOutput, [this, path, described, failed, file](const Run &own) {
        const Stat stat = parseStat(own.output);
        if (!own.ran || own.timedOut || own.exitCode != 0 || !stat.ok) {
            failed(own);
            return;
        }
        if ((stat.rawMode & typeMask) != linkType) {
            (*described)(stat);
            return;
        }
        file->symbolicLink = true;
        run(statCommand(path, true), QByteArray(), maxStatOutput, [described, failed](const Run &target) {
            const Stat followed = parseStat(target.output);
            if (!target.ran || target.timedOut || target.exitCode != 0 || !followed.ok)
                failed(target);
            else
                (*described)(followed);
        });
    });
}

void CommandFileAccess::status(const QString &path, ReadDone done)
{
    look(path, false, std::move(done));
}

void CommandFileAccess::read(const QString &path, ReadDone done)
{
    look(path, true, std::move(done));
}

void CommandFileAccess::write(const QString &path, const QByteArray &bytes, std::optional<int> mode,
                              std::optional<uint> owner, std::optional<uint> group, const Precondition &precondition,
                              ChangeDone done)
{
    const bool compare = precondition.checked && precondition.before.has_value();
    look(path, compare, [=](const HostFile &file) {
        FileChange change;
        if (!file.error.isEmpty()) {
            change.error = file.error;
            done(change);
            return;
        }
        if (precondition.checked
            && (file.exists != precondition.before.has_value()
                || (file.exists && file.bytes != *precondition.before))) {
            change.changed = true;
            change.error = tr("%1 changed after the plan was made").arg(path);
            done(change);
            return;
        }
        if (file.exists && !file.regular) {
            change.error = ConfigFile::tr("%1 is not a regular file").arg(path);
            done(change);
            return;
        }
        if (file.symbolicLink) {
            change.error = tr("%1 is a symbolic link; on %2 MailTLS replaces files only where they are: name the "
                              "file it points to instead")
                               .arg(path, m_host->displayName());
            done(change);
            return;
        }
        const int wantMode = mode.value_or(file.exists ? file.mode : 0644);
        const std::optional<uint> wantOwner = owner ? owner
            : file.exists                           ? std::optional<uint>(file.owner)
                                                    : std::nullopt;
        const std::optional<uint> wantGroup = group ? group
            : file.exists                           ? std::optional<uint>(file.group)
                                                    : std::nullopt;
        const QString token = QString::number(QRandomGenerator::global()->generate64(), 36);
        const QString temporary = temporaryPath(path, token);
        run(installCommand(temporary, wantMode, wantOwner, wantGroup), bytes, maxStatOutput,
            [this, path, temporary, done](const Run &install) {
                if (!install.ran || install.timedOut || install.exitCode != 0) {
                    FileChange failed;
                    failed.error = ConfigFile::tr("cannot write %1: %2").arg(path, reason(install));
                    // install may have left part of the file.
                    run(removeCommand(temporary), QByteArray(), maxStatOutput,
                        [done, failed](const Run &) { done(failed); });
                    return;
                }
                run(moveCommand(temporary, path), QByteArray(), maxStatOutput,
                    [this, path, temporary, done](const Run &move) {
                        if (move.ran && !move.timedOut && move.exitCode == 0) {
                            FileChange written;
                            written.ok = true;
                            done(written);
                            return;
                        }
                        FileChange failed;
                        failed.error = ConfigFile::tr("cannot write %1: %2").arg(path, reason(move));
                        run(removeCommand(temporary), QByteArray(), maxStatOutput,
                            [done, failed](const Run &) { done(failed); });
                    });
            });
    });
}

void CommandFileAccess::remove(const QString &path, const Precondition &precondition, ChangeDone done)
{
    const bool compare = precondition.checked && precondition.before.has_value();
    look(path, compare, [=](const HostFile &file) {
        FileChange change;
        if (!file.error.isEmpty()) {
            change.error = file.error;
            done(change);
            return;
        }
        if (precondition.checked
            && (file.exists != precondition.before.has_value()
                || (file.exists && file.bytes != *precondition.before))) {
            change.changed = true;
            change.error = tr("%1 changed after the plan was made").arg(path);
            done(change);
            return;
        }
        if (!file.exists && !file.symbolicLink) {
            change.ok = true;
            done(change);
            return;
        }
        run(removeCommand(path), QByteArray(), maxStatOutput, [this, path, done](const Run &rm) {
            FileChange removed;
            removed.ok = rm.ran && !rm.timedOut && rm.exitCode == 0;
            if (!removed.ok)
                removed.error = ConfigFile::tr("cannot remove %1: %2").arg(path, reason(rm));
            done(removed);
        });
    });
}

void CommandFileAccess::existing(const QStringList &paths, ListDone done)
{
    for (const QString &path : paths) {
        const QString problem = pathProblem(path);
        if (!problem.isEmpty()) {
            later([problem, done] { done(QStringList(), problem); });
            return;
        }
    }
    if (paths.isEmpty()) {
        later([done] { done(QStringList(), QString()); });
        return;
    }
    run(listCommand(paths), QByteArray(), maxStatOutput, [this, paths, done](const Run &stat) {
        // stat exits 1 when any of them is missing, and names the others.
        if (!stat.ran || stat.timedOut || hostRefused(stat) || (stat.exitCode != 0 && stat.exitCode != 1)) {
            done(QStringList(), reason(stat));
            return;
        }
        const QList<QByteArray> named = stat.output.split('\n');
        QStringList found;
        for (const QString &path : paths)
            if (named.contains(path.toLocal8Bit()))
                found.append(path);
        done(found, QString());
    });
}

void CommandFileAccess::cancel()
{
    ++m_generation;
    const QList<QProcess *> processes = findChildren<QProcess *>(QString(), Qt::FindDirectChildrenOnly);
    for (QProcess *process : processes) {
        process->disconnect(this);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
            continue;
        }
        // Never waits: the process goes once it has ended.
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
        process->kill();
    }
}

} // namespace mailtls
