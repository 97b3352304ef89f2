#pragma once

// Helpers of the RemoteFileSource tests that follow real files with real
// shells: hosts running the reader under a chosen shell or user, a writer that
// grows and rotates a log while it is read, and a collector that checks what
// the source hands on.

#include <functional>
#include <memory>

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "models/sources/commandhost.h"
#include "models/sources/logsource.h"
#include "models/sources/sourcechunk.h"

namespace remotefiletest {

// Runs the reader like LocalCommandHost, but with a chosen shell (and that
// shell's tools first on PATH), as another user, or posing as a remote host:
// the shells a host may have, and the messages a remote user gets.
class TestHost final : public mailtls::CommandHost
{
public:
    QString shell;          // replaces "sh"; empty: the system's sh
    QString toolDir;        // PATH holds only this folder when set
    QStringList prefix;     // run through this command (setpriv …)
    bool local = true;
    QString name = QStringLiteral("this computer");
    QString diagnosis;      // what diagnose() says of every failure
    bool userMustAct = false;

    void prepare(QProcess &process, const QStringList &argv) const override
    {
        QStringList command = argv;
        if (!shell.isEmpty() && command.value(0) == QLatin1String("sh"))
            command[0] = shell;
        command = prefix + command;
        process.setProgram(command.value(0));
        process.setArguments(command.mid(1));
        if (!toolDir.isEmpty()) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PATH"), toolDir);
            process.setProcessEnvironment(environment);
        }
    }
    QString diagnose(int, const QByteArray &) const override { return diagnosis; }
    bool needsUser(int, const QByteArray &) const override { return userMustAct; }
    bool isLocal() const override { return local; }
    QString displayName() const override { return name; }
};

inline void append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        qFatal("cannot append to %s", qPrintable(path));
    file.write(bytes);
}

inline QByteArray lineNumber(int n)
{
    // Lines of differing lengths, so frames and reads end mid-line.
    return QByteArrayLiteral("2026-11-29T20:10:49+00:00 mx postfix/smtpd[1]: line ")
        + QByteArray::number(n).rightJustified(6, '0') + ' ' + QByteArray(n % 61, 'x') + '\n';
}

// lineNumber(0), lineNumber(1), … up to at least `size` bytes.
inline QByteArray numberedLines(qsizetype size)
{
    QByteArray lines;
    for (int n = 0; lines.size() < size; ++n)
        lines += lineNumber(n);
    return lines;
}

// What a source handed on, checked as it comes: every chunk starts where the
// last one ended and holds whole lines.
struct Collector
{
    QByteArray text;
    qint64 start = 0;
    qint64 next = -1;
    QByteArray cursor;
    int chunks = 0;
    bool broken = false;
    QList<mailtls::LogSource::State> states;
    QStringList reasons;
    QStringList warnings;

    void attach(mailtls::LogSource &source)
    {
        QObject::connect(&source, &mailtls::LogSource::chunkRead, [this](const mailtls::SourceChunk &chunk) {
            if ((next >= 0 && chunk.offset != next) || (next < 0 && chunk.offset != start)
                || !chunk.text.endsWith('\n') || chunk.cursor.isEmpty())
                broken = true;
            next = chunk.offset + chunk.text.size();
            text += chunk.text;
            cursor = chunk.cursor;
            ++chunks;
        });
        QObject::connect(&source, &mailtls::LogSource::stateChanged,
                         [this](mailtls::LogSource::State state, const QString &reason) {
                             states.append(state);
                             reasons.append(reason);
                         });
        QObject::connect(&source, &mailtls::LogSource::warning,
                         [this](const QString &message) { warnings.append(message); });
    }

    // Attaches to `source` and starts it after `cursor`, at stream offset `offset`.
    void follow(mailtls::LogSource &source, const QByteArray &cursor = QByteArray(), qint64 offset = 0)
    {
        start = offset;
        attach(source);
        source.start(cursor, offset);
    }
};

// The shells a host may run the reader with: this system's sh (dash on
// Debian), bash as sh (Fedora, RHEL), and busybox with only its own tools
// (Alpine, embedded boxes).
struct Shells
{
    QTemporaryDir dir;

    std::shared_ptr<TestHost> host(const QString &kind)
    {
        auto host = std::make_shared<TestHost>();
        if (kind == QLatin1String("bash")) {
            const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
            if (bash.isEmpty())
                return nullptr;
            // Started as "sh", bash behaves as a POSIX shell, as on hosts where sh is bash.
            const QString link = dir.filePath(QStringLiteral("bash-sh/sh"));
            QDir().mkpath(QFileInfo(link).path());
            QFile::link(bash, link);
            host->shell = link;
        } else if (kind == QLatin1String("busybox")) {
            const QString busybox = QStandardPaths::findExecutable(QStringLiteral("busybox"));
            if (busybox.isEmpty())
                return nullptr;
            const QString tools = dir.filePath(QStringLiteral("busybox"));
            if (!QFileInfo::exists(tools)) {
                QDir().mkpath(tools);
                if (QProcess::execute(busybox, {QStringLiteral("--install"), QStringLiteral("-s"), tools}) != 0)
                    return nullptr;
            }
            host->shell = tools + QStringLiteral("/sh");
            host->toolDir = tools;
        }
        return host;
    }
};

// Starts a data row for one of Shells' kinds, named "<shell> <what>", with the
// shell in its first column; the caller streams the rest of the row.
inline QTestData &shellRow(const char *shell, const char *what)
{
    return QTest::addRow("%s %s", shell, what) << QString::fromLatin1(shell);
}

// Writes numbered lines while the source reads them, a few each tick (some
// ending in the next tick, so the reader sees partial lines), and does what
// the scenario asks at given line numbers.
class Writer
{
public:
    explicit Writer(const QString &path)
        : m_path(path)
    {
    }

    void at(int line, std::function<void()> action) { m_actions.append({line, std::move(action)}); }
    // Lines go to `path` from now on (a daemon still writing to its renamed file).
    void redirect(const QString &path) { m_path = path; }
    // No writes for `ms` (a file that stays deleted for a while).
    void pause(int ms) { m_resume.start(); m_pauseMs = ms; }
    // No writes until `ready` says so (the reader caught up).
    void holdUntil(std::function<bool()> ready) { m_ready = std::move(ready); }

    void run(int total, int perTick = 13)
    {
        m_total = total;
        QObject::connect(&m_timer, &QTimer::timeout, [this, perTick] { tick(perTick); });
        m_timer.start(4);
    }
    bool done() const { return m_written >= m_total && m_half.isEmpty(); }
    QByteArray expected() const { return m_expected; }

private:
    void tick(int perTick)
    {
        if (m_pauseMs > 0 && m_resume.elapsed() < m_pauseMs)
            return;
        m_pauseMs = 0;
        if (m_ready && !m_ready())
            return;
        m_ready = nullptr;
        QByteArray bytes = m_half;
        m_half.clear();
        for (int i = 0; i < perTick && m_written < m_total; ++i) {
            for (auto it = m_actions.begin(); it != m_actions.end();) {
                if (it->first != m_written) {
                    ++it;
                    continue;
                }
                if (!bytes.isEmpty())
                    append(m_path, bytes);
                bytes.clear();
                auto action = std::move(it->second);
                it = m_actions.erase(it);
                action();
                if (m_pauseMs > 0 || m_ready)
                    return;
            }
            const QByteArray line = lineNumber(m_written++);
            m_expected += line;
            bytes += line;
        }
        if (m_written < m_total && bytes.size() > 10) {
            // Leave the end of the last line for the next tick.
            m_half = bytes.right(7);
            bytes.chop(7);
        }
        if (!bytes.isEmpty())
            append(m_path, bytes);
        if (m_written >= m_total)
            m_timer.stop();
    }

    QString m_path;
    QList<QPair<int, std::function<void()>>> m_actions;
    QTimer m_timer;
    QElapsedTimer m_resume;
    int m_pauseMs = 0;
    std::function<bool()> m_ready;
    int m_total = 0;
    int m_written = 0;
    QByteArray m_half;
    QByteArray m_expected;
};

inline bool waitFor(const std::function<bool()> &condition, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace remotefiletest
