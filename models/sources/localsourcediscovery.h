#pragma once

#include <optional>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/sources/sourcespec.h"

namespace mailtls {

// A mail log this computer may have, and whether MailTLS can read it.
struct LocalLogCandidate
{
    enum class Kind { File, Journal };
    enum class Status {
        Readable,
        Unreadable,   // there, but closed to this user: `reason` says what to do
        Missing,      // not on this computer
    };

    Kind kind = Kind::File;
    QString path;     // File: the log's path
    Status status = Status::Missing;
    QString reason;   // why not readable or missing; empty when readable

    // The source to follow it: the path, or "journal".
    SourceSpec spec() const;
    // "/var/log/mail.log", "the systemd journal".
    QString displayName() const;

    bool operator==(const LocalLogCandidate &other) const
    {
        return kind == other.kind && path == other.path && status == other.status && reason == other.reason;
    }
};

// Finds which of the usual places of a mail log this computer has and this
// user can read: the log files Postfix, Sendmail and Exim write on common
// systems, and the systemd journal. Files are opened for reading, as a
// source would open them, so access lists and the like count; the journal
// is readable for root and for members of the groups that systemd lets read
// the system journal. Everything it looks at can be set, for tests.
class LocalSourceDiscovery final
{
    Q_DECLARE_TR_FUNCTIONS(LocalSourceDiscovery)

public:
    LocalSourceDiscovery();

    // /var/log/mail.log, /var/log/maillog, /var/log/mail/mail.log, /var/log/exim4/mainlog.
    static QStringList defaultLogFiles();
    // Groups whose members may read the whole journal.
    static QStringList journalGroups();

    void setLogFiles(const QStringList &paths) { m_logFiles = paths; }
    // The journalctl program: a name looked up on PATH, or a path; empty: none.
    void setJournalctl(const QString &program) { m_journalctl = program; }
    // Where journald keeps its files: /var/log/journal and /run/log/journal.
    void setJournalDirectories(const QStringList &directories) { m_journalDirectories = directories; }
    // Who asks; by default the process's effective user and its groups.
    void setUser(bool root, const QStringList &groups);

    // The log files in their order, then the journal.
    QList<LocalLogCandidate> discover() const;
    LocalLogCandidate checkFile(const QString &path) const;
    LocalLogCandidate checkJournal() const;

private:
    QStringList m_logFiles;
    QString m_journalctl;
    QStringList m_journalDirectories;
    std::optional<bool> m_root;
    QStringList m_groups;
};

} // namespace mailtls
