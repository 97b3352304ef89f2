#include "models/probe/addressprobe.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <QTimer>
#include <QUrl>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "models/probe/smtpsession.h"

namespace mailtls {

namespace {

struct X509Free
{
    void operator()(X509 *cert) const { X509_free(cert); }
};

// The same check as the TLS client's (TlsClient), for another name.
bool certificateValidFor(const QByteArray &der, const QString &name)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    const std::unique_ptr<X509, X509Free> cert(d2i_X509(nullptr, &bytes, der.size()));
    if (!cert)
        return false;
    if (QHostAddress literal; literal.setAddress(name)) {
        literal.setScopeId(QString());
        return X509_check_ip_asc(cert.get(), literal.toString().toLatin1().constData(), 0) == 1;
    }
    QByteArray ace = QUrl::toAce(name);
    if (ace.isEmpty())
        ace = name.toUtf8();
    return X509_check_host(cert.get(), ace.constData(), size_t(ace.size()), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS,
                           nullptr)
        == 1;
}

} // namespace

AddressProbe::AddressProbe(const ProbeOptions &options, const QString &mxName, const QHostAddress &address,
                           quint16 port, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_result.mxName = mxName;
    m_result.address = address;
    m_result.port = port;
}

AddressProbe::~AddressProbe() = default;

void AddressProbe::start()
{
    if (m_options.maxSessionsPerAddress < 1) {
        // finished() is never emitted from inside a call.
        QTimer::singleShot(0, this, [this] { finish(); });
        return;
    }
    m_profiles = {TlsProfile::Default};
    m_waiting = true;
    emit sessionWanted();
}

void AddressProbe::openSession()
{
    if (!m_waiting || m_cancelled || m_finished || m_session || m_profiles.isEmpty())
        return;
    m_waiting = false;
    m_sessionProfile = m_profiles.takeFirst();
    if (!m_result.probedAt.isValid())
        m_result.probedAt = QDateTime::currentDateTimeUtc();

    m_session = new SmtpSession(m_options, this);
    connect(m_session, &SmtpSession::event, this, &AddressProbe::onSessionEvent);
    connect(m_session, &SmtpSession::finished, this, &AddressProbe::onSessionFinished);
    m_session->start(m_result.address, m_result.port, m_result.mxName, m_sessionProfile);
}

void AddressProbe::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_waiting = false;
    m_profiles.clear();
    if (m_session) {
        // Its finished() (Cancelled) ends this probe once the socket is closed.
        m_session->cancel();
        return;
    }
    QTimer::singleShot(0, this, [this] {
        if (!m_finished)
            finish();
    });
}

bool AddressProbe::continuesAfter(const SmtpSessionResult &session)
{
    switch (session.outcome) {
    case SessionOutcome::Completed:
        return true;
    case SessionOutcome::TimedOut:
        // A server that never connects or never greets will not do better
        // for the next profile; one that stalls later may stall only on
        // that profile's handshake.
        return session.stoppedAt != ProbeStep::Connect && session.stoppedAt != ProbeStep::Banner;
    case SessionOutcome::ConnectFailed:
    case SessionOutcome::RateLimited:
    case SessionOutcome::Rejected:
    case SessionOutcome::ProtocolError:
    case SessionOutcome::Cancelled:
        break;
    }
    return false;
}

QList<TlsProfile> AddressProbe::followUpProfiles(const SmtpSessionResult &first)
{
    // A STARTTLS refused (454 and other replies) would be refused again for
    // every other profile: that one refusal is the evidence.
    const bool startTlsAccepted = first.tlsAttempted || first.startTlsReply.startsWith(QLatin1Char('2'));
    if (!first.startTlsAdvertised || !startTlsAccepted)
        return {};
    return {TlsProfile::DheOnly, TlsProfile::OnlyTls10, TlsProfile::OnlyTls11, TlsProfile::OnlyTls12,
            TlsProfile::OnlyTls13};
}

AddressProbeResult AddressProbe::forName(const AddressProbeResult &result, const QString &mxName)
{
    AddressProbeResult renamed = result;
    if (renamed.mxName.compare(mxName, Qt::CaseInsensitive) == 0)
        return renamed;
    renamed.mxName = mxName;
    for (SmtpSessionResult &session : renamed.sessions) {
        if (!session.tls.chain.isEmpty())
            session.tls.nameMatches = certificateValidFor(session.tls.chain.constFirst().der, mxName);
    }
    return renamed;
}

void AddressProbe::onSessionEvent(const ProbeEvent &sessionEvent)
{
    ProbeEvent forwarded = sessionEvent;
    forwarded.mxName = m_result.mxName;
    forwarded.address = m_result.address;
    forwarded.profile = m_sessionProfile;
    emit event(forwarded);
}

void AddressProbe::onSessionFinished(const SmtpSessionResult &session)
{
    m_session->deleteLater();
    m_session = nullptr;

    SmtpSessionResult ran = session;
    ran.profile = m_sessionProfile;
    m_result.sessions.append(ran);
    emit sessionEnded();

    if (m_cancelled) {
        finish();
        return;
    }
    if (!continuesAfter(ran)) {
        emitStopEvent(ran);
        m_profiles.clear();
    } else if (m_result.sessions.size() == 1) {
        m_profiles = followUpProfiles(ran);
    }
    const int room = std::max(0, m_options.maxSessionsPerAddress - int(m_result.sessions.size()));
    if (m_profiles.size() > room)
        m_profiles.resize(room);
    if (m_profiles.isEmpty()) {
        finish();
        return;
    }
    m_waiting = true;
    emit sessionWanted();
}

void AddressProbe::emitStopEvent(const SmtpSessionResult &session)
{
    if (session.outcome != SessionOutcome::RateLimited)
        return;
    ProbeEvent stop;
    stop.step = session.stoppedAt;
    stop.mxName = m_result.mxName;
    stop.address = m_result.address;
    stop.profile = session.profile;
    stop.message = tr("%1 (%2): rate-limited, try later; no more sessions to this address")
                       .arg(m_result.mxName, m_result.address.toString());
    emit event(stop);
}

void AddressProbe::finish()
{
    m_finished = true;
    m_waiting = false;
    if (!m_result.probedAt.isValid())
        m_result.probedAt = QDateTime::currentDateTimeUtc();
    emit finished(m_result);
}

} // namespace mailtls
