#pragma once

#include <QHash>
#include <QPair>
#include <QString>
#include <QtGlobal>

#include "models/store/querycontext.h"
#include "models/store/recordselection.h"

namespace mailtls {

// Encrypted connections per (direction, endpoint) and TLS parameter set over
// a context's range: from tls_totals when the range holds every record, else
// whole days from tls_daily and cut days from the connections.
class TlsConnectionCounts final
{
public:
    using EndpointKey = QPair<int, qint64>;           // direction, endpoint id
    using Counts = QHash<EndpointKey, QHash<qint64, qint64>>;   // -> tls id -> connections

    static bool read(const QueryContext &context, const RecordSelection &selection, Counts *counts,
                     QString *error);
};

} // namespace mailtls
