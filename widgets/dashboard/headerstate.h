#pragma once

#include <QString>

class QTableView;

namespace mailtls {

class Settings;

// A table's header as the user left it (column widths, order, the sort
// column and order), remembered in Settings under a view's name and key.
class HeaderState final
{
public:
    // Gives the header the state saved under (view, key) and sorts the table
    // by its sort column again. False when nothing fitting was saved: the
    // table keeps its own defaults.
    static bool restore(QTableView *table, const Settings &settings, const QString &view, const QString &key);
    static void save(const QTableView *table, Settings &settings, const QString &view, const QString &key);
};

} // namespace mailtls
