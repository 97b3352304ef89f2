#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// A probe report for a terminal: the target and its verdict, each mail server
// and address with what it offered (STARTTLS, protocol, cipher, key exchange,
// the DHE group, TLS versions, certificate), then the findings, worst first,
// with evidence and advice, then MTA-STS and TLS-RPT. Lines are wrapped at
// `width` columns where words allow.
class ProbeReportText final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeReportText)

public:
    static QString format(const ProbeReport &report, int width = 100);

    // Translated words for the user ("no TLS", "critical").
    static QString verdictName(Verdict verdict);

    // `text` wrapped to `width` columns, every line after the first starting
    // with `indent` spaces; the first line is as long as `width - firstUsed`.
    static QString wrap(const QString &text, int indent, int firstUsed, int width);
};

} // namespace mailtls
