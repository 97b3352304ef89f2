#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/mta/changeplan.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// Whether a probe of the own MTA after a reload shows what a plan set out to
// change (ChangePlan::Verification):
// - StartTls: the first (default) session saw STARTTLS advertised and
//   completed the TLS handshake.
// - DhGroup: STARTTLS is advertised and the DHE-only session got the expected
//   prime (or, without one, a group of at least minimumDhBits); a server that
//   completes no DHE handshake at all (ECDHE only) passes too: Logjam does not
//   apply to it. An unreachable server, or one that cannot be measured, fails.
class PlanVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(PlanVerifier)

public:
    struct Judgement
    {
        bool passed = false;
        QString message; // translated, one line: what was seen
    };

    static Judgement judge(const ProbeReport &report, const ChangePlan::Verification &verification);
};

} // namespace mailtls
