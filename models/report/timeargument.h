#pragma once

#include <cstdint>

#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

namespace mailtls {

// Reads the time a user gives to --since / --until: a date ("2026-11-02", the
// start of that day), a date and time ("2026-11-02 14:30", "2026-11-02T14:30:05",
// with an optional "Z" or "+01:00"), a span back from now ("7d", "24h", "2w"),
// or "@" and UNIX seconds. Times without an offset are in `zone`.
class TimeArgument final
{
    Q_DECLARE_TR_FUNCTIONS(TimeArgument)

public:
    static bool parse(const QString &text, const QTimeZone &zone, std::int64_t nowUtc,
                      std::int64_t *utcSeconds, QString *error);
};

} // namespace mailtls
