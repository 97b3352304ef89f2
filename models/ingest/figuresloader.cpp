#include "models/ingest/figuresloader.h"

#include "models/ingest/importjob.h"
#include "models/store/trafficstore.h"

namespace mailtls {

FiguresLoader::Result FiguresLoader::importAndQuery(const QString &databasePath, const QStringList &logs,
                                                    bool logsAreComplete, const ReportFilter &filter,
                                                    const std::atomic<bool> *cancelFlag)
{
    Result result;
    if (!logs.isEmpty()) {
        LogImporter::Options options;
        options.oneShot = logsAreComplete;
        options.cancelFlag = cancelFlag;
        ImportJob job(databasePath, options);
        const bool imported = job.run(logs, &result.error);
        result.summaries = job.summaries();
        result.cancelled = job.wasCancelled();
        if (!imported || result.cancelled)
            return result;
    }
    TrafficStore store(databasePath);
    if (!store.open(&result.error))
        return result;
    result.figures = store.peerFigures(filter, &result.error);
    result.ok = result.error.isEmpty();
    return result;
}

} // namespace mailtls
