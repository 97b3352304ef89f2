#include <QTemporaryDir>
#include <QTest>

#include "models/settings/settings.h"

using namespace mailtls;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaultsBeforeAnythingIsStored()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("mailtls.ini")));
        QCOMPARE(settings.windowGeometry(), QByteArray());
        QCOMPARE(settings.currentPage(), QString());
        QCOMPARE(settings.range(3), 3);
        QCOMPARE(settings.direction(), -1);
        QCOMPARE(settings.groupBy(), 0);
        QCOMPARE(settings.customSince(), qint64(0));
        QCOMPARE(settings.firstRunDone(), false);
        QCOMPARE(settings.viewValue(QStringLiteral("peers"), QStringLiteral("topN"), 15).toInt(), 15);
        QCOMPARE(settings.probeDnsServer(), QString());
        QCOMPARE(settings.probeTimeout(), 15);
        QCOMPARE(settings.probeConcurrency(), 4);
        QCOMPARE(settings.probeCacheMinutes(), 60);
    }

    void everythingSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("mailtls.ini"));
        {
            Settings settings(file);
            settings.setWindowGeometry("geometry-bytes");
            settings.setWindowState("state-bytes");
            settings.setCurrentPage(QStringLiteral("peersPage"));
            settings.setRange(4);
            settings.setCustomRange(1709251200, 1711929600);
            settings.setDirection(1);
            settings.setGroupBy(1);
            settings.setFirstRunDone(true);
            settings.setViewValue(QStringLiteral("peers"), QStringLiteral("search"), QStringLiteral("beta"));
            settings.setProbeDnsServer(QStringLiteral("127.0.4.53"));
            settings.setProbeTimeout(5);
            settings.setProbeConcurrency(2);
            settings.setProbeCacheMinutes(0);
            settings.sync();
        }
        Settings again(file);
        QCOMPARE(again.windowGeometry(), QByteArray("geometry-bytes"));
        QCOMPARE(again.windowState(), QByteArray("state-bytes"));
        QCOMPARE(again.currentPage(), QStringLiteral("peersPage"));
        QCOMPARE(again.range(0), 4);
        QCOMPARE(again.customSince(), qint64(1709251200));
        QCOMPARE(again.customUntil(), qint64(1711929600));
        QCOMPARE(again.direction(), 1);
        QCOMPARE(again.groupBy(), 1);
        QCOMPARE(again.firstRunDone(), true);
        QCOMPARE(again.viewValue(QStringLiteral("peers"), QStringLiteral("search")).toString(),
                 QStringLiteral("beta"));
        QCOMPARE(again.probeDnsServer(), QStringLiteral("127.0.4.53"));
        QCOMPARE(again.probeTimeout(), 5);
        QCOMPARE(again.probeConcurrency(), 2);
        QCOMPARE(again.probeCacheMinutes(), 0);
        // Views keep apart.
        QCOMPARE(again.viewValue(QStringLiteral("tls"), QStringLiteral("search")), QVariant());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
