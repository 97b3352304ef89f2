#include "widgets/fix/fixinspectpage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "../models/fixplantestutil.h"
#include "../models/remotehosttestutil.h"
#include "models/mta/servicehost.h"
#include "widgets/fix/fixwizard.h"

using namespace mailtls;
using namespace fixplantest;

// The Inspect page's Computer choice: a remote host named as
// ssh://user@host:port, refused when it does not parse or the service cannot
// be fixed remotely yet; the TLS-logging fix walked through on a "remote"
// host (a shell as ssh runs it, a stand-in sudo and postfix, the installed
// postconf) with its backup naming the host; and sudo's refusal shown as the
// sudoers line to add, then Retry once it is there.
class TestFixInspectPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void computerChoice();
    void refusesWhatCannotBeReached_data();
    void refusesWhatCannotBeReached();
    void fixesARemoteHost();
    void showsTheSudoersLine();

private:
    FixWizard::Options options() const;
    FixInspectPage *page(FixWizard &wizard);
    void chooseRemote(FixWizard &wizard, const QString &host);
    QString status(FixWizard &wizard);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_etc;
    QString m_tools;
    QString m_mainCf;
    std::shared_ptr<remotetest::ShellHost> m_shell;
};

namespace {

const QByteArray original("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 0\n");
const QString remoteUrl = QStringLiteral("ssh://mail@127.0.12.7:2222");

} // namespace

void TestFixInspectPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(QStringLiteral("postconf"), {QStringLiteral("/usr/sbin")}).isEmpty())
        QSKIP("Postfix's postconf is not installed");
}

void TestFixInspectPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_etc = m_dir->filePath(QStringLiteral("etc"));
    m_tools = m_dir->filePath(QStringLiteral("tools"));
    QVERIFY(QDir().mkpath(m_etc));
    QVERIFY(QDir().mkpath(m_tools));
    m_mainCf = m_etc + QStringLiteral("/main.cf");
    QVERIFY(writeFile(m_mainCf, original));
    QVERIFY(writeFile(m_etc + QStringLiteral("/master.cf"), "smtp inet n - y - - smtpd\n"));
    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::Runs));
    QVERIFY(QFile::link(QStringLiteral("/usr/sbin/postconf"), m_tools + QStringLiteral("/postconf")));
    // The postfix command, here and "there": check, status and reload, logged: check, status and reload, logged.
    const QString postfix = m_tools + QStringLiteral("/postfix");
    const QByteArray log = QFile::encodeName(m_dir->filePath(QStringLiteral("postfix.log")));
    QVERIFY(writeFile(postfix, "#!/bin/sh\necho \"$3\" >> '" + log + "'\nexit 0\n"));
    QVERIFY(QFile::setPermissions(postfix, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

FixWizard::Options TestFixInspectPage::options() const
{
    FixWizard::Options o;
    o.configDir = m_etc;
    o.backupRoot = m_dir->filePath(QStringLiteral("backups"));
    o.programFolders = {m_tools};
    o.searchPath = false;
    return o;
}

FixInspectPage *TestFixInspectPage::page(FixWizard &wizard)
{
    auto *inspect = qobject_cast<FixInspectPage *>(wizard.page(FixWizard::InspectPage));
    inspect->setHostMaker([this](const SourceSpec &spec, MailService::Kind kind) -> std::shared_ptr<const CommandHost> {
        m_shell = std::make_shared<remotetest::ShellHost>(m_tools);
        return SudoCommandHost::forLogin(m_shell, spec, ServiceHost::sudoPrograms(kind));
    });
    return inspect;
}

QString TestFixInspectPage::status(FixWizard &wizard)
{
    return wizard.page(FixWizard::InspectPage)->findChild<QLabel *>(QStringLiteral("inspectStatus"))->text();
}

void TestFixInspectPage::chooseRemote(FixWizard &wizard, const QString &host)
{
    FixInspectPage *inspect = page(wizard);
    auto *computer = inspect->findChild<QComboBox *>(QStringLiteral("fixComputer"));
    computer->setCurrentIndex(1);
    emit computer->activated(1);
    inspect->findChild<QLineEdit *>(QStringLiteral("fixHost"))->setText(host);
    inspect->findChild<QPushButton *>(QStringLiteral("inspectButton"))->click();
}

void TestFixInspectPage::computerChoice()
{
    FixWizard wizard(options());
    FixInspectPage *inspect = page(wizard);
    wizard.show();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    auto *computer = inspect->findChild<QComboBox *>(QStringLiteral("fixComputer"));
    auto *host = inspect->findChild<QLineEdit *>(QStringLiteral("fixHost"));
    auto *button = inspect->findChild<QPushButton *>(QStringLiteral("inspectButton"));
    QCOMPARE(computer->count(), 2);
    QCOMPARE(computer->itemText(0), QStringLiteral("This computer"));
    QCOMPARE(computer->itemText(1), QStringLiteral("A remote host over SSH"));
    QVERIFY(!host->isEnabled());
    QVERIFY(!button->isEnabled());
    QVERIFY(status(wizard).contains(QStringLiteral(", configuration in %1.").arg(m_etc)));

    // Remote: nothing is inspected until the host is named.
    computer->setCurrentIndex(1);
    emit computer->activated(1);
    QVERIFY(host->isEnabled());
    QVERIFY(button->isEnabled());
    QCOMPARE(status(wizard), QStringLiteral("Name the host (ssh://user@host:port) and press Inspect."));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!wizard.service());
    QVERIFY(!m_shell);

    // Back to this computer: inspected again, here.
    computer->setCurrentIndex(0);
    emit computer->activated(0);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY(!host->isEnabled());
    QCOMPARE(wizard.applier()->hostLocation(), QString());
}

void TestFixInspectPage::refusesWhatCannotBeReached_data()
{
    QTest::addColumn<int>("service");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("message");
    const int postfix = int(MailService::Kind::Postfix);
    QTest::newRow("no scheme") << postfix << QStringLiteral("mail.example.org")
                               << QStringLiteral("\"mail.example.org\" is not an SSH host: write "
                                                 "ssh://[user@]host[:port]");
    QTest::newRow("a path") << postfix << QStringLiteral("ssh://mail.example.org/etc/postfix")
                            << QStringLiteral("\"ssh://mail.example.org/etc/postfix\" has a path after the host: "
                                              "write ssh://[user@]host[:port] (the configuration folder is given "
                                              "with --config-dir)");
    QTest::newRow("a bad port") << postfix << QStringLiteral("ssh://mail.example.org:99999")
                                << QStringLiteral("\"99999\" is not a port number (1 to 65535).");
    // The services are made fixable remotely one after the other: the row is
    // for one that is not yet, while there is one.
    for (MailService::Kind kind : {MailService::Kind::Sendmail, MailService::Kind::Exim, MailService::Kind::Dovecot}) {
        if (ServiceHost::supportsRemote(kind))
            continue;
        QTest::newRow("a service fixed here only") << int(kind) << remoteUrl << ServiceHost::remoteRefusal(kind);
        break;
    }
}

void TestFixInspectPage::refusesWhatCannotBeReached()
{
    QFETCH(int, service);
    QFETCH(QString, host);
    QFETCH(QString, message);
    QVERIFY(!message.isEmpty());
    FixWizard::Options o = options();
    o.kind = MailService::Kind(service);
    FixWizard wizard(o);
    wizard.show();
    chooseRemote(wizard, host);
    QCOMPARE(status(wizard), message);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!m_shell);
}

void TestFixInspectPage::fixesARemoteHost()
{
    FixWizard wizard(options());
    wizard.show();
    chooseRemote(wizard, remoteUrl);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY2(status(wizard).contains(QStringLiteral(", configuration in %1 on %2.").arg(m_etc, remoteUrl)),
             qPrintable(status(wizard)));
    QCOMPARE(wizard.applier()->hostLocation(), remoteUrl);

    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ChoosePage));
    // What each fix changes is worked out off the window's thread.
    auto *logging = wizard.currentPage()->findChild<QRadioButton *>(QStringLiteral("fixTlsLogging"));
    QTRY_VERIFY_WITH_TIMEOUT(logging->isEnabled(), 20000);
    logging->click();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FixWizard::ReviewPage));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::CommitButton)->isEnabled(), 20000);
    QVERIFY(wizard.currentPage()
                ->findChild<QPlainTextEdit *>(QStringLiteral("diff"))
                ->toPlainText()
                .contains(QStringLiteral("+smtpd_tls_loglevel = 1\n")));
    wizard.button(QWizard::CommitButton)->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 30000);
    QVERIFY2(wizard.applyResult().succeeded, qPrintable(wizard.applyResult().message));
    QCOMPARE(readFile(m_mainCf),
             QByteArray("# the admin's file\nbiff = no\nsmtpd_tls_loglevel = 1\n"
                        "# Added by MailTLS\nsmtp_tls_loglevel = 1\n"));
    QCOMPARE(readFile(m_dir->filePath(QStringLiteral("postfix.log"))), QByteArray("status\ncheck\nstatus\nreload\n"));
    // Everything on the host ran through sudo -n.
    QVERIFY(!m_shell->commands->isEmpty());
    for (const QStringList &argv : *m_shell->commands)
        QCOMPARE(argv.mid(0, 3), (QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")}));
    const QList<Backup> backups = wizard.applier()->listBackups();
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.constFirst().host, remoteUrl);
}

void TestFixInspectPage::showsTheSudoersLine()
{
    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::AsksForPassword));
    FixWizard wizard(options());
    wizard.show();
    chooseRemote(wizard, remoteUrl);
    auto *retry = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("retryInspection"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 20000);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(status(wizard).startsWith(QStringLiteral("The inspection failed: postconf could not read the Postfix "
                                                     "configuration: sudo on mail@127.0.12.7:2222 refused")));
    auto *line = wizard.currentPage()->findChild<QPlainTextEdit *>(QStringLiteral("sudoersLine"));
    QVERIFY(line->isVisible());
    QVERIFY(line->isReadOnly());
    QCOMPARE(line->toPlainText(),
             QStringLiteral("mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/openssl, "
                            "/usr/bin/stat, /usr/bin/test, /usr/bin/cat, /usr/bin/install, /usr/bin/mv, /usr/bin/rm"));
    QVERIFY(wizard.currentPage()
                ->findChild<QLabel *>(QStringLiteral("sudoersNote"))
                ->text()
                .contains(QStringLiteral("MailTLS never asks for a sudo password")));

    // The line is in place: Retry inspects.
    QVERIFY(remotetest::writeSudo(m_tools, remotetest::Sudo::Runs));
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
    QVERIFY(!line->isVisible());
    QCOMPARE(readFile(m_mainCf), original);
}

QTEST_MAIN(TestFixInspectPage)
#include "tst_fixinspectpage.moc"
