#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "models/probe/probeservice.h"
#include "models/settings/settings.h"
#include "models/store/trafficstore.h"
#include "models/sources/sourcemanager.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/queryrunner.h"
#include "widgets/dashboard/overviewpage.h"
#include "widgets/dashboard/peerdetailpage.h"
#include "widgets/dashboard/peerspage.h"
#include "widgets/filterbar.h"
#include "widgets/firstrunassistant.h"
#include "widgets/mainwindow.h"
#include "widgets/probe/probepage.h"
#include "widgets/probe/probereportview.h"
#include "widgets/probe/verdictlabel.h"

using namespace mailtls;

namespace {

QString writeLog(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mail.log"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("Nov 29 10:00:00 mx postfix/smtpd[100]: connect from mail.example.org[192.0.2.10]\n"
            "Nov 29 10:00:01 mx postfix/smtpd[100]: 4A1B2C3D4E: client=mail.example.org[192.0.2.10]\n"
            "Nov 29 10:00:01 mx postfix/qmgr[102]: 4A1B2C3D4E: from=<a@example.org>, size=2000, nrcpt=1 "
            "(queue active)\n"
            "Nov 29 10:00:01 mx postfix/smtpd[100]: disconnect from mail.example.org[192.0.2.10] ehlo=1 "
            "mail=1 rcpt=1 data=1 quit=1 commands=5\n");
    return path;
}

bool bannerShows(const MainWindow &window, const QString &text)
{
    const QLabel *banner = window.findChild<QLabel *>(QStringLiteral("banner"));
    return banner && !banner->isHidden() && banner->text().contains(text);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Pages remember their state; tests start from none.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // A cancelled import says what became of what was read: the log being
    // read is taken back, the ones before it stay.
    void saysWhatACancelledImportLeft()
    {
        MainWindow window;
        BackgroundImport::Result result;
        result.cancelled = true;
        emit window.backgroundImport()->finished(result);
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Import cancelled. The log being read was taken back; the logs read before it stay. "
                                "Import the same logs again to go on."));
    }

    void showsDemoDataMarkedAsSuch()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.loadDemo();
        QVERIFY(shown.wait(60000));
        QVERIFY(window.context()->isDemo());
        QVERIFY(window.windowTitle().contains(QStringLiteral("demo data")));
        QVERIFY(bannerShows(window, QStringLiteral("Demo data.")));
        TrafficStore store(window.context()->storePath());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.linesRead(&error), qint64(4000));
    }

    void importsLogsIntoTheAppStoreInTheBackground()
    {
        QTemporaryDir dir;
        const QString log = writeLog(dir);
        MainWindow window;
        window.setAppStore(dir.filePath(QStringLiteral("app.sqlite")));
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.importLogs({log});
        QVERIFY(window.backgroundImport()->isRunning());
        QVERIFY(shown.wait(60000));
        QCOMPARE(shown.count(), 1);
        QVERIFY(!window.backgroundImport()->isRunning());
        QCOMPARE(window.context()->storePath(), dir.filePath(QStringLiteral("app.sqlite")));
        QVERIFY(!window.context()->isDemo());
        QCOMPARE(window.windowTitle(), QStringLiteral("MailTLS"));
        TrafficStore store(dir.filePath(QStringLiteral("app.sqlite")));
        QString error;
        QVERIFY(store.open(&error));
        const QList<PeerFigures> figures = store.peerFigures(ReportFilter{}, &error);
        QCOMPARE(figures.size(), 1);
        QCOMPARE(figures.first().peer, QStringLiteral("mail.example.org"));
        QCOMPARE(figures.first().messages, qint64(1));
    }

    void reportsALogItCannotRead()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.setAppStore(dir.filePath(QStringLiteral("app.sqlite")));
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.importLogs({QStringLiteral("/nonexistent/mail.log")});
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("/nonexistent/mail.log: cannot open: No such file or directory"));
        QVERIFY(bannerShows(window, QStringLiteral("/nonexistent/mail.log: cannot open")));
    }

    void remembersFiltersPageAndLayout()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mailtls.ini"));
        QString lastPage;
        {
            Settings settings(file);
            MainWindow window(&settings);
            window.show();
            window.context()->setRange(DashboardContext::Range::Week);
            window.context()->setDirection(Direction::Outbound);
            window.context()->setGroupBy(ReportFilter::GroupBy::Domain);
            auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
            QVERIFY(navigation->count() >= 2);
            navigation->setCurrentRow(1);
            lastPage = window.currentPage()->objectName();
            window.close();
        }
        Settings settings(file);
        MainWindow again(&settings);
        QCOMPARE(again.context()->range(), DashboardContext::Range::Week);
        QCOMPARE(again.context()->direction(), std::optional<Direction>(Direction::Outbound));
        QCOMPARE(again.context()->groupBy(), ReportFilter::GroupBy::Domain);
        QCOMPARE(lastPage, QStringLiteral("peersPage"));
        QCOMPARE(again.currentPage()->objectName(), lastPage);
        auto *bar = again.findChild<FilterBar *>();
        QCOMPARE(bar->rangeBox()->currentText(), QStringLiteral("Last 7 days"));
        QCOMPARE(bar->directionBox()->currentText(), QStringLiteral("Outbound"));
        QCOMPARE(bar->groupBox()->currentText(), QStringLiteral("Domain"));
    }

    void theFilterBarDrivesTheContext()
    {
        MainWindow window;
        auto *bar = window.findChild<FilterBar *>();
        QSignalSpy changed(window.context(), &DashboardContext::filterChanged);
        bar->directionBox()->setCurrentIndex(bar->directionBox()->findText(QStringLiteral("Inbound")));
        QCOMPARE(window.context()->filter().directions, QList<Direction>{Direction::Inbound});
        bar->groupBox()->setCurrentIndex(1);
        QCOMPARE(window.context()->filter().groupBy, ReportFilter::GroupBy::Domain);
        QCOMPARE(changed.count(), 2);
    }

    void aPeerOpensItsPageAndBackReturns()
    {
        QTemporaryDir dir;
        const QString log = writeLog(dir);
        MainWindow window;
        window.setAppStore(dir.filePath(QStringLiteral("app.sqlite")));
        window.show();
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.importLogs({log});
        QVERIFY(shown.wait(60000));
        window.showPage(QStringLiteral("peersPage"));
        auto *peers = qobject_cast<PeersPage *>(window.page(QStringLiteral("peersPage")));
        auto *detail = qobject_cast<PeerDetailPage *>(window.page(QStringLiteral("peerDetailPage")));
        QVERIFY(peers && detail);
        // Not reachable before a peer is chosen.
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(3)->data(Qt::UserRole).toString(), QStringLiteral("peerDetailPage"));
        QVERIFY(!navigation->item(3)->flags().testFlag(Qt::ItemIsEnabled));
        window.showPage(QStringLiteral("peerDetailPage"));
        QCOMPARE(window.currentPage(), peers);

        QSignalSpy loaded(detail, &PeerDetailPage::loaded);
        emit peers->peerActivated(QStringLiteral("mail.example.org"), Direction::Inbound);
        QCOMPARE(window.currentPage(), detail);
        QCOMPARE(detail->peer(), QStringLiteral("mail.example.org"));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(detail->detail().peer, QStringLiteral("mail.example.org"));
        emit detail->backRequested();
        QCOMPARE(window.currentPage(), peers);
    }

    void anImportRefreshesThePages()
    {
        QTemporaryDir dir;
        const QString log = writeLog(dir);
        MainWindow window;
        window.setAppStore(dir.filePath(QStringLiteral("app.sqlite")));
        QSignalSpy data(window.context(), &DashboardContext::dataChanged);
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.importLogs({log});
        QVERIFY(shown.wait(60000));
        QVERIFY(data.wait(2000));
    }

    void theFirstRunAssistantIsAskedOnceAndActedOn()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
        MainWindow window(&settings);
        window.show();
        window.runFirstRunAssistant();
        auto *assistant = window.findChild<FirstRunAssistant *>(QStringLiteral("firstRunAssistant"));
        QVERIFY(assistant);
        QVERIFY(assistant->isVisible());
        auto *demo = assistant->findChild<QRadioButton *>(QStringLiteral("demoOption"));
        QVERIFY(demo);
        demo->setChecked(true);
        assistant->accept();
        QCOMPARE(settings.firstRunDone(), true);
        QTRY_VERIFY(!window.findChild<FirstRunAssistant *>(QStringLiteral("firstRunAssistant")));
    }

    // A followed log grows: the Overview shows the new mail without anyone
    // asking, from the batches the live source commits.
    void aLiveSourceUpdatesTheOverview()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("live.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Nov 29 09:00:00 mx postfix/smtpd[90]: connect from a.example.org[192.0.2.20]\n"
                   "Nov 29 09:00:01 mx postfix/smtpd[90]: disconnect from a.example.org[192.0.2.20] ehlo=1 "
                   "quit=1 commands=2\n");
        file.flush();
        const QString storePath = dir.filePath(QStringLiteral("mailtls.sqlite"));
        SourceManager manager(storePath, SourceContext::defaults());
        QString error;
        QVERIFY2(manager.open(&error), qPrintable(error));
        QVERIFY2(manager.addSource(log, &error), qPrintable(error));

        MainWindow window;
        window.setSourceManager(&manager);
        window.setAppStore(storePath);
        window.openStore(storePath);
        window.show();
        auto *overview = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overviewPage")));
        QVERIFY(overview);
        const auto inboundMessages = [overview] {
            for (const DirectionShare &share : overview->figures().shares)
                if (share.direction == Direction::Inbound)
                    return share.messages;
            return qint64(-1);
        };
        QTRY_COMPARE_WITH_TIMEOUT(inboundMessages(), qint64(0), 20000);

        file.write("Nov 29 10:00:00 mx postfix/smtpd[100]: connect from mail.example.org[192.0.2.10]\n"
                   "Nov 29 10:00:01 mx postfix/smtpd[100]: 4A1B2C3D4E: client=mail.example.org[192.0.2.10]\n"
                   "Nov 29 10:00:01 mx postfix/qmgr[102]: 4A1B2C3D4E: from=<a@example.org>, size=2000, nrcpt=1 "
                   "(queue active)\n"
                   "Nov 29 10:00:01 mx postfix/smtpd[100]: disconnect from mail.example.org[192.0.2.10] ehlo=1 "
                   "mail=1 rcpt=1 data=1 quit=1 commands=5\n");
        file.flush();
        QTRY_COMPARE_WITH_TIMEOUT(inboundMessages(), qint64(1), 20000);
    }

    // The pages share one query thread: a filter change reads for the page
    // shown, and a hidden page reads when it is shown.
    void onlyTheShownPageReadsOnAFilterChange()
    {
        QTemporaryDir dir;
        const QString log = writeLog(dir);
        MainWindow window;
        window.setAppStore(dir.filePath(QStringLiteral("app.sqlite")));
        window.show();
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.importLogs({log});
        QVERIFY(shown.wait(60000));
        QVERIFY(window.context()->runner()->waitForIdle());
        QCOMPARE(window.currentPage()->objectName(), QStringLiteral("overviewPage"));

        window.context()->setDirection(Direction::Outbound);
        QCOMPARE(window.context()->runner()->pending(), 1);
        QVERIFY(window.context()->runner()->waitForIdle());

        QSignalSpy tlsLoaded(window.page(QStringLiteral("tlsQualityPage")), SIGNAL(loaded()));
        window.showPage(QStringLiteral("tlsQualityPage"));
        QCOMPARE(window.context()->runner()->pending(), 1);
        QVERIFY(tlsLoaded.wait(30000));
    }

    void theProbePageProbesWhatAPageAsksFor()
    {
        // A mail server on loopback that offers no STARTTLS.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress(QStringLiteral("127.0.7.20")), 0));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            QTcpSocket *socket = server.nextPendingConnection();
            socket->write("220 plain.example.test ESMTP\r\n");
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine().toUpper();
                    socket->write(line.startsWith("EHLO") ? "250-plain.example.test\r\n250 8BITMIME\r\n"
                                  : line.startsWith("QUIT") ? "221 Bye\r\n"
                                                            : "502 Not here\r\n");
                }
            });
        });

        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
        settings.setProbeDnsServer(QStringLiteral("127.0.0.1"));
        settings.setProbeTimeout(5);
        settings.setProbeConcurrency(2);
        MainWindow window(&settings);
        const ProbeOptions options = window.probeService()->options();
        QCOMPARE(options.dnsServer, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(options.readTimeoutMs, 5000);
        QCOMPARE(options.connectTimeoutMs, 5000);
        QCOMPARE(options.concurrency, 2);
        window.openStore(dir.filePath(QStringLiteral("app.sqlite")));
        QCOMPARE(window.probeService()->storePath(), dir.filePath(QStringLiteral("app.sqlite")));
        window.show();

        // Fifth in the list, Ctrl+5; the peer page stays fourth (Ctrl+4).
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(3)->data(Qt::UserRole).toString(), QStringLiteral("peerDetailPage"));
        QCOMPARE(navigation->item(4)->data(Qt::UserRole).toString(), QStringLiteral("probePage"));
        QCOMPARE(navigation->item(4)->text(), QStringLiteral("Probe"));
        QVERIFY(navigation->item(4)->toolTip().endsWith(QStringLiteral("(Ctrl+5)")));
        auto *probe = qobject_cast<ProbePage *>(window.page(QStringLiteral("probePage")));
        QVERIFY(probe);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), probe);
        window.showPage(QStringLiteral("overviewPage"));

        // The Peers page asks; the window shows the Probe page and probes.
        auto *peers = qobject_cast<PeersPage *>(window.page(QStringLiteral("peersPage")));
        ProbeTarget target;
        target.kind = ProbeTarget::Kind::Host;
        target.name = QStringLiteral("127.0.7.20");
        target.port = server.serverPort();
        QSignalSpy shown(probe, &ProbePage::reportShown);
        QSignalSpy stored(window.probeService(), &ProbeService::stored);
        QSignalSpy data(window.context(), &DashboardContext::dataChanged);
        emit peers->probeRequested(target);
        QCOMPARE(window.currentPage(), probe);
        QCOMPARE(probe->targetEdit()->text(), QStringLiteral("127.0.7.20:%1").arg(server.serverPort()));
        QCOMPARE(probe->state(), ProbePage::State::Probing);
        QVERIFY(shown.wait(20000));
        QCOMPARE(probe->reportView()->verdictLabel()->text(), QStringLiteral("No TLS"));
        // Kept in the store: every page hears of it.
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 10000);
        QVERIFY(data.wait(2000));
    }

    void closingWhileLoadingDoesNotCrash()
    {
        auto *window = new MainWindow;
        window->loadDemo();
        delete window;   // the destructor waits for the worker
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
