#include "models/secrets/askpassserver.h"

#include <iterator>
#include <utility>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include "models/secrets/secretslogging.h"

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

// ssh's host as it writes it in a host-key question: "mx.example.org" on
// port 22, "[mx.example.org]:2222" on any other.
HostPort parseKnownHostsName(const QString &name)
{
    HostPort result = parseTarget(name);
    if (result.port == 0)
        result.port = 22;
    return result;
}

struct PromptInfo
{
    enum class Kind { HostKey, Password, Passphrase, Other };

    Kind kind = Kind::Other;
    QString user;
    QString host;
    int port = 0;
    QString keyFile;
    QString keyType;
    QString fingerprint;
};

// What OpenSSH asks through SSH_ASKPASS (sshconnect.c, sshconnect2.c):
//   "The authenticity of host 'H (ADDR)' can't be established.\n
//    TYPE key fingerprint is SHA256:….\n … (yes/no/[fingerprint])? "
//   "USER@HOST's password: "                       password authentication
//   "(USER@HOST) Password: "                       keyboard-interactive
//   "Enter passphrase for key 'PATH': "            an encrypted private key
// Anything else (a one-time code, a confirmation) is Other and refused.
PromptInfo classify(const QString &text)
{
    static const QRegularExpression hostKeyHost(
        QStringLiteral("^The authenticity of host '([^' ]+)[^'\\n]*' can't be established\\."));
    static const QRegularExpression hostKeyFingerprint(
        QStringLiteral("\\n([A-Z0-9-]+) key fingerprint is (SHA256:[A-Za-z0-9+/=]+|MD5:[0-9a-f:]+)\\.?\\s*\\n"));
    static const QRegularExpression hostKeyQuestion(
        QStringLiteral("Are you sure you want to continue connecting \\(yes/no[^)]*\\)\\? ?$"));
    static const QRegularExpression password(QStringLiteral("^([^@\\s]+)@(\\S+)'s password: ?$"));
    static const QRegularExpression keyboardPassword(
        QStringLiteral("^\\(([^@\\s]+)@([^)\\s]+)\\) Password: ?$"));
    static const QRegularExpression passphrase(QStringLiteral("^Enter passphrase for key '([^'\\n]+)': ?$"));

    PromptInfo info;
    QRegularExpressionMatch match = hostKeyHost.match(text);
    if (match.hasMatch()) {
        const QRegularExpressionMatch fingerprint = hostKeyFingerprint.match(text);
        if (!fingerprint.hasMatch() || !hostKeyQuestion.match(text).hasMatch())
            return info;
        const HostPort host = parseKnownHostsName(match.captured(1));
        info.kind = PromptInfo::Kind::HostKey;
        info.host = host.host;
        info.port = host.port;
        info.keyType = fingerprint.captured(1);
        info.fingerprint = fingerprint.captured(2);
        return info;
    }
    match = password.match(text);
    if (!match.hasMatch())
        match = keyboardPassword.match(text);
    if (match.hasMatch()) {
        info.kind = PromptInfo::Kind::Password;
        info.user = match.captured(1);
        info.host = match.captured(2);
        return info;
    }
    match = passphrase.match(text);
    if (match.hasMatch()) {
        info.kind = PromptInfo::Kind::Passphrase;
        info.keyFile = match.captured(1);
    }
    return info;
}

// The keychain key of a password prompt. ssh's prompt names user and host
// but not the port: that comes from the target when the prompt is about the
// target's host (a jump host's port is not known: ssh's default).
QString passwordKeyOf(const PromptInfo &info, const QString &target)
{
    const HostPort wanted = parseTarget(target);
    const bool sameHost = !wanted.host.isEmpty() && wanted.host.compare(info.host, Qt::CaseInsensitive) == 0;
    return SecretStore::passwordKey(info.user, info.host, sameHost ? wanted.port : 0);
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
    SecretKind kind = SecretKind::Password;
    QString key;
};

AskpassServer::AskpassServer(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<mailtls::AskpassServer::SecretQuestion>();
    qRegisterMetaType<mailtls::AskpassServer::HostKeyQuestion>();
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
    m_questionTimeout = msec;
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
                m_attempts[qMakePair(c->request.sshPid, c->key)] = Attempt{false, true, m_clock.elapsed()};
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
    const PromptInfo info = classify(request.prompt);
    switch (info.kind) {
    case PromptInfo::Kind::HostKey: {
        if (m_acceptedHostKeys.contains(info.fingerprint)) {
            qCInfo(lcSecrets) << "askpass: host key" << info.fingerprint << "accepted beforehand";
            reply(client, AskpassProtocol::Reply{false, QStringLiteral("yes")});
            return;
        }
        client->state = Client::State::AskedHostKey;
        HostKeyQuestion question;
        question.id = client->id;
        question.host = info.host;
        question.port = info.port;
        question.keyType = info.keyType;
        question.fingerprint = info.fingerprint;
        question.prompt = request.prompt;
        question.target = request.target;
        emit hostKeyQuestion(question);
        return;
    }
    case PromptInfo::Kind::Password:
        handlePassword(client, SecretKind::Password, passwordKeyOf(info, request.target));
        return;
    case PromptInfo::Kind::Passphrase:
        handlePassword(client, SecretKind::Passphrase, SecretStore::passphraseKey(info.keyFile));
        return;
    case PromptInfo::Kind::Other:
        break;
    }
    qCInfo(lcSecrets) << "askpass: a question MailTLS does not answer was refused:" << request.prompt;
    reply(client, AskpassProtocol::Reply{});
}

void AskpassServer::handlePassword(Client *client, SecretKind kind, const QString &key)
{
    pruneOld();
    client->kind = kind;
    client->key = key;

    const auto attempt = m_attempts.constFind(qMakePair(client->request.sshPid, key));
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
    if (m_distrusted.contains(key)) {
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
        m_attempts.insert(qMakePair(c->request.sshPid, key), Attempt{true, false, m_clock.elapsed()});
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
    m_attempts.insert(qMakePair(client->request.sshPid, client->key), Attempt{false, false, m_clock.elapsed()});
    if (remember)
        m_toRemember.insert(client->key, Remembered{secret, m_clock.elapsed()});
    else
        m_toRemember.remove(client->key);
    if (!client->request.target.isEmpty())
        m_handedOut[client->request.target].insert(client->key);
    emit secretHandedOut(client->request.target, client->key);
    reply(client, AskpassProtocol::Reply{false, secret});
}

void AskpassServer::refuseSecret(quint64 id)
{
    Client *client = clientOf(id);
    if (!client || client->state != Client::State::AskedSecret)
        return;
    m_attempts.insert(qMakePair(client->request.sshPid, client->key), Attempt{false, true, m_clock.elapsed()});
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
