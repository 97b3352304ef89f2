#include <cerrno>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "models/sources/filecursor.h"
#include "models/sources/filesource.h"
#include "tests/models/filesourcetestutil.h"
#include "tests/models/readoverridetestutil.h"

using namespace mailtls;
using namespace mailtls::filesourcetest;
using mailtls::testutil::WithoutReadOverride;

class TestFileSourceResume : public QObject, protected FileSourceFixture
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("mail.log"));
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
};

QTEST_GUILESS_MAIN(TestFileSourceResume)
#include "tst_filesourceresume.moc"
