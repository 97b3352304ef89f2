#pragma once

#include <optional>

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/ingest/importsummary.h"
#include "models/logs/logformat.h"

class QCommandLineParser;

namespace mailtls {

class ImportJob;

// `mailtls import --db PATH [--progress] [--verbose] [--format-hint MTA] FILE...`: a site's logs,
// rotated and compressed ones in any order, added to a database (ImportJob
// puts them in order and reads each line once); progress on standard error
// while it runs, Ctrl+C cancels and takes back the log being read.
class ImportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static int run(const QStringList &arguments);

    // What became of one log, in one line (without "mailtls: ").
    static QString outcomeText(const ImportSummary &summary);
    // The summaries on standard error: the reading order first when there are
    // several logs; with `verbose`, each log's format, times and unrecognised lines.
    static void printSummaries(const QList<ImportSummary> &summaries, bool verbose);

    // Runs `job` on `logs` on a thread of its own, with Ctrl+C cancelling it and,
    // when `progress`, its progress on standard error (redrawn in place on a
    // terminal, a line a second otherwise). False with the job's error.
    static bool runJob(ImportJob &job, const QStringList &logs, bool progress, QString *error);
    // --format-hint postfix|sendmail|exim, for import and report: read only
    // that MTA's lines (each line's MTA is told from its program otherwise).
    static QCommandLineOption formatHintOption();
    // False, with the message printed, for a word that names no MTA.
    static bool parseFormatHint(const QCommandLineParser &parser, const QCommandLineOption &option,
                                std::optional<LogFormat> *hint);
};

} // namespace mailtls
