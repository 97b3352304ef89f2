#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QtGlobal>

#include "models/campaign/campaign.h"
#include "widgets/campaign/campaignpeerrow.h"

namespace mailtls {

// A campaign's failing peers as CSV, as the dashboard's exports are written
// (DashboardCsv): comment lines naming the campaign, when it was exported,
// its service, computer, window and progress; then a header of fixed English
// column names and one row per peer as the table lists it, in its order.
// Times are UTC in ISO 8601; states are codes ("fixed-log").
class CampaignCsv final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignCsv)

public:
    static QString peers(const Campaign &campaign, const QList<CampaignPeerRow> &rows, int fixed, int total,
                         qint64 exportedAt);
    // "11 of 38 fixed".
    static QString progress(int fixed, int total);
};

} // namespace mailtls
