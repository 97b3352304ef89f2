#include "models/probe/httpsget.h"

#include <utility>

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include "models/probe/probeoptions.h"

namespace mailtls {

namespace {

// Status line and headers together; a policy host needs a few hundred bytes.
constexpr qsizetype MaxHeaderBytes = 16 * 1024;
constexpr qsizetype MaxChunkLineBytes = 1024;
constexpr qsizetype MaxShownBytes = 200;

QString printable(const QByteArray &bytes)
{
    QString out;
    for (char c : bytes.left(MaxShownBytes))
        out.append(c >= 0x20 && c < 0x7f ? QChar(QLatin1Char(c)) : QChar(u'?'));
    if (bytes.size() > MaxShownBytes)
        out.append(QStringLiteral("…"));
    return out;
}

// The first line of what a server sent, for an error message.
QString firstLine(const QByteArray &bytes)
{
    qsizetype end = bytes.indexOf('\n');
    if (end < 0)
        end = bytes.size();
    QByteArray line = bytes.left(qMin<qsizetype>(end, 80));
    if (line.endsWith('\r'))
        line.chop(1);
    return printable(line);
}

// Reading the system store takes a few hundred milliseconds: once a process.
const QList<QSslCertificate> &systemCaCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

QString kib(qint64 bytes)
{
    return bytes % 1024 == 0 ? QString::number(bytes / 1024) + QStringLiteral(" KiB")
                             : QString::number(bytes) + QStringLiteral(" bytes");
}

} // namespace

class HttpsGet::Private
{
    Q_DECLARE_TR_FUNCTIONS(HttpsGet)

public:
    enum class Stage { Idle, Connecting, Handshake, Headers, Body, Done };
    enum class BodyMode { UntilClose, Length, Chunked };
    enum class ChunkStage { Size, Data, DataEnd };

    explicit Private(HttpsGet *owner)
        : q(owner)
    { }

    void start(const Request &request);
    void abort();

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onError(QAbstractSocket::SocketError error);
    void onEndOfStream();
    void onTimeout();

    bool parseHeaders();
    bool consumeBody();
    bool consumeChunks();
    void fail(HttpsResponse::Failure failure, const QString &error);
    void succeed();
    void finish();
    void reset();
    QString where() const;

    HttpsGet *q;
    Request m_request;
    QPointer<QSslSocket> m_socket;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_timer = nullptr;
    Stage m_stage = Stage::Idle;
    quint64 m_generation = 0;
    QByteArray m_buffer;
    HttpsResponse m_response;
    QList<QSslError> m_sslErrors;
    BodyMode m_bodyMode = BodyMode::UntilClose;
    qint64 m_contentLength = -1;
    ChunkStage m_chunkStage = ChunkStage::Size;
    qint64 m_chunkLeft = 0;
};

HttpsGet::HttpsGet(QObject *parent)
    : QObject(parent)
    , d(new Private(this))
{
    d->m_connectTimer = new QTimer(this);
    d->m_connectTimer->setSingleShot(true);
    d->m_timer = new QTimer(this);
    d->m_timer->setSingleShot(true);
    connect(d->m_connectTimer, &QTimer::timeout, this, [this] {
        if (d->m_stage == Private::Stage::Connecting)
            d->fail(HttpsResponse::Failure::Connect,
                    Private::tr("could not connect to %1 within %2 s")
                        .arg(d->where(), ProbeOptions::secondsText(d->m_request.connectTimeoutMs)));
    });
    connect(d->m_timer, &QTimer::timeout, this, [this] { d->onTimeout(); });
}

HttpsGet::~HttpsGet()
{
    d->reset();
    delete d;
}

void HttpsGet::start(const Request &request)
{
    d->start(request);
}

void HttpsGet::abort()
{
    d->abort();
}

QString HttpsGet::Private::where() const
{
    const QString address = m_request.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(m_request.address.toString())
        : m_request.address.toString();
    return tr("%1 (%2 port %3)").arg(m_request.hostName, address).arg(m_request.port);
}

void HttpsGet::Private::start(const Request &request)
{
    reset();
    m_request = request;
    m_response = HttpsResponse();
    m_stage = Stage::Connecting;
    const quint64 generation = m_generation;

    if (!QSslSocket::supportsSsl() || request.address.isNull() || request.hostName.isEmpty()) {
        const QString reason = !QSslSocket::supportsSsl() ? tr("TLS is not available (no OpenSSL backend)")
                                                          : tr("no address or host name to connect to");
        // finished() never comes from inside start().
        QTimer::singleShot(0, q, [this, generation, reason] {
            if (generation == m_generation && m_stage == Stage::Connecting)
                fail(HttpsResponse::Failure::Connect, reason);
        });
        return;
    }

    auto *socket = new QSslSocket(q);
    m_socket = socket;
    // Every readyRead drains the socket, so this only bounds one burst.
    socket->setReadBufferSize(request.maxBodyBytes + MaxHeaderBytes);

    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    // The default configuration finds system roots on demand, at no cost;
    // a CA list of our own replaces that, so it must hold the whole store.
    if (!request.extraCaCertificates.isEmpty())
        config.setCaCertificates(systemCaCertificates() + request.extraCaCertificates);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    socket->setSslConfiguration(config);
    socket->setPeerVerifyName(request.hostName);

    QObject::connect(socket, &QAbstractSocket::connected, q, [this] { onConnected(); });
    QObject::connect(socket, &QSslSocket::encrypted, q, [this] { onEncrypted(); });
    QObject::connect(socket, &QIODevice::readyRead, q, [this] { onReadyRead(); });
    QObject::connect(socket, &QSslSocket::sslErrors, q,
                     [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, q,
                     [this](QAbstractSocket::SocketError error) { onError(error); });
    QObject::connect(socket, &QAbstractSocket::disconnected, q, [this] { onEndOfStream(); });

    m_connectTimer->start(qMax(1, request.connectTimeoutMs));
    m_timer->start(qMax(1, request.timeoutMs));
    // Queued: a connect that fails at once (no route) reports its error
    // synchronously, and finished() never comes from inside start().
    QTimer::singleShot(0, q, [this, generation] {
        if (generation != m_generation || !m_socket)
            return;
        // An address literal: Qt connects without any name look-up; the
        // name goes to SNI and the certificate check only.
        m_socket->connectToHostEncrypted(m_request.address.toString(), m_request.port, m_request.hostName);
    });
}

void HttpsGet::Private::abort()
{
    reset();
}

void HttpsGet::Private::reset()
{
    ++m_generation;
    m_connectTimer->stop();
    m_timer->stop();
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        QObject::disconnect(socket, nullptr, q, nullptr);
        socket->abort();
        socket->deleteLater();
    }
    m_stage = Stage::Idle;
    m_buffer.clear();
    m_sslErrors.clear();
    m_bodyMode = BodyMode::UntilClose;
    m_contentLength = -1;
    m_chunkStage = ChunkStage::Size;
    m_chunkLeft = 0;
}

void HttpsGet::Private::onConnected()
{
    if (m_stage == Stage::Connecting) {
        m_connectTimer->stop();
        m_stage = Stage::Handshake;
    }
}

void HttpsGet::Private::onEncrypted()
{
    if (m_stage != Stage::Handshake && m_stage != Stage::Connecting)
        return;
    m_connectTimer->stop();
    m_stage = Stage::Headers;
    QString host = m_request.hostName;
    if (m_request.port != 443)
        host += QLatin1Char(':') + QString::number(m_request.port);
    const QByteArray request = "GET " + m_request.path.toUtf8() + " HTTP/1.1\r\nHost: " + host.toUtf8()
        + "\r\nUser-Agent: MailTLS\r\nAccept: text/plain\r\nConnection: close\r\n\r\n";
    m_socket->write(request);
}

void HttpsGet::Private::onReadyRead()
{
    if (!m_socket || (m_stage != Stage::Headers && m_stage != Stage::Body))
        return;
    m_buffer += m_socket->readAll();
    if (m_stage == Stage::Headers && !parseHeaders())
        return;
    if (m_stage == Stage::Body)
        consumeBody();
}

bool HttpsGet::Private::parseHeaders()
{
    qsizetype end = m_buffer.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lfEnd = m_buffer.indexOf("\n\n");
    if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
        end = lfEnd;
        skip = 2;
    }
    if (end < 0) {
        if (m_buffer.size() > MaxHeaderBytes) {
            fail(HttpsResponse::Failure::TooLarge,
                 tr("the response headers from %1 are larger than %2").arg(where(), kib(MaxHeaderBytes)));
            return false;
        }
        if (!m_buffer.isEmpty() && !m_buffer.startsWith(QByteArray("HTTP/").left(m_buffer.size()))) {
            fail(HttpsResponse::Failure::Protocol,
                 tr("%1 did not answer with HTTP: \"%2\"").arg(where(), firstLine(m_buffer)));
            return false;
        }
        return false;
    }
    if (end > MaxHeaderBytes) {
        fail(HttpsResponse::Failure::TooLarge,
             tr("the response headers from %1 are larger than %2").arg(where(), kib(MaxHeaderBytes)));
        return false;
    }

    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + skip);
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QByteArray statusLine = lines.takeFirst();
    m_response.statusLine = printable(statusLine);
    const QList<QByteArray> parts = statusLine.split(' ');
    bool ok = false;
    const int status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
    if (!statusLine.startsWith("HTTP/1.") || !ok || status < 100 || status > 999 || parts.at(1).size() != 3) {
        fail(HttpsResponse::Failure::Protocol,
             tr("%1 did not answer with HTTP: \"%2\"").arg(where(), firstLine(statusLine)));
        return false;
    }
    m_response.status = status;

    bool chunked = false;
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type") {
            m_response.contentType = printable(value);
        } else if (name == "location") {
            m_response.location = printable(value);
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        } else if (name == "content-length") {
            bool lengthOk = false;
            const qint64 length = value.toLongLong(&lengthOk);
            if (!lengthOk || length < 0) {
                fail(HttpsResponse::Failure::Protocol,
                     tr("%1 sent a malformed Content-Length: \"%2\"").arg(where(), printable(value)));
                return false;
            }
            m_contentLength = length;
        }
    }

    // Only a 200 carries a policy; the status says the rest.
    if (status != 200) {
        succeed();
        return false;
    }
    if (chunked) {
        m_bodyMode = BodyMode::Chunked;
    } else if (m_contentLength >= 0) {
        m_bodyMode = BodyMode::Length;
        if (m_contentLength > m_request.maxBodyBytes) {
            fail(HttpsResponse::Failure::TooLarge,
                 tr("the response from %1 is %2 bytes, more than %3")
                     .arg(where())
                     .arg(m_contentLength)
                     .arg(kib(m_request.maxBodyBytes)));
            return false;
        }
    }
    m_stage = Stage::Body;
    return true;
}

bool HttpsGet::Private::consumeBody()
{
    if (m_bodyMode == BodyMode::Chunked)
        return consumeChunks();
    m_response.body += m_buffer;
    m_buffer.clear();
    if (m_response.body.size() > m_request.maxBodyBytes) {
        fail(HttpsResponse::Failure::TooLarge,
             tr("the response from %1 is larger than %2").arg(where(), kib(m_request.maxBodyBytes)));
        return false;
    }
    if (m_bodyMode == BodyMode::Length && m_response.body.size() >= m_contentLength) {
        m_response.body.truncate(m_contentLength);
        succeed();
        return false;
    }
    return true;
}

bool HttpsGet::Private::consumeChunks()
{
    for (;;) {
        switch (m_chunkStage) {
        case ChunkStage::Size: {
            const qsizetype lf = m_buffer.indexOf('\n');
            if (lf < 0) {
                if (m_buffer.size() > MaxChunkLineBytes) {
                    fail(HttpsResponse::Failure::Protocol, tr("%1 sent a malformed chunked body").arg(where()));
                    return false;
                }
                return true;
            }
            QByteArray sizeLine = m_buffer.left(lf).trimmed();
            m_buffer.remove(0, lf + 1);
            const qsizetype extension = sizeLine.indexOf(';');
            if (extension >= 0)
                sizeLine.truncate(extension);
            bool ok = false;
            const qint64 size = sizeLine.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || sizeLine.trimmed().size() > 15) {
                fail(HttpsResponse::Failure::Protocol, tr("%1 sent a malformed chunked body").arg(where()));
                return false;
            }
            if (size == 0) {
                // Trailers, if any, say nothing a policy needs.
                succeed();
                return false;
            }
            if (m_response.body.size() + size > m_request.maxBodyBytes) {
                fail(HttpsResponse::Failure::TooLarge,
                     tr("the response from %1 is larger than %2").arg(where(), kib(m_request.maxBodyBytes)));
                return false;
            }
            m_chunkLeft = size;
            m_chunkStage = ChunkStage::Data;
            break;
        }
        case ChunkStage::Data: {
            const qint64 take = qMin<qint64>(m_chunkLeft, m_buffer.size());
            m_response.body += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return true;
            m_chunkStage = ChunkStage::DataEnd;
            break;
        }
        case ChunkStage::DataEnd: {
            const qsizetype lf = m_buffer.indexOf('\n');
            if (lf < 0) {
                if (m_buffer.size() > 2) {
                    fail(HttpsResponse::Failure::Protocol, tr("%1 sent a malformed chunked body").arg(where()));
                    return false;
                }
                return true;
            }
            if (!m_buffer.left(lf).trimmed().isEmpty()) {
                fail(HttpsResponse::Failure::Protocol, tr("%1 sent a malformed chunked body").arg(where()));
                return false;
            }
            m_buffer.remove(0, lf + 1);
            m_chunkStage = ChunkStage::Size;
            break;
        }
        }
    }
}

void HttpsGet::Private::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket || m_stage == Stage::Idle || m_stage == Stage::Done)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError && (m_stage == Stage::Headers || m_stage == Stage::Body)) {
        onEndOfStream();
        return;
    }
    const QString reason = m_socket->errorString();
    switch (m_stage) {
    case Stage::Connecting:
        fail(HttpsResponse::Failure::Connect, tr("could not connect to %1: %2").arg(where(), reason));
        return;
    case Stage::Handshake:
        if (!m_sslErrors.isEmpty()) {
            QStringList reasons;
            for (const QSslError &sslError : std::as_const(m_sslErrors)) {
                if (!reasons.contains(sslError.errorString()))
                    reasons.append(sslError.errorString());
            }
            fail(HttpsResponse::Failure::Certificate,
                 tr("the certificate of %1 was not accepted: %2").arg(where(), reasons.join(QStringLiteral("; "))));
        } else {
            fail(HttpsResponse::Failure::Tls, tr("the TLS handshake with %1 failed: %2").arg(where(), reason));
        }
        return;
    default:
        fail(HttpsResponse::Failure::Protocol, tr("the connection to %1 failed: %2").arg(where(), reason));
        return;
    }
}

void HttpsGet::Private::onEndOfStream()
{
    if (!m_socket)
        return;
    if (m_stage == Stage::Headers || m_stage == Stage::Body) {
        // Data that came with the close is still to be read.
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
        if (m_stage == Stage::Headers) {
            fail(HttpsResponse::Failure::Protocol,
                 m_buffer.isEmpty()
                     ? tr("%1 closed the connection without a response").arg(where())
                     : tr("%1 closed the connection in the middle of the response headers").arg(where()));
        } else if (m_stage == Stage::Body) {
            if (m_bodyMode == BodyMode::UntilClose) {
                succeed();
            } else if (m_bodyMode == BodyMode::Length) {
                fail(HttpsResponse::Failure::Protocol,
                     tr("%1 closed the connection after %2 of %3 bytes")
                         .arg(where())
                         .arg(m_response.body.size())
                         .arg(m_contentLength));
            } else {
                fail(HttpsResponse::Failure::Protocol,
                     tr("%1 closed the connection in the middle of a chunked response").arg(where()));
            }
        }
        return;
    }
    if (m_stage == Stage::Connecting || m_stage == Stage::Handshake)
        onError(QAbstractSocket::SslHandshakeFailedError);
}

void HttpsGet::Private::onTimeout()
{
    switch (m_stage) {
    case Stage::Connecting:
        fail(HttpsResponse::Failure::Connect,
             tr("could not connect to %1 within %2 s").arg(where(), ProbeOptions::secondsText(m_request.timeoutMs)));
        return;
    case Stage::Handshake:
    case Stage::Headers:
    case Stage::Body:
        fail(HttpsResponse::Failure::Timeout,
             tr("no complete response from %1 within %2 s").arg(where(), ProbeOptions::secondsText(m_request.timeoutMs)));
        return;
    case Stage::Idle:
    case Stage::Done:
        return;
    }
}

void HttpsGet::Private::fail(HttpsResponse::Failure failure, const QString &error)
{
    m_response.failure = failure;
    m_response.error = error;
    m_response.body.clear();
    finish();
}

void HttpsGet::Private::succeed()
{
    m_response.failure = HttpsResponse::Failure::None;
    m_response.error.clear();
    finish();
}

void HttpsGet::Private::finish()
{
    const HttpsResponse response = m_response;
    reset();
    m_stage = Stage::Done;
    emit q->finished(response);
}

} // namespace mailtls
