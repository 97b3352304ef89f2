#pragma once

// A scripted SMTP server on 127.0.0.1 (an ephemeral port) for SmtpSession's
// tests: well-behaved by default (greeting, EHLO with STARTTLS, STARTTLS with
// a real TLS handshake, QUIT), or hostile in the ways a script names.

#include <memory>

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "tests/models/tlstestserver.h"

namespace smtptest {

struct Script
{
    enum class Greeting {
        Send,
        SendAndClose,
        EndlessLines, // "220-…" lines, never a last one
        EndlessLine,  // "220 " and bytes that never end the line
        Dribble,      // the greeting one byte every 100 ms
        Silent,
        Close,        // accepts, then closes without a word
    };
    enum class Ehlo {
        Send,
        SendAndClose,
        Flood,        // 4 MB of "250-" lines
        FloodOneLine, // "250-" and a megabyte without a line end
        Silent,
    };
    enum class AfterStartTls {
        Tls,
        Stall,   // says 220, then nothing, whatever the client sends
        Garbage, // answers the ClientHello with text
        Close,   // closes when the ClientHello arrives
        // Answers the ClientHello with endless HelloRequests, which a client
        // must ignore while it negotiates: a handshake that never ends.
        HelloRequests,
    };

    Greeting greetingMode = Greeting::Send;
    QByteArray greeting = "220 mx1.example.test ESMTP\r\n";
    Ehlo ehloMode = Ehlo::Send;
    QByteArray ehloReply = "250-mx1.example.test\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                           "250-STARTTLS\r\n250 8BITMIME\r\n";
    QByteArray startTlsReply = "220 2.0.0 Ready to start TLS\r\n";
    AfterStartTls afterStartTls = AfterStartTls::Tls;
    tlstest::TlsServerConfig tls;
};

class ScriptedSmtpServer final : public QObject
{
public:
    explicit ScriptedSmtpServer(const Script &script)
        : m_script(script)
    {
        m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        connect(&m_server, &QTcpServer::newConnection, this, &ScriptedSmtpServer::accept);
        m_dribble.setInterval(100);
        connect(&m_dribble, &QTimer::timeout, this, [this] {
            if (!m_socket || m_dribbled >= m_script.greeting.size()) {
                m_dribble.stop();
                return;
            }
            m_socket->write(m_script.greeting.mid(m_dribbled++, 1));
        });
    }

    bool listening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    // Everything the client sent in plaintext.
    QByteArray received() const { return m_received; }
    // What the client sent inside TLS, decrypted.
    QByteArray receivedInTls() const { return m_receivedInTls; }
    bool tlsEstablished() const { return m_tls && m_tls->established(); }
    qint64 bytesSent() const { return m_bytesSent; }
    int connections() const { return m_connections; }
    bool clientGone() const { return m_clientGone; }

private:
    void accept()
    {
        QTcpSocket *socket = m_server.nextPendingConnection();
        ++m_connections;
        if (m_socket) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        m_socket = socket;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &ScriptedSmtpServer::readClient);
        connect(socket, &QTcpSocket::bytesWritten, this, &ScriptedSmtpServer::keepFlooding);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_clientGone = true;
            m_flood.clear();
            m_dribble.stop();
        });
        switch (m_script.greetingMode) {
        case Script::Greeting::Send:
            send(m_script.greeting);
            break;
        case Script::Greeting::SendAndClose:
            send(m_script.greeting);
            socket->disconnectFromHost();
            break;
        case Script::Greeting::EndlessLines:
            startFlood(QByteArray("220-") + QByteArray(70, 'x') + "\r\n", 64 * 1024 * 1024, QByteArray());
            break;
        case Script::Greeting::EndlessLine:
            send("220 ");
            startFlood(QByteArray(1024, 'x'), 64 * 1024 * 1024, QByteArray());
            break;
        case Script::Greeting::Dribble:
            m_dribble.start();
            break;
        case Script::Greeting::Silent:
            break;
        case Script::Greeting::Close:
            socket->disconnectFromHost();
            break;
        }
    }

    void send(const QByteArray &bytes)
    {
        m_bytesSent += bytes.size();
        m_socket->write(bytes);
    }

    // Writes `unit` until `total` bytes, then `last`, never more than a
    // little ahead of what the client reads.
    void startFlood(const QByteArray &unit, qint64 total, const QByteArray &last)
    {
        m_flood = unit;
        m_floodLeft = total;
        m_floodLast = last;
        keepFlooding();
    }

    void keepFlooding()
    {
        while (m_socket && !m_flood.isEmpty() && m_socket->bytesToWrite() < 256 * 1024) {
            if (m_floodLeft <= 0) {
                send(m_floodLast);
                m_flood.clear();
                return;
            }
            QByteArray chunk;
            while (chunk.size() < 64 * 1024)
                chunk += m_flood;
            m_floodLeft -= chunk.size();
            send(chunk);
        }
    }

    void readClient()
    {
        const QByteArray bytes = m_socket->readAll();
        if (m_tls) {
            m_tls->receive(bytes);
            send(m_tls->takeOutgoing());
            m_receivedInTls += m_tls->takeReceived();
            if (m_receivedInTls.endsWith("QUIT\r\n")) {
                m_tls->write("221 2.0.0 Bye\r\n");
                m_tls->shutdown();
                send(m_tls->takeOutgoing());
                m_socket->disconnectFromHost();
            }
            return;
        }
        if (m_afterStartTls) {
            if (m_script.afterStartTls == Script::AfterStartTls::Garbage && !m_garbageSent) {
                m_garbageSent = true;
                send("garbage, not TLS\r\n");
            } else if (m_script.afterStartTls == Script::AfterStartTls::Close) {
                m_socket->disconnectFromHost();
            } else if (m_script.afterStartTls == Script::AfterStartTls::HelloRequests && m_flood.isEmpty()) {
                // One full record (16 KiB) of empty HelloRequest messages.
                startFlood(QByteArray("\x16\x03\x03\x40\x00", 5) + QByteArray(16 * 1024, '\0'),
                           64 * 1024 * 1024, QByteArray());
            }
            return;
        }
        m_received += bytes;
        m_lines += bytes;
        qsizetype end = 0;
        while (m_socket && (end = m_lines.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_lines.left(end);
            m_lines.remove(0, end + 2);
            command(line.toUpper());
            if (m_tls && !m_lines.isEmpty()) {
                const QByteArray rest = m_lines;
                m_lines.clear();
                m_tls->receive(rest);
                send(m_tls->takeOutgoing());
            }
        }
    }

    void command(const QByteArray &line)
    {
        if (line.startsWith("EHLO ")) {
            switch (m_script.ehloMode) {
            case Script::Ehlo::Send:
                send(m_script.ehloReply);
                break;
            case Script::Ehlo::SendAndClose:
                send(m_script.ehloReply);
                m_socket->disconnectFromHost();
                break;
            case Script::Ehlo::Flood:
                startFlood(QByteArray("250-") + QByteArray(996, 'y') + "\r\n", 4 * 1024 * 1024, "250 END\r\n");
                break;
            case Script::Ehlo::FloodOneLine:
                send("250-");
                startFlood(QByteArray(1024, 'z'), 1024 * 1024, "\r\n250 END\r\n");
                break;
            case Script::Ehlo::Silent:
                break;
            }
        } else if (line == "STARTTLS") {
            send(m_script.startTlsReply);
            if (!m_script.startTlsReply.startsWith("220"))
                return;
            m_afterStartTls = true;
            if (m_script.afterStartTls == Script::AfterStartTls::Tls)
                m_tls = std::make_unique<tlstest::TlsServerEnd>(m_script.tls);
        } else if (line == "QUIT") {
            send("221 2.0.0 Bye\r\n");
            m_socket->disconnectFromHost();
        } else {
            send("502 5.5.2 Error: command not recognized\r\n");
        }
    }

    const Script m_script;
    QTcpServer m_server;
    QPointer<QTcpSocket> m_socket;
    QTimer m_dribble;
    qsizetype m_dribbled = 0;
    QByteArray m_flood;
    QByteArray m_floodLast;
    qint64 m_floodLeft = 0;
    QByteArray m_received;
    QByteArray m_lines;
    QByteArray m_receivedInTls;
    std::unique_ptr<tlstest::TlsServerEnd> m_tls;
    bool m_afterStartTls = false;
    bool m_garbageSent = false;
    bool m_clientGone = false;
    qint64 m_bytesSent = 0;
    int m_connections = 0;
};

} // namespace smtptest
