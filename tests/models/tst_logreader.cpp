#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include "models/ingest/logreader.h"

using namespace mailtls;

namespace {

QByteArray gzipped(const QByteArray &data)
{
    z_stream s{};
    deflateInit2(&s, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(data.size()))) + 32, Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.truncate(int(s.total_out));
    deflateEnd(&s);
    return out;
}

struct Read
{
    QList<QByteArray> lines;
    QList<qint64> offsets;
    QString error;
    qint64 position = 0;
    qint64 unterminated = 0;
};

Read readAll(const QString &path, bool includeUnterminated)
{
    Read r;
    LogReader reader(path);
    if (!reader.open(&r.error))
        return r;
    reader.setIncludeUnterminated(includeUnterminated);
    std::string_view line;
    std::int64_t offset = 0;
    while (reader.nextLine(line, offset)) {
        r.lines.append(QByteArray(line.data(), qsizetype(line.size())));
        r.offsets.append(offset);
    }
    r.error = reader.error();
    r.position = reader.position();
    r.unterminated = reader.unterminatedBytes();
    return r;
}

// How appendLines() must group the lines nextLine() returns: whole lines, one at
// least, more while the text is shorter than `bytes` and the count below
// `maxLines`; a line without a newline (a runaway piece, the unfinished last
// line) ends a group.
struct Group
{
    QByteArray text;
    qint64 lines = 0;
    QByteArray last;
    qint64 end = 0;
};

QList<Group> expectedGroups(const QString &path, bool includeUnterminated, qint64 bytes, qint64 maxLines)
{
    QList<Group> groups;
    LogReader reader(path);
    QString error;
    if (!reader.open(&error))
        qFatal("%s", qPrintable(error));
    reader.setIncludeUnterminated(includeUnterminated);
    std::string_view line;
    std::int64_t offset = 0;
    Group group;
    while (reader.nextLine(line, offset)) {
        const qint64 terminator = reader.position() - offset - qint64(line.size());
        group.text += QByteArray(line.data(), qsizetype(line.size())) + QByteArray("\r\n").right(terminator);
        group.last = QByteArray(line.data(), qsizetype(line.size()));
        group.end = reader.position();
        ++group.lines;
        if (terminator == 0 || group.text.size() >= bytes || (maxLines > 0 && group.lines == maxLines)) {
            groups.append(group);
            group = Group();
        }
    }
    if (group.lines > 0)
        groups.append(group);
    return groups;
}

QList<Group> appendedGroups(const QString &path, bool includeUnterminated, qint64 bytes, qint64 maxLines,
                            QString *error)
{
    QList<Group> groups;
    LogReader reader(path);
    if (!reader.open(error))
        return groups;
    reader.setIncludeUnterminated(includeUnterminated);
    for (;;) {
        std::string out("kept");   // appended to, never replaced
        std::size_t lastStart = 0;
        std::size_t lastLength = 0;
        const std::int64_t lines = reader.appendLines(out, std::size_t(bytes) + 4, maxLines, lastStart, lastLength);
        if (lines == 0)
            break;
        if (out.compare(0, 4, "kept") != 0)
            *error = QStringLiteral("what the string held was changed");
        Group group;
        group.text = QByteArray(out.data() + 4, qsizetype(out.size() - 4));
        group.lines = lines;
        group.last = QByteArray(out.data() + lastStart, qsizetype(lastLength));
        group.end = reader.position();
        groups.append(group);
    }
    if (error->isEmpty())
        *error = reader.error();
    return groups;
}

} // namespace

class TestLogReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write test file");
        f.write(bytes);
        return path;
    }

private slots:
    void linesAndOffsets_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("compress");
        QTest::addColumn<bool>("includeUnterminated");
        QTest::addColumn<QList<QByteArray>>("lines");
        QTest::addColumn<QList<qint64>>("offsets");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<qint64>("unterminated");

        const QByteArray three("one\ntwo\nthree\n");
        QTest::newRow("plain") << three << false << false << QList<QByteArray>{"one", "two", "three"}
                               << QList<qint64>{0, 4, 8} << qint64(14) << qint64(0);
        QTest::newRow("gzip") << three << true << false << QList<QByteArray>{"one", "two", "three"}
                              << QList<qint64>{0, 4, 8} << qint64(14) << qint64(0);
        QTest::newRow("crlf") << QByteArray("a\r\nbb\r\n") << false << false << QList<QByteArray>{"a", "bb"}
                              << QList<qint64>{0, 3} << qint64(7) << qint64(0);
        QTest::newRow("unfinished last line kept back")
            << QByteArray("a\nhalf") << false << false << QList<QByteArray>{"a"} << QList<qint64>{0} << qint64(2)
            << qint64(4);
        QTest::newRow("unfinished last line read when asked")
            << QByteArray("a\nhalf") << false << true << QList<QByteArray>{"a", "half"} << QList<qint64>{0, 2}
            << qint64(6) << qint64(0);
        QTest::newRow("empty lines") << QByteArray("\n\nx\n") << false << false << QList<QByteArray>{"", "", "x"}
                                     << QList<qint64>{0, 1, 2} << qint64(4) << qint64(0);
        QTest::newRow("empty file") << QByteArray() << false << false << QList<QByteArray>{} << QList<qint64>{}
                                    << qint64(0) << qint64(0);
        QTest::newRow("one byte") << QByteArray("\n") << false << false << QList<QByteArray>{""}
                                  << QList<qint64>{0} << qint64(1) << qint64(0);
    }

    void linesAndOffsets()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, compress);
        QFETCH(bool, includeUnterminated);
        QFETCH(QList<QByteArray>, lines);
        QFETCH(QList<qint64>, offsets);
        QFETCH(qint64, position);
        QFETCH(qint64, unterminated);
        const QString path = write(QStringLiteral("log"), compress ? gzipped(content) : content);
        const Read r = readAll(path, includeUnterminated);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.lines, lines);
        QCOMPARE(r.offsets, offsets);
        QCOMPARE(r.position, position);
        QCOMPARE(r.unterminated, unterminated);
    }

    void largeFileAcrossChunks()
    {
        // Lines straddle the reader's 1 MiB chunks; every byte must be accounted for.
        QByteArray content;
        for (int i = 0; i < 60000; ++i)
            content += "Nov 29 10:00:00 mx postfix/smtpd[" + QByteArray::number(i) + "]: connect from unknown[192.0.2.1]\n";
        for (bool compress : {false, true}) {
            const QString path = write(compress ? QStringLiteral("big.gz") : QStringLiteral("big"),
                                       compress ? gzipped(content) : content);
            const Read r = readAll(path, false);
            QCOMPARE(r.error, QString());
            QCOMPARE(r.lines.size(), 60000);
            QCOMPARE(r.lines.last(), QByteArray("Nov 29 10:00:00 mx postfix/smtpd[59999]: connect from unknown[192.0.2.1]"));
            QCOMPARE(r.position, qint64(content.size()));
            QCOMPARE(r.offsets.at(12345), qint64(content.indexOf("postfix/smtpd[12345]") - 19));
        }
    }

    void concatenatedGzipMembersAreOneStream()
    {
        const QString path = write(QStringLiteral("cat.gz"), gzipped("a\nb\n") + gzipped("c\n"));
        const Read r = readAll(path, false);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.lines, (QList<QByteArray>{"a", "b", "c"}));
    }

    void gzipDetectedByContentNotName()
    {
        const QString path = write(QStringLiteral("mail.log.1"), gzipped("x\n"));
        QCOMPARE(readAll(path, false).lines, QList<QByteArray>{"x"});
        const QString plain = write(QStringLiteral("plain.gz"), "y\n");
        QCOMPARE(readAll(plain, false).lines, QList<QByteArray>{"y"});
    }

    void truncatedGzipIsAnError()
    {
        QByteArray z = gzipped(QByteArray(5000, 'x') + "\n" + QByteArray(5000, 'y') + "\n");
        z.chop(z.size() / 2);
        const QString path = write(QStringLiteral("trunc.gz"), z);
        const Read r = readAll(path, false);
        QVERIFY2(r.error.startsWith(path + QStringLiteral(": the gzip data ends early")), qPrintable(r.error));
    }

    void corruptGzipIsAnError()
    {
        QByteArray z = gzipped(QByteArray(20000, 'x'));
        for (int i = 20; i < z.size() - 10; ++i)
            z[i] = char(z[i] ^ 0x5a);
        const QString path = write(QStringLiteral("bad.gz"), z);
        const Read r = readAll(path, false);
        QVERIFY2(r.error.startsWith(path + QStringLiteral(": unreadable gzip data")), qPrintable(r.error));
    }

    void missingFileIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("nope.log"));
        const Read r = readAll(path, false);
        QCOMPARE(r.error, path + QStringLiteral(": cannot open: No such file or directory"));
    }

    void directoryIsRefused()
    {
        const Read r = readAll(m_dir.path(), false);
        QCOMPARE(r.error, m_dir.path() + QStringLiteral(": is a directory, not a log file"));
    }

    void appendLinesGroupsWhatNextLineReturns_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("compress");
        QTest::addColumn<bool>("includeUnterminated");

        QByteArray lines;
        for (int i = 0; i < 3000; ++i)
            lines += "Nov 29 10:00:00 mx postfix/smtpd[" + QByteArray::number(i) + "]: " + QByteArray(i % 97, 'a') + "\n";
        QTest::newRow("lines across chunks") << lines << false << false;
        QTest::newRow("gzip") << lines << true << false;
        QByteArray crlf = lines;
        crlf.replace("\n", "\r\n");
        QTest::newRow("CRLF, and a CR of the text before one") << crlf + "x\r\r\n" << false << false;
        QTest::newRow("empty lines") << QByteArray("\n\n\nx\n\n") << false << false;
        const QByteArray runaway = lines.left(5000) + QByteArray(5 * 512 * 1024 + 3, 'z') + "\n" + lines.left(9000);
        QTest::newRow("a runaway line") << runaway << false << false;
        QTest::newRow("a runaway line, gzip") << runaway << true << false;
        QTest::newRow("unfinished last line kept back") << lines + "half" << false << false;
        QTest::newRow("unfinished last line read") << lines + "half\r" << false << true;
        QTest::newRow("one line, no newline") << QByteArray("only") << false << true;
    }

    void appendLinesGroupsWhatNextLineReturns()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, compress);
        QFETCH(bool, includeUnterminated);
        const QString path = write(QStringLiteral("groups"), compress ? gzipped(content) : content);
        for (const qint64 bytes : {qint64(1), qint64(7), qint64(100), qint64(4096), qint64(300000), qint64(1) << 22}) {
            for (const qint64 maxLines : {qint64(0), qint64(1), qint64(3), qint64(1000)}) {
                const QList<Group> expected = expectedGroups(path, includeUnterminated, bytes, maxLines);
                QString error;
                const QList<Group> groups = appendedGroups(path, includeUnterminated, bytes, maxLines, &error);
                const QString at = QStringLiteral("%1 bytes, %2 lines").arg(bytes).arg(maxLines);
                QVERIFY2(error.isEmpty(), qPrintable(at + QStringLiteral(": ") + error));
                QVERIFY2(groups.size() == expected.size(), qPrintable(at));
                for (int i = 0; i < groups.size(); ++i) {
                    QVERIFY2(groups[i].text == expected[i].text, qPrintable(at + QStringLiteral(" #%1").arg(i)));
                    QVERIFY2(groups[i].lines == expected[i].lines, qPrintable(at + QStringLiteral(" #%1").arg(i)));
                    QVERIFY2(groups[i].last == expected[i].last, qPrintable(at + QStringLiteral(" #%1").arg(i)));
                    QVERIFY2(groups[i].end == expected[i].end, qPrintable(at + QStringLiteral(" #%1").arg(i)));
                }
            }
        }
    }

    void runawayLineIsCutNotBuffered()
    {
        // 2.5 MiB without a newline: handed out in 1 MiB pieces.
        const QByteArray content = QByteArray(5 * 512 * 1024, 'z') + "\nend\n";
        const Read r = readAll(write(QStringLiteral("long"), content), false);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.lines.size(), 4);
        QCOMPARE(r.lines.at(0).size(), 1024 * 1024);
        QCOMPARE(r.lines.at(1).size(), 1024 * 1024);
        QCOMPARE(r.lines.at(2).size(), 512 * 1024);
        QCOMPARE(r.offsets.at(2), qint64(2 * 1024 * 1024));
        QCOMPARE(r.lines.at(3), QByteArray("end"));
        QCOMPARE(r.position, qint64(content.size()));
    }
};

QTEST_GUILESS_MAIN(TestLogReader)
#include "tst_logreader.moc"
