#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "models/ingest/lineingest.h"
#include "models/ingest/logreader.h"
#include "models/ingest/parallelingest.h"
#include "models/logs/lineprefixparser.h"
#include "models/logs/eximassembler.h"
#include "models/logs/eximlineparser.h"
#include "models/logs/logassembler.h"
#include "models/logs/logformat.h"
#include "models/logs/records.h"
#include "models/logs/sendmailassembler.h"

using namespace mailtls;

namespace {

qint64 utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t.toSecsSinceEpoch();
}

QString isoTime(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString offsetList(const LineOffsets &lines)
{
    QStringList parts;
    for (std::int64_t offset : lines)
        parts << QString::number(offset);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Every record as one line, in the order the assembler emitted them.
QStringList describe(const AssemblerOutput &out)
{
    QStringList rows;
    for (const TransferRecord &r : out.transfers)
        rows << QStringLiteral("msg@%1 %2 %3 %4 %5 %6 %7 %8 from=%9")
                    .arg(r.key)
                    .arg(directionName(r.direction), r.peer, r.queueId, isoTime(r.time))
                    .arg(r.encrypted ? QStringLiteral("enc") : QStringLiteral("plain"))
                    .arg(r.bytes)
                    .arg(offsetList(r.lines), r.sender);
    for (const ConnectionRecord &r : out.connections)
        rows << QStringLiteral("conn@%1 %2 %3 %4 %5 %6")
                    .arg(r.key)
                    .arg(directionName(r.direction), r.peer, isoTime(r.time))
                    .arg(r.encrypted ? QStringLiteral("enc") : QStringLiteral("plain"))
                    .arg(offsetList(r.lines));
    for (const TlsFailureRecord &r : out.failures)
        rows << QStringLiteral("fail@%1 %2 %3 %4 %5")
                    .arg(r.key)
                    .arg(directionName(r.direction), r.peer, isoTime(r.time), r.reason);
    return rows;
}

QString countsText(const QHash<QString, qint64> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + QString::number(it.value());
    parts.sort();
    return parts.join(QLatin1Char(' '));
}

// One plaintext inbound message: connect, client=, qmgr, disconnect; and a line of
// another program and one without a prefix, which are counted, not fed.
QByteArray sessionLines(const QByteArray &stamp, int n)
{
    const QByteArray pid = QByteArray::number(1000 + n % 7);
    const QByteArray qid = "4A" + QByteArray::number(100000 + n);
    const QByteArray peer = "m" + QByteArray::number(n % 5) + ".example.net[192.0.2." + QByteArray::number(n % 5 + 1) + "]";
    return stamp + " mx postfix/smtpd[" + pid + "]: connect from " + peer + "\n"
        + stamp + " mx postfix/smtpd[" + pid + "]: " + qid + ": client=" + peer + "\n"
        + stamp + " mx dovecot: imap(alice): Logged out\n"
        + stamp + " mx postfix/qmgr[900]: " + qid + ": from=<a" + QByteArray::number(n) + "@example.net>, size=" + QByteArray::number(100 + n)
        + ", nrcpt=1 (queue active)\n"
        + "garbage without a stamp\n"
        + stamp + " mx postfix/smtpd[" + pid + "]: disconnect from " + peer + " ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5\n";
}

// Sessions a minute apart from `first` on, classic stamps ("Dec 31 23:58:00").
QByteArray classicLog(const char *firstIso, int sessions)
{
    QByteArray text;
    const std::int64_t first = utc(firstIso);
    for (int i = 0; i < sessions; ++i) {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(first + 60 * i, QTimeZone::utc());
        text += sessionLines(QLocale::c().toString(t, QStringLiteral("MMM dd HH:mm:ss")).toLatin1(), i);
    }
    return text;
}

struct ReadResult
{
    QStringList records;
    QString unrecognised;
    std::int64_t lines = 0;
    QList<std::int64_t> blockEnds;   // ParallelIngest only
    QStringList lastLines;           // ParallelIngest only
};

// The reference: LogReader's lines one by one through one LineIngest, as the
// importer read logs before it parsed in parallel.
ReadResult readLineByLine(const QString &path, std::int64_t reference)
{
    ReadResult result;
    LogReader reader(path);
    QString error;
    if (!reader.open(&error))
        qFatal("%s", qPrintable(error));
    reader.setIncludeUnterminated(true);
    LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(reference);
    LogAssembler assembler;
    std::string_view line;
    std::int64_t offset = 0;
    while (reader.nextLine(line, offset))
        ingest.ingest(line, offset, assembler);
    assembler.finish();
    result.records = describe(assembler.takeOutput());
    result.unrecognised = countsText(ingest.takeUnrecognised());
    result.lines = ingest.takeLines();
    return result;
}

ReadResult readParallel(const QString &path, std::int64_t reference, const ParallelIngest::Options &options)
{
    ReadResult result;
    LogReader reader(path);
    QString error;
    if (!reader.open(&error))
        qFatal("%s", qPrintable(error));
    reader.setIncludeUnterminated(true);
    std::string_view line;
    std::int64_t offset = 0;
    if (!reader.nextLine(line, offset))
        return result;
    ParallelIngest ingest(reader, QTimeZone::utc(), options);
    ingest.setReferenceTime(reference);
    ingest.start(line, offset);
    LogAssembler assembler;
    ParallelIngest::Fed fed;
    while (ingest.feedNext(assembler, fed)) {
        result.blockEnds << fed.end;
        result.lastLines << QString::fromUtf8(fed.lastLine.data(), qsizetype(fed.lastLine.size()));
    }
    assembler.finish();
    result.records = describe(assembler.takeOutput());
    result.unrecognised = countsText(ingest.takeUnrecognised());
    result.lines = ingest.takeLines();
    return result;
}

} // namespace

class TestLineIngest final : public QObject
{
    Q_OBJECT

private slots:
    void everyMtaThroughOnePipeline_data();
    void everyMtaThroughOnePipeline();
    void countsLines_data();
    void countsLines();
    void offsetsCountFromTheBase();
    void yearCarriesFromBlockToBlock();
    void yearInferenceLineByLine();
    void parallelEqualsSequential_data();
    void parallelEqualsSequential();
    void newYearAtAndInsideBlocks();
    void stopBeforeTheEnd();

private:
    QString writeLog(const QByteArray &text);
    QTemporaryDir m_dir;
    int m_files = 0;
};

QString TestLineIngest::writeLog(const QByteArray &text)
{
    const QString path = m_dir.filePath(QStringLiteral("log%1").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Sendmail's and Exim's logs, and a log mixing them with Postfix's (a shared
// syslog, an Exim main log appended), give through LineIngest and
// ParallelIngest exactly the records their own assemblers give when fed the
// lines directly; a format hint reads that MTA's lines only.
void TestLineIngest::everyMtaThroughOnePipeline_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<QString>("formats");
    const QString data = QStringLiteral(MAILTLS_TEST_DATA_DIR);
    const QString sendmail = data + QStringLiteral("/sendmail/debian-sm-mta.log");
    const QString exim = data + QStringLiteral("/exim/logs/mainlog");
    const QString eximSyslog = data + QStringLiteral("/exim/logs/syslog");
    const QString postfix = data + QStringLiteral("/postfix-loopback/postfix.log");
    QTest::newRow("Sendmail") << QStringList {sendmail} << QString() << QStringLiteral("sendmail");
    QTest::newRow("Exim's main log") << QStringList {exim} << QString() << QStringLiteral("exim");
    QTest::newRow("Exim through syslog") << QStringList {eximSyslog} << QString() << QStringLiteral("exim");
    QTest::newRow("all three") << QStringList {postfix, sendmail, exim} << QString()
                               << QStringLiteral("postfix, sendmail, exim");
    QTest::newRow("all three, Exim only") << QStringList {postfix, sendmail, exim} << QStringLiteral("exim")
                                          << QStringLiteral("exim");
}

void TestLineIngest::everyMtaThroughOnePipeline()
{
    QFETCH(QStringList, files);
    QFETCH(QString, hint);
    QFETCH(QString, formats);
    QByteArray text;
    for (const QString &path : files) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        text += file.readAll();
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mixed.log"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
    }
    const std::int64_t reference = utc("2024-12-31T00:00:00");
    const std::optional<LogFormat> format = logFormatFromName(hint);

    // The reference: each MTA's own assembler, fed the lines directly.
    LinePrefixParser prefix(QTimeZone::utc());
    prefix.setReferenceTime(reference);
    EximLineParser eximLines(QTimeZone::utc());
    SendmailAssembler sendmail;
    EximAssembler exim;
    QStringList expected;
    std::int64_t offset = 0;
    for (const QByteArray &raw : text.split('\n')) {
        const std::string_view line(raw.constData(), std::size_t(raw.size()));
        LogLine parsed;
        if ((!line.empty() && line.front() >= '0' && line.front() <= '9' && eximLines.parse(line, parsed))
            || prefix.parse(line, parsed)) {
            if (!format || *format == LogFormat::Sendmail)
                sendmail.feed(parsed, offset);
            if (!format || *format == LogFormat::Exim)
                exim.feed(parsed, offset);
        }
        offset += raw.size() + 1;
    }
    sendmail.finish();
    exim.finish();
    expected << describe(sendmail.takeOutput()) << describe(exim.takeOutput());

    LogReader reader(path);
    QString error;
    QVERIFY(reader.open(&error));
    reader.setIncludeUnterminated(true);
    LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(reference);
    ingest.setFormatHint(format);
    LogAssembler assembler(format);
    std::string_view line;
    std::int64_t lineOffset = 0;
    while (reader.nextLine(line, lineOffset))
        ingest.ingest(line, lineOffset, assembler);
    assembler.finish();
    QStringList got = describe(assembler.takeOutput());
    if (files.size() == 1 || format) {
        std::sort(got.begin(), got.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(got, expected);
    } else {
        // Postfix's records beside them, in their own order.
        for (const QString &row : std::as_const(expected))
            QVERIFY2(got.contains(row), qPrintable(row));
        QVERIFY(got.size() > expected.size());
    }
    QVERIFY(!expected.isEmpty());
    QCOMPARE(assembler.formatsSeen(), formats);

    // The same through ParallelIngest, the importer's reader.
    ParallelIngest::Options options;
    options.threads = 2;
    options.blockBytes = 512;
    options.formatHint = format;
    const ReadResult parallel = readParallel(path, reference, options);
    QStringList sequential = describe([&] {
        LogReader again(path);
        again.open(&error);
        again.setIncludeUnterminated(true);
        LineIngest one(QTimeZone::utc());
        one.setReferenceTime(reference);
        one.setFormatHint(format);
        LogAssembler a(format);
        while (again.nextLine(line, lineOffset))
            one.ingest(line, lineOffset, a);
        a.finish();
        return a.takeOutput();
    }());
    QStringList parallelRecords = parallel.records;
    std::sort(parallelRecords.begin(), parallelRecords.end());
    std::sort(sequential.begin(), sequential.end());
    QCOMPARE(parallelRecords, sequential);
}

void TestLineIngest::countsLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<QString>("unrecognised");
    QTest::addColumn<int>("records");

    const QByteArray connect = "Jun 10 10:00:00 mx postfix/smtpd[7]: connect from a.example.net[192.0.2.1]";
    const QByteArray disconnect = "Jun 10 10:00:01 mx postfix/smtpd[7]: disconnect from a.example.net[192.0.2.1] ehlo=1 quit=1 commands=2";
    QTest::newRow("empty") << QByteArray() << qint64(0) << QString() << 0;
    QTest::newRow("one session") << connect + '\n' + disconnect + '\n' << qint64(2) << QString() << 1;
    QTest::newRow("CRLF") << connect + "\r\n" + disconnect + "\r\n" << qint64(2) << QString() << 1;
    QTest::newRow("last line without newline") << connect + '\n' + disconnect << qint64(2) << QString() << 1;
    QTest::newRow("empty lines have no prefix") << connect + "\n\n\r\n" + disconnect + '\n' << qint64(4)
                                                << QStringLiteral("(no prefix)=2") << 1;
    QTest::newRow("other programs and unknown Postfix lines")
        << connect + '\n'
            + "Jun 10 10:00:00 mx dovecot: imap-login: Login: user=<alice>\n"
            + "Jun 10 10:00:00 mx opendkim[5]: 4A: DKIM-Signature field added\n"
            + "Jun 10 10:00:00 mx dovecot: imap(alice): Logged out\n"
            + "Jun 10 10:00:00 mx postfix/smtpd[7]: something no rule knows\n"
            + "not a log line\n" + disconnect + '\n'
        << qint64(7) << QStringLiteral("(no prefix)=1 dovecot=2 opendkim=1 postfix/smtpd=1") << 1;
}

void TestLineIngest::countsLines()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, lines);
    QFETCH(QString, unrecognised);
    QFETCH(int, records);

    LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(utc("2024-06-30T00:00:00"));
    LogAssembler assembler;
    ingest.ingest(std::string_view(text.constData(), std::size_t(text.size())), 0, assembler);
    QCOMPARE(ingest.linesSeen(), lines);
    QCOMPARE(ingest.takeLines(), lines);
    QCOMPARE(ingest.takeLines(), qint64(0));
    QCOMPARE(ingest.linesSeen(), lines);
    QCOMPARE(countsText(ingest.takeUnrecognised()), unrecognised);
    QVERIFY(ingest.takeUnrecognised().isEmpty());
    QCOMPARE(int(assembler.takeOutput().connections.size()), records);
}

void TestLineIngest::offsetsCountFromTheBase()
{
    // One session in two blocks of a followed source at stream offset 1000: the
    // connection's lines are where they are in the stream, CRLF included.
    const QByteArray first = "Jun 10 10:00:00 mx postfix/smtpd[7]: connect from a.example.net[192.0.2.1]\r\n"
                             "Jun 10 10:00:00 mx dovecot: imap(alice): Logged out\r\n";
    const QByteArray second = "Jun 10 10:00:01 mx postfix/smtpd[7]: lost connection after EHLO from a.example.net[192.0.2.1]\r\n"
                              "Jun 10 10:00:01 mx postfix/smtpd[7]: disconnect from a.example.net[192.0.2.1] ehlo=1 commands=1";
    LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(utc("2024-06-30T00:00:00"));
    LogAssembler assembler;
    ingest.ingest(std::string_view(first.constData(), std::size_t(first.size())), 1000, assembler);
    ingest.ingest(std::string_view(second.constData(), std::size_t(second.size())), 1000 + first.size(), assembler);
    const std::int64_t secondAt = 1000 + first.size();
    QCOMPARE(describe(assembler.takeOutput()),
             QStringList{QStringLiteral("conn@1000 inbound a.example.net 2024-06-10T10:00:00Z plain [1000,%1]")
                             .arg(secondAt + second.indexOf('\n') + 1)});
    QCOMPARE(ingest.takeLines(), qint64(4));
    QCOMPARE(countsText(ingest.takeUnrecognised()), QStringLiteral("dovecot=1"));
}

void TestLineIngest::yearCarriesFromBlockToBlock()
{
    // A log dated by a file changed in January: December is last year's, and the
    // January after it, in the next block, is this year's.
    const QByteArray december = sessionLines("Dec 31 23:59:00", 1);
    const QByteArray january = sessionLines("Jan  1 00:00:30", 2);
    LineIngest ingest(QTimeZone::utc());
    ingest.setReferenceTime(utc("2025-01-15T00:00:00"));
    LogAssembler assembler;
    ingest.ingest(std::string_view(december.constData(), std::size_t(december.size())), 0, assembler);
    QCOMPARE(ingest.yearState().year, 2024);
    QCOMPARE(ingest.yearState().lastMonth, 12);
    ingest.ingest(std::string_view(january.constData(), std::size_t(january.size())), december.size(), assembler);
    QCOMPARE(ingest.yearState().year, 2025);
    QCOMPARE(ingest.yearState().lastMonth, 1);
    assembler.finish();
    const AssemblerOutput out = assembler.takeOutput();
    QCOMPARE(out.connections.size(), std::size_t(2));
    QCOMPARE(isoTime(out.connections[0].time), QStringLiteral("2024-12-31T23:59:00Z"));
    QCOMPARE(isoTime(out.connections[1].time), QStringLiteral("2025-01-01T00:00:30Z"));
    QCOMPARE(out.transfers.size(), std::size_t(2));
    QCOMPARE(isoTime(out.transfers[1].time), QStringLiteral("2025-01-01T00:00:30Z"));
}

void TestLineIngest::yearInferenceLineByLine()
{
    // The year state each line leaves, stamps or not: what a block parsed from
    // the state the block before it ended with carries on from.
    const char *const lines[] = {
        "2024-11-30T10:00:00+00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]",
        "not a line",
        "Nov 30 10:00:00 mx postfix/smtpd[1]: m",
        "Nov 30 10:00:00",                                  // a stamp, no program: counted
        "Dec 31 23:59:59\r",
        "Dec 32 10:00:00 mx p[1]: m",                       // no such day: not a stamp
        "Jan 01 25:00:00 mx p[1]: m",                       // no such hour
        "Jan  1 00:00:01 mx postfix/qmgr[2]: m",
        "<22>Jan  1 00:00:02 mx postfix/qmgr[2]: m",
        "Dec 31 23:59:58 mx postfix/qmgr[2]: late",         // back across New Year: by the rule, next December
        "Nov  3 10:00:00 mx p[1]: m",                       // one month back: not a new year
        "Oct  1 10:00:00 mx p[1]: m",                       // two back: one
        "Jan 5 10:00:00 mx p[1]: m",
        "JAN  5 10:00:00 mx p[1]: m",
        "Jan  5 10:00 mx p[1]: m",                          // clock cut short
        "Jan",
        "Feb 29 10:00:00 mx p[1]: m",
        "Mar  1 10:00:00.123456 mx p[1]: m",
        "Feb 28 10:00:00 mx p[1]: m",                       // one back, March is still held
        "Dec  1 10:00:00 mx p[1]: m",
        "Jun  1 10:00:00 mx p[1]: m",
    };
    LinePrefixParser parsing{QTimeZone::utc()};
    parsing.setReferenceTime(utc("2025-01-10T00:00:00"));
    QList<int> years;
    QList<int> months;
    for (const char *line : lines) {
        LogLine out;
        parsing.parse(line, out);
        years << parsing.yearState().year;
        months << parsing.yearState().lastMonth;
    }
    QCOMPARE(years, (QList<int>{0, 0, 2024, 2024, 2024, 2024, 2024, 2025, 2025, 2025, 2025, 2026, 2027, 2027,
                                2027, 2027, 2027, 2027, 2027, 2027, 2028}));
    QCOMPARE(months, (QList<int>{0, 0, 11, 11, 12, 12, 12, 1, 1, 12, 12, 10, 1, 1, 1, 1, 2, 3, 3, 12, 6}));
}

void TestLineIngest::parallelEqualsSequential_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("reference");
    QTest::addColumn<int>("threads");
    QTest::addColumn<qint64>("blockBytes");
    QTest::addColumn<qint64>("boundaryLines");

    // Dated by a file changed in January, or read from a reference before midnight
    // (a followed log, or standard input): then only the year carried from the
    // December lines makes January next year's.
    const QByteArray newYear = classicLog("2024-12-31T23:50:00", 40);
    const qint64 january = utc("2025-01-20T00:00:00");
    const qint64 december = utc("2024-12-31T23:45:00");
    QTest::newRow("New Year, small blocks, 2 threads") << newYear << january << 2 << qint64(200) << qint64(0);
    QTest::newRow("New Year, small blocks, 4 threads") << newYear << december << 4 << qint64(700) << qint64(0);
    QTest::newRow("New Year, 1 thread") << newYear << december << 1 << qint64(1000) << qint64(0);
    QTest::newRow("New Year, parsed by the feeding thread") << newYear << december << 0 << qint64(300) << qint64(0);
    QTest::newRow("New Year, one line a block") << newYear << december << 3 << qint64(1) << qint64(0);
    QTest::newRow("New Year, blocks of 5 lines") << newYear << december << 2 << qint64(1 << 20) << qint64(5);

    // Two New Years in one log, months in between: a year and a half of log.
    QByteArray longLog;
    for (int month = 0; month < 18; ++month)
        longLog += classicLog(QDateTime(QDate(2023, 11, 28), QTime(12, 0), QTimeZone::utc())
                                  .addMonths(month)
                                  .toString(Qt::ISODate)
                                  .toLatin1()
                                  .constData(),
                              3);
    QTest::newRow("two New Years") << longLog << utc("2025-05-01T00:00:00") << 2 << qint64(300) << qint64(0);

    // A new year every other session (December, then February: two months back),
    // one line a block: most blocks start a year on from the block before them.
    QByteArray years;
    for (int i = 0; i < 30; ++i)
        years += sessionLines(i % 2 == 0 ? "Dec 10 10:00:00" : "Feb 10 10:00:00", i);
    QTest::newRow("a new year every other session, 2 threads") << years << utc("2024-12-31T00:00:00") << 2 << qint64(1)
                                                               << qint64(0);
    QTest::newRow("a new year every other session, 4 threads") << years << utc("2024-12-31T00:00:00") << 4 << qint64(1)
                                                               << qint64(0);

    // Lines slightly out of order at a month's end, across block boundaries: one
    // month back is not a new year, and the month held stays the later one.
    const QByteArray ragged = sessionLines("Mar 31 23:59:59", 1) + sessionLines("Apr  1 00:00:01", 2)
        + sessionLines("Mar 31 23:59:58", 3) + sessionLines("Feb 28 10:00:00", 4) + sessionLines("Apr  1 00:00:02", 5);
    QTest::newRow("month running back by one and by two") << ragged << utc("2024-06-30T00:00:00") << 2 << qint64(150)
                                                          << qint64(0);

    // RFC 3339 stamps carry their year: they leave year inference alone, so a
    // block without a classic stamp hands its start state on unchanged.
    QByteArray mixed;
    for (int i = 0; i < 6; ++i)
        mixed += sessionLines("2024-12-31T23:5" + QByteArray::number(i) + ":00.000001+00:00", i);
    mixed += classicLog("2024-12-31T23:58:00", 4);
    for (int i = 0; i < 6; ++i)
        mixed += sessionLines("2025-01-01T00:1" + QByteArray::number(i) + ":00+00:00", 10 + i);
    QTest::newRow("RFC 3339 and classic stamps") << mixed << utc("2025-02-01T00:00:00") << 2 << qint64(400) << qint64(0);

    // Sessions that never end, then 40 hours of lines that change nothing (some
    // a little back in time), then the same pids again: what expires, and when
    // (the order of the records), follows the clock those lines move, though a
    // parsed block leaves most of them out (LineIngest::parse).
    QByteArray quiet;
    auto stamp = [](std::int64_t seconds) {
        return QLocale::c()
            .toString(QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()), QStringLiteral("MMM dd HH:mm:ss"))
            .toLatin1();
    };
    const std::int64_t start = utc("2024-06-10T10:00:00");
    for (int i = 0; i < 6; ++i) {
        const QByteArray peer = "a" + QByteArray::number(i) + ".example.net[192.0.2." + QByteArray::number(i + 1) + "]";
        const QByteArray pid = QByteArray::number(200 + i);
        quiet += stamp(start + 60 * i) + " mx postfix/smtpd[" + pid + "]: connect from " + peer + "\n";
        quiet += stamp(start + 60 * i + 1) + " mx postfix/smtpd[" + pid + "]: 7C" + QByteArray::number(i) + ": client=" + peer + "\n";
        quiet += stamp(start + 60 * i + 2) + " mx postfix/qmgr[900]: 7C" + QByteArray::number(i) + ": from=<b@example.net>, size=10"
            ", nrcpt=1 (queue active)\n";
    }
    for (int k = 0; k < 141; ++k) {
        const std::int64_t t = start + 1800 + 17 * 60 * k - (k % 5 == 4 ? 20 * 60 : 0);
        quiet += stamp(t) + " mx postfix/anvil[90]: statistics: max connection rate 1/60s for (smtp:192.0.2.9) at "
            + stamp(t) + "\n";
        quiet += stamp(t + 7) + " mx postfix/cleanup[91]: 5B" + QByteArray::number(k) + ": message-id=<" + QByteArray::number(k)
            + "@example.net>\n";
    }
    for (int i = 0; i < 6; ++i) {
        const QByteArray peer = "b" + QByteArray::number(i) + ".example.net[198.51.100." + QByteArray::number(i + 1) + "]";
        const QByteArray pid = QByteArray::number(200 + i);
        const std::int64_t t = start + 42 * 3600 + 30 * i;
        quiet += stamp(t) + " mx postfix/smtpd[" + pid + "]: connect from " + peer + "\n";
        quiet += stamp(t + 1) + " mx postfix/smtpd[" + pid + "]: disconnect from " + peer + " ehlo=1 quit=1 commands=2\n";
    }
    // A session silent since 10:01:40 the day before is not yet expired by the
    // sweep at 10:00:00, but would be by one at 10:03:20: it ends at the 11:00
    // sweep, after the session of 10:30.
    const std::int64_t day = utc("2024-06-12T10:01:40");
    quiet += stamp(day) + " mx postfix/smtpd[300]: connect from c.example.net[192.0.2.30]\n";
    for (const std::int64_t t : {day + 86400 - 700, day + 86400 - 100, day + 86400 + 100, day + 86400 + 101})
        quiet += stamp(t) + " mx postfix/anvil[90]: statistics: max cache size 1 at " + stamp(t) + "\n";
    quiet += stamp(day + 86400 + 1700) + " mx postfix/smtpd[301]: connect from d.example.net[192.0.2.31]\n";
    quiet += stamp(day + 86400 + 1701) + " mx postfix/smtpd[301]: disconnect from d.example.net[192.0.2.31] "
                                         "ehlo=1 quit=1 commands=2\n";
    quiet += stamp(day + 86400 + 3500) + " mx postfix/anvil[90]: statistics: max cache size 1 at 11:00\n";
    quiet += stamp(day + 86400 + 3600) + " mx postfix/anvil[90]: statistics: max cache size 1 at 11:01\n";
    const qint64 june = utc("2024-06-30T00:00:00");
    QTest::newRow("expiry over quiet hours, large blocks") << quiet << june << 2 << qint64(1 << 16) << qint64(200);
    QTest::newRow("expiry over quiet hours, small blocks") << quiet << june << 2 << qint64(200) << qint64(0);
    QTest::newRow("expiry over quiet hours, one line a block") << quiet << june << 2 << qint64(1) << qint64(0);
    QTest::newRow("expiry over quiet hours, feeding thread") << quiet << june << 0 << qint64(1000) << qint64(0);

    // CRLF lines, a line of more than LogReader's 1 MiB (read in pieces), and a last
    // line without a newline.
    QByteArray odd = classicLog("2024-12-31T23:58:00", 3);
    odd.replace("\n", "\r\n");
    odd += "Dec 31 23:59:59 mx postfix/cleanup[5]: 1A: " + QByteArray(1 << 21, 'x') + "\n";
    odd += classicLog("2025-01-01T00:00:00", 3);
    odd += "Jan  1 00:10:00 mx postfix/smtpd[1003]: connect from last.example.net[192.0.2.9]";
    QTest::newRow("CRLF, a runaway line, no final newline") << odd << january << 2 << qint64(500) << qint64(0);
}

void TestLineIngest::parallelEqualsSequential()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, reference);
    QFETCH(int, threads);
    QFETCH(qint64, blockBytes);
    QFETCH(qint64, boundaryLines);

    const QString path = writeLog(text);
    const ReadResult sequential = readLineByLine(path, reference);
    QVERIFY(!sequential.records.isEmpty());

    ParallelIngest::Options options;
    options.threads = threads;
    options.blockBytes = blockBytes;
    options.boundaryLines = boundaryLines;
    options.blocksAhead = 3;
    // Which block a parser thread starts from which year state depends on how
    // the threads run: several reads, so that blocks parsed again (from the
    // state the block before ended with) come up.
    for (int read = 0; read < (threads > 0 ? 5 : 1); ++read) {
        const ReadResult parallel = readParallel(path, reference, options);
        QCOMPARE(parallel.records, sequential.records);
        QCOMPARE(parallel.unrecognised, sequential.unrecognised);
        QCOMPARE(parallel.lines, sequential.lines);
        // The log was read in several blocks, and the last one ends at the end.
        QVERIFY(parallel.blockEnds.size() > 1);
        QCOMPARE(parallel.blockEnds.last(), qint64(text.size()));
    }
    // A whole read through one LineIngest block gives the same again.
    LineIngest whole(QTimeZone::utc());
    whole.setReferenceTime(reference);
    LogAssembler assembler;
    whole.ingest(std::string_view(text.constData(), std::size_t(text.size())), 0, assembler);
    assembler.finish();
    QCOMPARE(describe(assembler.takeOutput()), sequential.records);
}

void TestLineIngest::newYearAtAndInsideBlocks()
{
    // 40 sessions of 6 lines a minute apart from Dec 31 23:50: the first January
    // line is line 61 (1-based). Blocks of N lines put New Year on a block
    // boundary when 60 is a multiple of N, and inside a block otherwise. The read
    // started before midnight, so a block that began its own year inference from
    // the reference would date January a year early.
    const QByteArray text = classicLog("2024-12-31T23:50:00", 40);
    const qint64 reference = utc("2024-12-31T23:45:00");
    const QString path = writeLog(text);
    const ReadResult sequential = readLineByLine(path, reference);
    QCOMPARE(sequential.lines, qint64(240));
    QCOMPARE(sequential.unrecognised, QStringLiteral("(no prefix)=40 dovecot=40"));
    // Every session is one connection and one message; 10 in December, 30 in January.
    QCOMPARE(sequential.records.size(), 80);
    QCOMPARE(sequential.records.filter(QStringLiteral(" 2024-12-31T23:")).size(), 20);
    QCOMPARE(sequential.records.filter(QStringLiteral(" 2025-01-01T00:")).size(), 60);
    auto lineAt = [&text](const char *words) { return text.lastIndexOf('\n', text.indexOf(words)) + 1; };
    QCOMPARE(sequential.records.first(),
             QStringLiteral("msg@%1 inbound m0.example.net 4A100000 2024-12-31T23:50:00Z plain 100 [0,%1,%2] from=a0@example.net")
                 .arg(lineAt("4A100000: client="))
                 .arg(lineAt("4A100000: from=")));
    const qint64 firstJanuary = text.indexOf("\nJan 01") + 1;

    int atBoundary = 0;
    int inside = 0;
    for (qint64 n : {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 20, 30, 59, 60, 61}) {
        ParallelIngest::Options options;
        // Parser threads, and the feeding thread alone.
        options.threads = n % 3 == 0 ? 0 : 2;
        options.boundaryLines = n;
        const ReadResult parallel = readParallel(path, reference, options);
        QCOMPARE(parallel.records, sequential.records);
        QCOMPARE(parallel.unrecognised, sequential.unrecognised);
        QCOMPARE(parallel.lines, qint64(240));
        QCOMPARE(parallel.blockEnds.size(), int((240 + n - 1) / n));
        if (parallel.blockEnds.contains(firstJanuary)) {
            ++atBoundary;
            QCOMPARE(60 % n, qint64(0));
            QCOMPARE(parallel.lastLines.at(int(60 / n) - 1).left(15), QStringLiteral("Dec 31 23:59:00"));
        } else {
            ++inside;
        }
    }
    QCOMPARE(atBoundary, 10);
    QCOMPARE(inside, 7);
}

void TestLineIngest::stopBeforeTheEnd()
{
    // A cancelled import stops after any block; the reader is usable afterwards.
    const QByteArray text = classicLog("2024-12-31T23:50:00", 200);
    const QString path = writeLog(text);
    LogReader reader(path);
    QString error;
    QVERIFY(reader.open(&error));
    std::string_view line;
    std::int64_t offset = 0;
    QVERIFY(reader.nextLine(line, offset));
    ParallelIngest::Options options;
    options.threads = 2;
    options.boundaryLines = 10;
    options.blocksAhead = 2;
    ParallelIngest ingest(reader, QTimeZone::utc(), options);
    ingest.setReferenceTime(utc("2025-01-20T00:00:00"));
    ingest.start(line, offset);
    LogAssembler assembler;
    ParallelIngest::Fed fed;
    QVERIFY(ingest.feedNext(assembler, fed));
    QCOMPARE(fed.lines, qint64(10));
    QVERIFY(!fed.last);
    ingest.stop();
    QVERIFY(!ingest.feedNext(assembler, fed));
    QCOMPARE(ingest.takeLines(), qint64(10));
    // The reading thread stopped with at most the blocks allowed ahead read.
    QVERIFY(reader.position() <= fed.end + 3 * 10 * 200);
    QVERIFY(reader.position() < text.size());
    QVERIFY(reader.nextLine(line, offset));
}

QTEST_GUILESS_MAIN(TestLineIngest)
#include "tst_lineingest.moc"
