#include "models/store/tlsloggingcheck.h"

#include <limits>

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include "models/store/bucketsums.h"
#include "models/store/recordselection.h"
#include "models/store/sqlrows.h"

namespace mailtls {

TlsLogging TlsLoggingCheck::judge(qint64 connections, qint64 encryptedConnections,
                                  qint64 loggedConnections, qint64 minimumConnections)
{
    if (connections < minimumConnections)
        return TlsLogging::TooFewConnections;
    if (encryptedConnections == 0)
        return TlsLogging::NothingEncrypted;
    if (loggedConnections == 0)
        return TlsLogging::DetailsNotLogged;
    return TlsLogging::Logged;
}

bool TlsLoggingCheck::run(const QueryContext &context, qint64 minimumConnections,
                          QList<TlsLoggingEvidence> *evidence, QString *error)
{
    evidence->clear();
    ReportFilter filter = context.filter();
    filter.includeLocal = false;
    filter.directions = {Direction::Inbound, Direction::Outbound};
    const RecordSelection selection(filter, context.peers().listedLocal());
    const RangePlan &plan = context.plan();

    BucketSums::Map days;
    if (!BucketSums::days(context, selection, false, &days, error))
        return false;
    QHash<int, qint64> connections;
    QHash<int, qint64> encrypted;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        connections[it.key().second] += it.value().connections;
        encrypted[it.key().second] += it.value().encryptedConnections;
    }

    QHash<int, qint64> logged;
    const QList<qint64> loggedIds = context.tls().loggedIds();
    if (!loggedIds.isEmpty() && !plan.isEmpty()) {
        const QString withDetails = QStringLiteral("tls_id IN ") + RecordSelection::list(loggedIds);
        auto add = [&](const QString &sql) {
            return SqlRows::forEach(context.db(), sql + QStringLiteral(" GROUP BY direction"), error,
                                    [&](const QSqlQuery &row) {
                                        logged[row.value(0).toInt()] += row.value(1).toLongLong();
                                    });
        };
        const auto where = [&](const QString &column, std::optional<qint64> from,
                               std::optional<qint64> to, QStringList extra) {
            extra.prepend(withDetails);
            return selection.where(RecordSelection::Columns::WithEndpoint, column, from, to, extra);
        };
        if (plan.coversAll()) {
            if (!add(QStringLiteral("SELECT direction, sum(connections) FROM tls_totals")
                     + where(QString(), {}, {}, {})))
                return false;
        } else {
            if (plan.hasDays()
                && !add(QStringLiteral("SELECT direction, sum(connections) FROM tls_daily")
                        + where(QStringLiteral("day"), plan.firstDay(), plan.endDay(), {})))
                return false;
            for (const RangePlan::Span &cut : plan.cuts()) {
                if (!add(QStringLiteral("SELECT direction, count(*) FROM connections")
                         + where(QStringLiteral("time"), cut.from, cut.to,
                                 {QStringLiteral("encrypted = 1")})))
                    return false;
            }
        }
    }

    for (Direction direction : {Direction::Inbound, Direction::Outbound}) {
        TlsLoggingEvidence e;
        e.direction = direction;
        e.connections = connections.value(int(direction));
        e.encryptedConnections = encrypted.value(int(direction));
        e.loggedConnections = logged.value(int(direction));
        e.verdict = judge(e.connections, e.encryptedConnections, e.loggedConnections,
                          minimumConnections);
        evidence->append(e);
    }
    return true;
}

bool TlsLoggingCheck::tlsNotLogged(const QList<TlsLoggingEvidence> &evidence)
{
    for (const TlsLoggingEvidence &e : evidence) {
        if (e.verdict == TlsLogging::NothingEncrypted || e.verdict == TlsLogging::DetailsNotLogged)
            return true;
    }
    return false;
}

QString TlsLoggingCheck::advice(const TlsLoggingEvidence &e)
{
    const int n = int(qMin<qint64>(e.connections, std::numeric_limits<int>::max()));
    const int encrypted = int(qMin<qint64>(e.encryptedConnections, std::numeric_limits<int>::max()));
    const bool inbound = e.direction == Direction::Inbound;
    switch (e.verdict) {
    case TlsLogging::NothingEncrypted:
        return inbound
            ? tr("None of the %n inbound connection(s) was encrypted. Either your server does not "
                 "offer STARTTLS, or it does not log TLS, so that encrypted mail looks like "
                 "plaintext. In Postfix, set smtpd_tls_security_level = may and "
                 "smtpd_tls_loglevel = 1 in main.cf, then run \"postfix reload\".",
                 nullptr, n)
            : tr("None of the %n outbound connection(s) was encrypted. Either your server does not "
                 "try STARTTLS, or it does not log TLS, so that encrypted deliveries look like "
                 "plaintext. In Postfix, set smtp_tls_security_level = may and "
                 "smtp_tls_loglevel = 1 in main.cf, then run \"postfix reload\".",
                 nullptr, n);
    case TlsLogging::DetailsNotLogged:
        return inbound
            ? tr("Your server does not log the TLS details of inbound mail: %n encrypted "
                 "connection(s) are known only from their disconnect statistics, without protocol, "
                 "cipher or certificate trust. In Postfix, set smtpd_tls_loglevel = 1 in main.cf, "
                 "then run \"postfix reload\".",
                 nullptr, encrypted)
            : tr("Your server does not log the TLS details of outbound mail: %n encrypted "
                 "connection(s) carry no protocol, cipher or certificate trust. In Postfix, set "
                 "smtp_tls_loglevel = 1 in main.cf, then run \"postfix reload\".",
                 nullptr, encrypted);
    case TlsLogging::TooFewConnections:
    case TlsLogging::Logged:
        break;
    }
    return QString();
}

} // namespace mailtls
