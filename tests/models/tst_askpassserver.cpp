#include "models/secrets/askpassserver.h"

#include <memory>
#include <optional>

#include <sys/stat.h>

#include <QFileInfo>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

#include "models/secrets/askpassprotocol.h"
#include "tests/models/askpasstestutil.h"

using namespace mailtls;
using namespace askpasstest;

namespace {

// The helper's side of the conversation, in this process: sends its bytes,
// collects what comes back until the server hangs up.
class Helper
{
public:
    Helper(const QString &serverName, const QByteArray &bytes)
    {
        m_socket.connectToServer(serverName);
        m_socket.write(bytes);
        QObject::connect(&m_socket, &QLocalSocket::readyRead, [this] {
            if (m_socket.bytesAvailable() > 0)
                m_received += m_socket.readAll();
        });
        QObject::connect(&m_socket, &QLocalSocket::disconnected, [this] {
            if (m_socket.bytesAvailable() > 0)
                m_received += m_socket.readAll();
            m_closed = true;
        });
    }

    Helper(const QString &serverName, const QString &prompt, qint64 sshPid = 100,
           const QString &helperTarget = target, const QString &mode = QString())
        : Helper(serverName, AskpassProtocol::encode(AskpassProtocol::Request{prompt, helperTarget, mode, sshPid}))
    {
    }

    bool waitClosed() { return QTest::qWaitFor([this] { return m_closed; }, 5000); }
    bool closed() const { return m_closed; }
    QByteArray received() const { return m_received; }
    // The server's reply; nullopt when it hung up without one.
    std::optional<AskpassProtocol::Reply> reply() const
    {
        QByteArray buffer = m_received;
        QByteArray payload;
        if (AskpassProtocol::takeFrame(buffer, &payload) != AskpassProtocol::Frame::Complete || !buffer.isEmpty())
            return std::nullopt;
        return AskpassProtocol::parseReply(payload);
    }
    void hangUp() { m_socket.abort(); }

private:
    QLocalSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

mode_t modeOf(const QString &path)
{
    struct stat info{};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode;
}

} // namespace

class TestAskpassServer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listensPrivately();
    void passwordFromKeychain();
    void keysOfPrompts_data();
    void keysOfPrompts();
    void refusedPrompts_data();
    void refusedPrompts();
    void hostKey_data();
    void hostKey();
    void hostKeyAcceptedBeforehand();
    void secretFromUser_data();
    void secretFromUser();
    void noKeychain();
    void storedSecretRefused();
    void userRefusal();
    void timeout_data();
    void timeout();
    void helperGoesAway();
    void failedLoginForgetsPasswords();
    void succeededLoginRemembers();
    void badRequests();

private:
    // Sends `prompt` and waits for the question it raises.
    AskpassServer::SecretQuestion askSecret(Helper &helper);

    ServerUnderTest m_askpass;
};

void TestAskpassServer::init()
{
    QString error;
    QVERIFY2(m_askpass.start(&error), qPrintable(error));
}

void TestAskpassServer::cleanup()
{
    m_askpass.stop();
}

AskpassServer::SecretQuestion TestAskpassServer::askSecret(Helper &helper)
{
    const int before = m_askpass.secretQuestions.size();
    if (!QTest::qWaitFor([&] { return m_askpass.secretQuestions.size() > before || helper.closed(); }, 5000)
        || m_askpass.secretQuestions.size() != before + 1)
        return AskpassServer::SecretQuestion{};
    return m_askpass.secretQuestions.last();
}

void TestAskpassServer::listensPrivately()
{
    const QString name = m_askpass.server->name();
    QVERIFY(m_askpass.server->isListening());
    QVERIFY(QFileInfo(name).isAbsolute());
    QCOMPARE(modeOf(name) & 07777, mode_t(0600));
    QVERIFY(S_ISSOCK(modeOf(name)));
    const QString folder = QFileInfo(name).absolutePath();
    QCOMPARE(modeOf(folder) & 07777, mode_t(0700));
    QVERIFY(QFileInfo(folder).fileName().startsWith(QStringLiteral("mailtls-askpass-")));

    FakeSecretStore store;
    AskpassServer second(&store);
    QString error;
    QVERIFY(second.listen(&error));
    QVERIFY(second.name() != name);
    QVERIFY(QFileInfo(second.name()).absolutePath() != folder);

    m_askpass.server.reset();
    QVERIFY(!QFileInfo::exists(name));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestAskpassServer::passwordFromKeychain()
{
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("s3cret"));
    Helper helper(m_askpass.server->name(), passwordPrompt);
    QVERIFY(helper.waitClosed());
    QVERIFY(helper.reply());
    QCOMPARE(helper.reply()->refused, false);
    QCOMPARE(helper.reply()->answer, QStringLiteral("s3cret"));
    QCOMPARE(m_askpass.store->reads, 1);
    QVERIFY(m_askpass.secretQuestions.isEmpty());
    QCOMPARE(m_askpass.handedOut, (QList<QPair<QString, QString>>{{target, passwordKey}}));
    QCOMPARE(m_askpass.server->pendingQuestions(), 0);
}

void TestAskpassServer::keysOfPrompts_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("helperTarget");
    QTest::addColumn<AskpassServer::SecretKind>("kind");
    QTest::addColumn<QString>("key");

    const auto password = AskpassServer::SecretKind::Password;
    const auto passphrase = AskpassServer::SecretKind::Passphrase;
    const auto other = AskpassServer::SecretKind::Other;
    QTest::newRow("password, target's port") << passwordPrompt << target << password << passwordKey;
    QTest::newRow("password, no target") << passwordPrompt << QString() << password
                                         << QStringLiteral("ssh-password:mail@mx.example.org:22");
    QTest::newRow("password, host's case") << QStringLiteral("mail@MX.example.org's password: ") << target << password
                                           << QStringLiteral("ssh-password:mail@MX.example.org:2222");
    QTest::newRow("jump host's password") << QStringLiteral("me@jump.example.org's password: ") << target << password
                                          << QStringLiteral("ssh-password:me@jump.example.org:22");
    QTest::newRow("keyboard-interactive") << QStringLiteral("(mail@mx.example.org) Password: ") << target << password
                                          << passwordKey;
    QTest::newRow("IPv6") << QStringLiteral("root@2001:db8::25's password: ")
                          << QStringLiteral("root@[2001:db8::25]:2200") << password
                          << QStringLiteral("ssh-password:root@[2001:db8::25]:2200");
    QTest::newRow("passphrase") << QStringLiteral("Enter passphrase for key '/home/mail/.ssh/id_ed25519': ") << target
                                << passphrase << QStringLiteral("ssh-passphrase:/home/mail/.ssh/id_ed25519");
    QTest::newRow("passphrase, spaces") << QStringLiteral("Enter passphrase for key '/home/a b/my key': ") << QString()
                                        << passphrase << QStringLiteral("ssh-passphrase:/home/a b/my key");
    QTest::newRow("bare password prompt") << QStringLiteral("Password: ") << target << password << passwordKey;
    QTest::newRow("bare password prompt, no target") << QStringLiteral("Password: ") << QString() << password
                                                     << QString();
    QTest::newRow("one-time code") << QStringLiteral("(mail@mx.example.org) Verification code: ") << target << other
                                   << QString();
    QTest::newRow("address differs") << QStringLiteral(
        "Warning: the ED25519 host key for 'mx' differs from the key for the IP address '192.0.2.1'\n"
        "Offending key for IP in /home/mail/.ssh/known_hosts:3\n"
        "Are you sure you want to continue connecting (yes/no)? ") << target << other << QString();
    QTest::newRow("host key without fingerprint") << QStringLiteral(
        "The authenticity of host 'mx (192.0.2.1)' can't be established.\n"
        "Are you sure you want to continue connecting (yes/no)? ") << target << other << QString();
    QTest::newRow("a word") << QStringLiteral("--help") << target << other << QString();
}

void TestAskpassServer::keysOfPrompts()
{
    QFETCH(QString, prompt);
    QFETCH(QString, helperTarget);
    QFETCH(AskpassServer::SecretKind, kind);
    QFETCH(QString, key);

    Helper helper(m_askpass.server->name(), prompt, 100, helperTarget);
    const AskpassServer::SecretQuestion question = askSecret(helper);
    QVERIFY(question.id != 0);
    QCOMPARE(question.kind, kind);
    QCOMPARE(question.key, key);
    QCOMPARE(question.prompt, prompt);
    QCOMPARE(question.target, helperTarget);
    QCOMPARE(question.retry, false);
    // What cannot be kept is not looked up either.
    QCOMPARE(question.storeError, key.isEmpty() ? SecretStore::Error::None : SecretStore::Error::NotFound);
    QCOMPARE(question.storeMessage,
             key.isEmpty() ? QString() : SecretStore::errorMessage(SecretStore::Error::NotFound));
    QCOMPARE(m_askpass.store->reads, key.isEmpty() ? 0 : 1);
    QCOMPARE(m_askpass.server->pendingQuestions(), 1);
    QVERIFY(!helper.closed());

    m_askpass.server->answerSecret(question.id, QStringLiteral("typed"), true);
    QVERIFY(helper.waitClosed());
    QCOMPARE(helper.reply()->answer, QStringLiteral("typed"));
    QCOMPARE(m_askpass.server->pendingQuestions(), 0);
    QVERIFY(m_askpass.closed.isEmpty());
    QCOMPARE(m_askpass.handedOut.size(), key.isEmpty() ? 0 : 1);
    m_askpass.server->connectionSucceeded(helperTarget);
    m_askpass.server->confirmSecretWorked(key);
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, key.isEmpty() ? 0 : 1);
}

void TestAskpassServer::refusedPrompts_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("mode");

    QTest::newRow("agent confirmation") << QStringLiteral("Allow use of key /home/mail/.ssh/id_ed25519?")
                                        << QStringLiteral("confirm");
    QTest::newRow("password asked as confirm") << passwordPrompt << QStringLiteral("confirm");
    QTest::newRow("host key asked as confirm") << hostKeyPrompt << QStringLiteral("confirm");
    QTest::newRow("notice") << QStringLiteral("Confirm user presence for key ED25519-SK SHA256:x")
                            << QStringLiteral("none");
}

void TestAskpassServer::refusedPrompts()
{
    QFETCH(QString, prompt);
    QFETCH(QString, mode);

    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("s3cret"));
    Helper helper(m_askpass.server->name(), prompt, 100, target, mode);
    QVERIFY(helper.waitClosed());
    QVERIFY(helper.reply());
    QCOMPARE(helper.reply()->refused, true);
    QVERIFY(m_askpass.secretQuestions.isEmpty());
    QVERIFY(m_askpass.hostKeyQuestions.isEmpty());
    QCOMPARE(m_askpass.store->reads, 0);
}

void TestAskpassServer::hostKey_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<bool>("accept");

    QTest::newRow("port 2222, yes") << hostKeyPrompt << QStringLiteral("127.0.0.1") << 2222 << QStringLiteral("ED25519")
                                    << hostKeyFingerprint << true;
    QTest::newRow("port 2222, no") << hostKeyPrompt << QStringLiteral("127.0.0.1") << 2222 << QStringLiteral("ED25519")
                                   << hostKeyFingerprint << false;
    QTest::newRow("port 22, ECDSA") << QStringLiteral(
        "The authenticity of host 'mx.example.org (192.0.2.25)' can't be established.\n"
        "ECDSA key fingerprint is SHA256:Jt2+0dTdMm0VnRPaPzDWfbtCcD3CNybOexVHP7UbIRE.\n"
        "Are you sure you want to continue connecting (yes/no/[fingerprint])? ")
                                    << QStringLiteral("mx.example.org") << 22 << QStringLiteral("ECDSA")
                                    << QStringLiteral("SHA256:Jt2+0dTdMm0VnRPaPzDWfbtCcD3CNybOexVHP7UbIRE") << true;
}

void TestAskpassServer::hostKey()
{
    QFETCH(QString, prompt);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, keyType);
    QFETCH(QString, fingerprint);
    QFETCH(bool, accept);

    Helper helper(m_askpass.server->name(), prompt);
    QTRY_COMPARE(m_askpass.hostKeyQuestions.size(), 1);
    const ServerUnderTest::HostKeyAsked asked = m_askpass.hostKeyQuestions.first();
    QCOMPARE(asked.question.host, host);
    QCOMPARE(asked.question.port, port);
    QCOMPARE(asked.question.keyType, keyType);
    QCOMPARE(asked.question.fingerprint, fingerprint);
    QCOMPARE(asked.target, target);
    QCOMPARE(m_askpass.server->pendingQuestions(), 1);
    QVERIFY(!helper.closed());
    // A secret's answer does not answer a host-key question.
    m_askpass.server->answerSecret(asked.id, QStringLiteral("yes"), false);
    QTest::qWait(50);
    QVERIFY(!helper.closed());

    m_askpass.server->answerHostKey(asked.id, accept);
    QVERIFY(helper.waitClosed());
    QVERIFY(helper.reply());
    QCOMPARE(helper.reply()->refused, !accept);
    QCOMPARE(helper.reply()->answer, accept ? QStringLiteral("yes") : QString());
    QVERIFY(m_askpass.secretQuestions.isEmpty());
}

void TestAskpassServer::hostKeyAcceptedBeforehand()
{
    m_askpass.server->addAcceptedHostKey(hostKeyFingerprint);
    Helper accepted(m_askpass.server->name(), hostKeyPrompt);
    QVERIFY(accepted.waitClosed());
    QCOMPARE(accepted.reply()->answer, QStringLiteral("yes"));
    QVERIFY(m_askpass.hostKeyQuestions.isEmpty());

    // Another key is still a question.
    QString other = hostKeyPrompt;
    other.replace(hostKeyFingerprint, QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    Helper asked(m_askpass.server->name(), other);
    QTRY_COMPARE(m_askpass.hostKeyQuestions.size(), 1);
    QCOMPARE(m_askpass.hostKeyQuestions.first().question.fingerprint,
             QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    m_askpass.server->answerHostKey(m_askpass.hostKeyQuestions.first().id, false);
    QVERIFY(asked.waitClosed());
    QCOMPARE(asked.reply()->refused, true);
}

void TestAskpassServer::secretFromUser_data()
{
    QTest::addColumn<bool>("remember");
    QTest::newRow("remembered") << true;
    QTest::newRow("not remembered") << false;
}

void TestAskpassServer::secretFromUser()
{
    QFETCH(bool, remember);
    Helper helper(m_askpass.server->name(), passwordPrompt);
    const AskpassServer::SecretQuestion question = askSecret(helper);
    QCOMPARE(question.key, passwordKey);
    m_askpass.server->answerSecret(question.id, QStringLiteral("typed"), remember);
    QVERIFY(helper.waitClosed());
    QCOMPARE(helper.reply()->answer, QStringLiteral("typed"));
    QCOMPARE(m_askpass.handedOut, (QList<QPair<QString, QString>>{{target, passwordKey}}));
    // Nothing is kept before ssh has logged in with it.
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, 0);

    m_askpass.server->confirmSecretWorked(passwordKey);
    QTRY_COMPARE(m_askpass.store->writes, remember ? 1 : 0);
    QCOMPARE(m_askpass.store->secrets.value(passwordKey), remember ? QStringLiteral("typed") : QString());
    // A second confirmation writes nothing more.
    m_askpass.server->confirmSecretWorked(passwordKey);
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, remember ? 1 : 0);
}

void TestAskpassServer::noKeychain()
{
    m_askpass.store->failWith = SecretStore::Error::NoBackend;
    QSignalSpy failed(m_askpass.server.get(), &AskpassServer::rememberFailed);
    Helper helper(m_askpass.server->name(), passwordPrompt);
    const AskpassServer::SecretQuestion question = askSecret(helper);
    QCOMPARE(question.storeError, SecretStore::Error::NoBackend);
    QCOMPARE(question.storeMessage, SecretStore::errorMessage(SecretStore::Error::NoBackend));
    m_askpass.server->answerSecret(question.id, QStringLiteral("typed"), true);
    QVERIFY(helper.waitClosed());
    QCOMPARE(helper.reply()->answer, QStringLiteral("typed"));

    m_askpass.server->confirmSecretWorked(passwordKey);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toString(), passwordKey);
    QCOMPARE(failed.first().at(1).toString(), SecretStore::errorMessage(SecretStore::Error::NoBackend));
}

void TestAskpassServer::storedSecretRefused()
{
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("old"));

    Helper first(m_askpass.server->name(), passwordPrompt, 7);
    QVERIFY(first.waitClosed());
    QCOMPARE(first.reply()->answer, QStringLiteral("old"));

    // The same ssh asks again: the server refused "old". It is not offered
    // again; the user is asked, told it is a retry.
    Helper second(m_askpass.server->name(), passwordPrompt, 7);
    const AskpassServer::SecretQuestion retry = askSecret(second);
    QCOMPARE(retry.key, passwordKey);
    QCOMPARE(retry.retry, true);
    QCOMPARE(retry.storeError, SecretStore::Error::None);
    QCOMPARE(m_askpass.store->reads, 1);

    // Another ssh (a reconnect) does not get it from the keychain either.
    Helper other(m_askpass.server->name(), passwordPrompt, 8);
    const AskpassServer::SecretQuestion fresh = askSecret(other);
    QCOMPARE(fresh.retry, false);
    QCOMPARE(m_askpass.store->reads, 1);
    m_askpass.server->refuseSecret(fresh.id);
    QVERIFY(other.waitClosed());

    m_askpass.server->answerSecret(retry.id, QStringLiteral("new"), true);
    QVERIFY(second.waitClosed());
    QCOMPARE(second.reply()->answer, QStringLiteral("new"));
    m_askpass.server->confirmSecretWorked(passwordKey);
    QTRY_COMPARE(m_askpass.store->secrets.value(passwordKey), QStringLiteral("new"));

    // Remembered and trusted again.
    Helper later(m_askpass.server->name(), passwordPrompt, 9);
    QVERIFY(later.waitClosed());
    QCOMPARE(later.reply()->answer, QStringLiteral("new"));
    QCOMPARE(m_askpass.store->reads, 2);
}

void TestAskpassServer::userRefusal()
{
    Helper helper(m_askpass.server->name(), passwordPrompt, 7);
    const AskpassServer::SecretQuestion question = askSecret(helper);
    m_askpass.server->refuseSecret(question.id);
    QVERIFY(helper.waitClosed());
    QCOMPARE(helper.reply()->refused, true);

    // ssh asks again after a refusal (it sent an empty password): no new question.
    Helper again(m_askpass.server->name(), passwordPrompt, 7);
    QVERIFY(again.waitClosed());
    QCOMPARE(again.reply()->refused, true);
    QCOMPARE(m_askpass.secretQuestions.size(), 1);

    // A later ssh is asked anew.
    Helper later(m_askpass.server->name(), passwordPrompt, 8);
    QVERIFY(askSecret(later).id != 0);
    QCOMPARE(m_askpass.secretQuestions.size(), 2);

    // Answers to a question already answered change nothing.
    m_askpass.server->answerSecret(question.id, QStringLiteral("late"), true);
    m_askpass.server->confirmSecretWorked(passwordKey);
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, 0);
}

void TestAskpassServer::timeout_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("password") << passwordPrompt;
    QTest::newRow("host key") << hostKeyPrompt;
}

void TestAskpassServer::timeout()
{
    QFETCH(QString, prompt);
    QCOMPARE(m_askpass.server->questionTimeout(), 5 * 60 * 1000);
    m_askpass.server->setQuestionTimeout(300);

    Helper helper(m_askpass.server->name(), prompt, 7);
    QTRY_COMPARE(m_askpass.secretQuestions.size() + m_askpass.hostKeyQuestions.size(), 1);
    const quint64 id = m_askpass.secretQuestions.isEmpty() ? m_askpass.hostKeyQuestions.first().id : m_askpass.secretQuestions.first().id;
    QTest::qWait(100);
    QVERIFY(!helper.closed());
    QVERIFY(helper.waitClosed());
    QCOMPARE(helper.reply()->refused, true);
    QCOMPARE(m_askpass.closed, QList<quint64>{id});
    QCOMPARE(m_askpass.server->pendingQuestions(), 0);

    // Too late.
    m_askpass.server->answerSecret(id, QStringLiteral("late"), false);
    m_askpass.server->answerHostKey(id, true);
    if (prompt == passwordPrompt) {
        // ssh asking again after the refusal is not asked on.
        Helper again(m_askpass.server->name(), prompt, 7);
        QVERIFY(again.waitClosed());
        QCOMPARE(again.reply()->refused, true);
        QCOMPARE(m_askpass.secretQuestions.size(), 1);
    }
}

void TestAskpassServer::helperGoesAway()
{
    auto helper = std::make_unique<Helper>(m_askpass.server->name(), passwordPrompt);
    const AskpassServer::SecretQuestion question = askSecret(*helper);
    QVERIFY(question.id != 0);
    helper->hangUp();
    QTRY_COMPARE(m_askpass.closed, QList<quint64>{question.id});
    QCOMPARE(m_askpass.server->pendingQuestions(), 0);
    m_askpass.server->answerSecret(question.id, QStringLiteral("nobody hears"), true);
    m_askpass.server->confirmSecretWorked(passwordKey);
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, 0);
    QVERIFY(m_askpass.handedOut.isEmpty());

    // Gone while the keychain is being read: nothing to close, nothing breaks.
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("s3cret"));
    auto reading = std::make_unique<Helper>(m_askpass.server->name(), passwordPrompt);
    QTRY_COMPARE(m_askpass.store->reads, 2);
    reading->hangUp();
    QTest::qWait(50);
    QCOMPARE(m_askpass.closed.size(), 1);
}

void TestAskpassServer::failedLoginForgetsPasswords()
{
    const QString passphraseKey = QStringLiteral("ssh-passphrase:/home/mail/.ssh/id_ed25519");
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("old"));
    m_askpass.store->secrets.insert(passphraseKey, QStringLiteral("phrase"));
    Helper phrase(m_askpass.server->name(), QStringLiteral("Enter passphrase for key '/home/mail/.ssh/id_ed25519': "));
    QVERIFY(phrase.waitClosed());
    Helper password(m_askpass.server->name(), passwordPrompt);
    QVERIFY(password.waitClosed());
    QCOMPARE(m_askpass.handedOut.size(), 2);

    m_askpass.server->authenticationFailed(target);
    QTRY_COMPARE(m_askpass.store->removes, 1);
    QVERIFY(!m_askpass.store->secrets.contains(passwordKey));
    QCOMPARE(m_askpass.store->secrets.value(passphraseKey), QStringLiteral("phrase"));

    // Next time the user is asked for the password.
    Helper next(m_askpass.server->name(), passwordPrompt, 200);
    const AskpassServer::SecretQuestion question = askSecret(next);
    QCOMPARE(question.storeError, SecretStore::Error::NotFound);

    // forgetSecret() by key does the same.
    m_askpass.server->forgetSecret(passphraseKey);
    QTRY_VERIFY(!m_askpass.store->secrets.contains(passphraseKey));
}

void TestAskpassServer::succeededLoginRemembers()
{
    Helper phrase(m_askpass.server->name(), QStringLiteral("Enter passphrase for key '/k': "));
    const AskpassServer::SecretQuestion q1 = askSecret(phrase);
    m_askpass.server->answerSecret(q1.id, QStringLiteral("phrase"), true);
    QVERIFY(phrase.waitClosed());
    Helper password(m_askpass.server->name(), passwordPrompt);
    const AskpassServer::SecretQuestion q2 = askSecret(password);
    m_askpass.server->answerSecret(q2.id, QStringLiteral("pw"), true);
    QVERIFY(password.waitClosed());
    // Another host's login says nothing about this one.
    m_askpass.server->connectionSucceeded(QStringLiteral("other@elsewhere:22"));
    QTest::qWait(20);
    QCOMPARE(m_askpass.store->writes, 0);

    m_askpass.server->connectionSucceeded(target);
    QTRY_COMPARE(m_askpass.store->writes, 2);
    QCOMPARE(m_askpass.store->secrets.value(QStringLiteral("ssh-passphrase:/k")), QStringLiteral("phrase"));
    QCOMPARE(m_askpass.store->secrets.value(passwordKey), QStringLiteral("pw"));
}

void TestAskpassServer::badRequests()
{
    // Not a frame: hung up on without a word.
    Helper huge(m_askpass.server->name(), QByteArray("\xff\xff\xff\xffgarbage", 11));
    QVERIFY(huge.waitClosed());
    QVERIFY(huge.received().isEmpty());

    // A frame that is not a request: refused.
    QByteArray junk(4, '\0');
    qToBigEndian<quint32>(5, junk.data());
    Helper notJson(m_askpass.server->name(), junk + "hello");
    QVERIFY(notJson.waitClosed());
    QCOMPARE(notJson.reply()->refused, true);

    // A request in pieces is read whole.
    const QByteArray whole = AskpassProtocol::encode(AskpassProtocol::Request{passwordPrompt, target, QString(), 1});
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("s3cret"));
    QLocalSocket socket;
    socket.connectToServer(m_askpass.server->name());
    QVERIFY(socket.waitForConnected(1000));
    for (const char byte : whole) {
        socket.write(&byte, 1);
        socket.flush();
        QTest::qWait(1);
    }
    QTRY_VERIFY(socket.bytesAvailable() > 0 || socket.state() != QLocalSocket::ConnectedState);
    QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
    QByteArray buffer = socket.readAll();
    QByteArray payload;
    QCOMPARE(AskpassProtocol::takeFrame(buffer, &payload), AskpassProtocol::Frame::Complete);
    QCOMPARE(AskpassProtocol::parseReply(payload)->answer, QStringLiteral("s3cret"));
    QVERIFY(m_askpass.secretQuestions.isEmpty());
    QVERIFY(m_askpass.closed.isEmpty());
}

QTEST_GUILESS_MAIN(TestAskpassServer)
#include "tst_askpassserver.moc"
