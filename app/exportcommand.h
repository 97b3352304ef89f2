#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace mailtls {

// `mailtls export --db PATH --view overview|peers|tls --csv FILE [filters]`:
// writes what a dashboard page shows as CSV (DashboardCsv), from the same
// queries the window reads. FILE "-" is standard output; a file is written
// whole or not at all.
class ExportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    // `arguments` starts with the program name, then "export".
    static int run(const QStringList &arguments);
};

} // namespace mailtls
