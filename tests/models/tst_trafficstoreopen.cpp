#include "models/store/trafficstore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/storeschema.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using namespace mailtls::storetest;

// Opening a store file: creating the schema, refusing files that are not a
// MailTLS store, reopening one with data, and keeping sources by identity.
class TestTrafficStoreOpen final : public QObject
{
    Q_OBJECT

private slots:
    void createsSchema_data();
    void createsSchema();
    void refusesBadFile_data();
    void refusesBadFile();
    void reopensWithData();
    void sourcesAreKeptByIdentity();
    void secondStoreKeepsTheFirstsLocks();

private:
    // A real store with enough rows to fill many pages, closed.
    static bool makeRealStore(const QString &path);
};

bool TestTrafficStoreOpen::makeRealStore(const QString &path)
{
    TrafficStore store(path);
    QString error;
    if (!store.open(&error))
        return false;
    const qint64 source = store.addSource(QStringLiteral("file:/var/log/mail.log"),
                                          QStringLiteral("mail.log"), &error);
    IngestBatch batch;
    batch.sourceId = source;
    for (qint64 i = 0; i < 3000; ++i) {
        batch.output.transfers.push_back(transfer(i * 1000, Direction::Inbound,
                                                  QStringLiteral("mx%1.example").arg(i % 37),
                                                  day0 + i * 60, 1000 + i, i % 3 != 0));
    }
    batch.position = 3000 * 1000;
    return store.writeBatch(batch, &error);
}

// Opening a second store on the same file in the same process must leave the
// first connection's locks in place: were they dropped, another process
// closing the file would take it for unused and delete the WAL our
// connections still write to (records then vanish).
void TestTrafficStoreOpen::secondStoreKeepsTheFirstsLocks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
    TrafficStore first(path);
    QString error;
    QVERIFY2(first.open(&error), qPrintable(error));
    const qint64 source = first.addSource(QStringLiteral("file:/var/log/mail.log"),
                                          QStringLiteral("mail.log"), &error);
    QVERIFY2(source > 0, qPrintable(error));
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));

    TrafficStore second(path);
    QVERIFY2(second.open(&error), qPrintable(error));

    QProcess other;
    other.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT count(*) FROM sources")});
    QVERIFY2(other.waitForFinished(10000), "sqlite3 (package sqlite3) did not run");
    QCOMPARE(other.readAllStandardOutput().trimmed(), QByteArrayLiteral("1"));
    QVERIFY2(QFile::exists(path + QStringLiteral("-wal")),
             "another process deleted the WAL this process has open");

    IngestBatch batch;
    batch.sourceId = source;
    batch.position = 100;
    QVERIFY2(first.writeBatch(batch, &error), qPrintable(error));
    other.start(QStringLiteral("sqlite3"), {path, QStringLiteral("SELECT position FROM sources")});
    QVERIFY(other.waitForFinished(10000));
    QCOMPARE(other.readAllStandardOutput().trimmed(), QByteArrayLiteral("100"));
}

void TestTrafficStoreOpen::createsSchema_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<bool>("createEmptyFile");

    QTest::newRow("missing file") << QStringLiteral("traffic.sqlite") << false;
    QTest::newRow("empty file") << QStringLiteral("traffic.sqlite") << true;
    QTest::newRow("missing folder") << QStringLiteral("data/MailTLS/traffic.sqlite") << false;
}

void TestTrafficStoreOpen::createsSchema()
{
    QFETCH(QString, relativePath);
    QFETCH(bool, createEmptyFile);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(relativePath);
    if (createEmptyFile) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    {
        TrafficStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(store.isOpen());
        QCOMPARE(store.schemaVersion(), 8);
        QCOMPARE(store.openFailure(), StoreOpenFailure::None);
    }
    RawDatabase raw(path);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toLongLong(), 0x4d544c53LL);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 8);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " ORDER BY name")),
             QStringList({QStringLiteral("campaign_letters"), QStringLiteral("campaign_peers"),
                          QStringLiteral("campaigns"), QStringLiteral("connections"), QStringLiteral("daily"),
                          QStringLiteral("daily_totals"), QStringLiteral("endpoints"),
                          QStringLiteral("peer_totals"), QStringLiteral("probe_hosts"),
                          QStringLiteral("probe_reports"), QStringLiteral("refusals"),
                          QStringLiteral("source_lines"), QStringLiteral("sources"),
                          QStringLiteral("tls_daily"), QStringLiteral("tls_failures"),
                          QStringLiteral("tls_parameters"), QStringLiteral("tls_totals"),
                          QStringLiteral("transfers"), QStringLiteral("unrecognised")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'view'"
                                     " ORDER BY name")),
             QStringList({QStringLiteral("connection_rows"), QStringLiteral("tls_failure_rows"),
                          QStringLiteral("transfer_rows")}));
}

void TestTrafficStoreOpen::refusesBadFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<StoreOpenFailure>("failure");
    QTest::addColumn<QString>("says");

    QTest::newRow("text file") << QStringLiteral("text") << StoreOpenFailure::NotADatabase
                               << QStringLiteral("is not a database (it does not start with the "
                                                 "SQLite header). MailTLS has not changed it.");
    QTest::newRow("another application's tables")
        << QStringLiteral("foreign-tables") << StoreOpenFailure::ForeignDatabase
        << QStringLiteral("belongs to another application (it has no MailTLS application id and "
                          "holds 2 table(s) such as contacts, notes). MailTLS has not changed "
                          "it.");
    QTest::newRow("another application id")
        << QStringLiteral("foreign-id") << StoreOpenFailure::ForeignDatabase
        << QStringLiteral("belongs to another application (its SQLite application id is "
                          "0x0f055eed, not MailTLS's 0x4d544c53).");
    QTest::newRow("newer schema")
        << QStringLiteral("newer") << StoreOpenFailure::NewerSchema
        << QStringLiteral("was written by a newer version of MailTLS (store schema 9; this "
                          "version reads up to 8). MailTLS has not changed it.");
    QTest::newRow("truncated copy")
        << QStringLiteral("truncated") << StoreOpenFailure::Damaged
        << QStringLiteral("is damaged: it holds 131072 bytes where its header says");
    QTest::newRow("cut inside the header")
        << QStringLiteral("short-header") << StoreOpenFailure::Damaged
        << QStringLiteral("is damaged: it ends inside its 100-byte header (40 bytes).");
    QTest::newRow("our id without a schema")
        << QStringLiteral("no-version") << StoreOpenFailure::Damaged
        << QStringLiteral("is damaged: it carries MailTLS's application id but no schema "
                          "version.");
    QTest::newRow("a table missing")
        << QStringLiteral("missing-table") << StoreOpenFailure::Damaged
        << QStringLiteral("is damaged: its table \"daily\" is missing.");
    QTest::newRow("a folder") << QStringLiteral("folder") << StoreOpenFailure::Unavailable
                              << QStringLiteral("is not a file. Choose a file name for the "
                                                "MailTLS store.");
}

void TestTrafficStoreOpen::refusesBadFile()
{
    QFETCH(QString, kind);
    QFETCH(StoreOpenFailure, failure);
    QFETCH(QString, says);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("traffic.sqlite"));

    if (kind == QLatin1String("text")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 200; ++i)
            file.write("Shopping: bread, milk, a new hard disk for the mail server\n");
    } else if (kind == QLatin1String("foreign-tables")) {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE contacts (name TEXT, email TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO contacts VALUES ('Ann', 'ann@example')")));
    } else if (kind == QLatin1String("foreign-id")) {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = 252010221"))); // 0x0f055eed
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(makeRealStore(path));
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 9")));
    } else if (kind == QLatin1String("truncated")) {
        const QString original = dir.filePath(QStringLiteral("original.sqlite"));
        QVERIFY(makeRealStore(original));
        QVERIFY(!QFile::exists(original + QStringLiteral("-wal")));
        QFile source(original);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        QVERIFY(bytes.size() > 2 * 131072);
        QFile copy(path);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        QCOMPARE(copy.write(bytes.left(131072)), qint64(131072));
    } else if (kind == QLatin1String("short-header")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("SQLite format 3\0", 16) + QByteArray(24, '\x01'));
    } else if (kind == QLatin1String("no-version")) {
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = %1")
                             .arg(StoreSchema::applicationId)));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE sources (id INTEGER)")));
    } else if (kind == QLatin1String("missing-table")) {
        QVERIFY(makeRealStore(path));
        RawDatabase raw(path);
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE daily")));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("traffic.sqlite")));
    }

    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Dirs
                                                               | QDir::NoDotAndDotDot);
    const QByteArray hashBefore = fileHash(path);
    {
        TrafficStore store(path);
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(!store.isOpen());
        QCOMPARE(store.openFailure(), failure);
        QVERIFY2(error.startsWith(QDir::toNativeSeparators(path) + QLatin1Char(' ')),
                 qPrintable(error));
        QVERIFY2(error.contains(says), qPrintable(error));

        // A refused store answers nothing and writes nothing.
        IngestBatch batch;
        batch.sourceId = 1;
        QVERIFY(!store.writeBatch(batch, &error));
        QVERIFY(error.contains(QLatin1String("is not open")));
        QCOMPARE(store.addSource(QStringLiteral("x"), QStringLiteral("x"), &error), qint64(-1));
    }
    QCOMPARE(fileHash(path), hashBefore);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot),
             filesBefore);
}

void TestTrafficStoreOpen::reopensWithData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("traffic.sqlite"));
    QVERIFY(makeRealStore(path));

    TrafficStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QList<PeerFigures> rows = store.peerFigures(ReportFilter(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 37);
    qint64 messages = 0;
    for (const PeerFigures &row : rows)
        messages += row.messages;
    QCOMPARE(messages, qint64(3000));
    const std::optional<SourceRecord> source =
        store.findSource(QStringLiteral("file:/var/log/mail.log"), &error);
    QVERIFY(source.has_value());
    QCOMPARE(source->position, qint64(3000000));
}

void TestTrafficStoreOpen::sourcesAreKeptByIdentity()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(path);
    QString error;
    QVERIFY(store.open(&error));

    QVERIFY(!store.findSource(QStringLiteral("file:/var/log/mail.log"), &error).has_value());
    QVERIFY(error.isEmpty());
    QCOMPARE(store.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"),
                             &error),
             qint64(1));
    QCOMPARE(store.addSource(QStringLiteral("journal:4f2a"), QStringLiteral("journal"), &error),
             qint64(2));
    QCOMPARE(store.addSource(QStringLiteral("journal:4f2a"), QStringLiteral("again"), &error),
             qint64(-1));
    QCOMPARE(error, QStringLiteral("The source journal:4f2a is already in %1.")
                        .arg(QDir::toNativeSeparators(path)));

    const std::optional<SourceRecord> found =
        store.findSource(QStringLiteral("journal:4f2a"), &error);
    QVERIFY(found.has_value());
    QVERIFY(error.isEmpty());
    QCOMPARE(found->id, qint64(2));
    QCOMPARE(found->identity, QStringLiteral("journal:4f2a"));
    QCOMPARE(found->name, QStringLiteral("journal"));
    QCOMPARE(found->position, qint64(0));
    QCOMPARE(found->linesRead, qint64(0));
    QVERIFY(found->checkHash.isNull());
    QVERIFY(found->assemblerState.isNull());

    const QList<SourceRecord> all = store.sources(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).identity, QStringLiteral("file:/var/log/mail.log"));
    QCOMPARE(all.at(1).identity, QStringLiteral("journal:4f2a"));
}

QTEST_GUILESS_MAIN(TestTrafficStoreOpen)
#include "tst_trafficstoreopen.moc"
