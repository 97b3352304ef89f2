#include <algorithm>
#include <cctype>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

#include "models/logs/eximassembler.h"
#include "models/logs/eximlineparser.h"
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

QString corpusPath(const QString &path)
{
    return QStringLiteral(MAILTLS_CORPUS_DIR "/") + path;
}

QList<QByteArray> fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().split('\n');
}

bool startsWithDate(const QByteArray &line)
{
    return line.size() >= 11 && std::isdigit(static_cast<unsigned char>(line[0])) && line[4] == '-'
        && line[7] == '-' && line[10] == ' ';
}

} // namespace

class TestEximLineParser final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void eximPrograms_data();
    void eximPrograms();
    void zoneConversionMatchesLinePrefixParser_data();
    void zoneConversionMatchesLinePrefixParser();
    void corpusLines_data();
    void corpusLines();
    void hostileInput();
};

void TestEximLineParser::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("fraction");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<QByteArray>("message");

    const QByteArray exim("exim");
    QTest::newRow("default log_selector, old message id")
        << QByteArray("2024-03-18 10:00:01 1rmABC-000123-AB <= alice@example.net H=mail.example.net [192.0.2.10] P=esmtp S=1234")
        << QByteArray("UTC") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray("1rmABC-000123-AB <= alice@example.net H=mail.example.net [192.0.2.10] P=esmtp S=1234");
    QTest::newRow("Exim 4.97 message id")
        << QByteArray("2024-03-18 10:00:01 1rmABC-000000003Hx-0Abc Completed")
        << QByteArray("UTC") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray("1rmABC-000000003Hx-0Abc Completed");
    QTest::newRow("+millisec")
        << QByteArray("2023-05-30 06:10:13.345 login authenticator failed for millis.example.org [192.0.2.12]:5432: 535 Incorrect authentication data")
        << QByteArray("UTC") << true << utc("2023-05-30T06:10:13") << 345000 << QByteArray() << exim << qint64(-1)
        << QByteArray("login authenticator failed for millis.example.org [192.0.2.12]:5432: 535 Incorrect authentication data");
    QTest::newRow("log_timezone east")
        << QByteArray("2024-03-18 11:00:01 +0100 1rmABC-000123-AB Completed")
        << QByteArray("America/New_York") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim
        << qint64(-1) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("log_timezone west with millisec")
        << QByteArray("2024-03-18 05:00:01.500 -0500 1rmABC-000123-AB Completed")
        << QByteArray("Europe/Berlin") << true << utc("2024-03-18T10:00:01") << 500000 << QByteArray() << exim
        << qint64(-1) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("+pid")
        << QByteArray("2016-03-21 06:57:36 [5908] no MAIL in SMTP connection from [122.165.71.116]:2056 I=[172.89.0.6]:25 D=0s")
        << QByteArray("UTC") << true << utc("2016-03-21T06:57:36") << 0 << QByteArray() << exim << qint64(5908)
        << QByteArray("no MAIL in SMTP connection from [122.165.71.116]:2056 I=[172.89.0.6]:25 D=0s");
    QTest::newRow("log_timezone and +pid")
        << QByteArray("2024-03-18 10:00:01 +0000 [4711] 1rmABC-000123-AB Completed")
        << QByteArray("Europe/Berlin") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim
        << qint64(4711) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("local time in the given zone (winter)")
        << QByteArray("2024-01-05 10:00:00 1rmABC-000123-AB Completed")
        << QByteArray("Europe/Berlin") << true << utc("2024-01-05T09:00:00") << 0 << QByteArray() << exim
        << qint64(-1) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("local time in the given zone (summer)")
        << QByteArray("2024-07-05 10:00:00 1rmABC-000123-AB Completed")
        << QByteArray("Europe/Berlin") << true << utc("2024-07-05T08:00:00") << 0 << QByteArray() << exim
        << qint64(-1) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("local time in a DST gap: the offset before it")
        << QByteArray("2024-03-31 02:30:00 1rmABC-000123-AB Completed")
        << QByteArray("Europe/Berlin") << true << utc("2024-03-31T01:30:00") << 0 << QByteArray() << exim
        << qint64(-1) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("CRLF")
        << QByteArray("2024-03-18 10:00:01 Start queue run: pid=4711\r\n")
        << QByteArray("UTC") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray("Start queue run: pid=4711");
    QTest::newRow("a number in brackets that is not the pid")
        << QByteArray("2024-03-18 10:00:01 [1/2] 2024-03-18 10:00:01 1rmABC-000123-AB <= a@b")
        << QByteArray("UTC") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray("[1/2] 2024-03-18 10:00:01 1rmABC-000123-AB <= a@b");
    QTest::newRow("syslog behind a date: host and exim[pid]")
        << QByteArray("2019-10-22 03:39:17 mx1.fqdn.local exim[29786]: dovecot_login authenticator failed for (User) [192.0.2.37]: 535 Incorrect authentication data (set_id=test@domain.com)")
        << QByteArray("UTC") << true << utc("2019-10-22T03:39:17") << 0 << QByteArray("mx1.fqdn.local") << exim
        << qint64(29786)
        << QByteArray("dovecot_login authenticator failed for (User) [192.0.2.37]: 535 Incorrect authentication data (set_id=test@domain.com)");
    QTest::newRow("syslog behind a date: exim4[pid] without host")
        << QByteArray("2024-03-18 10:00:01 exim4[12]: 1rmABC-000123-AB Completed")
        << QByteArray("UTC") << true << utc("2024-03-18T10:00:01") << 0 << QByteArray() << QByteArray("exim4")
        << qint64(12) << QByteArray("1rmABC-000123-AB Completed");
    QTest::newRow("syslog behind a date: another program is not Exim's")
        << QByteArray("2024-01-05 10:00:00 mx postfix/smtpd[5]: connect from a[192.0.2.1]")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("a field is no host column")
        << QByteArray("2024-01-05 10:00:00 H=x [192.0.2.1] F=<a@b> rejected RCPT <c@d>: relay not permitted")
        << QByteArray("UTC") << true << utc("2024-01-05T10:00:00") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray("H=x [192.0.2.1] F=<a@b> rejected RCPT <c@d>: relay not permitted");
    QTest::newRow("classic syslog stamp is not Exim's own log")
        << QByteArray("Jun 29 16:04:19 server exim[1234]: 1rmABC-000123-AB Completed")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("RFC 3339 stamp is not Exim's own log")
        << QByteArray("2022-06-29T16:04:19.123+02:00 server exim[1234]: 1rmABC-000123-AB Completed")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("impossible date")
        << QByteArray("2024-02-30 10:00:00 1rmABC-000123-AB Completed")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("impossible time")
        << QByteArray("2024-02-10 24:00:00 1rmABC-000123-AB Completed")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("stamp alone")
        << QByteArray("2024-02-10 10:00:00")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
    QTest::newRow("empty message")
        << QByteArray("2024-02-10 10:00:00 ")
        << QByteArray("UTC") << true << utc("2024-02-10T10:00:00") << 0 << QByteArray() << exim << qint64(-1)
        << QByteArray();
    QTest::newRow("fraction without digits")
        << QByteArray("2024-02-10 10:00:00. x")
        << QByteArray("UTC") << false << qint64(0) << 0 << QByteArray() << QByteArray() << qint64(-1) << QByteArray();
}

void TestEximLineParser::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, zone);
    QFETCH(bool, ok);
    QFETCH(qint64, time);
    QFETCH(int, fraction);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, program);
    QFETCH(qint64, pid);
    QFETCH(QByteArray, message);

    EximLineParser parser{QTimeZone(zone)};
    LogLine out;
    QCOMPARE(parser.parse(std::string_view(line.constData(), std::size_t(line.size())), out), ok);
    if (!ok)
        return;
    QCOMPARE(qint64(out.timeUtc), time);
    QCOMPARE(int(out.fraction), fraction);
    QCOMPARE(view(out.host), host);
    QCOMPARE(view(out.program), program);
    QCOMPARE(qint64(out.pid), pid);
    QCOMPARE(view(out.message), message);
}

void TestEximLineParser::eximPrograms_data()
{
    QTest::addColumn<QByteArray>("program");
    QTest::addColumn<bool>("exim");
    QTest::newRow("exim") << QByteArray("exim") << true;
    QTest::newRow("exim4") << QByteArray("exim4") << true;
    QTest::newRow("versioned") << QByteArray("exim-4.97") << true;
    QTest::newRow("path") << QByteArray("/usr/sbin/exim4") << true;
    QTest::newRow("Postfix") << QByteArray("postfix/smtpd") << false;
    QTest::newRow("Sendmail") << QByteArray("sm-mta") << false;
    QTest::newRow("an Exim utility") << QByteArray("exim_tidydb") << false;
    QTest::newRow("a name that starts alike") << QByteArray("eximstats") << false;
    QTest::newRow("capitals") << QByteArray("Exim") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestEximLineParser::eximPrograms()
{
    QFETCH(QByteArray, program);
    QFETCH(bool, exim);
    QCOMPARE(EximAssembler::isEximProgram(std::string_view(program.constData(), std::size_t(program.size()))), exim);
}

void TestEximLineParser::zoneConversionMatchesLinePrefixParser_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("New York") << QByteArray("America/New_York");
    QTest::newRow("Lord Howe (half-hour DST)") << QByteArray("Australia/Lord_Howe");
    QTest::newRow("UTC") << QByteArray("UTC");
}

void TestEximLineParser::zoneConversionMatchesLinePrefixParser()
{
    // Every quarter hour of 2024, read in order and again shuffled: stamps
    // without an offset give exactly what LinePrefixParser gives the same
    // local time, gaps and doubled hours included, whatever came before.
    QFETCH(QByteArray, zone);
    const QTimeZone tz(zone);
    std::vector<std::string> stamps;
    const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (qint64 minutes = 0; minutes < 366 * 24 * 60; minutes += 15) {
        const QDateTime t = start.addSecs(minutes * 60);
        stamps.push_back(t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toStdString());
    }
    LinePrefixParser reference{tz};
    std::vector<std::int64_t> expected;
    for (const std::string &stamp : stamps) {
        const std::string line = stamp + " mx p[1]: m";
        LogLine out;
        QVERIFY(reference.parse(line, out));
        expected.push_back(out.timeUtc);
    }
    std::vector<std::size_t> order(stamps.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1)
            std::shuffle(order.begin(), order.end(), std::mt19937(7));
        EximLineParser parser{tz};
        for (std::size_t i : order) {
            const std::string line = stamps[i] + " 1rmABC-000123-AB Completed";
            LogLine out;
            QVERIFY(parser.parse(line, out));
            if (out.timeUtc != expected[i])
                QFAIL(qPrintable(QStringLiteral("%1 (pass %2): %3, expected %4")
                                     .arg(QString::fromStdString(stamps[i]))
                                     .arg(pass)
                                     .arg(out.timeUtc)
                                     .arg(expected[i])));
        }
    }
}

void TestEximLineParser::corpusLines_data()
{
    QTest::addColumn<QString>("path");
    const QDir logs(corpusPath(QStringLiteral("exim/test/log")));
    if (!logs.exists())
        return;
    for (const QString &name : logs.entryList(QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(QStringLiteral("exim/test/log/") + name)) << logs.filePath(name);
    for (const char *path : {"crowdsec-hub/.tests/exim-logs/exim-logs.log", "crowdsec-hub/.tests/exim-spam/exim-spam.log",
                             "crowdsec-hub/.tests/exim-bf/exim-bf.log", "crowdsec-hub/.tests/exim-syslog-logs/exim-logs.log",
                             "fail2ban/fail2ban/tests/files/logs/exim", "fail2ban/fail2ban/tests/files/logs/exim-spam"})
        QTest::newRow(path) << corpusPath(QString::fromLatin1(path));
}

void TestEximLineParser::corpusLines()
{
    // Every line of the real Exim logs: a line that starts with a date is an
    // Exim main log line (or a syslog line behind a date, of Exim); its message
    // is the rest of the line. Lines that do not are left to LinePrefixParser,
    // which reads the syslog ones.
    QFETCH(QString, path);
    if (!QFile::exists(path))
        QSKIP("the shared corpus is not there");
    const QList<QByteArray> lines = fileLines(path);
    QVERIFY(!lines.isEmpty());
    EximLineParser exim{QTimeZone::utc()};
    LinePrefixParser syslog{QTimeZone::utc()};
    int own = 0;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        const std::string_view text(line.constData(), std::size_t(line.size()));
        LogLine out;
        const bool parsed = exim.parse(text, out);
        if (startsWithDate(line) && line.size() > 20) {
            QVERIFY2(parsed, line.constData());
            ++own;
            // The message is the line's own text after the stamp's columns.
            QVERIFY2(line.endsWith(view(out.message)), line.constData());
            QVERIFY2(EximAssembler::isEximProgram(out.program), line.constData());
            QVERIFY2(out.timeUtc > utc("1999-01-01T00:00:00") && out.timeUtc < utc("2025-01-01T00:00:00"),
                     line.constData());
        } else if (!line.isEmpty() && line.front() != '#' && !parsed) {
            // Syslog lines go to LinePrefixParser, which takes those with a stamp.
            if (syslog.parse(text, out))
                QVERIFY2(EximAssembler::isEximProgram(out.program), line.constData());
        } else {
            QVERIFY2(!parsed, line.constData());
        }
    }
    QVERIFY(own > 0 || path.contains(QStringLiteral("syslog")));
}

void TestEximLineParser::hostileInput()
{
    // Truncations of real lines and random bytes: no crash, no read past the end.
    const QByteArray lines[] = {
        QByteArray("2024-03-18 10:00:01.123 +0100 [4711] 1rmABC-000123-AB <= a@b H=x [192.0.2.1]"),
        QByteArray("2019-10-22 03:39:17 mx1.fqdn.local exim[29786]: dovecot_login authenticator failed"),
    };
    EximLineParser parser{QTimeZone(QByteArrayLiteral("Europe/Berlin"))};
    for (const QByteArray &line : lines) {
        for (qsizetype n = 0; n <= line.size(); ++n) {
            const std::string copy(line.constData(), std::size_t(n));
            LogLine out;
            parser.parse(copy, out);
        }
    }
    std::mt19937 random(11);
    const char alphabet[] = "0123456789-: .+[]ximeabc\r\n\t";
    for (int i = 0; i < 20000; ++i) {
        std::string line(random() % 48, ' ');
        for (char &c : line)
            c = alphabet[random() % (sizeof alphabet - 1)];
        if (i % 3 == 0)
            line = "2024-03-18 10:00:0" + line;
        LogLine out;
        parser.parse(line, out);
    }
}

QTEST_GUILESS_MAIN(TestEximLineParser)
#include "tst_eximlineparser.moc"
