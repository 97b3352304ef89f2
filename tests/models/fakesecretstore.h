#pragma once

#include <QHash>
#include <QString>
#include <QTimer>

#include "models/secrets/secretstore.h"

// A SecretStore that keeps its secrets in memory and answers a moment later,
// as a keychain does; `failWith` makes every operation fail so.
class FakeSecretStore final : public mailtls::SecretStore
{
public:
    using SecretStore::SecretStore;

    QHash<QString, QString> secrets;
    Error failWith = Error::None;
    int reads = 0;
    int writes = 0;
    int removes = 0;

protected:
    void begin(quint64 id, Operation operation, const QString &key, const QString &secret) override
    {
        QTimer::singleShot(0, this, [this, id, operation, key, secret] {
            // Counted when done: a test that sees the count sees the result.
            switch (operation) {
            case Operation::Read:
                ++reads;
                break;
            case Operation::Write:
                ++writes;
                break;
            case Operation::Remove:
                ++removes;
                break;
            }
            Result result;
            result.operation = operation;
            result.key = key;
            result.error = failWith;
            if (failWith == Error::None) {
                switch (operation) {
                case Operation::Read:
                    if (secrets.contains(key))
                        result.secret = secrets.value(key);
                    else
                        result.error = Error::NotFound;
                    break;
                case Operation::Write:
                    secrets.insert(key, secret);
                    break;
                case Operation::Remove:
                    secrets.remove(key);
                    break;
                }
            }
            complete(id, result);
        });
    }
};
