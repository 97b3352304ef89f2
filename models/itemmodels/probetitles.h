#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// The words the probe views show for a probe's enum values, translated
// (ProbeJson keeps the untranslated words of the data format).
class ProbeTitles final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeTitles)

public:
    // What one server's verdict means (RecordTitles::verdict gives its word;
    // RecordTitles::verdictExplanation says it of a peer's servers).
    static QString serverVerdictExplanation(Verdict verdict);
    static QString severity(Severity severity);
    static QString step(ProbeStep step);
    static QString profile(TlsProfile profile);
    // A target as the user would type it again: "example.org",
    // "mx.example.org:25", "192.0.2.1", "[2001:db8::1]:2525". ProbeTargetParser
    // reads it back to the same target.
    static QString target(const ProbeTarget &target);
    // "192.0.2.1", or "[2001:db8::1]:2525" with a port other than 25.
    static QString address(const QString &address, quint16 port);
};

} // namespace mailtls
