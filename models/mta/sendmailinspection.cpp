#include "models/mta/sendmailinspection.h"

#include <utility>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include "models/mta/configfile.h"
#include "models/mta/inspectedfolder.h"
#include "models/mta/sendmailadvice.h"
#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailcfbuilder.h"
#include "models/mta/sendmaildhfile.h"
#include "models/mta/sendmailfixes.h"
#include "models/mta/sendmailmc.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qsizetype MaxOutput = 16 * 1024 * 1024;
// Includes of includes are followed this deep (Debian's go one level).
constexpr int MaxIncludeDepth = 4;

// The first line of `output` that says something, for messages.
QString firstLine(const QByteArray &output)
{
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return QString::fromLocal8Bit(trimmed.left(200));
    }
    return QString();
}

quint32 hexNumber(const QByteArray &text)
{
    bool ok = false;
    const quint32 n = text.trimmed().toUInt(&ok, 16);
    return ok ? n : 0;
}

void readIncludesOf(const QByteArray &text, const QString &configDirectory, int depth,
                    const std::function<ConfigFile::Contents(const QString &)> &read,
                    QList<SendmailInspectionResult::IncludedFile> &out)
{
    if (depth > MaxIncludeDepth)
        return;
    SendmailMc document;
    document.setText(text);
    const QString inside = QDir::cleanPath(configDirectory) + QLatin1Char('/');
    for (const SendmailMc::Statement &s : document.includes()) {
        if (!s.literal || s.name.isEmpty())
            continue;
        QString path = QFile::decodeName(s.name);
        if (QFileInfo(path).isRelative())
            path = QDir(configDirectory).filePath(path);
        path = QDir::cleanPath(path);
        // The framework (/usr/share/sendmail/cf) is the package's, not the
        // admin's: only files of the configuration folder are read.
        if (!path.startsWith(inside))
            continue;
        bool seen = false;
        for (const auto &file : std::as_const(out))
            seen = seen || file.path == path;
        if (seen)
            continue;
        const ConfigFile::Contents contents = read(path);
        if (!contents.exists || !contents.error.isEmpty())
            continue;
        out.append({path, contents.bytes});
        readIncludesOf(contents.bytes, configDirectory, depth + 1, read, out);
    }
}

} // namespace

SendmailInspection::SendmailInspection(std::shared_ptr<const CommandHost> host, QString configDirectory,
                                       QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
    , m_folders {QStringLiteral("/usr/libexec/sendmail"),
                 QStringLiteral("/usr/lib/sm.bin"),
                 QStringLiteral("/usr/sbin"),
                 QStringLiteral("/usr/local/sbin"),
                 QStringLiteral("/sbin"),
                 QStringLiteral("/usr/bin")}
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_process != nullptr)
            m_process->kill();
    });
}

SendmailInspection::~SendmailInspection()
{
    discardProcess();
}

void SendmailInspection::setProgramFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

QString SendmailInspection::findProgram(const QStringList &names, bool foldersFirst) const
{
    for (const QString &name : names) {
        QString found;
        if (foldersFirst && !m_folders.isEmpty())
            found = QStandardPaths::findExecutable(name, m_folders);
        if (found.isEmpty() && m_searchPath)
            found = QStandardPaths::findExecutable(name);
        if (found.isEmpty() && !m_folders.isEmpty())
            found = QStandardPaths::findExecutable(name, m_folders);
        if (!found.isEmpty())
            return found;
    }
    return QString();
}

SendmailInspectionResult SendmailInspection::read(std::shared_ptr<const CommandHost> host,
                                                  const QString &configDirectory)
{
    SendmailInspection inspection(std::move(host), configDirectory);
    QEventLoop loop;
    connect(&inspection, &SendmailInspection::finished, &loop, &QEventLoop::quit);
    inspection.start();
    if (inspection.isRunning())
        loop.exec();
    return inspection.result();
}

void SendmailInspection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = SendmailInspectionResult();
    m_result.host = m_host;
    if (!m_host) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] { finish(tr("There is no host to inspect Sendmail on.")); });
        return;
    }
    SendmailInspectionResult &r = m_result;
    const QString given = m_configDirectory.isEmpty() ? defaultConfigDirectory() : m_configDirectory;
    const InspectedFolder folder = InspectedFolder::resolve(*m_host, given);
    r.remote = folder.remote;
    r.hostAddress = folder.hostAddress;
    if (folder.directory.isEmpty()) {
        QTimer::singleShot(0, this, [this, given] {
            finish(tr("%1 is not an absolute path: on another host the configuration folder is named in full")
                       .arg(given));
        });
        return;
    }
    r.configDirectory = folder.directory;
    // A fresh one for every run: a cancelled run's reads answer nobody.
    delete m_files;
    m_files = new ServiceHostFiles(m_host, this);
    findPrograms();
}

void SendmailInspection::findPrograms()
{
    const QStringList names {QStringLiteral("sendmail-mta"), QStringLiteral("sendmail"), QStringLiteral("m4"),
                             QStringLiteral("start-stop-daemon")};
    if (!m_result.remote) {
        QHash<QString, QString> found;
        // Debian's daemon is sendmail-mta; the real binary sits in
        // /usr/libexec/sendmail (first of the folders), where Postfix's
        // sendmail command never does: a plain sendmail is looked for there
        // before PATH.
        found.insert(names.at(0), findProgram({names.at(0)}));
        found.insert(names.at(1), findProgram({names.at(1)}, true));
        found.insert(names.at(2), findProgram({names.at(2)}));
        found.insert(names.at(3), findProgram({names.at(3)}));
        QTimer::singleShot(0, this, [this, found] { onPrograms(found); });
        return;
    }
    // The host's folders, then where its PATH would look; every place in one look.
    QStringList folders = m_folders;
    if (m_searchPath)
        for (const char *folder : {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"})
            if (!folders.contains(QLatin1String(folder)))
                folders.append(QString::fromLatin1(folder));
    QStringList candidates;
    for (const QString &name : names)
        for (const QString &folder : std::as_const(folders))
            candidates.append(QDir::cleanPath(folder + QLatin1Char('/') + name));
    m_files->existing(candidates, [this, names, folders](const QStringList &existing, const QString &hostError) {
        if (!goesOn(hostError))
            return;
        QHash<QString, QString> found;
        for (const QString &name : names)
            for (const QString &folder : folders) {
                const QString path = QDir::cleanPath(folder + QLatin1Char('/') + name);
                if (existing.contains(path) && !found.contains(name))
                    found.insert(name, path);
            }
        onPrograms(found);
    });
}

void SendmailInspection::onPrograms(const QHash<QString, QString> &found)
{
    if (!m_running)
        return;
    SendmailInspectionResult &r = m_result;
    r.sendmailProgram = found.value(QStringLiteral("sendmail-mta"));
    if (r.sendmailProgram.isEmpty())
        r.sendmailProgram = found.value(QStringLiteral("sendmail"));
    if (r.sendmailProgram.isEmpty()) {
        QStringList places = m_folders;
        if (m_searchPath)
            places.prepend(QStringLiteral("PATH"));
        finish(r.remote ? tr("neither sendmail-mta nor sendmail was found on %1: is Sendmail installed? (looked in %2)")
                              .arg(m_host->displayName(), places.join(QStringLiteral(", ")))
                        : tr("neither sendmail-mta nor sendmail was found on this computer: is Sendmail "
                             "installed? (looked in %1)")
                              .arg(places.join(QStringLiteral(", "))));
        return;
    }
    r.m4Program = found.value(QStringLiteral("m4"));
    r.startStopProgram = found.value(QStringLiteral("start-stop-daemon"));
    readFiles();
}

void SendmailInspection::readFiles()
{
    SendmailInspectionResult &r = m_result;
    const QDir dir(r.configDirectory);
    r.cfPath = dir.filePath(QStringLiteral("sendmail.cf"));
    r.mcPath = dir.filePath(QStringLiteral("sendmail.mc"));
    m_files->status({r.configDirectory}, [this](const QString &hostError) {
        if (!goesOn(hostError))
            return;
        SendmailInspectionResult &r = m_result;
        const ConfigFile::Status folder = m_files->statuses().value(r.configDirectory);
        if (!folder.exists || folder.regular) {
            finish(tr("there is no folder %1").arg(r.configDirectory));
            return;
        }
        m_files->read({r.cfPath, r.mcPath}, [this](const QString &hostError) {
            if (!goesOn(hostError))
                return;
            SendmailInspectionResult &r = m_result;
            const ConfigFile::Contents cf = m_files->files().value(r.cfPath);
            if (!cf.error.isEmpty()) {
                finish(cf.error);
                return;
            }
            if (!cf.exists) {
                finish(tr("there is no sendmail.cf in %1: build it from sendmail.mc first (make -C %1)")
                           .arg(r.configDirectory));
                return;
            }
            r.cf = cf.bytes;
            const ConfigFile::Contents mc = m_files->files().value(r.mcPath);
            if (!mc.error.isEmpty()) {
                finish(mc.error);
                return;
            }
            r.mcExists = mc.exists;
            r.mc = mc.bytes;
            readIncludedFiles();
        });
    });
}

void SendmailInspection::readIncludedFiles()
{
    SendmailInspectionResult &r = m_result;
    // Read with what is there so far; the files it still lacks are fetched
    // and it is read again, until nothing is missing.
    QStringList missing;
    if (r.mcExists) {
        r.includes = readIncludes(r.mc, r.configDirectory, [this, &missing](const QString &path) {
            const auto it = m_files->files().constFind(path);
            if (it != m_files->files().constEnd())
                return *it;
            missing.append(path);
            return ConfigFile::Contents();
        });
    }
    if (missing.isEmpty()) {
        run(Step::Version,
            {r.sendmailProgram, QStringLiteral("-C"), r.cfPath, QStringLiteral("-d0.14"), QStringLiteral("-bt")});
        return;
    }
    m_files->read(missing, [this](const QString &hostError) {
        if (!goesOn(hostError))
            return;
        readIncludedFiles();
    });
}

QStringList SendmailInspection::filesToLookAt(const SendmailInspectionResult &r)
{
    QStringList paths;
    for (const QString &name : {QStringLiteral("ServerCertFile"), QStringLiteral("ServerKeyFile")}) {
        const QString path = r.option(name);
        if (path.startsWith(QLatin1Char('/')) && !paths.contains(path))
            paths.append(path);
    }
    paths << QDir(r.configDirectory).filePath(QStringLiteral("tls")) << QStringLiteral("/etc/ssl/certs");
    return paths;
}

QStringList SendmailInspection::filesToRead(const SendmailInspectionResult &r)
{
    QStringList paths;
    const QString dh = r.option(QStringLiteral("DHParameters"));
    if (SendmailInspectionResult::dhSettingOf(dh, r.versionNumbers) == SendmailInspectionResult::DhSetting::File)
        paths.append(dh);
    for (const QString &path : SendmailFixes::dhFilePaths(r))
        if (!paths.contains(path))
            paths.append(path);
    return paths;
}

void SendmailInspection::gatherFiles()
{
    // The folders first: where a plan's DH file goes depends on them.
    m_files->status(filesToLookAt(m_result), [this](const QString &hostError) {
        if (!goesOn(hostError))
            return;
        SendmailInspectionResult &r = m_result;
        for (const QString &path : filesToLookAt(r))
            r.statuses.insert(path, m_files->statuses().value(path));
        m_files->read(filesToRead(r), [this](const QString &hostError) {
            if (!goesOn(hostError))
                return;
            SendmailInspectionResult &r = m_result;
            for (const QString &path : filesToRead(r))
                r.files.insert(path, m_files->files().value(path));
            complete(r);
            finish();
        });
    });
}

QList<SendmailInspectionResult::IncludedFile> SendmailInspection::readIncludes(const QByteArray &mc,
                                                                               const QString &configDirectory)
{
    return readIncludes(mc, configDirectory, [](const QString &path) { return ConfigFile::read(path); });
}

QList<SendmailInspectionResult::IncludedFile>
SendmailInspection::readIncludes(const QByteArray &mc, const QString &configDirectory,
                                 const std::function<ConfigFile::Contents(const QString &)> &read)
{
    QList<SendmailInspectionResult::IncludedFile> files;
    readIncludesOf(mc, configDirectory, 1, read, files);
    return files;
}

void SendmailInspection::cancel()
{
    if (!m_running)
        return;
    discardProcess();
    if (m_files != nullptr)
        m_files->cancel();
    finish(tr("The inspection was cancelled."));
}

void SendmailInspection::run(Step step, const QStringList &argv, const QString &workingDirectory)
{
    discardProcess();
    m_step = step;
    m_output.clear();
    m_errors.clear();
    auto *process = new QProcess(this);
    m_process = process;
    m_host->prepare(*process, argv);
    if (!workingDirectory.isEmpty())
        SendmailCfBuilder::enterFolder(*process, workingDirectory);
    const auto append = [](QByteArray &to, const QByteArray &chunk) {
        if (to.size() < MaxOutput)
            to += chunk.left(MaxOutput - to.size());
    };
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, process, append] { append(m_output, process->readAllStandardOutput()); });
    connect(process, &QProcess::readyReadStandardError, this,
            [this, process, append] { append(m_errors, process->readAllStandardError()); });
    connect(process, &QProcess::finished, this, [this, process, append](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_timer->stop();
        append(m_output, process->readAllStandardOutput());
        append(m_errors, process->readAllStandardError());
        m_process = nullptr;
        process->deleteLater();
        const int code = status == QProcess::NormalExit ? exitCode : -1;
        // A host that refused to run it (sudo without a rule, a lost login)
        // says nothing about Sendmail, and would refuse the plan's commands too.
        if (code != 0 && m_host->needsUser(code, m_errors)) {
            finish(m_host->diagnose(code, m_errors));
            return;
        }
        onFinished(code, true);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        m_timer->stop();
        m_errors = process->errorString().toLocal8Bit();
        m_process = nullptr;
        process->deleteLater();
        onFinished(-1, false);
    });
    m_timer->start(m_timeout);
    process->start();
    process->closeWriteChannel();
}

void SendmailInspection::onFinished(int exitCode, bool ran)
{
    switch (m_step) {
    case Step::Version:
        afterVersion(exitCode, ran);
        return;
    case Step::Build:
        afterBuild(exitCode, ran);
        return;
    case Step::Status:
        afterStatus(exitCode, ran);
        return;
    }
}

void SendmailInspection::afterVersion(int exitCode, bool ran)
{
    SendmailInspectionResult &r = m_result;
    if (!ran) {
        finish(tr("%1 could not be run: %2").arg(r.sendmailProgram, QString::fromLocal8Bit(m_errors).trimmed()));
        return;
    }
    const QByteArray output = m_output + m_errors;
    r.versionOutput = QString::fromLocal8Bit(output.left(64 * 1024));
    if (!parseVersion(r, output)) {
        finish(r.error);
        return;
    }
    if (exitCode != 0) {
        // Sendmail read the file and refused it ("sendmail.cf: line 12: …").
        QStringList complaints;
        const QByteArray prefix = QFile::encodeName(r.cfPath) + ": line ";
        for (const QByteArray &line : output.split('\n'))
            if (line.startsWith(prefix) || line.contains("No local mailer defined"))
                complaints.append(QString::fromLocal8Bit(line.trimmed()));
        r.cfComplaints = complaints.isEmpty() ? QStringList {firstLine(output)} : complaints;
    }
    runBuild();
}

bool SendmailInspection::parseVersion(SendmailInspectionResult &r, const QByteArray &output)
{
    static const QRegularExpression version(QStringLiteral("^Version (\\d+(?:\\.\\d+)*)"));
    bool inCompiled = false;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromLocal8Bit(raw);
        const QRegularExpressionMatch m = version.match(line);
        if (m.hasMatch() && r.version.isEmpty()) {
            r.version = m.captured(1);
            r.versionNumbers.clear();
            for (const QString &part : r.version.split(QLatin1Char('.')))
                r.versionNumbers.append(part.toInt());
            continue;
        }
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("Compiled with:"))) {
            inCompiled = true;
            r.compiledWith += trimmed.mid(14).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            continue;
        }
        if (inCompiled && (line.startsWith(QLatin1Char('\t')) || line.startsWith(QLatin1String("  ")))
            && !trimmed.contains(QLatin1Char(':'))) {
            r.compiledWith += trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            continue;
        }
        inCompiled = false;
        if (trimmed.startsWith(QLatin1String("OpenSSL: compiled")))
            r.opensslCompiled = hexNumber(raw.trimmed().mid(17));
        else if (trimmed.startsWith(QLatin1String("OpenSSL: linked")))
            r.opensslLinked = hexNumber(raw.trimmed().mid(15));
        else if (trimmed.startsWith(QLatin1String("Pid file:"))) {
            QString file = trimmed.mid(9).trimmed();
            file = file.section(QLatin1Char(' '), 0, 0);
            if (!file.isEmpty())
                r.pidFile = file;
        }
    }
    if (!r.version.isEmpty())
        return true;
    const QString said = firstLine(output);
    const QString lower = QString::fromLocal8Bit(output).toLower();
    // Postfix's sendmail takes -C for its own main.cf and stops at -d.
    if (lower.contains(QLatin1String("postfix")) || lower.contains(QLatin1String("postdrop"))
        || lower.contains(QLatin1String("fatal: usage")) || lower.contains(QLatin1String("/main.cf")))
        r.error = tr("%1 is Postfix's sendmail command, not Sendmail (it answered \"%2\"): inspect Postfix with "
                     "--mta postfix, or point MailTLS at Sendmail's own binary (sendmail-mta, "
                     "/usr/libexec/sendmail/sendmail)")
                      .arg(r.sendmailProgram, said);
    else if (lower.contains(QLatin1String("exim")))
        r.error = tr("%1 is Exim's sendmail command, not Sendmail (it answered \"%2\"): inspect Exim with --mta "
                     "exim")
                      .arg(r.sendmailProgram, said);
    else
        r.error = tr("%1 did not answer as Sendmail does to -d0.14 -bt (no \"Version\" line; it said \"%2\")")
                      .arg(r.sendmailProgram, said);
    return false;
}

void SendmailInspection::runBuild()
{
    SendmailInspectionResult &r = m_result;
    if (!r.mcExists) {
        r.buildErrors = tr("there is no sendmail.mc in %1").arg(r.configDirectory);
        runStatus();
        return;
    }
    if (r.m4Program.isEmpty()) {
        r.buildErrors = tr("m4 is not installed (apt install m4): sendmail.mc cannot be built");
        runStatus();
        return;
    }
    // On another host m4 runs there, with the folder as its include folder
    // (a working folder would be this computer's).
    if (r.remote)
        run(Step::Build, SendmailCfBuilder::remoteCommand(r.m4Program, r.configDirectory, r.mcPath));
    else
        run(Step::Build, SendmailCfBuilder::command(r.m4Program, r.mcPath), r.configDirectory);
}

void SendmailInspection::afterBuild(int exitCode, bool ran)
{
    SendmailInspectionResult &r = m_result;
    if (!ran) {
        r.buildErrors = tr("%1 could not be run: %2").arg(r.m4Program, QString::fromLocal8Bit(m_errors).trimmed());
        runStatus();
        return;
    }
    // Debian's Makefile keeps m4's output whatever its exit status, and shows
    // what m4 said.
    r.built = !m_output.isEmpty();
    r.builtCf = SendmailCf::withDebianTrailer(m_output, SendmailCf::debianTrailerHeader(r.cf), r.mc);
    r.buildErrors = QString::fromLocal8Bit(m_errors).trimmed();
    if (exitCode != 0 && r.buildErrors.isEmpty())
        r.buildErrors = tr("m4 exited with status %1").arg(exitCode);
    runStatus();
}

void SendmailInspection::runStatus()
{
    SendmailInspectionResult &r = m_result;
    if (r.startStopProgram.isEmpty()) {
        r.running = SendmailInspectionResult::Running::Unknown;
        r.statusOutput = tr("start-stop-daemon was not found: whether Sendmail runs cannot be told");
        gatherFiles();
        return;
    }
    const QString fromCf = r.option(QStringLiteral("PidFile"));
    if (!fromCf.isEmpty())
        r.pidFile = fromCf;
    if (r.pidFile.isEmpty()) {
        r.running = SendmailInspectionResult::Running::Unknown;
        r.statusOutput = tr("Sendmail names no PID file: whether it runs cannot be told");
        gatherFiles();
        return;
    }
    run(Step::Status, r.statusCommand());
}

void SendmailInspection::afterStatus(int exitCode, bool ran)
{
    SendmailInspectionResult &r = m_result;
    const QString said = firstLine(m_output + m_errors);
    // start-stop-daemon --status: 0 runs, 1 (a stale PID file) and 3 do not,
    // 4 cannot tell (a PID file it may not read).
    if (ran && exitCode == 0)
        r.running = SendmailInspectionResult::Running::Yes;
    else if (ran && (exitCode == 1 || exitCode == 3))
        r.running = SendmailInspectionResult::Running::No;
    else
        r.running = SendmailInspectionResult::Running::Unknown;
    r.statusOutput = !ran ? tr("start-stop-daemon could not be run: %1").arg(said)
        : said.isEmpty()
        ? tr("start-stop-daemon --status --pidfile %1: exit status %2").arg(r.pidFile).arg(exitCode)
        : tr("start-stop-daemon --status --pidfile %1: exit status %2 (%3)").arg(r.pidFile).arg(exitCode).arg(said);
    gatherFiles();
}

void SendmailInspection::complete(SendmailInspectionResult &r)
{
    r.dhParameters = r.option(QStringLiteral("DHParameters"));
    r.dhSetting = SendmailInspectionResult::dhSettingOf(r.dhParameters, r.versionNumbers);
    r.dh.reset();
    r.dhNote.clear();
    if (r.dhSetting == SendmailInspectionResult::DhSetting::File) {
        const ConfigFile::Contents contents = r.file(r.dhParameters);
        r.dh = contents.exists && contents.error.isEmpty() ? SendmailDhFile::inspect(contents.bytes, &r.dhNote)
                                                           : ServiceHostFiles::inspectDh(contents);
    }
    r.serverCert = r.option(QStringLiteral("ServerCertFile"));
    r.serverKey = r.option(QStringLiteral("ServerKeyFile"));
    r.caCertFile = r.option(QStringLiteral("CACertFile"));
    r.caCertPath = r.option(QStringLiteral("CACertPath"));
    bool ok = false;
    const int level = r.option(QStringLiteral("LogLevel")).toInt(&ok);
    // Sendmail's own default when sendmail.cf does not say.
    r.logLevel = ok ? level : 9;
    const QString pidFile = r.option(QStringLiteral("PidFile"));
    if (!pidFile.isEmpty())
        r.pidFile = pidFile;
    r.findings = SendmailAdvice::findings(r);
    r.ok = true;
    r.error.clear();
}

void SendmailInspection::discardProcess()
{
    if (m_process == nullptr)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Never waits: the process goes once it has ended (or with this object).
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

bool SendmailInspection::goesOn(const QString &hostError)
{
    if (!m_running)
        return false;
    if (!hostError.isEmpty()) {
        finish(hostError);
        return false;
    }
    return true;
}

void SendmailInspection::finish(const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    if (!error.isEmpty()) {
        m_result.ok = false;
        m_result.error = error;
    }
    emit finished();
}

} // namespace mailtls
