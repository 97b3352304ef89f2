#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include "models/store/peerfigures.h"
#include "models/store/reportfilter.h"

namespace mailtls {

// Answers a ReportFilter from the store. Whole UTC days inside the range are
// read from the `daily` aggregates; only the parts of a range that cut a day
// (a `since` or `until` off midnight) are counted from the records. Reading
// every part from the records instead (Plan::RecordsOnly) must give the same
// figures: the tests hold the aggregates to that.
class FigureQuery final
{
public:
    enum class Plan { Automatic, RecordsOnly };

    static bool run(const QSqlDatabase &db, const ReportFilter &filter, Plan plan,
                    QList<PeerFigures> *figures, QString *error);

    // Sort order of every figure list: direction (enum order), then messages
    // descending, then peer.
    static void sort(QList<PeerFigures> &figures);
};

} // namespace mailtls
