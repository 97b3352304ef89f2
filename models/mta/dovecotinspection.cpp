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
    if (!m_host || !m_host->isLocal()) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] { finish(tr("Dovecot can be inspected on this computer only, for now.")); });
        return;
    }
    DovecotInspectionResult &r = m_result;
    r.configDirectory = QDir::cleanPath(
        QFileInfo(m_configDirectory.isEmpty() ? QStringLiteral("/etc/dovecot") : m_configDirectory).absoluteFilePath());
    r.configPath = r.configDirectory + QStringLiteral("/dovecot.conf");
    r.doveconfProgram = findProgram(QStringLiteral("doveconf"));
    if (r.doveconfProgram.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            const QString folders = m_folders.join(QStringLiteral(", "));
            finish(
                m_searchPath
                    ? tr("doveconf was not found on this computer: is Dovecot installed? (looked on "
                         "PATH and in %1)")
                          .arg(folders)
                    : tr("doveconf was not found on this computer: is Dovecot installed? (looked in %1)").arg(folders));
        });
        return;
    }
    if (!r.config.load(r.configPath)) {
        const QString error = QFileInfo::exists(r.configPath)
            ? r.config.errorString()
            : tr("there is no dovecot.conf in %1").arg(r.configDirectory);
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    const QString bin = QFileInfo(r.doveconfProgram).absolutePath();
    const QString sbin = QDir::cleanPath(bin + QStringLiteral("/../sbin"));
    r.doveadmProgram = findProgram(QStringLiteral("doveadm"), {bin});
    r.dovecotProgram = findProgram(QStringLiteral("dovecot"), {sbin, bin});
    if (r.dovecotProgram.isEmpty())
        QTimer::singleShot(0, this, [this] { runOpenssl(); });
    else
        runCommand({r.dovecotProgram, QStringLiteral("--version")}, &DovecotInspection::onVersion);
}

void DovecotInspection::cancel()
{
    if (!m_running)
        return;
    discardProcess();
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
    const QString openssl = findProgram(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        runCheck();
        return;
    }
    runCommand({openssl, QStringLiteral("version")}, &DovecotInspection::onOpenssl);
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
    const QFileInfo pid(r.pidFile);
    const QString pgrep = findProgram(QStringLiteral("pgrep"));
    if (!pid.exists()) {
        r.running = DovecotInspectionResult::Running::No;
        r.statusOutput = tr("%1 does not exist: Dovecot is not running").arg(r.pidFile);
    } else if (!pid.isReadable()) {
        r.running = DovecotInspectionResult::Running::Unknown;
        r.statusOutput = tr("%1 cannot be read: run MailTLS as root to tell whether Dovecot runs").arg(r.pidFile);
    } else if (pgrep.isEmpty()) {
        r.running = DovecotInspectionResult::Running::Unknown;
        r.statusOutput = tr("pgrep was not found: whether Dovecot runs cannot be told");
    } else {
        runCommand({pgrep, QStringLiteral("-F"), r.pidFile, QStringLiteral("-x"), QStringLiteral("dovecot")},
                   &DovecotInspection::onStatus);
        return;
    }
    complete(r);
    finish();
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
    complete(r);
    finish();
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
    QString value = r.effective(Role::Dh).trimmed();
    r.dhFile.clear();
    r.dh.reset();
    if (value.startsWith(QLatin1Char('<')) || (r.usesServerSettings() && !value.isEmpty())) {
        const std::optional<DovecotConfig::Setting> setting = r.config.value(dhKey);
        if (setting && setting->kind == DovecotConfig::ValueKind::File)
            r.dhFile = setting->filePath();
        else
            r.dhFile = value.startsWith(QLatin1Char('<')) ? value.mid(1).trimmed() : value;
        r.dh = DhParameters::inspectFile(r.dhFile);
    } else if (!value.isEmpty()) {
        // The parameters written into the setting itself.
        r.dh = DhParameters::inspect(value.toUtf8());
    }
    r.dheOffered = cipherListOffersDhe(r.effective(Role::CipherList));
    r.dhOverrides = r.config.sectionDefinitions(dhKey);
    r.findings = DovecotAdvice::findings(r);
    r.ok = true;
    r.error.clear();
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
        (this->*done)(status == QProcess::NormalExit ? exitCode : -1, true);
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
