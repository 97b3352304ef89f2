#include "models/store/sqlitestatement.h"

#include <limits>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

using namespace mailtls;

// Every value is bound through a statement on the SQLite connection under a
// Qt connection, then read back through Qt: what the store writes is exactly
// what it meant, whatever the text holds.
class TestSqliteStatement final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectionOfQtConnection();
    void text_data();
    void text();
    void integer_data();
    void integer();
    void blob();
    void failedRunLeavesStatementUsable();
    void prepareReportsErrors();

private:
    // Runs `bind` on "INSERT INTO v (x) VALUES (?)" and reads x and typeof(x) back.
    template <typename Bind>
    QVariant roundTrip(Bind &&bind, QString *typeOf);

    QSqlDatabase m_db;
};

void TestSqliteStatement::initTestCase()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(m_db.open());
    QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("CREATE TABLE canary (x)")));
    QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("CREATE TABLE v (x)")));
}

void TestSqliteStatement::cleanupTestCase()
{
    // A value that reached the statement's text could have dropped this.
    QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("SELECT count(*) FROM canary")));
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QLatin1String(QSqlDatabase::defaultConnection));
}

template <typename Bind>
QVariant TestSqliteStatement::roundTrip(Bind &&bind, QString *typeOf)
{
    QSqlQuery(m_db).exec(QStringLiteral("DELETE FROM v"));
    {
        SqliteStatement insert;
        QString error;
        if (!insert.prepare(SqliteStatement::connectionOf(m_db), "INSERT INTO v (x) VALUES (?)", &error)) {
            *typeOf = error;
            return QVariant();
        }
        bind(insert);
        if (!insert.run(&error)) {
            *typeOf = error;
            return QVariant();
        }
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT x, typeof(x), (SELECT count(*) FROM v) FROM v")) || !query.next()
        || query.value(2).toInt() != 1) {
        *typeOf = query.lastError().text();
        return QVariant();
    }
    *typeOf = query.value(1).toString();
    return query.value(0);
}

void TestSqliteStatement::connectionOfQtConnection()
{
    QVERIFY(SqliteStatement::connectionOf(m_db) != nullptr);
    // A connection not open has no SQLite connection under it.
    QSqlDatabase closed = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("closed"));
    QCOMPARE(SqliteStatement::connectionOf(closed), nullptr);
    closed = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("closed"));

    SqliteStatement statement;
    QString error;
    QVERIFY(!statement.prepare(nullptr, "SELECT 1", &error));
    QCOMPARE(error, QStringLiteral("not an SQLite connection"));
    QVERIFY(!statement.isPrepared());
}

void TestSqliteStatement::text_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("readBack");

    auto same = [](const char *name, const QString &value) {
        QTest::newRow(name) << value << value;
    };
    same("plain", QStringLiteral("mx.example.com"));
    same("empty", QStringLiteral(""));
    same("quotes", QStringLiteral("it's 'quoted' ''twice''"));
    same("injection", QStringLiteral("x'); DROP TABLE canary; --"));
    same("placeholders", QStringLiteral("? ?1 :name @v $x"));
    same("control characters", QStringLiteral("tab\there\nnew line\r\x1b"));
    same("non-ASCII", QStringLiteral("Grüße, 'ﬁ' 日本 \U0001F512"));
    same("ASCII, then non-ASCII", QStringLiteral("mx.example.com/é"));
    same("NUL inside", QString::fromUtf16(u"before\0after'", 13));
    same("NUL and non-ASCII", QString::fromUtf16(u"\0ü", 2));
    QTest::newRow("null string") << QString() << QStringLiteral("");
    // UTF-8 cannot hold a lone surrogate: Qt's encoder writes '?' for it.
    QTest::newRow("lone surrogate") << QString::fromUtf16(u"a\xd800z", 3) << QStringLiteral("a?z");
}

void TestSqliteStatement::text()
{
    QFETCH(QString, value);
    QFETCH(QString, readBack);

    QString type;
    const QVariant result = roundTrip([&](SqliteStatement &s) { s.bindText(1, value); }, &type);
    QCOMPARE(type, QStringLiteral("text"));
    QCOMPARE(result.toString(), readBack);

    // The parameter's buffer is reused: a shorter text after a longer one is
    // bound whole and alone.
    SqliteStatement insert;
    QString error;
    QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("DELETE FROM v")));
    QVERIFY2(insert.prepare(SqliteStatement::connectionOf(m_db), "INSERT INTO v (x) VALUES (?)", &error),
             qPrintable(error));
    insert.bindText(1, QStringLiteral("a much longer text than any of the values above: 0123456789"));
    QVERIFY2(insert.run(&error), qPrintable(error));
    insert.bindText(1, value);
    QVERIFY2(insert.run(&error), qPrintable(error));
    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("SELECT x FROM v ORDER BY rowid DESC LIMIT 1")) && query.next());
    QCOMPARE(query.value(0).toString(), readBack);
}

void TestSqliteStatement::integer_data()
{
    QTest::addColumn<qint64>("value");

    QTest::newRow("zero") << qint64(0);
    QTest::newRow("negative") << qint64(-42);
    QTest::newRow("large") << qint64(1710720007);
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << std::numeric_limits<qint64>::min();
}

void TestSqliteStatement::integer()
{
    QFETCH(qint64, value);

    QString type;
    const QVariant result = roundTrip([&](SqliteStatement &s) { s.bindInteger(1, value); }, &type);
    QCOMPARE(type, QStringLiteral("integer"));
    QCOMPARE(result.toLongLong(), value);
}

void TestSqliteStatement::blob()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    // Empty bytes are a zero-length blob, never NULL (the columns are NOT NULL).
    for (const QByteArray &bytes : {all, QByteArray("", 0), QByteArray()}) {
        QString type;
        const QVariant result = roundTrip([&](SqliteStatement &s) { s.bindBlob(1, bytes); }, &type);
        QCOMPARE(type, QStringLiteral("blob"));
        QCOMPARE(result.toByteArray(), bytes.isNull() ? QByteArray("", 0) : bytes);
    }
}

void TestSqliteStatement::failedRunLeavesStatementUsable()
{
    QVERIFY(QSqlQuery(m_db).exec(QStringLiteral("CREATE TABLE u (x INTEGER PRIMARY KEY, y TEXT NOT NULL)")));
    SqliteStatement insert;
    QString error;
    QVERIFY2(insert.prepare(SqliteStatement::connectionOf(m_db), "INSERT INTO u (x, y) VALUES (?, ?)", &error),
             qPrintable(error));
    insert.bindInteger(1, 7);
    insert.bindText(2, QStringLiteral("first"));
    QVERIFY2(insert.run(&error), qPrintable(error));
    insert.bindInteger(1, 7);
    insert.bindText(2, QStringLiteral("again"));
    QVERIFY(!insert.run(&error));
    QCOMPARE(error, QStringLiteral("UNIQUE constraint failed: u.x"));
    insert.bindInteger(1, 8);
    insert.bindText(2, QStringLiteral("second"));
    QVERIFY2(insert.run(&error), qPrintable(error));

    QSqlQuery query(m_db);
    QVERIFY(query.exec(QStringLiteral("SELECT group_concat(x || '=' || y, ' ') FROM u")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("7=first 8=second"));
}

void TestSqliteStatement::prepareReportsErrors()
{
    SqliteStatement statement;
    QString error;
    QVERIFY(!statement.prepare(SqliteStatement::connectionOf(m_db), "INSERT INTO no_such_table VALUES (?)", &error));
    QCOMPARE(error, QStringLiteral("cannot prepare \"INSERT INTO no_such_table VALUES (?)\": no such table: "
                                   "no_such_table"));
    QVERIFY(!statement.isPrepared());
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
