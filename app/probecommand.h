#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls probe DOMAIN|HOST[:PORT]... [--json] [--dns-server IP] [--port N]
// [--concurrency N] [--timeout S] [--ca-file FILE] [--verbose]`: probes each
// target's mail servers (ProbeScheduler), judges them (ProbeAnalyzer) and
// prints a report per target in the order given (or one JSON document
// {"reports": [...]}); the steps go to standard error with --verbose. Exit
// status 0 when every target is sound (verdict good, only info findings), 1
// when any is not, 2 on usage errors. Ctrl+C or SIGTERM cancels the probes
// and prints what was found so far.
class ProbeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeCommand)

public:
    // `arguments` starts with the program name, then "probe".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
