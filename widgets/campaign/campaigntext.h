#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "widgets/campaign/campaignpeerrow.h"

namespace mailtls {

// The words the Campaigns page shows for a campaign and its peers
// (translated), and the untranslated codes its CSV writes for them.
class CampaignText final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignText)

public:
    // "Postfix", or the stored key when MailTLS does not know it.
    static QString service(const Campaign &campaign);
    // "This computer", or "ssh://user@host:port".
    static QString computer(const Campaign &campaign);
    // "Inbound and outbound", "Inbound", "Outbound".
    static QString directions(const Campaign &campaign);
    // "Enforcing, 3 h 12 min left", "Ended by you", "Ended by MailTLS",
    // "Ended by the host's job", "Outlived its end by 2 h".
    static QString state(const Campaign &campaign, qint64 now);
    // A sentence for the state's tooltip: when it ended, and what to do
    // about a window that outlived its end.
    static QString stateExplanation(const Campaign &campaign, qint64 now);
    // "2 d 3 h", "3 h 12 min", "12 min", "less than a minute".
    static QString duration(qint64 seconds);

    static QString peerState(CampaignPeerRow::State state);
    static QString peerStateExplanation(const CampaignPeerRow &row);
    // "failing", "letter-sent", "still-plaintext", "fixed-log", "fixed-probe".
    static QString peerStateCode(CampaignPeerRow::State state);
    // "refused" or a TLS problem's stored name, in words.
    static QString problem(const QString &problem);
    // "1 sent", "2 exported", "1 sent, 1 exported", "" for none.
    static QString letters(const CampaignPeerRow &row);
    // "2026-11-30 09:15" in UTC, as the page shows times.
    static QString time(qint64 utcSeconds);
};

} // namespace mailtls
