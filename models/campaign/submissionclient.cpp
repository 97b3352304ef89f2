#include "models/campaign/submissionclient.h"

#include <atomic>

#include <openssl/x509.h>

#include <QCryptographicHash>
#include <QHostAddress>
#include <QPointer>
#include <QThreadPool>

#include "models/campaign/mailmessage.h"
#include "models/campaign/submissiontransfer.h"

namespace mailtls {

namespace {

QByteArray spkiSha256(X509 *certificate)
{
    if (!certificate)
        return QByteArray();
    unsigned char *der = nullptr;
    const int size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(certificate), &der);
    if (size <= 0)
        return QByteArray();
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(der), size),
                                                       QCryptographicHash::Sha256);
    OPENSSL_free(der);
    return digest;
}

} // namespace

// One send(): what the worker needs, and how it reaches the client.
struct SubmissionClient::Job
{
    quint64 id = 0;
    SubmissionTransfer::Request request;
    std::atomic_bool cancelled {false};
    QPointer<SubmissionClient> client;
    // Lives on the client's thread: queued calls from the worker go through
    // it, and none arrives once the client is gone.
    std::unique_ptr<QObject, void (*)(QObject *)> context {nullptr, [](QObject *o) { o->deleteLater(); }};

    template<typename F> void post(F &&f)
    {
        QMetaObject::invokeMethod(
            context.get(),
            [client = client, id = id, f = std::forward<F>(f)] {
                if (client && client->m_busy && client->m_job && client->m_job->id == id)
                    f(client.data());
            },
            Qt::QueuedConnection);
    }
};

QString SubmissionClient::stageText(Stage stage)
{
    switch (stage) {
    case SubmissionClient::Stage::Connect:
        return SubmissionClient::tr("connecting");
    case SubmissionClient::Stage::Greeting:
        return SubmissionClient::tr("the greeting");
    case SubmissionClient::Stage::Ehlo:
        return SubmissionClient::tr("EHLO");
    case SubmissionClient::Stage::StartTls:
        return SubmissionClient::tr("STARTTLS");
    case SubmissionClient::Stage::Handshake:
        return SubmissionClient::tr("the TLS handshake");
    case SubmissionClient::Stage::Auth:
        return SubmissionClient::tr("the login");
    case SubmissionClient::Stage::MailFrom:
        return SubmissionClient::tr("MAIL FROM");
    case SubmissionClient::Stage::RcptTo:
        return SubmissionClient::tr("RCPT TO");
    case SubmissionClient::Stage::Data:
        return SubmissionClient::tr("DATA");
    case SubmissionClient::Stage::Message:
        return SubmissionClient::tr("the letter's transfer");
    }
    return QString();
}

SubmissionClient::SubmissionClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mailtls::SubmissionClient::Result>();
    SubmissionTransfer::initialise();
}

SubmissionClient::~SubmissionClient()
{
    if (m_job)
        m_job->cancelled = true;
}

QString SubmissionClient::passwordKey(const QString &user, const QString &host, quint16 port)
{
    return QStringLiteral("submission-password:%1@%2:%3").arg(user, host).arg(port);
}

QByteArray SubmissionClient::parseFingerprint(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sha256//"))) {
        const auto decoded
            = QByteArray::fromBase64Encoding(trimmed.mid(8).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        return decoded && decoded.decoded.size() == 32 ? decoded.decoded : QByteArray();
    }
    QString hex = trimmed;
    hex.remove(QLatin1Char(':'));
    if (hex.size() != 64)
        return QByteArray();
    for (const QChar c : hex) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('F'))))
            return QByteArray();
    }
    return QByteArray::fromHex(hex.toLatin1());
}

QByteArray SubmissionClient::publicKeySha256(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *x509 = d2i_X509(nullptr, &bytes, long(der.size()));
    const QByteArray digest = spkiSha256(x509);
    X509_free(x509);
    return digest;
}

void SubmissionClient::send(const Server &server, const Credentials &credentials, const Message &message)
{
    if (m_busy)
        return;
    m_busy = true;
    m_stage = Stage::Connect;
    static std::atomic<quint64> nextId {0};
    auto job = std::make_shared<Job>();
    job->id = ++nextId;
    job->request = {server, credentials, message, QString()};
    const QHostAddress literal(server.host);
    job->request.where = !literal.isNull() && literal.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(server.host).arg(server.port)
        : QStringLiteral("%1:%2").arg(server.host).arg(server.port);
    job->client = this;
    job->context.reset(new QObject);
    m_job = job;

    QString invalid;
    if (server.host.trimmed().isEmpty() || server.port == 0)
        invalid = tr("no submission server given");
    else if (!MailMessage::isValidAddress(message.from))
        invalid = tr("the sender \"%1\" is not a plain address").arg(message.from);
    else if (message.to.isEmpty())
        invalid = tr("the letter has no recipient");
    else if (message.bytes.isEmpty())
        invalid = tr("the letter is empty");
    else if (!server.pinnedPublicKeySha256.isEmpty() && server.pinnedPublicKeySha256.size() != 32)
        invalid = tr("the public key to trust is not given as its SHA-256 digest");
    for (const QString &to : message.to) {
        if (invalid.isEmpty() && !MailMessage::isValidAddress(to))
            invalid = tr("the recipient \"%1\" is not a plain address").arg(to);
    }
    if (!invalid.isEmpty()) {
        Result result;
        result.outcome = Outcome::Invalid;
        result.error = invalid;
        job->post([result](SubmissionClient *client) { client->finish(result); });
        return;
    }

    QThreadPool::globalInstance()->start([job] {
        const Result result = SubmissionTransfer::run(
            job->request,
            [job](Stage stage) {
                job->post([stage](SubmissionClient *client) {
                    client->m_stage = stage;
                    emit client->stageChanged(stage);
                });
            },
            job->cancelled);
        job->post([result](SubmissionClient *client) { client->finish(result); });
    });
}

void SubmissionClient::cancel()
{
    if (!m_busy)
        return;
    m_job->cancelled = true;
    Result result;
    result.outcome = Outcome::Cancelled;
    result.stage = m_stage;
    result.error = tr("cancelled during %1").arg(stageText(m_stage));
    result.maybeSent = m_stage == Stage::Message;
    finish(result);
}

void SubmissionClient::finish(const Result &result)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_job.reset();
    emit finished(result);
}

} // namespace mailtls
