#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include "models/store/recordprovenance.h"

namespace mailtls {

// Looks up where a record came from (RecordProvenance) by its row id, as the
// dashboard's lists give it.
class ProvenanceQuery final
{
    Q_DECLARE_TR_FUNCTIONS(ProvenanceQuery)

public:
    // False with a message when there is no such record or its lines cannot
    // be decoded.
    static bool run(const QSqlDatabase &db, RecordKind kind, qint64 recordId,
                    RecordProvenance *provenance, QString *error);
};

} // namespace mailtls
