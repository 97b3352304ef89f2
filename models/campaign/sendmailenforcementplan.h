#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/campaign/revertscript.h"
#include "models/mta/changeplan.h"

namespace mailtls {

struct SendmailInspectionResult;

// The Sendmail side of a campaign's enforcement window: rules of the
// window's own in sendmail.mc's LOCAL_TLS_CLIENT and LOCAL_TLS_SERVER
// rulesets, which proto.m4 calls before its TLS_Clt / TLS_Srv access-map
// policy, and the sendmail.cf m4 builds from it (SendmailFixes::buildCf):
// - inbound: a client that has not started TLS gets 454 4.7.0 (a temporary
//   refusal) for every recipient but postmaster, unless it connects from
//   this host (127.0.0.1, ::1) or has authenticated; with Debian's
//   delay_checks that is at RCPT, without it at MAIL (postmaster too);
// - outbound: mail to a server that does not offer STARTTLS is deferred
//   with 454 4.7.0 (a next hop on this host is exempt: a content filter).
// The block sits between two marker lines at the end of sendmail.mc; its
// rules carry marker comment lines of their own, which m4 copies into
// sendmail.cf, so that the window's end (and the job on the mail host) can
// take exactly those lines out of either file when it has been changed
// meanwhile.
class SendmailEnforcementPlan final
{
    Q_DECLARE_TR_FUNCTIONS(SendmailEnforcementPlan)

public:
    static constexpr char McBegin[] =
        "dnl # Begin MailTLS window of mandatory STARTTLS: MailTLS, or the job it left on this";
    static constexpr char McEnd[] = "dnl # End MailTLS window of mandatory STARTTLS";
    static constexpr char CfBegin[] = "# Begin MailTLS window of mandatory STARTTLS";
    static constexpr char CfEnd[] = "# End MailTLS window of mandatory STARTTLS";
    // What a plaintext client is told, and why a delivery waits.
    static constexpr char InboundReply[] = "454 4.7.0 STARTTLS required for now, try again with STARTTLS";
    static constexpr char OutboundReply[] =
        "454 4.7.0 other side does not support STARTTLS (STARTTLS required for now)";

    // The block for sendmail.mc.
    static QByteArray block(bool inbound, bool outbound);
    // The window's lines in sendmail.mc and in sendmail.cf.
    static QList<RevertScript::Block> blocks(const SendmailInspectionResult &inspection);

    // The window's plan, or std::nullopt with *error saying plainly why not:
    // no sendmail.mc, no STARTTLS in this Sendmail, no server certificate
    // for an inbound window, a window's block there already, rules of the
    // admin's own in Local_tls_client / Local_tls_server (the exact line),
    // or m4 failing. Runs m4 (SendmailFixes::buildCf): call it off the GUI
    // thread.
    static std::optional<ChangePlan> make(const SendmailInspectionResult &inspection, bool inbound, bool outbound,
                                          QString *error);
    // For files changed during the window: the block out of sendmail.mc as
    // it is now, and sendmail.cf built again from that. An empty plan when
    // neither file holds the window's lines. Runs m4 as make() does.
    static std::optional<ChangePlan> blockRevert(const SendmailInspectionResult &inspection, QString *error);

    static bool hasBlock(const QByteArray &mc);
};

} // namespace mailtls
