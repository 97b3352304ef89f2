#include "models/store/overviewquery.h"

#include <QMap>
#include <QTest>

#include "models/store/tlsloggingcheck.h"
#include "models/store/trendquery.h"
#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

DirectionShare share(Direction direction, qint64 messages, qint64 encryptedMessages, qint64 bytes,
                     qint64 encryptedBytes, qint64 connections, qint64 encryptedConnections,
                     qint64 tlsFailures)
{
    DirectionShare s;
    s.direction = direction;
    s.messages = messages;
    s.encryptedMessages = encryptedMessages;
    s.bytes = bytes;
    s.encryptedBytes = encryptedBytes;
    s.connections = connections;
    s.encryptedConnections = encryptedConnections;
    s.tlsFailures = tlsFailures;
    return s;
}

TrendPoint point(qint64 start, qint64 encrypted, qint64 plaintext, qint64 encryptedBytes,
                 qint64 plaintextBytes, qint64 failures)
{
    TrendPoint p;
    p.start = start;
    p.encryptedMessages = encrypted;
    p.plaintextMessages = plaintext;
    p.encryptedBytes = encryptedBytes;
    p.plaintextBytes = plaintextBytes;
    p.tlsFailures = failures;
    return p;
}

// Every bucket from `from` to `to` as zeros, except those given.
QList<TrendPoint> series(qint64 from, qint64 to, qint64 seconds, const QList<TrendPoint> &points)
{
    QMap<qint64, TrendPoint> given;
    for (const TrendPoint &p : points)
        given.insert(p.start, p);
    QList<TrendPoint> all;
    for (qint64 start = from; start < to; start += seconds)
        all.append(given.value(start, point(start, 0, 0, 0, 0, 0)));
    return all;
}

RecentFailure recent(qint64 id, qint64 time, Direction direction, const char *peer, const char *host,
                     const char *ip, TlsProblem problem, const char *reason)
{
    RecentFailure f;
    f.id = id;
    f.time = time;
    f.direction = direction;
    f.peer = QString::fromLatin1(peer);
    f.host = QString::fromLatin1(host);
    f.peerIp = QString::fromLatin1(ip);
    f.port = 25;
    f.problem = problem;
    f.reason = QString::fromLatin1(reason);
    return f;
}

TlsLoggingEvidence evidence(Direction direction, qint64 connections, qint64 encrypted, qint64 logged,
                            TlsLogging verdict)
{
    TlsLoggingEvidence e;
    e.direction = direction;
    e.connections = connections;
    e.encryptedConnections = encrypted;
    e.loggedConnections = logged;
    e.verdict = verdict;
    return e;
}

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;
const auto sub = Direction::Submission;

// The failures of records(), as the Overview lists them (ids in insertion order).
RecentFailure inboundLost()
{
    return recent(1, day0 + day + 3 * hour + 5, in, "203.0.113.9", "203.0.113.9", "203.0.113.9",
                  TlsProblem::LostAfterStarttls, "lost connection after STARTTLS");
}
RecentFailure dhTooSmall(const char *peer = "mail.beta.example")
{
    return recent(2, day0 + 11 * hour + 59 * 60 + 50, out, peer, "mail.beta.example", "198.51.100.7",
                  TlsProblem::DhKeyTooSmall, "dh key too small");
}
RecentFailure certificate(const char *peer = "relay.beta.example")
{
    return recent(3, day0 + day + 14 * hour + 59 * 60, out, peer, "relay.beta.example", "198.51.100.8",
                  TlsProblem::Certificate, "certificate verification failed: untrusted issuer");
}

} // namespace

class TestDashboardQuery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void shares_data();
    void shares();
    void trend_data();
    void trend();
    void trendOfEmptyStore();
    void trendRefusesTooManyPoints();
    void resolveBucket_data();
    void resolveBucket();
    void topPlaintextPeers_data();
    void topPlaintextPeers();
    void recentFailures_data();
    void recentFailures();
    void judgeTlsLogging_data();
    void judgeTlsLogging();
    void tlsLogging_data();
    void tlsLogging();
    void tlsNotLoggedStores_data();
    void tlsNotLoggedStores();
    void overviewThroughStore();
    void closedStoreSaysSo();

private:
    KnownStore m_known;
};

void TestDashboardQuery::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestDashboardQuery::shares_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<QList<DirectionShare>>("expected");

    const QList<DirectionShare> everything = {share(in, 3, 2, 3500, 3000, 4, 2, 1),
                                              share(out, 4, 2, 9300, 5500, 4, 2, 2),
                                              share(sub, 1, 1, 700, 700, 1, 1, 0)};
    QTest::newRow("everything") << ReportFilter() << everything;
    QTest::newRow("a range around everything") << range(day0 - day, day0 + 10 * day) << everything;
    QTest::newRow("one whole day")
        << range(day0, day0 + day)
        << QList<DirectionShare>{share(in, 2, 2, 3000, 3000, 2, 2, 0), share(out, 1, 0, 3000, 0, 1, 0, 1),
                                 share(sub, 1, 1, 700, 700, 1, 1, 0)};
    QTest::newRow("inside one day")
        << range(day0 + 11 * hour + 30 * 60, day0 + day + 14 * hour + 59 * 60 + 30)
        << QList<DirectionShare>{share(in, 1, 0, 500, 0, 2, 0, 1), share(out, 1, 0, 3000, 0, 1, 0, 2),
                                 share(sub, 1, 1, 700, 700, 1, 1, 0)};
    QTest::newRow("cut day, whole day, cut day")
        << range(day0 + 11 * hour + 30 * 60, day0 + 2 * day + 9 * hour)
        << QList<DirectionShare>{share(in, 1, 0, 500, 0, 2, 0, 1), share(out, 3, 2, 8500, 5500, 3, 2, 2),
                                 share(sub, 1, 1, 700, 700, 1, 1, 0)};
    ReportFilter outbound;
    outbound.directions = {out};
    QTest::newRow("outbound only") << outbound << QList<DirectionShare>{everything.at(1)};
    ReportFilter twoDirections;
    twoDirections.directions = {sub, in};
    QTest::newRow("two directions, in enum order")
        << twoDirections << QList<DirectionShare>{everything.at(0), everything.at(2)};
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("local hops included")
        << local << QList<DirectionShare>{everything.at(0), share(out, 5, 2, 10200, 5500, 5, 2, 2), everything.at(2)};
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("Filter.Relay.Example.")};
    QTest::newRow("a peer listed as local")
        << listed << QList<DirectionShare>{everything.at(0), share(out, 3, 2, 8500, 5500, 3, 2, 2), everything.at(2)};
    ReportFilter listedByAddress = range(day0 + 10 * hour + 30 * 60, std::nullopt);
    listedByAddress.localPeers = {QStringLiteral("192.0.2.50")};
    QTest::newRow("listed by address, whole days from the roll-up")
        << listedByAddress
        << QList<DirectionShare>{share(in, 2, 1, 2500, 2000, 3, 1, 1), share(out, 3, 2, 8500, 5500, 3, 2, 2),
                                 everything.at(2)};
    ReportFilter listedButIncluded = listed;
    listedButIncluded.includeLocal = true;
    QTest::newRow("listed, but local hops included")
        << listedButIncluded
        << QList<DirectionShare>{everything.at(0), share(out, 5, 2, 10200, 5500, 5, 2, 2), everything.at(2)};
    QTest::newRow("empty range") << range(day0, day0)
                                 << QList<DirectionShare>{share(in, 0, 0, 0, 0, 0, 0, 0),
                                                          share(out, 0, 0, 0, 0, 0, 0, 0),
                                                          share(sub, 0, 0, 0, 0, 0, 0, 0)};
    QTest::newRow("before everything") << range(std::nullopt, day0)
                                       << QList<DirectionShare>{share(in, 0, 0, 0, 0, 0, 0, 0),
                                                                share(out, 0, 0, 0, 0, 0, 0, 0),
                                                                share(sub, 0, 0, 0, 0, 0, 0, 0)};
}

void TestDashboardQuery::shares()
{
    QFETCH(ReportFilter, filter);
    QFETCH(QList<DirectionShare>, expected);

    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, OverviewOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.shares, expected);
}

void TestDashboardQuery::trend_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<TrendBucket>("bucket");
    QTest::addColumn<TrendBucket>("resolved");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<TrendPoint>>("points");

    const QList<TrendPoint> days = {
        point(day0, 3, 1, 3700, 3000, 1),
        point(day0 + day, 1, 1, 1500, 500, 2),
        point(day0 + 2 * day, 1, 1, 4000, 800, 0),
    };
    QTest::newRow("days, everything") << ReportFilter() << TrendBucket::Day << TrendBucket::Day << day0
                                      << day0 + 3 * day << days;
    const QList<TrendPoint> hours = {
        point(day0 + 10 * hour, 1, 0, 1000, 0, 0),
        point(day0 + 11 * hour, 1, 0, 2000, 0, 1),
        point(day0 + 12 * hour, 0, 1, 0, 3000, 0),
        point(day0 + 13 * hour, 1, 0, 700, 0, 0),
        point(day0 + day + 3 * hour, 0, 0, 0, 0, 1),
        point(day0 + day + 9 * hour, 0, 1, 0, 500, 0),
        point(day0 + day + 14 * hour, 0, 0, 0, 0, 1),
        point(day0 + day + 15 * hour, 1, 0, 1500, 0, 0),
        point(day0 + 2 * day + 8 * hour, 1, 0, 4000, 0, 0),
        point(day0 + 2 * day + 10 * hour, 0, 1, 0, 800, 0),
    };
    // The records span 48 hours and a second: hours.
    QTest::newRow("auto picks hours for everything")
        << ReportFilter() << TrendBucket::Auto << TrendBucket::Hour << day0 + 10 * hour
        << day0 + 2 * day + 11 * hour
        << series(day0 + 10 * hour, day0 + 2 * day + 11 * hour, hour, hours);
    QTest::newRow("auto picks days past 72 hours")
        << range(day0, day0 + 3 * day + 1) << TrendBucket::Auto << TrendBucket::Day << day0 << day0 + 4 * day
        << (QList<TrendPoint>(days) << point(day0 + 3 * day, 0, 0, 0, 0, 0));
    QTest::newRow("72 hours are hourly")
        << range(day0, day0 + 3 * day) << TrendBucket::Auto << TrendBucket::Hour << day0 << day0 + 3 * day
        << series(day0, day0 + 3 * day, hour, hours);
    QTest::newRow("hours of a cut range")
        << range(day0 + 11 * hour + 30 * 60, day0 + 13 * hour + 30 * 60) << TrendBucket::Hour
        << TrendBucket::Hour << day0 + 11 * hour << day0 + 14 * hour
        << QList<TrendPoint>{point(day0 + 11 * hour, 0, 0, 0, 0, 1), point(day0 + 12 * hour, 0, 1, 0, 3000, 0),
                             point(day0 + 13 * hour, 1, 0, 700, 0, 0)};
    QTest::newRow("days: cut, whole, cut")
        << range(day0 + 11 * hour + 30 * 60, day0 + 2 * day + 9 * hour) << TrendBucket::Day << TrendBucket::Day
        << day0 << day0 + 3 * day
        << QList<TrendPoint>{point(day0, 1, 1, 700, 3000, 1), point(day0 + day, 1, 1, 1500, 500, 2),
                             point(day0 + 2 * day, 1, 0, 4000, 0, 0)};
    ReportFilter inbound;
    inbound.directions = {in};
    QTest::newRow("inbound days") << inbound << TrendBucket::Day << TrendBucket::Day << day0 << day0 + 3 * day
                                  << QList<TrendPoint>{point(day0, 2, 0, 3000, 0, 0),
                                                       point(day0 + day, 0, 1, 0, 500, 1),
                                                       point(day0 + 2 * day, 0, 0, 0, 0, 0)};
    ReportFilter listed = range(day0 + 10 * hour + 30 * 60, std::nullopt);
    listed.localPeers = {QStringLiteral("filter.relay.example")};
    QTest::newRow("listed local peer left out of whole days")
        << listed << TrendBucket::Day << TrendBucket::Day << day0 << day0 + 3 * day
        << QList<TrendPoint>{point(day0, 2, 1, 2700, 3000, 1), point(day0 + day, 1, 1, 1500, 500, 2),
                             point(day0 + 2 * day, 1, 0, 4000, 0, 0)};
    QTest::newRow("empty range") << range(day0, day0) << TrendBucket::Auto << TrendBucket::Day << qint64(0)
                                 << qint64(0) << QList<TrendPoint>{};
}

void TestDashboardQuery::trend()
{
    QFETCH(ReportFilter, filter);
    QFETCH(TrendBucket, bucket);
    QFETCH(TrendBucket, resolved);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<TrendPoint>, points);

    OverviewOptions options;
    options.bucket = bucket;
    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.trend.bucket, resolved);
    QCOMPARE(figures.trend.from, from);
    QCOMPARE(figures.trend.to, to);
    QCOMPARE(figures.trend.points, points);
}

void TestDashboardQuery::trendOfEmptyStore()
{
    KnownStore empty;
    QVERIFY(empty.make(AssemblerOutput()));
    QString error;
    const OverviewFigures figures = empty.store().overview(ReportFilter(), OverviewOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.trend.bucket, TrendBucket::Day);
    QVERIFY(figures.trend.points.isEmpty());
    QCOMPARE(figures.shares.size(), 3);
    QVERIFY(figures.topPlaintextPeers.isEmpty());
    QVERIFY(figures.recentFailures.isEmpty());
    QCOMPARE(figures.tlsLogging,
             (QList<TlsLoggingEvidence>{evidence(in, 0, 0, 0, TlsLogging::TooFewConnections),
                                        evidence(out, 0, 0, 0, TlsLogging::TooFewConnections)}));

    // A range over an empty store still has its buckets, all zero.
    const OverviewFigures ranged = empty.store().overview(range(day0, day0 + 2 * day), OverviewOptions(), &error);
    QCOMPARE(ranged.trend.bucket, TrendBucket::Hour);
    QCOMPARE(ranged.trend.points.size(), 48);
}

void TestDashboardQuery::trendRefusesTooManyPoints()
{
    OverviewOptions options;
    options.bucket = TrendBucket::Hour;
    QString error;
    const OverviewFigures figures =
        m_known.store().overview(range(0, (TrendQuery::maxPoints + 1) * hour), options, &error);
    QVERIFY(figures.trend.points.isEmpty());
    QCOMPARE(error, QStringLiteral("Cannot read figures from %1: the range holds 100001 points of this length, "
                                   "more than 100000; choose a shorter range or longer points")
                        .arg(m_known.path()));
}

void TestDashboardQuery::resolveBucket_data()
{
    QTest::addColumn<TrendBucket>("requested");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<TrendBucket>("resolved");

    QTest::newRow("auto, one hour") << TrendBucket::Auto << hour << TrendBucket::Hour;
    QTest::newRow("auto, 72 hours") << TrendBucket::Auto << 72 * hour << TrendBucket::Hour;
    QTest::newRow("auto, a second more") << TrendBucket::Auto << 72 * hour + 1 << TrendBucket::Day;
    QTest::newRow("day asked, short span") << TrendBucket::Day << hour << TrendBucket::Day;
    QTest::newRow("hour asked, long span") << TrendBucket::Hour << 400 * day << TrendBucket::Hour;
}

void TestDashboardQuery::resolveBucket()
{
    QFETCH(TrendBucket, requested);
    QFETCH(qint64, span);
    QFETCH(TrendBucket, resolved);
    QCOMPARE(TrendQuery::resolve(requested, day0, day0 + span), resolved);
}

void TestDashboardQuery::topPlaintextPeers_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<PeerFigures>>("expected");

    using storetest::figures;
    const PeerFigures alpha = figures(in, QStringLiteral("mx.alpha.example"), 3, 2, 3500, 3000, 3, 2, 0);
    const PeerFigures beta = figures(out, QStringLiteral("mail.beta.example"), 2, 1, 7000, 4000, 2, 1, 1);
    const PeerFigures filter = figures(out, QStringLiteral("filter.relay.example"), 1, 0, 800, 0, 1, 0, 0);
    // All have one plaintext message: most messages first, then direction, then name.
    QTest::newRow("everything") << ReportFilter() << 10 << QList<PeerFigures>{alpha, beta, filter};
    QTest::newRow("top two") << ReportFilter() << 2 << QList<PeerFigures>{alpha, beta};
    QTest::newRow("none asked") << ReportFilter() << 0 << QList<PeerFigures>{};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("by domain")
        << domains << 10
        << QList<PeerFigures>{figures(in, QStringLiteral("alpha.example"), 3, 2, 3500, 3000, 3, 2, 0),
                              figures(out, QStringLiteral("beta.example"), 3, 2, 8500, 5500, 3, 2, 2),
                              figures(out, QStringLiteral("relay.example"), 1, 0, 800, 0, 1, 0, 0)};
    QTest::newRow("day 2 only") << range(day0 + 2 * day, day0 + 3 * day) << 10 << QList<PeerFigures>{filter};
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("local hop included")
        << local << 10
        << QList<PeerFigures>{alpha, beta, figures(out, QStringLiteral("filter.relay.example"), 1, 0, 800, 0, 1, 0, 0),
                              figures(out, QStringLiteral("localhost"), 1, 0, 900, 0, 1, 0, 0)};
}

void TestDashboardQuery::topPlaintextPeers()
{
    QFETCH(ReportFilter, filter);
    QFETCH(int, count);
    QFETCH(QList<PeerFigures>, expected);

    OverviewOptions options;
    options.topPeers = count;
    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.topPlaintextPeers, expected);
}

void TestDashboardQuery::recentFailures_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<int>("count");
    QTest::addColumn<QList<RecentFailure>>("expected");

    QTest::newRow("everything, newest first")
        << ReportFilter() << 10 << QList<RecentFailure>{certificate(), inboundLost(), dhTooSmall()};
    QTest::newRow("the newest two") << ReportFilter() << 2 << QList<RecentFailure>{certificate(), inboundLost()};
    ReportFilter inbound;
    inbound.directions = {in};
    QTest::newRow("inbound") << inbound << 10 << QList<RecentFailure>{inboundLost()};
    QTest::newRow("day 0") << range(day0, day0 + day) << 10 << QList<RecentFailure>{dhTooSmall()};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("named by domain")
        << domains << 10
        << QList<RecentFailure>{certificate("beta.example"), inboundLost(), dhTooSmall("beta.example")};
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("198.51.100.7")};
    QTest::newRow("listed local peer left out")
        << listed << 10 << QList<RecentFailure>{certificate(), inboundLost()};
}

void TestDashboardQuery::recentFailures()
{
    QFETCH(ReportFilter, filter);
    QFETCH(int, count);
    QFETCH(QList<RecentFailure>, expected);

    OverviewOptions options;
    options.recentFailures = count;
    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.recentFailures, expected);
}

void TestDashboardQuery::judgeTlsLogging_data()
{
    QTest::addColumn<qint64>("connections");
    QTest::addColumn<qint64>("encrypted");
    QTest::addColumn<qint64>("logged");
    QTest::addColumn<TlsLogging>("verdict");

    QTest::newRow("nothing") << qint64(0) << qint64(0) << qint64(0) << TlsLogging::TooFewConnections;
    QTest::newRow("19 plaintext connections") << qint64(19) << qint64(0) << qint64(0)
                                              << TlsLogging::TooFewConnections;
    QTest::newRow("20 plaintext connections") << qint64(20) << qint64(0) << qint64(0)
                                              << TlsLogging::NothingEncrypted;
    QTest::newRow("encrypted, never logged") << qint64(20) << qint64(20) << qint64(0)
                                             << TlsLogging::DetailsNotLogged;
    QTest::newRow("one logged") << qint64(500) << qint64(3) << qint64(1) << TlsLogging::Logged;
}

void TestDashboardQuery::judgeTlsLogging()
{
    QFETCH(qint64, connections);
    QFETCH(qint64, encrypted);
    QFETCH(qint64, logged);
    QFETCH(TlsLogging, verdict);
    QCOMPARE(TlsLoggingCheck::judge(connections, encrypted, logged,
                                    TlsLoggingCheck::defaultMinimumConnections),
             verdict);
}

void TestDashboardQuery::tlsLogging_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<QList<TlsLoggingEvidence>>("expected");

    const QList<TlsLoggingEvidence> logged = {evidence(in, 4, 2, 2, TlsLogging::Logged),
                                              evidence(out, 4, 2, 2, TlsLogging::Logged)};
    QTest::newRow("too few for the default minimum")
        << ReportFilter() << TlsLoggingCheck::defaultMinimumConnections
        << QList<TlsLoggingEvidence>{evidence(in, 4, 2, 2, TlsLogging::TooFewConnections),
                                     evidence(out, 4, 2, 2, TlsLogging::TooFewConnections)};
    QTest::newRow("logged") << ReportFilter() << qint64(2) << logged;
    ReportFilter submission;
    submission.directions = {sub};
    QTest::newRow("the filter's directions do not matter") << submission << qint64(2) << logged;
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("local hops never count") << local << qint64(2) << logged;
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("filter.relay.example")};
    QTest::newRow("listed local peers never count")
        << listed << qint64(2)
        << QList<TlsLoggingEvidence>{logged.at(0), evidence(out, 3, 2, 2, TlsLogging::Logged)};
    ReportFilter listedIncluded = listed;
    listedIncluded.includeLocal = true;
    QTest::newRow("listed local peers never count, even included")
        << listedIncluded << qint64(2)
        << QList<TlsLoggingEvidence>{logged.at(0), evidence(out, 3, 2, 2, TlsLogging::Logged)};
    QTest::newRow("day 1: inbound plaintext, outbound logged")
        << range(day0 + day, day0 + 2 * day) << qint64(1)
        << QList<TlsLoggingEvidence>{evidence(in, 2, 0, 0, TlsLogging::NothingEncrypted),
                                     evidence(out, 1, 1, 1, TlsLogging::Logged)};
    QTest::newRow("cut days from the records")
        << range(day0 + 10 * hour + 30 * 60, day0 + day + 12 * hour) << qint64(1)
        << QList<TlsLoggingEvidence>{evidence(in, 3, 1, 1, TlsLogging::Logged),
                                     evidence(out, 1, 0, 0, TlsLogging::NothingEncrypted)};
}

void TestDashboardQuery::tlsLogging()
{
    QFETCH(ReportFilter, filter);
    QFETCH(qint64, minimum);
    QFETCH(QList<TlsLoggingEvidence>, expected);

    OverviewOptions options;
    options.tlsLoggingMinimum = minimum;
    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.tlsLogging, expected);
}

void TestDashboardQuery::tlsNotLoggedStores_data()
{
    QTest::addColumn<bool>("encrypted");
    QTest::addColumn<TlsLogging>("verdict");
    QTest::addColumn<QString>("advice");

    QTest::newRow("starttls=1 only")
        << true << TlsLogging::DetailsNotLogged
        << QStringLiteral("Your server does not log the TLS details of inbound mail: 24 encrypted connection(s) "
                          "are known only from their disconnect statistics, without protocol, cipher or "
                          "certificate trust. In Postfix, set smtpd_tls_loglevel = 1 in main.cf, then run "
                          "\"postfix reload\".");
    QTest::newRow("nothing encrypted")
        << false << TlsLogging::NothingEncrypted
        << QStringLiteral("None of the 24 inbound connection(s) was encrypted. Either your server does not offer "
                          "STARTTLS, or it does not log TLS, so that encrypted mail looks like plaintext. In "
                          "Postfix, set smtpd_tls_security_level = may and smtpd_tls_loglevel = 1 in main.cf, "
                          "then run \"postfix reload\".");
}

void TestDashboardQuery::tlsNotLoggedStores()
{
    QFETCH(bool, encrypted);
    QFETCH(TlsLogging, verdict);
    QFETCH(QString, advice);

    // 24 inbound sessions over two days, as Postfix >= 3.0 with
    // smtpd_tls_loglevel = 0 records them (encrypted by starttls=1, no TLS
    // line), or as a server that logs nothing about TLS.
    AssemblerOutput output;
    for (int i = 0; i < 24; ++i) {
        output.connections.push_back(connection(100 * (i + 1), in, "mx.alpha.example", "192.0.2.1",
                                                day0 + i * 2 * hour, encrypted));
    }
    KnownStore store;
    QVERIFY(store.make(output));
    QString error;
    const OverviewFigures figures = store.store().overview(ReportFilter(), OverviewOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.tlsLogging,
             (QList<TlsLoggingEvidence>{evidence(in, 24, encrypted ? 24 : 0, 0, verdict),
                                        evidence(out, 0, 0, 0, TlsLogging::TooFewConnections)}));
    QVERIFY(TlsLoggingCheck::tlsNotLogged(figures.tlsLogging));
    QCOMPARE(TlsLoggingCheck::advice(figures.tlsLogging.at(0)), advice);
    QCOMPARE(TlsLoggingCheck::advice(figures.tlsLogging.at(1)), QString());
}

void TestDashboardQuery::overviewThroughStore()
{
    QString error;
    const OverviewFigures figures = m_known.store().overview(ReportFilter(), OverviewOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(figures.shares.size(), 3);
    QCOMPARE(figures.trend.points.size(), 49);
    QCOMPARE(figures.topPlaintextPeers.size(), 3);
    QCOMPARE(figures.recentFailures.size(), 3);
    QVERIFY(!TlsLoggingCheck::tlsNotLogged(figures.tlsLogging));
    QCOMPARE(TlsLoggingCheck::advice(figures.tlsLogging.at(0)), QString());
}

void TestDashboardQuery::closedStoreSaysSo()
{
    TrafficStore closed(m_known.dirPath() + QStringLiteral("/never-opened.sqlite"));
    QString error;
    const OverviewFigures figures = closed.overview(ReportFilter(), OverviewOptions(), &error);
    QVERIFY(figures.shares.isEmpty());
    QCOMPARE(error, QStringLiteral("The store %1/never-opened.sqlite is not open.").arg(m_known.dirPath()));
}

QTEST_GUILESS_MAIN(TestDashboardQuery)
#include "tst_dashboardquery.moc"
