#include "models/secrets/secretstore.h"

#include <utility>

#include <qt6keychain/keychain.h>

#include "models/secrets/secretslogging.h"

namespace mailtls {

namespace {

// Linux and the BSDs: QtKeychain talks to the Secret Service (or KWallet) over
// D-Bus through libsecret.
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID) && !defined(Q_OS_HAIKU)
constexpr bool freedesktopKeychain = true;
#else
constexpr bool freedesktopKeychain = false;
#endif

SecretStore::Error errorOf(QKeychain::Error error, SecretStore::Operation operation)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Error::None;
    case QKeychain::EntryNotFound:
        return operation == SecretStore::Operation::Remove ? SecretStore::Error::None
                                                           : SecretStore::Error::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Error::NoBackend;
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Error::AccessDenied;
    case QKeychain::AccessDenied:
        // libsecret says this only of a locked collection it could not unlock,
        // KWallet of a wallet it could not open: a keychain that is there but
        // cannot be used here.
        return freedesktopKeychain ? SecretStore::Error::NoBackend : SecretStore::Error::AccessDenied;
    case QKeychain::OtherError:
        // libsecret hands D-Bus failures on as they are: no session bus, no
        // Secret Service on it, no default keyring and no prompt to create
        // one, an unlock prompt nobody answered. All mean no usable keychain.
        return freedesktopKeychain ? SecretStore::Error::NoBackend : SecretStore::Error::Other;
    case QKeychain::CouldNotDeleteEntry:
        return SecretStore::Error::Other;
    }
    return SecretStore::Error::Other;
}

QString errorText(SecretStore::Error error, const QString &detail)
{
    if (error == SecretStore::Error::Other && !detail.isEmpty())
        return SecretStore::tr("The keychain reported an error: %1").arg(detail);
    return SecretStore::errorMessage(error);
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(defaultService(), parent)
{
}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    qRegisterMetaType<mailtls::SecretStore::Result>();
}

SecretStore::~SecretStore() = default;

QString SecretStore::defaultService()
{
    return QStringLiteral("MailTLS");
}

QString SecretStore::passwordKey(const QString &user, const QString &host, int port)
{
    const QString hostPart = host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
        ? QLatin1Char('[') + host + QLatin1Char(']')
        : host;
    const QString userPart = user.isEmpty() ? QString() : user + QLatin1Char('@');
    return QStringLiteral("ssh-password:%1%2:%3").arg(userPart, hostPart).arg(port > 0 ? port : 22);
}

QString SecretStore::passphraseKey(const QString &keyFile)
{
    return QStringLiteral("ssh-passphrase:") + keyFile;
}

QString SecretStore::errorMessage(Error error)
{
    switch (error) {
    case Error::None:
        return QString();
    case Error::NotFound:
        return tr("The keychain holds no password for this.");
    case Error::NoBackend:
        return tr("No keychain is available: the system's password store (Secret Service or KWallet) is not "
                  "running, or it is locked and cannot be opened. Passwords cannot be remembered; they are "
                  "asked for each time.");
    case Error::AccessDenied:
        return tr("The keychain refused access to the password.");
    case Error::Other:
        return tr("The keychain reported an error.");
    }
    return QString();
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    start(Operation::Read, key, QString(), context, std::move(done));
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    start(Operation::Write, key, secret, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    start(Operation::Remove, key, QString(), context, std::move(done));
}

void SecretStore::start(Operation operation, const QString &key, const QString &secret, QObject *context,
                        Callback done)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{context != nullptr, QPointer<QObject>(context), std::move(done)});
    begin(id, operation, key, secret);
}

void SecretStore::begin(quint64 id, Operation operation, const QString &key, const QString &secret)
{
    // Jobs are not parented to the store: QtKeychain's libsecret callbacks
    // still point at a job deleted while they run. A job deletes itself when
    // it ends; one that ends after the store is gone reaches nobody.
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setAutoDelete(true);
    // Never the plain-text file QtKeychain could fall back to.
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, id, operation, key](QKeychain::Job *finished) {
        Result result;
        result.operation = operation;
        result.key = key;
        result.error = errorOf(finished->error(), operation);
        if (result.error != Error::None)
            result.detail = finished->errorString();
        else if (operation == Operation::Read)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        complete(id, std::move(result));
    });
    job->start();
}

void SecretStore::complete(quint64 id, Result result)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = it.value();
    m_pending.erase(it);

    if (result.error != Error::None && result.message.isEmpty())
        result.message = errorText(result.error, result.detail);
    if (result.error != Error::None && result.error != Error::NotFound)
        qCInfo(lcSecrets) << "keychain" << result.operation << result.key << "failed:" << result.error
                          << result.detail;

    // The callback may delete this store.
    const QPointer<SecretStore> self(this);
    if (pending.done && (!pending.hasContext || pending.context))
        pending.done(result);
    if (self)
        emit finished(result);
}

} // namespace mailtls
