#include "models/sources/sourcefollower.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "models/ingest/importjob.h"
#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;

namespace {

// A source that hands on exactly the chunks the test gives it: the follower's
// part (parsing, correlation, batches with position, cursor and state) is
// under test here; the real sources have tests of their own.
class ScriptedSource final : public LogSource
{
public:
    void start(const QByteArray &cursor, qint64 streamOffset) override
    {
        startedCursor = cursor;
        startedOffset = streamOffset;
        setState(State::Following);
    }
    void stop() override { setState(State::Stopped); }

    void hand(const QByteArray &text, qint64 offset)
    {
        SourceChunk chunk;
        chunk.text = text;
        chunk.offset = offset;
        chunk.cursor = "at " + QByteArray::number(offset + text.size());
        chunk.referenceTime = 1764446000; // 2025-11-29
        emit chunkRead(chunk);
    }

    QByteArray startedCursor;
    qint64 startedOffset = -1;
};

QByteArray demoLog()
{
    QFile file(QStringLiteral(MAILTLS_TEST_DATA_DIR "/postfix-loopback/postfix.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<PeerFigures> figuresOf(const QString &path)
{
    TrafficStore store(path);
    QString error;
    if (!store.open(&error))
        return {};
    ReportFilter filter;
    filter.includeLocal = true;
    return store.peerFigures(filter, &error);
}

} // namespace

class TestSourceFollower final : public QObject
{
    Q_OBJECT

private slots:
    void restartsGiveOneCleanRead_data();
    void restartsGiveOneCleanRead();
    void batchesCarryPositionAndCursor();
};

void TestSourceFollower::restartsGiveOneCleanRead_data()
{
    QTest::addColumn<int>("restarts");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("no restart") << 0 << 1u;
    QTest::newRow("three restarts") << 3 << 2u;
    QTest::newRow("a restart every few lines") << 40 << 3u;
}

// Following a log in pieces, with the follower made again from the stored
// source between some of them, stores exactly the figures of one import of it.
void TestSourceFollower::restartsGiveOneCleanRead()
{
    QFETCH(int, restarts);
    QFETCH(quint32, seed);

    const QByteArray log = demoLog();
    QVERIFY(log.size() > 1000);
    QTemporaryDir dir;
    const QString followed = dir.filePath(QStringLiteral("followed.sqlite"));
    const QString imported = dir.filePath(QStringLiteral("imported.sqlite"));

    {
        const QString logPath = dir.filePath(QStringLiteral("mail.log"));
        QFile file(logPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(log);
        file.close();
        LogImporter::Options options;
        options.zone = QTimeZone::utc();
        ImportJob job(imported, options);
        QString error;
        QVERIFY2(job.run({logPath}, &error), qPrintable(error));
    }

    // Whole-line pieces of random sizes; restarts after random pieces.
    QList<QByteArray> pieces;
    QRandomGenerator random(seed);
    for (qsizetype at = 0; at < log.size();) {
        qsizetype end = qMin(log.size(), at + 1 + random.bounded(600));
        end = log.indexOf('\n', end - 1) + 1;
        if (end <= 0)
            end = log.size();
        pieces.append(log.mid(at, end - at));
        at = end;
    }
    QSet<int> restartAfter;
    while (restartAfter.size() < qMin(restarts, int(pieces.size()) - 1))
        restartAfter.insert(random.bounded(int(pieces.size()) - 1));

    StoreWriter writer(followed, 2);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    qint64 sourceId = -1;
    {
        TrafficStore store(followed);
        QVERIFY2(store.open(&error), qPrintable(error));
        sourceId = store.defineSource(QStringLiteral("/var/log/mail.log"), QStringLiteral("mail.log"),
                                      QStringLiteral("/var/log/mail.log"), &error);
        QVERIFY2(sourceId > 0, qPrintable(error));
    }

    SourceFollower::Options options;
    options.zone = QTimeZone::utc();
    qint64 offset = 0;
    int piece = 0;
    int followers = 0;
    while (piece < pieces.size()) {
        QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
        TrafficStore store(followed);
        QVERIFY2(store.open(&error), qPrintable(error));
        const std::optional<SourceRecord> record = store.findSource(QStringLiteral("/var/log/mail.log"), &error);
        QVERIFY(record);
        QCOMPARE(record->position, offset);

        auto source = std::make_unique<ScriptedSource>();
        ScriptedSource *scripted = source.get();
        SourceFollower follower(writer, std::move(source), *record, options);
        follower.start();
        ++followers;
        QCOMPARE(scripted->startedOffset, offset);
        QCOMPARE(scripted->startedCursor, offset == 0 ? QByteArray() : "at " + QByteArray::number(offset));
        for (; piece < pieces.size(); ++piece) {
            scripted->hand(pieces[piece], offset);
            offset += pieces[piece].size();
            if (restartAfter.contains(piece)) {
                ++piece;
                break;
            }
        }
        follower.stop();
    }
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));
    writer.stop();
    QCOMPARE(followers, restartAfter.size() + 1);

    const QList<PeerFigures> expected = figuresOf(imported);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(figuresOf(followed), expected);
    TrafficStore store(followed);
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.linesRead(), qint64(log.count('\n')));
}

void TestSourceFollower::batchesCarryPositionAndCursor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    StoreWriter writer(path, 2);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    SourceRecord record;
    {
        TrafficStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        record.id = store.defineSource(QStringLiteral("journal"), QStringLiteral("journal"),
                                       QStringLiteral("journal"), &error);
        record.name = QStringLiteral("journal");
    }
    auto source = std::make_unique<ScriptedSource>();
    ScriptedSource *scripted = source.get();
    SourceFollower::Options options;
    options.zone = QTimeZone::utc();
    options.flushIntervalMs = 50;
    SourceFollower follower(writer, std::move(source), record, options);
    QSignalSpy progressed(&follower, &SourceFollower::progressed);
    follower.start();
    const QByteArray lines = "Nov 29 10:00:00 mx postfix/smtpd[7]: connect from unknown[192.0.2.1]\n"
                             "Nov 29 10:00:01 mx dovecot[8]: imap-login: Login: user=<a>\n"
                             "not a log line at all\n";
    scripted->hand(lines, 0);
    QCOMPARE(progressed.size(), 0); // written within the flush interval, not at once
    QTRY_COMPARE(progressed.size(), 1);
    QCOMPARE(progressed.at(0).at(0).toLongLong(), qint64(lines.size()));
    QCOMPARE(progressed.at(0).at(1).toLongLong(), 3);
    QVERIFY2(writer.waitUntilWritten(&error), qPrintable(error));

    TrafficStore store(path);
    QVERIFY2(store.open(&error), qPrintable(error));
    const std::optional<SourceRecord> stored = store.findSource(QStringLiteral("journal"), &error);
    QVERIFY(stored);
    QCOMPARE(stored->position, qint64(lines.size()));
    QCOMPARE(stored->cursor, "at " + QByteArray::number(lines.size()));
    QCOMPARE(stored->linesRead, 3);
    QVERIFY(!stored->assemblerState.isEmpty()); // the session that connected is open
    const QHash<QString, qint64> unrecognised = store.unrecognisedCounts(&error);
    QCOMPARE(unrecognised.value(QStringLiteral("dovecot")), 1);
    QCOMPARE(unrecognised.value(QStringLiteral("(no prefix)")), 1);
    follower.stop();
    writer.stop();
}

QTEST_GUILESS_MAIN(TestSourceFollower)
#include "tst_sourcefollower.moc"
