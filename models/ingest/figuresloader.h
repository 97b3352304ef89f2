#pragma once

#include <atomic>

#include <QList>
#include <QString>
#include <QStringList>

#include "models/ingest/importsummary.h"
#include "models/store/peerfigures.h"
#include "models/store/reportfilter.h"

namespace mailtls {

// Imports logs into a store and reads the per-peer figures back, as one piece of
// work for a worker thread (the window's first view, the demo data).
class FiguresLoader final
{
public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QList<PeerFigures> figures;
        QList<ImportSummary> summaries;
    };

    // `cancelFlag` (may be null) stops the import at its next batch; the result
    // then says so.
    static Result importAndQuery(const QString &databasePath, const QStringList &logs, bool logsAreComplete,
                                 const ReportFilter &filter, const std::atomic<bool> *cancelFlag = nullptr);
};

} // namespace mailtls
