#include "models/store/loglinereader.h"

#include <zlib.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "models/sources/filecursor.h"
#include "models/sources/filehandle.h"
#include "models/store/provenancequery.h"
#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace mailtls {

inline char *toString(const LogLineText &line)
{
    return QTest::toString(QStringLiteral("@%1%2 \"%3\"")
                               .arg(line.offset)
                               .arg(line.truncated ? QStringLiteral(" (truncated)") : QString())
                               .arg(line.text));
}

} // namespace mailtls

namespace {

// Five lines; the fourth is longer than LogLineReader::maxLineBytes, the last
// has no newline.
QList<QByteArray> logLines()
{
    return {"Mar 18 10:00:00 mx postfix/smtpd[100]: connect from mx.alpha.example[192.0.2.1]",
            "Mar 18 10:00:01 mx postfix/smtpd[100]: Trusted TLS connection established from "
            "mx.alpha.example[192.0.2.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
            "Mar 18 10:00:02 mx postfix/smtpd[100]: 4TsQ1x2y3zB: client=mx.alpha.example[192.0.2.1]",
            "Mar 18 10:00:03 mx postfix/cleanup[101]: 4TsQ1x2y3zB: message-id=<" + QByteArray(9000, 'x') + ">",
            "Mar 18 10:00:04 mx postfix/qmgr[102]: 4TsQ1x2y3zB: from=<news@alpha.example>, size=1000, nrcpt=1"};
}

QByteArray logText()
{
    return logLines().join('\n');
}

qint64 offsetOf(int line)
{
    qint64 offset = 0;
    const QList<QByteArray> lines = logLines();
    for (int i = 0; i < line; ++i)
        offset += lines.at(i).size() + 1;
    return offset;
}

QString identityOf(const QByteArray &firstLine)
{
    return QStringLiteral("log:sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(firstLine, QCryptographicHash::Sha256).toHex());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool writeGzip(const QString &path, const QByteArray &bytes)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!file)
        return false;
    const bool ok = gzwrite(file, bytes.constData(), unsigned(bytes.size())) == int(bytes.size());
    return gzclose(file) == Z_OK && ok;
}

LogLineText text(int line)
{
    const QByteArray bytes = logLines().at(line);
    LogLineText t;
    t.offset = offsetOf(line);
    t.truncated = bytes.size() > LogLineReader::maxLineBytes;
    t.text = QString::fromUtf8(bytes.left(int(LogLineReader::maxLineBytes)));
    return t;
}

RecordProvenance imported(const QString &path, LineOffsets offsets)
{
    RecordProvenance p;
    p.sourceId = 1;
    p.sourceIdentity = identityOf(logLines().first());
    p.sourceName = path;
    p.offsets = std::move(offsets);
    return p;
}

} // namespace

class TestDashboardProvenance final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void provenanceOfRecords_data();
    void provenanceOfRecords();
    void unknownRecord();
    void importedLog_data();
    void importedLog();
    void importedLogRefused_data();
    void importedLogRefused();
    void followedFile();
    void followedFileRefused_data();
    void followedFileRefused();
    void atMostMaxLines();
    void storeToLines();

private:
    QTemporaryDir m_dir;
    QString m_plain;
    QString m_gzip;
    KnownStore m_known;
};

void TestDashboardProvenance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_plain = m_dir.filePath(QStringLiteral("mail.log"));
    m_gzip = m_dir.filePath(QStringLiteral("mail.log.1.gz"));
    QVERIFY(writeFile(m_plain, logText()));
    QVERIFY(writeGzip(m_gzip, logText()));
    QVERIFY(m_known.make());
}

void TestDashboardProvenance::provenanceOfRecords_data()
{
    QTest::addColumn<RecordKind>("kind");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QList<qint64>>("offsets");

    // Ids and offsets of records() (the fixture gives each record its key and
    // a few lines after it).
    QTest::newRow("a message") << RecordKind::Transfer << qint64(1) << QList<qint64>{1000, 1010};
    QTest::newRow("a connection") << RecordKind::Connection << qint64(4) << QList<qint64>{3501, 3521, 3541};
    QTest::newRow("a TLS failure") << RecordKind::TlsFailure << qint64(3) << QList<qint64>{5999};
}

void TestDashboardProvenance::provenanceOfRecords()
{
    QFETCH(RecordKind, kind);
    QFETCH(qint64, id);
    QFETCH(QList<qint64>, offsets);

    QString error;
    const std::optional<RecordProvenance> p = m_known.store().provenance(kind, id, &error);
    QVERIFY2(p, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(p->kind, kind);
    QCOMPARE(p->recordId, id);
    QCOMPARE(p->sourceId, 1);
    QCOMPARE(p->sourceIdentity, QStringLiteral("log:sha256:00"));
    QCOMPARE(p->sourceName, QStringLiteral("mail.log"));
    QCOMPARE(p->sourceSpec, QString());
    QCOMPARE(p->sourcePosition, 1);
    QCOMPARE(QList<qint64>(p->offsets.begin(), p->offsets.end()), offsets);
}

void TestDashboardProvenance::unknownRecord()
{
    QString error;
    QVERIFY(!m_known.store().provenance(RecordKind::Connection, 99, &error));
    QCOMPARE(error, QStringLiteral("Cannot read figures from %1: there is no record 99 in connections")
                        .arg(m_known.path()));
}

void TestDashboardProvenance::importedLog_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::addColumn<QList<qint64>>("offsets");
    QTest::addColumn<QList<LogLineText>>("expected");

    for (const bool gzip : {false, true}) {
        const char *kind = gzip ? "gzip" : "plain";
        QTest::addRow("%s: lines in the record's order", kind)
            << gzip << QList<qint64>{offsetOf(2), offsetOf(0), offsetOf(1)} << QList<LogLineText>{text(2), text(0), text(1)};
        QTest::addRow("%s: a long line is cut", kind) << gzip << QList<qint64>{offsetOf(3)} << QList<LogLineText>{text(3)};
        QTest::addRow("%s: the last line has no newline", kind)
            << gzip << QList<qint64>{offsetOf(4)} << QList<LogLineText>{text(4)};
        QTest::addRow("%s: a line twice", kind)
            << gzip << QList<qint64>{offsetOf(1), offsetOf(1)} << QList<LogLineText>{text(1), text(1)};
    }
}

void TestDashboardProvenance::importedLog()
{
    QFETCH(bool, gzip);
    QFETCH(QList<qint64>, offsets);
    QFETCH(QList<LogLineText>, expected);

    QList<LogLineText> lines;
    QString error;
    QVERIFY2(LogLineReader::read(imported(gzip ? m_gzip : m_plain, LineOffsets(offsets.begin(), offsets.end())),
                                 &lines, &error),
             qPrintable(error));
    QCOMPARE(lines, expected);
    QVERIFY(lines.at(0).text.size() <= LogLineReader::maxLineBytes);
}

void TestDashboardProvenance::importedLogRefused_data()
{
    QTest::addColumn<QString>("file");         // relative to the test folder; empty: standard input
    QTest::addColumn<QByteArray>("content");   // written to it first, unless empty
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("says");         // %1: the file's path

    QTest::newRow("standard input") << QString() << QByteArray() << qint64(0)
                                    << QStringLiteral("this log was read from standard input; its lines cannot be "
                                                      "read back");
    QTest::newRow("gone") << QStringLiteral("gone.log") << QByteArray() << qint64(0)
                          << QStringLiteral("%1: cannot open: No such file or directory");
    QTest::newRow("another log now")
        << QStringLiteral("rotated.log") << QByteArray("Mar 19 00:00:00 mx postfix/anvil[1]: statistics\n")
        << qint64(0) << QStringLiteral("%1 is no longer the log that was imported (its first line differs)");
    QTest::newRow("emptied") << QStringLiteral("emptied.log") << QByteArray("\n") << qint64(0)
                             << QStringLiteral("%1 is no longer the log that was imported (its first line differs)");
    QTest::newRow("shorter now") << QStringLiteral("shorter.log") << logLines().first() + '\n' << offsetOf(2)
                                 << QStringLiteral("%1 is shorter than when it was read: it ends before byte ")
                                        + QString::number(offsetOf(2));
    QTest::newRow("gzip: not a line start")
        << QStringLiteral("short.log.gz") << QByteArray("gzip") << offsetOf(1) + 3
        << QStringLiteral("%1 holds no line at byte ") + QString::number(offsetOf(1) + 3)
               + QStringLiteral(" any more");
}

void TestDashboardProvenance::importedLogRefused()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(qint64, offset);
    QFETCH(QString, says);

    const QString path = file.isEmpty() ? QStringLiteral("<stdin>") : m_dir.filePath(file);
    if (content == "gzip")
        QVERIFY(writeGzip(path, logText()));
    else if (!content.isEmpty())
        QVERIFY(writeFile(path, content));
    QList<LogLineText> lines;
    QString error;
    QVERIFY(!LogLineReader::read(imported(path, {offset}), &lines, &error));
    QVERIFY(lines.isEmpty());
    QCOMPARE(error, says.contains(QLatin1String("%1")) ? says.arg(QDir::toNativeSeparators(path)) : says);
}

void TestDashboardProvenance::followedFile()
{
    // A followed log whose stream had reached byte 5000 when this file began.
    const QString path = m_dir.filePath(QStringLiteral("followed.log"));
    QVERIFY(writeFile(path, logText()));
    int code = 0;
    FileHandle file = FileHandle::open(path, &code);
    QVERIFY(file.isOpen());
    const qint64 base = 5000;
    RecordProvenance p;
    p.sourceSpec = path;
    p.sourceIdentity = path;
    p.sourceName = path;
    p.sourcePosition = base + offsetOf(4);
    p.sourceCursor = FileCursor{file.identity(), offsetOf(4)}.encode();
    p.offsets = {base + offsetOf(1), base + offsetOf(0), base + offsetOf(3)};
    QList<LogLineText> lines;
    QString error;
    QVERIFY2(LogLineReader::read(p, &lines, &error), qPrintable(error));
    QList<LogLineText> expected = {text(1), text(0), text(3)};
    for (LogLineText &t : expected)
        t.offset += base;
    QCOMPARE(lines, expected);
}

void TestDashboardProvenance::followedFileRefused_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("change");
    QTest::addColumn<qint64>("offset");   // in the stream; the file began at 5000
    QTest::addColumn<QString>("says");    // %1: the file's path

    QTest::newRow("a journal") << QStringLiteral("journal:postfix.service") << QString() << qint64(5000)
                               << QStringLiteral("the lines of %1 cannot be read back: only local log files can be");
    QTest::newRow("a remote file") << QStringLiteral("ssh://mx.example/var/log/mail.log") << QString() << qint64(5000)
                                   << QStringLiteral("the lines of %1 cannot be read back: only local log files can be");
    QTest::newRow("rotated away") << QString() << QString() << qint64(4999)
                                  << QStringLiteral("the lines of this record are in an earlier file of %1 that was "
                                                    "rotated away");
    QTest::newRow("replaced") << QString() << QStringLiteral("replace") << qint64(5000)
                              << QStringLiteral("%1 is no longer the file that was read (it was rotated or replaced)");
    QTest::newRow("no position") << QString() << QStringLiteral("no cursor") << qint64(5000)
                                 << QStringLiteral("the source %1 has no readable position; its lines cannot be "
                                                   "read back");
}

void TestDashboardProvenance::followedFileRefused()
{
    QFETCH(QString, spec);
    QFETCH(QString, change);
    QFETCH(qint64, offset);
    QFETCH(QString, says);

    const QString path = m_dir.filePath(QStringLiteral("refused.log"));
    QVERIFY(writeFile(path, logText()));
    int code = 0;
    FileHandle file = FileHandle::open(path, &code);
    QVERIFY(file.isOpen());
    RecordProvenance p;
    p.sourceSpec = spec.isEmpty() ? path : spec;
    p.sourceIdentity = p.sourceSpec;
    p.sourceName = p.sourceSpec;
    p.sourcePosition = 5000 + offsetOf(4);
    p.sourceCursor = change == QLatin1String("no cursor") ? QByteArray()
                                                          : FileCursor{file.identity(), offsetOf(4)}.encode();
    p.offsets = {offset};
    if (change == QLatin1String("replace")) {
        // A new file under the name, made while the old one still exists:
        // another inode, the same first line.
        QVERIFY(writeFile(path + QStringLiteral(".new"), logText()));
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::rename(path + QStringLiteral(".new"), path));
    }
    QList<LogLineText> lines;
    QString error;
    QVERIFY(!LogLineReader::read(p, &lines, &error));
    QCOMPARE(error, says.arg(spec.isEmpty() ? QDir::toNativeSeparators(path) : spec));
}

void TestDashboardProvenance::atMostMaxLines()
{
    LineOffsets offsets(LogLineReader::maxLines + 44, offsetOf(1));
    QList<LogLineText> lines;
    QString error;
    QVERIFY2(LogLineReader::read(imported(m_plain, offsets), &lines, &error), qPrintable(error));
    QCOMPARE(lines.size(), LogLineReader::maxLines);
    QCOMPARE(lines.last(), text(1));
}

void TestDashboardProvenance::storeToLines()
{
    // An imported log as the importer stores it: identity from its first
    // line, named by its path, records pointing at their lines.
    KnownStore known;
    QVERIFY(known.make(AssemblerOutput()));
    QString error;
    const qint64 source = known.store().addSource(identityOf(logLines().first()), m_plain, &error);
    QVERIFY2(source > 0, qPrintable(error));
    AssemblerOutput output;
    TransferRecord t = transfer(offsetOf(2), Direction::Inbound, "mx.alpha.example", "192.0.2.1", day0, 1000,
                                nullptr, "news@alpha.example");
    t.lines = {offsetOf(0), offsetOf(2), offsetOf(4)};
    output.transfers.push_back(t);
    IngestBatch batch;
    batch.sourceId = source;
    batch.output = output;
    batch.position = offsetOf(4);
    QVERIFY2(known.store().writeBatch(batch, &error), qPrintable(error));

    const std::optional<RecordProvenance> p = known.store().provenance(RecordKind::Transfer, 1, &error);
    QVERIFY2(p, qPrintable(error));
    QList<LogLineText> lines;
    QVERIFY2(LogLineReader::read(*p, &lines, &error), qPrintable(error));
    QCOMPARE(lines, (QList<LogLineText>{text(0), text(2), text(4)}));
}

QTEST_GUILESS_MAIN(TestDashboardProvenance)
#include "tst_dashboardprovenance.moc"
