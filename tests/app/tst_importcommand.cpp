#include <csignal>

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/commandtestutil.h"
#include "tests/models/historytestutil.h"

using commandtest::Run;
using commandtest::run;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

const QString csvHeader = QStringLiteral("direction,peer,messages,encrypted_messages,plaintext_messages,bytes,"
                                         "encrypted_bytes,connections,encrypted_connections,tls_failures\n");

// "reading 2/5 mail.log.2.gz: 1234567 lines, 180.2/1020.0 MB (17%), 352000 lines/s, 51.2 MB/s"
const QRegularExpression readingLine(QStringLiteral(
    "^mailtls: reading (\\d+)/(\\d+) (\\S+): (\\d+) lines, (\\d+\\.\\d)/(\\d+\\.\\d) MB \\((\\d+)%\\), "
    "(\\d+) lines/s, (\\d+\\.\\d) MB/s$"));
const QRegularExpression lookingLine(QStringLiteral(
    "^mailtls: looking at (\\d+)/(\\d+) (\\S+): (\\d+\\.\\d)/(\\d+\\.\\d) MB \\((\\d+)%\\)$"));

} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void aRotatedSetInAnyOrder()
    {
        const QDateTime start = utc(QStringLiteral("2024-12-18T06:25:01"));
        QStringList paths;
        int lines = 0;
        for (int w = 0; w < 3; ++w) {
            // The same kinds of session each week: the same number of lines.
            const QByteArray week = historytest::log(w * 100, 100, start.addDays(7 * w), 6000);
            lines = historytest::lineCount(week);
            const QDateTime rotated = start.addDays(7 * (w + 1)).addSecs(-1);
            const QString name = w == 0 ? QStringLiteral("mail.log.2.gz")
                                        : w == 1 ? QStringLiteral("mail.log.1") : QStringLiteral("mail.log");
            const QString path = m_dir.filePath(QStringLiteral("set/") + name);
            QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("set"))));
            QVERIFY(w == 0 ? historytest::writeGzip(path, week, rotated) : historytest::write(path, week, rotated));
            paths.prepend(path);
        }
        const QString db = m_dir.filePath(QStringLiteral("set.sqlite"));
        Run r = run(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + paths);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QStringLiteral("3 logs, read oldest first, by the time of the first stamped line in each; on a "
                                       "tie the older rotation (.2 before .1 before a file without a rotation suffix, "
                                       "an earlier date first), then the order given:\n"
                                       "1. %1: %4 lines read\n2. %2: %4 lines read\n3. %3: %4 lines read\n")
                            .arg(paths[2], paths[1], paths[0])
                            .arg(lines));
        // Again, with a compressed copy: nothing new.
        const QString copy = m_dir.filePath(QStringLiteral("set/mail.log.1.gz"));
        QFile plain(paths[1]);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(historytest::writeGzip(copy, plain.readAll()));
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, paths[0], copy});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QStringLiteral("2 logs, read oldest first, by the time of the first stamped line in each; on a "
                                       "tie the older rotation (.2 before .1 before a file without a rotation suffix, "
                                       "an earlier date first), then the order given:\n"
                                       "1. %1: the same lines as %2, imported before; nothing new\n"
                                       "2. %3: imported before, nothing new\n")
                            .arg(copy, paths[1], paths[0]));
    }

    void progressLines()
    {
        const QString log = m_dir.filePath(QStringLiteral("progress.log"));
        const QByteArray text = historytest::log(0, 3000, utc(QStringLiteral("2025-01-10T00:00:00")), 30);
        QVERIFY(historytest::write(log, text, utc(QStringLiteral("2025-01-12T00:00:00"))));
        const QString db = m_dir.filePath(QStringLiteral("progress.sqlite"));
        // Not a terminal: no progress unless asked for.
        Run r = run({QStringLiteral("import"), QStringLiteral("--db"), db, log});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QStringLiteral("%1: %2 lines read\n").arg(log).arg(historytest::lineCount(text)));

        QFile::remove(db);
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--progress"), log});
        QCOMPARE(r.exitCode, 0);
        QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.takeLast(), QStringLiteral("%1: %2 lines read").arg(log).arg(historytest::lineCount(text)));
        QVERIFY2(lines.size() >= 2, qPrintable(r.err));
        qint64 previous = -1;
        for (const QString &line : lines) {
            if (lookingLine.match(line).hasMatch())
                continue;
            const QRegularExpressionMatch m = readingLine.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QCOMPARE(m.captured(1), QStringLiteral("1"));
            QCOMPARE(m.captured(2), QStringLiteral("1"));
            QCOMPARE(m.captured(3), log);
            QVERIFY(m.captured(4).toLongLong() >= previous);
            previous = m.captured(4).toLongLong();
        }
        const QRegularExpressionMatch last = readingLine.match(lines.last());
        QCOMPARE(last.captured(4).toLongLong(), qint64(historytest::lineCount(text)));
        QCOMPARE(last.captured(5), QString::number(double(text.size()) / 1e6, 'f', 1));
        QCOMPARE(last.captured(6), last.captured(5));
        QCOMPARE(last.captured(7), QStringLiteral("100"));
    }

    void ctrlCTakesBackTheLogBeingRead()
    {
        const QString first = m_dir.filePath(QStringLiteral("cancel/mail.log.1"));
        const QString second = m_dir.filePath(QStringLiteral("cancel/mail.log"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("cancel"))));
        QVERIFY(historytest::write(first, historytest::log(0, 100, utc(QStringLiteral("2025-01-01T00:00:00")), 60),
                                   utc(QStringLiteral("2025-01-02T00:00:00"))));
        QVERIFY(historytest::write(second, historytest::log(100, 100000, utc(QStringLiteral("2025-01-02T00:00:00")), 2),
                                   utc(QStringLiteral("2025-01-06T00:00:00"))));
        const QString db = m_dir.filePath(QStringLiteral("cancel.sqlite"));
        QVERIFY(run({QStringLiteral("import"), QStringLiteral("--db"), db, first}).exitCode == 0);
        const QString before = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                                    QStringLiteral("csv")})
                                   .out;
        QVERIFY(before.size() > csvHeader.size());

        QProcess p;
        p.setProcessEnvironment(commandtest::environment());
        p.start(QStringLiteral(MAILTLS_BINARY),
                {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--progress"), second});
        QVERIFY(p.waitForStarted());
        p.setReadChannel(QProcess::StandardError);
        QByteArray err;
        // Once it reads (the line that says so comes at once).
        while (!err.contains("reading 1/1") && p.state() == QProcess::Running) {
            p.waitForReadyRead(10000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("reading 1/1"), err.constData());
        QCOMPARE(p.state(), QProcess::Running);
        QVERIFY(p.processId() > 0);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("mailtls: cancelling: what the log being read has added is taken back…\n"), err.constData());
        QVERIFY2(err.contains(QStringLiteral("%1: cancelled; what it had added was taken back, nothing of it is "
                                             "counted (import it again to read it)\n")
                                  .arg(second)
                                  .toUtf8()),
                 err.constData());
        QVERIFY2(err.endsWith("mailtls: cancelled; the logs listed above as read stay imported\n"), err.constData());
        const Run after = run({QStringLiteral("report"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                               QStringLiteral("csv")});
        QCOMPARE(after.out, before);
    }

    void debianSubsetAndUnreadableFiles()
    {
        const QByteArray text = historytest::log(0, 50, utc(QStringLiteral("2025-03-01T00:00:00")), 600);
        QByteArray warnings;
        for (const QByteArray &line : text.split('\n'))
            if (line.contains("warning:"))
                warnings += line + '\n';
        const QString log = m_dir.filePath(QStringLiteral("debian/mail.log"));
        const QString warn = m_dir.filePath(QStringLiteral("debian/mail.warn"));
        const QString xz = m_dir.filePath(QStringLiteral("debian/mail.log.2.xz"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("debian"))));
        QVERIFY(historytest::write(log, text, utc(QStringLiteral("2025-03-02T00:00:00"))));
        QVERIFY(historytest::write(warn, warnings, utc(QStringLiteral("2025-03-02T00:00:00"))));
        QVERIFY(historytest::write(xz, QByteArray("\xFD" "7zXZ\x00\x00\x04\xE6\xD6\xB4\x46", 12)));
        const QString db = m_dir.filePath(QStringLiteral("debian.sqlite"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--db"), db, warn, log});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.endsWith(QStringLiteral("2. %1: not read: every line of it is also in %2, read before (Debian's "
                                               "mail.warn only repeats lines that are in mail.log)\n")
                                    .arg(warn, log)),
                 qPrintable(r.err));
        const Run bad = run({QStringLiteral("import"), QStringLiteral("--db"), db, xz});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.err, QStringLiteral("%1: compressed with xz, which MailTLS does not read (it reads plain and gzip "
                                         "logs): decompress it first (unxz -k %1) and import the result\n")
                              .arg(xz));
    }


    // Each log says which MTAs wrote it; --format-hint reads one MTA's lines
    // only, the others counted as unrecognised.
    void formatsAndTheFormatHint()
    {
        const QString data = QStringLiteral(MAILTLS_TEST_DATA_DIR);
        const QString sendmail = data + QStringLiteral("/sendmail/debian-sm-mta.log");
        const QString exim = data + QStringLiteral("/exim/logs/mainlog");
        Run r = run({QStringLiteral("report"), QStringLiteral("--log"), sendmail, QStringLiteral("--verbose")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.startsWith(QStringLiteral("%1: 44 lines read\n  format: sendmail\n").arg(sendmail)),
                 qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("outbound    total (3 peers)            5          3          2   "
                                              "60.0 %")));
        r = run({QStringLiteral("report"), QStringLiteral("--log"), exim, QStringLiteral("--verbose")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.startsWith(QStringLiteral("%1: 42 lines read\n  format: exim\n").arg(exim)), qPrintable(r.err));

        r = run({QStringLiteral("report"), QStringLiteral("--log"), sendmail, QStringLiteral("--verbose"),
                 QStringLiteral("--format-hint"), QStringLiteral("exim")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("  format: no MTA's lines\n")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("  unrecognised lines of sm-mta: 37\n")));
        QCOMPARE(r.out, QStringLiteral("No traffic matches.\n"));

        const QString db = m_dir.filePath(QStringLiteral("hint.sqlite"));
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--format-hint"),
                 QStringLiteral("qmail"), exim});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("mailtls: --format-hint: \"qmail\" is not one of postfix, sendmail, exim\n"));
        QVERIFY(!QFileInfo::exists(db));
        r = run({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--format-hint"),
                 QStringLiteral("EXIM"), QStringLiteral("--verbose"), exim});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("  format: exim\n")), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
