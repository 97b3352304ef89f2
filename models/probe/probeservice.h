#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "models/probe/probeoptions.h"
#include "models/probe/probetypes.h"

namespace mailtls {

class ProbeScheduler;

// What the windows use to probe: runs targets through one ProbeScheduler,
// judges each report (ProbeAnalyzer), and keeps it in the store with its
// time (written off the calling thread, through a connection of its own), so
// the Peers table shows each peer's last verdict and its page the history.
class ProbeService final : public QObject
{
    Q_OBJECT

public:
    explicit ProbeService(const ProbeOptions &options, QObject *parent = nullptr);
    ~ProbeService() override;

    // Reports go to this store from now on (empty: kept nowhere).
    void setStorePath(const QString &path);
    QString storePath() const;
    // For probes started from now on (a changed DNS server, say). Clears the cache.
    void setOptions(const ProbeOptions &options);
    ProbeOptions options() const;

    // One probe; its id (> 0). finished() follows, never from inside this call.
    int probe(const ProbeTarget &target);
    // Several (a batch: "probe all plaintext peers"); batchProgress() follows
    // each one's end, batchFinished() the last's.
    QList<int> probeBatch(const QList<ProbeTarget> &targets);
    void cancel(int id);
    void cancelAll();
    bool isBusy() const;

signals:
    void event(int id, const mailtls::ProbeEvent &event);
    // The analysed report (findings and verdicts filled in).
    void finished(int id, const mailtls::ProbeReport &report);
    // The report is in the store (or could not be kept: error).
    void stored(int id, bool ok, const QString &error);
    void batchProgress(int done, int total);
    void batchFinished();
    void busyChanged(bool busy);

private:
    void finish(int id, const ProbeReport &evidence);

    class Private;
    Private *d;
};

} // namespace mailtls
