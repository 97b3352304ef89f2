#pragma once

#include <QHash>
#include <QPair>
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
    struct TlsKey
    {
        Trust trust;
        QString protocol;
        QString cipher;
        int cipherBits;
        QString keyExchange;
        int keyExchangeBits;
        bool dhe;

        bool operator==(const TlsKey &other) const
        {
            return trust == other.trust && cipherBits == other.cipherBits
                && keyExchangeBits == other.keyExchangeBits && dhe == other.dhe
                && protocol == other.protocol && cipher == other.cipher
                && keyExchange == other.keyExchange;
        }
        friend size_t qHash(const TlsKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, int(key.trust), key.protocol, key.cipher, key.cipherBits,
                              key.keyExchange, key.keyExchangeBits, key.dhe);
        }
    };

    QSqlDatabase m_db;
    QSqlQuery m_insertEndpoint;
    QSqlQuery m_findEndpoint;
    QSqlQuery m_insertTls;
    QSqlQuery m_findTls;
    QHash<QPair<QString, QString>, qint64> m_endpoints;
    QHash<TlsKey, qint64> m_tls;
};

} // namespace mailtls
