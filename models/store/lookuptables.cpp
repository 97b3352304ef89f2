#include "models/store/lookuptables.h"

#include <QSqlError>
#include <QVariant>

#include "models/store/recordcodes.h"

namespace mailtls {

namespace {

// Qt binds a null QString as SQL NULL; the columns are NOT NULL.
QString notNull(const QString &value)
{
    static const QString empty = QString::fromLatin1("", 0);
    return value.isNull() ? empty : value;
}

bool prepared(QSqlQuery &query, const QSqlDatabase &db, const QString &sql, QString *error)
{
    query = QSqlQuery(db);
    query.setForwardOnly(true);
    if (query.prepare(sql))
        return true;
    *error = QStringLiteral("cannot prepare \"%1\": %2").arg(sql, query.lastError().text());
    return false;
}

// Runs `insert` (which does nothing when the row exists), then reads the id
// with `find`; both are bound with the same values.
bool insertAndFind(QSqlQuery &insert, QSqlQuery &find, const QVariantList &values, qint64 *id,
                   QString *error)
{
    for (int i = 0; i < values.size(); ++i) {
        insert.bindValue(i, values.at(i));
        find.bindValue(i, values.at(i));
    }
    if (!insert.exec()) {
        *error = insert.lastError().text();
        return false;
    }
    if (!find.exec() || !find.next()) {
        *error = find.lastError().isValid() ? find.lastError().text()
                                            : QStringLiteral("a row just inserted is missing");
        find.finish();
        return false;
    }
    *id = find.value(0).toLongLong();
    find.finish();
    return true;
}

} // namespace

LookupTables::LookupTables(const QSqlDatabase &db)
    : m_db(db)
{
}

bool LookupTables::prepare(QString *error)
{
    return prepared(m_insertEndpoint, m_db,
                    QStringLiteral("INSERT INTO endpoints (peer, peer_ip) VALUES (?, ?) "
                                   "ON CONFLICT DO NOTHING"),
                    error)
        && prepared(m_findEndpoint, m_db,
                    QStringLiteral("SELECT id FROM endpoints WHERE peer = ? AND peer_ip = ?"),
                    error)
        && prepared(m_insertTls, m_db,
                    QStringLiteral("INSERT INTO tls_parameters (trust, protocol, cipher, "
                                   "cipher_bits, key_exchange, key_exchange_bits, dhe) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                    error)
        && prepared(m_findTls, m_db,
                    QStringLiteral("SELECT id FROM tls_parameters WHERE trust = ? AND "
                                   "protocol = ? AND cipher = ? AND cipher_bits = ? AND "
                                   "key_exchange = ? AND key_exchange_bits = ? AND dhe = ?"),
                    error);
}

bool LookupTables::endpointId(const QString &peer, const QString &peerIp, qint64 *id,
                              QString *error)
{
    const size_t hash = qHashMulti(0, peer, peerIp);
    for (auto it = m_endpointIndex.constFind(hash); it != m_endpointIndex.cend() && it.key() == hash;
         ++it) {
        const Endpoint &endpoint = m_endpoints[std::size_t(it.value())];
        if (endpoint.peer == peer && endpoint.peerIp == peerIp) {
            *id = endpoint.id;
            return true;
        }
    }
    if (!insertAndFind(m_insertEndpoint, m_findEndpoint, {notNull(peer), notNull(peerIp)}, id,
                       error)) {
        *error = QStringLiteral("peer %1 [%2]: %3").arg(peer, peerIp, *error);
        return false;
    }
    m_endpointIndex.insert(hash, qsizetype(m_endpoints.size()));
    m_endpoints.push_back({peer, peerIp, *id});
    return true;
}

bool LookupTables::tlsId(const TlsDetails &tls, qint64 *id, QString *error)
{
    const size_t hash = qHashMulti(0, int(tls.trust), tls.protocol, tls.cipher, tls.cipherBits,
                                   tls.keyExchange, tls.keyExchangeBits, tls.dhe);
    for (auto it = m_tlsIndex.constFind(hash); it != m_tlsIndex.cend() && it.key() == hash; ++it) {
        const TlsDetails &known = m_tls[std::size_t(it.value())].details;
        if (known.trust == tls.trust && known.cipherBits == tls.cipherBits
            && known.keyExchangeBits == tls.keyExchangeBits && known.dhe == tls.dhe
            && known.protocol == tls.protocol && known.cipher == tls.cipher
            && known.keyExchange == tls.keyExchange) {
            *id = m_tls[std::size_t(it.value())].id;
            return true;
        }
    }
    if (!insertAndFind(m_insertTls, m_findTls,
                       {RecordCodes::trustName(tls.trust), notNull(tls.protocol),
                        notNull(tls.cipher), tls.cipherBits, notNull(tls.keyExchange),
                        tls.keyExchangeBits, tls.dhe ? 1 : 0},
                       id, error)) {
        *error = QStringLiteral("TLS parameters: %1").arg(*error);
        return false;
    }
    m_tlsIndex.insert(hash, qsizetype(m_tls.size()));
    m_tls.push_back({tls, *id});
    return true;
}

void LookupTables::forget()
{
    m_endpointIndex.clear();
    m_endpoints.clear();
    m_tlsIndex.clear();
    m_tls.clear();
}

} // namespace mailtls
