#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/eximfixes.h"
#include "models/mta/eximinspection.h"
#include "models/mta/eximservice.h"
#include "models/mta/mailserviceinspection.h"
#include "models/mta/servicehost.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"
#include "tests/models/tst_eximns.h"
#include "tests/models/tst_eximutil.h"

using namespace mailtls;
using namespace mailtls::testutil;
using fixplantest::oakley2Pem;
using fixplantest::readFile;
using fixplantest::writeFile;

namespace {

QStringList codes(const QList<ConfigFinding> &findings)
{
    QStringList result;
    for (const ConfigFinding &f : findings)
        result.append(f.code);
    return result;
}

const ConfigFinding *findingOf(const QList<ConfigFinding> &findings, const QString &code)
{
    for (const ConfigFinding &f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

QString layoutName(EximInspectionResult::Layout layout)
{
    switch (layout) {
    case EximInspectionResult::Layout::ConfigFile:
        return QStringLiteral("file");
    case EximInspectionResult::Layout::DebianTemplate:
        return QStringLiteral("template");
    case EximInspectionResult::Layout::DebianSplit:
        return QStringLiteral("split");
    }
    return QString();
}

QStringList sourcePaths(const EximInspectionResult &r)
{
    QStringList paths;
    for (const EximSources::File &file : r.sources)
        paths.append(file.exists ? file.path : file.path + QStringLiteral(" (missing)"));
    return paths;
}

int run(const QStringList &argv, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(argv.constFirst(), argv.mid(1));
    if (!process.waitForFinished(60000))
        return -1;
    if (output != nullptr)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// The Debian package's /etc/exim4, with an update-exim4.conf.conf of an
// Internet site listening on `address`.
void installDebianConfig(bool split, const QString &address)
{
    QDir(QStringLiteral("/etc/exim4")).removeRecursively();
    QVERIFY(QDir().mkpath(QStringLiteral("/etc/exim4")));
    QCOMPARE(run({QStringLiteral("cp"), QStringLiteral("-a"), eximRoot() + QStringLiteral("/etc/exim4/."),
                  QStringLiteral("/etc/exim4/")}),
             0);
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/update-exim4.conf.conf"),
                      "dc_eximconfig_configtype='internet'\n"
                      "dc_other_hostnames=''\n"
                      "dc_local_interfaces='"
                          + address.toLatin1()
                          + "'\n"
                            "dc_readhost=''\n"
                            "dc_relay_domains=''\n"
                            "dc_minimaldns='false'\n"
                            "dc_relay_nets=''\n"
                            "dc_smarthost=''\n"
                            "CFILEMODE='644'\n"
                            "dc_use_split_config='"
                          + QByteArray(split ? "true" : "false")
                          + "'\n"
                            "dc_hide_mailname=''\n"
                            "dc_mailname_in_oh='true'\n"
                            "dc_localdelivery='mail_spool'\n"));
}

} // namespace

class TestEximInspection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void configFile();
    void configFileRunning();
    void configRefused();
    void debianTemplate();
    void debianSplit();
    void debianStale();
    void handMadeExim4Conf();
    void remoteSplit();
    void remoteConfigFile();
    void remoteRefused();
    void remoteListenAddress_data();
    void remoteListenAddress();
    void notFound_data();
    void notFound();
    void serviceInspection();
    void servedDh_data();
    void servedDh();

private:
    QString writeConfig(const QString &name, const QByteArray &extra, const QString &address);
    qint64 startDaemon(const QString &config);

    QString m_root;
    QString m_pki;
    QList<qint64> m_daemons;
};

void TestEximInspection::initTestCase()
{
    if (!eximNamespaceUnavailable().isEmpty())
        QSKIP(qPrintable(eximNamespaceUnavailable()));
    m_root = eximNamespaceRoot();
    QVERIFY2(!m_root.isEmpty(), "not inside eximns.sh");
    QVERIFY(QFileInfo(QStringLiteral("/usr/sbin/exim4")).isExecutable());
    QVERIFY(::getpwnam("Debian-exim") != nullptr);

    m_pki = m_root + QStringLiteral("/pki");
    QVERIFY(QDir().mkpath(m_pki));
    QByteArray output;
    QCOMPARE(run({QStringLiteral("openssl"), QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                  QStringLiteral("-subj"), QStringLiteral("/CN=mx.exim.test"), QStringLiteral("-keyout"),
                  m_pki + QStringLiteral("/mx.key"), QStringLiteral("-out"), m_pki + QStringLiteral("/mx.crt")},
                 &output),
             0);
    // As Debian's README asks: root:Debian-exim, 0640.
    const group *eximGroup = ::getgrnam("Debian-exim");
    QVERIFY(eximGroup != nullptr);
    QCOMPARE(::chown(QFile::encodeName(m_pki + QStringLiteral("/mx.key")).constData(), 0, eximGroup->gr_gid), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_pki + QStringLiteral("/mx.key")).constData(), 0640), 0);
    QVERIFY(writeFile(m_pki + QStringLiteral("/oakley2.pem"), oakley2Pem()));
}

void TestEximInspection::init()
{
    if (m_root.isEmpty())
        return;
    // /etc/exim4 and /var/lib/exim4 are the test's own (eximns.sh).
    for (const QString &dir : {QStringLiteral("/etc/exim4"), QStringLiteral("/var/lib/exim4")}) {
        const QStringList entries = QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        for (const QString &entry : entries) {
            const QString path = dir + QLatin1Char('/') + entry;
            if (QFileInfo(path).isDir())
                QDir(path).removeRecursively();
            else
                QFile::remove(path);
        }
    }
}

void TestEximInspection::cleanup()
{
    for (const qint64 pid : std::as_const(m_daemons))
        stopProcess(pid);
    m_daemons.clear();
}

QString TestEximInspection::writeConfig(const QString &name, const QByteArray &extra, const QString &address)
{
    const QString dir = m_root + QLatin1Char('/') + name;
    QDir(dir).removeRecursively();
    QDir().mkpath(dir + QStringLiteral("/spool"));
    QDir().mkpath(dir + QStringLiteral("/log"));
    const passwd *exim = ::getpwnam("Debian-exim");
    for (const QString &sub : {QStringLiteral("/spool"), QStringLiteral("/log")})
        ::chown(QFile::encodeName(dir + sub).constData(), exim->pw_uid, exim->pw_gid);
    const QByteArray d = QFile::encodeName(dir);
    const QString path = dir + QStringLiteral("/exim.conf");
    writeFile(path,
              "# " + name.toUtf8()
                  + ": a configuration of its own\n"
                    "exim_path = /usr/sbin/exim4\n"
                    "keep_environment =\n"
                    "primary_hostname = mx.exim.test\n"
                    "spool_directory = "
                  + d + "/spool\nlog_file_path = " + d + "/log/%slog\npid_file_path = " + d
                  + "/exim.pid\n"
                    "daemon_smtp_ports = 25\n"
                    "local_interfaces = "
                  + address.toLatin1() + "\n" + extra + "\nbegin routers\n\nbegin transports\n");
    return path;
}

qint64 TestEximInspection::startDaemon(const QString &config)
{
    if (run({QStringLiteral("/usr/sbin/exim4"), QStringLiteral("-C"), config, QStringLiteral("-bd"),
             QStringLiteral("-q1h")})
        != 0)
        return 0;
    const qint64 pid = pidFromFile(QFileInfo(config).absolutePath() + QStringLiteral("/exim.pid"));
    if (pid > 0)
        m_daemons.append(pid);
    return pid;
}

void TestEximInspection::configFile()
{
    const QByteArray pki = QFile::encodeName(m_pki);
    const QString config
        = writeConfig(QStringLiteral("one"),
                      "tls_certificate = " + pki + "/mx.crt\ntls_privatekey = " + pki + "/mx.key\ntls_dhparam = " + pki
                          + "/oakley2.pem\nlog_selector = -tls_cipher\n",
                      QStringLiteral("127.0.9.2"));
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), config);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(layoutName(r.layout), QStringLiteral("file"));
    QCOMPARE(r.configFile, config);
    QCOMPARE(r.configDirectory, QFileInfo(config).absolutePath());
    QVERIFY(r.explicitConfig);
    QCOMPARE(sourcePaths(r), QStringList {config});
    QCOMPARE(r.sources.constFirst().bytes, readFile(config));
    QCOMPARE(r.eximProgram, QStringLiteral("/usr/sbin/exim4"));
    QCOMPARE(r.version, QStringLiteral("4.96"));
    QCOMPARE(r.versionMajor, 4);
    QCOMPARE(r.versionMinor, 96);
    QVERIFY(r.tlsLibrary == EximInspectionResult::TlsLibrary::GnuTls);
    QVERIFY2(QRegularExpression(QStringLiteral("^3\\.\\d+\\.\\d+$")).match(r.tlsLibraryVersion).hasMatch(),
             qPrintable(r.tlsLibraryVersion));
    QCOMPARE(r.versionText(), QStringLiteral("Exim 4.96 with GnuTLS %1").arg(r.tlsLibraryVersion));
    QVERIFY(r.gnutlsPicksGroup());

    // exim -bP: the values as Exim reads them, its defaults included.
    QCOMPARE(r.option(QStringLiteral("tls_dhparam")), m_pki + QStringLiteral("/oakley2.pem"));
    QCOMPARE(r.option(QStringLiteral("tls_advertise_hosts")), QStringLiteral("*"));
    QCOMPARE(r.option(QStringLiteral("tls_dh_max_bits")), QStringLiteral("2236"));
    QCOMPARE(r.option(QStringLiteral("log_selector")), QStringLiteral("-tls_cipher"));
    QCOMPARE(r.option(QStringLiteral("exim_user")), QStringLiteral("Debian-exim"));
    QCOMPARE(r.option(QStringLiteral("daemon_smtp_ports")), QStringLiteral("25"));
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.9.2"));
    QCOMPARE(r.listenPort(), quint16(25));

    QVERIFY(r.dh.has_value());
    QCOMPARE(r.dh->bits, 1024);
    const EximServedDh served = r.servedDh();
    QVERIFY(served.kind == EximServedDh::Kind::Group);
    QCOMPARE(served.name, QStringLiteral("ffdhe2048"));
    QCOMPARE(served.prime, EximInspectionResult::rfc7919Prime(2048));

    // Nothing runs: start-stop-daemon says so about the PID file.
    const QString startStop = QStandardPaths::findExecutable(QStringLiteral("start-stop-daemon"),
                                                             {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    const QString pidFile = QFileInfo(config).absolutePath() + QStringLiteral("/exim.pid");
    QCOMPARE(r.statusCommand,
             QStringList({startStop, QStringLiteral("--status"), QStringLiteral("--pidfile"), pidFile,
                          QStringLiteral("--exec"), QStringLiteral("/usr/sbin/exim4")}));
    QCOMPARE(r.reloadCommand,
             QStringList({startStop, QStringLiteral("--stop"), QStringLiteral("--signal"), QStringLiteral("HUP"),
                          QStringLiteral("--quiet"), QStringLiteral("--pidfile"), pidFile, QStringLiteral("--exec"),
                          QStringLiteral("/usr/sbin/exim4")}));
    QCOMPARE(
        r.validateCommands,
        QList<QStringList>({{QStringLiteral("/usr/sbin/exim4"), QStringLiteral("-C"), config, QStringLiteral("-bV")}}));
    QVERIFY(r.running == EximInspectionResult::Running::No);

    QCOMPARE(r.trustedConfigList, QStringLiteral("/etc/exim4/trusted_configs"));
    QCOMPARE(r.configTrusted, std::optional<bool>(false));
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("not-running"),
                          QStringLiteral("config-not-trusted"), QStringLiteral("dh-file-unused"),
                          QStringLiteral("dh-2048"), QStringLiteral("starttls-ok"), QStringLiteral("tls-log-off")}));
    QCOMPARE(findingOf(r.findings, QStringLiteral("config-not-trusted"))->advice,
             QStringLiteral("A daemon started with -C re-reads its file on a reload (SIGHUP) as root only when "
                            "/etc/exim4/trusted_configs lists it; otherwise it can no longer listen on port 25. Add "
                            "the line %1 to /etc/exim4/trusted_configs (owned by root, writable by nobody else).")
                 .arg(config));
    const ConfigFinding *unused = findingOf(r.findings, QStringLiteral("dh-file-unused"));
    QCOMPARE(unused->title, QStringLiteral("tls_dhparam names a 1024-bit group, which this Exim never offers"));
    QCOMPARE(unused->fix, QStringLiteral("logjam"));
    const ConfigFinding *dh = findingOf(r.findings, QStringLiteral("dh-2048"));
    QCOMPARE(dh->title,
             QStringLiteral("Diffie-Hellman group of 2048 bits (ffdhe2048): internet.nl rates it \"phase out\""));
    QVERIFY(
        dh->advice.startsWith(QStringLiteral("Set tls_dhparam = ffdhe3072 (mailtls fix logjam --group ffdhe3072).")));
    QCOMPARE(findingOf(r.findings, QStringLiteral("tls-log-off"))->advice,
             QStringLiteral("Add +tls_cipher +tls_peerdn to log_selector (mailtls fix tls-logging): the X= field of "
                            "every <= and => line is what tells encrypted from plaintext mail."));
}

void TestEximInspection::configFileRunning()
{
    const QByteArray pki = QFile::encodeName(m_pki);
    const QString config = writeConfig(QStringLiteral("running"),
                                       "tls_certificate = " + pki + "/mx.crt\ntls_privatekey = " + pki + "/mx.key\n",
                                       QStringLiteral("127.0.9.3.2525"));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/trusted_configs"), config.toUtf8() + '\n'));
    QVERIFY(startDaemon(config) > 0);
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), config);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.running == EximInspectionResult::Running::Yes);
    QCOMPARE(r.configTrusted, std::optional<bool>(true));
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.9.3"));
    QCOMPARE(r.listenPort(), quint16(2525));
    QVERIFY(listening(QStringLiteral("127.0.9.3"), 2525));
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("dh-2048"), QStringLiteral("starttls-ok"),
                          QStringLiteral("tls-log-partial")}));
    QCOMPARE(r.servedDh().name, QStringLiteral("ffdhe2048"));
}

void TestEximInspection::configRefused()
{
    const QString config = writeConfig(QStringLiteral("refused"), "tls_dhparam = ffdhe3072\nbogus_option = 1\n",
                                       QStringLiteral("127.0.9.2"));
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), config);
    QVERIFY(!r.ok);
    QCOMPARE(r.error,
             QStringLiteral("Exim refuses its configuration: Exim configuration error in line 11 of %1: main "
                            "option \"bogus_option\" unknown")
                 .arg(config));
}

void TestEximInspection::debianTemplate()
{
    installDebianConfig(false, QStringLiteral("127.0.9.2"));
    QByteArray output;
    QCOMPARE(run({QStringLiteral("update-exim4.conf")}, &output), 0);
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(layoutName(r.layout), QStringLiteral("template"));
    QCOMPARE(r.configDirectory, QStringLiteral("/etc/exim4"));
    QCOMPARE(r.configFile, QStringLiteral("/var/lib/exim4/config.autogenerated"));
    QVERIFY(!r.explicitConfig);
    QCOMPARE(sourcePaths(r),
             QStringList({QStringLiteral("/etc/exim4/exim4.conf.localmacros (missing)"),
                          QStringLiteral("/etc/exim4/exim4.conf.template")}));
    QCOMPARE(r.localFile, 0);
    QCOMPARE(r.sources.at(1).bytes, eximPackageFile(QStringLiteral("etc/exim4/exim4.conf.template")));
    QCOMPARE(r.updateProgram, QStringLiteral("/usr/sbin/update-exim4.conf"));
    QCOMPARE(r.validateCommands,
             QList<QStringList>({{QStringLiteral("/usr/sbin/update-exim4.conf"), QStringLiteral("--check")}}));
    QCOMPARE(r.statusCommand, QStringList({QStringLiteral("/etc/init.d/exim4"), QStringLiteral("status")}));
    QCOMPARE(r.reloadCommand, QStringList({QStringLiteral("/etc/init.d/exim4"), QStringLiteral("reload")}));
    QVERIFY(r.running == EximInspectionResult::Running::No);
    QVERIFY(r.staleSource.isEmpty());

    // Debian's defaults: STARTTLS with a self-signed certificate, tls_cipher
    // and Debian's MAIN_LOG_SELECTOR logged, GnuTLS's ffdhe2048.
    QCOMPARE(r.option(QStringLiteral("tls_advertise_hosts")), QStringLiteral("*"));
    QCOMPARE(r.option(QStringLiteral("tls_certificate")), QString());
    QCOMPARE(r.option(QStringLiteral("log_selector")),
             QStringLiteral("+smtp_protocol_error +smtp_syntax_error +tls_certificate_verified +tls_peerdn"));
    QCOMPARE(r.option(QStringLiteral("pid_file_path")), QStringLiteral("/run/exim4/exim.pid"));
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.9.2"));
    QCOMPARE(r.listenPort(), quint16(25));
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("not-running"), QStringLiteral("dh-2048"),
                          QStringLiteral("selfsigned-certificate"), QStringLiteral("tls-log-ok")}));
    QCOMPARE(findingOf(r.findings, QStringLiteral("selfsigned-certificate"))->advice,
             QStringLiteral("Senders that check certificates (DANE, MTA-STS) refuse it. Give Exim a certificate and "
                            "its key (mailtls fix starttls --cert FILE --key FILE). On Debian that sets "
                            "MAIN_TLS_ENABLE, MAIN_TLS_CERTIFICATE and MAIN_TLS_PRIVATEKEY in "
                            "/etc/exim4/exim4.conf.localmacros, as README.Debian recommends."));
    QCOMPARE(findingOf(r.findings, QStringLiteral("exim-version"))->evidence,
             QStringLiteral("Exim reads Debian's non-split configuration (exim4.conf.localmacros and "
                            "exim4.conf.template), which update-exim4.conf turns into "
                            "/var/lib/exim4/config.autogenerated"));
}

void TestEximInspection::debianSplit()
{
    installDebianConfig(true, QStringLiteral("127.0.9.2"));
    QCOMPARE(run({QStringLiteral("update-exim4.conf")}), 0);
    const EximInspectionResult r
        = EximInspection::read(std::make_shared<LocalCommandHost>(), QStringLiteral("/etc/exim4"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(layoutName(r.layout), QStringLiteral("split"));
    QCOMPARE(sourcePaths(r),
             QStringList({QStringLiteral("/etc/exim4/conf.d/main/000_localmacros (missing)"),
                          QStringLiteral("/etc/exim4/conf.d/main/01_exim4-config_listmacrosdefs"),
                          QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options"),
                          QStringLiteral("/etc/exim4/conf.d/main/03_exim4-config_tlsoptions"),
                          QStringLiteral("/etc/exim4/conf.d/main/90_exim4-config_log_selector")}));
    QCOMPARE(r.localFile, 0);
    QCOMPARE(r.option(QStringLiteral("log_selector")),
             QStringLiteral("+smtp_protocol_error +smtp_syntax_error +tls_certificate_verified +tls_peerdn"));

    // run-parts: NAME.rul replaces NAME; names with a dot are not read.
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options.rul"), "# replaced\n"));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/50_mine.dpkg-old"), "# ignored\n"));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/000_localmacros"), "MAIN_TLS_ENABLE = yes\n"));
    const EximInspectionResult again
        = EximInspection::read(std::make_shared<LocalCommandHost>(), QStringLiteral("/etc/exim4"));
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(sourcePaths(again),
             QStringList({QStringLiteral("/etc/exim4/conf.d/main/000_localmacros"),
                          QStringLiteral("/etc/exim4/conf.d/main/01_exim4-config_listmacrosdefs"),
                          QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options.rul"),
                          QStringLiteral("/etc/exim4/conf.d/main/03_exim4-config_tlsoptions"),
                          QStringLiteral("/etc/exim4/conf.d/main/90_exim4-config_log_selector")}));
}

void TestEximInspection::debianStale()
{
    installDebianConfig(false, QStringLiteral("127.0.9.2"));
    QCOMPARE(run({QStringLiteral("update-exim4.conf")}), 0);
    // A local macros file written after update-exim4.conf ran.
    QFile generated(QStringLiteral("/var/lib/exim4/config.autogenerated"));
    QVERIFY(generated.open(QIODevice::ReadWrite));
    QVERIFY(generated.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime));
    generated.close();
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/exim4.conf.localmacros"), "MAIN_TLS_ENABLE = yes\n"));
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.staleSource, QStringLiteral("/etc/exim4/exim4.conf.localmacros"));
    const ConfigFinding *stale = findingOf(r.findings, QStringLiteral("generated-stale"));
    QVERIFY(stale != nullptr);
    QCOMPARE(stale->title,
             QStringLiteral("/etc/exim4/exim4.conf.localmacros changed after update-exim4.conf last ran"));
}

void TestEximInspection::handMadeExim4Conf()
{
    // README.Debian 2.1.6.1: /etc/exim4/exim4.conf overrides Debian's magic.
    QVERIFY(QDir().mkpath(QStringLiteral("/etc/exim4")));
    const QString config = writeConfig(QStringLiteral("handmade"), "tls_dhparam = none\n", QStringLiteral("127.0.9.2"));
    QVERIFY(QFile::copy(config, QStringLiteral("/etc/exim4/exim4.conf")));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/update-exim4.conf.conf"), "dc_use_split_config='false'\n"));
    const EximInspectionResult r = EximInspection::read(std::make_shared<LocalCommandHost>(), QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(layoutName(r.layout), QStringLiteral("file"));
    QCOMPARE(r.configFile, QStringLiteral("/etc/exim4/exim4.conf"));
    QVERIFY(!r.explicitConfig);
    QCOMPARE(r.validateCommands,
             QList<QStringList>({{QStringLiteral("/usr/sbin/exim4"), QStringLiteral("-C"),
                                  QStringLiteral("/etc/exim4/exim4.conf"), QStringLiteral("-bV")}}));
    // Debian's init script serves it too.
    QCOMPARE(r.reloadCommand, QStringList({QStringLiteral("/etc/init.d/exim4"), QStringLiteral("reload")}));
    QVERIFY(r.servedDh().kind == EximServedDh::Kind::None);
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("not-running"), QStringLiteral("dhe-off"),
                          QStringLiteral("selfsigned-certificate"), QStringLiteral("tls-log-partial")}));
}

void TestEximInspection::remoteSplit()
{
    installDebianConfig(true, QStringLiteral("127.0.12.7"));
    QCOMPARE(run({QStringLiteral("update-exim4.conf")}), 0);
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options.rul"),
                      readFile(QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options"))));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/50_mine.dpkg-old"), "# ignored\n"));
    const QString tools = m_root + QStringLiteral("/remote-tools");
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::Runs));
    const QByteArray older = fixplantest::ownGroupPem(2048);
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/dh_ffdhe3072.pem"), older));

    std::shared_ptr<remotetest::ShellHost> shell;
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Exim), &shell);
    const EximInspectionResult r = EximInspection::read(host, QString());
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.remote);
    QCOMPARE(r.hostAddress, QStringLiteral("127.0.12.7"));
    QCOMPARE(layoutName(r.layout), QStringLiteral("split"));
    // conf.d/main as run-parts reads it, listed there.
    QCOMPARE(sourcePaths(r),
             QStringList({QStringLiteral("/etc/exim4/conf.d/main/000_localmacros (missing)"),
                          QStringLiteral("/etc/exim4/conf.d/main/01_exim4-config_listmacrosdefs"),
                          QStringLiteral("/etc/exim4/conf.d/main/02_exim4-config_options.rul"),
                          QStringLiteral("/etc/exim4/conf.d/main/03_exim4-config_tlsoptions"),
                          QStringLiteral("/etc/exim4/conf.d/main/90_exim4-config_log_selector")}));
    QCOMPARE(r.sources.at(3).bytes, readFile(QStringLiteral("/etc/exim4/conf.d/main/03_exim4-config_tlsoptions")));
    QCOMPARE(r.eximProgram, QStringLiteral("/usr/sbin/exim4"));
    QCOMPARE(r.updateProgram, QStringLiteral("/usr/sbin/update-exim4.conf"));
    QCOMPARE(r.validateCommands,
             QList<QStringList>({{QStringLiteral("/usr/sbin/update-exim4.conf"), QStringLiteral("--check")}}));
    QCOMPARE(r.statusCommand, QStringList({QStringLiteral("/etc/init.d/exim4"), QStringLiteral("status")}));
    QCOMPARE(r.version, QStringLiteral("4.96"));
    QVERIFY(r.running == EximInspectionResult::Running::No);
    QCOMPARE(r.modified.size(), 5);
    QVERIFY(r.staleSource.isEmpty());
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.12.7"));
    QCOMPARE(codes(r.findings),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("not-running"), QStringLiteral("dh-2048"),
                          QStringLiteral("selfsigned-certificate"), QStringLiteral("tls-log-ok")}));

    // Every file a Logjam plan may write, read there.
    QStringList expected = EximFixes::dhFilePaths(r);
    QStringList read = r.files.keys();
    read.sort();
    expected.sort();
    QCOMPARE(read, expected);
    QCOMPARE(r.files.value(QStringLiteral("/etc/exim4/dh_ffdhe3072.pem")).bytes, older);

    QStringList programs;
    for (const QStringList &argv : *shell->commands) {
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
        programs.append(QFileInfo(argv.value(3)).fileName());
    }
    QVERIFY2(programs.contains(QStringLiteral("find")), qPrintable(programs.join(QLatin1Char(' '))));
    QVERIFY2(programs.contains(QStringLiteral("exim4")), qPrintable(programs.join(QLatin1Char(' '))));

    // The plan comes from what was read there, not from this computer's files.
    QVERIFY(QFile::remove(QStringLiteral("/etc/exim4/dh_ffdhe3072.pem")));
    QVERIFY(writeFile(QStringLiteral("/etc/exim4/conf.d/main/000_localmacros"), "# written afterwards\n"));
    QString error;
    DhChoice choice;
    choice.kind = DhChoice::Kind::Rfc7919;
    choice.group = QStringLiteral("ffdhe3072");
    const std::optional<ChangePlan> plan = EximFixes::logjam(r, choice, &error);
    QVERIFY2(plan, qPrintable(error));
    // GnuTLS: Exim's own name for the group, in the local macros file as read there (missing).
    QCOMPARE(plan->edits.size(), 1);
    QCOMPARE(plan->edits.at(0).path, QStringLiteral("/etc/exim4/conf.d/main/000_localmacros"));
    QVERIFY(plan->edits.at(0).createsFile());
}

void TestEximInspection::remoteConfigFile()
{
    const QByteArray pki = QFile::encodeName(m_pki);
    const QString config = writeConfig(QStringLiteral("remote"),
                                       "tls_certificate = " + pki + "/mx.crt\ntls_privatekey = " + pki
                                           + "/mx.key\ntls_dhparam = " + pki + "/oakley2.pem\n",
                                       QStringLiteral("0.0.0.0"));
    const QString tools = m_root + QStringLiteral("/remote-tools");
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::Runs));
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Exim));
    const EximInspectionResult r = EximInspection::read(host, config);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(layoutName(r.layout), QStringLiteral("file"));
    QCOMPARE(r.configFile, config);
    QVERIFY(r.explicitConfig);
    QCOMPARE(r.sources.constFirst().bytes, readFile(config));
    QVERIFY(r.dh);
    QCOMPARE(r.dh->verdict, DhFileInfo::Verdict::WeakShared);
    QCOMPARE(r.files.value(m_pki + QStringLiteral("/oakley2.pem")).bytes, oakley2Pem());
    // The certificate and key were looked at, never read.
    QVERIFY(r.statuses.value(m_pki + QStringLiteral("/mx.key")).exists);
    QCOMPARE(r.statuses.value(m_pki + QStringLiteral("/mx.key")).mode, 0640);
    QVERIFY(!r.files.contains(m_pki + QStringLiteral("/mx.key")));
    QVERIFY(!codes(r.findings).contains(QStringLiteral("certificate-missing")));
    // Exim listens on every address there: the re-probe goes to the SSH host's.
    QCOMPARE(r.listenAddress(), QStringLiteral("127.0.12.7"));
}

void TestEximInspection::remoteRefused()
{
    QVERIFY(ServiceHost::supportsRemote(MailService::Kind::Exim));
    QCOMPARE(ServiceHost::remoteRefusal(MailService::Kind::Exim), QString());
    const QString tools = m_root + QStringLiteral("/refusing-tools");
    QVERIFY(QDir().mkpath(tools));
    QVERIFY(remotetest::writeSudo(tools, remotetest::Sudo::AsksForPassword));
    const auto host = remotetest::sudoHost(tools, ServiceHost::sudoPrograms(MailService::Kind::Exim));
    const EximInspectionResult r = EximInspection::read(host, QString());
    QVERIFY(!r.ok);
    QVERIFY2(r.error.startsWith(QStringLiteral("sudo on mail@127.0.12.7:2222 refused to run the command without a "
                                               "password")),
             qPrintable(r.error));
    QVERIFY2(r.error.contains(QStringLiteral(
                 "    mail ALL=(root) NOPASSWD: /usr/sbin/exim4, /usr/sbin/update-exim4.conf, /usr/bin/systemctl, "
                 "/etc/init.d/exim4, /usr/sbin/start-stop-daemon, /usr/bin/find, /usr/bin/stat, /usr/bin/test, "
                 "/usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm\n")),
             qPrintable(r.error));
}

void TestEximInspection::remoteListenAddress_data()
{
    QTest::addColumn<QString>("interfaces");
    QTest::addColumn<QString>("hostAddress");
    QTest::addColumn<QString>("address");
    QTest::newRow("unset: every interface")
        << QString() << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("every interface") << QStringLiteral("0.0.0.0") << QStringLiteral("127.0.12.7")
                                     << QStringLiteral("127.0.12.7");
    QTest::newRow("the host's own address")
        << QStringLiteral("127.0.0.1 : 127.0.12.7") << QStringLiteral("127.0.12.7") << QStringLiteral("127.0.12.7");
    QTest::newRow("loopback only: out of reach")
        << QStringLiteral("<; 127.0.0.1 ; ::1") << QStringLiteral("127.0.12.7") << QString();
    QTest::newRow("another address of the host")
        << QStringLiteral("127.0.0.1 : 192.0.2.25") << QStringLiteral("198.51.100.7") << QStringLiteral("192.0.2.25");
    QTest::newRow("a host given by name: never looked up") << QStringLiteral("0.0.0.0") << QString() << QString();
}

void TestEximInspection::remoteListenAddress()
{
    QFETCH(QString, interfaces);
    QFETCH(QString, hostAddress);
    QFETCH(QString, address);
    EximInspectionResult r;
    if (!interfaces.isEmpty())
        r.options.insert(QStringLiteral("local_interfaces"), interfaces);
    r.remote = true;
    r.hostAddress = hostAddress;
    QCOMPARE(r.listenAddress(), address);
}

void TestEximInspection::notFound_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("error");

    QTest::newRow("no folder") << QString() << QStringLiteral("/nonexistent/exim")
                               << QStringLiteral("there is no folder or file /nonexistent/exim");
    QTest::newRow("empty folder") << QStringLiteral("empty") << QStringLiteral("ROOT/empty")
                                  << QStringLiteral("there is no Exim configuration in ROOT/empty (no exim4.conf or "
                                                    "exim.conf, and no Debian update-exim4.conf.conf)");
    QTest::newRow("debian elsewhere") << QStringLiteral("debian") << QStringLiteral("ROOT/debian")
                                      << QStringLiteral("ROOT/debian is laid out like Debian's /etc/exim4, but "
                                                        "update-exim4.conf reads /etc/exim4 only");
    QTest::newRow("no exim") << QStringLiteral("noexim") << QStringLiteral("ROOT/noexim/exim.conf")
                             << QStringLiteral("neither exim4 nor exim was found on this computer: is Exim installed?");
}

void TestEximInspection::notFound()
{
    QFETCH(QString, setup);
    QFETCH(QString, directory);
    QFETCH(QString, error);
    directory.replace(QLatin1String("ROOT"), m_root);
    error.replace(QLatin1String("ROOT"), m_root);
    if (!setup.isEmpty()) {
        QDir(m_root + QLatin1Char('/') + setup).removeRecursively();
        QVERIFY(QDir().mkpath(m_root + QLatin1Char('/') + setup));
    }
    if (setup == QLatin1String("debian"))
        QVERIFY(writeFile(m_root + QStringLiteral("/debian/update-exim4.conf.conf"), "dc_use_split_config='true'\n"));
    if (setup == QLatin1String("noexim"))
        QVERIFY(writeFile(m_root + QStringLiteral("/noexim/exim.conf"), "begin routers\n"));
    EximInspection inspection(std::make_shared<LocalCommandHost>(), directory);
    if (setup == QLatin1String("noexim"))
        inspection.setProgramFolders({}, false);
    QSignalSpy finished(&inspection, &EximInspection::finished);
    inspection.start();
    // Never from inside start(): the caller connects first.
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(10000));
    QVERIFY(!inspection.result().ok);
    QCOMPARE(inspection.result().error, error);
}

void TestEximInspection::serviceInspection()
{
    const QString config
        = writeConfig(QStringLiteral("service"), "tls_dhparam = ffdhe3072\n", QStringLiteral("127.0.9.2"));
    std::unique_ptr<MailServiceInspection> inspection
        = MailServiceInspection::create(MailService::Kind::Exim, std::make_shared<LocalCommandHost>(), config);
    QVERIFY(inspection != nullptr);
    inspection->runToEnd();
    QVERIFY2(inspection->service() != nullptr, qPrintable(inspection->errorString()));
    const std::shared_ptr<const MailService> service = inspection->service();
    QVERIFY(service->kind() == MailService::Kind::Exim);
    QVERIFY(service->versionText().startsWith(QStringLiteral("Exim 4.96 with GnuTLS 3.")));
    QCOMPARE(service->configDirectory(), QFileInfo(config).absolutePath());
    QVERIFY(service->running() == MailService::Running::No);
    QVERIFY(service->offers(MailService::Fix::Logjam));
    QVERIFY(service->autoDhAvailable());
    QCOMPARE(service->autoDhUnavailableReason(), QString());
    QVERIFY(!service->hasServerCertificate());
    QCOMPARE(service->listenAddress(), QStringLiteral("127.0.9.2"));
    QCOMPARE(service->probePort(), quint16(25));
    QCOMPARE(codes(service->findings()),
             QStringList({QStringLiteral("exim-version"), QStringLiteral("not-running"),
                          QStringLiteral("config-not-trusted"), QStringLiteral("dh-ok"),
                          QStringLiteral("selfsigned-certificate"), QStringLiteral("tls-log-partial")}));
    QString error;
    const std::optional<ChangePlan> plan
        = service->plan(MailService::Fix::Logjam, DhChoice(), QString(), QString(), &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(plan->isEmpty());
}

void TestEximInspection::servedDh_data()
{
    QTest::addColumn<QString>("library"); // "gnutls 3.7.9", "gnutls 3.5.19", "openssl"
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("dhparam");
    QTest::addColumn<QString>("maxBits");
    QTest::addColumn<QString>("served"); // "none", "broken", "NAME BITS"

    const QString gnutls = QStringLiteral("gnutls 3.7.9");
    const QString openssl = QStringLiteral("openssl");
    QTest::newRow("gnutls unset") << gnutls << QStringLiteral("4.96") << QString() << QString()
                                  << QStringLiteral("ffdhe2048 2048");
    QTest::newRow("gnutls 1024 file") << gnutls << QStringLiteral("4.96") << QStringLiteral("FILE1024") << QString()
                                      << QStringLiteral("ffdhe2048 2048");
    QTest::newRow("gnutls ffdhe3072") << gnutls << QStringLiteral("4.96") << QStringLiteral("ffdhe3072") << QString()
                                      << QStringLiteral("ffdhe3072 3072");
    QTest::newRow("gnutls ffdhe4096") << gnutls << QStringLiteral("4.96") << QStringLiteral("ffdhe4096") << QString()
                                      << QStringLiteral("ffdhe3072 3072");
    QTest::newRow("gnutls ffdhe8192") << gnutls << QStringLiteral("4.96") << QStringLiteral("ffdhe8192") << QString()
                                      << QStringLiteral("ffdhe8192 8192");
    QTest::newRow("gnutls ike2") << gnutls << QStringLiteral("4.96") << QStringLiteral("ike2") << QString()
                                 << QStringLiteral("ffdhe2048 2048");
    QTest::newRow("gnutls none") << gnutls << QStringLiteral("4.96") << QStringLiteral("none") << QString()
                                 << QStringLiteral("none");
    QTest::newRow("gnutls unknown name") << gnutls << QStringLiteral("4.96") << QStringLiteral("ffdhe1234") << QString()
                                         << QStringLiteral("broken");
    QTest::newRow("old gnutls 1024 file")
        << QStringLiteral("gnutls 3.5.19") << QStringLiteral("4.92") << QStringLiteral("FILE1024") << QString()
        << QStringLiteral("RFC 2409 Oakley group 2 1024");
    QTest::newRow("openssl unset") << openssl << QStringLiteral("4.96") << QString() << QString()
                                   << QStringLiteral("Exim's own 2048-bit group exim.dev.20160529.3 2048");
    QTest::newRow("openssl unset, old") << openssl << QStringLiteral("4.87") << QString() << QString()
                                        << QStringLiteral("RFC 5114's 2048-bit group ike23 2048");
    QTest::newRow("openssl 1024 file") << openssl << QStringLiteral("4.96") << QStringLiteral("FILE1024") << QString()
                                       << QStringLiteral("RFC 2409 Oakley group 2 1024");
    QTest::newRow("openssl ffdhe3072 skipped")
        << openssl << QStringLiteral("4.96") << QStringLiteral("ffdhe3072") << QString() << QStringLiteral("none");
    QTest::newRow("openssl ffdhe3072 raised") << openssl << QStringLiteral("4.96") << QStringLiteral("ffdhe3072")
                                              << QStringLiteral("3072") << QStringLiteral("ffdhe3072 3072");
    QTest::newRow("openssl missing file") << openssl << QStringLiteral("4.96") << QStringLiteral("/nonexistent.pem")
                                          << QString() << QStringLiteral("broken");
    QTest::newRow("gnutls missing file") << gnutls << QStringLiteral("4.96") << QStringLiteral("/nonexistent.pem")
                                         << QString() << QStringLiteral("ffdhe2048 2048");
    QTest::newRow("no tls") << QStringLiteral("none") << QStringLiteral("4.96") << QString() << QString()
                            << QStringLiteral("none");
}

void TestEximInspection::servedDh()
{
    QFETCH(QString, library);
    QFETCH(QString, version);
    QFETCH(QString, dhparam);
    QFETCH(QString, maxBits);
    QFETCH(QString, served);

    EximInspectionResult r;
    r.version = version;
    r.versionMajor = version.section(QLatin1Char('.'), 0, 0).toInt();
    r.versionMinor = version.section(QLatin1Char('.'), 1, 1).toInt();
    r.tlsLibrary = library.startsWith(QLatin1String("gnutls")) ? EximInspectionResult::TlsLibrary::GnuTls
        : library == QLatin1String("openssl")                  ? EximInspectionResult::TlsLibrary::OpenSsl
                                                               : EximInspectionResult::TlsLibrary::None;
    r.tlsLibraryVersion = library.section(QLatin1Char(' '), 1);
    dhparam.replace(QLatin1String("FILE1024"), m_pki + QStringLiteral("/oakley2.pem"));
    r.options.insert(QStringLiteral("tls_dhparam"), dhparam);
    if (!maxBits.isEmpty())
        r.options.insert(QStringLiteral("tls_dh_max_bits"), maxBits);
    readAhead(r);
    EximInspection::complete(r);
    const EximServedDh result = r.servedDh();
    const QString actual = result.kind == EximServedDh::Kind::None ? QStringLiteral("none")
        : result.kind == EximServedDh::Kind::Broken                ? QStringLiteral("broken")
                                                    : QStringLiteral("%1 %2").arg(result.name).arg(result.bits);
    QCOMPARE(actual, served);
    if (result.name.startsWith(QLatin1String("ffdhe")))
        QCOMPARE(result.prime, EximInspectionResult::rfc7919Prime(result.bits));
}

int main(int argc, char *argv[])
{
    const int status = runInEximNamespace(argc, argv);
    if (status >= 0)
        return status;
    QCoreApplication app(argc, argv);
    TestEximInspection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_eximinspection.moc"
