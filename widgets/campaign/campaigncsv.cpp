#include "widgets/campaign/campaigncsv.h"

#include <QStringList>

#include "models/report/dashboardcsv.h"
#include "widgets/campaign/campaigntext.h"

namespace mailtls {

namespace {

QString comment(const QString &text)
{
    // A comment is one line, whatever a campaign's name holds.
    QString line = text;
    line.replace(QLatin1Char('\r'), QLatin1Char(' '));
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral("# ") + line + QLatin1Char('\n');
}

} // namespace

QString CampaignCsv::progress(int fixed, int total)
{
    return tr("%1 of %2 fixed").arg(fixed).arg(total);
}

QString CampaignCsv::peers(const Campaign &campaign, const QList<CampaignPeerRow> &rows, int fixed, int total,
                           qint64 exportedAt)
{
    QString out = comment(tr("MailTLS campaign “%1” (number %2): failing peers").arg(campaign.name).arg(campaign.id));
    out += comment(tr("Exported: %1").arg(DashboardCsv::utc(exportedAt)));
    out += comment(tr("Service: %1 on %2; directions: %3")
                       .arg(CampaignText::service(campaign), CampaignText::computer(campaign),
                            CampaignText::directions(campaign)));
    out += comment(tr("Window: %1 to %2; %3")
                       .arg(DashboardCsv::utc(campaign.windowStart),
                            DashboardCsv::utc(campaign.endedAt.value_or(campaign.windowEnd)),
                            CampaignText::state(campaign, exportedAt)));
    out += comment(tr("Progress: %1").arg(progress(fixed, total)));
    out += comment(tr("Units: failures and messages are counts; times are UTC (ISO 8601); states are "
                      "failing, letter-sent, still-plaintext, fixed-log (seen encrypted in the logs) and "
                      "fixed-probe (confirmed by a re-probe)"));
    out += QLatin1Char('\n');
    out += comment(tr("Failing peers"));
    out += QStringLiteral("peer,direction,state,fixed_utc,problem,reason,failures,messages,first_seen_utc,"
                          "last_seen_utc,our_addresses,their_addresses,letters_sent,letters_exported\n");
    for (const CampaignPeerRow &row : rows) {
        const CampaignPeer &p = row.peer;
        const QStringList fields {p.peer,
                                  directionName(p.direction),
                                  CampaignText::peerStateCode(row.state),
                                  p.fixedAt ? DashboardCsv::utc(*p.fixedAt) : QString(),
                                  p.problem,
                                  p.reason,
                                  QString::number(p.failures),
                                  QString::number(p.messages),
                                  DashboardCsv::utc(p.firstSeen),
                                  DashboardCsv::utc(p.lastSeen),
                                  p.ourAddresses.join(QLatin1Char(' ')),
                                  p.theirAddresses.join(QLatin1Char(' ')),
                                  QString::number(row.lettersSent),
                                  QString::number(row.lettersExported)};
        QStringList quoted;
        for (const QString &value : fields)
            quoted << DashboardCsv::field(value);
        out += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace mailtls
