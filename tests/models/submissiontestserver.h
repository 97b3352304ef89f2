#pragma once

// A scripted submission server on 127.0.0.1 (an ephemeral port) for
// SubmissionClient's tests: STARTTLS or TLS from the first byte with the
// test PKI's server certificate, AUTH PLAIN/LOGIN with one account, and the
// ways of going wrong a script names. It records what the client said, in
// plaintext and inside TLS.

#include <openssl/pem.h>

#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

#include "tests/models/tlstestserver.h"

namespace submissiontest {

struct Script
{
    bool implicitTls = false;
    bool offerStartTls = true;
    // Offered after STARTTLS (and, to tempt a careless client, before it).
    QByteArray authMechanisms = "PLAIN LOGIN";
    QByteArray user = "anna";
    QByteArray password = "s3cret pass";
    // Bytes sent right after STARTTLS's 220, before the handshake.
    QByteArray injectAfterStartTls;
    bool rejectRecipient = false;
    // Say nothing more once the client sends this command (or ".", the
    // end of the message).
    QByteArray silentAfter;
    QByteArray queuedReply = "250 2.0.0 Ok: queued as 4F2B1C";
};

inline QSslKey serverKey()
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, tlstest::TestPki::instance().serverKey.get(), nullptr, nullptr, 0, nullptr,
                             nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, int(size));
    BIO_free(bio);
    return QSslKey(pem, QSsl::Rsa, QSsl::Pem);
}

inline QSslCertificate serverCertificate()
{
    return QSslCertificate(tlstest::TestPki::instance().serverDer(), QSsl::Der);
}

class Server final : public QTcpServer
{
public:
    explicit Server(const Script &script)
        : m_script(script)
    {
        listen(QHostAddress(QHostAddress::LocalHost), 0);
    }

    quint16 port() const { return serverPort(); }
    QByteArray plaintext() const { return m_plaintext; }
    QByteArray inTls() const { return m_inTls; }
    // The message as DATA carried it, dot-stuffing and all, without the
    // final ".\r\n".
    QByteArray data() const { return m_data; }
    QByteArray authUser() const { return m_authUser; }
    QByteArray authPassword() const { return m_authPassword; }
    QByteArray authMechanism() const { return m_authMechanism; }
    int connections() const { return m_connections; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++m_connections;
        // One connection at a time: each starts afresh.
        m_tls = false;
        m_inData = false;
        m_silent = false;
        m_authStep = 0;
        m_buffer.clear();
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(serverCertificate());
        socket->setPrivateKey(serverKey());
        m_socket = socket;
        connect(socket, &QSslSocket::readyRead, this, [this] { read(); });
        connect(socket, &QSslSocket::encrypted, this, [this] {
            m_tls = true;
            if (m_script.implicitTls)
                reply("220 submission.example.test ESMTP");
        });
        if (m_script.implicitTls)
            socket->startServerEncryption();
        else
            reply("220 submission.example.test ESMTP");
    }

private:
    void reply(const QByteArray &line)
    {
        if (m_socket)
            m_socket->write(line + "\r\n");
    }

    void read()
    {
        const QByteArray bytes = m_socket->readAll();
        (m_tls ? m_inTls : m_plaintext) += bytes;
        m_buffer += bytes;
        qsizetype end = 0;
        while (m_socket && (end = m_buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            if (m_inData) {
                if (line == ".") {
                    m_inData = false;
                    if (m_script.silentAfter == ".") {
                        m_silent = true;
                        continue;
                    }
                    reply(m_script.queuedReply);
                } else {
                    m_data += line + "\r\n";
                }
                continue;
            }
            command(line);
        }
    }

    static QByteArray word(const QByteArray &line, int index)
    {
        const QList<QByteArray> words = line.split(' ');
        return index < words.size() ? words.at(index) : QByteArray();
    }

    void command(const QByteArray &line)
    {
        if (m_silent)
            return;
        const QByteArray verb = word(line, 0).toUpper();
        if (!m_script.silentAfter.isEmpty() && verb == m_script.silentAfter) {
            m_silent = true;
            return;
        }
        if (m_authStep == 1) {
            m_authUser = QByteArray::fromBase64(line);
            m_authStep = 2;
            reply("334 UGFzc3dvcmQ6");
            return;
        }
        if (m_authStep == 2) {
            m_authPassword = QByteArray::fromBase64(line);
            m_authStep = 0;
            authResult();
            return;
        }
        if (m_authStep == 3) {
            m_authStep = 0;
            plain(line);
            return;
        }
        if (verb == "EHLO") {
            QByteArray ehlo = "250-submission.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n";
            if (m_script.offerStartTls && !m_tls && !m_script.implicitTls)
                ehlo += "250-STARTTLS\r\n";
            if (!m_script.authMechanisms.isEmpty())
                ehlo += "250-AUTH " + m_script.authMechanisms + "\r\n";
            ehlo += "250 8BITMIME";
            reply(ehlo);
        } else if (verb == "STARTTLS" && m_script.offerStartTls && !m_tls) {
            reply("220 2.0.0 Ready to start TLS" + (m_script.injectAfterStartTls.isEmpty()
                                                         ? QByteArray()
                                                         : "\r\n" + m_script.injectAfterStartTls));
            m_buffer.clear();
            m_socket->startServerEncryption();
        } else if (verb == "AUTH") {
            m_authMechanism = word(line, 1).toUpper();
            if (m_authMechanism == "PLAIN") {
                // The credentials on the AUTH line, or on the next one
                // after an empty challenge (RFC 4954 4).
                if (word(line, 2).isEmpty()) {
                    m_authStep = 3;
                    reply("334 ");
                } else {
                    plain(word(line, 2));
                }
            } else if (m_authMechanism == "LOGIN") {
                m_authStep = 1;
                reply("334 VXNlcm5hbWU6");
            } else {
                reply("504 5.5.4 Unrecognized authentication type");
            }
        } else if (verb == "MAIL") {
            reply("250 2.1.0 Ok");
        } else if (verb == "RCPT") {
            reply(m_script.rejectRecipient ? "550 5.1.1 <nobody@example.test>: Recipient address rejected"
                                           : "250 2.1.5 Ok");
        } else if (verb == "DATA") {
            m_inData = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb == "QUIT") {
            reply("221 2.0.0 Bye");
            m_socket->disconnectFromHost();
        } else {
            reply("502 5.5.2 Error: command not recognized");
        }
    }

    void plain(const QByteArray &token)
    {
        const QList<QByteArray> parts = QByteArray::fromBase64(token).split('\0');
        if (parts.size() == 3) {
            m_authUser = parts.at(1);
            m_authPassword = parts.at(2);
        }
        authResult();
    }

    void authResult()
    {
        if (m_authUser == m_script.user && m_authPassword == m_script.password)
            reply("235 2.7.0 Authentication successful");
        else
            reply("535 5.7.8 Error: authentication failed: authentication failure");
    }

    const Script m_script;
    QPointer<QSslSocket> m_socket;
    QByteArray m_buffer;
    QByteArray m_plaintext;
    QByteArray m_inTls;
    QByteArray m_data;
    QByteArray m_authUser;
    QByteArray m_authPassword;
    QByteArray m_authMechanism;
    int m_authStep = 0;
    bool m_tls = false;
    bool m_inData = false;
    bool m_silent = false;
    int m_connections = 0;
};

} // namespace submissiontest
