#include <csignal>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/app/commandtestutil.h"

// `mailtls fix` as a user meets it: the real binary. Usage errors, the
// backup list, and plans shown (never applied) for a configuration folder no
// Postfix runs; tests/integration/test_fix_postfix.sh applies them to a real
// Postfix.
namespace {

using commandtest::Run;

Run fix(const QStringList &args)
{
    return commandtest::run(QStringList {QStringLiteral("fix")} + args);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool havePostfix()
{
    return !QStandardPaths::findExecutable(QStringLiteral("postconf"),
                                           {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")})
                .isEmpty();
}

} // namespace

class TestFixCommand : public QObject
{
    Q_OBJECT

private slots:
    void usage_data();
    void usage();
    void noBackups();
    void badBackup();
    void plan_data();
    void plan();
    void nothingToChange();
    void uninspectable();
    void generatedGroupCancelled();
};

void TestFixCommand::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");

    const auto words = [](const char *text) { return QString::fromUtf8(text).split(QLatin1Char(' ')); };
    QTest::newRow("no fix") << QStringList()
                            << QStringLiteral(
                                   "fix needs one of logjam, starttls, tls-logging (see mailtls fix --help)");
    QTest::newRow("two fixes") << words("logjam starttls") << QStringLiteral("fix takes one fix at a time");
    QTest::newRow("unknown fix") << words("dane")
                                 << QStringLiteral("unknown fix \"dane\": give logjam, starttls or tls-logging");
    QTest::newRow("an unknown MTA") << words("logjam --mta qmail")
                                    << QStringLiteral("--mta qmail: unknown mail service; give postfix, exim, "
                                                      "sendmail or dovecot");
    QTest::newRow("--host without ssh://")
        << words("logjam --host mx.example.org")
        << QStringLiteral("--host: \"mx.example.org\" is not an SSH host: write ssh://[user@]host[:port]");
    QTest::newRow("--host with a path")
        << words("logjam --host ssh://mx.example.org/etc")
        << QStringLiteral("--host: \"ssh://mx.example.org/etc\" has a path after the host: write "
                          "ssh://[user@]host[:port] (the configuration folder is given with --config-dir)");
    QTest::newRow("--dry-run and --yes") << words("logjam --dry-run --yes")
                                         << QStringLiteral("--dry-run and --yes exclude each other");
    QTest::newRow("--group for starttls")
        << words("starttls --group ffdhe3072") << QStringLiteral("--group and --bits belong to the logjam fix");
    QTest::newRow("--bits for tls-logging")
        << words("tls-logging --bits 2048") << QStringLiteral("--group and --bits belong to the logjam fix");
    QTest::newRow("--bits and --group") << words("logjam --bits 2048 --group ffdhe3072")
                                        << QStringLiteral("--group and --bits exclude each other: a published "
                                                          "group or one of its own");
    QTest::newRow("--bits of an odd size")
        << words("logjam --bits 1024") << QStringLiteral("--bits: \"1024\" is not one of 2048, 3072, 4096");
    QTest::newRow("--bits with --restore")
        << words("--restore --bits 2048") << QStringLiteral("--bits has no meaning with --restore");
    QTest::newRow("--cert for logjam") << words("logjam --cert /c.pem --key /c.key")
                                       << QStringLiteral("--cert and --key belong to the starttls fix");
    QTest::newRow("--cert alone") << words("starttls --cert /c.pem") << QStringLiteral("--cert and --key go together");
    QTest::newRow("an unknown group")
        << words("logjam --group ffdhe1024")
        << QStringLiteral("--group: \"ffdhe1024\" is not one of ffdhe2048, ffdhe3072, ffdhe4096, ffdhe6144, "
                          "ffdhe8192, auto");
    QTest::newRow("a name to verify") << words("logjam --verify-address mx.example.org")
                                      << QStringLiteral(
                                             "--verify-address: \"mx.example.org\" is not an IP address with "
                                             "an optional port (a name is not looked up)");
    QTest::newRow("a bad port to verify") << words("logjam --verify-address 127.0.0.1:0")
                                          << QStringLiteral("--verify-address: \"127.0.0.1:0\" is not an IP address "
                                                            "with an optional port (a name is not looked up)");
    QTest::newRow("no such folder") << words("logjam --config-dir /nonexistent/postfix")
                                    << QStringLiteral("--config-dir: there is no folder /nonexistent/postfix");
    QTest::newRow("--restore with a fix's option")
        << words("--restore --group auto") << QStringLiteral("--group has no meaning with --restore");
    QTest::newRow("--restore of two") << words("--restore 20260101T000000Z 20260102T000000Z")
                                      << QStringLiteral("--restore takes one backup at most");
    QTest::newRow("an empty backup folder name")
        << QStringList {QStringLiteral("logjam"), QStringLiteral("--backup-dir="), QStringLiteral("--dry-run")}
        << QStringLiteral("--backup-dir: the folder name is empty");
}

void TestFixCommand::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const Run run = fix(args);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("mailtls: ") + error + QLatin1Char('\n'));
    QCOMPARE(run.out, QString());
}

void TestFixCommand::noBackups()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = fix({QStringLiteral("--restore"), QStringLiteral("--backup-dir"), dir.path()});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("No backups in %1.\n").arg(dir.path()));
    QCOMPARE(run.err, QString());
}

void TestFixCommand::badBackup()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Run run = fix(
        {QStringLiteral("--restore"), QStringLiteral("20260101T000000Z"), QStringLiteral("--backup-dir"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("mailtls: there is no backup 20260101T000000Z in %1\n").arg(dir.path()));
    run = fix({QStringLiteral("--restore"), QStringLiteral("../.."), QStringLiteral("--backup-dir"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err,
             QStringLiteral("mailtls: \"../..\" is not the name of a backup (they look like 20260301T120000Z)\n"));
}

void TestFixCommand::plan_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("dryRun");

    QTest::newRow("--dry-run") << QStringList {QStringLiteral("--dry-run")} << true;
    QTest::newRow("without --yes") << QStringList() << false;
}

void TestFixCommand::plan()
{
    if (!havePostfix())
        QSKIP("Postfix is not installed");
    QFETCH(QStringList, args);
    QFETCH(bool, dryRun);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray mainCf("# a test\nsmtpd_tls_loglevel = 0\nbiff = no\ninet_interfaces = 127.0.0.1\n");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), mainCf));
    const QString backups = dir.filePath(QStringLiteral("backups"));
    const Run run
        = fix(QStringList {QStringLiteral("logjam"), QStringLiteral("--group"), QStringLiteral("ffdhe4096"),
                           QStringLiteral("--config-dir"), dir.path(), QStringLiteral("--backup-dir"), backups}
              + args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral(", configuration in %1\n\nFindings:\n").arg(dir.path())),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("\n  medium    The SMTP server logs no TLS sessions\n"
                                            "            smtpd_tls_loglevel = 0\n")));
    const QString path = dir.filePath(QStringLiteral("main.cf"));
    const QString dh = dir.filePath(QStringLiteral("dh_ffdhe4096.pem"));
    const QString plan = QStringLiteral("Plan: Replace the weak Diffie-Hellman group (Logjam)\n"
                                        "  %1 (new file)\n"
                                        "      DH parameters: ffdhe4096 (RFC 7919, 4096 bits)\n"
                                        "  %2\n"
                                        "      smtpd_tls_dh1024_param_file = %1\n")
                             .arg(dh, path);
    QVERIFY2(run.out.contains(plan), qPrintable(run.out));
    // The own server is probed where inet_interfaces says it listens.
    QVERIFY(run.out.contains(QStringLiteral("  probe 127.0.0.1:25: a DHE-only handshake must get ffdhe4096\n")));
    const QString diff = QStringLiteral("--- a%1\n+++ b%1\n@@ -2,3 +2,5 @@\n smtpd_tls_loglevel = 0\n biff = no\n"
                                        " inet_interfaces = 127.0.0.1\n+# Added by MailTLS\n"
                                        "+smtpd_tls_dh1024_param_file = %2\n")
                             .arg(path, dh);
    QVERIFY2(run.out.contains(diff), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("--- /dev/null\n+++ b%1\n@@ -0,0 +1,").arg(dh)));
    QCOMPARE(run.out.endsWith(QStringLiteral("\nNothing was changed. Run again with --yes to apply this plan.\n")),
             !dryRun);
    QCOMPARE(run.err, QString());
    // Nothing written, nothing saved.
    QCOMPARE(readFile(path), mainCf);
    QVERIFY(!QFileInfo::exists(dh));
    QVERIFY(!QFileInfo::exists(backups));
}

void TestFixCommand::nothingToChange()
{
    if (!havePostfix())
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray mainCf("smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 2\n");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), mainCf));
    const Run run = fix({QStringLiteral("tls-logging"), QStringLiteral("--yes"), QStringLiteral("--config-dir"),
                         dir.path(), QStringLiteral("--backup-dir"), dir.filePath(QStringLiteral("backups"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.endsWith(QStringLiteral("\nNothing to change (Log TLS sessions): already in place.\n")),
             qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("Plan:")));
    QCOMPARE(readFile(dir.filePath(QStringLiteral("main.cf"))), mainCf);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("backups"))));
}

void TestFixCommand::uninspectable()
{
    if (!havePostfix())
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run run = fix({QStringLiteral("tls-logging"), QStringLiteral("--config-dir"), dir.path()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("mailtls: cannot inspect Postfix: ")), qPrintable(run.err));
    QVERIFY(run.err.contains(dir.filePath(QStringLiteral("main.cf"))));
    QCOMPARE(run.out, QString());
}

// `--bits` inspects first, then generates a group of its own (progress on
// standard error); Ctrl+C during the generation ends it with nothing written.
void TestFixCommand::generatedGroupCancelled()
{
    if (!havePostfix())
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray mainCf("smtpd_tls_loglevel = 1\n");
    const QString path = dir.filePath(QStringLiteral("main.cf"));
    QVERIFY(writeFile(path, mainCf));
    QProcess p;
    p.setProcessEnvironment(commandtest::environment());
    p.start(QStringLiteral(MAILTLS_BINARY),
            {QStringLiteral("fix"), QStringLiteral("logjam"), QStringLiteral("--bits"), QStringLiteral("4096"),
             QStringLiteral("--yes"), QStringLiteral("--config-dir"), dir.path(), QStringLiteral("--backup-dir"),
             dir.filePath(QStringLiteral("backups"))});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    const QByteArray started("Generating a 4096-bit group; this can take many minutes (Ctrl+C cancels)");
    while (!err.contains(started) && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains(started), err.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(30000));
    err += p.readAllStandardError();
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(out.contains(QStringLiteral("Findings:")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("Plan:")));
    QVERIFY2(err.endsWith("mailtls: cancelled; nothing was written\n"), err.constData());
    QCOMPARE(readFile(path), mainCf);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList {QStringLiteral("main.cf")});
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("backups"))));
}

QTEST_GUILESS_MAIN(TestFixCommand)
#include "tst_fixcommand.moc"
