#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "models/mta/configfile.h"
#include "models/mta/planapplier.h"
#include "models/mta/servicehost.h"
#include "models/sources/localcommandhost.h"
#include "remotehosttestutil.h"

using namespace mailtls;
using namespace remotetest;

namespace {

const QByteArray original("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 0\n");
const QByteArray changedText("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 1\n");
const QByteArray dhBytes("-----BEGIN DH PARAMETERS-----\n(a group)\n-----END DH PARAMETERS-----\n");
const QString location = QStringLiteral("ssh://mail@127.0.12.7:2222");
constexpr uint nobody = 65534;

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

QString stepText(const PlanApplier::StepResult &r)
{
    static const char *const outcomes[] = {"ok", "skipped", "failed"};
    return PlanApplier::stepName(r.step) + QLatin1Char(':') + QLatin1String(outcomes[int(r.outcome)]);
}

} // namespace

// PlanApplier on another host: the files read, written and restored through
// CommandFileAccess and the commands run through a SudoCommandHost (a shell
// as ssh runs it, a stand-in sudo): the same steps as here, every command
// through sudo -n, mode and owner kept, a backup on this computer that names
// the host, sudo's refusals failing the step with the sudoers line (a refused
// status is never taken for a stopped MTA), cancel and restore.
class TestPlanApplierRemote : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void applies();
    void rollsBack();
    void sudoRefusesTheStatus();
    void sudoRefusesWrites();
    void cancelWhileWriting();
    void restores();
    void restorePlanDroppedOrDeleted();

private:
    ChangePlan plan(const QString &validator) const;
    PlanApplier::Result run(PlanApplier &applier, const ChangePlan &plan, QStringList *steps,
                            bool cancelAtWrite = false);
    void useHost(PlanApplier &applier);
    QString writeScript(const QString &name, const QByteArray &body);
    int reloads() const { return int(readFile(m_dir->filePath(QStringLiteral("reloads"))).count("ok")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_tools;
    QString m_bin;
    QString m_etc;
    QString m_backups;
    QString m_mainCf;
    QString m_dhFile;
    std::shared_ptr<ShellHost> m_shell;
};

QString TestPlanApplierRemote::writeScript(const QString &name, const QByteArray &body)
{
    const QString path = QDir(m_bin).filePath(name);
    writeFile(path, "#!/bin/sh\n" + body);
    QFile::setPermissions(path,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther
                              | QFile::ReadGroup | QFile::ExeGroup);
    return path;
}

void TestPlanApplierRemote::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_tools = m_dir->filePath(QStringLiteral("tools"));
    m_bin = m_dir->filePath(QStringLiteral("bin"));
    m_etc = m_dir->filePath(QStringLiteral("etc/post fix"));
    m_backups = m_dir->filePath(QStringLiteral("backups"));
    QVERIFY(QDir().mkpath(m_tools));
    QVERIFY(QDir().mkpath(m_bin));
    QVERIFY(QDir().mkpath(m_etc));
    QVERIFY(writeSudo(m_tools, Sudo::Runs));
    m_mainCf = m_etc + QStringLiteral("/main.cf");
    m_dhFile = m_etc + QStringLiteral("/dh_ffdhe3072.pem");
    QVERIFY(writeFile(m_mainCf, original));
    QVERIFY(::chmod(QFile::encodeName(m_mainCf).constData(), 0640) == 0);
    if (::geteuid() == 0)
        QVERIFY(::chown(QFile::encodeName(m_mainCf).constData(), nobody, nobody) == 0);
    const QByteArray reloadLog = QFile::encodeName(m_dir->filePath(QStringLiteral("reloads")));
    writeScript(QStringLiteral("ok"), "exit 0\n");
    writeScript(QStringLiteral("fail"), "echo 'postfix/postfix-script: fatal: the queue is gone' >&2\nexit 1\n");
    writeScript(QStringLiteral("running"), "exit 0\n");
    writeScript(QStringLiteral("reload"), "echo ok >> '" + reloadLog + "'\n");
}

void TestPlanApplierRemote::useHost(PlanApplier &applier)
{
    applier.setBackupRoot(m_backups);
    applier.setCommandHost(sudoHost(m_tools, ServiceHost::sudoPrograms(MailService::Kind::Postfix), &m_shell),
                           location);
}

ChangePlan TestPlanApplierRemote::plan(const QString &validator) const
{
    ChangePlan p;
    p.title = QStringLiteral("Replace the weak Diffie-Hellman group (Logjam)");
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
    p.validateCommands.append({QDir(m_bin).filePath(validator), QStringLiteral("-c"), m_etc});
    p.statusCommand = {QDir(m_bin).filePath(QStringLiteral("running"))};
    p.reloadCommand = {QDir(m_bin).filePath(QStringLiteral("reload"))};
    return p;
}

PlanApplier::Result TestPlanApplierRemote::run(PlanApplier &applier, const ChangePlan &plan, QStringList *steps,
                                               bool cancelAtWrite)
{
    QSignalSpy finished(&applier, &PlanApplier::finished);
    connect(&applier, &PlanApplier::stepFinished, this,
            [steps](const PlanApplier::StepResult &r) { steps->append(stepText(r)); });
    // Cancelled once the first file is being written (its install runs).
    QTimer watch;
    if (cancelAtWrite) {
        watch.setInterval(1);
        connect(&watch, &QTimer::timeout, this, [this, &applier, &watch] {
            for (const QStringList &argv : *m_shell->commands) {
                if (argv.value(3) == QLatin1String("install")) {
                    watch.stop();
                    applier.cancel();
                    return;
                }
            }
        });
        watch.start();
    }
    if (!applier.apply(plan) || !finished.wait(60000))
        qFatal("the plan did not run to its end");
    return finished.at(0).at(0).value<PlanApplier::Result>();
}

void TestPlanApplierRemote::applies()
{
    PlanApplier applier;
    useHost(applier);
    QStringList steps;
    const PlanApplier::Result result = run(applier, plan(QStringLiteral("ok")), &steps);
    QCOMPARE(steps, QStringLiteral("backup:ok write:ok validate:ok reload:ok verify:skipped").split(QLatin1Char(' ')));
    QVERIFY2(result.succeeded, qPrintable(result.message));
    QCOMPARE(readFile(m_mainCf), changedText);
    QCOMPARE(readFile(m_dhFile), dhBytes);
    QCOMPARE(ConfigFile::status(m_mainCf).mode, 0640);
    QCOMPARE(ConfigFile::status(m_dhFile).mode, 0644);
    if (::geteuid() == 0) {
        QCOMPARE(ConfigFile::status(m_mainCf).owner, nobody);
        QCOMPARE(ConfigFile::status(m_mainCf).group, nobody);
    }
    QCOMPARE(reloads(), 1);

    // Every command through sudo -n, in this order.
    QStringList programs;
    for (const QStringList &argv : *m_shell->commands) {
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
        programs.append(QFileInfo(argv.value(3)).fileName());
    }
    QCOMPARE(programs.join(QLatin1Char(' ')),
             QStringLiteral("stat test stat cat " // backup: read each file
                            "stat test install mv " // the new group file
                            "stat cat install mv " // main.cf, checked again
                            "ok running reload"));

    // The backup is here, and names the host.
    const QList<Backup> backups = applier.listBackups();
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.constFirst().host, location);
    QCOMPARE(backups.constFirst().state, QStringLiteral("done"));
    const QJsonObject manifest
        = QJsonDocument::fromJson(readFile(backups.constFirst().folder + QStringLiteral("/manifest.json"))).object();
    QCOMPARE(manifest.value(QStringLiteral("host")).toString(), location);
}

void TestPlanApplierRemote::rollsBack()
{
    PlanApplier applier;
    useHost(applier);
    QStringList steps;
    const PlanApplier::Result result = run(applier, plan(QStringLiteral("fail")), &steps);
    QCOMPARE(steps, QStringLiteral("backup:ok write:ok validate:failed rollback:ok").split(QLatin1Char(' ')));
    QVERIFY(result.rolledBack);
    QCOMPARE(result.message, QStringLiteral("%1/fail -c '%2' failed (exit status 1)").arg(m_bin, m_etc));
    // Byte for byte, mode and owner; the created file removed.
    QCOMPARE(readFile(m_mainCf), original);
    QCOMPARE(ConfigFile::status(m_mainCf).mode, 0640);
    if (::geteuid() == 0)
        QCOMPARE(ConfigFile::status(m_mainCf).owner, nobody);
    QVERIFY(!QFile::exists(m_dhFile));
    QCOMPARE(QDir(m_etc).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("main.cf")});
    QCOMPARE(applier.listBackups().constFirst().state, QStringLiteral("rolled-back"));
    QCOMPARE(reloads(), 0);
}

void TestPlanApplierRemote::sudoRefusesTheStatus()
{
    // sudo runs everything but the status command.
    writeFile(QDir(m_tools).filePath(QStringLiteral("sudo")),
              "#!/bin/sh\nshift 2\ncase $1 in */running) echo 'sudo: a password is required' >&2; exit 1;; esac\n"
              "exec \"$@\"\n");
    PlanApplier applier;
    useHost(applier);
    QStringList steps;
    const PlanApplier::Result result = run(applier, plan(QStringLiteral("ok")), &steps);
    // Not "Postfix is not running": the change is taken back.
    QCOMPARE(steps, QStringLiteral("backup:ok write:ok validate:ok reload:failed rollback:ok").split(QLatin1Char(' ')));
    QVERIFY2(result.message.startsWith(QStringLiteral("%1/running could not be run: sudo on mail@127.0.12.7:2222 "
                                                      "refused to run the command without a password")
                                           .arg(m_bin)),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("    mail ALL=(root) NOPASSWD: /usr/sbin/postconf, ")),
             qPrintable(result.message));
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFile::exists(m_dhFile));
    QCOMPARE(reloads(), 0);
}

void TestPlanApplierRemote::sudoRefusesWrites()
{
    QVERIFY(writeSudo(m_tools, Sudo::RefusesWrites));
    PlanApplier applier;
    useHost(applier);
    QStringList steps;
    const PlanApplier::Result result = run(applier, plan(QStringLiteral("ok")), &steps);
    QCOMPARE(steps, QStringLiteral("backup:ok write:failed").split(QLatin1Char(' ')));
    QVERIFY(result.changedNothing);
    QVERIFY2(result.message.startsWith(
                 QStringLiteral("cannot write %1: sudo on mail@127.0.12.7:2222 refused").arg(m_dhFile)),
             qPrintable(result.message));
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFile::exists(m_dhFile));
    // Nothing was written: no backup is kept.
    QCOMPARE(applier.listBackups().size(), 0);
}

void TestPlanApplierRemote::cancelWhileWriting()
{
    PlanApplier applier;
    useHost(applier);
    QStringList steps;
    const PlanApplier::Result result = run(applier, plan(QStringLiteral("ok")), &steps, true);
    QVERIFY(result.cancelled);
    QCOMPARE(steps, QStringLiteral("backup:ok write:failed rollback:ok").split(QLatin1Char(' ')));
    QCOMPARE(result.message, QStringLiteral("cancelled"));
    // The group file was written before the cancel was seen, and taken back.
    QVERIFY(result.rolledBack);
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFile::exists(m_dhFile));
    QCOMPARE(reloads(), 0);
}

void TestPlanApplierRemote::restores()
{
    QString backupId;
    {
        PlanApplier applier;
        useHost(applier);
        QStringList steps;
        backupId = run(applier, plan(QStringLiteral("ok")), &steps).backupId;
    }
    QCOMPARE(readFile(m_mainCf), changedText);

    PlanApplier applier;
    useHost(applier);
    // The synchronous plan reads this computer's files only.
    QString error;
    QVERIFY(!applier.restorePlan(backupId, &error));
    QCOMPARE(error,
             QStringLiteral("backup %1 holds files of %2: they are read there (mailtls fix --restore %1 --yes)")
                 .arg(backupId, location));

    std::optional<ChangePlan> made;
    bool answered = false;
    const qsizetype commandsBefore = m_shell->commands->size();
    applier.makeRestorePlan(backupId, [&](const std::optional<ChangePlan> &plan, const QString &why) {
        made = plan;
        error = why;
        answered = true;
    });
    QVERIFY(!answered);
    // Another host set meanwhile: the plan is still read from the backup's
    // host, to its end: both files through its commands.
    const std::shared_ptr<QList<QStringList>> remoteCommands = m_shell->commands;
    applier.setCommandHost(std::make_shared<LocalCommandHost>(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QVERIFY2(made, qPrintable(error));
    int filesRead = 0;
    for (qsizetype i = commandsBefore; i < remoteCommands->size(); ++i) {
        const QStringList &argv = remoteCommands->at(i);
        filesRead += int(argv.contains(QStringLiteral("cat")) && (argv.contains(m_mainCf) || argv.contains(m_dhFile)));
    }
    QCOMPARE(filesRead, 2);
    useHost(applier);
    QCOMPARE(made->edits.size(), 2);
    QCOMPARE(made->edits.at(0).path, m_dhFile);
    QVERIFY(made->edits.at(0).removesFile());
    QCOMPARE(made->edits.at(1).after, original);
    QCOMPARE(made->edits.at(1).before, changedText);
    QCOMPARE(made->edits.at(1).mode, 0640);

    QStringList steps;
    const PlanApplier::Result result = run(applier, *made, &steps);
    QVERIFY2(result.succeeded, qPrintable(result.message));
    QCOMPARE(readFile(m_mainCf), original);
    QVERIFY(!QFile::exists(m_dhFile));
    QCOMPARE(applier.listBackups().constFirst().host, location);

    // This computer's backup is not restored on the remote host either.
    {
        PlanApplier local;
        local.setBackupRoot(m_backups);
        ChangePlan localPlan;
        localPlan.title = QStringLiteral("Log TLS sessions");
        localPlan.mta = QStringLiteral("Postfix");
        FileEdit edit;
        edit.path = m_dir->filePath(QStringLiteral("local.cf"));
        edit.after = QByteArray("local\n");
        localPlan.edits = {edit};
        QStringList localSteps;
        const QString localId = run(local, localPlan, &localSteps).backupId;
        QVERIFY(!localId.isEmpty());
        QVERIFY(!applier.restorePlan(localId, &error));
        QCOMPARE(error, QStringLiteral("backup %1 holds files of this computer, not of %2").arg(localId, location));
    }

    // Another host's applier does not restore it.
    PlanApplier elsewhere;
    elsewhere.setBackupRoot(m_backups);
    answered = false;
    elsewhere.makeRestorePlan(backupId, [&](const std::optional<ChangePlan> &plan, const QString &why) {
        made = plan;
        error = why;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QVERIFY(!made);
    QCOMPARE(error, QStringLiteral("backup %1 holds files of %2, not of this computer").arg(backupId, location));
}

// A plan being made that is dropped, or whose applier goes, stops reading
// and never answers.
void TestPlanApplierRemote::restorePlanDroppedOrDeleted()
{
    QString backupId;
    {
        PlanApplier applier;
        useHost(applier);
        QStringList steps;
        backupId = run(applier, plan(QStringLiteral("ok")), &steps).backupId;
    }
    bool answered = false;
    auto *applier = new PlanApplier;
    useHost(*applier);
    const std::shared_ptr<QList<QStringList>> commands = m_shell->commands;
    applier->makeRestorePlan(backupId, [&](const std::optional<ChangePlan> &, const QString &) { answered = true; });
    applier->dropRestorePlans();
    QTest::qWait(1000);
    QVERIFY(!answered);
    QCOMPARE(commands->size(), 0);

    // Deleted with a read in flight.
    applier->makeRestorePlan(backupId, [&](const std::optional<ChangePlan> &, const QString &) { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(!commands->isEmpty(), 20000);
    delete applier;
    QTest::qWait(1000);
    QVERIFY(!answered);
    QCOMPARE(readFile(m_mainCf), changedText);
}

QTEST_GUILESS_MAIN(TestPlanApplierRemote)
#include "tst_planapplierremote.moc"
