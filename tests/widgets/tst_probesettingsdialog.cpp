#include "widgets/probe/probesettingsdialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "models/probe/probeservice.h"
#include "models/settings/settings.h"
#include "widgets/mainwindow.h"

using namespace mailtls;

class TestProbeSettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsAndChecks();
    void appliesToTheWindowsProbes();
    void cancelKeepsSettings();
};

void TestProbeSettingsDialog::showsAndChecks()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
    settings.setProbeDnsServer(QStringLiteral("127.0.8.53"));
    settings.setProbeTimeout(9);
    settings.setProbeConcurrency(3);
    ProbeSettingsDialog dialog(&settings);
    QCOMPARE(dialog.dnsServerEdit()->text(), QStringLiteral("127.0.8.53"));
    QCOMPARE(dialog.timeoutBox()->value(), 9);
    QCOMPARE(dialog.concurrencyBox()->value(), 3);
    QCOMPARE(dialog.cacheBox()->value(), 60);
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    // A name is not a DNS server address: OK is off, and the dialog says why.
    dialog.dnsServerEdit()->setText(QStringLiteral("dns.example.test"));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog.problem(),
             QStringLiteral("\"dns.example.test\" is not an IP address: give the DNS server's IPv4 or IPv6 address (it "
                            "is asked on port 53), or leave it empty for the system's resolver."));
    dialog.accept();
    QCOMPARE(settings.probeDnsServer(), QStringLiteral("127.0.8.53"));

    dialog.dnsServerEdit()->setText(QStringLiteral(" 2001:db8::53 "));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.problem(), QString());
    dialog.dnsServerEdit()->clear();
    QVERIFY(ok->isEnabled());
}

void TestProbeSettingsDialog::appliesToTheWindowsProbes()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
    MainWindow window(&settings);
    QCOMPARE(window.probeService()->options().dnsServer, QHostAddress());
    ProbeSettingsDialog *dialog = window.showProbeSettings();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->dnsServerEdit()->setText(QStringLiteral("127.0.8.53"));
    dialog->timeoutBox()->setValue(7);
    dialog->concurrencyBox()->setValue(2);
    dialog->cacheBox()->setValue(5);
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();

    QCOMPARE(settings.probeDnsServer(), QStringLiteral("127.0.8.53"));
    QCOMPARE(settings.probeTimeout(), 7);
    QCOMPARE(settings.probeConcurrency(), 2);
    QCOMPARE(settings.probeCacheMinutes(), 5);
    const ProbeOptions options = window.probeService()->options();
    QCOMPARE(options.dnsServer, QHostAddress(QStringLiteral("127.0.8.53")));
    QCOMPARE(options.readTimeoutMs, 7000);
    QCOMPARE(options.connectTimeoutMs, 7000);
    QCOMPARE(options.concurrency, 2);
    QCOMPARE(options.cacheSeconds, 300);
}

void TestProbeSettingsDialog::cancelKeepsSettings()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
    MainWindow window(&settings);
    ProbeSettingsDialog *dialog = window.showProbeSettings();
    dialog->dnsServerEdit()->setText(QStringLiteral("127.0.8.53"));
    dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(settings.probeDnsServer(), QString());
    QCOMPARE(window.probeService()->options().dnsServer, QHostAddress());
}

QTEST_MAIN(TestProbeSettingsDialog)
#include "tst_probesettingsdialog.moc"
