#include <unistd.h>

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/dovecotconfigreader.h"
#include "models/mta/dovecotfixes.h"
#include "models/mta/dovecotinspection.h"
#include "models/mta/dovecotservice.h"
#include "models/mta/servicehost.h"
#include "models/sources/commandhost.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"
#include "tests/models/tst_dovecottestutil.h"

using namespace mailtls;
using namespace mailtls::dovecottest;

// DovecotInspection with Debian's doveconf (unpacked, not installed) on
// configuration folders of its own; no Dovecot is started (a stand-in process
// named dovecot plays the master for the running check). DovecotAdvice's
// findings on hand-made inspections.
class TestDovecotInspection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void debian();
    void weakConfiguration();
    void runningMaster();
    void refusedConfiguration();
    void missingConfiguration();
    void noDoveconf();
    void asynchronousAndCancel();
    void remoteHost();
    void remoteRefused();
    void remoteListenAddress_data();
    void remoteListenAddress();
    void braces_data();
    void braces();
    void serviceInspection();
    void findings_data();
    void findings();
    void listenAddress_data();
    void listenAddress();
    void cipherLists_data();
    void cipherLists();

private:
    DovecotInspectionResult inspect(const QString &dir) const;
    QStringList folders() const;
};

namespace {

using Role = DovecotInspectionResult::Role;

// What every configuration here needs besides its own lines: users that
// exist on this machine (Debian's dovecot and dovenull do not) and a base_dir
// of its own.
QByteArray localLines(const QString &dir)
{
    return "default_login_user = nobody\ndefault_internal_user = daemon\nbase_dir = " + QFile::encodeName(dir)
        + "/run\n";
}

// "code:S:fix" for each finding, S the severity's initial.
QStringList summary(const QList<ConfigFinding> &findings)
{
    QStringList out;
    for (const ConfigFinding &f : findings) {
        const char *severity = "ILMHC";
        out.append(QStringLiteral("%1:%2:%3").arg(f.code).arg(QLatin1Char(severity[int(f.severity)])).arg(f.fix));
    }
    return out;
}

// A stand-in on the tool folder's PATH for each of Debian's unpacked Dovecot
// programs: the "remote" shell's environment has no LD_LIBRARY_PATH.
bool writeWrappers(const QString &tools)
{
    const QStringList programs {doveconfProgram(), dovecotProgram(),
                                packageRoot() + QStringLiteral("/usr/bin/doveadm")};
    for (const QString &program : programs) {
        const QString path = tools + QLatin1Char('/') + QFileInfo(program).fileName();
        const QByteArray body = "#!/bin/sh\nLD_LIBRARY_PATH='" + QFile::encodeName(libraryDir()) + "' exec '"
            + QFile::encodeName(program) + "' \"$@\"\n";
        if (!writeFile(path, body)
            || !QFile::setPermissions(
                path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther))
            return false;
    }
    return true;
}

} // namespace

void TestDovecotInspection::initTestCase()
{
    // Debian's doveconf finds its private libraries in /usr/lib/dovecot when
    // installed; unpacked, it is told where they are.
    qputenv("LD_LIBRARY_PATH", QFile::encodeName(libraryDir()));
}

QStringList TestDovecotInspection::folders() const
{
    // The unpacked Dovecot first; openssl and pgrep from the system.
    return {packageRoot() + QStringLiteral("/usr/bin"), packageRoot() + QStringLiteral("/usr/sbin"),
            QStringLiteral("/usr/bin"), QStringLiteral("/bin")};
}

DovecotInspectionResult TestDovecotInspection::inspect(const QString &dir) const
{
    DovecotInspection inspection(std::make_shared<LocalCommandHost>(), dir);
    inspection.setProgramFolders(folders(), false);
    QSignalSpy spy(&inspection, &DovecotInspection::finished);
    inspection.start();
    if (spy.isEmpty())
        spy.wait(30000);
    return inspection.result();
}

void TestDovecotInspection::debian()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(installDebianConfig(dir.path()));
    const QString dh = shareDir() + QStringLiteral("/dh.pem");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("local.conf")),
                      localLines(dir.path()) + "ssl_dh = <" + QFile::encodeName(dh) + "\n"));

    const DovecotInspectionResult r = inspect(dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.configDirectory, dir.path());
    QCOMPARE(r.configPath, dir.filePath(QStringLiteral("dovecot.conf")));
    QCOMPARE(r.doveconfProgram, packageRoot() + QStringLiteral("/usr/bin/doveconf"));
    QCOMPARE(r.doveadmProgram, packageRoot() + QStringLiteral("/usr/bin/doveadm"));
    QCOMPARE(r.dovecotProgram, packageRoot() + QStringLiteral("/usr/sbin/dovecot"));
    QCOMPARE(r.versionOutput, QStringLiteral("2.3.19.1 (9b53102964)"));
    QCOMPARE(r.versionMajor, 2);
    QCOMPARE(r.versionMinor, 3);
    QCOMPARE(r.versionPatch, 19);
    QVERIFY2(r.opensslVersion.startsWith(QStringLiteral("OpenSSL 3.")), qPrintable(r.opensslVersion));
    QCOMPARE(r.opensslMajor, 3);
    QVERIFY2(r.configValid, qPrintable(r.configCheckOutput));
    QVERIFY(!r.usesServerSettings());

    QCOMPARE(r.effective(Role::Ssl), QStringLiteral("yes"));
    QCOMPARE(r.effective(Role::Dh), QLatin1Char('<') + dh);
    QCOMPARE(r.effective(Role::Cert), QStringLiteral("</etc/dovecot/private/dovecot.pem"));
    QCOMPARE(r.effective(Role::Key), QStringLiteral("</etc/dovecot/private/dovecot.key"));
    QCOMPARE(r.effective(Role::MinProtocol), QStringLiteral("TLSv1.2"));
    QCOMPARE(r.effective(Role::PreferServerCiphers), QStringLiteral("no"));
    QCOMPARE(
        r.effective(Role::CipherList),
        QStringLiteral("ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH"));
    QCOMPARE(r.effective(Role::Listen), QStringLiteral("*, ::"));
    QCOMPARE(r.effective(Role::BaseDir), dir.filePath(QStringLiteral("run")));

    // Which line sets what: local.conf overrides 10-ssl.conf's ssl_dh.
    QCOMPARE(r.origin(Role::Dh), QStringLiteral("local.conf line 4"));
    QCOMPARE(r.origin(Role::Cert), QStringLiteral("conf.d/10-ssl.conf line 12"));
    QCOMPARE(r.origin(Role::Ssl), QStringLiteral("conf.d/10-ssl.conf line 6"));
    QCOMPARE(r.origin(Role::MinProtocol), QStringLiteral("Dovecot's default"));
    QCOMPARE(r.config.definitions("ssl_dh").size(), 2);

    // Debian's dh.pem: RFC 3526's 4096-bit group.
    QCOMPARE(r.dhFile, dh);
    QVERIFY(r.dh);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::Published);
    QCOMPARE(r.dh->bits, 4096);
    QVERIFY(r.dheOffered);
    QVERIFY(r.dhOverrides.isEmpty());
    QCOMPARE(r.pidFile, dir.filePath(QStringLiteral("run/master.pid")));
    QCOMPARE(r.running, DovecotInspectionResult::Running::No);
    QCOMPARE(r.statusOutput,
             QStringLiteral("%1 does not exist: Dovecot is not running")
                 .arg(dir.filePath(QStringLiteral("run/master.pid"))));
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.0.1"));
    QVERIFY(r.hasServerCertificate());
    QCOMPARE(summary(r.findings),
             (QStringList {QStringLiteral("dovecot-version:I:"), QStringLiteral("not-running:I:"),
                           QStringLiteral("dh-ok:I:")}));
    QCOMPARE(r.findings.at(0).title, QStringLiteral("Dovecot 2.3.19.1 with %1").arg(r.opensslVersion));
    QCOMPARE(r.findings.at(2).title, QStringLiteral("Diffie-Hellman group of 4096 bits (RFC 3526 MODP group 16)"));
    QCOMPARE(r.findings.at(2).evidence.section(QLatin1Char(':'), 0, 0),
             QStringLiteral("ssl_dh = <%1 (local.conf line 4)").arg(dh));
}

void TestDovecotInspection::weakConfiguration()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(fixplantest::writeFile(dir.filePath(QStringLiteral("dh1024.pem")), fixplantest::oakley2Pem()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")),
                      localLines(dir.path())
                          + "listen = 127.0.11.1\nssl = required\nssl_cert = </c.pem\nssl_key = </k.pem\n"
                            "ssl_dh = <dh1024.pem\nssl_min_protocol = TLSv1\n"
                            "protocol imap {\n  ssl_dh = </imap-dh.pem\n}\n"));

    const DovecotInspectionResult r = inspect(dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(r.configValid, qPrintable(r.configCheckOutput));
    // doveconf reports the value as written; the file is relative to dovecot.conf.
    QCOMPARE(r.effective(Role::Dh), QStringLiteral("<dh1024.pem"));
    QCOMPARE(r.dhFile, dir.filePath(QStringLiteral("dh1024.pem")));
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::WeakShared);
    QCOMPARE(r.dhOverrides.size(), 1);
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.11.1"));
    QCOMPARE(summary(r.findings),
             (QStringList {QStringLiteral("dovecot-version:I:"), QStringLiteral("not-running:I:"),
                           QStringLiteral("dh-weak-shared:C:logjam"), QStringLiteral("dh-filter-override:M:"),
                           QStringLiteral("old-protocols:M:")}));
    QVERIFY(r.findings.at(2).advice.contains(QStringLiteral("dh key too small")));
    QCOMPARE(r.findings.at(3).title, QStringLiteral("protocol imap sets its own ssl_dh"));
    QCOMPARE(r.findings.at(3).evidence, QStringLiteral("ssl_dh = </imap-dh.pem (dovecot.conf line 11)"));
    QCOMPARE(r.findings.at(4).evidence, QStringLiteral("ssl_min_protocol = TLSv1 (dovecot.conf line 9)"));
}

void TestDovecotInspection::runningMaster()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    const QString sleep = QStandardPaths::findExecutable(QStringLiteral("sleep"));
    QVERIFY(!sleep.isEmpty());
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), localLines(dir.path()) + "ssl = no\n"));
    // A process named dovecot whose number is in master.pid.
    const QString master = dir.filePath(QStringLiteral("bin/dovecot"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("bin"))));
    QVERIFY(QFile::copy(sleep, master));
    QProcess process;
    process.start(master, {QStringLiteral("60")});
    QVERIFY(process.waitForStarted());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("run/master.pid")), QByteArray::number(process.processId()) + '\n'));

    DovecotInspectionResult r = inspect(dir.path());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.running, DovecotInspectionResult::Running::Yes);
    QCOMPARE(r.statusOutput, QStringLiteral("Dovecot runs (master process %1)").arg(process.processId()));
    QCOMPARE(summary(r.findings), (QStringList {QStringLiteral("dovecot-version:I:"), QStringLiteral("ssl-off:H:")}));

    // The process gone, the stale file tells nothing runs.
    process.kill();
    QVERIFY(process.waitForFinished());
    r = inspect(dir.path());
    QCOMPARE(r.running, DovecotInspectionResult::Running::No);
    QCOMPARE(r.statusOutput,
             QStringLiteral("no dovecot process has the number in %1: Dovecot is not running")
                 .arg(dir.filePath(QStringLiteral("run/master.pid"))));

    // Another program's number is not Dovecot running.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("run/master.pid")), QByteArray::number(::getpid()) + '\n'));
    QCOMPARE(inspect(dir.path()).running, DovecotInspectionResult::Running::No);
}

void TestDovecotInspection::refusedConfiguration()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    const QString conf = dir.filePath(QStringLiteral("dovecot.conf"));
    QVERIFY(writeFile(conf, localLines(dir.path()) + "ssl_dhx = </x.pem\n"));
    const DovecotInspectionResult r = inspect(dir.path());
    QVERIFY(!r.ok);
    QCOMPARE(r.error,
             QStringLiteral("doveconf refused the configuration (%1 -h ssl, exit status 89): doveconf: Fatal: "
                            "Error in configuration file %1 line 4: Unknown setting: ssl_dhx")
                 .arg(conf));
}

void TestDovecotInspection::missingConfiguration()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    const DovecotInspectionResult r = inspect(dir.path());
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("there is no dovecot.conf in %1").arg(dir.path()));
}

void TestDovecotInspection::noDoveconf()
{
    QTemporaryDir dir;
    QTemporaryDir empty;
    DovecotInspection inspection(std::make_shared<LocalCommandHost>(), dir.path());
    inspection.setProgramFolders({empty.path()}, false);
    QSignalSpy spy(&inspection, &DovecotInspection::finished);
    inspection.start();
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!inspection.result().ok);
    QCOMPARE(inspection.result().error,
             QStringLiteral("doveconf was not found on this computer: is Dovecot installed? (looked in %1)")
                 .arg(empty.path()));
}

void TestDovecotInspection::asynchronousAndCancel()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")), localLines(dir.path())));
    DovecotInspection inspection(std::make_shared<LocalCommandHost>(), dir.path());
    inspection.setProgramFolders(folders(), false);
    QSignalSpy spy(&inspection, &DovecotInspection::finished);
    inspection.start();
    // Nothing has run yet: the commands run in the event loop.
    QVERIFY(inspection.isRunning());
    QCOMPARE(spy.size(), 0);
    QVERIFY(spy.wait(30000));
    QCOMPARE(spy.size(), 1);
    QVERIFY2(inspection.result().ok, qPrintable(inspection.result().error));

    inspection.start();
    QVERIFY(inspection.isRunning());
    inspection.cancel();
    QCOMPARE(spy.size(), 2);
    QVERIFY(!inspection.isRunning());
    QCOMPARE(inspection.result().error, QStringLiteral("The inspection was cancelled."));
    // A cancelled run's process reports nothing afterwards.
    QTest::qWait(300);
    QCOMPARE(spy.size(), 2);
}

void TestDovecotInspection::remoteHost()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tools = dir.filePath(QStringLiteral("tools"));
    const QString etc = dir.filePath(QStringLiteral("etc"));
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::Runs));
    QVERIFY(writeWrappers(tools));
    QVERIFY(installDebianConfig(etc));
    QVERIFY(fixplantest::writeFile(etc + QStringLiteral("/dh1024.pem"), fixplantest::oakley2Pem()));
    QVERIFY(writeFile(etc + QStringLiteral("/local.conf"),
                      localLines(etc) + "listen = 127.0.12.7\nssl_dh = <" + QFile::encodeName(etc) + "/dh1024.pem\n"));
    const QByteArray older = fixplantest::ownGroupPem(2048);
    QVERIFY(writeFile(etc + QStringLiteral("/dh_ffdhe3072.pem"), older));

    std::shared_ptr<remotetest::ShellHost> shell;
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Dovecot), &shell);
    DovecotInspection inspection(host, etc);
    inspection.setProgramFolders({tools});
    QSignalSpy finished(&inspection, &DovecotInspection::finished);
    inspection.start();
    QVERIFY(finished.wait(60000));
    const DovecotInspectionResult r = inspection.result();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.remote);
    QCOMPARE(r.hostAddress, QStringLiteral("127.0.12.7"));
    QCOMPARE(r.doveconfProgram, tools + QStringLiteral("/doveconf"));
    QCOMPARE(r.doveadmProgram, tools + QStringLiteral("/doveadm"));
    QCOMPARE(r.dovecotProgram, tools + QStringLiteral("/dovecot"));
    QCOMPARE(r.versionOutput, QStringLiteral("2.3.19.1 (9b53102964)"));
    QVERIFY2(r.configValid, qPrintable(r.configCheckOutput));

    // The same files as DovecotConfig reads on this computer, in the same order.
    DovecotConfig local;
    QVERIFY(local.load(etc + QStringLiteral("/dovecot.conf")));
    QCOMPARE(r.config.paths(), local.paths());
    QVERIFY(r.config.paths().contains(etc + QStringLiteral("/conf.d/10-ssl.conf")));
    QVERIFY(r.config.paths().contains(etc + QStringLiteral("/conf.d/auth-system.conf.ext")));
    for (const QString &path : local.paths())
        QCOMPARE(r.config.text(path), local.text(path));
    QCOMPARE(r.origin(Role::Dh), QStringLiteral("local.conf line 5"));

    QCOMPARE(r.dhFile, etc + QStringLiteral("/dh1024.pem"));
    QVERIFY(r.dh);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::WeakShared);
    // Root runs the commands there: the missing PID file says it is not running.
    QCOMPARE(r.running, DovecotInspectionResult::Running::No);
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.12.7"));

    // The DH file in use and every file a Logjam plan may write.
    QStringList expected {etc + QStringLiteral("/dh1024.pem")};
    expected += DovecotFixes::dhFilePaths(r);
    QStringList read = r.files.keys();
    read.sort();
    expected.sort();
    QCOMPARE(read, expected);
    QCOMPARE(r.files.value(etc + QStringLiteral("/dh_ffdhe3072.pem")).bytes, older);
    QVERIFY(!r.files.value(etc + QStringLiteral("/dh_ffdhe4096.pem")).exists);

    QStringList programs;
    for (const QStringList &argv : *shell->commands) {
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
        programs.append(QFileInfo(argv.value(3)).fileName());
    }
    // The programs in one look; the files (conf.d listed by find); the
    // versions, doveconf -n and each setting; the PID file; the DH files.
    QVERIFY2(programs.startsWith(QStringLiteral("stat")), qPrintable(programs.join(QLatin1Char(' '))));
    QVERIFY2(programs.contains(QStringLiteral("find")), qPrintable(programs.join(QLatin1Char(' '))));
    QCOMPARE(programs.count(QStringLiteral("doveconf")), 1 + r.settingNames().size());
    QCOMPARE(programs.count(QStringLiteral("dovecot")), 1);
    QVERIFY(!programs.contains(QStringLiteral("pgrep")));

    // The plan comes from what was read there, not from this computer's files.
    QVERIFY(QFile::remove(etc + QStringLiteral("/dh_ffdhe3072.pem")));
    QVERIFY(writeFile(etc + QStringLiteral("/conf.d/10-ssl.conf"), "changed here afterwards\n"));
    QString error;
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    choice.group = QStringLiteral("ffdhe3072");
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, choice, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->edits.size(), 2);
    QCOMPARE(plan->edits.at(0).path, etc + QStringLiteral("/dh_ffdhe3072.pem"));
    QCOMPARE(plan->edits.at(0).before, std::optional<QByteArray>(older));
    QCOMPARE(plan->edits.at(1).path, etc + QStringLiteral("/local.conf"));
    QCOMPARE(plan->validateCommands.constFirst(),
             (QStringList {tools + QStringLiteral("/doveconf"), QStringLiteral("-n"), QStringLiteral("-c"),
                           etc + QStringLiteral("/dovecot.conf")}));
    // pgrep and pkill were not in the host's folders: by name, through sudo's PATH there.
    QCOMPARE(plan->statusCommand.constFirst(), QStringLiteral("pgrep"));
    QCOMPARE(plan->verification.address, QStringLiteral("127.0.12.7"));
}

void TestDovecotInspection::remoteRefused()
{
    QVERIFY(ServiceHost::supportsRemote(MailService::Kind::Dovecot));
    QCOMPARE(ServiceHost::remoteRefusal(MailService::Kind::Dovecot), QString());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(remotetest::writeSudo(dir.path(), remotetest::Sudo::AsksForPassword));
    const auto host = remotetest::sudoHost(dir.path(), ServiceHost::sudoPrograms(MailService::Kind::Dovecot));
    const DovecotInspectionResult r = DovecotInspection::read(host, QStringLiteral("/etc/dovecot"));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(QStringLiteral("sudo on mail@127.0.12.7:2222 refused to run the command without a "
                                               "password")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral(
                 "    mail ALL=(root) NOPASSWD: /usr/bin/doveconf, /usr/sbin/dovecot, /usr/bin/doveadm, "
                 "/usr/bin/openssl, /usr/bin/pgrep, /usr/bin/pkill, /usr/bin/find, /usr/bin/stat, /usr/bin/test, "
                 "/usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm\n")),
             qPrintable(r.error));

    // A relative folder means nothing there.
    const DovecotInspectionResult relative = DovecotInspection::read(host, QStringLiteral("etc/dovecot"));
    QCOMPARE(relative.error,
             QStringLiteral("etc/dovecot is not an absolute path: on another host the "
                            "configuration folder is named in full"));
}

void TestDovecotInspection::remoteListenAddress_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("hostAddress");
    QTest::addColumn<QString>("address");
    QTest::newRow("every address") << QStringLiteral("*, ::") << QStringLiteral("127.0.12.7")
                                   << QStringLiteral("127.0.12.7");
    QTest::newRow("the host's own address")
        << QStringLiteral("127.0.0.1, 127.0.12.7") << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("loopback only: out of reach")
        << QStringLiteral("127.0.0.1, ::1") << QStringLiteral("127.0.12.7") << QString();
    QTest::newRow("another address of the host")
        << QStringLiteral("127.0.0.1 192.0.2.25") << QStringLiteral("198.51.100.7") << QStringLiteral("192.0.2.25");
    QTest::newRow("a host given by name: never looked up") << QStringLiteral("*") << QString() << QString();
    QTest::newRow("IPv6 everywhere") << QStringLiteral("*, ::") << QStringLiteral("2001:db8::25")
                                     << QStringLiteral("2001:db8::25");
    QTest::newRow("IPv6 in brackets") << QStringLiteral("[2001:db8::25]") << QStringLiteral("2001:db8::25")
                                      << QStringLiteral("2001:db8::25");
}

void TestDovecotInspection::remoteListenAddress()
{
    QFETCH(QString, listen);
    QFETCH(QString, hostAddress);
    QFETCH(QString, address);
    DovecotInspectionResult r;
    r.settings.insert(QStringLiteral("listen"), listen);
    r.remote = true;
    r.hostAddress = hostAddress;
    QCOMPARE(r.listenAddress(), address);
}

void TestDovecotInspection::braces_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("expanded");
    QTest::newRow("none") << QStringLiteral("/etc/dovecot/conf.d/*.conf")
                          << QStringList {QStringLiteral("/etc/dovecot/conf.d/*.conf")};
    QTest::newRow("two") << QStringLiteral("/e/{a,b}.conf")
                         << QStringList {QStringLiteral("/e/a.conf"), QStringLiteral("/e/b.conf")};
    QTest::newRow("nested") << QStringLiteral(
        "/e/{a,b{1,2}}x") << QStringList {QStringLiteral("/e/ax"), QStringLiteral("/e/b1x"), QStringLiteral("/e/b2x")};
    QTest::newRow("two groups") << QStringLiteral("{a,b}/{c,d}")
                                << QStringList {QStringLiteral("a/c"), QStringLiteral("a/d"), QStringLiteral("b/c"),
                                                QStringLiteral("b/d")};
    QTest::newRow("empty alternative") << QStringLiteral("x{,.ext}")
                                       << QStringList {QStringLiteral("x"), QStringLiteral("x.ext")};
    QTest::newRow("never closed") << QStringLiteral("/e/{a,b") << QStringList {QStringLiteral("/e/{a,b")};
}

void TestDovecotInspection::braces()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, expanded);
    QCOMPARE(DovecotConfigReader::expandBraces(pattern), expanded);
}

void TestDovecotInspection::serviceInspection()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("dovecot.conf")),
                      localLines(dir.path()) + "ssl_cert = </c.pem\nssl_key = </k.pem\n"));
    const std::unique_ptr<MailServiceInspection> inspection
        = MailServiceInspection::create(MailService::Kind::Dovecot, std::make_shared<LocalCommandHost>(), dir.path());
    QVERIFY(inspection);
    inspection->setProgramFolders(folders(), false);
    inspection->runToEnd();
    QVERIFY2(inspection->service(), qPrintable(inspection->errorString()));
    const std::shared_ptr<const MailService> service = inspection->service();
    QCOMPARE(service->kind(), MailService::Kind::Dovecot);
    QCOMPARE(service->configDirectory(), dir.path());
    QCOMPARE(service->running(), MailService::Running::No);
    QVERIFY(service->offers(MailService::Fix::Logjam));
    QCOMPARE(summary(service->findings()),
             (QStringList {QStringLiteral("dovecot-version:I:"), QStringLiteral("not-running:I:"),
                           QStringLiteral("dh-unset:M:logjam")}));

    // A folder without dovecot.conf: no service, and why.
    QTemporaryDir empty;
    const std::unique_ptr<MailServiceInspection> none
        = MailServiceInspection::create(MailService::Kind::Dovecot, std::make_shared<LocalCommandHost>(), empty.path());
    none->setProgramFolders(folders(), false);
    none->runToEnd();
    QVERIFY(!none->service());
    QCOMPARE(none->errorString(), QStringLiteral("there is no dovecot.conf in %1").arg(empty.path()));
}

void TestDovecotInspection::findings_data()
{
    QTest::addColumn<QByteArray>("conf");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("pem"); // written to DIR/dh.pem: "ffdhe2048", "ffdhe3072", "garbage", or none
    QTest::addColumn<int>("running");
    QTest::addColumn<QStringList>("expected");

    const QString v23 = QStringLiteral("2.3.19.1 (9b53102964)");
    const QString v24 = QStringLiteral("2.4.1 (7d8c0e5759)");
    const int yes = int(DovecotInspectionResult::Running::Yes);
    const int no = int(DovecotInspectionResult::Running::No);
    const int unknown = int(DovecotInspectionResult::Running::Unknown);
    const QString version = QStringLiteral("dovecot-version:I:");

    QTest::newRow("TLS off: nothing about the group")
        << QByteArray("ssl = no\nssl_dh = </nowhere.pem\n") << v23 << QString() << yes
        << QStringList {version, QStringLiteral("ssl-off:H:")};
    QTest::newRow("no certificate, no group")
        << QByteArray("ssl = yes\n") << v23 << QString() << yes
        << QStringList {version, QStringLiteral("no-certificate:H:"), QStringLiteral("dh-unset:M:logjam")};
    QTest::newRow("2.4 without a group: ECDHE only")
        << QByteArray("ssl_server_cert_file = /c.pem\n") << v24 << QString() << no
        << QStringList {version, QStringLiteral("not-running:I:"), QStringLiteral("dh-unset:I:")};
    QTest::newRow("DHE off") << QByteArray(
        "ssl_cert = </c.pem\nssl_dh = </nowhere.pem\nssl_cipher_list = ECDHE+AESGCM\n")
                             << v23 << QString() << unknown
                             << QStringList {version, QStringLiteral("status-unknown:L:"),
                                             QStringLiteral("dhe-off:I:")};
    QTest::newRow("ffdhe2048") << QByteArray("ssl_cert = </c.pem\nssl_dh = <dh.pem\n") << v23
                               << QStringLiteral("ffdhe2048") << yes
                               << QStringList {version, QStringLiteral("dh-2048:L:logjam")};
    QTest::newRow("ffdhe3072") << QByteArray("ssl_cert = </c.pem\nssl_dh = <dh.pem\n") << v23
                               << QStringLiteral("ffdhe3072") << yes
                               << QStringList {version, QStringLiteral("dh-ok:I:")};
    QTest::newRow("not DH parameters") << QByteArray("ssl_cert = </c.pem\nssl_dh = <dh.pem\n") << v23
                                       << QStringLiteral("garbage") << yes
                                       << QStringList {version, QStringLiteral("dh-file-invalid:H:logjam")};
    QTest::newRow("missing file") << QByteArray("ssl_cert = </c.pem\nssl_dh = <dh.pem\n") << v23 << QString() << yes
                                  << QStringList {version, QStringLiteral("dh-file-invalid:H:logjam")};
    QTest::newRow("2.4 file without '<'")
        << QByteArray("ssl_server_cert_file = /c.pem\nssl_server_dh_file = @DIR@/dh.pem\n") << v24
        << QStringLiteral("ffdhe3072") << yes << QStringList {version, QStringLiteral("dh-ok:I:")};
    QTest::newRow("TLS 1.1 allowed") << QByteArray("ssl_cert = </c.pem\nssl_dh = <dh.pem\nssl_min_protocol = TLSv1.1\n")
                                     << v23 << QStringLiteral("ffdhe3072") << yes
                                     << QStringList {version, QStringLiteral("dh-ok:I:"),
                                                     QStringLiteral("old-protocols:M:")};
}

void TestDovecotInspection::findings()
{
    QFETCH(QByteArray, conf);
    QFETCH(QString, version);
    QFETCH(QString, pem);
    QFETCH(int, running);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    QVERIFY(
        writeFile(dir.filePath(QStringLiteral("dovecot.conf")), conf.replace("@DIR@", QFile::encodeName(dir.path()))));
    if (pem == QLatin1String("garbage")) {
        QVERIFY(writeFile(dir.filePath(QStringLiteral("dh.pem")), "-----BEGIN DH PARAMETERS-----\nAA\n"));
    } else if (!pem.isEmpty()) {
        QString error;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("dh.pem")), DhParameters::rfc7919Pem(pem, &error)));
    }
    DovecotInspectionResult r = handMadeInspection(dir.path(), version);
    r.running = DovecotInspectionResult::Running(running);
    r.statusOutput = QStringLiteral("status");
    DovecotInspection::complete(r);
    QCOMPARE(summary(r.findings), expected);
    for (const ConfigFinding &f : r.findings) {
        QVERIFY(!f.title.isEmpty());
        QVERIFY(!f.evidence.isEmpty());
        if (!f.fix.isEmpty())
            QVERIFY2(f.advice.contains(QStringLiteral("mailtls fix logjam --mta dovecot")), qPrintable(f.advice));
    }

    // A configuration doveconf refuses says so first.
    r.configValid = false;
    r.configCheckOutput = QStringLiteral("doveconf: Fatal: Error in configuration file x line 1: Unknown setting: y");
    DovecotInspection::complete(r);
    QVERIFY(summary(r.findings).contains(QStringLiteral("config-invalid:H:")));
}

void TestDovecotInspection::listenAddress_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("address");

    QTest::newRow("Dovecot's default") << QStringLiteral("*, ::") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6 only") << QStringLiteral("::") << QStringLiteral("::1");
    QTest::newRow("one address") << QStringLiteral("127.0.11.1") << QStringLiteral("127.0.11.1");
    QTest::newRow("IPv6 in brackets") << QStringLiteral("[2001:db8::1]") << QStringLiteral("2001:db8::1");
    QTest::newRow("IPv4 before IPv6") << QStringLiteral("2001:db8::1, 198.51.100.1") << QStringLiteral("198.51.100.1");
    QTest::newRow("any IPv6 and an IPv4") << QStringLiteral(":: 198.51.100.1") << QStringLiteral("198.51.100.1");
    QTest::newRow("a name is never looked up") << QStringLiteral("localhost") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDovecotInspection::listenAddress()
{
    QFETCH(QString, listen);
    QFETCH(QString, address);

    DovecotInspectionResult r;
    r.settings.insert(QStringLiteral("listen"), listen);
    QCOMPARE(r.listenAddress(), address);
}

void TestDovecotInspection::cipherLists_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<bool>("dhe");

    QTest::newRow("Dovecot 2.3's default") << QStringLiteral(
        "ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH")
                                           << true;
    QTest::newRow("10-ssl.conf's line without DH") << QStringLiteral(
        "ALL:!DH:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH")
                                                   << false;
    QTest::newRow("ECDHE only") << QStringLiteral("ECDHE+AESGCM:ECDHE+CHACHA20") << false;
    QTest::newRow("one DHE suite") << QStringLiteral("ECDHE+AESGCM:DHE-RSA-AES128-GCM-SHA256") << true;
    QTest::newRow("kEDH") << QStringLiteral("kEDH") << true;
    QTest::newRow("HIGH without kDHE") << QStringLiteral("HIGH:!kDHE") << false;
    QTest::newRow("refused by OpenSSL") << QStringLiteral("NOTHING-KNOWN") << true;
}

void TestDovecotInspection::cipherLists()
{
    QFETCH(QString, list);
    QFETCH(bool, dhe);
    QCOMPARE(DovecotInspection::cipherListOffersDhe(list), dhe);
}

QTEST_GUILESS_MAIN(TestDovecotInspection)
#include "tst_dovecotinspection.moc"
