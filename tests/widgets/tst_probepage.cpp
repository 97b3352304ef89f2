// The Probe page against small SMTP servers written here, on loopback
// addresses of their own: no name is ever resolved (the targets are IP
// literals, and the DNS server is 127.0.0.1 all the same).

#include <memory>

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include "models/itemmodels/probeeventmodel.h"
#include "models/itemmodels/probefindingmodel.h"
#include "models/itemmodels/probehistorymodel.h"
#include "models/itemmodels/probehostmodel.h"
#include "models/probe/probereporttext.h"
#include "models/probe/probeservice.h"
#include "models/store/trafficstore.h"
#include "tests/models/tst_dashboardfixture.h"
#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/probe/findingsview.h"
#include "widgets/probe/probepage.h"
#include "widgets/probe/probereportview.h"
#include "widgets/probe/probesteplog.h"
#include "widgets/probe/verdictlabel.h"

using namespace mailtls;
using dashboardtest::KnownStore;

namespace {

// An SMTP server that knows no STARTTLS (Plain), or accepts connections and
// never says a word (Stall).
class TestSmtpServer final : public QObject
{
public:
    enum class Mode { Plain, Stall };

    TestSmtpServer(const QString &address, Mode mode)
        : m_mode(mode)
    {
        m_server.listen(QHostAddress(address), 0);
        connect(&m_server, &QTcpServer::newConnection, this, &TestSmtpServer::accept);
    }

    bool listening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    QString target() const
    {
        return QStringLiteral("%1:%2").arg(m_server.serverAddress().toString()).arg(m_server.serverPort());
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (m_mode == Mode::Stall)
                continue;
            socket->write("220 plain.example.test ESMTP\r\n");
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                while (socket->canReadLine()) {
                    const QByteArray line = socket->readLine().trimmed().toUpper();
                    if (line.startsWith("EHLO")) {
                        socket->write("250-plain.example.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                    } else if (line.startsWith("QUIT")) {
                        socket->write("221 2.0.0 Bye\r\n");
                        socket->disconnectFromHost();
                    } else {
                        socket->write("502 5.5.2 Command not recognized\r\n");
                    }
                }
            });
        }
    }

    Mode m_mode;
    QTcpServer m_server;
    int m_connections = 0;
};

ProbeOptions testOptions(const char *dnsServer = "127.0.0.1")
{
    ProbeOptions options;
    options.dnsServer = QHostAddress(QString::fromLatin1(dnsServer));
    options.connectTimeoutMs = 3000;
    options.readTimeoutMs = 5000;
    options.dnsTimeoutMs = 1000;
    options.hostSpacingMs = 0;
    options.cacheSeconds = 0;
    return options;
}

// A store, a context over it, a service writing to it and the page.
struct Fixture
{
    explicit Fixture(const ProbeOptions &options = testOptions())
    {
        store = std::make_unique<KnownStore>();
        ok = store->make();
        context.setStore(store->path(), false);
        service = std::make_unique<ProbeService>(options);
        service->setStorePath(store->path());
        page = std::make_unique<ProbePage>(&context, service.get());
        page->resize(1200, 800);
        page->show();
    }

    std::unique_ptr<KnownStore> store;
    bool ok = false;
    DashboardContext context;
    std::unique_ptr<ProbeService> service;
    std::unique_ptr<ProbePage> page;
};

QStringList hostRow(const ProbeHostModel *model, int row)
{
    QStringList texts;
    for (int c = 0; c < model->columnCount(); ++c)
        texts << model->index(row, c).data().toString();
    return texts;
}

QStringList findingCodes(const ProbeFindingModel *model)
{
    QStringList codes;
    for (const Finding &f : model->findings())
        codes << f.code;
    return codes;
}

QList<ProbeStep> steps(const ProbeEventModel *model)
{
    QList<ProbeStep> list;
    for (const ProbeEventModel::Entry &e : model->entries())
        list << e.event.step;
    return list;
}

void typeAndEnter(ProbePage &page, const QString &text)
{
    page.targetEdit()->clear();
    QTest::keyClicks(page.targetEdit(), text);
    QTest::keyClick(page.targetEdit(), Qt::Key_Return);
}

} // namespace

class TestProbePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // "Fix on This Computer…" only for a finding a fix changes, about an
    // address of this computer.
    void fixButtonOnlyForTheOwnServer()
    {
        FindingsView view;
        const auto finding = [](const char *code, const char *address) {
            Finding f;
            f.code = QString::fromLatin1(code);
            f.severity = Severity::High;
            f.address = QHostAddress(QString::fromLatin1(address));
            f.title = f.code;
            return f;
        };
        view.setFindings({finding("dh-weak", "127.0.0.1"), finding("dh-weak", "192.0.2.25"),
                          finding("old-protocols", "127.0.0.1")});
        const QList<std::pair<int, bool>> expected {{0, true}, {1, false}, {2, false}};
        for (const auto &[row, shown] : expected) {
            view.selectFinding(row);
            QCOMPARE(view.currentFinding()->address, view.model()->findings().at(row).address);
            QCOMPARE(view.fixButton()->isVisibleTo(&view), shown);
        }
        view.selectFinding(0);
        QSignalSpy fix(&view, &FindingsView::fixRequested);
        view.fixButton()->click();
        QCOMPARE(fix.count(), 1);
        QCOMPARE(fix.first().first().value<MailService::Fix>(), MailService::Fix::Logjam);
        QCOMPARE(FindingsView::fixFor(finding("no-starttls", "::1")), std::optional(MailService::Fix::StartTls));
        QCOMPARE(FindingsView::fixFor(finding("no-starttls", "198.51.100.7")), std::nullopt);
    }

    void probesAServerWithoutStartTls()
    {
        TestSmtpServer server(QStringLiteral("127.0.7.1"), TestSmtpServer::Mode::Plain);
        QVERIFY(server.listening());
        Fixture f;
        QVERIFY(f.ok);
        ProbePage &page = *f.page;
        QSignalSpy shown(&page, &ProbePage::reportShown);
        QSignalSpy stored(f.service.get(), &ProbeService::stored);

        typeAndEnter(page, server.target());
        QCOMPARE(page.state(), ProbePage::State::Probing);
        QCOMPARE(page.stateText(), QStringLiteral("Probing %1…").arg(server.target()));
        QVERIFY(page.cancelButton()->isEnabled());
        QVERIFY(shown.wait(20000));

        QCOMPARE(page.state(), ProbePage::State::Finished);
        QCOMPARE(page.stateText(), QStringLiteral("%1: No TLS").arg(server.target()));
        QVERIFY(!page.cancelButton()->isEnabled());
        ProbeReportView *report = page.reportView();
        QCOMPARE(report->verdictLabel()->text(), QStringLiteral("No TLS"));
        QCOMPARE(report->verdictLabel()->accessibleName(), QStringLiteral("Verdict: No TLS"));
        QCOMPARE(report->titleText(), server.target());
        QCOMPARE(report->policyText(), QString());

        // One address, probed once: the session found no STARTTLS.
        QCOMPARE(report->hostModel()->rowCount(), 1);
        QCOMPARE(
            hostRow(report->hostModel(), 0),
            (QStringList {QStringLiteral("127.0.7.1"), server.target(), QStringLiteral("No TLS"),
                          QStringLiteral("Plaintext"), QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–"),
                          QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–"), QStringLiteral("–")}));
        QVERIFY(report->summaryText().contains(QStringLiteral("1 SMTP sessions")));

        // The finding, selected at once, with its evidence: the EHLO reply.
        FindingsView *findings = report->findingsView();
        QCOMPARE(findingCodes(findings->model()), QStringList {QStringLiteral("no-starttls")});
        const Finding &finding = findings->model()->findings().first();
        QCOMPARE(finding.severity, Severity::High);
        QCOMPARE(finding.title, QStringLiteral("STARTTLS is not offered: mail to this server travels in plaintext"));
        QCOMPARE(finding.evidence, QStringLiteral("250-plain.example.test\n250-PIPELINING\n250 8BITMIME"));
        QVERIFY(findings->currentFinding());
        QCOMPARE(findings->currentFinding()->code, QStringLiteral("no-starttls"));
        QCOMPARE(findings->details()->toPlainText(), ProbeFindingModel::detailText(finding));
        QVERIFY(findings->details()->toPlainText().startsWith(
            QStringLiteral("STARTTLS is not offered: mail to this server travels in plaintext\n"
                           "Severity: High · 127.0.7.1\n\nEvidence:\n"
                           "250-plain.example.test\n250-PIPELINING\n250 8BITMIME\n\nWhat to do:\n")));
        QVERIFY(findings->details()->isReadOnly());
        // The server is this computer (a loopback address): its own fix.
        QVERIFY(findings->fixButton()->isVisibleTo(findings));
        QSignalSpy fix(findings, &FindingsView::fixRequested);
        findings->fixButton()->click();
        QCOMPARE(fix.count(), 1);
        QCOMPARE(fix.first().first().value<MailService::Fix>(), MailService::Fix::StartTls);
        QVERIFY(findings->copyButton()->isEnabled());
        findings->copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), ProbeFindingModel::detailText(finding));
        QVERIFY(report->copyReportButton()->isEnabled());
        report->copyReportButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), ProbeReportText::format(report->report()));
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("STARTTLS is not offered")));

        // Each step as it happened.
        const QList<ProbeStep> seen = steps(page.stepLog()->eventModel());
        for (ProbeStep step : {ProbeStep::Connect, ProbeStep::Banner, ProbeStep::Ehlo})
            QVERIFY2(seen.contains(step), qPrintable(QString::number(int(step))));
        QVERIFY(seen.indexOf(ProbeStep::Connect) < seen.indexOf(ProbeStep::Banner));
        QVERIFY(seen.indexOf(ProbeStep::Banner) < seen.indexOf(ProbeStep::Ehlo));
        const ProbeEventModel *log = page.stepLog()->eventModel();
        const int connectRow = int(seen.indexOf(ProbeStep::Connect));
        QCOMPARE(log->index(connectRow, ProbeEventModel::AddressColumn).data().toString(), QStringLiteral("127.0.7.1"));
        QCOMPARE(log->index(connectRow, ProbeEventModel::TargetColumn).data().toString(), server.target());
        QCOMPARE(log->index(connectRow, ProbeEventModel::StepColumn).data().toString(), QStringLiteral("Connect"));
        QVERIFY(!log->index(connectRow, ProbeEventModel::MessageColumn).data().toString().isEmpty());

        // Kept in the store, and listed under Recent probes, selected.
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 10000);
        QCOMPARE(stored.first().at(1).toBool(), true);
        TrafficStore store(f.store->path());
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const QList<ProbeSummary> recent = store.recentProbes(10, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first().target.kind, ProbeTarget::Kind::Host);
        QCOMPARE(recent.first().target.name, QStringLiteral("127.0.7.1"));
        QCOMPARE(int(recent.first().target.port), int(server.port()));
        QCOMPARE(recent.first().verdict, Verdict::NoTls);
        QTRY_COMPARE_WITH_TIMEOUT(page.recentModel()->rowCount(), 1, 10000);
        const QAbstractItemModel *list = page.recentView()->model();
        QCOMPARE(list->index(0, ProbeHistoryModel::TargetColumn).data().toString(), server.target());
        QCOMPARE(list->index(0, ProbeHistoryModel::VerdictColumn).data().toString(), QStringLiteral("No TLS"));
        QCOMPARE(page.recentView()->selectionModel()->currentIndex().row(), 0);
        QCOMPARE(page.recentCard()->note(), QString());
    }

    void aBadTargetIsNamedUnderTheBox_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("two dots") << QStringLiteral("mx..example.test")
                                  << QStringLiteral("\"mx..example.test\" is not a domain name: it has an empty "
                                                    "label (two dots in a row, or a dot at the start)");
        QTest::newRow("nothing") << QStringLiteral("   ")
                                 << QStringLiteral("no target given: name a domain (example.org) or a host[:port]");
    }

    void aBadTargetIsNamedUnderTheBox()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        Fixture f;
        ProbePage &page = *f.page;
        QSignalSpy states(&page, &ProbePage::stateChanged);
        typeAndEnter(page, text);
        QCOMPARE(page.targetError()->text(), error);
        QVERIFY(page.targetError()->isVisible());
        QCOMPARE(page.targetEdit()->accessibleDescription(), error);
        QCOMPARE(page.state(), ProbePage::State::Idle);
        QCOMPARE(states.count(), 0);
        QVERIFY(!f.service->isBusy());
        // Typing again clears it.
        QTest::keyClick(page.targetEdit(), Qt::Key_Backspace);
        QVERIFY(!page.targetError()->isVisible());
    }

    void escapeCancelsAProbeOfAStalledServer()
    {
        TestSmtpServer server(QStringLiteral("127.0.7.2"), TestSmtpServer::Mode::Stall);
        QVERIFY(server.listening());
        Fixture f;
        ProbePage &page = *f.page;
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy shown(&page, &ProbePage::reportShown);
        typeAndEnter(page, server.target());
        QCOMPARE(page.state(), ProbePage::State::Probing);
        // Connected; the server says nothing.
        QTRY_COMPARE_WITH_TIMEOUT(server.connections(), 1, 5000);
        QVERIFY(steps(page.stepLog()->eventModel()).contains(ProbeStep::Connect));
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(page.targetEdit(), Qt::Key_Escape);
        QVERIFY(shown.wait(4000));
        QVERIFY2(clock.elapsed() < 4000, "the cancel waited for a timeout");
        QCOMPARE(page.state(), ProbePage::State::Cancelled);
        QCOMPARE(page.stateText(),
                 QStringLiteral("%1: cancelled. What was found until then is shown.").arg(server.target()));
        QVERIFY(page.reportView()->report().cancelled);
        QCOMPARE(page.reportView()->resultCard()->note(), QStringLiteral("Cancelled: what was found until then."));
        QVERIFY(page.reportView()->summaryText().endsWith(QStringLiteral(" · cancelled")));
        QVERIFY(!page.cancelButton()->isEnabled());
    }

    void choosingARecentProbeShowsIt()
    {
        TestSmtpServer first(QStringLiteral("127.0.7.3"), TestSmtpServer::Mode::Plain);
        TestSmtpServer second(QStringLiteral("127.0.7.4"), TestSmtpServer::Mode::Plain);
        Fixture f;
        ProbePage &page = *f.page;
        QSignalSpy shown(&page, &ProbePage::reportShown);
        QSignalSpy stored(f.service.get(), &ProbeService::stored);
        typeAndEnter(page, first.target());
        QVERIFY(shown.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 10000);
        typeAndEnter(page, second.target());
        QVERIFY(shown.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(page.recentModel()->rowCount(), 2, 10000);
        QCOMPARE(page.reportView()->titleText(), second.target());

        // Newest first: the first probe is the second row.
        QTableView *recent = page.recentView();
        const QModelIndex older = recent->model()->index(1, ProbeHistoryModel::TargetColumn);
        QCOMPARE(older.data().toString(), first.target());
        shown.clear();
        recent->setCurrentIndex(older);
        QVERIFY(shown.wait(5000));
        QCOMPARE(page.reportView()->titleText(), first.target());
        QCOMPARE(page.reportView()->verdictLabel()->text(), QStringLiteral("No TLS"));
        QCOMPARE(findingCodes(page.reportView()->findingsView()->model()), QStringList {QStringLiteral("no-starttls")});
    }

    void probesAllPlaintextPeersAsABatch()
    {
        // The fixture's plaintext peers: mx.alpha.example (inbound),
        // mail.beta.example and filter.relay.example (outbound); 203.0.113.9
        // only connected. Their domains are looked up at an address of
        // loopback where nothing answers (not 127.0.0.1: a resolver there
        // could send the names on): each ends unreachable, quickly.
        Fixture f(testOptions("127.0.7.53"));
        ProbePage &page = *f.page;
        QVERIFY(page.probeAllButton()->isEnabled());
        QVERIFY(page.probeAllButton()->toolTip().contains(QStringLiteral("(All time)")));
        QSignalSpy ended(&page, &ProbePage::batchFinished);
        QSignalSpy progress(f.service.get(), &ProbeService::batchProgress);
        page.probeAllButton()->click();
        QVERIFY(!page.probeAllButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(page.isBatchRunning() || ended.count() > 0, 5000);
        QVERIFY(page.batchProgress()->isVisible() || ended.count() > 0);
        QCOMPARE(page.batchProgress()->maximum(), 3);
        QVERIFY(ended.count() > 0 || ended.wait(30000));
        QCOMPARE(page.batchText(), QStringLiteral("Probed 3 plaintext peers: 3 Unreachable."));
        QVERIFY(!page.batchProgress()->isVisible());
        QVERIFY(page.probeAllButton()->isEnabled());
        QSet<QString> targets;
        for (const ProbeEventModel::Entry &e : page.stepLog()->eventModel()->entries())
            targets.insert(e.target);
        QCOMPARE(targets,
                 (QSet<QString> {QStringLiteral("alpha.example"), QStringLiteral("beta.example"),
                                 QStringLiteral("relay.example")}));
        QTRY_COMPARE_WITH_TIMEOUT(page.recentModel()->rowCount(), 3, 10000);
    }

    void escapeCancelsABatch()
    {
        // A DNS server that takes every query and never answers: the batch
        // waits in its look-ups until cancelled.
        QUdpSocket silentDns;
        if (!silentDns.bind(QHostAddress(QStringLiteral("127.0.7.54")), 53))
            QSKIP("port 53 on 127.0.7.54 cannot be bound here");
        ProbeOptions options = testOptions("127.0.7.54");
        options.dnsTimeoutMs = 60000;
        Fixture f(options);
        ProbePage &page = *f.page;
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy ended(&page, &ProbePage::batchFinished);
        page.probeAllButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.isBatchRunning(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(silentDns.hasPendingDatagrams(), 5000);
        QCOMPARE(page.batchText(), QStringLiteral("Probing plaintext peers: 0 of 3 done"));
        QVERIFY(page.cancelButton()->isEnabled());
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(page.targetEdit(), Qt::Key_Escape);
        QVERIFY(ended.wait(5000));
        QVERIFY2(clock.elapsed() < 5000, "the cancel waited for a timeout");
        QCOMPARE(page.batchText(), QStringLiteral("Batch cancelled: 0 of 3 probed."));
        QVERIFY(!page.isBatchRunning());
        QVERIFY(!page.cancelButton()->isEnabled());
        QVERIFY(page.probeAllButton()->isEnabled());
        QCOMPARE(page.state(), ProbePage::State::Idle);
    }

    void noPlaintextPeersNoBatch()
    {
        Fixture f;
        ProbePage &page = *f.page;
        f.context.setDirection(Direction::Submission);
        QSignalSpy ended(&page, &ProbePage::batchFinished);
        page.probeAllButton()->click();
        QVERIFY(ended.wait(5000));
        QCOMPARE(page.batchText(), QStringLiteral("No peer sent or received plaintext mail in this range (All time)."));
        QVERIFY(!f.service->isBusy());
    }

    void showsAReportGivenToIt()
    {
        Fixture f;
        ProbeReport report;
        report.target.name = QStringLiteral("example.test");
        report.started = QDateTime(QDate(2024, 3, 18), QTime(10, 0), Qt::UTC);
        report.finished = report.started.addMSecs(1500);
        report.sessionsUsed = 6;
        MtaStsResult sts;
        sts.recordFound = true;
        sts.policyFetched = true;
        sts.mode = QStringLiteral("enforce");
        sts.mxPatterns = {QStringLiteral("mx1.example.test")};
        sts.maxAge = 86400;
        report.mtaSts = sts;
        report.tlsRpt = TlsRptResult();
        report.verdict = Verdict::Good;
        QSignalSpy shown(f.page.get(), &ProbePage::reportShown);
        f.page->showReport(report);
        QCOMPARE(shown.count(), 1);
        ProbeReportView *view = f.page->reportView();
        QCOMPARE(view->verdictLabel()->text(), QStringLiteral("Good"));
        QCOMPARE(view->summaryText(),
                 QStringLiteral("2024-03-18 10:00:01 · took 1.5 s · 6 SMTP sessions · 0 MX hosts"));
        QCOMPARE(view->policyText(),
                 QStringLiteral("MTA-STS: mode enforce, for mx1.example.test; policy cached up to 86,400 s\n"
                                "TLS-RPT: none (no reports of TLS failures are asked for)"));
        QCOMPARE(view->findingsCard()->note(), QStringLiteral("Nothing to report."));
    }
};

QTEST_MAIN(TestProbePage)
#include "tst_probepage.moc"
