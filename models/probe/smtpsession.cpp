#include "models/probe/smtpsession.h"

#include <memory>

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include "models/probe/probelogging.h"
#include "models/probe/smtpreplyreader.h"
#include "models/probe/tlsclient.h"

namespace mailtls {

namespace {

constexpr qint64 readChunkBytes = 16 * 1024;
// Qt stops reading from the kernel when this much waits unread: a peer that
// floods the connection cannot grow the socket's buffer past it.
constexpr qint64 socketBufferBytes = 64 * 1024;
// The reply to QUIT is a courtesy: a server that never sends it must not
// hold the session for a whole read timeout.
constexpr int quitTimeoutMs = 2000;
// How long a closing connection may take to send its last bytes (QUIT's
// reply read, close_notify) before it is dropped.
constexpr int closeGraceMs = 2000;
constexpr qsizetype maxDetailChars = 4096;
constexpr qsizetype maxEventChars = 300;

QString bounded(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QChar(0x2026);
}

// One line for an event: a multi-line reply's lines side by side.
QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1String(" / "));
    return bounded(line, maxEventChars);
}

QString keywordOf(const QString &ehloLine)
{
    return ehloLine.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
}

// Cisco's "ESMTP inspection" and similar middleboxes overwrite STARTTLS in
// the EHLO reply with X's of the same length ("XXXXXXXA"): the server offers
// it, the client never sees it.
bool masksStartTls(const QString &keyword)
{
    if (keyword.size() != 8)
        return false;
    for (qsizetype i = 0; i < 7; ++i) {
        if (keyword.at(i).toUpper() != QLatin1Char('X'))
            return false;
    }
    return keyword.at(7).isLetterOrNumber();
}

} // namespace

class SmtpSession::Private
{
public:
    enum class Phase {
        Idle,
        Connecting,
        Banner,
        Ehlo,
        StartTls,
        Handshake,
        Quit,    // QUIT sent in plaintext, its reply awaited
        TlsQuit, // QUIT sent inside TLS, its reply awaited
    };

    Private(SmtpSession *q, const ProbeOptions &options)
        : q(q)
        , m_options(options)
        , m_timer(new QTimer(q))
    {
        m_timer->setSingleShot(true);
        QObject::connect(m_timer, &QTimer::timeout, q, [this] { timedOut(); });
    }

    void start(const QHostAddress &address, quint16 port, const QString &serverName, TlsProfile profile,
               bool tls);
    void cancel();
    void dropSocket(bool graceful);

    QString profileName() const;
    void emitEvent(ProbeStep step, const QString &message);
    void enter(Phase phase, ProbeStep step, int timeoutMs);
    void sendCommand(const QByteArray &command, Phase phase, ProbeStep step);
    void sendQuit();

    void connected();
    void socketError(QAbstractSocket::SocketError error);
    void readSocket();
    void replyProgress();
    void handleReply();
    void greeting(const SmtpReply &reply);
    void ehlo(const SmtpReply &reply);
    void startTls(const SmtpReply &reply);
    // 4xx and 5xx end the session politely; anything else is not SMTP.
    void refused(const SmtpReply &reply);
    void startHandshake();
    void handshakeBytes(const QByteArray &bytes);
    void handshakeProgress();
    void tlsBytes(const QByteArray &bytes);
    void flushTls();
    void send(const QByteArray &bytes);
    void peerClosed(const QString &reason);
    void timedOut();

    void decide(SessionOutcome outcome, const QString &detail);
    void finish(SessionOutcome outcome, const QString &detail);
    void finishDecided();

    SmtpSession *const q;
    const ProbeOptions m_options;
    QTimer *const m_timer;
    QPointer<QTcpSocket> m_socket;
    QElapsedTimer m_clock;
    Phase m_phase = Phase::Idle;
    ProbeStep m_step = ProbeStep::Connect;
    int m_timeoutMs = 0;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_serverName;
    bool m_tls = true;
    bool m_decided = false; // the outcome is known; only QUIT remains
    bool m_peerGone = false; // the connection broke or the server closed it
    SmtpReplyReader m_reader;
    std::unique_ptr<TlsClient> m_tlsClient;
    SmtpSessionResult m_result;
};

void SmtpSession::Private::start(const QHostAddress &address, quint16 port, const QString &serverName,
                                 TlsProfile profile, bool tls)
{
    if (m_phase != Phase::Idle)
        cancel();
    m_address = address;
    m_port = port;
    m_serverName = serverName;
    m_tls = tls;
    m_decided = false;
    m_peerGone = false;
    m_reader = SmtpReplyReader();
    m_tlsClient.reset();
    m_result = SmtpSessionResult();
    m_result.profile = profile;
    m_clock.start();

    enter(Phase::Connecting, ProbeStep::Connect, m_options.connectTimeoutMs);
    emitEvent(ProbeStep::Connect, SmtpSession::tr("Connecting to %1 port %2 (%3)")
                                      .arg(address.toString())
                                      .arg(port)
                                      .arg(profileName()));
    if (address.isNull()) {
        finish(SessionOutcome::ConnectFailed, SmtpSession::tr("no address to connect to"));
        return;
    }

    auto *socket = new QTcpSocket(q);
    m_socket = socket;
    socket->setReadBufferSize(socketBufferBytes);
    QObject::connect(socket, &QAbstractSocket::connected, q, [this] { connected(); });
    QObject::connect(socket, &QIODevice::readyRead, q, [this] { readSocket(); });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, q,
                     [this](QAbstractSocket::SocketError error) { socketError(error); });
    QObject::connect(socket, &QAbstractSocket::disconnected, q, [this] {
        m_peerGone = true;
        readSocket();
        peerClosed(QString());
    });
    socket->connectToHost(address, port);
}

void SmtpSession::Private::cancel()
{
    if (m_phase == Phase::Idle)
        return;
    finish(SessionOutcome::Cancelled, SmtpSession::tr("cancelled"));
}

QString SmtpSession::Private::profileName() const
{
    if (!m_tls)
        return SmtpSession::tr("plaintext only");
    switch (m_result.profile) {
    case TlsProfile::Default:
        return SmtpSession::tr("default TLS client");
    case TlsProfile::DheOnly:
        return SmtpSession::tr("DHE only, TLS 1.2");
    case TlsProfile::OnlyTls10:
        return SmtpSession::tr("TLS 1.0 only");
    case TlsProfile::OnlyTls11:
        return SmtpSession::tr("TLS 1.1 only");
    case TlsProfile::OnlyTls12:
        return SmtpSession::tr("TLS 1.2 only");
    case TlsProfile::OnlyTls13:
        return SmtpSession::tr("TLS 1.3 only");
    }
    return QString();
}

void SmtpSession::Private::emitEvent(ProbeStep step, const QString &message)
{
    ProbeEvent event;
    event.step = step;
    event.mxName = m_serverName;
    event.address = m_address;
    event.profile = m_result.profile;
    event.message = oneLine(message);
    qCDebug(lcProbe).noquote() << m_address.toString() << m_port << event.message;
    emit q->event(event);
}

void SmtpSession::Private::enter(Phase phase, ProbeStep step, int timeoutMs)
{
    m_phase = phase;
    m_step = step;
    m_timeoutMs = timeoutMs;
    // One timer per step, never restarted by arriving bytes: a server that
    // dribbles a byte a second still runs out of time.
    m_timer->start(qMax(0, timeoutMs));
}

void SmtpSession::Private::sendCommand(const QByteArray &command, Phase phase, ProbeStep step)
{
    send(command);
    enter(phase, step, m_options.readTimeoutMs);
    m_reader.next();
    replyProgress();
}

void SmtpSession::Private::sendQuit()
{
    if (!m_decided) {
        m_step = ProbeStep::Quit;
        decide(SessionOutcome::Completed, QString());
    }
    emitEvent(ProbeStep::Quit, SmtpSession::tr("Sending QUIT"));
    if (m_tlsClient && m_tlsClient->state() == TlsClient::State::Established) {
        // The reply comes inside TLS: a new reader, nothing from before the
        // handshake carries over.
        m_reader = SmtpReplyReader();
        m_tlsClient->write(QByteArrayLiteral("QUIT\r\n"));
        flushTls();
        enter(Phase::TlsQuit, ProbeStep::Quit, qMin(m_options.readTimeoutMs, quitTimeoutMs));
        // The server's last handshake flight may have carried the reply already.
        tlsBytes(QByteArray());
        return;
    }
    send(QByteArrayLiteral("QUIT\r\n"));
    enter(Phase::Quit, ProbeStep::Quit, qMin(m_options.readTimeoutMs, quitTimeoutMs));
    m_reader.next();
    replyProgress();
}

void SmtpSession::Private::connected()
{
    if (m_phase != Phase::Connecting)
        return;
    enter(Phase::Banner, ProbeStep::Banner, m_options.readTimeoutMs);
    emitEvent(ProbeStep::Banner, SmtpSession::tr("Connected, waiting for the greeting"));
}

void SmtpSession::Private::socketError(QAbstractSocket::SocketError error)
{
    if (m_phase == Phase::Idle || !m_socket)
        return;
    if (m_phase == Phase::Connecting) {
        finish(SessionOutcome::ConnectFailed, m_socket->errorString());
        return;
    }
    // Qt reports the error while the socket still says Connected; writing
    // to it now would reach a closed descriptor.
    m_peerGone = true;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        readSocket();
        peerClosed(QString());
        return;
    }
    const QString reason = m_socket->errorString();
    readSocket();
    peerClosed(reason);
}

void SmtpSession::Private::readSocket()
{
    while (m_socket && m_socket->bytesAvailable() > 0) {
        switch (m_phase) {
        case Phase::Banner:
        case Phase::Ehlo:
        case Phase::StartTls:
        case Phase::Quit:
            m_reader.append(m_socket->read(readChunkBytes));
            replyProgress();
            break;
        case Phase::Handshake:
            handshakeBytes(m_socket->read(readChunkBytes));
            break;
        case Phase::TlsQuit:
            tlsBytes(m_socket->read(readChunkBytes));
            break;
        case Phase::Idle:
        case Phase::Connecting:
            return;
        }
    }
}

void SmtpSession::Private::replyProgress()
{
    switch (m_reader.status()) {
    case SmtpReplyReader::Status::Incomplete:
        return;
    case SmtpReplyReader::Status::Malformed:
        if (m_phase == Phase::Quit || m_phase == Phase::TlsQuit)
            finishDecided();
        else
            finish(SessionOutcome::ProtocolError, m_reader.error());
        return;
    case SmtpReplyReader::Status::Complete:
        handleReply();
        return;
    }
}

void SmtpSession::Private::handleReply()
{
    const SmtpReply reply = m_reader.reply();
    switch (m_phase) {
    case Phase::Banner:
        greeting(reply);
        return;
    case Phase::Ehlo:
        ehlo(reply);
        return;
    case Phase::StartTls:
        startTls(reply);
        return;
    case Phase::Quit:
    case Phase::TlsQuit:
        finishDecided();
        return;
    case Phase::Idle:
    case Phase::Connecting:
    case Phase::Handshake:
        return;
    }
}

void SmtpSession::Private::greeting(const SmtpReply &reply)
{
    m_result.banner = reply.texts();
    if (reply.code != 220) {
        refused(reply);
        return;
    }
    emitEvent(ProbeStep::Ehlo, SmtpSession::tr("Greeted: %1; sending EHLO %2")
                                   .arg(reply.texts().value(0), m_options.heloName));
    QByteArray name = m_options.heloName.toUtf8();
    // A name with a line end in it would be a second command.
    name.replace('\r', "").replace('\n', "");
    sendCommand("EHLO " + name + "\r\n", Phase::Ehlo, ProbeStep::Ehlo);
}

void SmtpSession::Private::ehlo(const SmtpReply &reply)
{
    m_result.ehlo = reply.texts();
    if (reply.code != 250) {
        refused(reply);
        return;
    }
    QString mask;
    // The first line names the server; keywords follow (RFC 5321 4.1.1.1).
    for (qsizetype i = 1; i < m_result.ehlo.size(); ++i) {
        const QString keyword = keywordOf(m_result.ehlo.at(i));
        if (keyword.compare(QLatin1String("STARTTLS"), Qt::CaseInsensitive) == 0)
            m_result.startTlsAdvertised = true;
        else if (mask.isEmpty() && masksStartTls(keyword))
            mask = keyword;
    }
    m_result.ehloLooksStripped = !m_result.startTlsAdvertised && !mask.isEmpty();

    if (!m_result.startTlsAdvertised) {
        emitEvent(ProbeStep::Ehlo,
                  m_result.ehloLooksStripped
                      ? SmtpSession::tr("STARTTLS is not advertised; %1 stands where it would be: something "
                                        "on the path removes it")
                            .arg(mask)
                      : SmtpSession::tr("STARTTLS is not advertised"));
        sendQuit();
        return;
    }
    if (!m_tls) {
        emitEvent(ProbeStep::Ehlo, SmtpSession::tr("STARTTLS is advertised (not used in this session)"));
        sendQuit();
        return;
    }
    emitEvent(ProbeStep::StartTls, SmtpSession::tr("STARTTLS is advertised; sending STARTTLS"));
    sendCommand(QByteArrayLiteral("STARTTLS\r\n"), Phase::StartTls, ProbeStep::StartTls);
}

void SmtpSession::Private::startTls(const SmtpReply &reply)
{
    m_result.startTlsReply = reply.text();
    if (reply.code != 220) {
        refused(reply);
        return;
    }
    // Whatever followed the 220 came before our ClientHello, so no TLS server
    // sent it: it would be plaintext injected into the TLS session.
    qsizetype injected = m_reader.discardUnread();
    while (m_socket->bytesAvailable() > 0)
        injected += m_socket->read(readChunkBytes).size();
    if (injected > 0)
        qCDebug(lcProbe) << m_address.toString() << "dropped" << injected << "bytes sent after STARTTLS's 220";
    startHandshake();
}

void SmtpSession::Private::refused(const SmtpReply &reply)
{
    const int kind = reply.code / 100;
    if (kind == 4 || kind == 5) {
        decide(kind == 4 ? SessionOutcome::RateLimited : SessionOutcome::Rejected, reply.text());
        emitEvent(m_step, kind == 4 ? SmtpSession::tr("The server says try later: %1").arg(reply.text())
                                    : SmtpSession::tr("The server refuses: %1").arg(reply.text()));
        sendQuit();
        return;
    }
    finish(SessionOutcome::ProtocolError, SmtpSession::tr("unexpected reply: %1").arg(reply.text()));
}

void SmtpSession::Private::startHandshake()
{
    m_result.tlsAttempted = true;
    enter(Phase::Handshake, ProbeStep::Handshake, m_options.readTimeoutMs);
    emitEvent(ProbeStep::Handshake, SmtpSession::tr("TLS handshake (%1)").arg(profileName()));
    m_tlsClient = std::make_unique<TlsClient>(m_result.profile, m_serverName, m_options.extraCaCertificates);
    m_tlsClient->start();
    handshakeProgress();
}

void SmtpSession::Private::handshakeBytes(const QByteArray &bytes)
{
    m_tlsClient->receive(bytes);
    handshakeProgress();
}

void SmtpSession::Private::handshakeProgress()
{
    flushTls();
    const TlsHandshakeResult &tls = m_tlsClient->result();
    switch (m_tlsClient->state()) {
    case TlsClient::State::Idle:
    case TlsClient::State::Handshaking:
        return;
    case TlsClient::State::Failed:
        m_result.tls = tls;
        // Every step was taken; the handshake's failure is the finding.
        emitEvent(ProbeStep::Handshake, SmtpSession::tr("TLS handshake failed: %1").arg(tls.error));
        finish(SessionOutcome::Completed, tls.error);
        return;
    case TlsClient::State::Established:
    case TlsClient::State::Closed: {
        m_result.tls = tls;
        QString exchange = tls.group.isEmpty() ? tls.keyExchange : tls.keyExchange + QLatin1Char(' ') + tls.group;
        if (tls.keyExchangeBits > 0)
            exchange = SmtpSession::tr("%1 (%2 bits)").arg(exchange).arg(tls.keyExchangeBits);
        emitEvent(ProbeStep::Handshake,
                  SmtpSession::tr("TLS established: %1, %2, %3").arg(tls.protocol, tls.cipher, exchange));
        if (m_tlsClient->state() == TlsClient::State::Closed) {
            m_step = ProbeStep::Quit;
            finish(SessionOutcome::Completed, QString());
            return;
        }
        sendQuit();
        return;
    }
    }
}

void SmtpSession::Private::tlsBytes(const QByteArray &bytes)
{
    m_tlsClient->receive(bytes);
    flushTls();
    m_reader.append(m_tlsClient->takeReceived());
    if (m_reader.status() != SmtpReplyReader::Status::Incomplete) {
        replyProgress();
        return;
    }
    if (m_tlsClient->state() != TlsClient::State::Established)
        finishDecided();
}

void SmtpSession::Private::flushTls()
{
    send(m_tlsClient->takeOutgoing());
}

void SmtpSession::Private::send(const QByteArray &bytes)
{
    // After the peer has closed, what is left to say (QUIT, an alert) has
    // nobody to hear it.
    if (!bytes.isEmpty() && m_socket && !m_peerGone && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(bytes);
}

void SmtpSession::Private::peerClosed(const QString &reason)
{
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::Connecting:
        finish(SessionOutcome::ConnectFailed,
               reason.isEmpty() ? SmtpSession::tr("the connection closed while connecting") : reason);
        return;
    case Phase::Banner:
        if (m_reader.receivedBytes() == 0) {
            // Accepting and closing at once is how a server turns a client
            // away without SMTP (a full listener, a blocklist): unreachable
            // for this client.
            finish(SessionOutcome::ConnectFailed,
                   reason.isEmpty() ? SmtpSession::tr("the server closed the connection without a greeting")
                                    : reason);
            return;
        }
        Q_FALLTHROUGH();
    case Phase::Ehlo:
    case Phase::StartTls: {
        QString detail = reason.isEmpty()
            ? SmtpSession::tr("the server closed the connection before its reply was complete")
            : reason;
        if (m_reader.receivedBytes() > 0)
            detail = SmtpSession::tr("%1 (received: %2)")
                         .arg(detail, SmtpReplyReader::printable(m_reader.receivedSoFar(), 200));
        finish(SessionOutcome::ProtocolError, detail);
        return;
    }
    case Phase::Handshake:
        m_tlsClient->receiveEnd();
        handshakeProgress();
        return;
    case Phase::Quit:
    case Phase::TlsQuit:
        finishDecided();
        return;
    }
}

void SmtpSession::Private::timedOut()
{
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::Connecting:
        finish(SessionOutcome::TimedOut, SmtpSession::tr("no connection within %1 ms").arg(m_timeoutMs));
        return;
    case Phase::Banner:
    case Phase::Ehlo:
    case Phase::StartTls:
        if (m_reader.receivedBytes() == 0) {
            finish(SessionOutcome::TimedOut, SmtpSession::tr("no reply within %1 ms").arg(m_timeoutMs));
        } else {
            finish(SessionOutcome::TimedOut,
                   SmtpSession::tr("no complete reply within %1 ms (received: %2)")
                       .arg(m_timeoutMs)
                       .arg(SmtpReplyReader::printable(m_reader.receivedSoFar(), 200)));
        }
        return;
    case Phase::Handshake: {
        const QString detail = SmtpSession::tr("the TLS handshake did not finish within %1 ms").arg(m_timeoutMs);
        m_result.tls = m_tlsClient->result();
        m_result.tls.error = detail;
        finish(SessionOutcome::TimedOut, detail);
        return;
    }
    case Phase::Quit:
    case Phase::TlsQuit:
        finishDecided();
        return;
    }
}

void SmtpSession::Private::decide(SessionOutcome outcome, const QString &detail)
{
    m_decided = true;
    m_result.outcome = outcome;
    m_result.stoppedAt = m_step;
    m_result.detail = bounded(detail, maxDetailChars);
}

void SmtpSession::Private::finish(SessionOutcome outcome, const QString &detail)
{
    decide(outcome, detail);
    finishDecided();
}

void SmtpSession::Private::finishDecided()
{
    if (m_phase == Phase::Idle)
        return;
    const bool quitSent = m_phase == Phase::Quit || m_phase == Phase::TlsQuit;
    if (m_phase == Phase::TlsQuit && m_tlsClient) {
        m_tlsClient->close();
        flushTls();
    }
    m_phase = Phase::Idle;
    m_timer->stop();
    // A failed handshake may have an alert to deliver: the server logs why.
    const bool tlsFailed = m_tlsClient && m_tlsClient->state() == TlsClient::State::Failed;
    dropSocket(quitSent || tlsFailed);
    m_tlsClient.reset();
    m_result.elapsedMs = m_clock.elapsed();

    switch (m_result.outcome) {
    case SessionOutcome::Completed:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Session done in %1 ms").arg(m_result.elapsedMs));
        break;
    case SessionOutcome::ConnectFailed:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Connection failed: %1").arg(m_result.detail));
        break;
    case SessionOutcome::TimedOut:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Timed out: %1").arg(m_result.detail));
        break;
    case SessionOutcome::RateLimited:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Rate-limited, try later: %1").arg(m_result.detail));
        break;
    case SessionOutcome::Rejected:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Rejected: %1").arg(m_result.detail));
        break;
    case SessionOutcome::ProtocolError:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Not SMTP: %1").arg(m_result.detail));
        break;
    case SessionOutcome::Cancelled:
        emitEvent(m_result.stoppedAt, SmtpSession::tr("Cancelled"));
        break;
    }

    // Queued: never from inside start() or cancel(), and a receiver that
    // deletes this session does so outside its socket's signal.
    const SmtpSessionResult result = m_result;
    QTimer::singleShot(0, q, [q = q, result] { emit q->finished(result); });
}

void SmtpSession::Private::dropSocket(bool graceful)
{
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    if (!socket)
        return;
    socket->disconnect(q);
    if (graceful && !m_peerGone && socket->state() == QAbstractSocket::ConnectedState) {
        QObject::connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(closeGraceMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        socket->disconnectFromHost();
        return;
    }
    socket->abort();
    socket->deleteLater();
}

SmtpSession::SmtpSession(const ProbeOptions &options, QObject *parent)
    : QObject(parent)
    , d(new Private(this, options))
{
}

SmtpSession::~SmtpSession()
{
    if (d->m_socket) {
        d->m_socket->disconnect(this);
        d->m_socket->abort();
    }
    delete d;
}

void SmtpSession::start(const QHostAddress &address, quint16 port, const QString &serverName, TlsProfile profile,
                        bool tls)
{
    d->start(address, port, serverName, profile, tls);
}

void SmtpSession::cancel()
{
    d->cancel();
}

} // namespace mailtls
