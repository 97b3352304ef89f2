#pragma once

#include <functional>

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtGlobal>

namespace mailtls {

// Passwords and key passphrases in the system keychain (Secret Service,
// KWallet, macOS Keychain, Windows Credential Manager) through QtKeychain,
// under the service name "MailTLS". Never anywhere else: no database, no
// settings file, no plain-text fallback.
//
// Key names (the keychain entry's key; the secret is the entry's text):
//   ssh-password:USER@HOST:PORT     a login password; HOST as ssh names it
//                                   (an alias from ~/.ssh/config stays one),
//                                   an IPv6 address in brackets, PORT 22 when
//                                   ssh's own choice is not known
//   ssh-passphrase:/path/to/key     the passphrase of a private key file, the
//                                   path as ssh shows it
// passwordKey() and passphraseKey() build them.
//
// Every operation is asynchronous (a keychain may show an unlock prompt): it
// returns at once and reports through its callback and finished(), on this
// object's thread. No nested event loop, nothing waits.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        NotFound,       // the keychain holds no entry of that key
        NoBackend,      // no keychain to be reached: no Secret Service running, or
                        // its keyring is locked and cannot be opened here
        AccessDenied,   // the keychain (or the user, at its prompt) refused
        Other,
    };
    Q_ENUM(Error)

    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    struct Result
    {
        Operation operation = Operation::Read;
        QString key;
        Error error = Error::None;
        QString secret;     // what read() found; empty otherwise
        QString message;    // for the user (errorMessage()); empty when all went well
        QString detail;     // the keychain's own words, for the log; may be empty

        bool ok() const { return error == Error::None; }
    };

    using Callback = std::function<void(const SecretStore::Result &)>;

    explicit SecretStore(QObject *parent = nullptr);
    // A store under another service name: tests keep their entries apart.
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }

    static QString defaultService();
    static QString passwordKey(const QString &user, const QString &host, int port);
    static QString passphraseKey(const QString &keyFile);
    // What the user reads about an error; empty for Error::None.
    static QString errorMessage(Error error);

    // `done` is called once with the result unless `context` (when given) is
    // destroyed first; finished() is emitted for every operation either way.
    void read(const QString &key, QObject *context = nullptr, Callback done = {});
    // Creates or replaces the entry.
    void write(const QString &key, const QString &secret, QObject *context = nullptr, Callback done = {});
    // Removing an entry that does not exist succeeds.
    void remove(const QString &key, QObject *context = nullptr, Callback done = {});

signals:
    void finished(const mailtls::SecretStore::Result &result);

protected:
    // Starts operation `id` on the keychain. It must end with exactly one
    // call of complete(id, …), later, from the event loop (never from inside
    // begin()). A test's store overrides this to keep secrets in memory.
    virtual void begin(quint64 id, Operation operation, const QString &key, const QString &secret);
    void complete(quint64 id, Result result);

private:
    struct Pending
    {
        bool hasContext = false;
        QPointer<QObject> context;
        Callback done;
    };

    void start(Operation operation, const QString &key, const QString &secret, QObject *context, Callback done);

    QString m_service;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::SecretStore::Result)
