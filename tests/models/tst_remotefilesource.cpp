#include <csignal>
#include <functional>
#include <memory>
#include <sys/types.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "models/sources/localcommandhost.h"
#include "models/sources/processsourcebackoff.h"
#include "models/sources/remotefilecursor.h"
#include "models/sources/remotefiledecoder.h"
#include "models/sources/remotefilescript.h"
#include "models/sources/remotefilesource.h"

using namespace mailtls;

namespace {

// Runs the reader like LocalCommandHost, but with a chosen shell (and that
// shell's tools first on PATH), as another user, or posing as a remote host:
// the shells a host may have, and the messages a remote user gets.
class TestHost final : public CommandHost
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

void append(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        qFatal("cannot append to %s", qPrintable(path));
    file.write(bytes);
}

QByteArray lineNumber(int n)
{
    // Lines of differing lengths, so frames and reads end mid-line.
    return QByteArrayLiteral("2026-11-29T20:10:49+00:00 mx postfix/smtpd[1]: line ")
        + QByteArray::number(n).rightJustified(6, '0') + ' ' + QByteArray(n % 61, 'x') + '\n';
}

// lineNumber(0), lineNumber(1), … up to at least `size` bytes.
QByteArray numberedLines(qsizetype size)
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
    QList<LogSource::State> states;
    QStringList reasons;
    QStringList warnings;

    void attach(LogSource &source)
    {
        QObject::connect(&source, &LogSource::chunkRead, [this](const SourceChunk &chunk) {
            if ((next >= 0 && chunk.offset != next) || (next < 0 && chunk.offset != start)
                || !chunk.text.endsWith('\n') || chunk.cursor.isEmpty())
                broken = true;
            next = chunk.offset + chunk.text.size();
            text += chunk.text;
            cursor = chunk.cursor;
            ++chunks;
        });
        QObject::connect(&source, &LogSource::stateChanged, [this](LogSource::State state, const QString &reason) {
            states.append(state);
            reasons.append(reason);
        });
        QObject::connect(&source, &LogSource::warning, [this](const QString &message) { warnings.append(message); });
    }

    // Attaches to `source` and starts it after `cursor`, at stream offset `offset`.
    void follow(LogSource &source, const QByteArray &cursor = QByteArray(), qint64 offset = 0)
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

bool waitFor(const std::function<bool()> &condition, int ms)
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

QByteArray frames(std::initializer_list<QByteArray> parts)
{
    QByteArray all;
    for (const QByteArray &part : parts)
        all += part;
    return all;
}

} // namespace

class TestRemoteFileSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void cursorText_data();
    void cursorText();

    void decoder_data();
    void decoder();
    void decoderAnyCut();
    void decoderLongLine();

    void backoff_data();
    void backoff();

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

void TestRemoteFileSource::cursorText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("identity");
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("start") << QByteArray() << true << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("cksum") << QByteArray("rf1 65024:11133045 4096-c2162985709 588895") << true
                           << QByteArray("65024:11133045") << QByteArray("4096-c2162985709") << qint64(588895);
    QTest::newRow("md5") << QByteArray("rf1 2049:12 37-md41d8cd98f00b204e9800998ecf8427e 37") << true
                         << QByteArray("2049:12") << QByteArray("37-md41d8cd98f00b204e9800998ecf8427e") << qint64(37);
    QTest::newRow("no digest") << QByteArray("rf1 1:2 - 0") << true << QByteArray("1:2") << QByteArray()
                               << qint64(0);
    QTest::newRow("other version") << QByteArray("rf2 1:2 - 0") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("negative") << QByteArray("rf1 1:2 - -5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("plus") << QByteArray("rf1 1:2 - +5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("bad identity") << QByteArray("rf1 1;2 - 5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("shell text in digest") << QByteArray("rf1 1:2 $(touch) 5") << false << QByteArray()
                                          << QByteArray() << qint64(0);
    QTest::newRow("local file cursor") << QByteArray("f1 1:2 5") << false << QByteArray() << QByteArray()
                                       << qint64(0);
}

void TestRemoteFileSource::cursorText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<RemoteFileCursor> cursor = RemoteFileCursor::parse(text);
    QCOMPARE(cursor.has_value(), valid);
    if (!valid)
        return;
    QTEST(cursor->identity, "identity");
    QTEST(cursor->digest, "digest");
    QTEST(cursor->offset, "offset");
    QCOMPARE(cursor->toBytes(), text);
}

void TestRemoteFileSource::decoder_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("cursor");
    QTest::addColumn<qint64>("pending");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("whole lines") << QByteArray()
                                 << frames({"F 1:2 - 0\n", "D 6 10 99\na\nbc\n\n6\n"})
                                 << QByteArray("a\nbc\n\n") << QByteArray("rf1 1:2 - 6") << qint64(4) << QByteArray();
    QTest::newRow("partial line waits") << QByteArray()
                                        << frames({"F 1:2 - 0\n", "D 4 4 99\na\nbc4\n"})
                                        << QByteArray("a\n") << QByteArray("rf1 1:2 - 2") << qint64(0)
                                        << QByteArray();
    QTest::newRow("partial line ends later") << QByteArray()
                                             << frames({"F 1:2 - 0\n", "D 2 2 1\nab2\n", "D 2 4 1\nc\n2\n"})
                                             << QByteArray("abc\n") << QByteArray("rf1 1:2 - 4") << qint64(0)
                                             << QByteArray();
    QTest::newRow("short read padding") << QByteArray()
                                        << frames({"F 1:2 - 0\n", "D 6 6 1\nab\n", QByteArray(3, '\0'), "3\n"})
                                        << QByteArray("ab\n") << QByteArray("rf1 1:2 - 3") << qint64(0)
                                        << QByteArray();
    QTest::newRow("resume") << QByteArray("rf1 1:2 3-c77 40")
                            << frames({"F 1:2 3-c77 40\n", "D 3 50 1\nxy\n3\n"})
                            << QByteArray("xy\n") << QByteArray("rf1 1:2 3-c77 43") << qint64(7) << QByteArray();
    QTest::newRow("digest grows") << QByteArray("rf1 1:2 3-c77 40")
                                  << frames({"F 1:2 3-c77 40\n", "D 3 50 1\nxy\n3\n", "F 1:2 50-c99 43\n"})
                                  << QByteArray("xy\n") << QByteArray("rf1 1:2 50-c99 43") << qint64(7)
                                  << QByteArray();
    QTest::newRow("rotation ends the unfinished line")
        << QByteArray() << frames({"F 1:2 - 0\n", "D 4 4 1\na\nbc4\n", "R\n", "F 1:3 - 0\n", "D 2 2 1\nd\n2\n"})
        << QByteArray("a\nbc\nd\n") << QByteArray("rf1 1:3 - 2") << qint64(0) << QByteArray();
    QTest::newRow("truncation") << QByteArray()
                                << frames({"F 1:2 - 0\n", "D 2 2 1\na\n2\n", "T\n", "F 1:2 - 0\n",
                                           "D 2 2 1\nb\n2\n"})
                                << QByteArray("a\nb\n") << QByteArray("rf1 1:2 - 2") << qint64(0) << QByteArray();
    QTest::newRow("copy goes on mid-line")
        << QByteArray() << frames({"F 1:2 5-c1 0\n", "D 5 5 1\nabcde5\n", "F 1:9 5-c1 5\n", "D 2 7 1\nf\n2\n"})
        << QByteArray("abcdef\n") << QByteArray("rf1 1:9 5-c1 7") << qint64(0) << QByteArray();
    QTest::newRow("keepalive and warning") << QByteArray()
                                           << frames({"W replaced\n", "F 1:2 - 0\n", "K\n"}) << QByteArray()
                                           << QByteArray("rf1 1:2 - 0") << qint64(-1) << QByteArray();
    QTest::newRow("error") << QByteArray() << QByteArray("E denied adm\n") << QByteArray() << QByteArray()
                           << qint64(-1) << QByteArray();
    QTest::newRow("noise") << QByteArray() << QByteArray("Welcome to mx!\n") << QByteArray() << QByteArray()
                           << qint64(-1) << QByteArray("Welcome to mx!");
    QTest::newRow("count larger than frame") << QByteArray() << frames({"F 1:2 - 0\n", "D 2 2 1\na\n3\n"})
                                             << QByteArray() << QByteArray("rf1 1:2 - 0") << qint64(0)
                                             << QByteArray("a data frame with a wrong count");
    QTest::newRow("bad identity") << QByteArray() << QByteArray("F x;y - 0\n") << QByteArray() << QByteArray()
                                  << qint64(-1) << QByteArray("F x;y - 0");
}

void TestRemoteFileSource::decoder()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, input);
    RemoteFileDecoder decoder(*RemoteFileCursor::parse(start));
    const RemoteFileDecoder::Output out = decoder.feed(input);
    QTEST(out.text, "text");
    QTEST(decoder.cursor().toBytes(), "cursor");
    QTEST(out.pending, "pending");
    QTEST(out.protocolError, "error");
}

void TestRemoteFileSource::decoderAnyCut()
{
    // However the input is cut into reads, the same lines and cursor come out.
    const QByteArray input = frames({"F 1:2 - 0\n", "D 8 20 1\nab\ncd\nef8\n", "F 1:2 9-c5 8\n",
                                     "D 11 20 1\ng\nhijklmn\n\n11\n", "K\n", "R\n", "F 3:4 - 0\n",
                                     "D 4 4 1\nz\nyy4\n"});
    const QByteArray expected("ab\ncd\nefg\nhijklmn\n\nz\n");
    for (int cut = 1; cut < input.size(); ++cut) {
        RemoteFileDecoder decoder;
        QByteArray text;
        text += decoder.feed(input.left(cut)).text;
        text += decoder.feed(input.mid(cut)).text;
        QCOMPARE(text, expected);
        QCOMPARE(decoder.cursor().toBytes(), QByteArray("rf1 3:4 - 2"));
    }
    RemoteFileDecoder bytewise;
    QByteArray text;
    for (const char c : input)
        text += bytewise.feed(QByteArray(1, c)).text;
    QCOMPARE(text, expected);
}

void TestRemoteFileSource::decoderLongLine()
{
    // A line without end is cut at the limit, and the cursor moves past the cut.
    const qsizetype size = RemoteFileDecoder::lineLimit + 10;
    RemoteFileDecoder decoder;
    decoder.feed("F 1:2 - 0\n");
    const QByteArray payload(size, 'a');
    const RemoteFileDecoder::Output out =
        decoder.feed("D " + QByteArray::number(size) + ' ' + QByteArray::number(size) + " 1\n" + payload
                     + QByteArray::number(size) + '\n');
    QCOMPARE(out.text.size(), size + 1);
    QVERIFY(out.text.endsWith("aaa\n"));
    QCOMPARE(decoder.cursor().offset, qint64(size));
}

void TestRemoteFileSource::backoff_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<QList<int>>("delays");
    QTest::addColumn<int>("capped");

    QTest::newRow("no jitter") << 0.5 << QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000}
                               << 60000;
    QTest::newRow("shortest") << 0.0 << QList<int>{800, 1600, 3200, 6400, 12800, 25600, 48000, 48000} << 48000;
    QTest::newRow("longest") << 1.0 << QList<int>{1200, 2400, 4800, 9600, 19200, 38400, 72000, 72000} << 72000;
    QTest::newRow("a quarter") << 0.25 << QList<int>{900, 1800, 3600} << 54000;
}

void TestRemoteFileSource::backoff()
{
    QFETCH(double, random);
    QFETCH(QList<int>, delays);
    ProcessSourceBackoff backoff(1000, 60000, [random] { return random; });
    QList<int> got;
    for (int i = 0; i < delays.size(); ++i)
        got.append(backoff.nextDelay());
    QCOMPARE(got, delays);
    QCOMPARE(backoff.failures(), delays.size());
    backoff.reset();
    QCOMPARE(backoff.nextDelay(), delays.first());

    // Many failures in a row stay at the cap.
    ProcessSourceBackoff many(1000, 60000, [random] { return random; });
    for (int i = 0; i < 200; ++i)
        many.nextDelay();
    QTEST(many.nextDelay(), "capped");
}

void TestRemoteFileSource::follow_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addColumn<QString>("scenario");
    for (const char *shell : {"sh", "bash", "busybox"}) {
        for (const char *scenario : {"growth", "rename", "copytruncate", "delete", "kill"})
            QTest::addRow("%s %s", shell, scenario) << QString::fromLatin1(shell) << QString::fromLatin1(scenario);
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
        QTest::addRow("%s quotes and semicolon", shell)
            << QString::fromLatin1(shell) << QStringLiteral("it's \"my\" log; touch pwned");
        QTest::addRow("%s command substitution", shell)
            << QString::fromLatin1(shell) << QStringLiteral("$(touch pwned) `touch pwned` -n *");
        QTest::addRow("%s leading dash and glob", shell) << QString::fromLatin1(shell) << QStringLiteral("-* [x]?");
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
        const QString name = QString::fromLatin1(shell);
        QTest::addRow("%s appended", shell) << name << QStringLiteral("appended") << QByteArray("c\nd\n") << 0;
        QTest::addRow("%s rotated", shell) << name << QStringLiteral("rotated") << QByteArray("c\nd\nnew\n") << 0;
        QTest::addRow("%s dated rotation", shell)
            << name << QStringLiteral("dated") << QByteArray("c\nd\nnew\n") << 0;
        QTest::addRow("%s replaced", shell) << name << QStringLiteral("replaced") << QByteArray("new\n") << 1;
        QTest::addRow("%s copytruncate", shell)
            << name << QStringLiteral("copytruncate") << QByteArray("c\nd\nnew\n") << 0;
        QTest::addRow("%s emptied", shell) << name << QStringLiteral("emptied") << QByteArray("new\n") << 1;
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
        QTest::addRow("%s missing", shell) << QString::fromLatin1(shell) << QStringLiteral("this computer")
                                           << QStringLiteral("mail.log")
                                           << QStringLiteral("%1/mail.log does not exist on this computer");
        QTest::addRow("%s missing remote", shell)
            << QString::fromLatin1(shell) << QStringLiteral("mx.example.org") << QStringLiteral("mail.log")
            << QStringLiteral("%1/mail.log does not exist on mx.example.org");
        QTest::addRow("%s missing folder", shell)
            << QString::fromLatin1(shell) << QStringLiteral("this computer") << QStringLiteral("no/mail.log")
            << QStringLiteral("%1/no/mail.log does not exist on this computer");
        QTest::addRow("%s a folder", shell) << QString::fromLatin1(shell) << QStringLiteral("this computer")
                                            << QString() << QStringLiteral("%1/ on this computer is not a regular file");
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
        const QString name = QString::fromLatin1(shell);
        QTest::addRow("%s local, group adm", shell)
            << name << true << true
            << QStringLiteral("Permission denied reading %1 on this computer: run MailTLS as a user in group "
                              "adm (or as one that can read it)");
        QTest::addRow("%s remote, group adm", shell)
            << name << false << true
            << QStringLiteral("Permission denied reading %1 on mx.example.org: the SSH user needs to be in group "
                              "adm (or use a user that can read it)");
        QTest::addRow("%s remote, owner only", shell)
            << name << false << false
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
