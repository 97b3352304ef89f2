// The campaign window from the GUI against a real Postfix on 127.0.19.20
// (tests/integration/campaign_postfix.sh) and a real atd: the start dialog
// prepares the exact diff of main.cf, starts the window (the revert job in
// atq, main.cf requiring TLS), and the banner's End Now, after its
// confirmation, puts main.cf back byte for byte and removes the job.

#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "models/store/trafficstore.h"
#include "widgets/campaign/campaignbanner.h"
#include "widgets/campaign/campaignstartdialog.h"
#include "widgets/dashboard/dashboardcontext.h"

using namespace mailtls;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// The at jobs atq lists, by number.
QStringList atJobs()
{
    QProcess atq;
    atq.start(QStringLiteral("atq"), {});
    if (!atq.waitForFinished(10000))
        return {QStringLiteral("<atq did not answer>")};
    QStringList jobs;
    for (const QByteArray &line : atq.readAllStandardOutput().split('\n')) {
        const QByteArray number = line.split('\t').constFirst().trimmed();
        if (!number.isEmpty())
            jobs.append(QString::fromLatin1(number));
    }
    return jobs;
}

} // namespace

class TestCampaignPostfix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startAndEndNow();

private:
    QProcess m_postfix;
    QString m_configDir;
    QTemporaryDir m_dir;
};

void TestCampaignPostfix::initTestCase()
{
    if (geteuid() != 0)
        QSKIP("a private Postfix needs root");
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/postfix")) || !QFileInfo::exists(QStringLiteral("/usr/bin/at")))
        QSKIP("Postfix and at are not installed (./dev.sh test installs them)");
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_postfix.setProgram(QStringLiteral("bash"));
    m_postfix.setArguments({QStringLiteral(MAILTLS_TEST_DATA_DIR "/../integration/campaign_postfix.sh"),
                            QStringLiteral("127.0.19.20")});
    m_postfix.start();
    QVERIFY(m_postfix.waitForStarted(10000));
    QByteArray out;
    while (!out.contains("\nconfigdir ") || !out.endsWith('\n')) {
        QVERIFY2(m_postfix.waitForReadyRead(60000), m_postfix.readAllStandardError().constData());
        out += m_postfix.readAllStandardOutput();
    }
    m_configDir = QString::fromLocal8Bit(out.mid(out.indexOf("\nconfigdir ") + 11).trimmed());
    QVERIFY(QFileInfo(m_configDir + QStringLiteral("/main.cf")).isFile());
}

void TestCampaignPostfix::cleanupTestCase()
{
    if (m_postfix.state() == QProcess::NotRunning)
        return;
    m_postfix.closeWriteChannel();
    m_postfix.waitForFinished(30000);
}

void TestCampaignPostfix::startAndEndNow()
{
    const QString store = m_dir.filePath(QStringLiteral("store.sqlite"));
    {
        TrafficStore traffic(store);
        QString error;
        QVERIFY2(traffic.open(&error), qPrintable(error));
    }
    const QString mainCf = m_configDir + QStringLiteral("/main.cf");
    const QByteArray before = readFile(mainCf);
    QVERIFY(before.contains("\nsmtpd_tls_security_level = may\n"));
    QVERIFY(!before.contains("smtp_tls_security_level"));
    const QStringList jobsBefore = atJobs();

    // Page 1 → 2: the exact change, nothing written yet.
    CampaignStartDialog dialog(store);
    dialog.show();
    dialog.configDir()->setText(m_configDir);
    dialog.duration()->setValue(2);
    QCOMPARE(dialog.seconds(), qint64(7200));
    QSignalSpy prepared(&dialog, &CampaignStartDialog::prepared);
    QTest::mouseClick(dialog.nextButton(), Qt::LeftButton);
    QVERIFY(prepared.wait(60000));
    QCOMPARE(dialog.pages()->currentIndex(), 1);
    const QString diff = dialog.diff()->toPlainText();
    QVERIFY2(diff.contains(QStringLiteral("\n-smtpd_tls_security_level = may\n+smtpd_tls_security_level = encrypt\n")),
             qPrintable(diff));
    QVERIFY2(diff.contains(QStringLiteral("\n+smtp_tls_security_level = encrypt")), qPrintable(diff));
    QCOMPARE(readFile(mainCf), before);
    QCOMPARE(atJobs(), jobsBefore);

    // Page 2 → 3: the job first, then main.cf, validated and reloaded.
    QSignalSpy started(&dialog, &CampaignStartDialog::started);
    QTest::mouseClick(dialog.nextButton(), Qt::LeftButton);
    QVERIFY(started.wait(120000));
    QVERIFY2(started.at(0).at(0).toBool(), qPrintable(dialog.status()->text()));
    const Campaign campaign = dialog.outcome().campaign;
    QVERIFY(campaign.revertJob.startsWith(QLatin1String("at:")));
    const QString job = campaign.revertJob.mid(3);
    QVERIFY2(atJobs().contains(job), qPrintable(atJobs().join(QLatin1Char(' '))));
    QVERIFY(dialog.status()->text().startsWith(QStringLiteral("Campaign “%1” started; it ends at ").arg(campaign.name)));
    QVERIFY(dialog.steps()->toPlainText().contains(QStringLiteral("done")));
    QByteArray during = before;
    during.replace("\nsmtpd_tls_security_level = may\n", "\nsmtpd_tls_security_level = encrypt\n");
    QVERIFY(readFile(mainCf).startsWith(during));
    QVERIFY(readFile(mainCf).contains("\nsmtp_tls_security_level = encrypt\n"));
    QVERIFY(QFileInfo::exists(m_configDir + QStringLiteral("/.mailtls-campaign-%1.sh").arg(campaign.id)));
    dialog.accept();

    // The banner shows it; End Now, confirmed, ends it through the engine.
    DashboardContext context;
    context.setStore(store, false);
    CampaignBanner banner(&context, nullptr);
    banner.resize(1200, 80);
    banner.show();
    QSignalSpy loaded(&banner, &CampaignBanner::loaded);
    banner.refresh();
    QVERIFY(loaded.wait(20000));
    QVERIFY(banner.campaign());
    QCOMPARE(banner.campaign()->id, campaign.id);
    QTest::mouseClick(banner.endButton(), Qt::LeftButton);
    QPointer<QMessageBox> box = banner.confirmation();
    QVERIFY(box);
    QAbstractButton *endNow = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            endNow = button;
    QVERIFY(endNow);
    QSignalSpy ended(&banner, &CampaignBanner::windowEnded);
    endNow->click();
    QVERIFY(ended.wait(120000));
    QCOMPARE(ended.at(0).at(0).toLongLong(), campaign.id);

    QCOMPARE(readFile(mainCf), before);
    QVERIFY(!atJobs().contains(job));
    QVERIFY(!QFileInfo::exists(m_configDir + QStringLiteral("/.mailtls-campaign-%1.sh").arg(campaign.id)));
    CampaignStore campaigns(store);
    QString error;
    QVERIFY2(campaigns.open(&error), qPrintable(error));
    const std::optional<Campaign> after = campaigns.load(campaign.id, &error);
    QVERIFY2(after, qPrintable(error));
    QVERIFY(after->endedAt.has_value());
    QCOMPARE(after->endedBy, QStringLiteral("user"));
    QVERIFY(after->revertJob.isEmpty());
}

QTEST_MAIN(TestCampaignPostfix)
#include "tst_campaignpostfix.moc"
