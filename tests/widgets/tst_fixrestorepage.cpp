#include "widgets/fix/fixrestorepage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "../models/fixplantestutil.h"
#include "../models/remotehosttestutil.h"
#include "models/mta/servicehost.h"
#include "widgets/fix/fixremoteaccess.h"
#include "widgets/fix/fixwizard.h"

using namespace mailtls;
using namespace fixplantest;

// "Restore Previous Configuration" for backups of this computer's files and
// of a remote host's. The remote host is a stand-in: a CommandHost that runs
// each command on this machine the way ssh runs it there (one string for a
// POSIX shell), behind the real SudoCommandHost and a stand-in sudo, so every
// file the restore reads and writes goes through CommandFileAccess and
// `sudo -n`, as over SSH. The backups are made by the wizard's own TLS-logging
// fix (the installed postconf reads the configuration, a script stands in for
// the postfix command).
class TestFixRestorePage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listsEachBackupsComputer();
    void restoresARemoteBackup();
    void showsTheSudoersLine();
    void refusesWhatItCannotReach_data();
    void refusesWhatItCannotReach();
    void backWhileWorkingOut();
    void cancelWhileWorkingOut();
    void backToTheFixesOnTheInspectedHost();

private:
    FixWizard::Options options(const QString &etc) const;
    void useStandIn(FixWizard &wizard);
    // The TLS-logging fix applied by the wizard in `etc`, on the remote host
    // or on this computer; the id of its backup (empty on failure, with a
    // warning saying why).
    QString fix(bool remote, const QString &etc);
    FixWizard::Options restoreOptions() const;
    QString expectedDiff(const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_etc; // "remote"
    QString m_localEtc;
    QString m_tools;
    QString m_mainCf;
    QString m_localMainCf;
    std::shared_ptr<remotetest::ShellHost> m_shell;
    int m_hostsMade = 0;
};

namespace {

const QByteArray original("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 0\n");
const QByteArray
    fixed("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 1\n# Added by MailTLS\nsmtp_tls_loglevel = 1\n");
const QString remoteUrl = QStringLiteral("ssh://mail@127.0.12.7:2222");

QString label(const QWidget *page, const char *name)
{
    const auto *l = page->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

QString reviewSummary(const QWizard &wizard)
{
    return label(wizard.page(FixWizard::ReviewPage), "reviewSummary");
}

bool waitForPlan(const QWizard &wizard)
{
    return QTest::qWaitFor([&wizard] { return !reviewSummary(wizard).startsWith(QStringLiteral("Working out")); },
                           20000);
}

QTreeWidget *backupsView(const QWizard &wizard)
{
    return wizard.page(FixWizard::RestorePage)->findChild<QTreeWidget *>(QStringLiteral("backups"));
}

QTreeWidgetItem *rowOf(const QWizard &wizard, const QString &id)
{
    QTreeWidget *view = backupsView(wizard);
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->data(FixRestorePage::SavedColumn, Qt::UserRole).toString() == id)
            return view->topLevelItem(i);
    }
    return nullptr;
}

QString diffText(const QWizard &wizard)
{
    const auto *diff = wizard.page(FixWizard::ReviewPage)->findChild<QPlainTextEdit *>(QStringLiteral("diff"));
    return diff->isVisible() ? diff->toPlainText() : QStringLiteral("(no diff)");
}

// The step list of the Apply page as "step:outcome", once it has finished.
QStringList applySteps(FixWizard &wizard)
{
    QAbstractButton *commit = wizard.button(QWizard::CommitButton);
    if (!commit->isVisible() || !commit->isEnabled())
        return {QStringLiteral("(no Apply button)")};
    commit->click();
    if (wizard.currentId() != FixWizard::ApplyPage)
        return {QStringLiteral("(not on the Apply page)")};
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (!QTest::qWaitFor([next] { return next->isEnabled(); }, 30000))
        return {QStringLiteral("(the change did not finish)")};
    QStringList steps;
    const auto *list = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("applySteps"));
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        steps.append(list->topLevelItem(i)->text(0) + QLatin1Char(':') + list->topLevelItem(i)->text(1));
    return steps;
}

QStringList commandLines(const QList<QStringList> &commands)
{
    QStringList lines;
    for (const QStringList &argv : commands)
        lines.append(argv.join(QLatin1Char(' ')));
    return lines;
}

bool editManifest(const QString &folder, const QString &key, const QString &value)
{
    QFile file(QDir(folder).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (!manifest.contains(key))
        return false;
    manifest.insert(key, value);
    return writeFile(file.fileName(), QJsonDocument(manifest).toJson());
}

} // namespace

void TestFixRestorePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(QStringLiteral("postconf"), {QStringLiteral("/usr/sbin")}).isEmpty())
        QSKIP("Postfix's postconf is not installed");
}

void TestFixRestorePage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_etc = m_dir->filePath(QStringLiteral("remote-etc"));
    m_localEtc = m_dir->filePath(QStringLiteral("etc"));
    m_tools = m_dir->filePath(QStringLiteral("tools"));
    for (const QString &dir : {m_etc, m_localEtc, m_tools})
        QVERIFY(QDir().mkpath(dir));
    m_mainCf = m_etc + QStringLiteral("/main.cf");
    m_localMainCf = m_localEtc + QStringLiteral("/main.cf");
    for (const QString &etc : {m_etc, m_localEtc}) {
        QVERIFY(writeFile(etc + QStringLiteral("/main.cf"), original));
        QVERIFY(writeFile(etc + QStringLiteral("/master.cf"), "smtp inet n - y - - smtpd\n"));
    }
    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::Runs));
    QVERIFY(QFile::link(QStringLiteral("/usr/sbin/postconf"), m_tools + QStringLiteral("/postconf")));
    // The postfix command, here and "there": check, status and reload, logged.
    const QString postfix = m_tools + QStringLiteral("/postfix");
    const QByteArray log = QFile::encodeName(m_dir->filePath(QStringLiteral("postfix.log")));
    QVERIFY(writeFile(postfix, "#!/bin/sh\necho \"$3 $2\" >> '" + log + "'\nexit 0\n"));
    QVERIFY(QFile::setPermissions(postfix, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_shell.reset();
    m_hostsMade = 0;
}

FixWizard::Options TestFixRestorePage::options(const QString &etc) const
{
    FixWizard::Options o;
    o.configDir = etc;
    o.backupRoot = m_dir->filePath(QStringLiteral("backups"));
    o.programFolders = {m_tools};
    o.searchPath = false;
    return o;
}

FixWizard::Options TestFixRestorePage::restoreOptions() const
{
    FixWizard::Options o = options(m_etc);
    o.restore = true;
    return o;
}

void TestFixRestorePage::useStandIn(FixWizard &wizard)
{
    wizard.remoteAccess()->setHostMaker(
        [this](const SourceSpec &spec, MailService::Kind kind) -> std::shared_ptr<const CommandHost> {
            ++m_hostsMade;
            m_shell = std::make_shared<remotetest::ShellHost>(m_tools);
            return SudoCommandHost::forLogin(m_shell, spec, ServiceHost::sudoPrograms(kind));
        });
}

QString TestFixRestorePage::fix(bool remote, const QString &etc)
{
    FixWizard wizard(options(etc));
    useStandIn(wizard);
    wizard.show();
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (remote) {
        auto *computer = wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("fixComputer"));
        computer->setCurrentIndex(1);
        emit computer->activated(1);
        wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("fixHost"))->setText(remoteUrl);
        wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("inspectButton"))->click();
    }
    if (!QTest::qWaitFor([next] { return next->isEnabled(); }, 20000)) {
        qWarning() << "inspection:" << label(wizard.currentPage(), "inspectStatus");
        return QString();
    }
    wizard.next();
    auto *logging = wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixTlsLogging"));
    if (!logging || !QTest::qWaitFor([logging] { return logging->isEnabled(); }, 20000)) {
        qWarning() << "no TLS-logging fix offered";
        return QString();
    }
    logging->click();
    wizard.next();
    if (!waitForPlan(wizard)) {
        qWarning() << "no plan:" << reviewSummary(wizard);
        return QString();
    }
    const QStringList steps = applySteps(wizard);
    if (!wizard.applyResult().succeeded) {
        qWarning() << "not applied:" << steps << wizard.applyResult().message;
        return QString();
    }
    return wizard.applyResult().backupId;
}

QString TestFixRestorePage::expectedDiff(const QString &path) const
{
    return QStringLiteral("--- a%1\n+++ b%1\n@@ -1,5 +1,3 @@\n # the admin's file\n biff = no\n"
                          "-smtpd_tls_loglevel = 1\n-# Added by MailTLS\n-smtp_tls_loglevel = 1\n"
                          "+smtpd_tls_loglevel = 0\n")
        .arg(path);
}

// Each backup with the computer its files are on, when it was saved, the
// service, the change, its state and its files.
void TestFixRestorePage::listsEachBackupsComputer()
{
    const QString localId = fix(false, m_localEtc);
    QVERIFY(!localId.isEmpty());
    const QString remoteId = fix(true, m_etc);
    QVERIFY(!remoteId.isEmpty());

    FixWizard wizard(restoreOptions());
    useStandIn(wizard);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    QCOMPARE(label(wizard.currentPage(), "restoreStatus"),
             QStringLiteral("2 backup(s) in %1.").arg(m_dir->filePath(QStringLiteral("backups"))));
    QTreeWidget *view = backupsView(wizard);
    QCOMPARE(view->topLevelItemCount(), 2);
    QCOMPARE(view->headerItem()->text(FixRestorePage::ComputerColumn), QStringLiteral("Computer"));
    const QList<Backup> backups = wizard.applier()->listBackups();
    QCOMPARE(backups.size(), 2);
    for (const Backup &b : backups) {
        const bool remote = b.id == remoteId;
        QVERIFY(remote || b.id == localId);
        const QTreeWidgetItem *row = rowOf(wizard, b.id);
        QVERIFY(row);
        QCOMPARE(row->text(FixRestorePage::SavedColumn),
                 QLocale().toString(b.created.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(row->text(FixRestorePage::ComputerColumn), remote ? remoteUrl : QStringLiteral("This computer"));
        QCOMPARE(row->toolTip(FixRestorePage::ComputerColumn),
                 remote ? QStringLiteral("The files are on ssh://mail@127.0.12.7:2222: they are read and put back "
                                         "there over SSH, as root through sudo -n.")
                        : QStringLiteral("The files are on this computer."));
        QCOMPARE(row->text(FixRestorePage::ServiceColumn), QStringLiteral("Postfix"));
        QCOMPARE(row->text(FixRestorePage::ChangeColumn), QStringLiteral("Log TLS sessions"));
        QCOMPARE(row->text(FixRestorePage::StateColumn), QStringLiteral("Applied"));
        QCOMPARE(row->text(FixRestorePage::FilesColumn), remote ? m_mainCf : m_localMainCf);
    }
    // Listing reaches no host.
    QCOMPARE(m_hostsMade, 1);
}

// A backup of the remote host's files: the plan is worked out there (the
// files read through sudo -n), shown as the exact diff, and applied there.
void TestFixRestorePage::restoresARemoteBackup()
{
    const QString backupId = fix(true, m_etc);
    QVERIFY(!backupId.isEmpty());
    QCOMPARE(readFile(m_mainCf), fixed);
    m_shell.reset();

    FixWizard wizard(restoreOptions());
    useStandIn(wizard);
    wizard.show();
    QCOMPARE(backupsView(wizard)->topLevelItemCount(), 1);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QCOMPARE(wizard.applier()->hostLocation(), remoteUrl);
    QVERIFY(m_shell);
    // Never worked out on the window's thread: the page says so meanwhile.
    QCOMPARE(reviewSummary(wizard),
             QStringLiteral("Working out what putting back backup %1 changes on %2 …").arg(backupId, remoteUrl));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!wizard.button(QWizard::CommitButton)->isVisible());
    QVERIFY(waitForPlan(wizard));
    QCOMPARE(reviewSummary(wizard),
             QStringLiteral("Put back the configuration saved before \"Log TLS sessions\" (backup %1). Nothing has "
                            "been written yet: Apply backs up every file, writes the change, checks it, reloads "
                            "Postfix and puts everything back if any step fails.\nThe files are on %2.")
                 .arg(backupId, remoteUrl));
    QCOMPARE(diffText(wizard), expectedDiff(m_mainCf));
    // The file was read there, as root.
    QCOMPARE(commandLines(*m_shell->commands),
             QStringList({QStringLiteral("sudo -n -- stat -c %f %u %g %s -- %1").arg(m_mainCf),
                          QStringLiteral("sudo -n -- cat -- %1").arg(m_mainCf)}));
    QCOMPARE(readFile(m_mainCf), fixed);

    QCOMPARE(applySteps(wizard),
             QStringList({QStringLiteral("backup:ok"), QStringLiteral("write:ok"), QStringLiteral("validate:ok"),
                          QStringLiteral("reload:ok"), QStringLiteral("verify:skipped")}));
    QVERIFY2(wizard.applyResult().succeeded, qPrintable(wizard.applyResult().message));
    wizard.next();
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Done"));
    QCOMPARE(readFile(m_mainCf), original);
    for (const QStringList &argv : *m_shell->commands)
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
    // The fix: status, check, status, reload; the restore: check, status, reload.
    QCOMPARE(readFile(m_dir->filePath(QStringLiteral("postfix.log"))),
             QString(QStringLiteral("status %1\ncheck %1\nstatus %1\nreload %1\n"
                                    "check %1\nstatus %1\nreload %1\n"))
                 .arg(m_etc)
                 .toUtf8());
    // The restore was backed up too, and names the host.
    const QList<Backup> backups = wizard.applier()->listBackups();
    QCOMPARE(backups.size(), 2);
    QVERIFY(backups.constFirst().id != backupId);
    QCOMPARE(backups.constFirst().host, remoteUrl);
    QCOMPARE(m_hostsMade, 2);
}

// sudo -n refused on the host: the page says why and shows the sudoers line
// to add; once it is there, Retry works the plan out.
void TestFixRestorePage::showsTheSudoersLine()
{
    const QString backupId = fix(true, m_etc);
    QVERIFY(!backupId.isEmpty());
    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::AsksForPassword));

    FixWizard wizard(restoreOptions());
    useStandIn(wizard);
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QVERIFY(waitForPlan(wizard));
    QWizardPage *page = wizard.currentPage();
    QVERIFY2(reviewSummary(wizard).startsWith(
                 QStringLiteral("The change cannot be made: cannot read %1: sudo on mail@127.0.12.7:2222 refused")
                     .arg(m_mainCf)),
             qPrintable(reviewSummary(wizard)));
    auto *line = page->findChild<QPlainTextEdit *>(QStringLiteral("sudoersLine"));
    QVERIFY(line->isVisible());
    QVERIFY(line->isReadOnly());
    QCOMPARE(line->toPlainText(),
             QStringLiteral("mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/openssl, "
                            "/usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm"));
    QCOMPARE(label(page, "sudoersNote"),
             QStringLiteral("sudo on mail@127.0.12.7:2222 runs nothing without a password. Add this on that host "
                            "(visudo -f /etc/sudoers.d/mailtls), then press Retry; MailTLS never asks for a sudo "
                            "password:"));
    QVERIFY(!page->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->isVisible());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!wizard.button(QWizard::CommitButton)->isVisible());
    auto *retry = page->findChild<QPushButton *>(QStringLiteral("retryPlan"));
    QVERIFY(retry->isVisible());

    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::Runs));
    retry->click();
    QVERIFY(reviewSummary(wizard).startsWith(QStringLiteral("Working out")));
    QVERIFY(!line->isVisible());
    QVERIFY(!retry->isVisible());
    QVERIFY(waitForPlan(wizard));
    QCOMPARE(diffText(wizard), expectedDiff(m_mainCf));
    QVERIFY(wizard.button(QWizard::CommitButton)->isEnabled());
    QVERIFY(!line->isVisible());
    QVERIFY(!retry->isVisible());
    QCOMPARE(readFile(m_mainCf), fixed);
}

// What the Restore page refuses before any host is reached.
void TestFixRestorePage::refusesWhatItCannotReach_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    // The services are made fixable remotely one after the other: the row is
    // for one that is not yet, while there is one.
    for (MailService::Kind kind : {MailService::Kind::Sendmail, MailService::Kind::Exim, MailService::Kind::Dovecot}) {
        if (ServiceHost::supportsRemote(kind))
            continue;
        QTest::newRow("a service fixed here only")
            << QStringLiteral("mta") << MailService::kindTitle(kind) << ServiceHost::remoteRefusal(kind);
        break;
    }
    QTest::newRow("an unknown service") << QStringLiteral("mta") << QStringLiteral("Qmail")
                                        << QStringLiteral("it is of an unknown service, Qmail");
    QTest::newRow("no SSH host") << QStringLiteral("host") << QStringLiteral("mail.example.org")
                                 << QStringLiteral("\"mail.example.org\" is not an SSH host: write "
                                                   "ssh://[user@]host[:port]");
}

void TestFixRestorePage::refusesWhatItCannotReach()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    QVERIFY(!reason.isEmpty());
    const QString backupId = fix(true, m_etc);
    QVERIFY(!backupId.isEmpty());
    QVERIFY(editManifest(m_dir->filePath(QStringLiteral("backups/")) + backupId, key, value));
    m_hostsMade = 0;

    FixWizard wizard(restoreOptions());
    useStandIn(wizard);
    wizard.show();
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    QCOMPARE(label(wizard.currentPage(), "restoreStatus"),
             QStringLiteral("Backup %1 cannot be restored from here: %2").arg(backupId, reason));
    QCOMPARE(m_hostsMade, 0);
    QCOMPARE(wizard.applier()->hostLocation(), QString());
    QCOMPARE(readFile(m_mainCf), fixed);
}

// Back while the remote plan is worked out, then this computer's backup:
// its plan is shown, and the remote one's answer never replaces it.
void TestFixRestorePage::backWhileWorkingOut()
{
    const QString localId = fix(false, m_localEtc);
    QVERIFY(!localId.isEmpty());
    const QString remoteId = fix(true, m_etc);
    QVERIFY(!remoteId.isEmpty());

    FixWizard wizard(restoreOptions());
    useStandIn(wizard);
    wizard.show();
    QTreeWidget *view = backupsView(wizard);
    view->setCurrentItem(rowOf(wizard, remoteId));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QVERIFY(reviewSummary(wizard).startsWith(QStringLiteral("Working out")));
    wizard.back();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    view->setCurrentItem(rowOf(wizard, localId));
    wizard.next();
    QCOMPARE(wizard.applier()->hostLocation(), QString());
    QCOMPARE(reviewSummary(wizard), QStringLiteral("Working out what putting back backup %1 changes …").arg(localId));
    QVERIFY(waitForPlan(wizard));
    QCOMPARE(diffText(wizard), expectedDiff(m_localMainCf));
    QTest::qWait(1000);
    QCOMPARE(diffText(wizard), expectedDiff(m_localMainCf));
    QVERIFY(reviewSummary(wizard).startsWith(
        QStringLiteral("Put back the configuration saved before \"Log TLS sessions\" (backup %1).").arg(localId)));
    QVERIFY(!reviewSummary(wizard).contains(QStringLiteral("The files are on")));

    QCOMPARE(applySteps(wizard).size(), 5);
    QVERIFY2(wizard.applyResult().succeeded, qPrintable(wizard.applyResult().message));
    QCOMPARE(readFile(m_localMainCf), original);
    QCOMPARE(readFile(m_mainCf), fixed);
}

// Cancel while the plan is worked out: the answer goes nowhere (the reads
// on the host are dropped with it), whether the wizard is kept or deleted on
// close (as the main window's is).
void TestFixRestorePage::cancelWhileWorkingOut()
{
    const QString backupId = fix(true, m_etc);
    QVERIFY(!backupId.isEmpty());
    {
        FixWizard wizard(restoreOptions());
        useStandIn(wizard);
        wizard.show();
        wizard.next();
        const QString working = reviewSummary(wizard);
        QVERIFY(working.startsWith(QStringLiteral("Working out")));
        wizard.reject();
        QVERIFY(!wizard.isVisible());
        QTest::qWait(1500);
        QVERIFY(m_shell->commands->isEmpty());
        QCOMPARE(reviewSummary(wizard), working);
        QVERIFY(!wizard.page(FixWizard::ReviewPage)->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->isVisible());
    }
    auto *wizard = new FixWizard(restoreOptions());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    useStandIn(*wizard);
    wizard->show();
    wizard->next();
    QVERIFY(reviewSummary(*wizard).startsWith(QStringLiteral("Working out")));
    const QPointer<FixWizard> alive(wizard);
    wizard->reject();
    QTRY_VERIFY(alive.isNull());
    QTest::qWait(1500);
    QCOMPARE(readFile(m_mainCf), fixed);
}

// Inspected on the remote host, then Restore, a backup of this computer's
// files chosen and reviewed: Back to the Inspect page puts the applier back
// on the remote host, where the fix is made.
void TestFixRestorePage::backToTheFixesOnTheInspectedHost()
{
    const QString localId = fix(false, m_localEtc);
    QVERIFY(!localId.isEmpty());

    FixWizard wizard(options(m_etc));
    useStandIn(wizard);
    wizard.show();
    auto *computer = wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("fixComputer"));
    computer->setCurrentIndex(1);
    emit computer->activated(1);
    wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("fixHost"))->setText(remoteUrl);
    wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("inspectButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QCOMPARE(wizard.applier()->hostLocation(), remoteUrl);

    wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("restoreButton"))->click();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QCOMPARE(wizard.applier()->hostLocation(), QString());
    QVERIFY(waitForPlan(wizard));
    QCOMPARE(diffText(wizard), expectedDiff(m_localMainCf));

    wizard.back();
    wizard.back();
    QCOMPARE(wizard.currentId(), int(FixWizard::InspectPage));
    QCOMPARE(wizard.applier()->hostLocation(), remoteUrl);
    QVERIFY(wizard.restoreBackup().isEmpty());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ChoosePage));
}

QTEST_MAIN(TestFixRestorePage)
#include "tst_fixrestorepage.moc"
