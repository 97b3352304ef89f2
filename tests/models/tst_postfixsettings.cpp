#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/postfixmaincf.h"
#include "models/mta/postfixsettings.h"
#include "models/sources/localcommandhost.h"
#include "models/sources/sshcommandhost.h"

using namespace mailtls;

namespace {

using Source = PostfixParameter::Source;

QString findPostconf()
{
    QString program = QStandardPaths::findExecutable(QStringLiteral("postconf"));
    if (program.isEmpty())
        program = QStandardPaths::findExecutable(QStringLiteral("postconf"),
                                                 {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    return program;
}

QByteArray run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(30000);
    return process.readAllStandardOutput().trimmed();
}

bool writeFile(const QString &path, const QByteArray &bytes, bool executable = false)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.flush();
    // Postfix waits for a main.cf changed within the last second to settle.
    file.setFileTime(QDateTime::currentDateTime().addSecs(-60), QFileDevice::FileModificationTime);
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return true;
}

// A host that is "remote" in the ways that matter here: the command goes
// through a POSIX shell as one quoted string (as over ssh), with a PATH
// without the sbin folders, so a bare "postconf" is not found (status 127).
class ShellHost final : public CommandHost
{
public:
    void prepare(QProcess &process, const QStringList &argv) const override
    {
        QStringList quoted;
        for (const QString &word : argv)
            quoted.append(SshCommandHost::quoteForShell(word));
        process.setProgram(QStringLiteral("/bin/sh"));
        process.setArguments({QStringLiteral("-c"), quoted.join(QLatin1Char(' '))});
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        process.setProcessEnvironment(environment);
    }
    QString diagnose(int, const QByteArray &) const override { return QString(); }
    bool needsUser(int, const QByteArray &) const override { return false; }
    bool isLocal() const override { return false; }
    QString displayName() const override { return QStringLiteral("shell.test"); }
};

} // namespace

class TestPostfixSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parameters_data();
    void parameters();
    void versionsAndWarnings();
    void agreesWithMainCf();
    void runsWithoutBlocking();
    void remoteHostTriesSbin();
    void readsMainCfWithoutPostconf();
    void failures_data();
    void failures();
    void cancel();

private:
    bool m_ready = false;
    QTemporaryDir m_dir;
    QString m_postconf;
    QByteArray m_mainCf;
    PostfixSettingsResult m_result;
};

void TestPostfixSettings::initTestCase()
{
    m_postconf = findPostconf();
    QFile debian(QStringLiteral("/usr/share/postfix/main.cf.debian"));
    if (m_postconf.isEmpty() || !debian.open(QIODevice::ReadOnly))
        return;

    // Debian's shipped main.cf with a line changed and TLS lines after it: a
    // parameter set twice, one over lines with a comment between, a $reference,
    // and one Postfix 3.7 does not know.
    PostfixMainCf document;
    QVERIFY(document.setText(debian.readAll()));
    QCOMPARE(document.set("biff", "yes"), PostfixMainCf::Edit::Changed);
    m_mainCf = document.text()
        + "smtpd_tls_loglevel = 2\n"
          "smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem\n"
          "smtpd_tls_security_level=may\n"
          "smtpd_tls_exclude_ciphers = aNULL,\n"
          "# weak\n"
          "    MD5\n"
          "smtpd_tls_protocols = !SSLv2, !SSLv3\n"
          "smtpd_tls_dh1024_param_file = ${config_directory}/dh2048.pem\n"
          "tls_ffdhe_auto_groups = ffdhe2048\n"
          "smtpd_tls_loglevel = 1\n";
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("main.cf")), m_mainCf));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("master.cf")), QByteArray()));

    m_result = PostfixSettings::read(std::make_shared<LocalCommandHost>(), m_dir.path());
    QVERIFY2(m_result.ok, qPrintable(m_result.error));
    m_ready = true;
}

void TestPostfixSettings::parameters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Source>("source");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expanded");
    QTest::addColumn<QString>("defaultValue");

    const QString snakeoil = QStringLiteral("/etc/ssl/certs/ssl-cert-snakeoil.pem");
    QTest::newRow("smtpd_tls_security_level") << QStringLiteral("smtpd_tls_security_level") << Source::MainCf
                                              << QStringLiteral("may") << QStringLiteral("may") << QString();
    QTest::newRow("smtp_tls_security_level")
        << QStringLiteral("smtp_tls_security_level") << Source::Default << QString() << QString() << QString();
    QTest::newRow("smtpd_tls_loglevel: the last definition")
        << QStringLiteral("smtpd_tls_loglevel") << Source::MainCf << QStringLiteral("1") << QStringLiteral("1")
        << QStringLiteral("0");
    QTest::newRow("smtp_tls_loglevel") << QStringLiteral("smtp_tls_loglevel") << Source::Default << QStringLiteral("0")
                                       << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("smtpd_tls_dh1024_param_file: a $reference")
        << QStringLiteral("smtpd_tls_dh1024_param_file") << Source::MainCf
        << QStringLiteral("${config_directory}/dh2048.pem") << QStringLiteral("DIR/dh2048.pem") << QString();
    QTest::newRow("smtpd_tls_dh512_param_file")
        << QStringLiteral("smtpd_tls_dh512_param_file") << Source::Default << QString() << QString() << QString();
    QTest::newRow("tls_ffdhe_auto_groups: not in 3.7, even when main.cf sets it")
        << QStringLiteral("tls_ffdhe_auto_groups") << Source::NotInThisPostfix << QString() << QString() << QString();
    QTest::newRow("smtpd_tls_cert_file") << QStringLiteral("smtpd_tls_cert_file") << Source::MainCf << snakeoil
                                         << snakeoil << QString();
    QTest::newRow("smtpd_tls_key_file: default refers to the certificate")
        << QStringLiteral("smtpd_tls_key_file") << Source::Default << QStringLiteral("$smtpd_tls_cert_file") << snakeoil
        << QStringLiteral("$smtpd_tls_cert_file");
    QTest::newRow("smtpd_tls_chain_files")
        << QStringLiteral("smtpd_tls_chain_files") << Source::Default << QString() << QString() << QString();
    QTest::newRow("smtpd_tls_exclude_ciphers: over lines with a comment between")
        << QStringLiteral("smtpd_tls_exclude_ciphers") << Source::MainCf << QStringLiteral("aNULL, MD5")
        << QStringLiteral("aNULL, MD5") << QString();
    QTest::newRow("smtpd_tls_mandatory_protocols")
        << QStringLiteral("smtpd_tls_mandatory_protocols") << Source::Default << QStringLiteral(">=TLSv1")
        << QStringLiteral(">=TLSv1") << QStringLiteral(">=TLSv1");
    QTest::newRow("smtpd_tls_protocols") << QStringLiteral("smtpd_tls_protocols") << Source::MainCf
                                         << QStringLiteral("!SSLv2, !SSLv3") << QStringLiteral("!SSLv2, !SSLv3")
                                         << QStringLiteral(">=TLSv1");
    QTest::newRow("tls_high_cipherlist") << QStringLiteral("tls_high_cipherlist") << Source::Default
                                         << QStringLiteral("aNULL:-aNULL:HIGH:@STRENGTH")
                                         << QStringLiteral("aNULL:-aNULL:HIGH:@STRENGTH")
                                         << QStringLiteral("aNULL:-aNULL:HIGH:@STRENGTH");
    QTest::newRow("smtpd_tls_eecdh_grade")
        << QStringLiteral("smtpd_tls_eecdh_grade") << Source::Default << QStringLiteral("auto")
        << QStringLiteral("auto") << QStringLiteral("auto");
}

void TestPostfixSettings::parameters()
{
    QFETCH(QString, name);
    QFETCH(Source, source);
    QFETCH(QString, value);
    QFETCH(QString, expanded);
    QFETCH(QString, defaultValue);

    if (!m_ready)
        QSKIP("needs postconf and Debian's main.cf");
    if (!m_result.mailVersion.startsWith(QLatin1String("3.7.")))
        QSKIP("the expected defaults are Postfix 3.7's");
    QCOMPARE(m_result.parameters.size(), PostfixSettings::tlsParameterNames().size());
    const PostfixParameter *parameter = m_result.parameter(name);
    QVERIFY(parameter != nullptr);
    QCOMPARE(parameter->name, name);
    QCOMPARE(parameter->source, source);
    QCOMPARE(parameter->value, value);
    QCOMPARE(parameter->expandedValue, QString(expanded).replace(QLatin1String("DIR"), m_dir.path()));
    QCOMPARE(parameter->defaultValue, defaultValue);
}

void TestPostfixSettings::versionsAndWarnings()
{
    if (!m_ready)
        QSKIP("needs postconf and Debian's main.cf");
    QVERIFY(m_result.fromPostconf);
    QCOMPARE(m_result.postconfProgram, m_postconf);
    QCOMPARE(m_result.configDirectory, m_dir.path());
    QCOMPARE(m_result.effectiveConfigDirectory, m_dir.path());
    QCOMPARE(m_result.error, QString());
    // Independently: the installed Postfix and OpenSSL say the same.
    QCOMPARE(m_result.mailVersion.toUtf8(),
             run(m_postconf, {QStringLiteral("-d"), QStringLiteral("-h"), QStringLiteral("mail_version")}));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$")).match(m_result.mailVersion).hasMatch());
    const QByteArray openssl = run(QStringLiteral("openssl"), {QStringLiteral("version")});
    QVERIFY(m_result.opensslVersion.startsWith(QLatin1String("OpenSSL ")));
    QVERIFY2(openssl.endsWith("(Library: " + m_result.opensslVersion.toUtf8() + ')'), openssl.constData());
    // postconf's warnings, without the "unknown parameter" it gives for a name we asked about.
    QCOMPARE(
        m_result.warnings,
        QStringList({m_dir.path()
                         + QStringLiteral("/main.cf, line 34: overriding earlier entry: "
                                          "smtpd_tls_loglevel=2"),
                     m_dir.path() + QStringLiteral("/main.cf: unused parameter: tls_ffdhe_auto_groups=ffdhe2048")}));
    QCOMPARE(PostfixSettings::sourceText(Source::NotInThisPostfix), QStringLiteral("not in this Postfix"));
}

void TestPostfixSettings::agreesWithMainCf()
{
    if (!m_ready)
        QSKIP("needs postconf and Debian's main.cf");
    PostfixMainCf document;
    QVERIFY(document.load(m_dir.filePath(QStringLiteral("main.cf"))));
    int compared = 0;
    for (const PostfixParameter &parameter : std::as_const(m_result.parameters)) {
        const QByteArray name = parameter.name.toUtf8();
        if (parameter.source != Source::MainCf) {
            QVERIFY2(!document.contains(name) || parameter.source == Source::NotInThisPostfix, name.constData());
            continue;
        }
        QCOMPARE(QString::fromUtf8(PostfixMainCf::normalized(*document.value(name))), parameter.value);
        QHash<QByteArray, QByteArray> defaults {{"config_directory", m_dir.path().toUtf8()}};
        QCOMPARE(QString::fromUtf8(document.expanded(name, defaults).value), parameter.expandedValue);
        ++compared;
    }
    QCOMPARE(compared, 6);
}

void TestPostfixSettings::runsWithoutBlocking()
{
    if (!m_ready)
        QSKIP("needs postconf and Debian's main.cf");
    PostfixSettings settings(std::make_shared<LocalCommandHost>(), m_dir.path());
    settings.setParameterNames({QStringLiteral("smtpd_tls_loglevel"), QStringLiteral("tls_ffdhe_auto_groups")});
    QSignalSpy finished(&settings, &PostfixSettings::finished);
    settings.start();
    QVERIFY(settings.isRunning());
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(30000));
    QVERIFY(!settings.isRunning());
    const PostfixSettingsResult result = settings.result();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.parameters.size(), 2);
    QCOMPARE(result.parameters.at(0).value, QStringLiteral("1"));
    QCOMPARE(result.parameters.at(1).source, Source::NotInThisPostfix);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

void TestPostfixSettings::remoteHostTriesSbin()
{
    if (!m_ready)
        QSKIP("needs postconf and Debian's main.cf");
    if (!QFile::exists(QStringLiteral("/usr/sbin/postconf")))
        QSKIP("postconf is not in /usr/sbin");
    const PostfixSettingsResult result = PostfixSettings::read(std::make_shared<ShellHost>(), m_dir.path());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.postconfProgram, QStringLiteral("/usr/sbin/postconf"));
    QCOMPARE(result.mailVersion, m_result.mailVersion);
    QCOMPARE(result.opensslVersion, m_result.opensslVersion);
    QCOMPARE(result.parameters.size(), m_result.parameters.size());
    for (qsizetype i = 0; i < result.parameters.size(); ++i) {
        QCOMPARE(result.parameters.at(i).source, m_result.parameters.at(i).source);
        QCOMPARE(result.parameters.at(i).value, m_result.parameters.at(i).value);
        QCOMPARE(result.parameters.at(i).expandedValue, m_result.parameters.at(i).expandedValue);
    }
}

void TestPostfixSettings::readsMainCfWithoutPostconf()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")),
                      "  orphan = 1\n"
                      "smtpd_tls_loglevel = 2\n"
                      "smtpd_tls_security_level = may\n"
                      "smtpd_tls_exclude_ciphers = aNULL,\n# weak\n    MD5\n"
                      "smtpd_tls_dh1024_param_file = ${config_directory}/dh2048.pem\n"
                      "smtpd_tls_loglevel = 1\n"));
    PostfixSettings settings(std::make_shared<LocalCommandHost>(), dir.path());
    settings.setPostconfFolders({}, false);
    settings.setParameterNames({QStringLiteral("smtpd_tls_loglevel"), QStringLiteral("smtpd_tls_exclude_ciphers"),
                                QStringLiteral("smtpd_tls_dh1024_param_file"), QStringLiteral("smtp_tls_loglevel")});
    QSignalSpy finished(&settings, &PostfixSettings::finished);
    settings.start();
    QVERIFY(finished.wait(10000));
    const PostfixSettingsResult result = settings.result();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.fromPostconf);
    QCOMPARE(result.mailVersion, QString());
    QCOMPARE(result.effectiveConfigDirectory, dir.path());
    QCOMPARE(
        result.warnings,
        QStringList({QStringLiteral("postconf was not found on this computer: the settings come from "
                                    "%1/main.cf alone, without Postfix's defaults or version.")
                         .arg(dir.path()),
                     QStringLiteral("Line 1 starts with whitespace but follows no parameter: Postfix ignores it.")}));
    QCOMPARE(result.parameters.size(), 4);
    QCOMPARE(result.parameters.at(0).source, Source::MainCf);
    QCOMPARE(result.parameters.at(0).value, QStringLiteral("1"));
    QCOMPARE(result.parameters.at(1).value, QStringLiteral("aNULL, MD5"));
    QCOMPARE(result.parameters.at(2).value, QStringLiteral("${config_directory}/dh2048.pem"));
    QCOMPARE(result.parameters.at(2).expandedValue, dir.path() + QStringLiteral("/dh2048.pem"));
    QCOMPARE(result.parameters.at(3).source, Source::Unknown);
    QCOMPARE(result.parameters.at(3).value, QString());
    QCOMPARE(result.parameters.at(3).defaultValue, QString());
}

void TestPostfixSettings::failures_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing config directory")
        << QStringLiteral("missing")
        << QStringLiteral("postconf could not read the Postfix configuration: open DIR/nowhere/main.cf: No such file "
                          "or directory");
    QTest::newRow("main.cf Postfix refuses")
        << QStringLiteral("broken")
        << QStringLiteral("postconf could not read the Postfix configuration: DIR/main.cf, line 2: missing '=' after "
                          "attribute name: \"none\"");
    QTest::newRow("postconf that never answers")
        << QStringLiteral("sleeper")
        << QStringLiteral("postconf could not read the Postfix configuration: sleeper did not answer within 3 "
                          "second(s).");
    QTest::newRow("postconf that talks too much")
        << QStringLiteral("talker")
        << QStringLiteral("postconf could not read the Postfix configuration: talker wrote more than 1048576 bytes; "
                          "that is not postconf's answer.");
    QTest::newRow("given postconf missing here")
        << QStringLiteral("missing-program") << QStringLiteral("DIR/no-postconf was not found on this computer.");
    QTest::newRow("given postconf missing on a remote host")
        << QStringLiteral("remote-missing") << QStringLiteral("no-postconf was not found on shell.test.");
    QTest::newRow("no postconf here and no main.cf")
        << QStringLiteral("no-postconf-no-file")
        << QStringLiteral("postconf was not found on this computer, and main.cf could not be read either: "
                          "DIR/nowhere/main.cf does not exist.");
}

void TestPostfixSettings::failures()
{
    QFETCH(QString, setup);
    QFETCH(QString, error);

    const bool needsPostconf = setup == QLatin1String("missing") || setup == QLatin1String("broken");
    if (needsPostconf && m_postconf.isEmpty())
        QSKIP("postconf is not installed");
    QTemporaryDir dir;
    std::shared_ptr<const CommandHost> host = std::make_shared<LocalCommandHost>();
    QString configDirectory = dir.path();
    QString program;
    if (setup == QLatin1String("missing") || setup == QLatin1String("no-postconf-no-file")) {
        configDirectory = dir.filePath(QStringLiteral("nowhere"));
    } else if (setup == QLatin1String("broken")) {
        QVERIFY(writeFile(dir.filePath(QStringLiteral("main.cf")), "myhostname = mx.example.org\nnone\n"));
    } else if (setup == QLatin1String("sleeper")) {
        program = dir.filePath(QStringLiteral("sleeper"));
        QVERIFY(writeFile(program, "#!/bin/sh\nexec sleep 30\n", true));
    } else if (setup == QLatin1String("talker")) {
        program = dir.filePath(QStringLiteral("talker"));
        QVERIFY(writeFile(program, "#!/bin/sh\nexec yes 'mail_version = 3.7.11'\n", true));
    } else if (setup == QLatin1String("missing-program")) {
        program = dir.filePath(QStringLiteral("no-postconf"));
    } else if (setup == QLatin1String("remote-missing")) {
        host = std::make_shared<ShellHost>();
        program = QStringLiteral("no-postconf");
    }

    PostfixSettings settings(host, configDirectory);
    if (!program.isEmpty())
        settings.setPostconfProgram(program);
    if (setup == QLatin1String("no-postconf-no-file"))
        settings.setPostconfFolders({}, false);
    // postconf sleeps a second before it exits on a fatal error.
    settings.setTimeout(3000);
    QSignalSpy finished(&settings, &PostfixSettings::finished);
    QElapsedTimer clock;
    clock.start();
    settings.start();
    QVERIFY(finished.size() == 1 || finished.wait(30000));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    const PostfixSettingsResult result = settings.result();
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QString(error).replace(QLatin1String("DIR"), dir.path()));
    QVERIFY(result.parameters.isEmpty());
    QVERIFY(!settings.isRunning());
    QTest::qWait(20);
    QCOMPARE(finished.size(), 1);
}

void TestPostfixSettings::cancel()
{
    QTemporaryDir dir;
    const QString program = dir.filePath(QStringLiteral("sleeper"));
    QVERIFY(writeFile(program, "#!/bin/sh\nexec sleep 30\n", true));
    PostfixSettings settings(std::make_shared<LocalCommandHost>(), dir.path());
    settings.setPostconfProgram(program);
    QSignalSpy finished(&settings, &PostfixSettings::finished);
    settings.start();
    QTest::qWait(100);
    QVERIFY(settings.isRunning());
    settings.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(!settings.isRunning());
    QCOMPARE(settings.result().error, QStringLiteral("Reading the Postfix settings was cancelled."));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestPostfixSettings)
#include "tst_postfixsettings.moc"
