#pragma once

// Real DNS for the probe's resolver tests: dnsmasq serving test zones on its
// own loopback address (port 53, as Qt 6.4's QDnsLookup has no port setting),
// and a trap that proves nothing went to the system resolver. The test
// process runs in a private mount namespace whose /etc/resolv.conf names only
// the trap (another dnsmasq that answers nothing and logs every query), so a
// look-up without the probe's server set would show up in the trap's log
// instead of leaving the machine.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

namespace dnstest {

// Why the isolation could not be made (empty when it was); set before the
// QCoreApplication exists, read by the tests.
inline QString &isolationProblem()
{
    static QString problem;
    return problem;
}

// Must run before any thread starts: a mount namespace is per thread, and
// QDnsLookup's worker threads inherit the one of the thread that made them.
inline QString isolateSystemResolver(const char *trapAddress)
{
    if (geteuid() != 0)
        return QStringLiteral("needs root (dnsmasq on port 53, a private mount namespace)");
    char dir[] = "/tmp/mailtls-dnstrap-XXXXXX";
    if (!mkdtemp(dir))
        return QStringLiteral("mkdtemp: ") + QString::fromLocal8Bit(std::strerror(errno));
    const std::string conf = std::string(dir) + "/resolv.conf";
    FILE *file = std::fopen(conf.c_str(), "w");
    if (!file)
        return QStringLiteral("cannot write ") + QString::fromStdString(conf);
    std::fprintf(file, "nameserver %s\noptions timeout:1 attempts:1\n", trapAddress);
    std::fclose(file);
    QString problem;
    if (unshare(CLONE_NEWNS) != 0)
        problem = QStringLiteral("unshare(CLONE_NEWNS): ") + QString::fromLocal8Bit(std::strerror(errno));
    else if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        problem = QStringLiteral("making / private: ") + QString::fromLocal8Bit(std::strerror(errno));
    else if (mount(conf.c_str(), "/etc/resolv.conf", nullptr, MS_BIND, nullptr) != 0)
        problem
            = QStringLiteral("bind-mounting over /etc/resolv.conf: ") + QString::fromLocal8Bit(std::strerror(errno));
    // The bind mount keeps the file's contents; the temporary name can go.
    ::unlink(conf.c_str());
    ::rmdir(dir);
    return problem;
}

// Is something bound to this IPv4 address and UDP port? From /proc, so the
// server sees no query.
inline bool udpBound(const QHostAddress &address, quint16 port)
{
    QFile table(QStringLiteral("/proc/net/udp"));
    if (!table.open(QIODevice::ReadOnly))
        return false;
    // The kernel prints the address as its in-memory (network order) bytes
    // read as a little-endian word.
    const quint32 raw = qbswap(address.toIPv4Address());
    const QByteArray want = QByteArray::number(raw, 16).rightJustified(8, '0').toUpper() + ':'
        + QByteArray::number(port, 16).rightJustified(4, '0').toUpper();
    for (const QByteArray &line : table.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 1 && fields.at(1) == want)
            return true;
    }
    return false;
}

// One dnsmasq on loopback, answering only from its own records.
class Dnsmasq
{
public:
    Dnsmasq() = default;
    Dnsmasq(const Dnsmasq &) = delete;
    Dnsmasq &operator=(const Dnsmasq &) = delete;
    ~Dnsmasq() { stop(); }

    // dnsmasq lives in sbin, which a test's PATH may lack.
    static QString program()
    {
        const QString inPath = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"));
        return !inPath.isEmpty() ? inPath
                                 : QStandardPaths::findExecutable(
                                     QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    }
    static bool available() { return !program().isEmpty(); }

    // `records`: dnsmasq options such as --mx-host=…, --host-record=…,
    // --txt-record=…, --local=/test/. They go through a configuration file,
    // where dnsmasq takes a quoted TXT value (commas included) as one string;
    // on its command line it keeps the quotes and splits at the commas.
    bool start(const QString &address, const QStringList &records, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_address = address;
        const QString confPath = m_dir.filePath(QStringLiteral("dnsmasq.conf"));
        QFile conf(confPath);
        if (!conf.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write ") + confPath;
            return false;
        }
        for (const QString &record : records)
            conf.write((record.startsWith(QLatin1String("--")) ? record.mid(2) : record).toUtf8() + '\n');
        conf.close();
        QStringList arguments
            = {QStringLiteral("--conf-file=") + confPath, QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
               QStringLiteral("--bind-interfaces"), QStringLiteral("--listen-address=") + address,
               QStringLiteral("--port=53"), QStringLiteral("--keep-in-foreground"), QStringLiteral("--log-queries"),
               QStringLiteral("--log-facility=") + logPath(),
               QStringLiteral("--pid-file=") + m_dir.filePath(QStringLiteral("dnsmasq.pid")),
               // Answers are not cached by the tests' own look-ups.
               QStringLiteral("--local-ttl=0")};
        m_process.setProgram(program());
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("dnsmasq did not start: ") + m_process.errorString();
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (!udpBound(QHostAddress(address), 53)) {
            if (m_process.state() != QProcess::Running || clock.elapsed() > 5000) {
                m_process.kill();
                m_process.waitForFinished(2000);
                *error = QStringLiteral("dnsmasq on %1 did not listen: %2")
                             .arg(address, QString::fromLocal8Bit(m_process.readAll()) + log());
                return false;
            }
            QTest::qWait(20);
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        // SIGTERM: dnsmasq writes out its log before it ends.
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    QString logPath() const { return m_dir.filePath(QStringLiteral("dnsmasq.log")); }

    QString log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    // "query[TXT] name from 127.0.0.1", one a query, in order.
    QStringList queries() const
    {
        QStringList out;
        for (const QString &line : log().split(u'\n')) {
            const qsizetype at = line.indexOf(QLatin1String("query["));
            if (at >= 0)
                out.append(line.mid(at));
        }
        return out;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_address;
};

} // namespace dnstest

// A QTest main() that first moves the process into its own mount namespace
// with /etc/resolv.conf naming only `trapAddress`.
#define DNSTEST_MAIN(TestObject, trapAddress)                                                                          \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        dnstest::isolationProblem() = dnstest::isolateSystemResolver(trapAddress);                                     \
        QCoreApplication app(argc, argv);                                                                              \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
