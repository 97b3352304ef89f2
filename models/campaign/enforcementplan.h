#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/mta/changeplan.h"

namespace mailtls {

struct PostfixInspectionResult;

// A master.cf "-o" that sets a window's parameter for a service the window
// must reach: the port-25 smtpd (inbound) or the smtp transport (outbound).
struct MasterCfOverride
{
    int line = 0; // 1-based, the physical line holding the "-o" value
    QString text; // that line, exactly (without its line end)
    QString service; // "127.0.16.1:25/inet", "smtp/unix"
    QString parameter;
    QString value;
    // Anything but "encrypt" keeps the window from taking effect there.
    bool blocks = false;
};

// The Postfix side of a campaign's enforcement window: the ChangePlan that
// requires TLS (smtpd_tls_security_level = encrypt inbound,
// smtp_tls_security_level = encrypt outbound), made with PostfixMainCf from
// the inspection's main.cf bytes so that only those definitions change and
// every other byte stays; and the plan that takes the window's settings back
// out of a main.cf changed since the window started.
class EnforcementPlan final
{
    Q_DECLARE_TR_FUNCTIONS(EnforcementPlan)

public:
    static constexpr char InboundParameter[] = "smtpd_tls_security_level";
    static constexpr char OutboundParameter[] = "smtp_tls_security_level";
    static constexpr char WindowValue[] = "encrypt";

    // The "-o" settings of the window's parameters in master.cf for the
    // services the window must reach, in file order.
    static QList<MasterCfOverride> masterCfOverrides(const QByteArray &masterCf, bool inbound, bool outbound);

    // The window's plan, or std::nullopt with *error saying plainly why not:
    // Postfix not inspected, no direction, a direction that requires TLS
    // already, no server certificate for an inbound window, or a master.cf
    // override that would keep the window from taking effect (the exact line).
    static std::optional<ChangePlan> make(const PostfixInspectionResult &inspection, const QByteArray &masterCf,
                                          const QString &masterCfPath, bool inbound, bool outbound, QString *error);

    // main.cf's bytes during the window, made from the bytes before it
    // exactly as make() makes them.
    static std::optional<QByteArray> windowText(const QByteArray &before, bool inbound, bool outbound,
                                                QString *error);

    // For a main.cf that no longer holds the window's bytes (edited during
    // the window): each window parameter that still says "encrypt" gets the
    // definition it had before the window back (or is removed when main.cf
    // did not define it); everything else stays as it is now. An empty plan
    // when none says "encrypt" any more.
    static std::optional<ChangePlan> parameterRevert(const PostfixInspectionResult &inspection,
                                                     const QByteArray &preWindow, bool inbound, bool outbound,
                                                     QString *error);

    // The commands every plan and the revert job use: `postfix -c DIR check`
    // and `postconf -c DIR -n`, status, reload.
    static ChangePlan basePlan(const PostfixInspectionResult &inspection, const QString &title);
};

} // namespace mailtls
