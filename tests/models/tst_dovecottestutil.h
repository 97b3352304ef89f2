#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

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

} // namespace mailtls::dovecottest
