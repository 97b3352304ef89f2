#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "models/sources/filehandle.h"
#include "models/sources/rotatedfilefinder.h"

using namespace mailtls;

class TestRotatedFileFinder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    QString sibling(const char *suffix) const { return m_path + QLatin1String(suffix); }

    static void write(const QString &path, const QByteArray &bytes, qint64 modified)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            qFatal("cannot write test file");
        f.flush();  // a later flush would set the time to now
        f.setFileTime(QDateTime::fromSecsSinceEpoch(modified, Qt::UTC), QFileDevice::FileModificationTime);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QStringList names = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        for (const QString &name : names) {
            const QString path = m_dir.filePath(name);
            QVERIFY(QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path));
        }
        m_path = m_dir.filePath(QStringLiteral("mail.log"));
    }

    void rotatedSiblings()
    {
        const char *const names[] = {"mail.log.1",     "mail.log-20240101", "mail.log.0",   "mail.log_old",
                                     "mail.log.2.gz",  "mail.log.3.bz2",    "mail.log.4.xz", "mail.log.5.zst",
                                     "mail.logger",    "other.log",         "mail.log."};
        qint64 when = 1700000000;
        for (const char *name : names)
            write(m_dir.filePath(QLatin1String(name)), "x\n", when++);
        write(m_path, "x\n", when);
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("mail.log.d")));
        // Newest first: the file rotated away last was written to last.
        const QStringList expected{sibling("_old"), sibling(".0"), sibling("-20240101"), sibling(".1")};
        QCOMPARE(RotatedFileFinder::siblings(m_path), expected);
    }

    void find_data()
    {
        QTest::addColumn<QString>("whatHappened");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("found");  // the sibling's suffix; empty: none
        QTest::addColumn<bool>("sameInode");

        QTest::newRow("renamed") << QStringLiteral("rename .1") << qint64(4) << QStringLiteral(".1") << true;
        QTest::newRow("renamed, read to its end") << QStringLiteral("rename .1") << qint64(6) << QStringLiteral(".1")
                                                  << true;
        QTest::newRow("renamed, shorter than the offset") << QStringLiteral("rename .1") << qint64(7) << QString()
                                                          << false;
        QTest::newRow("renamed beats a newer copy") << QStringLiteral("rename .1, newer copy .0") << qint64(4)
                                                    << QStringLiteral(".1") << true;
        QTest::newRow("copied, original gone") << QStringLiteral("copy .1") << qint64(4) << QStringLiteral(".1")
                                               << false;
        QTest::newRow("the newest of two copies") << QStringLiteral("copies .1 older, .2 newer") << qint64(4)
                                                  << QStringLiteral(".2") << false;
        QTest::newRow("a copy too short") << QStringLiteral("short copy .1") << qint64(4) << QString() << false;
        QTest::newRow("another first line") << QStringLiteral("other .1") << qint64(0) << QString() << false;
        QTest::newRow("compressed name") << QStringLiteral("rename .1.gz") << qint64(4) << QString() << false;
        QTest::newRow("the path itself is no sibling") << QStringLiteral("nothing") << qint64(4) << QString() << false;
        QTest::newRow("no first line to know it by") << QStringLiteral("rename .1, no first line") << qint64(0)
                                                     << QString() << false;
    }

    void find()
    {
        QFETCH(QString, whatHappened);
        QFETCH(qint64, offset);
        QFETCH(QString, found);
        QFETCH(bool, sameInode);
        const QByteArray content("a\nb\nc\n");
        write(m_path, content, 1700000000);
        int errorCode = 0;
        FileIdentity identity = FileHandle::open(m_path, &errorCode).identity();
        QCOMPARE(errorCode, 0);
        QVERIFY(identity.hasFirstLine());

        if (whatHappened.startsWith(QLatin1String("rename "))) {
            QVERIFY(QFile::rename(m_path, m_path + whatHappened.mid(7).section(QLatin1Char(','), 0, 0)));
            if (whatHappened.endsWith(QLatin1String("newer copy .0")))
                write(sibling(".0"), content + "X\n", 1700000100);
            if (whatHappened.endsWith(QLatin1String("no first line")))
                identity.firstLineHash.clear();
        } else if (whatHappened == QLatin1String("copy .1")) {
            write(sibling(".1"), content, 1700000000);
            QVERIFY(QFile::remove(m_path));
        } else if (whatHappened == QLatin1String("copies .1 older, .2 newer")) {
            write(sibling(".1"), content, 1700000000);
            write(sibling(".2"), content + "d\n", 1700000100);
            QVERIFY(QFile::remove(m_path));
        } else if (whatHappened == QLatin1String("short copy .1")) {
            write(sibling(".1"), "a\n", 1700000000);
        } else if (whatHappened == QLatin1String("other .1")) {
            write(sibling(".1"), "z\nb\nc\n", 1700000000);
        }

        const FileHandle file = RotatedFileFinder::find(m_path, identity, offset);
        QCOMPARE(file.isOpen() ? file.path() : QString(), found.isEmpty() ? QString() : m_path + found);
        QCOMPARE(file.isOpen() && file.identity().isSameInode(identity), sameInode);
    }
};

QTEST_GUILESS_MAIN(TestRotatedFileFinder)
#include "tst_rotatedfilefinder.moc"
