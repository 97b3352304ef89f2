#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "models/probe/probetypes.h"

namespace mailtls {

// One stored probe, as a list shows it.
struct ProbeSummary
{
    qint64 id = 0;
    ProbeTarget target;
    qint64 finished = 0; // UTC seconds
    Verdict verdict = Verdict::Unreachable;
    int findings = 0;    // Low or worse
    bool operator==(const ProbeSummary &other) const
    {
        return id == other.id && target == other.target && finished == other.finished
            && verdict == other.verdict && findings == other.findings;
    }
};

// The last verdict a peer was probed with (PeerRow::lastProbe).
struct PeerProbeVerdict
{
    Verdict verdict = Verdict::Unreachable;
    qint64 finished = 0;
    bool operator==(const PeerProbeVerdict &other) const
    {
        return verdict == other.verdict && finished == other.finished;
    }
};

// Probe reports in the store (schema 6: probe_reports, probe_hosts). A peer
// named by host (or address) matches the probes that reached that host or
// address, as an MX or as the target; a peer named by its registrable domain
// matches the probes of that domain.
class ProbeHistory final
{
    Q_DECLARE_TR_FUNCTIONS(ProbeHistory)

public:
    static bool save(const QSqlDatabase &db, const ProbeReport &report, qint64 *id, QString *error);
    // Newest first; at most `limit`.
    static QList<ProbeSummary> forPeer(const QSqlDatabase &db, const QString &peer, bool byDomain, int limit,
                                       QString *error);
    static QList<ProbeSummary> recent(const QSqlDatabase &db, int limit, QString *error);
    static std::optional<ProbeReport> load(const QSqlDatabase &db, qint64 id, QString *error);
    // The latest verdict of each of these peers that was ever probed.
    static bool lastVerdicts(const QSqlDatabase &db, const QStringList &peers, bool byDomain,
                             QHash<QString, PeerProbeVerdict> *verdicts, QString *error);
};

} // namespace mailtls
