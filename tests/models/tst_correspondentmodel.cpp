#include "models/itemmodels/correspondentmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "tests/models/tst_dashboardfixture.h"

using namespace mailtls;
using namespace mailtls::dashboardtest;

namespace {

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

Correspondent correspondent(Direction direction, Correspondent::Side side, const char *address, qint64 messages,
                            qint64 encrypted, qint64 lastSeen)
{
    Correspondent c;
    c.direction = direction;
    c.side = side;
    c.address = QString::fromUtf8(address);
    c.messages = messages;
    c.encryptedMessages = encrypted;
    c.lastSeen = lastSeen;
    return c;
}

} // namespace

class TestCorrespondentModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fixtureRows_data();
    void fixtureRows();
    void rolesAndAlignment();
    void headers();
    void mergedByDirectionSideAndAddress();

private:
    KnownStore m_known;
};

void TestCorrespondentModel::initTestCase()
{
    QVERIFY(m_known.make());
}

void TestCorrespondentModel::fixtureRows_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QList<QStringList>>("rows");

    // Most messages first; inbound mail names only the sender.
    QTest::newRow("outbound: ours and theirs")
        << QStringLiteral("mail.beta.example")
        << QList<QStringList>{
               texts({"Outbound", "Ours", "alice@ours.example", "2", "1", "50.0 %", "2024-03-20 08:00:00"}),
               texts({"Outbound", "Theirs", "carol@beta.example", "2", "1", "50.0 %", "2024-03-20 08:00:00"}),
               texts({"Outbound", "Theirs", "dave@beta.example", "1", "0", "0.0 %", "2024-03-18 12:00:00"})};
    QTest::newRow("inbound: senders, the null sender too")
        << QStringLiteral("mx.alpha.example")
        << QList<QStringList>{
               texts({"Inbound", "Theirs", "news@alpha.example", "2", "2", "100.0 %", "2024-03-18 11:00:00"}),
               texts({"Inbound", "Theirs", "<>", "1", "0", "0.0 %", "2024-03-19 09:00:00"})};
    QTest::newRow("nobody") << QStringLiteral("nobody.example") << QList<QStringList>{};
}

void TestCorrespondentModel::fixtureRows()
{
    QFETCH(QString, peer);
    QFETCH(QList<QStringList>, rows);

    QString error;
    const PeerDetail detail = m_known.store().peerDetail(ReportFilter(), peer, PeerDetailOptions(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CorrespondentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCorrespondents(detail.correspondents);
    QCOMPARE(model.columnCount(), int(CorrespondentModel::ColumnCount));
    QCOMPARE(model.rowCount(), rows.size());
    for (int row = 0; row < rows.size(); ++row)
        QCOMPARE(rowText(model, row), rows.at(row));
    QCOMPARE(model.correspondents(), detail.correspondents);
}

void TestCorrespondentModel::rolesAndAlignment()
{
    using M = CorrespondentModel;
    M model;
    model.setCorrespondents({correspondent(Direction::Outbound, Correspondent::Side::Theirs, "carol@beta.example",
                                           3, 2, day0),
                             correspondent(Direction::Inbound, Correspondent::Side::Theirs, "<>", 0, 0, day0)});
    QCOMPARE(model.index(0, M::MessagesColumn).data(M::SortRole).toLongLong(), 3);
    QCOMPARE(model.index(0, M::EncryptedShareColumn).data(M::SortRole).toDouble(), 2.0 / 3.0);
    QCOMPARE(model.index(0, M::EncryptedShareColumn).data().toString(), QStringLiteral("66.7 %"));
    QCOMPARE(model.index(0, M::EncryptedShareColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2 of 3 messages encrypted"));
    QCOMPARE(model.index(1, M::EncryptedShareColumn).data().toString(), QStringLiteral("–"));
    QCOMPARE(model.index(1, M::EncryptedShareColumn).data(M::SortRole).toDouble(), -1.0);
    QCOMPARE(model.index(0, M::SideColumn).data(M::SortRole).toInt(), int(Correspondent::Side::Theirs));
    QCOMPARE(model.index(0, M::LastSeenColumn).data(M::SortRole).toLongLong(), day0);
    QCOMPARE(model.index(0, M::LastSeenColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2024-03-18T00:00:00Z UTC"));
    QCOMPARE(model.index(1, M::AddressColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("The null sender: bounces and delivery reports"));
    QCOMPARE(model.index(0, M::AddressColumn).data(Qt::ToolTipRole), QVariant());
    QCOMPARE(model.index(0, M::MessagesColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(model.index(0, M::AddressColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignLeft | Qt::AlignVCenter);
    QCOMPARE(model.index(0, M::AddressColumn).data(M::RecordIdRole), QVariant());
}

void TestCorrespondentModel::headers()
{
    CorrespondentModel model;
    const QStringList titles =
        texts({"Direction", "Side", "Address", "Messages", "Encrypted", "Encrypted %", "Last message"});
    for (int column = 0; column < CorrespondentModel::ColumnCount; ++column) {
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), titles.at(column));
        QVERIFY(!model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestCorrespondentModel::mergedByDirectionSideAndAddress()
{
    // The same address on both sides, and in two directions, is three rows; a
    // new message for one of them changes its row in place.
    const auto out = Direction::Outbound;
    const auto in = Direction::Inbound;
    const auto ours = Correspondent::Side::Ours;
    const auto theirs = Correspondent::Side::Theirs;
    CorrespondentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCorrespondents({correspondent(out, ours, "a@x.example", 2, 2, day0),
                             correspondent(out, theirs, "a@x.example", 1, 1, day0),
                             correspondent(in, theirs, "a@x.example", 1, 0, day0)});
    const QPersistentModelIndex inbound = model.index(2, CorrespondentModel::DirectionColumn);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    model.setCorrespondents({correspondent(in, theirs, "a@x.example", 3, 0, day0 + day),
                             correspondent(out, ours, "a@x.example", 2, 2, day0),
                             correspondent(out, theirs, "a@x.example", 1, 1, day0)});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(inbound.row(), 0);
    QCOMPARE(model.index(0, CorrespondentModel::MessagesColumn).data().toString(), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestCorrespondentModel)
#include "tst_correspondentmodel.moc"
