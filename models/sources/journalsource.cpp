#include "models/sources/journalsource.h"

#include <QDateTime>
#include <QTimer>

namespace mailtls {

namespace {

const QByteArray cursorVersion = QByteArrayLiteral("j1 ");

// Entries older than this when they arrive are a backlog being read.
constexpr qint64 backlogUsec = 10LL * 1000 * 1000;
// journalctl writes a backlog without pause: output quiet for this long means
// it has caught up.
constexpr int quietMs = 1000;

// Prints the marker, then becomes journalctl: the marker says the host ran
// the command (the connection stands) even when no entry comes for hours.
const QString launcher = QStringLiteral("printf '%s\\n' mailtls-journal && exec journalctl \"$@\"");

bool isCursorText(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 1024)
        return false;
    for (const char c : text) {
        if (c <= ' ' || c > '~')
            return false;
    }
    return true;
}

} // namespace

JournalSource::JournalSource(std::shared_ptr<const CommandHost> host, const QString &unit, QObject *parent)
    : ProcessSource(std::move(host), parent)
    , m_unit(unit)
    , m_quiet(new QTimer(this))
{
    m_quiet->setSingleShot(true);
    m_quiet->setInterval(quietMs);
    connect(m_quiet, &QTimer::timeout, this, [this] {
        if (state() == State::Lagging)
            setReading(false);
    });
}

QStringList JournalSource::defaultMatches()
{
    // One field's matches are alternatives; "+" joins the two groups.
    return {
        QStringLiteral("_SYSTEMD_UNIT=postfix.service"),
        QStringLiteral("_SYSTEMD_UNIT=postfix@-.service"),
        QStringLiteral("_SYSTEMD_UNIT=sendmail.service"),
        QStringLiteral("_SYSTEMD_UNIT=sm-client.service"),
        QStringLiteral("_SYSTEMD_UNIT=exim4.service"),
        QStringLiteral("_SYSTEMD_UNIT=exim.service"),
        QStringLiteral("+"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/smtpd"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/smtp"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/qmgr"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/cleanup"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/pickup"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/bounce"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/lmtp"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/local"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/postscreen"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/tlsproxy"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/submission/smtpd"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/smtps/smtpd"),
        QStringLiteral("SYSLOG_IDENTIFIER=postfix/master"),
        QStringLiteral("SYSLOG_IDENTIFIER=sendmail"),
        QStringLiteral("SYSLOG_IDENTIFIER=sm-mta"),
        QStringLiteral("SYSLOG_IDENTIFIER=sm-msp-queue"),
        QStringLiteral("SYSLOG_IDENTIFIER=exim"),
        QStringLiteral("SYSLOG_IDENTIFIER=exim4"),
    };
}

QStringList JournalSource::journalctlArguments(const QByteArray &cursor) const
{
    QStringList arguments = {
        QStringLiteral("--follow"),
        // --follow alone starts at the last ten entries.
        QStringLiteral("--no-tail"),
        // Without it journalctl writes null for a message of 4096 bytes or more.
        QStringLiteral("--all"),
        QStringLiteral("--no-pager"),
        QStringLiteral("--output=json"),
        QStringLiteral("--output-fields=MESSAGE,_HOSTNAME,SYSLOG_IDENTIFIER,_COMM,SYSLOG_PID,_PID,"
                       "_SOURCE_REALTIME_TIMESTAMP"),
    };
    if (!m_directory.isEmpty())
        arguments << QStringLiteral("--directory=") + m_directory;
    const QByteArray after = journalCursor(cursor);
    if (!after.isEmpty())
        arguments << QStringLiteral("--after-cursor=") + QString::fromLatin1(after);
    if (m_unit.isEmpty())
        arguments << defaultMatches();
    else
        arguments << QStringLiteral("--unit=") + m_unit;
    return arguments;
}

QByteArray JournalSource::cursorText(const QByteArray &journalCursor)
{
    return journalCursor.isEmpty() ? QByteArray() : cursorVersion + journalCursor;
}

QByteArray JournalSource::journalCursor(const QByteArray &cursor)
{
    if (!cursor.startsWith(cursorVersion))
        return QByteArray();
    const QByteArray text = cursor.mid(cursorVersion.size());
    return isCursorText(text) ? text : QByteArray();
}

QStringList JournalSource::command(const QByteArray &cursor) const
{
    return QStringList{QStringLiteral("sh"), QStringLiteral("-c"), launcher, QStringLiteral("mailtls-journal")}
        + journalctlArguments(cursor);
}

void JournalSource::beginRun(const QByteArray &cursor)
{
    if (isFirstRunFrom() && !cursor.isEmpty() && journalCursor(cursor).isEmpty())
        emit warning(tr("The stored position in the journal on %1 could not be read; reading the "
                        "journal from its oldest entry.")
                         .arg(host().displayName()));
    m_decoder.reset();
    m_errorLine.clear();
    m_warnedHint = false;
    m_warnedSkipped = false;
    m_quiet->stop();
}

void JournalSource::readOutput(const QByteArray &bytes)
{
    const quint64 run = currentRun();
    const bool wasStarted = state() == State::Following || state() == State::Lagging;
    const JournalDecoder::Output out = m_decoder.feed(bytes);
    if (!out.cursor.isEmpty()) {
        if (!deliver(out.text, cursorText(out.cursor), QDateTime::currentSecsSinceEpoch()))
            return;
    }
    if (out.skipped > 0 && !m_warnedSkipped) {
        m_warnedSkipped = true;
        emit warning(tr("journalctl on %1 wrote output that is not a journal entry; it was skipped.")
                         .arg(host().displayName()));
        if (!isCurrentRun(run))
            return;
    }
    if (!out.started)
        return;
    const qint64 nowUsec = QDateTime::currentMSecsSinceEpoch() * 1000;
    const bool backlog = out.newestUsec > 0 && nowUsec - out.newestUsec > backlogUsec;
    if (backlog) {
        setReading(true);
        m_quiet->start();
    } else if (out.newestUsec > 0 || !wasStarted) {
        setReading(false);
    }
}

void JournalSource::readErrorOutput(const QByteArray &bytes)
{
    const quint64 run = currentRun();
    m_errorLine += bytes;
    qsizetype newline;
    while (isCurrentRun(run) && (newline = m_errorLine.indexOf('\n')) >= 0) {
        const QByteArray line = m_errorLine.left(newline);
        m_errorLine.remove(0, newline + 1);
        if (!m_warnedHint && line.contains("not seeing messages from other users")) {
            m_warnedHint = true;
            emit warning(tr("journalctl on %1 shows this user only their own entries: the user needs "
                            "to be in group systemd-journal or adm to read the mail server's.")
                             .arg(host().displayName()));
        } else if (line.startsWith("No journal files were found")) {
            emit warning(m_directory.isEmpty()
                             ? tr("journalctl on %1 found no journal files.").arg(host().displayName())
                             : tr("journalctl on %1 found no journal files in %2.")
                                   .arg(host().displayName(), m_directory));
        }
    }
    if (m_errorLine.size() > 4096)
        m_errorLine.clear();
}

QString JournalSource::failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const
{
    if (exitCode == 127)
        return tr("journalctl is not installed on %1").arg(host().displayName());
    return ProcessSource::failureReason(exitCode, crashed, errorOutput);
}

QString JournalSource::commandName() const
{
    return QStringLiteral("journalctl");
}

} // namespace mailtls
