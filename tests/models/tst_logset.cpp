#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "historytestutil.h"
#include "models/ingest/logset.h"

using namespace mailtls;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// A few sessions at each of `times` (UTC), in that order.
QByteArray sessionsAt(const QList<QDateTime> &times)
{
    QByteArray out;
    int k = 0;
    for (const QDateTime &t : times)
        out += historytest::session(k++, t).text;
    return out;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromLatin1(s);
    return out;
}

QStringList namesOf(const LogSet &set)
{
    QStringList names;
    for (const LogSet::File &f : set.files())
        names << QFileInfo(f.path).fileName();
    return names;
}

} // namespace

class TestLogSet : public QObject
{
    Q_OBJECT

private slots:
    void parseName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("family");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("rotatedAt");
        QTest::addColumn<bool>("subset");

        const int live = int(LogSet::RotationName::Kind::Live);
        const int numbered = int(LogSet::RotationName::Kind::Numbered);
        const int dated = int(LogSet::RotationName::Kind::Dated);
        QTest::newRow("live") << "/var/log/mail.log" << "/var/log/mail.log" << live << 0 << "" << false;
        QTest::newRow("first rotation") << "/var/log/mail.log.1" << "/var/log/mail.log" << numbered << 1 << "" << false;
        QTest::newRow("compressed rotation")
            << "/var/log/mail.log.12.gz" << "/var/log/mail.log" << numbered << 12 << "" << false;
        QTest::newRow("postfix logrotate") << "/var/log/postfix.log.20250105-062501.gz" << "/var/log/postfix.log"
                                           << dated << 0 << "2025-01-05T06:25:01Z" << false;
        QTest::newRow("exim numbered") << "/var/log/exim4/mainlog.3.gz" << "/var/log/exim4/mainlog" << numbered << 3
                                       << "" << false;
        QTest::newRow("exim cyclog") << "/var/log/exim4/mainlog.01" << "/var/log/exim4/mainlog" << numbered << 1
                                     << "" << false;
        QTest::newRow("dateext") << "/var/log/exim4/mainlog-20250105.gz" << "/var/log/exim4/mainlog" << dated << 0
                                 << "2025-01-05T23:59:59Z" << false;
        QTest::newRow("dateext with dashes")
            << "/var/log/mail.log-2025-01-05" << "/var/log/mail.log" << dated << 0 << "2025-01-05T23:59:59Z" << false;
        QTest::newRow("dateext with hour")
            << "/var/log/mail.log-2025010506" << "/var/log/mail.log" << dated << 0 << "2025-01-05T06:00:00Z" << false;
        QTest::newRow("debian warn") << "/var/log/mail.warn" << "/var/log/mail.warn" << live << 0 << "" << true;
        QTest::newRow("debian err rotated")
            << "/var/log/mail.err.2.gz" << "/var/log/mail.err" << numbered << 2 << "" << true;
        QTest::newRow("debian info") << "/var/log/mail.info.1" << "/var/log/mail.info" << numbered << 1 << "" << true;
        QTest::newRow("a copy") << "/tmp/mail.log.copy" << "/tmp/mail.log.copy" << live << 0 << "" << false;
        QTest::newRow("not a date") << "/tmp/mail.log.99999999" << "/tmp/mail.log.99999999" << live << 0 << ""
                                    << false;
    }

    void parseName()
    {
        QFETCH(QString, path);
        QFETCH(QString, family);
        QFETCH(int, kind);
        QFETCH(int, number);
        QFETCH(QString, rotatedAt);
        QFETCH(bool, subset);
        const LogSet::RotationName name = LogSet::parseName(path, QTimeZone::utc());
        QCOMPARE(name.family, family);
        QCOMPARE(int(name.kind), kind);
        QCOMPARE(name.number, number);
        QCOMPARE(name.rotatedAt.has_value(), !rotatedAt.isEmpty());
        if (name.rotatedAt)
            QCOMPARE(QDateTime::fromSecsSinceEpoch(*name.rotatedAt, QTimeZone::utc()), utc(rotatedAt));
        QCOMPARE(name.mailLogSubset, subset);
    }

    // COUNTING.md, "Time": the last stamp takes the year that puts it at or before
    // the rotation time, and the year steps back at each New Year in the file.
    void years_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("stamps");   // UTC, in the file's order
        QTest::addColumn<QString>("modified");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");

        QTest::newRow("within a year") << "mail.log.1"
                                       << strings({"2024-11-02T06:25:01", "2024-11-09T06:24:00"})
                                       << "2024-11-09T06:25:02" << "2024-11-02T06:25:01" << "2024-11-09T06:24:00";
        QTest::newRow("across new year")
            << "mail.log.1" << strings({"2024-12-28T06:25:01", "2024-12-31T23:59:59", "2025-01-01T00:00:03",
                                           "2025-01-04T06:24:00"})
            << "2025-01-04T06:25:02" << "2024-12-28T06:25:01" << "2025-01-04T06:24:00";
        QTest::newRow("yearly rotation, first month is the rotation's")
            << "mail.log.1" << strings({"2024-01-01T06:25:01", "2024-06-01T10:00:00", "2024-12-31T23:00:00",
                                           "2025-01-01T06:25:00"})
            << "2025-01-01T06:25:30" << "2024-01-01T06:25:01" << "2025-01-01T06:25:00";
        QTest::newRow("quiet log over more than a year")
            << "mail.log.1" << strings({"2023-03-05T10:00:00", "2023-09-01T10:00:00", "2023-12-24T10:00:00",
                                           "2024-02-20T10:00:00"})
            << "2024-02-20T10:05:00" << "2023-03-05T10:00:00" << "2024-02-20T10:00:00";
        QTest::newRow("over two new years")
            << "mail.log" << strings({"2022-12-30T10:00:00", "2023-01-02T10:00:00", "2023-07-01T10:00:00",
                                         "2023-12-30T10:00:00", "2024-01-02T10:00:00"})
            << "2024-01-02T10:00:05" << "2022-12-30T10:00:00" << "2024-01-02T10:00:00";
        QTest::newRow("rotated long after its last line")
            << "mail.log.2" << strings({"2024-11-02T06:25:01", "2024-11-20T08:00:00"}) << "2025-03-01T06:25:00"
            << "2024-11-02T06:25:01" << "2024-11-20T08:00:00";
        QTest::newRow("the name's date wins over a copy's modification time")
            << "postfix.log.20250105-062501" << strings({"2024-12-30T06:25:01", "2025-01-05T06:25:00"})
            << "2026-03-01T12:00:00" << "2024-12-30T06:25:01" << "2025-01-05T06:25:00";
        QTest::newRow("a day's grace for clocks")
            << "mail.log" << strings({"2024-12-31T20:00:00", "2024-12-31T23:00:00"}) << "2024-12-31T12:00:00"
            << "2024-12-31T20:00:00" << "2024-12-31T23:00:00";
    }

    void years()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, stamps);
        QFETCH(QString, modified);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QTemporaryDir dir;
        QList<QDateTime> times;
        for (const QString &s : stamps)
            times << utc(s);
        const QString path = dir.filePath(name);
        QVERIFY(historytest::write(path, sessionsAt(times), utc(modified)));

        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({path}, {}, &error), qPrintable(error));
        const LogSet::File &file = set.files().constFirst();
        QVERIFY(file.firstTime.has_value());
        QVERIFY(file.lastTime.has_value());
        QCOMPARE(QDateTime::fromSecsSinceEpoch(*file.firstTime, QTimeZone::utc()), utc(first));
        // The last stamp is that of the session's last line, a second after its first.
        QCOMPARE(QDateTime::fromSecsSinceEpoch(*file.lastTime, QTimeZone::utc()), utc(last).addSecs(1));
        QCOMPARE(file.lines, qint64(historytest::lineCount(sessionsAt(times))));
        // The reference time gives a parser the first stamp's year.
        QCOMPARE(QDateTime::fromSecsSinceEpoch(file.referenceTime, QTimeZone::utc()).date().year(),
                 utc(first).date().year());
    }

    void orderIsByFirstStampThenRotation()
    {
        QTemporaryDir dir;
        const QDateTime start = utc(QStringLiteral("2024-12-20T06:25:01"));
        // Four weeks of one log, rotated weekly; the files given in any order.
        QList<QByteArray> weeks;
        for (int w = 0; w < 4; ++w)
            weeks << historytest::log(w * 10, 10, start.addDays(7 * w), 3600);
        const QDateTime rotated = start.addDays(7);
        QVERIFY(historytest::writeGzip(dir.filePath(QStringLiteral("mail.log.3.gz")), weeks[0], rotated));
        QVERIFY(historytest::writeGzip(dir.filePath(QStringLiteral("mail.log.2.gz")), weeks[1], rotated.addDays(7)));
        QVERIFY(historytest::write(dir.filePath(QStringLiteral("mail.log.1")), weeks[2], rotated.addDays(14)));
        QVERIFY(historytest::write(dir.filePath(QStringLiteral("mail.log")), weeks[3], rotated.addDays(21)));
        // A compressed copy of mail.log.1 and a copy of its beginning: the same
        // first stamp. Debian's mail.warn.1 begins earlier, and comes last all the same.
        QVERIFY(historytest::writeGzip(dir.filePath(QStringLiteral("mail.log.1.gz")), weeks[2], rotated.addDays(14)));
        QVERIFY(historytest::write(dir.filePath(QStringLiteral("copy.log")), historytest::lines(weeks[2], 0, 20),
                                   rotated.addDays(10)));
        QVERIFY(historytest::write(dir.filePath(QStringLiteral("mail.warn.1")), historytest::lines(weeks[0], 0, 1),
                                   rotated.addDays(14)));

        const QStringList given = {QStringLiteral("mail.log"),   QStringLiteral("copy.log"),
                                   QStringLiteral("mail.warn.1"), QStringLiteral("mail.log.1.gz"),
                                   QStringLiteral("mail.log.2.gz"), QStringLiteral("mail.log.1"),
                                   QStringLiteral("mail.log.3.gz")};
        QStringList paths;
        for (const QString &name : given)
            paths << dir.filePath(name);
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan(paths, {}, &error), qPrintable(error));
        // mail.log.1 and its .gz copy, the same rotation: the order given;
        // copy.log has no rotation suffix: after them.
        QCOMPARE(namesOf(set), (QStringList{QStringLiteral("mail.log.3.gz"), QStringLiteral("mail.log.2.gz"),
                                            QStringLiteral("mail.log.1.gz"), QStringLiteral("mail.log.1"),
                                            QStringLiteral("copy.log"), QStringLiteral("mail.log"),
                                            QStringLiteral("mail.warn.1")}));
        QCOMPARE(set.files().at(0).compressed, true);
        QCOMPARE(set.files().at(3).compressed, false);
        QCOMPARE(set.files().at(2).lines, qint64(historytest::lineCount(weeks[2])));
    }

    void tiesGoToTheOlderRotation()
    {
        QTemporaryDir dir;
        // The same first line in three rotations of one log (copies after a
        // failed rotation): the higher number is the older.
        const QByteArray text = historytest::log(0, 3, utc(QStringLiteral("2025-02-01T10:00:00")), 60);
        const QDateTime at = utc(QStringLiteral("2025-02-02T00:00:00"));
        for (const char *name : {"mail.log", "mail.log.1", "mail.log.2.gz"})
            QVERIFY(historytest::write(dir.filePath(QLatin1String(name)), text, at));
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({dir.filePath(QStringLiteral("mail.log")), dir.filePath(QStringLiteral("mail.log.1")),
                           dir.filePath(QStringLiteral("mail.log.2.gz"))},
                          {}, &error),
                 qPrintable(error));
        QCOMPARE(namesOf(set), (QStringList{QStringLiteral("mail.log.2.gz"), QStringLiteral("mail.log.1"),
                                            QStringLiteral("mail.log")}));
    }

    void filesNotRead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("says");
        QTest::newRow("bzip2") << QByteArray("BZh91AY&SY\x01\x02", 12) << "compressed with bzip2";
        QTest::newRow("xz") << QByteArray("\xFD" "7zXZ\x00\x00\x04", 8) << "compressed with xz";
        QTest::newRow("zstd") << QByteArray("\x28\xB5\x2F\xFD\x24\x00", 6) << "compressed with zstd";
    }

    void filesNotRead()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log.2.x"));
        QVERIFY(historytest::write(path, head));
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({path}, {}, &error), qPrintable(error));
        QVERIFY2(set.files().constFirst().skipped.contains(says), qPrintable(set.files().constFirst().skipped));
        QVERIFY(set.files().constFirst().skipped.startsWith(path));
        QCOMPARE(set.rawTotal(), qint64(0));
    }

    void aFileGivenTwiceIsReadOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(path, historytest::log(0, 2, utc(QStringLiteral("2025-02-01T10:00:00")), 60)));
        const QString link = dir.filePath(QStringLiteral("link.log"));
        QVERIFY(QFile::link(path, link));
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({path, link, path}, {}, &error), qPrintable(error));
        QCOMPARE(set.files().size(), 3);
        // The one read first; the others are only listed, after it.
        QVERIFY(set.files().constFirst().skipped.isEmpty());
        int read = 0;
        for (const LogSet::File &f : set.files()) {
            if (f.skipped.isEmpty()) {
                ++read;
                QCOMPARE(f.path, path);
            } else {
                QCOMPARE(f.duplicateOf, path);
                QCOMPARE(f.skipped, QStringLiteral("%1: the same file as %2, given twice: read once").arg(f.path, path));
            }
        }
        QCOMPARE(read, 1);
    }

    void aLogReadBeforeKeepsItsYearAndIsNotReadAhead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        const QByteArray text = historytest::log(0, 4, utc(QStringLiteral("2025-02-01T10:00:00")), 60);
        QVERIFY(historytest::write(path, text, utc(QStringLiteral("2025-02-01T11:00:00"))));
        // As read by an import a year ago (say the file's time was wrong then).
        const qint64 stored = utc(QStringLiteral("2024-02-01T10:00:00")).toSecsSinceEpoch();
        QString asked;
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({path},
                          [&](const QString &identity) -> std::optional<qint64> {
                              asked = identity;
                              return stored;
                          },
                          &error),
                 qPrintable(error));
        const LogSet::File &file = set.files().constFirst();
        QCOMPARE(asked, LogSet::identityOf(historytest::lines(text, 0, 1).chopped(1).toStdString()));
        QCOMPARE(file.identity, asked);
        QCOMPARE(file.firstTime, std::optional<qint64>(stored));
        QCOMPARE(file.referenceTime, stored);
        QCOMPARE(file.lines, qint64(-1));
    }

    void anEmptyFileHasNoIdentity()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(path, QByteArray()));
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY2(set.scan({path}, {}, &error), qPrintable(error));
        QVERIFY(set.files().constFirst().identity.isEmpty());
        QVERIFY(!set.files().constFirst().firstTime);
    }

    void aMissingFileIsAnError()
    {
        QTemporaryDir dir;
        LogSet set(QTimeZone::utc());
        QString error;
        QVERIFY(!set.scan({dir.filePath(QStringLiteral("missing.log"))}, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("missing.log")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLogSet)
#include "tst_logset.moc"
