#include <optional>

#include <QTest>

#include "models/sources/filecursor.h"
#include "models/sources/fileidentity.h"

using namespace mailtls;

class TestFileCursor : public QObject
{
    Q_OBJECT

private slots:
    void cursorRoundTrip_data()
    {
        QTest::addColumn<quint64>("device");
        QTest::addColumn<quint64>("inode");
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("known first line") << quint64(2049) << quint64(1234567) << QByteArray("edeaaff3f1774ad2")
                                          << qint64(1048576) << QByteArray("v1 2049 1234567 edeaaff3f1774ad2 1048576");
        QTest::newRow("no first line yet") << quint64(1) << quint64(2) << QByteArray() << qint64(0)
                                           << QByteArray("v1 1 2 - 0");
        QTest::newRow("largest numbers") << quint64(18446744073709551615ull) << quint64(18446744073709551615ull)
                                         << QByteArray("0123456789abcdef") << qint64(9223372036854775807ll)
                                         << QByteArray("v1 18446744073709551615 18446744073709551615 "
                                                       "0123456789abcdef 9223372036854775807");
    }

    void cursorRoundTrip()
    {
        QFETCH(quint64, device);
        QFETCH(quint64, inode);
        QFETCH(QByteArray, hash);
        QFETCH(qint64, offset);
        QFETCH(QByteArray, encoded);
        const FileCursor cursor{FileIdentity{device, inode, hash}, offset};
        QCOMPARE(cursor.encode(), encoded);
        const std::optional<FileCursor> back = FileCursor::decode(encoded);
        QVERIFY(back);
        QCOMPARE(back->identity.device, device);
        QCOMPARE(back->identity.inode, inode);
        QCOMPARE(back->identity.firstLineHash, hash);
        QCOMPARE(back->offset, offset);
    }

    void cursorRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("version only") << QByteArray("v1");
        QTest::newRow("other version") << QByteArray("v2 1 2 - 3");
        QTest::newRow("field missing") << QByteArray("v1 1 2 3");
        QTest::newRow("field too many") << QByteArray("v1 1 2 - 3 4");
        QTest::newRow("double space") << QByteArray("v1  1 2 - 3");
        QTest::newRow("negative offset") << QByteArray("v1 1 2 - -3");
        QTest::newRow("signed device") << QByteArray("v1 +1 2 - 3");
        QTest::newRow("hex inode") << QByteArray("v1 1 0x2 - 3");
        QTest::newRow("offset overflows") << QByteArray("v1 1 2 - 9223372036854775808");
        QTest::newRow("device overflows") << QByteArray("v1 18446744073709551616 2 - 3");
        QTest::newRow("short hash") << QByteArray("v1 1 2 0123456789abcde 3");
        QTest::newRow("upper-case hash") << QByteArray("v1 1 2 0123456789ABCDEF 3");
        QTest::newRow("journal cursor") << QByteArray("s=0123;i=1;b=2;m=3;t=4;x=5");
    }

    void cursorRejects()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!FileCursor::decode(text));
    }

    void firstLine_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("firstLine");
        QTest::newRow("a line") << QByteArray("abc\ndef\n") << QByteArray("abc\n");
        QTest::newRow("an empty line") << QByteArray("\nabc\n") << QByteArray("\n");
        QTest::newRow("unfinished") << QByteArray("abc") << QByteArray();
        QTest::newRow("nothing") << QByteArray() << QByteArray();
        QTest::newRow("newline at the last byte") << QByteArray(4095, 'x') + '\n' << QByteArray(4095, 'x') + '\n';
        QTest::newRow("newline past the head") << QByteArray(4096, 'x') + '\n' << QByteArray(4096, 'x');
        QTest::newRow("long line") << QByteArray(5000, 'x') << QByteArray(4096, 'x');
    }

    void firstLine()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, firstLine);
        QCOMPARE(FileIdentity::firstLineOf(head), firstLine);
    }

    void firstLineHash()
    {
        QCOMPARE(FileIdentity::hashOf("abc\n"), QByteArray("edeaaff3f1774ad2"));
        QCOMPARE(FileIdentity::hashOf(QByteArray()), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestFileCursor)
#include "tst_filecursor.moc"
