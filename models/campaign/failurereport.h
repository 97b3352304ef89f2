#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"

namespace mailtls {

// A campaign's failing peers (FailureGatherer) as `mailtls campaign
// failures` prints them: a table for people, or CSV (like DashboardCsv: "# …"
// comment lines naming what it holds and the range, then a header of fixed
// English column names and one row per peer; times UTC in ISO 8601; address
// lists space-separated).
class FailureReport final
{
    Q_DECLARE_TR_FUNCTIONS(FailureReport)

public:
    // `campaignId`: the campaign the peers were gathered for, if any.
    static QString table(const QList<CampaignPeer> &peers, qint64 from, qint64 to, std::optional<qint64> campaignId);
    static QString csv(const QList<CampaignPeer> &peers, qint64 from, qint64 to, std::optional<qint64> campaignId);
};

} // namespace mailtls
