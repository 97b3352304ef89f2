#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "fixplantestutil.h"
#include "models/mta/configfile.h"
#include "models/mta/planapplier.h"

using namespace mailtls;
using namespace fixplantest;

// PlanApplier with small shell scripts standing in for postfix check, status
// and reload: every step's outcome, the files afterwards byte for byte (and
// mode and owner), the backup and its manifest, refusal, cancel, time-out,
// verification by a probe that finds nothing listening, and restore.
class TestPlanApplier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void apply_data();
    void apply();
    void refusesAChangedFile_data();
    void refusesAChangedFile();
    void manifest();
    void backupRootMode();
    void cancelDuringValidation();
    void interruptedApplyShows();
    void commandTimeout();
    void restoreRoundTrip();
    void restoreRefusesATamperedCopy();
    void notTwiceAtOnce();
    void validationProblems_data();
    void validationProblems();

private:
    QString writeScript(const QString &name, const QByteArray &body);
    ChangePlan plan(const QStringList &validators, const QString &status, const QString &reload) const;
    PlanApplier::Result run(PlanApplier &applier, const ChangePlan &plan, QStringList *steps);
    int reloads() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_etc;
    QString m_mainCf;
    QString m_dhFile;
    QString m_backups;
    QString m_bin;
};

namespace {

const QByteArray original("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 0\n");
const QByteArray changedText("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 1\n");
const QByteArray dhBytes("-----BEGIN DH PARAMETERS-----\n(a group)\n-----END DH PARAMETERS-----\n");
constexpr uint nobody = 65534;

QString outcomeName(PlanApplier::Outcome outcome)
{
    switch (outcome) {
    case PlanApplier::Outcome::Ok:
        return QStringLiteral("ok");
    case PlanApplier::Outcome::Skipped:
        return QStringLiteral("skipped");
    case PlanApplier::Outcome::Failed:
        return QStringLiteral("failed");
    }
    return QString();
}

QString stepId(PlanApplier::Step step)
{
    return QString::fromLatin1(QMetaEnum::fromType<PlanApplier::Step>().valueToKey(int(step))).toLower();
}

// A port on a loopback address where nothing listens.
quint16 closedPort(const QHostAddress &address)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

QString TestPlanApplier::writeScript(const QString &name, const QByteArray &body)
{
    const QString path = QDir(m_bin).filePath(name);
    writeFile(path, "#!/bin/sh\n" + body);
    QFile::setPermissions(path,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                              | QFile::ReadGroup | QFile::ExeGroup);
    return path;
}

void TestPlanApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_etc = m_dir->filePath(QStringLiteral("etc"));
    m_bin = m_dir->filePath(QStringLiteral("bin"));
    m_backups = m_dir->filePath(QStringLiteral("backups"));
    QVERIFY(QDir().mkpath(m_etc));
    QVERIFY(QDir().mkpath(m_bin));
    m_mainCf = m_etc + QStringLiteral("/main.cf");
    m_dhFile = m_etc + QStringLiteral("/dh.pem");
    QVERIFY(writeFile(m_mainCf, original));
    QVERIFY(::chmod(QFile::encodeName(m_mainCf).constData(), 0640) == 0);
    if (::geteuid() == 0)
        QVERIFY(::chown(QFile::encodeName(m_mainCf).constData(), nobody, nobody) == 0);

    const QByteArray reloadLog = QFile::encodeName(m_dir->filePath(QStringLiteral("reloads")));
    writeScript(QStringLiteral("ok"), "exit 0\n");
    writeScript(QStringLiteral("fail"), "echo 'postfix/postfix-script: fatal: the queue is gone' >&2\nexit 1\n");
    writeScript(QStringLiteral("warn-changed"),
                "echo 'postconf: warning: /etc/postfix/main.cf: unused parameter: smtpd_tls_loglevel=1' >&2\n");
    writeScript(QStringLiteral("warn-other"),
                "echo 'postconf: warning: /etc/postfix/main.cf: unused parameter: mydomian=example.org' >&2\n");
    writeScript(QStringLiteral("slow"), "exec sleep 30\n");
    writeScript(QStringLiteral("running"), "exit 0\n");
    writeScript(QStringLiteral("stopped"), "exit 1\n");
    writeScript(QStringLiteral("reload"), "echo ok >> '" + reloadLog + "'\n");
    writeScript(QStringLiteral("reload-fails-once"),
                "if [ -e '" + reloadLog + "' ]; then echo ok >> '" + reloadLog
                    + "'; exit 0; fi\n"
                      "echo refused > '"
                    + reloadLog + "'\necho 'postfix: fatal: reload refused' >&2\nexit 1\n");
    writeScript(QStringLiteral("reload-fails"),
                "echo refused >> '" + reloadLog + "'\necho 'postfix: fatal: reload refused' >&2\nexit 1\n");
}

ChangePlan TestPlanApplier::plan(const QStringList &validators, const QString &status, const QString &reload) const
{
    ChangePlan p;
    p.title = QStringLiteral("Log TLS sessions");
    p.mta = QStringLiteral("Postfix");
    p.configDir = m_etc;
    FileEdit dh;
    dh.path = m_dhFile;
    dh.after = dhBytes;
    dh.parameters = {"smtpd_tls_dh1024_param_file"};
    FileEdit mainCf;
    mainCf.path = m_mainCf;
    mainCf.before = original;
    mainCf.after = changedText;
    mainCf.parameters = {"smtpd_tls_loglevel"};
    p.edits = {dh, mainCf};
    const auto script
        = [this](const QString &name) { return name.startsWith(QLatin1Char('/')) ? name : QDir(m_bin).filePath(name); };
    for (const QString &validator : validators)
        p.validateCommands.append({script(validator), QStringLiteral("-c"), m_etc});
    p.statusCommand = {script(status)};
    p.reloadCommand = {script(reload)};
    return p;
}

PlanApplier::Result TestPlanApplier::run(PlanApplier &applier, const ChangePlan &plan, QStringList *steps)
{
    QSignalSpy finished(&applier, &PlanApplier::finished);
    QSignalSpy stepped(&applier, &PlanApplier::stepFinished);
    if (!applier.apply(plan))
        return PlanApplier::Result();
    // Nothing happens inside apply(): its steps follow in the event loop.
    if (!finished.isEmpty() || !stepped.isEmpty())
        qFatal("apply() reported before returning");
    if (!finished.wait(30000))
        qFatal("the plan did not finish");
    for (const QList<QVariant> &args : stepped) {
        const auto r = args.at(0).value<PlanApplier::StepResult>();
        steps->append(stepId(r.step) + QLatin1Char(':') + outcomeName(r.outcome));
    }
    return finished.at(0).at(0).value<PlanApplier::Result>();
}

int TestPlanApplier::reloads() const
{
    return int(readFile(m_dir->filePath(QStringLiteral("reloads"))).count("ok"));
}

void TestPlanApplier::apply_data()
{
    QTest::addColumn<QStringList>("validators");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reload");
    QTest::addColumn<bool>("missingRequiredFile");
    QTest::addColumn<bool>("verify");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("reloadCount");

    const QStringList ok {QStringLiteral("ok"), QStringLiteral("warn-other")};
    const QString running = QStringLiteral("running");
    const QString reload = QStringLiteral("reload");
    const QString validate = QStringLiteral("backup:ok write:ok validate:failed rollback:ok");

    QTest::newRow("running: reloaded")
        << ok << running << reload << false << false
        << QStringLiteral("backup:ok write:ok validate:ok reload:ok verify:skipped").split(QLatin1Char(' '))
        << QString() << 1;
    QTest::newRow("not running: written, not reloaded")
        << ok << QStringLiteral("stopped") << reload << false << true
        << QStringLiteral("backup:ok write:ok validate:ok reload:skipped verify:skipped").split(QLatin1Char(' '))
        << QString() << 0;
    QTest::newRow("a validator fails") << QStringList {QStringLiteral("ok"), QStringLiteral("fail")} << running
                                       << reload << false << false << validate.split(QLatin1Char(' '))
                                       << QStringLiteral("<BIN>/fail -c <ETC> failed (exit status 1)") << 0;
    QTest::newRow("a warning names a changed parameter")
        << QStringList {QStringLiteral("warn-changed")} << running << reload << false << false
        << validate.split(QLatin1Char(' '))
        << QStringLiteral(
               "<BIN>/warn-changed -c <ETC> objects to the change:\npostconf: warning: /etc/postfix/main.cf: "
               "unused parameter: smtpd_tls_loglevel=1")
        << 0;
    QTest::newRow("a validator cannot be started")
        << QStringList {QStringLiteral("/nonexistent/postfix")} << running << reload << false << false
        << validate.split(QLatin1Char(' '))
        << QStringLiteral("/nonexistent/postfix -c <ETC> could not be run: execvp: No such file or directory") << 0;
    QTest::newRow("a file a setting names is missing")
        << ok << running << reload << true << false << validate.split(QLatin1Char(' '))
        << QStringLiteral("smtpd_tls_cert_file names /nonexistent/cert.pem, which does not exist") << 0;
    QTest::newRow("the reload fails, the one after the rollback works")
        << ok << running << QStringLiteral("reload-fails-once") << false << false
        << QStringLiteral("backup:ok write:ok validate:ok reload:failed rollback:ok").split(QLatin1Char(' '))
        << QStringLiteral("<BIN>/reload-fails-once failed (exit status 1)") << 1;
    QTest::newRow("every reload fails")
        << ok << running << QStringLiteral("reload-fails") << false << false
        << QStringLiteral("backup:ok write:ok validate:ok reload:failed rollback:failed").split(QLatin1Char(' '))
        << QStringLiteral("<BIN>/reload-fails failed (exit status 1)") << 0;
    QTest::newRow("the re-probe finds nothing: rolled back and reloaded again")
        << ok << running << reload << false << true
        << QStringLiteral("backup:ok write:ok validate:ok reload:ok verify:failed rollback:ok").split(QLatin1Char(' '))
        << QStringLiteral("the probe of 127.0.7.9:<PORT> did not get through") << 2;
}

void TestPlanApplier::apply()
{
    QFETCH(QStringList, validators);
    QFETCH(QString, status);
    QFETCH(QString, reload);
    QFETCH(bool, missingRequiredFile);
    QFETCH(bool, verify);
    QFETCH(QStringList, steps);
    QFETCH(QString, message);
    QFETCH(int, reloadCount);

    ChangePlan p = plan(validators, status, reload);
    if (missingRequiredFile)
        p.requiredFiles.append({"smtpd_tls_cert_file", QStringLiteral("/nonexistent/cert.pem")});
    const quint16 port = closedPort(QHostAddress(QStringLiteral("127.0.7.9")));
    if (verify) {
        QVERIFY(port != 0);
        p.verification.check = ChangePlan::Check::StartTls;
        p.verification.address = QStringLiteral("127.0.7.9");
        p.verification.port = port;
    }
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    applier.setVerifyAttempts(2, 50);
    QStringList actual;
    const PlanApplier::Result result = run(applier, p, &actual);
    QCOMPARE(actual, steps);

    const bool succeeded = message.isEmpty();
    QCOMPARE(result.succeeded, succeeded);
    QCOMPARE(result.changedNothing, false);
    QCOMPARE(result.rolledBack, !succeeded);
    QCOMPARE(result.rollbackFailed, steps.constLast() == QLatin1String("rollback:failed"));
    QCOMPARE(result.reloaded, steps.contains(QStringLiteral("reload:ok")));
    if (!succeeded) {
        QVERIFY(result.failedStep);
        const QString expected = QString(message)
                                     .replace(QStringLiteral("<BIN>"), m_bin)
                                     .replace(QStringLiteral("<ETC>"), m_etc)
                                     .replace(QStringLiteral("<PORT>"), QString::number(port));
        QVERIFY2(result.message.startsWith(expected), qPrintable(result.message));
    }
    QCOMPARE(reloads(), reloadCount);

    // Byte for byte, mode and owner, whichever way it went.
    QCOMPARE(readFile(m_mainCf), succeeded ? changedText : original);
    QCOMPARE(QFileInfo::exists(m_dhFile), succeeded);
    const ConfigFile::Status mainCf = ConfigFile::status(m_mainCf);
    QCOMPARE(mainCf.mode, 0640);
    if (::geteuid() == 0)
        QCOMPARE(mainCf.owner, nobody);

    const QList<Backup> backups = applier.listBackups();
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.constFirst().id, result.backupId);
    QCOMPARE(backups.constFirst().state,
             succeeded                   ? QStringLiteral("done")
                 : result.rollbackFailed ? QStringLiteral("rollback-failed")
                                         : QStringLiteral("rolled-back"));
}

void TestPlanApplier::refusesAChangedFile_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("main.cf edited since")
        << QStringLiteral("edit") << QStringLiteral("<MAIN> changed after the plan was made");
    QTest::newRow("main.cf removed since")
        << QStringLiteral("remove") << QStringLiteral("<MAIN> was removed after the plan was made");
    QTest::newRow("the new file made by someone else")
        << QStringLiteral("create") << QStringLiteral("<DH> was created after the plan was made");
}

void TestPlanApplier::refusesAChangedFile()
{
    QFETCH(QString, what);
    QFETCH(QString, message);
    const ChangePlan p = plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload"));
    QByteArray mainCfNow = original;
    if (what == QLatin1String("edit")) {
        mainCfNow = original + "mydomain = example.org\n";
        QVERIFY(writeFile(m_mainCf, mainCfNow));
    } else if (what == QLatin1String("remove")) {
        QVERIFY(QFile::remove(m_mainCf));
    } else {
        QVERIFY(writeFile(m_dhFile, "someone's own\n"));
    }
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    QStringList steps;
    const PlanApplier::Result result = run(applier, p, &steps);
    QCOMPARE(steps, QStringList {QStringLiteral("backup:failed")});
    QVERIFY(!result.succeeded);
    QVERIFY(result.changedNothing);
    QVERIFY(!result.rolledBack);
    QCOMPARE(result.failedStep, std::optional<PlanApplier::Step>(PlanApplier::Step::Backup));
    QCOMPARE(result.message,
             QString(message).replace(QStringLiteral("<MAIN>"), m_mainCf).replace(QStringLiteral("<DH>"), m_dhFile)
                 + QStringLiteral("\nNothing was changed: inspect again "
                                  "and review the new plan."));
    // Nothing written, nothing saved.
    if (what != QLatin1String("remove"))
        QCOMPARE(readFile(m_mainCf), mainCfNow);
    if (what != QLatin1String("create"))
        QVERIFY(!QFileInfo::exists(m_dhFile));
    QVERIFY(result.backupId.isEmpty());
    QVERIFY(applier.listBackups().isEmpty());
    QCOMPARE(reloads(), 0);
}

void TestPlanApplier::manifest()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    QStringList steps;
    const PlanApplier::Result result
        = run(applier, plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
    QVERIFY(result.succeeded);
    const QString folder = QDir(m_backups).filePath(result.backupId);
    QVERIFY(BackupStore::isValidId(result.backupId));
    QCOMPARE(ConfigFile::status(folder).mode, 0700);

    const QJsonObject m = QJsonDocument::fromJson(readFile(folder + QStringLiteral("/manifest.json"))).object();
    QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(m.value(QStringLiteral("title")).toString(), QStringLiteral("Log TLS sessions"));
    QCOMPARE(m.value(QStringLiteral("configDir")).toString(), m_etc);
    const QJsonArray files = m.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject dh = files.at(0).toObject();
    QCOMPARE(dh.value(QStringLiteral("path")).toString(), m_dhFile);
    QCOMPARE(dh.value(QStringLiteral("existed")).toBool(), false);
    QCOMPARE(dh.value(QStringLiteral("copy")).toString(), QString());
    QCOMPARE(dh.value(QStringLiteral("newSha256")).toString(), ConfigFile::sha256(dhBytes));
    const QJsonObject mainCf = files.at(1).toObject();
    QCOMPARE(mainCf.value(QStringLiteral("path")).toString(), m_mainCf);
    QCOMPARE(mainCf.value(QStringLiteral("existed")).toBool(), true);
    QCOMPARE(mainCf.value(QStringLiteral("mode")).toString(), QStringLiteral("0640"));
    if (::geteuid() == 0)
        QCOMPARE(mainCf.value(QStringLiteral("owner")).toInteger(), qint64(nobody));
    QCOMPARE(mainCf.value(QStringLiteral("sha256")).toString(), ConfigFile::sha256(original));
    QCOMPARE(mainCf.value(QStringLiteral("newSha256")).toString(), ConfigFile::sha256(changedText));
    QCOMPARE(mainCf.value(QStringLiteral("written")).toBool(), true);
    const QString copy = folder + QLatin1Char('/') + mainCf.value(QStringLiteral("copy")).toString();
    QCOMPARE(readFile(copy), original);
    QCOMPARE(ConfigFile::status(copy).mode, 0600);
    const QJsonArray log = m.value(QStringLiteral("log")).toArray();
    QCOMPARE(log.size(), 5);
    QVERIFY(log.at(0).toString().contains(QStringLiteral(" backup ok: saved in ")));
    QVERIFY(log.at(4).toString().contains(QStringLiteral(" verify skipped: ")));
}

void TestPlanApplier::backupRootMode()
{
    // A folder made for the backups is the user's alone; one the user chose
    // that exists already keeps its mode.
    const QString made = m_dir->filePath(QStringLiteral("new/backups"));
    const QString chosen = m_dir->filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(chosen));
    QVERIFY(::chmod(QFile::encodeName(chosen).constData(), 0755) == 0);
    for (const QString &root : {made, chosen}) {
        QVERIFY(writeFile(m_mainCf, original));
        QFile::remove(m_dhFile);
        PlanApplier applier;
        applier.setBackupRoot(root);
        QStringList steps;
        const PlanApplier::Result result
            = run(applier, plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
        QVERIFY(result.succeeded);
        QCOMPARE(ConfigFile::status(QDir(root).filePath(result.backupId)).mode, 0700);
    }
    QCOMPARE(ConfigFile::status(made).mode, 0700);
    QCOMPARE(ConfigFile::status(chosen).mode, 0755);
}

void TestPlanApplier::cancelDuringValidation()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    connect(&applier, &PlanApplier::stepStarted, &applier, [&applier](PlanApplier::Step step) {
        if (step == PlanApplier::Step::Validate)
            QTimer::singleShot(200, &applier, [&applier] { applier.cancel(); });
    });
    QElapsedTimer clock;
    clock.start();
    QStringList steps;
    const PlanApplier::Result result
        = run(applier, plan({QStringLiteral("slow")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
    QVERIFY2(clock.elapsed() < 10000, "the sleeping validator was not stopped");
    QCOMPARE(steps, QStringLiteral("backup:ok write:ok validate:failed rollback:ok").split(QLatin1Char(' ')));
    QVERIFY(result.cancelled);
    QVERIFY(result.rolledBack);
    QCOMPARE(result.message, QStringLiteral("cancelled"));
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFileInfo::exists(m_dhFile));
    QCOMPARE(applier.listBackups().constFirst().state, QStringLiteral("rolled-back"));
}

void TestPlanApplier::interruptedApplyShows()
{
    // The program ends mid-apply (here: the applier is destroyed while the
    // validator runs): the manifest says how far it got, and a restore puts
    // the files back.
    auto *applier = new PlanApplier;
    applier->setBackupRoot(m_backups);
    bool validating = false;
    connect(applier, &PlanApplier::stepStarted, this,
            [&validating](PlanApplier::Step step) { validating = validating || step == PlanApplier::Step::Validate; });
    QVERIFY(applier->apply(plan({QStringLiteral("slow")}, QStringLiteral("running"), QStringLiteral("reload"))));
    QTRY_VERIFY_WITH_TIMEOUT(validating, 10000);
    delete applier;
    QCOMPARE(readFile(m_mainCf), changedText);

    PlanApplier later;
    later.setBackupRoot(m_backups);
    const QList<Backup> backups = later.listBackups();
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.constFirst().state, QStringLiteral("written"));
    QVERIFY(!backups.constFirst().isFinished());
    // The restore validates with the manifest's commands: this time quickly.
    writeScript(QStringLiteral("slow"), "exit 0\n");
    QSignalSpy finished(&later, &PlanApplier::finished);
    QString error;
    QVERIFY2(later.restore(backups.constFirst().id, &error), qPrintable(error));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.at(0).at(0).value<PlanApplier::Result>().succeeded);
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFileInfo::exists(m_dhFile));
}

void TestPlanApplier::commandTimeout()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    applier.setCommandTimeoutMs(500);
    QStringList steps;
    const PlanApplier::Result result
        = run(applier, plan({QStringLiteral("slow")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
    QCOMPARE(steps, QStringLiteral("backup:ok write:ok validate:failed rollback:ok").split(QLatin1Char(' ')));
    QCOMPARE(result.message, QStringLiteral("%1/slow -c %2 did not finish within 1 second(s)").arg(m_bin, m_etc));
    QVERIFY(result.output.contains(QStringLiteral("[stopped: no answer within 1 second(s)]")));
    QCOMPARE(readFile(m_mainCf), original);
}

void TestPlanApplier::restoreRoundTrip()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    QStringList steps;
    const PlanApplier::Result applied
        = run(applier, plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
    QVERIFY(applied.succeeded);

    QString error;
    const std::optional<ChangePlan> back = applier.restorePlan(applied.backupId, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->title,
             QStringLiteral("Put back the configuration saved before \"Log TLS sessions\" (backup %1)")
                 .arg(applied.backupId));
    QCOMPARE(back->edits.size(), 2);
    QCOMPARE(back->edits.at(0).path, m_dhFile);
    QVERIFY(back->edits.at(0).removesFile());
    QCOMPARE(back->edits.at(1).before, std::optional<QByteArray>(changedText));
    QCOMPARE(back->edits.at(1).after, std::optional<QByteArray>(original));
    QCOMPARE(back->edits.at(1).mode, std::optional<int>(0640));
    const QString dhPath = m_dhFile.mid(1);
    const QString mainPath = m_mainCf.mid(1);
    QCOMPARE(QString::fromUtf8(back->diff()),
             QStringLiteral("--- a/%1\n+++ /dev/null\n@@ -1,3 +0,0 @@\n------BEGIN DH PARAMETERS-----\n-(a group)\n"
                            "------END DH PARAMETERS-----\n--- a/%2\n+++ b/%2\n@@ -1,3 +1,3 @@\n # the admin's file\n"
                            " biff = no\n-smtpd_tls_loglevel = 1\n+smtpd_tls_loglevel = 0\n")
                 .arg(dhPath, mainPath));

    // Restoring changes the mode back too, and is backed up itself.
    QVERIFY(::chmod(QFile::encodeName(m_mainCf).constData(), 0600) == 0);
    QSignalSpy finished(&applier, &PlanApplier::finished);
    QVERIFY2(applier.restore(applied.backupId, &error), qPrintable(error));
    QVERIFY(finished.wait(30000));
    const auto restored = finished.at(0).at(0).value<PlanApplier::Result>();
    QVERIFY(restored.succeeded);
    QCOMPARE(readFile(m_mainCf), original);
    QCOMPARE(ConfigFile::status(m_mainCf).mode, 0640);
    QVERIFY(!QFileInfo::exists(m_dhFile));
    QCOMPARE(reloads(), 2);

    const QList<Backup> backups = applier.listBackups();
    QCOMPARE(backups.size(), 2);
    QCOMPARE(backups.at(0).id, restored.backupId);
    QCOMPARE(backups.at(1).id, applied.backupId);
    QVERIFY(backups.at(0).title.startsWith(QStringLiteral("Put back the configuration")));

    const std::optional<ChangePlan> again = applier.restorePlan(applied.backupId, &error);
    QVERIFY(again);
    QVERIFY(again->isEmpty());
    QVERIFY(!applier.restore(applied.backupId, &error));
    QCOMPARE(error,
             QStringLiteral("the files are already as backup %1 saved them: nothing to restore").arg(applied.backupId));
}

void TestPlanApplier::restoreRefusesATamperedCopy()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    QStringList steps;
    const PlanApplier::Result applied
        = run(applier, plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload")), &steps);
    QVERIFY(applied.succeeded);
    const QString copy = QDir(m_backups).filePath(applied.backupId + QStringLiteral("/2-main.cf"));
    QCOMPARE(readFile(copy), original);
    QVERIFY(writeFile(copy, "tampered\n"));
    QString error;
    QVERIFY(!applier.restorePlan(applied.backupId, &error));
    QCOMPARE(error, QStringLiteral("the saved copy %1 is not what was saved (its SHA-256 differs)").arg(copy));
    QVERIFY(!applier.restorePlan(QStringLiteral("../etc"), &error));
    QCOMPARE(error, QStringLiteral("\"../etc\" is not the name of a backup (they look like 20260301T120000Z)"));
    QVERIFY(!applier.restorePlan(QStringLiteral("20200101T000000Z"), &error));
    QCOMPARE(error, QStringLiteral("there is no backup 20200101T000000Z in %1").arg(m_backups));
}

void TestPlanApplier::notTwiceAtOnce()
{
    PlanApplier applier;
    applier.setBackupRoot(m_backups);
    QVERIFY(!applier.apply(ChangePlan()));
    const ChangePlan p = plan({QStringLiteral("ok")}, QStringLiteral("running"), QStringLiteral("reload"));
    QSignalSpy finished(&applier, &PlanApplier::finished);
    QVERIFY(applier.apply(p));
    QVERIFY(applier.isRunning());
    QVERIFY(!applier.apply(p));
    QString error;
    QVERIFY(!applier.restore(QStringLiteral("20200101T000000Z"), &error));
    QCOMPARE(error, QStringLiteral("a change is being applied; wait until it has finished"));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!applier.isRunning());
}

void TestPlanApplier::validationProblems_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QStringList>("problems");
    QTest::newRow("nothing") << QByteArray() << QStringList();
    QTest::newRow("a warning about another parameter")
        << QByteArray("postconf: warning: /etc/postfix/main.cf: unused parameter: mydomian=x\n") << QStringList();
    QTest::newRow("a warning about a changed parameter")
        << QByteArray("postconf: warning: /etc/postfix/main.cf: unused parameter: smtpd_tls_loglevel=1\n")
        << QStringList {
               QStringLiteral("postconf: warning: /etc/postfix/main.cf: unused parameter: smtpd_tls_loglevel=1")};
    QTest::newRow("a longer name is another parameter")
        << QByteArray("postconf: warning: smtpd_tls_loglevel_x: unknown\n") << QStringList();
    QTest::newRow("a file the change names")
        << QByteArray("postfix/postfix-script: warning: /etc/ssl/mx.pem is group-writable\n")
        << QStringList {QStringLiteral("postfix/postfix-script: warning: /etc/ssl/mx.pem is group-writable")};
    QTest::newRow("any fatal line") << QByteArray("ok\npostconf: fatal: open /etc/postfix/main.cf: denied\n")
                                    << QStringList {
                                           QStringLiteral("postconf: fatal: open /etc/postfix/main.cf: denied")};
    QTest::newRow("a changed name outside a warning") << QByteArray("smtpd_tls_loglevel = 1\n") << QStringList();
    // doveconf and exim capitalise them.
    QTest::newRow("Fatal:") << QByteArray("doveconf: Fatal: Error in configuration file /etc/dovecot/x.conf\n")
                            << QStringList {QStringLiteral(
                                   "doveconf: Fatal: Error in configuration file /etc/dovecot/x.conf")};
    QTest::newRow("Warning: about a changed parameter")
        << QByteArray("doveconf: Warning: smtpd_tls_loglevel is deprecated\n")
        << QStringList {QStringLiteral("doveconf: Warning: smtpd_tls_loglevel is deprecated")};
    QTest::newRow("Warning: about another") << QByteArray("doveconf: Warning: SSLv3 is disabled\n") << QStringList();
}

void TestPlanApplier::validationProblems()
{
    QFETCH(QByteArray, output);
    QFETCH(QStringList, problems);
    QCOMPARE(PlanApplier::validationProblems(output, {"smtpd_tls_cert_file", "smtpd_tls_loglevel"},
                                             {QStringLiteral("/etc/ssl/mx.pem")}),
             problems);
}

QTEST_GUILESS_MAIN(TestPlanApplier)
#include "tst_planapplier.moc"
