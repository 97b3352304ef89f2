#include "models/sources/processsource.h"

#include <utility>

#include <QTimer>

namespace mailtls {

namespace {

// Enough error output to hold the message that explains a failure, while a
// command that writes warnings for days cannot fill memory.
constexpr qsizetype errorTailBytes = 8 * 1024;
// A run this long was a working connection even if it delivered nothing (a
// quiet log): its end starts the delays from the first one again.
constexpr qint64 healthyRunMs = 30 * 1000;

} // namespace

ProcessSource::ProcessSource(std::shared_ptr<const CommandHost> host, QObject *parent)
    : LogSource(parent)
    , m_host(std::move(host))
    , m_retryTimer(new QTimer(this))
{
    Q_ASSERT(m_host);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_active)
            launch();
    });
}

ProcessSource::~ProcessSource()
{
    m_active = false;
    discardProcess();
}

void ProcessSource::start(const QByteArray &cursor, qint64 streamOffset)
{
    stop();
    m_cursor = cursor;
    m_streamOffset = streamOffset;
    m_active = true;
    m_ranSinceStart = false;
    m_backoff.reset();
    setState(State::Connecting);
    launch();
}

void ProcessSource::stop()
{
    m_active = false;
    ++m_generation;
    m_retryTimer->stop();
    discardProcess();
    setState(State::Stopped);
}

void ProcessSource::setBackoff(const ProcessSourceBackoff &backoff)
{
    m_backoff = backoff;
}

int ProcessSource::retryIn() const
{
    return m_retryTimer->isActive() ? m_retryTimer->remainingTime() : -1;
}

qint64 ProcessSource::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void ProcessSource::reconnectNow()
{
    if (!m_active)
        return;
    m_retryTimer->stop();
    discardProcess();
    m_backoff.reset();
    setState(State::Connecting);
    launch();
}

void ProcessSource::launch()
{
    const quint64 run = ++m_generation;
    m_errorTail.clear();
    m_runFailure.clear();
    m_firstRunFromCursor = !m_ranSinceStart || m_cursor != m_lastRunCursor;
    m_ranSinceStart = true;
    m_lastRunCursor = m_cursor;
    beginRun(m_cursor);
    if (!isCurrentRun(run))
        return;

    m_process = new QProcess(this);
    // A command that reads its input (ssh does) must see an empty one, never
    // the terminal or pipe MailTLS itself was started from.
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_host->prepare(*m_process, command(m_cursor));
    connect(m_process, &QProcess::readyReadStandardOutput, this, &ProcessSource::readStandardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &ProcessSource::readStandardError);
    connect(m_process, &QProcess::finished, this, &ProcessSource::runFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ProcessSource::runError);
    m_runClock.start();
    m_process->start();
}

void ProcessSource::readStandardOutput()
{
    if (!m_process || sender() != m_process)
        return;
    const QByteArray bytes = m_process->readAllStandardOutput();
    if (!bytes.isEmpty())
        readOutput(bytes);
}

void ProcessSource::readStandardError()
{
    if (!m_process || sender() != m_process)
        return;
    const QByteArray bytes = m_process->readAllStandardError();
    m_errorTail += bytes;
    if (m_errorTail.size() > errorTailBytes)
        m_errorTail.remove(0, m_errorTail.size() - errorTailBytes);
    if (!bytes.isEmpty())
        readErrorOutput(bytes);
}

void ProcessSource::readErrorOutput(const QByteArray &bytes)
{
    Q_UNUSED(bytes)
}

void ProcessSource::runFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_active || !m_process || sender() != m_process)
        return;
    // Output still buffered belongs to the run; decoding it may stop us.
    if (m_runFailure.isEmpty()) {
        const quint64 generation = m_generation;
        const QByteArray rest = m_process->readAllStandardOutput();
        if (!rest.isEmpty())
            readOutput(rest);
        if (!m_active || !m_process || (generation != m_generation && m_runFailure.isEmpty()))
            return;
    }
    m_errorTail += m_process->readAllStandardError();
    if (m_errorTail.size() > errorTailBytes)
        m_errorTail.remove(0, m_errorTail.size() - errorTailBytes);

    const bool crashed = status == QProcess::CrashExit;
    const int code = crashed ? -1 : exitCode;
    QString reason = m_runFailure;
    bool userMustAct = false;
    if (reason.isEmpty()) {
        reason = m_host->diagnose(code, m_errorTail);
        userMustAct = m_host->needsUser(code, m_errorTail);
    }
    if (reason.isEmpty())
        reason = failureReason(code, crashed, m_errorTail);
    if (m_runClock.elapsed() >= healthyRunMs)
        m_backoff.reset();
    discardProcess();

    if (userMustAct) {
        setState(State::Stopped, reason, true);
        return;
    }
    retryLater(reason);
}

void ProcessSource::runError(QProcess::ProcessError error)
{
    // A crash or a read error ends in finished(); only a command that never
    // started ends here.
    if (error != QProcess::FailedToStart || !m_active || !m_process || sender() != m_process)
        return;
    // The host knows best why its command could not start (ssh cannot be
    // run with these settings): its words, and it may need the user.
    QString reason = m_host->diagnose(-1, QByteArray());
    const bool userMustAct = !reason.isEmpty() && m_host->needsUser(-1, QByteArray());
    if (reason.isEmpty())
        reason = tr("Could not run %1 on %2: %3").arg(commandName(), m_host->displayName(), m_process->errorString());
    discardProcess();
    if (userMustAct) {
        setState(State::Stopped, reason, true);
        return;
    }
    retryLater(reason);
}

void ProcessSource::retryLater(const QString &reason)
{
    ++m_generation;
    m_retryTimer->start(m_backoff.nextDelay());
    setState(State::Connecting, reason);
}

void ProcessSource::discardProcess()
{
    if (!m_process)
        return;
    QProcess *process = std::exchange(m_process, nullptr);
    disconnect(process, nullptr, this, nullptr);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // Reaped once it is gone, even when the source is deleted first: a child
    // still running would make QProcess wait for it in its destructor.
    process->setParent(nullptr);
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

bool ProcessSource::deliver(const QByteArray &text, const QByteArray &cursor, qint64 referenceTime)
{
    m_cursor = cursor;
    if (text.isEmpty())
        return m_active;
    SourceChunk chunk;
    chunk.text = text;
    chunk.offset = m_streamOffset;
    chunk.cursor = cursor;
    chunk.referenceTime = referenceTime;
    m_streamOffset += text.size();
    m_backoff.reset();

    const quint64 run = m_generation;
    emit chunkRead(chunk);
    return isCurrentRun(run);
}

void ProcessSource::setReading(bool lagging)
{
    m_backoff.reset();
    setState(lagging ? State::Lagging : State::Following);
}

void ProcessSource::failRun(const QString &reason)
{
    if (!m_process)
        return;
    m_runFailure = reason;
    ++m_generation;
    m_process->kill();
}

QString ProcessSource::failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const
{
    const QString line = lastLine(errorOutput);
    if (!line.isEmpty())
        return tr("%1 on %2 stopped: %3").arg(commandName(), m_host->displayName(), line);
    if (crashed)
        return tr("%1 on %2 stopped unexpectedly").arg(commandName(), m_host->displayName());
    return tr("%1 on %2 ended (exit status %3)").arg(commandName(), m_host->displayName()).arg(exitCode);
}

QString ProcessSource::lastLine(const QByteArray &errorOutput)
{
    const QList<QByteArray> lines = errorOutput.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            return QString::fromUtf8(line);
    }
    return QString();
}

} // namespace mailtls
