#include <algorithm>
#include <cstdint>
#include <string>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include "models/logs/lineprefixparser.h"

using namespace mailtls;

namespace {

qint64 utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t.toSecsSinceEpoch();
}

QByteArray view(std::string_view v)
{
    return QByteArray(v.data(), static_cast<qsizetype>(v.size()));
}

} // namespace

class TestLinePrefixParser final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void corpusShapes_data();
    void corpusShapes();
    void yearInference_data();
    void yearInference();
    void resetStartsOver();
    void programAtEveryLength();
    void linesReadAsAlone();
    void repeatedStamps_data();
    void repeatedStamps();
    void yearStateSetAnewForgetsTheStamp();
    void zoneConversionMatchesQt_data();
    void zoneConversionMatchesQt();
    void dstGapAndOverlap();
    void invalidZoneFallsBackToUtc();
    void hostileInput();
};

void TestLinePrefixParser::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<qint64>("reference");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("fraction");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QByteArray>("message");

    const qint64 june2024 = utc("2024-06-01T00:00:00");

    QTest::newRow("classic, space-padded day")
        << QByteArray("Jan  5 10:00:00 mx postfix/smtpd[123]: connect from a[192.0.2.1]")
        << QByteArray("UTC") << june2024 << true << utc("2024-01-05T10:00:00") << 0
        << QByteArray("mx") << QByteArray("postfix/smtpd") << qint64(123)
        << QByteArray("connect from a[192.0.2.1]");
    QTest::newRow("maillog_file, zero-padded day")
        << QByteArray("Jan 05 10:00:00 mx postfix/smtpd[123]: msg") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(123) << QByteArray("msg");
    QTest::newRow("unpadded single-digit day")
        << QByteArray("Jan 6 08:39:06 mail postfix/smtpd[339505]: x") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-06T08:39:06") << 0 << QByteArray("mail")
        << QByteArray("postfix/smtpd") << qint64(339505) << QByteArray("x");
    QTest::newRow("RFC 3339 with fraction and offset")
        << QByteArray("2024-01-05T10:00:00.123456+01:00 mx postfix/qmgr[9]: ABCDEF: removed")
        << QByteArray("America/New_York") << june2024 << true << utc("2024-01-05T09:00:00")
        << 123456 << QByteArray("mx") << QByteArray("postfix/qmgr") << qint64(9)
        << QByteArray("ABCDEF: removed");
    QTest::newRow("RFC 3339 Z")
        << QByteArray("2024-08-26T01:33:38.572449Z machine postfix/smtpd[60203]: m")
        << QByteArray("Europe/Berlin") << june2024 << true << utc("2024-08-26T01:33:38")
        << 572449 << QByteArray("machine") << QByteArray("postfix/smtpd") << qint64(60203)
        << QByteArray("m");
    QTest::newRow("RFC 3339 negative offset, milliseconds")
        << QByteArray("2024-01-05T10:00:00.5-05:30 h p[1]: m") << QByteArray("UTC") << june2024
        << true << utc("2024-01-05T15:30:00") << 500000 << QByteArray("h") << QByteArray("p")
        << qint64(1) << QByteArray("m");
    QTest::newRow("journalctl short-iso")
        << QByteArray("2024-01-05T10:00:00+0100 mx postfix/smtp[77]: m") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T09:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtp") << qint64(77) << QByteArray("m");
    QTest::newRow("journalctl short-iso-precise")
        << QByteArray("2024-01-05T10:00:00.123456+0100 mx postfix/smtp[77]: m")
        << QByteArray("UTC") << june2024 << true << utc("2024-01-05T09:00:00") << 123456
        << QByteArray("mx") << QByteArray("postfix/smtp") << qint64(77) << QByteArray("m");
    QTest::newRow("ISO without offset is local time")
        << QByteArray("2024-01-05 10:00:00 mx prog[5]: m") << QByteArray("Europe/Berlin")
        << june2024 << true << utc("2024-01-05T09:00:00") << 0 << QByteArray("mx")
        << QByteArray("prog") << qint64(5) << QByteArray("m");
    QTest::newRow("Solaris ID tag stripped")
        << QByteArray("Jan 26 00:57:38 relay.cs.tcd.ie postfix/smtpd[9779]: [ID 197553 mail.info] "
                      "9F2183652: client=localhost[127.0.0.1]")
        << QByteArray("UTC") << june2024 << true << utc("2024-01-26T00:57:38") << 0
        << QByteArray("relay.cs.tcd.ie") << QByteArray("postfix/smtpd") << qint64(9779)
        << QByteArray("9F2183652: client=localhost[127.0.0.1]");
    QTest::newRow("no pid")
        << QByteArray("Feb  3 04:05:06 mx postfix/postfix-script: starting the Postfix mail system")
        << QByteArray("UTC") << june2024 << true << utc("2024-02-03T04:05:06") << 0
        << QByteArray("mx") << QByteArray("postfix/postfix-script") << qint64(-1)
        << QByteArray("starting the Postfix mail system");
    QTest::newRow("level column <mail.info> before host")
        << QByteArray("Jun 17 14:37:39 <mail.info> robin sm-mta[2794]: 55HIbcGI002794: x")
        << QByteArray("UTC") << june2024 << true << utc("2024-06-17T14:37:39") << 0
        << QByteArray("robin") << QByteArray("sm-mta") << qint64(2794)
        << QByteArray("55HIbcGI002794: x");
    QTest::newRow("level column in place of the host")
        << QByteArray("2016-04-01 11:08:00 info exim[8003]: [8003] SMTP protocol error")
        << QByteArray("UTC") << june2024 << true << utc("2016-04-01T11:08:00") << 0
        << QByteArray() << QByteArray("exim") << qint64(8003)
        << QByteArray("[8003] SMTP protocol error");
    QTest::newRow("facility.level between host and program")
        << QByteArray("Jan  5 10:00:00 mx mail.info postfix/smtpd[1]: m") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(1) << QByteArray("m");
    QTest::newRow("upper-case level after host")
        << QByteArray("2024-01-05T10:00:00Z mx INFO postfix/smtpd[1]: m") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(1) << QByteArray("m");
    QTest::newRow("<info> before host")
        << QByteArray("2024-01-05T10:00:00Z <info> mx postfix/smtpd[1]: m") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(1) << QByteArray("m");
    QTest::newRow("syslog priority")
        << QByteArray("<22>Jan  5 10:00:00 mx postfix/smtpd[1]: m") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(1) << QByteArray("m");
    QTest::newRow("empty message")
        << QByteArray("Jan  5 10:00:00 mx postfix/smtpd[1]:") << QByteArray("UTC") << june2024
        << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/smtpd") << qint64(1) << QByteArray();
    QTest::newRow("CRLF line end")
        << QByteArray("Jan  5 10:00:00 mx postfix/qmgr[1]: ABCDEF: removed\r\n") << QByteArray("UTC")
        << june2024 << true << utc("2024-01-05T10:00:00") << 0 << QByteArray("mx")
        << QByteArray("postfix/qmgr") << qint64(1) << QByteArray("ABCDEF: removed");
    QTest::newRow("Berlin winter")
        << QByteArray("Jan  5 10:00:00 mx p[1]: m") << QByteArray("Europe/Berlin") << june2024
        << true << utc("2024-01-05T09:00:00") << 0 << QByteArray("mx") << QByteArray("p")
        << qint64(1) << QByteArray("m");
    QTest::newRow("Berlin summer")
        << QByteArray("Jul  5 10:00:00 mx p[1]: m") << QByteArray("Europe/Berlin")
        << utc("2024-08-01T00:00:00") << true << utc("2024-07-05T08:00:00") << 0
        << QByteArray("mx") << QByteArray("p") << qint64(1) << QByteArray("m");
    QTest::newRow("New York summer")
        << QByteArray("Jul  5 10:00:00 mx p[1]: m") << QByteArray("America/New_York")
        << utc("2024-08-01T00:00:00") << true << utc("2024-07-05T14:00:00") << 0
        << QByteArray("mx") << QByteArray("p") << qint64(1) << QByteArray("m");
    QTest::newRow("Feb 29 of a leap year")
        << QByteArray("Feb 29 12:00:00 mx p[1]: m") << QByteArray("UTC") << june2024 << true
        << utc("2024-02-29T12:00:00") << 0 << QByteArray("mx") << QByteArray("p") << qint64(1)
        << QByteArray("m");

    const QByteArray none;
    auto reject = [&](const char *name, const QByteArray &line) {
        QTest::newRow(name) << line << QByteArray("UTC") << june2024 << false << qint64(0) << 0
                            << none << none << qint64(-1) << none;
    };
    reject("empty", QByteArray());
    reject("text", QByteArray("hello world"));
    reject("stamp only", QByteArray("Jan  5 10:00:00"));
    reject("stamp and host", QByteArray("Jan  5 10:00:00 mx"));
    reject("bad month", QByteArray("Foo  5 10:00:00 mx p[1]: m"));
    reject("day 32", QByteArray("Jan 32 10:00:00 mx p[1]: m"));
    reject("hour 24", QByteArray("Jan  5 24:00:00 mx p[1]: m"));
    reject("month 13", QByteArray("2024-13-05T10:00:00Z mx p[1]: m"));
    reject("Feb 30 ISO", QByteArray("2024-02-30T10:00:00Z mx p[1]: m"));
    reject("syslog repeat line", QByteArray("Mar  9 05:30:59 relay last message repeated 2 times"));
    reject("Exim main log", QByteArray("2022-06-29 15:33:46 H=test.com [1.2.3.4]:53343 F=<a@b>"));
    reject("message only", QByteArray("3mKxs35RQsz7sXF: message-id=<a@b>"));
    reject("pid not numeric", QByteArray("Jan  5 10:00:00 mx p[1x]: m"));
}

void TestLinePrefixParser::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, zone);
    QFETCH(qint64, reference);
    QFETCH(bool, ok);

    LinePrefixParser parser{QTimeZone(zone)};
    QVERIFY(parser.zone().isValid());
    parser.setReferenceTime(reference);
    LogLine out;
    const std::string text = line.toStdString();
    QCOMPARE(parser.parse(text, out), ok);
    if (!ok)
        return;
    QFETCH(qint64, time);
    QFETCH(int, fraction);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, program);
    QFETCH(qint64, pid);
    QFETCH(QByteArray, message);
    QCOMPARE(QDateTime::fromSecsSinceEpoch(out.timeUtc, QTimeZone::utc()),
             QDateTime::fromSecsSinceEpoch(time, QTimeZone::utc()));
    QCOMPARE(out.fraction, fraction);
    QCOMPARE(view(out.host), host);
    QCOMPARE(view(out.program), program);
    QCOMPARE(qint64(out.pid), pid);
    QCOMPARE(view(out.message), message);
}

void TestLinePrefixParser::corpusShapes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QByteArray>("messageStart");

    QTest::newRow("crowdsec RFC 3339")
        << QStringLiteral("crowdsec-hub/.tests/postfix-logs/postfix-logs.log")
        << QByteArray("2024-08-26T01:33:38.572449+00:00") << utc("2024-08-26T01:33:38")
        << QByteArray("machine") << QByteArray("postfix/smtpd") << qint64(60203)
        << QByteArray("NOQUEUE: reject: RCPT from unknown[192.168.1.1]");
    QTest::newRow("ASO Solaris tag")
        << QStringLiteral("ASO/logparser/random-sample-logs-regex-check")
        << QByteArray("Jan 26 00:57:38 relay.cs.tcd.ie") << utc("2024-01-26T00:57:38")
        << QByteArray("relay.cs.tcd.ie") << QByteArray("postfix/smtpd") << qint64(9779)
        << QByteArray("9F2183652: client=localhost[127.0.0.1]");
    QTest::newRow("fail2ban submission service")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/postfix")
        << QByteArray("Sep  6 00:44:56 trianon") << utc("2024-09-06T00:44:56")
        << QByteArray("trianon") << QByteArray("postfix/submission/smtpd") << qint64(11538)
        << QByteArray("warning: unknown[82.221.106.233]");
    QTest::newRow("sendmail with <mail.info> column")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/sendmail-reject")
        << QByteArray("<mail.info> robin") << utc("2024-06-17T14:37:39") << QByteArray("robin")
        << QByteArray("sm-mta") << qint64(2794) << QByteArray("55HIbcGI002794: from=<root@");
    QTest::newRow("exim with a level column")
        << QStringLiteral("fail2ban/fail2ban/tests/files/logs/exim")
        << QByteArray("2016-04-01 11:08:00 info exim[8003]") << utc("2016-04-01T11:08:00")
        << QByteArray() << QByteArray("exim") << qint64(8003) << QByteArray("[8003] SMTP");
}

void TestLinePrefixParser::corpusShapes()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, needle);
    const QString path = QStringLiteral(MAILTLS_CORPUS_DIR "/") + file;
    if (!QDir(QStringLiteral(MAILTLS_CORPUS_DIR)).exists())
        QSKIP("corpus not present");
    QFile f(path);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
    QByteArray line;
    while (!f.atEnd()) {
        const QByteArray l = f.readLine().trimmed();
        if (l.contains(needle)) {
            line = l;
            break;
        }
    }
    QVERIFY2(!line.isEmpty(), needle.constData());

    QFETCH(qint64, time);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, program);
    QFETCH(qint64, pid);
    QFETCH(QByteArray, messageStart);
    LinePrefixParser parser{QTimeZone::utc()};
    parser.setReferenceTime(utc("2024-12-31T00:00:00"));
    LogLine out;
    const std::string text = line.toStdString();
    QVERIFY(parser.parse(text, out));
    QCOMPARE(out.timeUtc, time);
    QCOMPARE(view(out.host), host);
    QCOMPARE(view(out.program), program);
    QCOMPARE(qint64(out.pid), pid);
    QVERIFY2(view(out.message).startsWith(messageStart), view(out.message).constData());
}

void TestLinePrefixParser::yearInference_data()
{
    QTest::addColumn<qint64>("reference");
    QTest::addColumn<QStringList>("stamps");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("all before the reference month")
        << utc("2024-03-10T00:00:00")
        << QStringList{QStringLiteral("Jan 10 00:00:00"), QStringLiteral("Feb 10 00:00:00"),
                       QStringLiteral("Mar  9 00:00:00")}
        << QStringList{QStringLiteral("2024-01-10T00:00:00"),
                       QStringLiteral("2024-02-10T00:00:00"),
                       QStringLiteral("2024-03-09T00:00:00")};
    QTest::newRow("file spans New Year")
        << utc("2024-01-10T00:00:00")
        << QStringList{QStringLiteral("Dec 30 23:00:00"), QStringLiteral("Dec 31 23:59:59"),
                       QStringLiteral("Jan  1 00:00:00"), QStringLiteral("Jan  9 12:00:00")}
        << QStringList{QStringLiteral("2023-12-30T23:00:00"),
                       QStringLiteral("2023-12-31T23:59:59"),
                       QStringLiteral("2024-01-01T00:00:00"),
                       QStringLiteral("2024-01-09T12:00:00")};
    QTest::newRow("first stamp later than reference month")
        << utc("2024-02-01T00:00:00")
        << QStringList{QStringLiteral("Nov  1 00:00:00"), QStringLiteral("Jan 15 00:00:00")}
        << QStringList{QStringLiteral("2023-11-01T00:00:00"),
                       QStringLiteral("2024-01-15T00:00:00")};
    // The start year is the reference's or the one before; every later New Year
    // adds one, whatever the reference says.
    QTest::newRow("each New Year adds one")
        << utc("2025-02-01T00:00:00")
        << QStringList{QStringLiteral("Dec  1 00:00:00"), QStringLiteral("Jan  1 00:00:00"),
                       QStringLiteral("Jun  1 00:00:00"), QStringLiteral("Jan  2 00:00:00")}
        << QStringList{QStringLiteral("2024-12-01T00:00:00"),
                       QStringLiteral("2025-01-01T00:00:00"),
                       QStringLiteral("2025-06-01T00:00:00"),
                       QStringLiteral("2026-01-02T00:00:00")};
    QTest::newRow("out of order across a month end is not a new year")
        << utc("2024-06-01T00:00:00")
        << QStringList{QStringLiteral("Jan 31 23:59:59"), QStringLiteral("Feb  1 00:00:01"),
                       QStringLiteral("Jan 31 23:59:58"), QStringLiteral("Feb  1 00:00:02")}
        << QStringList{QStringLiteral("2024-01-31T23:59:59"),
                       QStringLiteral("2024-02-01T00:00:01"),
                       QStringLiteral("2024-01-31T23:59:58"),
                       QStringLiteral("2024-02-01T00:00:02")};
    QTest::newRow("ISO stamps keep their own year")
        << utc("2024-01-10T00:00:00")
        << QStringList{QStringLiteral("2019-12-31T23:00:00Z"),
                       QStringLiteral("2031-01-01T02:00:00+02:00")}
        << QStringList{QStringLiteral("2019-12-31T23:00:00"),
                       QStringLiteral("2031-01-01T00:00:00")};
}

void TestLinePrefixParser::yearInference()
{
    QFETCH(qint64, reference);
    QFETCH(QStringList, stamps);
    QFETCH(QStringList, expected);
    LinePrefixParser parser{QTimeZone::utc()};
    parser.setReferenceTime(reference);
    for (int i = 0; i < stamps.size(); ++i) {
        const std::string line = (stamps.at(i) + QStringLiteral(" mx p[1]: m")).toStdString();
        LogLine out;
        QVERIFY(parser.parse(line, out));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(out.timeUtc, QTimeZone::utc())
                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")),
                 expected.at(i));
    }
}

void TestLinePrefixParser::resetStartsOver()
{
    LinePrefixParser parser{QTimeZone::utc()};
    parser.setReferenceTime(utc("2024-01-10T00:00:00"));
    LogLine out;
    QVERIFY(parser.parse(std::string_view("Dec 31 10:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2023-12-31T10:00:00"));
    QVERIFY(parser.parse(std::string_view("Jan  2 10:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-01-02T10:00:00"));
    parser.reset();
    QVERIFY(parser.parse(std::string_view("Dec 31 10:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2023-12-31T10:00:00"));
}

void TestLinePrefixParser::programAtEveryLength()
{
    // A program name is found a word at a time (sixteen or eight bytes, then byte
    // by byte): every length, with a byte that ends it anywhere, must read the same.
    LinePrefixParser parser{QTimeZone::utc()};
    for (int length = 1; length <= 40; ++length) {
        std::string program;
        for (int i = 0; i < length; ++i)
            program += char('a' + i % 26);
        program[std::size_t(length / 2)] = '/';
        const std::string line = "Jun 10 10:00:00 mx " + program + "[4711]: message";
        LogLine out;
        QVERIFY2(parser.parse(line, out), line.c_str());
        QCOMPARE(view(out.program), QByteArray(program.c_str()));
        QCOMPARE(out.pid, qint64(4711));
        QCOMPARE(view(out.host), QByteArray("mx"));
        QCOMPARE(view(out.message), QByteArray("message"));
        // Without [pid]: "program: message" after a host.
        const std::string bare = "Jun 10 10:00:00 mx " + program + ": message";
        QVERIFY2(parser.parse(bare, out), bare.c_str());
        QCOMPARE(view(out.program), QByteArray(program.c_str()));
        QCOMPARE(out.pid, qint64(-1));
        // A control byte, DEL or a bracket is never part of a program name.
        for (const char stop : {'\x01', '\x7f', ']'}) {
            std::string broken = line;
            broken[19 + std::size_t(length / 3)] = stop;
            LogLine other;
            QVERIFY2(!parser.parse(broken, other) || other.program.find(stop) == std::string_view::npos,
                     broken.c_str());
        }
    }
}

void TestLinePrefixParser::linesReadAsAlone()
{
    // One parser remembers the last stamp and host it read; each line must read
    // exactly as a parser that sees it alone reads it.
    const char *const lines[] = {
        "Jun 10 10:00:00 mail postfix/smtpd[1]: a",
        "Jun 10 10:00:00 mail postfix/qmgr[2]: b",
        "Jun 10 10:00:00 mail  postfix/qmgr[2]: two blanks",
        "Jun 10 10:00:00 mail\tpostfix/qmgr[2]: a tab",
        "Jun 10 10:00:00 mail info postfix/qmgr[2]: a level after the host",
        "Jun 10 10:00:00 info mail postfix/qmgr[2]: a level before",
        "Jun 10 10:00:00 mail mail: no pid",
        "Jun 10 10:00:00 mail postfix/smtpd[3] no colon",
        "Jun 10 10:00:00 mail mx postfix/smtpd[3]: two hosts",
        "Jun 10 10:00:00 mail: postfix/smtpd[3]: host with a colon",
        "Jun 10 10:00:00 mailer postfix/smtpd[4]: a longer host",
        "Jun 10 10:00:00 mai postfix/smtpd[4]: a shorter host",
        "Jun 10 10:00:00 mail postfix/smtpd[5]: [ID 197553 mail.info] solaris",
        "Jun 10 10:00:00 mail postfix/smtpd[5]:",
        "Jun 10 10:00:00 mail ",
        "Jun 10 10:00:00 mail postfix/smtpd[6]: after a line with nothing",
        "Jun 10 10:00:00 info postfix/smtpd[7]: a level as the host",
        "Jun 10 10:00:00 info postfix/smtpd[7]: again",
        "Jun 10 10:00:00 postfix/smtpd[8]: no host",
        "Jun 10 10:00:00 mail [x] postfix/smtpd[9]: a bracket column",
        "Jun 10 10:00:00 mail postfix/smtpd[10]: back to the host",
    };
    LinePrefixParser shared{QTimeZone::utc()};
    shared.setReferenceTime(utc("2024-06-30T00:00:00"));
    for (const char *line : lines) {
        LinePrefixParser alone{QTimeZone::utc()};
        alone.setReferenceTime(utc("2024-06-30T00:00:00"));
        LogLine a;
        LogLine b;
        const bool readShared = shared.parse(line, a);
        const bool readAlone = alone.parse(line, b);
        QVERIFY2(readShared == readAlone, line);
        if (!readAlone)
            continue;
        QVERIFY2(a.timeUtc == b.timeUtc && a.fraction == b.fraction && a.pid == b.pid, line);
        QVERIFY2(view(a.host) == view(b.host), line);
        QVERIFY2(view(a.program) == view(b.program), line);
        QVERIFY2(view(a.message) == view(b.message), line);
    }
}

void TestLinePrefixParser::repeatedStamps_data()
{
    QTest::addColumn<qint64>("reference");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("expected");   // time and microseconds, or "-" for no prefix

    // Most lines repeat the stamp of the line before: it is read once, and each
    // line below must still read as if alone in its place.
    QTest::newRow("the same stamp again")
        << utc("2024-06-30T00:00:00")
        << QStringList{QStringLiteral("Jun 10 10:00:00 mx p[1]: a"), QStringLiteral("Jun 10 10:00:00 mx q[2]: b"),
                       QStringLiteral("<22>Jun 10 10:00:00 mx q[2]: c"), QStringLiteral("Jun 10 10:00:01 mx p[1]: d")}
        << QStringList{QStringLiteral("2024-06-10T10:00:00 0"), QStringLiteral("2024-06-10T10:00:00 0"),
                       QStringLiteral("2024-06-10T10:00:00 0"), QStringLiteral("2024-06-10T10:00:01 0")};
    QTest::newRow("fractions: longer, shorter, none")
        << utc("2024-06-30T00:00:00")
        << QStringList{QStringLiteral("Jun 10 10:00:00.5 mx p[1]: a"), QStringLiteral("Jun 10 10:00:00.55 mx p[1]: b"),
                       QStringLiteral("Jun 10 10:00:00.5 mx p[1]: c"), QStringLiteral("Jun 10 10:00:00 mx p[1]: d"),
                       QStringLiteral("Jun 10 10:00:00.5 mx p[1]: e")}
        << QStringList{QStringLiteral("2024-06-10T10:00:00 500000"), QStringLiteral("2024-06-10T10:00:00 550000"),
                       QStringLiteral("2024-06-10T10:00:00 500000"), QStringLiteral("2024-06-10T10:00:00 0"),
                       QStringLiteral("2024-06-10T10:00:00 500000")};
    QTest::newRow("not followed by a blank")
        << utc("2024-06-30T00:00:00")
        << QStringList{QStringLiteral("Jun 10 10:00:00 mx p[1]: a"), QStringLiteral("Jun 10 10:00:00x mx p[1]: b"),
                       QStringLiteral("Jun 10 10:00:00"), QStringLiteral("Jun 10 10:00:00 mx p[1]: c")}
        << QStringList{QStringLiteral("2024-06-10T10:00:00 0"), QStringLiteral("-"), QStringLiteral("-"),
                       QStringLiteral("2024-06-10T10:00:00 0")};
    // Back in December after January is the December after: the first stamp
    // read again is a year later.
    QTest::newRow("a stamp again after New Year")
        << utc("2025-01-10T00:00:00")
        << QStringList{QStringLiteral("Dec 31 23:59:59 mx p[1]: a"), QStringLiteral("Jan  1 00:00:00 mx p[1]: b"),
                       QStringLiteral("Dec 31 23:59:59 mx p[1]: c")}
        << QStringList{QStringLiteral("2024-12-31T23:59:59 0"), QStringLiteral("2025-01-01T00:00:00 0"),
                       QStringLiteral("2025-12-31T23:59:59 0")};
    // A stamp without a program after it is no prefix, but year inference took
    // it: the year turned there, and the December line read again after it is
    // in the new year.
    QTest::newRow("a year turned by a line that is no prefix")
        << utc("2025-01-10T00:00:00")
        << QStringList{QStringLiteral("Dec 31 23:59:59 mx p[1]: a"), QStringLiteral("Feb  1 10:00:00"),
                       QStringLiteral("Dec 31 23:59:59 mx p[1]: b")}
        << QStringList{QStringLiteral("2024-12-31T23:59:59 0"), QStringLiteral("-"),
                       QStringLiteral("2025-12-31T23:59:59 0")};
    QTest::newRow("RFC 3339 stamps")
        << utc("2024-06-30T00:00:00")
        << QStringList{QStringLiteral("2024-06-10T10:00:00.123+02:00 mx p[1]: a"),
                       QStringLiteral("2024-06-10T10:00:00.123+02:00 mx p[1]: b"),
                       QStringLiteral("2024-06-10T10:00:00.123+03:00 mx p[1]: c"),
                       QStringLiteral("2024-06-10T10:00:00.123+03:00 mx p[1]: d")}
        << QStringList{QStringLiteral("2024-06-10T08:00:00 123000"), QStringLiteral("2024-06-10T08:00:00 123000"),
                       QStringLiteral("2024-06-10T07:00:00 123000"), QStringLiteral("2024-06-10T07:00:00 123000")};
}

void TestLinePrefixParser::repeatedStamps()
{
    QFETCH(qint64, reference);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, expected);
    LinePrefixParser parser{QTimeZone::utc()};
    parser.setReferenceTime(reference);
    QStringList read;
    for (const QString &line : lines) {
        const std::string text = line.toStdString();
        LogLine out;
        if (!parser.parse(text, out)) {
            read << QStringLiteral("-");
            continue;
        }
        read << QDateTime::fromSecsSinceEpoch(out.timeUtc, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                + QLatin1Char(' ') + QString::number(out.fraction);
        QCOMPARE(view(out.message), QByteArray(text.substr(text.size() - 1).c_str()));
    }
    QCOMPARE(read, expected);
}

void TestLinePrefixParser::yearStateSetAnewForgetsTheStamp()
{
    // A block parsed from another year state (ParallelIngest) reads its first
    // stamp in that state, even when the parser read the same stamp just before.
    LinePrefixParser parser{QTimeZone::utc()};
    parser.setReferenceTime(utc("2025-01-10T00:00:00"));
    LogLine out;
    QVERIFY(parser.parse(std::string_view("Dec 31 23:59:59 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-12-31T23:59:59"));
    parser.setYearState({2030, 12});
    QVERIFY(parser.parse(std::string_view("Dec 31 23:59:59 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2030-12-31T23:59:59"));
    parser.reset();
    QVERIFY(parser.parse(std::string_view("Dec 31 23:59:59 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-12-31T23:59:59"));
}

void TestLinePrefixParser::zoneConversionMatchesQt_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<int>("year");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin") << 2024;
    QTest::newRow("New York") << QByteArray("America/New_York") << 2023;
    QTest::newRow("Lord Howe (half-hour DST)") << QByteArray("Australia/Lord_Howe") << 2024;
    QTest::newRow("Kolkata") << QByteArray("Asia/Kolkata") << 2024;
}

void TestLinePrefixParser::zoneConversionMatchesQt()
{
    // Every 7 minutes for a whole year, and every minute of the hours around each
    // transition: the cached offset must agree with the zone for every local time
    // that exists exactly once (missing and doubled times have their own test).
    QFETCH(QByteArray, zone);
    QFETCH(int, year);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    LinePrefixParser parser{tz};
    parser.setReferenceTime(QDateTime(QDate(year, 12, 31), QTime(23, 0), tz).toSecsSinceEpoch());

    // Wall-clock times are walked in a UTC QDateTime; the zone only interprets them.
    QList<QDateTime> walk;
    for (QDateTime t(QDate(year, 1, 1), QTime(0, 0), Qt::UTC);
         t < QDateTime(QDate(year, 12, 31), QTime(22, 0), Qt::UTC); t = t.addSecs(7 * 60 + 13))
        walk.append(t);
    const QTimeZone::OffsetDataList transitions =
        tz.transitions(QDateTime(QDate(year, 1, 2), QTime(0, 0), Qt::UTC),
                       QDateTime(QDate(year, 12, 30), QTime(0, 0), Qt::UTC));
    for (const QTimeZone::OffsetData &transition : transitions) {
        const QDateTime localAt = transition.atUtc.addSecs(transition.offsetFromUtc);
        const QDateTime wall(localAt.date(), localAt.time(), Qt::UTC);
        for (int minute = -180; minute <= 180; ++minute)
            walk.append(wall.addSecs(minute * 60));
    }
    std::sort(walk.begin(), walk.end());

    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int checked = 0;
    int skipped = 0;
    for (const QDateTime &wall : walk) {
        const QDate d = wall.date();
        const QTime t = wall.time();
        const qint64 localSeconds = wall.toSecsSinceEpoch();
        // The local time's UTC instants: one per offset that maps it back to itself.
        const QDateTime guess(d, t, tz);
        int matches = 0;
        qint64 instant = 0;
        for (int offset : {tz.offsetFromUtc(guess.addSecs(-14400)),
                           tz.offsetFromUtc(guess.addSecs(14400))}) {
            const qint64 candidate = localSeconds - offset;
            if (tz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(candidate, Qt::UTC)) == offset
                && (matches == 0 || candidate != instant)) {
                ++matches;
                instant = candidate;
            }
        }
        const QByteArray line = QByteArray(months[d.month() - 1]) + ' '
            + QByteArray::number(d.day()).rightJustified(2, ' ') + ' '
            + t.toString(QStringLiteral("HH:mm:ss")).toLatin1() + " mx p[1]: m";
        LogLine out;
        QVERIFY(parser.parse(line.toStdString(), out));
        if (matches != 1) {
            ++skipped;
            continue;
        }
        QCOMPARE(out.timeUtc, instant);
        ++checked;
    }
    QVERIFY(checked > 72000);
    // Zones with DST have a missing and a doubled hour (or half hour) in the walk.
    QCOMPARE(skipped > 0, !transitions.isEmpty());
}

void TestLinePrefixParser::dstGapAndOverlap()
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    LinePrefixParser parser{berlin};
    parser.setReferenceTime(utc("2024-11-01T00:00:00"));
    LogLine out;
    // Spring forward: 02:00 local becomes 03:00 on 2024-03-31.
    QVERIFY(parser.parse(std::string_view("Mar 31 01:59:59 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-03-31T00:59:59"));
    QVERIFY(parser.parse(std::string_view("Mar 31 02:30:00 mx p[1]: m"), out));
    // A time that does not exist lands inside the transition, never elsewhere.
    QVERIFY(out.timeUtc >= utc("2024-03-31T00:30:00"));
    QVERIFY(out.timeUtc <= utc("2024-03-31T01:30:00"));
    QVERIFY(parser.parse(std::string_view("Mar 31 03:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-03-31T01:00:00"));
    // Fall back: 02:00-03:00 local happens twice on 2024-10-27.
    QVERIFY(parser.parse(std::string_view("Oct 27 01:59:59 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-10-26T23:59:59"));
    QVERIFY(parser.parse(std::string_view("Oct 27 02:30:00 mx p[1]: m"), out));
    QVERIFY(out.timeUtc == utc("2024-10-27T00:30:00") || out.timeUtc == utc("2024-10-27T01:30:00"));
    QVERIFY(parser.parse(std::string_view("Oct 27 03:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-10-27T02:00:00"));
}

void TestLinePrefixParser::invalidZoneFallsBackToUtc()
{
    LinePrefixParser parser{QTimeZone(QByteArrayLiteral("Not/AZone"))};
    QVERIFY(parser.zone().isValid());
    parser.setReferenceTime(utc("2024-06-01T00:00:00"));
    LogLine out;
    QVERIFY(parser.parse(std::string_view("Jan  5 10:00:00 mx p[1]: m"), out));
    QCOMPARE(out.timeUtc, utc("2024-01-05T10:00:00"));
}

void TestLinePrefixParser::hostileInput()
{
    LinePrefixParser parser{QTimeZone::utc()};
    LogLine out;
    const std::string good = "Jan  5 10:00:00 mx postfix/smtpd[123]: connect from a[192.0.2.1]";
    // Truncated at every position: a prefix cut before "prog[pid]:" is rejected.
    const std::size_t messageStart = good.find("connect");
    for (std::size_t n = 0; n <= good.size(); ++n) {
        const std::string_view cut(good.data(), n);
        const bool ok = parser.parse(cut, out);
        QCOMPARE(ok, n >= messageStart - 1);
        if (ok) {
            QVERIFY(out.message.data() >= cut.data());
            QVERIFY(out.message.data() + out.message.size() <= cut.data() + cut.size());
        }
    }
    // A 1 MB message and a 1 MB host-less blob.
    std::string huge = "Jan  5 10:00:00 mx postfix/smtpd[1]: " + std::string(1 << 20, 'x');
    QVERIFY(parser.parse(huge, out));
    QCOMPARE(out.message.size(), std::size_t(1) << 20);
    std::string blob(1 << 20, 'J');
    QVERIFY(!parser.parse(blob, out));
    std::string spaces = "Jan  5 10:00:00 " + std::string(1 << 20, ' ');
    QVERIFY(!parser.parse(spaces, out));
    // NUL bytes and high bytes.
    static const char raw[] = "Jan  5 10:00:00 m\0x p\xff[1]: \0\x80";
    const std::string binary(raw, sizeof raw - 1);
    parser.parse(binary, out);
    std::string pidOverflow = "Jan  5 10:00:00 mx p[99999999999999999999999]: m";
    QVERIFY(!parser.parse(pidOverflow, out));
}

QTEST_GUILESS_MAIN(TestLinePrefixParser)
#include "tst_lineprefixparser.moc"
