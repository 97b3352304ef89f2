#pragma once

#include <cstdint>

#include <QList>
#include <QMap>
#include <QString>

namespace mailtls {

// What one import did with one log, for `--verbose` and the GUI.
struct ImportSummary
{
    enum class Outcome {
        New,              // first time this log was seen
        Resumed,          // a longer version of a log seen before: read from where it stopped
        AlreadyComplete,  // nothing new since the last import
        Empty,            // no lines at all
    };
    QString name;
    Outcome outcome = Outcome::New;
    std::int64_t resumedAt = 0;          // byte offset the read started from
    std::int64_t linesRead = 0;          // lines read in this import
    std::int64_t unterminatedBytes = 0;  // an unfinished last line left for the next import
    QMap<QString, std::int64_t> unrecognised;  // program -> lines no rule recognised
    QString format = QStringLiteral("postfix");
    QString warning;                     // something the user should know, empty if none
};

} // namespace mailtls
