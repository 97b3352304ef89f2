#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include "models/mta/configfile.h"
#include "models/mta/dovecotinspection.h"

// What the Dovecot tests share: Debian's dovecot-core unpacked by the
// debian_packages fixture (its configuration files and its doveconf, which
// finds its private libraries through LD_LIBRARY_PATH), and file helpers.
namespace mailtls::dovecottest {

inline QString packageRoot()
{
    return QStringLiteral(MAILTLS_DEBS_DIR "/dovecot");
}

// Where Debian keeps the configuration it installs into /etc/dovecot.
inline QString shareDir()
{
    return packageRoot() + QStringLiteral("/usr/share/dovecot");
}

inline QString doveconfProgram()
{
    return packageRoot() + QStringLiteral("/usr/bin/doveconf");
}

inline QString dovecotProgram()
{
    return packageRoot() + QStringLiteral("/usr/sbin/dovecot");
}

inline QString libraryDir()
{
    return packageRoot() + QStringLiteral("/usr/lib/dovecot");
}

inline bool havePackage()
{
    return QFileInfo(doveconfProgram()).isExecutable()
        && QFileInfo::exists(shareDir() + QStringLiteral("/dovecot.conf"));
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

// Debian's configuration as the package installs it: DIR/dovecot.conf and
// DIR/conf.d/ (the .conf files and the .conf.ext ones they include).
inline bool installDebianConfig(const QString &dir)
{
    if (!writeFile(dir + QStringLiteral("/dovecot.conf"), readFile(shareDir() + QStringLiteral("/dovecot.conf"))))
        return false;
    const QDir confD(shareDir() + QStringLiteral("/conf.d"));
    const QStringList names = confD.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (!writeFile(dir + QStringLiteral("/conf.d/") + name, readFile(confD.filePath(name))))
            return false;
    }
    return !names.isEmpty();
}

// The real doveconf with `arguments`; its standard output, and the exit code
// (-1 when it did not run) and standard error when asked for.
inline QByteArray doveconf(const QStringList &arguments, int *exitCode = nullptr, QByteArray *errors = nullptr)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LD_LIBRARY_PATH"), libraryDir());
    process.setProcessEnvironment(environment);
    process.start(doveconfProgram(), arguments);
    const bool finished = process.waitForFinished(30000);
    if (exitCode != nullptr)
        *exitCode = finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (errors != nullptr)
        *errors = process.readAllStandardError();
    return process.readAllStandardOutput();
}

// Dovecot's defaults (2.3.19, else 2.4) for the settings the inspection reads.
inline QHash<QString, QString> dovecotDefaults(bool serverSettings)
{
    using Role = DovecotInspectionResult::Role;
    const auto name
        = [serverSettings](Role role) { return DovecotInspectionResult::settingName(role, serverSettings); };
    return {
        {name(Role::Ssl), QStringLiteral("yes")},
        {name(Role::Dh), QString()},
        {name(Role::MinProtocol), QStringLiteral("TLSv1.2")},
        {name(Role::CipherList),
         QStringLiteral(
             "ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH")},
        {name(Role::PreferServerCiphers), serverSettings ? QStringLiteral("client") : QStringLiteral("no")},
        {name(Role::Cert), QString()},
        {name(Role::Key), QString()},
        {name(Role::BaseDir), QStringLiteral("/run/dovecot")},
        {name(Role::Listen), QStringLiteral("*, ::")},
        {name(Role::Protocols), QStringLiteral("imap pop3 lmtp")},
    };
}

// What an inspection of DIR/dovecot.conf finds, without running Dovecot:
// the files as they are now, each setting's global value from them (else
// the default), Dovecot running.
inline DovecotInspectionResult handMadeInspection(const QString &dir,
                                                  const QString &version = QStringLiteral("2.3.19.1 (9b53102964)"),
                                                  const QString &openssl = QStringLiteral("OpenSSL 3.0.22 25 Aug 2026"))
{
    DovecotInspectionResult r;
    r.configDirectory = dir;
    r.configPath = dir + QStringLiteral("/dovecot.conf");
    if (!r.config.load(r.configPath)) {
        r.error = r.config.errorString();
        return r;
    }
    r.doveconfProgram = QStringLiteral("/usr/bin/doveconf");
    r.doveadmProgram = QStringLiteral("/usr/bin/doveadm");
    r.dovecotProgram = QStringLiteral("/usr/sbin/dovecot");
    r.versionOutput = version;
    r.opensslVersion = openssl;
    r.versionMajor = version.section(QLatin1Char('.'), 0, 0).toInt();
    r.versionMinor = version.section(QLatin1Char('.'), 1, 1).toInt();
    const QHash<QString, QString> defaults = dovecotDefaults(r.usesServerSettings());
    for (const QString &name : r.settingNames()) {
        const std::optional<DovecotConfig::Setting> setting = r.config.value(name.toUtf8());
        r.settings.insert(name, setting ? QString::fromUtf8(setting->rawValue()) : defaults.value(name));
    }
    r.pidFile = dir + QStringLiteral("/run/master.pid");
    r.running = DovecotInspectionResult::Running::Yes;
    // What an inspection reads ahead for the plans, as the files are now.
    for (const QString &path : DovecotInspection::filesToRead(r))
        r.files.insert(path, ConfigFile::read(path));
    DovecotInspection::complete(r);
    return r;
}

} // namespace mailtls::dovecottest
