#include <QAbstractItemModelTester>
#include <QTest>

#include "models/itemmodels/peerfilterproxymodel.h"
#include "models/itemmodels/peertablemodel.h"

using namespace mailtls;

namespace {

PeerFigures figures(Direction d, const QString &peer, qint64 messages, qint64 encrypted)
{
    PeerFigures f;
    f.direction = d;
    f.peer = peer;
    f.messages = messages;
    f.encryptedMessages = encrypted;
    f.plaintextMessages = messages - encrypted;
    f.bytes = messages * 1000;
    f.encryptedBytes = encrypted * 1000;
    f.connections = messages;
    f.encryptedConnections = encrypted;
    return f;
}

const QList<PeerFigures> rows = {
    figures(Direction::Inbound, QStringLiteral("mx.example.org"), 10, 9),
    figures(Direction::Inbound, QStringLiteral("192.0.2.8"), 3, 0),
    figures(Direction::Outbound, QStringLiteral("mail.example.net"), 5, 5),
    figures(Direction::Submission, QStringLiteral("198.51.100.4"), 2, 2),
};

} // namespace

class TestPeerTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        PeerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFigures(rows);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(PeerTableModel::ColumnCount));
        model.setFigures({});
        QCOMPARE(model.rowCount(), 0);
    }

    void displayAndSortValues()
    {
        PeerTableModel model;
        model.setFigures(rows);
        QCOMPARE(model.index(0, PeerTableModel::DirectionColumn).data().toString(), QStringLiteral("Inbound"));
        QCOMPARE(model.index(0, PeerTableModel::PeerColumn).data().toString(), QStringLiteral("mx.example.org"));
        QCOMPARE(model.index(0, PeerTableModel::MessagesColumn).data().toString(), QStringLiteral("10"));
        QCOMPARE(model.index(0, PeerTableModel::EncryptedShareColumn).data().toString(), QStringLiteral("90.0 %"));
        QCOMPARE(model.index(0, PeerTableModel::EncryptedShareColumn).data(PeerTableModel::SortRole).toDouble(), 0.9);
        QCOMPARE(model.index(1, PeerTableModel::EncryptedShareColumn).data().toString(), QStringLiteral("0.0 %"));
        QCOMPARE(model.index(0, PeerTableModel::BytesColumn).data(PeerTableModel::SortRole).toLongLong(), 10000);
        QCOMPARE(model.index(2, PeerTableModel::DirectionColumn).data().toString(), QStringLiteral("Outbound"));
        QCOMPARE(model.index(3, PeerTableModel::DirectionColumn).data().toString(), QStringLiteral("Submission"));
        QCOMPARE(model.headerData(PeerTableModel::TlsFailuresColumn, Qt::Horizontal).toString(),
                 QStringLiteral("TLS failures"));
        QCOMPARE(model.headerData(0, Qt::Vertical), QVariant());
    }

    void proxyFiltersAndSorts()
    {
        PeerTableModel model;
        PeerFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setFigures(rows);
        QCOMPARE(proxy.rowCount(), 4);

        proxy.setDirection(Direction::Inbound);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.sort(PeerTableModel::MessagesColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, PeerTableModel::PeerColumn).data().toString(), QStringLiteral("192.0.2.8"));
        QCOMPARE(proxy.index(1, PeerTableModel::PeerColumn).data().toString(), QStringLiteral("mx.example.org"));

        proxy.setDirection(std::nullopt);
        proxy.setSearchText(QStringLiteral("  EXAMPLE "));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setSearchText(QStringLiteral("example.net"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, PeerTableModel::PeerColumn).data().toString(), QStringLiteral("mail.example.net"));
        proxy.setDirection(Direction::Inbound);
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPeerTableModel)
#include "tst_peertablemodel.moc"
