#include "models/campaign/sendmailenforcementplan.h"

#include "models/mta/sendmailfixes.h"
#include "models/mta/sendmailinspectionresult.h"

namespace mailtls {

namespace {

RevertScript::Block mcBlock(const QString &path)
{
    return RevertScript::Block{path, QByteArray(SendmailEnforcementPlan::McBegin),
                               QByteArray(SendmailEnforcementPlan::McEnd)};
}

RevertScript::Block cfBlock(const QString &path)
{
    return RevertScript::Block{path, QByteArray(SendmailEnforcementPlan::CfBegin),
                               QByteArray(SendmailEnforcementPlan::CfEnd)};
}

// The first line of `mc` that starts one of these rulesets (not in a dnl
// comment), 1-based; 0 when there is none.
int localTlsLine(const QByteArray &mc, QByteArray *which)
{
    const QList<QByteArray> lines = mc.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        for (const QByteArray &name : {QByteArrayLiteral("LOCAL_TLS_CLIENT"), QByteArrayLiteral("LOCAL_TLS_SERVER")}) {
            if (line.startsWith(name)) {
                *which = name;
                return int(i) + 1;
            }
        }
    }
    return 0;
}

// An edit of sendmail.cf to what m4 builds from `mc`, when it differs.
bool addCf(const SendmailInspectionResult &r, const QByteArray &mc, ChangePlan &plan, QString *error)
{
    QString note;
    const std::optional<QByteArray> cf = SendmailFixes::buildCf(r, mc, &note, error);
    if (!cf)
        return false;
    if (!note.isEmpty())
        plan.notes.append(note);
    if (*cf == r.cf)
        return true;
    FileEdit edit;
    edit.path = r.cfPath;
    edit.before = r.cf;
    edit.after = *cf;
    edit.summary.append(SendmailEnforcementPlan::tr("%1 built again from sendmail.mc (m4)").arg(r.cfPath));
    plan.edits.append(edit);
    return true;
}

} // namespace

QByteArray SendmailEnforcementPlan::block(bool inbound, bool outbound)
{
    QByteArray text = QByteArray(McBegin) + "\ndnl # host, takes this block out again when the window ends.\n";
    const QByteArray begin = QByteArray(CfBegin) + '\n';
    const QByteArray end = QByteArray(CfEnd) + '\n';
    if (inbound) {
        text += "LOCAL_TLS_CLIENT\n" + begin;
        text += "R$* $| STARTTLS\t\t$@ OK\n"
                "R$*\t\t\t$: $&{client_addr}\n"
                "R127.0.0.1\t\t$@ OK\n"
                "RIPv6:::1\t\t$@ OK\n"
                "R$*\t\t\t$: <$&{auth_type}>\n"
                "R<$+>\t\t\t$@ OK\n"
                "R$*\t\t\t$: <$&{rcpt_addr}>\n"
                "R<postmaster>\t\t$@ OK\n"
                "R$*\t\t\t$: <$&{tls_version}>\n"
                "R<>\t\t\t$#error $@ 4.7.0 $: \"" + QByteArray(InboundReply) + "\"\n";
        text += end;
    }
    if (outbound) {
        text += "LOCAL_TLS_SERVER\n" + begin;
        text += "R$*\t\t\t$: $1 $| $&{server_addr}\n"
                "R$* $| 127.0.0.1\t$@ OK\n"
                "R$* $| IPv6:::1\t\t$@ OK\n"
                "R$* $| $*\t\t$: <$1> <$&{cipher_bits}>\n"
                "R<$*> <>\t\t$#error $@ 4.7.0 $: \"" + QByteArray(OutboundReply) + "\"\n"
                "R<$*> <0>\t\t$#error $@ 4.7.0 $: \"" + QByteArray(OutboundReply) + "\"\n";
        text += end;
    }
    return text + McEnd + '\n';
}

QList<RevertScript::Block> SendmailEnforcementPlan::blocks(const SendmailInspectionResult &r)
{
    return {mcBlock(r.mcPath), cfBlock(r.cfPath)};
}

bool SendmailEnforcementPlan::hasBlock(const QByteArray &mc)
{
    return mcBlock(QString()).isIn(mc);
}

std::optional<ChangePlan> SendmailEnforcementPlan::make(const SendmailInspectionResult &r, bool inbound,
                                                        bool outbound, QString *error)
{
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    if (!inbound && !outbound) {
        *error = tr("choose inbound, outbound or both");
        return std::nullopt;
    }
    if (!r.mcExists) {
        *error = tr("there is no sendmail.mc in %1: MailTLS changes sendmail.mc and builds sendmail.cf from it")
                     .arg(r.configDirectory);
        return std::nullopt;
    }
    if (!r.hasStartTls()) {
        *error = tr("this Sendmail is built without STARTTLS (%1): it cannot offer or require it").arg(r.versionText());
        return std::nullopt;
    }
    if (inbound && !r.hasServerCertificate()) {
        *error = tr("Sendmail has no server certificate (confSERVER_CERT and confSERVER_KEY), so it offers no "
                    "STARTTLS: an inbound window would refuse every server. Turn STARTTLS on first (mailtls fix "
                    "--mta sendmail starttls).");
        return std::nullopt;
    }
    if (hasBlock(r.mc) || cfBlock(QString()).isIn(r.cf)) {
        *error = tr("%1 holds a MailTLS window's rules already: end that window first (mailtls campaign end)")
                     .arg(hasBlock(r.mc) ? r.mcPath : r.cfPath);
        return std::nullopt;
    }
    QByteArray which;
    if (const int line = localTlsLine(r.mc, &which)) {
        *error = tr("%1 has rules of its own in %2 (line %3): the window's would be mixed with them. Take them out "
                    "for the window, or require TLS by hand.")
                     .arg(r.mcPath, QString::fromLatin1(which))
                     .arg(line);
        return std::nullopt;
    }
    if (r.cf.contains("\nSLocal_tls_client") || r.cf.contains("\nSLocal_tls_server")) {
        *error = tr("%1 has a Local_tls_client or Local_tls_server ruleset that sendmail.mc does not show (an "
                    "included file or a hack): the window's rules would be mixed with it.")
                     .arg(r.cfPath);
        return std::nullopt;
    }

    ChangePlan plan = SendmailFixes::basePlan(r, tr("Require STARTTLS for a campaign's window"));
    FileEdit mc;
    mc.path = r.mcPath;
    mc.before = r.mc;
    QByteArray after = r.mc;
    if (!after.isEmpty() && !after.endsWith('\n'))
        after += '\n';
    after += block(inbound, outbound);
    mc.after = after;
    if (inbound)
        mc.summary.append(tr("LOCAL_TLS_CLIENT: a client without STARTTLS is told %1, unless it connects from this "
                             "host, has authenticated, or writes to postmaster")
                              .arg(QString::fromLatin1(InboundReply)));
    if (outbound)
        mc.summary.append(tr("LOCAL_TLS_SERVER: mail to a server without STARTTLS waits in the queue (%1)")
                              .arg(QString::fromLatin1(OutboundReply)));
    plan.edits.append(mc);
    if (!addCf(r, after, plan, error))
        return std::nullopt;
    if (plan.edits.size() < 2 || !cfBlock(QString()).isIn(*plan.edits.constLast().after)) {
        *error = tr("m4 built a sendmail.cf without the window's rules from the changed sendmail.mc");
        return std::nullopt;
    }
    if (inbound && !r.cf.contains("\nSDelay_TLS_Clt"))
        plan.notes.append(tr("sendmail.mc has no FEATURE(delay_checks): Sendmail asks for STARTTLS at MAIL, before "
                             "it knows the recipient, so mail to postmaster is refused too."));
    if (outbound)
        plan.notes.append(tr("After the window Sendmail may wait up to 30 minutes (its host status cache) before it "
                             "tries a server it deferred again; the next queue run after that sends the mail."));
    return plan;
}

std::optional<ChangePlan> SendmailEnforcementPlan::blockRevert(const SendmailInspectionResult &r, QString *error)
{
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    ChangePlan plan = SendmailFixes::basePlan(r, tr("End a campaign's window"));
    const RevertScript::Block mcLines = mcBlock(r.mcPath);
    QByteArray mc = r.mc;
    if (mcLines.isIn(r.mc)) {
        mc = mcLines.removedFrom(r.mc);
        FileEdit edit;
        edit.path = r.mcPath;
        edit.before = r.mc;
        edit.after = mc;
        edit.summary.append(tr("the window's block taken out"));
        plan.edits.append(edit);
    }
    if (plan.edits.isEmpty() && !cfBlock(QString()).isIn(r.cf))
        return plan;
    if (!addCf(r, mc, plan, error))
        return std::nullopt;
    return plan;
}

} // namespace mailtls
