#include "models/mta/sendmailcfbuilder.h"

#include <optional>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "models/sources/commandhost.h"

namespace mailtls {

void SendmailCfBuilder::enterFolder(QProcess &process, const QString &folder)
{
    process.setWorkingDirectory(folder);
    QProcessEnvironment environment = process.processEnvironment();
    if (environment.isEmpty())
        environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PWD"), folder);
    process.setProcessEnvironment(environment);
}

QStringList SendmailCfBuilder::remoteCommand(const QString &m4Program, const QString &folder, const QString &mcPath)
{
    QStringList argv {m4Program, QStringLiteral("-I"), folder};
    if (!mcPath.isEmpty())
        argv.append(mcPath);
    return argv;
}

SendmailCfBuilder::Build SendmailCfBuilder::buildCopy(const CommandHost &host, const QString &m4Program,
                                                      const QString &workingDirectory, const QString &mcPath,
                                                      const QByteArray &mc, int timeoutMs)
{
    Build build;
    if (m4Program.isEmpty()) {
        build.error = tr("m4 is not installed, and sendmail.cf is built with it (apt install m4)");
        return build;
    }
    const bool local = host.isLocal();
    std::optional<QTemporaryDir> folder;
    QString copyPath;
    if (local) {
        folder.emplace();
        if (!folder->isValid()) {
            build.error = tr("cannot make a temporary folder to build sendmail.cf in: %1").arg(folder->errorString());
            return build;
        }
        copyPath = folder->filePath(QStringLiteral("sendmail.mc"));
        QFile copy(copyPath);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(mc) != mc.size() || !copy.flush()) {
            build.error = tr("cannot write %1: %2").arg(copyPath, copy.errorString());
            return build;
        }
        copy.close();
    }

    QProcess process;
    if (local) {
        host.prepare(process, command(m4Program, copyPath));
        enterFolder(process, workingDirectory);
    } else {
        host.prepare(process, remoteCommand(m4Program, workingDirectory));
    }
    process.start();
    if (!local)
        process.write(mc);
    process.closeWriteChannel();
    if (!process.waitForStarted(timeoutMs)) {
        build.error = tr("%1 could not be run: %2").arg(m4Program, process.errorString());
        return build;
    }
    // m4 writes all of a large .cf before it ends: read as it comes, or the
    // pipe fills and m4 waits forever.
    QElapsedTimer timer;
    timer.start();
    while (process.state() != QProcess::NotRunning && timer.elapsed() < timeoutMs) {
        process.waitForFinished(int(qMin<qint64>(200, qMax<qint64>(1, timeoutMs - timer.elapsed()))));
        build.output += process.readAllStandardOutput();
        build.errors += process.readAllStandardError();
        if (build.output.size() > MaxOutputBytes) {
            process.kill();
            process.waitForFinished(1000);
            build.error = tr("m4 wrote more than %1 bytes for %2").arg(MaxOutputBytes).arg(mcPath);
            return build;
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(1000);
        build.error
            = tr("m4 did not finish building %1 within %n second(s)", nullptr, (timeoutMs + 999) / 1000).arg(mcPath);
        return build;
    }
    build.output += process.readAllStandardOutput();
    build.errors += process.readAllStandardError();
    // m4 names its input in its messages: the real file's name instead.
    if (local)
        build.errors.replace(QFile::encodeName(copyPath), QFile::encodeName(mcPath));
    else
        build.errors.replace("m4:stdin:", "m4:" + QFile::encodeName(mcPath) + ':');
    if (process.exitStatus() != QProcess::NormalExit) {
        build.error = tr("m4 crashed building %1").arg(mcPath);
        return build;
    }
    // The host refused to run it (sudo without a rule, a lost login).
    const QString refused = host.diagnose(process.exitCode(), build.errors);
    if (process.exitCode() != 0 && !refused.isEmpty()) {
        build.error = refused;
        return build;
    }
    if (process.exitCode() != 0) {
        build.error = tr("m4 failed on %1 (exit status %2): %3")
                          .arg(mcPath)
                          .arg(process.exitCode())
                          .arg(QString::fromLocal8Bit(build.errors).trimmed());
        return build;
    }
    build.ok = true;
    return build;
}

} // namespace mailtls
