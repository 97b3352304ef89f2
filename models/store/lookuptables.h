#pragma once

#include <vector>

#include <QMultiHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QtGlobal>

#include "models/logs/records.h"

namespace mailtls {

// Ids of the rows records refer to: `endpoints` (host name + address) and
// `tls_parameters`. Few distinct values recur on most records, so ids are
// cached; a new value is inserted inside the writer's transaction.
class LookupTables final
{
public:
    explicit LookupTables(const QSqlDatabase &db);
    LookupTables(const LookupTables &) = delete;
    LookupTables &operator=(const LookupTables &) = delete;

    bool prepare(QString *error);

    bool endpointId(const QString &peer, const QString &peerIp, qint64 *id, QString *error);
    bool tlsId(const TlsDetails &tls, qint64 *id, QString *error);

    // After a rollback: ids inserted by the undone transaction are gone.
    void forget();

private:
    // Entries are found by a hash of the values and compared field by field,
    // so a lookup never copies the record's strings (their reference counts
    // live in the reading thread's cache lines).
    struct Endpoint
    {
        QString peer;
        QString peerIp;
        qint64 id;
    };
    struct Tls
    {
        TlsDetails details;
        qint64 id;
    };

    QSqlDatabase m_db;
    QSqlQuery m_insertEndpoint;
    QSqlQuery m_findEndpoint;
    QSqlQuery m_insertTls;
    QSqlQuery m_findTls;
    QMultiHash<size_t, qsizetype> m_endpointIndex;
    std::vector<Endpoint> m_endpoints;
    QMultiHash<size_t, qsizetype> m_tlsIndex;
    std::vector<Tls> m_tls;
};

} // namespace mailtls
