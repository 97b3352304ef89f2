#include <unistd.h>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/postfixinspection.h"
#include "models/sources/localcommandhost.h"

using namespace mailtls;
using namespace fixplantest;

// PostfixInspection with the installed Postfix's postconf and postfix on a
// configuration folder of its own (no Postfix is started): what it reads, the
// effective values, master.cf's overrides, and its errors.
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

QTEST_GUILESS_MAIN(TestPostfixInspection)
#include "tst_postfixinspection.moc"
