#include "models/store/storeschema.h"

#include <optional>

#include <QTest>

#include "models/store/ingestbatch.h"
#include "models/store/sourcerecord.h"

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;
using mailtls::storetest::RawDatabase;

namespace {

// Each roll-up as stored (rows left at zero by the writer are no rows), and
// as summed afresh from what it rolls up.
struct RollUp
{
    const char *name;
    QString stored;
    QString recomputed;
};

// The latest time of the records of row `d` (its direction, endpoint and
// local flag, and `extra`).
QString latestOf(const char *table, const QString &extra)
{
    return QStringLiteral("(SELECT max(time) FROM %1 r WHERE r.direction = d.direction AND "
                          "r.endpoint_id = d.endpoint_id AND r.local = d.local%2)")
        .arg(QLatin1String(table), QString(extra).replace(QLatin1String("time"), QLatin1String("r.time")));
}

QString latestContact(const QString &extra)
{
    return QStringLiteral("(SELECT max(t) FROM (SELECT %1 AS t UNION ALL SELECT %2))")
        .arg(latestOf("connections", extra), latestOf("tls_failures", extra));
}

QString latestMessage(const QString &extra)
{
    return latestOf("transfers", extra);
}

QList<RollUp> rollUps()
{
    const QString values = QStringLiteral("messages, encrypted_messages, bytes, encrypted_bytes, connections, "
                                          "encrypted_connections, tls_failures");
    const QString sums = QStringLiteral("sum(messages), sum(encrypted_messages), sum(bytes), "
                                        "sum(encrypted_bytes), sum(connections), sum(encrypted_connections), "
                                        "sum(tls_failures)");
    const QString notEmpty = QStringLiteral("(messages != 0 OR connections != 0 OR tls_failures != 0 OR bytes != 0)");
    const QString day = QStringLiteral("((time - ((time % 86400) + 86400) % 86400) / 86400)");
    return {
        {"daily_totals",
         QStringLiteral("SELECT day, direction, local, %1 FROM daily_totals WHERE %2 ORDER BY 1, 2, 3").arg(values, notEmpty),
         QStringLiteral("SELECT day, direction, local, %1 FROM daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").arg(sums)},
        {"peer_totals",
         QStringLiteral("SELECT direction, endpoint_id, local, %1 FROM peer_totals WHERE %2 ORDER BY 1, 2, 3")
             .arg(values, notEmpty),
         QStringLiteral("SELECT direction, endpoint_id, local, %1 FROM daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").arg(sums)},
        {"tls_daily",
         QStringLiteral("SELECT day, direction, endpoint_id, local, tls_id, connections FROM tls_daily "
                        "WHERE connections != 0 ORDER BY 1, 2, 3, 4, 5"),
         QStringLiteral("SELECT %1, direction, endpoint_id, local, tls_id, count(*) FROM connections "
                        "WHERE encrypted = 1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5")
             .arg(day)},
        {"tls_totals",
         QStringLiteral("SELECT direction, endpoint_id, local, tls_id, connections FROM tls_totals "
                        "WHERE connections != 0 ORDER BY 1, 2, 3, 4"),
         QStringLiteral("SELECT direction, endpoint_id, local, tls_id, count(*) FROM connections "
                        "WHERE encrypted = 1 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")},
        // The latest contact (connection or TLS failure) and message of each
        // row, as the writer keeps them, against the records' own; a replaced
        // record may take a row's latest time with it.
        {"daily (latest)",
         QStringLiteral("SELECT day, direction, endpoint_id, local, last_contact, last_message FROM daily "
                        "ORDER BY 1, 2, 3, 4"),
         QStringLiteral("SELECT d.day, d.direction, d.endpoint_id, d.local, %1, %2 FROM daily d ORDER BY 1, 2, 3, 4")
             .arg(latestContact(QStringLiteral(" AND %1 = d.day").arg(day)),
                  latestMessage(QStringLiteral(" AND %1 = d.day").arg(day)))},
        {"peer_totals (latest)",
         QStringLiteral("SELECT direction, endpoint_id, local, last_contact, last_message FROM peer_totals "
                        "ORDER BY 1, 2, 3"),
         QStringLiteral("SELECT d.direction, d.endpoint_id, d.local, %1, %2 FROM peer_totals d ORDER BY 1, 2, 3")
             .arg(latestContact(QString()), latestMessage(QString()))},
    };
}

bool rollUpsMatch(const QString &path)
{
    RawDatabase raw(path);
    for (const RollUp &r : rollUps()) {
        const QStringList stored = raw.rows(r.stored);
        const QStringList recomputed = raw.rows(r.recomputed);
        if (stored != recomputed || stored.isEmpty()) {
            qWarning() << r.name << "stored" << stored.size() << "rows, recomputed" << recomputed.size();
            for (int i = 0; i < qMax(stored.size(), recomputed.size()); ++i) {
                if (stored.value(i) != recomputed.value(i)) {
                    qWarning() << "first difference:" << stored.value(i) << recomputed.value(i);
                    break;
                }
            }
            return false;
        }
    }
    return true;
}

} // namespace

class TestDashboardRollUps final : public QObject
{
    Q_OBJECT

private slots:
    void followRecords_data();
    void followRecords();
    void migrationFillsRollUps();
    void migrationDropsTriggers();
};

void TestDashboardRollUps::followRecords_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("known store") << quint32(0);
    for (quint32 seed = 1; seed <= 4; ++seed)
        QTest::addRow("random %u", seed) << seed;
}

void TestDashboardRollUps::followRecords()
{
    QFETCH(quint32, seed);
    KnownStore store;
    if (seed == 0) {
        QVERIFY(store.make());
    } else {
        QVERIFY(store.make(AssemblerOutput()));
        for (const AssemblerOutput &batch : randomBatches(seed))
            QVERIFY(store.write(batch));
    }
    QVERIFY(rollUpsMatch(store.path()));
}

void TestDashboardRollUps::migrationFillsRollUps()
{
    KnownStore store;
    QVERIFY(store.make(AssemblerOutput()));
    for (const AssemblerOutput &batch : randomBatches(7))
        QVERIFY(store.write(batch));
    QString error;
    const QList<PeerRow> before = store.store().peerRows(ReportFilter(), PeerColumns::Everything, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString path = store.path();

    // The same store as version 2 left it: no roll-ups, no endpoint indexes.
    QTemporaryDir dir;
    const QString old = dir.filePath(QStringLiteral("v2.sqlite"));
    {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("VACUUM INTO '%1'").arg(old)));
    }
    {
        RawDatabase raw(old);
        for (const char *sql :
             {"DROP TABLE daily_totals", "DROP TABLE peer_totals", "DROP TABLE tls_daily", "DROP TABLE tls_totals",
              "DROP INDEX connections_peer", "DROP INDEX tls_failures_peer", "DROP INDEX daily_peer",
              "ALTER TABLE daily DROP COLUMN last_contact", "ALTER TABLE daily DROP COLUMN last_message",
              "DROP TABLE probe_hosts", "DROP TABLE probe_reports", "DROP TABLE source_lines",
              "ALTER TABLE sources DROP COLUMN first_time", "ALTER TABLE sources DROP COLUMN last_time",
              "DROP TABLE campaign_letters", "DROP TABLE campaign_peers", "DROP TABLE campaigns",
              "DROP TABLE refusals", "ALTER TABLE tls_failures DROP COLUMN queue_id",
              "ALTER TABLE tls_failures DROP COLUMN sender", "ALTER TABLE tls_failures DROP COLUMN recipients",
              "PRAGMA user_version = 2"})
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
        QCOMPARE(raw.rows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%totals' "
                                         "OR name LIKE 'tls_daily' OR name LIKE '%_peer'")),
                 QStringList{QStringLiteral("0")});
    }
    TrafficStore migrated(old);
    QVERIFY2(migrated.open(&error), qPrintable(error));
    QCOMPARE(migrated.schemaVersion(), StoreSchema::currentVersion());
    QVERIFY(rollUpsMatch(old));
    QCOMPARE(migrated.peerRows(ReportFilter(), PeerColumns::Everything, &error).size(), before.size());
    const QList<PeerRow> after = migrated.peerRows(ReportFilter(), PeerColumns::Everything, &error);
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after.at(i).figures, before.at(i).figures);
        QCOMPARE(after.at(i).protocols, before.at(i).protocols);
        QCOMPARE(after.at(i).lastSeen, before.at(i).lastSeen);
    }
}

void TestDashboardRollUps::migrationDropsTriggers()
{
    // A store as version 3 left it: roll-ups kept by triggers. Opened, it loses
    // the triggers and keeps its roll-ups; from then on the writer keeps them
    // (were a trigger left, every later record would count twice).
    KnownStore store;
    QVERIFY(store.make(AssemblerOutput()));
    for (const AssemblerOutput &batch : randomBatches(3))
        QVERIFY(store.write(batch));
    QTemporaryDir dir;
    const QString old = dir.filePath(QStringLiteral("v3.sqlite"));
    {
        RawDatabase raw(store.path());
        QVERIFY(raw.exec(QStringLiteral("VACUUM INTO '%1'").arg(old)));
    }
    int triggers = 0;
    {
        RawDatabase raw(old);
        for (const QString &statement : StoreSchema::migrations().at(2).statements) {
            if (statement.startsWith(QLatin1String("CREATE TRIGGER"))) {
                QVERIFY2(raw.exec(statement), qPrintable(statement));
                ++triggers;
            }
        }
        for (const char *sql : {"ALTER TABLE daily DROP COLUMN last_contact", "ALTER TABLE daily DROP COLUMN last_message",
                                "ALTER TABLE peer_totals DROP COLUMN last_contact",
                                "ALTER TABLE peer_totals DROP COLUMN last_message", "DROP TABLE probe_hosts",
                                "DROP TABLE probe_reports", "DROP TABLE source_lines",
                                "ALTER TABLE sources DROP COLUMN first_time", "ALTER TABLE sources DROP COLUMN last_time",
                                "DROP TABLE campaign_letters", "DROP TABLE campaign_peers", "DROP TABLE campaigns",
                                "DROP TABLE refusals", "ALTER TABLE tls_failures DROP COLUMN queue_id",
                                "ALTER TABLE tls_failures DROP COLUMN sender",
                                "ALTER TABLE tls_failures DROP COLUMN recipients", "PRAGMA user_version = 3"})
            QVERIFY(raw.exec(QString::fromLatin1(sql)));
    }
    QCOMPARE(triggers, 8);

    TrafficStore migrated(old);
    QString error;
    QVERIFY2(migrated.open(&error), qPrintable(error));
    QCOMPARE(migrated.schemaVersion(), StoreSchema::currentVersion());
    {
        RawDatabase raw(old);
        QCOMPARE(raw.rows(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")),
                 QStringList{QStringLiteral("0")});
        QCOMPARE(raw.rows(QStringLiteral("PRAGMA user_version")),
                 QStringList{QString::number(StoreSchema::currentVersion())});
    }
    QVERIFY(rollUpsMatch(old));

    // New records, and new versions of stored ones, go to the roll-ups once.
    const std::optional<SourceRecord> source = migrated.findSource(QStringLiteral("log:sha256:00"), &error);
    QVERIFY2(source.has_value(), qPrintable(error));
    qint64 position = source->position;
    for (const AssemblerOutput &output : randomBatches(9)) {
        IngestBatch batch;
        batch.sourceId = source->id;
        batch.output = output;
        batch.position = ++position;
        QVERIFY2(migrated.writeBatch(batch, &error), qPrintable(error));
    }
    QVERIFY(rollUpsMatch(old));
}

QTEST_GUILESS_MAIN(TestDashboardRollUps)
#include "tst_dashboardrollups.moc"
