#include "models/store/sqlliteral.h"

#include <limits>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

using namespace mailtls;

// Each literal is read back through SQLite itself: what the store writes is
// exactly what it meant.
class TestSqlLiteral final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void integer_data();
    void integer();

private:
    QVariant evaluate(const QByteArray &literal, QString *typeOf);
};

void TestSqlLiteral::initTestCase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(db.open());
}

void TestSqlLiteral::cleanupTestCase()
{
    {
        QSqlDatabase db = QSqlDatabase::database();
        db.close();
    }
    QSqlDatabase::removeDatabase(QLatin1String(QSqlDatabase::defaultConnection));
}

QVariant TestSqlLiteral::evaluate(const QByteArray &literal, QString *typeOf)
{
    QSqlQuery query;
    if (!query.exec(QString::fromUtf8("SELECT " + literal + ", typeof(" + literal + ")"))
        || !query.next()) {
        *typeOf = query.lastError().text();
        return QVariant();
    }
    *typeOf = query.value(1).toString();
    return query.value(0);
}

void TestSqlLiteral::integer_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QByteArray>("literal");

    QTest::newRow("zero") << qint64(0) << QByteArray("0");
    QTest::newRow("negative") << qint64(-42) << QByteArray("-42");
    QTest::newRow("large") << qint64(1710720007) << QByteArray("1710720007");
    QTest::newRow("max") << std::numeric_limits<qint64>::max()
                         << QByteArray("9223372036854775807");
    // SQLite reads -9223372036854775808 as an integer (not a real).
    QTest::newRow("min") << std::numeric_limits<qint64>::min()
                         << QByteArray("-9223372036854775808");
}

void TestSqlLiteral::integer()
{
    QFETCH(qint64, value);
    QFETCH(QByteArray, literal);

    QByteArray sql;
    SqlLiteral::appendInteger(sql, value);
    QCOMPARE(sql, literal);
    QString type;
    const QVariant result = evaluate(sql, &type);
    QCOMPARE(type, QStringLiteral("integer"));
    QCOMPARE(result.toLongLong(), value);
}

QTEST_GUILESS_MAIN(TestSqlLiteral)
#include "tst_sqlliteral.moc"
