#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <linux/capability.h>
#include <memory>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "models/sources/filecursor.h"
#include "models/sources/filesource.h"

using namespace mailtls;

namespace {

constexpr qint64 MiB = 1 << 20;

QByteArray native(const QString &path)
{
    return QFile::encodeName(path);
}

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n <= 0)
            qFatal("write failed: %s", strerror(errno));
        done += n;
    }
}

void writeFile(const QString &path, const QByteArray &bytes, int flags)
{
    const int fd = ::open(native(path).constData(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
    if (fd < 0)
        qFatal("cannot open %s: %s", native(path).constData(), strerror(errno));
    writeAll(fd, bytes);
    ::close(fd);
}

void append(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, O_APPEND); }
// A new file, or the same inode emptied first (truncate, then write).
void writeNew(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, O_TRUNC); }
// The same inode, rewritten from byte 0 in one write: its size never drops.
void overwrite(const QString &path, const QByteArray &bytes) { writeFile(path, bytes, 0); }

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool renameFile(const QString &from, const QString &to)
{
    return ::rename(native(from).constData(), native(to).constData()) == 0;
}

struct stat statOf(const QString &path)
{
    struct stat st{};
    ::stat(native(path).constData(), &st);
    return st;
}

QByteArray logLine(int i)
{
    return "Nov 29 10:00:00 mx postfix/smtpd[" + QByteArray::number(i) + "]: connect from unknown[192.0.2.1]\n";
}

// A FileSource with everything it says recorded.
class Capture
{
public:
    explicit Capture(const QString &path, int pollInterval = 50)
        : source(path)
    {
        source.setPollInterval(pollInterval);
        QObject::connect(&source, &LogSource::chunkRead, &source, [this](const SourceChunk &c) { chunks.append(c); });
        QObject::connect(&source, &LogSource::warning, &source, [this](const QString &w) { warnings.append(w); });
        QObject::connect(&source, &LogSource::stateChanged, &source,
                         [this](LogSource::State s, const QString &) { states.append(s); });
    }

    QByteArray text() const
    {
        QByteArray all;
        for (const SourceChunk &c : chunks)
            all += c.text;
        return all;
    }

    // Empty when the chunks hold whole lines whose offsets run on from `start`.
    QString streamProblem(qint64 start) const
    {
        qint64 next = start;
        for (int i = 0; i < chunks.size(); ++i) {
            const SourceChunk &c = chunks.at(i);
            if (c.offset != next)
                return QStringLiteral("chunk %1 at %2, expected %3").arg(i).arg(c.offset).arg(next);
            if (c.text.isEmpty() || !c.text.endsWith('\n'))
                return QStringLiteral("chunk %1 does not end in a newline").arg(i);
            next += c.text.size();
        }
        return QString();
    }

    FileCursor lastCursor() const
    {
        return chunks.isEmpty() ? FileCursor() : FileCursor::decode(chunks.last().cursor).value_or(FileCursor());
    }

    qint64 end(qint64 start) const { return start + text().size(); }

    FileSource source;
    QList<SourceChunk> chunks;
    QStringList warnings;
    QList<LogSource::State> states;
};

// Root reads every file; this takes that power away from the calling thread
// for as long as it lives, so "permission denied" can be tested as root.
class WithoutReadOverride
{
public:
    WithoutReadOverride()
    {
        m_header.version = _LINUX_CAPABILITY_VERSION_3;
        m_header.pid = 0;
        if (::syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2] = {m_saved[0], m_saved[1]};
        reduced[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        m_active = ::syscall(SYS_capset, &m_header, reduced) == 0;
    }
    ~WithoutReadOverride()
    {
        if (m_active)
            ::syscall(SYS_capset, &m_header, m_saved);
    }
    bool isActive() const { return m_active; }

private:
    __user_cap_header_struct m_header{};
    __user_cap_data_struct m_saved[2]{};
    bool m_active = false;
};

enum class Rotation { RenameCreate, DeleteCreate, CopyTruncate };

// Writes `lines` log lines to `path` as a syslog daemon would, rotating every
// `every` lines the way logrotate does. After a rename or delete the daemon
// only reopens the path when told (postrotate's HUP, a little later), so the
// old file still gets a few lines while the new one exists and is empty.
// Returns everything written, in order.
QByteArray writeRotating(const QString &path, Rotation rotation, int lines, int every)
{
    const QString first = path + QStringLiteral(".1");
    const QString second = path + QStringLiteral(".2");
    const auto openLog = [&path] {
        return ::open(native(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    };
    QByteArray written;
    int fd = openLog();
    int linesToOldFile = -1;
    for (int i = 0; i < lines; ++i) {
        const QByteArray line = logLine(i);
        writeAll(fd, line);
        written += line;
        if (linesToOldFile > 0 && --linesToOldFile == 0) {
            ::close(fd);
            fd = openLog();
            linesToOldFile = -1;
        }
        if ((i + 1) % every == 0) {
            switch (rotation) {
            case Rotation::RenameCreate:
                renameFile(first, second);
                renameFile(path, first);
                writeNew(path, QByteArray());
                linesToOldFile = 5;
                break;
            case Rotation::DeleteCreate:
                ::unlink(native(path).constData());
                writeNew(path, QByteArray());
                linesToOldFile = 5;
                break;
            case Rotation::CopyTruncate:
                renameFile(first, second);
                writeNew(first, contents(path));
                if (::ftruncate(fd, 0) != 0)
                    qFatal("ftruncate failed");
                break;
            }
            ::usleep(30 * 1000);
        }
        ::usleep(200);
    }
    ::close(fd);
    return written;
}

} // namespace

class TestFileSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    QString sibling(const char *suffix) const { return m_path + QLatin1String(suffix); }
    QString withPath(QString text) const { return text.replace(QLatin1String("PATH"), m_path); }
    QStringList withPath(const QStringList &texts) const
    {
        QStringList out;
        for (const QString &t : texts)
            out.append(withPath(t));
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("mail.log"));
    }

    // --- following a growing file ---

    void growth_data()
    {
        QTest::addColumn<QByteArray>("initial");
        QTest::addColumn<QList<QByteArray>>("appends");
        QTest::addColumn<QList<QByteArray>>("expected");  // after start, then after each append

        QTest::newRow("whole lines") << QByteArray("a\n") << QList<QByteArray>{"b\n", "c\nd\n"}
                                     << QList<QByteArray>{"a\n", "a\nb\n", "a\nb\nc\nd\n"};
        QTest::newRow("a line finished later")
            << QByteArray("x\n") << QList<QByteArray>{"par", "tial\nnext", "\n"}
            << QList<QByteArray>{"x\n", "x\n", "x\npartial\n", "x\npartial\nnext\n"};
        QTest::newRow("starts with half a line") << QByteArray("ha") << QList<QByteArray>{"lf\n"}
                                                 << QList<QByteArray>{"", "half\n"};
        QTest::newRow("starts empty") << QByteArray() << QList<QByteArray>{"", "a", "\n\n"}
                                      << QList<QByteArray>{"", "", "", "a\n\n"};
        const QByteArray odd("crlf\r\n\xff\xfe\n");
        const QByteArray nul("\0\n", 2);
        QTest::newRow("bytes kept as they are") << odd << QList<QByteArray>{nul} << QList<QByteArray>{odd, odd + nul};
    }

    void growth()
    {
        QFETCH(QByteArray, initial);
        QFETCH(QList<QByteArray>, appends);
        QFETCH(QList<QByteArray>, expected);
        writeNew(m_path, initial);
        Capture cap(m_path);
        cap.source.start(QByteArray(), 1000);
        for (int step = 0; step < expected.size(); ++step) {
            if (step > 0)
                append(m_path, appends.at(step - 1));
            if (step > 0 && expected.at(step) == expected.at(step - 1))
                QTest::qWait(200);  // time enough to hand on a half line it must not
            QTRY_COMPARE(cap.text(), expected.at(step));
        }
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.text(), expected.last());
        QCOMPARE(cap.streamProblem(1000), QString());
        QCOMPARE(cap.warnings, QStringList());
        if (!cap.chunks.isEmpty()) {
            const struct stat st = statOf(m_path);
            const FileCursor cursor = cap.lastCursor();
            QCOMPARE(cursor.identity.device, quint64(st.st_dev));
            QCOMPARE(cursor.identity.inode, quint64(st.st_ino));
            QCOMPARE(cursor.identity.firstLineHash,
                     FileIdentity::hashOf(FileIdentity::firstLineOf(contents(m_path))));
            QCOMPARE(cursor.offset, qint64(expected.last().size()));
            QCOMPARE(cap.chunks.last().referenceTime, qint64(st.st_mtime));
        }
    }

    void notifiedAtOnce()
    {
        writeNew(m_path, "a\n");
        Capture cap(m_path, 3600 * 1000);  // no polling: only a notification can wake it
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        QElapsedTimer clock;
        clock.start();
        append(m_path, "b\n");
        QTRY_COMPARE_WITH_TIMEOUT(cap.text(), QByteArray("a\nb\n"), 1000);
        QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
    }

    void polledWhenNotNotified()
    {
        // A renamed file is no longer watched: lines its writer still adds are
        // found by polling alone.
        writeNew(m_path, "a\n");
        Capture cap(m_path, 3600 * 1000);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        QVERIFY(renameFile(m_path, sibling(".1")));
        writeNew(m_path, QByteArray());
        QTest::qWait(100);
        append(sibling(".1"), "b\n");
        QTest::qWait(500);
        QCOMPARE(cap.text(), QByteArray("a\n"));
        cap.source.setPollInterval(100);
        QTRY_COMPARE_WITH_TIMEOUT(cap.text(), QByteArray("a\nb\n"), 1000);
    }

    void bigBacklogInSlices()
    {
        QByteArray content;
        for (int i = 0; content.size() < 6 * MiB; ++i)
            content += logLine(i);
        writeNew(m_path, content);
        Capture cap(m_path);
        int turns = 0;
        QTimer ticker;
        ticker.setInterval(0);
        QObject::connect(&ticker, &QTimer::timeout, [&turns] { ++turns; });
        ticker.start();
        QList<int> turnAtChunk;
        QObject::connect(&cap.source, &LogSource::chunkRead, &cap.source,
                         [&](const SourceChunk &) { turnAtChunk.append(turns); });
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(cap.source.state(), LogSource::State::Following, 20000);
        QCOMPARE(cap.text(), content);
        QCOMPARE(cap.streamProblem(0), QString());
        QCOMPARE(cap.states, (QList<LogSource::State>{LogSource::State::Connecting, LogSource::State::Lagging,
                                                      LogSource::State::Following}));
        QVERIFY(cap.chunks.size() >= 6);
        for (int i = 0; i < cap.chunks.size(); ++i) {
            QVERIFY2(cap.chunks.at(i).text.size() <= FileSource::SliceSize, qPrintable(QString::number(i)));
            // Other work ran on the thread between two slices.
            if (i > 0)
                QVERIFY2(turnAtChunk.at(i) > turnAtChunk.at(i - 1), qPrintable(QString::number(i)));
        }
    }

    void longLineGuard_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<qint64>("fileOffset");  // of the last cursor

        const QByteArray z = QByteArray(MiB, 'z');
        const QString cutAt6 = QStringLiteral("PATH has a line longer than 1 MiB without a line break at position 6; "
                                              "it was cut into pieces of 1 MiB, each read as a line of its own.");
        QTest::newRow("exactly 1 MiB") << "first\n" + z + "\nend\n" << "first\n" + z + "\nend\n" << QStringList()
                                       << qint64(6 + MiB + 5);
        QTest::newRow("one byte over") << "first\n" + z + "z\nend\n" << "first\n" + z + "\nz\nend\n"
                                       << QStringList{cutAt6} << qint64(6 + MiB + 6);
        QTest::newRow("two and a half MiB")
            << "first\n" + z + z + z.first(MiB / 2) + "\n" << "first\n" + z + "\n" + z + "\n" + z.first(MiB / 2) + "\n"
            << QStringList{cutAt6} << qint64(6 + 5 * MiB / 2 + 1);
        QTest::newRow("two long lines")
            << "first\n" + z + "z\n" + z + "yy\n" << "first\n" + z + "\nz\n" + z + "\nyy\n"
            << QStringList{cutAt6, QStringLiteral("PATH has a line longer than 1 MiB without a line break at position "
                                                  "1048584; it was cut into pieces of 1 MiB, each read as a line of "
                                                  "its own.")}
            << qint64(6 + 2 * MiB + 5);
        QTest::newRow("unfinished") << "first\n" + z + "0123456789" << "first\n" + z + "\n" << QStringList{cutAt6}
                                    << qint64(6 + MiB);
    }

    void longLineGuard()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, warnings);
        QFETCH(qint64, fileOffset);
        writeNew(m_path, content);
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QTest::qWait(150);
        QCOMPARE(cap.text().size(), expected.size());
        QVERIFY(cap.text() == expected);
        QCOMPARE(cap.warnings, withPath(warnings));
        QCOMPARE(cap.streamProblem(0), QString());
        QCOMPARE(cap.lastCursor().offset, fileOffset);
    }

    // --- rotation while following ---

    void renameCreateReadsTheOldFileToItsEnd()
    {
        writeNew(m_path, "a\n");
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        const struct stat old = statOf(m_path);
        QVERIFY(renameFile(m_path, sibling(".1")));
        writeNew(m_path, QByteArray());
        // The writer has not reopened the path yet: the new file stays empty.
        append(sibling(".1"), "b\npart");
        QTRY_COMPARE(cap.text(), QByteArray("a\nb\n"));
        append(m_path, "c\n");
        // The old file's unfinished last line is handed on whole, not glued to "c".
        QTRY_COMPARE(cap.text(), QByteArray("a\nb\npart\nc\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.streamProblem(0), QString());
        const FileCursor oldEnd = FileCursor::decode(cap.chunks.at(cap.chunks.size() - 2).cursor).value();
        QCOMPARE(oldEnd.identity.inode, quint64(old.st_ino));
        QCOMPARE(oldEnd.offset, qint64(8));
        QCOMPARE(cap.lastCursor().identity.inode, quint64(statOf(m_path).st_ino));
        QCOMPARE(cap.lastCursor().offset, qint64(2));
    }

    void deleteAndRecreate()
    {
        const int writer = ::open(native(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        writeAll(writer, "a\n");
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        QVERIFY(QFile::remove(m_path));
        writeAll(writer, "b\n");  // still written to: read through the open descriptor
        ::close(writer);
        QTRY_COMPARE(cap.text(), QByteArray("a\nb\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Connecting);
        QCOMPARE(cap.source.reason(), withPath(QStringLiteral("waiting for PATH to be created again")));
        writeNew(m_path, "c\n");
        QTRY_COMPARE(cap.text(), QByteArray("a\nb\nc\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.source.reason(), QString());
        QCOMPARE(cap.streamProblem(0), QString());
    }

    void truncation_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("truncated, shorter") << QStringLiteral("truncate x") << QByteArray("one\ntwo\nx\n");
        QTest::newRow("emptied, written later") << QStringLiteral("empty, wait, append x") << QByteArray("one\ntwo\nx\n");
        QTest::newRow("rewritten in place, longer") << QStringLiteral("overwrite")
                                                    << QByteArray("one\ntwo\nONE\nTWO\nTHREE\n");
        QTest::newRow("copy beside it holds unread lines") << QStringLiteral("copy with three, truncate four")
                                                           << QByteArray("one\ntwo\nthree\nfour\n");
        QTest::newRow("copy beside it, nothing unread") << QStringLiteral("copy, truncate four")
                                                        << QByteArray("one\ntwo\nfour\n");
        QTest::newRow("an older copy is not taken") << QStringLiteral("older copy, truncate four")
                                                    << QByteArray("one\ntwo\nfour\n");
    }

    void truncation()
    {
        QFETCH(QString, action);
        QFETCH(QByteArray, expected);
        writeNew(m_path, "one\ntwo\n");
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("one\ntwo\n"));
        if (action == QLatin1String("truncate x")) {
            writeNew(m_path, "x\n");
        } else if (action == QLatin1String("empty, wait, append x")) {
            writeNew(m_path, QByteArray());
            QTest::qWait(200);
            append(m_path, "x\n");
        } else if (action == QLatin1String("overwrite")) {
            overwrite(m_path, "ONE\nTWO\nTHREE\n");
        } else if (action == QLatin1String("copy with three, truncate four")) {
            writeNew(sibling(".1"), "one\ntwo\nthree\n");
            writeNew(m_path, "four\n");
        } else if (action == QLatin1String("copy, truncate four")) {
            writeNew(sibling(".1"), "one\ntwo\n");
            writeNew(m_path, "four\n");
        } else if (action == QLatin1String("older copy, truncate four")) {
            writeNew(sibling(".1"), "zero\none\ntwo\n");
            writeNew(m_path, "four\n");
        } else {
            QFAIL("unknown action");
        }
        QTRY_COMPARE(cap.text(), expected);
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QTest::qWait(150);
        QCOMPARE(cap.text(), expected);
        QCOMPARE(cap.streamProblem(0), QString());
        QCOMPARE(cap.warnings, QStringList());
    }

    void rotationWhileWriting_data()
    {
        QTest::addColumn<Rotation>("rotation");
        QTest::newRow("rename-create") << Rotation::RenameCreate;
        QTest::newRow("delete-create") << Rotation::DeleteCreate;
        QTest::newRow("copy-truncate") << Rotation::CopyTruncate;
    }

    void rotationWhileWriting()
    {
        QFETCH(Rotation, rotation);
        writeNew(m_path, QByteArray());
        Capture cap(m_path, FileSource::DefaultPollInterval);
        cap.source.start(QByteArray(), 500);
        std::atomic<bool> done{false};
        QByteArray written;
        std::thread writer([&] {
            written = writeRotating(m_path, rotation, 3000, 700);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
        writer.join();
        QTRY_COMPARE_WITH_TIMEOUT(cap.text().size(), written.size(), 10000);
        // Every line once, in order, on one unbroken stream.
        QVERIFY(cap.text() == written);
        QCOMPARE(cap.streamProblem(500), QString());
        QCOMPARE(cap.warnings, QStringList());
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.lastCursor().identity.inode, quint64(statOf(m_path).st_ino));
        QCOMPARE(cap.lastCursor().offset, qint64(contents(m_path).size()));
    }

    // --- resuming from a cursor ---

    void resume_data()
    {
        QTest::addColumn<QString>("whileClosed");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QStringList>("warnings");

        const QString replaced = QStringLiteral("The log PATH was replaced while MailTLS was closed; lines written to "
                                                "the old file after position 4 could not be read.");
        QTest::newRow("unchanged") << QStringLiteral("nothing") << QByteArray() << QStringList();
        QTest::newRow("grown") << QStringLiteral("append") << QByteArray("c\n") << QStringList();
        QTest::newRow("rotated to .1") << QStringLiteral("rotate .1") << QByteArray("c\nd\n") << QStringList();
        QTest::newRow("rotated to -YYYYMMDD") << QStringLiteral("rotate -20240101") << QByteArray("c\nd\n")
                                              << QStringList();
        QTest::newRow("rotated to .0 among others") << QStringLiteral("rotate .0 among others")
                                                    << QByteArray("c\nd\n") << QStringList();
        QTest::newRow("copy-truncated, copy beside it") << QStringLiteral("copytruncate") << QByteArray("c\nd\n")
                                                        << QStringList();
        QTest::newRow("restored from a copy") << QStringLiteral("restored") << QByteArray("c\n") << QStringList();
        QTest::newRow("rotated and compressed") << QStringLiteral("rotate .1.gz") << QByteArray("d\n")
                                                << QStringList{replaced};
        QTest::newRow("replaced, the old one gone") << QStringLiteral("replace") << QByteArray("d\n")
                                                    << QStringList{replaced};
        QTest::newRow("rewritten in place") << QStringLiteral("overwrite") << QByteArray("XXXX\nYYYY\n")
                                            << QStringList{replaced};
        const QString truncated = QStringLiteral("The log PATH was truncated while MailTLS was closed; lines written "
                                                 "to it after position 4 could not be read.");
        QTest::newRow("truncated") << QStringLiteral("truncate") << QByteArray() << QStringList{truncated};
        QTest::newRow("truncated, half a line written")
            << QStringLiteral("truncate, half a line") << QByteArray() << QStringList{truncated};
        QTest::newRow("truncated, a line written") << QStringLiteral("truncate, a line") << QByteArray("x\n")
                                                   << QStringList{replaced};
        QTest::newRow("unreadable cursor")
            << QStringLiteral("spoil cursor") << QByteArray("a\nb\n")
            << QStringList{QStringLiteral("The saved position in PATH is not one this version of MailTLS can read; "
                                          "the log is read from its beginning.")};
    }

    void resume()
    {
        QFETCH(QString, whileClosed);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, warnings);
        writeNew(m_path, "a\nb\n");
        QByteArray cursor;
        qint64 end = 0;
        {
            Capture first(m_path);
            first.source.start(QByteArray(), 100);
            QTRY_COMPARE(first.text(), QByteArray("a\nb\n"));
            first.source.stop();
            cursor = first.chunks.last().cursor;
            end = first.end(100);
        }
        QCOMPARE(end, qint64(104));

        if (whileClosed == QLatin1String("append")) {
            append(m_path, "c\n");
        } else if (whileClosed.startsWith(QLatin1String("rotate "))) {
            append(m_path, "c\n");
            if (whileClosed.endsWith(QLatin1String("among others"))) {
                writeNew(sibling(".1"), "a\nb\nX\n");  // copy-like, but the renamed inode wins
                writeNew(sibling(".2"), "z\nz\nz\n");
            }
            const QString suffix = whileClosed.mid(7).section(QLatin1Char(' '), 0, 0);
            QVERIFY(renameFile(m_path, m_path + suffix));
            writeNew(m_path, "d\n");
        } else if (whileClosed == QLatin1String("copytruncate")) {
            append(m_path, "c\n");
            writeNew(sibling(".1"), contents(m_path));
            writeNew(m_path, "d\n");
        } else if (whileClosed == QLatin1String("restored")) {
            writeNew(m_dir->filePath(QStringLiteral("backup")), "a\nb\nc\n");
            QVERIFY(renameFile(m_dir->filePath(QStringLiteral("backup")), m_path));
        } else if (whileClosed == QLatin1String("replace")) {
            // Made before the old one goes, so it cannot get the old inode number.
            writeNew(m_dir->filePath(QStringLiteral("new")), "d\n");
            QVERIFY(QFile::remove(m_path));
            QVERIFY(renameFile(m_dir->filePath(QStringLiteral("new")), m_path));
        } else if (whileClosed == QLatin1String("overwrite")) {
            overwrite(m_path, "XXXX\nYYYY\n");  // the same inode with other content
        } else if (whileClosed == QLatin1String("truncate")) {
            writeNew(m_path, QByteArray());
        } else if (whileClosed == QLatin1String("truncate, half a line")) {
            writeNew(m_path, "x");
        } else if (whileClosed == QLatin1String("truncate, a line")) {
            writeNew(m_path, "x\n");  // a first line of its own: another file now
        } else if (whileClosed == QLatin1String("spoil cursor")) {
            cursor = "v9 " + cursor.mid(3);
        }

        Capture second(m_path);
        second.source.start(cursor, end);
        QTRY_COMPARE(second.source.state(), LogSource::State::Following);
        QTest::qWait(150);
        QCOMPARE(second.text(), expected);
        QCOMPARE(second.warnings, withPath(warnings));
        QCOMPARE(second.streamProblem(end), QString());
    }

    void resumeRotatedBeforeTheNewFileExists()
    {
        writeNew(m_path, "a\n");
        QByteArray cursor;
        {
            Capture first(m_path);
            first.source.start(QByteArray(), 0);
            QTRY_COMPARE(first.text(), QByteArray("a\n"));
            cursor = first.chunks.last().cursor;
        }
        append(m_path, "b\n");
        QVERIFY(renameFile(m_path, sibling(".1")));
        Capture cap(m_path);
        cap.source.start(cursor, 2);
        QTRY_COMPARE(cap.text(), QByteArray("b\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Connecting);
        QCOMPARE(cap.source.reason(), withPath(QStringLiteral("waiting for PATH to be created again")));
        writeNew(m_path, "c\n");
        QTRY_COMPARE(cap.text(), QByteArray("b\nc\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.warnings, QStringList());
        QCOMPARE(cap.streamProblem(2), QString());
    }

    // --- what it says when it cannot read ---

    void waitsForTheFile_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("file missing") << QStringLiteral("mail.log");
        QTest::newRow("folder missing") << QStringLiteral("var/log/mail.log");
    }

    void waitsForTheFile()
    {
        QFETCH(QString, relative);
        const QString path = m_dir->filePath(relative);
        Capture cap(path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.source.reason(), path + QStringLiteral(" does not exist yet"));
        QCOMPARE(cap.source.state(), LogSource::State::Connecting);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        writeNew(path, "a\n");
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
    }

    void refusesWhatIsNotAFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("PATH is a directory, not a log file");
        QTest::newRow("fifo") << QStringLiteral("fifo") << QStringLiteral("PATH is not a regular file");
    }

    void refusesWhatIsNotAFile()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        if (kind == QLatin1String("directory"))
            QVERIFY(QDir().mkdir(m_path));
        else
            QCOMPARE(::mkfifo(native(m_path).constData(), 0644), 0);  // opening it must not block
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.source.reason(), withPath(reason));
        QCOMPARE(cap.source.state(), LogSource::State::Connecting);
    }

    void openProblem_data()
    {
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << ENOENT << QString() << QStringLiteral("PATH does not exist yet");
        QTest::newRow("directory") << EISDIR << QString() << QStringLiteral("PATH is a directory, not a log file");
        QTest::newRow("not regular") << EINVAL << QString() << QStringLiteral("PATH is not a regular file");
        QTest::newRow("path through a file")
            << ENOTDIR << QString() << QStringLiteral("PATH cannot exist: a part of its path is a file, not a folder");
        QTest::newRow("other") << EIO << QString() << QStringLiteral("Cannot read PATH: Input/output error");
        QTest::newRow("group may read")
            << EACCES << QStringLiteral("adm 0640")
            << QStringLiteral("Permission denied reading PATH: add your user to the adm group, or run as root");
        QTest::newRow("group may not read")
            << EACCES << QStringLiteral("adm 0600")
            << QStringLiteral("Permission denied reading PATH: make it readable for your user, or run as root");
        QTest::newRow("root group is no advice")
            << EACCES << QStringLiteral("root 0640")
            << QStringLiteral("Permission denied reading PATH: make it readable for your user, or run as root");
    }

    void openProblem()
    {
        QFETCH(int, errorCode);
        QFETCH(QString, setup);
        QFETCH(QString, expected);
        if (!setup.isEmpty()) {
            if (::geteuid() != 0)
                QSKIP("giving a file to the adm or root group needs root");
            writeNew(m_path, "a\n");
            const gid_t gid = setup.startsWith(QLatin1String("adm")) ? 4 : 0;
            QCOMPARE(::chown(native(m_path).constData(), 65534, gid), 0);
            QCOMPARE(::chmod(native(m_path).constData(), setup.endsWith(QLatin1String("0640")) ? 0640 : 0600), 0);
        }
        QCOMPARE(FileSource::openProblem(m_path, errorCode), withPath(expected));
    }

    void permissionDenied_data()
    {
        QTest::addColumn<bool>("closedFolder");
        QTest::addColumn<QString>("reason");
        QTest::newRow("file readable by its group")
            << false << QStringLiteral("Permission denied reading PATH: add your user to the adm group, or run as root");
        QTest::newRow("folder closed")
            << true << QStringLiteral("Permission denied reading PATH: a folder on its path is closed to your user; "
                                      "open it, or run as root");
    }

    void permissionDenied()
    {
        QFETCH(bool, closedFolder);
        QFETCH(QString, reason);
        if (::geteuid() != 0)
            QSKIP("needs root, to give the log to another user (uid 65534) and the adm group");
        if (closedFolder) {
            const QString folder = m_dir->filePath(QStringLiteral("private"));
            QVERIFY(QDir().mkdir(folder));
            QCOMPARE(::chown(native(folder).constData(), 65534, 4), 0);
            QCOMPARE(::chmod(native(folder).constData(), 0700), 0);
            m_path = folder + QStringLiteral("/mail.log");
        }
        writeNew(m_path, "a\n");
        QCOMPARE(::chown(native(m_path).constData(), 65534, 4), 0);
        QCOMPARE(::chmod(native(m_path).constData(), 0640), 0);
        Capture cap(m_path);
        {
            WithoutReadOverride notRoot;
            if (!notRoot.isActive())
                QSKIP("cannot drop CAP_DAC_OVERRIDE here, so root reads every file");
            cap.source.start(QByteArray(), 0);
            QTRY_COMPARE(cap.source.reason(), withPath(reason));
            QCOMPARE(cap.source.state(), LogSource::State::Connecting);
            QTest::qWait(150);
            QCOMPARE(cap.chunks.size(), 0);
        }
        // Allowed again: the next poll opens it.
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        QTRY_COMPARE(cap.source.state(), LogSource::State::Following);
        QCOMPARE(cap.source.reason(), QString());
    }

    void followsOnAWorkerThread()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        writeNew(m_path, "a\n");
        QThread thread;
        auto *source = new FileSource(m_path);
        source->setPollInterval(50);
        source->moveToThread(&thread);
        QByteArray text;
        QObject::connect(source, &LogSource::chunkRead, this, [&text](const SourceChunk &c) { text += c.text; });
        thread.start();
        QMetaObject::invokeMethod(source, [source] { source->start(QByteArray(), 0); });
        QTRY_COMPARE(text, QByteArray("a\n"));
        QVERIFY(renameFile(m_path, sibling(".1")));
        writeNew(m_path, QByteArray());
        QTest::qWait(100);
        append(sibling(".1"), "b\n");  // found by the poll timer alone
        QTRY_COMPARE(text, QByteArray("a\nb\n"));
        QMetaObject::invokeMethod(source, [source] { source->stop(); delete source; }, Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait());
    }

    // --- stopping ---

    void nothingAfterStop()
    {
        writeNew(m_path, "a\n");
        Capture cap(m_path);
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.text(), QByteArray("a\n"));
        cap.source.stop();
        QCOMPARE(cap.source.state(), LogSource::State::Stopped);
        append(m_path, "b\n");
        QTest::qWait(300);
        QCOMPARE(cap.text(), QByteArray("a\n"));
    }

    void stopInsideChunkSlot()
    {
        QByteArray content;
        for (int i = 0; content.size() < 4 * MiB; ++i)
            content += logLine(i);
        writeNew(m_path, content);
        Capture cap(m_path);
        QObject::connect(&cap.source, &LogSource::chunkRead, &cap.source, [&cap] { cap.source.stop(); });
        cap.source.start(QByteArray(), 0);
        QTRY_COMPARE(cap.chunks.size(), 1);
        QTest::qWait(300);
        QCOMPARE(cap.chunks.size(), 1);
        QCOMPARE(cap.source.state(), LogSource::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestFileSource)
#include "tst_filesource.moc"
