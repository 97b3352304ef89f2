#include "models/probe/smtpreplyreader.h"

#include <QTest>

using namespace mailtls;

Q_DECLARE_METATYPE(mailtls::SmtpReplyReader::Status)

namespace {

QByteArray lines(int count, const QByteArray &line)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes += line;
    return bytes;
}

} // namespace

class TestSmtpReplyReader final : public QObject
{
    Q_OBJECT

private slots:
    void replies_data();
    void replies();
    void byteByByte();
    void nextReplyFromLeftover();
    void discardUnread();
    void receivedSoFar();
    void printable_data();
    void printable();
};

void TestSmtpReplyReader::replies_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<SmtpReplyReader::Status>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    using S = SmtpReplyReader::Status;
    const QString none;
    QTest::newRow("one line") << QList<QByteArray>{"220 mx1.example.test ESMTP Postfix\r\n"} << S::Complete << 220
                              << QStringList{QStringLiteral("mx1.example.test ESMTP Postfix")}
                              << QStringLiteral("220 mx1.example.test ESMTP Postfix") << none;
    QTest::newRow("lines in pieces")
        << QList<QByteArray>{"250-mx1.example.test\r", "\n250-PIPE", "LINING\r\n250 8BITMIME\r\n"} << S::Complete
        << 250
        << QStringList{QStringLiteral("mx1.example.test"), QStringLiteral("PIPELINING"), QStringLiteral("8BITMIME")}
        << QStringLiteral("250-mx1.example.test\n250-PIPELINING\n250 8BITMIME") << none;
    QTest::newRow("bare line feeds") << QList<QByteArray>{"250-a\n250 b\n"} << S::Complete << 250
                                     << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                                     << QStringLiteral("250-a\n250 b") << none;
    QTest::newRow("code alone") << QList<QByteArray>{"221\r\n"} << S::Complete << 221 << QStringList{QString()}
                                << QStringLiteral("221") << none;
    QTest::newRow("the last line's code counts")
        << QList<QByteArray>{"250-a\r\n220 b\r\n"} << S::Complete << 220
        << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QStringLiteral("250-a\n220 b") << none;
    QTest::newRow("control characters and UTF-8")
        << QList<QByteArray>{"554 gr\xc3\xbc\xc3\x9f\x65 \x1b[31m\r\n"} << S::Complete << 554
        << QStringList{QStringLiteral("gr\u00fc\u00dfe \\x1b[31m")} << QStringLiteral("554 gr\u00fc\u00dfe \\x1b[31m")
        << none;
    QTest::newRow("not finished") << QList<QByteArray>{"250-mx1\r\n250 PIPE"} << S::Incomplete << 0 << QStringList()
                                  << QString() << none;
    QTest::newRow("last line not ended") << QList<QByteArray>{"220 ready"} << S::Incomplete << 0 << QStringList()
                                         << QString() << none;
    QTest::newRow("not a reply, known at its first byte")
        << QList<QByteArray>{"S"} << S::Malformed << 0 << QStringList() << QString()
        << QStringLiteral("not an SMTP reply: S");
    QTest::newRow("ssh banner") << QList<QByteArray>{"SSH-2.0-OpenSSH_9.2p1\r\n"} << S::Malformed << 0
                                << QStringList() << QString()
                                << QStringLiteral("not an SMTP reply: SSH-2.0-OpenSSH_9.2p1");
    QTest::newRow("bad separator") << QList<QByteArray>{"220_mx1\r\n"} << S::Malformed << 0 << QStringList()
                                   << QString() << QStringLiteral("not an SMTP reply: 220_mx1");
    QTest::newRow("two digits") << QList<QByteArray>{"22\r\n"} << S::Malformed << 0 << QStringList() << QString()
                                << QStringLiteral("not an SMTP reply: 22");
    QTest::newRow("bad line after good ones")
        << QList<QByteArray>{"250-mx1\r\n", "PIPELINING\r\n"} << S::Malformed << 0 << QStringList() << QString()
        << QStringLiteral("not an SMTP reply: PIPELINING");
    QTest::newRow("line of 4096 bytes")
        << QList<QByteArray>{"250 " + QByteArray(4092, 'x') + "\r\n"} << S::Complete << 250
        << QStringList{QString(4092, QLatin1Char('x'))} << QStringLiteral("250 ") + QString(4092, QLatin1Char('x'))
        << none;
    QTest::newRow("line of 4097 bytes")
        << QList<QByteArray>{"250 " + QByteArray(4093, 'x') + "\r\n"} << S::Malformed << 0 << QStringList()
        << QString() << QStringLiteral("a reply line exceeds 4096 bytes");
    QTest::newRow("line that never ends")
        << QList<QByteArray>{"250 ", QByteArray(3000, 'x'), QByteArray(3000, 'x')} << S::Malformed << 0
        << QStringList() << QString() << QStringLiteral("a reply line exceeds 4096 bytes");
    QTest::newRow("reply of 65536 bytes")
        << QList<QByteArray>{lines(63, "250-" + QByteArray(1018, 'y') + "\r\n") + "250 " + QByteArray(1018, 'y')
                             + "\r\n"}
        << S::Complete << 250 << QStringList() << QString() << none;
    QTest::newRow("reply over 65536 bytes")
        << QList<QByteArray>{lines(64, "250-" + QByteArray(1018, 'y') + "\r\n") + "250 y\r\n"} << S::Malformed << 0
        << QStringList() << QString() << QStringLiteral("the reply exceeds 65536 bytes");
    QTest::newRow("endless continuation lines")
        << QList<QByteArray>{lines(2000, "220-" + QByteArray(70, 'x') + "\r\n")} << S::Malformed << 0
        << QStringList() << QString() << QStringLiteral("the reply exceeds 65536 bytes");
}

void TestSmtpReplyReader::replies()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(SmtpReplyReader::Status, status);
    QFETCH(int, code);
    QFETCH(QStringList, texts);
    QFETCH(QString, text);
    QFETCH(QString, error);

    SmtpReplyReader reader;
    SmtpReplyReader::Status last = SmtpReplyReader::Status::Incomplete;
    for (const QByteArray &chunk : chunks)
        last = reader.append(chunk);
    QCOMPARE(last, status);
    QCOMPARE(reader.status(), status);
    QCOMPARE(reader.error(), error);
    if (status != SmtpReplyReader::Status::Complete)
        return;
    QCOMPARE(reader.reply().code, code);
    // Long rows leave their texts out: the size rows are about the bounds.
    if (!texts.isEmpty()) {
        QCOMPARE(reader.reply().texts(), texts);
        QCOMPARE(reader.reply().text(), text);
    }
}

void TestSmtpReplyReader::byteByByte()
{
    const QByteArray reply = "250-mx1.example.test Hello\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n";
    SmtpReplyReader reader;
    for (qsizetype i = 0; i < reply.size() - 1; ++i)
        QCOMPARE(reader.append(reply.mid(i, 1)), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.append(reply.right(1)), SmtpReplyReader::Status::Complete);
    QCOMPARE(reader.reply().texts(), (QStringList{QStringLiteral("mx1.example.test Hello"),
                                                  QStringLiteral("STARTTLS"), QStringLiteral("SMTPUTF8")}));
}

void TestSmtpReplyReader::nextReplyFromLeftover()
{
    SmtpReplyReader reader;
    QCOMPARE(reader.append("220 hi\r\n250-a\r\n250 b\r\n221 "), SmtpReplyReader::Status::Complete);
    QCOMPARE(reader.reply().code, 220);
    QCOMPARE(reader.next(), SmtpReplyReader::Status::Complete);
    QCOMPARE(reader.reply().code, 250);
    QCOMPARE(reader.reply().lines, (QList<QByteArray>{"250-a", "250 b"}));
    QCOMPARE(reader.next(), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.append("bye\r\n"), SmtpReplyReader::Status::Complete);
    QCOMPARE(reader.reply().text(), QStringLiteral("221 bye"));
    // A bad reply stays bad: nothing after it is read.
    QCOMPARE(reader.next(), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.append("garbage\r\n220 ok\r\n"), SmtpReplyReader::Status::Malformed);
    QCOMPARE(reader.next(), SmtpReplyReader::Status::Malformed);
}

void TestSmtpReplyReader::discardUnread()
{
    SmtpReplyReader reader;
    QCOMPARE(reader.append("220 2.0.0 Ready to start TLS\r\n250 injected\r\n"), SmtpReplyReader::Status::Complete);
    QCOMPARE(reader.discardUnread(), 14);
    QCOMPARE(reader.next(), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.receivedBytes(), 0);
}

void TestSmtpReplyReader::receivedSoFar()
{
    SmtpReplyReader reader;
    QCOMPARE(reader.append("250-mx1\r\n250-PIPELINING\r\n250 SIZ"), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.receivedSoFar(), QByteArray("250-mx1\n250-PIPELINING\n250 SIZ"));
    QCOMPARE(reader.receivedBytes(), 32);
    QCOMPARE(reader.append("E\r"), SmtpReplyReader::Status::Incomplete);
    QCOMPARE(reader.receivedSoFar(), QByteArray("250-mx1\n250-PIPELINING\n250 SIZE"));
}

void TestSmtpReplyReader::printable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("220 ok") << 100 << QStringLiteral("220 ok");
    QTest::newRow("controls") << QByteArray("a\tb\x7f\x00", 5) << 100 << QStringLiteral("a\\x09b\\x7f\\x00");
    QTest::newRow("invalid UTF-8") << QByteArray("a\xff") << 100 << QStringLiteral("a\ufffd");
    QTest::newRow("cut") << QByteArray("abcdef") << 3 << QStringLiteral("abc\u2026");
    QTest::newRow("exactly long enough") << QByteArray("abc") << 3 << QStringLiteral("abc");
}

void TestSmtpReplyReader::printable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    QCOMPARE(SmtpReplyReader::printable(bytes, maxChars), expected);
}

QTEST_GUILESS_MAIN(TestSmtpReplyReader)
#include "tst_smtpreplyreader.moc"
