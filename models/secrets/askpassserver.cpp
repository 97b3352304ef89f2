#include "models/secrets/askpassserver.h"

#include <iterator>
#include <utility>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTimer>

#include "models/secrets/secretslogging.h"
#include "models/sources/askpassprompt.h"

namespace mailtls {

namespace {

// A helper that connects says what it wants at once; one that does not is
// not ssh's.
constexpr int requestTimeout = 10 * 1000;
constexpr int maxClients = 32;
// How long what ssh was told, and what waits to be remembered, is kept.
constexpr qint64 attemptLifetime = 30 * 60 * 1000;

const QString passwordKeyPrefix = QStringLiteral("ssh-password:");

struct HostPort
{
    QString user;
    QString host;
    int port = 0;
};

// "[user@]host[:port]", an IPv6 address in brackets.
HostPort parseTarget(const QString &target)
{
    HostPort result;
    QString rest = target;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        result.user = rest.left(at);
        rest = rest.mid(at + 1);
    }
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return HostPort{};
        result.host = rest.mid(1, close - 1);
        if (rest.mid(close + 1).startsWith(QLatin1Char(':')))
            result.port = rest.mid(close + 2).toInt();
        return result;
    }
    const qsizetype colon = rest.indexOf(QLatin1Char(':'));
    if (colon >= 0 && rest.indexOf(QLatin1Char(':'), colon + 1) < 0) {
        result.host = rest.left(colon);
        result.port = rest.mid(colon + 1).toInt();
    } else {
        result.host = rest;
    }
    return result;
}

// The keychain key of a password prompt. ssh names the account
// ("user@host") but not the port: that comes from the target when the prompt
// is about the target's host (a jump host's port is not known: ssh's default).
// A bare "Password: " is about the target itself.
QString passwordKeyOf(const QString &account, const QString &target)
{
    const HostPort wanted = parseTarget(target);
    if (account.isEmpty())
        return wanted.host.isEmpty() ? QString() : SecretStore::passwordKey(wanted.user, wanted.host, wanted.port);
    const qsizetype at = account.lastIndexOf(QLatin1Char('@'));
    const QString host = account.mid(at + 1);
    const bool sameHost = !wanted.host.isEmpty() && wanted.host.compare(host, Qt::CaseInsensitive) == 0;
    return SecretStore::passwordKey(account.left(at), host, sameHost ? wanted.port : 0);
}

QString privateFolderBase()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir())
        return runtime;
    return QDir::tempPath();
}

} // namespace

struct AskpassServer::Client
{
    enum class State { Reading, Working, AskedSecret, AskedHostKey, Done };

    quint64 id = 0;
    QLocalSocket *socket = nullptr;
    QTimer *timer = nullptr;
    QByteArray buffer;
    State state = State::Reading;
    AskpassProtocol::Request request;
    QString key;
};

AskpassServer::AskpassServer(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<mailtls::AskpassServer::SecretQuestion>();
    m_clock.start();
}

AskpassServer::~AskpassServer()
{
    for (Client *client : std::as_const(m_clients)) {
        client->socket->abort();
        delete client->socket;
        delete client;
    }
    if (m_server)
        m_server->close();
}

bool AskpassServer::listen(QString *error)
{
    if (isListening())
        return true;
    auto dir = std::make_unique<QTemporaryDir>(privateFolderBase() + QStringLiteral("/mailtls-askpass-XXXXXX"));
    if (!dir->isValid()) {
        *error = tr("Cannot create a private folder for ssh's password questions: %1").arg(dir->errorString());
        return false;
    }
    QFile::setPermissions(dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    const QString path = dir->filePath(QStringLiteral("socket"));
    if (!server->listen(path)) {
        *error = tr("Cannot listen for ssh's password questions on %1: %2").arg(path, server->errorString());
        delete server;
        return false;
    }
    // Only this user may ask, and the folder already keeps everyone else out.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    connect(server, &QLocalServer::newConnection, this, &AskpassServer::accept);
    m_dir = std::move(dir);
    m_server = server;
    qCDebug(lcSecrets) << "askpass server listening on" << path;
    return true;
}

bool AskpassServer::isListening() const
{
    return m_server && m_server->isListening();
}

QString AskpassServer::name() const
{
    return m_server ? m_server->fullServerName() : QString();
}

void AskpassServer::setQuestionTimeout(int msec)
{
    m_questionTimeout = qBound(0, msec, defaultQuestionTimeout);
}

void AskpassServer::addAcceptedHostKey(const QString &fingerprint)
{
    if (!fingerprint.isEmpty() && !m_acceptedHostKeys.contains(fingerprint))
        m_acceptedHostKeys.append(fingerprint);
}

int AskpassServer::pendingQuestions() const
{
    int count = 0;
    for (const Client *client : m_clients)
        count += client->state == Client::State::AskedSecret || client->state == Client::State::AskedHostKey;
    return count;
}

void AskpassServer::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_clients.size() >= maxClients) {
            qCWarning(lcSecrets) << "askpass: too many helpers at once; one turned away";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *client = new Client;
        client->id = m_nextId++;
        client->socket = socket;
        client->timer = new QTimer(socket);
        client->timer->setSingleShot(true);
        m_clients.insert(client->id, client);

        const quint64 id = client->id;
        connect(client->timer, &QTimer::timeout, this, [this, id] {
            Client *c = clientOf(id);
            if (!c)
                return;
            if (c->state == Client::State::AskedSecret || c->state == Client::State::AskedHostKey) {
                qCInfo(lcSecrets) << "askpass: question" << id << "unanswered; refused";
                emit questionClosed(id);
            }
            if (c->state == Client::State::AskedSecret)
                m_attempts.insert(attemptOf(c), Attempt{false, true, m_clock.elapsed()});
            reply(c, AskpassProtocol::Reply{});
        });
        // Queued: a disconnect may be reported from inside reply().
        connect(socket, &QLocalSocket::disconnected, socket, [this, id] {
            if (Client *c = clientOf(id))
                drop(c);
        }, Qt::QueuedConnection);
        connect(socket, &QLocalSocket::readyRead, socket, [this, id] {
            if (Client *c = clientOf(id))
                readRequest(c);
        });
        client->timer->start(requestTimeout);
        if (socket->bytesAvailable() > 0)
            readRequest(client);
    }
}

void AskpassServer::readRequest(Client *client)
{
    if (client->state != Client::State::Reading) {
        // One request per connection; anything more is ignored.
        if (client->socket->bytesAvailable() > 0)
            client->socket->readAll();
        return;
    }
    client->buffer += client->socket->read(AskpassProtocol::maxFrameSize + 4 - client->buffer.size());
    QByteArray payload;
    switch (AskpassProtocol::takeFrame(client->buffer, &payload)) {
    case AskpassProtocol::Frame::Incomplete:
        return;
    case AskpassProtocol::Frame::Invalid:
        qCWarning(lcSecrets) << "askpass: a helper sent a frame that is not one; hung up";
        client->socket->abort();
        drop(client);
        return;
    case AskpassProtocol::Frame::Complete:
        break;
    }
    const std::optional<AskpassProtocol::Request> request = AskpassProtocol::parseRequest(payload);
    if (!request) {
        qCWarning(lcSecrets) << "askpass: a helper sent a request that is not one; refused";
        reply(client, AskpassProtocol::Reply{});
        return;
    }
    client->request = *request;
    client->state = Client::State::Working;
    client->timer->start(m_questionTimeout);
    handle(client, *request);
}

void AskpassServer::handle(Client *client, const AskpassProtocol::Request &request)
{
    // "confirm" asks to allow a use of an agent key, "none" only shows a
    // notice (touch your security key): neither has an answer to give.
    if (!request.mode.isEmpty()) {
        qCInfo(lcSecrets) << "askpass: ssh's" << request.mode << "prompt refused";
        reply(client, AskpassProtocol::Reply{});
        return;
    }
    const AskpassPrompt prompt(request.prompt);
    switch (prompt.kind()) {
    case AskpassPrompt::Kind::HostKey: {
        const HostKeyQuestion &question = *prompt.hostKey();
        if (m_acceptedHostKeys.contains(question.fingerprint)) {
            qCInfo(lcSecrets) << "askpass: host key" << question.fingerprint << "accepted beforehand";
            reply(client, AskpassProtocol::Reply{false, QStringLiteral("yes")});
            return;
        }
        client->state = Client::State::AskedHostKey;
        emit hostKeyQuestion(client->id, question, request.target);
        return;
    }
    case AskpassPrompt::Kind::Password:
        handleSecret(client, SecretKind::Password, passwordKeyOf(prompt.account(), request.target));
        return;
    case AskpassPrompt::Kind::Passphrase:
        handleSecret(client, SecretKind::Passphrase, SecretStore::passphraseKey(prompt.keyFile()));
        return;
    case AskpassPrompt::Kind::Other:
        handleSecret(client, SecretKind::Other, QString());
        return;
    }
}

void AskpassServer::handleSecret(Client *client, SecretKind kind, const QString &key)
{
    pruneOld();
    client->key = key;

    const auto attempt = m_attempts.constFind(attemptOf(client));
    if (attempt != m_attempts.constEnd()) {
        if (attempt->refused) {
            // ssh goes on asking after a refusal; the user said no already.
            reply(client, AskpassProtocol::Reply{});
            return;
        }
        // The same ssh asks again: what it was told is wrong.
        if (attempt->fromStore)
            m_distrusted.insert(key);
        m_toRemember.remove(key);
        ask(client, kind, key, true, SecretStore::Result{});
        return;
    }
    if (key.isEmpty() || m_distrusted.contains(key)) {
        ask(client, kind, key, false, SecretStore::Result{});
        return;
    }
    const quint64 id = client->id;
    m_store->read(key, this, [this, id, kind, key](const SecretStore::Result &result) {
        Client *c = clientOf(id);
        if (!c || c->state != Client::State::Working)
            return;
        if (!result.ok()) {
            ask(c, kind, key, false, result);
            return;
        }
        m_attempts.insert(attemptOf(c), Attempt{true, false, m_clock.elapsed()});
        if (!c->request.target.isEmpty())
            m_handedOut[c->request.target].insert(key);
        emit secretHandedOut(c->request.target, key);
        reply(c, AskpassProtocol::Reply{false, result.secret});
    });
}

void AskpassServer::ask(Client *client, SecretKind kind, const QString &key, bool retry,
                        const SecretStore::Result &stored)
{
    client->state = Client::State::AskedSecret;
    SecretQuestion question;
    question.id = client->id;
    question.kind = kind;
    question.key = key;
    question.prompt = client->request.prompt;
    question.target = client->request.target;
    question.retry = retry;
    question.storeError = stored.error;
    question.storeMessage = stored.message;
    emit secretNeeded(question);
}

void AskpassServer::answerSecret(quint64 id, const QString &secret, bool remember)
{
    Client *client = clientOf(id);
    if (!client || client->state != Client::State::AskedSecret)
        return;
    m_attempts.insert(attemptOf(client), Attempt{false, false, m_clock.elapsed()});
    if (!client->key.isEmpty()) {
        if (remember)
            m_toRemember.insert(client->key, Remembered{secret, m_clock.elapsed()});
        else
            m_toRemember.remove(client->key);
        if (!client->request.target.isEmpty())
            m_handedOut[client->request.target].insert(client->key);
        emit secretHandedOut(client->request.target, client->key);
    }
    reply(client, AskpassProtocol::Reply{false, secret});
}

void AskpassServer::refuseSecret(quint64 id)
{
    Client *client = clientOf(id);
    if (!client || client->state != Client::State::AskedSecret)
        return;
    m_attempts.insert(attemptOf(client), Attempt{false, true, m_clock.elapsed()});
    reply(client, AskpassProtocol::Reply{});
}

void AskpassServer::answerHostKey(quint64 id, bool accept)
{
    Client *client = clientOf(id);
    if (!client || client->state != Client::State::AskedHostKey)
        return;
    reply(client, accept ? AskpassProtocol::Reply{false, QStringLiteral("yes")} : AskpassProtocol::Reply{});
}

void AskpassServer::confirmSecretWorked(const QString &key)
{
    forgetAttempts(key);
    const auto remembered = m_toRemember.constFind(key);
    if (remembered == m_toRemember.constEnd())
        return;
    const QString secret = remembered->secret;
    m_toRemember.erase(remembered);
    m_store->write(key, secret, this, [this, key](const SecretStore::Result &result) {
        if (result.ok())
            m_distrusted.remove(key);
        else
            emit rememberFailed(key, result.message);
    });
}

void AskpassServer::forgetSecret(const QString &key)
{
    forgetAttempts(key);
    m_toRemember.remove(key);
    m_distrusted.remove(key);
    m_store->remove(key);
}

void AskpassServer::connectionSucceeded(const QString &target)
{
    const QSet<QString> keys = m_handedOut.take(target);
    for (const QString &key : keys)
        confirmSecretWorked(key);
}

void AskpassServer::authenticationFailed(const QString &target)
{
    const QSet<QString> keys = m_handedOut.take(target);
    for (const QString &key : keys) {
        if (key.startsWith(passwordKeyPrefix)) {
            forgetSecret(key);
        } else {
            // A passphrase ssh took opened its key (a wrong one it asks for
            // again), but the login failed: neither remembered nor forgotten.
            forgetAttempts(key);
            m_toRemember.remove(key);
        }
    }
}

void AskpassServer::reply(Client *client, const AskpassProtocol::Reply &reply)
{
    client->state = Client::State::Done;
    client->timer->stop();
    client->socket->write(AskpassProtocol::encode(reply));
    // Closes once the reply is written; the disconnect drops the client.
    client->socket->disconnectFromServer();
}

void AskpassServer::drop(Client *client)
{
    if (client->state == Client::State::AskedSecret || client->state == Client::State::AskedHostKey)
        emit questionClosed(client->id);
    m_clients.remove(client->id);
    client->socket->deleteLater();
    delete client;
}

QPair<qint64, QString> AskpassServer::attemptOf(const Client *client)
{
    // What cannot be kept is told apart by its prompt.
    return qMakePair(client->request.sshPid,
                     client->key.isEmpty() ? QStringLiteral("prompt:") + client->request.prompt : client->key);
}

AskpassServer::Client *AskpassServer::clientOf(quint64 id) const
{
    return m_clients.value(id, nullptr);
}

void AskpassServer::pruneOld()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_attempts.begin(); it != m_attempts.end();)
        it = now - it->at > attemptLifetime ? m_attempts.erase(it) : std::next(it);
    for (auto it = m_toRemember.begin(); it != m_toRemember.end();)
        it = now - it->at > attemptLifetime ? m_toRemember.erase(it) : std::next(it);
}

void AskpassServer::forgetAttempts(const QString &key)
{
    for (auto it = m_attempts.begin(); it != m_attempts.end();)
        it = it.key().second == key ? m_attempts.erase(it) : std::next(it);
}

} // namespace mailtls
