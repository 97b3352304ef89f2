#include "models/campaign/eximenforcementplan.h"

#include <QDir>

#include "models/mta/eximfixes.h"
#include "models/mta/eximinspectionresult.h"
#include "models/mta/eximsources.h"

namespace mailtls {

namespace {

constexpr char OutboundMacro[] = "REMOTE_SMTP_HOSTS_REQUIRE_TLS";
constexpr char SmarthostMacro[] = "REMOTE_SMTP_SMARTHOST_HOSTS_REQUIRE_TLS";
constexpr char InboundMacro[] = "CHECK_RCPT_LOCAL_ACL_FILE";

} // namespace

QString EximEnforcementPlan::aclPath(const EximInspectionResult &r)
{
    return QDir(r.configDirectory).filePath(QStringLiteral("mailtls-window.acl"));
}

QString EximEnforcementPlan::localPath(const EximInspectionResult &r)
{
    return r.sources.value(r.localFile).path;
}

QByteArray EximEnforcementPlan::block(bool inbound, bool outbound, const QString &aclPath)
{
    QByteArray text = QByteArray(BlockBegin) + "\n# host, takes this block out again when the window ends.\n";
    if (outbound) {
        text += QByteArray(OutboundMacro) + " = *\n";
        text += QByteArray(SmarthostMacro) + " = *\n";
    }
    if (inbound)
        text += QByteArray(InboundMacro) + " = " + aclPath.toUtf8() + "\n";
    return text + BlockEnd + "\n";
}

QByteArray EximEnforcementPlan::aclText()
{
    return QByteArrayLiteral(
        "  # MailTLS window of mandatory STARTTLS: included at the end of acl_check_rcpt\n"
        "  # (CHECK_RCPT_LOCAL_ACL_FILE) while the window runs. A server that has not\n"
        "  # started TLS is asked to try again later.\n"
        "  defer\n"
        "    !encrypted = *\n"
        "    message = 450 4.7.0 TLS required: this server accepts mail only over STARTTLS for a while; please "
        "try again later\n"
        "    log_message = TLS required: this server accepts mail only over STARTTLS for a while; please try "
        "again later\n");
}

RevertScript::Block EximEnforcementPlan::localBlock(const EximInspectionResult &r)
{
    return RevertScript::Block{localPath(r), QByteArray(BlockBegin), QByteArray(BlockEnd)};
}

std::optional<ChangePlan> EximEnforcementPlan::make(const EximInspectionResult &r, const std::optional<QByteArray> &acl,
                                                    bool inbound, bool outbound, QString *error)
{
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    if (!inbound && !outbound) {
        *error = tr("choose inbound, outbound or both");
        return std::nullopt;
    }
    if (!r.isDebianLayout()) {
        *error = tr("%1 is a configuration file of its own, not Debian's update-exim4.conf layout: MailTLS starts a "
                    "window there only through Debian's macros. By hand: for outbound, give each smtp transport "
                    "hosts_require_tls = *; for inbound, add `defer !encrypted = *` to the RCPT ACL before it "
                    "accepts mail for your domains; take both out again when the window ends.")
                     .arg(r.configFile);
        return std::nullopt;
    }
    if (!r.hasTls()) {
        *error = tr("this Exim is built without TLS (%1): it cannot offer or require STARTTLS").arg(r.versionText());
        return std::nullopt;
    }
    const EximSources::File &local = r.sources.value(r.localFile);
    if (hasBlock(local.bytes)) {
        *error = tr("%1 holds a MailTLS window's block already: end that window first (mailtls campaign end)")
                     .arg(local.path);
        return std::nullopt;
    }
    const EximSources sources(r.sources, r.localFile, true, EximFixes::localMacrosHeader(r));
    QList<QByteArray> macros;
    if (outbound)
        macros << OutboundMacro << SmarthostMacro;
    if (inbound)
        macros << InboundMacro;
    for (const QByteArray &macro : macros) {
        const QList<EximSources::Located> found = sources.macros(macro);
        for (const EximSources::Located &place : found) {
            if (place.setting.isDefaultOf(macro))
                continue;
            *error = tr("%1 defines %2 already (line %3): the window would have to replace the admin's own "
                        "setting. Take it out for the window, or end the window by hand.")
                         .arg(sources.path(place.file), QString::fromLatin1(macro))
                         .arg(place.setting.line);
            return std::nullopt;
        }
    }
    const QString aclFile = aclPath(r);
    if (inbound) {
        if (r.option(QStringLiteral("tls_advertise_hosts")).trimmed().isEmpty()) {
            *error = tr("Exim does not offer STARTTLS (tls_advertise_hosts is empty): an inbound window would refuse "
                        "every server. Turn STARTTLS on first (mailtls fix --mta exim starttls).");
            return std::nullopt;
        }
        if (acl && *acl != aclText()) {
            *error = tr("%1 exists and is not the window's: move it away first").arg(aclFile);
            return std::nullopt;
        }
    }

    ChangePlan plan = EximFixes::basePlan(r, tr("Require STARTTLS for a campaign's window"));
    plan.verification.check = ChangePlan::Check::None;
    if (inbound && acl != aclText()) {
        FileEdit edit;
        edit.path = aclFile;
        edit.before = acl;
        edit.after = aclText();
        edit.mode = 0644;
        edit.summary.append(tr("a server that has not started TLS is asked to try again later (450) at RCPT"));
        plan.edits.append(edit);
    }
    FileEdit edit;
    edit.path = local.path;
    if (local.exists)
        edit.before = local.bytes;
    QByteArray after = local.exists ? local.bytes : EximFixes::localMacrosHeader(r);
    if (!after.isEmpty() && !after.endsWith('\n'))
        after += '\n';
    edit.after = after + block(inbound, outbound, aclFile);
    if (outbound) {
        edit.summary.append(tr("%1 = * and %2 = *: remote_smtp and remote_smtp_smarthost require TLS")
                                .arg(QString::fromLatin1(OutboundMacro), QString::fromLatin1(SmarthostMacro)));
        edit.parameters << OutboundMacro << SmarthostMacro;
    }
    if (inbound) {
        edit.summary.append(tr("%1 = %2: acl_check_rcpt includes the window's ACL")
                                .arg(QString::fromLatin1(InboundMacro), aclFile));
        edit.parameters << InboundMacro;
    }
    plan.edits.append(edit);
    plan.notes.append(tr("Mail to postmaster, from this host, from relay hosts and from authenticated clients is "
                         "still accepted without TLS: Debian's acl_check_rcpt accepts it before the window's ACL."));
    return plan;
}

std::optional<ChangePlan> EximEnforcementPlan::blockRevert(const EximInspectionResult &r,
                                                           const std::optional<QByteArray> &acl, QString *error)
{
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    ChangePlan plan = EximFixes::basePlan(r, tr("End a campaign's window"));
    const EximSources::File &local = r.sources.value(r.localFile);
    if (local.exists && hasBlock(local.bytes)) {
        FileEdit edit;
        edit.path = local.path;
        edit.before = local.bytes;
        edit.after = withoutBlock(local.bytes);
        edit.summary.append(tr("the window's block taken out"));
        plan.edits.append(edit);
    }
    if (acl && *acl == aclText()) {
        FileEdit edit;
        edit.path = aclPath(r);
        edit.before = acl;
        edit.summary.append(tr("the window's ACL removed"));
        plan.edits.append(edit);
    }
    return plan;
}

} // namespace mailtls
