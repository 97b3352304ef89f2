#include "models/secrets/askpassprotocol.h"

#include <QTest>
#include <QtEndian>

using namespace mailtls;

class TestAskpassProtocol final : public QObject
{
    Q_OBJECT

private slots:
    void requestRoundTrip_data();
    void requestRoundTrip();
    void replyRoundTrip_data();
    void replyRoundTrip();
    void framesArriveInPieces();
    void badFrames_data();
    void badFrames();
    void badRequests_data();
    void badRequests();
    void badReplies_data();
    void badReplies();
};

void TestAskpassProtocol::requestRoundTrip_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<qint64>("pid");

    QTest::newRow("password") << QStringLiteral("mail@mx.example.org's password: ")
                              << QStringLiteral("mail@mx.example.org:2222") << QString() << qint64(4242);
    QTest::newRow("host key, newlines") << QStringLiteral("The authenticity of host 'mx (192.0.2.1)' can't be "
                                                          "established.\nED25519 key fingerprint is SHA256:x.\n")
                                        << QString() << QString() << qint64(1);
    QTest::newRow("confirm, quotes and unicode")
        << QStringLiteral("Allow use of key \"ä\\b\" ✓?") << QStringLiteral("[2001:db8::1]:22")
        << QStringLiteral("confirm") << qint64(2147483647);
}

void TestAskpassProtocol::requestRoundTrip()
{
    QFETCH(QString, prompt);
    QFETCH(QString, target);
    QFETCH(QString, mode);
    QFETCH(qint64, pid);

    QByteArray buffer = AskpassProtocol::encode(AskpassProtocol::Request{prompt, target, mode, pid});
    buffer += "next";
    QByteArray payload;
    QCOMPARE(AskpassProtocol::takeFrame(buffer, &payload), AskpassProtocol::Frame::Complete);
    QCOMPARE(buffer, QByteArray("next"));
    const std::optional<AskpassProtocol::Request> request = AskpassProtocol::parseRequest(payload);
    QVERIFY(request);
    QCOMPARE(request->prompt, prompt);
    QCOMPARE(request->target, target);
    QCOMPARE(request->mode, mode);
    QCOMPARE(request->sshPid, pid);
}

void TestAskpassProtocol::replyRoundTrip_data()
{
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("answer");
    QTest::newRow("answer") << false << QStringLiteral("s3cret \"with\" \\ ✓");
    QTest::newRow("empty answer") << false << QString();
    QTest::newRow("yes") << false << QStringLiteral("yes");
    QTest::newRow("refused") << true << QString();
}

void TestAskpassProtocol::replyRoundTrip()
{
    QFETCH(bool, refused);
    QFETCH(QString, answer);
    QByteArray buffer = AskpassProtocol::encode(AskpassProtocol::Reply{refused, answer});
    QByteArray payload;
    QCOMPARE(AskpassProtocol::takeFrame(buffer, &payload), AskpassProtocol::Frame::Complete);
    QVERIFY(buffer.isEmpty());
    const std::optional<AskpassProtocol::Reply> reply = AskpassProtocol::parseReply(payload);
    QVERIFY(reply);
    QCOMPARE(reply->refused, refused);
    QCOMPARE(reply->answer, answer);
}

void TestAskpassProtocol::framesArriveInPieces()
{
    const QByteArray whole = AskpassProtocol::encode(AskpassProtocol::Reply{false, QStringLiteral("pw")});
    QByteArray buffer;
    QByteArray payload;
    for (int i = 0; i < whole.size() - 1; ++i) {
        buffer += whole.at(i);
        QCOMPARE(AskpassProtocol::takeFrame(buffer, &payload), AskpassProtocol::Frame::Incomplete);
        QCOMPARE(buffer.size(), i + 1);
    }
    buffer += whole.back();
    QCOMPARE(AskpassProtocol::takeFrame(buffer, &payload), AskpassProtocol::Frame::Complete);
    QCOMPARE(payload, QByteArray(R"({"answer":"pw"})"));
}

void TestAskpassProtocol::badFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("zero length") << QByteArray("\0\0\0\0{}", 6);
    QTest::newRow("one over the limit") << QByteArray("\0\0\x40\x01", 4);
    QTest::newRow("huge") << QByteArray("\xff\xff\xff\xff", 4);
}

void TestAskpassProtocol::badFrames()
{
    QFETCH(QByteArray, bytes);
    QByteArray payload;
    QCOMPARE(AskpassProtocol::takeFrame(bytes, &payload), AskpassProtocol::Frame::Invalid);

    // The limit itself is allowed.
    QByteArray limit(4, '\0');
    qToBigEndian<quint32>(quint32(AskpassProtocol::maxFrameSize), limit.data());
    QCOMPARE(AskpassProtocol::takeFrame(limit, &payload), AskpassProtocol::Frame::Incomplete);
}

void TestAskpassProtocol::badRequests_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not JSON") << QByteArray("password please");
    QTest::newRow("array") << QByteArray(R"(["prompt"])");
    QTest::newRow("no prompt") << QByteArray(R"({"target":"mx"})");
    QTest::newRow("prompt a number") << QByteArray(R"({"prompt":5})");
    QTest::newRow("target an object") << QByteArray(R"({"prompt":"p","target":{}})");
    QTest::newRow("pid a string") << QByteArray(R"({"prompt":"p","pid":"12"})");
    QTest::newRow("pid negative") << QByteArray(R"({"prompt":"p","pid":-1})");
    QTest::newRow("pid too big") << QByteArray(R"({"prompt":"p","pid":1e12})");
    QTest::newRow("prompt too long") << QByteArray(R"({"prompt":")")
            + QByteArray(AskpassProtocol::maxPromptSize + 1, 'a') + QByteArray(R"("})");
}

void TestAskpassProtocol::badRequests()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!AskpassProtocol::parseRequest(payload));
}

void TestAskpassProtocol::badReplies_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not JSON") << QByteArray("yes");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("answer a number") << QByteArray(R"({"answer":1})");
    QTest::newRow("refused false") << QByteArray(R"({"refused":false})");
}

void TestAskpassProtocol::badReplies()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!AskpassProtocol::parseReply(payload));
}

QTEST_GUILESS_MAIN(TestAskpassProtocol)
#include "tst_askpassprotocol.moc"
