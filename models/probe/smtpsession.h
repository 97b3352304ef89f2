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
