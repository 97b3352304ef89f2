#include "models/campaign/submissionclient.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>

#include "models/campaign/mailmessage.h"

namespace mailtls {

namespace {

// What the QUIT after a sent letter may take: the letter is the server's
// already.
constexpr int quitTimeoutMs = 5000;

QString stageText(SubmissionClient::Stage stage)
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
    case SubmissionClient::Stage::Quit:
        return SubmissionClient::tr("QUIT");
    }
    return QString();
}

QString hexFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':')).toUpper();
}

// The message as DATA sends it (RFC 5321 4.5.2): CRLF line ends, a '.' at
// a line's start doubled, the final "." line.
QByteArray dataBytes(const QByteArray &message)
{
    QByteArray text = message;
    text.replace("\r\n", "\n");
    text.replace('\r', '\n');
    if (!text.endsWith('\n'))
        text += '\n';
    QByteArray out;
    out.reserve(text.size() + text.size() / 32 + 8);
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        if (text.at(start) == '.')
            out += '.';
        out += QByteArrayView(text.constData() + start, end - start);
        out += "\r\n";
        start = end + 1;
    }
    out += ".\r\n";
    return out;
}

} // namespace

SubmissionClient::SubmissionClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<mailtls::SubmissionClient::Result>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SubmissionClient::onTimeout);
}

SubmissionClient::~SubmissionClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QString SubmissionClient::passwordKey(const QString &user, const QString &host, quint16 port)
{
    return QStringLiteral("submission-password:%1@%2:%3").arg(user, host).arg(port);
}

QByteArray SubmissionClient::parseFingerprint(const QString &text)
{
    QString hex = text.trimmed();
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

QString SubmissionClient::where() const
{
    const QHostAddress literal(m_server.host);
    if (!literal.isNull() && literal.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(m_server.host).arg(m_server.port);
    return QStringLiteral("%1:%2").arg(m_server.host).arg(m_server.port);
}

void SubmissionClient::send(const Server &server, const Credentials &credentials, const Message &message)
{
    if (m_busy)
        return;
    m_busy = true;
    m_server = server;
    m_credentials = credentials;
    m_message = message;
    m_reader = SmtpReplyReader();
    m_stage = Stage::Connect;
    m_tls = false;
    m_extensions.clear();
    m_nextRecipient = 0;
    m_authStep = AuthStep::None;
    m_lastSslErrors.clear();
    m_quitting = false;
    m_endResult = Result();

    QString invalid;
    if (server.host.trimmed().isEmpty() || server.port == 0)
        invalid = tr("no submission server given");
    else if (!MailMessage::isValidAddress(message.from))
        invalid = tr("the sender \"%1\" is not a plain address").arg(message.from);
    else if (message.to.isEmpty())
        invalid = tr("the letter has no recipient");
    else if (message.bytes.isEmpty())
        invalid = tr("the letter is empty");
    else if (!server.pinnedSha256.isEmpty() && server.pinnedSha256.size() != 32)
        invalid = tr("the certificate fingerprint to trust is not a SHA-256 fingerprint");
    for (const QString &to : message.to) {
        if (invalid.isEmpty() && !MailMessage::isValidAddress(to))
            invalid = tr("the recipient \"%1\" is not a plain address").arg(to);
    }
    if (!invalid.isEmpty()) {
        Result result;
        result.outcome = Outcome::Invalid;
        result.error = invalid;
        QMetaObject::invokeMethod(this, [this, result] { finish(result); }, Qt::QueuedConnection);
        return;
    }

    m_socket = new QSslSocket(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!server.caCertificates.isEmpty())
        configuration.addCaCertificates(server.caCertificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(configuration);
    const QString verifyName = server.verifyName.isEmpty() ? server.host : server.verifyName;
    m_socket->setPeerVerifyName(verifyName);

    connect(m_socket, &QSslSocket::connected, this, &SubmissionClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SubmissionClient::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &SubmissionClient::onSslErrors);
    connect(m_socket, &QSslSocket::readyRead, this, &SubmissionClient::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SubmissionClient::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SubmissionClient::onSocketError);

    enter(Stage::Connect);
    if (server.security == Security::ImplicitTls)
        m_socket->connectToHostEncrypted(server.host, server.port, verifyName);
    else
        m_socket->connectToHost(server.host, server.port);
}

void SubmissionClient::cancel()
{
    if (!m_busy)
        return;
    Result result;
    result.outcome = Outcome::Cancelled;
    result.stage = m_stage;
    result.error = tr("cancelled during %1").arg(stageText(m_stage));
    result.maybeSent = m_stage == Stage::Message;
    if (m_quitting) {
        // Decided already: the server has the letter, or refused something.
        finish(m_endResult, false);
        return;
    }
    finish(result, false);
}

void SubmissionClient::enter(Stage stage)
{
    m_stage = stage;
    m_timer.start(m_quitting ? std::min(quitTimeoutMs, m_server.timeoutMs) : m_server.timeoutMs);
    emit stageChanged(stage);
}

void SubmissionClient::command(const QByteArray &line, Stage stage)
{
    const SmtpReplyReader::Status status = m_reader.next();
    enter(stage);
    m_socket->write(line + "\r\n");
    // A reply the server sent before our command is read as its answer,
    // as a client that does not pipeline must.
    if (status != SmtpReplyReader::Status::Incomplete)
        QMetaObject::invokeMethod(this, &SubmissionClient::onReadyRead, Qt::QueuedConnection);
}

void SubmissionClient::onConnected()
{
    if (m_server.security == Security::ImplicitTls)
        enter(Stage::Handshake);
    else
        enter(Stage::Greeting);
}

void SubmissionClient::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_socket)
        return;
    if (!m_server.pinnedSha256.isEmpty()) {
        const QSslCertificate leaf = m_socket->peerCertificate();
        if (!leaf.isNull() && leaf.digest(QCryptographicHash::Sha256) == m_server.pinnedSha256) {
            m_socket->ignoreSslErrors();
            return;
        }
    }
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    m_lastSslErrors = texts.join(QStringLiteral("; "));
}

void SubmissionClient::onEncrypted()
{
    if (!m_socket)
        return;
    if (!m_server.pinnedSha256.isEmpty()) {
        const QByteArray digest = m_socket->peerCertificate().digest(QCryptographicHash::Sha256);
        if (digest != m_server.pinnedSha256) {
            fail(Outcome::TlsFailed, tr("the certificate of %1 is not the one to trust: its SHA-256 fingerprint is %2, "
                                        "not %3")
                                         .arg(where(), hexFingerprint(digest), hexFingerprint(m_server.pinnedSha256)));
            return;
        }
    }
    m_tls = true;
    if (m_server.security == Security::ImplicitTls) {
        enter(Stage::Greeting);
        // The greeting may have come with the handshake's last bytes.
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &SubmissionClient::onReadyRead, Qt::QueuedConnection);
        return;
    }
    command(ehloCommand(), Stage::Ehlo);
}

QByteArray SubmissionClient::ehloCommand() const
{
    // Our own address as the EHLO name (RFC 5321 4.1.3): nothing to look up.
    QHostAddress local = m_socket ? m_socket->localAddress() : QHostAddress();
    if (local.isNull())
        return "EHLO [127.0.0.1]";
    bool isV4 = false;
    const quint32 v4 = local.toIPv4Address(&isV4);
    if (isV4)
        return "EHLO [" + QHostAddress(v4).toString().toLatin1() + "]";
    return "EHLO [IPv6:" + local.toString().toLatin1() + "]";
}

void SubmissionClient::onReadyRead()
{
    if (!m_socket || !m_busy)
        return;
    if (m_stage == Stage::Handshake || m_stage == Stage::Connect)
        return;
    m_reader.append(m_socket->readAll());
    switch (m_reader.status()) {
    case SmtpReplyReader::Status::Incomplete:
        return;
    case SmtpReplyReader::Status::Malformed:
        if (m_quitting) {
            finish(m_endResult);
            return;
        }
        fail(Outcome::ProtocolError, tr("%1 does not answer as an SMTP server during %2: %3")
                                         .arg(where(), stageText(m_stage), m_reader.error()));
        return;
    case SmtpReplyReader::Status::Complete:
        handle(m_reader.reply());
        return;
    }
}

void SubmissionClient::handle(const SmtpReply &reply)
{
    const QString text = reply.text();
    const bool positive = reply.code >= 200 && reply.code < 300;
    switch (m_stage) {
    case Stage::Connect:
    case Stage::Handshake:
        return;
    case Stage::Greeting:
        if (reply.code != 220) {
            fail(Outcome::Rejected, tr("%1 refused the connection: %2").arg(where(), text), text);
            return;
        }
        command(ehloCommand(), Stage::Ehlo);
        return;
    case Stage::Ehlo:
        if (!positive) {
            fail(Outcome::Rejected, tr("%1 refused EHLO: %2").arg(where(), text), text);
            return;
        }
        afterEhlo(reply);
        return;
    case Stage::StartTls: {
        if (reply.code != 220) {
            fail(Outcome::TlsFailed, tr("%1 refused STARTTLS: %2").arg(where(), text), text);
            return;
        }
        // Whatever followed the 220 came before our ClientHello, so no TLS
        // server sent it: plaintext someone may have injected (RFC 7457 2.2).
        m_reader.discardUnread();
        m_socket->readAll();
        m_reader.next();
        enter(Stage::Handshake);
        m_socket->startClientEncryption();
        return;
    }
    case Stage::Auth:
        if (m_authStep == AuthStep::LoginUser && reply.code == 334) {
            m_authStep = AuthStep::LoginPassword;
            command(m_credentials.user.toUtf8().toBase64(), Stage::Auth);
            return;
        }
        if (m_authStep == AuthStep::LoginPassword && reply.code == 334) {
            m_authStep = AuthStep::None;
            command(m_credentials.password.toUtf8().toBase64(), Stage::Auth);
            return;
        }
        if (reply.code != 235) {
            fail(Outcome::AuthFailed, tr("%1 refused the login of %2: %3").arg(where(), m_credentials.user, text),
                 text);
            return;
        }
        sendMailFrom();
        return;
    case Stage::MailFrom:
        if (!positive) {
            fail(Outcome::Rejected, tr("%1 refused the sender %2: %3").arg(where(), m_message.from, text), text);
            return;
        }
        command("RCPT TO:<" + m_message.to.at(m_nextRecipient++).toLatin1() + ">", Stage::RcptTo);
        return;
    case Stage::RcptTo:
        if (!positive) {
            fail(Outcome::Rejected,
                 tr("%1 refused the recipient %2: %3").arg(where(), m_message.to.at(m_nextRecipient - 1), text),
                 text);
            return;
        }
        if (m_nextRecipient < m_message.to.size())
            command("RCPT TO:<" + m_message.to.at(m_nextRecipient++).toLatin1() + ">", Stage::RcptTo);
        else
            command("DATA", Stage::Data);
        return;
    case Stage::Data:
        if (reply.code != 354) {
            fail(Outcome::Rejected, tr("%1 refused DATA: %2").arg(where(), text), text);
            return;
        }
        sendMessage();
        return;
    case Stage::Message:
        if (!positive) {
            fail(Outcome::Rejected, tr("%1 refused the letter: %2").arg(where(), text), text);
            return;
        }
        m_endResult.outcome = Outcome::Sent;
        m_endResult.stage = Stage::Message;
        m_endResult.serverReply = text;
        m_quitting = true;
        command("QUIT", Stage::Quit);
        return;
    case Stage::Quit:
        finish(m_endResult);
        return;
    }
}

void SubmissionClient::afterEhlo(const SmtpReply &reply)
{
    m_extensions.clear();
    const QStringList lines = reply.texts();
    for (qsizetype i = 1; i < lines.size(); ++i)
        m_extensions.append(lines.at(i).trimmed());
    const auto offers = [this](const QString &keyword) {
        for (const QString &line : std::as_const(m_extensions)) {
            if (line.section(QLatin1Char(' '), 0, 0).compare(keyword, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };

    if (!m_tls) {
        if (!offers(QStringLiteral("STARTTLS"))) {
            fail(Outcome::NoStartTls,
                 tr("%1 does not offer STARTTLS, so the connection cannot be encrypted: nothing was sent (no "
                    "password, no letter). Use the server's port 465 if it takes TLS there, or switch STARTTLS on "
                    "in the server.")
                     .arg(where()),
                 reply.text());
            return;
        }
        command("STARTTLS", Stage::StartTls);
        return;
    }
    if (!m_credentials.user.isEmpty()) {
        startAuth();
        return;
    }
    sendMailFrom();
}

void SubmissionClient::startAuth()
{
    // Never outside TLS: the only ways here pass through encrypted().
    if (!m_socket->isEncrypted()) {
        fail(Outcome::AuthFailed, tr("the connection to %1 is not encrypted: the password is not sent").arg(where()));
        return;
    }
    QStringList mechanisms;
    for (const QString &line : std::as_const(m_extensions)) {
        const QString keyword = line.section(QLatin1Char(' '), 0, 0).toUpper();
        if (keyword == QLatin1String("AUTH"))
            mechanisms += line.section(QLatin1Char(' '), 1).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        else if (keyword.startsWith(QLatin1String("AUTH=")))
            mechanisms += line.mid(5).toUpper().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (mechanisms.contains(QStringLiteral("PLAIN"))) {
        const QByteArray token = '\0' + m_credentials.user.toUtf8() + '\0' + m_credentials.password.toUtf8();
        m_authStep = AuthStep::Plain;
        command("AUTH PLAIN " + token.toBase64(), Stage::Auth);
        return;
    }
    if (mechanisms.contains(QStringLiteral("LOGIN"))) {
        m_authStep = AuthStep::LoginUser;
        command("AUTH LOGIN", Stage::Auth);
        return;
    }
    fail(Outcome::AuthFailed,
         mechanisms.isEmpty()
             ? tr("%1 offers no login (AUTH) after STARTTLS; send without a user name if it takes mail from you "
                  "without one")
                   .arg(where())
             : tr("%1 offers no login MailTLS can use (PLAIN or LOGIN); it offers %2")
                   .arg(where(), mechanisms.join(QLatin1Char(' '))));
}

void SubmissionClient::sendMailFrom()
{
    command("MAIL FROM:<" + m_message.from.toLatin1() + ">", Stage::MailFrom);
}

void SubmissionClient::sendMessage()
{
    m_reader.next();
    enter(Stage::Message);
    m_socket->write(dataBytes(m_message.bytes));
}

void SubmissionClient::onDisconnected()
{
    if (!m_busy)
        return;
    if (m_quitting) {
        finish(m_endResult);
        return;
    }
    if (m_stage == Stage::Handshake) {
        fail(Outcome::TlsFailed, tr("the TLS handshake with %1 failed: %2")
                                     .arg(where(), m_lastSslErrors.isEmpty() ? tr("the server closed the connection")
                                                                             : m_lastSslErrors));
        return;
    }
    fail(Outcome::ProtocolError, tr("%1 closed the connection during %2").arg(where(), stageText(m_stage)));
}

void SubmissionClient::onSocketError()
{
    if (!m_busy || !m_socket)
        return;
    if (m_quitting) {
        finish(m_endResult);
        return;
    }
    const QAbstractSocket::SocketError error = m_socket->error();
    if (m_stage == Stage::Connect && error != QAbstractSocket::SslHandshakeFailedError) {
        fail(Outcome::ConnectFailed, tr("cannot connect to %1: %2").arg(where(), m_socket->errorString()));
        return;
    }
    if (m_stage == Stage::Handshake || error == QAbstractSocket::SslHandshakeFailedError) {
        fail(Outcome::TlsFailed,
             tr("the TLS handshake with %1 failed: %2")
                 .arg(where(), m_lastSslErrors.isEmpty() ? m_socket->errorString() : m_lastSslErrors));
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    fail(Outcome::ProtocolError,
         tr("the connection to %1 failed during %2: %3").arg(where(), stageText(m_stage), m_socket->errorString()));
}

void SubmissionClient::onTimeout()
{
    if (!m_busy)
        return;
    if (m_quitting) {
        finish(m_endResult);
        return;
    }
    const QString seconds = QString::number(m_server.timeoutMs / 1000.0, 'g', 3);
    fail(Outcome::TimedOut, m_stage == Stage::Message
                                ? tr("%1 did not confirm the letter within %2 s: it may have been sent")
                                      .arg(where(), seconds)
                                : tr("%1 did not answer within %2 s during %3").arg(where(), seconds,
                                                                                     stageText(m_stage)));
}

void SubmissionClient::fail(Outcome outcome, const QString &error, const QString &reply)
{
    Result result;
    result.outcome = outcome;
    result.stage = m_stage;
    result.error = error;
    result.serverReply = reply;
    result.maybeSent = m_stage == Stage::Message && (outcome == Outcome::TimedOut || outcome == Outcome::ProtocolError);
    // Where the server waits for a command, a polite end: QUIT, and the
    // result once the server has answered it (or closed, or kept silent).
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !reply.isEmpty()
        && m_stage != Stage::Handshake) {
        m_endResult = result;
        m_quitting = true;
        command("QUIT", Stage::Quit);
        return;
    }
    finish(result, false);
}

void SubmissionClient::finish(Result result, bool polite)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_timer.stop();
    if (m_socket) {
        QSslSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        if (polite && socket->state() == QAbstractSocket::ConnectedState) {
            // Goes when what was written (a QUIT) has gone out, or when the
            // server does not take it in time.
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(quitTimeoutMs, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            socket->disconnectFromHost();
        } else {
            socket->abort();
            socket->deleteLater();
        }
    }
    emit finished(result);
}

} // namespace mailtls
