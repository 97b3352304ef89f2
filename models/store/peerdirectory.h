#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include "models/store/reportfilter.h"

namespace mailtls {

// The store's endpoints (host name + address) as a ReportFilter sees them:
// the name each is shown under (its host, or the registrable domain of it
// when grouped by domain), and which the user listed as local. Queries group
// records by endpoint id and name them here, which is cheaper than grouping by
// name in SQL.
class PeerDirectory final
{
public:
    bool load(const QSqlDatabase &db, const ReportFilter &filter, QString *error);

    QString hostOf(qint64 endpointId) const;
    QString addressOf(qint64 endpointId) const;
    // The peer name under the filter's grouping.
    QString nameOf(qint64 endpointId) const;
    // Endpoints the user listed as local (left out unless includeLocal).
    const QList<qint64> &listedLocal() const { return m_listedLocal; }
    // Every endpoint shown under `peer`, listed-local ones included.
    QList<qint64> endpointsNamed(const QString &peer) const;

    // Host names as the records hold them (lower case, no trailing dot), and
    // IP addresses in both the user's spelling and Qt's canonical one.
    static QStringList normalisedLocalPeers(const QStringList &peers);

private:
    struct Endpoint
    {
        QString host;
        QString address;
    };

    bool m_byDomain = false;
    QHash<qint64, Endpoint> m_endpoints;
    mutable QHash<QString, QString> m_domains;   // host -> registrable domain
    QList<qint64> m_listedLocal;
};

} // namespace mailtls
