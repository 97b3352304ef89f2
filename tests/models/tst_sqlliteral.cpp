#include "models/store/sqlliteral.h"

#include <limits>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

using namespace mailtls;

// Each literal is read back through SQLite itself: what the store writes is
// exactly what it meant, whatever the text holds.
class TestSqlLiteral final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void text_data();
    void text();
    void integer_data();
    void integer();
    void blob();

private:
    QVariant evaluate(const QByteArray &literal, QString *typeOf);
};

void TestSqlLiteral::initTestCase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(db.open());
    QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE canary (x)")));
}

void TestSqlLiteral::cleanupTestCase()
{
    // A literal that escaped its quotes could have dropped this.
    QSqlQuery query;
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM canary")));
    query.finish();
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

void TestSqlLiteral::text_data()
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
    same("NUL inside", QString::fromUtf16(u"before\0after'", 13));
    same("NUL and non-ASCII", QString::fromUtf16(u"\0ü", 2));
    QTest::newRow("null string") << QString() << QStringLiteral("");
    // UTF-8 cannot hold a lone surrogate: Qt's encoder writes '?' for it.
    QTest::newRow("lone surrogate") << QString::fromUtf16(u"a\xd800z", 3)
                                    << QStringLiteral("a?z");
}

void TestSqlLiteral::text()
{
    QFETCH(QString, value);
    QFETCH(QString, readBack);

    QByteArray literal;
    SqlLiteral::appendText(literal, value);
    QString type;
    const QVariant result = evaluate(literal, &type);
    QCOMPARE(type, QStringLiteral("text"));
    QCOMPARE(result.toString(), readBack);
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

void TestSqlLiteral::blob()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all.append(char(i));
    for (const QByteArray &bytes : {all, QByteArray("", 0)}) {
        QByteArray literal;
        SqlLiteral::appendBlob(literal, bytes);
        QString type;
        const QVariant result = evaluate(literal, &type);
        QCOMPARE(type, QStringLiteral("blob"));
        QCOMPARE(result.toByteArray(), bytes);
    }
}

QTEST_GUILESS_MAIN(TestSqlLiteral)
#include "tst_sqlliteral.moc"
