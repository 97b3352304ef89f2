#include "models/itemmodels/probeeventmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mailtls;

namespace {

ProbeEvent makeEvent(ProbeStep step, const char *mx, const char *address, const char *message,
                     TlsProfile profile = TlsProfile::Default)
{
    ProbeEvent e;
    e.step = step;
    e.mxName = QString::fromLatin1(mx);
    if (address)
        e.address = QHostAddress(QString::fromLatin1(address));
    e.profile = profile;
    e.message = QString::fromLatin1(message);
    return e;
}

const QDateTime at = QDateTime(QDate(2024, 3, 18), QTime(10, 0, 1, 250), Qt::UTC);

} // namespace

class TestProbeEventModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        ProbeEventModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(1, QStringLiteral("example.test"), makeEvent(ProbeStep::Resolve, "", nullptr, "MX look-up"), at);
        model.append(1, QStringLiteral("example.test"),
                     makeEvent(ProbeStep::Connect, "mx1.example.test", "192.0.2.10", "Connected"), at);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.append(2, QStringLiteral("192.0.2.7"), makeEvent(ProbeStep::Banner, "192.0.2.7", "192.0.2.7", "220 hi"),
                     at);
        QCOMPARE(model.rowCount(), 1);
    }

    void cells_data()
    {
        QTest::addColumn<int>("stepValue");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QString>("stepTip");
        QTest::newRow("resolve") << int(ProbeStep::Resolve) << QStringList {QStringLiteral("10:00:01.250"),
                                                                            QStringLiteral("example.test"),
                                                                            QStringLiteral("Resolve"),
                                                                            QString(),
                                                                            QString(),
                                                                            QStringLiteral("step message")}
                                 << QString();
        QTest::newRow("ehlo") << int(ProbeStep::Ehlo)
                              << QStringList {QStringLiteral("10:00:01.250"), QStringLiteral("example.test"),
                                              QStringLiteral("EHLO"),         QStringLiteral("mx1.example.test"),
                                              QStringLiteral("192.0.2.10"),   QStringLiteral("step message")}
                              << QStringLiteral("Session with the DHE only, TLS 1.2");
        QTest::newRow("starttls") << int(ProbeStep::StartTls)
                                  << QStringList {QStringLiteral("10:00:01.250"), QStringLiteral("example.test"),
                                                  QStringLiteral("STARTTLS"),     QStringLiteral("mx1.example.test"),
                                                  QStringLiteral("192.0.2.10"),   QStringLiteral("step message")}
                                  << QStringLiteral("Session with the DHE only, TLS 1.2");
    }

    void cells()
    {
        QFETCH(int, stepValue);
        QFETCH(QStringList, texts);
        QFETCH(QString, stepTip);
        const auto step = ProbeStep(stepValue);
        ProbeEventModel model;
        const bool onHost = step != ProbeStep::Resolve;
        model.append(3, QStringLiteral("example.test"),
                     makeEvent(step, onHost ? "mx1.example.test" : "", onHost ? "192.0.2.10" : nullptr, "step message",
                               TlsProfile::DheOnly),
                     at);
        QStringList shown;
        for (int c = 0; c < model.columnCount(); ++c)
            shown << model.index(0, c).data().toString();
        QCOMPARE(shown, texts);
        QCOMPARE(model.index(0, ProbeEventModel::StepColumn).data(ProbeEventModel::StepRole).toInt(), stepValue);
        QCOMPARE(model.index(0, 0).data(ProbeEventModel::ProbeIdRole).toInt(), 3);
        QCOMPARE(model.index(0, ProbeEventModel::StepColumn).data(Qt::ToolTipRole).toString(), stepTip);
        QCOMPARE(model.index(0, ProbeEventModel::TimeColumn).data(KeyedTableModel::SortRole).toLongLong(),
                 at.toMSecsSinceEpoch());
    }

    void headers()
    {
        ProbeEventModel model;
        QStringList titles;
        for (int s = 0; s < model.columnCount(); ++s)
            titles << model.headerData(s, Qt::Horizontal).toString();
        QCOMPARE(titles,
                 (QStringList {QStringLiteral("Time"), QStringLiteral("Target"), QStringLiteral("Step"),
                               QStringLiteral("MX host"), QStringLiteral("Address"), QStringLiteral("What happened")}));
    }

    void boundedByDroppingTheOldest()
    {
        ProbeEventModel model;
        for (int i = 0; i < ProbeEventModel::MaxRows; ++i)
            model.append(1, QStringLiteral("example.test"),
                         makeEvent(ProbeStep::Connect, "mx", "192.0.2.1", qPrintable(QString::number(i))), at);
        QCOMPARE(model.rowCount(), ProbeEventModel::MaxRows);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.append(1, QStringLiteral("example.test"), makeEvent(ProbeStep::Quit, "mx", "192.0.2.1", "last"), at);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), ProbeEventModel::MaxRows - ProbeEventModel::MaxRows / 10 + 1);
        QCOMPARE(model.index(0, ProbeEventModel::MessageColumn).data().toString(),
                 QString::number(ProbeEventModel::MaxRows / 10));
        QCOMPARE(model.index(model.rowCount() - 1, ProbeEventModel::MessageColumn).data().toString(),
                 QStringLiteral("last"));
    }
};

QTEST_GUILESS_MAIN(TestProbeEventModel)
#include "tst_probeeventmodel.moc"
