#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/itemmodels/recentfailuremodel.h"
#include "tests/models/storetestutil.h"

using namespace mailtls;

namespace {

constexpr qint64 day0 = storetest::day0;   // 2024-03-18 00:00:00 UTC

RecentFailure failure(qint64 id, qint64 time, Direction direction, const char *peer, const char *host,
                      const char *ip, TlsProblem problem, const char *reason)
{
    RecentFailure f;
    f.id = id;
    f.time = time;
    f.direction = direction;
    f.peer = QString::fromLatin1(peer);
    f.host = QString::fromLatin1(host);
    f.peerIp = QString::fromLatin1(ip);
    f.port = 25;
    f.problem = problem;
    f.reason = QString::fromLatin1(reason);
    return f;
}

RecentFailure certificate()
{
    return failure(3, day0 + 86400 + 14 * 3600 + 59 * 60, Direction::Outbound, "beta.example", "relay.beta.example",
                   "198.51.100.8", TlsProblem::Certificate, "certificate verification failed: untrusted issuer");
}
RecentFailure lost()
{
    return failure(1, day0 + 86400 + 3 * 3600 + 5, Direction::Inbound, "203.0.113.9", "203.0.113.9", "203.0.113.9",
                   TlsProblem::LostAfterStarttls, "lost connection after STARTTLS");
}
RecentFailure dh()
{
    return failure(2, day0 + 11 * 3600 + 59 * 60 + 50, Direction::Outbound, "mail.beta.example",
                   "mail.beta.example", "2001:db8::7", TlsProblem::DhKeyTooSmall, "dh key too small");
}

QStringList row(const QAbstractItemModel &model, int r, int role = Qt::DisplayRole)
{
    QStringList cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << model.index(r, c).data(role).toString();
    return cells;
}

} // namespace

class TestRecentFailureModel final : public QObject
{
    Q_OBJECT

private slots:
    void display_data()
    {
        QTest::addColumn<RecentFailure>("failure");
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<QString>("tooltip");

        QTest::newRow("certificate, grouped by domain")
            << certificate()
            << QStringList{QStringLiteral("2024-03-19 14:59:00"), QStringLiteral("Outbound"),
                           QStringLiteral("beta.example"), QStringLiteral("Certificate not accepted"),
                           QStringLiteral("certificate verification failed: untrusted issuer")}
            << QStringLiteral("Outbound with relay.beta.example (198.51.100.8:25)\n"
                              "certificate verification failed: untrusted issuer\n"
                              "Press Enter or double-click for the peer's details.");
        QTest::newRow("lost after STARTTLS")
            << lost()
            << QStringList{QStringLiteral("2024-03-19 03:00:05"), QStringLiteral("Inbound"),
                           QStringLiteral("203.0.113.9"), QStringLiteral("Lost after STARTTLS"),
                           QStringLiteral("lost connection after STARTTLS")}
            << QStringLiteral("Inbound with 203.0.113.9 (203.0.113.9:25)\nlost connection after STARTTLS\n"
                              "Press Enter or double-click for the peer's details.");
        QTest::newRow("IPv6 address")
            << dh()
            << QStringList{QStringLiteral("2024-03-18 11:59:50"), QStringLiteral("Outbound"),
                           QStringLiteral("mail.beta.example"), QStringLiteral("DH key too small"),
                           QStringLiteral("dh key too small")}
            << QStringLiteral("Outbound with mail.beta.example ([2001:db8::7]:25)\ndh key too small\n"
                              "Press Enter or double-click for the peer's details.");
    }

    void display()
    {
        QFETCH(RecentFailure, failure);
        RecentFailureModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFailures({failure});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(RecentFailureModel::ColumnCount));
        QTEST(row(model, 0), "cells");
        QTEST(model.index(0, RecentFailureModel::ReasonColumn).data(Qt::ToolTipRole).toString(), "tooltip");
        QCOMPARE(model.index(0, 0).data(RecentFailureModel::SortRole).toLongLong(), failure.time);
        QCOMPARE(model.index(0, 2).data(RecentFailureModel::RecordIdRole).toLongLong(), failure.id);
        QCOMPARE(model.index(0, 4).data(RecentFailureModel::PeerRole).toString(), failure.peer);
        QCOMPARE(model.index(0, 1).data(RecentFailureModel::DirectionRole).toInt(), int(failure.direction));
    }

    void headers()
    {
        RecentFailureModel model;
        const QStringList titles{QStringLiteral("Time"), QStringLiteral("Direction"), QStringLiteral("Peer"),
                                 QStringLiteral("Problem"), QStringLiteral("Reason")};
        for (int c = 0; c < model.columnCount(); ++c) {
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), titles.at(c));
            QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
        }
    }

    // Newer failures come in on top; the selected one keeps its index.
    void newFailuresOnTop()
    {
        RecentFailureModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFailures({lost(), dh()});
        const QPersistentModelIndex selected = model.index(1, RecentFailureModel::PeerColumn);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        model.setFailures({certificate(), lost(), dh()});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(selected.row(), 2);
        QCOMPARE(selected.data().toString(), QStringLiteral("mail.beta.example"));

        // The list holds ten at most: the oldest drops off the end.
        model.setFailures({certificate(), lost()});
        QCOMPARE(removed.count(), 1);
        QVERIFY(!selected.isValid());
        QCOMPARE(model.failures(), (QList<RecentFailure>{certificate(), lost()}));
    }
};

QTEST_GUILESS_MAIN(TestRecentFailureModel)
#include "tst_recentfailuremodel.moc"
