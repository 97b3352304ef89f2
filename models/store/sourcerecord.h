#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace mailtls {

// One log source as the store knows it: where reading stopped, and what is
// needed to resume exactly there (the check hash tells a rotated or replaced
// file from the one read before; the assembler state holds open sessions).
struct SourceRecord
{
    qint64 id = -1;
    QString identity;            // stable key: file identity, journal id, ssh host + path
    QString name;                // what the user sees
    qint64 position = 0;         // byte offset (or cursor position) after the last stored line
    QByteArray checkHash;
    QByteArray assemblerState;
    qint64 linesRead = 0;        // every line read from this source, recognised or not
    // Followed sources only: where the source itself resumes (which file and
    // where in it, or a journal cursor), what the user gave to define it (a
    // path, journal[:UNIT], ssh://…; empty for a log that was imported), and
    // whether the user paused it.
    QByteArray cursor;
    QString spec;
    bool paused = false;
    // Imported logs: the times (UTC) of the first and last lines with a stamp,
    // as they were read (the first fixes the year stamps without one were
    // read in, so a longer version of the log goes on in the same years).
    std::optional<qint64> firstTime;
    std::optional<qint64> lastTime;
};

} // namespace mailtls
