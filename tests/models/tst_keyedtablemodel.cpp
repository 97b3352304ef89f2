#include "models/itemmodels/keyedtablemodel.h"

#include <algorithm>

#include <QAbstractItemModelTester>
#include <QHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace mailtls;

namespace {

struct Item
{
    int id = 0;
    int value = 0;
};

// The smallest keyed table: an item's id, and a value the view sorts by.
class ItemModel final : public KeyedTableModel
{
public:
    enum Column { IdColumn, ValueColumn, ColumnCount };

    ItemModel()
        : KeyedTableModel(nullptr)
    {
    }

    void setItems(const QList<Item> &items)
    {
        mergeRows(
            m_items, items, [](const Item &item) { return item.id; },
            [](const Item &a, const Item &b) { return a.value == b.value; });
    }
    const QList<Item> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return QVariant();
        const Item &item = m_items.at(index.row());
        if (role == Qt::DisplayRole || role == SortRole)
            return index.column() == IdColumn ? item.id : item.value;
        if (role == RecordIdRole)
            return qint64(item.id);
        return QVariant();
    }

private:
    QList<Item> m_items;
};

constexpr int Rows = 5000;

QList<int> idsOf(const QList<Item> &items)
{
    QList<int> ids;
    ids.reserve(items.size());
    for (const Item &item : items)
        ids << item.id;
    return ids;
}

} // namespace

class TestKeyedTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void reorderUnderASortingProxy_data();
    void reorderUnderASortingProxy();
};

void TestKeyedTableModel::reorderUnderASortingProxy_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<QList<int>>("changed");   // ids whose value differs after
    QTest::addColumn<QList<int>>("gone");
    QTest::addColumn<int>("added");            // new ids from Rows on
    QTest::addColumn<int>("removes");          // signals, not rows
    QTest::addColumn<int>("changes");

    QList<int> run;
    for (int id = 100; id < 200; ++id)
        run << id;
    QTest::newRow("reversed") << QStringLiteral("reversed") << QList<int>() << QList<int>() << 0 << 0 << 0;
    QTest::newRow("shuffled") << QStringLiteral("shuffled") << QList<int>() << QList<int>() << 0 << 0 << 0;
    QTest::newRow("shuffled, some changed, gone and new")
        << QStringLiteral("shuffled") << QList<int>{7, 2500, 4999} << (QList<int>{4000} + run) << 10 << 2 << 1;
}

void TestKeyedTableModel::reorderUnderASortingProxy()
{
    QFETCH(QString, order);
    QFETCH(QList<int>, changed);
    QFETCH(QList<int>, gone);
    QFETCH(int, added);
    QFETCH(int, removes);
    QFETCH(int, changes);

    QList<Item> before;
    for (int id = 0; id < Rows; ++id)
        before << Item{id, id};
    QList<Item> after;
    for (const Item &item : before) {
        if (!gone.contains(item.id))
            after << Item{item.id, changed.contains(item.id) ? item.value + 3 * Rows : item.value};
    }
    for (int id = Rows; id < Rows + added; ++id)
        after << Item{id, id};
    if (order == QLatin1String("reversed")) {
        std::reverse(after.begin(), after.end());
    } else {
        QRandomGenerator random(20240318);
        for (qsizetype i = after.size() - 1; i > 0; --i)
            after.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
    }

    ItemModel model;
    QSortFilterProxyModel proxy;
    proxy.setSortRole(KeyedTableModel::SortRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(ItemModel::ValueColumn, Qt::AscendingOrder);
    model.setItems(before);

    // A view's selection and current row: persistent indexes of both models.
    QHash<int, QPersistentModelIndex> source;
    for (int row = 0; row < model.rowCount(); ++row)
        source.insert(before.at(row).id, QPersistentModelIndex(model.index(row, ItemModel::ValueColumn)));
    QHash<int, QPersistentModelIndex> shown;
    for (int row : {0, 7, 150, 2500, 4000, Rows - 1})
        shown.insert(row, QPersistentModelIndex(proxy.index(row, ItemModel::IdColumn)));

    QSignalSpy layoutAboutToChange(&model, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setItems(after);

    QCOMPARE(idsOf(model.items()), idsOf(after));
    QCOMPARE(layoutAboutToChange.count(), 1);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), removes);
    // New rows come in one insertion, at the end, before the new order.
    QCOMPARE(inserted.count(), added > 0 ? 1 : 0);
    if (added > 0) {
        QCOMPARE(inserted.at(0).at(1).toInt(), Rows - int(gone.size()));
        QCOMPARE(inserted.at(0).at(2).toInt(), Rows - int(gone.size()) + added - 1);
    }
    QCOMPARE(dataChanged.count(), changes);

    QHash<int, int> rowOf;
    for (int row = 0; row < after.size(); ++row)
        rowOf.insert(after.at(row).id, row);
    for (auto it = source.cbegin(); it != source.cend(); ++it) {
        QCOMPARE(it.value().isValid(), rowOf.contains(it.key()));
        if (!it.value().isValid())
            continue;
        QCOMPARE(it.value().row(), rowOf.value(it.key()));
        QCOMPARE(it.value().column(), int(ItemModel::ValueColumn));
        QCOMPARE(it.value().data(KeyedTableModel::RecordIdRole).toInt(), it.key());
    }
    // The proxy still sorts by value; its persistent indexes follow their
    // items.
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row - 1, 1).data().toInt() <= proxy.index(row, 1).data().toInt());
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        const int id = it.key();
        QCOMPARE(it.value().isValid(), rowOf.contains(id));
        if (it.value().isValid())
            QCOMPARE(it.value().data().toInt(), id);
    }
}

QTEST_GUILESS_MAIN(TestKeyedTableModel)
#include "tst_keyedtablemodel.moc"
