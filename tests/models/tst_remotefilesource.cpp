#include <csignal>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/sources/localcommandhost.h"
#include "models/sources/processsourcebackoff.h"
#include "models/sources/remotefilesource.h"
#include "tests/models/remotefiletestutil.h"

using namespace mailtls;
using namespace remotefiletest;

// Following real files with the shells a host may have: growth, rotation,
// killed readers, hostile paths, resuming after a stop, and the failures a
// user is told about.
class TestRemoteFileSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void follow_data();
    void follow();

    void hostilePath_data();
    void hostilePath();
    void resumeAfterStop_data();
    void resumeAfterStop();
    void lagging();
    void stopInsideChunk();
    void missingFile_data();
    void missingFile();
    void unreadableFile_data();
    void unreadableFile();
    void needsUserStopsRetrying();
    void unreadableCursorWarnsOnce();

private:
    Shells m_shells;
};

void TestRemoteFileSource::initTestCase()
{
    QVERIFY(m_shells.dir.isValid());
    QVERIFY(QFileInfo(QStringLiteral("/proc/self/fdinfo/0")).exists());
}

void TestRemoteFileSource::follow_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("scenario");
    for (const char *shell : {"sh", "bash", "busybox"}) {
        for (const char *scenario : {"growth", "rename", "copytruncate", "delete", "kill"})
            shellRow(shell, scenario) << QString::fromLatin1(scenario);
    }
}

void TestRemoteFileSource::follow()
{
    QFETCH(QString, shell);
    QFETCH(QString, scenario);
    std::shared_ptr<TestHost> host = m_shells.host(shell);
    if (!host)
        QSKIP("this shell is not installed here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    const QByteArray before("written before the start\n");
    append(path, before);

    RemoteFileSource source(host, path);
    source.setBackoff(ProcessSourceBackoff(50, 400));
    Collector seen;
    seen.follow(source, QByteArray(), 1000);

    Writer writer(path);
    int kills = 0;
    const int total = 1500;
    if (scenario == QLatin1String("rename")) {
        writer.at(500, [&] {
            QVERIFY(QFile::rename(path, path + QStringLiteral(".1")));
            // The daemon writes on to the renamed file until it reopens its log.
            writer.redirect(path + QStringLiteral(".1"));
        });
        writer.at(530, [&] {
            QFile created(path);
            QVERIFY(created.open(QIODevice::WriteOnly));
            writer.redirect(path);
        });
    } else if (scenario == QLatin1String("copytruncate")) {
        for (int at : {400, 1000}) {
            writer.at(at, [&] {
                QFile::remove(path + QStringLiteral(".1"));
                QVERIFY(QFile::copy(path, path + QStringLiteral(".1")));
                QVERIFY(QFile::resize(path, 0));
            });
        }
        // Rotations are hours apart, not two between two looks of the reader
        // (a limit the source states): on a loaded machine the second one
        // waits until the reader has read what came after the first.
        writer.at(990, [&] {
            writer.holdUntil([&] { return seen.text.size() >= before.size() + writer.expected().size(); });
        });
    } else if (scenario == QLatin1String("delete")) {
        writer.at(600, [&] {
            QVERIFY(QFile::remove(path));
            writer.pause(700);
        });
    } else if (scenario == QLatin1String("kill")) {
        for (int at : {150, 400, 401, 700, 1100, 1300}) {
            writer.at(at, [&] {
                if (source.processId() > 0 && ::kill(pid_t(source.processId()), SIGKILL) == 0)
                    ++kills;
            });
        }
    }
    writer.run(total);

    QVERIFY2(waitFor([&] { return writer.done() && seen.text.size() >= before.size() + writer.expected().size(); },
                     60000),
             qPrintable(QStringLiteral("%1 of %2 bytes").arg(seen.text.size()).arg(writer.expected().size())));
    QTest::qWait(300);
    QVERIFY(!seen.broken);
    QCOMPARE(seen.text.size(), before.size() + writer.expected().size());
    QVERIFY(seen.text == before + writer.expected());
    QCOMPARE(source.streamOffset(), 1000 + seen.text.size());
    QCOMPARE(source.cursor(), seen.cursor);
    if (scenario == QLatin1String("kill")) {
        QVERIFY2(kills >= 4, qPrintable(QString::number(kills)));
        QVERIFY(seen.states.contains(LogSource::State::Connecting));
        QVERIFY(seen.reasons.contains(QStringLiteral("The file reader on this computer stopped unexpectedly")));
    }
    QVERIFY(waitFor([&] { return source.state() == LogSource::State::Following; }, 5000));
    QCOMPARE(source.reason(), QString());
    QVERIFY(seen.warnings.isEmpty());
    source.stop();
    QCOMPARE(source.state(), LogSource::State::Stopped);
}

void TestRemoteFileSource::hostilePath_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("name");
    for (const char *shell : {"sh", "bash", "busybox"}) {
        shellRow(shell, "quotes and semicolon") << QStringLiteral("it's \"my\" log; touch pwned");
        shellRow(shell, "command substitution") << QStringLiteral("$(touch pwned) `touch pwned` -n *");
        shellRow(shell, "leading dash and glob") << QStringLiteral("-* [x]?");
    }
}

void TestRemoteFileSource::hostilePath()
{
    QFETCH(QString, shell);
    QFETCH(QString, name);
    std::shared_ptr<TestHost> host = m_shells.host(shell);
    if (!host)
        QSKIP("this shell is not installed here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The folder's name is hostile too, and the rotated sibling's glob must
    // not match other files.
    const QString folder = dir.filePath(QStringLiteral("x y; touch pwned"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QLatin1Char('/') + name;
    append(path, "first\nsecond\n");
    append(folder + QStringLiteral("/other-1"), "not this\n");

    RemoteFileSource source(host, path);
    Collector seen;
    seen.follow(source);
    QVERIFY(waitFor([&] { return seen.text == "first\nsecond\n"; }, 10000));
    append(path, "third\n");
    QVERIFY(waitFor([&] { return seen.text == "first\nsecond\nthird\n"; }, 10000));
    source.stop();
    QVERIFY(!QFileInfo::exists(QStringLiteral("pwned")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("pwned"))));
    QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/pwned")));
    QVERIFY(!seen.broken);
}

void TestRemoteFileSource::resumeAfterStop_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("warnings");

    // Between a stop and the next start: lines appended; the file rotated
    // (its rest is read from the sibling, then the new file); replaced with
    // the old one gone (the loss is reported); emptied by copytruncate (the
    // rest is read from the copy).
    for (const char *shell : {"sh", "busybox"}) {
        shellRow(shell, "appended") << QStringLiteral("appended") << QByteArray("c\nd\n") << 0;
        shellRow(shell, "rotated") << QStringLiteral("rotated") << QByteArray("c\nd\nnew\n") << 0;
        shellRow(shell, "dated rotation") << QStringLiteral("dated") << QByteArray("c\nd\nnew\n") << 0;
        shellRow(shell, "replaced") << QStringLiteral("replaced") << QByteArray("new\n") << 1;
        shellRow(shell, "copytruncate") << QStringLiteral("copytruncate") << QByteArray("c\nd\nnew\n") << 0;
        shellRow(shell, "emptied") << QStringLiteral("emptied") << QByteArray("new\n") << 1;
    }
}

void TestRemoteFileSource::resumeAfterStop()
{
    QFETCH(QString, shell);
    QFETCH(QString, change);
    QFETCH(QByteArray, expected);
    QFETCH(int, warnings);
    std::shared_ptr<TestHost> host = m_shells.host(shell);
    if (!host)
        QSKIP("this shell is not installed here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    append(path, "a\nb\nc");

    QByteArray cursor;
    qint64 offset = 0;
    {
        RemoteFileSource source(host, path);
        Collector seen;
        seen.follow(source);
        QVERIFY(waitFor([&] { return seen.text == "a\nb\n"; }, 10000));
        source.stop();
        cursor = source.cursor();
        offset = source.streamOffset();
        QCOMPARE(offset, qint64(4));
        QVERIFY(cursor.startsWith("rf1 "));
        QVERIFY(cursor.endsWith(" 4"));
    }

    append(path, "\nd\n");
    if (change == QLatin1String("rotated") || change == QLatin1String("dated")) {
        const QString rotated = path + (change == QLatin1String("rotated") ? QStringLiteral(".1")
                                                                           : QStringLiteral("-20261130"));
        // Neither a compressed rotation nor an older one is the file left.
        append(path + QStringLiteral("-20261101.gz"), "a\nb\nc\nd\ncompressed\n");
        append(path + QStringLiteral("-20261001"), "zzzzz\nolder\n");
        QVERIFY(QFile::rename(path, rotated));
        append(path, "new\n");
    } else if (change == QLatin1String("replaced")) {
        QVERIFY(QFile::remove(path));
        append(path, "new\n");
    } else if (change == QLatin1String("copytruncate")) {
        QVERIFY(QFile::copy(path, path + QStringLiteral(".1")));
        QVERIFY(QFile::resize(path, 0));
        append(path, "new\n");
    } else if (change == QLatin1String("emptied")) {
        QVERIFY(QFile::resize(path, 0));
        append(path, "new\n");
    }

    RemoteFileSource source(host, path);
    Collector seen;
    seen.follow(source, cursor, offset);
    QVERIFY2(waitFor([&] { return seen.text.size() >= expected.size(); }, 10000), seen.text.constData());
    QTest::qWait(1500);
    QCOMPARE(seen.text, expected);
    QVERIFY(!seen.broken);
    QCOMPARE(seen.warnings.size(), warnings);
    if (change == QLatin1String("replaced"))
        QVERIFY(seen.warnings.value(0).startsWith(path + QStringLiteral(" on this computer was replaced while")));
    if (change == QLatin1String("emptied"))
        QVERIFY(seen.warnings.value(0).startsWith(path + QStringLiteral(" on this computer was emptied while")));
}

void TestRemoteFileSource::lagging()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.log"));
    const QByteArray big = numberedLines(5 * 1024 * 1024);
    append(path, big);

    RemoteFileSource source(std::make_shared<LocalCommandHost>(), path);
    Collector seen;
    seen.follow(source);
    QVERIFY(waitFor([&] { return seen.text.size() == big.size(); }, 30000));
    QVERIFY(seen.text == big);
    QVERIFY(seen.states.contains(LogSource::State::Lagging));
    QCOMPARE(seen.states.last(), LogSource::State::Following);
    QCOMPARE(source.state(), LogSource::State::Following);
}

void TestRemoteFileSource::stopInsideChunk()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.log"));
    const QByteArray big = numberedLines(3 * 1024 * 1024);
    append(path, big);

    RemoteFileSource source(std::make_shared<LocalCommandHost>(), path);
    int chunks = 0;
    int signalsAfterStop = 0;
    bool stopped = false;
    connect(&source, &LogSource::chunkRead, this, [&] {
        if (stopped) {
            ++signalsAfterStop;
            return;
        }
        ++chunks;
        stopped = true;
        source.stop();
    });
    connect(&source, &LogSource::stateChanged, this, [&](LogSource::State state) {
        if (stopped && state != LogSource::State::Stopped)
            ++signalsAfterStop;
    });
    source.start(QByteArray(), 0);
    QVERIFY(waitFor([&] { return stopped; }, 10000));
    QTest::qWait(1000);
    QCOMPARE(chunks, 1);
    QCOMPARE(signalsAfterStop, 0);
    QCOMPARE(source.state(), LogSource::State::Stopped);
    QCOMPARE(source.processId(), qint64(0));
    QCOMPARE(source.retryIn(), -1);
    // reconnectNow() does not undo a stop by the owner.
    source.reconnectNow();
    QTest::qWait(300);
    QCOMPARE(signalsAfterStop, 0);
}

void TestRemoteFileSource::missingFile_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    for (const char *shell : {"sh", "busybox"}) {
        shellRow(shell, "missing") << QStringLiteral("this computer") << QStringLiteral("mail.log")
                                   << QStringLiteral("%1/mail.log does not exist on this computer");
        shellRow(shell, "missing remote") << QStringLiteral("mx.example.org") << QStringLiteral("mail.log")
                                          << QStringLiteral("%1/mail.log does not exist on mx.example.org");
        shellRow(shell, "missing folder") << QStringLiteral("this computer") << QStringLiteral("no/mail.log")
                                          << QStringLiteral("%1/no/mail.log does not exist on this computer");
        shellRow(shell, "a folder") << QStringLiteral("this computer") << QString()
                                    << QStringLiteral("%1/ on this computer is not a regular file");
    }
}

void TestRemoteFileSource::missingFile()
{
    QFETCH(QString, shell);
    QFETCH(QString, where);
    QFETCH(QString, name);
    QFETCH(QString, reason);
    std::shared_ptr<TestHost> host = m_shells.host(shell);
    if (!host)
        QSKIP("this shell is not installed here");
    host->local = where == QLatin1String("this computer");
    host->name = where;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.path() + QLatin1Char('/') + name;

    RemoteFileSource source(host, path);
    source.setBackoff(ProcessSourceBackoff(2000, 4000, [] { return 0.5; }));
    Collector seen;
    seen.follow(source);
    QVERIFY(waitFor([&] { return !source.reason().isEmpty(); }, 10000));
    QCOMPARE(source.state(), LogSource::State::Connecting);
    QCOMPARE(source.reason(), reason.arg(dir.path()));
    QVERIFY(!source.needsUser());
    // The retry timer may fire up to 5 % late (a coarse timer).
    QVERIFY2(source.retryIn() > 0 && source.retryIn() <= 2100, qPrintable(QString::number(source.retryIn())));

    if (name == QLatin1String("mail.log")) {
        // The file appears: the next attempt reads it.
        append(path, "here\n");
        source.reconnectNow();
        QVERIFY(waitFor([&] { return seen.text == "here\n"; }, 10000));
        QCOMPARE(source.state(), LogSource::State::Following);
        QCOMPARE(source.reason(), QString());
    }
}

void TestRemoteFileSource::unreadableFile_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<bool>("local");
    QTest::addColumn<bool>("groupReadable");
    QTest::addColumn<QString>("reason");
    for (const char *shell : {"sh", "busybox"}) {
        shellRow(shell, "local, group adm")
            << true << true
            << QStringLiteral("Permission denied reading %1 on this computer: run MailTLS as a user in group "
                              "adm (or as one that can read it)");
        shellRow(shell, "remote, group adm")
            << false << true
            << QStringLiteral("Permission denied reading %1 on mx.example.org: the SSH user needs to be in group "
                              "adm (or use a user that can read it)");
        shellRow(shell, "remote, owner only")
            << false << false
            << QStringLiteral("Permission denied reading %1 on mx.example.org: use an SSH user that can read it");
    }
}

void TestRemoteFileSource::unreadableFile()
{
    QFETCH(QString, shell);
    QFETCH(bool, local);
    QFETCH(bool, groupReadable);
    QFETCH(QString, reason);
    // Root reads every file, so the reader runs as "nobody" (setpriv), which a
    // file of root's in group adm shuts out as it would a user on a mail host.
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (::geteuid() != 0 || setpriv.isEmpty())
        QSKIP("needs root and setpriv to run the reader as another user");
    std::shared_ptr<TestHost> host = m_shells.host(shell);
    if (!host)
        QSKIP("this shell is not installed here");
    host->prefix = {setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral("--")};
    host->local = local;
    host->name = local ? QStringLiteral("this computer") : QStringLiteral("mx.example.org");

    QTemporaryDir dir(QStringLiteral("/tmp/mailtls-unreadable-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    append(path, "secret\n");
    // nobody must reach the folder and the shell's tools, not the file.
    const auto open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
        | QFile::ReadOther | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), open));
    QVERIFY(QFile::setPermissions(m_shells.dir.path(), open));
    QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner;
    if (groupReadable)
        permissions |= QFile::ReadGroup;
    QVERIFY(QFile::setPermissions(path, permissions));
    QCOMPARE(QProcess::execute(QStringLiteral("chgrp"), {QStringLiteral("adm"), path}), 0);

    RemoteFileSource source(host, path);
    source.setBackoff(ProcessSourceBackoff(5000, 5000));
    source.start(QByteArray(), 0);
    QVERIFY(waitFor([&] { return !source.reason().isEmpty(); }, 10000));
    QCOMPARE(source.state(), LogSource::State::Connecting);
    QCOMPARE(source.reason(), reason.arg(path));
}

void TestRemoteFileSource::needsUserStopsRetrying()
{
    // A problem the host says the user must fix stops the source with the
    // host's words (which come before the reader's), and it waits.
    auto host = std::make_shared<TestHost>();
    host->local = false;
    host->name = QStringLiteral("mx.example.org");
    host->diagnosis = QStringLiteral("The host key of mx.example.org has changed");
    host->userMustAct = true;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mail.log"));

    RemoteFileSource source(host, path);
    source.setBackoff(ProcessSourceBackoff(50, 100));
    Collector seen;
    seen.follow(source);
    QVERIFY(waitFor([&] { return source.state() == LogSource::State::Stopped; }, 10000));
    QCOMPARE(source.reason(), host->diagnosis);
    QVERIFY(source.needsUser());
    QCOMPARE(source.retryIn(), -1);
    QTest::qWait(300);
    QCOMPARE(seen.states, (QList<LogSource::State>{LogSource::State::Connecting, LogSource::State::Stopped}));

    // Once the user fixed it, reconnectNow() starts over.
    host->diagnosis.clear();
    host->userMustAct = false;
    append(path, "fixed\n");
    source.reconnectNow();
    QVERIFY(waitFor([&] { return seen.text == "fixed\n"; }, 10000));
    QCOMPARE(source.state(), LogSource::State::Following);
    QVERIFY(!source.needsUser());
}

// A stored position that cannot be read is said once, not again at every retry
// while the host cannot be reached (its runs end without a word of output).
void TestRemoteFileSource::unreadableCursorWarnsOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    auto host = std::make_shared<TestHost>();
    host->prefix = {QStandardPaths::findExecutable(QStringLiteral("false"))};
    RemoteFileSource source(host, path);
    source.setBackoff(ProcessSourceBackoff(50, 100, [] { return 0.5; }));
    Collector seen;
    seen.follow(source, QByteArrayLiteral("rf9 not a cursor"), 0);
    QVERIFY(waitFor([&] { return !source.reason().isEmpty(); }, 10000));
    // Retried every 50 to 100 ms meanwhile: ten runs and more.
    QTest::qWait(1000);
    QCOMPARE(seen.warnings.size(), 1);
    QVERIFY(seen.warnings.first().startsWith(QStringLiteral("The stored position in %1").arg(path)));

    // The host comes back: the file is read from its start, and nothing more said.
    host->prefix.clear();
    append(path, "a\n");
    QVERIFY(waitFor([&] { return seen.text == "a\n"; }, 10000));
    QCOMPARE(seen.warnings.size(), 1);
}

QTEST_GUILESS_MAIN(TestRemoteFileSource)
#include "tst_remotefilesource.moc"
