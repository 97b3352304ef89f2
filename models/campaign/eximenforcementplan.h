#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "models/campaign/revertscript.h"
#include "models/mta/changeplan.h"

namespace mailtls {

struct EximInspectionResult;

// The Exim side of a campaign's enforcement window, for Debian's layouts
// (update-exim4.conf with exim4.conf.template or conf.d), whose
// configuration has a switch for each direction:
// - outbound: REMOTE_SMTP_HOSTS_REQUIRE_TLS and
//   REMOTE_SMTP_SMARTHOST_HOSTS_REQUIRE_TLS = * give the remote_smtp and
//   remote_smtp_smarthost transports hosts_require_tls = *, so mail to a
//   server without STARTTLS is deferred;
// - inbound: CHECK_RCPT_LOCAL_ACL_FILE names a file of the window's, which
//   acl_check_rcpt includes after it has accepted local submissions, relay
//   hosts, authenticated clients and postmaster: a client that has not
//   started TLS gets a temporary refusal (450) of every other recipient.
// The macros go into the local macros file as one block between two marker
// lines, so that the window's end (and the job on the mail host) can take
// exactly those lines out again when the file has been edited meanwhile.
// Another configuration file of its own gets no window: its ACLs and
// transports are the admin's, and make() says what to change by hand.
class EximEnforcementPlan final
{
    Q_DECLARE_TR_FUNCTIONS(EximEnforcementPlan)

public:
    static constexpr char BlockBegin[] =
        "# Begin MailTLS window of mandatory STARTTLS: MailTLS, or the job it left on this";
    static constexpr char BlockEnd[] = "# End MailTLS window of mandatory STARTTLS";

    // CONFIGDIR/mailtls-window.acl
    static QString aclPath(const EximInspectionResult &inspection);
    // The local macros file the block goes to.
    static QString localPath(const EximInspectionResult &inspection);
    // The block, with the macros of the chosen directions.
    static QByteArray block(bool inbound, bool outbound, const QString &aclPath);
    // The ACL fragment acl_check_rcpt includes during an inbound window.
    static QByteArray aclText();

    // The window's plan, or std::nullopt with *error saying plainly why not:
    // not Debian's layout (with what to change by hand), no direction, a
    // window's block in the local file already, a macro the window sets that
    // the admin defines (the exact line), no STARTTLS for an inbound window,
    // or an ACL file of another content in the window's place. `acl` is the
    // window's ACL file as it is now (nothing: missing).
    static std::optional<ChangePlan> make(const EximInspectionResult &inspection,
                                          const std::optional<QByteArray> &acl, bool inbound, bool outbound,
                                          QString *error);

    // The window's block in the local macros file, as the job's script and
    // the end take it out.
    static RevertScript::Block localBlock(const EximInspectionResult &inspection);
    static bool hasBlock(const QByteArray &text) { return RevertScript::Block{{}, BlockBegin, BlockEnd}.isIn(text); }
    static QByteArray withoutBlock(const QByteArray &text)
    {
        return RevertScript::Block{{}, BlockBegin, BlockEnd}.removedFrom(text);
    }

    // For files changed during the window: the block comes out of the local
    // file as it is now, and the ACL file goes while it holds the window's
    // bytes. An empty plan when neither is left.
    static std::optional<ChangePlan> blockRevert(const EximInspectionResult &inspection,
                                                 const std::optional<QByteArray> &acl, QString *error);
};

} // namespace mailtls
