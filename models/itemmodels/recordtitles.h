#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include "models/logs/logevent.h"
#include "models/logs/records.h"
#include "models/probe/probetypes.h"

namespace mailtls {

// The words tables show for the records' enum values and fields, translated
// (RecordCodes and DashboardCsv keep the untranslated words of the data
// formats).
class RecordTitles final
{
    Q_DECLARE_TR_FUNCTIONS(RecordTitles)

public:
    static QString direction(Direction direction);
    // Empty for Trust::Unknown: the MTA did not say.
    static QString trust(Trust trust);
    // What Postfix's trust words mean, for tooltips.
    static QString trustExplanation(Trust trust);
    static QString problem(TlsProblem problem);
    // "2024-03-18 10:00:00" in local time, the time zone the MTA logs in, so
    // it can be looked up in the log.
    static QString time(qint64 utcSeconds);
    // A probe's verdict: "Good", "Weak", "No TLS", "Unreachable".
    static QString verdict(Verdict verdict);
    static QString verdictExplanation(Verdict verdict);
    // "192.0.2.1:25", "[2001:db8::1]:25"; the address alone without a port.
    static QString address(const QString &ip, int port);
    // "83.3 %", or "–" when whole is 0.
    static QString percent(qint64 part, qint64 whole);
};

} // namespace mailtls
