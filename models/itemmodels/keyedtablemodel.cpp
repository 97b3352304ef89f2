#include "models/itemmodels/keyedtablemodel.h"

namespace mailtls {

KeyedTableModel::KeyedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void KeyedTableModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

} // namespace mailtls
