#pragma once

#include <QObject>
#include <QString>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// Resolves a domain's mail hosts (MX, else implicit MX from A/AAAA; a null MX
// is reported) and each host's IPv4 and IPv6 addresses, through
// options.dnsServer when it is set (never the system resolver then). Every
// look-up has options.dnsTimeoutMs. Emits finished() exactly once per
// resolve call, never from inside the call.
class MxResolver final : public QObject
{
    Q_OBJECT

public:
    explicit MxResolver(const ProbeOptions &options, QObject *parent = nullptr);
    ~MxResolver() override;

    // A mail domain: MX records, then A and AAAA of each host.
    void resolveDomain(const QString &domain);
    // One host: an IP literal as it is, a name by its A and AAAA records.
    // The result holds one MxHost.
    void resolveHost(const QString &host);
    // Addresses of any name (the MTA-STS policy host), A then AAAA.
    void resolveAddresses(const QString &name);
    void cancel();

signals:
    void finished(const mailtls::MxResolution &result);

private:
    class Private;
    Private *d;
};

} // namespace mailtls
