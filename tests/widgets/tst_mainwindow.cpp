#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "models/itemmodels/peerfilterproxymodel.h"
#include "models/itemmodels/peertablemodel.h"
#include "widgets/mainwindow.h"

using namespace mailtls;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void showsDemoDataMarkedAsSuch()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::figuresShown);
        window.loadDemo();
        QVERIFY(shown.wait(60000));
        QVERIFY(window.peerModel()->rowCount() > 10);
        QVERIFY(window.windowTitle().contains(QStringLiteral("demo data")));
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        const bool bannerShown = std::any_of(labels.cbegin(), labels.cend(), [](QLabel *l) {
            return l->isVisible() && l->text().contains(QStringLiteral("Demo data."));
        });
        QVERIFY(bannerShown);
    }

    void showsTheFiguresOfALog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mail.log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Nov 29 10:00:00 mx postfix/smtpd[100]: connect from mail.example.org[192.0.2.10]\n"
                "Nov 29 10:00:01 mx postfix/smtpd[100]: 4A1B2C3D4E: client=mail.example.org[192.0.2.10]\n"
                "Nov 29 10:00:01 mx postfix/qmgr[102]: 4A1B2C3D4E: from=<a@example.org>, size=2000, nrcpt=1 "
                "(queue active)\n"
                "Nov 29 10:00:01 mx postfix/smtpd[100]: disconnect from mail.example.org[192.0.2.10] ehlo=1 "
                "mail=1 rcpt=1 data=1 quit=1 commands=5\n");
        f.close();

        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::figuresShown);
        window.loadLogs({path}, false);
        QVERIFY(shown.wait(60000));
        QCOMPARE(window.peerModel()->rowCount(), 1);
        QCOMPARE(window.peerModel()->index(0, PeerTableModel::PeerColumn).data().toString(),
                 QStringLiteral("mail.example.org"));
        QCOMPARE(window.peerModel()->index(0, PeerTableModel::EncryptedShareColumn).data().toString(),
                 QStringLiteral("0.0 %"));
        QCOMPARE(window.windowTitle(), QStringLiteral("MailTLS"));
    }

    void reportsALogItCannotRead()
    {
        MainWindow window;
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.loadLogs({QStringLiteral("/nonexistent/mail.log")}, false);
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().first().toString(),
                 QStringLiteral("/nonexistent/mail.log: cannot open: No such file or directory"));
        QCOMPARE(window.peerModel()->rowCount(), 0);
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
