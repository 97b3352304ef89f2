#include "models/store/tlsqualityquery.h"

#include <algorithm>

#include <QHash>
#include <QMap>
#include <QPair>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include "models/store/peertablequery.h"
#include "models/store/recordcodes.h"
#include "models/store/sqlrows.h"
#include "models/store/tlsconnectioncounts.h"

namespace mailtls {

namespace {

using PeerKey = QPair<int, QString>;   // direction, peer name

struct Tally
{
    qint64 connections = 0;
    QSet<PeerKey> peers;
};

QList<TlsShare> sharesOf(const QMap<QString, Tally> &tallies)
{
    QList<TlsShare> shares;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it)
        shares.append({it.key(), it.value().connections, qint64(it.value().peers.size())});
    std::sort(shares.begin(), shares.end(), [](const TlsShare &a, const TlsShare &b) {
        if (a.connections != b.connections)
            return a.connections > b.connections;
        return a.name < b.name;
    });
    return shares;
}

void sortIssues(QList<PeerTlsIssue> &issues)
{
    std::sort(issues.begin(), issues.end(), [](const PeerTlsIssue &a, const PeerTlsIssue &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.direction != b.direction)
            return int(a.direction) < int(b.direction);
        return a.peer < b.peer;
    });
}

} // namespace

bool TlsQualityQuery::run(const QSqlDatabase &db, const ReportFilter &filter, TlsQuality *quality,
                          QString *error)
{
    *quality = TlsQuality();
    QueryContext context(db, filter);
    if (!context.load(error))
        return false;
    TlsConnectionCounts::Counts counts;
    if (!TlsConnectionCounts::read(context, context.selection(), &counts, error))
        return false;

    QMap<QString, Tally> protocols;
    QMap<QString, Tally> ciphers;
    QMap<QString, Tally> keyExchanges;
    QMap<PeerKey, QMap<QString, qint64>> dhe;   // peer -> DHE cipher -> connections
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const PeerKey peer(it.key().first, context.peers().nameOf(it.key().second));
        for (auto t = it->cbegin(); t != it->cend(); ++t) {
            if (t.value() <= 0)
                continue;
            const TlsDetails details = context.tls().details(t.key());
            quality->encryptedConnections += t.value();
            for (auto [tallies, name] : {std::pair(&protocols, details.protocol),
                                         std::pair(&ciphers, details.cipher),
                                         std::pair(&keyExchanges, details.keyExchange)}) {
                Tally &tally = (*tallies)[name];
                tally.connections += t.value();
                tally.peers.insert(peer);
            }
            if (details.dhe)
                dhe[peer][details.cipher] += t.value();
        }
    }
    quality->protocols = sharesOf(protocols);
    quality->ciphers = sharesOf(ciphers);
    quality->keyExchanges = sharesOf(keyExchanges);

    for (auto it = dhe.cbegin(); it != dhe.cend(); ++it) {
        PeerTlsIssue issue;
        issue.direction = Direction(it.key().first);
        issue.peer = it.key().second;
        QList<TlsCount> suites;
        for (auto c = it->cbegin(); c != it->cend(); ++c) {
            issue.count += c.value();
            suites.append({c.key(), c.value()});
        }
        PeerTableQuery::sortCounts(suites);
        QStringList words;
        for (const TlsCount &suite : std::as_const(suites))
            words << QStringLiteral("%1 (%2)").arg(suite.name).arg(suite.connections);
        issue.detail = words.join(QStringLiteral("; "));
        quality->dhePeers.append(issue);
    }
    sortIssues(quality->dhePeers);

    return failingPeers(context, TlsProblem::DhKeyTooSmall, &quality->dhKeyTooSmallPeers, error)
        && failingPeers(context, TlsProblem::Certificate, &quality->certificatePeers, error);
}

bool TlsQualityQuery::failingPeers(const QueryContext &context, TlsProblem problem,
                                   QList<PeerTlsIssue> *peers, QString *error)
{
    peers->clear();
    const RecordSelection selection = context.selection();
    if (context.plan().isEmpty() || selection.selectsNothing())
        return true;
    const ReportFilter &filter = context.filter();
    // SQLite gives the bare column `reason` the value of the row with max(time).
    const QString sql = QStringLiteral("SELECT direction, endpoint_id, count(*), max(time), reason "
                                       "FROM tls_failures")
        + selection.where(RecordSelection::Columns::WithEndpoint, QStringLiteral("time"), filter.since,
                          filter.until,
                          {QStringLiteral("problem = '%1'").arg(RecordCodes::problemName(problem))})
        + QStringLiteral(" GROUP BY direction, endpoint_id");
    QMap<PeerKey, PeerTlsIssue> merged;
    const bool read = SqlRows::forEach(context.db(), sql, error, [&](const QSqlQuery &row) {
        const PeerKey key(row.value(0).toInt(), context.peers().nameOf(row.value(1).toLongLong()));
        PeerTlsIssue &issue = merged[key];
        issue.direction = Direction(key.first);
        issue.peer = key.second;
        issue.count += row.value(2).toLongLong();
        const qint64 time = row.value(3).toLongLong();
        if (!issue.lastTime || time > *issue.lastTime
            || (time == *issue.lastTime && row.value(4).toString() < issue.detail)) {
            issue.lastTime = time;
            issue.detail = row.value(4).toString();
        }
    });
    if (!read)
        return false;
    *peers = merged.values();
    sortIssues(*peers);
    return true;
}

} // namespace mailtls
