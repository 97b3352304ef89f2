#include <QTemporaryDir>
#include <QtTest>

#include "models/campaign/campaignwindow.h"
#include "models/store/trafficstore.h"
#include "storetestutil.h"

using namespace mailtls;

// CampaignWindow's parts that need no mail server: the window's duration as
// the command line takes it, the warning for each direction, and the peers a
// window would affect, from a real store's figures (plaintext only, the
// window's directions, the last 30 days, local hops left out). Starting and
// ending a window on a real Postfix with a real atd is
// tests/integration/test_campaign_window.sh.
class TestCampaignWindow : public QObject
{
    Q_OBJECT

private slots:
    void parseDuration_data();
    void parseDuration();
    void warning_data();
    void warning();
    void affectedPeers_data();
    void affectedPeers();
};

void TestCampaignWindow::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: refused
    QTest::newRow("30m") << QStringLiteral("30m") << qint64(1800);
    QTest::newRow("4h") << QStringLiteral("4h") << qint64(14400);
    QTest::newRow("2d") << QStringLiteral("2d") << qint64(172800);
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400);
    QTest::newRow("90s upper case") << QStringLiteral("90S") << qint64(90);
    QTest::newRow("no unit") << QStringLiteral("30") << qint64(-1);
    QTest::newRow("zero") << QStringLiteral("0m") << qint64(-1);
    QTest::newRow("words") << QStringLiteral("2 days") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1h") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestCampaignWindow::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const std::optional<qint64> parsed = CampaignWindow::parseDuration(text);
    QCOMPARE(parsed.value_or(-1), seconds);
}

void TestCampaignWindow::warning_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<int>("lines");
    QTest::addColumn<bool>("mentionsRefused");
    QTest::addColumn<bool>("mentionsDeferred");
    QTest::addColumn<QString>("mta");
    QTest::addColumn<QString>("refusal"); // what the MTA answers a plaintext sender
    const QString postfix = QStringLiteral("postfix");
    const QString refused = QStringLiteral("530 5.7.0 Must issue a STARTTLS command first");
    QTest::newRow("inbound") << true << false << 3 << true << false << postfix << refused;
    QTest::newRow("outbound") << false << true << 3 << false << true << postfix << refused;
    QTest::newRow("both") << true << true << 4 << true << true << postfix << refused;
    const QString exim = QStringLiteral("exim");
    const QString deferred = QStringLiteral("Exim answers 450 TLS required at RCPT");
    QTest::newRow("exim inbound") << true << false << 3 << true << false << exim << deferred;
    QTest::newRow("exim both") << true << true << 4 << true << true << exim << deferred;
}

void TestCampaignWindow::warning()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(int, lines);
    QFETCH(bool, mentionsRefused);
    QFETCH(bool, mentionsDeferred);
    QFETCH(QString, mta);
    QFETCH(QString, refusal);
    const QString text = CampaignWindow::warning(inbound, outbound, mta);
    QCOMPARE(text.split(QLatin1Char('\n')).size(), lines);
    QVERIFY(text.startsWith(QLatin1String("A window of mandatory STARTTLS breaks a rule on purpose, for a short "
                                          "while: RFC 3207 says that a publicly referenced SMTP server must not "
                                          "require STARTTLS.")));
    QCOMPARE(text.contains(refusal), mentionsRefused);
    QCOMPARE(text.contains(mta == QLatin1String("exim") ? QLatin1String("Exim's queue") : QLatin1String("Postfix's queue")),
             mentionsDeferred);
    QCOMPARE(text.contains(QLatin1String("is deferred, not lost")), mentionsDeferred);
    QVERIFY(text.endsWith(QLatin1String("even when MailTLS is not running.")));
}

void TestCampaignWindow::affectedPeers_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<QStringList>("expected"); // "direction peer plaintext/messages"
    QTest::newRow("inbound") << true << false
                             << QStringList{QStringLiteral("inbound mx.plain.example 2/3"),
                                            QStringLiteral("inbound mx.once.example 1/1")};
    QTest::newRow("outbound") << false << true << QStringList{QStringLiteral("outbound mx.far.example 1/2")};
    QTest::newRow("both") << true << true
                          << QStringList{QStringLiteral("inbound mx.plain.example 2/3"),
                                         QStringLiteral("inbound mx.once.example 1/1"),
                                         QStringLiteral("outbound mx.far.example 1/2")};
    QTest::newRow("neither") << false << false << QStringList{};
}

void TestCampaignWindow::affectedPeers()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const qint64 now = storetest::day0 + 40 * 86400 + 43200;
    {
        TrafficStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const qint64 source = store.addSource(QStringLiteral("file:/var/log/mail.log"), QStringLiteral("mail.log"), &error);
        QVERIFY2(source > 0, qPrintable(error));
        IngestBatch batch;
        batch.sourceId = source;
        batch.position = 100000;
        auto add = [&batch](qint64 key, Direction d, const char *peer, qint64 time, bool encrypted, bool local = false) {
            TransferRecord r = storetest::transfer(key, d, QString::fromLatin1(peer), time, 1000, encrypted);
            r.local = local;
            batch.output.transfers.push_back(r);
        };
        const qint64 recent = now - 5 * 86400;
        add(1000, Direction::Inbound, "mx.plain.example", recent, false);
        add(2000, Direction::Inbound, "mx.plain.example", recent + 10, false);
        add(3000, Direction::Inbound, "mx.plain.example", recent + 20, true);
        add(4000, Direction::Inbound, "mx.once.example", recent + 30, false);
        add(5000, Direction::Inbound, "mx.good.example", recent + 40, true);
        add(6000, Direction::Outbound, "mx.far.example", recent + 50, false);
        add(7000, Direction::Outbound, "mx.far.example", recent + 60, true);
        // Older than 30 days, and a local hop: neither is affected.
        add(8000, Direction::Inbound, "mx.old.example", now - 31 * 86400, false);
        add(9000, Direction::Outbound, "localhost", recent + 70, false, true);
        QVERIFY2(store.writeBatch(batch, &error), qPrintable(error));
    }
    QString error;
    QStringList actual;
    for (const AffectedPeer &p : CampaignWindow::affectedPeers(path, inbound, outbound, now, &error))
        actual.append(QStringLiteral("%1 %2 %3/%4")
                          .arg(directionName(p.direction), p.peer)
                          .arg(p.plaintextMessages)
                          .arg(p.messages));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestCampaignWindow)
#include "tst_campaignwindow.moc"
