#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include "models/store/importedsources.h"
#include "models/store/ingestbatch.h"
#include "models/store/trafficstore.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using namespace mailtls::storetest;

namespace {

RefusalRecord refusal(qint64 key, const QString &peer, const QString &ip, qint64 time)
{
    RefusalRecord r;
    r.key = key;
    r.direction = Direction::Inbound;
    r.peer = peer;
    r.peerIp = ip;
    r.time = time;
    r.reason = QStringLiteral("mail=0/1");
    r.lines = {key - 80, key};
    return r;
}

// Every stored row of `sql`, its columns joined with "|".
QStringList rows(const QString &path, const QString &sql)
{
    QStringList out;
    const QString name = QStringLiteral("refusalstore-read");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("cannot open")};
        QSqlQuery query(db);
        if (!query.exec(sql))
            return {QStringLiteral("cannot run")};
        while (query.next()) {
            QStringList columns;
            for (int i = 0; query.value(i).isValid(); ++i)
                columns << query.value(i).toString();
            out << columns.join(QLatin1Char('|'));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

class TestRefusalStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
};

void TestRefusalStore::roundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const qint64 source = store.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"), &error);
    QVERIFY2(source > 0, qPrintable(error));

    IngestBatch batch;
    batch.sourceId = source;
    batch.position = 5000;
    batch.output.refusals.push_back(refusal(100, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"), day0 + 60));
    RefusalRecord exim = refusal(300, QStringLiteral("mail.plain.example"), QStringLiteral("198.51.100.4"), day0 + 120);
    exim.reason = QStringLiteral("STARTTLS required");
    exim.sender = QStringLiteral("ann@plain.example");
    exim.recipients = QStringLiteral("bob@our.example");
    exim.lines = {300};
    batch.output.refusals.push_back(exim);
    TlsFailureRecord deferred = failure(400, Direction::Outbound, QStringLiteral("mx.plain.example"), day0 + 180);
    deferred.problem = TlsProblem::NotOffered;
    deferred.reason = QStringLiteral("TLS is required, but was not offered by host mx.plain.example[203.0.113.5]");
    deferred.queueId = QStringLiteral("8E0F107");
    deferred.sender = QStringLiteral("alice@our.example");
    deferred.recipients = QStringLiteral("bob@plain.example,carol@plain.example");
    batch.output.failures.push_back(deferred);
    QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));

    QCOMPARE(rows(path,
                  QStringLiteral("SELECT r.key, r.direction, e.peer, e.peer_ip, r.port, r.time, r.reason, "
                                 "r.sender, r.recipients, r.local FROM refusals r JOIN endpoints e ON "
                                 "e.id = r.endpoint_id ORDER BY r.key")),
             QStringList({QStringLiteral("100|0|192.0.2.7|192.0.2.7|0|%1|mail=0/1|||0").arg(day0 + 60),
                          QStringLiteral("300|0|mail.plain.example|198.51.100.4|0|%1|STARTTLS "
                                         "required|ann@plain.example|bob@our.example|0")
                              .arg(day0 + 120)}));
    QCOMPARE(rows(path, QStringLiteral("SELECT key, queue_id, sender, recipients FROM tls_failures")),
             QStringList({QStringLiteral("400|8E0F107|alice@our.example|bob@plain.example,carol@plain.example")}));
    // Refusals add to no figure: only the failure's day and peer are counted.
    QCOMPARE(rows(path, QStringLiteral("SELECT direction, messages, connections, tls_failures FROM daily")),
             QStringList({QStringLiteral("1|0|0|1")}));

    // The same refusal emitted again replaces its row.
    IngestBatch again;
    again.sourceId = source;
    again.position = 6000;
    RefusalRecord changed = refusal(100, QStringLiteral("192.0.2.7"), QStringLiteral("192.0.2.7"), day0 + 61);
    changed.reason = QStringLiteral("mail=0/2");
    again.output.refusals.push_back(changed);
    QVERIFY2(store.writeBatch(again, &error), qPrintable(error));
    QCOMPARE(rows(path, QStringLiteral("SELECT key, time, reason FROM refusals ORDER BY key")),
             QStringList({QStringLiteral("100|%1|mail=0/2").arg(day0 + 61),
                          QStringLiteral("300|%1|STARTTLS required").arg(day0 + 120)}));

    // The envelope comes back with the failure an import may put back.
    RecordKeys keys;
    keys.failures = {400};
    AssemblerOutput stored;
    QVERIFY2(store.storedRecords(source, keys, &stored, &error), qPrintable(error));
    QCOMPARE(stored.failures.size(), std::size_t(1));
    QCOMPARE(stored.failures[0].queueId, deferred.queueId);
    QCOMPARE(stored.failures[0].sender, deferred.sender);
    QCOMPARE(stored.failures[0].recipients, deferred.recipients);

    // A source that holds only refusals is not removed.
    IngestBatch withoutFailure;
    withoutFailure.sourceId = source;
    withoutFailure.position = 6000;
    withoutFailure.removal.failureKeys = {400};
    QVERIFY2(store.writeBatch(withoutFailure, &error), qPrintable(error));
    QCOMPARE(rows(path, QStringLiteral("SELECT count(*) FROM tls_failures")), QStringList({QStringLiteral("0")}));
    QVERIFY(!store.removeSource(source, &error));
    QVERIFY2(error.endsWith(QStringLiteral(": source %1 still has records in refusals").arg(source)),
             qPrintable(error));

    // Taking the import back takes its refusals away; then the source goes.
    IngestBatch back;
    back.sourceId = source;
    back.position = 0;
    back.removal.keysFrom = 0;
    QVERIFY2(store.writeBatch(back, &error), qPrintable(error));
    QCOMPARE(rows(path, QStringLiteral("SELECT count(*) FROM refusals")), QStringList({QStringLiteral("0")}));
    QVERIFY2(store.removeSource(source, &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRefusalStore)
#include "tst_refusalstore.moc"
