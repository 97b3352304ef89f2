#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace mailtls {

// A table whose rows are records known by a key (a row id, an address), fed
// with the whole list again at every live update. The list is merged in, not
// reset: rows that are gone are removed, new ones inserted where the list has
// them, kept ones moved into its order and, when they changed, updated in
// place; so a view keeps its selection, current row and scroll position while
// records stream in.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        SortRole = Qt::UserRole + 1,   // the raw value of a cell, for sorting
        RecordIdRole,                  // the store's row id (qint64), where a row is one record
        EncryptedRole,                 // bool, where a row is encrypted or not
    };

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
    void rowChanged(int row);
};

template<class Row, class KeyOf, class Same>
void KeyedTableModel::mergeRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf, Same same)
{
    if (rows.isEmpty() || fresh.isEmpty()) {
        if (!rows.isEmpty() || !fresh.isEmpty())
            resetRows(rows, fresh);
        return;
    }
    using Key = decltype(keyOf(fresh.first()));
    QSet<Key> wanted;
    wanted.reserve(fresh.size());
    for (const Row &row : fresh)
        wanted.insert(keyOf(row));

    // Gone rows, each run at once, from the bottom so the rows above keep
    // their numbers.
    for (qsizetype last = rows.size() - 1; last >= 0;) {
        if (wanted.contains(keyOf(rows.at(last)))) {
            --last;
            continue;
        }
        qsizetype first = last;
        while (first > 0 && !wanted.contains(keyOf(rows.at(first - 1))))
            --first;
        beginRemoveRows(QModelIndex(), int(first), int(last));
        rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    QSet<Key> present;
    present.reserve(rows.size());
    for (const Row &row : rows)
        present.insert(keyOf(row));

    for (qsizetype i = 0; i < fresh.size();) {
        const Key key = keyOf(fresh.at(i));
        if (!present.contains(key)) {
            // A run of new rows goes in at once.
            qsizetype end = i + 1;
            while (end < fresh.size() && !present.contains(keyOf(fresh.at(end))))
                ++end;
            beginInsertRows(QModelIndex(), int(i), int(end - 1));
            for (qsizetype k = i; k < end; ++k)
                rows.insert(k, fresh.at(k));
            endInsertRows();
            i = end;
            continue;
        }
        if (keyOf(rows.at(i)) != key) {
            // A kept row further down moves up here: every row above i
            // already matches `fresh`, so it can only be below.
            qsizetype from = i + 1;
            while (keyOf(rows.at(from)) != key)
                ++from;
            beginMoveRows(QModelIndex(), int(from), int(from), QModelIndex(), int(i));
            rows.move(from, i);
            endMoveRows();
        }
        if (!same(rows.at(i), fresh.at(i))) {
            rows[i] = fresh.at(i);
            rowChanged(int(i));
        }
        ++i;
    }
}

} // namespace mailtls
