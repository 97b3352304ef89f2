// The campaign banner over a real store: the window that runs, with its time
// left; one that outlived its end; End Now with its confirmation; a window
// ended at its end time; the start-up check's report. How a window is ended
// is the window engine's (tested with it): here a stand-in records the call
// and writes what the engine would into the store.

#include <memory>

#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaignbanner.h"
#include "widgets/dashboard/dashboardcontext.h"

using namespace mailtls;

namespace {

qint64 utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

const qint64 Now = utc(20, 12);
constexpr qint64 Hour = 3600;

} // namespace

class TestCampaignBanner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void texts_data();
    void texts();
    void nothingEnforcing();
    void endNowAsksFirst();
    void endNowFails();
    void endsAtItsTime();
    void outlivedIsNotEndedByTheBanner();
    void startUpReport();

private:
    qint64 addCampaign(const QString &name, bool inbound, bool outbound, qint64 start, qint64 end,
                       const QString &host = QString());
    void markEnded(qint64 id, const QString &by, qint64 at);

    struct Harness
    {
        explicit Harness(const QString &path)
        {
            banner = std::make_unique<CampaignBanner>(&context, nullptr);
            banner->setClock([this] { return clock; });
            banner->resize(1200, 80);
            banner->setEnder([this](const Campaign &campaign, const QString &by,
                                    std::function<void(const CampaignWindow::Outcome &)> done) {
                calls << qMakePair(campaign.id, by);
                pending = std::move(done);
            });
            context.setStore(path, false);
        }
        bool loadedAfter(const std::function<void()> &action)
        {
            QSignalSpy spy(banner.get(), &CampaignBanner::loaded);
            action();
            return spy.wait(20000);
        }

        qint64 clock = Now;
        DashboardContext context;
        std::unique_ptr<CampaignBanner> banner;
        QList<QPair<qint64, QString>> calls;
        std::function<void(const CampaignWindow::Outcome &)> pending;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

void TestCampaignBanner::init()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    TrafficStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
}

void TestCampaignBanner::cleanup()
{
    m_dir.reset();
}

qint64 TestCampaignBanner::addCampaign(const QString &name, bool inbound, bool outbound, qint64 start, qint64 end,
                                       const QString &host)
{
    CampaignStore store(m_store);
    QString error;
    if (!store.open(&error))
        return 0;
    Campaign c;
    c.name = name;
    c.created = start;
    c.mta = QStringLiteral("postfix");
    c.host = host;
    c.inbound = inbound;
    c.outbound = outbound;
    c.windowStart = start;
    c.windowEnd = end;
    return store.create(&c, &error) ? c.id : 0;
}

void TestCampaignBanner::markEnded(qint64 id, const QString &by, qint64 at)
{
    CampaignStore store(m_store);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    std::optional<Campaign> c = store.load(id, &error);
    QVERIFY2(c, qPrintable(error));
    c->endedAt = at;
    c->endedBy = by;
    QVERIFY2(store.update(*c, &error), qPrintable(error));
}

void TestCampaignBanner::texts_data()
{
    QTest::addColumn<bool>("inbound");
    QTest::addColumn<bool>("outbound");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("both") << true << true << Now + 3 * Hour + 12 * 60 << QString()
                          << QStringLiteral("<b>Mandatory STARTTLS</b> (inbound and outbound) on Postfix on This "
                                            "computer until 2026-11-20 15:12 UTC, 3 h 12 min left. Mail from servers "
                                            "without TLS is refused (4xx/5xx); mail to them waits in the queue until "
                                            "the window ends.");
    QTest::newRow("inbound") << true << false << Now + 26 * Hour << QStringLiteral("ssh://admin@relay.test:22")
                             << QStringLiteral("<b>Mandatory STARTTLS</b> (inbound) on Postfix on "
                                               "ssh://admin@relay.test:22 until 2026-11-21 14:00 UTC, 1 d 2 h left. "
                                               "Mail from servers without TLS is refused (4xx/5xx).");
    QTest::newRow("outbound") << false << true << Now + 45 * 60 << QString()
                              << QStringLiteral("<b>Mandatory STARTTLS</b> (outbound) on Postfix on This computer "
                                                "until 2026-11-20 12:45 UTC, 45 min left. Mail to servers without "
                                                "TLS waits in the queue until the window ends.");
    QTest::newRow("outlived") << true << true << Now - 2 * Hour << QString()
                              << QStringLiteral("<b>Campaign “Window” outlived its end</b> at 2026-11-20 10:00 UTC: "
                                                "nothing has recorded putting the previous settings back, so Postfix "
                                                "on This computer may still require TLS. End it now.");
}

void TestCampaignBanner::texts()
{
    QFETCH(bool, inbound);
    QFETCH(bool, outbound);
    QFETCH(qint64, end);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    const qint64 id = addCampaign(QStringLiteral("Window"), inbound, outbound, Now - 5 * Hour, end, host);
    QVERIFY(id > 0);
    Harness h(m_store);
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));
    QVERIFY(h.banner->campaign());
    QCOMPARE(h.banner->campaign()->id, id);
    QCOMPARE(h.banner->text(), expected);
    QVERIFY(!h.banner->isHidden());
    QVERIFY(!h.banner->endButton()->isHidden());
    QVERIFY(h.banner->dismissButton()->isHidden());
    QVERIFY(h.calls.isEmpty());
}

void TestCampaignBanner::nothingEnforcing()
{
    const qint64 id = addCampaign(QStringLiteral("Done"), true, true, Now - 5 * Hour, Now - Hour);
    markEnded(id, QStringLiteral("app"), Now - Hour);
    Harness h(m_store);
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));
    QVERIFY(!h.banner->campaign());
    QVERIFY(h.banner->isHidden());
    QCOMPARE(h.banner->text(), QString());
}

void TestCampaignBanner::endNowAsksFirst()
{
    const qint64 id = addCampaign(QStringLiteral("Spring"), true, true, Now - Hour, Now + 5 * Hour);
    Harness h(m_store);
    h.banner->show();
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));

    // Cancel leaves the window running.
    QTest::mouseClick(h.banner->endButton(), Qt::LeftButton);
    QPointer<QMessageBox> box = h.banner->confirmation();
    QVERIFY(box);
    QCOMPARE(box->text(),
             QStringLiteral("End campaign “Spring” now? MailTLS puts the settings of Postfix on This "
                            "computer from before the window back and reloads it; mail without TLS is "
                            "accepted and sent again, and deferred mail leaves the queue."));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QVERIFY(h.calls.isEmpty());

    // End Now ends it, by the user.
    QTest::mouseClick(h.banner->endButton(), Qt::LeftButton);
    box = h.banner->confirmation();
    QVERIFY(box);
    QAbstractButton *endButton = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            endButton = button;
    QVERIFY(endButton);
    QCOMPARE(endButton->text(), QStringLiteral("End Now"));
    endButton->click();
    QTRY_VERIFY(!box);
    QCOMPARE(h.calls, (QList<QPair<qint64, QString>> {{id, QStringLiteral("user")}}));
    QVERIFY(h.banner->isEnding());
    QVERIFY(!h.banner->endButton()->isEnabled());
    QCOMPARE(h.banner->text(),
             QStringLiteral("<b>Ending campaign “Spring”</b> on Postfix on This computer: "
                            "starting…"));
    // A second click does nothing while it ends.
    h.banner->endNow();
    QVERIFY(!h.banner->confirmation());

    markEnded(id, QStringLiteral("user"), Now);
    QSignalSpy ended(h.banner.get(), &CampaignBanner::windowEnded);
    CampaignWindow::Outcome outcome;
    outcome.ok = true;
    outcome.warnings << QStringLiteral("The revert job at:17 was already gone.");
    QVERIFY(h.loadedAfter([&] { h.pending(outcome); }));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toLongLong(), id);
    QVERIFY(!h.banner->campaign());
    QCOMPARE(h.banner->text(),
             QStringLiteral("Campaign “Spring” ended: the settings from before the window are "
                            "back.<br>The revert job at:17 was already gone."));
    QVERIFY(h.banner->endButton()->isHidden());
    QVERIFY(!h.banner->dismissButton()->isHidden());
    QTest::mouseClick(h.banner->dismissButton(), Qt::LeftButton);
    QVERIFY(h.banner->isHidden());
}

void TestCampaignBanner::endNowFails()
{
    addCampaign(QStringLiteral("Spring"), true, false, Now - Hour, Now + 5 * Hour);
    Harness h(m_store);
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));
    h.banner->endNow();
    QVERIFY(h.banner->confirmation());
    for (QAbstractButton *button : h.banner->confirmation()->buttons())
        if (h.banner->confirmation()->buttonRole(button) == QMessageBox::AcceptRole)
            button->click();
    QTRY_COMPARE(h.calls.size(), 1);
    CampaignWindow::Outcome outcome;
    outcome.error = QStringLiteral("postfix check failed: the files were put back");
    QVERIFY(h.loadedAfter([&] { h.pending(outcome); }));
    // Still running: the banner says so, and why it could not be ended.
    QVERIFY(h.banner->campaign());
    QVERIFY(h.banner->text().endsWith(
        QStringLiteral("<br>Campaign “Spring” could not be ended: postfix check failed: the files were put back")));
    QVERIFY(h.banner->text().startsWith(QStringLiteral("<b>Mandatory STARTTLS</b> (inbound)")));
    QVERIFY(h.banner->endButton()->isEnabled());
}

void TestCampaignBanner::endsAtItsTime()
{
    const qint64 id = addCampaign(QStringLiteral("Short"), false, true, Now - Hour, Now + 60);
    Harness h(m_store);
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));
    h.banner->tick();
    QVERIFY(h.calls.isEmpty());
    h.clock = Now + 61;
    h.banner->tick();
    QCOMPARE(h.calls, (QList<QPair<qint64, QString>> {{id, QStringLiteral("app")}}));
    // Once.
    h.banner->tick();
    QCOMPARE(h.calls.size(), 1);
    markEnded(id, QStringLiteral("app"), Now + 61);
    CampaignWindow::Outcome outcome;
    outcome.ok = true;
    QVERIFY(h.loadedAfter([&] { h.pending(outcome); }));
    QCOMPARE(h.banner->text(),
             QStringLiteral("Campaign “Short” reached its end: MailTLS put the settings from "
                            "before the window back."));
}

void TestCampaignBanner::outlivedIsNotEndedByTheBanner()
{
    // Found past its end: the start-up check (or the user) ends it, not the
    // timer, so it is never ended twice.
    addCampaign(QStringLiteral("Old"), true, false, Now - 5 * Hour, Now - Hour);
    Harness h(m_store);
    QVERIFY(h.loadedAfter([&] { h.banner->refresh(); }));
    h.banner->tick();
    QVERIFY(h.calls.isEmpty());
}

void TestCampaignBanner::startUpReport()
{
    const qint64 id = addCampaign(QStringLiteral("Old"), true, false, Now - 5 * Hour, Now - Hour);
    Harness h(m_store);
    int checks = 0;
    h.banner->setChecker([&](std::function<void(const QList<WindowReport> &)> done) {
        ++checks;
        markEnded(id, QStringLiteral("job"), Now - Hour);
        WindowReport report;
        report.state = WindowReport::State::EndedByJob;
        report.message = QStringLiteral("Campaign 1's window was ended by the host's job at 2026-11-20 11:00:00 UTC.");
        WindowReport running;
        running.state = WindowReport::State::Enforcing;
        running.message = QStringLiteral("not shown");
        done({report, running});
    });
    QVERIFY(h.loadedAfter([&] { h.banner->checkOnStart(); }));
    QCOMPARE(checks, 1);
    QVERIFY(!h.banner->campaign());
    QCOMPARE(h.banner->text(),
             QStringLiteral("Campaign 1's window was ended by the host's job at 2026-11-20 11:00:00 UTC."));
    QVERIFY(!h.banner->isHidden());
    QVERIFY(h.banner->endButton()->isHidden());
    QTest::mouseClick(h.banner->dismissButton(), Qt::LeftButton);
    QVERIFY(h.banner->isHidden());
}

QTEST_MAIN(TestCampaignBanner)
#include "tst_campaignbanner.moc"
