#pragma once

#include <cstdint>
#include <optional>

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mailtls {

// What one import did with one log, for `--verbose` and the GUI.
struct ImportSummary
{
    enum class Outcome {
        New,              // first time this log was seen
        Resumed,          // a longer version of a log seen before: read from where it stopped
        AlreadyComplete,  // nothing new since the last import (or the same lines as a log read before)
        Empty,            // no lines at all
        Continued,        // began inside a log read before and went on past its end: the rest read
                          // on as that log's continuation
        Contained,        // every line of it was read before, from another file (a copy, an excerpt)
        Subset,           // every line of it is in a log read before, though not one after another
                          // (Debian's mail.warn, mail.err, mail.info)
        Skipped,          // not read, for `reason` (given twice, compressed with something other
                          // than gzip, a Debian subset file whose mail.log was not read)
        Refused,          // begins with lines read before but then differs: not read
        Cancelled,        // cancelled while it was read: what it had added was taken back
    };
    // Where a file's lines were found read before.
    struct Known
    {
        QString name;                    // the log they were read from
        std::int64_t fromLine = 0;       // its line number (1-based) of the first of them
        std::int64_t lines = 0;
    };

    QString name;
    Outcome outcome = Outcome::New;
    int order = 0;                       // its place in the reading order, from 1 (0: a file alone)
    std::int64_t resumedAt = 0;          // byte offset the read started from (in the log read on)
    std::int64_t linesRead = 0;          // lines read (and counted) in this import
    std::int64_t linesKnown = 0;         // lines found read before, not counted again
    std::int64_t unterminatedBytes = 0;  // an unfinished last line left for the next import
    QMap<QString, std::int64_t> unrecognised;  // program -> lines no rule recognised
    // The MTAs whose lines it held: "postfix", "sendmail, exim" (LogAssembler::formatsSeen).
    QString format = QStringLiteral("postfix");
    QString warning;                     // something the user should know, empty if none
    QString reason;                      // Skipped, Refused, Subset: why, in words, with the file's name
    bool problem = false;                // not read for something the user should see to (exit status 1)
    QString continues;                   // Resumed, Continued: the log read on
    QList<Known> known;                  // Continued, Contained, AlreadyComplete, Subset; the
                                         // log read before that a file read in part ends in
    QStringList replaced;                // logs read before whose lines are all in this one: taken
                                         // back, their lines counted here once
    std::optional<std::int64_t> firstTime;   // of its first stamped line (UTC), as read
    std::optional<std::int64_t> lastTime;    // of its last, when known
};

} // namespace mailtls
