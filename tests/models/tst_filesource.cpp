#include <atomic>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QTimer>

#include "models/sources/filecursor.h"
#include "models/sources/filesource.h"
#include "tests/models/filesourcetestutil.h"

using namespace mailtls;
using namespace mailtls::filesourcetest;

namespace {

constexpr qint64 MiB = 1 << 20;

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

class TestFileSource : public QObject, protected FileSourceFixture
{
    Q_OBJECT

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
