#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "models/ingest/backgroundimport.h"
#include "models/store/trafficstore.h"

using namespace mailtls;

namespace {

// `sessions` inbound sessions of four lines each, every third encrypted.
QString writeLog(const QString &path, int sessions, int firstPid)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < sessions; ++i) {
        const int pid = firstPid + i;
        const QByteArray host = "mx" + QByteArray::number(i % 7) + ".example.org[192.0.2." + QByteArray::number(i % 7 + 1) + "]";
        const QByteArray time = "Nov 20 10:" + QByteArray::number(10 + (i / 60) % 50) + ":" +
                                QByteArray::number(10 + i % 50);
        const QByteArray queue = QByteArray::number(0x10000 + pid, 16).toUpper() + "A";
        const QByteArray prefix = time + " mx postfix/smtpd[" + QByteArray::number(pid) + "]: ";
        file.write(prefix + "connect from " + host + "\n");
        if (i % 3 == 0)
            file.write(prefix + "Anonymous TLS connection established from " + host +
                       ": TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n");
        file.write(prefix + queue + ": client=" + host + "\n");
        file.write(time + " mx postfix/qmgr[99]: " + queue + ": from=<a@example.org>, size=1000, nrcpt=1 (queue active)\n");
        file.write(prefix + "disconnect from " + host + " ehlo=1 " + (i % 3 == 0 ? "starttls=1 " : "") +
                   "mail=1 rcpt=1 data=1 quit=1 commands=" + (i % 3 == 0 ? "6" : "5") + "\n");
    }
    return path;
}

qint64 messages(const QString &db)
{
    TrafficStore store(db);
    QString error;
    if (!store.open(&error))
        return -1;
    qint64 total = 0;
    for (const PeerFigures &f : store.peerFigures(ReportFilter{}, &error))
        total += f.messages;
    return total;
}

} // namespace

class TestBackgroundImport : public QObject
{
    Q_OBJECT

private slots:
    void importsWithProgressUpToTheEnd()
    {
        QTemporaryDir dir;
        const QString a = writeLog(dir.filePath(QStringLiteral("a.log")), 300, 1000);
        const QString b = writeLog(dir.filePath(QStringLiteral("b.log")), 200, 5000);
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        BackgroundImport import;
        QSignalSpy progress(&import, &BackgroundImport::progress);
        QSignalSpy finished(&import, &BackgroundImport::finished);
        LogImporter::Options options;
        options.batchLines = 100;
        QVERIFY(import.start(db, {a, b}, options));
        QVERIFY(import.isRunning());
        QVERIFY(!import.start(db, {a}, options));
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<BackgroundImport::Result>();
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.cancelled);
        QCOMPARE(result.summaries.size(), 2);
        QCOMPARE(result.summaries.at(0).linesRead, 300 * 4 + 100);
        QCOMPARE(result.summaries.at(1).linesRead, 200 * 4 + 67);
        QVERIFY(progress.count() >= 2);
        int last = -1;
        for (const QList<QVariant> &signal : progress) {
            QVERIFY(signal.first().toInt() > last);
            last = signal.first().toInt();
        }
        QCOMPARE(last, 1000);
        QCOMPARE(messages(db), qint64(500));
    }

    // Cancel takes back the log being read; the logs read before it stay.
    void aCancelledImportTakesBackTheLogBeingRead()
    {
        QTemporaryDir dir;
        const QString small = writeLog(dir.filePath(QStringLiteral("small.log")), 300, 1000);
        const QString big = writeLog(dir.filePath(QStringLiteral("big.log")), 20000, 30000);
        const QString db = dir.filePath(QStringLiteral("store.sqlite"));
        BackgroundImport import;
        QSignalSpy finished(&import, &BackgroundImport::finished);
        LogImporter::Options options;
        options.batchLines = 500;
        // Cancelled once the big log (read second: its first stamp is the same,
        // and it was given second) is a few batches in.
        connect(&import, &BackgroundImport::progressed, &import, [&import](const ImportProgress &p) {
            if (p.phase == ImportProgress::Phase::Reading && p.fileNumber == 2 && p.lines > 300 * 4 + 100 + 3000)
                import.cancel();
        });
        QVERIFY(import.start(db, {small, big}, options));
        QVERIFY(finished.wait(60000));
        const auto cancelled = finished.first().first().value<BackgroundImport::Result>();
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.summaries.size(), 2);
        QCOMPARE(cancelled.summaries.at(0).outcome, ImportSummary::Outcome::New);
        QCOMPARE(cancelled.summaries.at(1).outcome, ImportSummary::Outcome::Cancelled);
        QVERIFY(cancelled.summaries.at(1).linesRead > 3000);
        QCOMPARE(messages(db), qint64(300));

        disconnect(&import, &BackgroundImport::progressed, nullptr, nullptr);
        QVERIFY(import.start(db, {small, big}, options));
        QVERIFY(finished.wait(60000));
        const auto again = finished.last().first().value<BackgroundImport::Result>();
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.summaries.at(0).outcome, ImportSummary::Outcome::AlreadyComplete);
        QCOMPARE(again.summaries.at(1).outcome, ImportSummary::Outcome::New);
        QCOMPARE(messages(db), qint64(20300));
    }

    void progressCarriesTheFigures()
    {
        QTemporaryDir dir;
        const QString a = writeLog(dir.filePath(QStringLiteral("a.log")), 2000, 1000);
        BackgroundImport import;
        QSignalSpy figures(&import, &BackgroundImport::progressed);
        QSignalSpy finished(&import, &BackgroundImport::finished);
        LogImporter::Options options;
        options.batchLines = 100;
        QVERIFY(import.start(dir.filePath(QStringLiteral("s.sqlite")), {a}, options));
        QVERIFY(finished.wait(60000));
        QVERIFY(figures.count() >= 2);
        const auto first = figures.first().first().value<ImportProgress>();
        const auto last = figures.last().first().value<ImportProgress>();
        QCOMPARE(first.phase, ImportProgress::Phase::Looking);
        QCOMPARE(first.file, a);
        QCOMPARE(last.phase, ImportProgress::Phase::Reading);
        QVERIFY(last.finished);
        QCOMPARE(last.lines, qint64(2000 * 4 + 667));
        QCOMPARE(last.rawBytes, QFileInfo(a).size());
        QCOMPARE(last.rawTotal, QFileInfo(a).size());
        QCOMPARE(last.fileNumber, 1);
        QCOMPARE(last.fileCount, 1);
    }

    void aLogItCannotReadEndsWithItsError()
    {
        QTemporaryDir dir;
        BackgroundImport import;
        QSignalSpy finished(&import, &BackgroundImport::finished);
        QVERIFY(import.start(dir.filePath(QStringLiteral("s.sqlite")), {dir.filePath(QStringLiteral("missing.log"))}));
        QVERIFY(finished.wait(60000));
        const auto result = finished.first().first().value<BackgroundImport::Result>();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("missing.log")), qPrintable(result.error));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundImport)
#include "tst_backgroundimport.moc"
