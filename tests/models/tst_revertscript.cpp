#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "models/campaign/revertjob.h"
#include "models/campaign/revertscript.h"

using namespace mailtls;

// The revert job's script, run for real by /bin/sh on a folder of its own:
// the bytes from before the window come back only while the file holds the
// window's bytes (mode kept), a file edited meanwhile is left alone and only
// the window's settings are taken back out with the real postconf, postfix
// check decides the reload, and the status file says what happened. Also
// the `at` job number, atq's listing and the minute `at` runs the job in.
class TestRevertScript : public QObject
{
    Q_OBJECT

private slots:
    void run_data();
    void run();
    void blocks_data();
    void blocks();
    void parseStatus_data();
    void parseStatus();
    void atMinutes_data();
    void atMinutes();
    void atOutput();
    void shellQuoted();
};

namespace {

const QByteArray before = "# main.cf of mx's\n"
                          "smtpd_tls_cert_file = /etc/ssl/o'neil.pem\n"
                          "smtpd_tls_security_level = may\r\n"
                          "myhostname = mx.example.org\n";
const QByteArray window = "# main.cf of mx's\n"
                          "smtpd_tls_cert_file = /etc/ssl/o'neil.pem\n"
                          "smtpd_tls_security_level = encrypt\r\n"
                          "myhostname = mx.example.org\n"
                          "# Added by MailTLS\n"
                          "smtp_tls_security_level = encrypt\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// Runs the script as the job does; what went wrong, or nothing.
QString runScript(const QString &script)
{
    QProcess sh;
    sh.setProcessChannelMode(QProcess::MergedChannels);
    sh.start(QStringLiteral("/bin/sh"), {script});
    if (!sh.waitForFinished(30000))
        return QStringLiteral("the script did not end within 30 s");
    if (sh.exitStatus() != QProcess::NormalExit || sh.exitCode() != 0)
        return QStringLiteral("exit %1: %2").arg(sh.exitCode()).arg(QString::fromUtf8(sh.readAll()));
    return QString();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

void TestRevertScript::run_data()
{
    QTest::addColumn<QByteArray>("found"); // main.cf when the job runs
    QTest::addColumn<int>("checkExit");
    QTest::addColumn<int>("statusExit");
    QTest::addColumn<QByteArray>("expected"); // main.cf afterwards
    QTest::addColumn<QByteArray>("expectedStatus"); // without the "ended=" line
    QTest::addColumn<QByteArray>("expectedCalls");

    QTest::newRow("window bytes: put back, reloaded")
        << window << 0 << 0 << before
        << QByteArray("campaign=7\nmta=Postfix\nrestored=%1\ncheck=ok\nreload=done\ncomplete=yes\n")
        << QByteArray("-c %1 check\n-c %1 status\n-c %1 reload\n");
    QTest::newRow("as before already: left, not running")
        << before << 0 << 1 << before
        << QByteArray("campaign=7\nmta=Postfix\nrestored=%1\ncheck=ok\nreload=not-running\ncomplete=yes\n")
        << QByteArray("-c %1 check\n-c %1 status\n");
    QTest::newRow("check fails: no reload")
        << window << 1 << 0 << before
        << QByteArray("campaign=7\nmta=Postfix\nrestored=%1\ncheck=failed\nreload=skipped\ncomplete=yes\n")
        << QByteArray("-c %1 check\n");
    QTest::newRow("edited meanwhile: only the settings")
        << window + "message_size_limit = 1000\n" << 0 << 0
        << QByteArray("# main.cf of mx's\n"
                      "smtpd_tls_cert_file = /etc/ssl/o'neil.pem\n"
                      "smtpd_tls_security_level = may\n"
                      "myhostname = mx.example.org\n"
                      "# Added by MailTLS\n"
                      "message_size_limit = 1000\n")
        << QByteArray("campaign=7\nmta=Postfix\nchanged=%1\nadjusted=smtpd_tls_security_level\nadjusted=smtp_tls_security_level\n"
                      "check=ok\nreload=done\ncomplete=yes\n")
        << QByteArray("-c %1 check\n-c %1 status\n-c %1 reload\n");
    QTest::newRow("edited and set back by hand: nothing to take back")
        << before + "message_size_limit = 1000\n" << 0 << 0 << before + "message_size_limit = 1000\n"
        << QByteArray("campaign=7\nmta=Postfix\nchanged=%1\ncheck=ok\nreload=done\ncomplete=yes\n")
        << QByteArray("-c %1 check\n-c %1 status\n-c %1 reload\n");
}

void TestRevertScript::run()
{
    QFETCH(QByteArray, found);
    QFETCH(int, checkExit);
    QFETCH(int, statusExit);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, expectedStatus);
    QFETCH(QByteArray, expectedCalls);
    const QString postconf = QStandardPaths::findExecutable(QStringLiteral("postconf"),
                                                            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (postconf.isEmpty())
        QSKIP("postconf (Debian package postfix) is not installed");

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // A space and a quote in the folder's name: every path is quoted.
    const QString dir = tmp.filePath(QStringLiteral("etc post'fix"));
    QVERIFY(QDir().mkpath(dir));
    const QString mainCf = dir + QStringLiteral("/main.cf");
    QVERIFY(writeAll(mainCf, found));
    QVERIFY(QFile::setPermissions(mainCf, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    const QString calls = tmp.filePath(QStringLiteral("calls"));
    const QString postfix = tmp.filePath(QStringLiteral("postfix"));
    QVERIFY(writeAll(postfix, QStringLiteral("#!/bin/sh\n"
                                             "printf '%s\\n' \"$*\" >>'%1'\n"
                                             "case \"$3\" in check) exit %2;; status) exit %3;; esac\n"
                                             "exit 0\n")
                                  .arg(calls)
                                  .arg(checkExit)
                                  .arg(statusExit)
                                  .toUtf8()));
    QVERIFY(QFile::setPermissions(postfix, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

    RevertScript::Input input;
    input.campaignId = 7;
    input.windowEnd = 1774872000;
    input.configDir = dir;
    input.postconfProgram = postconf;
    input.validateCommands = {{postfix, QStringLiteral("-c"), dir, QStringLiteral("check")}};
    input.statusCommand = {postfix, QStringLiteral("-c"), dir, QStringLiteral("status")};
    input.reloadCommand = {postfix, QStringLiteral("-c"), dir, QStringLiteral("reload")};
    input.statusPath = RevertScript::statusPath(dir, 7);
    input.files = {RevertScript::File{mainCf, before, window}};
    input.parameters = {RevertScript::Parameter{"smtpd_tls_security_level", QByteArray("may"), "encrypt"},
                        RevertScript::Parameter{"smtp_tls_security_level", std::nullopt, "encrypt"}};
    const QString script = RevertScript::scriptPath(dir, 7);
    QCOMPARE(script, dir + QStringLiteral("/.mailtls-campaign-7.sh"));
    QVERIFY(writeAll(script, RevertScript::script(input)));

    const QString ran = runScript(script);
    QVERIFY2(ran.isEmpty(), qPrintable(ran));

    QCOMPARE(readAll(mainCf), expected);
    // The script keeps the mode (0640); postconf -e, Postfix's own editor, writes 0644.
    const bool postconfEdited = expectedStatus.contains("adjusted=");
    QCOMPARE(QFileInfo(mainCf).permissions() & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                | QFileDevice::ReadOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                 | (postconfEdited ? QFileDevice::ReadOther : QFileDevice::Permissions()));
    QByteArray status = readAll(input.statusPath);
    const QRegularExpression ended(QStringLiteral("ended=(\\d+)\n"));
    const QRegularExpressionMatch match = ended.match(QString::fromUtf8(status));
    QVERIFY2(match.hasMatch(), status.constData());
    const qint64 endedAt = match.captured(1).toLongLong();
    QVERIFY(qAbs(endedAt - QDateTime::currentSecsSinceEpoch()) < 60);
    status.replace(match.captured(0).toUtf8(), QByteArray());
    QCOMPARE(status, QString::fromUtf8(expectedStatus).arg(mainCf).toUtf8());
    QCOMPARE(readAll(calls), QString::fromUtf8(expectedCalls).arg(dir).toUtf8());
    // Nothing else is left beside main.cf: no temporary file, no half status.
    QStringList left = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    left.sort();
    QCOMPARE(left, (QStringList{QStringLiteral(".mailtls-campaign-7.sh"), QStringLiteral(".mailtls-campaign-7.status"),
                                QStringLiteral("main.cf")}));

    const std::optional<RevertStatus> parsed = RevertScript::parseStatus(readAll(input.statusPath));
    QVERIFY(parsed);
    QCOMPARE(parsed->campaignId, 7);
    QCOMPARE(parsed->ended, endedAt);
    QVERIFY(parsed->windowEnded());
}

namespace {

const QByteArray macrosBefore = "# local macros\nMAIN_TLS_ENABLE = yes\n";
const QByteArray blockText = "# Begin window\n"
                             "# (comment)\n"
                             "REMOTE_SMTP_HOSTS_REQUIRE_TLS = *\n"
                             "# End window\n";
const QByteArray aclWindow = "  defer\n    !encrypted = *\n";

} // namespace

void TestRevertScript::blocks_data()
{
    QTest::addColumn<QByteArray>("macrosFound");
    QTest::addColumn<QByteArray>("aclFound"); // "<missing>": no file
    QTest::addColumn<QByteArray>("macrosExpected");
    QTest::addColumn<QByteArray>("aclExpected");
    QTest::addColumn<QByteArray>("expectedStatus"); // %1 the macros file, %2 the ACL file

    QTest::newRow("window bytes: back, the made file gone")
        << macrosBefore + blockText << aclWindow << macrosBefore << QByteArray("<missing>")
        << QByteArray("campaign=9\nmta=Exim\nrestored=%1\nrestored=%2\ncheck=ok\nreload=done\ncomplete=yes\n");
    QTest::newRow("edited: only the block out")
        << macrosBefore + blockText + "tls_on_connect_ports = 465\n" << aclWindow
        << macrosBefore + "tls_on_connect_ports = 465\n" << QByteArray("<missing>")
        << QByteArray("campaign=9\nmta=Exim\nchanged=%1\nrestored=%2\nunblocked=%1\ncheck=ok\nreload=done\n"
                      "complete=yes\n");
    QTest::newRow("edited, block gone already; made file edited")
        << macrosBefore + "# mine\n" << aclWindow + "# mine\n" << macrosBefore + "# mine\n"
        << aclWindow + "# mine\n"
        << QByteArray("campaign=9\nmta=Exim\nchanged=%1\nchanged=%2\ncheck=ok\nreload=done\ncomplete=yes\n");
    QTest::newRow("as before already")
        << macrosBefore << QByteArray("<missing>") << macrosBefore << QByteArray("<missing>")
        << QByteArray("campaign=9\nmta=Exim\nrestored=%1\nrestored=%2\ncheck=ok\nreload=done\ncomplete=yes\n");
}

void TestRevertScript::blocks()
{
    QFETCH(QByteArray, macrosFound);
    QFETCH(QByteArray, aclFound);
    QFETCH(QByteArray, macrosExpected);
    QFETCH(QByteArray, aclExpected);
    QFETCH(QByteArray, expectedStatus);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("etc exim'4"));
    QVERIFY(QDir().mkpath(dir));
    const QString macros = dir + QStringLiteral("/exim4.conf.localmacros");
    const QString acl = dir + QStringLiteral("/window.acl");
    QVERIFY(writeAll(macros, macrosFound));
    QVERIFY(QFile::setPermissions(macros, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    if (aclFound != "<missing>")
        QVERIFY(writeAll(acl, aclFound));
    const QString calls = tmp.filePath(QStringLiteral("calls"));
    const QString tool = tmp.filePath(QStringLiteral("tool"));
    // It reads its standard input to the end, as `sendmail -bt` does: the
    // script must give it none.
    QVERIFY(writeAll(tool, QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$*\" >>'%1'\ncat >/dev/null\n").arg(calls).toUtf8()));
    QVERIFY(QFile::setPermissions(tool, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

    RevertScript::Input input;
    input.campaignId = 9;
    input.windowEnd = 1774872000;
    input.mta = QStringLiteral("Exim");
    input.configDir = dir;
    input.statusPath = RevertScript::statusPath(dir, 9);
    input.validateCommands = {{tool, QStringLiteral("update-exim4.conf"), QStringLiteral("--check")}};
    input.statusCommand = {tool, QStringLiteral("status")};
    input.reloadCommand = {tool, QStringLiteral("reload")};
    RevertScript::File made{acl, QByteArray(), aclWindow};
    made.existed = false;
    input.files = {RevertScript::File{macros, macrosBefore, macrosBefore + blockText}, made};
    input.blocks = {RevertScript::Block{macros, "# Begin window", "# End window"}};
    const QString script = RevertScript::scriptPath(dir, 9);
    QVERIFY(writeAll(script, RevertScript::script(input)));

    const QString ran = runScript(script);
    QVERIFY2(ran.isEmpty(), qPrintable(ran));

    QCOMPARE(readAll(macros), macrosExpected);
    QCOMPARE(readAll(acl), aclExpected);
    // The block comes out of a copy that keeps the mode.
    QCOMPARE(QFileInfo(macros).permissions() & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                | QFileDevice::ReadOther),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    QByteArray status = readAll(input.statusPath);
    status.replace(QRegularExpression(QStringLiteral("ended=\\d+\n")).match(QString::fromUtf8(status)).captured(0).toUtf8(),
                   QByteArray());
    QCOMPARE(status, QString::fromUtf8(expectedStatus).arg(macros, acl).toUtf8());
    QCOMPARE(readAll(calls), QByteArray("update-exim4.conf --check\nstatus\nreload\n"));
    QStringList left = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    left.sort();
    QStringList expectedLeft{QStringLiteral(".mailtls-campaign-9.sh"), QStringLiteral(".mailtls-campaign-9.status"),
                             QStringLiteral("exim4.conf.localmacros")};
    if (aclExpected != "<missing>")
        expectedLeft.append(QStringLiteral("window.acl"));
    QCOMPARE(left, expectedLeft);
    const std::optional<RevertStatus> parsed = RevertScript::parseStatus(readAll(input.statusPath));
    QVERIFY(parsed);
    QCOMPARE(parsed->mta, QStringLiteral("Exim"));
    QVERIFY(parsed->windowEnded());
}

void TestRevertScript::parseStatus_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("ended");
    QTest::addColumn<QString>("description");
    QTest::newRow("restored") << QByteArray("campaign=3\nrestored=/etc/postfix/main.cf\ncheck=ok\nreload=done\n"
                                            "ended=1774872060\ncomplete=yes\n")
                              << true << true
                              << QStringLiteral("It put back /etc/postfix/main.cf as it was before the window. Postfix "
                                                "was reloaded.");
    QTest::newRow("still enforcing")
        << QByteArray("campaign=3\nchanged=/etc/postfix/main.cf\nenforcing=smtpd_tls_security_level\ncheck=ok\n"
                      "reload=not-running\nended=1774872060\ncomplete=yes\n")
        << true << false
        << QStringLiteral("/etc/postfix/main.cf was changed during the window, so it was not overwritten. It could "
                          "NOT take back smtpd_tls_security_level: Postfix may still require TLS. Postfix was not "
                          "running.");
    QTest::newRow("exim: block out, check failed")
        << QByteArray("campaign=3\nmta=Exim\nchanged=/etc/exim4/exim4.conf.localmacros\nrestored=/etc/exim4/w.acl\n"
                      "unblocked=/etc/exim4/exim4.conf.localmacros\ncheck=failed\nreload=skipped\nended=1774872060\n"
                      "complete=yes\n")
        << true << true
        << QStringLiteral("It put back /etc/exim4/w.acl as it was before the window. /etc/exim4/exim4.conf.localmacros "
                          "was changed during the window, so it was not overwritten. It took the window's lines out of "
                          "/etc/exim4/exim4.conf.localmacros. The configuration check failed afterwards, so Exim was "
                          "not reloaded.");
    QTest::newRow("half written") << QByteArray("campaign=3\nrestored=/etc/postfix/main.cf\n") << false << false
                                  << QString();
    QTest::newRow("empty") << QByteArray() << false << false << QString();
}

void TestRevertScript::parseStatus()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(bool, ended);
    QFETCH(QString, description);
    const std::optional<RevertStatus> status = RevertScript::parseStatus(text);
    QCOMPARE(status.has_value(), valid);
    if (!status)
        return;
    QCOMPARE(status->campaignId, 3);
    QCOMPARE(status->ended, 1774872060);
    QCOMPARE(status->windowEnded(), ended);
    QCOMPARE(status->describe(), description);
}

void TestRevertScript::atMinutes_data()
{
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("minutes");
    // `at now + N minutes` runs at minute boundary floor(now) + N: never before now + seconds.
    QTest::newRow("on the minute, 1 m") << qint64(1774872000) << qint64(60) << 1;
    QTest::newRow("20 s in, 1 m") << qint64(1774872020) << qint64(60) << 2;
    QTest::newRow("59 s in, 30 m") << qint64(1774872059) << qint64(1800) << 31;
    QTest::newRow("on the minute, 4 h") << qint64(1774872000) << qint64(4 * 3600) << 240;
    QTest::newRow("1 s in, 90 s") << qint64(1774872001) << qint64(90) << 2;
}

void TestRevertScript::atMinutes()
{
    QFETCH(qint64, now);
    QFETCH(qint64, seconds);
    QFETCH(int, minutes);
    QCOMPARE(RevertJob::atMinutes(now, seconds), minutes);
    QVERIFY((now / 60) * 60 + 60 * minutes >= now + seconds);
    QVERIFY((now / 60) * 60 + 60 * (minutes - 1) < now + seconds);
}

void TestRevertScript::atOutput()
{
    QCOMPARE(RevertJob::atJobNumber("warning: commands will be executed using /bin/sh\n"
                                    "job 17 at Mon Nov 30 09:00:00 2026\n"),
             std::optional<int>(17));
    QCOMPARE(RevertJob::atJobNumber("Can't open /var/run/atd.pid to signal atd. No atd running?\n"),
             std::optional<int>());
    const QByteArray atq = "3\tMon Nov 30 09:00:00 2026 a root\n17\tMon Nov 30 09:05:00 2026 = root\n";
    QVERIFY(RevertJob::atqLists(atq, 17));
    QVERIFY(RevertJob::atqLists(atq, 3));
    QVERIFY(!RevertJob::atqLists(atq, 1));
    QVERIFY(!RevertJob::atqLists(QByteArray(), 3));
}

void TestRevertScript::shellQuoted()
{
    QCOMPARE(RevertScript::shellQuoted("/etc/post fix/o'neil"), QByteArray("'/etc/post fix/o'\\''neil'"));
}

QTEST_GUILESS_MAIN(TestRevertScript)
#include "tst_revertscript.moc"
