#include <memory>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "models/secrets/askpassprotocol.h"
#include "models/secrets/askpassserver.h"
#include "tests/models/askpasstestutil.h"

using namespace mailtls;
using namespace askpasstest;

namespace {

// Distinctive enough to be found if it leaked anywhere.
const QString secret = QStringLiteral("Zq7-sekrit-\u00e4-0x5EC2E7");

} // namespace

// The real `mailtls` binary as ssh runs it for SSH_ASKPASS (the prompt its only
// argument, the server's socket in its environment), against a real
// AskpassServer in this process with a store in memory. This process stands in
// for ssh: it is the helper's parent.
class TestAskpass final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void passwordFromKeychain();
    void passwordFromQuestion();
    void hostKey_data();
    void hostKey();
    void refused();
    void unanswered();
    void nobodyToAsk_data();
    void nobodyToAsk();
    void promptIsNotAnOption_data();
    void promptIsNotAnOption();
    void sameSshAsksAgain();
    void secretOnlyOnStandardOutput();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // Starts the helper; the test's event loop keeps the server answering.
    std::unique_ptr<QProcess> start(const QString &prompt, const QString &socket);
    Run finish(QProcess &process);
    Run ask(const QString &prompt) { return finish(*start(prompt, m_askpass.server->name())); }

    QTemporaryDir m_home;
    ServerUnderTest m_askpass;
};

void TestAskpass::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY(QFileInfo(QStringLiteral(MAILTLS_BINARY)).isExecutable());
}

void TestAskpass::init()
{
    QString error;
    QVERIFY2(m_askpass.start(&error), qPrintable(error));
}

void TestAskpass::cleanup()
{
    m_askpass.stop();
}

std::unique_ptr<QProcess> TestAskpass::start(const QString &prompt, const QString &socket)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("SSH_ASKPASS_PROMPT"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QString::fromLatin1(AskpassProtocol::socketVariable()), socket);
    env.insert(QString::fromLatin1(AskpassProtocol::targetVariable()), target);
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(MAILTLS_BINARY), {prompt});
    if (!process->waitForStarted(10000))
        qFatal("mailtls did not start");
    return process;
}

TestAskpass::Run TestAskpass::finish(QProcess &process)
{
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000))
        qFatal("the askpass helper did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestAskpass::passwordFromKeychain()
{
    m_askpass.store->secrets.insert(passwordKey, secret);
    const Run run = ask(passwordPrompt);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, secret.toUtf8() + '\n');
    QCOMPARE(run.err, QByteArray());
    QVERIFY(m_askpass.secretQuestions.isEmpty());
}

void TestAskpass::passwordFromQuestion()
{
    connect(m_askpass.server.get(), &AskpassServer::secretNeeded, this, [this](const AskpassServer::SecretQuestion &q) {
        m_askpass.server->answerSecret(q.id, QStringLiteral("typed \"in\" a dialog"), false);
    });
    const Run run = ask(QStringLiteral("Enter passphrase for key '/home/mail/.ssh/id_ed25519': "));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("typed \"in\" a dialog\n"));
    QCOMPARE(m_askpass.secretQuestions.size(), 1);
    QCOMPARE(m_askpass.secretQuestions.first().kind, AskpassServer::SecretKind::Passphrase);
    QCOMPARE(m_askpass.secretQuestions.first().key, QStringLiteral("ssh-passphrase:/home/mail/.ssh/id_ed25519"));
    QCOMPARE(m_askpass.secretQuestions.first().target, target);
}

void TestAskpass::hostKey_data()
{
    QTest::addColumn<bool>("accept");
    QTest::newRow("yes") << true;
    QTest::newRow("no") << false;
}

void TestAskpass::hostKey()
{
    QFETCH(bool, accept);
    connect(m_askpass.server.get(), &AskpassServer::hostKeyQuestion, this,
            [this, accept](quint64 id, const HostKeyQuestion &question, const QString &) {
                QCOMPARE(question.fingerprint, QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"));
                m_askpass.server->answerHostKey(id, accept);
            });
    const Run run = ask(hostKeyPrompt);
    QCOMPARE(m_askpass.hostKeyQuestions.size(), 1);
    // ssh takes "yes"; a failed helper is its "no".
    QCOMPARE(run.exitCode, accept ? 0 : 1);
    QCOMPARE(run.out, accept ? QByteArray("yes\n") : QByteArray());
}

void TestAskpass::refused()
{
    connect(m_askpass.server.get(), &AskpassServer::secretNeeded, this,
            [this](const AskpassServer::SecretQuestion &q) { m_askpass.server->refuseSecret(q.id); });
    const Run run = ask(passwordPrompt);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_askpass.secretQuestions.size(), 1);
}

void TestAskpass::unanswered()
{
    m_askpass.server->setQuestionTimeout(500);
    QSignalSpy closed(m_askpass.server.get(), &AskpassServer::questionClosed);
    const Run run = ask(hostKeyPrompt);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(m_askpass.hostKeyQuestions.size(), 1);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.first().first().value<quint64>(), m_askpass.hostKeyQuestions.first().id);
}

void TestAskpass::nobodyToAsk_data()
{
    QTest::addColumn<QString>("socket");
    QTest::newRow("no such socket") << m_home.filePath(QStringLiteral("gone/socket"));
    QTest::newRow("a plain file") << QStringLiteral(MAILTLS_BINARY);
}

void TestAskpass::nobodyToAsk()
{
    QFETCH(QString, socket);
    QElapsedTimer timer;
    timer.start();
    auto process = start(passwordPrompt, socket);
    const Run run = finish(*process);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith("mailtls askpass: MailTLS is not there to answer"), run.err.constData());
    QVERIFY(timer.elapsed() < 10000);
}

void TestAskpass::promptIsNotAnOption_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("--help") << QStringLiteral("--help");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("a verb") << QStringLiteral("report");
}

void TestAskpass::promptIsNotAnOption()
{
    QFETCH(QString, prompt);
    connect(m_askpass.server.get(), &AskpassServer::secretNeeded, this,
            [this](const AskpassServer::SecretQuestion &q) { m_askpass.server->refuseSecret(q.id); });
    const Run run = ask(prompt);
    // Handed to the server as a question like any other, not taken as an option.
    QCOMPARE(m_askpass.secretQuestions.size(), 1);
    QCOMPARE(m_askpass.secretQuestions.first().prompt, prompt);
    QCOMPARE(m_askpass.secretQuestions.first().kind, AskpassServer::SecretKind::Other);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.err, QByteArray());
}

void TestAskpass::sameSshAsksAgain()
{
    // Two helpers from the same parent: the same ssh asking again, so the
    // stored password was wrong and is not offered twice.
    m_askpass.store->secrets.insert(passwordKey, QStringLiteral("stale"));
    const Run first = ask(passwordPrompt);
    QCOMPARE(first.out, QByteArray("stale\n"));
    connect(m_askpass.server.get(), &AskpassServer::secretNeeded, this, [this](const AskpassServer::SecretQuestion &q) {
        m_askpass.server->answerSecret(q.id, QStringLiteral("fresh"), true);
    });
    const Run second = ask(passwordPrompt);
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, QByteArray("fresh\n"));
    QCOMPARE(m_askpass.secretQuestions.size(), 1);
    QCOMPARE(m_askpass.secretQuestions.first().retry, true);
}

void TestAskpass::secretOnlyOnStandardOutput()
{
    auto process = start(passwordPrompt, m_askpass.server->name());
    QTRY_COMPARE_WITH_TIMEOUT(m_askpass.secretQuestions.size(), 1, 10000);

    // While it waits: its command line is the program and the prompt, nothing else.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(process->processId()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QList<QByteArray> argv = cmdline.readAll().split('\0');
    QCOMPARE(argv.size(), 3);
    QCOMPARE(argv.at(1), passwordPrompt.toUtf8());
    QCOMPARE(argv.at(2), QByteArray());

    m_askpass.server->answerSecret(m_askpass.secretQuestions.first().id, secret, true);
    const Run run = finish(*process);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, secret.toUtf8() + '\n');
    QVERIFY(!run.err.contains(secret.toUtf8()));

    // Nothing written where the helper could write (its home, its
    // settings), nor beside the server's socket; the keychain gets it only
    // once ssh has logged in.
    QCOMPARE(m_askpass.store->writes, 0);
    const QStringList folders{m_home.path(), QFileInfo(m_askpass.server->name()).absolutePath()};
    for (const QString &folder : folders) {
        QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
        }
    }
    m_askpass.server->confirmSecretWorked(passwordKey);
    QTRY_COMPARE(m_askpass.store->secrets.value(passwordKey), secret);
}

QTEST_GUILESS_MAIN(TestAskpass)
#include "tst_askpass.moc"
