#include "models/report/dashboardcsv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "models/report/csvfile.h"
#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

// The exports of the known store (tst_dashboardfixture.h), byte for byte.
QString expectedOverview()
{
    return QStringLiteral(R"csv(# MailTLS overview
# Time range: all records
# Selection: inbound, outbound, submission; peers named by host; local hops left out
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601)

# Encrypted share per direction
direction,messages,encrypted_messages,encrypted_messages_percent,bytes,encrypted_bytes,encrypted_bytes_percent,connections,encrypted_connections,tls_failures
inbound,3,2,66.7,3500,3000,85.7,4,2,1
outbound,4,2,50.0,9300,5500,59.1,4,2,2
submission,1,1,100.0,700,700,100.0,1,1,0

# Encrypted and plaintext mail per day (UTC days)
start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,tls_failures
2024-03-18T00:00:00Z,3,1,3700,3000,1
2024-03-19T00:00:00Z,1,1,1500,500,2
2024-03-20T00:00:00Z,1,1,4000,800,0

# Peers with the most plaintext messages
direction,peer,plaintext_messages,messages,encrypted_messages_percent,plaintext_bytes,bytes
inbound,mx.alpha.example,1,3,66.7,500,3500
outbound,mail.beta.example,1,2,50.0,3000,7000
outbound,filter.relay.example,1,1,0.0,800,800

# Recent TLS failures, newest first
time_utc,direction,peer,host,peer_ip,port,problem,reason
2024-03-19T14:59:00Z,outbound,relay.beta.example,relay.beta.example,198.51.100.8,25,certificate,certificate verification failed: untrusted issuer
2024-03-19T03:00:05Z,inbound,203.0.113.9,203.0.113.9,203.0.113.9,25,lost-after-starttls,lost connection after STARTTLS
2024-03-18T11:59:50Z,outbound,mail.beta.example,mail.beta.example,198.51.100.7,25,dh-key-too-small,dh key too small

# Whether the mail server logs TLS
direction,connections,encrypted_connections,connections_with_tls_details,verdict
inbound,4,2,2,too-few-connections
outbound,4,2,2,too-few-connections
)csv");
}

QString expectedPeers()
{
    return QStringLiteral(R"csv(# MailTLS peers
# Time range: all records
# Selection: inbound, outbound, submission; peers named by host; local hops left out
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), most first

# Peers
direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc
inbound,mx.alpha.example,3,2,1,66.7,3500,3000,3,2,0,TLSv1.2 (1); TLSv1.3 (1),ECDHE-RSA-AES128-GCM-SHA256 (1); TLS_AES_256_GCM_SHA384 (1),verified,trusted,2024-03-19T09:00:00Z,,
inbound,203.0.113.9,0,0,0,,0,0,1,0,1,,,,,2024-03-19T03:00:05Z,,
outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),DHE-RSA-AES256-GCM-SHA384 (1),untrusted,untrusted,2024-03-20T08:00:00Z,,
outbound,filter.relay.example,1,0,1,0.0,800,0,1,0,0,,,,,2024-03-20T10:00:00Z,,
outbound,relay.beta.example,1,1,0,100.0,1500,1500,1,1,1,TLSv1.3 (1),TLS_AES_128_GCM_SHA256 (1),verified,verified,2024-03-19T15:00:00Z,,
submission,client.gamma.example,1,1,0,100.0,700,700,1,1,0,(not logged) (1),(not logged) (1),,,2024-03-18T13:00:00Z,,
)csv");
}

QString expectedTls()
{
    return QStringLiteral(R"csv(# MailTLS TLS quality
# Time range: all records
# Selection: inbound, outbound, submission; peers named by host; local hops left out
# Units: connections are encrypted connections; peers count peers per direction; failures are counts; times are UTC (ISO 8601)

# Protocol versions
protocol,connections,peers
TLSv1.2,2,2
TLSv1.3,2,2
(not logged),1,1

# Cipher suites
cipher_suite,connections,peers
(not logged),1,1
DHE-RSA-AES256-GCM-SHA384,1,1
ECDHE-RSA-AES128-GCM-SHA256,1,1
TLS_AES_128_GCM_SHA256,1,1
TLS_AES_256_GCM_SHA384,1,1

# Key exchanges
key_exchange,connections,peers
(not logged),3,3
X25519,2,2

# Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites
direction,peer,dhe_connections,cipher_suites
outbound,mail.beta.example,1,DHE-RSA-AES256-GCM-SHA384 (1)

# Peers failing with "dh key too small"
direction,peer,failures,last_failure_utc,last_reason
outbound,mail.beta.example,1,2024-03-18T11:59:50Z,dh key too small

# Peers with certificate failures
direction,peer,failures,last_failure_utc,last_reason
outbound,relay.beta.example,1,2024-03-19T14:59:00Z,certificate verification failed: untrusted issuer
)csv");
}

QString expectedPeersFiltered()
{
    return QStringLiteral(R"csv(# MailTLS peers
# Time range: 2024-03-18T00:00:00Z to 2024-03-20T00:00:00Z (UTC; the start included, the end not)
# Selection: outbound; peers named by registrable domain; local hops left out; also left out as local: filter.relay.example
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), most first

# Peers
direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc
outbound,beta.example,2,1,1,50.0,4500,1500,2,1,2,TLSv1.3 (1),TLS_AES_128_GCM_SHA256 (1),verified,verified,2024-03-19T15:00:00Z,,
)csv");
}

QString expectedPeerDetail()
{
    return QStringLiteral(R"csv(# MailTLS peer mail.beta.example
# Time range: all records
# Selection: inbound, outbound, submission; peers named by host; local hops left out
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), most first

# Figures
direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc
outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),DHE-RSA-AES256-GCM-SHA384 (1),untrusted,untrusted,2024-03-20T08:00:00Z,,

# Encrypted and plaintext mail per day (UTC days)
start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,tls_failures
2024-03-18T00:00:00Z,0,1,0,3000,1
2024-03-19T00:00:00Z,0,0,0,0,0
2024-03-20T00:00:00Z,1,0,4000,0,0

# Connections, newest first
time_utc,direction,host,peer_ip,port,encrypted,protocol,cipher_suite,cipher_bits,key_exchange,key_exchange_bits,dhe,trust
2024-03-20T08:00:00Z,outbound,mail.beta.example,198.51.100.7,25,yes,TLSv1.2,DHE-RSA-AES256-GCM-SHA384,256,,,yes,untrusted
2024-03-18T12:00:00Z,outbound,mail.beta.example,198.51.100.7,25,no,,,,,,no,

# TLS failures, newest first
time_utc,direction,host,peer_ip,port,problem,reason
2024-03-18T11:59:50Z,outbound,mail.beta.example,198.51.100.7,25,dh-key-too-small,dh key too small

# Correspondents (envelope addresses; our side of inbound mail is not recorded)
direction,side,address,messages,encrypted_messages,last_seen_utc
outbound,ours,alice@ours.example,2,1,2024-03-20T08:00:00Z
outbound,theirs,carol@beta.example,2,1,2024-03-20T08:00:00Z
outbound,theirs,dave@beta.example,1,0,2024-03-18T12:00:00Z
)csv");
}

} // namespace

class TestDashboardCsv final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pages();
    void oneChart();
    void parts_data();
    void parts();
    void hostileText();
    void percent_data();
    void percent();
    void writesWholeFiles();

private:
    KnownStore m_known;
};

void TestDashboardCsv::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestDashboardCsv::pages()
{
    TrafficStore &store = m_known.store();
    QString error;
    const ReportFilter all;
    OverviewOptions days;
    days.bucket = TrendBucket::Day;
    QCOMPARE(DashboardCsv::overview(store.overview(all, days, &error), all), expectedOverview());
    QCOMPARE(DashboardCsv::peers(store.peerRows(all, PeerColumns::Everything, &error), all), expectedPeers());
    QCOMPARE(DashboardCsv::tlsQuality(store.tlsQuality(all, &error), all), expectedTls());

    ReportFilter filter = range(day0, day0 + 2 * day);
    filter.groupBy = ReportFilter::GroupBy::Domain;
    filter.directions = {Direction::Outbound};
    filter.localPeers = {QStringLiteral("Filter.Relay.example")};
    QCOMPARE(DashboardCsv::peers(store.peerRows(filter, PeerColumns::Everything, &error), filter),
             expectedPeersFiltered());

    PeerDetailOptions detailOptions;
    detailOptions.bucket = TrendBucket::Day;
    QCOMPARE(DashboardCsv::peerDetail(store.peerDetail(all, QStringLiteral("mail.beta.example"), detailOptions, &error),
                                      all),
             expectedPeerDetail());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDashboardCsv::oneChart()
{
    // A chart's export holds that chart only; an hourly trend says so.
    ReportFilter filter = range(day0 + 11 * hour, day0 + 13 * hour);
    filter.includeLocal = true;
    QString error;
    const OverviewFigures figures = m_known.store().overview(filter, OverviewOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(DashboardCsv::trend(figures.trend, filter),
             QStringLiteral("# MailTLS trend of encrypted and plaintext mail\n"
                            "# Time range: 2024-03-18T11:00:00Z to 2024-03-18T13:00:00Z (UTC; the start included, "
                            "the end not)\n"
                            "# Selection: inbound, outbound, submission; peers named by host; local hops included\n"
                            "# Units: messages, connections and failures are counts; bytes are bytes; percentages "
                            "are of messages or bytes; times are UTC (ISO 8601)\n"
                            "\n"
                            "# Encrypted and plaintext mail per hour (UTC hours)\n"
                            "start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,"
                            "tls_failures\n"
                            "2024-03-18T11:00:00Z,1,0,2000,0,1\n"
                            "2024-03-18T12:00:00Z,0,1,0,3000,0\n"));
    QCOMPARE(DashboardCsv::shares(figures.shares, filter).section(QLatin1Char('\n'), 5),
             QStringLiteral("# Encrypted share per direction\n"
                            "direction,messages,encrypted_messages,encrypted_messages_percent,bytes,encrypted_bytes,"
                            "encrypted_bytes_percent,connections,encrypted_connections,tls_failures\n"
                            "inbound,1,1,100.0,2000,2000,100.0,1,1,0\n"
                            "outbound,1,0,0.0,3000,0,0.0,1,0,1\n"
                            "submission,0,0,,0,0,,0,0,0\n"));
    QCOMPARE(DashboardCsv::topPlaintextPeers(figures.topPlaintextPeers, filter).section(QLatin1Char('\n'), 5),
             QStringLiteral("# Peers with the most plaintext messages\n"
                            "direction,peer,plaintext_messages,messages,encrypted_messages_percent,plaintext_bytes,"
                            "bytes\n"
                            "outbound,mail.beta.example,1,1,0.0,3000,3000\n"));
    QCOMPARE(DashboardCsv::recentFailures(figures.recentFailures, filter).section(QLatin1Char('\n'), 5),
             QStringLiteral("# Recent TLS failures, newest first\n"
                            "time_utc,direction,peer,host,peer_ip,port,problem,reason\n"
                            "2024-03-18T11:59:50Z,outbound,mail.beta.example,mail.beta.example,198.51.100.7,25,"
                            "dh-key-too-small,dh key too small\n"));
}

void TestDashboardCsv::parts_data()
{
    // Each card of the TLS quality and peer detail pages alone: the page's
    // header named after the card, then the card's section of the page.
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("expected");

    const QString scope = QStringLiteral(
        "# Time range: all records\n"
        "# Selection: inbound, outbound, submission; peers named by host; local hops left out\n");
    const QString tlsUnits = QStringLiteral(
        "# Units: connections are encrypted connections; peers count peers per direction; failures are counts; "
        "times are UTC (ISO 8601)\n\n");
    const QString peerUnits = QStringLiteral(
        "# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or "
        "bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their "
        "count), most first\n\n");
    const QString tls = QStringLiteral("tls");
    const QString peer = QStringLiteral("peer");
    using Tls = DashboardCsv::TlsPart;
    using Peer = DashboardCsv::PeerPart;

    QTest::newRow("protocol versions")
        << tls << int(Tls::Protocols)
        << QStringLiteral("# MailTLS TLS quality: Protocol versions\n") + scope + tlsUnits
               + QStringLiteral("# Protocol versions\n"
                                "protocol,connections,peers\n"
                                "TLSv1.2,2,2\n"
                                "TLSv1.3,2,2\n"
                                "(not logged),1,1\n");
    QTest::newRow("cipher suites")
        << tls << int(Tls::Ciphers)
        << QStringLiteral("# MailTLS TLS quality: Cipher suites\n") + scope + tlsUnits
               + QStringLiteral("# Cipher suites\n"
                                "cipher_suite,connections,peers\n"
                                "(not logged),1,1\n"
                                "DHE-RSA-AES256-GCM-SHA384,1,1\n"
                                "ECDHE-RSA-AES128-GCM-SHA256,1,1\n"
                                "TLS_AES_128_GCM_SHA256,1,1\n"
                                "TLS_AES_256_GCM_SHA384,1,1\n");
    QTest::newRow("key exchanges")
        << tls << int(Tls::KeyExchanges)
        << QStringLiteral("# MailTLS TLS quality: Key exchanges\n") + scope + tlsUnits
               + QStringLiteral("# Key exchanges\n"
                                "key_exchange,connections,peers\n"
                                "(not logged),3,3\n"
                                "X25519,2,2\n");
    QTest::newRow("DHE peers")
        << tls << int(Tls::DhePeers)
        << QStringLiteral("# MailTLS TLS quality: Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites\n")
               + scope + tlsUnits
               + QStringLiteral("# Peers using finite-field Diffie-Hellman (DHE/EDH) cipher suites\n"
                                "direction,peer,dhe_connections,cipher_suites\n"
                                "outbound,mail.beta.example,1,DHE-RSA-AES256-GCM-SHA384 (1)\n");
    QTest::newRow("dh key too small")
        << tls << int(Tls::DhKeyTooSmallPeers)
        << QStringLiteral("# MailTLS TLS quality: Peers failing with \"dh key too small\"\n") + scope + tlsUnits
               + QStringLiteral("# Peers failing with \"dh key too small\"\n"
                                "direction,peer,failures,last_failure_utc,last_reason\n"
                                "outbound,mail.beta.example,1,2024-03-18T11:59:50Z,dh key too small\n");
    QTest::newRow("certificate failures")
        << tls << int(Tls::CertificatePeers)
        << QStringLiteral("# MailTLS TLS quality: Peers with certificate failures\n") + scope + tlsUnits
               + QStringLiteral("# Peers with certificate failures\n"
                                "direction,peer,failures,last_failure_utc,last_reason\n"
                                "outbound,relay.beta.example,1,2024-03-19T14:59:00Z,certificate verification "
                                "failed: untrusted issuer\n");

    QTest::newRow("a peer's figures")
        << peer << int(Peer::Figures)
        << QStringLiteral("# MailTLS peer mail.beta.example: Figures\n") + scope + peerUnits
               + QStringLiteral(
                   "# Figures\n"
                   "direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,"
                   "encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,"
                   "best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc\n"
                   "outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),DHE-RSA-AES256-GCM-SHA384 (1),"
                   "untrusted,untrusted,2024-03-20T08:00:00Z,,\n");
    QTest::newRow("a peer's timeline")
        << peer << int(Peer::Timeline)
        << QStringLiteral("# MailTLS peer mail.beta.example: Encrypted and plaintext mail per day (UTC days)\n")
               + scope + peerUnits
               + QStringLiteral("# Encrypted and plaintext mail per day (UTC days)\n"
                                "start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,"
                                "tls_failures\n"
                                "2024-03-18T00:00:00Z,0,1,0,3000,1\n"
                                "2024-03-19T00:00:00Z,0,0,0,0,0\n"
                                "2024-03-20T00:00:00Z,1,0,4000,0,0\n");
    QTest::newRow("a peer's connections")
        << peer << int(Peer::Connections)
        << QStringLiteral("# MailTLS peer mail.beta.example: Connections, newest first\n") + scope + peerUnits
               + QStringLiteral("# Connections, newest first\n"
                                "time_utc,direction,host,peer_ip,port,encrypted,protocol,cipher_suite,cipher_bits,"
                                "key_exchange,key_exchange_bits,dhe,trust\n"
                                "2024-03-20T08:00:00Z,outbound,mail.beta.example,198.51.100.7,25,yes,TLSv1.2,"
                                "DHE-RSA-AES256-GCM-SHA384,256,,,yes,untrusted\n"
                                "2024-03-18T12:00:00Z,outbound,mail.beta.example,198.51.100.7,25,no,,,,,,no,\n");
    QTest::newRow("a peer's TLS failures")
        << peer << int(Peer::Failures)
        << QStringLiteral("# MailTLS peer mail.beta.example: TLS failures, newest first\n") + scope + peerUnits
               + QStringLiteral("# TLS failures, newest first\n"
                                "time_utc,direction,host,peer_ip,port,problem,reason\n"
                                "2024-03-18T11:59:50Z,outbound,mail.beta.example,198.51.100.7,25,dh-key-too-small,"
                                "dh key too small\n");
    QTest::newRow("a peer's correspondents")
        << peer << int(Peer::Correspondents)
        << QStringLiteral("# MailTLS peer mail.beta.example: Correspondents (envelope addresses; our side of "
                          "inbound mail is not recorded)\n")
               + scope + peerUnits
               + QStringLiteral("# Correspondents (envelope addresses; our side of inbound mail is not recorded)\n"
                                "direction,side,address,messages,encrypted_messages,last_seen_utc\n"
                                "outbound,ours,alice@ours.example,2,1,2024-03-20T08:00:00Z\n"
                                "outbound,theirs,carol@beta.example,2,1,2024-03-20T08:00:00Z\n"
                                "outbound,theirs,dave@beta.example,1,0,2024-03-18T12:00:00Z\n");
}

void TestDashboardCsv::parts()
{
    QFETCH(QString, page);
    QFETCH(int, part);
    QFETCH(QString, expected);

    TrafficStore &store = m_known.store();
    QString error;
    const ReportFilter all;
    QString csv;
    if (page == QLatin1String("tls")) {
        csv = DashboardCsv::tlsQualityPart(store.tlsQuality(all, &error), DashboardCsv::TlsPart(part), all);
    } else {
        PeerDetailOptions days;
        days.bucket = TrendBucket::Day;
        csv = DashboardCsv::peerDetailPart(store.peerDetail(all, QStringLiteral("mail.beta.example"), days, &error),
                                           DashboardCsv::PeerPart(part), all);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(csv, expected);
}

void TestDashboardCsv::hostileText()
{
    // Names and reasons come from logs: commas, quotes and line breaks are
    // quoted in fields and kept out of comment lines.
    AssemblerOutput output;
    output.failures.push_back(failure(100, Direction::Outbound, "odd,\"name\"\n.example", "192.0.2.99",
                                      day0 + hour, TlsProblem::NotOffered,
                                      "TLS is required, but was not offered by host \"mx\""));
    KnownStore store;
    QVERIFY(store.make(output));
    QString error;
    const ReportFilter all;
    const OverviewFigures figures = store.store().overview(all, OverviewOptions(), &error);
    QCOMPARE(DashboardCsv::recentFailures(figures.recentFailures, all).section(QLatin1Char('\n'), 7),
             QStringLiteral("2024-03-18T01:00:00Z,outbound,\"odd,\"\"name\"\"\n.example\",\"odd,\"\"name\"\"\n"
                            ".example\",192.0.2.99,25,not-offered,\"TLS is required, but was not offered by host "
                            "\"\"mx\"\"\"\n"));
    const PeerDetail detail =
        store.store().peerDetail(all, QStringLiteral("odd,\"name\"\n.example"), PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(DashboardCsv::peerDetail(detail, all).section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("# MailTLS peer odd,\"name\" .example"));
}

void TestDashboardCsv::percent_data()
{
    QTest::addColumn<qint64>("part");
    QTest::addColumn<qint64>("whole");
    QTest::addColumn<QString>("text");

    QTest::newRow("nothing to share") << qint64(0) << qint64(0) << QString();
    QTest::newRow("none") << qint64(0) << qint64(7) << QStringLiteral("0.0");
    QTest::newRow("all") << qint64(7) << qint64(7) << QStringLiteral("100.0");
    QTest::newRow("two thirds") << qint64(2) << qint64(3) << QStringLiteral("66.7");
    QTest::newRow("just below all") << qint64(99999) << qint64(100000) << QStringLiteral("100.0");
}

void TestDashboardCsv::percent()
{
    QFETCH(qint64, part);
    QFETCH(qint64, whole);
    QFETCH(QString, text);
    QCOMPARE(DashboardCsv::percent(part, whole), text);
}

void TestDashboardCsv::writesWholeFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("peers.csv"));
    QString error;
    QVERIFY2(CsvFile::write(path, QStringLiteral("a much longer first version\n"), &error), qPrintable(error));
    QVERIFY2(CsvFile::write(path, QStringLiteral("peer,bytes\nmx.ü.example,1\n"), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("peer,bytes\nmx.\xc3\xbc.example,1\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("peers.csv")});

    const QString missing = dir.filePath(QStringLiteral("no/such/folder/peers.csv"));
    QVERIFY(!CsvFile::write(missing, QStringLiteral("x\n"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write %1: ").arg(missing)), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDashboardCsv)
#include "tst_dashboardcsv.moc"
