#include "models/secrets/secretstore.h"

#include <optional>

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mailtls;

// The real keychain. The keychain cases run only inside the private D-Bus
// session tests/integration/keychain_session.sh makes (it says which kind in
// MAILTLS_KEYCHAIN_SESSION): an unlocked gnome-keyring, the same keyring
// locked, or a bus with no Secret Service. Run alone, the test takes the
// session bus away from itself and expects no keychain at all; it never
// touches the keychain of whoever runs it.
class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyNames_data();
    void keyNames();
    void messages();

    void roundTrip_data();
    void roundTrip();
    void notFound();
    void servicesApart();
    void removeMissing();
    void callbackContextGone();

    void noKeychain_data();
    void noKeychain();

private:
    enum class Session { NoBus, Unlocked, Locked, NoService };

    // Runs one operation and waits (the test's own event loop) for its result.
    SecretStore::Result run(SecretStore &store, SecretStore::Operation operation, const QString &key,
                            const QString &secret = QString());

    Session m_session = Session::NoBus;
    QTemporaryDir m_dir;
};

void TestSecretStore::initTestCase()
{
    qRegisterMetaType<SecretStore::Result>();
    const QByteArray session = qgetenv("MAILTLS_KEYCHAIN_SESSION");
    if (session == "unlocked") {
        m_session = Session::Unlocked;
    } else if (session == "locked") {
        m_session = Session::Locked;
    } else if (session == "no-service") {
        m_session = Session::NoService;
    } else {
        QVERIFY2(session.isEmpty(), session.constData());
        // No bus to find: not the one named in the environment, not the one at
        // XDG_RUNTIME_DIR/bus, none to start from an X display.
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("runtime")));
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qputenv("XDG_RUNTIME_DIR", m_dir.filePath(QStringLiteral("runtime")).toUtf8());
        qputenv("HOME", m_dir.path().toUtf8());
    }
}

// QSKIP leaves the function it is in: a macro, so that is the test's own.
#define REQUIRE_UNLOCKED_KEYCHAIN()                                                                         \
    if (m_session != Session::Unlocked)                                                                     \
    QSKIP("this case runs in the unlocked keychain session of tests/integration/keychain_session.sh")

SecretStore::Result TestSecretStore::run(SecretStore &store, SecretStore::Operation operation, const QString &key,
                                         const QString &secret)
{
    std::optional<SecretStore::Result> result;
    int calls = 0;
    const auto done = [&](const SecretStore::Result &r) {
        result = r;
        ++calls;
    };
    switch (operation) {
    case SecretStore::Operation::Read:
        store.read(key, this, done);
        break;
    case SecretStore::Operation::Write:
        store.write(key, secret, this, done);
        break;
    case SecretStore::Operation::Remove:
        store.remove(key, this, done);
        break;
    }
    // Asynchronous: nothing is reported before the caller is back in its loop.
    if (result)
        qFatal("a keychain operation reported before it returned");
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        qFatal("the keychain did not answer within 30 s");
    QTest::qWait(50);
    if (calls != 1)
        qFatal("a keychain callback ran more than once");
    if (result->operation != operation || result->key != key)
        qFatal("a keychain result names another operation");
    return *result;
}

void TestSecretStore::keyNames_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("password") << SecretStore::passwordKey(QStringLiteral("mail"), QStringLiteral("mx.example.org"), 2222)
                              << QStringLiteral("ssh-password:mail@mx.example.org:2222");
    QTest::newRow("password, ssh's port") << SecretStore::passwordKey(QStringLiteral("mail"), QStringLiteral("mx"), 0)
                                          << QStringLiteral("ssh-password:mail@mx:22");
    QTest::newRow("password, IPv6") << SecretStore::passwordKey(QStringLiteral("root"), QStringLiteral("2001:db8::1"), 22)
                                    << QStringLiteral("ssh-password:root@[2001:db8::1]:22");
    QTest::newRow("password, IPv6 in brackets")
        << SecretStore::passwordKey(QStringLiteral("root"), QStringLiteral("[::1]"), 2200)
        << QStringLiteral("ssh-password:root@[::1]:2200");
    QTest::newRow("password, no user") << SecretStore::passwordKey(QString(), QStringLiteral("mx"), 22)
                                       << QStringLiteral("ssh-password:mx:22");
    QTest::newRow("passphrase") << SecretStore::passphraseKey(QStringLiteral("/home/mail/.ssh/id_ed25519"))
                                << QStringLiteral("ssh-passphrase:/home/mail/.ssh/id_ed25519");
    QTest::newRow("passphrase, spaces") << SecretStore::passphraseKey(QStringLiteral("/home/a b/key 1"))
                                        << QStringLiteral("ssh-passphrase:/home/a b/key 1");
}

void TestSecretStore::keyNames()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(key, expected);
}

void TestSecretStore::messages()
{
    QCOMPARE(SecretStore::defaultService(), QStringLiteral("MailTLS"));
    QCOMPARE(SecretStore().service(), QStringLiteral("MailTLS"));
    QVERIFY(SecretStore::errorMessage(SecretStore::Error::None).isEmpty());
    const QList<SecretStore::Error> errors{SecretStore::Error::NotFound, SecretStore::Error::NoBackend,
                                           SecretStore::Error::AccessDenied, SecretStore::Error::Other};
    QStringList seen;
    for (const SecretStore::Error error : errors) {
        const QString message = SecretStore::errorMessage(error);
        QVERIFY(!message.isEmpty());
        QVERIFY(!seen.contains(message));
        seen.append(message);
    }
    QVERIFY(SecretStore::errorMessage(SecretStore::Error::NoBackend).startsWith(QStringLiteral("No keychain is available")));
}

void TestSecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("MailTLS, password") << QStringLiteral("MailTLS")
                                       << QStringLiteral("ssh-password:mail@mx.example.org:2222")
                                       << QStringLiteral("correct horse") << QStringLiteral("battery staple");
    QTest::newRow("MailTLS, passphrase") << QStringLiteral("MailTLS")
                                         << QStringLiteral("ssh-passphrase:/home/a b/.ssh/id_ed25519")
                                         << QStringLiteral("pässwörd ✓ \"quoted\" 'too' \\ $HOME")
                                         << QStringLiteral("x");
    QTest::newRow("another service") << QStringLiteral("MailTLS test")
                                     << QStringLiteral("ssh-password:root@[2001:db8::1]:22")
                                     << QStringLiteral("a") << QString(200, QLatin1Char('z'));
}

void TestSecretStore::roundTrip()
{
    REQUIRE_UNLOCKED_KEYCHAIN();
    QFETCH(QString, service);
    QFETCH(QString, key);
    QFETCH(QString, first);
    QFETCH(QString, second);

    SecretStore store(service);
    QSignalSpy finished(&store, &SecretStore::finished);

    SecretStore::Result result = run(store, SecretStore::Operation::Write, key, first);
    QCOMPARE(result.error, SecretStore::Error::None);
    QVERIFY(result.message.isEmpty());
    QVERIFY(result.secret.isEmpty());

    result = run(store, SecretStore::Operation::Read, key);
    QCOMPARE(result.error, SecretStore::Error::None);
    QCOMPARE(result.secret, first);

    // A second store (another window, the next start) finds it too.
    SecretStore other(service);
    QCOMPARE(run(other, SecretStore::Operation::Read, key).secret, first);

    QCOMPARE(run(store, SecretStore::Operation::Write, key, second).error, SecretStore::Error::None);
    QCOMPARE(run(store, SecretStore::Operation::Read, key).secret, second);

    QCOMPARE(run(store, SecretStore::Operation::Remove, key).error, SecretStore::Error::None);
    result = run(store, SecretStore::Operation::Read, key);
    QCOMPARE(result.error, SecretStore::Error::NotFound);
    QVERIFY(result.secret.isEmpty());
    QCOMPARE(result.message, SecretStore::errorMessage(SecretStore::Error::NotFound));

    // finished() reports every operation, in order.
    QCOMPARE(finished.size(), 6);
    const QList<SecretStore::Operation> order{SecretStore::Operation::Write, SecretStore::Operation::Read,
                                              SecretStore::Operation::Write, SecretStore::Operation::Read,
                                              SecretStore::Operation::Remove, SecretStore::Operation::Read};
    for (int i = 0; i < finished.size(); ++i)
        QCOMPARE(finished.at(i).at(0).value<SecretStore::Result>().operation, order.at(i));
}

void TestSecretStore::notFound()
{
    REQUIRE_UNLOCKED_KEYCHAIN();
    SecretStore store;
    const SecretStore::Result result = run(store, SecretStore::Operation::Read, QStringLiteral("ssh-password:nobody@nowhere:22"));
    QCOMPARE(result.error, SecretStore::Error::NotFound);
    QVERIFY(!result.ok());
    QVERIFY(result.secret.isEmpty());
    QCOMPARE(result.message, QStringLiteral("The keychain holds no password for this."));
}

void TestSecretStore::servicesApart()
{
    REQUIRE_UNLOCKED_KEYCHAIN();
    const QString key = QStringLiteral("ssh-password:mail@mx:22");
    SecretStore mine;
    SecretStore theirs(QStringLiteral("MailTLS other"));
    QVERIFY(run(mine, SecretStore::Operation::Write, key, QStringLiteral("mine")).ok());
    QCOMPARE(run(theirs, SecretStore::Operation::Read, key).error, SecretStore::Error::NotFound);
    QVERIFY(run(theirs, SecretStore::Operation::Write, key, QStringLiteral("theirs")).ok());
    QCOMPARE(run(mine, SecretStore::Operation::Read, key).secret, QStringLiteral("mine"));
    QVERIFY(run(theirs, SecretStore::Operation::Remove, key).ok());
    QCOMPARE(run(mine, SecretStore::Operation::Read, key).secret, QStringLiteral("mine"));
    QVERIFY(run(mine, SecretStore::Operation::Remove, key).ok());
}

void TestSecretStore::removeMissing()
{
    REQUIRE_UNLOCKED_KEYCHAIN();
    SecretStore store;
    const SecretStore::Result result = run(store, SecretStore::Operation::Remove, QStringLiteral("ssh-passphrase:/never/written"));
    QCOMPARE(result.error, SecretStore::Error::None);
    QVERIFY(result.message.isEmpty());
}

void TestSecretStore::callbackContextGone()
{
    REQUIRE_UNLOCKED_KEYCHAIN();
    SecretStore store;
    QSignalSpy finished(&store, &SecretStore::finished);
    bool called = false;
    {
        QObject context;
        store.write(QStringLiteral("ssh-password:gone@mx:22"), QStringLiteral("s"), &context,
                    [&](const SecretStore::Result &) { called = true; });
    }
    QVERIFY(finished.wait(30000));
    QVERIFY(!called);
    QVERIFY(finished.at(0).at(0).value<SecretStore::Result>().ok());
    QVERIFY(run(store, SecretStore::Operation::Remove, QStringLiteral("ssh-password:gone@mx:22")).ok());
}

void TestSecretStore::noKeychain_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("read") << int(SecretStore::Operation::Read);
    QTest::newRow("write") << int(SecretStore::Operation::Write);
    QTest::newRow("remove") << int(SecretStore::Operation::Remove);
}

void TestSecretStore::noKeychain()
{
    QFETCH(int, operation);
    const auto op = SecretStore::Operation(operation);
    if (m_session == Session::Unlocked)
        QSKIP("the keychain of this session is there");
    // A locked keyring that cannot be opened (no prompt here) hides what it
    // holds: reading finds nothing, writing is refused.
    if (m_session == Session::Locked && op != SecretStore::Operation::Write)
        QSKIP("a locked keyring answers reads and removals as if empty");

    SecretStore store;
    const SecretStore::Result result =
        run(store, op, QStringLiteral("ssh-password:mail@mx.example.org:22"), QStringLiteral("never stored"));
    QCOMPARE(result.error, SecretStore::Error::NoBackend);
    QCOMPARE(result.message, SecretStore::errorMessage(SecretStore::Error::NoBackend));
    QVERIFY2(result.message.contains(QStringLiteral("asked for each time")), qPrintable(result.message));
    QVERIFY(!result.detail.isEmpty());
    QVERIFY(result.secret.isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
