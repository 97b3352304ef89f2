#include "models/store/lineoffsetcodec.h"

#include <limits>

#include <QTest>

using namespace mailtls;

class TestLineOffsetCodec final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejectsMalformed_data();
    void rejectsMalformed();
};

void TestLineOffsetCodec::roundTrip_data()
{
    QTest::addColumn<std::vector<std::int64_t>>("offsets");
    QTest::addColumn<QByteArray>("packed");

    QTest::newRow("none") << std::vector<std::int64_t>{} << QByteArray();
    QTest::newRow("first line") << std::vector<std::int64_t>{0} << QByteArray("\x00", 1);
    // 1000 -> zigzag 2000 = 0x7d0 -> d0 0f; +120 -> 240 -> f0 01; +140 -> 280 -> 98 02
    QTest::newRow("close lines") << std::vector<std::int64_t>{1000, 1120, 1260}
                                 << QByteArray("\xd0\x0f\xf0\x01\x98\x02");
    // Out of order: -1 -> zigzag 1.
    QTest::newRow("one step back") << std::vector<std::int64_t>{5, 4} << QByteArray("\x0a\x01");
    QTest::newRow("large offsets")
        << std::vector<std::int64_t>{9000000000LL, 9000000050LL}
        << QByteArray("\x80\xe8\x88\x87\x43\x64");
    // Differences wrap: max -> min is +1 (zigzag 2), min -> 0 is min again.
    QTest::newRow("extremes")
        << std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min(), 0, -1}
        << QByteArray("\xfe\xff\xff\xff\xff\xff\xff\xff\xff\x01"
                      "\x02"
                      "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"
                      "\x01",
                      22);
}

void TestLineOffsetCodec::roundTrip()
{
    QFETCH(std::vector<std::int64_t>, offsets);
    QFETCH(QByteArray, packed);

    QCOMPARE(LineOffsetCodec::encode(offsets).toHex(), packed.toHex());
    const std::optional<LineOffsets> decoded = LineOffsetCodec::decode(packed);
    QVERIFY(decoded.has_value());
    QVERIFY(*decoded == offsets);
}

void TestLineOffsetCodec::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("packed");

    QTest::newRow("ends inside a number") << QByteArray("\x02\x80", 2);
    QTest::newRow("more than 64 bits") << QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10);
    QTest::newRow("eleven bytes") << QByteArray("\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00", 11);
}

void TestLineOffsetCodec::rejectsMalformed()
{
    QFETCH(QByteArray, packed);
    QVERIFY(!LineOffsetCodec::decode(packed).has_value());
}

QTEST_GUILESS_MAIN(TestLineOffsetCodec)
#include "tst_lineoffsetcodec.moc"
