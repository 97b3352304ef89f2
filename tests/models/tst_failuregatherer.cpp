#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/failuregatherer.h"
#include "models/store/ingestbatch.h"
#include "models/store/trafficstore.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using namespace mailtls::storetest;

namespace {

constexpr qint64 windowEnd = day0 + 3600;

RefusalRecord refusal(qint64 key, const QString &peer, const QString &ip, qint64 time)
{
    RefusalRecord r;
    r.key = key;
    r.direction = Direction::Inbound;
    r.peer = peer;
    r.peerIp = ip;
    r.time = time;
    r.reason = QStringLiteral("mail=0/1");
    r.lines = {key};
    return r;
}

TransferRecord message(qint64 key, Direction direction, const QString &peer, qint64 time, const QString &queueId,
                       const QString &sender, const QString &recipients, bool encrypted = false)
{
    TransferRecord r = transfer(key, direction, peer, time, 1000, encrypted);
    r.queueId = queueId;
    r.sender = sender;
    r.recipients = recipients;
    return r;
}

TlsFailureRecord deferral(qint64 key, const QString &peer, qint64 time, TlsProblem problem, const QString &reason)
{
    TlsFailureRecord r = failure(key, Direction::Outbound, peer, time);
    r.problem = problem;
    r.reason = reason;
    return r;
}

// One line per peer, every field.
QStringList describe(const QList<CampaignPeer> &peers)
{
    QStringList rows;
    for (const CampaignPeer &p : peers) {
        rows << QStringLiteral("%1 %2 %3 \"%4\" failures=%5 messages=%6 first=%7 last=%8 ours=%9 theirs=%10 fixed=%11")
                    .arg(directionName(p.direction), p.peer, p.problem, p.reason)
                    .arg(p.failures)
                    .arg(p.messages)
                    .arg(p.firstSeen - day0)
                    .arg(p.lastSeen - day0)
                    .arg(p.ourAddresses.join(QLatin1Char(',')), p.theirAddresses.join(QLatin1Char(',')),
                         p.fixedAt ? QStringLiteral("%1/%2").arg(*p.fixedAt - day0).arg(p.fixedBy)
                                   : QStringLiteral("no"));
    }
    return rows;
}

} // namespace

class TestFailureGatherer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gather_data();
    void gather();
    void refusesAMissingStore();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestFailureGatherer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(m_path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const qint64 source = store.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"), &error);
    QVERIFY2(source > 0, qPrintable(error));

    IngestBatch batch;
    batch.sourceId = source;
    batch.position = 100000;
    AssemblerOutput &out = batch.output;
    const QString seven = QStringLiteral("192.0.2.7");
    const QString plain = QStringLiteral("mail.plain.example");
    const QString mx = QStringLiteral("mx.plain.example");
    const QString weak = QStringLiteral("mx.weak.example");

    // A refused Postfix session names no address: its correspondents come
    // from the messages it sent before, and where our server delivered them.
    out.refusals.push_back(refusal(1000, seven, seven, day0 + 100));
    out.refusals.push_back(refusal(1100, seven, seven, day0 + 200));
    out.transfers.push_back(message(10, Direction::Inbound, seven, day0 - 5000, QStringLiteral("Q1"),
                                    QStringLiteral("ann@seven.example"), QString()));
    out.transfers.push_back(message(20, Direction::Outbound, QStringLiteral("local"), day0 - 4990, QStringLiteral("Q1"),
                                    QStringLiteral("ann@seven.example"), QStringLiteral("bob@our.example")));
    out.transfers.push_back(message(30, Direction::Inbound, seven, day0 - 3000, QStringLiteral("Q2"),
                                    QStringLiteral("cid@seven.example"), QString()));
    out.transfers.push_back(message(40, Direction::Outbound, QStringLiteral("local"), day0 - 2990, QStringLiteral("Q2"),
                                    QStringLiteral("cid@seven.example"),
                                    QStringLiteral("dan@our.example,bob@our.example")));
    // Fixed: encrypted mail from it after the window.
    out.transfers.push_back(message(50, Direction::Inbound, seven, day0 + 7200, QStringLiteral("Q9"),
                                    QStringLiteral("cid@seven.example"), QString(), true));

    // An Exim refusal names both sides.
    RefusalRecord exim = refusal(1200, plain, QStringLiteral("198.51.100.4"), day0 + 150);
    exim.reason = QStringLiteral("STARTTLS required");
    exim.sender = QStringLiteral("ann@plain.example");
    exim.recipients = QStringLiteral("bob@our.example");
    out.refusals.push_back(exim);

    // Outbound: two deferrals of one message, then fixed after the window
    // (an encrypted connection during it does not count).
    const QString notOffered
        = QStringLiteral("TLS is required, but was not offered by host mx.plain.example[203.0.113.5]");
    TlsFailureRecord first = deferral(2000, mx, day0 + 300, TlsProblem::NotOffered, notOffered);
    first.queueId = QStringLiteral("Q3");
    first.sender = QStringLiteral("alice@our.example");
    first.recipients = QStringLiteral("bob@plain.example,carol@plain.example");
    out.failures.push_back(first);
    TlsFailureRecord second = first;
    second.key = 2100;
    second.time = day0 + 900;
    second.recipients = QStringLiteral("bob@plain.example");
    out.failures.push_back(second);
    out.connections.push_back(connection(3000, Direction::Outbound, mx, day0 + 1000, true));
    out.connections.push_back(connection(3100, Direction::Outbound, mx, day0 + 4000, true));

    // A failure naming no message: correspondents from the transfers to it.
    out.failures.push_back(
        deferral(2200, weak, day0 + 400, TlsProblem::DhKeyTooSmall, QStringLiteral("dh key too small")));
    out.transfers.push_back(message(60, Direction::Outbound, weak, day0 - 100, QStringLiteral("Q4"),
                                    QStringLiteral("alice@our.example"), QStringLiteral("erin@weak.example")));

    // Outside the range, and a local hop.
    out.failures.push_back(deferral(2300, weak, windowEnd, TlsProblem::Handshake, QStringLiteral("handshake failure")));
    out.refusals.push_back(refusal(1300, seven, seven, day0 - 1));
    RefusalRecord loop = refusal(1400, QStringLiteral("127.0.17.2"), QStringLiteral("127.0.17.2"), day0 + 50);
    loop.local = true;
    out.refusals.push_back(loop);

    QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));
}

void TestFailureGatherer::gather_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<bool>("includeLocal");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("fixed");
    QTest::addColumn<QStringList>("expected");

    const QString seven = QStringLiteral("inbound 192.0.2.7 refused \"mail=0/1\" failures=2 messages=0 first=100 "
                                         "last=200 ours=bob@our.example,dan@our.example "
                                         "theirs=cid@seven.example,ann@seven.example fixed=");
    const QString plain = QStringLiteral("inbound mail.plain.example refused \"STARTTLS required\" failures=1 "
                                         "messages=1 first=150 last=150 ours=bob@our.example "
                                         "theirs=ann@plain.example fixed=no");
    const QString mx = QStringLiteral("outbound mx.plain.example not-offered \"TLS is required, but was not offered "
                                      "by host mx.plain.example[203.0.113.5]\" failures=2 messages=1 first=300 "
                                      "last=900 ours=alice@our.example theirs=bob@plain.example,carol@plain.example "
                                      "fixed=");
    const QString weak = QStringLiteral("outbound mx.weak.example dh-key-too-small \"dh key too small\" failures=1 "
                                        "messages=0 first=400 last=400 ours=alice@our.example "
                                        "theirs=erin@weak.example fixed=no");
    const QString local = QStringLiteral("inbound 127.0.17.2 refused \"mail=0/1\" failures=1 messages=0 first=50 "
                                         "last=50 ours= theirs= fixed=no");

    QTest::newRow("both directions") << true << true << false << 20 << false
                                     << QStringList(
                                            {seven + QStringLiteral("no"), plain, mx + QStringLiteral("no"), weak});
    QTest::newRow("fixed after the window")
        << true << true << false << 20 << true
        << QStringList({seven + QStringLiteral("7200/log"), plain, mx + QStringLiteral("4000/log"), weak});
    QTest::newRow("outbound only") << false << true << false << 20 << false
                                   << QStringList({mx + QStringLiteral("no"), weak});
    QTest::newRow("inbound with local hops")
        << true << false << true << 20 << false << QStringList({local, seven + QStringLiteral("no"), plain});
    QTest::newRow("one address a side")
        << true << false << false << 1 << false
        << QStringList({QStringLiteral("inbound 192.0.2.7 refused \"mail=0/1\" failures=2 messages=0 first=100 "
                                       "last=200 ours=bob@our.example theirs=cid@seven.example fixed=no"),
                        plain});
}

void TestFailureGatherer::gather()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(bool, includeLocal);
    QFETCH(int, limit);
    QFETCH(bool, fixed);
    QFETCH(QStringList, expected);

    FailureGatherer::Options options;
    options.from = day0;
    options.to = windowEnd;
    options.inbound = inbound;
    options.outbound = outbound;
    options.includeLocal = includeLocal;
    options.addressLimit = limit;
    if (fixed)
        options.fixedAfter = windowEnd;
    QString error;
    const std::optional<QList<CampaignPeer>> peers = FailureGatherer::gather(m_path, options, &error);
    QVERIFY2(peers.has_value(), qPrintable(error));
    QCOMPARE(describe(*peers), expected);
}

void TestFailureGatherer::refusesAMissingStore()
{
    QString error;
    const QString missing = m_dir.filePath(QStringLiteral("none.sqlite"));
    QVERIFY(!FailureGatherer::gather(missing, FailureGatherer::Options(), &error).has_value());
    QCOMPARE(error, QStringLiteral("There is no MailTLS store at %1.").arg(missing));
}

QTEST_GUILESS_MAIN(TestFailureGatherer)
#include "tst_failuregatherer.moc"
