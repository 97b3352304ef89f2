#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// MTA-STS (RFC 8461: the _mta-sts TXT record and the HTTPS policy at
// https://mta-sts.<domain>/.well-known/mta-sts.txt, its mx patterns checked
// against the domain's real MX names) and TLS-RPT (RFC 8460: the _smtp._tls
// TXT record). The policy host's name is resolved through options.dnsServer
// and the HTTPS connection goes to that address with the name for SNI and
// certificate checks; the response is bounded (64 KiB). Emits finished()
// exactly once per start(), never from inside it.
class DomainPolicyCheck final : public QObject
{
    Q_OBJECT

public:
    explicit DomainPolicyCheck(const ProbeOptions &options, QObject *parent = nullptr);
    ~DomainPolicyCheck() override;

    void start(const QString &domain, const QStringList &mxNames);
    void cancel();

signals:
    void finished(const mailtls::MtaStsResult &mtaSts, const mailtls::TlsRptResult &tlsRpt);

private:
    class Private;
    Private *d;
};

} // namespace mailtls
