#include "models/sources/sshfailure.h"

#include <QTest>

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::SshFailure::Kind)

namespace {

bool isRow(const char *tag)
{
    return qstrcmp(QTest::currentDataTag(), tag) == 0;
}

} // namespace

class TestSshFailure final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void message_data();
    void message();
};

// ssh's standard error as OpenSSH 9.2 wrote it against a real sshd on
// loopback (LogLevel INFO; temporary paths renamed).
void TestSshFailure::classify_data()
{
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<SshFailure::Kind>("kind");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("needsUser");

    using Kind = SshFailure::Kind;
    const QByteArray changed
        = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
          "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
          "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
          "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\n"
          "Someone could be eavesdropping on you right now (man-in-the-middle attack)!\n"
          "It is also possible that a host key has just been changed.\n"
          "The fingerprint for the ED25519 key sent by the remote host is\n"
          "SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
          "Please contact your system administrator.\n"
          "Add correct host key in /home/alice/.local/share/MailTLS/known_hosts to get rid of this message.\n"
          "Offending ED25519 key in /home/alice/.local/share/MailTLS/known_hosts:1\n"
          "  remove with:\n"
          "  ssh-keygen -f \"/home/alice/.local/share/MailTLS/known_hosts\" -R \"[127.0.0.1]:22022\"\n"
          "Host key for [127.0.0.1]:22022 has changed and you have requested strict checking.\n"
          "Host key verification failed.\n";
    QTest::newRow("host key changed") << 255 << changed << Kind::HostKeyChanged << QString() << true;
    QTest::newRow("host key unknown, refused")
        << 255 << QByteArray("Host key verification failed.\n") << Kind::HostKeyNotAccepted << QString() << true;
    QTest::newRow("host key unknown, askpass missing")
        << 255
        << QByteArray("ssh_askpass: exec(/nonexistent/askpass): No such file or directory\n"
                      "Host key verification failed.\n")
        << Kind::HostKeyNotAccepted << QString() << true;
    QTest::newRow("key refused") << 255 << QByteArray("root@127.0.0.1: Permission denied (publickey,password).\n")
                                 << Kind::AuthenticationFailed << QStringLiteral("publickey,password") << true;
    QTest::newRow("key and password refused, keyboard-interactive")
        << 255
        << QByteArray("Warning: Permanently added '[127.0.0.1]:22024' (ED25519) to the list of known hosts.\n"
                      "root@127.0.0.1: Permission denied (publickey,password,keyboard-interactive).\n")
        << Kind::AuthenticationFailed << QStringLiteral("publickey,password,keyboard-interactive") << true;
    QTest::newRow("too many keys offered")
        << 255
        << QByteArray("Received disconnect from 127.0.0.1 port 22022:2: Too many authentication failures\n"
                      "Disconnected from 127.0.0.1 port 22022\n")
        << Kind::AuthenticationFailed << QStringLiteral("Too many authentication failures") << true;
    QTest::newRow("private key readable by others")
        << 255
        << QByteArray("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                      "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n"
                      "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                      "Permissions 0644 for '/home/alice/.ssh/id_ed25519' are too open.\n"
                      "It is required that your private key files are NOT accessible by others.\n"
                      "This private key will be ignored.\n"
                      "Load key \"/home/alice/.ssh/id_ed25519\": bad permissions\n"
                      "root@127.0.0.1: Permission denied (publickey,password).\n")
        << Kind::AuthenticationFailed << QStringLiteral("publickey,password") << true;
    QTest::newRow("connection refused") << 255
                                        << QByteArray("ssh: connect to host 127.0.0.1 port 1: Connection refused\n")
                                        << Kind::HostUnreachable << QStringLiteral("Connection refused") << false;
    QTest::newRow("connection refused, IPv6")
        << 255 << QByteArray("ssh: connect to host ::1 port 22022: Connection refused\n") << Kind::HostUnreachable
        << QStringLiteral("Connection refused") << false;
    QTest::newRow("network unreachable") << 255
                                         << QByteArray(
                                                "ssh: connect to host 127.0.0.1 port 22022: Network is unreachable\n")
                                         << Kind::HostUnreachable << QStringLiteral("Network is unreachable") << false;
    QTest::newRow("no route to host") << 255
                                      << QByteArray("ssh: connect to host 10.201.0.5 port 22: No route to host\n")
                                      << Kind::HostUnreachable << QStringLiteral("No route to host") << false;
    QTest::newRow("connect timed out") << 255
                                       << QByteArray("ssh: connect to host 10.200.0.5 port 22: Connection timed out\n")
                                       << Kind::HostUnreachable << QStringLiteral("Connection timed out") << false;
    QTest::newRow("route prohibited is not a refused login")
        << 255 << QByteArray("ssh: connect to host 10.202.0.5 port 22: Permission denied\n") << Kind::HostUnreachable
        << QStringLiteral("Permission denied") << false;
    QTest::newRow("name not resolved")
        << 255 << QByteArray("ssh: Could not resolve hostname nosuch.invalid: Temporary failure in name resolution\n")
        << Kind::HostUnreachable << QStringLiteral("Temporary failure in name resolution") << false;
    QTest::newRow("server silent") << 255
                                   << QByteArray("Connection timed out during banner exchange\n"
                                                 "Connection to 127.0.0.1 port 22031 timed out\n")
                                   << Kind::HostUnreachable
                                   << QStringLiteral("Connection timed out during banner exchange") << false;
    QTest::newRow("closed by remote host mid-stream")
        << 255 << QByteArray("Connection to 127.0.0.1 closed by remote host.\n") << Kind::ConnectionLost
        << QStringLiteral("closed by remote host") << false;
    QTest::newRow("reset during key exchange")
        << 255
        << QByteArray("kex_exchange_identification: read: Connection reset by peer\n"
                      "Connection reset by 127.0.0.1 port 22032\n")
        << Kind::ConnectionLost << QStringLiteral("reset") << false;
    QTest::newRow("reset after the banner") << 255 << QByteArray("Connection reset by 127.0.0.1 port 22034\n")
                                            << Kind::ConnectionLost << QStringLiteral("reset") << false;
    QTest::newRow("closed after the banner") << 255 << QByteArray("Connection closed by 127.0.0.1 port 22035\n")
                                             << Kind::ConnectionLost << QStringLiteral("closed") << false;
    QTest::newRow("server stopped answering") << 255 << QByteArray("Timeout, server 127.0.0.1 not responding.\n")
                                              << Kind::ConnectionLost << QStringLiteral("not responding") << false;
    QTest::newRow("bad option value") << 255 << QByteArray("command-line line 0: unsupported option \"maybe\".\n")
                                      << Kind::Configuration
                                      << QStringLiteral("command-line line 0: unsupported option \"maybe\".") << true;
    QTest::newRow("unknown option") << 255 << QByteArray("command-line: line 0: Bad configuration option: foo\n")
                                    << Kind::Configuration
                                    << QStringLiteral("command-line: line 0: Bad configuration option: foo") << true;
    QTest::newRow("bad line in a config file")
        << 255
        << QByteArray("/home/alice/.ssh/config line 2: Bad port 'abc'.\n"
                      "/home/alice/.ssh/config: terminating, 1 bad configuration options\n")
        << Kind::Configuration << QStringLiteral("/home/alice/.ssh/config line 2: Bad port 'abc'.") << true;
    QTest::newRow("config file writable by others")
        << 255 << QByteArray("Bad owner or permissions on /root/.ssh/config\n") << Kind::Configuration
        << QStringLiteral("Bad owner or permissions on /root/.ssh/config") << true;
    QTest::newRow("config file missing")
        << 255 << QByteArray("Can't open user config file /nonexistent/cfg: No such file or directory\n")
        << Kind::Configuration
        << QStringLiteral("Can't open user config file /nonexistent/cfg: No such file or directory") << true;
    QTest::newRow("remote command's own 255") << 255 << QByteArray("oops\n") << Kind::None << QString() << false;
    QTest::newRow("remote shell's line error is not ssh's configuration")
        << 255 << QByteArray("bash: line 1: frobnicate: command not found\n") << Kind::None << QString() << false;
    QTest::newRow("ssh's words inside a remote line do not count")
        << 255
        << QByteArray("tail: cannot open '/x/Host key verification failed.' for reading: No such file or directory\n"
                      "tail: '/var/log/ssh: connect to host a port 1: Connection refused': No such file\n")
        << Kind::None << QString() << false;
    QTest::newRow("remote command failed, ssh did not")
        << 1 << QByteArray("tail: cannot open '/var/log/mail.log' for reading: Permission denied\n") << Kind::None
        << QString() << false;
    QTest::newRow("ssh's words with another exit status")
        << 1 << QByteArray("Host key verification failed.\n") << Kind::None << QString() << false;
    QTest::newRow("success") << 0
                             << QByteArray("Warning: Permanently added '[127.0.0.1]:22022' (ED25519) to the list of "
                                           "known hosts.\n")
                             << Kind::None << QString() << false;
    QByteArray chatter;
    while (chatter.size() < 4 * 1024 * 1024)
        chatter += "tail: /var/log/mail.log: file truncated; Host key verification failed.\n";
    QTest::newRow("ssh's last words after megabytes of the command's")
        << 255 << QByteArray(chatter + "Connection to 127.0.0.1 closed by remote host.\n") << Kind::ConnectionLost
        << QStringLiteral("closed by remote host") << false;
    QTest::newRow("CRLF line ends") << 255
                                    << QByteArray("ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n")
                                    << Kind::HostUnreachable << QStringLiteral("Connection refused") << false;
}

void TestSshFailure::classify()
{
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stderrText);
    QFETCH(SshFailure::Kind, kind);
    QFETCH(QString, detail);
    QFETCH(bool, needsUser);

    const SshFailure failure = SshFailure::classify(exitCode, stderrText);
    QCOMPARE(failure.kind, kind);
    QCOMPARE(failure.detail, detail);
    QCOMPARE(failure.needsUser(), needsUser);
    QCOMPARE(failure.message(QStringLiteral("root@127.0.0.1:22022"), QStringLiteral("/k")).isEmpty(),
             kind == SshFailure::Kind::None);

    if (isRow("host key changed")) {
        QCOMPARE(failure.keyType, QStringLiteral("ED25519"));
        QCOMPARE(failure.fingerprint, QStringLiteral("SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A"));
        QCOMPARE(failure.offendingFile, QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts"));
        QCOMPARE(failure.offendingLine, 1);
    } else {
        QCOMPARE(failure.fingerprint, QString());
        QCOMPARE(failure.offendingFile, QString());
    }
    if (isRow("host key unknown, askpass missing"))
        QCOMPARE(failure.askpassError, QStringLiteral("exec(/nonexistent/askpass): No such file or directory"));
    else
        QCOMPARE(failure.askpassError, QString());
    if (isRow("private key readable by others"))
        QCOMPARE(failure.unprotectedKeyFile, QStringLiteral("/home/alice/.ssh/id_ed25519"));
    else
        QCOMPARE(failure.unprotectedKeyFile, QString());
}

void TestSshFailure::message_data()
{
    QTest::addColumn<QByteArray>("stderrText");
    QTest::addColumn<QString>("expected");

    QTest::newRow("changed key, the old one in the user's own file")
        << QByteArray("@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                      "The fingerprint for the ED25519 key sent by the remote host is\n"
                      "SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                      "Offending RSA key in /root/.ssh/known_hosts:7\n"
                      "Host key verification failed.\n")
        << QStringLiteral("The host key of mail@127.0.0.1:22022 has CHANGED: the server showed the key ED25519 "
                          "SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A, not the one on file. This may be an "
                          "attack (someone between you and the server), or the server was reinstalled. MailTLS "
                          "will not connect until you have checked the new fingerprint with the server's "
                          "administrator and removed the old key from /root/.ssh/known_hosts, line 7.");
    QTest::newRow("changed key, nothing but the strict-checking line")
        << QByteArray("Host key for [127.0.0.1]:22022 has changed and you have requested strict checking.\n"
                      "Host key verification failed.\n")
        << QStringLiteral("The host key of mail@127.0.0.1:22022 has CHANGED: the server showed the key (ssh did "
                          "not print it), not the one on file. This may be an attack (someone between you and the "
                          "server), or the server was reinstalled. MailTLS will not connect until you have checked "
                          "the new fingerprint with the server's administrator and removed the old key from "
                          "/home/alice/.local/share/MailTLS/known_hosts.");
    QTest::newRow("unknown key refused")
        << QByteArray("Host key verification failed.\n")
        << QStringLiteral("The host key of mail@127.0.0.1:22022 is not known and was not accepted, so MailTLS did "
                          "not connect. Start the source again to see the key's fingerprint, and accept it once the "
                          "server's administrator has confirmed it.");
    QTest::newRow("unknown key, no askpass")
        << QByteArray("ssh_askpass: exec(/usr/bin/mailtls): No such file or directory\n"
                      "Host key verification failed.\n")
        << QStringLiteral("The host key of mail@127.0.0.1:22022 is not known, and MailTLS could not ask you about "
                          "it (exec(/usr/bin/mailtls): No such file or directory). MailTLS did not connect.");
    QTest::newRow("login refused")
        << QByteArray("mail@127.0.0.1: Permission denied (publickey).\n")
        << QStringLiteral("mail@127.0.0.1:22022 refused the login (it accepts: publickey). Check the user name and "
                          "that your key is in that user's authorized_keys on the server. MailTLS does not retry by "
                          "itself, so the server does not lock the account.");
    QTest::newRow("too many keys")
        << QByteArray("Received disconnect from 127.0.0.1 port 22022:2: Too many authentication failures\n")
        << QStringLiteral("mail@127.0.0.1:22022 refused the login after too many attempts: ssh offered more keys "
                          "than the server accepts before the right one. Name the key for this host (IdentityFile "
                          "and IdentitiesOnly yes in ~/.ssh/config), then start the source again.");
    QTest::newRow("key readable by others")
        << QByteArray("Permissions 0644 for '/home/alice/.ssh/id_ed25519' are too open.\n"
                      "mail@127.0.0.1: Permission denied (publickey).\n")
        << QStringLiteral("mail@127.0.0.1:22022 refused the login: ssh ignored the key /home/alice/.ssh/id_ed25519 "
                          "because other users can read it. Make it private (chmod 600), then start the source again.");
    QTest::newRow("unreachable")
        << QByteArray("ssh: connect to host 127.0.0.1 port 22022: Connection refused\n")
        << QStringLiteral("Cannot reach mail@127.0.0.1:22022 (Connection refused). Check the host name and port, "
                          "that the server is running and that no firewall is in the way; MailTLS keeps trying.");
    QTest::newRow("lost") << QByteArray("Connection to 127.0.0.1 closed by remote host.\n")
                          << QStringLiteral(
                                 "The connection to mail@127.0.0.1:22022 was lost (closed by remote host); MailTLS "
                                 "reconnects.");
    QTest::newRow("configuration")
        << QByteArray("Bad owner or permissions on /home/alice/.ssh/config\n")
        << QStringLiteral("ssh refused its configuration (Bad owner or permissions on /home/alice/.ssh/config). Fix "
                          "that file or option, then start the source again.");
}

void TestSshFailure::message()
{
    QFETCH(QByteArray, stderrText);
    QFETCH(QString, expected);
    const SshFailure failure = SshFailure::classify(255, stderrText);
    QCOMPARE(failure.message(QStringLiteral("mail@127.0.0.1:22022"),
                             QStringLiteral("/home/alice/.local/share/MailTLS/known_hosts")),
             expected);
}

QTEST_GUILESS_MAIN(TestSshFailure)
#include "tst_sshfailure.moc"
