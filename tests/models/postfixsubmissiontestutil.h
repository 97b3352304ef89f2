#pragma once

// A real Postfix taking letters on a 127.0.18.x address (tests/integration/submission_postfix.sh):
// port 2587 requires STARTTLS, 2588 offers none, 2465 speaks TLS from the
// first byte; every letter for example.test or beispiel.test lands in one
// mbox. Needs root and Postfix; usable() says why not.

#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>

namespace postfixsubmission {

inline QString script()
{
    return QStringLiteral(MAILTLS_TEST_DATA_DIR "/../integration/submission_postfix.sh");
}

// Debian's packages unpacked by the debian_packages fixture (or where
// MAILTLS_DEBS_DIR says).
inline QString debsDir()
{
    const QString env = qEnvironmentVariable("MAILTLS_DEBS_DIR");
    return env.isEmpty() ? QStringLiteral(MAILTLS_DEBS_DIR) : env;
}

// Empty when a private Postfix can run here, else why not.
inline QString whyNot()
{
    if (geteuid() != 0)
        return QStringLiteral("a private Postfix needs root");
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/postfix")))
        return QStringLiteral("Postfix is not installed");
    return QString();
}

class Instance final
{
public:
    Instance() = default;
    Instance(const Instance &) = delete;
    Instance &operator=(const Instance &) = delete;
    ~Instance() { stop(); }

    // Starts it on `address` (127.0.18.x, one per test executable) and
    // waits until it listens; false with `error`. `auth`: also port 2589,
    // where Dovecot's auth serves AUTH (see the script).
    bool start(const QString &address, QString *error, bool auth = false)
    {
        m_process.setProgram(QStringLiteral("bash"));
        m_process.setArguments(auth ? QStringList{script(), address, QStringLiteral("auth")}
                                    : QStringList{script(), address});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("MAILTLS_DEBS_DIR")))
            env.insert(QStringLiteral("MAILTLS_DEBS_DIR"), debsDir());
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("bash did not start");
            return false;
        }
        QByteArray out;
        while (!out.contains("\nlog ") || !out.endsWith('\n')) {
            if (!m_process.waitForReadyRead(60000)) {
                *error = QStringLiteral("the Postfix script did not get ready: ")
                         + QString::fromLocal8Bit(m_process.readAllStandardError());
                return false;
            }
            out += m_process.readAllStandardOutput();
        }
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("fingerprint "))
                m_fingerprint = QString::fromLatin1(line.mid(12));
            else if (line.startsWith("mailbox "))
                m_mailbox = QString::fromLocal8Bit(line.mid(8));
            else if (line.startsWith("log "))
                m_log = QString::fromLocal8Bit(line.mid(4));
        }
        return !m_fingerprint.isEmpty() && !m_mailbox.isEmpty();
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        m_process.waitForFinished(30000);
    }

    QString fingerprint() const { return m_fingerprint; }
    QString mailboxPath() const { return m_mailbox; }

    QByteArray mailbox() const
    {
        QFile file(m_mailbox);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QByteArray log() const
    {
        QFile file(m_log);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Waits (at most `ms`) until the mailbox holds `count` letters.
    bool waitForLetters(int count, int ms = 20000) const
    {
        for (int waited = 0; waited < ms; waited += 100) {
            if (mailbox().count("\nFrom ") + (mailbox().startsWith("From ") ? 1 : 0) >= count)
                return true;
            QThread::msleep(100);
        }
        return false;
    }

private:
    QProcess m_process;
    QString m_fingerprint;
    QString m_mailbox;
    QString m_log;
};

} // namespace postfixsubmission
