#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// One SMTP session to one address, as a sending MTA opens it: connect, read
// the greeting, EHLO, and when STARTTLS is advertised (and tls is asked for),
// STARTTLS and a TLS handshake with `profile`; then QUIT and close. Every read
// is bounded in size and time (options.readTimeoutMs; connect has
// options.connectTimeoutMs), so a hostile server ends the session with a
// clear outcome. Emits finished() exactly once per start(), never from
// inside start() or cancel().
//
// How a session ends (SmtpSessionResult::outcome, stoppedAt, detail):
// - Completed at Quit: a plaintext session (STARTTLS not advertised, or tls
//   false) or an established TLS session, QUIT sent (inside TLS for the
//   latter). Completed at Handshake: the TLS handshake failed; tls.error and
//   detail hold OpenSSL's reason (an alert, garbage instead of TLS, the server
//   closing, a handshake over TlsClient::maxHandshakeBytes).
// - ConnectFailed at Connect: refused or unreachable (detail: the socket's
//   error); at Banner: the server closed before sending a byte.
// - TimedOut: connecting, a reply or the handshake outlasted its timeout;
//   detail quotes what part of a reply came.
// - RateLimited / Rejected: a 4xx / 5xx reply to the greeting, EHLO or
//   STARTTLS; detail is the exact reply; QUIT is still sent.
// - ProtocolError: a line that is not an SMTP reply, a line over 4 KiB, a
//   reply over 64 KiB, an unexpected code (a greeting other than 220), the
//   server closing mid-reply.
class SmtpSession final : public QObject
{
    Q_OBJECT

public:
    explicit SmtpSession(const ProbeOptions &options, QObject *parent = nullptr);
    ~SmtpSession() override;

    // `serverName`: the MX name (SNI and the certificate's name check); an IP
    // literal target passes its literal.
    void start(const QHostAddress &address, quint16 port, const QString &serverName,
               TlsProfile profile, bool tls = true);
    void cancel();

signals:
    void event(const mailtls::ProbeEvent &event);
    void finished(const mailtls::SmtpSessionResult &result);

private:
    class Private;
    Private *d;
};

} // namespace mailtls
