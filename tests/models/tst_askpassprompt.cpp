#include "models/sources/askpassprompt.h"

#include <QTest>

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::AskpassPrompt::Kind)

namespace {

// Prompts as OpenSSH 9.2 handed them to its askpass helper, against a real
// sshd on loopback (temporary paths renamed).
const QString hostKeyPort
    = QStringLiteral("The authenticity of host '[127.0.0.1]:22022 ([127.0.0.1]:22022)' can't be established.\n"
                     "ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                     "This key is not known by any other names.\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
const QString hostKeyDefaultPort
    = QStringLiteral("The authenticity of host '127.0.0.1 (127.0.0.1)' can't be established.\n"
                     "ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                     "This key is not known by any other names.\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
const QString hostKeyIpv6
    = QStringLiteral("The authenticity of host '[::1]:22022 ([::1]:22022)' can't be established.\n"
                     "ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                     "This key is not known by any other names.\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
const QString hostKeyIpv6DefaultPort
    = QStringLiteral("The authenticity of host '::1 (::1)' can't be established.\n"
                     "ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                     "This key is not known by any other names.\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
// HostKeyAlias mx.example.test, VisualHostKey yes, FingerprintHash md5.
const QString hostKeyAliasArt
    = QStringLiteral("The authenticity of host 'mx.example.test ([127.0.0.1]:22022)' can't be established.\n"
                     "ED25519 key fingerprint is MD5:f1:6c:88:69:76:f8:b5:8b:d9:f4:a8:7a:b3:bd:75:e6.\n"
                     "+--[ED25519 256]--+\n"
                     "|                 |\n"
                     "|                 |\n"
                     "|        .        |\n"
                     "|       + =       |\n"
                     "|      * S =      |\n"
                     "|     o o o .     |\n"
                     "|        . o . o  |\n"
                     "|        o* = +   |\n"
                     "|      .o=+*.. E  |\n"
                     "+------[MD5]------+\n"
                     "This key is not known by any other names.\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
const QString hostKeyOtherNames
    = QStringLiteral("The authenticity of host '[127.0.0.1]:22022 ([127.0.0.1]:22022)' can't be established.\n"
                     "ED25519 key fingerprint is SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A.\n"
                     "This host key is known by the following other names/addresses:\n"
                     "    /home/alice/.ssh/known_hosts:1: [otherhost.test]:22022\n"
                     "    /home/alice/.ssh/known_hosts:2: 192.0.2.7\n"
                     "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");

} // namespace

class TestAskpassPrompt final : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void hostKey_data();
    void hostKey();
};

void TestAskpassPrompt::classifies_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<AskpassPrompt::Kind>("kind");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("keyFile");

    using Kind = AskpassPrompt::Kind;
    QTest::newRow("host key") << hostKeyPort << Kind::HostKey << QString() << QString();
    QTest::newRow("host key with randomart") << hostKeyAliasArt << Kind::HostKey << QString() << QString();
    QTest::newRow("password") << QStringLiteral("root@127.0.0.1's password: ") << Kind::Password
                              << QStringLiteral("root@127.0.0.1") << QString();
    QTest::newRow("keyboard-interactive password") << QStringLiteral("(root@127.0.0.1) Password: ") << Kind::Password
                                                   << QStringLiteral("root@127.0.0.1") << QString();
    QTest::newRow("passphrase") << QStringLiteral("Enter passphrase for key '/home/alice/.ssh/id_ed25519': ")
                                << Kind::Passphrase << QString() << QStringLiteral("/home/alice/.ssh/id_ed25519");
    QTest::newRow("passphrase, path with quote and colon")
        << QStringLiteral("Enter passphrase for key '/home/al'ice/keys: mail': ") << Kind::Passphrase << QString()
        << QStringLiteral("/home/al'ice/keys: mail");
    QTest::newRow("asked again after an unclear answer")
        << QStringLiteral("Please type 'yes', 'no' or the fingerprint: ") << Kind::Other << QString() << QString();
    QTest::newRow("one-time code") << QStringLiteral("(root@127.0.0.1) Verification code: ") << Kind::Other << QString()
                                   << QString();
    QTest::newRow("security key PIN") << QStringLiteral("Enter PIN for ED25519-SK key /home/alice/.ssh/id_ed25519_sk: ")
                                      << Kind::Other << QString() << QString();
    QTest::newRow("empty") << QString() << Kind::Other << QString() << QString();
    QTest::newRow("password prompt on a second line")
        << QStringLiteral("Banner text\nroot@127.0.0.1's password: ") << Kind::Other << QString() << QString();
    QTest::newRow("host key question cut short")
        << hostKeyPort.left(hostKeyPort.indexOf(QStringLiteral("Are you sure"))) << Kind::Other << QString()
        << QString();
    QTest::newRow("host key question without a fingerprint")
        << QStringLiteral("The authenticity of host '127.0.0.1 (127.0.0.1)' can't be established.\n"
                          "This key is not known by any other names.\n"
                          "Are you sure you want to continue connecting (yes/no/[fingerprint])? ")
        << Kind::Other << QString() << QString();
    QTest::newRow("overlong password prompt")
        << QString(5000, QLatin1Char('a')) + QStringLiteral("@h's password: ") << Kind::Other << QString() << QString();
}

void TestAskpassPrompt::classifies()
{
    QFETCH(QString, prompt);
    QFETCH(AskpassPrompt::Kind, kind);
    QFETCH(QString, account);
    QFETCH(QString, keyFile);

    const AskpassPrompt classified(prompt);
    QCOMPARE(classified.kind(), kind);
    QCOMPARE(classified.text(), prompt);
    QCOMPARE(classified.account(), account);
    QCOMPARE(classified.keyFile(), keyFile);
    QCOMPARE(classified.hostKey().has_value(), kind == AskpassPrompt::Kind::HostKey);
}

void TestAskpassPrompt::hostKey_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<QStringList>("otherNames");

    const QString sha = QStringLiteral("SHA256:ervytph+vgCZAvlQsdGNSgFk3BVYS1dZM+XV3MjvH6A");
    const QString ed = QStringLiteral("ED25519");
    QTest::newRow("IPv4 and port") << hostKeyPort << QStringLiteral("127.0.0.1") << 22022 << QStringLiteral("127.0.0.1")
                                   << ed << sha << QStringList();
    QTest::newRow("IPv4, port 22") << hostKeyDefaultPort << QStringLiteral("127.0.0.1") << 22
                                   << QStringLiteral("127.0.0.1") << ed << sha << QStringList();
    QTest::newRow("IPv6 and port") << hostKeyIpv6 << QStringLiteral("::1") << 22022 << QStringLiteral("::1") << ed
                                   << sha << QStringList();
    QTest::newRow("IPv6, port 22") << hostKeyIpv6DefaultPort << QStringLiteral("::1") << 22 << QStringLiteral("::1")
                                   << ed << sha << QStringList();
    QTest::newRow("alias, MD5 and randomart")
        << hostKeyAliasArt << QStringLiteral("mx.example.test") << 22022 << QStringLiteral("127.0.0.1") << ed
        << QStringLiteral("MD5:f1:6c:88:69:76:f8:b5:8b:d9:f4:a8:7a:b3:bd:75:e6") << QStringList();
    QTest::newRow("known by other names")
        << hostKeyOtherNames << QStringLiteral("127.0.0.1") << 22022 << QStringLiteral("127.0.0.1") << ed << sha
        << QStringList {QStringLiteral("/home/alice/.ssh/known_hosts:1: [otherhost.test]:22022"),
                        QStringLiteral("/home/alice/.ssh/known_hosts:2: 192.0.2.7")};
    QTest::newRow("through a proxy command, no address")
        << QStringLiteral("The authenticity of host 'mx.example.test (<no hostip for proxy command>)' can't be "
                          "established.\n"
                          "ECDSA key fingerprint is SHA256:EJYhw6cWiO89graM9/FopmRDQU3pYKyTwmFPwC6VRKA.\n"
                          "This key is not known by any other names.\n"
                          "Are you sure you want to continue connecting (yes/no/[fingerprint])? ")
        << QStringLiteral("mx.example.test") << 22 << QString() << QStringLiteral("ECDSA")
        << QStringLiteral("SHA256:EJYhw6cWiO89graM9/FopmRDQU3pYKyTwmFPwC6VRKA") << QStringList();
}

void TestAskpassPrompt::hostKey()
{
    QFETCH(QString, prompt);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, address);
    QFETCH(QString, keyType);
    QFETCH(QString, fingerprint);
    QFETCH(QStringList, otherNames);

    const AskpassPrompt classified(prompt);
    QCOMPARE(classified.kind(), AskpassPrompt::Kind::HostKey);
    QVERIFY(classified.hostKey().has_value());
    const HostKeyQuestion &question = *classified.hostKey();
    QCOMPARE(question.host, host);
    QCOMPARE(question.port, port);
    QCOMPARE(question.address, address);
    QCOMPARE(question.keyType, keyType);
    QCOMPARE(question.fingerprint, fingerprint);
    QCOMPARE(question.otherNames, otherNames);
}

QTEST_GUILESS_MAIN(TestAskpassPrompt)
#include "tst_askpassprompt.moc"
