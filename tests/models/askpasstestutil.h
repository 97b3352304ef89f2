#pragma once

#include <memory>

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include "models/secrets/askpassserver.h"
#include "models/sources/hostkeyquestion.h"
#include "tests/models/fakesecretstore.h"

// What the askpass tests (the server alone, and the mailtls binary as ssh's
// helper against it) ask and expect.
namespace askpasstest {

inline const QString target = QStringLiteral("mail@mx.example.org:2222");
inline const QString passwordPrompt = QStringLiteral("mail@mx.example.org's password: ");
inline const QString passwordKey = QStringLiteral("ssh-password:mail@mx.example.org:2222");
inline const QString hostKeyPrompt = QStringLiteral(
    "The authenticity of host '[127.0.0.1]:2222 ([127.0.0.1]:2222)' can't be established.\n"
    "ED25519 key fingerprint is SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU.\n"
    "This key is not known by any other names.\n"
    "Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
inline const QString hostKeyFingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");

// A listening AskpassServer on a store in memory, and everything it asked or
// said since start(), in order.
class ServerUnderTest final : public QObject
{
public:
    struct HostKeyAsked
    {
        quint64 id = 0;
        mailtls::HostKeyQuestion question;
        QString target;
    };

    bool start(QString *error)
    {
        stop();
        store = std::make_unique<FakeSecretStore>();
        server = std::make_unique<mailtls::AskpassServer>(store.get());
        connect(server.get(), &mailtls::AskpassServer::secretNeeded, this,
                [this](const mailtls::AskpassServer::SecretQuestion &q) { secretQuestions.append(q); });
        connect(server.get(), &mailtls::AskpassServer::hostKeyQuestion, this,
                [this](quint64 id, const mailtls::HostKeyQuestion &q, const QString &t) {
                    hostKeyQuestions.append({id, q, t});
                });
        connect(server.get(), &mailtls::AskpassServer::questionClosed, this,
                [this](quint64 id) { closed.append(id); });
        connect(server.get(), &mailtls::AskpassServer::secretHandedOut, this,
                [this](const QString &t, const QString &k) { handedOut.append({t, k}); });
        return server->listen(error);
    }

    void stop()
    {
        server.reset();
        store.reset();
        secretQuestions.clear();
        hostKeyQuestions.clear();
        closed.clear();
        handedOut.clear();
    }

    std::unique_ptr<FakeSecretStore> store;
    std::unique_ptr<mailtls::AskpassServer> server;
    QList<mailtls::AskpassServer::SecretQuestion> secretQuestions;
    QList<HostKeyAsked> hostKeyQuestions;
    QList<quint64> closed;
    QList<QPair<QString, QString>> handedOut; // (target, key)
};

} // namespace askpasstest
