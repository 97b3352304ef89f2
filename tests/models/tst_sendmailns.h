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
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QThread>

#include "models/tls/dhparameters.h"

// The Sendmail tests that run the real sendmail and m4 do it where Debian's
// sendmail packages look installed (tests/integration/lib/sendmailns.sh: a
// private mount namespace with overlays, /etc/mail a folder of the test's
// own, /usr/share/sendmail the package's cf files, sendmail-mta, m4). The
// test program starts itself again in there; its main() calls
// runInSendmailNamespace() first.
namespace mailtls::testutil {

inline const char *sendmailNamespaceVariable()
{
    return "MAILTLS_SENDMAIL_NAMESPACE";
}

// Inside the namespace: its ROOT folder (see sendmailns.sh). Outside: empty.
inline QString sendmailNamespaceRoot()
{
    return qEnvironmentVariable(sendmailNamespaceVariable());
}

// Why the namespace could not be made (the tests then skip), or empty.
inline QString sendmailNamespaceUnavailable()
{
    return qEnvironmentVariable("MAILTLS_SENDMAIL_NAMESPACE_UNAVAILABLE");
}

inline QString sendmailDebs()
{
    return QStringLiteral(MAILTLS_DEBS_DIR "/sendmail");
}

// Runs this test program again inside sendmailns.sh and returns its exit
// status, or -1 to go on here (already inside, or without root, unshare or
// the unpacked packages: the reason is left in
// MAILTLS_SENDMAIL_NAMESPACE_UNAVAILABLE).
inline int runInSendmailNamespace(int argc, char *argv[])
{
    if (std::getenv(sendmailNamespaceVariable()) != nullptr)
        return -1;
    const QString script = QStringLiteral(MAILTLS_TEST_DATA_DIR "/../integration/lib/sendmailns.sh");
    QString unavailable;
    if (::geteuid() != 0)
        unavailable = QStringLiteral("the Sendmail tests run sendmail in a private mount namespace, which needs root");
    else if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        unavailable = QStringLiteral("unshare (util-linux) is not installed");
    else if (!QFile::exists(sendmailDebs() + QStringLiteral("/usr/libexec/sendmail/sendmail")))
        unavailable = QStringLiteral("Debian's sendmail is not unpacked in %1: run ctest -R debian_packages")
                          .arg(sendmailDebs());
    if (!unavailable.isEmpty()) {
        ::setenv("MAILTLS_SENDMAIL_NAMESPACE_UNAVAILABLE", unavailable.toLocal8Bit().constData(), 1);
        return -1;
    }
    char root[] = "/tmp/mailtls-sendmail-XXXXXX";
    if (::mkdtemp(root) == nullptr) {
        std::perror("mkdtemp");
        return 1;
    }
    ::chmod(root, 0755);
    ::setenv(sendmailNamespaceVariable(), root, 1);
    const std::string scriptPath = QFile::encodeName(script).toStdString();
    const std::string debsPath = QFile::encodeName(sendmailDebs()).toStdString();
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

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &bytes, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

// Runs a command inside the namespace and waits; its standard output, or a
// null array when it failed (the output of both channels then goes to
// `error`).
inline QByteArray run(const QStringList &argv, QString *error = nullptr, const QString &folder = QString())
{
    QProcess process;
    process.setProgram(argv.value(0));
    process.setArguments(argv.mid(1));
    if (!folder.isEmpty())
        process.setWorkingDirectory(folder);
    process.start();
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error != nullptr)
            *error = QStringLiteral("%1: exit %2: %3%4")
                         .arg(argv.join(QLatin1Char(' ')))
                         .arg(process.exitCode())
                         .arg(QString::fromLocal8Bit(process.readAllStandardOutput()),
                              QString::fromLocal8Bit(process.readAllStandardError()));
        return QByteArray();
    }
    const QByteArray out = process.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

// sendmail.cf from /etc/mail/sendmail.mc the way Debian's /etc/mail/Makefile
// builds it (m4, then the .mc copied with "# " before each line).
inline bool makeCf(QString *error)
{
    const QByteArray output
        = run({QStringLiteral("m4"), QStringLiteral("sendmail.mc")}, error, QStringLiteral("/etc/mail"));
    if (output.isNull())
        return false;
    QByteArray cf = output + "### /etc/mail/sendmail.mc ###\n";
    const QByteArray mc = readFile(QStringLiteral("/etc/mail/sendmail.mc"));
    qsizetype at = 0;
    while (at < mc.size()) {
        const qsizetype end = mc.indexOf('\n', at);
        if (end < 0) {
            cf += "# " + mc.mid(at);
            break;
        }
        cf += "# " + mc.mid(at, end + 1 - at);
        at = end + 1;
    }
    return writeFile(QStringLiteral("/etc/mail/sendmail.cf"), cf);
}

// What installing sendmail leaves in /etc/mail (Debian's sendmail.mc and
// submit.mc, the m4 folder, update_tls's certificate, key and DH parameters
// and the package's starttls.m4), with `mcEdits` applied to sendmail.mc
// (pairs of text and its replacement) and starttls.m4 included before the
// mailers when `includeStartTls`. The DH file is `dhPem`, or update_tls's
// 2048-bit DSA-style group when empty.
inline bool makeDebianConfig(QString *error, const QList<QPair<QByteArray, QByteArray>> &mcEdits = {},
                             bool includeStartTls = true, const QByteArray &dhPem = QByteArray())
{
    QDir etc(QStringLiteral("/etc/mail"));
    for (const QString &entry : etc.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        QFileInfo(etc.filePath(entry)).isDir() ? QDir(etc.filePath(entry)).removeRecursively()
                                               : QFile::remove(etc.filePath(entry));
    const QString share = sendmailDebs() + QStringLiteral("/usr/share/sendmail");
    QByteArray mc = readFile(share + QStringLiteral("/cf/debian/sendmail.mc"));
    if (mc.isEmpty()) {
        *error = QStringLiteral("Debian's sendmail.mc is not in %1").arg(share);
        return false;
    }
    if (includeStartTls)
        mc.replace("dnl # Default Mailer setup\n",
                   "include(`/etc/mail/tls/starttls.m4')dnl\ndnl # Default Mailer setup\n");
    for (const auto &edit : mcEdits) {
        if (!mc.contains(edit.first)) {
            *error = QStringLiteral("sendmail.mc holds no \"%1\"").arg(QString::fromUtf8(edit.first));
            return false;
        }
        mc.replace(edit.first, edit.second);
    }
    const QString tls = QStringLiteral("/etc/mail/tls");
    bool ok = writeFile(QStringLiteral("/etc/mail/sendmail.mc"), mc)
        && writeFile(QStringLiteral("/etc/mail/submit.mc"), readFile(share + QStringLiteral("/cf/debian/submit.mc")))
        && writeFile(QStringLiteral("/etc/mail/m4/dialup.m4"), QByteArray(), 0640)
        && writeFile(QStringLiteral("/etc/mail/m4/provider.m4"), QByteArray(), 0640)
        && writeFile(QStringLiteral("/etc/mail/local-host-names"), QByteArray())
        && writeFile(tls + QStringLiteral("/starttls.m4"),
                     readFile(share + QStringLiteral("/examples/tls/starttls.m4")), 0744);
    if (!ok) {
        *error = QStringLiteral("cannot fill /etc/mail");
        return false;
    }
    // The certificate, key and DH group are made once per test program.
    const QString cache = sendmailNamespaceRoot() + QStringLiteral("/pki-cache");
    const QStringList names {QStringLiteral("sendmail-common.key"), QStringLiteral("sendmail-server.crt"),
                             QStringLiteral("sendmail-common.prm")};
    if (QFile::exists(cache + QStringLiteral("/sendmail-common.prm"))) {
        for (const QString &name : names) {
            const int mode = name.endsWith(QLatin1String(".crt")) ? 0644 : 0640;
            if (!writeFile(tls + QLatin1Char('/') + name, readFile(cache + QLatin1Char('/') + name), mode)) {
                *error = QStringLiteral("cannot copy %1").arg(name);
                return false;
            }
        }
        return dhPem.isEmpty() || writeFile(tls + QStringLiteral("/sendmail-common.prm"), dhPem, 0640);
    }
    if (run({QStringLiteral("openssl"), QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=mx.sendmail.test"), QStringLiteral("-keyout"),
             tls + QStringLiteral("/sendmail-common.key"), QStringLiteral("-out"),
             tls + QStringLiteral("/sendmail-server.crt")},
            error)
            .isNull())
        return false;
    ::chmod("/etc/mail/tls/sendmail-common.key", 0640);
    const QString prm = tls + QStringLiteral("/sendmail-common.prm");
    // update_tls: `openssl dsaparam -out PRM 2048`, then `openssl dhparam
    // -dsaparam -in PRM >> PRM`.
    const QByteArray dsa = run({QStringLiteral("openssl"), QStringLiteral("dsaparam"), QStringLiteral("2048")}, error);
    if (dsa.isNull() || !writeFile(prm, dsa, 0640))
        return false;
    const QByteArray dh = run(
        {QStringLiteral("openssl"), QStringLiteral("dhparam"), QStringLiteral("-dsaparam"), QStringLiteral("-in"), prm},
        error);
    if (dh.isNull() || !writeFile(prm, dsa + dh, 0640))
        return false;
    for (const QString &name : names)
        writeFile(cache + QLatin1Char('/') + name, readFile(tls + QLatin1Char('/') + name), 0600);
    return dhPem.isEmpty() || writeFile(prm, dhPem, 0640);
}

// A Sendmail daemon the test started: stopped by PID, SIGTERM first.
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
            const qint64 pid = file.readLine().trimmed().toLongLong();
            if (pid > 0 && ::kill(pid_t(pid), 0) == 0)
                return pid;
        }
        QThread::msleep(50);
    }
    return 0;
}

} // namespace mailtls::testutil
