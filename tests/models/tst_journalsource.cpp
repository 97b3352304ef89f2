#include <functional>
#include <memory>
#include <string_view>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/logs/lineprefixparser.h"
#include "models/logs/logline.h"
#include "models/sources/journaldecoder.h"
#include "models/sources/journalsource.h"
#include "models/sources/localcommandhost.h"
#include "models/sources/processsourcebackoff.h"

using namespace mailtls;

namespace {

const QString journalRemote = QStringLiteral("/usr/lib/systemd/systemd-journal-remote");
const QByteArray bootId = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

// One journal entry in journal export format. A message given as bytes
// that are not UTF-8 is written as a binary field, as journald stores it.
struct Entry
{
    qint64 usec = 0;
    QByteArray unit;
    QByteArray identifier;
    QByteArray pid;
    QByteArray message;
    QByteArray host = QByteArrayLiteral("mx.example");
    bool binary = false;

    QByteArray exported() const
    {
        QByteArray text;
        text += "__REALTIME_TIMESTAMP=" + QByteArray::number(usec) + '\n';
        text += "__MONOTONIC_TIMESTAMP=" + QByteArray::number(usec % 1000000000) + '\n';
        text += "_BOOT_ID=" + bootId + '\n';
        text += "_HOSTNAME=" + host + '\n';
        if (!unit.isEmpty())
            text += "_SYSTEMD_UNIT=" + unit + '\n';
        if (!identifier.isEmpty())
            text += "SYSLOG_IDENTIFIER=" + identifier + '\n';
        if (!pid.isEmpty())
            text += "_PID=" + pid + '\n';
        if (binary) {
            text += "MESSAGE\n";
            quint64 size = quint64(message.size());
            for (int i = 0; i < 8; ++i, size >>= 8)
                text += char(size & 0xff);
            text += message + '\n';
        } else {
            text += "MESSAGE=" + message + '\n';
        }
        return text + '\n';
    }
};

// 2026-11-29T20:10:49.123456Z plus `seconds`.
qint64 stamp(int seconds)
{
    return 1795983049123456LL + qint64(seconds) * 1000000;
}

// Writes `entries` into the journal file `name` in `dir` with
// systemd-journal-remote (a file that exists gets them appended).
bool writeJournal(const QString &dir, const QString &name, const QList<Entry> &entries)
{
    QTemporaryDir scratch;
    const QString input = scratch.filePath(QStringLiteral("entries.export"));
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (const Entry &entry : entries)
        file.write(entry.exported());
    file.close();
    QProcess process;
    process.start(journalRemote, {QStringLiteral("--output=") + dir + QLatin1Char('/') + name, input});
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
}

// Runs journalctl like LocalCommandHost, with only the given folder on PATH
// (a host without journalctl).
class PathHost final : public CommandHost
{
public:
    QString toolDir;

    // A host whose PATH is `tools` holding only sh (no journalctl); null when
    // that cannot be made.
    static std::shared_ptr<PathHost> withShellOnly(const QTemporaryDir &tools)
    {
        const QString sh = QStandardPaths::findExecutable(QStringLiteral("sh"));
        if (!tools.isValid() || sh.isEmpty() || !QFile::link(sh, tools.filePath(QStringLiteral("sh"))))
            return nullptr;
        auto host = std::make_shared<PathHost>();
        host->toolDir = tools.path();
        return host;
    }

    void prepare(QProcess &process, const QStringList &argv) const override
    {
        process.setProgram(argv.value(0) == QLatin1String("sh") ? toolDir + QStringLiteral("/sh") : argv.value(0));
        process.setArguments(argv.mid(1));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PATH"), toolDir);
        process.setProcessEnvironment(environment);
    }
    QString diagnose(int, const QByteArray &) const override { return QString(); }
    bool needsUser(int, const QByteArray &) const override { return false; }
    bool isLocal() const override { return true; }
    QString displayName() const override { return QStringLiteral("this computer"); }
};

struct Collector
{
    QByteArray text;
    qint64 next = -1;
    qint64 start = 0;
    bool broken = false;
    QByteArray cursor;
    QList<LogSource::State> states;
    QStringList warnings;

    void attach(LogSource &source)
    {
        QObject::connect(&source, &LogSource::chunkRead, [this](const SourceChunk &chunk) {
            const qint64 expected = next < 0 ? start : next;
            if (chunk.offset != expected || !chunk.text.endsWith('\n') || !chunk.cursor.startsWith("j1 "))
                broken = true;
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            if (chunk.referenceTime < now - 60 || chunk.referenceTime > now + 60)
                broken = true;
            next = chunk.offset + chunk.text.size();
            text += chunk.text;
            cursor = chunk.cursor;
        });
        QObject::connect(&source, &LogSource::stateChanged,
                         [this](LogSource::State state) { states.append(state); });
        QObject::connect(&source, &LogSource::warning, [this](const QString &message) { warnings.append(message); });
    }
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

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestJournalSource : public QObject
{
    Q_OBJECT

private slots:
    void lineFor_data();
    void lineFor();
    void madeLineParses();
    void decoderMarkerAndCuts();
    void decoderSkipsNoise();
    void cursorText_data();
    void cursorText();
    void arguments_data();
    void arguments();

    void follow();
    void followUnit();
    void resumeFromCursor();
    void binaryMessage();
    void backlogThenFollowing();
    void journalctlMissing();
    void unreadableCursorWarnsOnce();

private:
    bool haveTools();
    QString m_dir;
};

bool TestJournalSource::haveTools()
{
    return QFileInfo(journalRemote).isExecutable()
        && !QStandardPaths::findExecutable(QStringLiteral("journalctl")).isEmpty();
}

void TestJournalSource::lineFor_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<qint64>("usec");

    QTest::newRow("syslog identifier and pid")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049123456","_HOSTNAME":"mx.example",)"
                      R"("SYSLOG_IDENTIFIER":"postfix/smtpd","_PID":"4242","_COMM":"smtpd",)"
                      R"("MESSAGE":"connect from unknown[192.0.2.1]"})")
        << QByteArray("2026-11-29T20:10:49.123456+00:00 mx.example postfix/smtpd[4242]: connect from "
                      "unknown[192.0.2.1]\n")
        << qint64(1795983049123456);
    QTest::newRow("syslog pid wins, source time wins")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049123456","_SOURCE_REALTIME_TIMESTAMP":"1795983048000007",)"
                      R"("_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"sm-mta","SYSLOG_PID":"77","_PID":"78","MESSAGE":"x"})")
        << QByteArray("2026-11-29T20:10:48.000007+00:00 mx sm-mta[77]: x\n") << qint64(1795983048000007);
    QTest::newRow("no identifier: command name; no pid")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1000000","_HOSTNAME":"mx","_COMM":"exim4","MESSAGE":"m"})")
        << QByteArray("1970-01-01T00:00:01.000000+00:00 mx exim4: m\n") << qint64(1000000);
    QTest::newRow("no host")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","SYSLOG_IDENTIFIER":"exim","MESSAGE":"m"})")
        << QByteArray("2026-11-29T20:10:49.000000+00:00 localhost exim: m\n") << qint64(1795983049000000);
    QTest::newRow("lines become one")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"p",)"
                      R"("MESSAGE":"first\nsecond\nthird\n\n"})")
        << QByteArray("2026-11-29T20:10:49.000000+00:00 mx p: first second third\n") << qint64(1795983049000000);
    QTest::newRow("bytes, not UTF-8")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"p",)"
                      R"("MESSAGE":[104,233,10,255,33]})")
        << QByteArray("2026-11-29T20:10:49.000000+00:00 mx p: h\xe9 \xff!\n") << qint64(1795983049000000);
    QTest::newRow("a field twice: the first")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"p",)"
                      R"("MESSAGE":["one",[116,119,111]]})")
        << QByteArray("2026-11-29T20:10:49.000000+00:00 mx p: one\n") << qint64(1795983049000000);
    QTest::newRow("UTF-8 text")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"p",)"
                      R"("MESSAGE":"Grüße"})")
        << QByteArray("2026-11-29T20:10:49.000000+00:00 mx p: Gr\xc3\xbc\xc3\x9f" "e\n") << qint64(1795983049000000);
    QTest::newRow("no message") << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx"})")
                                << QByteArray() << qint64(0);
    QTest::newRow("message too large for journalctl without --all")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"1795983049000000","MESSAGE":null})") << QByteArray() << qint64(0);
    QTest::newRow("no time") << QByteArray(R"({"_HOSTNAME":"mx","MESSAGE":"m"})") << QByteArray() << qint64(0);
    QTest::newRow("time not a number")
        << QByteArray(R"({"__REALTIME_TIMESTAMP":"12x","_HOSTNAME":"mx","MESSAGE":"m"})") << QByteArray() << qint64(0);
}

void TestJournalSource::lineFor()
{
    QFETCH(QByteArray, entry);
    qint64 usec = 0;
    QTEST(JournalDecoder::lineFor(QJsonDocument::fromJson(entry).object(), &usec), "line");
    QTEST(usec, "usec");
}

void TestJournalSource::madeLineParses()
{
    // The prefix parser reads the exact instant from a made line.
    const QByteArray line = JournalDecoder::lineFor(
        json(R"({"__REALTIME_TIMESTAMP":"1795983049123456","_HOSTNAME":"mx.example","SYSLOG_IDENTIFIER":)"
             R"("postfix/submission/smtpd","_PID":"9","MESSAGE":"disconnect from a[192.0.2.7] ehlo=1 commands=1"})"));
    LinePrefixParser parser;
    LogLine parsed;
    QVERIFY(parser.parse(std::string_view(line.constData(), size_t(line.size() - 1)), parsed));
    QCOMPARE(parsed.timeUtc, qint64(1795983049));
    QCOMPARE(parsed.fraction, 123456);
    QCOMPARE(QByteArray(parsed.host.data(), qsizetype(parsed.host.size())), QByteArray("mx.example"));
    QCOMPARE(QByteArray(parsed.program.data(), qsizetype(parsed.program.size())),
             QByteArray("postfix/submission/smtpd"));
    QCOMPARE(parsed.pid, qint64(9));
    QCOMPARE(QByteArray(parsed.message.data(), qsizetype(parsed.message.size())),
             QByteArray("disconnect from a[192.0.2.7] ehlo=1 commands=1"));
}

void TestJournalSource::decoderMarkerAndCuts()
{
    const QByteArray input = JournalDecoder::marker + '\n'
        + R"({"__CURSOR":"s=1;i=1","__REALTIME_TIMESTAMP":"1795983049000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"a","MESSAGE":"one"})"
          "\n"
        + R"({"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1795983050000000","_HOSTNAME":"mx","SYSLOG_IDENTIFIER":"b","MESSAGE":"two"})"
          "\n"
        + R"({"__CURSOR":"s=1;i=3","__REALTIME_TIMESTAMP":"1795983051000000","_HOSTNAME":"mx"})"
          "\n";
    const QByteArray expected("2026-11-29T20:10:49.000000+00:00 mx a: one\n"
                              "2026-11-29T20:10:50.000000+00:00 mx b: two\n");
    for (int cut = 0; cut <= input.size(); ++cut) {
        JournalDecoder decoder;
        const JournalDecoder::Output first = decoder.feed(input.left(cut));
        const JournalDecoder::Output second = decoder.feed(input.mid(cut));
        QCOMPARE(first.text + second.text, expected);
        // The entry without a message still moves the cursor past it.
        QCOMPARE(second.cursor.isEmpty() ? first.cursor : second.cursor, QByteArray("s=1;i=3"));
        QVERIFY(second.started);
        QCOMPARE(first.skipped + second.skipped, 0);
    }
}

void TestJournalSource::decoderSkipsNoise()
{
    JournalDecoder decoder;
    // A login's greeting before the marker is not an entry, and no problem.
    JournalDecoder::Output out = decoder.feed("Welcome to mx!\n{\"MESSAGE\":\"not yet\"}\n");
    QVERIFY(!out.started);
    QCOMPARE(out.skipped, 0);
    QCOMPARE(out.text, QByteArray());
    out = decoder.feed(JournalDecoder::marker + "\nnot json\n[1,2]\n");
    QVERIFY(out.started);
    QCOMPARE(out.skipped, 2);
    QCOMPARE(out.cursor, QByteArray());
}

void TestJournalSource::cursorText_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QByteArray>("journal");
    QTest::newRow("made") << QByteArray("j1 s=045a;i=2;b=0123;m=7d0;t=6616;x=730c") << QByteArray("s=045a;i=2;b=0123;m=7d0;t=6616;x=730c");
    QTest::newRow("none") << QByteArray() << QByteArray();
    QTest::newRow("other version") << QByteArray("j2 s=1") << QByteArray();
    QTest::newRow("file cursor") << QByteArray("rf1 1:2 - 0") << QByteArray();
    QTest::newRow("space") << QByteArray("j1 s=1 i=2") << QByteArray();
    QTest::newRow("newline") << QByteArray("j1 s=1\n--unit=x") << QByteArray();
    QTest::newRow("empty") << QByteArray("j1 ") << QByteArray();
}

void TestJournalSource::cursorText()
{
    QFETCH(QByteArray, stored);
    QFETCH(QByteArray, journal);
    QCOMPARE(JournalSource::journalCursor(stored), journal);
    if (!journal.isEmpty())
        QCOMPARE(JournalSource::cursorText(journal), stored);
}

void TestJournalSource::arguments_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QByteArray>("cursor");
    QTest::addColumn<QStringList>("tail");

    const QStringList fixed = {QStringLiteral("--follow"), QStringLiteral("--no-tail"), QStringLiteral("--all"),
                               QStringLiteral("--no-pager"), QStringLiteral("--output=json"),
                               QStringLiteral("--output-fields=MESSAGE,_HOSTNAME,SYSLOG_IDENTIFIER,_COMM,"
                                              "SYSLOG_PID,_PID,_SOURCE_REALTIME_TIMESTAMP")};
    QTest::newRow("unit") << QStringLiteral("postfix@-.service") << QString() << QByteArray()
                          << fixed + QStringList{QStringLiteral("--unit=postfix@-.service")};
    QTest::newRow("unit, directory, cursor")
        << QStringLiteral("exim4") << QStringLiteral("/srv/copied journal") << QByteArray("j1 s=1;i=2")
        << fixed
            + QStringList{QStringLiteral("--directory=/srv/copied journal"), QStringLiteral("--after-cursor=s=1;i=2"),
                          QStringLiteral("--unit=exim4")};
    QTest::newRow("mail servers") << QString() << QString() << QByteArray("nonsense")
                                  << fixed + JournalSource::defaultMatches();
}

void TestJournalSource::arguments()
{
    QFETCH(QString, unit);
    QFETCH(QString, directory);
    QFETCH(QByteArray, cursor);
    JournalSource source(std::make_shared<LocalCommandHost>(), unit);
    source.setDirectory(directory);
    QTEST(source.journalctlArguments(cursor), "tail");

    const QStringList matches = JournalSource::defaultMatches();
    QVERIFY(matches.contains(QStringLiteral("_SYSTEMD_UNIT=postfix@-.service")));
    QVERIFY(matches.contains(QStringLiteral("SYSLOG_IDENTIFIER=sm-mta")));
    QCOMPARE(matches.count(QStringLiteral("+")), 1);
}

void TestJournalSource::follow()
{
    if (!haveTools())
        QSKIP("needs journalctl and systemd-journal-remote");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeJournal(dir.path(), QStringLiteral("first.journal"),
                         {{stamp(0), "postfix@-.service", "postfix/smtpd", "4242", "connect from unknown[192.0.2.1]"},
                          {stamp(1), "cron.service", "CRON", "11", "not mail"},
                          {stamp(2), "sendmail.service", "sm-mta", "77", "STARTTLS=server, relay=a [192.0.2.9]"},
                          {stamp(3), "", "exim", "5", "exim outside a unit"},
                          {stamp(4), "postfix.service", "postfix/qmgr", "12", "AB12: removed"}}));

    JournalSource source(std::make_shared<LocalCommandHost>(), QString());
    source.setDirectory(dir.path());
    Collector seen;
    seen.start = 500;
    seen.attach(source);
    source.start(QByteArray(), 500);
    const QByteArray first("2026-11-29T20:10:49.123456+00:00 mx.example postfix/smtpd[4242]: connect from unknown[192.0.2.1]\n"
                           "2026-11-29T20:10:51.123456+00:00 mx.example sm-mta[77]: STARTTLS=server, relay=a [192.0.2.9]\n"
                           "2026-11-29T20:10:52.123456+00:00 mx.example exim[5]: exim outside a unit\n"
                           "2026-11-29T20:10:53.123456+00:00 mx.example postfix/qmgr[12]: AB12: removed\n");
    QVERIFY2(waitFor([&] { return seen.text.size() >= first.size(); }, 15000), seen.text.constData());
    QCOMPARE(seen.text, first);
    QVERIFY(waitFor([&] { return source.state() == LogSource::State::Following; }, 5000));

    // More entries, in a second journal file and appended to the first.
    QVERIFY(writeJournal(dir.path(), QStringLiteral("second.journal"),
                         {{stamp(10), "postfix@-.service", "postfix/smtp", "99", "AB12: to=<a@b.example>, status=sent"},
                          {stamp(11), "ssh.service", "sshd", "3", "not mail either"}}));
    const QByteArray more("2026-11-29T20:10:59.123456+00:00 mx.example postfix/smtp[99]: AB12: to=<a@b.example>, status=sent\n");
    QVERIFY2(waitFor([&] { return seen.text.size() >= first.size() + more.size(); }, 15000), seen.text.constData());
    QVERIFY(writeJournal(dir.path(), QStringLiteral("first.journal"),
                         {{stamp(20), "postfix@-.service", "postfix/smtpd", "4243", "disconnect from x[192.0.2.2]"}}));
    const QByteArray last("2026-11-29T20:11:09.123456+00:00 mx.example postfix/smtpd[4243]: disconnect from x[192.0.2.2]\n");
    QVERIFY2(waitFor([&] { return seen.text.size() >= first.size() + more.size() + last.size(); }, 15000),
             seen.text.constData());
    QTest::qWait(300);
    QCOMPARE(seen.text, first + more + last);
    QVERIFY(!seen.broken);
    QCOMPARE(source.streamOffset(), 500 + seen.text.size());
    QCOMPARE(source.cursor(), seen.cursor);
    QVERIFY(seen.warnings.isEmpty());
    source.stop();
    QCOMPARE(source.state(), LogSource::State::Stopped);
}

void TestJournalSource::followUnit()
{
    if (!haveTools())
        QSKIP("needs journalctl and systemd-journal-remote");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"),
                         {{stamp(0), "postfix@-.service", "postfix/smtpd", "1", "in the unit"},
                          {stamp(1), "postfix@out.service", "postfix-out/smtp", "2", "another instance"},
                          {stamp(2), "sendmail.service", "sm-mta", "3", "sendmail"}}));
    JournalSource source(std::make_shared<LocalCommandHost>(), QStringLiteral("postfix@-.service"));
    source.setDirectory(dir.path());
    Collector seen;
    seen.attach(source);
    source.start(QByteArray(), 0);
    const QByteArray expected("2026-11-29T20:10:49.123456+00:00 mx.example postfix/smtpd[1]: in the unit\n");
    QVERIFY(waitFor([&] { return !seen.text.isEmpty(); }, 15000));
    QTest::qWait(500);
    QCOMPARE(seen.text, expected);
}

void TestJournalSource::resumeFromCursor()
{
    if (!haveTools())
        QSKIP("needs journalctl and systemd-journal-remote");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"),
                         {{stamp(0), "postfix@-.service", "postfix/smtpd", "1", "one"},
                          {stamp(1), "postfix@-.service", "postfix/smtpd", "1", "two"}}));
    QByteArray cursor;
    qint64 offset = 0;
    {
        JournalSource source(std::make_shared<LocalCommandHost>(), QString());
        source.setDirectory(dir.path());
        Collector seen;
        seen.attach(source);
        source.start(QByteArray(), 0);
        QVERIFY(waitFor([&] { return seen.text.count('\n') == 2; }, 15000));
        source.stop();
        cursor = source.cursor();
        offset = source.streamOffset();
        QCOMPARE(offset, qint64(seen.text.size()));
    }
    QVERIFY(cursor.startsWith("j1 s="));

    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"),
                         {{stamp(5), "postfix@-.service", "postfix/smtpd", "1", "three"}}));
    JournalSource source(std::make_shared<LocalCommandHost>(), QString());
    source.setDirectory(dir.path());
    Collector seen;
    seen.start = offset;
    seen.attach(source);
    source.start(cursor, offset);
    const QByteArray expected("2026-11-29T20:10:54.123456+00:00 mx.example postfix/smtpd[1]: three\n");
    QVERIFY(waitFor([&] { return !seen.text.isEmpty(); }, 15000));
    QTest::qWait(500);
    QCOMPARE(seen.text, expected);
    QVERIFY(!seen.broken);
    QVERIFY(seen.warnings.isEmpty());

    // A run killed and started again goes on after the last entry, too.
    const qint64 pid = source.processId();
    QVERIFY(pid > 0);
    source.setBackoff(ProcessSourceBackoff(50, 100));
    QVERIFY(QProcess::execute(QStringLiteral("kill"), {QStringLiteral("-KILL"), QString::number(pid)}) == 0);
    QVERIFY(waitFor([&] { return source.processId() != pid && source.processId() > 0
                                 && source.state() == LogSource::State::Following; },
                    10000));
    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"),
                         {{stamp(6), "postfix@-.service", "postfix/smtpd", "1", "four"}}));
    const QByteArray four("2026-11-29T20:10:55.123456+00:00 mx.example postfix/smtpd[1]: four\n");
    QVERIFY(waitFor([&] { return seen.text.size() >= expected.size() + four.size(); }, 15000));
    QTest::qWait(300);
    QCOMPARE(seen.text, expected + four);
    QVERIFY(!seen.broken);
}

void TestJournalSource::binaryMessage()
{
    if (!haveTools())
        QSKIP("needs journalctl and systemd-journal-remote");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Entry latin1{stamp(0), "postfix@-.service", "postfix/smtpd", "1", QByteArray("caf\xe9 \x01 ok"), "mx.example", true};
    Entry lines{stamp(1), "postfix@-.service", "postfix/smtpd", "1", QByteArray("one\ntwo"), "mx.example", true};
    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"), {latin1, lines}));
    JournalSource source(std::make_shared<LocalCommandHost>(), QString());
    source.setDirectory(dir.path());
    Collector seen;
    seen.attach(source);
    source.start(QByteArray(), 0);
    const QByteArray expected("2026-11-29T20:10:49.123456+00:00 mx.example postfix/smtpd[1]: caf\xe9 \x01 ok\n"
                              "2026-11-29T20:10:50.123456+00:00 mx.example postfix/smtpd[1]: one two\n");
    QVERIFY(waitFor([&] { return seen.text.size() >= expected.size(); }, 15000));
    QCOMPARE(seen.text, expected);
}

void TestJournalSource::backlogThenFollowing()
{
    if (!haveTools())
        QSKIP("needs journalctl and systemd-journal-remote");
    // Entries written long ago are a backlog (lagging) until the output goes
    // quiet; then the source follows.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<Entry> entries;
    for (int i = 0; i < 200; ++i)
        entries.append({1700000000000000LL + i * 1000000LL, "postfix@-.service", "postfix/smtpd", "1",
                        "old " + QByteArray::number(i)});
    QVERIFY(writeJournal(dir.path(), QStringLiteral("a.journal"), entries));
    JournalSource source(std::make_shared<LocalCommandHost>(), QString());
    source.setDirectory(dir.path());
    Collector seen;
    seen.attach(source);
    source.start(QByteArray(), 0);
    QVERIFY(waitFor([&] { return seen.text.count('\n') == 200; }, 15000));
    QVERIFY(seen.states.contains(LogSource::State::Lagging));
    QVERIFY(waitFor([&] { return source.state() == LogSource::State::Following; }, 5000));
}

void TestJournalSource::journalctlMissing()
{
    QTemporaryDir tools;
    std::shared_ptr<PathHost> host = PathHost::withShellOnly(tools);
    QVERIFY(host);
    JournalSource source(host, QString());
    source.setBackoff(ProcessSourceBackoff(5000, 5000));
    source.start(QByteArray(), 0);
    QVERIFY(waitFor([&] { return !source.reason().isEmpty(); }, 10000));
    QCOMPARE(source.state(), LogSource::State::Connecting);
    QCOMPARE(source.reason(), QStringLiteral("journalctl is not installed on this computer"));
}

// A stored position that cannot be read is said once, not again at every
// retry while journalctl cannot run.
void TestJournalSource::unreadableCursorWarnsOnce()
{
    QTemporaryDir tools;
    std::shared_ptr<PathHost> host = PathHost::withShellOnly(tools);
    QVERIFY(host);
    JournalSource source(host, QString());
    source.setBackoff(ProcessSourceBackoff(50, 100, [] { return 0.5; }));
    Collector seen;
    seen.attach(source);
    source.start(QByteArrayLiteral("not a journal cursor"), 0);
    QVERIFY(waitFor([&] { return !source.reason().isEmpty(); }, 10000));
    // Retried every 50 to 100 ms meanwhile: ten runs and more.
    QTest::qWait(1000);
    QCOMPARE(seen.warnings,
             QStringList{QStringLiteral("The stored position in the journal on this computer could not be read; "
                                        "reading the journal from its oldest entry.")});
}

QTEST_GUILESS_MAIN(TestJournalSource)
#include "tst_journalsource.moc"
