#include "models/store/peerdirectory.h"

#include <algorithm>

#include <QHostAddress>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include "models/domains/registrabledomain.h"
#include "models/store/sqlrows.h"

namespace mailtls {

QStringList PeerDirectory::normalisedLocalPeers(const QStringList &peers)
{
    QSet<QString> seen;
    QStringList result;
    auto add = [&](const QString &peer) {
        if (!peer.isEmpty() && !seen.contains(peer)) {
            seen.insert(peer);
            result.append(peer);
        }
    };
    for (const QString &entry : peers) {
        QString peer = entry.trimmed().toLower();
        if (peer.startsWith(QLatin1Char('[')) && peer.endsWith(QLatin1Char(']')))
            peer = peer.mid(1, peer.size() - 2);
        while (peer.endsWith(QLatin1Char('.')))
            peer.chop(1);
        add(peer);
        QHostAddress address;
        if (address.setAddress(peer))
            add(address.toString());
    }
    return result;
}

bool PeerDirectory::load(const QSqlDatabase &db, const ReportFilter &filter, QString *error)
{
    m_byDomain = filter.groupBy == ReportFilter::GroupBy::Domain;
    m_endpoints.clear();
    m_domains.clear();
    m_listedLocal.clear();
    const QStringList listed = normalisedLocalPeers(filter.localPeers);
    const QSet<QString> local(listed.cbegin(), listed.cend());
    return SqlRows::forEach(db, QStringLiteral("SELECT id, peer, peer_ip FROM endpoints"), error,
                            [&](const QSqlQuery &row) {
                                const qint64 id = row.value(0).toLongLong();
                                Endpoint endpoint{row.value(1).toString(), row.value(2).toString()};
                                if (local.contains(endpoint.host) || local.contains(endpoint.address))
                                    m_listedLocal.append(id);
                                m_endpoints.insert(id, endpoint);
                            });
}

QString PeerDirectory::hostOf(qint64 endpointId) const
{
    return m_endpoints.value(endpointId).host;
}

QString PeerDirectory::addressOf(qint64 endpointId) const
{
    return m_endpoints.value(endpointId).address;
}

QString PeerDirectory::nameOf(qint64 endpointId) const
{
    const QString host = hostOf(endpointId);
    if (!m_byDomain)
        return host;
    auto domain = m_domains.constFind(host);
    if (domain == m_domains.constEnd())
        domain = m_domains.insert(host, RegistrableDomain::of(host));
    return domain.value();
}

QList<qint64> PeerDirectory::endpointsNamed(const QString &peer) const
{
    QList<qint64> ids;
    for (auto it = m_endpoints.cbegin(); it != m_endpoints.cend(); ++it) {
        if (nameOf(it.key()) == peer)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace mailtls
