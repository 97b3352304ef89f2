#include "models/store/probehistory.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "models/probe/probejson.h"
#include "models/store/sqlrows.h"

namespace mailtls {

namespace {

// Names per statement when reading the last verdicts of many peers.
constexpr qsizetype namesPerStatement = 500;

QString kindWord(ProbeTarget::Kind kind)
{
    return kind == ProbeTarget::Kind::Domain ? QStringLiteral("domain") : QStringLiteral("host");
}

// How bad a reachable address is; an unreachable one counts only when every
// address of the name was unreachable.
int rank(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Good: return 0;
    case Verdict::Weak: return 1;
    case Verdict::NoTls: return 2;
    case Verdict::Unreachable: return -1;
    }
    return -1;
}

// Each name a report reached (MX names, addresses, a host target) with its
// verdict: the worst over its reachable addresses.
QHash<QString, Verdict> hostVerdicts(const ProbeReport &report)
{
    QHash<QString, Verdict> names;
    auto note = [&names](const QString &name, Verdict verdict) {
        if (name.isEmpty())
            return;
        auto it = names.find(name);
        if (it == names.end())
            names.insert(name, verdict);
        else if (rank(verdict) > rank(*it))
            *it = verdict;
    };
    for (const HostVerdict &host : report.hostVerdicts) {
        note(host.mxName.toLower(), host.verdict);
        if (!host.address.isNull())
            note(host.address.toString(), host.verdict);
    }
    if (report.target.kind == ProbeTarget::Kind::Host)
        note(report.target.name, report.verdict);
    return names;
}

int countedFindings(const ProbeReport &report)
{
    int count = 0;
    for (const Finding &finding : report.findings) {
        if (finding.severity != Severity::Info)
            ++count;
    }
    return count;
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

ProbeSummary summaryOf(const QSqlQuery &row)
{
    // id, kind, target, port, finished, verdict, findings
    ProbeSummary summary;
    summary.id = row.value(0).toLongLong();
    summary.target.kind = row.value(1).toString() == QLatin1String("domain") ? ProbeTarget::Kind::Domain
                                                                              : ProbeTarget::Kind::Host;
    summary.target.name = row.value(2).toString();
    summary.target.port = quint16(row.value(3).toInt());
    summary.finished = row.value(4).toLongLong();
    summary.verdict = ProbeJson::verdictFromWord(row.value(5).toString()).value_or(Verdict::Unreachable);
    summary.findings = row.value(6).toInt();
    return summary;
}

const QString &summaryColumns()
{
    static const QString columns =
        QStringLiteral("r.id, r.kind, r.target, r.port, r.finished, %1, r.findings FROM probe_reports r");
    return columns;
}

} // namespace

bool ProbeHistory::save(const QSqlDatabase &db, const ProbeReport &report, qint64 *id, QString *error)
{
    QSqlDatabase connection = db;
    if (!connection.transaction()) {
        *error = connection.lastError().text();
        return false;
    }
    auto fail = [&connection]() {
        connection.rollback();
        return false;
    };
    QSqlQuery insert(connection);
    insert.prepare(QStringLiteral("INSERT INTO probe_reports (kind, target, port, started, finished, verdict, "
                                  "findings, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(kindWord(report.target.kind));
    insert.addBindValue(report.target.name);
    insert.addBindValue(int(report.target.port));
    insert.addBindValue(report.started.toSecsSinceEpoch());
    insert.addBindValue(report.finished.toSecsSinceEpoch());
    insert.addBindValue(ProbeJson::verdictWord(report.verdict));
    insert.addBindValue(countedFindings(report));
    insert.addBindValue(QString::fromUtf8(QJsonDocument(ProbeJson::toJson(report)).toJson(QJsonDocument::Compact)));
    if (!exec(insert, error))
        return fail();
    const qint64 reportId = insert.lastInsertId().toLongLong();
    const QHash<QString, Verdict> names = hostVerdicts(report);
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        QSqlQuery host(connection);
        host.prepare(QStringLiteral("INSERT INTO probe_hosts (name, report_id, verdict) VALUES (?, ?, ?)"));
        host.addBindValue(it.key());
        host.addBindValue(reportId);
        host.addBindValue(ProbeJson::verdictWord(it.value()));
        if (!exec(host, error))
            return fail();
    }
    if (!connection.commit()) {
        *error = connection.lastError().text();
        return fail();
    }
    *id = reportId;
    return true;
}

QList<ProbeSummary> ProbeHistory::forPeer(const QSqlDatabase &db, const QString &peer, bool byDomain, int limit,
                                          QString *error)
{
    QList<ProbeSummary> summaries;
    const QString sql = byDomain
        ? QStringLiteral("SELECT %1 WHERE r.kind = 'domain' AND r.target = %2 ORDER BY r.finished DESC, r.id DESC "
                         "LIMIT %3")
              .arg(summaryColumns().arg(QStringLiteral("r.verdict")), quoted(peer))
              .arg(limit)
        : QStringLiteral("SELECT %1 JOIN probe_hosts h ON h.report_id = r.id WHERE h.name = %2 "
                         "ORDER BY r.finished DESC, r.id DESC LIMIT %3")
              .arg(summaryColumns().arg(QStringLiteral("h.verdict")), quoted(peer.toLower()))
              .arg(limit);
    SqlRows::forEach(db, sql, error, [&summaries](const QSqlQuery &row) { summaries.append(summaryOf(row)); });
    return summaries;
}

QList<ProbeSummary> ProbeHistory::recent(const QSqlDatabase &db, int limit, QString *error)
{
    QList<ProbeSummary> summaries;
    SqlRows::forEach(db,
                     QStringLiteral("SELECT %1 ORDER BY r.finished DESC, r.id DESC LIMIT %2")
                         .arg(summaryColumns().arg(QStringLiteral("r.verdict")))
                         .arg(limit),
                     error, [&summaries](const QSqlQuery &row) { summaries.append(summaryOf(row)); });
    return summaries;
}

std::optional<ProbeReport> ProbeHistory::load(const QSqlDatabase &db, qint64 id, QString *error)
{
    std::optional<ProbeReport> report;
    QString text;
    if (!SqlRows::forEach(db, QStringLiteral("SELECT report FROM probe_reports WHERE id = %1").arg(id), error,
                          [&text](const QSqlQuery &row) { text = row.value(0).toString(); }))
        return std::nullopt;
    if (text.isNull()) {
        *error = tr("There is no probe report %1 in this store.").arg(id);
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (!document.isObject()) {
        *error = tr("Probe report %1 is damaged: %2").arg(id).arg(parse.errorString());
        return std::nullopt;
    }
    QString why;
    report = ProbeJson::fromJson(document.object(), &why);
    if (!why.isEmpty()) {
        *error = tr("Probe report %1 is damaged: %2").arg(id).arg(why);
        return std::nullopt;
    }
    return report;
}

bool ProbeHistory::lastVerdicts(const QSqlDatabase &db, const QStringList &peers, bool byDomain,
                                QHash<QString, PeerProbeVerdict> *verdicts, QString *error)
{
    verdicts->clear();
    // Most stores hold no probes at all: one cheap look first.
    bool any = false;
    if (!SqlRows::forEach(db, QStringLiteral("SELECT 1 FROM probe_reports LIMIT 1"), error,
                          [&any](const QSqlQuery &) { any = true; }))
        return false;
    if (!any)
        return true;
    for (qsizetype start = 0; start < peers.size(); start += namesPerStatement) {
        QStringList names;
        for (const QString &peer : peers.mid(start, namesPerStatement))
            names << quoted(byDomain ? peer : peer.toLower());
        // SQLite takes the other columns of a max() row from that row.
        const QString sql = byDomain
            ? QStringLiteral("SELECT target, verdict, max(finished) FROM probe_reports WHERE kind = 'domain' AND "
                             "target IN (%1) GROUP BY target")
                  .arg(names.join(QLatin1Char(',')))
            : QStringLiteral("SELECT h.name, h.verdict, max(r.finished) FROM probe_hosts h JOIN probe_reports r ON "
                             "r.id = h.report_id WHERE h.name IN (%1) GROUP BY h.name")
                  .arg(names.join(QLatin1Char(',')));
        const bool read = SqlRows::forEach(db, sql, error, [verdicts](const QSqlQuery &row) {
            PeerProbeVerdict verdict;
            verdict.verdict = ProbeJson::verdictFromWord(row.value(1).toString()).value_or(Verdict::Unreachable);
            verdict.finished = row.value(2).toLongLong();
            verdicts->insert(row.value(0).toString(), verdict);
        });
        if (!read)
            return false;
    }
    return true;
}

} // namespace mailtls
