#pragma once

#include <type_traits>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>

namespace mailtls {

// A table whose rows are records known by a key (a row id, an address), fed
// with the whole list again at every live update. The list is merged in, not
// reset, so a view keeps its selection, current row and scroll position while
// records stream in: gone rows are removed a run at a time, kept rows that
// changed are updated in one dataChanged, new rows are inserted at once at
// the end, and the list's new order comes in one layout change with the
// persistent indexes remapped. A sorting proxy then sorts once, where moving
// row by row would have it sort once per row (5,000 reordered rows: seconds
// instead of milliseconds). Only a list that drops many scattered rows resets
// the model.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SortRole = Qt::UserRole + 1,   // the raw value of a cell, for sorting
        RecordIdRole,                  // the store's row id (qint64), where a row is one record
        EncryptedRole,                 // bool, where a row is encrypted or not
        // Where a row names a peer, whatever the column: the peer as the
        // filter names it (host, or domain when grouped by domain), and its
        // Direction as int. Views open a peer from these.
        PeerRole = Qt::UserRole + 16,
        DirectionRole,
    };

    // More separate runs of gone rows than this, and a reset is cheaper for
    // a sorting proxy than removing them one run after the other (another
    // range, another grouping).
    static constexpr int MaxRemovedRuns = 16;

protected:
    explicit KeyedTableModel(QObject *parent);

    // Makes `rows` equal to `fresh`. Keys must be unique within each list.
    template<class Row, class KeyOf, class Same>
    void mergeRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf, Same same);
    template<class Row>
    void resetRows(QList<Row> &rows, const QList<Row> &fresh)
    {
        beginResetModel();
        rows = fresh;
        endResetModel();
    }

private:
    void rowsChanged(int first, int last);
};

template<class Row, class KeyOf, class Same>
void KeyedTableModel::mergeRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf, Same same)
{
    if (rows.isEmpty() || fresh.isEmpty()) {
        if (!rows.isEmpty() || !fresh.isEmpty())
            resetRows(rows, fresh);
        return;
    }
    using Key = std::decay_t<decltype(keyOf(fresh.first()))>;
    QHash<Key, int> wanted;
    wanted.reserve(fresh.size());
    for (int i = 0; i < fresh.size(); ++i)
        wanted.insert(keyOf(fresh.at(i)), i);

    QList<QPair<int, int>> gone;
    for (int i = 0; i < rows.size(); ++i) {
        if (wanted.contains(keyOf(rows.at(i))))
            continue;
        if (!gone.isEmpty() && gone.last().second == i - 1)
            gone.last().second = i;
        else
            gone.append({i, i});
    }
    if (gone.size() > MaxRemovedRuns) {
        resetRows(rows, fresh);
        return;
    }
    // From the bottom, so the rows above keep their numbers.
    for (auto run = gone.crbegin(); run != gone.crend(); ++run) {
        beginRemoveRows(QModelIndex(), run->first, run->second);
        rows.remove(run->first, run->second - run->first + 1);
        endRemoveRows();
    }

    // Kept rows change in place, in one signal over the rows that changed.
    QSet<Key> kept;
    kept.reserve(rows.size());
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < rows.size(); ++i) {
        const Key key = keyOf(rows.at(i));
        kept.insert(key);
        const Row &now = fresh.at(wanted.value(key));
        if (same(rows.at(i), now))
            continue;
        rows[i] = now;
        if (firstChanged < 0)
            firstChanged = i;
        lastChanged = i;
    }
    if (firstChanged >= 0)
        rowsChanged(firstChanged, lastChanged);

    QList<Row> added;
    for (const Row &row : fresh) {
        if (!kept.contains(keyOf(row)))
            added.append(row);
    }
    if (!added.isEmpty()) {
        beginInsertRows(QModelIndex(), int(rows.size()), int(rows.size() + added.size() - 1));
        rows += added;
        endInsertRows();
    }

    bool ordered = true;
    for (int i = 0; i < rows.size() && ordered; ++i)
        ordered = keyOf(rows.at(i)) == keyOf(fresh.at(i));
    if (ordered)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &old : from)
        to.append(index(wanted.value(keyOf(rows.at(old.row()))), old.column()));
    rows = fresh;
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace mailtls
