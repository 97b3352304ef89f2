#include "models/store/trafficstore.h"

#include <memory>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/lineoffsetcodec.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using namespace mailtls::storetest;

namespace {

// The `daily` table must equal the per-day sums of the records: recomputed
// here with plain SQL, independently of the store's own bookkeeping.
QStringList recomputedDaily(RawDatabase &raw)
{
    return raw.rows(QStringLiteral(
        "SELECT day, direction, endpoint_id, local, sum(m), sum(em), sum(b), sum(eb), sum(c), "
        "sum(ec), sum(f) FROM ("
        " SELECT time / 86400 AS day, direction, endpoint_id, local, 1 AS m, encrypted AS em,"
        "  bytes AS b, encrypted * bytes AS eb, 0 AS c, 0 AS ec, 0 AS f FROM transfers"
        " UNION ALL SELECT time / 86400, direction, endpoint_id, local, 0, 0, 0, 0, 1,"
        "  encrypted, 0 FROM connections"
        " UNION ALL SELECT time / 86400, direction, endpoint_id, local, 0, 0, 0, 0, 0, 0, 1"
        "  FROM tls_failures)"
        " GROUP BY day, direction, endpoint_id, local ORDER BY day, direction, endpoint_id,"
        " local"));
}

QStringList storedDaily(RawDatabase &raw)
{
    return raw.rows(QStringLiteral(
        "SELECT day, direction, endpoint_id, local, messages, encrypted_messages, bytes,"
        " encrypted_bytes, connections, encrypted_connections, tls_failures FROM daily"
        " ORDER BY day, direction, endpoint_id, local"));
}

// Everything a batch can change, to compare a store before and after.
QStringList snapshot(const QString &path)
{
    RawDatabase raw(path);
    QStringList all;
    for (const QString &table :
         {QStringLiteral("endpoints"), QStringLiteral("tls_parameters"),
          QStringLiteral("transfers"), QStringLiteral("connections"),
          QStringLiteral("tls_failures"), QStringLiteral("unrecognised"),
          QStringLiteral("daily")}) {
        all << table;
        all << raw.rows(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2, 3").arg(table));
    }
    all << raw.rows(QStringLiteral("SELECT id, identity, name, position, hex(check_hash),"
                                   " hex(assembler_state), lines_read FROM sources ORDER BY id"));
    return all;
}

} // namespace

class TestTrafficStore final : public QObject
{
    Q_OBJECT

private slots:
    void batchMovesSource();
    void sameBatchTwiceChangesNothing();
    void replacementAdjustsAggregates_data();
    void replacementAdjustsAggregates();
    void failedBatchLeavesNothing_data();
    void failedBatchLeavesNothing();
    void provenanceAndDetailsAreStored();
    void unrecognisedAndLinesRead();
    void readersSeeCommittedBatches();
    void hostileTextIsStoredAsIs();

private:
    // An open store with one source ("src", id 1) in a fresh temporary folder.
    struct Fixture
    {
        QTemporaryDir dir;
        QString path;
        std::unique_ptr<TrafficStore> store;
        qint64 source = -1;
    };
    static bool makeFixture(Fixture &fixture);
};

bool TestTrafficStore::makeFixture(Fixture &fixture)
{
    if (!fixture.dir.isValid())
        return false;
    fixture.path = fixture.dir.filePath(QStringLiteral("traffic.sqlite"));
    fixture.store = std::make_unique<TrafficStore>(fixture.path);
    QString error;
    if (!fixture.store->open(&error)) {
        qWarning() << error;
        return false;
    }
    fixture.source = fixture.store->addSource(QStringLiteral("file:/var/log/mail.log"),
                                              QStringLiteral("mail.log"), &error);
    return fixture.source == 1;
}

void TestTrafficStore::batchMovesSource()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;

    IngestBatch batch;
    batch.sourceId = fx.source;
    batch.position = 4096;
    batch.checkHash = QByteArray("\x01\x02\x03", 3);
    batch.assemblerState = QByteArray("state-1");
    batch.linesRead = 40;
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));

    batch.position = 9000;
    batch.assemblerState = QByteArray("state-2");
    batch.linesRead = 55;
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));

    const std::optional<SourceRecord> source =
        fx.store->findSource(QStringLiteral("file:/var/log/mail.log"), &error);
    QVERIFY(source.has_value());
    QCOMPARE(source->position, qint64(9000));
    QCOMPARE(source->checkHash, QByteArray("\x01\x02\x03", 3));
    QCOMPARE(source->assemblerState, QByteArray("state-2"));
    QCOMPARE(source->linesRead, qint64(95));
    QCOMPARE(fx.store->linesRead(&error), qint64(95));
}

void TestTrafficStore::sameBatchTwiceChangesNothing()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;

    IngestBatch batch;
    batch.sourceId = fx.source;
    batch.output.transfers = {
        transfer(100, Direction::Inbound, QStringLiteral("mx.a.example"), day0 + 10, 1500, true),
        transfer(200, Direction::Inbound, QStringLiteral("mx.a.example"), day0 + 20, 2500, false),
        transfer(300, Direction::Outbound, QStringLiteral("mx.b.example"), day0 + 30, 700, true),
    };
    batch.output.connections = {
        connection(50, Direction::Inbound, QStringLiteral("mx.a.example"), day0 + 5, true),
        connection(150, Direction::Inbound, QStringLiteral("mx.a.example"), day0 + 15, false),
    };
    batch.output.failures = {
        failure(250, Direction::Outbound, QStringLiteral("mx.c.example"), day0 + 25),
    };
    batch.position = 400;
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));
    const QList<PeerFigures> expected = {
        figures(Direction::Inbound, QStringLiteral("mx.a.example"), 2, 1, 4000, 1500, 2, 1, 0),
        figures(Direction::Outbound, QStringLiteral("mx.b.example"), 1, 1, 700, 700, 0, 0, 0),
        figures(Direction::Outbound, QStringLiteral("mx.c.example"), 0, 0, 0, 0, 0, 0, 1),
    };
    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error), expected);
    const QStringList before = snapshot(fx.path);

    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));
    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error), expected);
    QCOMPARE(fx.store->peerFiguresFromRecords(ReportFilter(), &error), expected);
    QCOMPARE(snapshot(fx.path), before);
}

void TestTrafficStore::replacementAdjustsAggregates_data()
{
    QTest::addColumn<bool>("sameBatch");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QList<PeerFigures>>("expected");

    const QString a = QStringLiteral("mx.a.example");
    const QString b = QStringLiteral("mx.b.example");
    for (bool sameBatch : {false, true}) {
        const QByteArray suffix = sameBatch ? " (same batch)" : " (later batch)";
        // Before any change: transfer 100 inbound from a, 1000 bytes,
        // encrypted, day0 + 100; connection 50 inbound from a, plaintext;
        // failure 70 inbound from a. Transfer 200 (inbound from a, 300 bytes,
        // plaintext) never changes.
        QTest::newRow(("encryption lost" + suffix).constData())
            << sameBatch << QStringLiteral("plaintext")
            << QList<PeerFigures>{figures(Direction::Inbound, a, 2, 0, 1300, 0, 1, 0, 1)};
        QTest::newRow(("direction changes" + suffix).constData())
            << sameBatch << QStringLiteral("submission")
            << QList<PeerFigures>{
                   figures(Direction::Inbound, a, 1, 0, 300, 0, 1, 0, 1),
                   figures(Direction::Submission, a, 1, 1, 1000, 1000, 0, 0, 0)};
        QTest::newRow(("peer changes" + suffix).constData())
            << sameBatch << QStringLiteral("peer")
            << QList<PeerFigures>{figures(Direction::Inbound, a, 1, 0, 300, 0, 0, 0, 0),
                                  figures(Direction::Inbound, b, 1, 1, 1000, 1000, 1, 1, 1)};
        QTest::newRow(("bytes change" + suffix).constData())
            << sameBatch << QStringLiteral("bytes")
            << QList<PeerFigures>{figures(Direction::Inbound, a, 2, 1, 5300, 5000, 1, 1, 1)};
        QTest::newRow(("day changes" + suffix).constData())
            << sameBatch << QStringLiteral("day")
            << QList<PeerFigures>{figures(Direction::Inbound, a, 2, 1, 1300, 1000, 1, 0, 1)};
        QTest::newRow(("becomes local" + suffix).constData())
            << sameBatch << QStringLiteral("local")
            << QList<PeerFigures>{figures(Direction::Inbound, a, 1, 0, 300, 0, 0, 0, 0)};
    }
}

void TestTrafficStore::replacementAdjustsAggregates()
{
    QFETCH(bool, sameBatch);
    QFETCH(QString, change);
    QFETCH(QList<PeerFigures>, expected);

    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;

    const QString a = QStringLiteral("mx.a.example");
    TransferRecord t = transfer(100, Direction::Inbound, a, day0 + 100, 1000, true);
    ConnectionRecord c = connection(50, Direction::Inbound, a, day0 + 90, false);
    TlsFailureRecord f = failure(70, Direction::Inbound, a, day0 + 95);

    IngestBatch first;
    first.sourceId = fx.source;
    first.output.transfers = {t, transfer(200, Direction::Inbound, a, day0 + 200, 300, false)};
    first.output.connections = {c};
    first.output.failures = {f};
    first.position = 300;

    if (change == QLatin1String("plaintext")) {
        t.encrypted = false;
    } else if (change == QLatin1String("submission")) {
        t.direction = Direction::Submission;
    } else if (change == QLatin1String("peer")) {
        t.peer = c.peer = f.peer = QStringLiteral("mx.b.example");
        c.encrypted = true;
    } else if (change == QLatin1String("bytes")) {
        t.bytes = 5000;
        c.encrypted = true;
    } else if (change == QLatin1String("day")) {
        t.time = c.time = f.time = day0 + 86400 + 100;
    } else if (change == QLatin1String("local")) {
        t.local = c.local = f.local = true;
    }
    IngestBatch second;
    second.sourceId = fx.source;
    second.output.transfers = {t};
    second.output.connections = {c};
    second.output.failures = {f};
    second.position = 400;

    if (sameBatch) {
        first.output.transfers.push_back(t);
        first.output.connections.push_back(c);
        first.output.failures.push_back(f);
        QVERIFY2(fx.store->writeBatch(first, &error), qPrintable(error));
    } else {
        QVERIFY2(fx.store->writeBatch(first, &error), qPrintable(error));
        QVERIFY2(fx.store->writeBatch(second, &error), qPrintable(error));
    }

    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error), expected);
    QVERIFY(error.isEmpty());
    QCOMPARE(fx.store->peerFiguresFromRecords(ReportFilter(), &error), expected);

    RawDatabase raw(fx.path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM transfers")).toInt(), 2);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM connections")).toInt(), 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM tls_failures")).toInt(), 1);
    const QStringList daily = storedDaily(raw);
    QCOMPARE(daily, recomputedDaily(raw));
    // No row is left behind at zero when a record moved away from it.
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM daily WHERE messages = 0 AND "
                                      "connections = 0 AND tls_failures = 0"))
                 .toInt(),
             0);
    if (change == QLatin1String("day")) {
        ReportFilter firstDay;
        firstDay.since = day0;
        firstDay.until = day0 + 86400;
        QCOMPARE(fx.store->peerFigures(firstDay, &error),
                 QList<PeerFigures>{figures(Direction::Inbound, a, 1, 0, 300, 0, 0, 0, 0)});
    }
}

void TestTrafficStore::failedBatchLeavesNothing_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("says");

    // The faults are real constraint violations, met by SQLite after the
    // batch has already inserted, replaced and counted other records.
    QTest::newRow("last transfer has negative bytes")
        << QStringLiteral("bytes") << QStringLiteral("CHECK constraint failed");
    QTest::newRow("a connection with no such direction")
        << QStringLiteral("direction") << QStringLiteral("CHECK constraint failed");
    QTest::newRow("unknown source") << QStringLiteral("source")
                                    << QStringLiteral("there is no source with id 99");
}

void TestTrafficStore::failedBatchLeavesNothing()
{
    QFETCH(QString, fault);
    QFETCH(QString, says);

    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;
    const QString a = QStringLiteral("mx.a.example");

    IngestBatch first;
    first.sourceId = fx.source;
    first.output.transfers = {transfer(100, Direction::Inbound, a, day0 + 100, 1000, true)};
    first.output.connections = {connection(50, Direction::Inbound, a, day0 + 90, true)};
    first.position = 200;
    first.checkHash = "hash-1";
    first.assemblerState = "state-1";
    first.linesRead = 20;
    first.unrecognised = {{QStringLiteral("postfix/anvil"), 3}};
    QVERIFY2(fx.store->writeBatch(first, &error), qPrintable(error));
    const QList<PeerFigures> figuresBefore = fx.store->peerFigures(ReportFilter(), &error);
    const QStringList before = snapshot(fx.path);

    IngestBatch bad;
    bad.sourceId = fault == QLatin1String("source") ? 99 : fx.source;
    TransferRecord replaced = transfer(100, Direction::Outbound, a, day0 + 100, 1000, false);
    bad.output.transfers = {
        replaced,
        transfer(300, Direction::Inbound, QStringLiteral("mx.new.example"), day0 + 300, 10, true),
    };
    bad.output.connections = {connection(250, Direction::Inbound, a, day0 + 250, false)};
    bad.output.failures = {failure(260, Direction::Outbound, a, day0 + 260)};
    if (fault == QLatin1String("bytes")) {
        bad.output.transfers.push_back(
            transfer(400, Direction::Inbound, QStringLiteral("mx.bad.example"), day0 + 400, -1,
                     false));
    } else if (fault == QLatin1String("direction")) {
        ConnectionRecord broken = connection(270, Direction::Inbound, a, day0 + 270, false);
        broken.direction = Direction(7);
        bad.output.connections.push_back(broken);
    }
    bad.position = 500;
    bad.checkHash = "hash-2";
    bad.assemblerState = "state-2";
    bad.linesRead = 30;
    bad.unrecognised = {{QStringLiteral("postfix/anvil"), 2}, {QStringLiteral("opendkim"), 1}};

    QVERIFY(!fx.store->writeBatch(bad, &error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(fx.path)), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("nothing of it was written")), qPrintable(error));

    QCOMPARE(snapshot(fx.path), before);
    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error), figuresBefore);
    const std::optional<SourceRecord> source =
        fx.store->findSource(QStringLiteral("file:/var/log/mail.log"), &error);
    QCOMPARE(source->position, qint64(200));
    QCOMPARE(source->assemblerState, QByteArray("state-1"));
    QCOMPARE(fx.store->unrecognisedCounts(&error),
             (QHash<QString, qint64>{{QStringLiteral("postfix/anvil"), 3}}));

    // The connection stays usable: the same batch without its fault goes in.
    bad.sourceId = fx.source;
    if (fault == QLatin1String("bytes"))
        bad.output.transfers.pop_back();
    else if (fault == QLatin1String("direction"))
        bad.output.connections.pop_back();
    QVERIFY2(fx.store->writeBatch(bad, &error), qPrintable(error));
    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error),
             (QList<PeerFigures>{
                 figures(Direction::Inbound, QStringLiteral("mx.new.example"), 1, 1, 10, 10, 0, 0,
                         0),
                 figures(Direction::Inbound, a, 0, 0, 0, 0, 2, 1, 0),
                 figures(Direction::Outbound, a, 1, 0, 1000, 0, 0, 0, 1)}));
}

void TestTrafficStore::provenanceAndDetailsAreStored()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;

    TransferRecord t = transfer(1000, Direction::Outbound, QStringLiteral("mx.a.example"),
                                day0 + 7, 4321, true);
    t.lines = {1000, 1180, 1179, 250000, 9000000000LL};
    t.queueId = QStringLiteral("4F2A31C0D2");
    t.sender = QStringLiteral("ann@home.example");
    t.recipients = QStringLiteral("bob@a.example,carl@a.example");
    t.tls = {Trust::Verified, QStringLiteral("TLSv1.3"), QStringLiteral("TLS_AES_256_GCM_SHA384"),
             256, QStringLiteral("X25519"), 253, false};
    TlsFailureRecord f = failure(2000, Direction::Outbound, QStringLiteral("mx.b.example"),
                                 day0 + 9);
    f.lines = {};
    IngestBatch batch;
    batch.sourceId = fx.source;
    batch.output.transfers = {t};
    batch.output.failures = {f};
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));

    RawDatabase raw(fx.path);
    QCOMPARE(raw.rows(QStringLiteral(
                 "SELECT source_id, key, direction, peer, peer_ip, queue_id, time, bytes,"
                 " encrypted, local, sender, recipients, trust, protocol, cipher, cipher_bits,"
                 " key_exchange, key_exchange_bits, dhe FROM transfer_rows")),
             QStringList{QStringLiteral(
                 "1|1000|1|mx.a.example|192.0.2.1|4F2A31C0D2|1710720007|4321|1|0|ann@home.example"
                 "|bob@a.example,carl@a.example|verified|TLSv1.3|TLS_AES_256_GCM_SHA384|256|X25519"
                 "|253|0")});
    const QByteArray packed = raw.value(QStringLiteral("SELECT lines FROM transfer_rows")).toByteArray();
    QVERIFY(packed.size() < 5 * 8 / 2);
    const std::optional<LineOffsets> decoded = LineOffsetCodec::decode(packed);
    QVERIFY(decoded.has_value());
    QVERIFY(*decoded == t.lines);
    QCOMPARE(raw.rows(QStringLiteral("SELECT peer, peer_ip, port, problem, reason, length(lines)"
                                     " FROM tls_failure_rows")),
             QStringList{QStringLiteral(
                 "mx.b.example|192.0.2.1|25|dh-key-too-small|dh key too small|0")});
    // Repeated values are stored once.
    QCOMPARE(raw.rows(QStringLiteral("SELECT id, peer, peer_ip FROM endpoints ORDER BY id")),
             QStringList({QStringLiteral("1|mx.a.example|192.0.2.1"),
                          QStringLiteral("2|mx.b.example|192.0.2.1")}));
}

void TestTrafficStore::unrecognisedAndLinesRead()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;
    const qint64 other = fx.store->addSource(QStringLiteral("ssh:mx.home.example:/var/log/maillog"),
                                             QStringLiteral("maillog on mx"), &error);
    QCOMPARE(other, qint64(2));

    IngestBatch one;
    one.sourceId = fx.source;
    one.linesRead = 1000;
    one.unrecognised = {{QStringLiteral("postfix/anvil"), 4}, {QStringLiteral("dovecot"), 10}};
    QVERIFY2(fx.store->writeBatch(one, &error), qPrintable(error));
    one.unrecognised = {{QStringLiteral("dovecot"), 5}, {QStringLiteral("cron"), 0}};
    QVERIFY2(fx.store->writeBatch(one, &error), qPrintable(error));
    IngestBatch two;
    two.sourceId = other;
    two.linesRead = 7;
    two.unrecognised = {{QStringLiteral("postfix/anvil"), 1}};
    QVERIFY2(fx.store->writeBatch(two, &error), qPrintable(error));

    QCOMPARE(fx.store->unrecognisedCounts(&error),
             (QHash<QString, qint64>{{QStringLiteral("postfix/anvil"), 5},
                                     {QStringLiteral("dovecot"), 15}}));
    QVERIFY(error.isEmpty());
    QCOMPARE(fx.store->linesRead(&error), qint64(2007));
}

void TestTrafficStore::readersSeeCommittedBatches()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;
    TrafficStore reader(fx.path);
    QVERIFY2(reader.open(&error), qPrintable(error));
    QCOMPARE(reader.peerFigures(ReportFilter(), &error), QList<PeerFigures>());

    IngestBatch batch;
    batch.sourceId = fx.source;
    batch.output.transfers = {
        transfer(1, Direction::Inbound, QStringLiteral("mx.a.example"), day0, 10, true)};
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));
    QCOMPARE(reader.peerFigures(ReportFilter(), &error),
             QList<PeerFigures>{
                 figures(Direction::Inbound, QStringLiteral("mx.a.example"), 1, 1, 10, 10, 0, 0, 0)});
    // The reader may add a source while the writer's connection is open.
    QCOMPARE(reader.addSource(QStringLiteral("journal:1"), QStringLiteral("journal"), &error),
             qint64(2));
}

void TestTrafficStore::hostileTextIsStoredAsIs()
{
    Fixture fx;
    QVERIFY(makeFixture(fx));
    QString error;

    // Log text is hostile: quotes, statement separators, placeholders, NULs
    // and non-ASCII must come back exactly, and nothing else may happen.
    const QString injection = QStringLiteral("x'); DROP TABLE sources; --");
    const QString withNul = QString::fromUtf16(u"a\0b'c", 5);
    const QString unicode = QStringLiteral("gr\u00fc\u00dfe@b\u00fccher.example, ?1 :v0 $x");
    TransferRecord t = transfer(10, Direction::Inbound, QStringLiteral("o'brien.example"),
                                day0 + 1, 5, true);
    t.sender = injection;
    t.recipients = unicode;
    t.queueId = withNul;
    t.tls.protocol = QStringLiteral("TLSv1.3'");
    TlsFailureRecord f = failure(20, Direction::Inbound, QStringLiteral("o'brien.example"),
                                 day0 + 2);
    f.reason = QStringLiteral("line one\nline 'two'");
    IngestBatch batch;
    batch.sourceId = fx.source;
    batch.output.transfers = {t};
    batch.output.failures = {f};
    batch.unrecognised = {{injection, 1}};
    QVERIFY2(fx.store->writeBatch(batch, &error), qPrintable(error));

    RawDatabase raw(fx.path);
    QCOMPARE(raw.rows(QStringLiteral("SELECT peer, sender, recipients, protocol FROM transfer_rows")),
             QStringList{QStringLiteral("o'brien.example|%1|%2|TLSv1.3'").arg(injection, unicode)});
    QCOMPARE(raw.value(QStringLiteral("SELECT queue_id FROM transfers")).toString(), withNul);
    QCOMPARE(raw.value(QStringLiteral("SELECT reason FROM tls_failures")).toString(), f.reason);
    QCOMPARE(fx.store->unrecognisedCounts(&error), (QHash<QString, qint64>{{injection, 1}}));
    QCOMPARE(fx.store->sources(&error).size(), 1);
    QCOMPARE(fx.store->peerFigures(ReportFilter(), &error),
             QList<PeerFigures>{figures(Direction::Inbound, QStringLiteral("o'brien.example"), 1,
                                        1, 5, 5, 0, 0, 1)});
}

QTEST_GUILESS_MAIN(TestTrafficStore)
#include "tst_trafficstore.moc"
