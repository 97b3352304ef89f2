#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include "models/probe/probetypes.h"
#include "widgets/campaign/campaignpeerrow.h"

namespace mailtls {

class ProbeService;

// Re-probes a campaign's peers that are not fixed yet, in one batch through
// the window's ProbeService (which keeps each report in the store), and marks
// a peer fixed "by probe" (CampaignStore::markFixed, off the GUI thread) when
// its servers now do what the window required: TLS without fault (Good), or
// for a peer that had offered no STARTTLS at all, TLS at all (Good or Weak).
// A peer still without TLS shows as still plaintext from its stored probe.
class CampaignReprobe final : public QObject
{
    Q_OBJECT

public:
    // Where a peer is probed (default PeerProbeTarget::of: its domain's mail
    // servers, or its address on port 25); none: not probed.
    using TargetOf = std::function<std::optional<ProbeTarget>(const QString &peer)>;

    CampaignReprobe(ProbeService *service, QObject *parent = nullptr);
    ~CampaignReprobe() override;

    void setTargetOf(TargetOf targetOf) { m_targetOf = std::move(targetOf); }

    // Probes each peer of `rows` that is not fixed (once per peer, whatever
    // its directions). False when one runs already or none is left to probe.
    bool start(const QString &storePath, qint64 campaignId, const QList<CampaignPeerRow> &rows);
    // Stops waiting: the probes still running are cancelled; peers found
    // fixed so far stay marked.
    void cancel();
    bool isRunning() const { return !m_pending.isEmpty() || !m_storing.isEmpty() || m_writes > 0; }

    // Whether a probe with this verdict shows the peer fixed, given what
    // failed during the window (CampaignPeer::problem).
    static bool fixes(Verdict verdict, const QString &problem);

signals:
    void progress(int done, int total);
    // All answered (or cancelled): how many peers were probed, found fixed,
    // and still without TLS; an error when a fix could not be recorded.
    void finished(int probed, int fixed, int stillPlaintext, bool cancelled, const QString &error);

private:
    void probeFinished(int id, const ProbeReport &report);
    void markFixed(const QList<CampaignPeerRow> &rows, qint64 at);
    void finishIfDone();

    ProbeService *m_service;
    TargetOf m_targetOf;
    QString m_storePath;
    qint64 m_campaignId = 0;
    QHash<int, QList<CampaignPeerRow>> m_pending; // probe id → the rows of its peer
    // Answered, the report on its way into the store: the page re-reads once
    // it is there, so a peer still without TLS shows as such.
    QSet<int> m_storing;
    int m_total = 0;
    int m_done = 0;
    int m_fixed = 0;
    int m_still = 0;
    int m_writes = 0;
    bool m_cancelled = false;
    QString m_error;
};

} // namespace mailtls
