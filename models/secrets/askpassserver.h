#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/secrets/askpassprotocol.h"
#include "models/secrets/secretstore.h"
#include "models/sources/hostkeyquestion.h"

class QLocalServer;
class QLocalSocket;
class QTemporaryDir;
class QTimer;

namespace mailtls {

// Answers the questions ssh asks through its SSH_ASKPASS helper (see
// AskpassProtocol): passwords and key passphrases from the keychain or from
// the user, unknown host keys from the user. One per MailTLS process, on a
// local socket in a private folder (0700, the socket 0600) whose path is
// name(); whoever starts ssh puts it in ssh's environment.
//
// A password or passphrase comes from the SecretStore when it holds one;
// otherwise (or when ssh refused the stored one) secretNeeded() asks the owner
// (a dialog, a terminal prompt), who answers through answerSecret() or
// refuseSecret(). A secret the user wants remembered goes into the keychain
// only when the owner says the connection worked (confirmSecretWorked(),
// connectionSucceeded()); one ssh refused is never handed to it again
// (forgetSecret(), authenticationFailed(), and ssh asking again for the same
// key). Anything else ssh asks (a one-time code) is a secretNeeded() of kind
// Other, never looked up or kept. An unknown host key is a hostKeyQuestion()
// for the owner, answered through answerHostKey(). ssh's confirmations and
// notices (SSH_ASKPASS_PROMPT "confirm", "none") are refused. A question not
// answered within questionTimeout() (5 minutes) is refused.
//
// Lives on the GUI thread and never blocks it.
class AskpassServer final : public QObject
{
    Q_OBJECT

public:
    enum class SecretKind {
        Password,
        Passphrase,
        Other,      // a one-time code, a PIN: asked each time, never kept
    };
    Q_ENUM(SecretKind)

    struct SecretQuestion
    {
        quint64 id = 0;
        SecretKind kind = SecretKind::Password;
        QString key;        // the keychain key (see SecretStore); empty when it cannot be kept
        QString prompt;     // ssh's own words
        QString target;     // the host ssh's starter named: "[user@]host[:port]"; may be empty
        bool retry = false; // ssh refused the answer it was given for this key
        // Why the keychain gave nothing: NotFound, NoBackend (then nothing can
        // be remembered: say so, and ask each time), AccessDenied, Other; None
        // when it was not asked (a retry).
        SecretStore::Error storeError = SecretStore::Error::None;
        QString storeMessage;
    };

    static constexpr int defaultQuestionTimeout = 5 * 60 * 1000;

    // `store` outlives the server.
    explicit AskpassServer(SecretStore *store, QObject *parent = nullptr);
    ~AskpassServer() override;

    // Creates the private folder and starts listening; false with a message
    // when it cannot.
    bool listen(QString *error);
    bool isListening() const;
    // The socket's path, for ssh's environment (AskpassProtocol::socketVariable()).
    QString name() const;

    // How long a question waits for its answer before it is refused; at most
    // defaultQuestionTimeout (the helper stops waiting a minute after that).
    void setQuestionTimeout(int msec);
    int questionTimeout() const { return m_questionTimeout; }
    // A host key the user accepted beforehand (`--accept-host-key SHA256:…`):
    // ssh's question about it is answered yes without asking.
    void addAcceptedHostKey(const QString &fingerprint);

    // Questions still waiting for their answer.
    int pendingQuestions() const;

public slots:
    void answerSecret(quint64 id, const QString &secret, bool remember);
    void refuseSecret(quint64 id);
    void answerHostKey(quint64 id, bool accept);

    // ssh logged in with the secret of `key`: a secret the user asked to
    // remember goes into the keychain now.
    void confirmSecretWorked(const QString &key);
    // ssh (or the server behind it) refused the secret of `key`: it leaves
    // the keychain and is not offered again.
    void forgetSecret(const QString &key);
    // The same for every secret handed out for `target` since its last
    // outcome; a failed login forgets its passwords (a wrong passphrase ssh
    // itself notices and asks again).
    void connectionSucceeded(const QString &target);
    void authenticationFailed(const QString &target);

signals:
    void secretNeeded(const mailtls::AskpassServer::SecretQuestion &question);
    // ssh met a host key it does not know; `target` as in SecretQuestion.
    void hostKeyQuestion(quint64 id, const mailtls::HostKeyQuestion &question, const QString &target);
    // The question needs no answer any more (it timed out, or ssh gave up
    // waiting): close its dialog.
    void questionClosed(quint64 id);
    // ssh received the secret of `key` for `target`.
    void secretHandedOut(const QString &target, const QString &key);
    // A secret to be remembered could not be put into the keychain.
    void rememberFailed(const QString &key, const QString &message);

private:
    struct Client;
    struct Attempt
    {
        bool fromStore = false;
        bool refused = false;   // the user refused: refuse this ssh's further asks
        qint64 at = 0;          // m_clock milliseconds
    };

    struct Remembered
    {
        QString secret;
        qint64 at = 0;
    };

    void accept();
    void readRequest(Client *client);
    void handle(Client *client, const AskpassProtocol::Request &request);
    void handleSecret(Client *client, SecretKind kind, const QString &key);
    void ask(Client *client, SecretKind kind, const QString &key, bool retry, const SecretStore::Result &stored);
    void reply(Client *client, const AskpassProtocol::Reply &reply);
    void drop(Client *client);
    Client *clientOf(quint64 id) const;
    static QPair<qint64, QString> attemptOf(const Client *client);
    void pruneOld();
    void forgetAttempts(const QString &key);

    SecretStore *m_store;
    std::unique_ptr<QTemporaryDir> m_dir;
    QLocalServer *m_server = nullptr;
    int m_questionTimeout = defaultQuestionTimeout;
    QStringList m_acceptedHostKeys;
    quint64 m_nextId = 1;
    QHash<quint64, Client *> m_clients;    // by question id
    QElapsedTimer m_clock;
    // What each ssh process was told per key: ssh asking again means the
    // answer was wrong.
    QMap<QPair<qint64, QString>, Attempt> m_attempts;
    // Keys whose stored secret ssh refused: the keychain is not asked again.
    QSet<QString> m_distrusted;
    // Secrets the user wants remembered, until ssh has logged in with them.
    QHash<QString, Remembered> m_toRemember;
    // Keys handed out per target since its last outcome.
    QHash<QString, QSet<QString>> m_handedOut;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::AskpassServer::SecretQuestion)
