#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "models/store/probehistory.h"

namespace mailtls {

// One failing peer of a campaign as the Campaigns page lists it: the stored
// row, what became of it, and the letters written to it.
struct CampaignPeerRow
{
    // Worst first is not the order: a peer moves from Failing through
    // LetterSent to Fixed, or back to StillPlaintext when a re-probe after
    // the window still finds no TLS.
    enum class State { Failing, LetterSent, StillPlaintext, FixedInLogs, FixedByProbe };

    CampaignPeer peer;
    State state = State::Failing;
    int lettersSent = 0; // through the submission server or the mail program
    int lettersExported = 0; // .eml or mbox
    std::optional<qint64> lastLetterAt; // the last one sent
    // The peer's latest stored probe, when there is one.
    std::optional<PeerProbeVerdict> lastProbe;

    bool isFixed() const { return state == State::FixedInLogs || state == State::FixedByProbe; }
};

// What the Campaigns page reads from the store in one go: every campaign
// (newest first) and the shown one's peers with their states.
struct CampaignPageData
{
    QList<Campaign> campaigns;
    qint64 shownId = 0; // 0 when there is no campaign
    QList<CampaignPeerRow> peers;
    QList<CampaignLetter> letters; // the shown campaign's, in the order written
};

} // namespace mailtls
