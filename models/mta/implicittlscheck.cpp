#include "models/mta/implicittlscheck.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

#include "models/probe/tlsclient.h"

namespace mailtls {

ImplicitTlsCheck::ImplicitTlsCheck(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ImplicitTlsCheck::onTimeout);
}

ImplicitTlsCheck::~ImplicitTlsCheck()
{
    if (m_socket != nullptr)
        m_socket->abort();
}

void ImplicitTlsCheck::start(const QString &address, quint16 port)
{
    if (m_running)
        return;
    m_running = true;
    m_report = ProbeReport();
    m_report.started = QDateTime::currentDateTimeUtc();
    m_port = port;
    AddressProbeResult probed;
    probed.mxName = address;
    probed.port = port;
    probed.probedAt = m_report.started;
    m_report.addresses.append(probed);
    if (!m_address.setAddress(address)) {
        m_report.addresses.clear();
        m_report.mx.error = tr("%1 is not an IP address").arg(address);
        QTimer::singleShot(0, this, &ImplicitTlsCheck::finish);
        return;
    }
    m_report.addresses.first().address = m_address;
    m_pending = {TlsProfile::Default, TlsProfile::DheOnly};
    QTimer::singleShot(0, this, &ImplicitTlsCheck::startSession);
}

void ImplicitTlsCheck::cancel()
{
    if (!m_running)
        return;
    m_pending.clear();
    m_report.cancelled = true;
    if (m_socket != nullptr)
        endSession(SessionOutcome::Cancelled, tr("cancelled"));
    else
        finish();
}

void ImplicitTlsCheck::startSession()
{
    if (!m_running)
        return;
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    m_profile = m_pending.takeFirst();
    m_session = SmtpSessionResult();
    m_session.profile = m_profile;
    m_session.stoppedAt = ProbeStep::Connect;
    m_client = std::make_unique<TlsClient>(m_profile, m_address.toString());
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, &ImplicitTlsCheck::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &ImplicitTlsCheck::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &ImplicitTlsCheck::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_socket == nullptr || error == QAbstractSocket::RemoteHostClosedError)
            return;
        if (m_session.stoppedAt == ProbeStep::Connect)
            endSession(SessionOutcome::ConnectFailed, m_socket->errorString());
        else
            onDisconnected();
    });
    m_timer->start(m_timeout);
    m_socket->connectToHost(m_address, m_port);
}

void ImplicitTlsCheck::onConnected()
{
    // TLS from the first byte: what STARTTLS gives an SMTP session later.
    m_session.stoppedAt = ProbeStep::Handshake;
    m_session.startTlsAdvertised = true;
    m_session.tlsAttempted = true;
    if (!m_client->start()) {
        endSession(SessionOutcome::Completed, m_client->result().error);
        return;
    }
    pump();
}

void ImplicitTlsCheck::onReadyRead()
{
    if (m_socket == nullptr)
        return;
    m_client->receive(m_socket->readAll());
    pump();
}

void ImplicitTlsCheck::onDisconnected()
{
    if (m_socket == nullptr)
        return;
    if (m_session.stoppedAt == ProbeStep::Connect) {
        endSession(SessionOutcome::ConnectFailed, tr("the connection closed before it was made"));
        return;
    }
    m_client->receive(m_socket->readAll());
    m_client->receiveEnd();
    pump();
    if (m_socket != nullptr)
        endSession(SessionOutcome::Completed, m_client->result().error);
}

void ImplicitTlsCheck::onTimeout()
{
    if (m_socket != nullptr)
        endSession(SessionOutcome::TimedOut, tr("no answer within %1 ms").arg(m_timeout));
}

void ImplicitTlsCheck::pump()
{
    const QByteArray outgoing = m_client->takeOutgoing();
    if (!outgoing.isEmpty())
        m_socket->write(outgoing);
    switch (m_client->state()) {
    case TlsClient::State::Established:
    case TlsClient::State::Failed:
    case TlsClient::State::Closed:
        endSession(SessionOutcome::Completed, m_client->result().error);
        break;
    case TlsClient::State::Idle:
    case TlsClient::State::Handshaking:
        break;
    }
}

void ImplicitTlsCheck::endSession(SessionOutcome outcome, const QString &detail)
{
    m_timer->stop();
    if (m_client)
        m_session.tls = m_client->result();
    m_session.outcome = outcome;
    m_session.detail = detail;
    if (outcome == SessionOutcome::Completed)
        m_session.stoppedAt = ProbeStep::Quit;
    m_report.addresses.first().sessions.append(m_session);
    ++m_report.sessionsUsed;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_client.reset();
    // A server that cannot be reached the first time is not asked again.
    if (outcome == SessionOutcome::ConnectFailed || outcome == SessionOutcome::Cancelled)
        m_pending.clear();
    QTimer::singleShot(0, this, &ImplicitTlsCheck::startSession);
}

void ImplicitTlsCheck::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_report.finished = QDateTime::currentDateTimeUtc();
    emit finished();
}

PlanVerifier::Judgement ImplicitTlsCheck::judge(const ChangePlan::Verification &verification) const
{
    ChangePlan::Verification v = verification;
    v.check = ChangePlan::Check::DhGroup;
    return PlanVerifier::judge(m_report, v);
}

} // namespace mailtls
