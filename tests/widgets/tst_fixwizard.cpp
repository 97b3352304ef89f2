#include "widgets/fix/fixwizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "../models/fixplantestutil.h"
#include "widgets/fix/fixrestorepage.h"
#include "widgets/mainwindow.h"
#include "widgets/probe/findingsview.h"

using namespace mailtls;
using namespace fixplantest;

// The wizard walked through the TLS-logging fix on a configuration folder of
// its own: the installed postconf reads it, and a script stands in for the
// postfix command (check, status, reload), so no Postfix runs and nothing
// outside the temporary folder changes.
class TestFixWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void appliesTlsLogging();
    void rollsBackWhenTheCheckFails();
    void nothingToChange();
    void cancelRollsBack();
    void retriesAFailedInspection();
    void logjamGroupChoice();
    void reachableFromTheWindow();
    void restoresABackup();
    void preferredFixIsChosen();
    void choosesAnotherService();
    void restoreFromTheInspectPage();

private:
    void writePostfix(const QByteArray &check);
    FixWizard::Options options() const;
    // Inspect → Choose (TLS logging) → Review; the diff shown.
    QString walkToReview(FixWizard &wizard);
    // Apply → result page; the step list as "step:outcome".
    QStringList apply(FixWizard &wizard);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_etc;
    QString m_bin;
    QString m_mainCf;
};

namespace {

const QByteArray original("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 0\n");

QString label(const QWidget *page, const char *name)
{
    const auto *l = page->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

// The Choose page works out what each fix changes off the window's thread.
bool waitForChoices(QWizard &wizard)
{
    return QTest::qWaitFor(
        [&wizard] { return !label(wizard.currentPage(), "logjamNote").startsWith(QStringLiteral("Working out")); },
        20000);
}

// The Review page is working the plan out ("Working out the change …")
// until it shows it, or says why it cannot be made.
bool waitForPlan(QWizard &wizard)
{
    return QTest::qWaitFor(
        [&wizard] {
            return !label(wizard.currentPage(), "reviewSummary").startsWith(QStringLiteral("Working out"));
        },
        20000);
}

} // namespace

void TestFixWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(QStringLiteral("postconf"), {QStringLiteral("/usr/sbin")}).isEmpty())
        QSKIP("Postfix's postconf is not installed");
}

void TestFixWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_etc = m_dir->filePath(QStringLiteral("etc"));
    m_bin = m_dir->filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(m_etc));
    QVERIFY(QDir().mkpath(m_bin));
    m_mainCf = m_etc + QStringLiteral("/main.cf");
    QVERIFY(writeFile(m_mainCf, original));
    QVERIFY(writeFile(m_etc + QStringLiteral("/master.cf"), "smtp inet n - y - - smtpd\n"));
    QVERIFY(QFile::link(QStringLiteral("/usr/sbin/postconf"), m_bin + QStringLiteral("/postconf")));
}

void TestFixWizard::writePostfix(const QByteArray &check)
{
    const QString path = m_bin + QStringLiteral("/postfix");
    const QByteArray log = QFile::encodeName(m_dir->filePath(QStringLiteral("postfix.log")));
    QVERIFY(writeFile(path,
                      "#!/bin/sh\necho \"$3\" >> '" + log + "'\ncase \"$3\" in\n  check) " + check
                          + " ;;\n  status) exit 0 ;;\n  reload) exit 0 ;;\nesac\n"));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

FixWizard::Options TestFixWizard::options() const
{
    FixWizard::Options o;
    o.configDir = m_etc;
    o.backupRoot = m_dir->filePath(QStringLiteral("backups"));
    o.verifyAddress = QStringLiteral("127.0.0.1");
    o.programFolders = {m_bin};
    o.searchPath = false;
    return o;
}

QString TestFixWizard::walkToReview(FixWizard &wizard)
{
    wizard.show();
    if (wizard.currentId() != FixWizard::InspectPage)
        return QStringLiteral("(not on the Inspect page)");
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (!QTest::qWaitFor([next] { return next->isEnabled(); }, 20000))
        return label(wizard.currentPage(), "inspectStatus");
    if (!label(wizard.currentPage(), "inspectStatus").startsWith(QStringLiteral("Postfix 3.")))
        return label(wizard.currentPage(), "inspectStatus");
    const auto *findings = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("findings"));
    if (findings->topLevelItemCount() == 0)
        return QStringLiteral("(no findings)");

    wizard.next();
    if (wizard.currentId() != FixWizard::ChoosePage)
        return QStringLiteral("(not on the Choose page)");
    if (!waitForChoices(wizard))
        return QStringLiteral("(the fixes were not worked out)");
    auto *logging = wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixTlsLogging"));
    if (!logging->isEnabled())
        return label(wizard.currentPage(), "tlsLoggingNote");
    logging->click();
    wizard.next();
    if (wizard.currentId() != FixWizard::ReviewPage)
        return QStringLiteral("(not on the Review page)");
    // The plan is made off the window's thread; the page says so meanwhile.
    if (!waitForPlan(wizard))
        return QStringLiteral("(no plan shown)");
    const auto *diff = wizard.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("diff"));
    if (!diff->isReadOnly())
        return QStringLiteral("(the diff is editable)");
    return diff->isVisible() ? diff->toPlainText() : label(wizard.currentPage(), "reviewSummary");
}

QStringList TestFixWizard::apply(FixWizard &wizard)
{
    QAbstractButton *commit = wizard.button(QWizard::CommitButton);
    if (!commit->isVisible() || !commit->isEnabled())
        return {QStringLiteral("(no Apply button)")};
    commit->click();
    if (wizard.currentId() != FixWizard::ApplyPage)
        return {QStringLiteral("(not on the Apply page)")};
    // The review page commits: there is no way back while files change.
    if (wizard.button(QWizard::BackButton)->isVisible() && wizard.button(QWizard::BackButton)->isEnabled())
        return {QStringLiteral("(Back is enabled while applying)")};
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (!QTest::qWaitFor([next] { return next->isEnabled(); }, 30000))
        return {QStringLiteral("(the change did not finish)")};
    QStringList steps;
    const auto *list = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("applySteps"));
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        steps.append(list->topLevelItem(i)->text(0) + QLatin1Char(':') + list->topLevelItem(i)->text(1));
    wizard.next();
    if (wizard.currentId() != FixWizard::ResultPage)
        steps.append(QStringLiteral("(not on the result page)"));
    return steps;
}

void TestFixWizard::appliesTlsLogging()
{
    writePostfix("exit 0");
    FixWizard wizard(options());
    const QString diff = walkToReview(wizard);
    QCOMPARE(diff,
             QStringLiteral("--- a%1\n+++ b%1\n@@ -1,3 +1,5 @@\n # the admin's file\n biff = no\n"
                            "-smtpd_tls_loglevel = 0\n+smtpd_tls_loglevel = 1\n+# Added by MailTLS\n"
                            "+smtp_tls_loglevel = 1\n")
                 .arg(m_mainCf));
    QCOMPARE(readFile(m_mainCf), original); // nothing written before Apply

    const QStringList steps = apply(wizard);
    QCOMPARE(steps, QStringList({QStringLiteral("backup:ok"), QStringLiteral("write:ok"), QStringLiteral("validate:ok"),
                                 QStringLiteral("reload:ok"), QStringLiteral("verify:skipped")}));
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Done"));
    QVERIFY(wizard.applyResult().succeeded);
    QCOMPARE(readFile(m_mainCf),
             QByteArray("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 1\n# Added by MailTLS\nsmtp_tls_loglevel = 1\n"));
    QCOMPARE(readFile(m_dir->filePath(QStringLiteral("postfix.log"))), QByteArray("status\ncheck\nstatus\nreload\n"));
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
}

void TestFixWizard::rollsBackWhenTheCheckFails()
{
    writePostfix("echo 'postfix/postfix-script: fatal: the queue is gone' >&2; exit 1");
    FixWizard wizard(options());
    QVERIFY(walkToReview(wizard).startsWith(QStringLiteral("--- a")));
    const QStringList steps = apply(wizard);
    QCOMPARE(steps, QStringList({QStringLiteral("backup:ok"), QStringLiteral("write:ok"),
                                 QStringLiteral("validate:failed"), QStringLiteral("rollback:ok")}));
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Rolled back"));
    const QString message = label(wizard.currentPage(), "resultMessage");
    const auto *output = wizard.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("resultOutput"));
    QCOMPARE(output->toPlainText(),
             QStringLiteral("$ %1/postfix -c %2 check\npostfix/postfix-script: fatal: the queue is gone\n")
                 .arg(m_bin, m_etc));
    QCOMPARE(message, QStringLiteral("The validate step failed: %1/postfix -c %2 check failed (exit status 1)\n"
                                     "Your files were restored.")
                          .arg(m_bin, m_etc));
    QCOMPARE(readFile(m_mainCf), original);
}

void TestFixWizard::nothingToChange()
{
    QVERIFY(writeFile(m_mainCf, "smtpd_tls_loglevel = 1\nsmtp_tls_loglevel = 2\n"));
    writePostfix("exit 0");
    FixWizard wizard(options());
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ChoosePage));
    QVERIFY(waitForChoices(wizard));
    const auto *logging = wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixTlsLogging"));
    QVERIFY(!logging->isEnabled());
    QCOMPARE(label(wizard.currentPage(), "tlsLoggingNote"),
             QStringLiteral("Nothing to change: TLS sessions are logged already."));
}

void TestFixWizard::cancelRollsBack()
{
    writePostfix("exec sleep 30");
    FixWizard wizard(options());
    QVERIFY(walkToReview(wizard).startsWith(QStringLiteral("--- a")));
    wizard.button(QWizard::CommitButton)->click();
    QCOMPARE(wizard.currentId(), int(FixWizard::ApplyPage));
    const auto *list = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("applySteps"));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 3, 10000);
    QCOMPARE(list->topLevelItem(2)->text(0), QStringLiteral("validate"));
    QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("running…"));
    // Cancel asks the applier to stop; the wizard stays to say what was put back.
    wizard.reject();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 10000);
    QVERIFY(wizard.isVisible());
    QVERIFY(wizard.applyResult().cancelled);
    QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("failed"));
    QCOMPARE(list->topLevelItem(list->topLevelItemCount() - 1)->text(0), QStringLiteral("rollback"));
    QCOMPARE(list->topLevelItem(list->topLevelItemCount() - 1)->text(1), QStringLiteral("ok"));
    wizard.next();
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Rolled back"));
    QCOMPARE(readFile(m_mainCf), original);
}

void TestFixWizard::retriesAFailedInspection()
{
    QVERIFY(QFile::remove(m_mainCf));
    writePostfix("exit 0");
    FixWizard wizard(options());
    wizard.show();
    auto *retry = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("retryInspection"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 20000);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(label(wizard.currentPage(), "inspectStatus"),
             QStringLiteral("The inspection failed: postconf could not read the Postfix configuration: open %1: No "
                            "such file or directory")
                 .arg(m_mainCf));

    QVERIFY(writeFile(m_mainCf, original));
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY(!retry->isVisible());
    QVERIFY(label(wizard.currentPage(), "inspectStatus").startsWith(QStringLiteral("Postfix 3.")));
}

void TestFixWizard::logjamGroupChoice()
{
    QVERIFY(writeFile(m_etc + QStringLiteral("/dh1024.pem"), oakley2Pem()));
    const QByteArray mainCf("smtpd_tls_dh1024_param_file = ${config_directory}/dh1024.pem\n");
    QVERIFY(writeFile(m_mainCf, mainCf));
    writePostfix("exit 0");
    FixWizard wizard(options());
    wizard.show();
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
    wizard.next();
    QVERIFY(waitForChoices(wizard));
    auto *logjam = wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixLogjam"));
    QVERIFY(logjam->isEnabled());
    logjam->click();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::DhPage));
    QWizardPage *page = wizard.currentPage();
    const bool autoDh = wizard.service()->autoDhAvailable();
    QCOMPARE(page->findChild<QRadioButton *>(QStringLiteral("dhAuto"))->isChecked(), autoDh);
    QCOMPARE(page->findChild<QComboBox *>(QStringLiteral("dhGroup"))->currentText(), QStringLiteral("ffdhe3072"));

    // A group of its own: a busy bar while OpenSSL searches, Next only once
    // a group is ready, and Cancel stops it.
    page->findChild<QRadioButton *>(QStringLiteral("dhGenerate"))->click();
    QVERIFY(!next->isEnabled());
    page->findChild<QPushButton *>(QStringLiteral("dhGenerateButton"))->click();
    const auto *progress = page->findChild<QProgressBar *>(QStringLiteral("dhProgress"));
    QCOMPARE(progress->maximum(), 0);
    QVERIFY(!next->isEnabled());
    auto *cancel = page->findChild<QPushButton *>(QStringLiteral("dhCancelButton"));
    QVERIFY(cancel->isEnabled());
    cancel->click();
    QTRY_COMPARE(page->findChild<QLabel *>(QStringLiteral("dhProgressText"))->text(),
                 QStringLiteral("The generation was cancelled."));
    QCOMPARE(progress->maximum(), 1);
    QVERIFY(!next->isEnabled());

    page->findChild<QRadioButton *>(QStringLiteral("dhRfc7919"))->click();
    auto *group = page->findChild<QComboBox *>(QStringLiteral("dhGroup"));
    group->setCurrentIndex(group->findText(QStringLiteral("ffdhe4096")));
    QVERIFY(next->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QVERIFY(waitForPlan(wizard));
    const QString diff = wizard.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("diff"))->toPlainText();
    const QString dhFile = m_etc + QStringLiteral("/dh_ffdhe4096.pem");
    QVERIFY2(diff.startsWith(QStringLiteral("--- /dev/null\n+++ b%1\n").arg(dhFile)), qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("+-----BEGIN DH PARAMETERS-----\n")), qPrintable(diff));
    QVERIFY2(diff.endsWith(QStringLiteral("--- a%1\n+++ b%1\n@@ -1 +1 @@\n"
                                          "-smtpd_tls_dh1024_param_file = ${config_directory}/dh1024.pem\n"
                                          "+smtpd_tls_dh1024_param_file = %2\n")
                               .arg(m_mainCf, dhFile)),
             qPrintable(diff));
    QCOMPARE(readFile(m_mainCf), mainCf);
    QVERIFY(!QFile::exists(dhFile));
}

void TestFixWizard::reachableFromTheWindow()
{
    MainWindow window;
    auto *action = window.findChild<QAction *>(QStringLiteral("fixServerAction"));
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("&Fix My Server…"));
    action->trigger();
    QList<FixWizard *> wizards = window.findChildren<FixWizard *>();
    QCOMPARE(wizards.size(), 1);
    // Postfix first, in its own folder.
    QCOMPARE(wizards.constFirst()->kind(), MailService::Kind::Postfix);
    QCOMPARE(wizards.constFirst()->configDir(), QString());
    QVERIFY(wizards.constFirst()->isVisible());

    auto *button = window.findChild<QToolButton *>(QStringLiteral("fixServerButton"));
    QVERIFY(button);
    button->click();
    wizards = window.findChildren<FixWizard *>();
    QCOMPARE(wizards.size(), 2);
    QCOMPARE(wizards.constLast()->kind(), MailService::Kind::Postfix);

    auto *restore = window.findChild<QAction *>(QStringLiteral("restoreServerAction"));
    QVERIFY(restore);
    QCOMPARE(restore->text(), QStringLiteral("&Restore Previous Configuration…"));
    restore->trigger();
    wizards = window.findChildren<FixWizard *>();
    QCOMPARE(wizards.size(), 3);
    QCOMPARE(wizards.constLast()->currentId(), int(FixWizard::RestorePage));

    // A probe finding about this computer opens it on that finding's fix.
    emit window.findChild<FindingsView *>()->fixRequested(MailService::Fix::StartTls);
    wizards = window.findChildren<FixWizard *>();
    QCOMPARE(wizards.size(), 4);
    QCOMPARE(wizards.constLast()->options().preferredFix, std::optional(MailService::Fix::StartTls));
}

// The fix a finding asked for is the one chosen, when it is needed.
void TestFixWizard::preferredFixIsChosen()
{
    writePostfix("exit 0");
    FixWizard::Options o = options();
    o.preferredFix = MailService::Fix::TlsLogging;
    FixWizard wizard(o);
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ChoosePage));
    QVERIFY(waitForChoices(wizard));
    // STARTTLS comes first and is needed too.
    QVERIFY(wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixStarttls"))->isEnabled());
    QVERIFY(wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixTlsLogging"))->isChecked());
}

// A fix, then "Restore Previous Configuration": the backup listed, its
// restore plan shown as a diff, applied like a fix, the file as it was.
void TestFixWizard::restoresABackup()
{
    writePostfix("exit 0");
    {
        FixWizard wizard(options());
        QVERIFY(walkToReview(wizard).startsWith(QStringLiteral("--- a")));
        QCOMPARE(apply(wizard).size(), 5);
        QVERIFY(wizard.applyResult().succeeded);
    }
    const QByteArray fixed = readFile(m_mainCf);
    QVERIFY(fixed != original);

    FixWizard::Options o = options();
    o.restore = true;
    FixWizard wizard(o);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    QCOMPARE(wizard.windowTitle(), QStringLiteral("Restore Previous Configuration"));
    const auto *backups = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("backups"));
    QCOMPARE(backups->topLevelItemCount(), 1);
    QCOMPARE(backups->topLevelItem(0)->text(FixRestorePage::ComputerColumn), QStringLiteral("This computer"));
    QCOMPARE(backups->topLevelItem(0)->text(FixRestorePage::ServiceColumn), QStringLiteral("Postfix"));
    QCOMPARE(backups->topLevelItem(0)->text(FixRestorePage::ChangeColumn), QStringLiteral("Log TLS sessions"));
    QCOMPARE(backups->topLevelItem(0)->text(FixRestorePage::StateColumn), QStringLiteral("Applied"));
    QCOMPARE(backups->topLevelItem(0)->text(FixRestorePage::FilesColumn), m_mainCf);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    // Worked out by the applier, as for a backup of another host's files.
    QVERIFY(label(wizard.currentPage(), "reviewSummary").startsWith(QStringLiteral("Working out what putting back")));
    QVERIFY(waitForPlan(wizard));
    const auto *diff = wizard.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("diff"));
    QCOMPARE(diff->toPlainText(),
             QStringLiteral("--- a%1\n+++ b%1\n@@ -1,5 +1,3 @@\n # the admin's file\n biff = no\n"
                            "-smtpd_tls_loglevel = 1\n-# Added by MailTLS\n-smtp_tls_loglevel = 1\n"
                            "+smtpd_tls_loglevel = 0\n")
                 .arg(m_mainCf));
    QCOMPARE(readFile(m_mainCf), fixed);
    const QStringList steps = apply(wizard);
    QCOMPARE(steps, QStringList({QStringLiteral("backup:ok"), QStringLiteral("write:ok"), QStringLiteral("validate:ok"),
                                 QStringLiteral("reload:ok"), QStringLiteral("verify:skipped")}));
    QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Done"));
    QCOMPARE(readFile(m_mainCf), original);
}

// The Inspect page leads to the backups too, even when the inspection
// failed (a broken configuration is the one to restore); Back returns to
// the fixes.
void TestFixWizard::restoreFromTheInspectPage()
{
    QVERIFY(QFile::remove(m_mainCf));
    writePostfix("exit 0");
    FixWizard wizard(options());
    wizard.show();
    auto *retry = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("retryInspection"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 20000);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("restoreButton"))->click();
    QCOMPARE(wizard.currentId(), int(FixWizard::RestorePage));
    QCOMPARE(label(wizard.currentPage(), "restoreStatus"),
             QStringLiteral("There are no backups in %1: no fix has changed a file yet.")
                 .arg(m_dir->filePath(QStringLiteral("backups"))));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    wizard.back();
    QCOMPARE(wizard.currentId(), int(FixWizard::InspectPage));
    QVERIFY(!wizard.wantsRestore());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
}

// The Inspect page's service box inspects another service at once, in that
// service's own folder; choosing Postfix again inspects Postfix again.
void TestFixWizard::choosesAnotherService()
{
    writePostfix("exit 0");
    FixWizard wizard(options());
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    auto *box = wizard.currentPage()->findChild<QComboBox *>(QStringLiteral("fixService"));
    QVERIFY(box);
    QCOMPARE(box->currentText(), QStringLiteral("Postfix"));
    QCOMPARE(box->count(), 4);

    box->setCurrentIndex(box->findText(QStringLiteral("Dovecot")));
    emit box->activated(box->currentIndex());
    QCOMPARE(wizard.kind(), MailService::Kind::Dovecot);
    QCOMPARE(wizard.configDir(), QString());
    QVERIFY(!wizard.service());
    auto *retry = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("retryInspection"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 20000);
    // Only the test's folder is searched, and it holds no doveconf.
    QCOMPARE(label(wizard.currentPage(), "inspectStatus"),
             QStringLiteral("The inspection failed: doveconf was not found on this computer: is Dovecot installed? "
                            "(looked in %1)")
                 .arg(m_bin));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    box->setCurrentIndex(box->findText(QStringLiteral("Postfix")));
    emit box->activated(box->currentIndex());
    QCOMPARE(wizard.configDir(), m_etc);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QCOMPARE(wizard.service()->kind(), MailService::Kind::Postfix);
    QVERIFY(label(wizard.currentPage(), "inspectStatus").startsWith(QStringLiteral("Postfix 3.")));
}

QTEST_MAIN(TestFixWizard)
#include "tst_fixwizard.moc"
