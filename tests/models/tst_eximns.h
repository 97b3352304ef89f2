#pragma once

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QThread>

// The Exim tests that run the real exim4 binary do it where Debian's exim4
// packages look installed (tests/integration/lib/eximns.sh: a private mount
// namespace with overlays, Debian-exim in /etc/passwd, /etc/exim4 a folder
// of the test's own). The test program starts itself again in there; its
// main() calls runInEximNamespace() first.
namespace mailtls::testutil {

inline const char *eximNamespaceVariable()
{
    return "MAILTLS_EXIM_NAMESPACE";
}

// Inside the namespace: its ROOT folder (see eximns.sh). Outside: empty.
inline QString eximNamespaceRoot()
{
    return qEnvironmentVariable(eximNamespaceVariable());
}

// Why the namespace could not be made (the tests then skip), or empty.
inline QString eximNamespaceUnavailable()
{
    return qEnvironmentVariable("MAILTLS_EXIM_NAMESPACE_UNAVAILABLE");
}

// Runs this test program again inside eximns.sh and returns its exit status,
// or -1 to go on here (already inside, or without root or unshare: the
// reason is left in MAILTLS_EXIM_NAMESPACE_UNAVAILABLE).
inline int runInEximNamespace(int argc, char *argv[])
{
    if (std::getenv(eximNamespaceVariable()) != nullptr)
        return -1;
    const QString script = QStringLiteral(MAILTLS_TEST_DATA_DIR "/../integration/lib/eximns.sh");
    const QString debs = QStringLiteral(MAILTLS_DEBS_DIR "/exim");
    QString unavailable;
    if (::geteuid() != 0)
        unavailable = QStringLiteral("the Exim tests run exim4 in a private mount namespace, which needs root");
    else if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        unavailable = QStringLiteral("unshare (util-linux) is not installed");
    else if (!QFile::exists(debs + QStringLiteral("/usr/sbin/exim4")))
        unavailable = QStringLiteral("Debian's exim4 is not unpacked in %1: run ctest -R debian_packages").arg(debs);
    if (!unavailable.isEmpty()) {
        ::setenv("MAILTLS_EXIM_NAMESPACE_UNAVAILABLE", unavailable.toLocal8Bit().constData(), 1);
        return -1;
    }
    char root[] = "/tmp/mailtls-exim-XXXXXX";
    if (::mkdtemp(root) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    ::chmod(root, 0755);
    ::setenv(eximNamespaceVariable(), root, 1);
    const std::string scriptPath = QFile::encodeName(script).toStdString();
    const std::string debsPath = QFile::encodeName(debs).toStdString();
    std::vector<const char *> args {"sh", scriptPath.c_str(), debsPath.c_str(), root};
    for (int i = 0; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        ::execvp("sh", const_cast<char *const *>(args.data()));
        std::perror("exec sh");
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            break;
    }
    QDir(QString::fromLocal8Bit(root)).removeRecursively();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

// An exim4 daemon the test started: stopped by PID, SIGTERM first.
inline bool stopProcess(qint64 pid, int timeoutMs = 10000)
{
    if (pid <= 0)
        return true;
    ::kill(pid_t(pid), SIGTERM);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (::kill(pid_t(pid), 0) != 0)
            return true;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const qsizetype close = line.lastIndexOf(')');
            if (close > 0 && line.mid(close + 2, 1) == "Z")
                return true;
        }
        QThread::msleep(50);
    }
    ::kill(pid_t(pid), SIGKILL);
    return false;
}

inline qint64 pidFromFile(const QString &path, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            const qint64 pid = file.readAll().trimmed().toLongLong();
            if (pid > 0 && ::kill(pid_t(pid), 0) == 0)
                return pid;
        }
        QThread::msleep(50);
    }
    return 0;
}

// Whether something listens on ADDR:PORT, from /proc/net/tcp (no connection
// made, so the server logs nothing).
inline bool listening(const QString &address, quint16 port)
{
    const QStringList parts = address.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    const QString want = QStringLiteral("%1%2%3%4:%5")
                             .arg(parts.at(3).toInt(), 2, 16, QLatin1Char('0'))
                             .arg(parts.at(2).toInt(), 2, 16, QLatin1Char('0'))
                             .arg(parts.at(1).toInt(), 2, 16, QLatin1Char('0'))
                             .arg(parts.at(0).toInt(), 2, 16, QLatin1Char('0'))
                             .arg(port, 4, 16, QLatin1Char('0'))
                             .toUpper();
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 3 && QString::fromLatin1(fields.at(1)).toUpper() == want && fields.at(3) == "0A")
            return true;
    }
    return false;
}

} // namespace mailtls::testutil
