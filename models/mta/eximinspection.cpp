#include "models/mta/eximinspection.h"

#include <utility>

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include "models/mta/configfile.h"
#include "models/mta/eximadvice.h"
#include "models/mta/inspectedfolder.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qsizetype MaxOutput = 512 * 1024;

const QString debianDirectory = QStringLiteral("/etc/exim4");

QString firstLines(const QByteArray &output, int count)
{
    QStringList lines;
    for (const QByteArray &line : output.split('\n')) {
        const QString text = QString::fromLocal8Bit(line).trimmed();
        if (!text.isEmpty())
            lines.append(text);
        if (lines.size() >= count)
            break;
    }
    return lines.join(QLatin1Char(' '));
}

// Exim's own complaint about its configuration: the "configuration error"
// line and the one that says what is wrong.
QString configurationError(const QByteArray &output)
{
    const QList<QByteArray> lines = output.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).contains("configuration error") && !lines.at(i).contains("non-existent configuration"))
            continue;
        QString text = QString::fromLocal8Bit(lines.at(i)).trimmed();
        // Drop the log timestamp Exim writes first.
        static const QRegularExpression stamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+"));
        text.remove(stamp);
        if (i + 1 < lines.size() && lines.at(i + 1).startsWith("  "))
            text += QLatin1Char(' ') + QString::fromLocal8Bit(lines.at(i + 1)).trimmed();
        return text;
    }
    return QString();
}

} // namespace

EximInspection::EximInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
    , m_folders {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")}
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_process != nullptr)
            m_process->kill();
    });
}

EximInspection::~EximInspection()
{
    discardProcess();
}

QStringList EximInspection::optionNames()
{
    return {QStringLiteral("tls_dhparam"),
            QStringLiteral("tls_dh_max_bits"),
            QStringLiteral("tls_advertise_hosts"),
            QStringLiteral("tls_certificate"),
            QStringLiteral("tls_privatekey"),
            QStringLiteral("tls_require_ciphers"),
            QStringLiteral("log_selector"),
            QStringLiteral("pid_file_path"),
            QStringLiteral("local_interfaces"),
            QStringLiteral("daemon_smtp_ports"),
            QStringLiteral("tls_on_connect_ports"),
            QStringLiteral("exim_user"),
            QStringLiteral("exim_group")};
}

void EximInspection::setProgramFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

QString EximInspection::findProgram(const QStringList &names) const
{
    for (const QString &name : names) {
        QString found;
        if (m_searchPath)
            found = QStandardPaths::findExecutable(name);
        if (found.isEmpty() && !m_folders.isEmpty())
            found = QStandardPaths::findExecutable(name, m_folders);
        if (!found.isEmpty())
            return found;
    }
    return QString();
}

void EximInspection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = EximInspectionResult();
    if (!m_host) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] { finish(tr("There is no host to inspect Exim on.")); });
        return;
    }
    EximInspectionResult &r = m_result;
    const QString given = m_configDirectory.isEmpty() ? debianDirectory : m_configDirectory;
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

void EximInspection::startCommands()
{
    if (m_result.eximProgram.isEmpty()) {
        QStringList places = m_folders;
        if (m_searchPath)
            places.prepend(QStringLiteral("PATH"));
        const QString where = m_result.remote ? m_host->displayName() : tr("this computer");
        finish(places.isEmpty() ? tr("neither exim4 nor exim was found on %1: is Exim installed?").arg(where)
                                : tr("neither exim4 nor exim was found on %1: is Exim installed? (looked in %2)")
                                      .arg(where, places.join(QStringLiteral(", "))));
        return;
    }
    run(Step::Version, eximCommand({QStringLiteral("-d"), QStringLiteral("-bV")}));
}

QStringList EximInspection::eximCommand(const QStringList &arguments) const
{
    QStringList argv {m_result.eximProgram};
    if (m_result.explicitConfig)
        argv << QStringLiteral("-C") << m_result.configFile;
    return argv + arguments;
}

void EximInspection::chooseServiceCommands()
{
    EximInspectionResult &r = m_result;
    if (r.isDebianLayout())
        r.validateCommands = {{r.updateProgram, QStringLiteral("--check")}};
    else
        r.validateCommands = {{r.eximProgram, QStringLiteral("-C"), r.configFile, QStringLiteral("-bV")}};

    // Debian's service scripts regenerate the configuration before they
    // signal Exim; they serve /etc/exim4 only.
    const bool debianService = r.isDebianLayout() || r.configFile == debianDirectory + QStringLiteral("/exim4.conf");
    if (debianService) {
        const QString systemctl = m_systemctl;
        if (m_systemd && !systemctl.isEmpty()) {
            r.statusCommand
                = {systemctl, QStringLiteral("is-active"), QStringLiteral("--quiet"), QStringLiteral("exim4")};
            r.reloadCommand = {systemctl, QStringLiteral("reload"), QStringLiteral("exim4")};
            return;
        }
        const QString script = QStringLiteral("/etc/init.d/exim4");
        if (m_initScript) {
            r.statusCommand = {script, QStringLiteral("status")};
            r.reloadCommand = {script, QStringLiteral("reload")};
            return;
        }
    }
    // Elsewhere: Exim's own way, SIGHUP to the daemon of the PID file, by
    // start-stop-daemon, which checks that the PID is this Exim's.
    QString pidFile = r.option(QStringLiteral("pid_file_path"));
    pidFile.replace(QLatin1String("%s"), QString());
    const QString startStop = m_startStop;
    if (pidFile.isEmpty() || startStop.isEmpty())
        return;
    r.statusCommand = {startStop, QStringLiteral("--status"), QStringLiteral("--pidfile"),
                       pidFile,   QStringLiteral("--exec"),   r.eximProgram};
    r.reloadCommand = {startStop,
                       QStringLiteral("--stop"),
                       QStringLiteral("--signal"),
                       QStringLiteral("HUP"),
                       QStringLiteral("--quiet"),
                       QStringLiteral("--pidfile"),
                       pidFile,
                       QStringLiteral("--exec"),
                       r.eximProgram};
}

void EximInspection::cancel()
{
    if (!m_running)
        return;
    discardProcess();
    if (m_files != nullptr)
        m_files->cancel();
    finish(tr("The inspection was cancelled."));
}

void EximInspection::run(Step step, const QStringList &argv)
{
    discardProcess();
    m_step = step;
    m_output.clear();
    auto *process = new QProcess(this);
    m_process = process;
    m_host->prepare(*process, argv);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyRead, this, [this, process] {
        const QByteArray chunk = process->readAll();
        if (m_output.size() < MaxOutput)
            m_output += chunk.left(MaxOutput - m_output.size());
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_timer->stop();
        const QByteArray rest = process->readAll();
        if (m_output.size() < MaxOutput)
            m_output += rest.left(MaxOutput - m_output.size());
        m_process = nullptr;
        process->deleteLater();
        const int code = status == QProcess::NormalExit ? exitCode : -1;
        // A host that refused to run it (sudo without a rule, a lost login)
        // says nothing about Exim, and would refuse the plan's commands too.
        if (code != 0 && m_host->needsUser(code, m_output)) {
            finish(m_host->diagnose(code, m_output));
            return;
        }
        onFinished(code, true);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        m_timer->stop();
        m_output = process->errorString().toLocal8Bit();
        m_process = nullptr;
        process->deleteLater();
        // Queued: a start that fails at once must not finish inside start().
        QMetaObject::invokeMethod(
            this, [this] { onFinished(-1, false); }, Qt::QueuedConnection);
    });
    m_timer->start(m_timeout);
    process->start();
    process->closeWriteChannel();
}

void EximInspection::onFinished(int exitCode, bool ran)
{
    if (!m_running)
        return;
    EximInspectionResult &r = m_result;
    switch (m_step) {
    case Step::Version:
    case Step::PlainVersion: {
        if (!ran) {
            finish(tr("%1 could not be run: %2").arg(r.eximProgram, QString::fromLocal8Bit(m_output).trimmed()));
            return;
        }
        const QString refused = configurationError(m_output);
        if (!refused.isEmpty()) {
            finish(tr("Exim refuses its configuration: %1").arg(refused));
            return;
        }
        const bool complete = m_output.contains("Exim version") && m_output.contains("Configuration file is");
        if (!complete && m_step == Step::Version) {
            // Debugging needs an admin user: the plain version still tells most.
            run(Step::PlainVersion, eximCommand({QStringLiteral("-bV")}));
            return;
        }
        if (!complete || exitCode != 0) {
            finish(tr("exim -bV failed (exit status %1): %2").arg(exitCode).arg(firstLines(m_output, 3)));
            return;
        }
        parseVersion(r, m_output);
        run(Step::Options, eximCommand(QStringList {QStringLiteral("-bP")} + optionNames()));
        return;
    }
    case Step::Options:
        if (!ran || !m_output.contains(" = ")) {
            finish(tr("exim -bP failed (exit status %1): %2").arg(exitCode).arg(firstLines(m_output, 3)));
            return;
        }
        parseOptions(r, m_output);
        chooseServiceCommands();
        if (r.statusCommand.isEmpty()) {
            r.running = EximInspectionResult::Running::Unknown;
            r.statusOutput = tr("no service manager or start-stop-daemon to ask whether Exim runs");
            gatherFiles();
            return;
        }
        run(Step::Status, r.statusCommand);
        return;
    case Step::Status: {
        const QString said = firstLines(m_output, 1);
        if (ran && exitCode == 0)
            r.running = EximInspectionResult::Running::Yes;
        else if (ran && exitCode > 0)
            r.running = EximInspectionResult::Running::No;
        else
            r.running = EximInspectionResult::Running::Unknown;
        const QString program = QFileInfo(r.statusCommand.constFirst()).fileName();
        r.statusOutput = !ran ? tr("%1 could not be run: %2").arg(program, said)
            : said.isEmpty()  ? tr("%1: exit status %2").arg(program).arg(exitCode)
                              : tr("%1: exit status %2 (%3)").arg(program).arg(exitCode).arg(said);
        gatherFiles();
        return;
    }
    }
}

void EximInspection::parseVersion(EximInspectionResult &r, const QByteArray &output)
{
    const QString text = QString::fromLocal8Bit(output);
    r.versionOutput = text;
    static const QRegularExpression version(QStringLiteral("Exim version (\\d+)\\.(\\d+)((?:\\.\\d+)*)"));
    const QRegularExpressionMatch v = version.match(text);
    if (v.hasMatch()) {
        r.versionMajor = v.captured(1).toInt();
        r.versionMinor = v.captured(2).toInt();
        r.version = QStringLiteral("%1.%2%3").arg(v.captured(1), v.captured(2), v.captured(3));
    }
    static const QRegularExpression support(QStringLiteral("^Support for:(.*)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch s = support.match(text);
    if (s.hasMatch()) {
        const QStringList words = s.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        r.tlsLibrary = words.contains(QLatin1String("GnuTLS")) ? EximInspectionResult::TlsLibrary::GnuTls
            : words.contains(QLatin1String("OpenSSL"))         ? EximInspectionResult::TlsLibrary::OpenSsl
                                                               : EximInspectionResult::TlsLibrary::None;
    }
    static const QRegularExpression library(
        QStringLiteral("Library version: (GnuTLS|OpenSSL): Compile: [^\\n]*\\n\\s*Runtime: ([^\\n]*)"));
    const QRegularExpressionMatch l = library.match(text);
    if (l.hasMatch())
        r.tlsLibraryVersion = l.captured(2).trimmed();
    static const QRegularExpression trusted(QStringLiteral("^TRUSTED_CONFIG_LIST: \"([^\"]*)\""),
                                            QRegularExpression::MultilineOption);
    const QRegularExpressionMatch t = trusted.match(text);
    if (t.hasMatch())
        r.trustedConfigList = t.captured(1);
    static const QRegularExpression file(QStringLiteral("^Configuration file is (.+)$"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch f = file.match(text);
    if (f.hasMatch() && !r.explicitConfig)
        r.configFile = f.captured(1).trimmed();
}

void EximInspection::parseOptions(EximInspectionResult &r, const QByteArray &output)
{
    const QStringList names = optionNames();
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype equals = line.indexOf(" =");
        if (equals <= 0)
            continue;
        const QString name = QString::fromUtf8(line.left(equals)).trimmed();
        if (names.contains(name))
            r.options.insert(name, QString::fromUtf8(line.mid(equals + 2)).trimmed());
    }
}

void EximInspection::complete(EximInspectionResult &r)
{
    r.dhParam = r.option(QStringLiteral("tls_dhparam"));
    r.dh.reset();
    if (r.dhParam.startsWith(QLatin1Char('/')) && !r.dhParam.contains(QLatin1Char('$')))
        r.dh = ServiceHostFiles::inspectDh(r.file(r.dhParam));
    r.configTrusted.reset();
    if (r.explicitConfig && !r.trustedConfigList.isEmpty()) {
        const ConfigFile::Contents list = r.file(r.trustedConfigList);
        bool listed = false;
        for (const QByteArray &line : list.bytes.split('\n'))
            listed = listed || QFile::decodeName(line.trimmed()) == r.configFile;
        if (list.error.isEmpty())
            r.configTrusted = listed;
    }
    r.staleSource.clear();
    if (r.isDebianLayout()) {
        const QDateTime generated = r.modified.value(r.configFile);
        for (const EximSources::File &source : std::as_const(r.sources)) {
            if (source.exists && generated.isValid() && r.modified.value(source.path) > generated) {
                r.staleSource = source.path;
                break;
            }
        }
    }
    r.findings = EximAdvice::findings(r);
    r.ok = true;
    r.error.clear();
}

void EximInspection::discardProcess()
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
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

bool EximInspection::goesOn(const QString &hostError)
{
    if (!m_running)
        return false;
    if (!hostError.isEmpty()) {
        finish(hostError);
        return false;
    }
    return true;
}

void EximInspection::finish(const QString &error)
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

EximInspectionResult EximInspection::read(std::shared_ptr<const CommandHost> host, const QString &configDirectory)
{
    EximInspection inspection(std::move(host), configDirectory);
    QEventLoop loop;
    connect(&inspection, &EximInspection::finished, &loop, &QEventLoop::quit);
    inspection.start();
    if (inspection.isRunning())
        loop.exec();
    return inspection.result();
}

} // namespace mailtls
