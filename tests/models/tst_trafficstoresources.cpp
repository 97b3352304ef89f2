#include "models/store/trafficstore.h"

#include <QTemporaryDir>
#include <QTest>

#include "models/store/storeschema.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using namespace mailtls::storetest;

// Followed sources in the store: their definitions (spec, paused) and their
// own resume cursor, written with the position in one transaction.
class TestTrafficStoreSources final : public QObject
{
    Q_OBJECT

private slots:
    void definesPausesAndForgets();
    void batchStoresCursor();
    void changingUnknownSourceFails();
    void migratesVersionOneStore();
};

void TestTrafficStoreSources::definesPausesAndForgets()
{
    QTemporaryDir dir;
    TrafficStore store(dir.filePath(QStringLiteral("s.sqlite")));
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    const qint64 id = store.defineSource(QStringLiteral("ssh://mx.example.org/var/log/mail.log"),
                                         QStringLiteral("mx.example.org: /var/log/mail.log"),
                                         QStringLiteral("ssh://mx.example.org/var/log/mail.log"), &error);
    QVERIFY2(id > 0, qPrintable(error));
    std::optional<SourceRecord> source = store.findSource(QStringLiteral("ssh://mx.example.org/var/log/mail.log"), &error);
    QVERIFY(source);
    QCOMPARE(source->id, id);
    QCOMPARE(source->spec, QStringLiteral("ssh://mx.example.org/var/log/mail.log"));
    QCOMPARE(source->paused, false);
    QCOMPARE(source->position, 0);
    QVERIFY(source->cursor.isEmpty());

    QVERIFY2(store.setSourcePaused(id, true, &error), qPrintable(error));
    QCOMPARE(store.sources(&error).value(0).paused, true);

    IngestBatch batch;
    batch.sourceId = id;
    batch.position = 4200;
    batch.cursor = QByteArrayLiteral("v1 2049:77 abc 4200");
    batch.linesRead = 42;
    QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));

    // Forgetting the definition keeps the place: defining it again resumes.
    QVERIFY2(store.undefineSource(id, &error), qPrintable(error));
    source = store.findSource(QStringLiteral("ssh://mx.example.org/var/log/mail.log"), &error);
    QVERIFY(source);
    QVERIFY(source->spec.isEmpty());
    QCOMPARE(source->paused, false);
    QCOMPARE(source->position, 4200);

    const qint64 again = store.defineSource(QStringLiteral("ssh://mx.example.org/var/log/mail.log"),
                                            QStringLiteral("mail server"),
                                            QStringLiteral("ssh://mx.example.org/var/log/mail.log"), &error);
    QCOMPARE(again, id);
    source = store.findSource(QStringLiteral("ssh://mx.example.org/var/log/mail.log"), &error);
    QCOMPARE(source->name, QStringLiteral("mail server"));
    QCOMPARE(source->position, 4200);
    QCOMPARE(source->linesRead, 42);
    QCOMPARE(source->cursor, QByteArrayLiteral("v1 2049:77 abc 4200"));
    QCOMPARE(store.sources(&error).size(), 1);
}

void TestTrafficStoreSources::batchStoresCursor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    QString error;
    qint64 id = -1;
    {
        TrafficStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        id = store.defineSource(QStringLiteral("journal"), QStringLiteral("journal"),
                                QStringLiteral("journal"), &error);
        IngestBatch batch;
        batch.sourceId = id;
        batch.output.transfers.push_back(transfer(100, Direction::Inbound, QStringLiteral("mx.example"),
                                                  day0, 1234, true));
        batch.position = 900;
        batch.cursor = QByteArrayLiteral("s=1;i=9");
        QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));
        // A batch without records still moves the cursor on.
        IngestBatch empty;
        empty.sourceId = id;
        empty.position = 1800;
        empty.cursor = QByteArrayLiteral("s=1;i=20");
        QVERIFY2(store.writeBatch(empty, &error), qPrintable(error));
    }
    RawDatabase raw(path);
    QCOMPARE(raw.rows(QStringLiteral("SELECT id, position, cursor, spec, paused FROM sources")),
             QStringList({QStringLiteral("%1|1800|s=1;i=20|journal|0").arg(id)}));
}

void TestTrafficStoreSources::changingUnknownSourceFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    TrafficStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(!store.setSourcePaused(99, true, &error));
    QCOMPARE(error, QStringLiteral("Cannot change source 99 in %1: there is no such source").arg(path));
    QVERIFY(!store.undefineSource(99, &error));
    QCOMPARE(error, QStringLiteral("Cannot change source 99 in %1: there is no such source").arg(path));
}

void TestTrafficStoreSources::migratesVersionOneStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        // A store as version 1 wrote it.
        const QString name = QStringLiteral("v1-maker");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QString error;
            QVERIFY2(StoreSchema::migrate(db, {StoreSchema::migrations().front()}, &error), qPrintable(error));
            QSqlQuery insert(db);
            QVERIFY(insert.exec(QStringLiteral("INSERT INTO sources (identity, name, position, "
                                               "lines_read, updated_at) VALUES ('log:sha256:ab', "
                                               "'mail.log', 5000, 60, 0)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    TrafficStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), StoreSchema::currentVersion());
    const QList<SourceRecord> sources = store.sources(&error);
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources[0].identity, QStringLiteral("log:sha256:ab"));
    QCOMPARE(sources[0].position, 5000);
    QCOMPARE(sources[0].linesRead, 60);
    QVERIFY(sources[0].cursor.isEmpty());
    QVERIFY(sources[0].spec.isEmpty());
    QCOMPARE(sources[0].paused, false);
}

QTEST_GUILESS_MAIN(TestTrafficStoreSources)
#include "tst_trafficstoresources.moc"
