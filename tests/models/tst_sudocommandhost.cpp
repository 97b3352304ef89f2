#include "models/sources/sudocommandhost.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "remotehosttestutil.h"

using namespace mailtls;
using namespace remotetest;

Q_DECLARE_METATYPE(mailtls::SudoCommandHost::Refusal)
Q_DECLARE_METATYPE(mailtls::SudoCommandHost::Mode)

namespace {

// An inner host that has words of its own for every failure (as ssh has for
// its own).
class WordyHost final : public CommandHost
{
public:
    void prepare(QProcess &process, const QStringList &argv) const override
    {
        process.setProgram(argv.value(0));
        process.setArguments(argv.mid(1));
    }
    QString diagnose(int exitCode, const QByteArray &) const override
    {
        return exitCode == 255 ? QStringLiteral("ssh could not log in") : QString();
    }
    bool needsUser(int exitCode, const QByteArray &) const override { return exitCode == 255; }
    bool isLocal() const override { return false; }
    QString displayName() const override { return QStringLiteral("mail@mx.example.org:2222"); }
};

const QStringList postfixPrograms {QStringLiteral("/usr/sbin/postconf"), QStringLiteral("/usr/sbin/postfix"),
                                   QStringLiteral("/usr/bin/cat")};

SudoCommandHost host(const QString &user, SudoCommandHost::Mode mode = SudoCommandHost::Mode::Sudo)
{
    SourceSpec spec;
    spec.user = user;
    spec.host = QStringLiteral("mx.example.org");
    spec.port = 2222;
    return SudoCommandHost(std::make_shared<WordyHost>(), spec, mode, postfixPrograms);
}

} // namespace

// SudoCommandHost: the argument vector that runs on the host (sudo -n -- ARGV,
// or ARGV for a root login), sudo's refusals read from its real words, and
// the sudoers line and explanation that follow from them.
class TestSudoCommandHost : public QObject
{
    Q_OBJECT

private slots:
    void command_data();
    void command();
    void forLogin_data();
    void forLogin();
    void runsThroughTheShell();
    void refusal_data();
    void refusal();
    void sudoersLine_data();
    void sudoersLine();
    void explanation();
    void explanationOfOtherRefusals_data();
    void explanationOfOtherRefusals();
    void diagnose();
};

void TestSudoCommandHost::command_data()
{
    QTest::addColumn<SudoCommandHost::Mode>("mode");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QStringList>("expected");

    const QStringList reload {QStringLiteral("postfix"), QStringLiteral("-c"), QStringLiteral("/etc/post fix"),
                              QStringLiteral("reload")};
    QTest::newRow("sudo") << SudoCommandHost::Mode::Sudo << reload
                          << QStringList {QStringLiteral("sudo"),  QStringLiteral("-n"),
                                          QStringLiteral("--"),    QStringLiteral("postfix"),
                                          QStringLiteral("-c"),    QStringLiteral("/etc/post fix"),
                                          QStringLiteral("reload")};
    QTest::newRow("root: no sudo") << SudoCommandHost::Mode::Direct << reload << reload;
    QTest::newRow("a program that looks like an option")
        << SudoCommandHost::Mode::Sudo << QStringList {QStringLiteral("-x")}
        << QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--"), QStringLiteral("-x")};
}

void TestSudoCommandHost::command()
{
    QFETCH(SudoCommandHost::Mode, mode);
    QFETCH(QStringList, argv);
    QFETCH(QStringList, expected);
    QCOMPARE(host(QStringLiteral("mail"), mode).command(argv), expected);
}

void TestSudoCommandHost::forLogin_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<SudoCommandHost::Mode>("mode");
    QTest::newRow("a user") << QStringLiteral("mail") << SudoCommandHost::Mode::Sudo;
    QTest::newRow("root") << QStringLiteral("root") << SudoCommandHost::Mode::Direct;
    // ssh's own choice may be root too: sudo -n runs for root without a rule.
    QTest::newRow("ssh's choice") << QString() << SudoCommandHost::Mode::Sudo;
}

void TestSudoCommandHost::forLogin()
{
    QFETCH(QString, user);
    QFETCH(SudoCommandHost::Mode, mode);
    QCOMPARE(SudoCommandHost::forLogin(std::make_shared<WordyHost>(), spec(user), postfixPrograms)->mode(), mode);
}

void TestSudoCommandHost::runsThroughTheShell()
{
    QTemporaryDir tools;
    QVERIFY(tools.isValid());
    QVERIFY(writeSudo(tools.path(), Sudo::Runs));
    std::shared_ptr<ShellHost> shell;
    const auto sudo = sudoHost(tools.path(), postfixPrograms, &shell);
    QProcess process;
    const QStringList argv {QStringLiteral("printf"), QStringLiteral("%s|"), QStringLiteral("it's"),
                            QStringLiteral("$HOME"),  QStringLiteral("a b"), QStringLiteral("\\n")};
    sudo->prepare(process, argv);
    process.start();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.readAllStandardError(), QByteArray());
    QCOMPARE(process.readAllStandardOutput(), QByteArray("it's|$HOME|a b|\\n|"));
    const QStringList ran = QStringList {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("--")} + argv;
    QCOMPARE(*shell->commands, QList<QStringList> {ran});
}

void TestSudoCommandHost::refusal_data()
{
    QTest::addColumn<SudoCommandHost::Mode>("mode");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<SudoCommandHost::Refusal>("refusal");

    using R = SudoCommandHost::Refusal;
    const auto sudo = SudoCommandHost::Mode::Sudo;
    // sudo 1.9.13 (Debian 12) with -n and no NOPASSWD rule.
    QTest::newRow("no rule") << sudo << 1 << QByteArray("sudo: a password is required\n") << R::PasswordRequired;
    QTest::newRow("without -n, no terminal")
        << sudo << 1
        << QByteArray("sudo: a terminal is required to read the password; either use the -S option to read from "
                      "standard input or configure an askpass helper\nsudo: a password is required\n")
        << R::PasswordRequired;
    QTest::newRow("old sudo, no terminal")
        << sudo << 1 << QByteArray("sudo: no tty present and no askpass program specified\n") << R::PasswordRequired;
    QTest::newRow("a rule, not for this command")
        << sudo << 1
        << QByteArray("Sorry, user mail is not allowed to execute '/usr/bin/install -m 0644 -T -- /dev/stdin "
                      "/etc/postfix/.main.cf.mailtls-x' as root on mx.example.org.\n")
        << R::NotAllowed;
    QTest::newRow("not in sudoers") << sudo << 1
                                    << QByteArray("mail is not in the sudoers file.  This incident will be reported.\n")
                                    << R::NotAllowed;
    QTest::newRow("requiretty") << sudo << 1 << QByteArray("sudo: sorry, you must have a tty to run sudo\n")
                                << R::TtyRequired;
    QTest::newRow("no sudo, dash") << sudo << 127 << QByteArray("sh: 1: sudo: not found\n") << R::NoSudo;
    QTest::newRow("no sudo, bash") << sudo << 127 << QByteArray("bash: line 1: sudo: command not found\n") << R::NoSudo;
    QTest::newRow("no sudo, zsh") << sudo << 127 << QByteArray("zsh:1: command not found: sudo\n") << R::NoSudo;
    QTest::newRow("no such program") << sudo << 1 << QByteArray("sudo: postconf: command not found\n")
                                     << R::ProgramNotFound;
    QTest::newRow("the command's own failure")
        << sudo << 1 << QByteArray("postfix/postfix-script: fatal: the Postfix mail system is not running\n")
        << R::None;
    QTest::newRow("the command's words, not sudo's")
        << sudo << 1 << QByteArray("postconf: warning: a password is required for smtp_sasl_password_maps\n")
        << R::None;
    QTest::newRow("exit 0") << sudo << 0 << QByteArray("sudo: a password is required\n") << R::None;
    QTest::newRow("ssh's failure") << sudo << 255 << QByteArray("mail@mx.example.org: Permission denied (publickey).\n")
                                   << R::None;
    QTest::newRow("a program the shell cannot find is not sudo")
        << sudo << 127 << QByteArray("sh: 1: postconf: not found\n") << R::None;
    QTest::newRow("root: no sudo asked") << SudoCommandHost::Mode::Direct << 1
                                         << QByteArray("sudo: a password is required\n") << R::None;
}

void TestSudoCommandHost::refusal()
{
    QFETCH(SudoCommandHost::Mode, mode);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, output);
    QFETCH(SudoCommandHost::Refusal, refusal);
    QCOMPARE(host(QStringLiteral("mail"), mode).refusal(exitCode, output), refusal);
}

void TestSudoCommandHost::sudoersLine_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("named");
    QTest::addColumn<QString>("line");
    QTest::newRow("the login") << QStringLiteral("mail") << QString()
                               << QStringLiteral("mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, "
                                                 "/usr/bin/cat");
    QTest::newRow("named by sudo") << QString() << QStringLiteral("admin")
                                   << QStringLiteral("admin ALL=(root) NOPASSWD: /usr/sbin/postconf, "
                                                     "/usr/sbin/postfix, /usr/bin/cat");
    QTest::newRow("unknown") << QString() << QString()
                             << QStringLiteral("LOGIN ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, "
                                               "/usr/bin/cat");
}

void TestSudoCommandHost::sudoersLine()
{
    QFETCH(QString, user);
    QFETCH(QString, named);
    QFETCH(QString, line);
    QCOMPARE(host(user).sudoersLine(named), line);
}

void TestSudoCommandHost::explanation()
{
    const QByteArray output("sudo: a password is required\n");
    QCOMPARE(host(QStringLiteral("mail")).explanation(SudoCommandHost::Refusal::PasswordRequired, output),
             QStringLiteral(
                 "sudo on mail@mx.example.org:2222 refused to run the command without a password (it said: \"sudo: a "
                 "password is required\"). MailTLS runs the fix's commands through sudo -n and never asks for a sudo "
                 "password or keeps one.\n"
                 "To let mail run them as root without a password, add this line on mail@mx.example.org:2222 with "
                 "\"visudo -f /etc/sudoers.d/mailtls\":\n"
                 "\n"
                 "    mail ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, /usr/bin/cat\n"
                 "\n"
                 "The paths are Debian's and Ubuntu's; \"command -v PROGRAM\" on mail@mx.example.org:2222 shows where "
                 "yours are. These programs can change any file as root: if that is more than you want to grant, log "
                 "in as root instead (ssh://root@mx.example.org:2222)."));
}

void TestSudoCommandHost::explanationOfOtherRefusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QStringList>("says");

    QTest::newRow("not allowed, the user named by sudo")
        << QString() << 1
        << QByteArray("Sorry, user admin is not allowed to execute '/usr/sbin/postfix -c /etc/postfix reload' as "
                      "root on mx.\n")
        << QStringList {QStringLiteral("To let admin run them"),
                        QStringLiteral("    admin ALL=(root) NOPASSWD: /usr/sbin/postconf, /usr/sbin/postfix, "
                                       "/usr/bin/cat\n"),
                        QStringLiteral("(it said: \"Sorry, user admin is not allowed to execute '/usr/sbin/postfix -c "
                                       "/etc/postfix reload' as root on mx.\")")};
    QTest::newRow("requiretty") << QStringLiteral("mail") << 1
                                << QByteArray("sudo: sorry, you must have a tty to run sudo\n")
                                << QStringList {QStringLiteral("    Defaults:mail !requiretty\n")};
    QTest::newRow("no sudo") << QStringLiteral("mail") << 127 << QByteArray("sh: 1: sudo: not found\n")
                             << QStringList {QStringLiteral("sudo is not installed on mail@mx.example.org:2222"),
                                             QStringLiteral("(ssh://root@mx.example.org:2222)"),
                                             QStringLiteral("    mail ALL=(root) NOPASSWD: ")};
    QTest::newRow("no such program") << QStringLiteral("mail") << 1 << QByteArray("sudo: postconf: command not found\n")
                                     << QStringList {QStringLiteral(
                                            "postconf is not installed on mail@mx.example.org:2222 (sudo: postconf: "
                                            "command not found).")};
}

void TestSudoCommandHost::explanationOfOtherRefusals()
{
    QFETCH(QString, user);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, output);
    QFETCH(QStringList, says);
    const SudoCommandHost sudo = host(user);
    const QString text = sudo.diagnose(exitCode, output);
    for (const QString &part : says)
        QVERIFY2(text.contains(part), qPrintable(text));
}

void TestSudoCommandHost::diagnose()
{
    const SudoCommandHost sudo = host(QStringLiteral("mail"));
    const QByteArray refused("sudo: a password is required\n");
    QCOMPARE(sudo.diagnose(1, refused), sudo.explanation(SudoCommandHost::Refusal::PasswordRequired, refused));
    QVERIFY(sudo.needsUser(1, refused));
    // Not sudo's: the inner host's words, or none.
    QCOMPARE(sudo.diagnose(255, "Permission denied (publickey).\n"), QStringLiteral("ssh could not log in"));
    QVERIFY(sudo.needsUser(255, QByteArray()));
    QCOMPARE(sudo.diagnose(1, "postfix: fatal: no such file\n"), QString());
    QVERIFY(!sudo.needsUser(1, "postfix: fatal: no such file\n"));
    // A missing program will not appear by waiting, but nothing is refused.
    QVERIFY(!sudo.needsUser(1, "sudo: postconf: command not found\n"));
    QCOMPARE(sudo.displayName(), QStringLiteral("mail@mx.example.org:2222"));
    QVERIFY(!sudo.isLocal());
}

QTEST_GUILESS_MAIN(TestSudoCommandHost)
#include "tst_sudocommandhost.moc"
