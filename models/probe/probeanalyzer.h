#pragma once

#include <QCoreApplication>

#include "models/probe/probetypes.h"

namespace mailtls {

// Judges a probe's evidence: fills report.findings (each with severity,
// evidence and advice for the peer's admin), report.hostVerdicts (one per
// probed address) and report.verdict (the domain's: its worst MX).
class ProbeAnalyzer final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeAnalyzer)

public:
    static void analyze(ProbeReport &report);
    // What `mailtls probe` exits 0 for: the verdict is Good, the probe was
    // not cancelled, and every finding is Info.
    static bool isSound(const ProbeReport &report);
};

} // namespace mailtls
