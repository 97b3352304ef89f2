#include "models/store/storeschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

using namespace mailtls;

// The migration runner, driven with step lists of its own: steps apply in
// order from the file's version, each run only once, all or nothing.
class TestStoreSchema final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void currentSchema();
    void migratesFromEmpty();
    void appliesOnlyNewerSteps();
    void failingStepLeavesTheFileAsItWas();
    void rejectsMisnumberedSteps();

private:
    int version();
    QStringList tables();

    std::unique_ptr<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
};

namespace {

SchemaMigration step(int version, QStringList statements)
{
    SchemaMigration migration;
    migration.version = version;
    migration.statements = std::move(statements);
    return migration;
}

const std::vector<SchemaMigration> twoSteps = {
    step(1, {QStringLiteral("CREATE TABLE a (x INTEGER)"),
             QStringLiteral("INSERT INTO a VALUES (1)")}),
    step(2, {QStringLiteral("CREATE TABLE b (y TEXT)"),
             QStringLiteral("INSERT INTO a VALUES (2)")}),
};

} // namespace

void TestStoreSchema::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema"));
    m_db.setDatabaseName(m_dir->filePath(QStringLiteral("schema.sqlite")));
    QVERIFY(m_db.open());
}

void TestStoreSchema::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("schema"));
    m_dir.reset();
}

int TestStoreSchema::version()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QStringList TestStoreSchema::tables()
{
    QStringList names;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (query.next())
        names << query.value(0).toString();
    return names;
}

void TestStoreSchema::currentSchema()
{
    const std::vector<SchemaMigration> &steps = StoreSchema::migrations();
    QVERIFY(!steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i)
        QCOMPARE(steps[i].version, int(i) + 1);
    QCOMPARE(StoreSchema::currentVersion(), steps.back().version);
    QCOMPARE(StoreSchema::applicationId, qint32(0x4d544c53));
}

void TestStoreSchema::migratesFromEmpty()
{
    QString error;
    QVERIFY2(StoreSchema::migrate(m_db, StoreSchema::migrations(), &error), qPrintable(error));
    QCOMPARE(version(), StoreSchema::currentVersion());
    for (const QString &table : StoreSchema::requiredTables())
        QVERIFY2(tables().contains(table), qPrintable(table));
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("PRAGMA application_id")) && query.next());
    QCOMPARE(query.value(0).toLongLong(), qint64(StoreSchema::applicationId));
}

void TestStoreSchema::appliesOnlyNewerSteps()
{
    QString error;
    QVERIFY2(StoreSchema::migrate(m_db, {twoSteps[0]}, &error), qPrintable(error));
    QCOMPARE(version(), 1);
    QCOMPARE(tables(), QStringList{QStringLiteral("a")});

    QVERIFY2(StoreSchema::migrate(m_db, twoSteps, &error), qPrintable(error));
    QCOMPARE(version(), 2);
    QCOMPARE(tables(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    // Step 1 did not run again: one row of its own, one of step 2.
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("SELECT group_concat(x) FROM a")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("1,2"));
    query.finish();

    // Up to date: nothing to do.
    QVERIFY2(StoreSchema::migrate(m_db, twoSteps, &error), qPrintable(error));
    QCOMPARE(version(), 2);
}

void TestStoreSchema::failingStepLeavesTheFileAsItWas()
{
    QString error;
    QVERIFY2(StoreSchema::migrate(m_db, {twoSteps[0]}, &error), qPrintable(error));
    const std::vector<SchemaMigration> broken = {
        twoSteps[0],
        step(2, {QStringLiteral("CREATE TABLE b (y TEXT)")}),
        step(3, {QStringLiteral("CREATE TABLE c (z TEXT)"),
                 QStringLiteral("INSERT INTO no_such_table VALUES (1)")}),
    };
    QVERIFY(!StoreSchema::migrate(m_db, broken, &error));
    QVERIFY2(error.startsWith(QLatin1String("schema step 3: no such table: no_such_table")),
             qPrintable(error));
    QCOMPARE(version(), 1);
    QCOMPARE(tables(), QStringList{QStringLiteral("a")});
}

void TestStoreSchema::rejectsMisnumberedSteps()
{
    QString error;
    QVERIFY(!StoreSchema::migrate(m_db, {twoSteps[1]}, &error));
    QCOMPARE(error, QStringLiteral("schema step 1 is numbered 2"));
    QCOMPARE(version(), 0);
    QVERIFY(tables().isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreSchema)
#include "tst_storeschema.moc"
