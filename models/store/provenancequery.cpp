#include "models/store/provenancequery.h"

#include <optional>

#include <QSqlQuery>
#include <QVariant>

#include "models/store/lineoffsetcodec.h"
#include "models/store/sqlrows.h"

namespace mailtls {

namespace {

QString tableOf(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Transfer: return QStringLiteral("transfers");
    case RecordKind::Connection: return QStringLiteral("connections");
    case RecordKind::TlsFailure: return QStringLiteral("tls_failures");
    }
    return QStringLiteral("transfers");
}

} // namespace

bool ProvenanceQuery::run(const QSqlDatabase &db, RecordKind kind, qint64 recordId,
                          RecordProvenance *provenance, QString *error)
{
    *provenance = RecordProvenance();
    const QString sql = QStringLiteral("SELECT r.source_id, r.lines, s.identity, s.name, s.spec, "
                                       "s.position, s.cursor FROM %1 r JOIN sources s ON "
                                       "s.id = r.source_id WHERE r.id = %2")
                            .arg(tableOf(kind))
                            .arg(recordId);
    bool found = false;
    QByteArray packed;
    const bool read = SqlRows::forEach(db, sql, error, [&](const QSqlQuery &row) {
        found = true;
        provenance->kind = kind;
        provenance->recordId = recordId;
        provenance->sourceId = row.value(0).toLongLong();
        packed = row.value(1).toByteArray();
        provenance->sourceIdentity = row.value(2).toString();
        provenance->sourceName = row.value(3).toString();
        provenance->sourceSpec = row.value(4).toString();
        provenance->sourcePosition = row.value(5).toLongLong();
        provenance->sourceCursor = row.value(6).toByteArray();
    });
    if (!read)
        return false;
    if (!found) {
        *error = tr("there is no record %1 in %2").arg(recordId).arg(tableOf(kind));
        return false;
    }
    const std::optional<LineOffsets> offsets = LineOffsetCodec::decode(packed);
    if (!offsets) {
        *error = tr("the line offsets of record %1 in %2 are damaged").arg(recordId).arg(tableOf(kind));
        return false;
    }
    provenance->offsets = *offsets;
    return true;
}

} // namespace mailtls
