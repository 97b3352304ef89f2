#include "models/mta/postfixsettings.h"

#include <utility>

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include "models/mta/postfixmaincf.h"
#include "models/sources/localcommandhost.h"

namespace mailtls {

namespace {

// postconf's answers are a few kilobytes; anything past this is not postconf.
constexpr qsizetype MaxOutput = 1024 * 1024;
// A remote shell's exit status for a command it cannot find.
constexpr int CommandNotFound = 127;

// "name = value" lines as postconf prints them (value possibly empty).
QHash<QString, QString> parseAssignments(const QByteArray &output)
{
    QHash<QString, QString> values;
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype space = line.indexOf(' ');
        if (space <= 0 || line.mid(space, 2) != " =")
            continue;
        values.insert(QString::fromUtf8(line.left(space)), QString::fromUtf8(line.mid(space + 2).trimmed()));
    }
    return values;
}

QStringList lines(const QByteArray &output)
{
    QStringList result;
    for (const QByteArray &line : output.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.isEmpty())
            result.append(text);
    }
    return result;
}

// The text after "PROGRAM: warning: " (postconf names itself as it was
// started, path and all), empty when the line has no such marker.
QString afterMarker(const QString &line, QLatin1String marker)
{
    const qsizetype at = line.indexOf(marker);
    return at < 0 ? QString() : line.mid(at + marker.size()).trimmed();
}

// "OpenSSL 3.0.15 3 Sep 2024 (Library: OpenSSL 3.0.15 3 Sep 2024)": the
// library is what a linked program gets; the command's own build comes first.
QString opensslLibrary(const QByteArray &output)
{
    const QString line = lines(output).value(0);
    const QString marker = QStringLiteral("(Library: ");
    const qsizetype at = line.indexOf(marker);
    if (at >= 0 && line.endsWith(QLatin1Char(')')))
        return line.mid(at + marker.size(), line.size() - at - marker.size() - 1).trimmed();
    return line;
}

} // namespace

const PostfixParameter *PostfixSettingsResult::parameter(const QString &name) const
{
    for (const PostfixParameter &parameter : parameters) {
        if (parameter.name == name)
            return &parameter;
    }
    return nullptr;
}

PostfixSettings::PostfixSettings(std::shared_ptr<const CommandHost> host, QString configDirectory, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_configDirectory(std::move(configDirectory))
    , m_names(tlsParameterNames())
    , m_folders {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")}
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_process == nullptr)
            return;
        m_timedOut = true;
        m_process->kill();
    });
}

PostfixSettings::~PostfixSettings()
{
    discardProcess();
}

QStringList PostfixSettings::tlsParameterNames()
{
    return {
        QStringLiteral("smtpd_tls_security_level"),    QStringLiteral("smtp_tls_security_level"),
        QStringLiteral("smtpd_tls_loglevel"),          QStringLiteral("smtp_tls_loglevel"),
        QStringLiteral("smtpd_tls_dh1024_param_file"), QStringLiteral("smtpd_tls_dh512_param_file"),
        QStringLiteral("tls_ffdhe_auto_groups"),       QStringLiteral("smtpd_tls_cert_file"),
        QStringLiteral("smtpd_tls_key_file"),          QStringLiteral("smtpd_tls_chain_files"),
        QStringLiteral("smtpd_tls_exclude_ciphers"),   QStringLiteral("smtpd_tls_mandatory_protocols"),
        QStringLiteral("smtpd_tls_protocols"),         QStringLiteral("tls_high_cipherlist"),
        QStringLiteral("smtpd_tls_eecdh_grade"),
    };
}

void PostfixSettings::setParameterNames(const QStringList &names)
{
    m_names = names;
}

void PostfixSettings::setPostconfProgram(const QString &program)
{
    m_programOverride = program;
}

void PostfixSettings::setPostconfFolders(const QStringList &folders, bool searchPath)
{
    m_folders = folders;
    m_searchPath = searchPath;
}

void PostfixSettings::setTimeout(int milliseconds)
{
    m_timeout = milliseconds;
}

QString PostfixSettings::sourceText(PostfixParameter::Source source)
{
    switch (source) {
    case PostfixParameter::Source::MainCf:
        return tr("set in main.cf");
    case PostfixParameter::Source::Default:
        return tr("Postfix default");
    case PostfixParameter::Source::NotInThisPostfix:
        return tr("not in this Postfix");
    case PostfixParameter::Source::Unknown:
        return tr("not set in main.cf (default unknown)");
    }
    return QString();
}

QStringList PostfixSettings::postconfCandidates() const
{
    if (!m_programOverride.isEmpty())
        return {m_programOverride};
    if (!m_host->isLocal()) {
        // The remote login shell's PATH often lacks the sbin folders.
        return {QStringLiteral("postconf"), QStringLiteral("/usr/sbin/postconf"),
                QStringLiteral("/usr/local/sbin/postconf")};
    }
    QString found;
    if (m_searchPath)
        found = QStandardPaths::findExecutable(QStringLiteral("postconf"));
    if (found.isEmpty() && !m_folders.isEmpty())
        found = QStandardPaths::findExecutable(QStringLiteral("postconf"), m_folders);
    return found.isEmpty() ? QStringList() : QStringList {found};
}

void PostfixSettings::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = PostfixSettingsResult();
    m_result.configDirectory = m_configDirectory;
    m_values.clear();
    m_defaults.clear();
    m_expanded.clear();
    m_explicit.clear();
    m_opensslPath.clear();
    m_candidates = postconfCandidates();
    if (m_candidates.isEmpty()) {
        // Finishing from start() would reach a caller that has not connected yet.
        QTimer::singleShot(0, this, [this] {
            if (m_running)
                readFileInstead();
        });
        return;
    }
    m_step = Step::Values;
    runStep();
}

void PostfixSettings::cancel()
{
    if (!m_running)
        return;
    discardProcess();
    fail(tr("Reading the Postfix settings was cancelled."));
}

QStringList PostfixSettings::stepCommand() const
{
    QStringList command;
    if (m_step == Step::OpensslVersion)
        return {m_opensslPath, QStringLiteral("version")};
    command.append(m_candidates.constFirst());
    if (!m_configDirectory.isEmpty())
        command << QStringLiteral("-c") << m_configDirectory;
    switch (m_step) {
    case Step::Values:
        command << QStringLiteral("mail_version") << QStringLiteral("config_directory")
                << QStringLiteral("openssl_path");
        break;
    case Step::Defaults:
        command << QStringLiteral("-d");
        break;
    case Step::Explicit:
        command << QStringLiteral("-n");
        break;
    case Step::Expanded:
        command << QStringLiteral("-x");
        break;
    case Step::OpensslVersion:
        break;
    }
    return command + m_names;
}

void PostfixSettings::runStep()
{
    discardProcess();
    m_output.clear();
    m_errorOutput.clear();
    m_timedOut = false;
    m_outputTooLarge = false;

    auto *process = new QProcess(this);
    m_process = process;
    m_host->prepare(*process, stepCommand());
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        m_output += process->readAllStandardOutput();
        if (m_output.size() > MaxOutput) {
            m_outputTooLarge = true;
            process->kill();
        }
    });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        m_errorOutput += process->readAllStandardError();
        if (m_errorOutput.size() > MaxOutput)
            m_errorOutput = m_errorOutput.right(MaxOutput / 2);
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        if (process != m_process)
            return;
        m_output += process->readAllStandardOutput();
        m_errorOutput += process->readAllStandardError();
        stepFinished(true, exitCode, status == QProcess::CrashExit);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (process != m_process || error != QProcess::FailedToStart)
            return;
        // Queued: a start that fails at once must not finish inside start().
        QMetaObject::invokeMethod(
            this,
            [this, process] {
                if (process == m_process)
                    stepFinished(false, -1, false);
            },
            Qt::QueuedConnection);
    });
    m_timer->start(m_timeout);
    process->start();
}

QString PostfixSettings::commandFailure(int exitCode, bool crashed) const
{
    const QString program = QDir::fromNativeSeparators(stepCommand().constFirst()).section(QLatin1Char('/'), -1);
    if (m_timedOut)
        return tr("%1 did not answer within %n second(s).", nullptr, (m_timeout + 999) / 1000).arg(program);
    if (m_outputTooLarge)
        return tr("%1 wrote more than %2 bytes; that is not postconf's answer.").arg(program).arg(MaxOutput);
    const QString hostWords = m_host->diagnose(crashed ? -1 : exitCode, m_errorOutput);
    if (!hostWords.isEmpty())
        return hostWords;
    if (crashed)
        return tr("%1 crashed.").arg(program);
    // postconf says what is wrong in its last "fatal:" line.
    const QStringList errorLines = lines(m_errorOutput);
    for (auto it = errorLines.crbegin(); it != errorLines.crend(); ++it) {
        const QString fatal = afterMarker(*it, QLatin1String(": fatal: "));
        if (!fatal.isEmpty())
            return fatal;
    }
    const QString reason = errorLines.value(errorLines.size() - 1);
    if (reason.isEmpty())
        return tr("%1 ended with exit status %2.").arg(program).arg(exitCode);
    return tr("%1 ended with exit status %2: %3").arg(program).arg(exitCode).arg(reason);
}

void PostfixSettings::stepFinished(bool started, int exitCode, bool crashed)
{
    m_timer->stop();
    const bool ok = started && !crashed && exitCode == 0 && !m_timedOut && !m_outputTooLarge;

    switch (m_step) {
    case Step::Values: {
        const bool notFound = !started || (!m_host->isLocal() && exitCode == CommandNotFound && !m_timedOut);
        if (notFound) {
            m_candidates.removeFirst();
            if (!m_candidates.isEmpty()) {
                runStep();
                return;
            }
            if (m_host->isLocal() && m_programOverride.isEmpty()) {
                readFileInstead();
                return;
            }
            if (!m_programOverride.isEmpty()) {
                fail(tr("%1 was not found on %2.").arg(m_programOverride, m_host->displayName()));
                return;
            }
            fail(tr("postconf was not found on %1 (tried PATH, /usr/sbin and /usr/local/sbin).")
                     .arg(m_host->displayName()));
            return;
        }
        if (!ok) {
            fail(tr("postconf could not read the Postfix configuration: %1").arg(commandFailure(exitCode, crashed)));
            return;
        }
        m_result.fromPostconf = true;
        m_result.postconfProgram = m_candidates.constFirst();
        m_values = parseAssignments(m_output);
        m_result.mailVersion = m_values.value(QStringLiteral("mail_version"));
        m_result.effectiveConfigDirectory = m_values.value(QStringLiteral("config_directory"));
        m_opensslPath = m_values.value(QStringLiteral("openssl_path"));
        // postconf says which parameters it does not know; those are ours to report.
        for (const QString &line : lines(m_errorOutput)) {
            const QString warning = afterMarker(line, QLatin1String(": warning: "));
            const QString text = warning.isEmpty() ? line : warning;
            const QLatin1String unknown(": unknown parameter");
            if (text.endsWith(unknown) && m_names.contains(text.left(text.size() - unknown.size())))
                continue;
            if (!m_result.warnings.contains(text))
                m_result.warnings.append(text);
        }
        nextStep(Step::Defaults);
        return;
    }
    case Step::Defaults:
    case Step::Explicit:
        if (!ok) {
            fail(tr("postconf could not read the Postfix configuration: %1").arg(commandFailure(exitCode, crashed)));
            return;
        }
        if (m_step == Step::Defaults) {
            m_defaults = parseAssignments(m_output);
            nextStep(Step::Explicit);
        } else {
            const QHash<QString, QString> set = parseAssignments(m_output);
            for (auto it = set.cbegin(); it != set.cend(); ++it)
                m_explicit.insert(it.key());
            nextStep(Step::Expanded);
        }
        return;
    case Step::Expanded:
        if (ok) {
            m_expanded = parseAssignments(m_output);
        } else {
            // Postfix before 2.11 has no -x: the values stay as written.
            m_result.warnings.append(
                tr("postconf could not expand the values: %1").arg(commandFailure(exitCode, crashed)));
        }
        nextStep(Step::OpensslVersion);
        return;
    case Step::OpensslVersion:
        if (ok)
            m_result.opensslVersion = opensslLibrary(m_output);
        else
            m_result.warnings.append(
                tr("The OpenSSL version could not be read: %1").arg(commandFailure(exitCode, crashed)));
        succeed();
        return;
    }
}

void PostfixSettings::nextStep(Step step)
{
    m_step = step;
    if (step == Step::OpensslVersion && m_opensslPath.isEmpty()) {
        succeed();
        return;
    }
    runStep();
}

void PostfixSettings::succeed()
{
    discardProcess();
    for (const QString &name : std::as_const(m_names)) {
        PostfixParameter parameter;
        parameter.name = name;
        // Every parameter Postfix knows has a default, if only an empty one.
        if (!m_defaults.contains(name)) {
            parameter.source = PostfixParameter::Source::NotInThisPostfix;
        } else {
            parameter.source
                = m_explicit.contains(name) ? PostfixParameter::Source::MainCf : PostfixParameter::Source::Default;
            parameter.value = m_values.value(name);
            parameter.defaultValue = m_defaults.value(name);
            parameter.expandedValue = m_expanded.value(name, parameter.value);
        }
        m_result.parameters.append(parameter);
    }
    m_result.ok = true;
    m_running = false;
    emit finished();
}

void PostfixSettings::readFileInstead()
{
    const QString directory = m_configDirectory.isEmpty() ? QStringLiteral("/etc/postfix") : m_configDirectory;
    PostfixMainCf document;
    if (!document.load(directory + QStringLiteral("/main.cf"))) {
        fail(tr("postconf was not found on this computer, and main.cf could not be read either: %1")
                 .arg(document.errorString()));
        return;
    }
    m_result.fromPostconf = false;
    m_result.effectiveConfigDirectory = directory;
    // The one default that is certain: main.cf's own folder.
    const QHash<QByteArray, QByteArray> defaults {{"config_directory", directory.toUtf8()}};
    m_result.warnings.append(tr("postconf was not found on this computer: the settings come from %1 alone, "
                                "without Postfix's defaults or version.")
                                 .arg(document.path()));
    for (const PostfixMainCf::Problem &problem : document.problems())
        m_result.warnings.append(problem.message);
    for (const QString &name : std::as_const(m_names)) {
        PostfixParameter parameter;
        parameter.name = name;
        const QByteArray key = name.toUtf8();
        if (const std::optional<QByteArray> value = document.value(key)) {
            parameter.source = PostfixParameter::Source::MainCf;
            parameter.value = QString::fromUtf8(*value);
            parameter.expandedValue = QString::fromUtf8(document.expanded(key, defaults).value);
        }
        m_result.parameters.append(parameter);
    }
    m_result.ok = true;
    m_running = false;
    emit finished();
}

void PostfixSettings::fail(const QString &error)
{
    discardProcess();
    m_timer->stop();
    m_result.ok = false;
    m_result.error = error;
    m_result.parameters.clear();
    m_running = false;
    emit finished();
}

void PostfixSettings::discardProcess()
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

PostfixSettingsResult PostfixSettings::read(std::shared_ptr<const CommandHost> host, const QString &configDirectory,
                                            const QStringList &names)
{
    PostfixSettings settings(host ? std::move(host) : std::make_shared<LocalCommandHost>(), configDirectory);
    settings.setParameterNames(names);
    QEventLoop loop;
    connect(&settings, &PostfixSettings::finished, &loop, &QEventLoop::quit);
    settings.start();
    if (settings.isRunning())
        loop.exec();
    return settings.result();
}

} // namespace mailtls
