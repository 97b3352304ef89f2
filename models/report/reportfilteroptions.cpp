#include "models/report/reportfilteroptions.h"

#include <cstdint>

#include "models/report/timeargument.h"

namespace mailtls {

ReportFilterOptions::ReportFilterOptions()
    : m_since(QStringLiteral("since"), tr("Only mail that arrived at or after T."), tr("T"))
    , m_until(QStringLiteral("until"), tr("Only mail that arrived before T."), tr("T"))
    , m_direction(QStringLiteral("direction"), tr("inbound, outbound, submission or all (default)."),
                  tr("DIRECTION"), QStringLiteral("all"))
    , m_groupBy(QStringLiteral("group-by"), tr("Name peers by host (default) or by registrable domain."),
                tr("host|domain"), QStringLiteral("host"))
    , m_includeLocal(QStringLiteral("include-local"),
                     tr("Include local hops (loopback, local transports, listed local peers)."))
    , m_localPeer(QStringLiteral("local-peer"), tr("Treat this peer (host name or IP) as a local hop. Repeatable."),
                  tr("PEER"))
{
}

QList<QCommandLineOption> ReportFilterOptions::options() const
{
    return {m_since, m_until, m_direction, m_groupBy, m_includeLocal, m_localPeer};
}

void ReportFilterOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions(options());
}

bool ReportFilterOptions::read(const QCommandLineParser &parser, const QTimeZone &zone, qint64 now,
                               ReportFilter *filter, QString *error) const
{
    *filter = ReportFilter();
    QString why;
    if (parser.isSet(m_since)) {
        std::int64_t t = 0;
        if (!TimeArgument::parse(parser.value(m_since), zone, now, &t, &why)) {
            *error = QStringLiteral("--since: ") + why;
            return false;
        }
        filter->since = t;
    }
    if (parser.isSet(m_until)) {
        std::int64_t t = 0;
        if (!TimeArgument::parse(parser.value(m_until), zone, now, &t, &why)) {
            *error = QStringLiteral("--until: ") + why;
            return false;
        }
        filter->until = t;
    }
    const QString direction = parser.value(m_direction);
    if (direction != QLatin1String("all")) {
        Direction d;
        if (!directionFromName(direction, &d)) {
            *error = tr("--direction: \"%1\" is not one of inbound, outbound, submission, all").arg(direction);
            return false;
        }
        filter->directions = {d};
    }
    const QString groupBy = parser.value(m_groupBy);
    if (groupBy == QLatin1String("domain")) {
        filter->groupBy = ReportFilter::GroupBy::Domain;
    } else if (groupBy != QLatin1String("host")) {
        *error = tr("--group-by: \"%1\" is not one of host, domain").arg(groupBy);
        return false;
    }
    filter->includeLocal = parser.isSet(m_includeLocal);
    filter->localPeers = parser.values(m_localPeer);
    return true;
}

} // namespace mailtls
