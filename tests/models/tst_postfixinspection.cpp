#include <unistd.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/postfixfixes.h"
#include "models/mta/postfixinspection.h"
#include "models/mta/servicehost.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"

using namespace mailtls;
using namespace fixplantest;

// PostfixInspection with the installed Postfix's postconf and postfix on a
// configuration folder of its own (no Postfix is started): what it reads, the
// effective values, master.cf's overrides, and its errors; and the same on a
// "remote" host (a shell as ssh runs it, a stand-in sudo): every command
// through sudo -n, the files read through commands, the DH files a plan may
// write read ahead, sudo's refusal, the re-probe address.
class TestPostfixInspection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void inspect();
    void effectiveValues_data();
    void effectiveValues();
    void missingMainCf();
    void noPostconf();
    void asynchronous();
    void remote();
    void remoteRefused();
    void remoteListenAddress_data();
    void remoteListenAddress();

private:
    bool m_havePostfix = false;
};

void TestPostfixInspection::initTestCase()
{
    m_havePostfix = !QStandardPaths::findExecutable(QStringLiteral("postconf"),
                                                    {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")})
                         .isEmpty();
}

void TestPostfixInspection::inspect()
{
    if (!m_havePostfix)
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dh = dir.filePath(QStringLiteral("dh1024.pem"));
    QVERIFY(writeFile(dh, oakley2Pem()));
    const QByteArray mainCf = QStringLiteral("# mine\nsmtpd_tls_dh1024_param_file = ${config_directory}/dh1024.pem\n"
                                             "smtpd_tls_loglevel = 1\nsmtpd_tls_exclude_ciphers = aNULL\n")
                                  .toUtf8();
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), mainCf));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("master.cf")),
                      "127.0.0.1:2525 inet n - n - - smtpd\n  -o smtpd_tls_loglevel=0\n  -o syslog_name=x\n"));

    const PostfixInspectionResult r = PostfixInspection::read(std::make_shared<LocalCommandHost>(), dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.configDirectory, dir.path());
    QCOMPARE(r.mainCfPath, dir.filePath(QStringLiteral("main.cf")));
    QCOMPARE(r.mainCf, mainCf);
    QVERIFY(r.versionMajor >= 3);
    QVERIFY(r.postfixProgram.endsWith(QStringLiteral("/postfix")));
    QVERIFY(r.postconfProgram.endsWith(QStringLiteral("/postconf")));
    QCOMPARE(r.dhFile, dh);
    QVERIFY(r.dh);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::WeakShared);
    QVERIFY(!r.dheExcluded);
    QCOMPARE(r.effective(QStringLiteral("smtpd_tls_loglevel")), QStringLiteral("1"));
    QCOMPARE(r.effective(QStringLiteral("smtp_tls_loglevel")), QStringLiteral("0"));
    // Nothing runs this configuration; only root may ask.
    QCOMPARE(r.running,
             ::geteuid() == 0 ? PostfixInspectionResult::Running::No : PostfixInspectionResult::Running::Unknown);
    QCOMPARE(r.overrides.size(), 1);
    QCOMPARE(r.overrides.constFirst().service, QStringLiteral("127.0.0.1:2525/inet"));
    QCOMPARE(r.overrides.constFirst().parameter, QStringLiteral("smtpd_tls_loglevel"));
    QCOMPARE(r.overrides.constFirst().value, QStringLiteral("0"));
    QStringList codes;
    for (const ConfigFinding &f : r.findings)
        codes.append(f.code);
    QVERIFY2(codes.contains(QStringLiteral("dh-weak-shared")), qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY(codes.contains(QStringLiteral("master-override")));
    QVERIFY(codes.contains(QStringLiteral("smtp-tls-log-off")));
}

void TestPostfixInspection::effectiveValues_data()
{
    QTest::addColumn<QByteArray>("mainCf");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");

    QTest::newRow("default") << QByteArray("biff = no\n") << QStringLiteral("smtpd_tls_loglevel")
                             << QStringLiteral("0");
    QTest::newRow("set") << QByteArray("smtpd_tls_loglevel = 2\n") << QStringLiteral("smtpd_tls_loglevel")
                         << QStringLiteral("2");
    QTest::newRow("a default that refers to another parameter")
        << QByteArray("smtpd_tls_cert_file = /c.pem\n") << QStringLiteral("smtpd_tls_key_file")
        << QStringLiteral("/c.pem");
    QTest::newRow("$config_directory") << QByteArray("smtpd_tls_dh1024_param_file = $config_directory/dh.pem\n")
                                       << QStringLiteral("smtpd_tls_dh1024_param_file")
                                       << QStringLiteral("/etc/postfix-test/dh.pem");
    QTest::newRow("continuation lines") << QByteArray("smtpd_tls_exclude_ciphers = aNULL,\n    kDHE\n")
                                        << QStringLiteral("smtpd_tls_exclude_ciphers") << QStringLiteral("aNULL, kDHE");
}

void TestPostfixInspection::effectiveValues()
{
    QFETCH(QByteArray, mainCf);
    QFETCH(QString, name);
    QFETCH(QString, value);
    const PostfixInspectionResult r = inspection(mainCf, QStringLiteral("/etc/postfix-test"));
    QCOMPARE(r.effective(name), value);
}

void TestPostfixInspection::missingMainCf()
{
    if (!m_havePostfix)
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const PostfixInspectionResult r = PostfixInspection::read(std::make_shared<LocalCommandHost>(), dir.path());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(dir.filePath(QStringLiteral("main.cf"))), qPrintable(r.error));
}

void TestPostfixInspection::noPostconf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), "biff = no\n"));
    PostfixInspection inspection(std::make_shared<LocalCommandHost>(), dir.path());
    inspection.setProgramFolders({dir.path()}, false);
    QSignalSpy finished(&inspection, &PostfixInspection::finished);
    inspection.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!inspection.result().ok);
    QCOMPARE(inspection.result().error,
             QStringLiteral("postconf was not found on this computer: is Postfix installed? (looked on PATH and in %1)")
                 .arg(dir.path()));
}

void TestPostfixInspection::asynchronous()
{
    if (!m_havePostfix)
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), "biff = no\n"));
    PostfixInspection inspection(std::make_shared<LocalCommandHost>(), dir.path());
    QSignalSpy finished(&inspection, &PostfixInspection::finished);
    inspection.start();
    QVERIFY(inspection.isRunning());
    QCOMPARE(finished.size(), 0);
    inspection.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!inspection.isRunning());
    QCOMPARE(inspection.result().error, QStringLiteral("The inspection was cancelled."));
    inspection.start();
    QVERIFY(finished.wait(30000));
    QVERIFY2(inspection.result().ok, qPrintable(inspection.result().error));
}

void TestPostfixInspection::remote()
{
    if (!m_havePostfix)
        QSKIP("Postfix is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tools = dir.filePath(QStringLiteral("tools"));
    const QString etc = dir.filePath(QStringLiteral("etc"));
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(QDir().mkpath(etc));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::Runs));
    const QByteArray mainCf("smtpd_tls_dh1024_param_file = ${config_directory}/dh1024.pem\n");
    QVERIFY(writeFile(etc + QStringLiteral("/main.cf"), mainCf));
    QVERIFY(writeFile(etc + QStringLiteral("/master.cf"), QByteArray()));
    QVERIFY(writeFile(etc + QStringLiteral("/dh1024.pem"), oakley2Pem()));
    const QByteArray older = ownGroupPem(2048);
    QVERIFY(writeFile(etc + QStringLiteral("/dh_ffdhe3072.pem"), older));

    std::shared_ptr<remotetest::ShellHost> shell;
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Postfix), &shell);
    const PostfixInspectionResult r = PostfixInspection::read(host, etc);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.remote);
    QCOMPARE(r.hostAddress, QStringLiteral("127.0.12.7"));
    QCOMPARE(r.mainCf, mainCf);
    // Found through sudo's secure_path on the host.
    QCOMPARE(r.postconfProgram, QStringLiteral("postconf"));
    QCOMPARE(r.postfixProgram, QStringLiteral("postfix"));
    QVERIFY(r.dh);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::WeakShared);
    // The commands run as root there: exit status 1 is "not running".
    QCOMPARE(r.running, PostfixInspectionResult::Running::No);
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.12.7"));

    // main.cf, the DH file in use and every file a Logjam plan may write.
    QStringList expected {etc + QStringLiteral("/main.cf"), etc + QStringLiteral("/dh1024.pem")};
    expected += PostfixFixes::dhFilePaths(r);
    QStringList read = r.files.keys();
    read.sort();
    expected.sort();
    QCOMPARE(read, expected);
    QCOMPARE(r.files.value(etc + QStringLiteral("/dh_ffdhe3072.pem")).bytes, older);
    QVERIFY(!r.files.value(etc + QStringLiteral("/dh_ffdhe4096.pem")).exists);

    for (const QStringList &argv : *shell->commands)
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
    QStringList programs;
    for (const QStringList &argv : *shell->commands)
        programs.append(argv.value(3));
    // postconf (values, defaults, -n, -x), openssl, main.cf, the DH files in
    // one look, the two that exist, status, master.cf's overrides.
    QCOMPARE(programs.join(QLatin1Char(' ')),
             QStringLiteral("postconf postconf postconf postconf openssl stat cat stat stat cat stat cat postfix "
                            "postconf"));

    // The plan comes from what was read there, not from this computer's files.
    QVERIFY(QFile::remove(etc + QStringLiteral("/dh_ffdhe3072.pem")));
    QString error;
    const std::optional<ChangePlan> plan = PostfixFixes::logjam(r, DhChoice(), &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.constFirst().path, etc + QStringLiteral("/dh_ffdhe3072.pem"));
    QCOMPARE(plan->edits.constFirst().before, std::optional<QByteArray>(older));
    QCOMPARE(plan->validateCommands.constFirst(),
             (QStringList {QStringLiteral("postfix"), QStringLiteral("-c"), etc, QStringLiteral("check")}));
}

void TestPostfixInspection::remoteRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(remotetest::writeSudo(dir.path(), remotetest::Sudo::AsksForPassword));
    const auto host = remotetest::sudoHost(dir.path(), ServiceHost::sudoPrograms(MailService::Kind::Postfix));
    const PostfixInspectionResult r = PostfixInspection::read(host, QStringLiteral("/etc/postfix"));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(QStringLiteral("postconf could not read the Postfix configuration: sudo on "
                                               "mail@127.0.12.7:2222 refused to run the command without a password")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral("    mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, "
                                             "/usr/bin/openssl, /usr/bin/stat, /usr/bin/test, /usr/bin/cat, "
                                             "/usr/bin/install, /usr/bin/mv, /usr/bin/rm\n")),
             qPrintable(r.error));
}

void TestPostfixInspection::remoteListenAddress_data()
{
    QTest::addColumn<QString>("interfaces");
    QTest::addColumn<QString>("hostAddress");
    QTest::addColumn<QString>("address");
    QTest::newRow("all") << QStringLiteral("all") << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("the host's own address")
        << QStringLiteral("127.0.0.1, 127.0.12.7") << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("loopback only: out of reach")
        << QStringLiteral("loopback-only") << QStringLiteral("127.0.12.7") << QString();
    QTest::newRow("another address of the host")
        << QStringLiteral("127.0.0.1 192.0.2.25") << QStringLiteral("198.51.100.7") << QStringLiteral("192.0.2.25");
    QTest::newRow("a host given by name: never looked up") << QStringLiteral("all") << QString() << QString();
    QTest::newRow("IPv6") << QStringLiteral("all") << QStringLiteral("2001:db8::25") << QStringLiteral("2001:db8::25");
}

void TestPostfixInspection::remoteListenAddress()
{
    QFETCH(QString, interfaces);
    QFETCH(QString, hostAddress);
    QFETCH(QString, address);
    PostfixInspectionResult r
        = inspection("inet_interfaces = " + interfaces.toUtf8() + "\n", QStringLiteral("/etc/postfix"));
    r.remote = true;
    r.hostAddress = hostAddress;
    QCOMPARE(r.listenAddress(), address);
}

QTEST_GUILESS_MAIN(TestPostfixInspection)
#include "tst_postfixinspection.moc"
