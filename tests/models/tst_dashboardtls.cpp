#include "models/store/tlsqualityquery.h"

#include <QTest>

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;

TlsShare tlsShare(const char *name, qint64 connections, qint64 peers)
{
    return {QString::fromLatin1(name), connections, peers};
}

PeerTlsIssue issue(Direction direction, const char *peer, qint64 count, std::optional<qint64> last,
                   const char *detail)
{
    PeerTlsIssue i;
    i.direction = direction;
    i.peer = QString::fromLatin1(peer);
    i.count = count;
    i.lastTime = last;
    i.detail = QString::fromLatin1(detail);
    return i;
}

const PeerTlsIssue &dheBeta()
{
    static const PeerTlsIssue i = issue(out, "mail.beta.example", 1, std::nullopt, "DHE-RSA-AES256-GCM-SHA384 (1)");
    return i;
}
const PeerTlsIssue &dhBeta()
{
    static const PeerTlsIssue i =
        issue(out, "mail.beta.example", 1, day0 + 11 * hour + 59 * 60 + 50, "dh key too small");
    return i;
}
const PeerTlsIssue &certificateRelay()
{
    static const PeerTlsIssue i = issue(out, "relay.beta.example", 1, day0 + day + 14 * hour + 59 * 60,
                                        "certificate verification failed: untrusted issuer");
    return i;
}

} // namespace

class TestDashboardTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quality_data();
    void quality();
    void failuresMergeByPeer();

private:
    KnownStore m_known;
};

void TestDashboardTls::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestDashboardTls::quality_data()
{
    QTest::addColumn<ReportFilter>("filter");
    QTest::addColumn<qint64>("encrypted");
    QTest::addColumn<QList<TlsShare>>("protocols");
    QTest::addColumn<QList<TlsShare>>("ciphers");
    QTest::addColumn<QList<TlsShare>>("keyExchanges");
    QTest::addColumn<QList<PeerTlsIssue>>("dhe");
    QTest::addColumn<QList<PeerTlsIssue>>("dhKeyTooSmall");
    QTest::addColumn<QList<PeerTlsIssue>>("certificate");

    const QList<TlsShare> protocols = {tlsShare("TLSv1.2", 2, 2), tlsShare("TLSv1.3", 2, 2), tlsShare("", 1, 1)};
    const QList<TlsShare> ciphers = {tlsShare("", 1, 1), tlsShare("DHE-RSA-AES256-GCM-SHA384", 1, 1),
                                     tlsShare("ECDHE-RSA-AES128-GCM-SHA256", 1, 1),
                                     tlsShare("TLS_AES_128_GCM_SHA256", 1, 1),
                                     tlsShare("TLS_AES_256_GCM_SHA384", 1, 1)};
    const QList<TlsShare> keyExchanges = {tlsShare("", 3, 3), tlsShare("X25519", 2, 2)};
    QTest::newRow("everything") << ReportFilter() << qint64(5) << protocols << ciphers << keyExchanges
                                << QList<PeerTlsIssue>{dheBeta()} << QList<PeerTlsIssue>{dhBeta()}
                                << QList<PeerTlsIssue>{certificateRelay()};
    ReportFilter local;
    local.includeLocal = true;
    QTest::newRow("local hops add no TLS")
        << local << qint64(5) << protocols << ciphers << keyExchanges << QList<PeerTlsIssue>{dheBeta()}
        << QList<PeerTlsIssue>{dhBeta()} << QList<PeerTlsIssue>{certificateRelay()};
    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    QTest::newRow("by domain")
        << domains << qint64(5) << protocols << ciphers << keyExchanges
        << QList<PeerTlsIssue>{issue(out, "beta.example", 1, std::nullopt, "DHE-RSA-AES256-GCM-SHA384 (1)")}
        << QList<PeerTlsIssue>{issue(out, "beta.example", 1, day0 + 11 * hour + 59 * 60 + 50, "dh key too small")}
        << QList<PeerTlsIssue>{issue(out, "beta.example", 1, day0 + day + 14 * hour + 59 * 60,
                                     "certificate verification failed: untrusted issuer")};
    QTest::newRow("day 0")
        << range(day0, day0 + day) << qint64(3)
        << QList<TlsShare>{tlsShare("", 1, 1), tlsShare("TLSv1.2", 1, 1), tlsShare("TLSv1.3", 1, 1)}
        << QList<TlsShare>{tlsShare("", 1, 1), tlsShare("ECDHE-RSA-AES128-GCM-SHA256", 1, 1),
                           tlsShare("TLS_AES_256_GCM_SHA384", 1, 1)}
        << QList<TlsShare>{tlsShare("", 2, 2), tlsShare("X25519", 1, 1)} << QList<PeerTlsIssue>{}
        << QList<PeerTlsIssue>{dhBeta()} << QList<PeerTlsIssue>{};
    QTest::newRow("cut day, whole day, cut day")
        << range(day0 + 10 * hour + 30 * 60, day0 + 2 * day + 9 * hour) << qint64(4)
        << QList<TlsShare>{tlsShare("TLSv1.2", 2, 2), tlsShare("", 1, 1), tlsShare("TLSv1.3", 1, 1)}
        << QList<TlsShare>{tlsShare("", 1, 1), tlsShare("DHE-RSA-AES256-GCM-SHA384", 1, 1),
                           tlsShare("ECDHE-RSA-AES128-GCM-SHA256", 1, 1), tlsShare("TLS_AES_128_GCM_SHA256", 1, 1)}
        << QList<TlsShare>{tlsShare("", 3, 3), tlsShare("X25519", 1, 1)} << QList<PeerTlsIssue>{dheBeta()}
        << QList<PeerTlsIssue>{dhBeta()} << QList<PeerTlsIssue>{certificateRelay()};
    ReportFilter inbound;
    inbound.directions = {in};
    QTest::newRow("inbound")
        << inbound << qint64(2) << QList<TlsShare>{tlsShare("TLSv1.2", 1, 1), tlsShare("TLSv1.3", 1, 1)}
        << QList<TlsShare>{tlsShare("ECDHE-RSA-AES128-GCM-SHA256", 1, 1), tlsShare("TLS_AES_256_GCM_SHA384", 1, 1)}
        << QList<TlsShare>{tlsShare("", 1, 1), tlsShare("X25519", 1, 1)} << QList<PeerTlsIssue>{}
        << QList<PeerTlsIssue>{} << QList<PeerTlsIssue>{};
    ReportFilter listed;
    listed.localPeers = {QStringLiteral("mail.beta.example")};
    QTest::newRow("a listed local peer")
        << listed << qint64(4) << QList<TlsShare>{tlsShare("TLSv1.3", 2, 2), tlsShare("", 1, 1), tlsShare("TLSv1.2", 1, 1)}
        << QList<TlsShare>{tlsShare("", 1, 1), tlsShare("ECDHE-RSA-AES128-GCM-SHA256", 1, 1),
                           tlsShare("TLS_AES_128_GCM_SHA256", 1, 1), tlsShare("TLS_AES_256_GCM_SHA384", 1, 1)}
        << QList<TlsShare>{tlsShare("", 2, 2), tlsShare("X25519", 2, 2)} << QList<PeerTlsIssue>{}
        << QList<PeerTlsIssue>{} << QList<PeerTlsIssue>{certificateRelay()};
    QTest::newRow("nothing") << range(day0 + 9 * day, std::nullopt) << qint64(0) << QList<TlsShare>{}
                             << QList<TlsShare>{} << QList<TlsShare>{} << QList<PeerTlsIssue>{}
                             << QList<PeerTlsIssue>{} << QList<PeerTlsIssue>{};
}

void TestDashboardTls::quality()
{
    QFETCH(ReportFilter, filter);
    QFETCH(qint64, encrypted);
    QFETCH(QList<TlsShare>, protocols);
    QFETCH(QList<TlsShare>, ciphers);
    QFETCH(QList<TlsShare>, keyExchanges);
    QFETCH(QList<PeerTlsIssue>, dhe);
    QFETCH(QList<PeerTlsIssue>, dhKeyTooSmall);
    QFETCH(QList<PeerTlsIssue>, certificate);

    QString error;
    const TlsQuality quality = m_known.store().tlsQuality(filter, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(quality.encryptedConnections, encrypted);
    QCOMPARE(quality.protocols, protocols);
    QCOMPARE(quality.ciphers, ciphers);
    QCOMPARE(quality.keyExchanges, keyExchanges);
    QCOMPARE(quality.dhePeers, dhe);
    QCOMPARE(quality.dhKeyTooSmallPeers, dhKeyTooSmall);
    QCOMPARE(quality.certificatePeers, certificate);
}

void TestDashboardTls::failuresMergeByPeer()
{
    // Two hosts of one domain fail certificate checks; the newest failure's
    // reason is the one shown, per host or for the domain.
    AssemblerOutput output;
    output.failures = {
        failure(100, out, "mx1.delta.example", "192.0.2.61", day0 + hour, TlsProblem::Certificate,
                "certificate verification failed: certificate has expired"),
        failure(200, out, "mx1.delta.example", "192.0.2.61", day0 + 3 * hour, TlsProblem::Certificate,
                "certificate verification failed: self-signed certificate"),
        failure(300, out, "mx2.delta.example", "192.0.2.62", day0 + 2 * hour, TlsProblem::Certificate,
                "certificate verification failed: hostname mismatch"),
        failure(400, in, "mx2.delta.example", "192.0.2.62", day0 + 4 * hour, TlsProblem::DhKeyTooSmall,
                "SSL_accept error: dh key too small"),
        failure(500, out, "mx3.delta.example", "192.0.2.63", day0 + 5 * hour, TlsProblem::Handshake,
                "handshake failure"),
    };
    KnownStore store;
    QVERIFY(store.make(output));
    QString error;
    TlsQuality quality = store.store().tlsQuality(ReportFilter(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(quality.certificatePeers,
             (QList<PeerTlsIssue>{issue(out, "mx1.delta.example", 2, day0 + 3 * hour,
                                        "certificate verification failed: self-signed certificate"),
                                  issue(out, "mx2.delta.example", 1, day0 + 2 * hour,
                                        "certificate verification failed: hostname mismatch")}));
    QCOMPARE(quality.dhKeyTooSmallPeers,
             (QList<PeerTlsIssue>{issue(in, "mx2.delta.example", 1, day0 + 4 * hour, "SSL_accept error: dh key too small")}));
    QCOMPARE(quality.encryptedConnections, 0);

    ReportFilter domains;
    domains.groupBy = ReportFilter::GroupBy::Domain;
    quality = store.store().tlsQuality(domains, &error);
    QCOMPARE(quality.certificatePeers,
             (QList<PeerTlsIssue>{issue(out, "delta.example", 3, day0 + 3 * hour,
                                        "certificate verification failed: self-signed certificate")}));
}

QTEST_GUILESS_MAIN(TestDashboardTls)
#include "tst_dashboardtls.moc"
