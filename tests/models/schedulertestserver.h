#pragma once

// Loopback SMTP servers for the probe scheduler's tests, and what a
// scheduler emitted.

#include <algorithm>
#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#include "models/probe/probescheduler.h"

namespace schedulertest {

using namespace mailtls;

// Connections open at once over several servers, as the servers see them.
struct ConnectionMeter
{
    int open = 0;
    int max = 0;
};

// How a test server answers.
struct ServerBehaviour
{
    bool advertiseStartTls = false;
    // STARTTLS answered with 220 and a TLS handshake; else with 454.
    bool acceptStartTls = false;
    // From this connection on (1: the first) the greeting is a 421 and the
    // server hangs up; 0: never.
    int rateLimitFrom = 0;
    int bannerDelayMs = 0;
    // Never greets (a session waits for its banner).
    bool silent = false;
};

// A small SMTP server on one loopback address: answers EHLO, STARTTLS (454,
// or 220 and TLS) and QUIT, and records each connection's accept time and
// whether the client closed it. A connection counts as open from its accept
// to its QUIT (or its close, without a QUIT), so the meter is down before a
// client that waits for the 221 can open its next session.
class TestSmtpServer final : public QTcpServer
{
public:
    TestSmtpServer(const ServerBehaviour &behaviour, ConnectionMeter *meter, const QElapsedTimer *clock)
        : m_behaviour(behaviour)
        , m_meter(meter)
        , m_clock(clock)
    { }

    void setTls(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_certificate = certificate;
        m_key = key;
    }

    int connections() const { return int(m_acceptMs.size()); }
    QList<qint64> acceptMs() const { return m_acceptMs; }
    int closedByClient() const { return m_closedByClient; }
    int quits() const { return m_quits; }
    // When each connection's QUIT came (-1: it had none).
    QList<qint64> quitMs() const { return m_quitMs; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        m_acceptMs.append(m_clock->elapsed());
        m_quitMs.append(-1);
        const qsizetype index = m_quitMs.size() - 1;
        ++m_meter->open;
        m_meter->max = std::max(m_meter->max, m_meter->open);
        auto counted = std::make_shared<bool>(true);
        auto hungUp = std::make_shared<bool>(false);
        connect(socket, &QSslSocket::disconnected, this, [this, socket, counted, hungUp] {
            if (*counted) {
                *counted = false;
                --m_meter->open;
            }
            if (!*hungUp)
                ++m_closedByClient;
            socket->deleteLater();
        });
        connect(socket, &QSslSocket::readyRead, this,
                [this, socket, index, counted, hungUp] { serve(socket, index, counted, hungUp); });

        const int number = connections();
        if (m_behaviour.rateLimitFrom > 0 && number >= m_behaviour.rateLimitFrom) {
            socket->write("421 4.7.0 mx.probe.test Too many connections, try again later\r\n");
            hangUp(socket, counted, hungUp);
            return;
        }
        if (m_behaviour.silent)
            return;
        QTimer::singleShot(m_behaviour.bannerDelayMs, socket,
                           [socket] { socket->write("220 mx.probe.test ESMTP test\r\n"); });
    }

private:
    void hangUp(QSslSocket *socket, const std::shared_ptr<bool> &counted, const std::shared_ptr<bool> &hungUp)
    {
        if (*counted) {
            *counted = false;
            --m_meter->open;
        }
        *hungUp = true;
        socket->disconnectFromHost();
    }

    void serve(QSslSocket *socket, qsizetype index, const std::shared_ptr<bool> &counted,
               const std::shared_ptr<bool> &hungUp)
    {
        while (socket->canReadLine()) {
            const QByteArray line = socket->readLine().trimmed().toUpper();
            if (line.startsWith("EHLO")) {
                QByteArray reply = "250-mx.probe.test\r\n250-PIPELINING\r\n";
                if (m_behaviour.advertiseStartTls && !socket->isEncrypted())
                    reply += "250-STARTTLS\r\n";
                reply += "250 8BITMIME\r\n";
                socket->write(reply);
            } else if (line.startsWith("HELO")) {
                socket->write("250 mx.probe.test\r\n");
            } else if (line == "STARTTLS" && m_behaviour.advertiseStartTls && !socket->isEncrypted()) {
                if (!m_behaviour.acceptStartTls) {
                    socket->write("454 4.7.0 TLS not available due to local problem\r\n");
                    continue;
                }
                socket->write("220 2.0.0 Ready to start TLS\r\n");
                socket->flush();
                QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
                configuration.setLocalCertificate(m_certificate);
                configuration.setPrivateKey(m_key);
                configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
                socket->setSslConfiguration(configuration);
                socket->startServerEncryption();
                return;
            } else if (line == "QUIT") {
                ++m_quits;
                m_quitMs[index] = m_clock->elapsed();
                if (*counted) {
                    *counted = false;
                    --m_meter->open;
                }
                socket->write("221 2.0.0 Bye\r\n");
                *hungUp = true;
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("502 5.5.2 Error: command not recognized\r\n");
            }
        }
    }

    ServerBehaviour m_behaviour;
    ConnectionMeter *m_meter;
    const QElapsedTimer *m_clock;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<qint64> m_acceptMs;
    int m_closedByClient = 0;
    int m_quits = 0;
    QList<qint64> m_quitMs;
};

// What a scheduler emitted, per probe id.
struct Emitted
{
    QHash<int, QList<ProbeReport>> finished;
    QHash<int, QList<ProbeEvent>> events;
    int allFinished = 0;
};

inline QList<TlsProfile> profilesOf(const AddressProbeResult &result)
{
    QList<TlsProfile> profiles;
    for (const SmtpSessionResult &session : result.sessions)
        profiles.append(session.profile);
    return profiles;
}

inline const QList<TlsProfile> FullSequence = {TlsProfile::Default,   TlsProfile::DheOnly,   TlsProfile::OnlyTls10,
                                               TlsProfile::OnlyTls11, TlsProfile::OnlyTls12, TlsProfile::OnlyTls13};

inline void record(ProbeScheduler &scheduler, Emitted &emitted)
{
    QObject::connect(&scheduler, &ProbeScheduler::finished, &scheduler,
                     [&emitted](int id, const ProbeReport &report) { emitted.finished[id].append(report); });
    QObject::connect(&scheduler, &ProbeScheduler::event, &scheduler,
                     [&emitted](int id, const ProbeEvent &event) { emitted.events[id].append(event); });
    QObject::connect(&scheduler, &ProbeScheduler::allFinished, &scheduler, [&emitted] { ++emitted.allFinished; });
}

// A self-signed RSA certificate for the servers' TLS, made with the openssl
// program into `dir`. Empty `error` when it worked.
inline QString makeCertificate(const QString &dir, const QString &subjectAltName, QSslCertificate *certificate,
                               QSslKey *key)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        return QStringLiteral("no openssl program");
    const QString keyPath = dir + QStringLiteral("/key.pem");
    const QString certPath = dir + QStringLiteral("/cert.pem");
    QProcess req;
    req.setProcessChannelMode(QProcess::MergedChannels);
    req.start(openssl,
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
               QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath,
               QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
               QStringLiteral("/CN=mx.probe.test"), QStringLiteral("-addext"),
               QStringLiteral("subjectAltName=") + subjectAltName});
    if (!req.waitForFinished(60000) || req.exitStatus() != QProcess::NormalExit || req.exitCode() != 0)
        return QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(req.readAll());
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read ") + keyPath;
    *key = QSslKey(keyFile.readAll(), QSsl::Rsa);
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certPath);
    if (key->isNull() || certificates.size() != 1)
        return QStringLiteral("openssl wrote no usable key and certificate");
    *certificate = certificates.constFirst();
    return QString();
}

} // namespace schedulertest

Q_DECLARE_METATYPE(schedulertest::ServerBehaviour)
Q_DECLARE_METATYPE(mailtls::SessionOutcome)
Q_DECLARE_METATYPE(mailtls::TlsProfile)
