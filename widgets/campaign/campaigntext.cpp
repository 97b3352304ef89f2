#include "widgets/campaign/campaigntext.h"

#include <QDateTime>
#include <QStringList>

#include "models/itemmodels/recordtitles.h"
#include "models/mta/mailservice.h"
#include "models/store/recordcodes.h"

namespace mailtls {

QString CampaignText::service(const Campaign &campaign)
{
    if (const std::optional<MailService::Kind> kind = MailService::kindFromKey(campaign.mta))
        return MailService::kindTitle(*kind);
    return campaign.mta;
}

QString CampaignText::computer(const Campaign &campaign)
{
    return campaign.host.isEmpty() ? tr("This computer") : campaign.host;
}

QString CampaignText::directions(const Campaign &campaign)
{
    if (campaign.inbound && campaign.outbound)
        return tr("Inbound and outbound");
    if (campaign.inbound)
        return tr("Inbound");
    if (campaign.outbound)
        return tr("Outbound");
    return tr("None");
}

QString CampaignText::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("less than a minute");
    const qint64 minutes = seconds / 60;
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = (minutes / 60) % 24;
    const qint64 rest = minutes % 60;
    if (days > 0)
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    if (hours > 0)
        return rest > 0 ? tr("%1 h %2 min").arg(hours).arg(rest) : tr("%1 h").arg(hours);
    return tr("%1 min").arg(rest);
}

QString CampaignText::state(const Campaign &campaign, qint64 now)
{
    if (campaign.outlived(now))
        return tr("Outlived its end by %1").arg(duration(now - campaign.windowEnd));
    if (campaign.isEnforcing())
        return tr("Enforcing, %1 left").arg(duration(campaign.windowEnd - now));
    if (campaign.endedBy == QLatin1String("user"))
        return tr("Ended by you");
    if (campaign.endedBy == QLatin1String("app"))
        return tr("Ended by MailTLS");
    if (campaign.endedBy == QLatin1String("job"))
        return tr("Ended by the host's job");
    return tr("Ended");
}

QString CampaignText::stateExplanation(const Campaign &campaign, qint64 now)
{
    if (campaign.outlived(now))
        return tr("The window was due to end at %1 UTC, but nothing has recorded putting the previous settings "
                  "back: the mail server may still require TLS. End it now to restore them.")
            .arg(time(campaign.windowEnd));
    if (campaign.isEnforcing())
        return tr("The mail server requires TLS until %1 UTC; then MailTLS, or the job on the mail host if "
                  "MailTLS is not running, puts the previous settings back.")
            .arg(time(campaign.windowEnd));
    const QString at = time(*campaign.endedAt);
    if (campaign.endedBy == QLatin1String("user"))
        return tr("You ended the window early, at %1 UTC; the previous settings were put back.").arg(at);
    if (campaign.endedBy == QLatin1String("app"))
        return tr("MailTLS put the previous settings back at the window's end, %1 UTC.").arg(at);
    if (campaign.endedBy == QLatin1String("job"))
        return tr("The job on the mail host put the previous settings back at %1 UTC, while MailTLS was not "
                  "running.")
            .arg(at);
    return tr("The previous settings were put back at %1 UTC.").arg(at);
}

QString CampaignText::peerState(CampaignPeerRow::State state)
{
    switch (state) {
    case CampaignPeerRow::State::Failing:
        return tr("Failing");
    case CampaignPeerRow::State::LetterSent:
        return tr("Letter sent");
    case CampaignPeerRow::State::StillPlaintext:
        return tr("Still plaintext");
    case CampaignPeerRow::State::FixedInLogs:
        return tr("Fixed (seen encrypted)");
    case CampaignPeerRow::State::FixedByProbe:
        return tr("Fixed (re-probe)");
    }
    return QString();
}

QString CampaignText::peerStateExplanation(const CampaignPeerRow &row)
{
    switch (row.state) {
    case CampaignPeerRow::State::Failing:
        return tr("Failed during the window; no letter has been sent and nothing shows it fixed yet.");
    case CampaignPeerRow::State::LetterSent:
        return tr("A letter was sent on %1 UTC; nothing shows it fixed yet.")
            .arg(row.lastLetterAt ? time(*row.lastLetterAt) : QString());
    case CampaignPeerRow::State::StillPlaintext:
        return tr("A re-probe on %1 UTC, after the window, still found no TLS.")
            .arg(row.lastProbe ? time(row.lastProbe->finished) : QString());
    case CampaignPeerRow::State::FixedInLogs:
        return tr("Mail with this peer was seen encrypted in the logs on %1 UTC.")
            .arg(row.peer.fixedAt ? time(*row.peer.fixedAt) : QString());
    case CampaignPeerRow::State::FixedByProbe:
        return tr("A re-probe on %1 UTC found its servers offering TLS.")
            .arg(row.peer.fixedAt ? time(*row.peer.fixedAt) : QString());
    }
    return QString();
}

QString CampaignText::peerStateCode(CampaignPeerRow::State state)
{
    switch (state) {
    case CampaignPeerRow::State::Failing:
        return QStringLiteral("failing");
    case CampaignPeerRow::State::LetterSent:
        return QStringLiteral("letter-sent");
    case CampaignPeerRow::State::StillPlaintext:
        return QStringLiteral("still-plaintext");
    case CampaignPeerRow::State::FixedInLogs:
        return QStringLiteral("fixed-log");
    case CampaignPeerRow::State::FixedByProbe:
        return QStringLiteral("fixed-probe");
    }
    return QString();
}

QString CampaignText::problem(const QString &problem)
{
    if (problem == QLatin1String("refused"))
        return tr("Refused: no STARTTLS");
    if (const std::optional<TlsProblem> known = RecordCodes::problemFromName(problem))
        return RecordTitles::problem(*known);
    return problem;
}

QString CampaignText::letters(const CampaignPeerRow &row)
{
    QStringList parts;
    if (row.lettersSent > 0)
        parts << tr("%n sent", nullptr, row.lettersSent);
    if (row.lettersExported > 0)
        parts << tr("%n exported", nullptr, row.lettersExported);
    return parts.join(tr(", "));
}

QString CampaignText::time(qint64 utcSeconds)
{
    return QDateTime::fromSecsSinceEpoch(utcSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace mailtls
