#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "widgets/dashboard/dashboardcard.h"
#include "widgets/dashboard/exportmenu.h"

using namespace mailtls;

class TestExportMenu : public QObject
{
    Q_OBJECT

private slots:
    void writesThePictureAsPng()
    {
        QTemporaryDir dir;
        QLabel picture(QStringLiteral("figures"));
        picture.resize(320, 200);
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QString error;
        QVERIFY2(ExportMenu::writePng(&picture, path, &error), qPrintable(error));
        QImage image(path);
        QCOMPARE(image.size(), QSize(320, 200));
    }

    void writesThePictureAsSvg()
    {
        QTemporaryDir dir;
        QLabel picture(QStringLiteral("figures"));
        picture.resize(320, 200);
        const QString path = dir.filePath(QStringLiteral("chart.svg"));
        QString error;
        QVERIFY2(ExportMenu::writeSvg(&picture, QStringLiteral("mailtls-trend"), path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("viewBox=\"0 0 320 200\""));
        QVERIFY(svg.contains("<title>mailtls-trend</title>"));
    }

    void aFailedWriteNamesTheFileAndLeavesNothing()
    {
        QTemporaryDir dir;
        QLabel picture(QStringLiteral("figures"));
        picture.resize(10, 10);
        const QString path = dir.filePath(QStringLiteral("missing/chart.png"));
        QString error;
        QVERIFY(!ExportMenu::writePng(&picture, path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Could not write ") + path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!ExportMenu::writeSvg(nullptr, QString(), dir.filePath(QStringLiteral("x.svg")), &error));
        QCOMPARE(error, QStringLiteral("There is no picture to save."));
    }

    void copiesTheCsvAndThePicture()
    {
        QLabel picture(QStringLiteral("figures"));
        picture.resize(64, 32);
        ExportMenu::copy(QStringLiteral("a,b\n1,2\n"), &picture);
        const QMimeData *data = QApplication::clipboard()->mimeData();
        QVERIFY(data);
        QCOMPARE(data->data(QStringLiteral("text/csv")), QByteArray("a,b\n1,2\n"));
        QCOMPARE(data->text(), QStringLiteral("a,b\n1,2\n"));
        QVERIFY(data->hasImage());
        QCOMPARE(qvariant_cast<QImage>(data->imageData()).size(), QSize(64, 32));
    }

    void offersOnlyWhatItHas()
    {
        QWidget parent;
        ExportMenu menu(QStringLiteral("peers"), &parent);
        QVERIFY(!menu.csvAction()->isVisible());
        QVERIFY(!menu.pngAction()->isVisible());
        QVERIFY(!menu.copyAction()->isVisible());
        menu.setCsv([] { return QStringLiteral("x\n"); });
        QVERIFY(menu.csvAction()->isVisible());
        QVERIFY(!menu.svgAction()->isVisible());
        QVERIFY(menu.copyAction()->isVisible());
        QLabel picture;
        menu.setPicture(&picture);
        QVERIFY(menu.pngAction()->isVisible());
        QVERIFY(menu.svgAction()->isVisible());
    }

    void aCardCarriesItsTitleNoteAndExportButton()
    {
        DashboardCard card(QStringLiteral("Trend"), QStringLiteral("Encrypted and plaintext messages per day"));
        QCOMPARE(card.title(), QStringLiteral("Trend"));
        QCOMPARE(card.accessibleName(), QStringLiteral("Trend"));
        QVERIFY(card.findChildren<QToolButton *>().isEmpty());
        ExportMenu *menu = card.addExport(QStringLiteral("mailtls-trend"));
        QCOMPARE(card.addExport(QStringLiteral("again")), menu);
        const QList<QToolButton *> buttons = card.findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 1);
        QCOMPARE(buttons.first()->menu(), menu);
        QCOMPARE(buttons.first()->accessibleName(), QStringLiteral("Export mailtls-trend"));
        card.setNote(QStringLiteral("Loading…"));
        QCOMPARE(card.note(), QStringLiteral("Loading…"));
        auto *content = new QLabel(QStringLiteral("content"));
        card.setContent(content);
        QCOMPARE(card.content(), content);
        QCOMPARE(content->parentWidget(), &card);
    }
};

QTEST_MAIN(TestExportMenu)
#include "tst_exportmenu.moc"
