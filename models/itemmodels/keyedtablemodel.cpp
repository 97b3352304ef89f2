#include "models/itemmodels/keyedtablemodel.h"

namespace mailtls {

KeyedTableModel::KeyedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void KeyedTableModel::rowsChanged(int first, int last)
{
    emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

} // namespace mailtls
