#pragma once

#include <optional>

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QtGlobal>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

class SmtpSession;

// The SMTP sessions of one address of one MX host, one after another: a
// first session as a default modern client, and when that server accepted
// STARTTLS, one session for the Diffie-Hellman measurement (DheOnly) and one
// per TLS version (1.0 to 1.3): six at most, never more than
// options.maxSessionsPerAddress. A rate limit (421 or any 4xx reply), a
// refused or unanswered connection, a silent greeting, a rejection or a
// server that does not speak SMTP ends the sequence at once: no retry.
//
// It opens no session on its own: it asks with sessionWanted() and opens one
// when its owner calls openSession(), so the owner (ProbeScheduler) decides
// on global concurrency and the spacing between sessions to one address.
class AddressProbe final : public QObject
{
    Q_OBJECT

public:
    AddressProbe(const ProbeOptions &options, const QString &mxName, const QHostAddress &address, quint16 port,
                 QObject *parent = nullptr);
    ~AddressProbe() override;

    QString mxName() const { return m_result.mxName; }
    QHostAddress address() const { return m_result.address; }
    quint16 port() const { return m_result.port; }

    // Asks for its first session (sessionWanted()).
    void start();
    // Opens the next session now. Only after sessionWanted(), once per ask.
    void openSession();
    // Stops: a running session is cancelled, no further one is opened.
    // finished() follows in every case, never from inside this call.
    void cancel();

    bool isSessionOpen() const { return m_session != nullptr; }
    bool isFinished() const { return m_finished; }
    const AddressProbeResult &result() const { return m_result; }

    // Whether the sequence may go on after `session`.
    static bool continuesAfter(const SmtpSessionResult &session);
    // The sessions that follow a first, default session that went on
    // (continuesAfter): none unless the server advertised and accepted
    // STARTTLS.
    static QList<TlsProfile> followUpProfiles(const SmtpSessionResult &first);
    // `result` standing for another name of the same address (another MX
    // name, or a host target's own): the same sessions, each certificate's
    // name checked again for that name (the chain's trust does not depend on
    // it). So one address is probed once, however many MX names it has.
    static AddressProbeResult forName(const AddressProbeResult &result, const QString &mxName);

signals:
    // Ready for its next session: the owner calls openSession() when a slot
    // is free and the address's spacing has passed.
    void sessionWanted();
    // A session has closed: its slot is free, the spacing starts now.
    void sessionEnded();
    void event(const mailtls::ProbeEvent &event);
    void finished(const mailtls::AddressProbeResult &result);

private:
    void onSessionFinished(const SmtpSessionResult &session);
    void onSessionEvent(const ProbeEvent &sessionEvent);
    void emitStopEvent(const SmtpSessionResult &session);
    void finish();

    ProbeOptions m_options;
    AddressProbeResult m_result;
    QList<TlsProfile> m_profiles; // the sessions still to run, next first
    SmtpSession *m_session = nullptr;
    TlsProfile m_sessionProfile = TlsProfile::Default;
    bool m_waiting = false; // asked for a session, not yet given one
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace mailtls
