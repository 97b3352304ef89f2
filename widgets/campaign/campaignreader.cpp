#include "widgets/campaign/campaignreader.h"

#include <algorithm>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"

namespace mailtls {

namespace {

bool isSent(const CampaignLetter &letter)
{
    return letter.delivery == QLatin1String("smtp") || letter.delivery == QLatin1String("mailer");
}

} // namespace

CampaignPageData CampaignReader::read(TrafficStore &store, qint64 wanted, QString *error)
{
    CampaignPageData data;
    CampaignStore campaigns(store.path());
    if (!campaigns.open(error))
        return data;
    data.campaigns = campaigns.list(error);
    if (!error->isEmpty() || data.campaigns.isEmpty())
        return data;
    const auto found = std::find_if(data.campaigns.cbegin(), data.campaigns.cend(),
                                    [wanted](const Campaign &c) { return c.id == wanted; });
    const Campaign &shown = found != data.campaigns.cend() ? *found : data.campaigns.constFirst();
    data.shownId = shown.id;
    const QList<CampaignPeer> peers = campaigns.peers(shown.id, error);
    if (!error->isEmpty())
        return data;
    data.letters = campaigns.letters(shown.id, error);
    if (!error->isEmpty())
        return data;
    QHash<QString, PeerProbeVerdict> probes;
    for (const CampaignPeer &peer : peers) {
        if (probes.contains(peer.peer))
            continue;
        const QList<ProbeSummary> latest = store.probeHistory(peer.peer, false, 1, error);
        if (!error->isEmpty())
            return data;
        if (!latest.isEmpty())
            probes.insert(peer.peer, PeerProbeVerdict {latest.constFirst().verdict, latest.constFirst().finished});
    }
    data.peers = rows(shown, peers, data.letters, probes);
    return data;
}

QList<CampaignPeerRow> CampaignReader::rows(const Campaign &campaign, const QList<CampaignPeer> &peers,
                                            const QList<CampaignLetter> &letters,
                                            const QHash<QString, PeerProbeVerdict> &probes)
{
    const std::optional<qint64> windowClosed
        = campaign.isEnforcing() ? std::nullopt : std::optional<qint64>(*campaign.endedAt);
    QList<CampaignPeerRow> result;
    result.reserve(peers.size());
    for (const CampaignPeer &peer : peers) {
        CampaignPeerRow row;
        row.peer = peer;
        std::optional<qint64> lastSent;
        for (const CampaignLetter &letter : letters) {
            if (letter.peer != peer.peer)
                continue;
            if (isSent(letter)) {
                ++row.lettersSent;
                lastSent = std::max(lastSent.value_or(letter.at), letter.at);
            } else {
                ++row.lettersExported;
            }
        }
        row.lastLetterAt = lastSent;
        if (probes.contains(peer.peer))
            row.lastProbe = probes.value(peer.peer);
        if (peer.fixedAt) {
            row.state = peer.fixedBy == QLatin1String("probe") ? CampaignPeerRow::State::FixedByProbe
                                                               : CampaignPeerRow::State::FixedInLogs;
        } else if (windowClosed && row.lastProbe && row.lastProbe->verdict == Verdict::NoTls
                   && row.lastProbe->finished >= *windowClosed && (!lastSent || row.lastProbe->finished >= *lastSent)) {
            row.state = CampaignPeerRow::State::StillPlaintext;
        } else if (lastSent) {
            row.state = CampaignPeerRow::State::LetterSent;
        } else {
            row.state = CampaignPeerRow::State::Failing;
        }
        result.append(row);
    }
    return result;
}

} // namespace mailtls
