#pragma once

#include <memory>

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "models/ingest/importsummary.h"
#include "models/ingest/logimporter.h"

namespace mailtls {

class ImportJob;

// An ImportJob on a worker thread, for the window: progress as a fraction of
// the logs' bytes, a cancel that stops at the next batch (what was written
// stays, with its position, so importing again resumes), and one finished()
// at the end. While it runs, readers of the store see each committed batch.
class BackgroundImport final : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        QList<ImportSummary> summaries;
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
    // 0…1000, at most once per change of a thousandth.
    void progress(int permille);
    void finished(const mailtls::BackgroundImport::Result &result);

private:
    void report(qint64 done, qint64 total, int index, int count);

    std::shared_ptr<ImportJob> m_job;
    QFutureWatcher<Result> m_watcher;
    int m_permille = -1;
};

} // namespace mailtls

Q_DECLARE_METATYPE(mailtls::BackgroundImport::Result)
