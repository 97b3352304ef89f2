#pragma once

#include <optional>

#include <QCoreApplication>
#include <QString>

namespace mailtls {

// What a user names as a source, parsed: a local file path, `journal[:UNIT]`,
// `ssh://[user@]host[:port]/path/to/log` or `ssh://[user@]host[:port]/journal[:UNIT]`.
struct SourceSpec
{
    Q_DECLARE_TR_FUNCTIONS(SourceSpec)

public:
    enum class Kind { File, Journal };

    Kind kind = Kind::File;
    QString path;           // File: absolute path (remote paths as given)
    QString unit;           // Journal: the unit, empty for the MTA's default identifiers
    // Remote host; empty host means this machine.
    QString user;           // empty: ssh's own choice (~/.ssh/config, the login name)
    QString host;
    int port = 0;           // 0: ssh's own choice

    bool isRemote() const { return !host.isEmpty(); }

    // Parses what the user gave; std::nullopt with a message naming the
    // problem when it is not a source. A relative local path is made absolute
    // against `workingDirectory` (default: the current directory).
    static std::optional<SourceSpec> parse(const QString &text, QString *error,
                                           const QString &workingDirectory = QString());

    // The canonical text: parse(toString()) gives this spec back. Also the
    // source's identity in the store, so one log followed twice is one source.
    QString toString() const;
    // Short name for the user: "/var/log/mail.log", "journal (postfix@-.service)",
    // "mx.example.org: /var/log/mail.log".
    QString displayName() const;

    bool operator==(const SourceSpec &other) const;
};

} // namespace mailtls
