#pragma once

#include <memory>

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/mta/planverifier.h"
#include "models/probe/probetypes.h"

class QTcpSocket;
class QTimer;

namespace mailtls {

class TlsClient;

// The re-probe of a Logjam change for a service that speaks TLS from the first
// byte (IMAPS on 993, POP3S on 995), which the SMTP probe engine cannot reach:
// two handshakes through TlsClient, one with OpenSSL's defaults and one
// DHE-only at TLS 1.2, recorded as a ProbeReport of one address (each session
// "advertises STARTTLS": TLS is what the port offers), so that PlanVerifier
// judges it exactly as it judges an MTA's: the expected prime (or a group of
// at least minimumDhBits) passes, and so does a server that completes no DHE
// handshake while the default one succeeds (ECDHE only). Never resolves a
// name; never blocks: finished() follows start() once.
class ImplicitTlsCheck final : public QObject
{
    Q_OBJECT

public:
    explicit ImplicitTlsCheck(QObject *parent = nullptr);
    ~ImplicitTlsCheck() override;

    // Per handshake, connection included.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    // `address` must be an IP literal; anything else finishes at once with a
    // report that says so.
    void start(const QString &address, quint16 port);
    void cancel();
    bool isRunning() const { return m_running; }

    ProbeReport report() const { return m_report; }
    PlanVerifier::Judgement judge(const ChangePlan::Verification &verification) const;

signals:
    void finished();

private:
    void startSession();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onTimeout();
    void pump();
    void endSession(SessionOutcome outcome, const QString &detail);
    void finish();

    int m_timeout = 10000;
    bool m_running = false;
    QHostAddress m_address;
    quint16 m_port = 993;
    QList<TlsProfile> m_pending;
    TlsProfile m_profile = TlsProfile::Default;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    std::unique_ptr<TlsClient> m_client;
    SmtpSessionResult m_session;
    ProbeReport m_report;
};

} // namespace mailtls
