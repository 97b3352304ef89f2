#include "widgets/dashboard/headerstate.h"

#include <QHeaderView>
#include <QTableView>

#include "models/settings/settings.h"

namespace mailtls {

bool HeaderState::restore(QTableView *table, const Settings &settings, const QString &view, const QString &key)
{
    const QByteArray state = settings.viewValue(view, key).toByteArray();
    QHeaderView *header = table->horizontalHeader();
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    // The header shows the sort indicator; the proxy must sort to match.
    table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

void HeaderState::save(const QTableView *table, Settings &settings, const QString &view, const QString &key)
{
    settings.setViewValue(view, key, table->horizontalHeader()->saveState());
}

} // namespace mailtls
