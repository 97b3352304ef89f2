// The dialog that starts a campaign's window: what enforcing means for the
// directions chosen (the engine's words), the peers the store saw using
// plaintext, the window's length, and a Postfix that cannot be read refused
// on the first page. Starting a window on a real Postfix is the engine's
// integration test; here nothing is changed.

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/store/trafficstore.h"
#include "widgets/campaign/campaignpage.h"
#include "widgets/campaign/campaignstartdialog.h"
#include "widgets/dashboard/dashboardcontext.h"

using namespace mailtls;

class TestCampaignStart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void warningFollowsDirections();
    void length_data();
    void length();
    void unreadablePostfixStaysOnFirstPage();
    void openedFromTheEmptyPage();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

void TestCampaignStart::init()
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

void TestCampaignStart::cleanup()
{
    m_dir.reset();
}

void TestCampaignStart::warningFollowsDirections()
{
    CampaignStartDialog dialog(m_store);
    QSignalSpy affected(&dialog, &CampaignStartDialog::affectedLoaded);
    dialog.show();
    QCOMPARE(dialog.warning()->text(), CampaignWindow::warning(true, true));
    QVERIFY(affected.wait(20000));
    QCOMPARE(dialog.affected()->count(), 1);
    QCOMPARE(dialog.affected()->item(0)->text(),
             QStringLiteral("None: the store saw no plaintext mail in these directions."));

    dialog.outbound()->setChecked(false);
    QCOMPARE(dialog.warning()->text(), CampaignWindow::warning(true, false));
    QVERIFY(dialog.nextButton()->isEnabled());
    dialog.inbound()->setChecked(false);
    QCOMPARE(dialog.warning()->text(), QStringLiteral("Choose at least one direction."));
    QVERIFY(!dialog.nextButton()->isEnabled());
    QCOMPARE(dialog.affected()->count(), 0);
    dialog.outbound()->setChecked(true);
    QCOMPARE(dialog.warning()->text(), CampaignWindow::warning(false, true));
    QVERIFY(dialog.nextButton()->isEnabled());
    QCOMPARE(dialog.nextButton()->text(), QStringLiteral("&Prepare…"));

    // Exim: its own warning and folder; a folder of the user's own stays.
    QCOMPARE(dialog.configDir()->text(), QStringLiteral("/etc/postfix"));
    dialog.mta()->setCurrentIndex(1);
    QCOMPARE(dialog.mta()->currentData().toString(), QStringLiteral("exim"));
    QCOMPARE(dialog.configDir()->text(), QStringLiteral("/etc/exim4"));
    QCOMPARE(dialog.warning()->text(), CampaignWindow::warning(false, true, QStringLiteral("exim")));
    QVERIFY(dialog.warning()->text().contains(QStringLiteral("Exim's queue")));
    dialog.configDir()->setText(QStringLiteral("/srv/mail"));
    dialog.mta()->setCurrentIndex(0);
    QCOMPARE(dialog.configDir()->text(), QStringLiteral("/srv/mail"));
    QCOMPARE(dialog.warning()->text(), CampaignWindow::warning(false, true));
}

void TestCampaignStart::length_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("unit");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("default") << -1 << -1 << qint64(24 * 3600);
    QTest::newRow("6 hours") << 6 << 0 << qint64(6 * 3600);
    QTest::newRow("2 days") << 2 << 1 << qint64(2 * 86400);
    QTest::newRow("at most 30 days") << 45 << 1 << qint64(30 * 86400);
}

void TestCampaignStart::length()
{
    QFETCH(int, value);
    QFETCH(int, unit);
    QFETCH(qint64, seconds);
    CampaignStartDialog dialog(m_store);
    if (unit >= 0)
        dialog.unit()->setCurrentIndex(unit);
    if (value >= 0)
        dialog.duration()->setValue(value);
    QCOMPARE(dialog.seconds(), seconds);
}

void TestCampaignStart::unreadablePostfixStaysOnFirstPage()
{
    CampaignStartDialog dialog(m_store);
    dialog.configDir()->setText(m_dir->filePath(QStringLiteral("no-postfix-here")));
    QSignalSpy prepared(&dialog, &CampaignStartDialog::prepared);
    QTest::mouseClick(dialog.nextButton(), Qt::LeftButton);
    QVERIFY(prepared.wait(60000));
    QCOMPARE(dialog.pages()->currentIndex(), 0);
    QVERIFY(!dialog.status()->text().isEmpty());
    QVERIFY(dialog.nextButton()->isEnabled());
    QCOMPARE(dialog.diff()->toPlainText(), QString());
}

void TestCampaignStart::openedFromTheEmptyPage()
{
    DashboardContext context;
    context.setStore(m_store, false);
    CampaignPage page(&context);
    QSignalSpy loaded(&page, &CampaignPage::loaded);
    page.show();
    QVERIFY(loaded.wait(20000));
    QVERIFY(page.isEmptyStateShown());
    QVERIFY(page.emptyStartButton()->isVisible());
    QTest::mouseClick(page.emptyStartButton(), Qt::LeftButton);
    auto *dialog = page.findChild<CampaignStartDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    // Asked again, the same dialog comes up.
    QCOMPARE(page.showStart(), dialog);
}

QTEST_MAIN(TestCampaignStart)
#include "tst_campaignstart.moc"
