#include "widgets/dashboard/peerdetailpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QLabel>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "models/itemmodels/correspondentmodel.h"
#include "models/itemmodels/peerconnectionmodel.h"
#include "models/itemmodels/peerfailuremodel.h"
#include "models/report/dashboardcsv.h"
#include "tests/models/tst_dashboardfixture.h"
#include "tests/widgets/peerdetailtestutil.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/exportmenu.h"
#include "widgets/dashboard/peerfigurespanel.h"
#include "widgets/dashboard/provenanceview.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/trendchart.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

using namespace mailtls::peerdetailtest;

class TestPeerDetailPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void figures_data();
    void figures();
    void figureToolTips();
    void timeline();
    void tables();
    void emptyPeer();
    void filterChangeRequeries();
    void directionNarrowing();
    void groupingRenamesThePeer();
    void liveUpdateKeepsSelection();
    void hiddenPageQueriesWhenShown();
    void unreadableStore();
    void csvByteForByte();
    void cardCsv_data();
    void cardCsv();
    void timelineCsv();
    void logLinesOfAConnection_data();
    void logLinesOfAConnection();
    void logLinesOfAFailure();
    void logLinesThatCannotBeRead();
    void backRequested();
    void viewsAreAccessible();

private:
    void useStore(DashboardContext &context, const QString &path);
    bool showAndWait(PeerDetailPage &page, const QString &peer, std::optional<Direction> direction = {});
    bool makeLogStore();

    KnownStore m_known;
    QTemporaryDir m_logDir;
    QString m_logPath;
    QString m_logStorePath;
};

void TestPeerDetailPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_known.make());
    QVERIFY(makeLogStore());
}

bool TestPeerDetailPage::makeLogStore()
{
    if (!m_logDir.isValid())
        return false;
    m_logPath = m_logDir.filePath(QStringLiteral("mail.log"));
    QFile log(m_logPath);
    const QByteArray text = logLines.join('\n') + '\n';
    if (!log.open(QIODevice::WriteOnly) || log.write(text) != text.size())
        return false;
    log.close();

    m_logStorePath = m_logDir.filePath(QStringLiteral("traffic.sqlite"));
    TrafficStore store(m_logStorePath);
    QString error;
    if (!store.open(&error))
        return false;
    const QString identity = QStringLiteral("log:sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(logLines.first(), QCryptographicHash::Sha256).toHex());
    const qint64 source = store.addSource(identity, m_logPath, &error);
    if (source <= 0)
        return false;
    const TlsDetails alpha13 = tls(Trust::Trusted, "TLSv1.3", "TLS_AES_256_GCM_SHA384", 256);
    ConnectionRecord c = connection(offsetOf(0), Direction::Inbound, "mx.alpha.example", "192.0.2.1",
                                    day0 + 10 * hour, true, alpha13);
    c.lines = {offsetOf(0), offsetOf(1), offsetOf(3)};
    TlsFailureRecord f = failure(offsetOf(2), Direction::Inbound, "mx.alpha.example", "192.0.2.1",
                                 day0 + 10 * hour + 2, TlsProblem::LostAfterStarttls, "lost connection");
    IngestBatch batch;
    batch.sourceId = source;
    batch.output.connections.push_back(c);
    batch.output.failures.push_back(f);
    batch.position = text.size();
    return store.writeBatch(batch, &error);
}

void TestPeerDetailPage::useStore(DashboardContext &context, const QString &path)
{
    context.setReferenceTime(day0 + 4 * day);
    context.setRange(DashboardContext::Range::Custom, day0, day0 + 4 * day);
    context.setStore(path, false);
}

bool TestPeerDetailPage::showAndWait(PeerDetailPage &page, const QString &peer, std::optional<Direction> direction)
{
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    page.showPeer(peer, direction);
    return loaded.wait(waitMs);
}

void TestPeerDetailPage::figures_data()
{
    QTest::addColumn<ReportFilter::GroupBy>("groupBy");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<FigureTexts>("expected");

    // The fixture's records over 2024-03-18..21 (tst_dashboardfixture.h);
    // times local, and the tests run in UTC. Columns: messages, encrypted,
    // bytes, connections, TLS failures, TLS versions, trust, last seen.
    const auto host = ReportFilter::GroupBy::Host;
    QTest::newRow("an outbound host") << host << QStringLiteral("mail.beta.example")
                                      << FigureTexts{{Direction::Outbound,
                                                      texts({"2", "50.0 %", "6.8 KiB", "2 (1 encrypted)", "1",
                                                             "TLSv1.2 (1)", "Untrusted", "2024-03-20 08:00:00"})}};
    QTest::newRow("an inbound host, two TLS versions")
        << host << QStringLiteral("mx.alpha.example")
        << FigureTexts{{Direction::Inbound, texts({"3", "66.7 %", "3.4 KiB", "3 (2 encrypted)", "0",
                                                   "TLSv1.2 (1), TLSv1.3 (1)", "Trusted to Verified",
                                                   "2024-03-19 09:00:00"})}};
    QTest::newRow("a domain's hosts together")
        << ReportFilter::GroupBy::Domain << QStringLiteral("beta.example")
        << FigureTexts{{Direction::Outbound, texts({"3", "66.7 %", "8.3 KiB", "3 (2 encrypted)", "2",
                                                    "TLSv1.2 (1), TLSv1.3 (1)", "Untrusted to Verified",
                                                    "2024-03-20 08:00:00"})}};
    QTest::newRow("submission without TLS details")
        << host << QStringLiteral("client.gamma.example")
        << FigureTexts{{Direction::Submission, texts({"1", "100.0 %", "700 bytes", "1 (1 encrypted)", "0",
                                                      "not logged (1)", "–", "2024-03-18 13:00:00"})}};
    QTest::newRow("no messages, a failure") << host << QStringLiteral("203.0.113.9")
                                            << FigureTexts{{Direction::Inbound,
                                                            texts({"0", "–", "0 bytes", "1 (0 encrypted)", "1", "–",
                                                                   "–", "2024-03-19 03:00:05"})}};
}

void TestPeerDetailPage::figures()
{
    QFETCH(ReportFilter::GroupBy, groupBy);
    QFETCH(QString, peer);
    QFETCH(FigureTexts, expected);

    DashboardContext context;
    useStore(context, m_known.path());
    context.setGroupBy(groupBy);
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, peer));
    QCOMPARE(page.peer(), peer);
    QCOMPARE(page.titleLabel()->text(), peer);
    QCOMPARE(page.figuresCard()->note(), QString());
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission}) {
        QCOMPARE(page.figuresPanel()->showsDirection(d), expected.contains(d));
        if (!expected.contains(d))
            continue;
        QStringList shown;
        for (int f = 0; f < PeerFiguresPanel::figureCount; ++f)
            shown << page.figuresPanel()->text(d, Figure(f));
        QCOMPARE(shown, expected.value(d));
    }
}

void TestPeerDetailPage::figureToolTips()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    const auto tip = [&page](Figure figure) { return page.figuresPanel()->toolTip(Direction::Outbound, figure); };
    QCOMPARE(tip(Figure::EncryptedShare), QStringLiteral("1 of 2 messages encrypted, 1 in plaintext"));
    QCOMPARE(tip(Figure::Bytes), QStringLiteral("7,000 bytes, 4,000 of them encrypted (57.1 %)"));
    QCOMPARE(tip(Figure::TlsVersions), QStringLiteral("Cipher suites: DHE-RSA-AES256-GCM-SHA384 (1)"));
    QCOMPARE(tip(Figure::LastSeen), QStringLiteral("2024-03-20T08:00:00Z UTC"));
    QVERIFY(tip(Figure::Trust).startsWith(QLatin1String("The certificate was not signed")));
}

void TestPeerDetailPage::timeline()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    // Four UTC days: the range is longer than 72 hours.
    const TrendChart *chart = page.timeline();
    QCOMPARE(chart->trend().bucket, TrendBucket::Day);
    QCOMPARE(values(chart->encryptedSet()), (QList<qreal>{0, 0, 1, 0}));
    QCOMPARE(values(chart->plaintextSet()), (QList<qreal>{1, 0, 0, 0}));
    QCOMPARE(points(chart->failureSeries()), (QList<QPointF>{{0, 1}, {1, 0}, {2, 0}, {3, 0}}));
    QCOMPARE(page.timelineCard()->note(), QString());

    // In bytes, the unit follows the largest day (4000 bytes: KiB).
    page.measureBox()->setCurrentIndex(page.measureBox()->findData(int(TrendChart::Measure::Bytes)));
    QCOMPARE(chart->measure(), TrendChart::Measure::Bytes);
    QCOMPARE(chart->byteUnit(), QStringLiteral("KiB"));
    QCOMPARE(values(chart->encryptedSet()), (QList<qreal>{0, 0, 4000.0 / 1024, 0}));
    QCOMPARE(values(chart->plaintextSet()), (QList<qreal>{3000.0 / 1024, 0, 0, 0}));
    page.measureBox()->setCurrentIndex(page.measureBox()->findData(int(TrendChart::Measure::Messages)));
}

void TestPeerDetailPage::tables()
{
    DashboardContext context;
    useStore(context, m_known.path());
    context.setGroupBy(ReportFilter::GroupBy::Domain);
    PeerDetailPage page(&context);
    QAbstractItemModelTester tester(page.connectionsView()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(showAndWait(page, QStringLiteral("beta.example")));

    QCOMPARE(shownRows(page.connectionsView()),
             (QList<QStringList>{texts({"2024-03-20 08:00:00", "Outbound", "mail.beta.example", "198.51.100.7:25",
                                        "Encrypted", "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", "DHE (size not logged)",
                                        "Untrusted"}),
                                 texts({"2024-03-19 15:00:00", "Outbound", "relay.beta.example", "198.51.100.8:25",
                                        "Encrypted", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "X25519 (253 bits)",
                                        "Verified"}),
                                 texts({"2024-03-18 12:00:00", "Outbound", "mail.beta.example", "198.51.100.7:25",
                                        "Plaintext", "", "", "", ""})}));
    QCOMPARE(shownRows(page.failuresView()),
             (QList<QStringList>{texts({"2024-03-19 14:59:00", "Outbound", "relay.beta.example", "198.51.100.8:25",
                                        "Certificate not accepted",
                                        "certificate verification failed: untrusted issuer"}),
                                 texts({"2024-03-18 11:59:50", "Outbound", "mail.beta.example", "198.51.100.7:25",
                                        "DH key too small", "dh key too small"})}));
    // Most messages first; ties keep the store's order (ours, then by address).
    QCOMPARE(shownRows(page.correspondentsView()),
             (QList<QStringList>{
                 texts({"Outbound", "Ours", "alice@ours.example", "3", "2", "66.7 %", "2024-03-20 08:00:00"}),
                 texts({"Outbound", "Theirs", "carol@beta.example", "2", "1", "50.0 %", "2024-03-20 08:00:00"}),
                 texts({"Outbound", "Theirs", "dave@beta.example", "1", "0", "0.0 %", "2024-03-18 12:00:00"}),
                 texts({"Outbound", "Theirs", "erin@beta.example", "1", "1", "100.0 %", "2024-03-19 15:00:00"})}));
    // The encryption column carries the chart colours' mark.
    const QModelIndex mark = page.connectionsView()->model()->index(0, PeerConnectionModel::EncryptionColumn);
    QVERIFY(mark.data(Qt::DecorationRole).canConvert<QIcon>());
    QCOMPARE(page.connectionsView()->model()->index(0, PeerConnectionModel::HostColumn).data(Qt::DecorationRole),
             QVariant());
    for (DashboardCard *card : {page.connectionsCard(), page.failuresCard(), page.correspondentsCard()})
        QCOMPARE(card->note(), QString());
}

void TestPeerDetailPage::emptyPeer()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("nobody.example")));
    QCOMPARE(page.figuresCard()->note(), QStringLiteral("No mail with nobody.example in this range."));
    QCOMPARE(page.timelineCard()->note(), QStringLiteral("No mail in this range."));
    QCOMPARE(page.connectionsCard()->note(), QStringLiteral("No connections in this range."));
    QCOMPARE(page.failuresCard()->note(), QStringLiteral("No TLS failures in this range."));
    QCOMPARE(page.correspondentsCard()->note(), QStringLiteral("No envelope addresses in this range."));
    for (Direction d : {Direction::Inbound, Direction::Outbound, Direction::Submission})
        QVERIFY(!page.figuresPanel()->showsDirection(d));
    QVERIFY(!page.connectionLogLinesAction()->isEnabled());
}

void TestPeerDetailPage::filterChangeRequeries()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    page.show();
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("2"));

    // 2024-03-19..22: the encrypted message of the 20th alone.
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    context.setRange(DashboardContext::Range::Custom, day0 + day, day0 + 5 * day);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.shownFilter().since, std::optional<qint64>(day0 + day));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("1"));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::EncryptedShare), QStringLiteral("100.0 %"));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::TlsFailures), QStringLiteral("0"));
    QCOMPARE(values(page.timeline()->encryptedSet()), (QList<qreal>{0, 1, 0, 0}));
    QCOMPARE(page.connectionModel()->rowCount(), 1);
    QCOMPARE(page.failureModel()->rowCount(), 0);
    QCOMPARE(page.failuresCard()->note(), QStringLiteral("No TLS failures in this range."));
    QVERIFY(page.scopeLabel()->text().startsWith(context.rangeTitle()));
}

void TestPeerDetailPage::directionNarrowing()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    page.show();
    // Opened from an outbound row: mx.alpha.example has no outbound mail.
    QVERIFY(showAndWait(page, QStringLiteral("mx.alpha.example"), Direction::Outbound));
    QCOMPARE(page.shownFilter().directions, QList<Direction>{Direction::Outbound});
    QCOMPARE(page.figuresCard()->note(), QStringLiteral("No mail with mx.alpha.example in this range."));
    QVERIFY(page.scopeLabel()->text().contains(QLatin1String("Outbound mail only")));
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    page.showAllDirections();
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.shownFilter().directions, QList<Direction>{});
    QCOMPARE(page.figuresPanel()->text(Direction::Inbound, Figure::Messages), QStringLiteral("3"));
    QVERIFY(page.scopeLabel()->text().contains(QLatin1String("All directions")));

    // Narrowed to inbound, then the filter bar picks outbound: it decides.
    QVERIFY(showAndWait(page, QStringLiteral("mx.alpha.example"), Direction::Inbound));
    QCOMPARE(page.shownFilter().directions, QList<Direction>{Direction::Inbound});
    loaded.clear();
    context.setDirection(Direction::Outbound);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.direction(), std::optional<Direction>());
    QCOMPARE(page.shownFilter().directions, QList<Direction>{Direction::Outbound});
    QVERIFY(page.scopeLabel()->text().contains(QLatin1String("Outbound mail")));
}

void TestPeerDetailPage::groupingRenamesThePeer()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    page.show();
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    QSignalSpy renamed(&page, &PeerDetailPage::peerChanged);
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    context.setGroupBy(ReportFilter::GroupBy::Domain);
    QCOMPARE(page.peer(), QStringLiteral("beta.example"));
    QCOMPARE(renamed.count(), 1);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("3"));
    // Back to hosts: the host it showed before.
    loaded.clear();
    context.setGroupBy(ReportFilter::GroupBy::Host);
    QCOMPARE(page.peer(), QStringLiteral("mail.beta.example"));
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("2"));
}

void TestPeerDetailPage::liveUpdateKeepsSelection()
{
    KnownStore live;
    QVERIFY(live.make());
    DashboardContext context;
    useStore(context, live.path());
    PeerDetailPage page(&context);
    page.show();
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    QTableView *view = page.connectionsView();
    view->selectRow(1);
    const QPersistentModelIndex selected = view->currentIndex();
    QCOMPARE(selected.data(KeyedTableModel::RecordIdRole).toLongLong(), 5);
    QVERIFY(page.connectionLogLinesAction()->isEnabled());
    QSignalSpy reset(view->model(), &QAbstractItemModel::modelReset);

    // A new connection lands on the 21st; the page hears of it batched.
    AssemblerOutput more;
    more.connections.push_back(connection(20001, Direction::Outbound, "mail.beta.example", "198.51.100.7",
                                          day0 + 3 * day, false));
    QVERIFY(live.write(more));
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    context.notifyDataChanged();
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.connectionModel()->rowCount(), 3);
    QCOMPARE(reset.count(), 0);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 2);
    QCOMPARE(view->currentIndex(), QModelIndex(selected));
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view->selectionModel()->selectedRows().first().data(KeyedTableModel::RecordIdRole).toLongLong(), 5);
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Connections), QStringLiteral("3 (1 encrypted)"));
}

void TestPeerDetailPage::hiddenPageQueriesWhenShown()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    // Hidden, it only notes the change ...
    context.setRange(DashboardContext::Range::Custom, day0 + day, day0 + 4 * day);
    QCOMPARE(context.runner()->pending(), 0);
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("2"));
    // ... and reads when shown.
    QSignalSpy loaded(&page, &PeerDetailPage::loaded);
    page.show();
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.figuresPanel()->text(Direction::Outbound, Figure::Messages), QStringLiteral("1"));
}

void TestPeerDetailPage::unreadableStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("not-a-store.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    DashboardContext context;
    useStore(context, path);
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    const QString note = page.figuresCard()->note();
    QVERIFY2(note.startsWith(QLatin1String("Cannot read the figures: ")), qPrintable(note));
    QVERIFY2(note.contains(path), qPrintable(note));
    QCOMPARE(page.connectionsCard()->note(), note);
}

void TestPeerDetailPage::csvByteForByte()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example"), Direction::Outbound));
    const QString expected = QStringLiteral(R"csv(# MailTLS peer mail.beta.example
# Time range: 2024-03-18T00:00:00Z to 2024-03-22T00:00:00Z (UTC; the start included, the end not)
# Selection: outbound; peers named by host; local hops left out
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), most first

# Figures
direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc
outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),DHE-RSA-AES256-GCM-SHA384 (1),untrusted,untrusted,2024-03-20T08:00:00Z,,

# Encrypted and plaintext mail per day (UTC days)
start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,tls_failures
2024-03-18T00:00:00Z,0,1,0,3000,1
2024-03-19T00:00:00Z,0,0,0,0,0
2024-03-20T00:00:00Z,1,0,4000,0,0
2024-03-21T00:00:00Z,0,0,0,0,0

# Connections, newest first
time_utc,direction,host,peer_ip,port,encrypted,protocol,cipher_suite,cipher_bits,key_exchange,key_exchange_bits,dhe,trust
2024-03-20T08:00:00Z,outbound,mail.beta.example,198.51.100.7,25,yes,TLSv1.2,DHE-RSA-AES256-GCM-SHA384,256,,,yes,untrusted
2024-03-18T12:00:00Z,outbound,mail.beta.example,198.51.100.7,25,no,,,,,,no,

# TLS failures, newest first
time_utc,direction,host,peer_ip,port,problem,reason
2024-03-18T11:59:50Z,outbound,mail.beta.example,198.51.100.7,25,dh-key-too-small,dh key too small

# Correspondents (envelope addresses; our side of inbound mail is not recorded)
direction,side,address,messages,encrypted_messages,last_seen_utc
outbound,ours,alice@ours.example,2,1,2024-03-20T08:00:00Z
outbound,theirs,carol@beta.example,2,1,2024-03-20T08:00:00Z
outbound,theirs,dave@beta.example,1,0,2024-03-18T12:00:00Z
)csv");
    QCOMPARE(page.csv(), expected);
}

void TestPeerDetailPage::cardCsv_data()
{
    // What each card's Copy puts on the clipboard: that card alone.
    QTest::addColumn<QString>("card");
    QTest::addColumn<QString>("expected");

    const QString scope = QStringLiteral(
        "# Time range: 2024-03-18T00:00:00Z to 2024-03-22T00:00:00Z (UTC; the start included, the end not)\n"
        "# Selection: outbound; peers named by host; local hops left out\n"
        "# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or "
        "bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their "
        "count), most first\n\n");
    QTest::newRow("figures")
        << QStringLiteral("figures")
        << QStringLiteral("# MailTLS peer mail.beta.example: Figures\n") + scope
               + QStringLiteral(
                   "# Figures\n"
                   "direction,peer,messages,encrypted_messages,plaintext_messages,encrypted_messages_percent,bytes,"
                   "encrypted_bytes,connections,encrypted_connections,tls_failures,tls_versions,cipher_suites,"
                   "best_trust,worst_trust,last_seen_utc,last_probe,last_probe_utc\n"
                   "outbound,mail.beta.example,2,1,1,50.0,7000,4000,2,1,1,TLSv1.2 (1),DHE-RSA-AES256-GCM-SHA384 (1),"
                   "untrusted,untrusted,2024-03-20T08:00:00Z,,\n");
    QTest::newRow("timeline")
        << QStringLiteral("timeline")
        << QStringLiteral("# MailTLS peer mail.beta.example: Encrypted and plaintext mail per day (UTC days)\n")
               + scope
               + QStringLiteral("# Encrypted and plaintext mail per day (UTC days)\n"
                                "start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,"
                                "tls_failures\n"
                                "2024-03-18T00:00:00Z,0,1,0,3000,1\n"
                                "2024-03-19T00:00:00Z,0,0,0,0,0\n"
                                "2024-03-20T00:00:00Z,1,0,4000,0,0\n"
                                "2024-03-21T00:00:00Z,0,0,0,0,0\n");
    QTest::newRow("connections")
        << QStringLiteral("connections")
        << QStringLiteral("# MailTLS peer mail.beta.example: Connections, newest first\n") + scope
               + QStringLiteral("# Connections, newest first\n"
                                "time_utc,direction,host,peer_ip,port,encrypted,protocol,cipher_suite,cipher_bits,"
                                "key_exchange,key_exchange_bits,dhe,trust\n"
                                "2024-03-20T08:00:00Z,outbound,mail.beta.example,198.51.100.7,25,yes,TLSv1.2,"
                                "DHE-RSA-AES256-GCM-SHA384,256,,,yes,untrusted\n"
                                "2024-03-18T12:00:00Z,outbound,mail.beta.example,198.51.100.7,25,no,,,,,,no,\n");
    QTest::newRow("TLS failures")
        << QStringLiteral("failures")
        << QStringLiteral("# MailTLS peer mail.beta.example: TLS failures, newest first\n") + scope
               + QStringLiteral("# TLS failures, newest first\n"
                                "time_utc,direction,host,peer_ip,port,problem,reason\n"
                                "2024-03-18T11:59:50Z,outbound,mail.beta.example,198.51.100.7,25,dh-key-too-small,"
                                "dh key too small\n");
    QTest::newRow("correspondents")
        << QStringLiteral("correspondents")
        << QStringLiteral("# MailTLS peer mail.beta.example: Correspondents (envelope addresses; our side of "
                          "inbound mail is not recorded)\n")
               + scope
               + QStringLiteral("# Correspondents (envelope addresses; our side of inbound mail is not recorded)\n"
                                "direction,side,address,messages,encrypted_messages,last_seen_utc\n"
                                "outbound,ours,alice@ours.example,2,1,2024-03-20T08:00:00Z\n"
                                "outbound,theirs,carol@beta.example,2,1,2024-03-20T08:00:00Z\n"
                                "outbound,theirs,dave@beta.example,1,0,2024-03-18T12:00:00Z\n");
}

void TestPeerDetailPage::cardCsv()
{
    QFETCH(QString, card);
    QFETCH(QString, expected);

    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example"), Direction::Outbound));
    const QHash<QString, DashboardCard *> cards{{QStringLiteral("figures"), page.figuresCard()},
                                                {QStringLiteral("timeline"), page.timelineCard()},
                                                {QStringLiteral("connections"), page.connectionsCard()},
                                                {QStringLiteral("failures"), page.failuresCard()},
                                                {QStringLiteral("correspondents"), page.correspondentsCard()}};
    QVERIFY(cards.value(card));
    QVERIFY(cards.value(card)->exportMenu());
    QCOMPARE(copied(cards.value(card)->exportMenu()), expected);
}

void TestPeerDetailPage::timelineCsv()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("relay.beta.example")));
    const QString expected = QStringLiteral(R"csv(# MailTLS peer relay.beta.example: Encrypted and plaintext mail per day (UTC days)
# Time range: 2024-03-18T00:00:00Z to 2024-03-22T00:00:00Z (UTC; the start included, the end not)
# Selection: inbound, outbound, submission; peers named by host; local hops left out
# Units: messages, connections and failures are counts; bytes are bytes; percentages are of messages or bytes; times are UTC (ISO 8601); TLS versions and cipher suites list encrypted connections (their count), most first

# Encrypted and plaintext mail per day (UTC days)
start_utc,encrypted_messages,plaintext_messages,encrypted_bytes,plaintext_bytes,tls_failures
2024-03-18T00:00:00Z,0,0,0,0,0
2024-03-19T00:00:00Z,1,0,1500,0,1
2024-03-20T00:00:00Z,0,0,0,0,0
2024-03-21T00:00:00Z,0,0,0,0,0
)csv");
    QCOMPARE(page.csv(DashboardCsv::PeerPart::Timeline), expected);
    QCOMPARE(copied(page.timelineCard()->exportMenu()), expected);
    QCOMPARE(values(page.timeline()->encryptedSet()), (QList<qreal>{0, 1, 0, 0}));
}

void TestPeerDetailPage::logLinesOfAConnection_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("Enter") << QStringLiteral("enter");
    QTest::newRow("the button") << QStringLiteral("button");
    QTest::newRow("the context menu's action") << QStringLiteral("action");
    QTest::newRow("a double-click") << QStringLiteral("double-click");
}

void TestPeerDetailPage::logLinesOfAConnection()
{
    QFETCH(QString, how);

    DashboardContext context;
    useStore(context, m_logStorePath);
    PeerDetailPage page(&context);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(showAndWait(page, QStringLiteral("mx.alpha.example")));
    QTableView *view = page.connectionsView();
    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(!page.connectionLogLinesAction()->isEnabled());
    view->setFocus();
    view->selectRow(0);
    QVERIFY(page.connectionLogLinesAction()->isEnabled());
    QVERIFY(!page.findChild<ProvenanceView *>());

    if (how == QLatin1String("enter")) {
        QTest::keyClick(view, Qt::Key_Return);
    } else if (how == QLatin1String("button")) {
        QToolButton *button = nullptr;
        for (QToolButton *b : page.connectionsCard()->findChildren<QToolButton *>()) {
            if (b->defaultAction() == page.connectionLogLinesAction())
                button = b;
        }
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    } else if (how == QLatin1String("action")) {
        QVERIFY(view->actions().contains(page.connectionLogLinesAction()));
        QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        page.connectionLogLinesAction()->trigger();
    } else {
        const QRect cell = view->visualRect(view->model()->index(0, PeerConnectionModel::HostColumn));
        // What a window system sends: a click, then the second press as a
        // double-click, then its release.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, cell.center());
    }

    auto *lines = page.findChild<ProvenanceView *>();
    QVERIFY(lines);
    QSignalSpy loaded(lines, &ProvenanceView::loaded);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(page.findChildren<ProvenanceView *>().size(), 1);
    QCOMPARE(lines->kind(), RecordKind::Connection);
    QCOMPARE(lines->recordId(), 1);
    QCOMPARE(lines->subject(),
             QStringLiteral("Inbound connection with mx.alpha.example (192.0.2.1:25) at 2024-03-18 10:00:00"));
    QCOMPARE(lines->linesText(),
             QStringLiteral("Mar 18 10:00:00 mx postfix/smtpd[100]: connect from mx.alpha.example[192.0.2.1]\n"
                            "Mar 18 10:00:01 mx postfix/smtpd[100]: Trusted TLS connection established from "
                            "mx.alpha.example[192.0.2.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
                            "Mar 18 10:00:03 mx postfix/smtpd[100]: disconnect from mx.alpha.example[192.0.2.1] "
                            "ehlo=2 starttls=1 quit=1 commands=4"));
    QCOMPARE(lines->sourceText(), QStringLiteral("From the imported log %1").arg(m_logPath));
    // Lines 0, 1 and 3 of the log: 79, 165 and 105 bytes long, each with its newline.
    QCOMPARE(lines->offsetsText(), QStringLiteral("3 lines, at bytes 0, 80, 352 of the source's stream"));
    QCOMPARE(lines->problemText(), QString());
    QVERIFY(lines->textView()->isReadOnly());
    QVERIFY(lines->textView()->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(lines->textView()->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(lines->textView()->font().fixedPitch() || QFontInfo(lines->textView()->font()).fixedPitch());
    QVERIFY(lines->copyButton()->isEnabled());
    QApplication::clipboard()->clear();
    QTest::mouseClick(lines->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), lines->linesText() + QLatin1Char('\n'));
    lines->close();
}

void TestPeerDetailPage::logLinesOfAFailure()
{
    DashboardContext context;
    useStore(context, m_logStorePath);
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mx.alpha.example")));
    page.failuresView()->selectRow(0);
    page.failureLogLinesAction()->trigger();
    auto *lines = page.findChild<ProvenanceView *>();
    QVERIFY(lines);
    QSignalSpy loaded(lines, &ProvenanceView::loaded);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(lines->kind(), RecordKind::TlsFailure);
    QCOMPARE(lines->subject(), QStringLiteral("Inbound TLS failure with mx.alpha.example (192.0.2.1:25) at "
                                              "2024-03-18 10:00:02: lost connection"));
    QCOMPARE(lines->linesText(), QStringLiteral("Mar 18 10:00:02 mx postfix/smtpd[101]: SSL_accept error from "
                                                "mx.alpha.example[192.0.2.1]: lost connection"));
    QCOMPARE(lines->offsetsText(), QStringLiteral("One line, at byte 246 of the source's stream"));
    lines->close();
}

void TestPeerDetailPage::logLinesThatCannotBeRead()
{
    // The fixture's records name a log "mail.log" that is not there.
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    page.failuresView()->selectRow(0);
    page.failureLogLinesAction()->trigger();
    auto *lines = page.findChild<ProvenanceView *>();
    QVERIFY(lines);
    QSignalSpy loaded(lines, &ProvenanceView::loaded);
    QVERIFY(loaded.wait(waitMs));
    QCOMPARE(lines->sourceText(), QStringLiteral("From the imported log mail.log"));
    QCOMPARE(lines->offsetsText(), QStringLiteral("One line, at byte 3999 of the source's stream"));
    QCOMPARE(lines->problemText(),
             QStringLiteral("The lines cannot be shown: mail.log: cannot open: No such file or directory."));
    QCOMPARE(lines->linesText(), QString());
    QVERIFY(!lines->copyButton()->isEnabled());
    lines->close();
}

void TestPeerDetailPage::backRequested()
{
    DashboardContext context;
    useStore(context, m_known.path());
    PeerDetailPage page(&context);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QVERIFY(showAndWait(page, QStringLiteral("mail.beta.example")));
    QSignalSpy back(&page, &PeerDetailPage::backRequested);
    QTest::mouseClick(page.backButton(), Qt::LeftButton);
    QCOMPARE(back.count(), 1);
    page.connectionsView()->setFocus();
    QTest::keyClick(page.connectionsView(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(back.count(), 2);
    QTest::keyClick(page.correspondentsView(), Qt::Key_Backspace);
    QCOMPARE(back.count(), 3);
}

void TestPeerDetailPage::viewsAreAccessible()
{
    DashboardContext context;
    PeerDetailPage page(&context);
    QCOMPARE(page.objectName(), QStringLiteral("peerDetailPage"));
    QCOMPARE(page.connectionsView()->accessibleName(), QStringLiteral("Connections"));
    QCOMPARE(page.failuresView()->accessibleName(), QStringLiteral("TLS failures"));
    QCOMPARE(page.correspondentsView()->accessibleName(), QStringLiteral("Correspondents"));
    QVERIFY(!page.measureBox()->accessibleName().isEmpty());
    QVERIFY(!page.backButton()->accessibleName().isEmpty());
    for (QTableView *view : {page.connectionsView(), page.failuresView(), page.correspondentsView()}) {
        QVERIFY(view->isSortingEnabled());
        QVERIFY(!view->tabKeyNavigation());
        for (int column = 0; column < view->model()->columnCount(); ++column)
            QVERIFY(!view->model()->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    // Nothing is queried before a peer is named.
    QCOMPARE(context.runner()->pending(), 0);
    QCOMPARE(page.peer(), QString());
}

QTEST_MAIN(TestPeerDetailPage)
#include "tst_peerdetailpage.moc"
