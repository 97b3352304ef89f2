// Renders every page of the window from the bundled demo data into PNG files
// under the build folder (screenshots/), in a light and a dark palette, so a
// reviewer can look at each page without running the app.

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTest>

#include "models/campaign/campaignstore.h"
#include "widgets/dashboard/chartpalette.h"
#include "models/itemmodels/peerrowmodel.h"
#include "widgets/dashboard/dashboardcontext.h"
#include "widgets/dashboard/peerspage.h"
#include "widgets/mainwindow.h"
#include "widgets/probe/probepage.h"

using namespace mailtls;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x20));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

// Pixels of this colour (exactly) in the image.
int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    const QRgb wanted = colour.rgb();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) & 0xffffff) == (wanted & 0xffffff);
    return n;
}

// A finished probe of a domain with two mail servers, both sound.
ProbeReport probeReport()
{
    const auto session = [](TlsProfile profile, const char *protocol, const char *cipher, const char *kx,
                            const char *group, int bits) {
        SmtpSessionResult s;
        s.profile = profile;
        s.outcome = SessionOutcome::Completed;
        s.startTlsAdvertised = true;
        s.tlsAttempted = true;
        s.tls.established = protocol != nullptr;
        s.tls.protocol = QString::fromLatin1(protocol);
        s.tls.cipher = QString::fromLatin1(cipher);
        s.tls.keyExchange = QString::fromLatin1(kx);
        s.tls.group = QString::fromLatin1(group);
        s.tls.keyExchangeBits = bits;
        return s;
    };
    ProbeReport report;
    report.target.name = QStringLiteral("example.org");
    report.started = QDateTime(QDate(2024, 3, 18), QTime(10, 0), Qt::UTC);
    report.finished = report.started.addMSecs(840);
    report.sessionsUsed = 12;
    for (int i = 1; i <= 2; ++i) {
        const QString name = QStringLiteral("mx%1.example.org").arg(i);
        const QHostAddress address(QStringLiteral("192.0.2.%1").arg(10 + i));
        report.mx.hosts << MxHost{name, 10 * i, {address}, QString()};
        AddressProbeResult a;
        a.mxName = name;
        a.address = address;
        SmtpSessionResult primary = session(TlsProfile::Default, "TLSv1.3", "TLS_AES_256_GCM_SHA384", "ECDHE",
                                            "X25519", 253);
        CertificateInfo leaf;
        leaf.subject = QStringLiteral("CN=") + name;
        leaf.subjectAltNames = {name};
        leaf.issuer = QStringLiteral("CN=Example CA");
        leaf.notAfter = QDateTime(QDate(2024, 9, 1), QTime(12, 0), Qt::UTC);
        primary.tls.chain = {leaf};
        primary.tls.certificateVerified = true;
        primary.tls.nameMatches = true;
        a.sessions = {primary,
                      session(TlsProfile::DheOnly, "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", "DHE", "ffdhe2048", 2048),
                      session(TlsProfile::OnlyTls10, nullptr, "", "", "", 0),
                      session(TlsProfile::OnlyTls11, nullptr, "", "", "", 0),
                      session(TlsProfile::OnlyTls12, "TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE", "X25519", 253),
                      session(TlsProfile::OnlyTls13, "TLSv1.3", "TLS_AES_256_GCM_SHA384", "ECDHE", "X25519", 253)};
        report.addresses << a;
        report.hostVerdicts << HostVerdict{name, address, Verdict::Good};
    }
    MtaStsResult sts;
    sts.recordFound = true;
    sts.policyFetched = true;
    sts.mode = QStringLiteral("testing");
    sts.mxPatterns = {QStringLiteral("*.example.org")};
    sts.maxAge = 604800;
    report.mtaSts = sts;
    report.tlsRpt = TlsRptResult();
    Finding testing;
    testing.code = QStringLiteral("mta-sts-testing");
    testing.title = QStringLiteral("MTA-STS is in testing mode");
    testing.evidence = QStringLiteral("mode: testing");
    testing.advice = QStringLiteral("Once the TLS-RPT reports show no failures, switch the policy to enforce.");
    Finding noRpt;
    noRpt.code = QStringLiteral("tls-rpt-absent");
    noRpt.title = QStringLiteral("No TLS-RPT record");
    noRpt.advice = QStringLiteral("Publish a _smtp._tls TXT record to hear about TLS failures.");
    report.findings = {testing, noRpt};
    report.verdict = Verdict::Good;
    return report;
}

// A campaign that ended twelve days ago (the page draws its progress up to
// now): eight failing peers in both directions, three fixed since, letters
// sent to four, so the Campaigns page has something to show.
bool writeCampaigns(const QString &path, QString *error)
{
    CampaignStore store(path);
    if (!store.open(error))
        return false;
    const qint64 hour = 3600;
    const qint64 start = (QDateTime::currentSecsSinceEpoch() / hour - 14 * 24) * hour;
    Campaign done;
    done.name = QStringLiteral("First window");
    done.created = start - hour;
    done.mta = QStringLiteral("postfix");
    done.inbound = done.outbound = true;
    done.windowStart = start;
    done.windowEnd = start + 48 * hour;
    done.endedAt = done.windowEnd;
    done.endedBy = QStringLiteral("app");
    if (!store.create(&done, error))
        return false;
    QList<CampaignPeer> peers;
    const char *names[] = {"mail.alpha.example", "mx.beta.example", "smtp.gamma.example", "mx1.delta.example",
                           "192.0.2.44", "mx.epsilon.example", "mail.zeta.example", "mx.eta.example"};
    for (int i = 0; i < 8; ++i) {
        CampaignPeer p;
        p.peer = QString::fromLatin1(names[i]);
        p.direction = i % 2 ? Direction::Outbound : Direction::Inbound;
        p.problem = i % 2 ? QStringLiteral("not-offered") : QStringLiteral("refused");
        p.reason = i % 2 ? QStringLiteral("TLS is required, but was not offered by host %1").arg(p.peer)
                         : QStringLiteral("530 5.7.0 Must issue a STARTTLS command first");
        p.failures = 2 + i;
        p.messages = 1 + i / 2;
        p.firstSeen = start + (i + 1) * hour;
        p.lastSeen = start + (i + 20) * hour;
        p.ourAddresses = {QStringLiteral("office@example.net")};
        p.theirAddresses = {QStringLiteral("info@") + p.peer.section(QLatin1Char('.'), -2)};
        peers << p;
    }
    if (!store.replacePeers(done.id, peers, done.windowEnd, error))
        return false;
    for (int i : {0, 3, 5}) {
        if (!store.markFixed(done.id, peers.at(i).peer, peers.at(i).direction, start + (60 + 40 * i) * hour,
                             i == 3 ? QStringLiteral("probe") : QStringLiteral("log"), error))
            return false;
    }
    for (int i : {1, 2, 3, 6}) {
        CampaignLetter letter;
        letter.campaignId = done.id;
        letter.peer = peers.at(i).peer;
        letter.recipient = peers.at(i).theirAddresses.constFirst();
        letter.language = QStringLiteral("en");
        letter.subject = QStringLiteral("Your mail server and encryption");
        letter.message = QByteArrayLiteral("Subject: Your mail server and encryption\r\n\r\nHello\r\n");
        letter.delivery = QStringLiteral("smtp");
        letter.at = start + (50 + 2 * i) * hour;
        if (!store.addLetter(&letter, error))
            return false;
    }
    return true;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Pages remember their state; tests start from none.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(QDir().mkpath(folder()));
    }

    void everyPage_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void everyPage()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::storeShown);
        window.loadDemo();
        QVERIFY(shown.wait(60000));
        QString error;
        QVERIFY2(writeCampaigns(window.context()->storePath(), &error), qPrintable(error));

        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation->count() >= 3);
        int pages = 0;
        for (int row = 0; row < navigation->count(); ++row) {
            const QString name = navigation->item(row)->data(Qt::UserRole).toString();
            QWidget *page = window.page(name);
            QVERIFY(page);
            if (!navigation->item(row)->flags().testFlag(Qt::ItemIsEnabled))
                continue;   // a page that needs a choice first (a peer)
            QSignalSpy loaded(page, SIGNAL(loaded()));
            navigation->setCurrentRow(row);
            QCOMPARE(window.currentPage(), page);
            QMetaObject::invokeMethod(page, "refresh");
            QVERIFY2(loaded.wait(30000), qPrintable(name));
            if (auto *probe = qobject_cast<ProbePage *>(page))
                probe->showReport(probeReport());
            QTest::qWait(50);
            const QImage image = window.grab().toImage();
            QCOMPARE(image.size(), QSize(1280, 800));
            // Every page draws encrypted figures in their colour.
            const QColor encrypted = ChartPalette::color(ChartPalette::Role::Encrypted, window.palette());
            QVERIFY2(countColour(image, encrypted) > 200, qPrintable(name));
            const QString file = QDir(folder()).filePath(QStringLiteral("%1-%2.png").arg(name, dark ? QStringLiteral("dark") : QStringLiteral("light")));
            QVERIFY(image.save(file));
            ++pages;
        }
        // And one peer's page: the busiest peer of the Peers table.
        auto *peers = qobject_cast<PeersPage *>(window.page(QStringLiteral("peersPage")));
        QVERIFY(peers && peers->model()->rowCount() > 0);
        const PeerRow busiest = peers->model()->rowAt(0);
        auto *detail = window.page(QStringLiteral("peerDetailPage"));
        QSignalSpy loaded(detail, SIGNAL(loaded()));
        window.showPeer(busiest.figures.peer, busiest.figures.direction);
        QCOMPARE(window.currentPage(), detail);
        QVERIFY(loaded.wait(30000));
        QTest::qWait(50);
        const QImage image = window.grab().toImage();
        QVERIFY(image.save(QDir(folder()).filePath(QStringLiteral("peerDetailPage-%1.png").arg(dark ? QStringLiteral("dark") : QStringLiteral("light")))));
        ++pages;
        QVERIFY(pages >= 5);
        QApplication::setPalette(original);
    }

private:
    static QString folder() { return QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots"); }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
