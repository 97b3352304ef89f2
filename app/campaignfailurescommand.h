#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls campaign failures [--campaign ID] [--from T --to T] [--inbound]
// [--outbound] [--include-local] [--limit N] [--csv FILE] [--db PATH]`: the
// peers that failed for lack of TLS (FailureGatherer), printed as a table,
// and with --csv also written as CSV (- for standard output).
//
// The range and directions: --from/--to when given (--to defaults to now),
// else the campaign's window (to its end, or to now while it runs) and its
// directions; --inbound/--outbound choose directions over the campaign's.
// The campaign: --campaign ID, or the newest when no range is given. With a
// campaign the gathering replaces its failing peers of the directions
// gathered in the store (CampaignStore::replacePeers, which keeps who was
// fixed already), a peer counting as fixed by its first encrypted mail or
// connection after the window ended; what the store then holds for those
// directions is printed.
//
// Exit status: 0 done, 1 failed, 2 usage.
class CampaignFailuresCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignFailuresCommand)

public:
    // `arguments` start with the program name, then "campaign", then "failures".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
