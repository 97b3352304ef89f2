#include "models/campaign/failurereport.h"

#include <algorithm>
#include <vector>

#include <QStringList>

#include "models/report/dashboardcsv.h"

namespace mailtls {

namespace {

QString title(qint64 from, qint64 to, std::optional<qint64> campaignId)
{
    const QString range = FailureReport::tr("from %1 to %2 (UTC)").arg(DashboardCsv::utc(from), DashboardCsv::utc(to));
    return campaignId ? FailureReport::tr("Failing peers of campaign %1, %2").arg(*campaignId).arg(range)
                      : FailureReport::tr("Failing peers %1").arg(range);
}

QString fixedText(const CampaignPeer &peer)
{
    if (!peer.fixedAt)
        return FailureReport::tr("no");
    return QStringLiteral("%1 (%2)").arg(DashboardCsv::utc(*peer.fixedAt), peer.fixedBy);
}

} // namespace

QString FailureReport::table(const QList<CampaignPeer> &peers, qint64 from, qint64 to, std::optional<qint64> campaignId)
{
    QString text = title(from, to, campaignId) + QLatin1Char('\n');
    if (peers.isEmpty())
        return text + tr("No peer failed in this range.") + QLatin1Char('\n');

    const QStringList header = {tr("DIRECTION"), tr("PEER"),       tr("PROBLEM"),   tr("FAILURES"),
                                tr("MESSAGES"),  tr("FIRST SEEN"), tr("LAST SEEN"), tr("FIXED")};
    std::vector<QStringList> rows;
    for (const CampaignPeer &p : peers) {
        rows.push_back({directionName(p.direction), p.peer, p.problem, QString::number(p.failures),
                        QString::number(p.messages), DashboardCsv::utc(p.firstSeen), DashboardCsv::utc(p.lastSeen),
                        fixedText(p)});
    }
    std::vector<qsizetype> widths(std::size_t(header.size()), 0);
    auto measure = [&widths](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[std::size_t(i)] = std::max(widths[std::size_t(i)], row.at(i).size());
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    auto line = [&widths](const QStringList &row) {
        QString out;
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i + 1 == row.size())
                out += row.at(i);
            else
                out += row.at(i).leftJustified(widths[std::size_t(i)] + 2);
        }
        return out + QLatin1Char('\n');
    };
    text += line(header);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CampaignPeer &p = peers.at(qsizetype(i));
        text += line(rows[i]);
        text += QStringLiteral("    ") + tr("reason: %1").arg(p.reason) + QLatin1Char('\n');
        const QString none = tr("(none known)");
        text += QStringLiteral("    ")
            + tr("ours: %1").arg(p.ourAddresses.isEmpty() ? none : p.ourAddresses.join(QStringLiteral(", ")))
            + QLatin1Char('\n');
        text += QStringLiteral("    ")
            + tr("theirs: %1").arg(p.theirAddresses.isEmpty() ? none : p.theirAddresses.join(QStringLiteral(", ")))
            + QLatin1Char('\n');
    }
    return text;
}

QString FailureReport::csv(const QList<CampaignPeer> &peers, qint64 from, qint64 to, std::optional<qint64> campaignId)
{
    QString text = QStringLiteral("# ") + title(from, to, campaignId) + QLatin1Char('\n');
    text += QStringLiteral("# ")
        + tr("One row per peer and direction; addresses are space-separated, most recent first.") + QLatin1Char('\n');
    text += QStringLiteral("direction,peer,problem,reason,failures,messages,first_seen,last_seen,our_addresses,"
                           "their_addresses,fixed_at,fixed_by\n");
    for (const CampaignPeer &p : peers) {
        const QStringList fields = {
            directionName(p.direction),
            DashboardCsv::field(p.peer),
            DashboardCsv::field(p.problem),
            DashboardCsv::field(p.reason),
            QString::number(p.failures),
            QString::number(p.messages),
            DashboardCsv::utc(p.firstSeen),
            DashboardCsv::utc(p.lastSeen),
            DashboardCsv::field(p.ourAddresses.join(QLatin1Char(' '))),
            DashboardCsv::field(p.theirAddresses.join(QLatin1Char(' '))),
            p.fixedAt ? DashboardCsv::utc(*p.fixedAt) : QString(),
            DashboardCsv::field(p.fixedBy),
        };
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text;
}

} // namespace mailtls
