#include "models/mta/servicehostfiles.h"

#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include "models/mta/fileaccess.h"
#include "models/mta/hostanswers.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qsizetype MaxOutput = 1024 * 1024;

ConfigFile::Contents contentsOf(const HostFile &file)
{
    ConfigFile::Contents contents;
    contents.exists = file.exists;
    contents.bytes = file.bytes;
    contents.error = file.error;
    return contents;
}

} // namespace

ServiceHostFiles::ServiceHostFiles(std::shared_ptr<const CommandHost> host, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_access(FileAccess::create(m_host))
{ }

ServiceHostFiles::~ServiceHostFiles()
{
    cancel();
}

QStringList ServiceHostFiles::programs()
{
    return {QStringLiteral("/usr/bin/find")};
}

bool ServiceHostFiles::isLocal() const
{
    return m_access->isLocal();
}

void ServiceHostFiles::later(std::function<void()> answer)
{
    HostAnswers::later(this, &m_generation, std::move(answer));
}

void ServiceHostFiles::cancel()
{
    ++m_generation;
    m_access->cancel();
}

void ServiceHostFiles::read(const QStringList &paths, ReadDone done)
{
    QStringList wanted;
    for (const QString &path : paths)
        if (!m_files.contains(path) && !wanted.contains(path))
            wanted.append(path);
    if (wanted.isEmpty()) {
        later([done] { done(QString()); });
        return;
    }
    const quint64 generation = m_generation;
    // One look for all of them: most of the files a plan may write are not there.
    m_access->existing(wanted, [this, wanted, done, generation](const QStringList &found, const QString &error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        auto pending = std::make_shared<QStringList>();
        for (const QString &path : wanted) {
            if (found.contains(path))
                pending->append(path);
            else
                m_files.insert(path, ConfigFile::Contents());
        }
        readNext(pending, done);
    });
}

void ServiceHostFiles::readNext(std::shared_ptr<QStringList> pending, ReadDone done)
{
    if (pending->isEmpty()) {
        done(QString());
        return;
    }
    const QString path = pending->takeFirst();
    const quint64 generation = m_generation;
    m_access->read(path, [this, path, pending, done, generation](const HostFile &file) {
        if (generation != m_generation)
            return;
        // A file the host refused to show ends the inspection; a file that
        // cannot be read is the finding's or the plan's to report.
        if (file.hostProblem) {
            done(file.error);
            return;
        }
        m_files.insert(path, contentsOf(file));
        readNext(pending, done);
    });
}

void ServiceHostFiles::status(const QStringList &paths, ReadDone done)
{
    auto pending = std::make_shared<QStringList>();
    for (const QString &path : paths)
        if (!m_statuses.contains(path) && !pending->contains(path))
            pending->append(path);
    if (pending->isEmpty()) {
        later([done] { done(QString()); });
        return;
    }
    statusNext(pending, done);
}

void ServiceHostFiles::statusNext(std::shared_ptr<QStringList> pending, ReadDone done)
{
    if (pending->isEmpty()) {
        done(QString());
        return;
    }
    const QString path = pending->takeFirst();
    const quint64 generation = m_generation;
    m_access->status(path, [this, path, pending, done, generation](const HostFile &file) {
        if (generation != m_generation)
            return;
        if (file.hostProblem) {
            done(file.error);
            return;
        }
        ConfigFile::Status status;
        status.exists = file.exists;
        status.regular = file.regular;
        status.mode = file.mode;
        status.owner = file.owner;
        status.group = file.group;
        m_statuses.insert(path, status);
        statusNext(pending, done);
    });
}

void ServiceHostFiles::existing(const QStringList &paths, FoundDone done)
{
    if (paths.isEmpty()) {
        later([done] { done({}, QString()); });
        return;
    }
    const quint64 generation = m_generation;
    m_access->existing(paths, [this, done, generation](const QStringList &found, const QString &error) {
        if (generation == m_generation)
            done(found, error);
    });
}

QStringList ServiceHostFiles::listCommand(const QString &folder)
{
    return {QStringLiteral("find"),      folder,
            QStringLiteral("-mindepth"), QStringLiteral("1"),
            QStringLiteral("-maxdepth"), QStringLiteral("1"),
            QStringLiteral("-printf"),   QStringLiteral("%Y %f\\0")};
}

QStringList ServiceHostFiles::modifiedCommand(const QStringList &paths)
{
    return QStringList {QStringLiteral("stat"), QStringLiteral("-L"), QStringLiteral("-c"), QStringLiteral("%Y %n"),
                        QStringLiteral("--")}
    + paths;
}

QList<ServiceHostFiles::Entry> ServiceHostFiles::parseList(const QByteArray &output)
{
    QList<Entry> entries;
    for (const QByteArray &item : output.split('\0')) {
        // "f name": find's %Y (the type, links followed), a space, the name.
        if (item.size() < 3 || item.at(1) != ' ')
            continue;
        const QString name = QFile::decodeName(item.mid(2));
        if (name == QLatin1String(".") || name == QLatin1String(".."))
            continue;
        entries.append({name, item.at(0) == 'd'});
    }
    return entries;
}

void ServiceHostFiles::list(const QString &folder, ListDone done)
{
    if (isLocal()) {
        QList<Entry> entries;
        const QFileInfoList infos
            = QDir(folder).entryInfoList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
        for (const QFileInfo &info : infos)
            entries.append({info.fileName(), info.isDir()});
        later([entries, done] { done(entries, QString()); });
        return;
    }
    run(listCommand(folder), [this, done](int exitCode, const QByteArray &output, const QByteArray &errors, bool ran) {
        if (!ran || (exitCode != 0 && m_host->needsUser(exitCode, errors))) {
            const QString said = m_host->diagnose(ran ? exitCode : -1, errors);
            done({},
                 said.isEmpty() ? tr("find could not be run on %1: %2")
                                      .arg(m_host->displayName(), QString::fromLocal8Bit(errors).trimmed())
                                : said);
            return;
        }
        // A missing folder lists nothing (find says so and exits 1).
        done(parseList(output), QString());
    });
}

void ServiceHostFiles::modified(const QStringList &paths, TimesDone done)
{
    if (isLocal() || paths.isEmpty()) {
        QHash<QString, QDateTime> times;
        for (const QString &path : paths) {
            const QFileInfo info(path);
            if (info.exists())
                times.insert(path, info.lastModified());
        }
        later([times, done] { done(times, QString()); });
        return;
    }
    run(modifiedCommand(paths),
        [this, done, paths](int exitCode, const QByteArray &output, const QByteArray &errors, bool ran) {
            if (!ran || (exitCode != 0 && m_host->needsUser(exitCode, errors))) {
                const QString said = m_host->diagnose(ran ? exitCode : -1, errors);
                done({},
                     said.isEmpty() ? tr("stat could not be run on %1: %2")
                                          .arg(m_host->displayName(), QString::fromLocal8Bit(errors).trimmed())
                                    : said);
                return;
            }
            // A path stat cannot look at is missing from its output.
            QHash<QString, QDateTime> times;
            for (const QByteArray &line : output.split('\n')) {
                const qsizetype space = line.indexOf(' ');
                bool ok = false;
                const qint64 seconds = line.left(space).toLongLong(&ok);
                const QString path = QFile::decodeName(line.mid(space + 1));
                if (space > 0 && ok && paths.contains(path))
                    times.insert(path, QDateTime::fromSecsSinceEpoch(seconds));
            }
            done(times, QString());
        });
}

void ServiceHostFiles::run(const QStringList &argv,
                           std::function<void(int, const QByteArray &, const QByteArray &, bool)> done)
{
    auto *process = new QProcess(this);
    auto *timer = new QTimer(process);
    auto output = std::make_shared<QByteArray>();
    auto errors = std::make_shared<QByteArray>();
    const quint64 generation = m_generation;
    m_host->prepare(*process, argv);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [process] { process->kill(); });
    connect(process, &QProcess::readyReadStandardOutput, this, [process, output] {
        *output += process->readAllStandardOutput();
        if (output->size() > MaxOutput)
            process->kill();
    });
    connect(process, &QProcess::readyReadStandardError, this, [process, errors] {
        *errors += process->readAllStandardError();
        if (errors->size() > MaxOutput)
            *errors = errors->right(MaxOutput / 2);
    });
    auto finish = [this, process, timer, output, errors, generation, done](bool ran, int exitCode) {
        timer->stop();
        process->disconnect(this);
        process->deleteLater();
        if (generation != m_generation)
            return;
        if (ran) {
            *output += process->readAllStandardOutput();
            *errors += process->readAllStandardError();
        } else {
            *errors = process->errorString().toLocal8Bit();
        }
        done(exitCode, *output, *errors, ran);
    };
    HostAnswers::onProcessEnd(this, process, finish);
    timer->start(m_timeout);
    process->start();
    process->closeWriteChannel();
}

DhFileInfo ServiceHostFiles::inspectDh(const ConfigFile::Contents &contents)
{
    DhFileInfo info;
    if (!contents.exists) {
        info.error = DhParameters::tr("there is no such file");
        return info;
    }
    if (!contents.error.isEmpty()) {
        info.error = DhParameters::tr("cannot be read: %1").arg(contents.error);
        return info;
    }
    return DhParameters::inspect(contents.bytes);
}

ConfigFile::Contents ServiceHostFiles::fileIn(const QHash<QString, ConfigFile::Contents> &files, const QString &path)
{
    const auto it = files.constFind(path);
    if (it != files.constEnd())
        return *it;
    ConfigFile::Contents contents;
    contents.exists = true;
    contents.error = tr("%1 was not read by the inspection").arg(path);
    return contents;
}

} // namespace mailtls
