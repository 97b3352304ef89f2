#include "models/store/probehistory.h"

#include <QJsonDocument>
#include <QTest>

#include "models/probe/probejson.h"
#include "models/store/trafficstore.h"

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

// A probe of beta.example at `finished`: its MX mail.beta.example has one
// good address and one without STARTTLS; relay.beta.example was unreachable.
ProbeReport betaReport(qint64 finished, Verdict verdict)
{
    ProbeReport report;
    report.target = {ProbeTarget::Kind::Domain, QStringLiteral("beta.example"), 25};
    report.started = QDateTime::fromSecsSinceEpoch(finished - 3, Qt::UTC);
    report.finished = QDateTime::fromSecsSinceEpoch(finished, Qt::UTC);
    MxHost mx;
    mx.name = QStringLiteral("mail.beta.example");
    mx.preference = 10;
    mx.addresses = {QHostAddress(QStringLiteral("198.51.100.7")), QHostAddress(QStringLiteral("2001:db8::7"))};
    report.mx.domain = QStringLiteral("beta.example");
    report.mx.hosts = {mx};
    report.hostVerdicts = {
        {QStringLiteral("mail.beta.example"), QHostAddress(QStringLiteral("198.51.100.7")), Verdict::Good},
        {QStringLiteral("Mail.Beta.Example"), QHostAddress(QStringLiteral("2001:db8::7")), verdict},
        {QStringLiteral("relay.beta.example"), QHostAddress(QStringLiteral("198.51.100.8")), Verdict::Unreachable},
    };
    Finding finding;
    finding.code = QStringLiteral("no-starttls");
    finding.severity = Severity::High;
    finding.mxName = QStringLiteral("mail.beta.example");
    finding.title = QStringLiteral("No STARTTLS");
    Finding info;
    info.code = QStringLiteral("mta-sts-absent");
    info.severity = Severity::Info;
    report.findings = {finding, info};
    report.verdict = verdict;
    return report;
}

QByteArray jsonOf(const ProbeReport &report)
{
    return QJsonDocument(ProbeJson::toJson(report)).toJson(QJsonDocument::Compact);
}

} // namespace

class TestProbeHistory final : public QObject
{
    Q_OBJECT

private slots:
    void keepsReports();
    void peerTableShowsLastVerdict();
    void damagedReport();
};

void TestProbeHistory::keepsReports()
{
    KnownStore store;
    QVERIFY(store.make());
    TrafficStore &traffic = store.store();
    QString error;
    qint64 first = 0;
    qint64 second = 0;
    QVERIFY2(traffic.saveProbeReport(betaReport(1'700'000'000, Verdict::NoTls), &first, &error), qPrintable(error));
    const ProbeReport later = betaReport(1'700'000'600, Verdict::Good);
    QVERIFY2(traffic.saveProbeReport(later, &second, &error), qPrintable(error));
    QCOMPARE(second, first + 1);

    // Newest first; the domain's verdict, and one finding of Low or worse.
    const ProbeTarget beta{ProbeTarget::Kind::Domain, QStringLiteral("beta.example"), 25};
    QCOMPARE(traffic.recentProbes(10, &error),
             (QList<ProbeSummary>{{second, beta, 1'700'000'600, Verdict::Good, 1},
                                  {first, beta, 1'700'000'000, Verdict::NoTls, 1}}));
    QCOMPARE(traffic.recentProbes(1, &error).size(), 1);
    QCOMPARE(traffic.probeHistory(QStringLiteral("beta.example"), true, 10, &error).size(), 2);
    QCOMPARE(traffic.probeHistory(QStringLiteral("alpha.example"), true, 10, &error).size(), 0);
    // By host: the worst of the host's reachable addresses; names in any case.
    QCOMPARE(traffic.probeHistory(QStringLiteral("MAIL.beta.example"), false, 10, &error),
             (QList<ProbeSummary>{{second, beta, 1'700'000'600, Verdict::Good, 1},
                                  {first, beta, 1'700'000'000, Verdict::NoTls, 1}}));
    QCOMPARE(traffic.probeHistory(QStringLiteral("2001:db8::7"), false, 10, &error).at(1).verdict, Verdict::NoTls);
    QCOMPARE(traffic.probeHistory(QStringLiteral("198.51.100.7"), false, 10, &error).at(1).verdict, Verdict::Good);
    QCOMPARE(traffic.probeHistory(QStringLiteral("relay.beta.example"), false, 10, &error).at(0).verdict,
             Verdict::Unreachable);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // The whole report comes back.
    const std::optional<ProbeReport> loaded = traffic.probeReport(second, &error);
    QVERIFY2(loaded.has_value(), qPrintable(error));
    QCOMPARE(jsonOf(*loaded), jsonOf(later));
    QVERIFY(!traffic.probeReport(second + 5, &error).has_value());
    QCOMPARE(error.contains(QStringLiteral("There is no probe report %1").arg(second + 5)), true);
}

void TestProbeHistory::peerTableShowsLastVerdict()
{
    KnownStore store;
    QVERIFY(store.make());
    TrafficStore &traffic = store.store();
    QString error;
    QList<PeerRow> rows = traffic.peerRows(ReportFilter(), PeerColumns::Everything, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const PeerRow &row : rows)
        QVERIFY(!row.lastProbe.has_value());

    qint64 id = 0;
    QVERIFY(traffic.saveProbeReport(betaReport(1'700'000'000, Verdict::Good), &id, &error));
    QVERIFY(traffic.saveProbeReport(betaReport(1'700'000'600, Verdict::NoTls), &id, &error));
    QHash<QString, std::optional<PeerProbeVerdict>> seen;
    for (const PeerRow &row : traffic.peerRows(ReportFilter(), PeerColumns::Everything, &error))
        seen.insert(row.figures.peer, row.lastProbe);
    QCOMPARE(seen.value(QStringLiteral("mail.beta.example")), (PeerProbeVerdict{Verdict::NoTls, 1'700'000'600}));
    QCOMPARE(seen.value(QStringLiteral("relay.beta.example")),
             (PeerProbeVerdict{Verdict::Unreachable, 1'700'000'600}));
    QCOMPARE(seen.value(QStringLiteral("mx.alpha.example")), std::optional<PeerProbeVerdict>());
    // Figures alone leave it out.
    for (const PeerRow &row : traffic.peerRows(ReportFilter(), PeerColumns::Figures, &error))
        QVERIFY(!row.lastProbe.has_value());

    ReportFilter byDomain;
    byDomain.groupBy = ReportFilter::GroupBy::Domain;
    seen.clear();
    for (const PeerRow &row : traffic.peerRows(byDomain, PeerColumns::Everything, &error))
        seen.insert(row.figures.peer, row.lastProbe);
    QCOMPARE(seen.value(QStringLiteral("beta.example")), (PeerProbeVerdict{Verdict::NoTls, 1'700'000'600}));
    QCOMPARE(seen.value(QStringLiteral("alpha.example")), std::optional<PeerProbeVerdict>());
}

void TestProbeHistory::damagedReport()
{
    KnownStore store;
    QVERIFY(store.make());
    QString error;
    qint64 id = 0;
    QVERIFY(store.store().saveProbeReport(betaReport(1'700'000'000, Verdict::Good), &id, &error));
    {
        storetest::RawDatabase raw(store.path());
        QVERIFY(raw.exec(QStringLiteral("UPDATE probe_reports SET report = '{\"format\": 1, ' WHERE id = %1").arg(id)));
    }
    QVERIFY(!store.store().probeReport(id, &error).has_value());
    QVERIFY2(error.contains(QStringLiteral("Probe report %1 is damaged").arg(id)), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProbeHistory)
#include "tst_probehistory.moc"
