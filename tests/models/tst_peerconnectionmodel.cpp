#include "models/itemmodels/peerconnectionmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

// A connection known by its id; `version` stands for any change of its
// content.
PeerConnection numbered(qint64 id, int version = 0)
{
    PeerConnection c;
    c.id = id;
    c.sourceId = 1;
    c.time = day0 + id;
    c.host = QStringLiteral("mx%1.example").arg(id);
    c.peerIp = QStringLiteral("192.0.2.%1").arg(id);
    c.port = 25 + version;
    return c;
}

QList<PeerConnection> numberedList(const QList<qint64> &ids, const QList<qint64> &changed = {})
{
    QList<PeerConnection> list;
    for (qint64 id : ids)
        list << numbered(id, changed.contains(id) ? 1 : 0);
    return list;
}

QList<qint64> idsOf(const PeerConnectionModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(KeyedTableModel::RecordIdRole).toLongLong();
    return ids;
}

QStringList texts(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromUtf8(item);
    return list;
}

QStringList rowText(const QAbstractItemModel &model, int row)
{
    QStringList text;
    for (int column = 0; column < model.columnCount(); ++column)
        text << model.index(row, column).data().toString();
    return text;
}

} // namespace

class TestPeerConnectionModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void fixtureRows_data();
    void fixtureRows();
    void rolesAndToolTips();
    void headers();
    void address_data();
    void address();

    void merge_data();
    void merge();
    void mergeAtRandom();
    void mergeThroughASortingProxy();

private:
    KnownStore m_known;
};

void TestPeerConnectionModel::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestPeerConnectionModel::fixtureRows_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<QList<QStringList>>("rows");

    // Connection ids follow the order of records() in the fixture; newest
    // first. Times are local, and the tests run in UTC.
    QTest::newRow("three inbound, one plaintext")
        << QStringLiteral("mx.alpha.example") << QList<qint64>{3, 2, 1}
        << QList<QStringList>{
               texts({"2024-03-19 09:00:00", "Inbound", "mx.alpha.example", "192.0.2.1:25", "Plaintext", "", "", "", ""}),
               texts({"2024-03-18 11:00:00", "Inbound", "mx.alpha.example", "192.0.2.1:25", "Encrypted", "TLSv1.2",
                "ECDHE-RSA-AES128-GCM-SHA256", "", "Verified"}),
               texts({"2024-03-18 10:00:00", "Inbound", "mx.alpha.example", "192.0.2.1:25", "Encrypted", "TLSv1.3",
                "TLS_AES_256_GCM_SHA384", "X25519 (253 bits)", "Trusted"})};
    QTest::newRow("a DHE cipher suite")
        << QStringLiteral("mail.beta.example") << QList<qint64>{6, 5}
        << QList<QStringList>{texts({"2024-03-20 08:00:00", "Outbound", "mail.beta.example", "198.51.100.7:25", "Encrypted",
                               "TLSv1.2", "DHE-RSA-AES256-GCM-SHA384", "DHE (size not logged)", "Untrusted"}),
                              texts({"2024-03-18 12:00:00", "Outbound", "mail.beta.example", "198.51.100.7:25", "Plaintext",
                               "", "", "", ""})};
    QTest::newRow("encrypted without details")
        << QStringLiteral("client.gamma.example") << QList<qint64>{8}
        << QList<QStringList>{texts({"2024-03-18 13:00:00", "Submission", "client.gamma.example", "203.0.113.5:465",
                               "Encrypted", "not logged", "", "", ""})};
    QTest::newRow("nobody") << QStringLiteral("nobody.example") << QList<qint64>{} << QList<QStringList>{};
}

void TestPeerConnectionModel::fixtureRows()
{
    QFETCH(QString, peer);
    QFETCH(QList<qint64>, ids);
    QFETCH(QList<QStringList>, rows);

    QString error;
    const PeerDetail detail = m_known.store().peerDetail(ReportFilter(), peer, PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    PeerConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnections(detail.connections);
    QCOMPARE(model.columnCount(), int(PeerConnectionModel::ColumnCount));
    QCOMPARE(idsOf(model), ids);
    QCOMPARE(model.rowCount(), rows.size());
    for (int row = 0; row < rows.size(); ++row)
        QCOMPARE(rowText(model, row), rows.at(row));
}

void TestPeerConnectionModel::rolesAndToolTips()
{
    QString error;
    const PeerDetail detail =
        m_known.store().peerDetail(ReportFilter(), QStringLiteral("mail.beta.example"), PeerDetailOptions(), &error);
    PeerConnectionModel model;
    model.setConnections(detail.connections);
    QCOMPARE(model.rowCount(), 2);
    using M = PeerConnectionModel;
    const auto at = [&model](int row, int column, int role) { return model.index(row, column).data(role); };
    QCOMPARE(at(0, M::TimeColumn, M::SortRole).toLongLong(), day0 + 2 * day + 8 * hour);
    QCOMPARE(at(0, M::TimeColumn, Qt::ToolTipRole).toString(), QStringLiteral("2024-03-20T08:00:00Z UTC"));
    QCOMPARE(at(0, M::DirectionColumn, M::SortRole).toInt(), int(Direction::Outbound));
    QCOMPARE(at(0, M::EncryptionColumn, M::SortRole).toBool(), true);
    QCOMPARE(at(1, M::EncryptionColumn, M::SortRole).toBool(), false);
    QCOMPARE(at(0, M::HostColumn, M::EncryptedRole).toBool(), true);
    QCOMPARE(at(1, M::HostColumn, M::EncryptedRole).toBool(), false);
    QCOMPARE(at(1, M::TrustColumn, M::RecordIdRole).toLongLong(), 5);
    QCOMPARE(at(0, M::TrustColumn, M::SortRole).toInt(), int(Trust::Untrusted));
    QCOMPARE(at(0, M::CipherColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("DHE-RSA-AES256-GCM-SHA384, 256-bit key"));
    QVERIFY(at(0, M::KeyExchangeColumn, Qt::ToolTipRole).toString().contains(QLatin1String("probe")));
    QVERIFY(at(0, M::TrustColumn, Qt::ToolTipRole).toString().startsWith(QLatin1String("The certificate was not")));
    // A plaintext connection has no trust to explain.
    QCOMPARE(at(1, M::TrustColumn, Qt::ToolTipRole), QVariant());
    QCOMPARE(at(0, M::TimeColumn, Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignLeft | Qt::AlignVCenter);
    QCOMPARE(model.connections().first().id, 6);
}

void TestPeerConnectionModel::headers()
{
    PeerConnectionModel model;
    const QStringList titles = texts({"Time", "Direction", "Host", "Address", "Encryption", "Protocol",
                                      "Cipher suite", "Key exchange", "Trust"});
    for (int column = 0; column < PeerConnectionModel::ColumnCount; ++column) {
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), titles.at(column));
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(model.headerData(0, Qt::Vertical), QVariant());
    QCOMPARE(model.headerData(PeerConnectionModel::ColumnCount, Qt::Horizontal), QVariant());
}

void TestPeerConnectionModel::address_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("shown");

    QTest::newRow("IPv4") << QStringLiteral("198.51.100.7") << 25 << QStringLiteral("198.51.100.7:25");
    QTest::newRow("IPv6 in brackets") << QStringLiteral("2001:db8::1") << 465 << QStringLiteral("[2001:db8::1]:465");
    QTest::newRow("no port") << QStringLiteral("192.0.2.1") << 0 << QStringLiteral("192.0.2.1");
}

void TestPeerConnectionModel::address()
{
    QFETCH(QString, ip);
    QFETCH(int, port);
    QFETCH(QString, shown);

    PeerConnection c = numbered(1);
    c.peerIp = ip;
    c.port = port;
    PeerConnectionModel model;
    model.setConnections({c});
    QCOMPARE(model.index(0, PeerConnectionModel::AddressColumn).data().toString(), shown);
}

void TestPeerConnectionModel::merge_data()
{
    QTest::addColumn<QList<qint64>>("before");
    QTest::addColumn<QList<qint64>>("after");
    QTest::addColumn<QList<qint64>>("changed");   // ids whose content differs after
    QTest::addColumn<int>("removes");             // signals, not rows
    QTest::addColumn<int>("inserts");
    QTest::addColumn<int>("layouts");   // a new order: one layout change, never row moves
    QTest::addColumn<int>("changes");
    QTest::addColumn<int>("resets");

    // New rows are inserted at the end at once, then put in the list's order.
    using L = QList<qint64>;
    QTest::newRow("the same") << L{1, 2, 3} << L{1, 2, 3} << L{} << 0 << 0 << 0 << 0 << 0;
    QTest::newRow("one changed") << L{1, 2, 3} << L{1, 2, 3} << L{2} << 0 << 0 << 0 << 1 << 0;
    QTest::newRow("a new one on top") << L{1, 2, 3} << L{4, 1, 2, 3} << L{} << 0 << 1 << 1 << 0 << 0;
    QTest::newRow("new ones on top, at once") << L{1, 2, 3} << L{5, 4, 1, 2, 3} << L{} << 0 << 1 << 1 << 0 << 0;
    QTest::newRow("new ones apart, at once") << L{1, 2, 3} << L{5, 1, 4, 2, 3} << L{} << 0 << 1 << 1 << 0 << 0;
    QTest::newRow("new ones at the end") << L{1, 2, 3} << L{1, 2, 3, 4, 5} << L{} << 0 << 1 << 0 << 0 << 0;
    QTest::newRow("the last one gone") << L{1, 2, 3} << L{1, 2} << L{} << 1 << 0 << 0 << 0 << 0;
    QTest::newRow("a run gone, at once") << L{1, 2, 3, 4, 5} << L{1, 5} << L{} << 1 << 0 << 0 << 0 << 0;
    QTest::newRow("gone apart") << L{1, 2, 3, 4, 5} << L{1, 3, 5} << L{} << 2 << 0 << 0 << 0 << 0;
    QTest::newRow("rotated") << L{1, 2, 3} << L{3, 1, 2} << L{} << 0 << 0 << 1 << 0 << 0;
    QTest::newRow("reversed") << L{1, 2, 3} << L{3, 2, 1} << L{} << 0 << 0 << 1 << 0 << 0;
    QTest::newRow("everything at once") << L{1, 2, 3, 4} << L{6, 3, 1, 5} << L{1} << 2 << 1 << 1 << 1 << 0;
    QTest::newRow("from nothing") << L{} << L{1, 2} << L{} << 0 << 0 << 0 << 0 << 1;
    QTest::newRow("to nothing") << L{1, 2} << L{} << L{} << 0 << 0 << 0 << 0 << 1;
    QTest::newRow("nothing to nothing") << L{} << L{} << L{} << 0 << 0 << 0 << 0 << 0;
}

void TestPeerConnectionModel::merge()
{
    QFETCH(QList<qint64>, before);
    QFETCH(QList<qint64>, after);
    QFETCH(QList<qint64>, changed);
    QFETCH(int, removes);
    QFETCH(int, inserts);
    QFETCH(int, layouts);
    QFETCH(int, changes);
    QFETCH(int, resets);

    PeerConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnections(numberedList(before));
    QList<QPersistentModelIndex> kept;
    for (int row = 0; row < model.rowCount(); ++row)
        kept << QPersistentModelIndex(model.index(row, PeerConnectionModel::HostColumn));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // The rows a dataChanged names, read when it comes: a layout change after
    // it may give their numbers to other rows.
    QList<qint64> signalled;
    connect(&model, &QAbstractItemModel::dataChanged, this,
            [&signalled](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                QCOMPARE(topLeft.column(), 0);
                QCOMPARE(bottomRight.column(), PeerConnectionModel::ColumnCount - 1);
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    signalled << topLeft.siblingAtRow(row).data(KeyedTableModel::RecordIdRole).toLongLong();
            });
    model.setConnections(numberedList(after, changed));

    QCOMPARE(idsOf(model), after);
    for (int row = 0; row < after.size(); ++row)
        QCOMPARE(model.connections().at(row).port, changed.contains(after.at(row)) ? 26 : 25);
    QCOMPARE(removed.count(), removes);
    QCOMPARE(inserted.count(), inserts);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(layout.count(), layouts);
    QCOMPARE(dataChanged.count(), changes);
    QCOMPARE(reset.count(), resets);
    QList<qint64> changedKept;
    for (qint64 id : changed) {
        if (before.contains(id) && after.contains(id) && resets == 0)
            changedKept << id;
    }
    QCOMPARE(signalled, changedKept);
    // Rows that stayed are followed by their persistent indexes (a view's
    // selection and current row); the others' are invalid.
    if (resets == 0) {
        for (int i = 0; i < before.size(); ++i) {
            const qint64 id = before.at(i);
            QCOMPARE(kept.at(i).isValid(), after.contains(id));
            if (after.contains(id)) {
                QCOMPARE(kept.at(i).row(), int(after.indexOf(id)));
                QCOMPARE(kept.at(i).column(), int(PeerConnectionModel::HostColumn));
            }
        }
    }
}

void TestPeerConnectionModel::mergeAtRandom()
{
    QRandomGenerator random(20240318);
    PeerConnectionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<qint64> current;
    for (int round = 0; round < 300; ++round) {
        // Any subset of 1..12, shuffled, some changed.
        QList<qint64> next;
        QList<qint64> changed;
        for (qint64 id = 1; id <= 12; ++id) {
            if (random.bounded(3u) != 0)
                next << id;
            if (random.bounded(4u) == 0)
                changed << id;
        }
        for (qsizetype i = next.size() - 1; i > 0; --i)
            next.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
        QHash<qint64, QPersistentModelIndex> kept;
        for (int row = 0; row < model.rowCount(); ++row)
            kept.insert(current.at(row), QPersistentModelIndex(model.index(row, 1)));
        model.setConnections(numberedList(next, round % 2 ? changed : QList<qint64>{}));
        QCOMPARE(idsOf(model), next);
        if (!current.isEmpty() && !next.isEmpty()) {
            for (auto it = kept.cbegin(); it != kept.cend(); ++it) {
                QCOMPARE(it.value().isValid(), next.contains(it.key()));
                if (it.value().isValid())
                    QCOMPARE(it.value().row(), int(next.indexOf(it.key())));
            }
        }
        current = next;
    }
}

void TestPeerConnectionModel::mergeThroughASortingProxy()
{
    // The page sorts through a proxy: a live update keeps the proxy's order
    // and the row a view had selected.
    PeerConnectionModel model;
    QSortFilterProxyModel proxy;
    proxy.setSortRole(KeyedTableModel::SortRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(PeerConnectionModel::TimeColumn, Qt::AscendingOrder);
    model.setConnections(numberedList({3, 2, 1}));
    const QPersistentModelIndex selected = proxy.index(1, 0);
    QCOMPARE(selected.data(KeyedTableModel::RecordIdRole).toLongLong(), 2);
    model.setConnections(numberedList({5, 4, 3, 2}, {2}));
    QList<qint64> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, 0).data(KeyedTableModel::RecordIdRole).toLongLong();
    QCOMPARE(shown, (QList<qint64>{2, 3, 4, 5}));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(KeyedTableModel::RecordIdRole).toLongLong(), 2);
    QCOMPARE(selected.row(), 0);
}

QTEST_GUILESS_MAIN(TestPeerConnectionModel)
#include "tst_peerconnectionmodel.moc"
