#include "app/importcommand.h"

#include <cstdio>
#include <mutex>
#include <thread>
#include <unistd.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include "app/commandline.h"
#include "app/stopsignals.h"
#include "models/ingest/importjob.h"
#include "models/ingest/logset.h"

namespace mailtls {

namespace {

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString knownText(const QList<ImportSummary::Known> &known)
{
    QStringList parts;
    for (const ImportSummary::Known &k : known)
        parts << ImportCommand::tr("lines %1 to %2 of %3").arg(k.fromLine).arg(k.fromLine + k.lines - 1).arg(k.name);
    return parts.join(QStringLiteral(", "));
}

QString timeText(std::int64_t utc)
{
    return QDateTime::fromSecsSinceEpoch(utc).toString(Qt::ISODate);
}

// Progress on standard error, from the job's thread: on a terminal one line
// redrawn at most four times a second, elsewhere a line a second (and a line
// when a file begins, a quarter of a second after the last at the soonest).
class ProgressPrinter final
{
public:
    ProgressPrinter()
        : m_terminal(::isatty(STDERR_FILENO) == 1)
    {
        m_clock.start();
    }
    void show(const ImportProgress &progress)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const qint64 now = m_clock.elapsed();
        // Reading begun is shown at once, a file begun a little sooner than news
        // of the same file.
        const bool phase = progress.phase != m_phase;
        const qint64 interval = progress.fileNumber != m_file ? 250 : m_terminal ? 250 : 1000;
        if (!progress.finished && !phase && m_last >= 0 && now - m_last < interval)
            return;
        m_last = now;
        m_file = progress.fileNumber;
        m_phase = progress.phase;
        const QString text = QStringLiteral("mailtls: ") + progress.text();
        if (m_terminal) {
            const qsizetype pad = std::max<qsizetype>(0, m_width - text.size());
            writeErr(QLatin1Char('\r') + text + QString(pad, QLatin1Char(' ')));
            m_width = text.size();
        } else {
            writeErr(text + QLatin1Char('\n'));
        }
    }
    // Leaves the line to what comes next.
    void clear()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_terminal && m_width > 0)
            writeErr(QLatin1Char('\r') + QString(m_width, QLatin1Char(' ')) + QLatin1Char('\r'));
        m_width = 0;
    }

private:
    std::mutex m_mutex;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    int m_file = 0;
    ImportProgress::Phase m_phase = ImportProgress::Phase::Looking;
    qsizetype m_width = 0;
    bool m_terminal;
};

} // namespace

QString ImportCommand::outcomeText(const ImportSummary &s)
{
    using Outcome = ImportSummary::Outcome;
    switch (s.outcome) {
    case Outcome::New:
        return s.linesRead == 1 ? tr("%1: 1 line read").arg(s.name)
                                : tr("%1: %2 lines read").arg(s.name).arg(s.linesRead);
    case Outcome::Resumed:
        return s.linesRead == 1
            ? tr("%1: read before up to byte %2; 1 new line read").arg(s.name).arg(s.resumedAt)
            : tr("%1: read before up to byte %2; %3 new lines read")
                  .arg(s.name)
                  .arg(s.resumedAt)
                  .arg(s.linesRead);
    case Outcome::AlreadyComplete:
        if (!s.known.isEmpty() && s.known.constFirst().name != s.name)
            return tr("%1: the same lines as %2, imported before; nothing new").arg(s.name, s.known.constFirst().name);
        return tr("%1: imported before, nothing new").arg(s.name);
    case Outcome::Empty:
        return tr("%1: empty").arg(s.name);
    case Outcome::Continued:
        return tr("%1: its first %2 lines were read before (%3); %4 new lines read as the continuation of %5")
            .arg(s.name)
            .arg(s.linesKnown)
            .arg(knownText(s.known))
            .arg(s.linesRead)
            .arg(s.continues);
    case Outcome::Contained:
        return tr("%1: every line was read before (%2); nothing new").arg(s.name, knownText(s.known));
    case Outcome::Subset:
    case Outcome::Skipped:
    case Outcome::Refused:
        return s.reason;
    case Outcome::Cancelled:
        return tr("%1: cancelled; what it had added was taken back, nothing of it is counted (import it again "
                  "to read it)")
            .arg(s.name);
    }
    return QString();
}

void ImportCommand::printSummaries(const QList<ImportSummary> &summaries, bool verbose)
{
    const bool numbered = summaries.size() > 1;
    if (numbered)
        writeErr(tr("%1 logs, read %2:").arg(summaries.size()).arg(LogSet::orderDescription()) + QLatin1Char('\n'));
    for (const ImportSummary &s : summaries) {
        QString text = numbered ? QStringLiteral("%1. ").arg(s.order) : QString();
        text += outcomeText(s) + QLatin1Char('\n');
        if (!s.warning.isEmpty())
            text += QStringLiteral("mailtls: ") + s.warning + QLatin1Char('\n');
        if (verbose) {
            text += tr("  format: %1").arg(s.format) + QLatin1Char('\n');
            if (s.firstTime)
                text += (s.lastTime ? tr("  stamped from %1 to %2").arg(timeText(*s.firstTime), timeText(*s.lastTime))
                                    : tr("  stamped from %1").arg(timeText(*s.firstTime)))
                    + QLatin1Char('\n');
            if (s.unterminatedBytes > 0)
                text += tr("  an unfinished last line (%1 bytes) is left for the next import")
                            .arg(s.unterminatedBytes)
                        + QLatin1Char('\n');
            for (auto it = s.unrecognised.cbegin(); it != s.unrecognised.cend(); ++it)
                text += tr("  unrecognised lines of %1: %2").arg(it.key()).arg(it.value()) + QLatin1Char('\n');
        }
        writeErr(text);
    }
}

bool ImportCommand::runJob(ImportJob &job, const QStringList &logs, bool progress, QString *error)
{
    StopSignals stop(StopSignals::Second::Stops);
    ProgressPrinter printer;
    if (progress)
        job.setProgress([&printer](const ImportProgress &p) { printer.show(p); });
    QEventLoop loop;
    bool ok = false;
    QString jobError;
    std::thread worker([&] {
        ok = job.run(logs, &jobError);
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    bool stopping = false;
    QObject::connect(&stop, &StopSignals::stopRequested, &loop, [&] {
        job.cancel();
        if (!stopping) {
            stopping = true;
            printer.clear();
            writeErr(QStringLiteral("mailtls: ")
                     + tr("cancelling: what the log being read has added is taken back…") + QLatin1Char('\n'));
        }
    });
    loop.exec();
    worker.join();
    printer.clear();
    *error = jobError;
    return ok;
}

QCommandLineOption ImportCommand::formatHintOption()
{
    return QCommandLineOption(QStringLiteral("format-hint"),
                              tr("Read only this MTA's lines: postfix, sendmail or exim (without it, each line's "
                                 "MTA is told from the program that wrote it)."),
                              tr("MTA"));
}

bool ImportCommand::parseFormatHint(const QCommandLineParser &parser, const QCommandLineOption &option,
                                    std::optional<LogFormat> *hint)
{
    hint->reset();
    if (!parser.isSet(option))
        return true;
    *hint = logFormatFromName(parser.value(option).toLower());
    if (!*hint) {
        CommandLine::printError(
            tr("--format-hint: \"%1\" is not one of postfix, sendmail, exim").arg(parser.value(option)));
        return false;
    }
    return true;
}

int ImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Add logs to a database: a whole history as it sits on disk (mail.log, mail.log.1, "
           "mail.log.2.gz …, in any order). The logs are read oldest first, gzip as it is; a line read "
           "before (the same log again, a longer version of it, a copy, an excerpt) is never counted "
           "twice, and Debian's mail.info, mail.warn and mail.err, which repeat lines of mail.log, are "
           "skipped. Ctrl+C cancels: the log being read is taken back, the logs read before it stay."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("The database to add to (created when missing)."),
                                      tr("PATH"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           tr("Say what was read from each log, including unrecognised lines."));
    const QCommandLineOption progressOption(
        QStringLiteral("progress"),
        tr("Show progress on standard error even when it is not a terminal (a line a second); on a "
           "terminal it is shown anyway."));
    const QCommandLineOption hintOption = formatHintOption();
    parser.addOptions({dbOption, verboseOption, progressOption, hintOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Logs to read (plain or gzip; - for standard input)."),
                                 QStringLiteral("FILE..."));
    if (const std::optional<int> done = CommandLine::parseArguments(parser, arguments))
        return *done;
    if (!parser.isSet(dbOption)) {
        CommandLine::printError(tr("import needs --db PATH: the database to add the logs to"));
        return CommandLine::Usage;
    }
    const QStringList logs = parser.positionalArguments();
    if (logs.isEmpty()) {
        CommandLine::printError(tr("import needs at least one log file"));
        return CommandLine::Usage;
    }
    if (logs.count(QStringLiteral("-")) > 1) {
        CommandLine::printError(tr("standard input (-) can be read only once"));
        return CommandLine::Usage;
    }
    LogImporter::Options options;
    if (!parseFormatHint(parser, hintOption, &options.formatHint))
        return CommandLine::Usage;
    ImportJob job(parser.value(dbOption), options);
    QString error;
    const bool progress = parser.isSet(progressOption) || ::isatty(STDERR_FILENO) == 1;
    const bool ok = runJob(job, logs, progress, &error);
    printSummaries(job.summaries(), parser.isSet(verboseOption));
    if (!ok) {
        CommandLine::printError(error);
        return CommandLine::Failed;
    }
    if (job.wasCancelled()) {
        CommandLine::printError(tr("cancelled; the logs listed above as read stay imported"));
        return CommandLine::Failed;
    }
    return job.hadProblems() ? CommandLine::Failed : CommandLine::Ok;
}

} // namespace mailtls
