#include "models/sources/sshcommandhost.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/sources/remotefilesource.h"
#include "models/sources/sourcespec.h"
#include "models/sources/sshfailure.h"

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::SshSettings)

namespace {

SourceSpec specOf(const QString &text)
{
    QString error;
    const std::optional<SourceSpec> spec = SourceSpec::parse(text, &error);
    if (!spec)
        qFatal("test source \"%s\" does not parse: %s", qPrintable(text), qPrintable(error));
    return *spec;
}

SshSettings plainSettings()
{
    SshSettings settings;
    settings.knownHostsFile = QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts");
    return settings;
}

SshSettings askpassSettings()
{
    SshSettings settings = plainSettings();
    settings.askpassProgram = QStringLiteral("/usr/bin/mailtls");
    settings.askpassSocket = QStringLiteral("mailtls-askpass-1234");
    return settings;
}

// MailTLS's own options, the same for every host.
QStringList commonOptions(const QString &knownHostsWord, bool askpass)
{
    QStringList options {
        QStringLiteral("-T"), QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=ask"), QStringLiteral("-o"),
        QStringLiteral("UserKnownHostsFile=") + knownHostsWord + QStringLiteral(" ~/.ssh/known_hosts")};
    if (askpass)
        options << QStringLiteral("-o") << QStringLiteral("BatchMode=no");
    options << QStringLiteral("-o") << QStringLiteral("LogLevel=INFO") << QStringLiteral("-o")
            << QStringLiteral("ServerAliveInterval=15") << QStringLiteral("-o")
            << QStringLiteral("ServerAliveCountMax=3") << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=15")
            << QStringLiteral("-o") << QStringLiteral("ForwardAgent=no") << QStringLiteral("-o")
            << QStringLiteral("ForwardX11=no") << QStringLiteral("-o") << QStringLiteral("ClearAllForwardings=yes");
    return options;
}

const QString defaultKnownHostsWord = QStringLiteral("\"/home/alice/.local/share/MailTLS/known_hosts\"");

// Shells a remote login shell is likely to be, those installed here.
QList<QStringList> installedShells()
{
    QList<QStringList> shells;
    for (const char *name : {"sh", "bash", "dash", "zsh", "ksh", "mksh"}) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (!path.isEmpty())
            shells << QStringList {path};
    }
    const QString busybox = QStandardPaths::findExecutable(QStringLiteral("busybox"));
    if (!busybox.isEmpty())
        shells << QStringList {busybox, QStringLiteral("sh")};
    return shells;
}

} // namespace

class TestSshCommandHost final : public QObject
{
    Q_OBJECT

private slots:
    void arguments_data();
    void arguments();
    void environmentWithAskpass();
    void environmentWithoutAskpass();
    void prepareSetsProcess();
    void prepareMakesKnownHostsFolder();
    void prepareKeepsCallersEnvironment();
    void problem_data();
    void problem();
    void prepareRefusesProblem();
    void displayName_data();
    void displayName();
    void quoteForShell_data();
    void quoteForShell();
    void quotingRoundTrip_data();
    void quotingRoundTrip();
    void sshReadsArguments();
    void configWordRoundTrip_data();
    void configWordRoundTrip();
    void sourceSpecRefusesOptionLikeHost_data();
    void sourceSpecRefusesOptionLikeHost();
    void diagnoseIsSshFailures();
    void problemStopsTheSource();
};

void TestSshCommandHost::arguments_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<SshSettings>("settings");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QStringList>("expected");

    const QStringList tail {QStringLiteral("tail"), QStringLiteral("-F"), QStringLiteral("/var/log/mail.log")};
    const QString tailCommand = QStringLiteral("'tail' '-F' '/var/log/mail.log'");

    QTest::newRow("host only, no askpass")
        << QStringLiteral("ssh://mx.example.org/var/log/mail.log") << plainSettings() << tail
        << (commonOptions(defaultKnownHostsWord, false)
            << QStringLiteral("--") << QStringLiteral("mx.example.org") << tailCommand);

    QTest::newRow("user, port, askpass") << QStringLiteral("ssh://mail@192.0.2.10:2222/var/log/mail.log")
                                         << askpassSettings() << tail
                                         << (commonOptions(defaultKnownHostsWord, true)
                                             << QStringLiteral("-p") << QStringLiteral("2222") << QStringLiteral("-l")
                                             << QStringLiteral("mail") << QStringLiteral("--")
                                             << QStringLiteral("192.0.2.10") << tailCommand);

    SshSettings withKey = askpassSettings();
    withKey.identityFile = QStringLiteral("/home/alice/.ssh/mail 100%");
    withKey.extraOptions = QStringList {QStringLiteral("-F"), QStringLiteral("/tmp/t/ssh_config")};
    QTest::newRow("identity file and extra options after MailTLS's own")
        << QStringLiteral("ssh://[2001:db8::25]:22/journal:postfix.service") << withKey
        << QStringList {QStringLiteral("journalctl"), QStringLiteral("--after-cursor=s=1;i=2")}
        << (commonOptions(defaultKnownHostsWord, true)
            << QStringLiteral("-o") << QStringLiteral("IdentityFile=\"/home/alice/.ssh/mail 100%%\"")
            << QStringLiteral("-F") << QStringLiteral("/tmp/t/ssh_config") << QStringLiteral("-p")
            << QStringLiteral("22") << QStringLiteral("--") << QStringLiteral("2001:db8::25")
            << QStringLiteral("'journalctl' '--after-cursor=s=1;i=2'"));

    SshSettings oddPath = plainSettings();
    oddPath.knownHostsFile = QStringLiteral("/Users/al \"ice\"/Library/Application Support/MailTLS 50%/known_hosts");
    QTest::newRow("known-hosts path with spaces, quotes and a percent sign")
        << QStringLiteral("ssh://mx.example.org/l") << oddPath << QStringList {QStringLiteral("cat")}
        << (commonOptions(
                QStringLiteral("\"/Users/al \\\"ice\\\"/Library/Application Support/MailTLS 50%%/known_hosts\""), false)
            << QStringLiteral("--") << QStringLiteral("mx.example.org") << QStringLiteral("'cat'"));
}

void TestSshCommandHost::arguments()
{
    QFETCH(QString, spec);
    QFETCH(SshSettings, settings);
    QFETCH(QStringList, argv);
    QFETCH(QStringList, expected);

    const SshCommandHost host(specOf(spec), settings);
    QCOMPARE(host.arguments(argv), expected);
    QVERIFY(!host.arguments(argv).contains(QStringLiteral("StrictHostKeyChecking=no")));
}

void TestSshCommandHost::environmentWithAskpass()
{
    const SshCommandHost host(specOf(QStringLiteral("ssh://mail@mx.example.org:2222/var/log/mail.log")),
                              askpassSettings());
    QProcessEnvironment base;
    base.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    base.insert(QStringLiteral("SSH_AUTH_SOCK"), QStringLiteral("/run/user/1000/agent"));
    const QProcessEnvironment env = host.environment(base);
    QCOMPARE(env.keys().size(), 6);
    QCOMPARE(env.value(QStringLiteral("PATH")), QStringLiteral("/usr/bin:/bin"));
    QCOMPARE(env.value(QStringLiteral("SSH_AUTH_SOCK")), QStringLiteral("/run/user/1000/agent"));
    QCOMPARE(env.value(QStringLiteral("SSH_ASKPASS")), QStringLiteral("/usr/bin/mailtls"));
    QCOMPARE(env.value(QStringLiteral("SSH_ASKPASS_REQUIRE")), QStringLiteral("force"));
    QCOMPARE(env.value(QStringLiteral("MAILTLS_ASKPASS_SOCKET")), QStringLiteral("mailtls-askpass-1234"));
    QCOMPARE(env.value(QStringLiteral("MAILTLS_ASKPASS_TARGET")), QStringLiteral("mail@mx.example.org:2222"));
}

void TestSshCommandHost::environmentWithoutAskpass()
{
    const SshCommandHost host(specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log")), plainSettings());
    QProcessEnvironment base;
    base.insert(QStringLiteral("HOME"), QStringLiteral("/home/alice"));
    const QProcessEnvironment env = host.environment(base);
    QCOMPARE(env.keys(), QStringList {QStringLiteral("HOME")});
}

void TestSshCommandHost::prepareSetsProcess()
{
    const SshCommandHost host(specOf(QStringLiteral("ssh://mail@mx.example.org/var/log/mail.log")), askpassSettings());
    const QStringList argv {QStringLiteral("tail"), QStringLiteral("-n"), QStringLiteral("+1")};
    QProcess process;
    host.prepare(process, argv);
    QCOMPARE(process.program(), QStringLiteral("ssh"));
    QCOMPARE(process.arguments(), host.arguments(argv));
    const QProcessEnvironment env = process.processEnvironment();
    QCOMPARE(env.value(QStringLiteral("SSH_ASKPASS_REQUIRE")), QStringLiteral("force"));
    // The rest of the user's environment (agent, HOME) goes through.
    QCOMPARE(env.value(QStringLiteral("PATH")), QProcessEnvironment::systemEnvironment().value(QStringLiteral("PATH")));
    QVERIFY(!host.isLocal());
}

void TestSshCommandHost::prepareMakesKnownHostsFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SshSettings settings = askpassSettings();
    settings.knownHostsFile = dir.filePath(QStringLiteral("data/MailTLS/known_hosts"));
    const SshCommandHost host(specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log")), settings);
    QProcess process;
    host.prepare(process, QStringList {QStringLiteral("true")});
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("data/MailTLS"))).isDir());
    QVERIFY(!QFileInfo::exists(settings.knownHostsFile));
}

void TestSshCommandHost::prepareKeepsCallersEnvironment()
{
    const SshCommandHost host(specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log")), askpassSettings());
    QProcess process;
    QProcessEnvironment callers;
    callers.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(callers);
    host.prepare(process, QStringList {QStringLiteral("true")});
    const QProcessEnvironment env = process.processEnvironment();
    QCOMPARE(env.value(QStringLiteral("LC_ALL")), QStringLiteral("C"));
    QCOMPARE(env.value(QStringLiteral("SSH_ASKPASS")), QStringLiteral("/usr/bin/mailtls"));
    QVERIFY(!env.contains(QStringLiteral("PATH")));
}

void TestSshCommandHost::problem_data()
{
    QTest::addColumn<QString>("knownHostsFile");
    QTest::addColumn<QString>("identityFile");
    QTest::addColumn<QString>("expected");

    QTest::newRow("usable") << QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts") << QString() << QString();
    QTest::newRow("usable with an odd key path")
        << QStringLiteral("/a/known_hosts") << QStringLiteral("/home/al ice/.ssh/id \"x\" 5%") << QString();
    QTest::newRow("no known-hosts file") << QString() << QString()
                                         << QStringLiteral("MailTLS has no file to keep accepted host keys in.");
    QTest::newRow("relative known-hosts file")
        << QStringLiteral("known_hosts") << QString()
        << QStringLiteral("MailTLS cannot hand its known-hosts file to ssh: \"known_hosts\" is not an absolute path.");
    QTest::newRow("environment variable")
        << QStringLiteral("/home/${USER}/known_hosts") << QString()
        << QStringLiteral("MailTLS cannot hand its known-hosts file to ssh: ssh would read \"${\" in "
                          "\"/home/${USER}/known_hosts\" as an environment variable.");
    QTest::newRow("line break in the key path")
        << QStringLiteral("/a/known_hosts") << QStringLiteral("/home/a\nb/id")
        << QStringLiteral("MailTLS cannot hand the key file to ssh: The path \"/home/a\nb/id\" has a control "
                          "character in it.");
}

void TestSshCommandHost::problem()
{
    QFETCH(QString, knownHostsFile);
    QFETCH(QString, identityFile);
    QFETCH(QString, expected);

    SshSettings settings;
    settings.knownHostsFile = knownHostsFile;
    settings.identityFile = identityFile;
    const SshCommandHost host(specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log")), settings);
    QCOMPARE(host.problem(), expected);
}

void TestSshCommandHost::prepareRefusesProblem()
{
    SshSettings settings = askpassSettings();
    settings.knownHostsFile = QStringLiteral("/home/${USER}/known_hosts");
    const SshCommandHost host(specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log")), settings);
    QProcess process;
    host.prepare(process, QStringList {QStringLiteral("true")});
    QCOMPARE(process.program(), QString());
    QCOMPARE(process.arguments(), QStringList());
    process.start();
    QVERIFY(!process.waitForStarted(1000));
    QCOMPARE(process.error(), QProcess::FailedToStart);
}

void TestSshCommandHost::displayName_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");

    QTest::newRow("host") << QStringLiteral("ssh://mx.example.org/l") << QStringLiteral("mx.example.org");
    QTest::newRow("user, host, port") << QStringLiteral("ssh://mail@mx.example.org:2222/l")
                                      << QStringLiteral("mail@mx.example.org:2222");
    QTest::newRow("IPv6 with port") << QStringLiteral("ssh://[2001:db8::25]:2222/l")
                                    << QStringLiteral("[2001:db8::25]:2222");
    QTest::newRow("IPv6 without port") << QStringLiteral("ssh://root@[2001:db8::25]/l")
                                       << QStringLiteral("root@2001:db8::25");
}

void TestSshCommandHost::displayName()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    QCOMPARE(SshCommandHost(specOf(spec), plainSettings()).displayName(), expected);
    QCOMPARE(SshCommandHost::displayNameOf(specOf(spec)), expected);
}

void TestSshCommandHost::quoteForShell_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("tail") << QStringLiteral("'tail'");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::newRow("backslash outside the quotes") << QStringLiteral("a\\b") << QStringLiteral("'a'\\\\'b'");
    QTest::newRow("command substitution stays text") << QStringLiteral("$(id)") << QStringLiteral("'$(id)'");
}

void TestSshCommandHost::quoteForShell()
{
    QFETCH(QString, word);
    QFETCH(QString, expected);
    QCOMPARE(SshCommandHost::quoteForShell(word), expected);
}

void TestSshCommandHost::quotingRoundTrip_data()
{
    QTest::addColumn<QStringList>("words");

    QTest::newRow("spaces and empty words")
        << QStringList {QStringLiteral("/var/log/my mail.log"), QString(), QStringLiteral("  "), QStringLiteral("\t")};
    QTest::newRow("quotes") << QStringList {QStringLiteral("it's"), QStringLiteral("'"), QStringLiteral("''"),
                                            QStringLiteral("\"double\""), QStringLiteral("'\"'\"'")};
    QTest::newRow("command injection") << QStringList {
        QStringLiteral("$(touch @DIR@/substituted)"), QStringLiteral("`touch @DIR@/backticks`"),
        QStringLiteral("; touch @DIR@/semicolon"),    QStringLiteral("x' ; touch @DIR@/quoted ; '"),
        QStringLiteral("| touch @DIR@/pipe"),         QStringLiteral("&& touch @DIR@/and"),
        QStringLiteral("> @DIR@/redirected")};
    QTest::newRow("expansions") << QStringList {
        QStringLiteral("$HOME"),    QStringLiteral("${HOME}"), QStringLiteral("~"),     QStringLiteral("~root"),
        QStringLiteral("*"),        QStringLiteral("?"),       QStringLiteral("[a-z]"), QStringLiteral("{a,b}"),
        QStringLiteral("$((1+1))"), QStringLiteral("!!"),      QStringLiteral("%s"),    QStringLiteral("#comment")};
    QTest::newRow("backslashes") << QStringList {QStringLiteral("\\"),
                                                 QStringLiteral("a\\b"),
                                                 QStringLiteral("\\\\"),
                                                 QStringLiteral("\\'"),
                                                 QStringLiteral("'\\"),
                                                 QStringLiteral("\\n"),
                                                 QStringLiteral("C:\\Logs\\mail.log")};
    QTest::newRow("option-like words") << QStringList {QStringLiteral("-n"), QStringLiteral("--"), QStringLiteral("-e"),
                                                       QStringLiteral("--help")};
    QTest::newRow("line break and non-ASCII")
        << QStringList {QStringLiteral("two\nlines"), QStringLiteral("Gr\u00fc\u00dfe \u20ac \u00e9t\u00e9"),
                        QStringLiteral("\u65e5\u672c")};
}

// What the remote login shell does with the command, done here with every
// shell at hand: printf gets each word back, byte for byte, and nothing runs.
void TestSshCommandHost::quotingRoundTrip()
{
    QFETCH(QStringList, words);
    const QList<QStringList> shells = installedShells();
    if (shells.isEmpty())
        QSKIP("no POSIX shell installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (QString &word : words)
        word.replace(QStringLiteral("@DIR@"), dir.path());

    const QStringList argv = QStringList {QStringLiteral("printf"), QStringLiteral("%s\\000")} + words;
    const QString command = SshCommandHost::remoteCommand(argv);
    for (const QStringList &shell : shells) {
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(shell.constFirst(), shell.mid(1) + QStringList {QStringLiteral("-c"), command});
        QVERIFY2(process.waitForFinished(10000), qPrintable(shell.join(QLatin1Char(' '))));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.readAllStandardError(), QByteArray());
        QCOMPARE(process.exitCode(), 0);
        QList<QByteArray> got = process.readAllStandardOutput().split('\0');
        QCOMPARE(got.takeLast(), QByteArray());
        QCOMPARE(got.size(), words.size());
        for (qsizetype i = 0; i < words.size(); ++i)
            QCOMPARE(got.at(i), words.at(i).toUtf8());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
}

// ssh itself reads MailTLS's options as meant (ssh -G prints its resolved
// configuration and connects nowhere).
void TestSshCommandHost::sshReadsArguments()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
        QSKIP("ssh is not installed");
    SshSettings settings = askpassSettings();
    settings.knownHostsFile = QStringLiteral("/tmp/mail tls/known \"hosts\" 100%");
    settings.extraOptions = QStringList {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-o"),
                                         QStringLiteral("StrictHostKeyChecking=no")};
    const SshCommandHost host(specOf(QStringLiteral("ssh://mail@127.0.0.1:2222/var/log/mail.log")), settings);
    QStringList args = host.arguments(QStringList {QStringLiteral("true")});
    args.prepend(QStringLiteral("-G"));
    QProcess ssh;
    ssh.start(SshCommandHost::program(), args);
    QVERIFY(ssh.waitForFinished(10000));
    QCOMPARE(ssh.exitCode(), 0);
    QStringList lines = QString::fromUtf8(ssh.readAllStandardOutput()).split(QLatin1Char('\n'));
    const auto value = [&lines](const QString &key) {
        for (const QString &line : lines) {
            if (line.startsWith(key + QLatin1Char(' ')))
                return line.mid(key.size() + 1);
        }
        return QStringLiteral("(missing)");
    };
    QCOMPARE(value(QStringLiteral("user")), QStringLiteral("mail"));
    QCOMPARE(value(QStringLiteral("hostname")), QStringLiteral("127.0.0.1"));
    QCOMPARE(value(QStringLiteral("port")), QStringLiteral("2222"));
    // MailTLS's own value comes first and wins over the extra option.
    QCOMPARE(value(QStringLiteral("stricthostkeychecking")), QStringLiteral("ask"));
    // ssh expands "~" from the password database, not from $HOME.
    const QString knownHosts = value(QStringLiteral("userknownhostsfile"));
    QVERIFY2(knownHosts.startsWith(QStringLiteral("/tmp/mail tls/known \"hosts\" 100% /")), qPrintable(knownHosts));
    QVERIFY2(knownHosts.endsWith(QStringLiteral("/.ssh/known_hosts")), qPrintable(knownHosts));
    QVERIFY2(!knownHosts.contains(QLatin1Char('~')), qPrintable(knownHosts));
    QCOMPARE(value(QStringLiteral("batchmode")), QStringLiteral("no"));
    QCOMPARE(value(QStringLiteral("loglevel")), QStringLiteral("INFO"));
    QCOMPARE(value(QStringLiteral("serveraliveinterval")), QStringLiteral("15"));
    QCOMPARE(value(QStringLiteral("serveralivecountmax")), QStringLiteral("3"));
    QCOMPARE(value(QStringLiteral("connecttimeout")), QStringLiteral("15"));
    QCOMPARE(value(QStringLiteral("forwardagent")), QStringLiteral("no"));
    QCOMPARE(value(QStringLiteral("forwardx11")), QStringLiteral("no"));
    QCOMPARE(value(QStringLiteral("clearallforwardings")), QStringLiteral("yes"));
}

void TestSshCommandHost::configWordRoundTrip_data()
{
    QTest::addColumn<QString>("path");

    QTest::newRow("plain") << QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts");
    QTest::newRow("spaces") << QStringLiteral("/Users/alice/Library/Application Support/MailTLS/known_hosts");
    QTest::newRow("double and single quotes") << QStringLiteral("/tmp/\"a\" 'b'/kh");
    QTest::newRow("percent tokens") << QStringLiteral("/tmp/%h %d %%/kh");
    QTest::newRow("backslashes") << QStringLiteral("/tmp/a\\b\\\\c\\\"/kh");
    QTest::newRow("comment sign and tilde") << QStringLiteral("/tmp/#x ~/kh");
    QTest::newRow("dollar without brace") << QStringLiteral("/tmp/$HOME $/kh");
    QTest::newRow("a word ssh knows") << QStringLiteral("/none");
}

void TestSshCommandHost::configWordRoundTrip()
{
    QFETCH(QString, path);
    if (QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
        QSKIP("ssh is not installed");
    QProcess ssh;
    ssh.start(SshCommandHost::program(),
              QStringList {QStringLiteral("-G"), QStringLiteral("-T"), QStringLiteral("-F"),
                           QStringLiteral("/dev/null"), QStringLiteral("-o"),
                           QStringLiteral("UserKnownHostsFile=") + SshCommandHost::configWord(path)
                               + QStringLiteral(" /second"),
                           QStringLiteral("127.0.0.1")});
    QVERIFY(ssh.waitForFinished(10000));
    QCOMPARE(ssh.readAllStandardError(), QByteArray());
    const QStringList lines = QString::fromUtf8(ssh.readAllStandardOutput()).split(QLatin1Char('\n'));
    QStringList found = lines.filter(QRegularExpression(QStringLiteral("^userknownhostsfile ")));
    QCOMPARE(found, QStringList {QStringLiteral("userknownhostsfile ") + path + QStringLiteral(" /second")});
}

void TestSshCommandHost::sourceSpecRefusesOptionLikeHost_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("host is an option") << QStringLiteral("ssh://-oProxyCommand=touch%20x/var/log/mail.log");
    QTest::newRow("host is a short option") << QStringLiteral("ssh://-p/var/log/mail.log");
    QTest::newRow("user is an option") << QStringLiteral("ssh://-oProxyCommand=x@mx.example.org/var/log/mail.log");
    QTest::newRow("IPv6-looking option") << QStringLiteral("ssh://[-1::]/var/log/mail.log");
}

void TestSshCommandHost::sourceSpecRefusesOptionLikeHost()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!SourceSpec::parse(text, &error).has_value());
    QVERIFY(!error.isEmpty());
}

// diagnose() and needsUser() are SshFailure's, told the host's name and
// MailTLS's known-hosts file (SshFailure's own tests cover the texts).
void TestSshCommandHost::diagnoseIsSshFailures()
{
    const SshCommandHost host(specOf(QStringLiteral("ssh://mail@127.0.0.1:22022/var/log/mail.log")), plainSettings());
    const QByteArray changed("@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                             "Host key verification failed.\n");
    QCOMPARE(host.diagnose(255, changed),
             SshFailure::classify(255, changed)
                 .message(QStringLiteral("mail@127.0.0.1:22022"),
                          QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts")));
    QVERIFY(host.diagnose(255, changed).contains(QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts")));
    QVERIFY(host.needsUser(255, changed));
    const QByteArray lost("Connection to 127.0.0.1 closed by remote host.\n");
    QCOMPARE(host.diagnose(255, lost),
             QStringLiteral("The connection to mail@127.0.0.1:22022 was lost (closed by remote host); MailTLS "
                            "reconnects."));
    QVERIFY(!host.needsUser(255, lost));
    QCOMPARE(host.diagnose(1, lost), QString());
}

// ssh never runs for a host with a problem: the source says that problem, not
// that some program could not start, and waits for the user.
void TestSshCommandHost::problemStopsTheSource()
{
    SshSettings settings = askpassSettings();
    settings.knownHostsFile = QStringLiteral("/home/${USER}/known_hosts");
    const SourceSpec spec = specOf(QStringLiteral("ssh://mx.example.org/var/log/mail.log"));
    auto host = std::make_shared<SshCommandHost>(spec, settings);
    RemoteFileSource source(host, spec.path);
    source.start(QByteArray(), 0);
    QTRY_COMPARE(source.state(), LogSource::State::Stopped);
    QCOMPARE(source.reason(), host->problem());
    QVERIFY(source.needsUser());
    QCOMPARE(source.retryIn(), -1);
}

QTEST_GUILESS_MAIN(TestSshCommandHost)
#include "tst_sshcommandhost.moc"
