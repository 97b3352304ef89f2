#include "models/report/timeargument.h"

#include <QDateTime>
#include <QRegularExpression>

namespace mailtls {

bool TimeArgument::parse(const QString &text, const QTimeZone &zone, std::int64_t nowUtc,
                         std::int64_t *utcSeconds, QString *error)
{
    const QString t = text.trimmed();

    static const QRegularExpression span(QStringLiteral("^(\\d{1,6})([hdw])$"));
    if (const auto m = span.match(t); m.hasMatch()) {
        const std::int64_t n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const std::int64_t seconds = unit == QLatin1Char('h') ? 3600 : unit == QLatin1Char('d') ? 86400 : 7 * 86400;
        *utcSeconds = nowUtc - n * seconds;
        return true;
    }

    static const QRegularExpression epoch(QStringLiteral("^@(-?\\d{1,12})$"));
    if (const auto m = epoch.match(t); m.hasMatch()) {
        *utcSeconds = m.captured(1).toLongLong();
        return true;
    }

    static const QRegularExpression stamp(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    const auto m = stamp.match(t);
    if (!m.hasMatch()) {
        *error = tr("\"%1\" is not a time: use a date such as 2026-11-02, a date and time such as "
                    "\"2026-11-02 14:30\" (optionally with Z or +01:00), a span back from now such "
                    "as 24h, 7d or 2w, or @ and UNIX seconds").arg(text);
        return false;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).isEmpty() ? 0 : m.captured(4).toInt(),
                     m.captured(5).isEmpty() ? 0 : m.captured(5).toInt(),
                     m.captured(6).isEmpty() ? 0 : m.captured(6).toInt());
    if (!date.isValid() || !time.isValid()) {
        *error = tr("\"%1\" is not a valid date or time of day").arg(text);
        return false;
    }
    const QString offset = m.captured(7);
    QDateTime dt;
    if (offset.isEmpty()) {
        dt = QDateTime(date, time, zone);
    } else if (offset == QLatin1String("Z")) {
        dt = QDateTime(date, time, Qt::UTC);
    } else {
        QString digits = offset.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.mid(2).toInt();
        if (hours > 18 || minutes > 59) {
            *error = tr("\"%1\" has an impossible UTC offset").arg(text);
            return false;
        }
        const int sign = offset.startsWith(QLatin1Char('-')) ? -1 : 1;
        dt = QDateTime(date, time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60));
    }
    if (!dt.isValid()) {
        *error = tr("\"%1\" does not exist in the time zone %2 (a daylight-saving gap)")
                     .arg(text, QString::fromUtf8(zone.id()));
        return false;
    }
    *utcSeconds = dt.toSecsSinceEpoch();
    return true;
}

} // namespace mailtls
