#pragma once

#include <memory>

#include <QString>
#include <QStringList>

#include "models/sources/journaldecoder.h"
#include "models/sources/processsource.h"

class QTimer;

namespace mailtls {

// Follows the systemd journal on a host (this machine, or one reached over
// SSH) with `journalctl --follow --output=json`: the entries of one unit, or
// with no unit those of the usual mail servers (defaultMatches()). Each entry
// becomes the line `journalctl -o short-iso-precise` shows, in UTC.
//
// Cursor: "j1 " followed by the journal cursor (__CURSOR) of the last entry
// handed on; without one the source reads every matching entry the journal
// still holds. A run resumes with --after-cursor, so no entry comes twice.
class JournalSource final : public ProcessSource
{
    Q_OBJECT

public:
    JournalSource(std::shared_ptr<const CommandHost> host, const QString &unit,
                  QObject *parent = nullptr);

    QString unit() const { return m_unit; }
    // Reads the journal files in `directory` on the host (journalctl
    // --directory) instead of the system journal: a journal copied from
    // another machine, or tests. Takes effect at the next run.
    void setDirectory(const QString &directory) { m_directory = directory; }
    QString directory() const { return m_directory; }

    // The journalctl matches for the mail servers' entries when no unit is
    // given: the units Postfix, Sendmail and Exim run in on Debian, Ubuntu,
    // Fedora and RHEL, or else their syslog identifiers (a server started
    // outside those units, or a journal from a container).
    static QStringList defaultMatches();

    // The arguments journalctl gets, after the program name.
    QStringList journalctlArguments(const QByteArray &cursor) const;

    static QByteArray cursorText(const QByteArray &journalCursor);
    // The journal cursor in a stored cursor; empty when there is none or it is
    // not one this source made.
    static QByteArray journalCursor(const QByteArray &cursor);

protected:
    QStringList command(const QByteArray &cursor) const override;
    void beginRun(const QByteArray &cursor) override;
    void readOutput(const QByteArray &bytes) override;
    void readErrorOutput(const QByteArray &bytes) override;
    QString failureReason(int exitCode, bool crashed, const QByteArray &errorOutput) const override;
    QString commandName() const override;

private:
    QString m_unit;
    QString m_directory;
    JournalDecoder m_decoder;
    QTimer *m_quiet = nullptr;       // no output for a while: caught up
    QByteArray m_errorLine;          // error output not yet ended by a newline
    bool m_warnedHint = false;
    bool m_warnedSkipped = false;
};

} // namespace mailtls
