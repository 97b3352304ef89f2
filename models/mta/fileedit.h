#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace mailtls {

// One file of a change plan: the bytes it held when the plan was made and the
// bytes it is to hold. The applier refuses to write when the file no longer
// holds `before`, so nobody's edit made in between is overwritten.
struct FileEdit
{
    // Absolute path on the MTA's host.
    QString path;
    // Nothing: the file did not exist when the plan was made.
    std::optional<QByteArray> before;
    // Nothing: the file is to be removed (restoring a backup taken before
    // the file was created).
    std::optional<QByteArray> after;
    // The mode the file gets: nothing keeps a replaced file's own and gives a
    // new file 0644. A restored file gets its old mode back.
    std::optional<int> mode;
    // The owner and group the file gets: nothing keeps a replaced file's own
    // and gives a new file the applier's user and group.
    std::optional<uint> owner;
    std::optional<uint> group;
    // Translated, one line each: what the edit does ("smtpd_tls_loglevel = 1").
    QStringList summary;
    // The configuration parameters the edit changes: validation output that
    // names one of them fails the plan.
    QList<QByteArray> parameters;

    bool changesFile() const { return before != after; }
    bool createsFile() const { return !before && after; }
    bool removesFile() const { return before && !after; }
};

} // namespace mailtls
