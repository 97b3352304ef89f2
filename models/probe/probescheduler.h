#pragma once

#include <QObject>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// The only thing that opens probe connections. Runs probes of targets
// (resolve, then each MX address through its SMTP sessions, and for a domain
// the MTA-STS / TLS-RPT check) with a global limit of concurrent SMTP
// sessions, a spacing between sessions to one address, at most
// options.maxSessionsPerAddress sessions per address and probe, and a cache of
// each address's result for options.cacheSeconds. A 421 or other 4xx ends that
// address's probe (rate-limited): no retry. Emits the evidence only;
// ProbeAnalyzer judges it.
class ProbeScheduler final : public QObject
{
    Q_OBJECT

public:
    explicit ProbeScheduler(const ProbeOptions &options, QObject *parent = nullptr);
    ~ProbeScheduler() override;

    // Queues a probe; returns its id (> 0). finished() follows, never from
    // inside this call.
    int probe(const ProbeTarget &target);
    void cancel(int id);
    void cancelAll();
    int pendingCount() const;
    void clearCache();

signals:
    void event(int id, const mailtls::ProbeEvent &event);
    void finished(int id, const mailtls::ProbeReport &report);
    void allFinished();

private:
    class Private;
    Private *d;
};

} // namespace mailtls
