#include "models/store/tlscatalog.h"

#include <algorithm>

#include <QSqlQuery>
#include <QVariant>

#include "models/store/recordcodes.h"
#include "models/store/sqlrows.h"

namespace mailtls {

bool TlsCatalog::load(const QSqlDatabase &db, QString *error)
{
    m_details.clear();
    return SqlRows::forEach(db,
                            QStringLiteral("SELECT id, trust, protocol, cipher, cipher_bits, "
                                           "key_exchange, key_exchange_bits, dhe FROM tls_parameters"),
                            error, [this](const QSqlQuery &row) {
                                TlsDetails details;
                                details.trust = RecordCodes::trustFromName(row.value(1).toString())
                                                    .value_or(Trust::Unknown);
                                details.protocol = row.value(2).toString();
                                details.cipher = row.value(3).toString();
                                details.cipherBits = row.value(4).toInt();
                                details.keyExchange = row.value(5).toString();
                                details.keyExchangeBits = row.value(6).toInt();
                                details.dhe = row.value(7).toInt() != 0;
                                m_details.insert(row.value(0).toLongLong(), details);
                            });
}

QList<qint64> TlsCatalog::loggedIds() const
{
    QList<qint64> ids;
    for (auto it = m_details.cbegin(); it != m_details.cend(); ++it) {
        if (!it.value().protocol.isEmpty())
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace mailtls
