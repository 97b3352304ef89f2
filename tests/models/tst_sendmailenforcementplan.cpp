#include <QProcess>
#include <QtTest>

#include "models/campaign/sendmailenforcementplan.h"
#include "models/mta/sendmailcf.h"
#include "models/mta/sendmailinspection.h"
#include "models/sources/localcommandhost.h"
#include "tests/models/tst_sendmailns.h"

using namespace mailtls;
using namespace mailtls::testutil;

// The Sendmail window's plan on Debian's configuration, with the real m4 and
// sendmail inside the test's namespace: the exact sendmail.mc, a sendmail.cf
// as Debian's Makefile builds it that sendmail accepts, the refusals, and
// the plan (and the job's line removal) that take the window's rules out of
// files changed during the window.
class TestSendmailEnforcementPlan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void bothDirections();
    void inboundOnly();
    void revertAfterAnEdit();
    void linesOutOfTheBuiltFile();
    void refusals();
};

namespace {

const QString mcPath = QStringLiteral("/etc/mail/sendmail.mc");
const QString cfPath = QStringLiteral("/etc/mail/sendmail.cf");

SendmailInspectionResult inspect()
{
    return SendmailInspection::read(std::make_shared<LocalCommandHost>(), QString());
}

// What `sendmail -C FILE -bt -d0.1` says of a sendmail.cf (it exits 0 when
// it takes it), or why it could not run.
QString sendmailJudges(const SendmailInspectionResult &r, const QByteArray &cf, bool *accepted)
{
    const QString path = QStringLiteral("/etc/mail/judged.cf");
    writeFile(path, cf);
    QProcess sendmail;
    sendmail.setProcessChannelMode(QProcess::MergedChannels);
    sendmail.start(r.sendmailProgram, {QStringLiteral("-C"), path, QStringLiteral("-bt"), QStringLiteral("-d0.1")});
    sendmail.closeWriteChannel();
    const bool ran = sendmail.waitForFinished(30000);
    *accepted = ran && sendmail.exitStatus() == QProcess::NormalExit && sendmail.exitCode() == 0;
    QFile::remove(path);
    return QString::fromLocal8Bit(sendmail.readAll());
}

// The rules (lines that start with R) that say `words`.
int rulesSaying(const QByteArray &cf, const QByteArray &words)
{
    int count = 0;
    for (const QByteArray &line : cf.split('\n'))
        count += int(line.startsWith('R') && line.contains(words));
    return count;
}

bool writeEdits(const ChangePlan &plan)
{
    for (const FileEdit &edit : plan.edits)
        if (edit.after && !writeFile(edit.path, *edit.after))
            return false;
    return true;
}

} // namespace

void TestSendmailEnforcementPlan::initTestCase()
{
    if (sendmailNamespaceRoot().isEmpty())
        QSKIP(qPrintable(sendmailNamespaceUnavailable()));
}

void TestSendmailEnforcementPlan::init()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error), qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
}

void TestSendmailEnforcementPlan::bothDirections()
{
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QString error;
    const std::optional<ChangePlan> plan = SendmailEnforcementPlan::make(r, true, true, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->mta, QStringLiteral("Sendmail"));
    QCOMPARE(plan->validateCommands, QList<QStringList>{r.validateCommand()});
    QCOMPARE(plan->reloadCommand, r.reloadCommand());
    QCOMPARE(plan->edits.size(), 2);

    const FileEdit &mc = plan->edits.at(0);
    QCOMPARE(mc.path, mcPath);
    QCOMPARE(*mc.before, r.mc);
    const QByteArray block = SendmailEnforcementPlan::block(true, true);
    QCOMPARE(*mc.after, r.mc + block);
    QVERIFY(block.startsWith("dnl # Begin MailTLS window of mandatory STARTTLS: MailTLS, or the job it left on this\n"
                             "dnl # host, takes this block out again when the window ends.\nLOCAL_TLS_CLIENT\n"));
    QVERIFY(block.contains("\nLOCAL_TLS_SERVER\n# Begin MailTLS window of mandatory STARTTLS\nR$*\t\t\t$: $1 $| "
                           "$&{server_addr}\n"));
    QVERIFY(block.endsWith("# End MailTLS window of mandatory STARTTLS\ndnl # End MailTLS window of mandatory "
                           "STARTTLS\n"));
    QCOMPARE(mc.summary,
             (QStringList{QStringLiteral("LOCAL_TLS_CLIENT: a client without STARTTLS is told 454 4.7.0 STARTTLS "
                                         "required for now, try again with STARTTLS, unless it connects from this "
                                         "host, has authenticated, or writes to postmaster"),
                          QStringLiteral("LOCAL_TLS_SERVER: mail to a server without STARTTLS waits in the queue "
                                         "(454 4.7.0 other side does not support STARTTLS (STARTTLS required for "
                                         "now))")}));

    // sendmail.cf: Debian's build of the new sendmail.mc, with the rules
    // and their marker lines in both rulesets; sendmail takes it.
    const FileEdit &cf = plan->edits.at(1);
    QCOMPARE(cf.path, cfPath);
    QCOMPARE(*cf.before, r.cf);
    const QByteArray &built = *cf.after;
    QVERIFY(built.contains("\nSLocal_tls_client\n# Begin MailTLS window of mandatory STARTTLS\nR$* $| STARTTLS"));
    QVERIFY(built.contains("\nSLocal_tls_server\n# Begin MailTLS window of mandatory STARTTLS\n"));
    // Exactly two runs of marked lines (Debian's trailer quotes sendmail.mc
    // with "# " before each line: no line of it is a marker).
    QCOMPARE(built.split('\n').count(QByteArray(SendmailEnforcementPlan::CfEnd)), 2);
    QCOMPARE(built.split('\n').count(QByteArray(SendmailEnforcementPlan::CfBegin)), 2);
    QCOMPARE(rulesSaying(built, "\"454 4.7.0 STARTTLS required for now, try again with STARTTLS\""), 1);
    QCOMPARE(rulesSaying(built, "STARTTLS required for now"), 3);
    bool accepted = false;
    const QString said = sendmailJudges(r, built, &accepted);
    QVERIFY2(accepted, qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("multiple definitions")), qPrintable(said));
    // Debian's delay_checks: no note about postmaster.
    QCOMPARE(plan->notes.size(), 1);
    QVERIFY(plan->notes.at(0).startsWith(QStringLiteral("After the window Sendmail may wait up to 30 minutes")));

    // Made again during the window: refused.
    QVERIFY(writeEdits(*plan));
    const SendmailInspectionResult during = inspect();
    QVERIFY(!SendmailEnforcementPlan::make(during, true, true, &error));
    QCOMPARE(error, QStringLiteral("/etc/mail/sendmail.mc holds a MailTLS window's rules already: end that window "
                                   "first (mailtls campaign end)"));
    // Ended: the block out, sendmail.cf as sendmail.mc builds it again.
    const std::optional<ChangePlan> back = SendmailEnforcementPlan::blockRevert(during, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->edits.size(), 2);
    QCOMPARE(*back->edits.at(0).after, r.mc);
    QVERIFY(SendmailCf::sameBuild(*back->edits.at(1).after, r.cf));
}

void TestSendmailEnforcementPlan::inboundOnly()
{
    const SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    QString error;
    const std::optional<ChangePlan> plan = SendmailEnforcementPlan::make(r, true, false, &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(!SendmailEnforcementPlan::block(true, false).contains("LOCAL_TLS_SERVER"));
    QCOMPARE(*plan->edits.at(0).after, r.mc + SendmailEnforcementPlan::block(true, false));
    QVERIFY(!plan->edits.at(1).after->contains("\nSLocal_tls_server"));
    QVERIFY(plan->notes.isEmpty());
}

void TestSendmailEnforcementPlan::revertAfterAnEdit()
{
    const SendmailInspectionResult r = inspect();
    QString error;
    const std::optional<ChangePlan> plan = SendmailEnforcementPlan::make(r, true, true, &error);
    QVERIFY2(plan, qPrintable(error));
    QVERIFY(writeEdits(*plan));
    // The admin's edit during the window, and sendmail.cf rebuilt by hand.
    const QByteArray mine = "define(`confMAX_MESSAGE_SIZE', `20480000')dnl\n";
    QVERIFY(writeFile(mcPath, readFile(mcPath) + mine));
    QVERIFY2(makeCf(&error), qPrintable(error));
    const SendmailInspectionResult edited = inspect();
    const std::optional<ChangePlan> back = SendmailEnforcementPlan::blockRevert(edited, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->edits.size(), 2);
    QCOMPARE(*back->edits.at(0).after, r.mc + mine);
    QVERIFY(!back->edits.at(1).after->contains("MailTLS window"));
    QCOMPARE(SendmailCf::option(*back->edits.at(1).after, "MaxMessageSize").value_or(QString()),
             QStringLiteral("20480000"));

    // Nothing of the window left: an empty plan.
    QVERIFY(writeEdits(*back));
    const std::optional<ChangePlan> none = SendmailEnforcementPlan::blockRevert(inspect(), &error);
    QVERIFY2(none, qPrintable(error));
    QVERIFY(none->isEmpty());
}

void TestSendmailEnforcementPlan::linesOutOfTheBuiltFile()
{
    // What the job's script does to a sendmail.cf rebuilt during the window:
    // the marked lines go, the rulesets stay empty, sendmail takes the file
    // and it has no rule of the window's left.
    const SendmailInspectionResult r = inspect();
    QString error;
    const std::optional<ChangePlan> plan = SendmailEnforcementPlan::make(r, true, true, &error);
    QVERIFY2(plan, qPrintable(error));
    const QList<RevertScript::Block> blocks = SendmailEnforcementPlan::blocks(r);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).path, mcPath);
    QCOMPARE(blocks.at(1).path, cfPath);
    QCOMPARE(blocks.at(0).removedFrom(*plan->edits.at(0).after), r.mc);
    const QByteArray cf = blocks.at(1).removedFrom(*plan->edits.at(1).after);
    QCOMPARE(rulesSaying(cf, "STARTTLS required for now"), 0);
    QVERIFY(!blocks.at(1).isIn(cf));
    QVERIFY(cf.contains("\nSLocal_tls_client\n"));
    bool accepted = false;
    const QString said = sendmailJudges(r, cf, &accepted);
    QVERIFY2(accepted, qPrintable(said));
}

void TestSendmailEnforcementPlan::refusals()
{
    QString error;
    QVERIFY2(makeDebianConfig(&error, {{"MAILER_DEFINITIONS\n", "MAILER_DEFINITIONS\nLOCAL_TLS_SERVER\n"
                                                                  "R$*\t\t\t$@ OK\n"}}),
             qPrintable(error));
    QVERIFY2(makeCf(&error), qPrintable(error));
    SendmailInspectionResult r = inspect();
    QVERIFY2(r.ok, qPrintable(r.error));
    const int line = int(r.mc.left(r.mc.indexOf("LOCAL_TLS_SERVER")).count('\n')) + 1;
    QVERIFY(!SendmailEnforcementPlan::make(r, false, true, &error));
    QCOMPARE(error, QStringLiteral("/etc/mail/sendmail.mc has rules of its own in LOCAL_TLS_SERVER (line %1): the "
                                   "window's would be mixed with them. Take them out for the window, or require TLS "
                                   "by hand.")
                        .arg(line));

    r.serverCert.clear();
    QVERIFY(!SendmailEnforcementPlan::make(r, true, false, &error));
    QCOMPARE(error, QStringLiteral("Sendmail has no server certificate (confSERVER_CERT and confSERVER_KEY), so it "
                                   "offers no STARTTLS: an inbound window would refuse every server. Turn STARTTLS "
                                   "on first (mailtls fix --mta sendmail starttls)."));
    QVERIFY(!SendmailEnforcementPlan::make(r, false, false, &error));
    QCOMPARE(error, QStringLiteral("choose inbound, outbound or both"));
}

int main(int argc, char *argv[])
{
    const int status = runInSendmailNamespace(argc, argv);
    if (status >= 0)
        return status;
    QCoreApplication app(argc, argv);
    TestSendmailEnforcementPlan test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sendmailenforcementplan.moc"
