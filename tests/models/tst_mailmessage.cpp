#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "models/campaign/mailmessage.h"
#include "models/campaign/mboxwriter.h"
#include "tests/models/lettertestutil.h"

using namespace mailtls;
using namespace mailtls::lettertest;

namespace {

LetterTemplate builtIn(const QString &language)
{
    QString note;
    const std::optional<LetterTemplate> t = LetterTemplate::load(language, QString(), &note);
    if (!t)
        qFatal("no built-in template %s: %s", qPrintable(language), qPrintable(note));
    return *t;
}

QDateTime letterDate()
{
    return QDateTime(QDate(2026, 11, 30), QTime(8, 0, 0), Qt::UTC);
}

MailMessage message(const ComposedLetter &letter, const MailAddress &to)
{
    MailMessage m;
    m.setFrom({QStringLiteral("Anna Schmidt"), QStringLiteral("anna@ours.example")});
    m.setTo({to});
    m.setSubject(letter.subject);
    m.setBody(letter.body);
    m.setDate(letterDate());
    m.setMessageId(QStringLiteral("campaign-1.") + to.address);
    return m;
}

// Every line ends in CRLF, no bare CR or LF, none longer than 78.
QString lineProblem(const QByteArray &bytes)
{
    if (!bytes.endsWith("\r\n"))
        return QStringLiteral("does not end in CRLF");
    const QList<QByteArray> lines = bytes.chopped(2).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return QStringLiteral("line %1 ends in a bare LF").arg(i + 1);
            line.chop(1);
        }
        if (line.contains('\r'))
            return QStringLiteral("line %1 holds a bare CR").arg(i + 1);
        if (line.size() > 78)
            return QStringLiteral("line %1 is %2 characters long").arg(i + 1).arg(line.size());
    }
    return QString();
}

// RFC 2045 6.7 decoding, to check the round trip.
QByteArray decodeQuotedPrintable(const QByteArray &encoded)
{
    QByteArray out;
    const QList<QByteArray> lines = QByteArray(encoded).replace("\r\n", "\n").split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        bool soft = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (line.at(i) != '=') {
                out += line.at(i);
            } else if (i + 1 == line.size()) {
                soft = true;
            } else {
                out += QByteArray::fromHex(line.mid(i + 1, 2));
                i += 2;
            }
        }
        if (!soft && l + 1 < lines.size())
            out += '\n';
    }
    return out;
}

// RFC 2047 Q words of a header value (unfolded), adjacent words joined.
QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?Q\\?([^?]*)\\?="));
    QString text = QString::fromLatin1(value);
    text.replace(QRegularExpression(QStringLiteral("\\?=\\s+=\\?")), QStringLiteral("?==?"));
    QString out;
    qsizetype pos = 0;
    QRegularExpressionMatchIterator it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(pos, m.capturedStart() - pos);
        QByteArray q = m.captured(1).toLatin1().replace('_', ' ');
        out += QString::fromUtf8(decodeQuotedPrintable(q));
        pos = m.capturedEnd();
    }
    out += text.mid(pos);
    return out;
}

QByteArray header(const QByteArray &message, const QByteArray &name)
{
    const QByteArray head = message.left(message.indexOf("\r\n\r\n") + 2);
    const qsizetype start = head.indexOf(name + ": ");
    if (start < 0)
        return QByteArray();
    qsizetype end = head.indexOf("\r\n", start);
    while (end + 2 < head.size() && head.at(end + 2) == ' ')
        end = head.indexOf("\r\n", end + 2);
    return head.mid(start + name.size() + 2, end - start - name.size() - 2).replace("\r\n", "");
}

} // namespace

class TestMailMessage final : public QObject
{
    Q_OBJECT

private slots:
    void englishLetter();
    void germanLetter();
    void sevenBit();
    void encodedWords_data();
    void encodedWords();
    void phrase_data();
    void phrase();
    void subjectTokens_data();
    void subjectTokens();
    void folding();
    void quotedPrintable_data();
    void quotedPrintable();
    void date_data();
    void date();
    void invalid_data();
    void invalid();
    void messageId();
    void mboxEntry();
    void mboxFile();
};

void TestMailMessage::englishLetter()
{
    const ComposedLetter letter = LetterComposer::compose(builtIn(QStringLiteral("en")), notOfferedInput());
    MailMessage m = message(letter, {QString(), QStringLiteral("bob@example.test")});
    const QByteArray bytes = m.toBytes();
    QVERIFY(sameAsFile(bytes, QStringLiteral("letter-not-offered-en.eml")));
    QCOMPARE(lineProblem(bytes), QString());
    QCOMPARE(m.toBytes(), bytes);
    const QByteArray body = bytes.mid(bytes.indexOf("\r\n\r\n") + 4);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(body)), letter.body);
}

void TestMailMessage::germanLetter()
{
    const ComposedLetter letter = LetterComposer::compose(builtIn(QStringLiteral("de")), beispielInput());
    MailMessage m = message(letter, {QStringLiteral("Jürgen Groß"), QStringLiteral("juergen@beispiel.test")});
    const QByteArray bytes = m.toBytes();
    QVERIFY(sameAsFile(bytes, QStringLiteral("letter-beispiel-de.eml")));
    QCOMPARE(lineProblem(bytes), QString());
    QCOMPARE(decodeHeader(header(bytes, "Subject")), letter.subject);
    QCOMPARE(decodeHeader(header(bytes, "To")), QStringLiteral("Jürgen Groß <juergen@beispiel.test>"));
    const QByteArray body = bytes.mid(bytes.indexOf("\r\n\r\n") + 4);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(body)), letter.body);
}

void TestMailMessage::sevenBit()
{
    MailMessage m;
    m.setFrom({QString(), QStringLiteral("anna@ours.example")});
    m.setTo({{QStringLiteral("Bob Example"), QStringLiteral("bob@example.test")},
             {QStringLiteral("Smith, Carol"), QStringLiteral("carol@example.test")}});
    m.setSubject(QStringLiteral("  Plain   subject "));
    m.setBody(QStringLiteral("Hello,\r\n\r\n.a dot and From here\nFrom the start\n"));
    m.setDate(letterDate());
    m.setMessageId(QStringLiteral("1@ours.example"));
    QCOMPARE(m.toBytes(), QByteArray("Date: Mon, 30 Nov 2026 08:00:00 +0000\r\n"
                                     "From: anna@ours.example\r\n"
                                     "To: Bob Example <bob@example.test>, \"Smith, Carol\" <carol@example.test>\r\n"
                                     "Subject: Plain subject\r\n"
                                     "Message-ID: <1@ours.example>\r\n"
                                     "MIME-Version: 1.0\r\n"
                                     "Content-Type: text/plain; charset=UTF-8\r\n"
                                     "Content-Transfer-Encoding: 7bit\r\n"
                                     "\r\n"
                                     "Hello,\r\n"
                                     "\r\n"
                                     ".a dot and From here\r\n"
                                     "From the start\r\n"));
}

void TestMailMessage::encodedWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QByteArray>>("words");
    QTest::newRow("umlauts and a space") << QStringLiteral("Jürgen Groß")
                                         << QList<QByteArray>{"=?UTF-8?Q?J=C3=BCrgen_Gro=C3=9F?="};
    QTest::newRow("specials are encoded") << QStringLiteral("a=b?c_d \"e\"")
                                          << QList<QByteArray>{"=?UTF-8?Q?a=3Db=3Fc=5Fd_=22e=22?="};
    // 48 characters of encoded text at most; a character's bytes stay
    // together in one word.
    QTest::newRow("split between characters")
        << QStringLiteral("äääääääääääääääx")
        << QList<QByteArray>{"=?UTF-8?Q?=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4?=",
                             "=?UTF-8?Q?=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4=C3=A4x?="};
    QTest::newRow("outside the BMP") << QStringLiteral("Mail \U0001F512")
                                     << QList<QByteArray>{"=?UTF-8?Q?Mail_=F0=9F=94=92?="};
}

void TestMailMessage::encodedWords()
{
    QFETCH(QString, text);
    QFETCH(QList<QByteArray>, words);
    const QList<QByteArray> actual = MailMessage::encodedWords(text);
    QCOMPARE(actual, words);
    for (const QByteArray &w : actual)
        QVERIFY(w.size() <= 60);
}

void TestMailMessage::phrase_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<QByteArray>>("tokens");
    QTest::newRow("empty") << QString() << QList<QByteArray>{};
    QTest::newRow("atoms") << QStringLiteral(" Bob  Example ") << QList<QByteArray>{"Bob", "Example"};
    QTest::newRow("specials: quoted") << QStringLiteral("Smith, \"Bob\" \\ Jr.")
                                      << QList<QByteArray>{"\"Smith, \\\"Bob\\\" \\\\ Jr.\""};
    QTest::newRow("non-ASCII: encoded whole") << QStringLiteral("Groß, Jürgen")
                                              << QList<QByteArray>{"=?UTF-8?Q?Gro=C3=9F=2C_J=C3=BCrgen?="};
    QTest::newRow("looks encoded: quoted") << QStringLiteral("=?UTF-8?Q?x?=")
                                           << QList<QByteArray>{"\"=?UTF-8?Q?x?=\""};
}

void TestMailMessage::phrase()
{
    QFETCH(QString, name);
    QFETCH(QList<QByteArray>, tokens);
    QCOMPARE(MailMessage::phraseTokens(name), tokens);
}

void TestMailMessage::subjectTokens_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QList<QByteArray>>("tokens");
    QTest::newRow("ASCII words") << QStringLiteral("Mail to example.test") << QList<QByteArray>{"Mail", "to",
                                                                                                 "example.test"};
    // The space between two encoded words would be lost: it goes inside.
    QTest::newRow("a run of non-ASCII words")
        << QStringLiteral("Bitte Verschlüsselung für E-Mail")
        << QList<QByteArray>{"Bitte", "=?UTF-8?Q?Verschl=C3=BCsselung_f=C3=BCr?=", "E-Mail"};
    QTest::newRow("an ASCII word that looks encoded") << QStringLiteral("a =?x?= b")
                                                      << QList<QByteArray>{"a", "=?UTF-8?Q?=3D=3Fx=3F=3D?=", "b"};
}

void TestMailMessage::subjectTokens()
{
    QFETCH(QString, subject);
    QFETCH(QList<QByteArray>, tokens);
    QCOMPARE(MailMessage::textTokens(subject), tokens);
}

void TestMailMessage::folding()
{
    QList<QByteArray> tokens;
    for (int i = 0; i < 12; ++i)
        tokens.append("word" + QByteArray::number(i) + "-abcdefgh");
    const QByteArray folded = MailMessage::foldHeader("Subject", tokens);
    QCOMPARE(folded, QByteArray("Subject: word0-abcdefgh word1-abcdefgh word2-abcdefgh word3-abcdefgh\r\n"
                                " word4-abcdefgh word5-abcdefgh word6-abcdefgh word7-abcdefgh word8-abcdefgh\r\n"
                                " word9-abcdefgh word10-abcdefgh word11-abcdefgh\r\n"));
    QCOMPARE(lineProblem(folded), QString());
    QCOMPARE(MailMessage::foldHeader("Subject", {}), QByteArray("Subject:\r\n"));
}

void TestMailMessage::quotedPrintable_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("umlaut, equals sign") << QStringLiteral("Grüße = Hallo\n")
                                         << QByteArray("Gr=C3=BC=C3=9Fe =3D Hallo\r\n");
    QTest::newRow("trailing space and tab") << QStringLiteral("a \nb\t\n")
                                            << QByteArray("a=20\r\nb=09\r\n");
    QTest::newRow("From at a line's start") << QStringLiteral("From here\n from there\n")
                                            << QByteArray("=46rom here\r\n from there\r\n");
    QTest::newRow("no final line end") << QStringLiteral("x\r\ny") << QByteArray("x\r\ny\r\n");
    QTest::newRow("soft breaks at 76")
        << QString(80, QLatin1Char('a')) + QStringLiteral("ü\n")
        << QByteArray(75, 'a') + "=\r\n" + "aaaaa=C3=BC\r\n";
    QTest::newRow("breaks after a space")
        << QString(50, QLatin1Char('a')) + QLatin1Char(' ') + QString(30, QLatin1Char('b')) + QLatin1Char('\n')
        << QByteArray(50, 'a') + " =\r\n" + QByteArray(30, 'b') + "\r\n";
    QTest::newRow("an escape is never split")
        << QString(74, QLatin1Char('a')) + QStringLiteral("ü\n")
        << QByteArray(74, 'a') + "=\r\n" + "=C3=BC\r\n";
}

void TestMailMessage::quotedPrintable()
{
    QFETCH(QString, body);
    QFETCH(QByteArray, encoded);
    const QByteArray actual = MailMessage::quotedPrintable(body);
    QCOMPARE(actual, encoded);
    QCOMPARE(lineProblem(actual), QString());
}

void TestMailMessage::date_data()
{
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("UTC") << letterDate() << QByteArray("Mon, 30 Nov 2026 08:00:00 +0000");
    QTest::newRow("another zone, said in UTC")
        << QDateTime(QDate(2027, 1, 3), QTime(0, 30, 5), QTimeZone(3600)) << QByteArray("Sat, 2 Jan 2027 23:30:05 +0000");
}

void TestMailMessage::date()
{
    QFETCH(QDateTime, date);
    QFETCH(QByteArray, text);
    QCOMPARE(MailMessage::dateText(date), text);
}

void TestMailMessage::invalid_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("toName");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("error");
    const QString ok = QStringLiteral("anna@ours.example");
    QTest::newRow("no sender") << QString() << QString() << ok << QString()
                               << QStringLiteral("the sender's address \"\" is not a plain address (local@domain, "
                                                 "ASCII)");
    QTest::newRow("non-ASCII address")
        << ok << QString() << QStringLiteral("jürgen@beispiel.test") << QString()
        << QStringLiteral("the recipient's address \"jürgen@beispiel.test\" is not a plain address (local@domain, "
                          "ASCII)");
    QTest::newRow("an address with a line break")
        << ok << QString() << QStringLiteral("bob@example.test\r\nBcc: eve@example.test") << QString()
        << QStringLiteral("the recipient's address \"bob@example.test\r\nBcc: eve@example.test\" is not a plain "
                          "address (local@domain, ASCII)");
    QTest::newRow("a name with a line break")
        << ok << QStringLiteral("Bob\r\nBcc: eve@example.test") << QStringLiteral("bob@example.test") << QString()
        << QStringLiteral("the name of bob@example.test holds a line break or a control character");
    QTest::newRow("a subject with a line break")
        << ok << QString() << QStringLiteral("bob@example.test") << QStringLiteral("Hi\nBcc: eve@example.test")
        << QStringLiteral("the subject holds a line break or a control character");
    QTest::newRow("two at signs") << ok << QString() << QStringLiteral("a@b@example.test") << QString()
                                  << QStringLiteral("the recipient's address \"a@b@example.test\" is not a plain "
                                                    "address (local@domain, ASCII)");
}

void TestMailMessage::invalid()
{
    QFETCH(QString, from);
    QFETCH(QString, toName);
    QFETCH(QString, to);
    QFETCH(QString, subject);
    QFETCH(QString, error);
    MailMessage m;
    m.setFrom({QString(), from});
    m.setTo({{toName, to}});
    m.setSubject(subject);
    m.setBody(QStringLiteral("text\n"));
    QString actual;
    QVERIFY(!m.isValid(&actual));
    QCOMPARE(actual, error);
    QCOMPARE(m.toBytes(), QByteArray());

    MailMessage none;
    none.setFrom({QString(), QStringLiteral("anna@ours.example")});
    QVERIFY(!none.isValid(&actual));
    QCOMPARE(actual, QStringLiteral("the letter has no recipient"));
}

void TestMailMessage::messageId()
{
    MailMessage m;
    m.setFrom({QString(), QStringLiteral("anna@Ours.Example")});
    m.setTo({{QString(), QStringLiteral("bob@example.test")}});
    const QByteArray bytes = m.toBytes();
    const QByteArray id = header(bytes, "Message-ID");
    QVERIFY2(QRegularExpression(QStringLiteral("^<[0-9a-z]+\\.[0-9a-f]{32}@ours\\.example>$"))
                 .match(QString::fromLatin1(id))
                 .hasMatch(),
             id.constData());
    QVERIFY(!header(bytes, "Date").isEmpty());
    // Made once: asking again gives the same message.
    QCOMPARE(m.toBytes(), bytes);
    QVERIFY(MailMessage::newMessageId(QStringLiteral("x.test")) != MailMessage::newMessageId(QStringLiteral("x.test")));
}

void TestMailMessage::mboxEntry()
{
    const MboxWriter::Entry entry{QStringLiteral("anna@ours.example"),
                                  QDateTime(QDate(2026, 11, 2), QTime(8, 5, 9), Qt::UTC),
                                  QByteArray("Subject: x\r\n\r\nFrom me\r\n>From you\r\n>>From them\r\nFrom\r\n"
                                             " From\r\nlast")};
    QCOMPARE(MboxWriter::entry(entry), QByteArray("From anna@ours.example Mon Nov  2 08:05:09 2026\n"
                                                  "Subject: x\n\n>From me\n>>From you\n>>>From them\nFrom\n"
                                                  " From\nlast\n\n"));
    const MboxWriter::Entry noSender{QStringLiteral("a b@c"), QDateTime(QDate(2026, 12, 24), QTime(23, 0), Qt::UTC),
                                     QByteArray("x\r\n")};
    QCOMPARE(MboxWriter::entry(noSender), QByteArray("From MAILER-DAEMON Thu Dec 24 23:00:00 2026\nx\n\n"));
}

void TestMailMessage::mboxFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("letters.mbox"));
    const QDateTime when(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
    QString error;
    QVERIFY(MboxWriter::write(path, {{QStringLiteral("a@ours.example"), when, "A: 1\r\n\r\none\r\n"},
                                     {QStringLiteral("a@ours.example"), when, "A: 2\r\n\r\ntwo\r\n"}},
                              &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("From a@ours.example Mon Nov 30 08:00:00 2026\nA: 1\n\none\n\n"
                                        "From a@ours.example Mon Nov 30 08:00:00 2026\nA: 2\n\ntwo\n\n"));

    QVERIFY(!MboxWriter::write(dir.filePath(QStringLiteral("missing/letters.mbox")), {}, &error));
    QVERIFY2(error.startsWith(dir.filePath(QStringLiteral("missing/letters.mbox")) + QStringLiteral(" cannot be written: ")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
