#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

enum class RecordKind { Transfer, Connection, TlsFailure };

// Where one stored record came from: its source, and the byte offset within
// that source's stream of each line that made it, in log order. The source's
// identity, spec, position and cursor say how to find those lines again.
struct RecordProvenance
{
    RecordKind kind = RecordKind::Transfer;
    qint64 recordId = 0;
    qint64 sourceId = 0;
    QString sourceIdentity;   // "log:sha256:…" for an imported log; a followed source's spec
    QString sourceName;       // an imported log's path as given, or a followed source's name
    QString sourceSpec;       // empty for an imported log
    qint64 sourcePosition = 0;
    QByteArray sourceCursor;
    LineOffsets offsets;
};

} // namespace mailtls
