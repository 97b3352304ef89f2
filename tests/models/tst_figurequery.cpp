#include "models/store/figurequery.h"

#include <algorithm>

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/trafficstore.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using mailtls::storetest::figures;

namespace {

constexpr qint64 day = 86400;
constexpr qint64 day0 = 19800LL * day; // 2024-03-18 00:00:00 UTC

// The documented order, written out independently of FigureQuery::sort.
QList<PeerFigures> sorted(QList<PeerFigures> rows)
{
    std::sort(rows.begin(), rows.end(), [](const PeerFigures &a, const PeerFigures &b) {
        if (a.direction != b.direction)
            return a.direction < b.direction;
        if (a.messages != b.messages)
            return a.messages > b.messages;
        return a.peer < b.peer;
    });
    return rows;
}

TransferRecord transfer(qint64 key, Direction direction, const QString &peer,
                        const QString &peerIp, qint64 time, qint64 bytes, bool encrypted,
                        bool local = false)
{
    TransferRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = peer;
    r.peerIp = peerIp;
    r.time = time;
    r.bytes = bytes;
    r.encrypted = encrypted;
    r.local = local;
    r.lines = {key};
    if (encrypted)
        r.tls = {Trust::Trusted, QStringLiteral("TLSv1.3"),
                 QStringLiteral("TLS_AES_256_GCM_SHA384"), 256, QStringLiteral("X25519"), 253,
                 false};
    return r;
}

ConnectionRecord connection(qint64 key, Direction direction, const QString &peer,
                            const QString &peerIp, qint64 time, bool encrypted,
                            bool local = false)
{
    ConnectionRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = peer;
    r.peerIp = peerIp;
    r.port = 25;
    r.time = time;
    r.encrypted = encrypted;
    r.local = local;
    r.lines = {key};
    return r;
}

TlsFailureRecord failure(qint64 key, Direction direction, const QString &peer,
                         const QString &peerIp, qint64 time, bool local = false)
{
    TlsFailureRecord r;
    r.key = key;
    r.direction = direction;
    r.peer = peer;
    r.peerIp = peerIp;
    r.port = 25;
    r.time = time;
    r.problem = TlsProblem::Handshake;
    r.reason = QStringLiteral("handshake failure");
    r.local = local;
    r.lines = {key};
    return r;
}

ReportFilter range(std::optional<qint64> since, std::optional<qint64> until)
{
    ReportFilter filter;
    filter.since = since;
    filter.until = until;
    return filter;
}

} // namespace

class TestFigureQuery final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sinceUntil_data();
    void sinceUntil();
    void sortOrder();
    void directions_data();
    void directions();
    void groupByDomain();
    void localPeers_data();
    void localPeers();
    void aggregatesMatchRecords();
    void wholeDaysComeFromAggregates();

private:
    bool write(const AssemblerOutput &output, qint64 position = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TrafficStore> m_store;
    qint64 m_source = -1;
};

void TestFigureQuery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<TrafficStore>(m_dir->filePath(QStringLiteral("traffic.sqlite")));
    QString error;
    QVERIFY2(m_store->open(&error), qPrintable(error));
    m_source = m_store->addSource(QStringLiteral("file:/var/log/mail.log"),
                                  QStringLiteral("mail.log"), &error);
    QCOMPARE(m_source, qint64(1));
}

void TestFigureQuery::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

bool TestFigureQuery::write(const AssemblerOutput &output, qint64 position)
{
    IngestBatch batch;
    batch.sourceId = m_source;
    batch.output = output;
    batch.position = position;
    QString error;
    if (!m_store->writeBatch(batch, &error)) {
        qWarning() << error;
        return false;
    }
    return true;
}

void TestFigureQuery::sinceUntil_data()
{
    QTest::addColumn<std::optional<qint64>>("since");
    QTest::addColumn<std::optional<qint64>>("until");
    QTest::addColumn<QList<int>>("included"); // indices into the record times below

    // Records at: 0 = the last second before day0, 1 = day0 midnight,
    // 2 = day0 01:00, 3 = day0 23:59:59, 4 = the next midnight, 5 = two days on.
    const std::optional<qint64> open;
    QTest::newRow("no bounds") << open << open << QList<int>{0, 1, 2, 3, 4, 5};
    QTest::newRow("one whole day") << std::optional<qint64>(day0)
                                   << std::optional<qint64>(day0 + day) << QList<int>{1, 2, 3};
    QTest::newRow("two whole days") << std::optional<qint64>(day0)
                                    << std::optional<qint64>(day0 + 2 * day)
                                    << QList<int>{1, 2, 3, 4};
    QTest::newRow("since is inclusive") << std::optional<qint64>(day0 + 3600) << open
                                        << QList<int>{2, 3, 4, 5};
    QTest::newRow("since a second later") << std::optional<qint64>(day0 + 3601) << open
                                          << QList<int>{3, 4, 5};
    QTest::newRow("since a midnight") << std::optional<qint64>(day0 + day) << open
                                      << QList<int>{4, 5};
    QTest::newRow("until is exclusive") << open << std::optional<qint64>(day0 + 3600)
                                        << QList<int>{0, 1};
    QTest::newRow("until a midnight") << open << std::optional<qint64>(day0) << QList<int>{0};
    QTest::newRow("until a second after midnight")
        << open << std::optional<qint64>(day0 + 1) << QList<int>{0, 1};
    QTest::newRow("inside one day") << std::optional<qint64>(day0 + 1)
                                    << std::optional<qint64>(day0 + day - 1) << QList<int>{2};
    QTest::newRow("one second") << std::optional<qint64>(day0 + 3600)
                                << std::optional<qint64>(day0 + 3601) << QList<int>{2};
    QTest::newRow("cut days at both ends")
        << std::optional<qint64>(day0 - 1) << std::optional<qint64>(day0 + day + 1)
        << QList<int>{0, 1, 2, 3, 4};
    QTest::newRow("cut day, whole day, cut day")
        << std::optional<qint64>(day0 - 10) << std::optional<qint64>(day0 + 2 * day + 11)
        << QList<int>{0, 1, 2, 3, 4, 5};
    QTest::newRow("empty range") << std::optional<qint64>(day0) << std::optional<qint64>(day0)
                                 << QList<int>{};
    QTest::newRow("until before since") << std::optional<qint64>(day0 + 10)
                                        << std::optional<qint64>(day0) << QList<int>{};
    QTest::newRow("before everything") << open << std::optional<qint64>(day0 - day)
                                       << QList<int>{};
}

void TestFigureQuery::sinceUntil()
{
    QFETCH(std::optional<qint64>, since);
    QFETCH(std::optional<qint64>, until);
    QFETCH(QList<int>, included);

    const QList<qint64> times = {day0 - 1,       day0,           day0 + 3600,
                                 day0 + day - 1, day0 + day, day0 + 2 * day + 10};
    AssemblerOutput output;
    for (int i = 0; i < times.size(); ++i) {
        const QString ip = QStringLiteral("192.0.2.%1").arg(i + 1);
        output.transfers.push_back(transfer(1000 + i, Direction::Inbound,
                                            QStringLiteral("m%1.example").arg(i), ip, times[i],
                                            100 * (i + 1), i % 2 == 0));
        output.connections.push_back(connection(2000 + i, Direction::Inbound,
                                                QStringLiteral("c%1.example").arg(i), ip,
                                                times[i], i % 2 == 1));
        output.failures.push_back(failure(3000 + i, Direction::Inbound,
                                          QStringLiteral("f%1.example").arg(i), ip, times[i]));
    }
    QVERIFY(write(output));

    QList<PeerFigures> expected;
    for (int i : included) {
        const bool even = i % 2 == 0;
        const qint64 bytes = 100 * (i + 1);
        expected << figures(Direction::Inbound, QStringLiteral("m%1.example").arg(i), 1,
                            even ? 1 : 0, bytes, even ? bytes : 0, 0, 0, 0)
                 << figures(Direction::Inbound, QStringLiteral("c%1.example").arg(i), 0, 0, 0,
                            0, 1, even ? 0 : 1, 0)
                 << figures(Direction::Inbound, QStringLiteral("f%1.example").arg(i), 0, 0, 0,
                            0, 0, 0, 1);
    }
    expected = sorted(expected);

    QString error;
    QCOMPARE(m_store->peerFigures(range(since, until), &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_store->peerFiguresFromRecords(range(since, until), &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestFigureQuery::sortOrder()
{
    AssemblerOutput output;
    qint64 key = 0;
    auto messages = [&](Direction direction, const QString &peer, int count) {
        for (int i = 0; i < count; ++i) {
            ++key;
            output.transfers.push_back(transfer(key, direction, peer,
                                                QStringLiteral("198.51.100.1"), day0 + key, 10,
                                                false));
        }
    };
    messages(Direction::Outbound, QStringLiteral("z.example"), 5);
    messages(Direction::Inbound, QStringLiteral("b.example"), 2);
    messages(Direction::Inbound, QStringLiteral("a.example"), 2);
    messages(Direction::Inbound, QStringLiteral("c.example"), 7);
    messages(Direction::Submission, QStringLiteral("client.home.example"), 1);
    output.connections.push_back(connection(++key, Direction::Inbound,
                                            QStringLiteral("connects-only.example"),
                                            QStringLiteral("198.51.100.2"), day0, true));
    output.failures.push_back(failure(++key, Direction::Outbound,
                                      QStringLiteral("fails-only.example"),
                                      QStringLiteral("198.51.100.3"), day0));
    QVERIFY(write(output));

    const QList<PeerFigures> expected = {
        figures(Direction::Inbound, QStringLiteral("c.example"), 7, 0, 70, 0, 0, 0, 0),
        figures(Direction::Inbound, QStringLiteral("a.example"), 2, 0, 20, 0, 0, 0, 0),
        figures(Direction::Inbound, QStringLiteral("b.example"), 2, 0, 20, 0, 0, 0, 0),
        figures(Direction::Inbound, QStringLiteral("connects-only.example"), 0, 0, 0, 0, 1, 1, 0),
        figures(Direction::Outbound, QStringLiteral("z.example"), 5, 0, 50, 0, 0, 0, 0),
        figures(Direction::Outbound, QStringLiteral("fails-only.example"), 0, 0, 0, 0, 0, 0, 1),
        figures(Direction::Submission, QStringLiteral("client.home.example"), 1, 0, 10, 0, 0, 0,
                0),
    };
    QString error;
    QCOMPARE(m_store->peerFigures(ReportFilter(), &error), expected);
    QCOMPARE(m_store->peerFiguresFromRecords(ReportFilter(), &error), expected);
}

void TestFigureQuery::directions_data()
{
    QTest::addColumn<QList<Direction>>("directions");
    QTest::addColumn<QStringList>("peers");

    QTest::newRow("all") << QList<Direction>{}
                         << QStringList{QStringLiteral("in.example"),
                                        QStringLiteral("out.example"),
                                        QStringLiteral("sub.example")};
    QTest::newRow("outbound") << QList<Direction>{Direction::Outbound}
                              << QStringList{QStringLiteral("out.example")};
    QTest::newRow("inbound and submission")
        << QList<Direction>{Direction::Submission, Direction::Inbound}
        << QStringList{QStringLiteral("in.example"), QStringLiteral("sub.example")};
}

void TestFigureQuery::directions()
{
    QFETCH(QList<Direction>, directions);
    QFETCH(QStringList, peers);

    AssemblerOutput output;
    output.transfers.push_back(transfer(1, Direction::Inbound, QStringLiteral("in.example"),
                                        QStringLiteral("192.0.2.1"), day0, 1, true));
    output.connections.push_back(connection(2, Direction::Outbound,
                                            QStringLiteral("out.example"),
                                            QStringLiteral("192.0.2.2"), day0, true));
    output.failures.push_back(failure(3, Direction::Submission, QStringLiteral("sub.example"),
                                      QStringLiteral("192.0.2.3"), day0 + 7));
    QVERIFY(write(output));

    for (const bool aligned : {true, false}) {
        ReportFilter filter = aligned ? range(day0, day0 + day) : range(day0, day0 + 10);
        filter.directions = directions;
        QString error;
        QStringList seen;
        for (const PeerFigures &row : m_store->peerFigures(filter, &error))
            seen << row.peer;
        QCOMPARE(seen, peers);
        QCOMPARE(m_store->peerFiguresFromRecords(filter, &error),
                 m_store->peerFigures(filter, &error));
    }
}

void TestFigureQuery::groupByDomain()
{
    AssemblerOutput output;
    qint64 key = 0;
    auto add = [&](Direction direction, const QString &peer, const QString &ip, qint64 bytes,
                   bool encrypted) {
        ++key;
        output.transfers.push_back(transfer(key, direction, peer, ip, day0 + key, bytes, encrypted));
    };
    add(Direction::Inbound, QStringLiteral("mx1.mail.example.co.uk"), QStringLiteral("192.0.2.1"),
        100, true);
    add(Direction::Inbound, QStringLiteral("mx1.mail.example.co.uk"), QStringLiteral("192.0.2.2"),
        200, false);
    add(Direction::Inbound, QStringLiteral("mx2.example.co.uk"), QStringLiteral("192.0.2.3"), 400,
        true);
    add(Direction::Inbound, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"), 1, false);
    add(Direction::Inbound, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"), 2, false);
    add(Direction::Inbound, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"), 4, false);
    add(Direction::Inbound, QStringLiteral("2001:db8::5"), QStringLiteral("2001:db8::5"), 8, true);
    add(Direction::Inbound, QStringLiteral("smtp.other.example"), QStringLiteral("192.0.2.9"), 16,
        true);
    add(Direction::Outbound, QStringLiteral("mx.example.co.uk"), QStringLiteral("192.0.2.4"), 32,
        true);
    output.connections.push_back(connection(++key, Direction::Inbound,
                                            QStringLiteral("mx2.example.co.uk"),
                                            QStringLiteral("192.0.2.3"), day0 + 50, true));
    output.failures.push_back(failure(++key, Direction::Inbound,
                                      QStringLiteral("mx1.mail.example.co.uk"),
                                      QStringLiteral("192.0.2.1"), day0 + 60));
    QVERIFY(write(output));

    const QList<PeerFigures> expected = {
        figures(Direction::Inbound, QStringLiteral("192.0.2.7"), 3, 0, 7, 0, 0, 0, 0),
        figures(Direction::Inbound, QStringLiteral("example.co.uk"), 3, 2, 700, 500, 1, 1, 1),
        figures(Direction::Inbound, QStringLiteral("2001:db8::5"), 1, 1, 8, 8, 0, 0, 0),
        figures(Direction::Inbound, QStringLiteral("other.example"), 1, 1, 16, 16, 0, 0, 0),
        figures(Direction::Outbound, QStringLiteral("example.co.uk"), 1, 1, 32, 32, 0, 0, 0),
    };
    for (const bool aligned : {true, false}) {
        ReportFilter filter = aligned ? ReportFilter() : range(day0 + 1, day0 + 3600);
        filter.groupBy = ReportFilter::GroupBy::Domain;
        QString error;
        QCOMPARE(m_store->peerFigures(filter, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_store->peerFiguresFromRecords(filter, &error), expected);
    }
    // By host, the same records stay apart.
    QString error;
    QCOMPARE(m_store->peerFigures(ReportFilter(), &error).size(), 6);
}

void TestFigureQuery::localPeers_data()
{
    QTest::addColumn<bool>("includeLocal");
    QTest::addColumn<QStringList>("localPeers");
    QTest::addColumn<QStringList>("shown");

    const QString a = QStringLiteral("mx.a.example");
    const QString filter = QStringLiteral("filter.home.example");
    const QString content = QStringLiteral("content.home.example");
    const QString loop = QStringLiteral("localhost");
    const QString v6 = QStringLiteral("mx6.b.example");

    QTest::newRow("local hops left out") << false << QStringList{}
                                         << QStringList{content, filter, a, v6};
    QTest::newRow("listed by address")
        << false << QStringList{QStringLiteral("203.0.113.5")} << QStringList{content, a, v6};
    QTest::newRow("listed by name, any case, trailing dot")
        << false << QStringList{QStringLiteral(" Content.Home.Example. ")}
        << QStringList{filter, a, v6};
    QTest::newRow("IPv6 spelled another way")
        << false << QStringList{QStringLiteral("2001:DB8:0:0::9")}
        << QStringList{content, filter, a};
    QTest::newRow("IPv6 in brackets") << false << QStringList{QStringLiteral("[2001:db8::9]")}
                                      << QStringList{content, filter, a};
    QTest::newRow("several listed")
        << false
        << QStringList{QStringLiteral("203.0.113.5"), content, QStringLiteral("2001:db8::9")}
        << QStringList{a};
    QTest::newRow("include local shows everything")
        << true << QStringList{QStringLiteral("203.0.113.5"), content}
        << QStringList{content, filter, loop, a, v6};
}

void TestFigureQuery::localPeers()
{
    QFETCH(bool, includeLocal);
    QFETCH(QStringList, localPeers);
    QFETCH(QStringList, shown);

    struct Peer
    {
        QString name;
        QString ip;
        bool local;
    };
    const QList<Peer> peers = {
        {QStringLiteral("mx.a.example"), QStringLiteral("192.0.2.1"), false},
        {QStringLiteral("filter.home.example"), QStringLiteral("203.0.113.5"), false},
        {QStringLiteral("content.home.example"), QStringLiteral("203.0.113.6"), false},
        {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), true},
        {QStringLiteral("mx6.b.example"), QStringLiteral("2001:db8::9"), false},
    };
    AssemblerOutput output;
    qint64 key = 0;
    for (const Peer &peer : peers) {
        key += 3;
        output.transfers.push_back(transfer(key, Direction::Inbound, peer.name, peer.ip,
                                            day0 + key, 10, true, peer.local));
        output.connections.push_back(connection(key + 1, Direction::Inbound, peer.name, peer.ip,
                                                day0 + key, true, peer.local));
        output.failures.push_back(
            failure(key + 2, Direction::Inbound, peer.name, peer.ip, day0 + key, peer.local));
    }
    QVERIFY(write(output));

    QList<PeerFigures> expected;
    for (const QString &name : shown)
        expected << figures(Direction::Inbound, name, 1, 1, 10, 10, 1, 1, 1);
    for (const bool aligned : {true, false}) {
        ReportFilter filter = aligned ? ReportFilter() : range(day0 + 1, day0 + 3600);
        filter.includeLocal = includeLocal;
        filter.localPeers = localPeers;
        QString error;
        QCOMPARE(m_store->peerFigures(filter, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_store->peerFiguresFromRecords(filter, &error), expected);
    }
}

void TestFigureQuery::aggregatesMatchRecords()
{
    // Several sources and batches of random records over eight days, a fifth
    // of each batch re-emitting earlier keys with changes (direction, peer,
    // time, encryption, locality, bytes), as the assembler does.
    QRandomGenerator random(2026);
    const QStringList names = {
        QStringLiteral("mx1.mail.example.co.uk"), QStringLiteral("mx2.example.co.uk"),
        QStringLiteral("mail.example.org"),       QStringLiteral("smtp.other.example"),
        QStringLiteral("relay.third.example"),    QStringLiteral("198.51.100.77"),
        QStringLiteral("2001:db8::25"),           QStringLiteral("localhost"),
    };
    auto ipOf = [&](int peer) {
        if (names[peer] == QLatin1String("localhost"))
            return QStringLiteral("127.0.0.1");
        if (!names[peer].contains(QLatin1Char('.')) || names[peer].at(0).isDigit())
            return names[peer];
        return QStringLiteral("192.0.2.%1").arg(peer * 2 + int(random.bounded(2)) + 1);
    };
    QString error;
    QList<qint64> sources = {m_source};
    sources << m_store->addSource(QStringLiteral("journal:1"), QStringLiteral("journal"), &error);
    sources << m_store->addSource(QStringLiteral("ssh:mx:/var/log/maillog"),
                                  QStringLiteral("mx"), &error);
    qint64 replaced = 0;
    for (const qint64 source : sources) {
        qint64 nextKey = 0;
        for (int batchNumber = 0; batchNumber < 6; ++batchNumber) {
            IngestBatch batch;
            batch.sourceId = source;
            for (int i = 0; i < 300; ++i) {
                const bool again = nextKey > 0 && random.bounded(5) == 0;
                const qint64 key = again ? qint64(random.bounded(int(nextKey))) : nextKey++;
                replaced += again ? 1 : 0;
                const int peer = int(random.bounded(names.size()));
                const auto direction = Direction(random.bounded(3));
                const qint64 time = day0 - 3 * day + qint64(random.bounded(8 * day));
                const bool encrypted = random.bounded(3) != 0;
                const bool local = names[peer] == QLatin1String("localhost")
                    || random.bounded(20) == 0;
                // A key names one record of one kind within a source.
                switch (key % 3) {
                case 0:
                    batch.output.transfers.push_back(
                        transfer(key, direction, names[peer], ipOf(peer), time,
                                 qint64(random.bounded(100000)), encrypted, local));
                    break;
                case 1:
                    batch.output.connections.push_back(connection(
                        key, direction, names[peer], ipOf(peer), time, encrypted, local));
                    break;
                default:
                    batch.output.failures.push_back(
                        failure(key, direction, names[peer], ipOf(peer), time, local));
                }
            }
            batch.position = nextKey;
            QVERIFY2(m_store->writeBatch(batch, &error), qPrintable(error));
        }
    }
    QVERIFY(replaced > 500);

    QList<ReportFilter> filters;
    filters << ReportFilter() << range(day0, day0 + 3 * day) << range(day0 - 2 * day, std::nullopt)
            << range(std::nullopt, day0 + day);
    for (int i = 0; i < 40; ++i) {
        const qint64 since = day0 - 4 * day + qint64(random.bounded(10 * day));
        const qint64 length = qint64(random.bounded(4 * day));
        ReportFilter filter = range(since, since + length);
        if (i % 4 == 1)
            filter.since.reset();
        if (i % 4 == 2)
            filter.until.reset();
        filters << filter;
    }
    const int plain = int(filters.size());
    for (int i = 0; i < plain; ++i) {
        ReportFilter filter = filters[i];
        filter.groupBy = ReportFilter::GroupBy::Domain;
        filter.includeLocal = i % 2 == 0;
        filters << filter;
        filter = filters[i];
        filter.directions = {Direction(i % 3)};
        filter.localPeers = {QStringLiteral("192.0.2.9"), QStringLiteral("mail.example.org")};
        filters << filter;
    }

    int nonEmpty = 0;
    for (const ReportFilter &filter : std::as_const(filters)) {
        const QList<PeerFigures> automatic = m_store->peerFigures(filter, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<PeerFigures> records = m_store->peerFiguresFromRecords(filter, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(automatic, records);
        nonEmpty += automatic.isEmpty() ? 0 : 1;
    }
    QVERIFY(nonEmpty > int(filters.size()) * 3 / 4);

    const QList<PeerFigures> all = m_store->peerFigures(ReportFilter(), &error);
    qint64 messages = 0;
    for (const PeerFigures &row : all)
        messages += row.messages;
    QVERIFY(messages > 1000);
}

void TestFigureQuery::wholeDaysComeFromAggregates()
{
    // Proves which path answers: after the records are removed behind the
    // store's back, whole days still show what the aggregates hold, and cut
    // days show what the records (now none) hold.
    AssemblerOutput output;
    for (qint64 i = 0; i < 48; ++i) {
        output.transfers.push_back(transfer(i, Direction::Inbound, QStringLiteral("mx.a.example"),
                                            QStringLiteral("192.0.2.1"), day0 + i * 3600, 10,
                                            true));
    }
    QVERIFY(write(output));

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("tamper"));
        db.setDatabaseName(m_store->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("DELETE FROM transfers")),
                 qPrintable(query.lastError().text()));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));

    QString error;
    const QList<PeerFigures> twoDays = {
        figures(Direction::Inbound, QStringLiteral("mx.a.example"), 48, 48, 480, 480, 0, 0, 0)};
    QCOMPARE(m_store->peerFigures(range(day0, day0 + 2 * day), &error), twoDays);
    QCOMPARE(m_store->peerFigures(ReportFilter(), &error), twoDays);
    QCOMPARE(m_store->peerFiguresFromRecords(range(day0, day0 + 2 * day), &error),
             QList<PeerFigures>());
    // 06:00 on day0 onwards: day0 is cut (records: none), day0+1 is whole (24).
    QCOMPARE(m_store->peerFigures(range(day0 + 6 * 3600, std::nullopt), &error),
             QList<PeerFigures>{figures(Direction::Inbound, QStringLiteral("mx.a.example"), 24,
                                        24, 240, 240, 0, 0, 0)});
}

QTEST_GUILESS_MAIN(TestFigureQuery)
#include "tst_figurequery.moc"
