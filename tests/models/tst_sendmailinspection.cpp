#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/configfile.h"
#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailfixes.h"
#include "models/mta/sendmailinspection.h"
#include "models/mta/servicehost.h"
#include "models/probe/probejson.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"
#include "tests/models/tst_sendmailns.h"

using namespace mailtls;
using namespace mailtls::testutil;

namespace {

using Running = SendmailInspectionResult::Running;

SendmailInspectionResult inspect(const QString &dir = QString())
{
    return SendmailInspection::read(std::make_shared<LocalCommandHost>(), dir);
}

// "severity code" per finding, in order.
QStringList codes(const QList<ConfigFinding> &findings)
{
    QStringList result;
    for (const ConfigFinding &f : findings)
        result.append(QStringLiteral("%1 %2").arg(ProbeJson::severityWord(f.severity), f.code));
    return result;
}

const ConfigFinding *findingOf(const QList<ConfigFinding> &findings, const QString &code)
{
    for (const ConfigFinding &f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace

class TestSendmailInspection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void debianInstallation();
    void settings_data();
    void settings();
    void staleAndRefused();
    void runningDaemon();
    void otherSendmailCommands();
    void failures();
    void cancel();
    void includes();
    void remoteDebian();
    void remoteRefused();
    void remoteListenAddress_data();
    void remoteListenAddress();
};

void TestSendmailInspection::initTestCase()
{
    if (sendmailNamespaceRoot().isEmpty())
        QSKIP(qPrintable(sendmailNamespaceUnavailable()));
}

void TestSendmailInspection::debianInstallation()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.configDirectory, QStringLiteral("/etc/mail"));
    QCOMPARE(r.sendmailProgram, QStringLiteral("/usr/sbin/sendmail-mta"));
    QCOMPARE(r.m4Program, QStringLiteral("/usr/bin/m4"));
    QCOMPARE(r.version, QStringLiteral("8.17.1.9"));
    QCOMPARE(r.versionNumbers, QList<int>({8, 17, 1, 9}));
    QVERIFY(r.hasStartTls());
    QVERIFY(r.compiledWith.contains(QStringLiteral("TLS_EC")));
    // Debian 12's sendmail-bin was built against OpenSSL 3.0 and runs with
    // the OpenSSL 3.0 of this machine.
    QCOMPARE(r.opensslCompiled >> 20, quint32(0x300));
    QCOMPARE(r.opensslLinked >> 20, quint32(0x300));
    QVERIFY(r.versionText().startsWith(QStringLiteral("Sendmail 8.17.1.9 with OpenSSL 3.0.")));
    QCOMPARE(r.pidFile, QStringLiteral("/var/run/sendmail/mta/sendmail.pid"));
    QCOMPARE(r.running, Running::No);
    QVERIFY(r.statusOutput.contains(QStringLiteral("exit status 3")));
    QVERIFY(r.mcExists);
    QCOMPARE(r.mc, readFile(QStringLiteral("/etc/mail/sendmail.mc")));
    QCOMPARE(r.cf, readFile(QStringLiteral("/etc/mail/sendmail.cf")));
    QVERIFY(r.built);
    QCOMPARE(r.buildErrors, QString());
    QVERIFY(!r.cfIsStale());
    QCOMPARE(r.includes.size(), 3);
    QCOMPARE(r.includes.at(2).path, QStringLiteral("/etc/mail/tls/starttls.m4"));

    // starttls.m4's settings, as sendmail.cf has them.
    QCOMPARE(r.dhParameters, QStringLiteral("/etc/mail/tls/sendmail-common.prm"));
    QCOMPARE(r.dhSetting, SendmailInspectionResult::DhSetting::File);
    QVERIFY(r.dh);
    QCOMPARE(r.dh->bits, 2048);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::Unique);
    QCOMPARE(r.dhNote,
             QStringLiteral("the group is an X9.42 DH PARAMETERS block, which Sendmail reads; Sendmail "
                            "skips the file's other blocks: DSA PARAMETERS"));
    QCOMPARE(r.serverCert, QStringLiteral("/etc/mail/tls/sendmail-server.crt"));
    QCOMPARE(r.serverKey, QStringLiteral("/etc/mail/tls/sendmail-common.key"));
    QCOMPARE(r.caCertPath, QStringLiteral("/etc/ssl/certs"));
    QCOMPARE(r.caCertFile, QStringLiteral("/etc/mail/tls/sendmail-server.crt"));
    QCOMPARE(r.logLevel, 9);
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.0.1"));
    QCOMPARE(r.listenPort(), quint16(25));
    QVERIFY(r.autoDhAvailable());
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("info sendmail-version"), QStringLiteral("info not-running"),
                          QStringLiteral("low dh-2048"), QStringLiteral("info starttls-ok"),
                          QStringLiteral("info tls-log-ok")}));
    QCOMPARE(r.validateCommand(),
             QStringList({QStringLiteral("/usr/sbin/sendmail-mta"), QStringLiteral("-C"),
                          QStringLiteral("/etc/mail/sendmail.cf"), QStringLiteral("-bt"), QStringLiteral("-d0.1")}));
    QCOMPARE(r.statusCommand(),
             QStringList({QStringLiteral("/usr/sbin/start-stop-daemon"), QStringLiteral("--status"),
                          QStringLiteral("--pidfile"), QStringLiteral("/var/run/sendmail/mta/sendmail.pid"),
                          QStringLiteral("--exec"), QStringLiteral("/usr/sbin/sendmail-mta")}));

    // Debian's sendmail.mc alone (no starttls.m4): no certificate, the
    // built-in group, no STARTTLS.
    QVERIFY2(makeDebianConfig(&error, {}, false), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult plain = inspect(QStringLiteral("/etc/mail"));
    QVERIFY2(plain.ok, qPrintable(plain.error));
    QCOMPARE(plain.dhSetting, SendmailInspectionResult::DhSetting::Default);
    QCOMPARE(plain.servedDhText(),
             QStringLiteral("Sendmail's built-in 2048-bit group, the same on every Sendmail "
                            "server (its default since 8.15.2)"));
    QCOMPARE(codes(plain.findings),
             QStringList({QStringLiteral("info sendmail-version"), QStringLiteral("info not-running"),
                          QStringLiteral("low dh-builtin"), QStringLiteral("high no-starttls"),
                          QStringLiteral("info tls-log-ok")}));
}

void TestSendmailInspection::settings_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QStringList>("expected");

    const QByteArray tls = "O ServerCertFile=/etc/mail/tls/sendmail-server.crt\n"
                           "O ServerKeyFile=/etc/mail/tls/sendmail-common.key\n"
                           "O CACertPath=/etc/ssl/certs\n"
                           "O CACertFile=/etc/mail/tls/sendmail-server.crt\n";
    const QString v = QStringLiteral("8.17.1.9");
    QTest::newRow("none") << tls + "O DHParameters=none\n"
                          << v << QStringList {QStringLiteral("info dhe-off"), QStringLiteral("info starttls-ok")};
    QTest::newRow("i") << tls + "O DHParameters=i\n"
                       << v << QStringList {QStringLiteral("low dh-builtin"), QStringLiteral("info starttls-ok")};
    QTest::newRow("2") << tls + "O DHParameters=2\n"
                       << v << QStringList {QStringLiteral("low dh-2048"), QStringLiteral("info starttls-ok")};
    QTest::newRow("2048, only its first character counts")
        << tls + "O DHParameters=2048\n"
        << v << QStringList {QStringLiteral("low dh-2048"), QStringLiteral("info starttls-ok")};
    QTest::newRow("1024") << tls + "O DHParameters=1024\n"
                          << v << QStringList {QStringLiteral("high dh-weak"), QStringLiteral("info starttls-ok")};
    QTest::newRow("512") << tls + "O DHParameters=512\n"
                         << v
                         << QStringList {QStringLiteral("critical dh-weak-shared"), QStringLiteral("info starttls-ok")};
    QTest::newRow("an illegal value: the default")
        << tls + "O DHParameters=strong\n"
        << v << QStringList {QStringLiteral("low dh-builtin"), QStringLiteral("info starttls-ok")};
    QTest::newRow("unset before 8.15.2: 1024 bits made at start")
        << tls << QStringLiteral("8.15.1")
        << QStringList {QStringLiteral("high dh-weak"), QStringLiteral("info starttls-ok")};
    QTest::newRow("\"2\" before 8.14.8: illegal, so the old default")
        << tls + "O DHParameters=2\n"
        << QStringLiteral("8.14.7") << QStringList {QStringLiteral("high dh-weak"), QStringLiteral("info starttls-ok")};
    QTest::newRow("a missing file") << tls + "O DHParameters=/etc/mail/tls/none-such.pem\n"
                                    << v
                                    << QStringList {QStringLiteral("high dh-file-invalid"),
                                                    QStringLiteral("info starttls-ok")};
    QTest::newRow("RFC 7919 ffdhe3072") << tls + "O DHParameters=/etc/mail/tls/ffdhe3072.pem\n"
                                        << v
                                        << QStringList {QStringLiteral("info dh-ok"),
                                                        QStringLiteral("info starttls-ok")};
    QTest::newRow("no CA settings") << QByteArray("O ServerCertFile=/etc/mail/tls/sendmail-server.crt\n"
                                                  "O ServerKeyFile=/etc/mail/tls/sendmail-common.key\n")
                                    << v
                                    << QStringList {QStringLiteral("low dh-builtin"),
                                                    QStringLiteral("high no-ca-settings")};
    QTest::newRow("a certificate that is not there")
        << QByteArray("O ServerCertFile=/etc/mail/tls/gone.crt\nO ServerKeyFile=/etc/mail/tls/sendmail-common.key\n")
        << v << QStringList {QStringLiteral("low dh-builtin"), QStringLiteral("high certificate-missing")};
    QTest::newRow("a daemon without STARTTLS")
        << tls + "O DaemonPortOptions=Name=MTA, Port=smtp, M=S\n"
        << v
        << QStringList {QStringLiteral("low dh-builtin"), QStringLiteral("info starttls-ok"),
                        QStringLiteral("medium starttls-off-daemon")};
}

void TestSendmailInspection::settings()
{
    QFETCH(QByteArray, options);
    QFETCH(QString, version);
    QFETCH(QStringList, expected);
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY(writeFile(QStringLiteral("/etc/mail/tls/ffdhe3072.pem"),
                      DhParameters::rfc7919Pem(QStringLiteral("ffdhe3072"), &error)));
    SendmailInspectionResult r;
    r.configDirectory = QStringLiteral("/etc/mail");
    r.cfPath = QStringLiteral("/etc/mail/sendmail.cf");
    r.cf = options + "O LogLevel=9\n";
    r.version = version;
    for (const QString &part : version.split(QLatin1Char('.')))
        r.versionNumbers.append(part.toInt());
    r.compiledWith = QStringList {QStringLiteral("STARTTLS")};
    r.opensslLinked = 0x30000160;
    r.running = Running::Yes;
    // What an inspection looks at and reads after its commands, as the files are now.
    for (const QString &path : SendmailInspection::filesToLookAt(r))
        r.statuses.insert(path, ConfigFile::status(path));
    for (const QString &path : SendmailInspection::filesToRead(r))
        r.files.insert(path, ConfigFile::read(path));
    SendmailInspection::complete(r);
    QVERIFY(r.ok);
    QStringList got = codes(r.findings);
    // The version line and the logging line are the same in every row.
    QCOMPARE(got.takeFirst(), QStringLiteral("info sendmail-version"));
    QCOMPARE(got.takeLast(), QStringLiteral("info tls-log-ok"));
    QCOMPARE(got, expected);
}

void TestSendmailInspection::staleAndRefused()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    // The admin's edit, sendmail.cf not built since.
    QByteArray mc = readFile(QStringLiteral("/etc/mail/sendmail.mc"));
    mc.replace("MAILER_DEFINITIONS\n", "define(`confLOG_LEVEL', `8')dnl\nMAILER_DEFINITIONS\n");
    QVERIFY(writeFile(QStringLiteral("/etc/mail/sendmail.mc"), mc));
    SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.cfIsStale());
    QCOMPARE(r.logLevel, 9);
    QCOMPARE(r.builtOption(QStringLiteral("LogLevel")), QStringLiteral("8"));
    const ConfigFinding *stale = findingOf(r.findings, QStringLiteral("cf-stale"));
    QVERIFY(stale != nullptr);
    QCOMPARE(stale->evidence, QStringLiteral("O LogLevel=9; O LogLevel=8"));

    // A line Sendmail refuses.
    QByteArray cf = readFile(QStringLiteral("/etc/mail/sendmail.cf"));
    cf.replace("O LogLevel=9\n", "O LogLevel=9\nO NoSuchOption=1\n");
    QVERIFY(writeFile(QStringLiteral("/etc/mail/sendmail.cf"), cf));
    r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    const ConfigFinding *refused = findingOf(r.findings, QStringLiteral("cf-refused"));
    QVERIFY(refused != nullptr);
    QCOMPARE(refused->severity, Severity::High);
    QVERIFY2(refused->evidence.contains(QStringLiteral("/etc/mail/sendmail.cf: line ")), qPrintable(refused->evidence));
    QVERIFY2(refused->evidence.contains(QStringLiteral("readcf: unknown option name NoSuchOption")),
             qPrintable(refused->evidence));
}

void TestSendmailInspection::runningDaemon()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error, {{"Addr=127.0.0.1')dnl", "Addr=127.0.10.2')dnl"}}), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    QProcess::execute(QStringLiteral("/usr/sbin/sendmail-mta"),
                      {QStringLiteral("-Am"), QStringLiteral("-L"), QStringLiteral("sm-mta"), QStringLiteral("-bd"),
                       QStringLiteral("-q10m")});
    const qint64 pid = pidFromFile(QStringLiteral("/run/sendmail/mta/sendmail.pid"));
    QVERIFY(pid > 0);
    const SendmailInspectionResult r = inspect();
    // The daemon's PID file may change on its own: stop it whatever came out.
    const qint64 now = pidFromFile(QStringLiteral("/run/sendmail/mta/sendmail.pid"), 1000);
    stopProcess(pid);
    if (now != pid)
        stopProcess(now);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.running, Running::Yes);
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.10.2"));
    QCOMPARE(r.listenPort(), quint16(25));
    QCOMPARE(findingOf(r.findings, QStringLiteral("not-running")), nullptr);
}

void TestSendmailInspection::otherSendmailCommands()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());

    // Something else that calls itself sendmail.
    QVERIFY(writeFile(folder.filePath(QStringLiteral("sendmail")), "#!/bin/sh\necho 'hello from a stand-in'\n", 0755));
    SendmailInspection other(std::make_shared<LocalCommandHost>(), QString());
    other.setProgramFolders({folder.path()}, false);
    QSignalSpy done(&other, &SendmailInspection::finished);
    other.start();
    QVERIFY(done.wait(30000));
    QVERIFY(!other.result().ok);
    QCOMPARE(other.result().error,
             QStringLiteral("%1/sendmail did not answer as Sendmail does to -d0.14 -bt (no \"Version\" line; it said "
                            "\"hello from a stand-in\")")
                 .arg(folder.path()));

    // Postfix's sendmail command, which this machine has.
    const QString postfix = QStringLiteral("/usr/sbin/sendmail");
    if (!QFileInfo(postfix).isExecutable() || !QFile::exists(QStringLiteral("/usr/sbin/postconf")))
        QSKIP("Postfix is not installed: there is no sendmail command of Postfix's to refuse");
    QVERIFY(QFile::remove(folder.filePath(QStringLiteral("sendmail"))));
    QVERIFY(QFile::link(postfix, folder.filePath(QStringLiteral("sendmail"))));
    SendmailInspection refused(std::make_shared<LocalCommandHost>(), QString());
    refused.setProgramFolders({folder.path()}, false);
    QSignalSpy refusedDone(&refused, &SendmailInspection::finished);
    refused.start();
    QVERIFY(refusedDone.wait(30000));
    QVERIFY(!refused.result().ok);
    QCOMPARE(refused.result().error,
             QStringLiteral("%1/sendmail is Postfix's sendmail command, not Sendmail (it answered \"sendmail: "
                            "invalid option -- 'd'\"): inspect Postfix with --mta postfix, or point MailTLS at "
                            "Sendmail's own binary (sendmail-mta, /usr/libexec/sendmail/sendmail)")
                 .arg(folder.path()));
}

void TestSendmailInspection::failures()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QVERIFY(!r.ok);
    QCOMPARE(
        r.error,
        QStringLiteral("there is no sendmail.cf in /etc/mail: build it from sendmail.mc first (make -C /etc/mail)"));

    r = inspect(QStringLiteral("/etc/mail/none-such"));
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("there is no folder /etc/mail/none-such"));

    QTemporaryDir empty;
    SendmailInspection nothing(std::make_shared<LocalCommandHost>(), QString());
    nothing.setProgramFolders({empty.path()}, false);
    QSignalSpy done(&nothing, &SendmailInspection::finished);
    nothing.start();
    QVERIFY(done.wait(10000));
    QCOMPARE(nothing.result().error,
             QStringLiteral("neither sendmail-mta nor sendmail was found on this computer: is "
                            "Sendmail installed? (looked in %1)")
                 .arg(empty.path()));
}

void TestSendmailInspection::cancel()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspection inspection(std::make_shared<LocalCommandHost>(), QString());
    QSignalSpy done(&inspection, &SendmailInspection::finished);
    inspection.start();
    QVERIFY(inspection.isRunning());
    inspection.cancel();
    QCOMPARE(done.size(), 1);
    QVERIFY(!inspection.isRunning());
    QCOMPARE(inspection.result().error, QStringLiteral("The inspection was cancelled."));
    QTest::qWait(200);
    QCOMPARE(done.size(), 1);
}

void TestSendmailInspection::includes()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("tls/starttls.m4")),
                      "define(`confDH_PARAMETERS', `2')dnl\ninclude(`" + QFile::encodeName(dir.path())
                          + "/tls/nested.m4')dnl\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("tls/nested.m4")), "define(`confLOG_LEVEL', `9')dnl\n"));
    const QByteArray mc = "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl\n"
                          "include(`tls/starttls.m4')dnl\n"
                          "sinclude(`/etc/elsewhere.m4')dnl\n"
                          "include(`tls/missing.m4')dnl\n"
                          "include(`tls/starttls.m4')dnl\n";
    const QList<SendmailInspectionResult::IncludedFile> files = SendmailInspection::readIncludes(mc, dir.path());
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).path, dir.filePath(QStringLiteral("tls/starttls.m4")));
    QCOMPARE(files.at(1).path, dir.filePath(QStringLiteral("tls/nested.m4")));
    QCOMPARE(files.at(1).bytes, QByteArray("define(`confLOG_LEVEL', `9')dnl\n"));
}

void TestSendmailInspection::remoteDebian()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const QString tools = sendmailNamespaceRoot() + QStringLiteral("/remote-tools");
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::Runs));
    const QByteArray older = DhParameters::rfc7919Pem(QStringLiteral("ffdhe2048"), &error);
    QVERIFY(writeFile(QStringLiteral("/etc/mail/tls/dh_ffdhe4096.pem"), older));

    std::shared_ptr<remotetest::ShellHost> shell;
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Sendmail), &shell);
    const SendmailInspectionResult r = SendmailInspection::read(host, QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.remote);
    QCOMPARE(r.hostAddress, QStringLiteral("127.0.12.7"));
    QCOMPARE(r.sendmailProgram, QStringLiteral("/usr/sbin/sendmail-mta"));
    QCOMPARE(r.m4Program, QStringLiteral("/usr/bin/m4"));
    QCOMPARE(r.version, QStringLiteral("8.17.1.9"));
    QCOMPARE(r.mc, readFile(QStringLiteral("/etc/mail/sendmail.mc")));
    QCOMPARE(r.cf, readFile(QStringLiteral("/etc/mail/sendmail.cf")));
    QCOMPARE(r.includes.size(), 3);
    QCOMPARE(r.includes.at(2).path, QStringLiteral("/etc/mail/tls/starttls.m4"));
    QCOMPARE(r.includes.at(2).bytes, readFile(QStringLiteral("/etc/mail/tls/starttls.m4")));
    // m4 ran there and built what sendmail.cf holds.
    QVERIFY(r.built);
    QCOMPARE(r.buildErrors, QString());
    QVERIFY(!r.cfIsStale());
    QVERIFY(r.dh);
    QCOMPARE(r.dh->bits, 2048);
    QCOMPARE(r.dhNote,
             QStringLiteral("the group is an X9.42 DH PARAMETERS block, which Sendmail reads; Sendmail "
                            "skips the file's other blocks: DSA PARAMETERS"));
    QVERIFY(r.isFolder(QStringLiteral("/etc/mail/tls")));
    QVERIFY(r.status(QStringLiteral("/etc/mail/tls/sendmail-common.key"))->exists);
    QCOMPARE(r.running, Running::No);
    // Sendmail listens on 127.0.0.1 only there: out of reach from here.
    QCOMPARE(r.listenAddress(), QString());
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("info sendmail-version"), QStringLiteral("info not-running"),
                          QStringLiteral("low dh-2048"), QStringLiteral("info starttls-ok"),
                          QStringLiteral("info tls-log-ok")}));

    // The DH file in use and every file a Logjam plan may write, in /etc/mail/tls.
    QStringList expected {QStringLiteral("/etc/mail/tls/sendmail-common.prm")};
    expected += SendmailFixes::dhFilePaths(r);
    QCOMPARE(SendmailFixes::dhFilePaths(r).constFirst(), QStringLiteral("/etc/mail/tls/dh_ffdhe2048.pem"));
    QStringList read = r.files.keys();
    read.sort();
    expected.sort();
    QCOMPARE(read, expected);

    QStringList m4Runs;
    for (const QStringList &argv : *shell->commands) {
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
        if (argv.value(3) == QLatin1String("/usr/bin/m4"))
            m4Runs.append(argv.mid(3).join(QLatin1Char(' ')));
    }
    QCOMPARE(m4Runs, QStringList {QStringLiteral("/usr/bin/m4 -I /etc/mail /etc/mail/sendmail.mc")});

    // The plan builds the changed sendmail.mc with m4 there (on its standard
    // input), from what was read there, and builds what m4 builds here.
    QVERIFY(QFile::remove(QStringLiteral("/etc/mail/tls/dh_ffdhe4096.pem")));
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    choice.group = QStringLiteral("ffdhe4096");
    const std::optional<ChangePlan> plan = SendmailFixes::logjam(r, choice, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(shell->commands->constLast().mid(3),
             (QStringList {QStringLiteral("/usr/bin/m4"), QStringLiteral("-I"), QStringLiteral("/etc/mail")}));
    QCOMPARE(plan->edits.size(), 3);
    QCOMPARE(plan->edits.at(0).path, QStringLiteral("/etc/mail/tls/dh_ffdhe4096.pem"));
    QCOMPARE(plan->edits.at(0).before, std::optional<QByteArray>(older));
    const SendmailInspectionResult here = inspect();
    QVERIFY2(here.ok, qPrintable(here.error));
    const std::optional<ChangePlan> local = SendmailFixes::logjam(here, choice, &error);
    QVERIFY2(local, qPrintable(error));
    QCOMPARE(local->edits.size(), 3);
    QCOMPARE(plan->edits.at(1).path, local->edits.at(1).path);
    QCOMPARE(plan->edits.at(1).after, local->edits.at(1).after);
    QCOMPARE(plan->edits.at(2).path, QStringLiteral("/etc/mail/sendmail.cf"));
    QVERIFY(SendmailCf::sameBuild(*plan->edits.at(2).after, *local->edits.at(2).after));
    QCOMPARE(SendmailCf::option(*plan->edits.at(2).after, QByteArrayLiteral("DHParameters")),
             std::optional<QString>(QStringLiteral("/etc/mail/tls/dh_ffdhe4096.pem")));
}

void TestSendmailInspection::remoteRefused()
{
    QVERIFY(ServiceHost::supportsRemote(MailService::Kind::Sendmail));
    QCOMPARE(ServiceHost::remoteRefusal(MailService::Kind::Sendmail), QString());
    const QString tools = sendmailNamespaceRoot() + QStringLiteral("/refusing-tools");
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::AsksForPassword));
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Sendmail));
    const SendmailInspectionResult r = SendmailInspection::read(host, QString());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(QStringLiteral("sudo on mail@127.0.12.7:2222 refused to run the command without a "
                                               "password")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral(
                 "    mail ALL=(root) NOPASSWD: /usr/sbin/sendmail-mta, /usr/bin/m4, /usr/sbin/start-stop-daemon, "
                 "/usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm\n")),
             qPrintable(r.error));
}

void TestSendmailInspection::remoteListenAddress_data()
{
    QTest::addColumn<QByteArray>("cf");
    QTest::addColumn<QString>("hostAddress");
    QTest::addColumn<QString>("address");
    QTest::newRow("no daemon options: every address")
        << QByteArray() << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("every address") << QByteArray("O DaemonPortOptions=Name=MTA, Port=smtp, Addr=0.0.0.0\n")
                                   << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("the host's own address") << QByteArray("O DaemonPortOptions=Name=MTA, Port=smtp, Addr=127.0.12.7\n")
                                            << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("loopback only: out of reach")
        << QByteArray("O DaemonPortOptions=Family=inet, Name=MTA-v4, Port=smtp, Addr=127.0.0.1\n")
        << QStringLiteral("127.0.12.7") << QString();
    QTest::newRow("another address of the host")
        << QByteArray("O DaemonPortOptions=Name=MTA, Port=smtp, Addr=192.0.2.25\n") << QStringLiteral("198.51.100.7")
        << QStringLiteral("192.0.2.25");
    QTest::newRow("a host given by name: never looked up") << QByteArray() << QString() << QString();
}

void TestSendmailInspection::remoteListenAddress()
{
    QFETCH(QByteArray, cf);
    QFETCH(QString, hostAddress);
    QFETCH(QString, address);
    SendmailInspectionResult r;
    r.cf = cf;
    r.remote = true;
    r.hostAddress = hostAddress;
    QCOMPARE(r.listenAddress(), address);
}

int main(int argc, char *argv[])
{
    const int status = runInSendmailNamespace(argc, argv);
    if (status >= 0)
        return status;
    QCoreApplication app(argc, argv);
    TestSendmailInspection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sendmailinspection.moc"
