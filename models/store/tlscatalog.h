#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// The store's `tls_parameters` rows by id: the few distinct TLS parameter
// sets connections refer to.
class TlsCatalog final
{
public:
    bool load(const QSqlDatabase &db, QString *error);

    // Empty details (trust unknown, nothing logged) for an id not known.
    TlsDetails details(qint64 id) const { return m_details.value(id); }
    // Ids of the parameter sets that name a protocol: a TLS line was logged.
    QList<qint64> loggedIds() const;

private:
    QHash<qint64, TlsDetails> m_details;
};

} // namespace mailtls
