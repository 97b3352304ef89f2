#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/configfile.h"
#include "models/mta/dovecotfixes.h"
#include "models/mta/dovecotinspection.h"
#include "models/mta/planapplier.h"
#include "models/sources/localcommandhost.h"
#include "models/tls/dhparameters.h"
#include "tests/models/tst_dovecottestutil.h"

using namespace mailtls;
using namespace mailtls::dovecottest;

// The Logjam plan carried out by PlanApplier on Debian's configuration, read
// and validated by Debian's real doveconf (unpacked): a fix that succeeds (and
// a second one with nothing to change), and validations that fail and put
// every file back byte for byte: a configuration doveconf refuses, and a
// group file that is not there (refused by the plan's required files, and by
// doveconf -x alone).
class TestDovecotApply : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fixes();
    void refusedConfigurationRollsBack();
    void missingGroupFileRollsBack_data();
    void missingGroupFileRollsBack();

private:
    DovecotInspectionResult inspect() const;
    PlanApplier::Result apply(const ChangePlan &plan) const;
    ChangePlan logjam(const QString &group) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ssl; // conf.d/10-ssl.conf
    QByteArray m_sslBefore;
    QHash<QString, QByteArray> m_files; // every file before the fix
};

namespace {

QStringList stepOutcomes(const PlanApplier::Result &result)
{
    QStringList out;
    for (const PlanApplier::StepResult &step : result.steps) {
        const char *outcome = step.outcome == PlanApplier::Outcome::Ok ? "ok"
            : step.outcome == PlanApplier::Outcome::Skipped            ? "skipped"
                                                                       : "failed";
        out.append(PlanApplier::stepName(step.step) + QLatin1Char(' ') + QLatin1String(outcome));
    }
    return out;
}

} // namespace

void TestDovecotApply::initTestCase()
{
    qRegisterMetaType<PlanApplier::Result>();
    qRegisterMetaType<PlanApplier::StepResult>();
    qputenv("LD_LIBRARY_PATH", QFile::encodeName(libraryDir()));
}

void TestDovecotApply::init()
{
    if (!havePackage())
        QSKIP("Debian's dovecot-core is not unpacked: run ctest -R debian_packages first");
    // Debian's configuration with a certificate and key of its own (every
    // `<path` file must exist for doveconf -x), a weak group of 1024 bits,
    // users that exist here and a base_dir of its own.
    m_dir = std::make_unique<QTemporaryDir>();
    const QString dir = m_dir->path();
    QVERIFY(installDebianConfig(dir));
    QVERIFY(writeFile(dir + QStringLiteral("/cert.pem"), "certificate\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/key.pem"), "key\n"));
    QVERIFY(fixplantest::writeFile(dir + QStringLiteral("/dh1024.pem"), fixplantest::oakley2Pem()));
    m_ssl = dir + QStringLiteral("/conf.d/10-ssl.conf");
    const QByteArray path = QFile::encodeName(dir);
    QByteArray ssl = readFile(m_ssl);
    ssl.replace("ssl_cert = </etc/dovecot/private/dovecot.pem\n", "ssl_cert = <" + path + "/cert.pem\n");
    ssl.replace("ssl_key = </etc/dovecot/private/dovecot.key\n", "ssl_key = <" + path + "/key.pem\n");
    ssl.replace("ssl_dh = </usr/share/dovecot/dh.pem\n", "ssl_dh = <" + path + "/dh1024.pem\n");
    QVERIFY(writeFile(m_ssl, ssl));
    QVERIFY(writeFile(dir + QStringLiteral("/local.conf"),
                      "default_login_user = nobody\ndefault_internal_user = daemon\nbase_dir = " + path + "/run\n"));
    m_sslBefore = ssl;
    m_files.clear();
    const QDir confD(dir + QStringLiteral("/conf.d"));
    for (const QString &name : confD.entryList(QDir::Files))
        m_files.insert(confD.filePath(name), readFile(confD.filePath(name)));
    m_files.insert(dir + QStringLiteral("/dovecot.conf"), readFile(dir + QStringLiteral("/dovecot.conf")));
}

DovecotInspectionResult TestDovecotApply::inspect() const
{
    DovecotInspection inspection(std::make_shared<LocalCommandHost>(), m_dir->path());
    inspection.setProgramFolders({packageRoot() + QStringLiteral("/usr/bin"),
                                  packageRoot() + QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                  QStringLiteral("/bin")},
                                 false);
    QSignalSpy spy(&inspection, &DovecotInspection::finished);
    inspection.start();
    if (spy.isEmpty())
        spy.wait(30000);
    return inspection.result();
}

ChangePlan TestDovecotApply::logjam(const QString &group) const
{
    const DovecotInspectionResult r = inspect();
    if (!r.ok)
        qFatal("inspection failed: %s", qPrintable(r.error));
    DhChoice choice;
    choice.group = group;
    QString error;
    const std::optional<ChangePlan> plan = DovecotFixes::logjam(r, choice, &error);
    if (!plan)
        qFatal("no plan: %s", qPrintable(error));
    return *plan;
}

PlanApplier::Result TestDovecotApply::apply(const ChangePlan &plan) const
{
    PlanApplier applier;
    applier.setBackupRoot(m_dir->path() + QStringLiteral("/backups"));
    QSignalSpy finished(&applier, &PlanApplier::finished);
    if (!applier.apply(plan))
        qFatal("apply() refused the plan");
    if (!finished.wait(60000))
        qFatal("the plan did not finish");
    return finished.at(0).at(0).value<PlanApplier::Result>();
}

void TestDovecotApply::fixes()
{
    // An admin's tighter mode stays.
    QVERIFY(QFile::setPermissions(m_ssl, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    const ChangePlan plan = logjam(QStringLiteral("ffdhe3072"));
    QCOMPARE(plan.edits.size(), 2);
    const PlanApplier::Result result = apply(plan);
    QVERIFY2(result.succeeded, qPrintable(result.message + QLatin1Char('\n') + result.output));
    // Not running: nothing to reload, nothing to probe (and Dovecot is never
    // probed by the SMTP probe anyway).
    QCOMPARE(stepOutcomes(result),
             (QStringList {QStringLiteral("backup ok"), QStringLiteral("write ok"), QStringLiteral("validate ok"),
                           QStringLiteral("reload skipped"), QStringLiteral("verify skipped")}));

    const QString dir = m_dir->path();
    QString error;
    QCOMPARE(readFile(dir + QStringLiteral("/dh_ffdhe3072.pem")),
             DhParameters::rfc7919Pem(QStringLiteral("ffdhe3072"), &error));
    QByteArray expected = m_sslBefore;
    expected.replace("ssl_dh = <" + QFile::encodeName(dir) + "/dh1024.pem\n",
                     "ssl_dh = <" + QFile::encodeName(dir) + "/dh_ffdhe3072.pem\n");
    QVERIFY(expected != m_sslBefore);
    QCOMPARE(readFile(m_ssl), expected);
    QCOMPARE(ConfigFile::status(m_ssl).mode, 0640);
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (it.key() != m_ssl)
            QCOMPARE(readFile(it.key()), it.value());
    }
    // doveconf reads the new group now.
    int exitCode = -1;
    QCOMPARE(doveconf({QStringLiteral("-c"), dir + QStringLiteral("/dovecot.conf"), QStringLiteral("-h"),
                       QStringLiteral("ssl_dh")},
                      &exitCode),
             "<" + QFile::encodeName(dir) + "/dh_ffdhe3072.pem\n");

    // The next inspection finds the group in place: nothing to change.
    const DovecotInspectionResult again = inspect();
    QVERIFY(again.ok);
    QCOMPARE(again.findings.constLast().code, QStringLiteral("dh-ok"));
    DhChoice choice;
    const std::optional<ChangePlan> second = DovecotFixes::logjam(again, choice, &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(second->isEmpty());
}

void TestDovecotApply::refusedConfigurationRollsBack()
{
    // doveconf -h still reads it, doveconf -n refuses it: a user that does
    // not exist.
    const QString local = m_dir->path() + QStringLiteral("/local.conf");
    QVERIFY(writeFile(local, readFile(local) + "default_login_user = nosuchuser-mailtls\n"));
    const DovecotInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.configValid);
    QVERIFY2(r.configCheckOutput.contains(QStringLiteral("nosuchuser-mailtls")), qPrintable(r.configCheckOutput));

    const ChangePlan plan = logjam(QStringLiteral("ffdhe4096"));
    const PlanApplier::Result result = apply(plan);
    QVERIFY(!result.succeeded);
    QCOMPARE(result.failedStep, PlanApplier::Step::Validate);
    QVERIFY(result.rolledBack);
    QVERIFY(!result.rollbackFailed);
    QVERIFY2(result.output.contains(QStringLiteral("nosuchuser-mailtls")), qPrintable(result.output));
    // Every file as it was, byte for byte; the new group file gone.
    QCOMPARE(readFile(m_ssl), m_sslBefore);
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        QCOMPARE(readFile(it.key()), it.value());
    QVERIFY(!QFile::exists(m_dir->path() + QStringLiteral("/dh_ffdhe4096.pem")));
}

void TestDovecotApply::missingGroupFileRollsBack_data()
{
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("says");

    QTest::newRow("the plan's required file") << true << QStringLiteral("dh_ffdhe3072.pem");
    QTest::newRow("doveconf -x alone") << false << QStringLiteral("ssl_dh: Can't open file");
}

void TestDovecotApply::missingGroupFileRollsBack()
{
    QFETCH(bool, required);
    QFETCH(QString, says);

    // The group file's edit dropped: the configuration names a file that
    // never gets written.
    ChangePlan plan = logjam(QStringLiteral("ffdhe3072"));
    QVERIFY(plan.edits.constFirst().path.endsWith(QStringLiteral("/dh_ffdhe3072.pem")));
    plan.edits.removeFirst();
    if (!required)
        plan.requiredFiles.clear();
    const PlanApplier::Result result = apply(plan);
    QVERIFY(!result.succeeded);
    QCOMPARE(result.failedStep, PlanApplier::Step::Validate);
    QVERIFY(result.rolledBack);
    QVERIFY2((result.message + result.output).contains(says), qPrintable(result.message + result.output));
    QCOMPARE(readFile(m_ssl), m_sslBefore);
    QVERIFY(!QFile::exists(m_dir->path() + QStringLiteral("/dh_ffdhe3072.pem")));
}

QTEST_GUILESS_MAIN(TestDovecotApply)
#include "tst_dovecotapply.moc"
