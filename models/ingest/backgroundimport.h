#pragma once

#include <memory>

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "models/ingest/importprogress.h"
#include "models/ingest/importsummary.h"
#include "models/ingest/logimporter.h"

namespace mailtls {

class ImportJob;

// An ImportJob on a worker thread, for the window: progress (the figures of
// ImportProgress, and a fraction of the logs' bytes), a cancel that stops at
// the next batch and takes back what the log being read had added (the logs
// read before it stay), and one finished() at the end. While it runs, readers
// of the store see each committed batch.
class BackgroundImport final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QList<ImportSummary> summaries;   // in reading order
    };

    explicit BackgroundImport(QObject *parent = nullptr);
    ~BackgroundImport() override;

    // False when an import is running already.
    bool start(const QString &databasePath, const QStringList &logs,
               const LogImporter::Options &options = {});
    void cancel();
    bool isRunning() const;
    // Blocks until the import ends (tests, closing the window).
    void wait();

signals:
    // While the logs are read: 0…1000 of their bytes, at most once per change
    // of a thousandth, never backwards.
    void progress(int permille);
    // Every figure, at most ten times a second (and at each file's start and
    // each phase's end); the files are looked at first (phase Looking).
    void progressed(const mailtls::ImportProgress &progress);
    void finished(const mailtls::BackgroundImport::Result &result);

private:
    void report(const ImportProgress &figures);

    std::shared_ptr<ImportJob> m_job;
    QFutureWatcher<Result> m_watcher;
    int m_permille = -1;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::BackgroundImport::Result)
