#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/store/reportfilter.h"

namespace mailtls {

// The SQL conditions that pick what a ReportFilter selects from a record table
// or an aggregate: directions, local hops, peers the user listed as local, and
// optionally only some endpoints (one peer's). Every value is an integer
// formatted here, so the conditions are written as literals. Endpoints are
// named as (endpoint_id + 0), the expression the schema's endpoint indexes
// are on (see StoreSchema, version 3).
class RecordSelection final
{
public:
    RecordSelection(const ReportFilter &filter, const QList<qint64> &listedLocal);

    // Only these endpoints (a peer's). An empty list selects nothing.
    void restrictTo(const QList<qint64> &endpoints);
    bool selectsNothing() const { return m_restricted && m_endpoints.isEmpty(); }

    // The peers the user listed as local that this selection leaves out
    // (none with includeLocal).
    const QList<qint64> &listedLocal() const { return m_listedLocal; }
    // What this selection leaves out as listed local peers, with its
    // directions and without local hops: to take away from a roll-up that
    // counts every peer.
    RecordSelection listedLocalOnly() const;

    enum class Columns {
        WithEndpoint,     // direction, endpoint_id, local (records, daily, peer and TLS roll-ups)
        WithoutEndpoint,  // direction, local (daily_totals)
    };

    // " WHERE …" (or nothing) for rows whose `column` lies in [from, to), plus
    // `extra` conditions. `column` may be empty when there is no range.
    QString where(Columns columns, const QString &column, std::optional<qint64> from,
                  std::optional<qint64> to, const QStringList &extra = {}) const;

    // "(1,2,3)"
    static QString list(const QList<qint64> &values);

private:
    QList<qint64> m_directions;   // empty = all
    bool m_includeLocal = false;
    QList<qint64> m_listedLocal;
    bool m_restricted = false;
    QList<qint64> m_endpoints;
};

} // namespace mailtls
