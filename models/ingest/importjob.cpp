#include "models/ingest/importjob.h"

#include "models/store/storewriter.h"
#include "models/store/trafficstore.h"

namespace mailtls {

ImportJob::ImportJob(const QString &databasePath, LogImporter::Options options)
    : m_databasePath(databasePath)
    , m_options(std::move(options))
{
}

ImportJob::~ImportJob() = default;

void ImportJob::cancel()
{
    m_cancelled.store(true);
    if (LogImporter *importer = m_current.load())
        importer->cancel();
}

bool ImportJob::run(const QStringList &logs, QString *error)
{
    TrafficStore store(m_databasePath);
    if (!store.open(error))
        return false;
    // Two batches in flight keep the writer busy; more would only hold memory
    // (the reader is faster than the disk).
    StoreWriter writer(m_databasePath, 2);
    // The importers reuse the records the writer is done with.
    writer.setKeepSpent(true);
    if (!writer.start(error))
        return false;

    bool ok = true;
    for (const QString &log : logs) {
        if (m_cancelled.load() || (m_options.cancelFlag && m_options.cancelFlag->load())) {
            m_cancelled.store(true);
            break;
        }
        LogImporter importer(store, writer, m_options);
        importer.setProgress(m_progress);
        m_current.store(&importer);
        if (m_cancelled.load())
            importer.cancel();
        QString importError;
        const bool imported = importer.importLog(log, &importError);
        m_current.store(nullptr);
        m_summaries.append(importer.summaries());
        // Batches of this log must be stored before the next log looks up its
        // source, and before an error is reported.
        QString writeError;
        if (!writer.waitUntilWritten(&writeError)) {
            *error = writeError;
            ok = false;
            break;
        }
        if (!imported) {
            *error = importError;
            ok = false;
            break;
        }
    }
    writer.stop();
    return ok;
}

} // namespace mailtls
