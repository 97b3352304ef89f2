#include "models/store/peertablequery.h"

#include <QTest>

#include "models/store/peerdetailquery.h"
#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;
using mailtls::storetest::figures;

namespace mailtls {

inline char *toString(const PeerRow &row)
{
    QStringList protocols;
    for (const TlsCount &c : row.protocols)
        protocols << QStringLiteral("%1 (%2)").arg(c.name).arg(c.connections);
    QStringList ciphers;
    for (const TlsCount &c : row.ciphers)
        ciphers << QStringLiteral("%1 (%2)").arg(c.name).arg(c.connections);
    char *figures = toString(row.figures);
    const QString text = QStringLiteral("%1 | %2 | %3 | trust %4..%5 | last %6")
                             .arg(QString::fromLocal8Bit(figures), protocols.join(QStringLiteral("; ")),
                                  ciphers.join(QStringLiteral("; ")))
                             .arg(int(row.worstTrust))
                             .arg(int(row.bestTrust))
                             .arg(row.lastSeen ? QString::number(*row.lastSeen) : QStringLiteral("-"));
    delete[] figures;
    return QTest::toString(text);
}

inline bool operator==(const PeerRow &a, const PeerRow &b)
{
    return a.figures == b.figures && a.protocols == b.protocols && a.ciphers == b.ciphers
        && a.bestTrust == b.bestTrust && a.worstTrust == b.worstTrust && a.lastSeen == b.lastSeen;
}

} // namespace mailtls

namespace {

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;
const auto sub = Direction::Submission;

PeerRow row(const PeerFigures &f, QList<TlsCount> protocols, QList<TlsCount> ciphers, Trust worst,
            Trust best, std::optional<qint64> lastSeen)
{
    PeerRow r;
    r.figures = f;
    r.protocols = std::move(protocols);
    r.ciphers = std::move(ciphers);
    r.worstTrust = worst;
    r.bestTrust = best;
    r.lastSeen = lastSeen;
    return r;
}

TlsCount count(const char *name, qint64 connections)
{
    return {QString::fromLatin1(name), connections};
}

PeerRow alphaRow()
{
    return row(figures(in, QStringLiteral("mx.alpha.example"), 3, 2, 3500, 3000, 3, 2, 0),
               {count("TLSv1.2", 1), count("TLSv1.3", 1)},
               {count("ECDHE-RSA-AES128-GCM-SHA256", 1), count("TLS_AES_256_GCM_SHA384", 1)}, Trust::Trusted,
               Trust::Verified, day0 + day + 9 * hour);
}
PeerRow unnamedRow()
{
    return row(figures(in, QStringLiteral("203.0.113.9"), 0, 0, 0, 0, 1, 0, 1), {}, {}, Trust::Unknown,
               Trust::Unknown, day0 + day + 3 * hour + 5);
}
PeerRow betaRow()
{
    return row(figures(out, QStringLiteral("mail.beta.example"), 2, 1, 7000, 4000, 2, 1, 1), {count("TLSv1.2", 1)},
               {count("DHE-RSA-AES256-GCM-SHA384", 1)}, Trust::Untrusted, Trust::Untrusted,
               day0 + 2 * day + 8 * hour);
}
PeerRow filterRow()
{
    return row(figures(out, QStringLiteral("filter.relay.example"), 1, 0, 800, 0, 1, 0, 0), {}, {}, Trust::Unknown,
               Trust::Unknown, day0 + 2 * day + 10 * hour);
}
PeerRow relayRow()
{
    return row(figures(out, QStringLiteral("relay.beta.example"), 1, 1, 1500, 1500, 1, 1, 1), {count("TLSv1.3", 1)},
               {count("TLS_AES_128_GCM_SHA256", 1)}, Trust::Verified, Trust::Verified, day0 + day + 15 * hour);
}
PeerRow gammaRow()
{
    return row(figures(sub, QStringLiteral("client.gamma.example"), 1, 1, 700, 700, 1, 1, 0), {count("", 1)},
               {count("", 1)}, Trust::Unknown, Trust::Unknown, day0 + 13 * hour);
}

Correspondent correspondent(Direction direction, Correspondent::Side side, const char *address,
                            qint64 messages, qint64 encrypted, qint64 last)
{
    Correspondent c;
    c.direction = direction;
    c.side = side;
    c.address = QString::fromLatin1(address);
    c.messages = messages;
    c.encryptedMessages = encrypted;
    c.lastSeen = last;
    return c;
}

const auto ours = Correspondent::Side::Ours;
const auto theirs = Correspondent::Side::Theirs;

QList<ReportFilter> filters()
{
    QList<ReportFilter> list;
    list << ReportFilter() << range(day0 + 3 * day, day0 + 5 * day) << range(day0 + 3 * day + 7, std::nullopt)
         << range(std::nullopt, day0 + 6 * day - 11) << range(day0 + 2 * day + 100, day0 + 2 * day + 50000)
         << range(day0 - day, day0 + 20 * day);
    ReportFilter f;
    f.directions = {out};
    list << f;
    f = range(day0 + day + 1, day0 + 8 * day - 1);
    f.groupBy = ReportFilter::GroupBy::Domain;
    list << f;
    f = ReportFilter();
    f.includeLocal = true;
    list << f;
    f = range(day0 + 4 * day + 3600, std::nullopt);
    f.localPeers = {QStringLiteral("198.51.100.20"), QStringLiteral("mail.two.example")};
    list << f;
    f.includeLocal = true;
    f.directions = {sub, in};
    list << f;
    return list;
}

} // namespace

class TestDashboardPeers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rows_data();
    void rows();
    void figuresOnly();
    void lastSeenOfMessagesAlone_data();
    void lastSeenOfMessagesAlone();
    void agreesWithPeerFigures_data();
    void agreesWithPeerFigures();
    void detail_data();
    void detail();
    void detailTimeline();
    void detailLimits();
    void detailOfAListedLocalPeer();

private:
    KnownStore m_known;
};

void TestDashboardPeers::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestDashboardPeers::rows_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<QList<PeerRow>>("expected");

    QTest::newRow("everything") << ReportFilter()
                                << QList<PeerRow>{alphaRow(), unnamedRow(), betaRow(), filterRow(), relayRow(),
                                                  gammaRow()};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("by domain")
        << domains
        << QList<PeerRow>{
               row(figures(in, QStringLiteral("alpha.example"), 3, 2, 3500, 3000, 3, 2, 0), alphaRow().protocols,
                   alphaRow().ciphers, Trust::Trusted, Trust::Verified, day0 + day + 9 * hour),
               unnamedRow(),
               row(figures(out, QStringLiteral("beta.example"), 3, 2, 8500, 5500, 3, 2, 2),
                   {count("TLSv1.2", 1), count("TLSv1.3", 1)},
                   {count("DHE-RSA-AES256-GCM-SHA384", 1), count("TLS_AES_128_GCM_SHA256", 1)}, Trust::Untrusted,
                   Trust::Verified, day0 + 2 * day + 8 * hour),
               row(figures(out, QStringLiteral("relay.example"), 1, 0, 800, 0, 1, 0, 0), {}, {}, Trust::Unknown,
                   Trust::Unknown, day0 + 2 * day + 10 * hour),
               row(figures(sub, QStringLiteral("gamma.example"), 1, 1, 700, 700, 1, 1, 0), {count("", 1)},
                   {count("", 1)}, Trust::Unknown, Trust::Unknown, day0 + 13 * hour)};
    QTest::newRow("day 0, a whole day")
        << range(day0, day0 + day)
        << QList<PeerRow>{row(figures(in, QStringLiteral("mx.alpha.example"), 2, 2, 3000, 3000, 2, 2, 0),
                              alphaRow().protocols, alphaRow().ciphers, Trust::Trusted, Trust::Verified,
                              day0 + 11 * hour),
                          row(figures(out, QStringLiteral("mail.beta.example"), 1, 0, 3000, 0, 1, 0, 1), {}, {},
                              Trust::Unknown, Trust::Unknown, day0 + 12 * hour),
                          gammaRow()};
    QTest::newRow("cut days only")
        << range(day0 + 10 * hour + 30 * 60, day0 + day + 9 * hour)
        << QList<PeerRow>{row(figures(in, QStringLiteral("mx.alpha.example"), 1, 1, 2000, 2000, 1, 1, 0),
                              {count("TLSv1.2", 1)}, {count("ECDHE-RSA-AES128-GCM-SHA256", 1)}, Trust::Verified,
                              Trust::Verified, day0 + 11 * hour),
                          unnamedRow(),
                          row(figures(out, QStringLiteral("mail.beta.example"), 1, 0, 3000, 0, 1, 0, 1), {}, {},
                              Trust::Unknown, Trust::Unknown, day0 + 12 * hour),
                          gammaRow()};
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("local hops included")
        << local
        << QList<PeerRow>{alphaRow(), unnamedRow(), betaRow(), filterRow(),
                          row(figures(out, QStringLiteral("localhost"), 1, 0, 900, 0, 1, 0, 0), {}, {},
                              Trust::Unknown, Trust::Unknown, day0 + 10 * hour + 30 * 60),
                          relayRow(), gammaRow()};
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("mx.alpha.example"), QStringLiteral("198.51.100.8")};
    listed.directions = {in, out};
    QTest::newRow("listed local peers, two directions")
        << listed << QList<PeerRow>{unnamedRow(), betaRow(), filterRow()};
    QTest::newRow("nothing in range") << range(day0 + 5 * day, std::nullopt) << QList<PeerRow>{};
}

void TestDashboardPeers::rows()
{
    QFETCH(ReportFilter, filter);
    QFETCH(QList<PeerRow>, expected);

    QString error;
    const QList<PeerRow> rows = m_known.store().peerRows(filter, PeerColumns::Everything, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows, expected);
}

void TestDashboardPeers::figuresOnly()
{
    QString error;
    const QList<PeerRow> rows = m_known.store().peerRows(ReportFilter(), PeerColumns::Figures, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QList<PeerRow> expected;
    for (const PeerRow &r : {alphaRow(), unnamedRow(), betaRow(), filterRow(), relayRow(), gammaRow()})
        expected << row(r.figures, {}, {}, Trust::Unknown, Trust::Unknown, std::nullopt);
    QCOMPARE(rows, expected);
}

void TestDashboardPeers::lastSeenOfMessagesAlone_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<qint64>("lastSeen");

    // cached.example: a connection opened at day 0 08:00, messages over it
    // (cached) at 08:01 and on day 1 at 07:00, 07:02; a local transport
    // ("local", no connections at all) on days 0 and 2.
    QTest::newRow("the connection is in range") << ReportFilter() << QStringLiteral("cached.example")
                                                << day0 + 8 * hour;
    QTest::newRow("cut days only") << range(day0 + 8 * hour + 30, day0 + day + 7 * hour + 60)
                                   << QStringLiteral("cached.example") << day0 + day + 7 * hour;
    QTest::newRow("whole day between cut days") << range(day0 + 8 * hour + 30, day0 + 2 * day + 5)
                                                << QStringLiteral("cached.example") << day0 + day + 7 * hour + 120;
    QTest::newRow("only the start cut has messages") << range(day0 + 8 * hour + 30, day0 + day + 6 * hour)
                                                     << QStringLiteral("cached.example") << day0 + 8 * hour + 60;
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("a local transport, everything") << local << QStringLiteral("local") << day0 + 2 * day + 30;
    local.until = day0 + 2 * day;
    QTest::newRow("a local transport, whole days") << local << QStringLiteral("local") << day0 + 5;
}

void TestDashboardPeers::lastSeenOfMessagesAlone()
{
    QFETCH(ReportFilter, filter);
    QFETCH(QString, peer);
    QFETCH(qint64, lastSeen);

    AssemblerOutput output;
    const auto o = Direction::Outbound;
    output.connections = {connection(100, o, "cached.example", "192.0.2.70", day0 + 8 * hour, false)};
    output.transfers = {
        transfer(200, o, "cached.example", "192.0.2.70", day0 + 8 * hour + 60, 10, nullptr, "a@ours.example"),
        transfer(300, o, "cached.example", "192.0.2.70", day0 + day + 7 * hour, 10, nullptr, "a@ours.example"),
        transfer(400, o, "cached.example", "192.0.2.70", day0 + day + 7 * hour + 120, 10, nullptr, "a@ours.example"),
        transfer(500, o, "local", "", day0 + 5, 10, nullptr, "a@ours.example", "", true),
        transfer(600, o, "local", "", day0 + 2 * day + 30, 10, nullptr, "a@ours.example", "", true),
    };
    KnownStore store;
    QVERIFY(store.make(output));
    QString error;
    const QList<PeerRow> rows = store.store().peerRows(filter, PeerColumns::Everything, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool found = false;
    for (const PeerRow &r : rows) {
        if (r.figures.peer != peer)
            continue;
        found = true;
        QCOMPARE(r.lastSeen, std::optional<qint64>(lastSeen));
    }
    QVERIFY(found);
}

void TestDashboardPeers::agreesWithPeerFigures_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("known store") << quint32(0);
    QTest::newRow("random 1") << quint32(1);
    QTest::newRow("random 2") << quint32(2);
    QTest::newRow("random 3") << quint32(3);
}

void TestDashboardPeers::agreesWithPeerFigures()
{
    QFETCH(quint32, seed);
    KnownStore random;
    KnownStore *store = &m_known;
    if (seed != 0) {
        QVERIFY(random.make(AssemblerOutput()));
        for (const AssemblerOutput &batch : randomBatches(seed))
            QVERIFY(random.write(batch));
        store = &random;
    }
    const QList<ReportFilter> list = filters();
    for (int i = 0; i < list.size(); ++i) {
        QString error;
        const QList<PeerRow> rows = store->store().peerRows(list.at(i), PeerColumns::Everything, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<PeerFigures> shared;
        for (const PeerRow &r : rows)
            shared << r.figures;
        const QList<PeerFigures> reference = store->store().peerFigures(list.at(i), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<PeerFigures> fromRecords = store->store().peerFiguresFromRecords(list.at(i), &error);
        QVERIFY2(shared == reference, qPrintable(QStringLiteral("filter %1").arg(i)));
        QCOMPARE(shared, fromRecords);
        if (seed != 0)
            QVERIFY2(!reference.isEmpty() || i == 4, qPrintable(QStringLiteral("filter %1 selects nothing").arg(i)));
    }
}

void TestDashboardPeers::detail_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QList<PeerRow>>("rows");
    QTest::addColumn<QList<qint64>>("connections");   // ids, newest first
    QTest::addColumn<QList<qint64>>("failures");
    QTest::addColumn<QList<Correspondent>>("correspondents");

    // Connection ids follow records(): mail.beta.example's are 5 and 6.
    QTest::newRow("a host")
        << ReportFilter() << QStringLiteral("mail.beta.example") << QList<PeerRow>{betaRow()}
        << QList<qint64>{6, 5} << QList<qint64>{2}
        << QList<Correspondent>{correspondent(out, ours, "alice@ours.example", 2, 1, day0 + 2 * day + 8 * hour),
                                correspondent(out, theirs, "carol@beta.example", 2, 1, day0 + 2 * day + 8 * hour),
                                correspondent(out, theirs, "dave@beta.example", 1, 0, day0 + 12 * hour)};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("a domain")
        << domains << QStringLiteral("beta.example")
        << QList<PeerRow>{row(figures(out, QStringLiteral("beta.example"), 3, 2, 8500, 5500, 3, 2, 2),
                              {count("TLSv1.2", 1), count("TLSv1.3", 1)},
                              {count("DHE-RSA-AES256-GCM-SHA384", 1), count("TLS_AES_128_GCM_SHA256", 1)},
                              Trust::Untrusted, Trust::Verified, day0 + 2 * day + 8 * hour)}
        << QList<qint64>{6, 7, 5} << QList<qint64>{3, 2}
        << QList<Correspondent>{correspondent(out, ours, "alice@ours.example", 3, 2, day0 + 2 * day + 8 * hour),
                                correspondent(out, theirs, "carol@beta.example", 2, 1, day0 + 2 * day + 8 * hour),
                                correspondent(out, theirs, "dave@beta.example", 1, 0, day0 + 12 * hour),
                                correspondent(out, theirs, "erin@beta.example", 1, 1, day0 + day + 15 * hour)};
    QTest::newRow("inbound: only their side is recorded")
        << ReportFilter() << QStringLiteral("mx.alpha.example") << QList<PeerRow>{alphaRow()}
        << QList<qint64>{3, 2, 1} << QList<qint64>{}
        << QList<Correspondent>{correspondent(in, theirs, "news@alpha.example", 2, 2, day0 + 11 * hour),
                                correspondent(in, theirs, "<>", 1, 0, day0 + day + 9 * hour)};
    QTest::newRow("submission: our side")
        << ReportFilter() << QStringLiteral("client.gamma.example") << QList<PeerRow>{gammaRow()}
        << QList<qint64>{8} << QList<qint64>{}
        << QList<Correspondent>{correspondent(sub, ours, "bob@ours.example", 1, 1, day0 + 13 * hour)};
    QTest::newRow("a range") << range(day0 + day, std::nullopt) << QStringLiteral("mail.beta.example")
                             << QList<PeerRow>{row(figures(out, QStringLiteral("mail.beta.example"), 1, 1, 4000, 4000,
                                                           1, 1, 0),
                                                   {count("TLSv1.2", 1)}, {count("DHE-RSA-AES256-GCM-SHA384", 1)},
                                                   Trust::Untrusted, Trust::Untrusted, day0 + 2 * day + 8 * hour)}
                             << QList<qint64>{6} << QList<qint64>{}
                             << QList<Correspondent>{
                                    correspondent(out, ours, "alice@ours.example", 1, 1, day0 + 2 * day + 8 * hour),
                                    correspondent(out, theirs, "carol@beta.example", 1, 1, day0 + 2 * day + 8 * hour)};
    QTest::newRow("a peer with no address")
        << ReportFilter() << QStringLiteral("203.0.113.9") << QList<PeerRow>{unnamedRow()} << QList<qint64>{4}
        << QList<qint64>{1} << QList<Correspondent>{};
    QTest::newRow("nobody") << ReportFilter() << QStringLiteral("nobody.example") << QList<PeerRow>{}
                            << QList<qint64>{} << QList<qint64>{} << QList<Correspondent>{};
    QTest::newRow("a host is not a domain")
        << domains << QStringLiteral("mail.beta.example") << QList<PeerRow>{} << QList<qint64>{} << QList<qint64>{}
        << QList<Correspondent>{};
}

void TestDashboardPeers::detail()
{
    QFETCH(ReportFilter, filter);
    QFETCH(QString, peer);
    QFETCH(QList<PeerRow>, rows);
    QFETCH(QList<qint64>, connections);
    QFETCH(QList<qint64>, failures);
    QFETCH(QList<Correspondent>, correspondents);

    QString error;
    const PeerDetail detail = m_known.store().peerDetail(filter, peer, PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(detail.peer, peer);
    QCOMPARE(detail.rows, rows);
    QList<qint64> connectionIds;
    for (const PeerConnection &c : detail.connections)
        connectionIds << c.id;
    QCOMPARE(connectionIds, connections);
    QList<qint64> failureIds;
    for (const PeerFailure &f : detail.failures)
        failureIds << f.id;
    QCOMPARE(failureIds, failures);
    QCOMPARE(detail.correspondents, correspondents);
}

void TestDashboardPeers::detailTimeline()
{
    PeerDetailOptions options;
    options.bucket = TrendBucket::Day;
    QString error;
    const PeerDetail detail =
        m_known.store().peerDetail(ReportFilter(), QStringLiteral("mail.beta.example"), options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(detail.timeline.bucket, TrendBucket::Day);
    QCOMPARE(detail.timeline.from, day0);
    QCOMPARE(detail.timeline.to, day0 + 3 * day);
    QCOMPARE(detail.timeline.points.size(), 3);
    const TrendPoint first = detail.timeline.points.at(0);
    QCOMPARE(first.start, day0);
    QCOMPARE(first.plaintextMessages, 1);
    QCOMPARE(first.plaintextBytes, 3000);
    QCOMPARE(first.encryptedMessages, 0);
    QCOMPARE(first.tlsFailures, 1);
    QCOMPARE(detail.timeline.points.at(1), TrendPoint{day0 + day});
    const TrendPoint last = detail.timeline.points.at(2);
    QCOMPARE(last.encryptedMessages, 1);
    QCOMPARE(last.encryptedBytes, 4000);
    QCOMPARE(last.plaintextMessages, 0);

    // Hours come from the peer's records; the range is the filter's.
    options.bucket = TrendBucket::Auto;
    const PeerDetail hours = m_known.store().peerDetail(range(day0 + 11 * hour, day0 + 13 * hour),
                                                        QStringLiteral("mail.beta.example"), options, &error);
    QCOMPARE(hours.timeline.bucket, TrendBucket::Hour);
    QCOMPARE(hours.timeline.points.size(), 2);
    QCOMPARE(hours.timeline.points.at(0).tlsFailures, 1);
    QCOMPARE(hours.timeline.points.at(1).plaintextMessages, 1);

    // The connection as the page lists it.
    QCOMPARE(detail.connections.size(), 2);
    const PeerConnection &c = detail.connections.first();
    QCOMPARE(c.time, day0 + 2 * day + 8 * hour);
    QCOMPARE(c.direction, out);
    QCOMPARE(c.host, QStringLiteral("mail.beta.example"));
    QCOMPARE(c.peerIp, QStringLiteral("198.51.100.7"));
    QCOMPARE(c.port, 25);
    QCOMPARE(c.sourceId, 1);
    QVERIFY(c.encrypted);
    QCOMPARE(c.tls.protocol, QStringLiteral("TLSv1.2"));
    QCOMPARE(c.tls.cipher, QStringLiteral("DHE-RSA-AES256-GCM-SHA384"));
    QCOMPARE(c.tls.cipherBits, 256);
    QCOMPARE(c.tls.trust, Trust::Untrusted);
    QVERIFY(c.tls.dhe);
    QVERIFY(!detail.connections.at(1).encrypted);
    QCOMPARE(detail.connections.at(1).tls.protocol, QString());
    const PeerFailure &f = detail.failures.first();
    QCOMPARE(f.time, day0 + 11 * hour + 59 * 60 + 50);
    QCOMPARE(f.problem, TlsProblem::DhKeyTooSmall);
    QCOMPARE(f.reason, QStringLiteral("dh key too small"));
    QCOMPARE(f.port, 25);
}

void TestDashboardPeers::detailLimits()
{
    PeerDetailOptions options;
    options.connections = 1;
    options.failures = 0;
    options.correspondents = 2;
    QString error;
    const PeerDetail detail =
        m_known.store().peerDetail(ReportFilter(), QStringLiteral("mail.beta.example"), options, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(detail.connections.size(), 1);
    QCOMPARE(detail.connections.first().id, 6);
    QVERIFY(detail.failures.isEmpty());
    QCOMPARE(detail.correspondents.size(), 2);
    QCOMPARE(detail.correspondents.at(1).address, QStringLiteral("carol@beta.example"));
}

void TestDashboardPeers::detailOfAListedLocalPeer()
{
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("filter.relay.example")};
    QString error;
    const PeerDetail hidden =
        m_known.store().peerDetail(listed, QStringLiteral("filter.relay.example"), PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(hidden.rows.isEmpty());
    QVERIFY(hidden.connections.isEmpty());
    QVERIFY(hidden.correspondents.isEmpty());
    for (const TrendPoint &p : hidden.timeline.points)
        QCOMPARE(p, TrendPoint{p.start});

    listed.includeLocal = true;
    const PeerDetail shown =
        m_known.store().peerDetail(listed, QStringLiteral("filter.relay.example"), PeerDetailOptions(), &error);
    QCOMPARE(shown.rows, QList<PeerRow>{filterRow()});
    QCOMPARE(shown.connections.size(), 1);
    QCOMPARE(shown.correspondents.size(), 2);
}

QTEST_GUILESS_MAIN(TestDashboardPeers)
#include "tst_dashboardpeers.moc"
