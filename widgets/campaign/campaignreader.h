#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "models/store/probehistory.h"
#include "widgets/campaign/campaignpeerrow.h"

namespace mailtls {

class TrafficStore;

// Reads what the Campaigns page shows, on the page's query thread: the
// campaigns through a CampaignStore of its own on the same file, and the
// latest probe of each failing peer from the traffic store.
class CampaignReader final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignReader)

public:
    // Every campaign, and the peers and letters of campaign `wanted` (the
    // newest when 0 or gone).
    static CampaignPageData read(TrafficStore &store, qint64 wanted, QString *error);

    // Each peer's state:
    // - fixed, as the store says (seen encrypted in the logs, or a re-probe);
    // - still plaintext, when its latest probe finished after the window
    //   ended and found no TLS, and no letter went out after that probe;
    // - letter sent, when a letter to it was sent (not only exported);
    // - failing otherwise.
    // A letter belongs to the peer it names.
    static QList<CampaignPeerRow> rows(const Campaign &campaign, const QList<CampaignPeer> &peers,
                                       const QList<CampaignLetter> &letters,
                                       const QHash<QString, PeerProbeVerdict> &probes);
};

} // namespace mailtls
