#include "models/mta/dovecotinspection.h"

#include <utility>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include "models/mta/dovecotadvice.h"
#include "models/mta/dovecotconfigreader.h"
#include "models/mta/dovecotfixes.h"
#include "models/mta/inspectedfolder.h"
#include "models/mta/servicehostfiles.h"
#include "models/sources/commandhost.h"

namespace mailtls {

namespace {

constexpr qsizetype MaxOutput = 256 * 1024;

// The first line of `text` that is not empty.
QString firstLine(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return QString::fromLocal8Bit(trimmed);
    }
    return QString();
}

// doveconf's error for a refused configuration: its Fatal line, else its
// first line.
QString doveconfError(const QByteArray &errors)
{
    for (const QByteArray &line : errors.split('\n')) {
        if (line.contains("Fatal:"))
            return QString::fromLocal8Bit(line.trimmed());
    }
    return firstLine(errors);
}

} // namespace

ConfigFile::Contents DovecotInspectionResult::file(const QString &path) const
{
    return ServiceHostFiles::fileIn(files, path);
}

bool DovecotInspectionResult::isAtLeast(int major, int minor) const
{
    return versionMajor > major || (versionMajor == major && versionMinor >= minor);
}

QString DovecotInspectionResult::settingName(Role role) const
{
    return settingName(role, usesServerSettings());
}

QString DovecotInspectionResult::settingName(Role role, bool serverSettings)
{
    switch (role) {
    case Role::Ssl:
        return QStringLiteral("ssl");
    case Role::Dh:
        return serverSettings ? QStringLiteral("ssl_server_dh_file") : QStringLiteral("ssl_dh");
    case Role::MinProtocol:
        return QStringLiteral("ssl_min_protocol");
    case Role::CipherList:
        return QStringLiteral("ssl_cipher_list");
    case Role::PreferServerCiphers:
        return serverSettings ? QStringLiteral("ssl_server_prefer_ciphers")
                              : QStringLiteral("ssl_prefer_server_ciphers");
    case Role::Cert:
        return serverSettings ? QStringLiteral("ssl_server_cert_file") : QStringLiteral("ssl_cert");
    case Role::Key:
        return serverSettings ? QStringLiteral("ssl_server_key_file") : QStringLiteral("ssl_key");
    case Role::BaseDir:
        return QStringLiteral("base_dir");
    case Role::Listen:
        return QStringLiteral("listen");
    case Role::Protocols:
        return QStringLiteral("protocols");
    }
    return QString();
}

QStringList DovecotInspectionResult::settingNames() const
{
    QStringList names;
    for (const Role role : {Role::Ssl, Role::Dh, Role::MinProtocol, Role::CipherList, Role::PreferServerCiphers,
                            Role::Cert, Role::Key, Role::BaseDir, Role::Listen, Role::Protocols})
        names.append(settingName(role));
    return names;
}

QString DovecotInspectionResult::effective(Role role) const
{
    return settings.value(settingName(role));
}

QString DovecotInspectionResult::origin(Role role) const
{
    const std::optional<DovecotConfig::Setting> setting = config.value(settingName(role).toUtf8());
    if (!setting)
        return tr("Dovecot's default");
    QString path = setting->path;
    const QString prefix = configDirectory + QLatin1Char('/');
    if (path.startsWith(prefix))
        path = path.mid(prefix.size());
    return tr("%1 line %2").arg(path).arg(setting->line);
}

QString DovecotInspectionResult::versionText() const
{
    const QString version = versionOutput.section(QLatin1Char(' '), 0, 0);
    const QString dovecot = version.isEmpty() ? tr("Dovecot (version unknown)") : tr("Dovecot %1").arg(version);
    if (opensslVersion.isEmpty())
        return tr("%1, OpenSSL version unknown").arg(dovecot);
    return tr("%1 with %2").arg(dovecot, opensslVersion);
}

bool DovecotInspectionResult::sslEnabled() const
{
    return effective(Role::Ssl).trimmed().toLower() != QLatin1String("no");
}

bool DovecotInspectionResult::hasServerCertificate() const
{
    return !effective(Role::Cert).trimmed().isEmpty();
}

QString DovecotInspectionResult::listenAddress() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    const QStringList words = effective(Role::Listen).split(separators, Qt::SkipEmptyParts);
    if (remote) {
        if (hostAddress.isEmpty())
            return QString();
        const QHostAddress host(hostAddress);
        for (QString word : words) {
            if (word.startsWith(QLatin1Char('[')) && word.endsWith(QLatin1Char(']')))
                word = word.mid(1, word.size() - 2);
            const bool any = word == QLatin1String("*") || word == QLatin1String("0.0.0.0");
            const bool anyV6 = word == QLatin1String("::");
            if ((any && host.protocol() == QAbstractSocket::IPv4Protocol)
                || (anyV6 && host.protocol() == QAbstractSocket::IPv6Protocol) || QHostAddress(word) == host)
                return hostAddress;
        }
        // Its loopback cannot be reached from here.
        for (QString word : words) {
            if (word.startsWith(QLatin1Char('[')) && word.endsWith(QLatin1Char(']')))
                word = word.mid(1, word.size() - 2);
            const QHostAddress address(word);
            if (!address.isNull() && !address.isLoopback() && address != QHostAddress::AnyIPv4
                && address != QHostAddress::AnyIPv6)
                return address.toString();
        }
        return QString();
    }
    QString v4;
    QString v6;
    bool anyV6 = false;
    for (QString word : words) {
        if (word == QLatin1String("*") || word == QLatin1String("0.0.0.0"))
            return QStringLiteral("127.0.0.1");
        if (word == QLatin1String("::") || word == QLatin1String("[::]")) {
            anyV6 = true;
            continue;
        }
        if (word.startsWith(QLatin1Char('[')) && word.endsWith(QLatin1Char(']')))
            word = word.mid(1, word.size() - 2);
        QHostAddress address;
        if (!address.setAddress(word))
            continue;
        if (address.protocol() == QAbstractSocket::IPv4Protocol && v4.isEmpty())
            v4 = address.toString();
        else if (address.protocol() == QAbstractSocket::IPv6Protocol && v6.isEmpty())
            v6 = address.toString();
    }
    if (!v4.isEmpty())
        return v4;
    if (anyV6)
        return QStringLiteral("::1");
    return v6;
}

DovecotInspection::DovecotInspection(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
    , m_folders {QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/bin"),
                 QStringLiteral("/usr/local/sbin")}
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_process != nullptr)
            m_process->kill();
    });
}

DovecotInspection::~DovecotInspection()
{
    discardProcess();
}

void DovecotInspection::setProgramFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

void DovecotInspection::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
}

QString DovecotInspection::findProgram(const QString &name, const QStringList &besides) const
{
    QString program;
    if (!besides.isEmpty())
        program = QStandardPaths::findExecutable(name, besides);
    if (program.isEmpty() && m_searchPath)
        program = QStandardPaths::findExecutable(name);
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(name, m_folders);
    return program;
}

void DovecotInspection::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = DovecotInspectionResult();
    if (!m_host) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] { finish(tr("There is no host to inspect Dovecot on.")); });
        return;
    }
    DovecotInspectionResult &r = m_result;
    const QString given = m_configDirectory.isEmpty() ? QStringLiteral("/etc/dovecot") : m_configDirectory;
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
    r.configPath = r.configDirectory + QStringLiteral("/dovecot.conf");
    // Fresh ones for every run: a cancelled run's reads answer nobody.
    delete m_reader;
    m_reader = nullptr;
    delete m_files;
    m_files = new ServiceHostFiles(m_host, this);
    if (r.remote)
        findRemotePrograms();
    else
        findLocalPrograms();
}

void DovecotInspection::findLocalPrograms()
{
    QHash<QString, QString> found;
    const QString doveconf = findProgram(QStringLiteral("doveconf"));
    found.insert(QStringLiteral("doveconf"), doveconf);
    if (!doveconf.isEmpty()) {
        const QString bin = QFileInfo(doveconf).absolutePath();
        const QString sbin = QDir::cleanPath(bin + QStringLiteral("/../sbin"));
        found.insert(QStringLiteral("doveadm"), findProgram(QStringLiteral("doveadm"), {bin}));
        found.insert(QStringLiteral("dovecot"), findProgram(QStringLiteral("dovecot"), {sbin, bin}));
    }
    for (const QString &name : {QStringLiteral("openssl"), QStringLiteral("pgrep"), QStringLiteral("pkill")})
        found.insert(name, findProgram(name));
    // Answered like a remote look: never from inside start().
    QTimer::singleShot(0, this, [this, found] { onPrograms(found); });
}

void DovecotInspection::findRemotePrograms()
{
    // Every place each program may be, in one look; the first one there wins.
    const QStringList names {QStringLiteral("doveconf"), QStringLiteral("dovecot"), QStringLiteral("doveadm"),
                             QStringLiteral("openssl"),  QStringLiteral("pgrep"),   QStringLiteral("pkill")};
    QStringList candidates;
    for (const QString &folder : std::as_const(m_folders))
        for (const QString &name : names)
            candidates.append(QDir::cleanPath(folder + QLatin1Char('/') + name));
    m_files->existing(candidates, [this, names](const QStringList &existing, const QString &hostError) {
        if (!m_running)
            return;
        if (!hostError.isEmpty()) {
            finish(hostError);
            return;
        }
        const auto first = [&existing](const QStringList &places, const QString &name) {
            for (const QString &place : places) {
                const QString path = QDir::cleanPath(place + QLatin1Char('/') + name);
                if (existing.contains(path))
                    return path;
            }
            return QString();
        };
        QHash<QString, QString> found;
        const QString doveconf = first(m_folders, QStringLiteral("doveconf"));
        found.insert(QStringLiteral("doveconf"), doveconf);
        const QString bin = QFileInfo(doveconf).path();
        const QString sbin = QDir::cleanPath(bin + QStringLiteral("/../sbin"));
        found.insert(QStringLiteral("doveadm"), first(QStringList {bin} + m_folders, QStringLiteral("doveadm")));
        found.insert(QStringLiteral("dovecot"), first(QStringList {sbin, bin} + m_folders, QStringLiteral("dovecot")));
        for (const QString &name : names.mid(3))
            found.insert(name, first(m_folders, name));
        onPrograms(found);
    });
}

void DovecotInspection::onPrograms(const QHash<QString, QString> &found)
{
    if (!m_running)
        return;
    DovecotInspectionResult &r = m_result;
    r.doveconfProgram = found.value(QStringLiteral("doveconf"));
    if (r.doveconfProgram.isEmpty()) {
        const QString folders = m_folders.join(QStringLiteral(", "));
        if (r.remote)
            finish(tr("doveconf was not found on %1: is Dovecot installed? (looked in %2)")
                       .arg(m_host->displayName(), folders));
        else
            finish(
                m_searchPath
                    ? tr("doveconf was not found on this computer: is Dovecot installed? (looked on "
                         "PATH and in %1)")
                          .arg(folders)
                    : tr("doveconf was not found on this computer: is Dovecot installed? (looked in %1)").arg(folders));
        return;
    }
    r.doveadmProgram = found.value(QStringLiteral("doveadm"));
    r.dovecotProgram = found.value(QStringLiteral("dovecot"));
    m_openssl = found.value(QStringLiteral("openssl"));
    r.pgrepProgram = found.value(QStringLiteral("pgrep"));
    r.pkillProgram = found.value(QStringLiteral("pkill"));
    readConfig();
}

void DovecotInspection::readConfig()
{
    m_reader = new DovecotConfigReader(m_files, this);
    m_reader->read(m_result.configPath, [this](const QString &hostError) { onConfig(hostError); });
}

void DovecotInspection::onConfig(const QString &hostError)
{
    if (!m_running)
        return;
    if (!hostError.isEmpty()) {
        finish(hostError);
        return;
    }
    DovecotInspectionResult &r = m_result;
    r.config = m_reader->config();
    if (!m_reader->loaded()) {
        const bool missing = !m_files->files().value(r.configPath).exists;
        finish(!missing       ? r.config.errorString()
                   : r.remote ? tr("there is no dovecot.conf in %1 on %2").arg(r.configDirectory, m_host->displayName())
                              : tr("there is no dovecot.conf in %1").arg(r.configDirectory));
        return;
    }
    if (r.dovecotProgram.isEmpty())
        runOpenssl();
    else
        runCommand({r.dovecotProgram, QStringLiteral("--version")}, &DovecotInspection::onVersion);
}

void DovecotInspection::cancel()
{
    if (!m_running)
        return;
    discardProcess();
    if (m_files != nullptr)
        m_files->cancel();
    finish(tr("The inspection was cancelled."));
}

void DovecotInspection::onVersion(int exitCode, bool ran)
{
    if (ran && exitCode == 0)
        m_result.versionOutput = firstLine(m_output);
    runOpenssl();
}

void DovecotInspection::runOpenssl()
{
    if (!m_running)
        return;
    if (m_openssl.isEmpty()) {
        runCheck();
        return;
    }
    runCommand({m_openssl, QStringLiteral("version")}, &DovecotInspection::onOpenssl);
}

void DovecotInspection::onOpenssl(int exitCode, bool ran)
{
    if (ran && exitCode == 0) {
        // "OpenSSL 3.0.15 3 Sep 2024 (Library: OpenSSL 3.0.15 3 Sep 2024)":
        // the library is what Dovecot's TLS module loads.
        const QString line = firstLine(m_output);
        static const QRegularExpression library(QStringLiteral("\\(Library: ([^)]*)\\)"));
        const QRegularExpressionMatch match = library.match(line);
        m_result.opensslVersion = match.hasMatch() ? match.captured(1).trimmed() : line;
    }
    runCheck();
}

void DovecotInspection::runCheck()
{
    runCommand({m_result.doveconfProgram, QStringLiteral("-n"), QStringLiteral("-c"), m_result.configPath},
               &DovecotInspection::onCheck);
}

void DovecotInspection::onCheck(int exitCode, bool ran)
{
    DovecotInspectionResult &r = m_result;
    if (!ran) {
        finish(tr("doveconf could not be run: %1").arg(firstLine(m_errors)));
        return;
    }
    r.configValid = exitCode == 0;
    if (!r.configValid)
        r.configCheckOutput = doveconfError(m_errors);
    // "# 2.3.19.1 (9b53102964): /etc/dovecot/dovecot.conf"
    if (r.versionOutput.isEmpty()) {
        static const QRegularExpression header(QStringLiteral("^# (\\d+\\.\\d+[^:]*):"));
        const QRegularExpressionMatch match = header.match(QString::fromLocal8Bit(m_output.left(200)));
        if (match.hasMatch())
            r.versionOutput = match.captured(1).trimmed();
    }
    static const QRegularExpression numbers(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch version = numbers.match(r.versionOutput);
    if (version.hasMatch()) {
        r.versionMajor = version.captured(1).toInt();
        r.versionMinor = version.captured(2).toInt();
        r.versionPatch = version.captured(3).toInt();
    }
    m_pendingSettings = r.settingNames();
    runSetting();
}

void DovecotInspection::runSetting()
{
    if (m_pendingSettings.isEmpty()) {
        runStatus();
        return;
    }
    runCommand({m_result.doveconfProgram, QStringLiteral("-c"), m_result.configPath, QStringLiteral("-h"),
                m_pendingSettings.constFirst()},
               &DovecotInspection::onSetting);
}

void DovecotInspection::onSetting(int exitCode, bool ran)
{
    const QString name = m_pendingSettings.takeFirst();
    if (!ran || exitCode != 0) {
        const QString said = doveconfError(m_errors);
        finish(ran ? tr("doveconf refused the configuration (%1 -h %2, exit status %3): %4")
                         .arg(m_result.configPath, name)
                         .arg(exitCode)
                         .arg(said)
                   : tr("doveconf could not be run: %1").arg(said));
        return;
    }
    QByteArray value = m_output;
    if (value.endsWith('\n'))
        value.chop(1);
    m_result.settings.insert(name, QString::fromUtf8(value));
    runSetting();
}

void DovecotInspection::runStatus()
{
    DovecotInspectionResult &r = m_result;
    QString baseDir = r.effective(DovecotInspectionResult::Role::BaseDir);
    if (baseDir.isEmpty())
        baseDir = QStringLiteral("/run/dovecot");
    r.pidFile = QDir::cleanPath(baseDir + QStringLiteral("/master.pid"));
    if (r.remote) {
        // Root there reads it: whether it exists is the question.
        m_files->existing({r.pidFile}, [this](const QStringList &existing, const QString &hostError) {
            if (!m_running)
                return;
            if (!hostError.isEmpty()) {
                finish(hostError);
                return;
            }
            DovecotInspectionResult &r = m_result;
            if (existing.isEmpty()) {
                r.running = DovecotInspectionResult::Running::No;
                r.statusOutput = tr("%1 does not exist: Dovecot is not running").arg(r.pidFile);
                readFiles();
            } else if (r.pgrepProgram.isEmpty()) {
                r.running = DovecotInspectionResult::Running::Unknown;
                r.statusOutput = tr("pgrep was not found: whether Dovecot runs cannot be told");
                readFiles();
            } else {
                runCommand(
                    {r.pgrepProgram, QStringLiteral("-F"), r.pidFile, QStringLiteral("-x"), QStringLiteral("dovecot")},
                    &DovecotInspection::onStatus);
            }
        });
        return;
    }
    const QFileInfo pid(r.pidFile);
    if (!pid.exists()) {
        r.running = DovecotInspectionResult::Running::No;
        r.statusOutput = tr("%1 does not exist: Dovecot is not running").arg(r.pidFile);
    } else if (!pid.isReadable()) {
        r.running = DovecotInspectionResult::Running::Unknown;
        r.statusOutput = tr("%1 cannot be read: run MailTLS as root to tell whether Dovecot runs").arg(r.pidFile);
    } else if (r.pgrepProgram.isEmpty()) {
        r.running = DovecotInspectionResult::Running::Unknown;
        r.statusOutput = tr("pgrep was not found: whether Dovecot runs cannot be told");
    } else {
        runCommand({r.pgrepProgram, QStringLiteral("-F"), r.pidFile, QStringLiteral("-x"), QStringLiteral("dovecot")},
                   &DovecotInspection::onStatus);
        return;
    }
    readFiles();
}

void DovecotInspection::readFiles()
{
    m_files->read(filesToRead(m_result), [this](const QString &hostError) {
        if (!m_running)
            return;
        if (!hostError.isEmpty()) {
            finish(hostError);
            return;
        }
        // The configuration's own files are in DovecotConfig already.
        const QStringList paths = filesToRead(m_result);
        for (const QString &path : paths)
            m_result.files.insert(path, m_files->files().value(path));
        complete(m_result);
        finish();
    });
}

void DovecotInspection::onStatus(int exitCode, bool ran)
{
    DovecotInspectionResult &r = m_result;
    if (ran && exitCode == 0) {
        r.running = DovecotInspectionResult::Running::Yes;
        r.statusOutput = tr("Dovecot runs (master process %1)").arg(firstLine(m_output));
    } else if (ran && exitCode == 1) {
        r.running = DovecotInspectionResult::Running::No;
        r.statusOutput = tr("no dovecot process has the number in %1: Dovecot is not running").arg(r.pidFile);
    } else {
        r.running = DovecotInspectionResult::Running::Unknown;
        r.statusOutput = tr("pgrep -F %1: exit status %2 (%3)").arg(r.pidFile).arg(exitCode).arg(firstLine(m_errors));
    }
    readFiles();
}

void DovecotInspection::complete(DovecotInspectionResult &r)
{
    static const QRegularExpression numbers(QStringLiteral("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch version = numbers.match(r.versionOutput);
    if (version.hasMatch()) {
        r.versionMajor = version.captured(1).toInt();
        r.versionMinor = version.captured(2).toInt();
        r.versionPatch = version.captured(3).toInt();
    }
    static const QRegularExpression openssl(QStringLiteral("^OpenSSL (\\d+)\\."));
    const QRegularExpressionMatch ssl = openssl.match(r.opensslVersion);
    r.opensslMajor = ssl.hasMatch() ? ssl.captured(1).toInt() : 0;

    using Role = DovecotInspectionResult::Role;
    const QByteArray dhKey = r.settingName(Role::Dh).toUtf8();
    const QString value = r.effective(Role::Dh).trimmed();
    findDhFile(r);
    r.dh.reset();
    if (!r.dhFile.isEmpty())
        r.dh = ServiceHostFiles::inspectDh(r.file(r.dhFile));
    else if (!value.isEmpty())
        // The parameters written into the setting itself.
        r.dh = DhParameters::inspect(value.toUtf8());
    r.dheOffered = cipherListOffersDhe(r.effective(Role::CipherList));
    r.dhOverrides = r.config.sectionDefinitions(dhKey);
    r.findings = DovecotAdvice::findings(r);
    r.ok = true;
    r.error.clear();
}

void DovecotInspection::findDhFile(DovecotInspectionResult &r)
{
    using Role = DovecotInspectionResult::Role;
    const QString value = r.effective(Role::Dh).trimmed();
    r.dhFile.clear();
    if (value.startsWith(QLatin1Char('<')) || (r.usesServerSettings() && !value.isEmpty())) {
        const std::optional<DovecotConfig::Setting> setting = r.config.value(r.settingName(Role::Dh).toUtf8());
        if (setting && setting->kind == DovecotConfig::ValueKind::File)
            r.dhFile = setting->filePath();
        else
            r.dhFile = value.startsWith(QLatin1Char('<')) ? value.mid(1).trimmed() : value;
    }
}

QStringList DovecotInspection::filesToRead(const DovecotInspectionResult &result)
{
    DovecotInspectionResult r = result;
    findDhFile(r);
    QStringList paths;
    if (!r.dhFile.isEmpty())
        paths.append(r.dhFile);
    for (const QString &path : DovecotFixes::dhFilePaths(r))
        if (!paths.contains(path))
            paths.append(path);
    return paths;
}

bool DovecotInspection::cipherListOffersDhe(const QString &cipherList)
{
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (context == nullptr)
        return true;
    bool dhe = true;
    if (SSL_CTX_set_cipher_list(context, cipherList.toUtf8().constData()) == 1) {
        dhe = false;
        const STACK_OF(SSL_CIPHER) *ciphers = SSL_CTX_get_ciphers(context);
        for (int i = 0; ciphers != nullptr && i < sk_SSL_CIPHER_num(ciphers) && !dhe; ++i)
            dhe = SSL_CIPHER_get_kx_nid(sk_SSL_CIPHER_value(ciphers, i)) == NID_kx_dhe;
    }
    ERR_clear_error();
    SSL_CTX_free(context);
    return dhe;
}

void DovecotInspection::runCommand(const QStringList &argv, Done done)
{
    discardProcess();
    m_output.clear();
    m_errors.clear();
    auto *process = new QProcess(this);
    m_process = process;
    m_host->prepare(*process, argv);
    const auto take = [](QByteArray &into, const QByteArray &chunk) {
        if (into.size() < MaxOutput)
            into += chunk.left(MaxOutput - into.size());
    };
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, process, take] { take(m_output, process->readAllStandardOutput()); });
    connect(process, &QProcess::readyReadStandardError, this,
            [this, process, take] { take(m_errors, process->readAllStandardError()); });
    connect(process, &QProcess::finished, this, [this, process, done, take](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_timer->stop();
        take(m_output, process->readAllStandardOutput());
        take(m_errors, process->readAllStandardError());
        m_process = nullptr;
        process->deleteLater();
        const int code = status == QProcess::NormalExit ? exitCode : -1;
        // A host that refused to run it (sudo without a rule, a lost login)
        // says nothing about Dovecot, and would refuse the plan's commands too.
        if (code != 0 && m_host->needsUser(code, m_errors)) {
            finish(m_host->diagnose(code, m_errors));
            return;
        }
        (this->*done)(code, true);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, done](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        m_timer->stop();
        m_errors = process->errorString().toLocal8Bit();
        m_process = nullptr;
        process->deleteLater();
        (this->*done)(-1, false);
    });
    m_timer->start(m_timeout);
    process->start();
    process->closeWriteChannel();
}

void DovecotInspection::discardProcess()
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

void DovecotInspection::finish(const QString &error)
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

DovecotInspectionResult DovecotInspection::read(std::shared_ptr<const CommandHost> host, const QString &configDirectory)
{
    DovecotInspection inspection(std::move(host), configDirectory);
    QEventLoop loop;
    connect(&inspection, &DovecotInspection::finished, &loop, &QEventLoop::quit);
    inspection.start();
    if (inspection.isRunning())
        loop.exec();
    return inspection.result();
}

} // namespace mailtls
