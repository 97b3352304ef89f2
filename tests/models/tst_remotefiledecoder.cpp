#include <initializer_list>
#include <optional>

#include <QByteArray>
#include <QList>
#include <QTest>

#include "models/sources/processsourcebackoff.h"
#include "models/sources/remotefilecursor.h"
#include "models/sources/remotefiledecoder.h"

using namespace mailtls;

namespace {

QByteArray frames(std::initializer_list<QByteArray> parts)
{
    QByteArray all;
    for (const QByteArray &part : parts)
        all += part;
    return all;
}

} // namespace

// The pure parts of following a file on a host: the reader's frames decoded
// into lines and cursors, the cursor's text, and the retry delays.
class TestRemoteFileDecoder : public QObject
{
    Q_OBJECT

private slots:
    void cursorText_data();
    void cursorText();

    void decoder_data();
    void decoder();
    void decoderAnyCut();
    void decoderLongLine();

    void backoff_data();
    void backoff();
};

void TestRemoteFileDecoder::cursorText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("identity");
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("start") << QByteArray() << true << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("cksum") << QByteArray("rf1 65024:11133045 4096-c2162985709 588895") << true
                           << QByteArray("65024:11133045") << QByteArray("4096-c2162985709") << qint64(588895);
    QTest::newRow("md5") << QByteArray("rf1 2049:12 37-md41d8cd98f00b204e9800998ecf8427e 37") << true
                         << QByteArray("2049:12") << QByteArray("37-md41d8cd98f00b204e9800998ecf8427e") << qint64(37);
    QTest::newRow("no digest") << QByteArray("rf1 1:2 - 0") << true << QByteArray("1:2") << QByteArray()
                               << qint64(0);
    QTest::newRow("other version") << QByteArray("rf2 1:2 - 0") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("negative") << QByteArray("rf1 1:2 - -5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("plus") << QByteArray("rf1 1:2 - +5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("bad identity") << QByteArray("rf1 1;2 - 5") << false << QByteArray() << QByteArray() << qint64(0);
    QTest::newRow("shell text in digest") << QByteArray("rf1 1:2 $(touch) 5") << false << QByteArray()
                                          << QByteArray() << qint64(0);
    QTest::newRow("local file cursor") << QByteArray("f1 1:2 5") << false << QByteArray() << QByteArray()
                                       << qint64(0);
}

void TestRemoteFileDecoder::cursorText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<RemoteFileCursor> cursor = RemoteFileCursor::parse(text);
    QCOMPARE(cursor.has_value(), valid);
    if (!valid)
        return;
    QTEST(cursor->identity, "identity");
    QTEST(cursor->digest, "digest");
    QTEST(cursor->offset, "offset");
    QCOMPARE(cursor->toBytes(), text);
}

void TestRemoteFileDecoder::decoder_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("cursor");
    QTest::addColumn<qint64>("pending");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("whole lines") << QByteArray()
                                 << frames({"F 1:2 - 0\n", "D 6 10 99\na\nbc\n\n6\n"})
                                 << QByteArray("a\nbc\n\n") << QByteArray("rf1 1:2 - 6") << qint64(4) << QByteArray();
    QTest::newRow("partial line waits") << QByteArray()
                                        << frames({"F 1:2 - 0\n", "D 4 4 99\na\nbc4\n"})
                                        << QByteArray("a\n") << QByteArray("rf1 1:2 - 2") << qint64(0)
                                        << QByteArray();
    QTest::newRow("partial line ends later") << QByteArray()
                                             << frames({"F 1:2 - 0\n", "D 2 2 1\nab2\n", "D 2 4 1\nc\n2\n"})
                                             << QByteArray("abc\n") << QByteArray("rf1 1:2 - 4") << qint64(0)
                                             << QByteArray();
    QTest::newRow("short read padding") << QByteArray()
                                        << frames({"F 1:2 - 0\n", "D 6 6 1\nab\n", QByteArray(3, '\0'), "3\n"})
                                        << QByteArray("ab\n") << QByteArray("rf1 1:2 - 3") << qint64(0)
                                        << QByteArray();
    QTest::newRow("resume") << QByteArray("rf1 1:2 3-c77 40")
                            << frames({"F 1:2 3-c77 40\n", "D 3 50 1\nxy\n3\n"})
                            << QByteArray("xy\n") << QByteArray("rf1 1:2 3-c77 43") << qint64(7) << QByteArray();
    QTest::newRow("digest grows") << QByteArray("rf1 1:2 3-c77 40")
                                  << frames({"F 1:2 3-c77 40\n", "D 3 50 1\nxy\n3\n", "F 1:2 50-c99 43\n"})
                                  << QByteArray("xy\n") << QByteArray("rf1 1:2 50-c99 43") << qint64(7)
                                  << QByteArray();
    QTest::newRow("rotation ends the unfinished line")
        << QByteArray() << frames({"F 1:2 - 0\n", "D 4 4 1\na\nbc4\n", "R\n", "F 1:3 - 0\n", "D 2 2 1\nd\n2\n"})
        << QByteArray("a\nbc\nd\n") << QByteArray("rf1 1:3 - 2") << qint64(0) << QByteArray();
    QTest::newRow("truncation") << QByteArray()
                                << frames({"F 1:2 - 0\n", "D 2 2 1\na\n2\n", "T\n", "F 1:2 - 0\n",
                                           "D 2 2 1\nb\n2\n"})
                                << QByteArray("a\nb\n") << QByteArray("rf1 1:2 - 2") << qint64(0) << QByteArray();
    QTest::newRow("copy goes on mid-line")
        << QByteArray() << frames({"F 1:2 5-c1 0\n", "D 5 5 1\nabcde5\n", "F 1:9 5-c1 5\n", "D 2 7 1\nf\n2\n"})
        << QByteArray("abcdef\n") << QByteArray("rf1 1:9 5-c1 7") << qint64(0) << QByteArray();
    QTest::newRow("keepalive and warning") << QByteArray()
                                           << frames({"W replaced\n", "F 1:2 - 0\n", "K\n"}) << QByteArray()
                                           << QByteArray("rf1 1:2 - 0") << qint64(-1) << QByteArray();
    QTest::newRow("error") << QByteArray() << QByteArray("E denied adm\n") << QByteArray() << QByteArray()
                           << qint64(-1) << QByteArray();
    QTest::newRow("noise") << QByteArray() << QByteArray("Welcome to mx!\n") << QByteArray() << QByteArray()
                           << qint64(-1) << QByteArray("Welcome to mx!");
    QTest::newRow("count larger than frame") << QByteArray() << frames({"F 1:2 - 0\n", "D 2 2 1\na\n3\n"})
                                             << QByteArray() << QByteArray("rf1 1:2 - 0") << qint64(0)
                                             << QByteArray("a data frame with a wrong count");
    QTest::newRow("bad identity") << QByteArray() << QByteArray("F x;y - 0\n") << QByteArray() << QByteArray()
                                  << qint64(-1) << QByteArray("F x;y - 0");
}

void TestRemoteFileDecoder::decoder()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, input);
    RemoteFileDecoder decoder(*RemoteFileCursor::parse(start));
    const RemoteFileDecoder::Output out = decoder.feed(input);
    QTEST(out.text, "text");
    QTEST(decoder.cursor().toBytes(), "cursor");
    QTEST(out.pending, "pending");
    QTEST(out.protocolError, "error");
}

void TestRemoteFileDecoder::decoderAnyCut()
{
    // However the input is cut into reads, the same lines and cursor come out.
    const QByteArray input = frames({"F 1:2 - 0\n", "D 8 20 1\nab\ncd\nef8\n", "F 1:2 9-c5 8\n",
                                     "D 11 20 1\ng\nhijklmn\n\n11\n", "K\n", "R\n", "F 3:4 - 0\n",
                                     "D 4 4 1\nz\nyy4\n"});
    const QByteArray expected("ab\ncd\nefg\nhijklmn\n\nz\n");
    for (int cut = 1; cut < input.size(); ++cut) {
        RemoteFileDecoder decoder;
        QByteArray text;
        text += decoder.feed(input.left(cut)).text;
        text += decoder.feed(input.mid(cut)).text;
        QCOMPARE(text, expected);
        QCOMPARE(decoder.cursor().toBytes(), QByteArray("rf1 3:4 - 2"));
    }
    RemoteFileDecoder bytewise;
    QByteArray text;
    for (const char c : input)
        text += bytewise.feed(QByteArray(1, c)).text;
    QCOMPARE(text, expected);
}

void TestRemoteFileDecoder::decoderLongLine()
{
    // A line without end is cut at the limit, and the cursor moves past the cut.
    const qsizetype size = RemoteFileDecoder::lineLimit + 10;
    RemoteFileDecoder decoder;
    decoder.feed("F 1:2 - 0\n");
    const QByteArray payload(size, 'a');
    const RemoteFileDecoder::Output out =
        decoder.feed("D " + QByteArray::number(size) + ' ' + QByteArray::number(size) + " 1\n" + payload
                     + QByteArray::number(size) + '\n');
    QCOMPARE(out.text.size(), size + 1);
    QVERIFY(out.text.endsWith("aaa\n"));
    QCOMPARE(decoder.cursor().offset, qint64(size));
}

void TestRemoteFileDecoder::backoff_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<QList<int>>("delays");
    QTest::addColumn<int>("capped");

    QTest::newRow("no jitter") << 0.5 << QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000}
                               << 60000;
    QTest::newRow("shortest") << 0.0 << QList<int>{800, 1600, 3200, 6400, 12800, 25600, 48000, 48000} << 48000;
    QTest::newRow("longest") << 1.0 << QList<int>{1200, 2400, 4800, 9600, 19200, 38400, 72000, 72000} << 72000;
    QTest::newRow("a quarter") << 0.25 << QList<int>{900, 1800, 3600} << 54000;
}

void TestRemoteFileDecoder::backoff()
{
    QFETCH(double, random);
    QFETCH(QList<int>, delays);
    ProcessSourceBackoff backoff(1000, 60000, [random] { return random; });
    QList<int> got;
    for (int i = 0; i < delays.size(); ++i)
        got.append(backoff.nextDelay());
    QCOMPARE(got, delays);
    QCOMPARE(backoff.failures(), delays.size());
    backoff.reset();
    QCOMPARE(backoff.nextDelay(), delays.first());

    // Many failures in a row stay at the cap.
    ProcessSourceBackoff many(1000, 60000, [random] { return random; });
    for (int i = 0; i < 200; ++i)
        many.nextDelay();
    QTEST(many.nextDelay(), "capped");
}

QTEST_GUILESS_MAIN(TestRemoteFileDecoder)
#include "tst_remotefiledecoder.moc"
