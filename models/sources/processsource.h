#pragma once

#include <memory>

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "models/sources/commandhost.h"
#include "models/sources/logsource.h"
#include "models/sources/processsourcebackoff.h"

class QTimer;

namespace mailtls {

// A source that reads the output of one long-running command (journalctl, the
// remote file reader) run through a CommandHost, so the same source works on
// this machine and over SSH. It reads the command's output as it comes (never
// blocking), and when the command ends or cannot start it says why, in words
// from the host first (unreachable, refused login) and else from the command,
// and runs it again from the last cursor after a growing, jittered delay. A
// problem the host says only the user can fix stops it for good (needsUser()).
//
// Subclasses give the command for a cursor and turn its output into chunks.
class ProcessSource : public LogSource
{
    Q_OBJECT

public:
    ~ProcessSource() override;

    void start(const QByteArray &cursor, qint64 streamOffset) override;
    void stop() override;

    const CommandHost &host() const { return *m_host; }
    // Where the next run starts: the cursor of the last chunk (or the one
    // start() was given), and the stream offset of the next chunk.
    QByteArray cursor() const { return m_cursor; }
    qint64 streamOffset() const { return m_streamOffset; }

    // Replaces the retry delays (tests shorten them and fix the jitter).
    void setBackoff(const ProcessSourceBackoff &backoff);
    // Milliseconds until the waiting retry; -1 when none is waiting.
    int retryIn() const;
    // The running command's process id; 0 when none runs.
    qint64 processId() const;

public slots:
    // Runs the command again at once: after a failure without waiting out the
    // delay, after a stop for the user once they fixed the problem, or to
    // replace a run that seems stuck. Does nothing after stop().
    void reconnectNow();

protected:
    ProcessSource(std::shared_ptr<const CommandHost> host, QObject *parent);

    // The command (argv[0] is the program) that reads on after `cursor`.
    virtual QStringList command(const QByteArray &cursor) const = 0;
    // A run of command(cursor) starts: forget what the last run left half read.
    virtual void beginRun(const QByteArray &cursor) = 0;
    // In beginRun(): true for the first run from this cursor since start(),
    // false for a retry from where the last run started (a warning about the
    // cursor was given then already).
    bool isFirstRunFrom() const { return m_firstRunFromCursor; }
    // Bytes the command wrote to its standard output, in order.
    virtual void readOutput(const QByteArray &bytes) = 0;
    // The command's own words for why its run ended, when the host has none.
    virtual QString failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const;
    // A program name for messages ("journalctl").
    virtual QString commandName() const = 0;
    // Bytes the command wrote to its error output while it runs (all of them
    // also make up the tail a failure is explained from).
    virtual void readErrorOutput(const QByteArray &bytes);

    // Hands on whole lines with the cursor after them; empty text only moves
    // the cursor the next run starts from. False when the receiver stopped or
    // restarted the source meanwhile: the caller must then drop the rest of
    // what it was decoding.
    bool deliver(const QByteArray &text, const QByteArray &cursor, qint64 referenceTime);
    // The command runs and reads (behind by much when `lagging`); a failure
    // after this retries after the first delay again.
    void setReading(bool lagging);
    // The output makes no sense: end this run with `reason` and retry.
    void failRun(const QString &reason);

    // Names the current run; a receiver of a signal may stop or restart the
    // source, after which the caller must emit nothing more for `run`.
    quint64 currentRun() const { return m_generation; }
    bool isCurrentRun(quint64 run) const { return m_active && run == m_generation; }

    // The last non-empty line of a command's error output.
    static QString lastLine(const QByteArray &errorOutput);

private:
    void launch();
    void readStandardOutput();
    void readStandardError();
    void runFinished(int exitCode, QProcess::ExitStatus status);
    void runError(QProcess::ProcessError error);
    void retryLater(const QString &reason);
    void discardProcess();

    std::shared_ptr<const CommandHost> m_host;
    QProcess *m_process = nullptr;
    QTimer *m_retryTimer = nullptr;
    QElapsedTimer m_runClock;
    ProcessSourceBackoff m_backoff;
    QByteArray m_cursor;
    qint64 m_streamOffset = 0;
    QByteArray m_errorTail;   // the last few KiB of the run's error output
    QString m_runFailure;     // set by failRun()
    bool m_active = false;    // between start() and stop()
    bool m_ranSinceStart = false;
    bool m_firstRunFromCursor = false;
    QByteArray m_lastRunCursor;
    quint64 m_generation = 0; // counts runs and stops, so a decoder can tell its run is over
};

} // namespace mailtls
