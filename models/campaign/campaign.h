#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// One campaign of mandatory STARTTLS (store schema 8, table campaigns): a
// window during which the own MTA requires TLS inbound, outbound or both,
// then the peers that failed, the letters written to them and who fixed it.
struct Campaign
{
    qint64 id = 0;
    QString name;
    qint64 created = 0; // UTC seconds
    QString mta; // "postfix", "exim", "sendmail" (MailService::kindName)
    // "" for this computer, else ServiceHost::location(): "ssh://user@host:port".
    QString host;
    QString configDir;
    bool inbound = false;
    bool outbound = false;
    qint64 windowStart = 0; // UTC seconds
    qint64 windowEnd = 0; // planned end, UTC seconds
    // When the previous settings were put back; unset while enforcing.
    std::optional<qint64> endedAt;
    // Who put them back: "user" (ended early), "app" (MailTLS at the end
    // time), "job" (the job on the mail host, MailTLS not running then).
    QString endedBy;
    // The PlanApplier backup made when the window started: restoring it ends
    // the window.
    QString backupId;
    // The job on the mail host that restores the settings at windowEnd if
    // MailTLS does not ("at:17", "systemd:mailtls-campaign-3"); empty once
    // removed.
    QString revertJob;
    // When the failing peers were last gathered into campaign_peers.
    std::optional<qint64> gatheredAt;

    bool isEnforcing() const { return !endedAt.has_value(); }
    // Enforcing past its end: the revert neither ran nor was recorded.
    bool outlived(qint64 now) const { return isEnforcing() && now > windowEnd; }
};

// One peer a campaign found failing (table campaign_peers), per direction.
struct CampaignPeer
{
    qint64 campaignId = 0;
    QString peer; // as the store names it (normalised host, or the IP)
    Direction direction = Direction::Inbound; // Inbound or Outbound
    // What failed: "refused" (no STARTTLS where it was required: a refusal),
    // or a TlsProblem name as the store keeps it ("not-offered",
    // "dh-key-too-small", "handshake", "certificate", …).
    QString problem;
    QString reason; // the MTA's words, of the last failure
    int failures = 0; // refused sessions and failed TLS attempts
    int messages = 0; // distinct messages deferred or refused, where the log names them
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    QStringList ourAddresses; // our side's addresses that corresponded with this peer
    QStringList theirAddresses; // theirs
    std::optional<qint64> fixedAt; // first encrypted mail seen after the window, or a passing re-probe
    QString fixedBy; // "log" or "probe"
};

// One letter written for a campaign (table campaign_letters).
struct CampaignLetter
{
    qint64 id = 0;
    qint64 campaignId = 0;
    QString peer;
    QString recipient; // the address it was written to
    QString language; // "en", "de"
    QString subject;
    QByteArray message; // the exact RFC 5322 bytes
    // "smtp" (sent through the user's submission server), "eml" or "mbox"
    // (exported), "mailer" (handed to the user's mail program).
    QString delivery;
    qint64 at = 0; // UTC seconds
    QString serverReply; // the submission server's final reply, for "smtp"
};

} // namespace mailtls
