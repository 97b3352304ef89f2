#include "widgets/campaign/campaignreprobe.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include "models/campaign/campaignstore.h"
#include "models/probe/probeservice.h"
#include "widgets/probe/peerprobetarget.h"

namespace mailtls {

CampaignReprobe::CampaignReprobe(ProbeService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_targetOf([](const QString &peer) { return PeerProbeTarget::of(peer); })
{
    connect(m_service, &ProbeService::finished, this, &CampaignReprobe::probeFinished);
    connect(m_service, &ProbeService::stored, this, [this](int id) {
        if (m_storing.remove(id))
            finishIfDone();
    });
}

CampaignReprobe::~CampaignReprobe()
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        m_service->cancel(it.key());
}

bool CampaignReprobe::fixes(Verdict verdict, const QString &problem)
{
    if (verdict == Verdict::Good)
        return true;
    // No STARTTLS was the fault: any TLS now is what the window asked for.
    return verdict == Verdict::Weak && (problem == QLatin1String("refused") || problem == QLatin1String("not-offered"));
}

bool CampaignReprobe::start(const QString &storePath, qint64 campaignId, const QList<CampaignPeerRow> &rows)
{
    if (isRunning())
        return false;
    QHash<QString, QList<CampaignPeerRow>> byPeer;
    QStringList order;
    for (const CampaignPeerRow &row : rows) {
        if (row.isFixed())
            continue;
        if (!byPeer.contains(row.peer.peer))
            order << row.peer.peer;
        byPeer[row.peer.peer] << row;
    }
    QList<ProbeTarget> targets;
    QList<QList<CampaignPeerRow>> groups;
    for (const QString &peer : order) {
        if (const std::optional<ProbeTarget> target = m_targetOf(peer)) {
            targets << *target;
            groups << byPeer.value(peer);
        }
    }
    if (targets.isEmpty())
        return false;
    m_storePath = storePath;
    m_campaignId = campaignId;
    m_total = int(targets.size());
    m_done = m_fixed = m_still = 0;
    m_cancelled = false;
    m_error.clear();
    const QList<int> ids = m_service->probeBatch(targets);
    for (int i = 0; i < ids.size(); ++i)
        m_pending.insert(ids.at(i), groups.at(i));
    emit progress(0, m_total);
    return true;
}

void CampaignReprobe::cancel()
{
    if (m_pending.isEmpty())
        return;
    m_cancelled = true;
    const QList<int> ids = m_pending.keys();
    m_pending.clear();
    m_storing.clear();
    for (int id : ids)
        m_service->cancel(id);
    finishIfDone();
}

void CampaignReprobe::probeFinished(int id, const ProbeReport &report)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const QList<CampaignPeerRow> rows = it.value();
    m_pending.erase(it);
    if (!m_service->storePath().isEmpty() && !report.cancelled)
        m_storing.insert(id);
    ++m_done;
    QList<CampaignPeerRow> fixed;
    for (const CampaignPeerRow &row : rows)
        if (fixes(report.verdict, row.peer.problem))
            fixed << row;
    if (!fixed.isEmpty()) {
        ++m_fixed;
        markFixed(fixed, report.finished.toSecsSinceEpoch());
    } else if (report.verdict == Verdict::NoTls) {
        ++m_still;
    }
    emit progress(m_done, m_total);
    finishIfDone();
}

void CampaignReprobe::markFixed(const QList<CampaignPeerRow> &rows, qint64 at)
{
    ++m_writes;
    const QString path = m_storePath;
    const qint64 campaignId = m_campaignId;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty() && m_error.isEmpty())
            m_error = error;
        --m_writes;
        finishIfDone();
    });
    watcher->setFuture(QtConcurrent::run([path, campaignId, rows, at] {
        CampaignStore store(path);
        QString error;
        if (!store.open(&error))
            return error;
        for (const CampaignPeerRow &row : rows)
            if (!store.markFixed(campaignId, row.peer.peer, row.peer.direction, at, QStringLiteral("probe"), &error))
                return error;
        return QString();
    }));
}

void CampaignReprobe::finishIfDone()
{
    if (isRunning())
        return;
    emit finished(m_done, m_fixed, m_still, m_cancelled, m_error);
}

} // namespace mailtls
