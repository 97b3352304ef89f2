#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/itemmodels/plaintextpeermodel.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;
using storetest::figures;

namespace {

const auto in = Direction::Inbound;
const auto out = Direction::Outbound;

PeerFigures alpha()
{
    return figures(in, QStringLiteral("mx.alpha.example"), 3, 2, 3500, 3000, 3, 2, 0);
}
PeerFigures beta()
{
    return figures(out, QStringLiteral("mail.beta.example"), 2, 1, 7000, 4000, 2, 1, 1);
}
PeerFigures relay()
{
    return figures(out, QStringLiteral("filter.relay.example"), 1, 0, 800, 0, 1, 0, 0);
}

QStringList row(const QAbstractItemModel &model, int r, int role = Qt::DisplayRole)
{
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << model.index(r, c).data(role).toString();
    return cells;
}

} // namespace

class TestPlaintextPeerModel final : public QObject
{
    Q_OBJECT

private slots:
    void display_data()
    {
        QTest::addColumn<PeerFigures>("peer");
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<QStringList>("sortValues");

        QTest::newRow("inbound, mostly encrypted")
            << alpha()
            << QStringList{QStringLiteral("Inbound"), QStringLiteral("mx.alpha.example"), QStringLiteral("1"),
                           QStringLiteral("3"), QStringLiteral("66.7 %"), QStringLiteral("500 bytes")}
            << QStringList{QStringLiteral("0"), QStringLiteral("mx.alpha.example"), QStringLiteral("1"),
                           QStringLiteral("3"), QStringLiteral("0.6666666666666666"), QStringLiteral("500")};
        QTest::newRow("outbound, all plaintext")
            << relay()
            << QStringList{QStringLiteral("Outbound"), QStringLiteral("filter.relay.example"), QStringLiteral("1"),
                           QStringLiteral("1"), QStringLiteral("0.0 %"), QStringLiteral("800 bytes")}
            << QStringList{QStringLiteral("1"), QStringLiteral("filter.relay.example"), QStringLiteral("1"),
                           QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("800")};
        QTest::newRow("only failures")
            << figures(Direction::Submission, QStringLiteral("203.0.113.5"), 0, 0, 0, 0, 2, 0, 2)
            << QStringList{QStringLiteral("Submission"), QStringLiteral("203.0.113.5"), QStringLiteral("0"),
                           QStringLiteral("0"), QStringLiteral("–"), QStringLiteral("0 bytes")}
            << QStringList{QStringLiteral("2"), QStringLiteral("203.0.113.5"), QStringLiteral("0"),
                           QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("0")};
        QTest::newRow("KiB")
            << figures(out, QStringLiteral("big.example"), 4, 0, 3 * 1024 * 1024 / 2, 0, 1, 0, 0)
            << QStringList{QStringLiteral("Outbound"), QStringLiteral("big.example"), QStringLiteral("4"),
                           QStringLiteral("4"), QStringLiteral("0.0 %"), QStringLiteral("1.5 MiB")}
            << QStringList{QStringLiteral("1"), QStringLiteral("big.example"), QStringLiteral("4"),
                           QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("1572864")};
    }

    void display()
    {
        QFETCH(PeerFigures, peer);
        PlaintextPeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeers({peer});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(PlaintextPeerModel::ColumnCount));
        QTEST(row(model, 0), "cells");
        QTEST(row(model, 0, PlaintextPeerModel::SortRole), "sortValues");
        QCOMPARE(model.index(0, 0).data(PlaintextPeerModel::PeerRole).toString(), peer.peer);
        QCOMPARE(model.index(0, 3).data(PlaintextPeerModel::DirectionRole).toInt(), int(peer.direction));
        QCOMPARE(model.peers(), QList<PeerFigures>{peer});
    }

    void alignmentAndTooltips()
    {
        PlaintextPeerModel model;
        model.setPeers({beta()});
        for (int c = 0; c < model.columnCount(); ++c) {
            const auto alignment = model.index(0, c).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
            const bool number = c >= PlaintextPeerModel::PlaintextMessagesColumn;
            QCOMPARE(alignment & Qt::AlignHorizontal_Mask, number ? Qt::AlignRight : Qt::AlignLeft);
            QVERIFY2(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty(),
                     qPrintable(QString::number(c)));
        }
        QCOMPARE(model.headerData(PlaintextPeerModel::PlaintextMessagesColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Plaintext"));
        QCOMPARE(model.index(0, 1).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("mail.beta.example (Outbound): 1 of 2 messages in plaintext, 2.9 KiB of 6.8 KiB "
                                "in plaintext; 1 TLS failures. Press Enter or double-click for the peer's details."));
    }

    // A live update merges: rows that stay keep their persistent indexes
    // (so a view keeps its selection), changed ones are updated in place.
    void updateKeepsRows()
    {
        PlaintextPeerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPeers({alpha(), beta(), relay()});
        const QPersistentModelIndex selected = model.index(1, PlaintextPeerModel::PeerColumn);
        QCOMPARE(selected.data().toString(), QStringLiteral("mail.beta.example"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        PeerFigures busier = beta();
        busier.messages = 5;
        busier.plaintextMessages = 4;
        // Same name, other direction: another row.
        PeerFigures inboundBeta = beta();
        inboundBeta.direction = in;
        model.setPeers({busier, inboundBeta, alpha()});
        QCOMPARE(resets.count(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 0);
        QCOMPARE(model.index(0, PlaintextPeerModel::PlaintextMessagesColumn).data().toString(), QStringLiteral("4"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(row(model, 1).mid(0, 2), (QStringList{QStringLiteral("Inbound"), QStringLiteral("mail.beta.example")}));
        QCOMPARE(row(model, 2).at(1), QStringLiteral("mx.alpha.example"));

        model.setPeers({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!selected.isValid());
    }
};

QTEST_GUILESS_MAIN(TestPlaintextPeerModel)
#include "tst_plaintextpeermodel.moc"
