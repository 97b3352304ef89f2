#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "historytestutil.h"
#include "models/ingest/importjob.h"
#include "models/store/trafficstore.h"
#include "storetestutil.h"

using namespace mailtls;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// Everything the figures of a store are made of.
struct Figures
{
    QList<PeerFigures> peers;
    QList<PeerFigures> fromRecords;
    qint64 lines = -1;
    QHash<QString, qint64> unrecognised;
};

Figures figuresOf(const QString &db, const ReportFilter &filter = {})
{
    Figures f;
    TrafficStore store(db);
    QString error;
    if (!store.open(&error))
        qFatal("%s", qPrintable(error));
    f.peers = store.peerFigures(filter, &error);
    f.fromRecords = store.peerFiguresFromRecords(filter, &error);
    f.lines = store.linesRead(&error);
    f.unrecognised = store.unrecognisedCounts(&error);
    return f;
}

qint64 messages(const QList<PeerFigures> &figures)
{
    qint64 n = 0;
    for (const PeerFigures &f : figures)
        n += f.messages;
    return n;
}

// A second connection to the file, for what the store's API does not show.
qint64 count(const QString &db, const QString &sql)
{
    qint64 n = -1;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("history-raw"));
        raw.setDatabaseName(db);
        if (raw.open()) {
            QSqlQuery q(raw);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("history-raw"));
    return n;
}

LogImporter::Options options(int batchLines = 200)
{
    LogImporter::Options o;
    o.zone = QTimeZone::utc();
    o.batchLines = batchLines;
    return o;
}

QList<ImportSummary> import(const QString &db, const QStringList &paths, int batchLines = 200)
{
    ImportJob job(db, options(batchLines));
    QString error;
    if (!job.run(paths, &error))
        qFatal("import failed: %s", qPrintable(error));
    return job.summaries();
}

ImportSummary summaryOf(const QList<ImportSummary> &summaries, const QString &path)
{
    for (const ImportSummary &s : summaries) {
        if (s.name == path)
            return s;
    }
    return {};
}

// Four weeks of one server's log, rotated weekly at 06:25 by logrotate with
// compress and delaycompress, and the copies that lie around a real /var/log.
class RotatedSet
{
public:
    explicit RotatedSet(const QString &folder)
        : m_dir(folder)
    {
        const QDateTime start = utc(QStringLiteral("2024-12-10T06:25:01"));
        for (int w = 0; w < 4; ++w) {
            // Sessions every 50 minutes; the last ones of a week run past the rotation
            // into the next file, as a busy server's do.
            m_weeks << historytest::log(w * 200, 200, start.addDays(7 * w), 3000);
        }
        const auto rotated = [&](int w) { return start.addDays(7 * (w + 1)).addSecs(-1); };
        ok = historytest::writeGzip(path("mail.log.3.gz"), m_weeks[0], rotated(0))
            && historytest::writeGzip(path("mail.log.2.gz"), m_weeks[1], rotated(1))
            && historytest::write(path("mail.log.1"), m_weeks[2], rotated(2))
            && historytest::write(path("mail.log"), m_weeks[3], rotated(3))
            // A compressed copy of a plain file.
            && historytest::writeGzip(path("mail.log.1.gz"), m_weeks[2], rotated(2))
            // mail.log copied a few days ago: its beginning.
            && historytest::write(path("copy.log"), historytest::lines(m_weeks[3], 0, 700), rotated(2).addDays(4))
            // The end of one week and the start of the next, as an excerpt would hold them.
            && historytest::write(path("bridge.log"),
                                  historytest::lines(m_weeks[1], historytest::lineCount(m_weeks[1]) - 25)
                                      + historytest::lines(m_weeks[2], 0, 30),
                                  rotated(1).addDays(1))
            // Lines from the middle of the oldest week.
            && historytest::write(path("excerpt.log"), historytest::lines(m_weeks[0], 50, 70), rotated(0))
            // The last lines of a week: another log's lines at its end.
            && historytest::write(path("tail.log"), historytest::lines(m_weeks[2], historytest::lineCount(m_weeks[2]) - 40),
                                  rotated(2));
    }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QStringList paths(const QStringList &names) const
    {
        QStringList out;
        for (const QString &n : names)
            out << m_dir.filePath(n);
        return out;
    }
    static QStringList set()
    {
        return {QStringLiteral("mail.log.3.gz"), QStringLiteral("mail.log.2.gz"), QStringLiteral("mail.log.1"),
                QStringLiteral("mail.log")};
    }
    static QStringList copies()
    {
        return {QStringLiteral("mail.log.1.gz"), QStringLiteral("copy.log"), QStringLiteral("bridge.log"),
                QStringLiteral("excerpt.log"), QStringLiteral("tail.log")};
    }
    const QList<QByteArray> &weeks() const { return m_weeks; }
    bool ok = false;

private:
    QDir m_dir;
    QList<QByteArray> m_weeks;
};

QStringList shuffled(QStringList names, quint32 seed)
{
    QRandomGenerator random(seed);
    for (qsizetype i = names.size() - 1; i > 0; --i)
        names.swapItemsAt(i, random.bounded(int(i + 1)));
    return names;
}

} // namespace

class TestHistoryImport : public QObject
{
    Q_OBJECT

private slots:
    // The proof: a rotated set imported twice, in shuffled order, with
    // overlapping copies and a gzip copy, gives exactly the figures of one
    // clean read of the set.
    void messyImportsGiveTheFiguresOfOneCleanRead_data()
    {
        QTest::addColumn<QList<QStringList>>("runs");
        const QStringList everything = RotatedSet::set() + RotatedSet::copies();
        QTest::newRow("shuffled twice, copies and all")
            << QList<QStringList>{shuffled(everything, 1), shuffled(everything, 2)};
        QTest::newRow("the copies first, then the set shuffled")
            << QList<QStringList>{RotatedSet::copies(), shuffled(RotatedSet::set(), 3)};
        QTest::newRow("the set, then the copies")
            << QList<QStringList>{RotatedSet::set(), shuffled(RotatedSet::copies(), 4)};
        QTest::newRow("one file at a time, newest first")
            << QList<QStringList>{{QStringLiteral("copy.log")},   {QStringLiteral("mail.log")},
                                  {QStringLiteral("tail.log")},   {QStringLiteral("bridge.log")},
                                  {QStringLiteral("mail.log.1.gz")}, {QStringLiteral("mail.log.1")},
                                  {QStringLiteral("mail.log.2.gz")}, {QStringLiteral("excerpt.log")},
                                  {QStringLiteral("mail.log.3.gz")}};
        QTest::newRow("every file given twice") << QList<QStringList>{everything + shuffled(everything, 5)};
    }

    void messyImportsGiveTheFiguresOfOneCleanRead()
    {
        QFETCH(QList<QStringList>, runs);
        QTemporaryDir dir;
        RotatedSet files(dir.path());
        QVERIFY(files.ok);
        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, files.paths(RotatedSet::set()));
        const Figures expected = figuresOf(clean);
        QVERIFY(messages(expected.peers) == 800);
        QCOMPARE(expected.lines, qint64(historytest::lineCount(files.weeks().join())));

        const QString messy = dir.filePath(QStringLiteral("messy.sqlite"));
        for (const QStringList &run : runs) {
            import(messy, files.paths(run));
            const Figures got = figuresOf(messy);
            QVERIFY(got.lines <= expected.lines);
        }
        // Again: nothing changes.
        for (const QStringList &run : runs)
            import(messy, files.paths(run));
        const Figures got = figuresOf(messy);
        QCOMPARE(got.peers, expected.peers);
        QCOMPARE(got.fromRecords, expected.fromRecords);
        QCOMPARE(got.lines, expected.lines);
        QCOMPARE(got.unrecognised, expected.unrecognised);
    }

    void whatBecameOfEachFile()
    {
        QTemporaryDir dir;
        RotatedSet files(dir.path());
        QVERIFY(files.ok);
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        const QList<ImportSummary> first = import(db, files.paths(shuffled(RotatedSet::set() + RotatedSet::copies(), 7)));
        QCOMPARE(first.size(), 9);
        // In the order they were read, oldest first.
        QStringList order;
        for (const ImportSummary &s : first)
            order << QFileInfo(s.name).fileName();
        QCOMPARE(order.first(), QStringLiteral("mail.log.3.gz"));
        QCOMPARE(order.indexOf(QStringLiteral("excerpt.log")), 1);
        QVERIFY(order.indexOf(QStringLiteral("mail.log.2.gz")) < order.indexOf(QStringLiteral("mail.log.1")));
        // bridge.log runs into mail.log.1's first line: read after it.
        QVERIFY(order.indexOf(QStringLiteral("bridge.log")) > order.indexOf(QStringLiteral("mail.log.1")));
        QVERIFY(order.indexOf(QStringLiteral("mail.log.1")) < order.indexOf(QStringLiteral("mail.log")));
        for (int i = 0; i < first.size(); ++i)
            QCOMPARE(first.at(i).order, i + 1);

        using Outcome = ImportSummary::Outcome;
        QCOMPARE(summaryOf(first, files.path("mail.log.3.gz")).outcome, Outcome::New);
        const ImportSummary excerpt = summaryOf(first, files.path("excerpt.log"));
        QCOMPARE(excerpt.outcome, Outcome::Contained);
        QCOMPARE(excerpt.linesKnown, 70);
        QCOMPARE(excerpt.linesRead, 0);
        QCOMPARE(excerpt.known.size(), 1);
        QCOMPARE(excerpt.known.constFirst().name, files.path("mail.log.3.gz"));
        QCOMPARE(excerpt.known.constFirst().fromLine, 51);
        QCOMPARE(excerpt.known.constFirst().lines, 70);
        const ImportSummary bridge = summaryOf(first, files.path("bridge.log"));
        QCOMPARE(bridge.outcome, Outcome::Contained);
        QCOMPARE(bridge.known.size(), 2);
        QCOMPARE(bridge.known.at(0).lines, 25);
        QCOMPARE(bridge.known.at(1).fromLine, 1);
        QCOMPARE(bridge.known.at(1).lines, 30);
        const ImportSummary tail = summaryOf(first, files.path("tail.log"));
        QCOMPARE(tail.outcome, Outcome::Contained);
        QCOMPARE(tail.linesKnown, 40);
        // mail.log.1 and its gzip copy: one of them is read, the other is the same lines.
        const ImportSummary plain = summaryOf(first, files.path("mail.log.1"));
        const ImportSummary gzip = summaryOf(first, files.path("mail.log.1.gz"));
        QCOMPARE(plain.linesRead + gzip.linesRead, qint64(historytest::lineCount(files.weeks()[2])));
        QVERIFY(plain.outcome == Outcome::AlreadyComplete || gzip.outcome == Outcome::AlreadyComplete);
        // copy.log and mail.log share their beginning.
        const ImportSummary copy = summaryOf(first, files.path("copy.log"));
        const ImportSummary live = summaryOf(first, files.path("mail.log"));
        QCOMPARE(copy.linesRead + live.linesRead, qint64(historytest::lineCount(files.weeks()[3])));

        // The same set again: nothing is read twice.
        const QList<ImportSummary> again = import(db, files.paths(RotatedSet::set() + RotatedSet::copies()));
        for (const ImportSummary &s : again) {
            QCOMPARE(s.linesRead, 0);
            QVERIFY2(s.outcome == Outcome::AlreadyComplete || s.outcome == Outcome::Contained,
                     qPrintable(s.name));
        }
    }

    // A file that begins inside a log read before and goes on past its end is
    // that log's continuation: the figures of the whole log read at once.
    void aLaterExcerptContinuesTheLogItBeginsIn_data()
    {
        QTest::addColumn<bool>("together");
        QTest::newRow("in two imports") << false;
        QTest::newRow("in one import") << true;
    }

    void aLaterExcerptContinuesTheLogItBeginsIn()
    {
        QFETCH(bool, together);
        QTemporaryDir dir;
        const QByteArray whole = historytest::log(0, 300, utc(QStringLiteral("2025-03-01T00:00:00")), 600);
        const int total = historytest::lineCount(whole);
        const QString all = dir.filePath(QStringLiteral("all.log"));
        const QString early = dir.filePath(QStringLiteral("early.log"));
        const QString later = dir.filePath(QStringLiteral("later.log"));
        QVERIFY(historytest::write(all, whole, utc(QStringLiteral("2025-03-03T02:00:00"))));
        // Cut in the middle of sessions, overlapping by 300 lines.
        QVERIFY(historytest::write(early, historytest::lines(whole, 0, 1000), utc(QStringLiteral("2025-03-02T10:00:00"))));
        QVERIFY(historytest::write(later, historytest::lines(whole, 700), utc(QStringLiteral("2025-03-03T02:00:00"))));

        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, {all});
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        QList<ImportSummary> summaries;
        if (together) {
            summaries = import(db, {later, early});
        } else {
            import(db, {early});
            summaries = import(db, {later});
        }
        const ImportSummary s = summaryOf(summaries, later);
        QCOMPARE(s.outcome, ImportSummary::Outcome::Continued);
        QCOMPARE(s.continues, early);
        QCOMPARE(s.linesKnown, 300);
        QCOMPARE(s.linesRead, total - 1000);
        QCOMPARE(s.known.constFirst().fromLine, 701);
        const Figures expected = figuresOf(clean);
        const Figures got = figuresOf(db);
        QCOMPARE(got.peers, expected.peers);
        QCOMPARE(got.fromRecords, expected.fromRecords);
        QCOMPARE(got.lines, expected.lines);
        // One log: the excerpt's lines are that log's, at its offsets.
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sources")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT max(position) FROM sources")), qint64(whole.size()));
        QCOMPARE(count(db, QStringLiteral("SELECT max(key) FROM transfers")),
                 count(clean, QStringLiteral("SELECT max(key) FROM transfers")));
    }

    // A log read before that begins inside a file: held whole, it is taken back
    // and counted in the file; where the file ends inside it, the file is read
    // up to its first line.
    void aLogReadBeforeBeginsInsideTheFile()
    {
        QTemporaryDir dir;
        const QByteArray whole = historytest::log(0, 300, utc(QStringLiteral("2025-03-01T00:00:00")), 600);
        const int total = historytest::lineCount(whole);
        const QString all = dir.filePath(QStringLiteral("all.log"));
        const QString middle = dir.filePath(QStringLiteral("middle.log"));
        const QString end = dir.filePath(QStringLiteral("end.log"));
        QVERIFY(historytest::write(all, whole, utc(QStringLiteral("2025-03-03T02:00:00"))));
        QVERIFY(historytest::write(middle, historytest::lines(whole, 500, 400), utc(QStringLiteral("2025-03-02T02:00:00"))));
        QVERIFY(historytest::write(end, historytest::lines(whole, 1500), utc(QStringLiteral("2025-03-03T02:00:00"))));
        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, {all});

        const QString db = dir.filePath(QStringLiteral("held.sqlite"));
        QCOMPARE(import(db, {middle}).constFirst().outcome, ImportSummary::Outcome::New);
        const ImportSummary holds = import(db, {all}).constFirst();
        QCOMPARE(holds.outcome, ImportSummary::Outcome::New);
        QCOMPARE(holds.linesRead, total);
        QCOMPARE(holds.replaced, QStringList{middle});
        QCOMPARE(figuresOf(db).peers, figuresOf(clean).peers);
        QCOMPARE(figuresOf(db).lines, figuresOf(clean).lines);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sources")), 1);
        QCOMPARE(import(db, {middle}).constFirst().outcome, ImportSummary::Outcome::Contained);

        // The start of the log up to line 1800, read after its end from line 1500.
        const QString early = dir.filePath(QStringLiteral("early.log"));
        QVERIFY(historytest::write(early, historytest::lines(whole, 0, 1800), utc(QStringLiteral("2025-03-02T12:00:00"))));
        const QString split = dir.filePath(QStringLiteral("split.sqlite"));
        import(split, {end});
        const ImportSummary endsInside = import(split, {early}).constFirst();
        QCOMPARE(endsInside.outcome, ImportSummary::Outcome::New);
        QCOMPARE(endsInside.linesRead, 1500);
        QCOMPARE(endsInside.linesKnown, 300);
        QCOMPARE(endsInside.known.size(), 1);
        QCOMPARE(endsInside.known.constFirst().name, end);
        QCOMPARE(endsInside.known.constFirst().fromLine, 1);
        QCOMPARE(endsInside.known.constFirst().lines, 300);
        // Every line once; only the sessions across line 1500 are read as two logs'.
        QCOMPARE(figuresOf(split).lines, figuresOf(clean).lines);
        QVERIFY(messages(figuresOf(split).peers) <= messages(figuresOf(clean).peers));
        QVERIFY(messages(figuresOf(split).peers) >= messages(figuresOf(clean).peers) - 2);
        const QList<ImportSummary> again = import(split, {early, end, all});
        for (const ImportSummary &s : again)
            QCOMPARE(s.linesRead, 0);
        QCOMPARE(figuresOf(split).lines, figuresOf(clean).lines);
    }

    void debianSubsetsAreSkipped()
    {
        QTemporaryDir dir;
        const QByteArray log = historytest::log(0, 100, utc(QStringLiteral("2025-02-03T06:25:01")), 1800);
        QByteArray warnings;
        for (const QByteArray &line : log.split('\n')) {
            if (line.contains("warning:"))
                warnings += line + '\n';
        }
        QCOMPARE(historytest::lineCount(warnings), 20);
        const QDateTime rotated = utc(QStringLiteral("2025-02-05T06:25:00"));
        const QString mailLog = dir.filePath(QStringLiteral("mail.log.1"));
        const QString mailWarn = dir.filePath(QStringLiteral("mail.warn.1"));
        const QString grepped = dir.filePath(QStringLiteral("warnings.txt"));
        QVERIFY(historytest::write(mailLog, log, rotated));
        QVERIFY(historytest::write(mailWarn, warnings, rotated));
        QVERIFY(historytest::write(grepped, warnings, rotated));

        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, {mailLog});
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        const QList<ImportSummary> summaries = import(db, {mailWarn, grepped, mailLog});
        QCOMPARE(summaries.size(), 3);
        QCOMPARE(summaries.last().name, mailWarn);
        const ImportSummary warn = summaryOf(summaries, mailWarn);
        QCOMPARE(warn.outcome, ImportSummary::Outcome::Subset);
        QCOMPARE(warn.reason, QStringLiteral("%1: not read: every line of it is also in %2, read before (Debian's "
                                             "mail.warn only repeats lines that are in mail.log)")
                                  .arg(mailWarn, mailLog));
        QVERIFY(!warn.problem);
        const ImportSummary other = summaryOf(summaries, grepped);
        QCOMPARE(other.outcome, ImportSummary::Outcome::Subset);
        QCOMPARE(other.reason, QStringLiteral("%1: not read: every line of it is also in %2, read before (a part of "
                                              "that log)")
                                   .arg(grepped, mailLog));
        const Figures expected = figuresOf(clean);
        const Figures got = figuresOf(db);
        QCOMPARE(got.peers, expected.peers);
        QCOMPARE(got.lines, expected.lines);

        // Without its mail.log, mail.warn is not read either.
        const QString alone = dir.filePath(QStringLiteral("alone.sqlite"));
        const QList<ImportSummary> single = import(alone, {mailWarn});
        QCOMPARE(single.constFirst().outcome, ImportSummary::Outcome::Skipped);
        QCOMPARE(single.constFirst().reason,
                 QStringLiteral("%1: not read: Debian's mail.warn only repeats lines that are in mail.log, and its "
                                "lines are not in any mail.log read before: import the mail.log of the same days "
                                "instead")
                     .arg(mailWarn));
        QCOMPARE(figuresOf(alone).lines, qint64(0));
        QCOMPARE(count(alone, QStringLiteral("SELECT count(*) FROM sources")), 0);
    }

    // COUNTING.md, "Time", across two rotated files: each file's last stamp is
    // in the year of its modification time (its rotation), stepping back at New Year.
    void newYearAcrossRotatedFiles()
    {
        QTemporaryDir dir;
        // Sessions every 30 minutes from 30 December to 2 January; rotated at
        // midnight (mail.log.1 was last written just before, and rotated after).
        const QDateTime start = utc(QStringLiteral("2024-12-30T00:10:00"));
        const QByteArray before = historytest::log(0, 94, start, 1800);
        const QByteArray after = historytest::log(94, 100, utc(QStringLiteral("2025-01-01T00:10:00")), 1800);
        const QString rotated = dir.filePath(QStringLiteral("mail.log.1"));
        const QString live = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(rotated, before, utc(QStringLiteral("2025-01-01T00:00:02"))));
        QVERIFY(historytest::write(live, after, utc(QStringLiteral("2025-01-03T02:00:00"))));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        const QList<ImportSummary> summaries = import(db, {live, rotated});
        QCOMPARE(summaries.constFirst().name, rotated);
        QCOMPARE(summaries.constFirst().firstTime, std::optional<std::int64_t>(start.toSecsSinceEpoch()));

        auto between = [&](const char *from, const char *until) {
            ReportFilter filter;
            filter.since = utc(QLatin1String(from)).toSecsSinceEpoch();
            filter.until = utc(QLatin1String(until)).toSecsSinceEpoch();
            return messages(figuresOf(db, filter).peers);
        };
        QCOMPARE(between("2024-12-30T00:00:00", "2025-01-01T00:00:00"), qint64(94));
        QCOMPARE(between("2025-01-01T00:00:00", "2025-01-04T00:00:00"), qint64(100));
        QCOMPARE(between("2024-01-01T00:00:00", "2024-12-30T00:00:00"), qint64(0));
        QCOMPARE(between("2025-01-04T00:00:00", "2026-01-01T00:00:00"), qint64(0));
        QCOMPARE(messages(figuresOf(db).peers), qint64(194));
    }

    void aFileRunningThroughNewYearAfterItsFirstMonth()
    {
        // A quiet server's log, rotated by size after fourteen months: read by its
        // first month and its modification time alone, it would start a year late.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log.1"));
        QByteArray text;
        for (int m = 0; m < 14; ++m)
            text += historytest::session(m, utc(QStringLiteral("2023-03-10T12:00:00")).addMonths(m)).text;
        QVERIFY(historytest::write(path, text, utc(QStringLiteral("2024-05-10T12:30:00"))));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        import(db, {path});
        ReportFilter filter;
        filter.since = utc(QStringLiteral("2023-03-01T00:00:00")).toSecsSinceEpoch();
        filter.until = utc(QStringLiteral("2024-01-01T00:00:00")).toSecsSinceEpoch();
        QCOMPARE(messages(figuresOf(db, filter).peers), qint64(10));
        QCOMPARE(messages(figuresOf(db).peers), qint64(14));
    }

    void cancelLeavesNothingOfANewFile()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("mail.log.1"));
        const QString second = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(first, historytest::log(0, 200, utc(QStringLiteral("2025-02-01T00:00:00")), 600),
                                   utc(QStringLiteral("2025-02-03T00:00:00"))));
        QVERIFY(historytest::write(second, historytest::log(200, 3000, utc(QStringLiteral("2025-02-03T00:00:00")), 60),
                                   utc(QStringLiteral("2025-02-06T00:00:00"))));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        import(db, {first});
        const Figures before = figuresOf(db);
        const qint64 fingerprints = count(db, QStringLiteral("SELECT count(*) FROM source_lines"));

        ImportJob job(db, options(100));
        const qint64 firstLines = before.lines;
        job.setProgress([&job, firstLines](const ImportProgress &p) {
            if (p.phase == ImportProgress::Phase::Reading && p.lines > firstLines + 1500)
                job.cancel();
        }, 0);
        QString error;
        QVERIFY2(job.run({first, second}, &error), qPrintable(error));
        QVERIFY(job.wasCancelled());
        QCOMPARE(job.summaries().size(), 2);
        QCOMPARE(job.summaries().at(0).outcome, ImportSummary::Outcome::AlreadyComplete);
        const ImportSummary cancelled = job.summaries().at(1);
        QCOMPARE(cancelled.outcome, ImportSummary::Outcome::Cancelled);
        QVERIFY2(cancelled.linesRead >= 1500, qPrintable(QString::number(cancelled.linesRead)));

        const Figures after = figuresOf(db);
        QCOMPARE(after.peers, before.peers);
        QCOMPARE(after.fromRecords, before.fromRecords);
        QCOMPARE(after.lines, before.lines);
        QCOMPARE(after.unrecognised, before.unrecognised);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sources")), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM source_lines")), fingerprints);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM daily WHERE messages < 0 OR connections < 0")), 0);

        // Read again in full: the figures of one clean read.
        import(db, {second});
        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, {first, second});
        QCOMPARE(figuresOf(db).peers, figuresOf(clean).peers);
        QCOMPARE(figuresOf(db).lines, figuresOf(clean).lines);
    }

    // A longer version of a log read before, cancelled: the log is as it was
    // after the first import, including a record from before the cancelled
    // import's start that the import had changed.
    void cancelPutsBackALogReadOn()
    {
        QTemporaryDir dir;
        const QDateTime start = utc(QStringLiteral("2025-02-01T00:00:00"));
        const QByteArray head = historytest::log(0, 50, start, 60);
        // One message to one peer over two connections: TLS before the cut,
        // plaintext after it, so the record made before the cut changes after it.
        const QByteArray t = historytest::stamp(start.addSecs(3100));
        const QByteArray u = historytest::stamp(start.addSecs(3105));
        const QByteArray split =
            t + " mx postfix/qmgr[777]: 9F00AA: from=<user@mx.test>, size=2000, nrcpt=2 (queue active)\n"
            + t + " mx postfix/smtp[50001]: Trusted TLS connection established to mx.example.net[198.51.100.5]:25: "
                  "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
            + t + " mx postfix/smtp[50001]: 9F00AA: to=<a@example.net>, relay=mx.example.net[198.51.100.5]:25, "
                  "delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
        const QByteArray rest =
            u + " mx postfix/smtp[50002]: 9F00AA: to=<b@example.net>, relay=mx.example.net[198.51.100.5]:25, "
                "delay=6, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)\n"
            + u + " mx postfix/qmgr[777]: 9F00AA: removed\n"
            + historytest::log(60, 2000, start.addSecs(3200), 60);
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(path, head + split, start.addSecs(3101)));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        import(db, {path});
        const Figures before = figuresOf(db);
        const qint64 position = count(db, QStringLiteral("SELECT position FROM sources"));
        QCOMPARE(position, qint64((head + split).size()));
        QCOMPARE(count(db, QStringLiteral("SELECT encrypted FROM transfers WHERE queue_id = '9F00AA'")), 1);

        QVERIFY(historytest::write(path, head + split + rest, start.addDays(3)));
        ImportJob job(db, options(100));
        job.setProgress([&job](const ImportProgress &p) {
            if (p.phase == ImportProgress::Phase::Reading && p.lines > 1000)
                job.cancel();
        }, 0);
        QString error;
        QVERIFY2(job.run({path}, &error), qPrintable(error));
        QVERIFY(job.wasCancelled());
        QCOMPARE(job.summaries().constFirst().outcome, ImportSummary::Outcome::Cancelled);
        const Figures after = figuresOf(db);
        QCOMPARE(after.peers, before.peers);
        QCOMPARE(after.fromRecords, before.fromRecords);
        QCOMPARE(after.lines, before.lines);
        QCOMPARE(count(db, QStringLiteral("SELECT position FROM sources")), position);
        QCOMPARE(count(db, QStringLiteral("SELECT encrypted FROM transfers WHERE queue_id = '9F00AA'")), 1);

        // Read on in full: the figures of one clean read of the longer log.
        const QList<ImportSummary> resumed = import(db, {path});
        QCOMPARE(resumed.constFirst().outcome, ImportSummary::Outcome::Resumed);
        QCOMPARE(count(db, QStringLiteral("SELECT encrypted FROM transfers WHERE queue_id = '9F00AA'")), 0);
        const QString clean = dir.filePath(QStringLiteral("clean.sqlite"));
        import(clean, {path});
        QCOMPARE(figuresOf(db).peers, figuresOf(clean).peers);
        QCOMPARE(figuresOf(db).fromRecords, figuresOf(clean).fromRecords);
        QCOMPARE(figuresOf(db).lines, figuresOf(clean).lines);
    }

    void aLogReadByAnOlderMailTlsIsKnownByItsFirstLine()
    {
        QTemporaryDir dir;
        const QByteArray text = historytest::log(0, 100, utc(QStringLiteral("2025-02-01T00:00:00")), 60);
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QVERIFY(historytest::write(path, text));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        import(db, {path});
        // What a store of schema 6 knew of it: no fingerprints, no times.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy"));
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM source_lines")));
            QVERIFY(q.exec(QStringLiteral("UPDATE sources SET first_time = NULL, last_time = NULL")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("legacy"));
        QCOMPARE(import(db, {path}).constFirst().outcome, ImportSummary::Outcome::AlreadyComplete);
        const QString copy = dir.filePath(QStringLiteral("copy.log"));
        QVERIFY(historytest::write(copy, historytest::lines(text, 0, 100)));
        const ImportSummary refused = import(db, {copy}).constFirst();
        QCOMPARE(refused.outcome, ImportSummary::Outcome::Refused);
        QVERIFY(refused.problem);
        QVERIFY2(refused.reason.contains(QStringLiteral("older MailTLS")), qPrintable(refused.reason));
        QVERIFY(historytest::write(path, text + historytest::log(100, 10, utc(QStringLiteral("2025-02-02T00:00:00")), 60)));
        const ImportSummary resumed = import(db, {path}).constFirst();
        QCOMPARE(resumed.outcome, ImportSummary::Outcome::Resumed);
        QCOMPARE(resumed.resumedAt, qint64(text.size()));
    }

    void aLogThatOnlyBeginsLikeAnotherIsRefused()
    {
        QTemporaryDir dir;
        const QByteArray text = historytest::log(0, 20, utc(QStringLiteral("2025-02-01T00:00:00")), 60);
        const QString path = dir.filePath(QStringLiteral("a.log"));
        const QString other = dir.filePath(QStringLiteral("b.log"));
        QVERIFY(historytest::write(path, text));
        QVERIFY(historytest::write(other, historytest::lines(text, 0, 30)
                                              + historytest::log(500, 20, utc(QStringLiteral("2025-02-01T00:31:00")), 60)));
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        const QList<ImportSummary> summaries = import(db, {path, other});
        const ImportSummary refused = summaryOf(summaries, other);
        QCOMPARE(refused.outcome, ImportSummary::Outcome::Refused);
        QCOMPARE(refused.reason,
                 QStringLiteral("%1: not read: its lines 1 to 30 are lines 1 to 30 of %2, but its line 31 is not the "
                                "line that follows there; reading it would count those lines twice (a log that only "
                                "begins like one read before goes into a database of its own)")
                     .arg(other, path));
    }

    void progressGoesThroughBothPhases()
    {
        QTemporaryDir dir;
        RotatedSet files(dir.path());
        QVERIFY(files.ok);
        QList<ImportProgress> seen;
        ImportJob job(dir.filePath(QStringLiteral("store.sqlite")), options(100));
        job.setProgress([&seen](const ImportProgress &p) { seen << p; }, 0);
        QString error;
        QVERIFY2(job.run(files.paths(RotatedSet::set()), &error), qPrintable(error));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.first().phase, ImportProgress::Phase::Looking);
        QCOMPARE(seen.last().phase, ImportProgress::Phase::Reading);
        QVERIFY(seen.last().finished);
        QCOMPARE(seen.last().lines, qint64(historytest::lineCount(files.weeks().join())));
        QCOMPARE(seen.last().permille(), 1000);
        QCOMPARE(seen.last().fileCount, 4);
        qint64 lines = 0;
        int file = 0;
        for (const ImportProgress &p : seen) {
            if (p.phase != ImportProgress::Phase::Reading)
                continue;
            QVERIFY(p.lines >= lines);
            QVERIFY(p.fileNumber >= file);
            QVERIFY(p.rawBytes <= p.rawTotal);
            lines = p.lines;
            file = p.fileNumber;
        }
        QCOMPARE(file, 4);
    }
};

QTEST_GUILESS_MAIN(TestHistoryImport)
#include "tst_historyimport.moc"
