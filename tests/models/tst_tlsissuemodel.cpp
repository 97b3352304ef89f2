#include "models/itemmodels/tlsissuemodel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using namespace mailtls;

namespace {

constexpr qint64 day0 = 1710720000;   // 2024-03-18 00:00:00 UTC

PeerTlsIssue issue(Direction direction, const char *peer, qint64 count, std::optional<qint64> last,
                   const char *detail)
{
    PeerTlsIssue i;
    i.direction = direction;
    i.peer = QString::fromLatin1(peer);
    i.count = count;
    i.lastTime = last;
    i.detail = QString::fromLatin1(detail);
    return i;
}

const PeerTlsIssue beta = issue(Direction::Outbound, "mail.beta.example", 1, day0 + 11 * 3600 + 59 * 60 + 50,
                                "dh key too small");
const PeerTlsIssue relay = issue(Direction::Outbound, "relay.beta.example", 3, day0 + 86400,
                                 "certificate verification failed: untrusted issuer");
const PeerTlsIssue inbound = issue(Direction::Inbound, "mail.beta.example", 2, day0, "handshake failure");

} // namespace

class TestTlsIssueModel final : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester()
    {
        for (TlsIssueModel::Kind kind : {TlsIssueModel::Kind::DhePeers, TlsIssueModel::Kind::Failures}) {
            TlsIssueModel model(kind);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setIssues({beta, relay});
            model.setIssues({relay, inbound, beta});
            model.setIssues({inbound});
            model.setIssues({});
            QCOMPARE(model.rowCount(), 0);
        }
    }

    void columnsOfEachKind()
    {
        TlsIssueModel dhe(TlsIssueModel::Kind::DhePeers);
        TlsIssueModel failures(TlsIssueModel::Kind::Failures);
        QCOMPARE(dhe.columnCount(), 4);
        QCOMPARE(failures.columnCount(), 5);
        QCOMPARE(dhe.section(TlsIssueModel::LastTimeColumn), -1);
        QCOMPARE(dhe.section(TlsIssueModel::DetailColumn), 3);
        QCOMPARE(dhe.column(3), TlsIssueModel::DetailColumn);
        QCOMPARE(failures.section(TlsIssueModel::DetailColumn), 4);
        QCOMPARE(failures.column(3), TlsIssueModel::LastTimeColumn);

        QStringList dheTitles;
        for (int s = 0; s < dhe.columnCount(); ++s)
            dheTitles << dhe.headerData(s, Qt::Horizontal).toString();
        QCOMPARE(dheTitles, (QStringList{QStringLiteral("Direction"), QStringLiteral("Peer"),
                                         QStringLiteral("DHE connections"), QStringLiteral("Cipher suites")}));
        QStringList failureTitles;
        for (int s = 0; s < failures.columnCount(); ++s)
            failureTitles << failures.headerData(s, Qt::Horizontal).toString();
        QCOMPARE(failureTitles, (QStringList{QStringLiteral("Direction"), QStringLiteral("Peer"),
                                             QStringLiteral("Failures"), QStringLiteral("Last failure"),
                                             QStringLiteral("Last reason")}));
        QCOMPARE(failures.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("When the last of these failures happened (local time)"));
        QCOMPARE(dhe.headerData(4, Qt::Horizontal), QVariant());
    }

    void cells()
    {
        TlsIssueModel model(TlsIssueModel::Kind::Failures);
        model.setIssues({beta, relay});
        const auto cell = [&model](int row, TlsIssueModel::Column column, int role = Qt::DisplayRole) {
            return model.index(row, model.section(column)).data(role);
        };
        QCOMPARE(cell(0, TlsIssueModel::DirectionColumn).toString(), QStringLiteral("Outbound"));
        QCOMPARE(cell(0, TlsIssueModel::PeerColumn).toString(), QStringLiteral("mail.beta.example"));
        QCOMPARE(cell(1, TlsIssueModel::CountColumn).toString(), QStringLiteral("3"));
        // Local time; the tests run with TZ=UTC.
        QCOMPARE(cell(0, TlsIssueModel::LastTimeColumn).toString(), QStringLiteral("2024-03-18 11:59:50"));
        QCOMPARE(cell(0, TlsIssueModel::LastTimeColumn, Qt::ToolTipRole).toString(),
                 QStringLiteral("2024-03-18T11:59:50Z UTC"));
        QCOMPARE(cell(1, TlsIssueModel::DetailColumn).toString(),
                 QStringLiteral("certificate verification failed: untrusted issuer"));
        QCOMPARE(cell(1, TlsIssueModel::CountColumn, TlsIssueModel::SortRole).toLongLong(), 3);
        QCOMPARE(cell(0, TlsIssueModel::LastTimeColumn, TlsIssueModel::SortRole).toLongLong(),
                 day0 + 11 * 3600 + 59 * 60 + 50);
        QCOMPARE(cell(1, TlsIssueModel::PeerColumn, TlsIssueModel::PeerRole).toString(),
                 QStringLiteral("relay.beta.example"));
        QCOMPARE(cell(1, TlsIssueModel::PeerColumn, TlsIssueModel::DirectionRole).toInt(), int(Direction::Outbound));
        QCOMPARE(cell(1, TlsIssueModel::CountColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);

        TlsIssueModel dhe(TlsIssueModel::Kind::DhePeers);
        dhe.setIssues({issue(Direction::Outbound, "mail.beta.example", 1, std::nullopt, "DHE-RSA-AES256-GCM-SHA384 (1)")});
        QCOMPARE(dhe.index(0, 2).data().toString(), QStringLiteral("1"));
        QCOMPARE(dhe.index(0, 3).data().toString(), QStringLiteral("DHE-RSA-AES256-GCM-SHA384 (1)"));
    }

    void updatesKeepRowsOfThePeersStillListed()
    {
        // A live update: a view's selection rides on persistent indexes.
        TlsIssueModel model(TlsIssueModel::Kind::Failures);
        model.setIssues({beta, relay});
        QPersistentModelIndex relayRow(model.index(1, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        PeerTlsIssue relayAgain = relay;
        relayAgain.count = 4;
        model.setIssues({relayAgain, inbound});
        QCOMPARE(reset.count(), 0);
        QVERIFY(relayRow.isValid());
        QCOMPARE(relayRow.row(), 0);
        QCOMPARE(model.index(relayRow.row(), model.section(TlsIssueModel::CountColumn)).data().toString(),
                 QStringLiteral("4"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.issues(), (QList<PeerTlsIssue>{relayAgain, inbound}));
        // One peer in two directions is two rows.
        model.setIssues({relayAgain, inbound, beta});
        QCOMPARE(model.rowCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTlsIssueModel)
#include "tst_tlsissuemodel.moc"
