#include "models/mta/postfixinspection.h"

#include <utility>

#include <unistd.h>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include "models/mta/configfile.h"
#include "models/mta/fileaccess.h"
#include "models/mta/inspectedfolder.h"
#include "models/mta/postfixadvice.h"
#include "models/mta/postfixfixes.h"
#include "models/mta/postfixmaincf.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qsizetype MaxOutput = 256 * 1024;

// The OpenSSL cipher words that take the finite-field DHE key exchange out.
bool excludesDhe(const QString &excluded)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,:]+"));
    const QStringList words = excluded.split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (word == QLatin1String("kDHE") || word == QLatin1String("kEDH") || word == QLatin1String("EDH")
            || word == QLatin1String("DHE"))
            return true;
    }
    return false;
}

ConfigFile::Contents contentsOf(const HostFile &file)
{
    ConfigFile::Contents contents;
    contents.exists = file.exists;
    contents.bytes = file.bytes;
    contents.error = file.error;
    return contents;
}

} // namespace

bool PostfixInspectionResult::isAtLeast(int major, int minor) const
{
    return versionMajor > major || (versionMajor == major && versionMinor >= minor);
}

bool PostfixInspectionResult::autoDhAvailable() const
{
    return isAtLeast(3, 7) && opensslMajor >= 3;
}

bool PostfixInspectionResult::ffdheAutoGroupsAvailable() const
{
    return isAtLeast(3, 8) && opensslMajor >= 3;
}

QString PostfixInspectionResult::versionText() const
{
    const QString postfix
        = settings.mailVersion.isEmpty() ? tr("Postfix (version unknown)") : tr("Postfix %1").arg(settings.mailVersion);
    if (settings.opensslVersion.isEmpty())
        return tr("%1, OpenSSL version unknown").arg(postfix);
    return tr("%1 with %2").arg(postfix, settings.opensslVersion);
}

QString PostfixInspectionResult::listenAddress() const
{
    const QStringList words = effective(QStringLiteral("inet_interfaces"))
                                  .toLower()
                                  .split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    if (remote) {
        if (hostAddress.isEmpty())
            return QString();
        const QHostAddress host(hostAddress);
        for (const QString &word : words) {
            if (word == QLatin1String("all") || QHostAddress(word) == host)
                return hostAddress;
        }
        for (const QString &word : words) {
            const QHostAddress address(word);
            if (!address.isNull() && !address.isLoopback())
                return address.toString();
        }
        return QString();
    }
    for (const QString &word : words) {
        if (word == QLatin1String("all") || word == QLatin1String("loopback-only") || word == QLatin1String("localhost")
            || word == QLatin1String("127.0.0.1"))
            return QStringLiteral("127.0.0.1");
    }
    for (const QString &word : words) {
        QHostAddress address;
        if (address.setAddress(word))
            return address.toString();
    }
    return QString();
}

QString PostfixInspectionResult::effective(const QString &name) const
{
    QHash<QByteArray, QByteArray> defaults;
    for (const PostfixParameter &parameter : settings.parameters)
        if (parameter.source != PostfixParameter::Source::NotInThisPostfix)
            defaults.insert(parameter.name.toUtf8(), parameter.defaultValue.toUtf8());
    if (!configDirectory.isEmpty())
        defaults.insert("config_directory", QFile::encodeName(configDirectory));
    PostfixMainCf document;
    document.setText(mainCf, mainCfPath);
    return QString::fromUtf8(document.expanded(name.toUtf8(), defaults).value).trimmed();
}

ConfigFile::Contents PostfixInspectionResult::file(const QString &path) const
{
    if (!remote)
        return ConfigFile::read(path);
    const auto it = files.constFind(path);
    if (it != files.constEnd())
        return *it;
    ConfigFile::Contents contents;
    contents.exists = true;
    contents.error = tr("%1 was not read on the remote host").arg(path);
    return contents;
}

bool PostfixInspectionResult::mainCfDefines(const QString &name) const
{
    PostfixMainCf document;
    document.setText(mainCf, mainCfPath);
    return document.contains(name.toUtf8());
}

QString PostfixInspectionResult::securityLevel(const QString &prefix) const
{
    const QString level = effective(prefix + QStringLiteral("_tls_security_level")).toLower();
    if (!level.isEmpty())
        return level;
    // The obsolete switches count only while the level is empty (postconf(5)).
    const auto yes = [](const QString &value) {
        const QString v = value.toLower();
        return v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1");
    };
    if (yes(effective(prefix + QStringLiteral("_enforce_tls"))))
        return QStringLiteral("encrypt");
    if (yes(effective(prefix + QStringLiteral("_use_tls"))))
        return QStringLiteral("may");
    return QStringLiteral("none");
}

bool PostfixInspectionResult::hasServerCertificate() const
{
    return !effective(QStringLiteral("smtpd_tls_chain_files")).isEmpty()
        || !effective(QStringLiteral("smtpd_tls_cert_file")).isEmpty();
}

QList<PostfixInspectionResult::ServiceOverride> PostfixInspectionResult::overridesOf(const QString &parameter) const
{
    QList<ServiceOverride> result;
    for (const ServiceOverride &o : overrides)
        if (o.parameter == parameter)
            result.append(o);
    return result;
}

PostfixInspection::PostfixInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
    , m_folders {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")}
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_process != nullptr)
            m_process->kill();
    });
}

PostfixInspection::~PostfixInspection()
{
    discardProcess();
}

QStringList PostfixInspection::parameterNames()
{
    QStringList names = PostfixSettings::tlsParameterNames();
    for (const char *name : {"smtpd_use_tls", "smtpd_enforce_tls", "smtp_use_tls", "smtp_enforce_tls",
                             "inet_interfaces", "smtpd_tls_eccert_file", "smtpd_tls_dcert_file"}) {
        const QString text = QString::fromLatin1(name);
        if (!names.contains(text))
            names.append(text);
    }
    return names;
}

void PostfixInspection::setProgramFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

void PostfixInspection::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
}

void PostfixInspection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = PostfixInspectionResult();
    if (!m_host) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] { finish(tr("There is no host to inspect Postfix on.")); });
        return;
    }
    if (!m_host->isLocal()) {
        m_result.remote = true;
        m_result.hostAddress = InspectedFolder::hostAddressOf(*m_host);
        // A fresh one for every run: a cancelled run's reads answer nobody.
        m_files = FileAccess::create(m_host);
    }
    // One reader for every run: a cancelled run's postconf ends in its own time.
    if (m_settings == nullptr) {
        m_settings = new PostfixSettings(m_host, m_configDirectory, this);
        m_settings->setParameterNames(parameterNames());
        connect(m_settings, &PostfixSettings::finished, this, &PostfixInspection::onSettings);
    }
    m_settings->setPostconfFolders(m_folders, m_searchPath);
    m_settings->setTimeout(m_timeout);
    m_settings->start();
}

void PostfixInspection::cancel()
{
    if (!m_running)
        return;
    discardProcess();
    if (m_files)
        m_files->cancel();
    finish(tr("The inspection was cancelled."));
    // Its finished() finds this inspection over and is ignored.
    if (m_settings != nullptr && m_settings->isRunning())
        m_settings->cancel();
}

void PostfixInspection::onSettings()
{
    if (!m_running)
        return;
    PostfixInspectionResult &r = m_result;
    r.settings = m_settings->result();
    if (!r.settings.ok) {
        finish(r.settings.error);
        return;
    }
    if (!r.settings.fromPostconf) {
        finish(tr("postconf was not found on this computer: is Postfix installed? (looked on PATH and in %1)")
                   .arg(m_folders.join(QStringLiteral(", "))));
        return;
    }
    r.configDirectory = !r.settings.effectiveConfigDirectory.isEmpty() ? r.settings.effectiveConfigDirectory
        : !m_configDirectory.isEmpty()                                 ? m_configDirectory
                                                                       : QStringLiteral("/etc/postfix");
    r.mainCfPath = QDir(r.configDirectory).filePath(QStringLiteral("main.cf"));
    if (r.remote) {
        readRemoteFiles();
        return;
    }
    const ConfigFile::Contents contents = ConfigFile::read(r.mainCfPath);
    if (!contents.error.isEmpty()) {
        finish(contents.error);
        return;
    }
    if (!contents.exists) {
        finish(tr("there is no main.cf in %1").arg(r.configDirectory));
        return;
    }
    r.mainCf = contents.bytes;
    r.postconfProgram = r.settings.postconfProgram;
    const QFileInfo postconf(r.postconfProgram);
    QString postfix;
    if (postconf.isAbsolute())
        postfix = QStandardPaths::findExecutable(QStringLiteral("postfix"), {postconf.absolutePath()});
    if (postfix.isEmpty() && m_searchPath)
        postfix = QStandardPaths::findExecutable(QStringLiteral("postfix"));
    if (postfix.isEmpty())
        postfix = QStandardPaths::findExecutable(QStringLiteral("postfix"), m_folders);
    if (postfix.isEmpty()) {
        finish(tr("the postfix command was not found beside %1").arg(r.postconfProgram));
        return;
    }
    r.postfixProgram = postfix;
    runStatus();
}

void PostfixInspection::readRemoteFiles()
{
    PostfixInspectionResult &r = m_result;
    r.postconfProgram = r.settings.postconfProgram;
    // Beside postconf when it was found by its path, else where the remote
    // PATH (or sudo's secure_path) finds it.
    const qsizetype slash = r.postconfProgram.lastIndexOf(QLatin1Char('/'));
    r.postfixProgram
        = slash < 0 ? QStringLiteral("postfix") : r.postconfProgram.left(slash + 1) + QStringLiteral("postfix");
    m_files->read(r.mainCfPath, [this](const HostFile &file) { onRemoteMainCf(file); });
}

void PostfixInspection::onRemoteMainCf(const HostFile &file)
{
    if (!m_running)
        return;
    PostfixInspectionResult &r = m_result;
    if (!file.error.isEmpty()) {
        finish(file.error);
        return;
    }
    if (!file.exists) {
        finish(tr("there is no main.cf in %1 on %2").arg(r.configDirectory, m_host->displayName()));
        return;
    }
    r.mainCf = file.bytes;
    r.files.insert(r.mainCfPath, contentsOf(file));
    // The DH file in use, and every file a Logjam plan may write: the plan
    // is made later, from these bytes.
    QStringList paths;
    const QString dhFile = r.effective(QStringLiteral("smtpd_tls_dh1024_param_file"));
    if (!dhFile.isEmpty() && dhFile != QLatin1String("auto"))
        paths.append(dhFile);
    for (const QString &path : PostfixFixes::dhFilePaths(r))
        if (!paths.contains(path))
            paths.append(path);
    m_files->existing(paths, [this, paths](const QStringList &existing, const QString &error) {
        if (!m_running)
            return;
        if (!error.isEmpty()) {
            finish(error);
            return;
        }
        for (const QString &path : paths)
            if (!existing.contains(path))
                m_result.files.insert(path, ConfigFile::Contents());
        readRemoteFile(existing, 0);
    });
}

void PostfixInspection::readRemoteFile(const QStringList &paths, int index)
{
    if (index >= paths.size()) {
        runStatus();
        return;
    }
    const QString path = paths.at(index);
    m_files->read(path, [this, paths, index, path](const HostFile &file) {
        if (!m_running)
            return;
        // A file the host refused to show (sudo, ssh) ends the inspection; a
        // file that cannot be read is the finding's or the plan's to report.
        if (file.hostProblem) {
            finish(file.error);
            return;
        }
        m_result.files.insert(path, contentsOf(file));
        readRemoteFile(paths, index + 1);
    });
}

void PostfixInspection::runStatus()
{
    runCommand({m_result.postfixProgram, QStringLiteral("-c"), m_result.configDirectory, QStringLiteral("status")},
               &PostfixInspection::onStatus);
}

void PostfixInspection::onStatus(int exitCode, bool ran)
{
    // A host that refused to run it (sudo without a rule, a lost login)
    // says nothing about Postfix, and would refuse the plan's commands too.
    if (ran && exitCode != 0 && m_host->needsUser(exitCode, m_output)) {
        finish(m_host->diagnose(exitCode, m_output));
        return;
    }
    m_result.statusOutput = QString::fromLocal8Bit(m_output).trimmed();
    // On a remote host the commands run as root (SudoCommandHost).
    const bool root = m_result.remote || ::geteuid() == 0;
    // postfix-script says "is not running" only to a terminal (else only to
    // the log), and exits 1 alike for "not running" and "not root".
    if (ran && exitCode == 0)
        m_result.running = PostfixInspectionResult::Running::Yes;
    else if (ran && (m_output.contains("is not running") || (exitCode == 1 && root)))
        m_result.running = PostfixInspectionResult::Running::No;
    else
        m_result.running = PostfixInspectionResult::Running::Unknown;
    const QString said = m_result.statusOutput.section(QLatin1Char('\n'), 0, 0);
    m_result.statusOutput = !ran ? tr("postfix status could not be run: %1").arg(said)
        : said.isEmpty()         ? tr("postfix status: exit status %1").arg(exitCode)
                                 : tr("postfix status: exit status %1 (%2)").arg(exitCode).arg(said);
    runOverrides();
}

void PostfixInspection::runOverrides()
{
    runCommand({m_result.postconfProgram, QStringLiteral("-c"), m_result.configDirectory, QStringLiteral("-P")},
               &PostfixInspection::onOverrides);
}

void PostfixInspection::onOverrides(int exitCode, bool ran)
{
    if (ran && exitCode == 0) {
        const QStringList names = parameterNames();
        for (const QByteArray &line : m_output.split('\n')) {
            // "service/type/parameter = value"
            const qsizetype equals = line.indexOf(" = ");
            const QString key = QString::fromUtf8(equals < 0 ? line.trimmed() : line.left(equals)).trimmed();
            const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
            if (slash <= 0)
                continue;
            PostfixInspectionResult::ServiceOverride o;
            o.service = key.left(slash);
            o.parameter = key.mid(slash + 1);
            o.value = equals < 0 ? QString() : QString::fromUtf8(line.mid(equals + 3)).trimmed();
            if (names.contains(o.parameter))
                m_result.overrides.append(o);
        }
    }
    complete(m_result);
    finish();
}

void PostfixInspection::complete(PostfixInspectionResult &r)
{
    static const QRegularExpression numbers(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch version = numbers.match(r.settings.mailVersion);
    if (version.hasMatch()) {
        r.versionMajor = version.captured(1).toInt();
        r.versionMinor = version.captured(2).toInt();
        r.versionPatch = version.captured(3).toInt();
    }
    static const QRegularExpression openssl(QStringLiteral("^OpenSSL (\\d+)\\."));
    const QRegularExpressionMatch ssl = openssl.match(r.settings.opensslVersion);
    r.opensslMajor = ssl.hasMatch() ? ssl.captured(1).toInt() : 0;

    r.dhFile = r.effective(QStringLiteral("smtpd_tls_dh1024_param_file"));
    r.dh.reset();
    if (!r.dhFile.isEmpty() && r.dhFile != QLatin1String("auto"))
        r.dh = r.remote ? ServiceHostFiles::inspectDh(r.file(r.dhFile)) : DhParameters::inspectFile(r.dhFile);
    r.dheExcluded = excludesDhe(r.effective(QStringLiteral("smtpd_tls_exclude_ciphers")));
    r.findings = PostfixAdvice::findings(r);
    r.ok = true;
    r.error.clear();
}

void PostfixInspection::runCommand(const QStringList &argv, void (PostfixInspection::*done)(int, bool))
{
    discardProcess();
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
    connect(process, &QProcess::finished, this, [this, process, done](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_timer->stop();
        const QByteArray rest = process->readAll();
        if (m_output.size() < MaxOutput)
            m_output += rest.left(MaxOutput - m_output.size());
        m_process = nullptr;
        process->deleteLater();
        (this->*done)(status == QProcess::NormalExit ? exitCode : -1, true);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, done](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        m_timer->stop();
        m_output = process->errorString().toLocal8Bit();
        m_process = nullptr;
        process->deleteLater();
        (this->*done)(-1, false);
    });
    m_timer->start(m_timeout);
    process->start();
    process->closeWriteChannel();
}

void PostfixInspection::discardProcess()
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

void PostfixInspection::finish(const QString &error)
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

PostfixInspectionResult PostfixInspection::read(std::shared_ptr<const CommandHost> host, const QString &configDirectory)
{
    PostfixInspection inspection(std::move(host), configDirectory);
    QEventLoop loop;
    connect(&inspection, &PostfixInspection::finished, &loop, &QEventLoop::quit);
    inspection.start();
    if (inspection.isRunning())
        loop.exec();
    return inspection.result();
}

} // namespace mailtls
